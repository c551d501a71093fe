from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert {"build", "extract", "query", "view", "eval"} <= set(commands)
    for name, cmd in commands.items():
        assert cmd.help and "Example:" in cmd.help, name


def test_build_skips_bad_files_and_succeeds(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Turkey condemned Israel on Monday.", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "bin.txt").write_bytes(b"\x00\xff\x00binary")
    (src / "latin.txt").write_bytes("Caf\xe9 diplomacy in Paris.".encode("latin-1"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "skipped: 3" in result.output
    assert result.output.count("warning: skipped") == 3
    for name in ("graph.ttl", "claims.jsonl", "graph.html"):
        assert (out / name).stat().st_size > 0
    assert f"graph: {out / 'graph.ttl'}" in result.output


def test_extract_jsonl_shape(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Japan imposed sanctions on North Korea.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {"doc", "subject", "relation", "object", "polarity", "evidence", "start", "end", "confidence",
            "subject_id", "object_id"} <= rows[0].keys()
    assert (rows[0]["doc"], rows[0]["subject"], rows[0]["object"], rows[0]["polarity"]) == ("a", "Japan", "North Korea", -1)


@pytest.mark.parametrize("args, message", [
    (["build", "/no/such/dir"], "no such file or directory"),
    (["query", "SELECT * WHERE { ?s ?p }", "--graph", "seeds/000_be1fec4c38dce20f.txt"], "error:"),
    (["extract", "seeds", "--format", "xml"], "unknown format"),
])
def test_errors_are_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_query_and_view_on_built_graph(seed_build, tmp_path) -> None:
    result = runner.invoke(app, ["query", "opposes-what", "--graph", str(seed_build.graph_path), "--format", "csv"])
    assert result.exit_code == 0 and result.output.startswith("subjectLabel,objectLabel,evidence,article")
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0 and len(result.output.splitlines()) >= 10
    html = tmp_path / "v.html"
    result = runner.invoke(app, ["view", "--graph", str(seed_build.graph_path), "-o", str(html)])
    assert result.exit_code == 0 and html.exists()
