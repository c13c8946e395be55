#!/usr/bin/env python3
"""K-fold cross-validation of the extractor on anercorp_lex, with lexicons harvested from the other folds.

Usage: python3 tools/cv.py [--shared DIR] [-k 5] [-j 1] [--errors] [--keep DIR] [--no-build] [--unseen-names]

Why: the bundled lexicons are harvested from the whole of anercorp_lex (tools/build_lexicons.py), so
scoring anercorp_lex with them scores names the extractor has already been told (micro F1 ~0.92). Here
the corpus is cut into k contiguous blocks of sentences (contiguous, so an article's names stay in one
fold; the blocks are balanced on tokens and cut only between sentences); for each fold every file that
build_lexicons.py writes is rebuilt from the other k-1 blocks into a folder of its own, next to copies of
the hand-curated files, and the held-out block is scored with `examples/evaluate.rs --lexicons FOLDER`.
Pooled = the counts summed over the folds. Errors read here (`--errors`) are errors on text whose names
the lexicons did not see, which is what unseen news looks like.

With --unseen-names the harvested files (`lexicons/anercorp_*.tsv`: names and common words) are left
empty in every fold: no name of the corpus is known, as in news about people and bodies that the
corpus never mentions. Fold-held-out names are still partly familiar (the same news agency, the same
years), so this harsher setting is the closer proxy for unseen news; a rule that helps only with the
harvested lists on is suspect.

The scoring is that of /work/shared/eval/conll_eval.py (each held-out block is one document). It builds
the `evaluate` example first (`cargo build --release --example evaluate`) unless --no-build.
Python 3.11 standard library only; the result is deterministic.
"""

import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ("PERS", "LOC", "ORG")
EVALUATE = os.path.join(REPO, "target", "release", "examples", "evaluate")


def default_shared():
    # CI and the worktrees have the shared folder beside the checkout
    return os.path.normpath(os.path.join(REPO, "..", "shared"))


