from __future__ import annotations

import pytest
from rdflib import RDF, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import QueryError, StoreError
from kg.graph import KG, load_graph, run_query, validate_graph


def test_seed_graph_is_shacl_valid(seed_graph) -> None:
    conforms, report = validate_graph(seed_graph)
    assert conforms, report


def test_shacl_catches_a_broken_claim(seed_graph) -> None:
    broken = to_isomorphic(seed_graph)
    claim = next(broken.subjects(RDF.type, KG.Claim))
    broken.remove((claim, KG.evidence, None))
    broken.add((claim, KG.confidence, Literal(3.5)))
    conforms, report = validate_graph(broken)
    assert not conforms and "evidence" in report


def test_two_layers(seed_graph) -> None:
    claims = list(seed_graph.subjects(RDF.type, KG.Claim))
    assert len(claims) > 10
    for claim in claims:
        s, o, rel = seed_graph.value(claim, KG.subject), seed_graph.value(claim, KG.object), seed_graph.value(claim, KG.relationType)
        if seed_graph.value(claim, KG.modality) != KG.Hypothetical:
            assert (s, rel, o) in seed_graph


def test_rebuild_is_isomorphic(seed_build, tmp_path) -> None:
    from conftest import SEEDS

    from kg.pipeline import build

    again = build([SEEDS], tmp_path)
    a, b = load_graph(seed_build.graph_path), load_graph(again.graph_path)
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"rebuild differs:\n{only_a.serialize(format='nt')[:800]}\n---\n{only_b.serialize(format='nt')[:800]}")


def test_who_opposes_what_with_evidence(seed_graph) -> None:
    rows = run_query(seed_graph, "opposes-what").rows
    assert rows and all(r[2] for r in rows)
    assert ("Vladimir Putin", "peace") in {(r[0], r[1]) for r in rows}


def test_named_query_binds_names_and_rejects_injection(seed_graph) -> None:
    rows = run_query(seed_graph, "allies-of", {"actor": "Trump"}).rows
    assert "Vladimir Putin" in {r[0] for r in rows}
    with pytest.raises(QueryError, match="no actor matches"):
        run_query(seed_graph, "allies-of", {"actor": '"} ; DROP ALL ; {'})
    assert len(seed_graph) > 100


def test_query_errors_are_one_line(seed_graph) -> None:
    with pytest.raises(QueryError, match=r"^line 1, column 25: expected "):
        run_query(seed_graph, "SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="unknown query"):
        run_query(seed_graph, "no-such-query")
    with pytest.raises(QueryError, match="missing --param actor"):
        run_query(seed_graph, "allies-of")


def test_unreadable_graph_file(tmp_path) -> None:
    bad = tmp_path / "g.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(StoreError, match="not a readable"):
        load_graph(bad)


@pytest.mark.parametrize("query, message", [
    ("SELECT ?s WHERE { ?s foo:bar ?o }", "line 1, column 22: unknown prefix `foo:`"),
    ("SELECT ?s WHERE {\n  ?s a kg:Claim ;\n     foo:bar ?o }", "line 3, column 6: unknown prefix `foo:`"),
    ("ASK { ?s :p ?o }", "line 1, column 10: unknown prefix `:`"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p }", "line 1, column 39: expected "),
])
def test_sparql_syntax_errors_name_line_and_column(seed_graph, query: str, message: str) -> None:
    with pytest.raises(QueryError) as err:
        run_query(seed_graph, query)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_prefixes_in_strings_and_iris_are_not_names(seed_graph) -> None:
    query = 'SELECT ?s WHERE { ?s rdfs:label "a:b" . OPTIONAL { ?s <http://x.org/a:b> ?o } FILTER(?s != d:x) } # c:d'
    assert run_query(seed_graph, query).rows == []


def test_an_actor_parameter_that_matches_nothing_says_so(seed_graph) -> None:
    with pytest.raises(QueryError, match=r"no actor matches 'Putn'; did you mean 'Vladimir Putin'"):
        run_query(seed_graph, "opponents-of", {"actor": "Putn"})
    with pytest.raises(QueryError, match=r"no actor matches 'Biden'; did you mean '"):
        run_query(seed_graph, "opponents-of", {"actor": "Biden"})
