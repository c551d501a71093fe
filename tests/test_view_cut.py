"""The view's cut of a large graph keeps the most connected actors, and only the edges among them."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph

from kg.graph.model import actor_iri
from kg.view import view_data

# (subject, object): a hub with five partners, then fewer and fewer links
LINKS = [("hub", x) for x in "abcde"] + [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("f", "g")]
DEGREE = {"hub": 5, "a": 4, "b": 3, "c": 3, "d": 2, "e": 1, "f": 1, "g": 1}


@pytest.fixture(scope="module")
def star() -> Graph:
    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    art = Article("star", "x", date=dt.date(2024, 1, 1))
    actors = [Actor(i, f"Actor {i}", ActorKind.STATE) for i in DEGREE]
    claims = [Claim("star", f"Actor {s}", s, Relation.SUPPORTS, f"Actor {o}", o, False, Modality.ASSERTED,
                    f"{s} supports {o}.", n, n + 1, 0.8) for n, (s, o) in enumerate(LINKS)]
    return build_graph([(art, 0.0)], claims, actors)


def _ids(*names: str) -> set[str]:
    return {str(actor_iri(n)) for n in names}


@pytest.mark.parametrize(("max_nodes", "kept"), [
    (1, ("hub",)),
    (2, ("hub", "a")),
    (3, ("hub", "a", "b")),  # b and c tie on three links: the IRI breaks the tie
    (4, ("hub", "a", "b", "c")),
    (5, ("hub", "a", "b", "c", "d")),
    (8, tuple(DEGREE)),
    (50, tuple(DEGREE)),
])
def test_keeps_the_most_connected(star: Graph, max_nodes: int, kept: tuple[str, ...]) -> None:
    data = view_data(star, max_nodes=max_nodes)
    assert {n["id"] for n in data["nodes"]} == _ids(*kept)
    assert [n["degree"] for n in data["nodes"]] == sorted((DEGREE[k] for k in kept), reverse=True)
    assert data["omitted"] == len(DEGREE) - len(kept)
    edges = {(e["from"], e["to"]) for e in data["edges"]}
    assert edges == {(str(actor_iri(s)), str(actor_iri(o))) for s, o in LINKS if s in kept and o in kept}
