"""The Spark example end to end: spark-submit in local mode over a Parquet file, the output compared
with alam's own. Needs pyspark and java; skipped without them unless ALAM_REQUIRE_SPARK=1 (ci.sh sets it)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import alam
from conftest import REPO, SEED, as_json

pytestmark = pytest.mark.spark

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

# Invented paragraphs.
PARAGRAPHS = [
    "افتتح الدكتور سالم عبدالله باعباد معرض الكتاب في مدينة سيئون بحضور ممثلين عن جامعة حضرموت، "
    "وقال إن المعرض يستمر أسبوعا.",
    "وأعلنت وزارة الصحة العامة والسكان عن حملة تطعيم في محافظة شبوة تبدأ يوم السبت.",
    "وزارت الأستاذة نوال أحمد بن بريك مستشفى المكلا ثم عادت إلى عدن.",
    "",
    "لم يحضر أحد.",
]


def spark_ready():
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java")
    if missing and os.environ.get("ALAM_REQUIRE_SPARK") == "1":
        pytest.fail(f"ALAM_REQUIRE_SPARK=1 but {', '.join(missing)} missing")
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")


def test_spark_submit_local(tmp_path, rust_extract):
    spark_ready()
    texts = [SEED.read_text(encoding="utf-8"), *PARAGRAPHS]
    ids = list(range(100, 100 + len(texts)))
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ids, "text": texts}), source)
    out = tmp_path / "out.parquet"
    submit = Path(sys.executable).with_name("spark-submit")
    cmd = [str(submit) if submit.exists() else "spark-submit", "--master", "local[2]"]
    cmd += ["--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN"]
    cmd += ["--conf", f"spark.pyspark.python={sys.executable}"]
    cmd += [str(Path(__file__).parents[1] / "examples" / "spark_extract.py"), str(source), str(out)]
    # spark-submit looks for Spark and Python on PATH: point it at this interpreter's.
    import pyspark

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env.setdefault("SPARK_HOME", str(Path(pyspark.__file__).parent))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-4000:]

    table = pq.read_table(out).sort_by("id")
    assert table.column("id").to_pylist() == ids
    assert table.column("text").to_pylist() == texts
    got = table.column("mentions").to_pylist()
    ex = alam.Extractor()
    assert got == ex.extract_arrow(pa.array(texts)).to_pylist()
    assert sum(len(m) for m in got[1:]) >= 8  # the invented paragraphs have mentions too

    # And against the Rust example itself on the seed article: every top-level field.
    want = rust_extract("--format", "jsonl", str(SEED))
    keys = ["kind", "text", "start", "end", "char_start", "char_end", "sub_kind", "country", "source"]
    assert [{k: m[k] for k in keys} for m in got[0]] == [{k: m[k] for k in keys} for m in want]
    persons = [(m["title"], m["gender"]) for m in got[0] if m["kind"] == "person"]
    assert persons == [(m["title"], m["gender"]) for m in want if m["kind"] == "person"]
    assert [as_json({**m, "nested": []})["kind"] for m in got[0]] == [m["kind"] for m in want]
