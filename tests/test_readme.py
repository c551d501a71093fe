"""The README's two commands, run as written, so they never rot."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash|console)\n\$ (.+)\n", text)[:2]


def test_readme_starts_with_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "demo" in commands[0] and "test" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_command_one_builds_the_seeds(tmp_path) -> None:
    env = {**os.environ, "PATH": os.environ.get("PATH", "")}
    out = subprocess.run(readme_commands()[0], shell=True, cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        assert f"out/{name}" in out.stdout
        assert (ROOT / "out" / name).stat().st_size > 0


def test_readme_command_two_runs_the_tests() -> None:
    if os.environ.get("KG_INNER_TEST") == "1":
        return
    env = {**os.environ, "KG_INNER_TEST": "1"}
    out = subprocess.run(readme_commands()[1], shell=True, cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    assert out.returncode == 0, (out.stdout + out.stderr)[-2000:]
    assert re.search(r"\d+ passed", out.stdout)
