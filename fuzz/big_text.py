#!/usr/bin/env python3
"""Writes a large synthetic Arabic text for the memory measurement in fuzz/README.md.

Usage: python3 fuzz/big_text.py KIND MEGABYTES OUT, from the repository root, where KIND is
  news   paragraphs of tests/data/seed_article.txt and the sentences of tests/data/sentences.tsv (markers
         removed), shuffled with a fixed seed, with harakat, tatweel and bidi marks sprinkled in;
  dense  the worst case for memory: a short titled name and a place on every line, so that a mention
         starts every 25 bytes or so;
  plain  one line without any mention or line break (a single 64 KiB segment after another).
The output is the same on every run.
"""

import random
import re
import sys


def news_lines():
    lines = [l for l in open("tests/data/seed_article.txt", encoding="utf-8").read().split("\n") if l.strip()]
    for l in open("tests/data/sentences.tsv", encoding="utf-8"):
        if l.startswith("#") or not l.strip():
            continue
        l = re.sub(r"\[[^:\]]*: ", "", l)  # [kind attrs: text] -> text]
        l = re.sub(r"\{[^:}]*: ", "", l)
        lines.append(l.replace("]", "").replace("}", "").strip())
    return lines


def main():
    kind, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    target = mb * 1_000_000
    rng = random.Random(6)
    size = 0
    with open(out, "w", encoding="utf-8") as f:
        if kind == "news":
            lines = news_lines()
            marks = ["\u064e", "\u0650", "\u0651", "\u0640", "\u200f", "\u200c"]
            while size < target:
                l = rng.choice(lines)
                if rng.random() < 0.3:
                    i = rng.randrange(len(l) + 1)
                    l = l[:i] + rng.choice(marks) + l[i:]
                chunk = l + ("\n" if rng.random() < 0.8 else " ")
                f.write(chunk)
                size += len(chunk.encode("utf-8"))
        elif kind == "dense":
            line = "الأستاذ محمد في عدن\n"
            f.write(line * (target // len(line.encode("utf-8")) + 1))
        elif kind == "plain":
            word = "كلمة "
            f.write(word * (target // len(word.encode("utf-8")) + 1))
        else:
            sys.exit(f"unknown kind {kind}")


if __name__ == "__main__":
    main()
