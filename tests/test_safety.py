"""Outputs survive interruption, one command at a time per home, and repeat runs are byte-identical.

The interrupted runs are real ``kg`` processes killed with SIGKILL. A small driver wraps two
functions to know when to strike: extraction announces that it has started (and can be held
there), and ``fsync`` is slowed down as if the disk were slow, so the kill lands while the new
files are being written.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
A, B = "000_be1fec4c38dce20f", "001_6dd0e6ed9944d124"
KG = str(Path(sys.executable).parent / "kg")

_DRIVER = """
import os, sys, time, pathlib
import kg.pipeline
marker, hold, slow = pathlib.Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
real_extraction, real_fsync = kg.pipeline.run_extraction, os.fsync
def run_extraction(*args, **kwargs):
    marker.write_text("extracting")
    time.sleep(hold)
    return real_extraction(*args, **kwargs)
def fsync(fd):
    time.sleep(slow)
    real_fsync(fd)
kg.pipeline.run_extraction, os.fsync = run_extraction, fsync
from kg.cli import app
app(sys.argv[4:])
"""


def _snapshot(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(home.iterdir()) if p.is_file() and p.name != ".kg-lock"}


def _visible(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir() if not p.name.startswith(".kg-"))


@pytest.fixture()
def home(tmp_path: Path) -> tuple[Path, Path]:
    """A home built from article A, and a directory holding article B to add."""
    src_a, src_b = tmp_path / "a", tmp_path / "b"
    src_a.mkdir()
    src_b.mkdir()
    shutil.copy(SEEDS / f"{A}.txt", src_a)
    shutil.copy(SEEDS / f"{B}.txt", src_b)
    out = tmp_path / "home"
    build([src_a], out)
    return out, src_b


def _start(tmp_path: Path, args: list[str], hold: float = 0.0, slow: float = 0.0) -> tuple[subprocess.Popen, Path]:
    marker = tmp_path / "extracting"
    proc = subprocess.Popen([sys.executable, "-c", _DRIVER, str(marker), str(hold), str(slow), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc, marker


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            pytest.fail(f"kg ended before {path.name} appeared: {proc.stderr.read().decode() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"{path.name} never appeared")
        time.sleep(0.002)


def _kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def test_kill_during_extraction_and_a_second_add_is_locked_out(home, tmp_path) -> None:
    out, src_b = home
    before = _snapshot(out)
    proc, marker = _start(tmp_path, ["add", str(src_b), "-o", str(out)], hold=60)
    _wait_for(marker, proc)
    second = CliRunner().invoke(app, ["add", str(src_b), "-o", str(out)])
    assert second.exit_code == 1 and "another kg command is updating this home" in second.output
    _kill(proc)
    assert _snapshot(out) == before
    after = CliRunner().invoke(app, ["add", str(src_b), "-o", str(out)])
    assert after.exit_code == 0 and "added: 1" in after.output, after.output


def test_kill_while_writing_leaves_the_previous_home(home, tmp_path) -> None:
    out, src_b = home
    before, names = _snapshot(out), _visible(out)
    proc, _ = _start(tmp_path, ["add", str(src_b), "-o", str(out)], slow=0.5)
    _wait_for(out / ".kg-staging", proc)
    time.sleep(0.7)  # one file written and synced, the next on its way
    _kill(proc)
    assert (out / ".kg-staging").exists(), "the kill should land while the update is staged"
    assert _snapshot(out) == before and _visible(out) == names
    result = CliRunner().invoke(app, ["remove", "no-such-article", "-o", str(out)])
    assert result.exit_code == 0 and not (out / ".kg-staging").exists()
    assert _snapshot(out) == before


def test_an_interrupted_commit_is_finished(home) -> None:
    from kg.home import Home

    out, _ = home
    (out / ".kg-commit").mkdir()
    (out / ".kg-commit" / "claims.jsonl").write_text("", encoding="utf-8")  # moved in before graph.ttl, say
    home = Home(out)
    with home.locked():
        assert not (out / ".kg-commit").exists()
        assert (out / "claims.jsonl").read_text(encoding="utf-8") == ""
        home.commit({"claims.jsonl": "x\n"})
    assert (out / "claims.jsonl").read_text(encoding="utf-8") == "x\n"


def test_two_builds_are_byte_identical(seed_build, tmp_path) -> None:
    again = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run([KG, "build", str(SEEDS), "-o", str(again)], check=True, env=env, capture_output=True, cwd=tmp_path)
    first = seed_build.graph_path.parent
    for name in ("graph.ttl", "graph.trig", "claims.jsonl", "graph.html", ".kg-store"):
        assert (first / name).read_bytes() == (again / name).read_bytes(), name
    html = (again / "graph.html").read_text(encoding="utf-8")
    assert '"randomSeed"' in html
