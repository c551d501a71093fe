"""Wire the stages: articles -> parsed docs -> claims -> graph and outputs."""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import extract_claims
from kg.gazetteer import load_gazetteer
from kg.ingest import ReadResult, Skip, read_articles
from kg.lexicon import load_lexicon
from kg.nlp import load_nlp
from kg.records import Actor, ActorKind, Article, Claim, Modality
from kg.spin import normalise

__all__ = ["Extraction", "run_extraction", "build", "BuildResult", "filter_claims"]


@dataclass
class Extraction:
    """Everything extracted from a set of articles."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    spun: dict[str, float] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)
    sentences: int = 0
    seconds: float = 0.0

    SPUN_FLAG = 2.0

    @property
    def spun_articles(self) -> list[str]:
        return [a for a, s in self.spun.items() if s >= self.SPUN_FLAG]


def run_extraction(articles: Iterable[Article], model: str | None = None, batch_size: int = 16, n_process: int = 1,
                   progress: Callable[[int], None] | None = None) -> Extraction:
    """Parse and extract every article (spaCy ``nlp.pipe`` in batches, optionally multi-process)."""
    started = time.perf_counter()
    nlp = load_nlp(model)
    gaz = load_gazetteer()
    lex = load_lexicon()
    out = Extraction()
    prepared = []
    for article in articles:
        text, offsets, score = normalise(article.text)
        prepared.append((article, text, offsets))
        out.spun[article.id] = score
    texts = ((text, i) for i, (_, text, _) in enumerate(prepared))
    for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
        article, _, offsets = prepared[i]
        claims, res = extract_claims(article, doc, gaz, lex, offsets)
        out.articles.append(article)
        out.sentences += sum(1 for _ in doc.sents)
        out.claims.extend(claims)
        for claim in claims:
            for ident in (claim.subject_id, claim.reporter_id, None if claim.object_is_issue else claim.object_id):
                if ident and ident not in out.actors:
                    out.actors[ident] = gaz.actors.get(ident) or _new_actor(res.new_actors.get(ident), ident)
        if progress:
            progress(1)
    out.claims.sort(key=lambda c: (c.doc, c.start, c.subject_id, c.relation.value, c.object_id))
    out.seconds = time.perf_counter() - started
    return out


def _new_actor(ref: object, ident: str) -> Actor:
    name = getattr(ref, "name", ident)
    kind = getattr(ref, "kind", None) or ActorKind.ORGANIZATION
    return Actor(ident, name, kind, known=False)


def filter_claims(claims: Iterable[Claim], include_hypothetical: bool = False, min_confidence: float = 0.0) -> list[Claim]:
    return [c for c in claims if (include_hypothetical or c.modality is not Modality.HYPOTHETICAL) and c.confidence >= min_confidence]


@dataclass
class BuildResult:
    extraction: Extraction
    graph_path: Path
    claims_path: Path
    html_path: Path
    skipped: list[Skip]
    conforms: bool | None = None


def build(paths: Iterable[str | Path], out_dir: str | Path = "out", model: str | None = None, n_process: int = 1,
          progress: Callable[[int], None] | None = None, read: ReadResult | None = None) -> BuildResult:
    """``kg build``: read, extract, write ``graph.ttl``, ``claims.jsonl`` and ``graph.html`` to ``out_dir``."""
    from kg.graph import build_graph, save_graph
    from kg.graph.io import atomic_write_text
    from kg.view import write_view

    read = read or read_articles(paths)
    extraction = run_extraction(read.articles, model=model, n_process=n_process, progress=progress)
    extraction.skipped = read.skipped
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    graph = build_graph(((a, extraction.spun.get(a.id)) for a in extraction.articles), extraction.claims,
                        extraction.actors.values(), load_gazetteer())
    graph_path = save_graph(graph, out / "graph.ttl")
    claims_path = out / "claims.jsonl"
    atomic_write_text(claims_path, "".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in extraction.claims))
    html_path = write_view(graph, out / "graph.html")
    return BuildResult(extraction, graph_path, claims_path, html_path, read.skipped)
