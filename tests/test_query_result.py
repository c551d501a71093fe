"""`QueryResult.to_dataframe()`: one column per variable, in order, each with the dtype its values share,
from both engines (Oxigraph answering directly, and rdflib)."""
from __future__ import annotations

import sys

import pytest

from kg.errors import KGError
from kg.graph import load_graph, run_query
from kg.graph.query import QueryResult

pd = pytest.importorskip("pandas")

TTL = """@prefix kg: <https://kg.dev/ontology#> .
@prefix d: <https://kg.dev/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
d:a rdfs:label "Alpha" ; kg:n 3 ; kg:x 0.25 ; kg:y "1.5e0"^^xsd:double ; kg:when "2025-03-05"^^xsd:date .
d:b rdfs:label "Beta" ; kg:n 40 ; kg:x 2.5 ; kg:y "-2e0"^^xsd:double .
d:c rdfs:label "Gamma" ; kg:x 1.0 .
"""
SELECT = """SELECT ?label ?n ?x ?y ?when WHERE {
  ?s rdfs:label ?label ; kg:x ?x . OPTIONAL { ?s kg:n ?n } OPTIONAL { ?s kg:y ?y } OPTIONAL { ?s kg:when ?when }
} ORDER BY ?label"""


@pytest.fixture(params=["Oxigraph", "default"])
def graph(request, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(TTL, encoding="utf-8")
    return load_graph(path, store=request.param)


def test_select_gives_its_variables_rows_and_dtypes(graph) -> None:
    frame = run_query(graph, SELECT).to_dataframe()
    assert list(frame.columns) == ["label", "n", "x", "y", "when"]
    assert frame["label"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert str(frame["n"].dtype) == "Int64"  # whole numbers, one unbound
    assert frame["n"].tolist()[:2] == [3, 40] and frame["n"].isna().tolist() == [False, False, True]
    assert frame["x"].dtype == "float64" and frame["x"].tolist() == [0.25, 2.5, 1.0]  # xsd:decimal
    assert frame["y"].dtype == "float64" and frame["y"].tolist()[:2] == [1.5, -2.0] and pd.isna(frame["y"][2])
    assert pd.api.types.is_datetime64_any_dtype(frame["when"])
    assert frame["when"][0] == pd.Timestamp("2025-03-05") and pd.isna(frame["when"][1])


def test_a_count_is_int64_and_sums_like_a_number(graph) -> None:
    frame = run_query(graph, "SELECT (COUNT(?s) AS ?actors) (SUM(?n) AS ?total) WHERE { ?s kg:n ?n }").to_dataframe()
    assert frame.dtypes.tolist() == ["int64", "int64"]
    assert frame.iloc[0].tolist() == [2, 43]


def test_an_empty_result_keeps_its_columns(graph) -> None:
    frame = run_query(graph, 'SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER (?label = "Delta") }').to_dataframe()
    assert list(frame.columns) == ["s", "label"] and len(frame) == 0


def test_ask_and_construct(graph) -> None:
    ask = run_query(graph, "ASK { ?s kg:n 40 }").to_dataframe()
    assert list(ask.columns) == ["ask"] and ask["ask"].dtype == bool and ask["ask"].tolist() == [True]
    triples = run_query(graph, "CONSTRUCT { ?s kg:n ?n } WHERE { ?s kg:n ?n }").to_dataframe()
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert triples.values.tolist() == [["https://kg.dev/id/a", "https://kg.dev/ontology#n", 3],
                                       ["https://kg.dev/id/b", "https://kg.dev/ontology#n", 40]]


@pytest.mark.parametrize(("values", "dtype"), [
    ([True, None], "boolean"), ([1, 2**70], "object"), ([1, "one"], "object"), ([None, None], "object"),
])
def test_mixed_unbound_and_huge_values(values, dtype) -> None:
    frame = QueryResult(["v"], [[v] for v in values]).to_dataframe()
    assert str(frame["v"].dtype) == dtype
    assert [None if pd.isna(v) else v for v in frame["v"]] == values


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(KGError, match=r"pip install pandas") as info:
        QueryResult(["v"], [[1]]).to_dataframe()
    assert "\n" not in str(info.value)
