"""The Spark example end to end: spark-submit in local mode over a Parquet file, the output compared
with alam's own. Needs pyspark and java; skipped without them unless ALAM_REQUIRE_SPARK=1 (ci.sh sets it)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import alam
from conftest import SEED, as_json, without_file

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


def python_error(stderr: str) -> str:
    """What to show of a failed spark-submit: the Python traceback (or the first error), not the Java
    frames that follow it, which fill the end of stderr."""
    lines = [line for line in stderr.splitlines() if not line.lstrip().startswith("at ")]
    for marker in ("Traceback (most recent call last)", "PythonException", "Exception", "Error"):
        starts = [i for i, line in enumerate(lines) if marker in line]
        if starts:
            return "\n".join(lines[starts[0] : starts[0] + 60])
    return stderr[-4000:]


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
    # Spark's Python workers run `python -m pyspark.daemon`, which puts the working directory first on
    # sys.path: from python/ (where ci.sh runs pytest) `import alam` would find the source folder
    # python/alam, which has no compiled extension, instead of the installed package.
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, python_error(done.stderr)

    table = pq.read_table(out).sort_by("id")
    assert table.column("id").to_pylist() == ids
    assert table.column("text").to_pylist() == texts
    got = table.column("mentions").to_pylist()
    ex = alam.Extractor()
    assert got == ex.extract_arrow(pa.array(texts)).to_pylist()
    assert sum(len(m) for m in got[1:]) >= 8  # the invented paragraphs have mentions too

    # And against the Rust example itself on the seed article: every field but `file`, title_span and
    # role_span included; Arrow's nested mentions have no person fields and no nested of their own.
    want = without_file(rust_extract("--format", "jsonl", str(SEED)))
    for m in want:
        m["nested"] = [{k: v for k, v in n.items() if k != "nested"} for n in m["nested"]]
    got_json = [{**as_json({**m, "nested": []}), "nested": m["nested"]} for m in got[0]]
    assert got_json == want
    assert any(m["title_span"] for m in got[0]) and any(m["role_span"] for m in got[0])
