#!/usr/bin/env python3
"""Peak memory of the `extract` example, in markdown, ready for benches/README.md.

Usage: python3 tools/memory_table.py [--runs 3] [--keep DIR] [--no-build]

Makes the inputs of issue 15's memory figures in a temporary folder (or DIR, kept): the bench news
(`benches/data/anercorp_news.txt`) repeated 11 times (10.8 MB) and 102 times (100.3 MB), and a
mention-dense text of 100 MB (three invented lines of titled names, places and bodies, repeated).
Runs `extract --format jsonl FILE` on each, with and without `--low-memory`, and prints the median
peak resident set size of `--runs` runs (the kernel's count for that process, `wait4`'s ru_maxrss, in
MB of 10^6 bytes) and its ratio to the input's size. Checks that both modes print the same output.
Memory, unlike time, does not move with the host's load. Python 3.11 standard library only; Linux.
"""

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRACT = os.path.join(ROOT, "target", "release", "examples", "extract")

# Invented: titled persons, places, a ministry and bodies with a place inside (14 mentions).
DENSE_LINES = (
    "قال الدكتور عبدالعزيز سعيد الصيغ في عدن إن وزارة الصحة العامة والسكان في صنعاء ستزور المكلا.\n"
    "وزار الأستاذ محمد عبدالله الحامد جامعة حضرموت ثم سافر إلى تعز وإب والحديدة.\n"
    "وأكدت الأستاذة أوسان محمد باحسين أن مؤتمر حضرموت الجامع وجامعة صنعاء في مأرب وشبوة.\n"
)


def make_inputs(folder):
    """The three inputs, as (label, path), made unless there. Written a copy at a time: a process that
    held them would lend its size to the peak of every child it starts (a fork's pages count until it
    runs the child's program)."""
    with open(os.path.join(ROOT, "benches", "data", "anercorp_news.txt"), "rb") as f:
        news = f.read()
    dense = DENSE_LINES.encode()
    inputs = [
        ("news 10.8 MB", "news11.txt", news, 11),
        ("news 100.3 MB", "news102.txt", news, 102),
        ("dense 100 MB", "dense100.txt", dense, 100_000_000 // len(dense)),
    ]
    out = []
    for label, name, unit, times in inputs:
        path = os.path.join(folder, name)
        if not os.path.exists(path) or os.path.getsize(path) != len(unit) * times:
            with open(path, "wb") as f:
                for _ in range(times):
                    f.write(unit)
        out.append((label, path))
    return out


def peak(args):
    """The peak RSS of one run of `args` in bytes, and the md5 of its output."""
    digest = hashlib.md5()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE)
    for block in iter(lambda: proc.stdout.read(1 << 20), b""):
        digest.update(block)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(args)}: exit status {status}")
    return usage.ru_maxrss * 1024, digest.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="make the inputs in this folder and keep them")
    ap.add_argument("--no-build", action="store_true")
    a = ap.parse_args()
    if not a.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "--example", "extract"], cwd=ROOT, check=True
        )
    folder = a.keep or tempfile.mkdtemp(prefix="alam-memory-")
    os.makedirs(folder, exist_ok=True)
    try:
        print("| input | default | `--low-memory` |")
        print("|---|---:|---:|")
        for label, path in make_inputs(folder):
            size = os.path.getsize(path)
            cells = []
            digests = set()
            for flags in ([], ["--low-memory"]):
                runs = [peak([EXTRACT, *flags, "--format", "jsonl", path]) for _ in range(a.runs)]
                digests.update(d for _, d in runs)
                mb = statistics.median(r for r, _ in runs) / 1e6
                cells.append(f"{mb:.1f} MB ({mb * 1e6 / size:.2f}×)")
            if len(digests) != 1:
                sys.exit(f"{path}: the two modes printed different output")
            print(f"| {label} | {cells[0]} | {cells[1]} |")
    finally:
        if not a.keep:
            for name in os.listdir(folder):
                os.remove(os.path.join(folder, name))
            os.rmdir(folder)


if __name__ == "__main__":
    main()
