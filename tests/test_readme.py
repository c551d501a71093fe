"""The README's two commands, run as written, so they never rot.

Both run in a temporary clone of the checkout (its working tree, uncommitted and untracked files
included), never in the checkout itself: command one writes `out/`, command two would reinstall
the package. The clone uses the checkout's virtualenv (`VENV`, which the Makefile reads from the
environment), with the clone's own `kg` first on the path, so neither command has to install.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash|console)\n\$ (.+)\n", text)[:2]


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A clone of the checkout as it is now: committed, modified and untracked (not ignored) files."""
    if shutil.which("git") is None or subprocess.run(["git", "-C", str(ROOT), "rev-parse"], capture_output=True).returncode:
        pytest.skip("the README test needs a git checkout to clone")
    dst = tmp_path_factory.mktemp("readme") / "repo"
    state = _git("stash", "create") or "HEAD"  # a commit of the working tree, made without touching it
    _git("clone", "-q", "--shared", "--no-checkout", str(ROOT), str(dst))  # --shared: the stash commit is reachable
    _git("checkout", "-q", "--detach", _git("rev-parse", state), cwd=dst)
    for name in _git("ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if name:
            (dst / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dst / name)
    return dst


def _env(clone: Path, **extra: str) -> dict[str, str]:
    venv = Path(sys.prefix)  # the virtualenv running these tests
    return {**os.environ, "VENV": str(venv), "PYTHONPATH": str(clone), **extra}


def test_readme_starts_with_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "demo" in commands[0] and "test" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_clone_is_the_working_tree(clone: Path) -> None:
    for name in ("README.md", "Makefile", "pyproject.toml", "tests/test_readme.py", "kg/__init__.py"):
        assert (clone / name).read_bytes() == (ROOT / name).read_bytes(), name


def test_readme_command_one_builds_the_seeds(clone: Path) -> None:
    before = sorted(p.name for p in ROOT.iterdir())
    out = subprocess.run(readme_commands()[0], shell=True, cwd=clone, capture_output=True, text=True, env=_env(clone), timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    assert re.search(r"^articles: 2 +skipped: 0 ", out.stdout, re.M), out.stdout
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        assert f"out/{name}" in out.stdout
        assert (clone / "out" / name).stat().st_size > 0
    claims = (clone / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert {line.split('"doc": "')[1].split('"')[0] for line in claims} == {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    assert sorted(p.name for p in ROOT.iterdir()) == before  # nothing written into the checkout


def test_readme_command_two_runs_the_tests(clone: Path) -> None:
    if os.environ.get("KG_INNER_TEST") == "1":
        pytest.skip("this is the inner run of the README's test command")
    # `-o setup-test`: the virtualenv is the checkout's and already holds the test extras; its pip
    # must not re-point the editable install at the clone
    command = readme_commands()[1] + " -o setup-test"
    out = subprocess.run(command, shell=True, cwd=clone, capture_output=True, text=True,
                         env=_env(clone, KG_INNER_TEST="1"), timeout=900)
    assert out.returncode == 0, (out.stdout + out.stderr)[-2000:]
    assert re.search(r"\d+ passed", out.stdout)
    assert "All checks passed!" in out.stdout and "Success: no issues found" in out.stdout  # ruff and mypy ran
    assert (clone / ".pytest_cache").is_dir() and (clone / ".mypy_cache").is_dir()  # they ran in the clone
