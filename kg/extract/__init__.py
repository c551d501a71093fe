"""Claim extraction: a parsed article in, claims out."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from kg.extract.arguments import ArticleContext
from kg.extract.deps import EXTRACTOR, Candidate, extract_sentence, unnamed_attackers
from kg.gazetteer import Gazetteer
from kg.ingest import infer_date
from kg.lexicon import Lexicon
from kg.records import Article, Claim
from kg.resolve import Resolution, resolve_doc
from kg.spin import OffsetMap

__all__ = ["extract_claims", "EXTRACTOR"]


def extract_claims(article: Article, doc: Doc, gaz: Gazetteer, lex: Lexicon,
                   offsets: OffsetMap | None = None) -> tuple[list[Claim], Resolution]:
    """Claims of one article whose (possibly normalised) text was parsed into ``doc``.

    Offsets and evidence always point into ``article.text``.
    """
    day = article.date or infer_date(article.text) or dt.date.today()
    res = resolve_doc(doc, gaz, lex, day)
    back = offsets.original if offsets else (lambda pos: pos)
    best: dict[tuple, Claim] = {}
    context = ArticleContext()

    def keep(sent: object, cand: Candidate) -> None:
        start, end = back(sent.start_char), back(sent.end_char)  # type: ignore[attr-defined]
        claim = _claim(article, cand, article.text[start:end].strip(), start, end, day)
        key = (claim.subject_id, claim.relation, claim.object_id, start)
        if key not in best or best[key].confidence < claim.confidence:
            best[key] = claim

    for sent in doc.sents:
        for cand in extract_sentence(sent, res, lex, context):
            keep(sent, cand)
    for sent, cand in unnamed_attackers(context):
        keep(sent, cand)
    return list(best.values()), res


def _claim(article: Article, cand: Candidate, evidence: str, start: int, end: int, day: dt.date) -> Claim:
    s, o = cand.subject, cand.object
    return Claim(
        doc=article.id, subject=s.name, subject_id=s.id, relation=cand.relation, object=o.name,
        object_id=o.id, object_is_issue=o.is_issue, modality=cand.modality, evidence=evidence,
        start=start, end=end, confidence=round(cand.confidence, 3),
        reporter=cand.reporter.name if cand.reporter else None,
        reporter_id=cand.reporter.id if cand.reporter else None, predicate=cand.predicate,
        extractor=EXTRACTOR, date=article.date, subject_kind=s.kind.value if s.kind else "",
        object_kind=o.kind.value if o.kind else "Issue", negated=cand.negated, issue_type=o.issue_type,
    )
