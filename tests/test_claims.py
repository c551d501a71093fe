"""The claim table: each claim of a graph once, with what the view, analysis and exports read."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kg.graph import build_graph
from kg.graph.claims import claim_rows, labels
from kg.graph.model import actor_iri, article_iri, claim_iri, issue_iri
from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

TEXT = "Kenya supports Uganda. Uganda may attack Sudan. Sudan opposes the summit."


def _graph():
    art = Article("art-1", TEXT, title="Three", date=dt.date(2024, 2, 1), url="https://example.org/1")
    actors = [Actor(i.lower(), i, ActorKind.STATE) for i in ("Kenya", "Uganda", "Sudan")]
    claims = [
        Claim("art-1", "Kenya", "kenya", Relation.SUPPORTS, "Uganda", "uganda", False, Modality.ASSERTED, "Kenya supports Uganda.", 0, 22, 0.8),
        Claim("art-1", "Uganda", "uganda", Relation.ATTACKS, "Sudan", "sudan", False, Modality.HYPOTHETICAL, "Uganda may attack Sudan.", 23, 47, 0.6),
        Claim("art-1", "Sudan", "sudan", Relation.OPPOSES, "the summit", "summit", True, Modality.ASSERTED, "Sudan opposes the summit.", 48, 73, 0.7),
    ]
    return build_graph([(art, 0.0)], claims, actors), claims


def test_one_row_per_claim_in_claim_order() -> None:
    graph, claims = _graph()
    rows = claim_rows(graph)
    assert [r.claim for r in rows] == sorted(str(claim_iri(c)) for c in claims)
    by_claim = {r.claim: r for r in rows}
    support = by_claim[str(claim_iri(claims[0]))]
    assert (support.subject, support.object, support.relation, support.polarity, support.modality) == (
        str(actor_iri("kenya")), str(actor_iri("uganda")), "supports", 1, "asserted")
    assert (support.confidence, support.start, support.end, support.evidence) == (Decimal("0.8"), 0, 22, "Kenya supports Uganda.")
    assert (support.article, support.article_id, support.title, support.url) == (
        str(article_iri("art-1")), "art-1", "Three", "https://example.org/1")
    assert str(support.date) == "2024-02-01" and support.stance == 0.8 and not support.object_is_issue
    attack = by_claim[str(claim_iri(claims[1]))]
    assert attack.hypothetical and attack.stance == -0.6
    issue = by_claim[str(claim_iri(claims[2]))]
    assert issue.object_is_issue and issue.object == str(issue_iri("summit"))


def test_labels() -> None:
    graph, _ = _graph()
    names = labels(graph)
    assert names[str(actor_iri("kenya"))] == "Kenya" and names[str(issue_iri("summit"))] == "the summit"
