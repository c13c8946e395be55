"""Throughput of the Python binding against the Rust library, and of Spark in local mode.

    python python/bench/bench_arrow.py [--repeat 10] [--runs 5] [--spark] [--spark-repeat 40]

Documents: the running text of ANERcorp news (benches/data/anercorp_news.txt), 8 sentences a document
as in the Rust batch bench, repeated --repeat times (10: 4,000 documents, 9.8 MB). MB = 10^6 bytes.

- rust: `extract_many` alone on the same documents (python/bench/rust_throughput.rs, release build);
- extract_arrow: `Extractor.extract_arrow` on a pyarrow string array of the documents (mentions come
  back as a pyarrow list<struct> array);
- extract_many: `Extractor.extract_many` on a list of str (mentions come back as Python objects).
Each is the best of --runs rounds (Rust, then Python, in turn) of 3 runs after one warm-up, with the threads RAYON_NUM_THREADS says (default:
all cores) on both sides. The binding's cost is (rust MB/s / binding MB/s - 1), by the best wall
time and by the least CPU time (all threads) per run: the steadier of the two on a shared machine.

--spark: the Spark example's `add_mentions` over a Parquet copy of the documents (--spark-repeat times
the text), executed with the no-op sink, on local[1] and local[2]; the Python workers run alam on one
thread each (RAYON_NUM_THREADS=1), so Spark's cores are the only parallelism. Also the same job with an
identity mapInArrow, to show Spark's own share.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import alam

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NEWS = REPO / "benches" / "data" / "anercorp_news.txt"


def documents(repeat):
    lines = NEWS.read_text(encoding="utf-8").splitlines()
    docs = ["\n".join(lines[i : i + 8]) for i in range(0, len(lines), 8)]
    return docs * repeat


def best_of(runs, fn, cpu=None):
    """The best wall time of `runs` runs after a warm-up; with a list `cpu`, appends the mean CPU time
    (all threads) of a run to it."""
    fn()
    best = float("inf")
    cpu_started = time.process_time()
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    if cpu is not None:
        cpu.append((time.process_time() - cpu_started) / runs)
    return best


def rust_side(docs, runs):
    """A function that runs the Rust binary (best of `runs` inside it) and returns its report."""
    env = dict(os.environ, PYO3_BUILD_EXTENSION_MODULE="1")
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--example", "rust_throughput"],
        cwd=HERE.parent,
        env=env,
        check=True,
    )
    binary = HERE.parent / "target" / "release" / "examples" / "rust_throughput"

    def run(path):
        out = subprocess.run([str(binary), path, str(runs)], env=env, check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out)

    return run


def mb_s(nbytes, seconds):
    return nbytes / seconds / 1e6


def binding(docs, rounds):
    """Rust, extract_arrow and extract_many in turn, `rounds` times, the best time of each kept: on a
    shared machine, runs far apart in time see different loads."""
    ex = alam.Extractor()
    nbytes = sum(len(d.encode()) for d in docs)
    arr = pa.array(docs, type=pa.string())
    rust_run = rust_side(docs, 3)
    best = {"rust": float("inf"), "arrow": float("inf"), "many": float("inf")}
    cpu = {"rust": [], "arrow": [], "many": []}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write("\0".join(docs))
        f.flush()
        for _ in range(rounds):
            rust = rust_run(f.name)
            best["rust"] = min(best["rust"], rust["best_seconds"])
            cpu["rust"].append(rust["cpu_seconds"])
            best["arrow"] = min(best["arrow"], best_of(3, lambda: ex.extract_arrow(arr), cpu["arrow"]))
            best["many"] = min(best["many"], best_of(3, lambda: ex.extract_many(docs), cpu["many"]))
    assert rust["bytes"] == nbytes, (rust["bytes"], nbytes)
    mentions = sum(len(m) for m in ex.extract_arrow(arr).to_pylist())
    assert mentions == rust["mentions"], (mentions, rust["mentions"])
    print(f"documents: {len(docs)}, {nbytes / 1e6:.1f} MB, {mentions} mentions, "
          f"threads: {rust['threads']}")
    r = best["rust"]
    rc = min(cpu["rust"])
    print(f"rust extract_many:        {mb_s(nbytes, r):6.1f} MB/s ({r * 1e3:.0f} ms; CPU {rc * 1e3:.0f} ms)")
    for name, key in [("python extract_arrow", "arrow"), ("python extract_many", "many")]:
        s, c = best[key], min(cpu[key])
        print(f"{name + ':':25} {mb_s(nbytes, s):6.1f} MB/s ({s * 1e3:.0f} ms; CPU {c * 1e3:.0f} ms), "
              f"binding cost {(s / r - 1) * 100:+.0f} % wall, {(c / rc - 1) * 100:+.0f} % CPU")


def spark_side(docs, runs):
    from pyspark.sql import SparkSession

    sys.path.insert(0, str(HERE.parent / "examples"))
    from spark_extract import add_mentions

    os.environ["RAYON_NUM_THREADS"] = "1"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    nbytes = sum(len(d.encode()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        table = pa.table({"id": list(range(len(docs))), "text": docs})
        part = -(-len(docs) // 16)
        for i in range(16):  # several files, so that Spark has tasks for every core
            pq.write_table(table.slice(i * part, part), f"{tmp}/part-{i:02}.parquet")
        print(f"spark: {len(docs)} documents, {nbytes / 1e6:.1f} MB in 16 Parquet files")
        for master in ("local[1]", "local[2]"):
            spark = (SparkSession.builder.master(master).appName("alam-bench")
                     .config("spark.ui.enabled", "false").config("spark.log.level", "WARN")
                     .config("spark.ui.showConsoleProgress", "false")
                     .config("spark.sql.files.maxPartitionBytes", str(2 << 20)).getOrCreate())
            df = spark.read.parquet(tmp)
            identity = df.mapInArrow(lambda batches: batches, df.schema)

            def run(frame):
                return lambda: frame.write.format("noop").mode("overwrite").save()

            with_alam = best_of(runs, run(add_mentions(df)))
            only_spark = best_of(runs, run(identity))
            print(f"spark {master}: with alam {mb_s(nbytes, with_alam):5.1f} MB/s "
                  f"({with_alam:.2f} s); identity mapInArrow {mb_s(nbytes, only_spark):5.1f} MB/s "
                  f"({only_spark:.2f} s)")
            spark.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--spark", action="store_true")
    p.add_argument("--spark-repeat", type=int, default=40)
    p.add_argument("--no-binding", action="store_true", help="only the Spark part")
    args = p.parse_args()
    if not args.no_binding:
        binding(documents(args.repeat), args.runs)
    if args.spark:
        spark_side(documents(args.spark_repeat), max(1, args.runs // 2))


if __name__ == "__main__":
    main()
