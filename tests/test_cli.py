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


def _one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0], result.output


def test_missing_home_is_an_error_and_touches_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = tmp_path / "g.csv"
    good.write_text("keep me\n", encoding="utf-8")
    _one_line_error(runner.invoke(app, ["export", "-o", "g.csv", "--home", "missing/"]), "missing", "not a graph home")
    assert good.read_text(encoding="utf-8") == "keep me\n"
    _one_line_error(runner.invoke(app, ["remove", "X", "-o", "missing/"]), "missing", "not a graph home")
    _one_line_error(runner.invoke(app, ["add", "seeds", "-o", "missing/"]), "missing", "not a graph home")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.csv"]


def test_store_without_location_is_refused(tmp_path) -> None:
    _one_line_error(runner.invoke(app, ["build", "seeds", "-o", str(tmp_path / "h"), "--store", "oxigraph:"]), "needs a directory")


def test_query_unknown_format_is_an_error(seed_build) -> None:
    _one_line_error(runner.invoke(app, ["query", "opposes-what", "-g", str(seed_build.graph_path), "-f", "xml"]), "unknown format 'xml'")


def test_build_output_is_checked_before_extraction(tmp_path, monkeypatch) -> None:
    import kg.pipeline

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction started before the output was checked")

    monkeypatch.setattr(kg.pipeline, "run_extraction", no_extraction)
    a_file = tmp_path / "file.txt"
    a_file.write_text("not a directory", encoding="utf-8")
    _one_line_error(runner.invoke(app, ["build", "seeds", "-o", str(a_file)]), str(a_file), "not a directory")
    _one_line_error(runner.invoke(app, ["build", "seeds", "-o", str(a_file / "sub")]), str(a_file / "sub"))
    _one_line_error(runner.invoke(app, ["build", "seeds", "-o", "/proc/kg-out"]), "/proc/kg-out")
    assert a_file.read_text(encoding="utf-8") == "not a directory"


def test_read_only_output_directory(tmp_path, monkeypatch) -> None:
    import os

    import kg.pipeline

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only directories")
    monkeypatch.setattr(kg.pipeline, "run_extraction", None)
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        _one_line_error(runner.invoke(app, ["build", "seeds", "-o", str(ro)]), str(ro))
    finally:
        ro.chmod(0o755)


def test_unwritable_export_and_view_paths_are_one_line(seed_build, tmp_path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    home = str(seed_build.graph_path.parent)
    _one_line_error(runner.invoke(app, ["export", "-o", str(a_file / "g.ttl"), "--home", home]), str(a_file))
    _one_line_error(runner.invoke(app, ["export", "-o", "/proc/kg.ttl", "--home", home]), "/proc")
    _one_line_error(runner.invoke(app, ["view", "-g", str(seed_build.graph_path), "-o", str(a_file / "v.html")]), str(a_file))
    _one_line_error(runner.invoke(app, ["view", "-g", str(seed_build.graph_path), "-o", str(tmp_path)]), "is a directory")


def test_piped_table_is_plain_full_width_and_marks_hypotheticals(tmp_path) -> None:
    long = ("Japan imposed sanctions on North Korea on Monday after a long and tedious series of missile tests "
            "over the Sea of Japan.")
    (tmp_path / "a.txt").write_text(long + " China could sanction Japan.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-f", "table", "--include-hypothetical"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split("\t") == ["doc", "subject", "relation", "object", "modality", "conf", "evidence"]
    rows = [line.split("\t") for line in lines[1:]]
    assert any(r[1:5] == ["Japan", "sanctions", "North Korea", "asserted"] and r[6] == long for r in rows)
    assert any(r[1:5] == ["China", "sanctions", "Japan", "HYPOTHETICAL"] for r in rows)
    assert not any(ch in result.output for ch in "┃│━")


def test_eval_help_points_at_the_gold_format_doc() -> None:
    from pathlib import Path

    from kg.records import Relation

    result = runner.invoke(app, ["eval", "--help"])
    assert result.exit_code == 0 and "docs/gold-format.md" in " ".join(result.output.split())
    doc = (Path(__file__).resolve().parent.parent / "docs" / "gold-format.md").read_text(encoding="utf-8")
    assert all(f"| `{r.value}` |" in doc for r in Relation) and len(Relation) == 13
    assert '"kind": "relation"' in doc and "polarity" in doc