def read_sentences(path):
    """The sentences of a CoNLL file, each a list of its raw lines (kept as they are)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cur.append(line if line.endswith("\n") else line + "\n")
    if cur:
        sents.append(cur)
    return sents


def split_folds(sents, k):
    """k contiguous blocks of sentences with about the same number of tokens each."""
    total = sum(len(s) for s in sents)
    bounds, seen = [0], 0
    for i, s in enumerate(sents):
        seen += len(s)
        # cut after the sentence that brings the block to its share of the tokens
        if len(bounds) < k and seen >= total * len(bounds) / k:
            bounds.append(i + 1)
    bounds.append(len(sents))
    if len(bounds) != k + 1 or any(a >= b for a, b in zip(bounds, bounds[1:])):
        sys.exit("cv.py: cannot cut %d sentences into %d non-empty folds" % (len(sents), k))
    return [sents[a:b] for a, b in zip(bounds, bounds[1:])]


def write_conll(path, sents):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for s in sents:
            fh.writelines(s)
            fh.write("\n")


def run(cmd, what):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("cv.py: %s failed (exit %d): %s\n%s" % (what, r.returncode, " ".join(cmd), r.stderr.strip()))
    return r.stdout


def build_evaluate():
    run(["cargo", "build", "--quiet", "--release", "--example", "evaluate"], "building the evaluate example")


def evaluate(gold, lexicons=None, errors=False):
    """(counts {type: [tp, fp, fn]}, error text) of the evaluate example on a gold file."""
    if not os.access(EVALUATE, os.X_OK):
        sys.exit("cv.py: %s is missing: run `cargo build --release --example evaluate`" % EVALUATE)
    cmd = [EVALUATE, gold, "--counts"]
    if lexicons:
        cmd += ["--lexicons", lexicons]
    if errors:
        cmd.append("--errors")
    out = run(cmd, "evaluate")
    counts, rest = {}, []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0] in TYPES and not counts.get(parts[0]):
            counts[parts[0]] = [int(x) for x in parts[1:]]
        else:
            rest.append(line)
    if set(counts) != set(TYPES):
        sys.exit("cv.py: unexpected output of %s:\n%s" % (" ".join(cmd), out[:2000]))
    return counts, "\n".join(rest).strip()


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def with_micro(counts):
    micro = [sum(counts[t][i] for t in TYPES) for i in range(3)]
    return {**counts, "micro": micro}


def add(a, b):
    return {t: [x + y for x, y in zip(a[t], b[t])] for t in TYPES}


def empty_harvested(lex):
    """Leave every harvested anercorp_*.tsv in folder `lex` with its header comments only."""
    for name in os.listdir(lex):
        if name.startswith("anercorp_") and name.endswith(".tsv"):
            path = os.path.join(lex, name)
            with open(path, encoding="utf-8") as fh:
                header = [line for line in fh if line.startswith("#")]
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.writelines(header)


def run_fold(i, folds, shared, workdir, errors, unseen=False):
    """Rebuild the corpus-derived lexicons without fold i, score fold i with them."""
    d = os.path.join(workdir, "fold%d" % (i + 1))
    lex = os.path.join(d, "lexicons")
    os.makedirs(lex, exist_ok=True)
    # the hand-curated files as they are; build_lexicons.py then overwrites every file it generates, so
    # nothing harvested from the whole corpus is left in the folder
    for name in os.listdir(os.path.join(REPO, "lexicons")):
        if name.endswith(".tsv"):
            shutil.copy(os.path.join(REPO, "lexicons", name), lex)
    train = os.path.join(d, "train.txt")
    test = os.path.join(d, "test.txt")
    write_conll(train, [s for j, f in enumerate(folds) if j != i for s in f])
    write_conll(test, folds[i])
    run([sys.executable, os.path.join(REPO, "tools", "build_lexicons.py"), shared, "--corpus", train, "--out", lex],
        "build_lexicons.py for fold %d" % (i + 1))
    if unseen:
        empty_harvested(lex)
    return evaluate(test, lexicons=lex, errors=errors)


def cross_validate(shared, k=5, jobs=1, errors=False, keep=None, unseen=False):
    """Per-fold counts, pooled counts, per-fold error texts and fold sizes (sentences, tokens)."""
    corpus = os.path.join(shared, "eval", "dev", "anercorp_lex.txt")
    if not os.path.isfile(corpus):
        sys.exit("cv.py: no %s (is --shared right?)" % corpus)
    folds = split_folds(read_sentences(corpus), k)
    sizes = [(len(f), sum(len(s) for s in f)) for f in folds]
    tmp = None
    if keep:
        os.makedirs(keep, exist_ok=True)
        workdir = keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="alam-cv-")
        workdir = tmp.name
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(lambda i: run_fold(i, folds, shared, workdir, errors, unseen), range(k)))
    finally:
        if tmp:
            tmp.cleanup()
    per_fold = [c for c, _ in results]
    pooled = per_fold[0]
    for c in per_fold[1:]:
        pooled = add(pooled, c)
    return per_fold, pooled, [e for _, e in results], sizes


def table(rows):
    """A markdown table: one row per (label, counts), P/R/F1 per type and micro."""
    cols = list(TYPES) + ["micro"]
    out = ["| | " + " | ".join("%s P / R / F1" % c for c in cols) + " |",
           "|---|" + "---:|" * len(cols)]
    for label, counts in rows:
        c = with_micro(counts)
        cells = ["%.3f / %.3f / **%.3f**" % prf(*c[t]) if t == "micro" else "%.3f / %.3f / %.3f" % prf(*c[t])
                 for t in cols]
        out.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(prog="cv.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=default_shared(), help="the shared folder (default: ../shared)")
    ap.add_argument("-k", type=int, default=5, help="number of folds (default 5)")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="folds run at once (default 1: the machine is shared)")
    ap.add_argument("--errors", action="store_true", help="list each fold's errors after the tables")
    ap.add_argument("--keep", metavar="DIR", help="keep each fold's train/test files and lexicons in DIR")
    ap.add_argument("--no-build", action="store_true", help="do not build the evaluate example first")
    ap.add_argument("--unseen-names", action="store_true",
                    help="leave the harvested anercorp_*.tsv lexicons empty in every fold")
    args = ap.parse_args()
    if args.k < 2:
        ap.error("-k must be 2 or more")
    if not args.no_build:
        build_evaluate()
    t0 = time.monotonic()
    per_fold, pooled, errs, sizes = cross_validate(args.shared, args.k, args.jobs, args.errors, args.keep,
                                                args.unseen_names)
    rows = [("fold %d (%d sent., %d tok.)" % (i + 1, s, t), c) for i, (c, (s, t)) in enumerate(zip(per_fold, sizes))]
    rows.append(("**pooled**", pooled))
    how = "harvested lexicons left empty" if args.unseen_names else "lexicons rebuilt from the other folds"
    print("anercorp_lex, %d-fold cross-validation (%s)\n" % (args.k, how))
    print(table(rows))
    p = with_micro(pooled)
    print("\npooled counts (tp fp fn): " + "; ".join("%s %d %d %d" % (t, *p[t]) for t in list(TYPES) + ["micro"]))
    print("%.1f s" % (time.monotonic() - t0), file=sys.stderr)
    if args.errors:
        for i, e in enumerate(errs):
            print("\n## fold %d errors\n%s" % (i + 1, e))


if __name__ == "__main__":
    main()
