#!/usr/bin/env python3
"""What each data feature is worth: builds the `extract` example with several feature sets and scores each.

Usage: python3 tools/feature_table.py [--shared DIR]

For the README's "Crate features and licences" table: the default build, the default build without each
data feature, and the build without any default feature, each scored (micro F1 only) on anercorp_dev and
aqmar_train with /work/shared/eval/conll_eval.py. Only scores are printed, never errors. The builds share the
target folder target/features, so the main build is left as it is. Python 3.11 stdlib.
"""

import argparse
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = ["data-anercorp", "data-cldr", "data-geonames"]
CODE = ["parallel", "serde"]
BUILDS = [("default", None)] + [(f"without {f}", [x for x in DATA if x != f]) for f in DATA] + [
    ("no default features", [])
]
FILES = ["anercorp_dev.txt", "aqmar_train.txt"]


def build(name, features):
    # One target folder for every feature set, so the dependencies are built once; each binary is copied
    # out before the next build replaces it.
    target = os.path.join(REPO, "target", "features")
    cmd = ["cargo", "build", "--release", "--example", "extract", "--target-dir", target]
    if features is not None:
        # serde is needed by the example's JSON output; parallel does not change results
        cmd += ["--no-default-features", "--features", ",".join(features + ["serde"])]
    subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    binary = os.path.join(target, f"extract-{name.replace(' ', '-')}")
    shutil.copyfile(os.path.join(target, "release", "examples", "extract"), binary)
    os.chmod(binary, 0o755)
    return binary


def score(binary, shared, name):
    gold = os.path.join(shared, "eval", "dev", name)
    out = subprocess.run(
        [sys.executable, os.path.join(shared, "eval", "conll_eval.py"), "run", gold, "--", binary, "--format", "jsonl"],
        check=True, capture_output=True, text=True,
    ).stdout
    return float(out.strip().splitlines()[-1].split()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared")))
    args = ap.parse_args()
    print("| build | " + " | ".join(f[:-4] for f in FILES) + " |")
    print("|---|" + "---:|" * len(FILES))
    for name, features in BUILDS:
        binary = build(name, features)
        scores = [score(binary, args.shared, f) for f in FILES]
        print(f"| {name} | " + " | ".join(f"{s:.4f}" for s in scores) + " |", flush=True)


if __name__ == "__main__":
    main()
