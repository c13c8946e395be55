#!/usr/bin/env python3
"""Rewrites the entry counts in the Files table of lexicons/README.md from the files themselves.

Usage: python3 tools/lexicon_counts.py        (run after any lexicon edit; tests/lexicons.rs checks them)
Prints the totals per kind over the default tier too.
"""
import collections
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent / "lexicons"


def entries(path):
    with open(path, encoding="utf-8-sig") as f:
        return [l.rstrip("\r\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


def main():
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    per_kind = collections.Counter()

    def fix(m):
        cells = m.group(0).split("|")
        name = cells[1].strip().strip("`")
        rows = entries(ROOT / name)
        if "opt-in" not in cells[-2]:
            per_kind.update(r[1] for r in rows if len(r) > 1)
        cells[-3] = f" {len(rows)} "
        return "|".join(cells)

    text = re.sub(r"^\| `[^`]+\.tsv` \|.*\|$", fix, text, flags=re.M)
    readme.write_text(text, encoding="utf-8")
    for kind, n in sorted(per_kind.items()):
        print(f"{kind}\t{n}")


if __name__ == "__main__":
    main()
