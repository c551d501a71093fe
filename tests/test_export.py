"""Exports to graphml, gexf and csv hold exactly the stances and claims of the graph."""
from __future__ import annotations

import csv
import datetime as dt
import io

import networkx as nx
import pytest
from rdflib import Graph

from kg.export import export
from kg.graph.model import actor_iri

SENTENCES = ["Kenya supports Uganda.", "Kenya criticizes Uganda.", "Uganda attacks Sudan.", "Sudan opposes peace.",
             "Kenya may praise Sudan."]
TEXT = " ".join(SENTENCES)


@pytest.fixture(scope="module")
def small() -> Graph:
    from kg.graph import build_graph
    from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

    art = Article("art-1", TEXT, date=dt.date(2024, 2, 1))
    actors = [Actor(i.lower(), i, ActorKind.STATE) for i in ("Kenya", "Uganda", "Sudan")]

    def claim(n: int, rel: Relation, conf: float, mod: Modality = Modality.ASSERTED, issue: bool = False) -> Claim:
        words = SENTENCES[n].rstrip(".").split()
        s, o = words[0], words[-1]
        start = TEXT.index(SENTENCES[n])
        return Claim("art-1", s, s.lower(), rel, o, o.lower(), issue, mod, SENTENCES[n], start, start + len(SENTENCES[n]), conf)

    claims = [
        claim(0, Relation.SUPPORTS, 0.8),
        claim(1, Relation.CRITICIZES, 0.5),
        claim(2, Relation.ATTACKS, 0.9),
        claim(3, Relation.OPPOSES, 0.7, issue=True),
        claim(4, Relation.PRAISES, 0.6, Modality.HYPOTHETICAL),
    ]
    return build_graph([(art, 0.0)], claims, actors)


def _iri(name: str) -> str:
    return str(actor_iri(name.lower()))


# actor-to-actor stances only: the issue and the hypothetical praise are left out
STANCES = {
    (_iri("Kenya"), _iri("Uganda")): {"stance": 0.3, "supporting": 1, "opposing": 1},
    (_iri("Uganda"), _iri("Sudan")): {"stance": -0.9, "supporting": 0, "opposing": 1},
}


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_stance_graph(small: Graph, tmp_path, suffix: str) -> None:
    path = export(small, tmp_path / f"stance{suffix}")
    g = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert g.is_directed()
    edges = {(s, o): {k: d[k] for k in ("stance", "supporting", "opposing")} for s, o, d in g.edges(data=True)}
    assert edges.keys() == STANCES.keys()
    for key, want in STANCES.items():
        assert edges[key]["stance"] == pytest.approx(want["stance"])
        assert (int(edges[key]["supporting"]), int(edges[key]["opposing"])) == (want["supporting"], want["opposing"])
    assert {g.nodes[n]["label"] for n in g.nodes} == {"Kenya", "Uganda", "Sudan"}


def test_claims_csv(small: Graph, tmp_path) -> None:
    path = export(small, tmp_path / "claims.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["article", "subject", "relation", "object", "polarity", "modality", "confidence", "evidence", "start", "end"]
    body = [(r[0], r[1], r[2], r[3], int(r[4]), float(r[6]), r[7], int(r[8]), int(r[9])) for r in rows[1:]]
    assert [b[:4] for b in body] == [
        ("art-1", "Kenya", "supports", "Uganda"),
        ("art-1", "Kenya", "criticizes", "Uganda"),
        ("art-1", "Uganda", "attacks", "Sudan"),
        ("art-1", "Sudan", "opposes", "peace"),
        ("art-1", "Kenya", "praises", "Sudan"),
    ]
    assert [b[4] for b in body] == [1, -1, -1, -1, 1]
    assert [b[5] for b in body] == [0.8, 0.5, 0.9, 0.7, 0.6]
    assert [b[6] for b in body] == SENTENCES
    for *_, evidence, start, end in body:
        assert TEXT[start:end] == evidence


def test_unknown_suffix_is_a_store_error(small: Graph, tmp_path) -> None:
    from kg.errors import StoreError

    with pytest.raises(StoreError, match=r"cannot export to \.xlsx; use one of"):
        export(small, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []
