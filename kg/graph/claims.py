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
SELECT ?claim ?s ?o ?rel ?pol ?mod ?conf ?evidence ?start ?end ?art ?aid ?title ?date ?cdate ?url ?isIssue WHERE {
  ?claim a kg:Claim ; kg:subject ?s ; kg:object ?o ; kg:relationType ?rel ; kg:polarity ?pol ;
         kg:evidence ?evidence ; kg:confidence ?conf ; kg:modality ?mod ; prov:wasDerivedFrom ?art .
  OPTIONAL { ?claim kg:startOffset ?start } OPTIONAL { ?claim kg:endOffset ?end }
  OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art dcterms:date ?date } OPTIONAL { ?art schema:url ?url }
  OPTIONAL { ?art kg:articleId ?aid } OPTIONAL { ?claim kg:articleDate ?cdate }
  BIND (EXISTS { ?o a kg:Issue } AS ?isIssue)
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
    start: int | None
    end: int | None
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
    """Every claim of ``graph``, ordered by claim IRI (the same order on every run)."""
    rows = [ClaimRow(str(c), str(s), str(o), str(rel), int(pol), str(mod), conf, str(evidence), start, end, str(art),
                     None if aid is None else str(aid), None if title is None else str(title), date, cdate,
                     None if url is None else str(url), bool(is_issue))
            for c, s, o, rel, pol, mod, conf, evidence, start, end, art, aid, title, date, cdate, url, is_issue
            in run_query(graph, _CLAIMS).rows]
    rows.sort(key=_order)
    return rows


def _order(row: ClaimRow) -> tuple[str, ...]:
    # a claim IRI is unique; an article with two dates or titles gives a claim two rows
    return (row.claim, *("" if v is None else str(v) for v in (row.title, row.date, row.claim_date, row.url, row.article_id)))


def labels(graph: Graph) -> dict[str, str]:
    """The ``rdfs:label`` of every IRI that has one."""
    return {str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if isinstance(s, URIRef)}
