"""Shared fixtures: the repository root, the seed article, and the Rust `extract` example's output."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "seed_article.txt"


def _extract_binary() -> Path:
    """The Rust `extract` example: $ALAM_EXTRACT_BIN, or built with cargo (a no-op when built already)."""
    env = os.environ.get("ALAM_EXTRACT_BIN")
    if env:
        return Path(env)
    if shutil.which("cargo") is None:
        pytest.skip("needs cargo to build the Rust `extract` example (or set ALAM_EXTRACT_BIN)")
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--example", "extract", "--message-format=json"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("target", {}).get("name") == "extract" and msg.get("executable"):
            return Path(msg["executable"])
    raise RuntimeError("cargo did not report the extract example's executable")


@pytest.fixture(scope="session")
def rust_extract():
    """Runs the Rust `extract` example with the given arguments; returns the parsed JSON lines."""
    binary = _extract_binary()

    def run(*args: str, stdin: str = None) -> list:
        out = subprocess.run(
            [str(binary), *args], input=stdin, check=True, capture_output=True, text=True
        ).stdout
        return [json.loads(line) for line in out.splitlines()]

    return run


PERSON_FIELDS = ("title", "title_span", "role", "role_span", "gender")


def without_file(rows: list) -> list:
    """The Rust example's rows without `file` (which the Python API has no equivalent of)."""
    return [{k: v for k, v in row.items() if k != "file"} for row in rows]


def as_json(d: dict) -> dict:
    """A Mention.to_dict() as the Rust JSON has it: title, title_span, role, role_span and gender only
    for persons."""
    d = dict(d)
    if d["kind"] != "person":
        for k in PERSON_FIELDS:
            assert d.pop(k) is None, f"{k} set on a {d['kind']}"
    d["nested"] = [as_json(n) for n in d["nested"]]
    return d
