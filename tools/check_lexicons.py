#!/usr/bin/env python3
"""Validate every lexicons/*.tsv against the format of lexicons/README.md.

Usage: python3 tools/check_lexicons.py [FILE...]   (default: all lexicons/*.tsv)
Checks: kinds, keys, attribute values, required attributes, repeated keys, empty TEXT, TEXT that folds to
nothing, `fold=` equal to the fold of TEXT, single spaces in TEXT, no duplicate (TEXT, KIND) within a file.
Exits 1 on any error. Python 3 standard library only.
"""

import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from alamfold import collapse_ws, fold  # noqa: E402

KINDS = {
    "person", "given", "family", "particle", "title", "role", "organization", "org-head", "place",
    "place-noun", "nationality", "speech-verb", "common", "function", "name",
}
KEYS = {"gender", "sub", "cat", "country", "parent", "fold"}
REQUIRED = {"given": {"gender"}, "place": {"sub"}}
GENDERS = {"male", "female", "unisex"}
CATS = {"academic", "professional", "religious", "military", "political", "honorific", "royal"}
SUB_RE = re.compile(r"^[a-z][a-z-]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def check_file(path):
    errors = []
    seen = {}
    n = 0
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s: not UTF-8: %s" % (path, e)], 0
    if text.startswith("\ufeff"):
        text = text[1:]
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue

        def err(msg):
            errors.append("%s:%d: %s" % (path, lineno, msg))

        cols = line.split("\t")
        if len(cols) < 2:
            err("expected TEXT<TAB>KIND")
            continue
        entry, kind = cols[0], cols[1]
        if not entry.strip():
            err("empty TEXT")
            continue
        if entry != collapse_ws(entry):
            err("TEXT has extra whitespace: %r" % entry)
        if not fold(entry):
            err("TEXT folds to nothing")
        if kind not in KINDS:
            err("unknown kind %r" % kind)
        attrs = {}
        for a in cols[2:]:
            if "=" not in a:
                err("malformed attribute %r" % a)
                continue
            k, v = a.split("=", 1)
            if k not in KEYS:
                err("unknown key %r" % k)
            elif k in attrs:
                err("repeated key %r" % k)
            elif not v:
                err("empty value for %r" % k)
            attrs[k] = v
        for k in REQUIRED.get(kind, ()):
            if k not in attrs:
                err("kind %s requires %s" % (kind, k))
        if "gender" in attrs and attrs["gender"] not in GENDERS:
            err("bad gender %r" % attrs["gender"])
        if "cat" in attrs and attrs["cat"] not in CATS:
            err("bad cat %r" % attrs["cat"])
        if "sub" in attrs and not SUB_RE.match(attrs["sub"]):
            err("bad sub %r" % attrs["sub"])
        if "country" in attrs and not COUNTRY_RE.match(attrs["country"]):
            err("bad country %r" % attrs["country"])
        if "fold" in attrs and attrs["fold"] != fold(entry):
            err("fold= %r differs from fold(TEXT) %r" % (attrs["fold"], fold(entry)))
        key = (entry, kind)
        if key in seen:
            err("duplicate (TEXT, KIND) %r, first on line %d" % (key, seen[key]))
        else:
            seen[key] = lineno
        n += 1
    return errors, n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "..", "lexicons", "*.tsv")))
    all_errors = []
    for path in files:
        errors, n = check_file(path)
        print("%-32s %7d entries  %s" % (os.path.basename(path), n, "ok" if not errors else "%d errors" % len(errors)))
        all_errors += errors
    for e in all_errors[:200]:
        print(e, file=sys.stderr)
    if all_errors:
        print("%d errors" % len(all_errors), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
