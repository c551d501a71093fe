"""Every CLI failure is one line on stderr, `error: ...`, and exit code 1: no traceback, no panel."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app

SEED = "seeds/000_be1fec4c38dce20f.txt"


@pytest.mark.parametrize(("args", "message"), [
    (["build", "/no/such/dir"], "no such file or directory"),
    (["extract", "/no/such/file.txt"], "no such file or directory"),
    (["extract", "seeds", "--format", "xml"], "unknown format"),
    (["query", "SELECT * WHERE { ?s ?p }", "--graph", SEED], "not a readable"),
    (["query", "no-such-query", "--graph", "GRAPH"], "unknown query 'no-such-query'"),
    (["query", "SELECT * WHERE { ?s ?p }", "--graph", "GRAPH"], "line 1, column"),
    (["query", "allies-of", "--graph", "GRAPH"], "missing --param actor"),
    (["query", "allies-of", "--graph", "GRAPH", "--param", "actor"], "write NAME=VALUE"),
    (["query", "allies-of", "--graph", "GRAPH", "--param", "actor=https://kg.dev/id/actor/a b"], "not an IRI"),
    (["query", "allies-of", "--graph", "GRAPH", "--param", "actor=Putin", "--param", "colour=red"], "unknown parameter"),
    (["query", "--graph", "GRAPH"], "give a SPARQL query"),
    (["view", "--graph", "/no/such/graph.ttl", "-o", "OUT/v.html"], "no such graph file"),
    (["export", "-o", "OUT/x.xlsx", "--home", "HOME"], "cannot export to .xlsx"),
])
def test_errors_are_one_line(seed_build, tmp_path, args: list[str], message: str) -> None:
    home = str(seed_build.graph_path.parent)
    args = [a.replace("GRAPH", str(seed_build.graph_path)).replace("HOME", home).replace("OUT", str(tmp_path)) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0], lines[0]
