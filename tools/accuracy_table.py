#!/usr/bin/env python3
"""The accuracy table of the current build, in markdown, ready for ACCURACY.md.

Usage: python3 tools/accuracy_table.py [--shared DIR] [-j 1] [--no-build]

Rows: anercorp_lex in 5-fold cross-validation (tools/cv.py: lexicons rebuilt from the other folds), the
same with the harvested anercorp lexicons left empty (cv.py --unseen-names: no name of the corpus known),
aqmar_train (read its errors with `evaluate --errors`), anercorp_dev and aqmar_dev (score only). Columns:
PERS, LOC, ORG and micro F1, and micro P / R. Only scores are printed, never an error or a line of the
dev files: they are for scoring, and reading them is how a rule comes to fit them.
Python 3.11 standard library only.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cv  # noqa: E402

# (label, file under eval/dev, what we may do with it)
FILES = [
    ("aqmar_train", "aqmar_train.txt", "read"),
    ("anercorp_dev", "anercorp_dev.txt", "score only"),
    ("aqmar_dev", "aqmar_dev.txt", "score only"),
]


def row(label, use, counts):
    c = cv.with_micro(counts)
    p, r, f = cv.prf(*c["micro"])
    fs = ["%.3f" % cv.prf(*c[t])[2] for t in cv.TYPES]
    return "| %s | %s | %s | %.3f | %.3f | **%.3f** |" % (label, use, " | ".join(fs), p, r, f)


def main():
    ap = argparse.ArgumentParser(prog="accuracy_table.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=cv.default_shared(), help="the shared folder (default: ../shared)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="cross-validation folds run at once (default 1)")
    ap.add_argument("--no-build", action="store_true", help="do not build the evaluate example first")
    args = ap.parse_args()
    if not args.no_build:
        cv.build_evaluate()
    t0 = time.monotonic()
    _, pooled, _, _ = cv.cross_validate(args.shared, 5, args.jobs)
    lines = [
        "| file | use | PERS F1 | LOC F1 | ORG F1 | micro P | micro R | micro F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        row("anercorp_lex, 5-fold CV (pooled)", "read (folds)", pooled),
    ]
    _, unseen, _, _ = cv.cross_validate(args.shared, 5, args.jobs, unseen=True)
    lines.append(row("the same, harvested lexicons empty", "read (folds)", unseen))
    for label, name, use in FILES:
        path = os.path.join(args.shared, "eval", "dev", name)
        if not os.path.isfile(path):
            sys.exit("accuracy_table.py: no %s (is --shared right?)" % path)
        counts, _ = cv.evaluate(path)  # never --errors: nothing of the dev files is printed
        lines.append(row(label, use, counts))
    print("\n".join(lines))
    print("%.1f s" % (time.monotonic() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
