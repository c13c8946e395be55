#!/usr/bin/env bash
# The Python package's check, as CI runs it (called from .ci/run): installs what is missing (java from
# Debian when there is none; maturin, pytest, pyarrow, pyspark, pandas from PyPI into a venv), lints the
# binding crate, builds and installs the package with `pip install ./python` (maturin as the PEP 517
# backend), and runs pytest, the Spark test included. Run from anywhere: `python/ci.sh`.
#
# ALAM_VENV chooses the venv (default python/target/venv, kept between runs like cargo's target/).
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n== %s\n' "$*" >&2; "$@"; }

# Spark needs a JVM; a fresh machine may have none.
if ! command -v java >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    step $sudo apt-get update -q
    step env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
        openjdk-17-jre-headless
fi

venv="${ALAM_VENV:-target/venv}"
if [ ! -x "$venv/bin/python" ]; then
    step python3 -m venv "$venv"
fi
py="$venv/bin/python"
# pyspark's mapInArrow imports pandas, and pyspark 4 warns that it does not yet support pandas 3.
step "$py" -m pip install -q --disable-pip-version-check maturin pytest pyarrow pyspark 'pandas>=2.2,<3'

step cargo fmt -- --check
step cargo clippy --all-targets -- -D warnings

step "$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps .

# Exit status 5 is pytest's "no tests collected": for this suite that means a broken checkout or
# install, never a pass, so it fails here with a word of explanation instead of passing silently.
# The venv's pytest script, not `python -m pytest`: `-m` puts the working directory (python/) first on
# sys.path, and `import alam` would then find the source folder python/alam, which has no compiled
# extension in a fresh clone, instead of the installed package.
set +e
ALAM_REQUIRE_SPARK=1 "$venv/bin/pytest" -ra tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "python/ci.sh: pytest collected no tests in python/tests" >&2
    exit 1
fi
exit "$status"
