"""Wire the stages: articles -> parsed docs -> claims -> graph and outputs."""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract import extract_claims
from kg.gazetteer import load_gazetteer
from kg.ingest import ReadResult, Skip, read_articles
from kg.lexicon import load_lexicon
from kg.nlp import load_nlp
from kg.records import Actor, ActorKind, Article, Claim, Modality
from kg.spin import normalise

if TYPE_CHECKING:
    from rdflib import Graph

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
    store: str = "memory"
    added: int = 0
    already_present: int = 0
    removed: int = 0


_STORE_NOTE = ".kg-store"


def _claim_key(rec: dict) -> tuple:
    return (rec["doc"], rec["start"], rec["subject_id"], rec["relation"], rec["object_id"])


def _article_graphs(extraction: Extraction) -> dict[str, Graph]:
    """One graph per article: its node, claims, direct triples and the actors it mentions."""
    from kg.graph.model import build_graph

    gaz = load_gazetteer()
    by_doc: dict[str, list[Claim]] = {}
    for claim in extraction.claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    graphs = {}
    for article in extraction.articles:
        claims = by_doc.get(article.id, [])
        ids = {i for c in claims for i in (c.subject_id, c.reporter_id, None if c.object_is_issue else c.object_id) if i}
        graphs[article.id] = build_graph([(article, extraction.spun.get(article.id))], claims,
                                         [extraction.actors[i] for i in sorted(ids)], gaz, with_ontology=False)
    return graphs


def _write_outputs(store: object, out: Path, claims: list[dict]) -> tuple[Path, Path, Path]:
    from kg.graph import save_graph
    from kg.graph.io import atomic_write_text
    from kg.view import write_view

    union = store.union()  # type: ignore[attr-defined]
    graph_path = save_graph(union, out / "graph.ttl")
    claims_path = out / "claims.jsonl"
    claims = sorted(claims, key=_claim_key)
    atomic_write_text(claims_path, "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims))
    html_path = write_view(union, out / "graph.html")
    store.save()  # type: ignore[attr-defined]
    (out / _STORE_NOTE).write_text(store.spec + "\n", encoding="utf-8")  # type: ignore[attr-defined]
    return graph_path, claims_path, html_path


def _store_spec(out: Path, store: str | None) -> str:
    if store:
        return store
    note = out / _STORE_NOTE
    return note.read_text(encoding="utf-8").strip() if note.exists() else "memory"


def _read_claims(out: Path) -> list[dict]:
    path = out / "claims.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(paths: Iterable[str | Path], out_dir: str | Path = "out", model: str | None = None, n_process: int = 1,
          progress: Callable[[int], None] | None = None, read: ReadResult | None = None, store: str | None = None) -> BuildResult:
    """``kg build``: read, extract, and make ``out_dir`` the graph's home (store, ``graph.ttl``,
    ``claims.jsonl``, ``graph.html``), replacing what it held."""
    from kg.graph.model import add_ontology, new_graph
    from kg.graph.store import ONTOLOGY_GRAPH, article_graph_iri, open_store

    read = read or read_articles(paths)
    extraction = run_extraction(read.articles, model=model, n_process=n_process, progress=progress)
    extraction.skipped = read.skipped
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    spec = store or "memory"
    if spec == "memory" and (out / "graph.trig").exists():
        (out / "graph.trig").unlink()
    st = open_store(spec, out)
    try:
        for iri in list(st.graphs()):
            st.drop(iri)
        ontology = new_graph()
        add_ontology(ontology)
        st.put(ONTOLOGY_GRAPH, ontology)
        for article_id, graph in _article_graphs(extraction).items():
            st.put(article_graph_iri(article_id), graph)
        paths_out = _write_outputs(st, out, [c.as_dict() for c in extraction.claims])
    finally:
        st.close()
    return BuildResult(extraction, *paths_out, read.skipped, store=spec, added=len(extraction.articles))


def add(paths: Iterable[str | Path], out_dir: str | Path = "out", model: str | None = None, store: str | None = None,
        progress: Callable[[int], None] | None = None) -> BuildResult:
    """``kg add``: extract only the articles ``out_dir`` does not hold yet and add them."""
    from kg.graph.store import article_graph_iri, open_store

    out = Path(out_dir)
    spec = _store_spec(out, store)
    read = read_articles(paths)
    st = open_store(spec, out)
    try:
        present = st.article_ids()
        new = [a for a in read.articles if a.id not in present]
        extraction = run_extraction(new, model=model, progress=progress)
        extraction.skipped = read.skipped
        for article_id, graph in _article_graphs(extraction).items():
            st.put(article_graph_iri(article_id), graph)
        claims = [c for c in _read_claims(out) if c["doc"] not in {a.id for a in new}]
        paths_out = _write_outputs(st, out, claims + [c.as_dict() for c in extraction.claims])
    finally:
        st.close()
    return BuildResult(extraction, *paths_out, read.skipped, store=spec, added=len(new),
                       already_present=len(read.articles) - len(new))


def remove(article_ids: Iterable[str], out_dir: str | Path = "out", store: str | None = None) -> BuildResult:
    """``kg remove``: drop articles and every triple only they backed."""
    from kg.graph.store import article_graph_iri, open_store

    out = Path(out_dir)
    spec = _store_spec(out, store)
    st = open_store(spec, out)
    try:
        present = st.article_ids()
        gone = [a for a in article_ids if a in present]
        for article_id in gone:
            st.drop(article_graph_iri(article_id))
        claims = [c for c in _read_claims(out) if c["doc"] not in set(gone)]
        paths_out = _write_outputs(st, out, claims)
    finally:
        st.close()
    return BuildResult(Extraction(), *paths_out, [], store=spec, removed=len(gone))
