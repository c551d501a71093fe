"""Pair-stance summaries: the pair stances read from them equal those read from the claims, and
an article's summary comes and goes with the article."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kg.analyze import pair_stances
from kg.graph import load_graph
from kg.graph.namespace import KG
from kg.graph.summary import summed_pairs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _without(graph: Graph, keep: int = 0) -> Graph:
    """A copy of ``graph`` with all but ``keep`` articles' summaries removed."""
    out = Graph(store="Oxigraph")
    for triple in graph:
        out.add(triple)
    for n, (article, summary) in enumerate(sorted(out.subject_objects(KG.pairStances))):
        if n >= keep:
            out.remove((article, KG.pairStances, summary))
    return out


@pytest.mark.parametrize("by_state", [False, True])
def test_summaries_give_the_stances_the_claims_give(seed_graph, synthetic_graph, by_state: bool) -> None:
    for graph in (seed_graph, synthetic_graph(actors=60, edges=900, articles=12)):
        assert summed_pairs(graph) is not None
        from_summaries = pair_stances(graph, by_state)
        assert from_summaries and from_summaries == pair_stances(_without(graph), by_state)
        assert from_summaries == pair_stances(_without(graph, keep=1), by_state)  # some missing: the claims count


def test_a_graph_without_every_summary_is_read_from_its_claims(seed_graph) -> None:
    assert summed_pairs(_without(seed_graph, keep=1)) is None
    assert summed_pairs(_without(seed_graph)) is None


def test_the_summary_of_an_article(seed_graph) -> None:
    rows = [row for _, text in seed_graph.subject_objects(KG.pairStances) for row in json.loads(str(text))]
    assert rows and all(s.startswith("actor/") and o.startswith("actor/") and sup + opp > 0 for s, o, _, sup, opp in rows)


def test_removing_an_article_removes_its_summary(tmp_path) -> None:
    from kg.graph.model import article_iri
    from kg.pipeline import add, build, remove

    a, b = "000_be1fec4c38dce20f", "001_6dd0e6ed9944d124"
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    home = tmp_path / "home"
    build([src], home)
    assert set(load_graph(home / "graph.ttl").subjects(KG.pairStances)) == {article_iri(a), article_iri(b)}
    remove([b], home)
    assert set(load_graph(home / "graph.ttl").subjects(KG.pairStances)) == {article_iri(a)}
    add([src], home)
    assert set(load_graph(home / "graph.ttl").subjects(KG.pairStances)) == {article_iri(a), article_iri(b)}
