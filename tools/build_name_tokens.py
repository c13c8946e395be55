#!/usr/bin/env python3
"""Generate the person-name token lexicons from the two transliteration sources.

Usage: python3 tools/build_name_tokens.py /work/shared [--check]

Reads SRC/gazetteers/wikidata-name-transliteration/name_tokens_en_ar.tsv (CC0 1.0) and
SRC/gazetteers/google-transliteration/ar2en.tsv (Apache-2.0) and writes lexicons/names_wikidata.tsv and
lexicons/names_wikipedia.tsv: one `name` entry per folded form. A `name` is a token seen inside persons'
names, most of them foreign (transliterated) given names and surnames. It is weak evidence: the rules use
it only with context (another name token, a title, a role or a speech verb next to it), because hundreds
of these forms are also ordinary words.

With --check nothing is written: the script exits 1, naming the files, when lexicons/names_*.tsv differ
from what it would write. They drift when a word joins a title, role or function-word list by hand (the
name token must then leave the name list), which is why CI runs it.

Kept apart from build_lexicons.py because neither source needs the corpus: these files are the same in
every cross-validation fold. Python 3.11 standard library only; the output is deterministic.
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from alamfold import fold, strip_marks  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "lexicons")
REGEN = "regenerate with: python3 tools/build_name_tokens.py ../shared"

# A token of two letters (دي، لي، من، بن) is far more often a word or a particle than a name.
MIN_CHARS = 3
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+$")

# Hand-curated files whose words have a stronger reading than "some person's name token": a title, a
# role, a particle or a function word inside a name list would start or extend chains that the other
# kind's rule should decide.
OTHER_KINDS = [
    "titles.tsv",
    "roles.tsv",
    "particles.tsv",
    "function_words.tsv",
    "speech_verbs.tsv",
    "nationalities.tsv",
    "org_heads.tsv",
    "place_nouns.tsv",
]
# Permissive name lists the token may already be in, with a more precise kind (given with gender, family).
NAME_FILES = ["given_names.tsv", "family_names.tsv"]

SOURCES = {
    "wikidata": {
        "path": "gazetteers/wikidata-name-transliteration/name_tokens_en_ar.tsv",
        "out": "names_wikidata.tsv",
        "origin": "Wikidata person labels, English -> Arabic name tokens, via GitHub "
        "steveash/NETransliteration-COLING2018 @5d5f59e (data/wd_arabic.normalized.aligned.tokens; "
        "Merhav & Ash, COLING 2018)",
        "licence": "CC0-1.0 (see NOTICE)",
    },
    "wikipedia": {
        "path": "gazetteers/google-transliteration/ar2en.tsv",
        "out": "names_wikipedia.tsv",
        "origin": "Wikipedia Arabic-English transliteration pairs, GitHub google/transliteration "
        "(ar2en.txt; Rosca & Breuel 2016)",
        "licence": "Apache-2.0, Copyright Google (see NOTICE)",
    },
}


def single_word_folds(names):
    folds = set()
    for name in names:
        with open(os.path.join(OUT, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                text = line.split("\t", 1)[0].strip()
                if " " not in text:
                    folds.add(fold(text))
    return folds


def read_pairs(src, key):
    """(Arabic display form, weight) pairs of one source, in file order."""
    path = os.path.join(src, SOURCES[key]["path"])
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if key == "wikidata":
                yield cols[1].strip(), int(cols[2])
            else:
                yield cols[0].strip(), 1


def build(src, key, excluded):
    spellings = collections.defaultdict(collections.Counter)
    stats = collections.Counter()
    for text, weight in read_pairs(src, key):
        text = strip_marks(text)
        if not ARABIC_WORD.match(text):
            stats["not one Arabic word"] += 1
            continue
        folded = fold(text)
        if len(folded) < MIN_CHARS:
            stats["shorter than 3 letters"] += 1
            continue
        if folded in excluded:
            stats["already another kind or a listed name"] += 1
            continue
        spellings[folded][text] += weight
    rows = []
    for folded, texts in spellings.items():
        # The most frequent spelling; ties go to the first in code-point order, so the file is stable.
        text = sorted(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.append((folded, text))
    rows.sort()
    return rows, stats


def render(key, rows):
    """The text of one generated file."""
    meta = SOURCES[key]
    head = (
        f"# GENERATED by tools/build_name_tokens.py from {meta['path']} — do not edit; {REGEN}\n"
        f"# origin: {meta['origin']}\n"
        f"# licence: {meta['licence']}\n"
        "# tier: default\n"
        "# kind name: a token seen in persons' names (given or family, often foreign); weak evidence, used\n"
        "# only with context. Dropped: tokens of fewer than 3 letters, and words listed as a title, role,\n"
        "# particle, function word, speech verb, nationality, organization head, place noun, given or family name.\n"
        f"# entries: {len(rows)}\n"
    )
    return head + "".join(f"{text}\tname\tfold={folded}\n" for folded, text in rows)


def write(key, rows, stats):
    meta = SOURCES[key]
    with open(os.path.join(OUT, meta["out"]), "w", encoding="utf-8", newline="\n") as f:
        f.write(render(key, rows))
    print(f"{meta['out']}: {len(rows)} entries; dropped: {dict(stats)}")


def differs(key, rows):
    """Whether the committed file is not what this script would write."""
    with open(os.path.join(OUT, SOURCES[key]["out"]), encoding="utf-8", newline="") as f:
        return f.read() != render(key, rows)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        sys.exit(__doc__)
    src = args[0]
    excluded = single_word_folds(OTHER_KINDS + NAME_FILES)
    seen = set()
    stale = []
    for key in ("wikidata", "wikipedia"):
        rows, stats = build(src, key, excluded | seen)
        seen |= {folded for folded, _ in rows}
        if not check:
            write(key, rows, stats)
        elif differs(key, rows):
            stale.append(SOURCES[key]["out"])
    if stale:
        sys.exit(f"build_name_tokens.py: {', '.join(stale)} differ from the sources and the other lists; {REGEN}")


if __name__ == "__main__":
    main()
