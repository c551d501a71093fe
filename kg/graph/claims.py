"""The claim table: every ``kg:Claim`` of a graph read back as one row, for the view, the analysis
and the exports (one query instead of one each)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDFS, Graph, URIRef

from kg.graph.query import run_query

__all__ = ["ClaimRow", "claim_rows", "labels"]

_CLAIMS = """
SELECT ?claim ?s ?o ?rel ?pol ?mod ?conf ?evidence ?start ?end ?art ?cdate WHERE {
  ?claim a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:relationType ?rel ; kg:polarity ?pol ;
         kg:evidence ?evidence ; kg:confidence ?conf ; kg:modality ?mod ; prov:wasDerivedFrom ?art ;
         kg:startOffset ?start ; kg:endOffset ?end .
  OPTIONAL { ?claim kg:articleDate ?cdate }
}"""
# what a claim shows of its article, read once per article rather than once per claim
_ARTICLES = """
SELECT ?art ?aid ?title ?date ?url WHERE {
  ?art a kg:Article .
  OPTIONAL { ?art kg:articleId ?aid } OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art dcterms:date ?date }
  OPTIONAL { ?art schema:url ?url }
}"""


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim as the graph holds it; IRIs as strings, literals as Python values."""

    claim: str
    subject: str
    object: str
    relation_iri: str
    polarity: int
    modality_iri: str
    confidence: Decimal | float
    evidence: str
    start: int
    end: int
    article: str  # the article's IRI
    article_id: str | None
    title: str | None
    date: dt.date | str | None  # the article's date
    claim_date: dt.date | str | None
    url: str | None
    object_is_issue: bool

    @property
    def relation(self) -> str:
        """The relation's name: ``supports``, ``attacks`` ..."""
        return self.relation_iri.rsplit("#", 1)[-1]

    @property
    def modality(self) -> str:
        """The modality's name: ``asserted``, ``negated``, ``hypothetical`` or ``reported``."""
        return self.modality_iri.rsplit("#", 1)[-1].lower()

    @property
    def hypothetical(self) -> bool:
        return self.modality == "hypothetical"

    @property
    def stance(self) -> float:
        """Polarity times confidence: what the claim adds to its pair's stance."""
        return int(self.polarity) * float(self.confidence)


def claim_rows(graph: Graph) -> list[ClaimRow]:
    """Every claim of ``graph``, ordered by claim IRI (the same order on every run).

    A claim whose article has two titles or dates (two articles merged by hand, say) gets a row
    for each, as a SPARQL join would give.
    """
    from rdflib import RDF

    from kg.graph.namespace import KG

    articles: dict[str, list[tuple]] = {}
    for art, aid, title, date, url in run_query(graph, _ARTICLES).rows:
        articles.setdefault(str(art), []).append((None if aid is None else str(aid), None if title is None else str(title),
                                                  date, None if url is None else str(url)))
    issues = {str(i) for i in graph.subjects(RDF.type, KG.Issue)}  # a set lookup: EXISTS per row is slow
    unknown = [(None, None, None, None)]
    rows = [ClaimRow(str(c), str(s), str(o), str(rel), int(pol), str(mod), conf, str(evidence), start, end, str(art),
                     aid, title, date, cdate, url, str(o) in issues)
            for c, s, o, rel, pol, mod, conf, evidence, start, end, art, cdate in run_query(graph, _CLAIMS).rows
            for aid, title, date, url in articles.get(str(art), unknown)]
    rows.sort(key=_order)
    return rows


def _order(row: ClaimRow) -> tuple[str, ...]:
    # a claim IRI is unique; an article with two dates or titles gives a claim two rows
    return (row.claim, *("" if v is None else str(v) for v in (row.title, row.date, row.claim_date, row.url, row.article_id)))


def labels(graph: Graph) -> dict[str, str]:
    """The ``rdfs:label`` of every IRI that has one."""
    return {str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if isinstance(s, URIRef)}
