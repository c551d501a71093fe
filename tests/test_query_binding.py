"""Named-query parameters are bound as RDF terms, never pasted into the SPARQL text.

Each payload below would change the query's shape if it were pasted between quotes: it closes the
literal, adds a row or a clause, or comments out the rest. Bound properly, it comes back unchanged
as the one value of the one row.
"""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.errors import QueryError
from kg.graph import run_query
from kg.graph.model import new_graph

PAYLOADS = [
    'say "hi"',
    "it's",
    '"""',
    "'''",
    "{ } }",
    "} # the rest is a comment",
    'x") ("injected',
    "x' ) ('injected",
    '" } ; DROP ALL ; INSERT DATA { <https://e/s> <https://e/p> "o" } #',
    "line one\nline two\r\nline three",
    "back\\slash \\\" and \\n",
    "?s ?p ?o",
    "<https://kg.dev/id/actor/x>",
    "Erdoğan — ‘quoted’ 😀",
    "",
]

ECHO = """# description: Echo the one bound value, with how many rows there are.
# param: text string
SELECT ?text WHERE {
}
"""


@pytest.fixture()
def echo_query(tmp_path, monkeypatch):
    """A named query `echo` with one string parameter, beside the shipped ones."""
    import kg.graph.query as query

    (tmp_path / "echo.rq").write_text(ECHO, encoding="utf-8")
    monkeypatch.setattr(query, "QUERY_DIR", tmp_path)
    return "echo"


def _graph(kind: str) -> Graph:
    g = new_graph("Oxigraph") if kind == "oxigraph" else new_graph()
    g.add((URIRef("https://e/s"), URIRef("https://e/p"), Literal("o")))
    return g


@pytest.mark.parametrize("store", ["memory", "oxigraph"])  # Oxigraph-backed graphs take a different path in run_query
@pytest.mark.parametrize("payload", PAYLOADS)
def test_string_parameter_round_trips(echo_query: str, store: str, payload: str) -> None:
    g = _graph(store)
    result = run_query(g, echo_query, {"text": payload})
    assert result.vars == ["text"]
    assert result.rows == [[payload]]
    assert len(g) == 1


@pytest.mark.parametrize("value", [
    "https://kg.dev/id/actor/x y",
    'https://kg.dev/id/actor/x> } #',
    "https://kg.dev/id/actor/x\ny",
    'https://kg.dev/id/actor/"x"',
])
def test_an_iri_parameter_that_is_no_iri_is_a_query_error(seed_graph, value: str) -> None:
    with pytest.raises(QueryError, match="not an IRI") as info:
        run_query(seed_graph, "allies-of", {"actor": value})
    assert "\n" not in str(info.value).replace(repr(value), "")


def test_an_iri_parameter_binds_the_actor(seed_graph) -> None:
    by_name = run_query(seed_graph, "allies-of", {"actor": "Donald Trump"}).rows
    by_iri = run_query(seed_graph, "allies-of", {"actor": "https://kg.dev/id/actor/donald-trump"}).rows
    assert by_iri == by_name and "Vladimir Putin" in {r[0] for r in by_iri}


def test_cli_gives_one_line_for_a_bad_iri(seed_build) -> None:
    from kg.cli import app

    result = CliRunner().invoke(app, ["query", "allies-of", "--graph", str(seed_build.graph_path),
                                      "--param", "actor=https://kg.dev/id/actor/x y"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "not an IRI" in lines[0], result.output
