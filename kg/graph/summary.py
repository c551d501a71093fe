"""Pair-stance summaries: each article's claims between actors, pre-summed per (subject, object).

An article node carries one ``kg:pairStances`` literal (``rdf:JSON``): a sorted list of
``[subject, object, stance, supporting, opposing]``, the actors as IRIs relative to the data
namespace (``actor/vladimir-putin``), ``stance`` the exact decimal sum of polarity x confidence
as a string, and the claim counts by sign. Hypothetical claims and claims about issues are left
out, as the pair stances leave them out. The summary lives in the article's named graph, so
adding or removing the article adds or removes it with the claims.

Summing one literal per article is far cheaper than joining every claim's subject, object,
polarity, confidence and modality (bench/store_scale.py); :func:`summed_pairs` falls back to the
claims when an article has no summary (a graph made before summaries existed).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, Graph, Literal

from kg.graph.namespace import DATA
from kg.records import Claim, Modality

__all__ = ["pair_summary", "summary_literal", "summed_pairs", "PairSums"]

PairSums = dict[tuple[str, str], tuple[Decimal, int, int]]  # (subject IRI, object IRI) -> (stance, supporting, opposing)

_SUMMARIES = """
SELECT (COUNT(?a) AS ?articles) (COUNT(?summary) AS ?summaries) WHERE {
  ?a a kg:Article OPTIONAL { ?a kg:pairStances ?summary } }"""


def pair_summary(claims: Iterable[Claim]) -> list[list]:
    """The summary rows of one article's ``claims``.

    >>> from kg.records import Relation
    >>> c = Claim("d", "A", "a", Relation.SUPPORTS, "B", "b", False, Modality.ASSERTED, "A backs B.", 0, 10, 0.8)
    >>> pair_summary([c, c])
    [['actor/a', 'actor/b', '1.6', 2, 0]]
    """
    acc: dict[tuple[str, str], list] = defaultdict(lambda: [Decimal(0), 0, 0])
    for c in claims:
        if c.modality is Modality.HYPOTHETICAL or c.object_is_issue:
            continue
        entry = acc[(f"actor/{c.subject_id}", f"actor/{c.object_id}")]
        entry[0] += c.polarity * Decimal(str(c.confidence))
        entry[1 if c.polarity > 0 else 2] += 1
    return [[s, o, str(v[0]), v[1], v[2]] for (s, o), v in sorted(acc.items())]


def summary_literal(claims: Iterable[Claim]) -> Literal:
    """The ``kg:pairStances`` value of an article with ``claims``, the same text for the same claims."""
    return Literal(json.dumps(pair_summary(claims), separators=(",", ":"), ensure_ascii=False), datatype=RDF.JSON)


def summed_pairs(graph: Graph) -> PairSums | None:
    """The summaries of every article of ``graph`` added up per (subject, object); None when some
    article has no summary, so the caller must read the claims."""
    from kg.graph.query import run_query

    (articles, summaries), = run_query(graph, _SUMMARIES).rows
    if not articles or int(summaries) != int(articles):
        return None
    acc: dict[tuple[str, str], list] = defaultdict(lambda: [Decimal(0), 0, 0])
    base = str(DATA)
    for (text,) in run_query(graph, "SELECT ?summary WHERE { ?a kg:pairStances ?summary }").rows:
        for s, o, stance, supporting, opposing in json.loads(str(text)):
            entry = acc[(base + s, base + o)]
            entry[0] += Decimal(stance)
            entry[1] += supporting
            entry[2] += opposing
    return {pair: (v[0], v[1], v[2]) for pair, v in acc.items()}

