"""Wire the stages: articles -> parsed docs -> claims -> graph and outputs."""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract import extract_claims
from kg.gazetteer import load_gazetteer
from kg.ingest import ReadResult, Skip, read_articles
from kg.lexicon import load_lexicon
from kg.nlp import load_nlp
from kg.records import Actor, ActorKind, Article, Claim, Modality
from kg.spin import OffsetMap, normalise

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.home import Home


__all__ = ["Extraction", "run_extraction", "build", "BuildResult", "filter_claims"]


@dataclass
class Extraction:
    """Everything extracted from a set of articles. ``articles`` are the articles extracted, in
    input order, without their text (``Article.text`` is ``""``): a large corpus is not held in memory."""

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
                   progress: Callable[[int], None] | None = None, dictionaries: Sequence[str | Path] = ()) -> Extraction:
    """Parse and extract every article (spaCy ``nlp.pipe`` in batches, optionally multi-process),
    with the built-in gazetteer extended by the user actor ``dictionaries``.

    ``articles`` is consumed as a stream: only the batches being parsed are held (their texts and
    docs), so memory does not grow with the corpus beyond the claims. The returned articles keep
    everything but their text (the claims carry their evidence and offsets)."""
    started = time.perf_counter()
    nlp = load_nlp(model, dictionaries)
    gaz = load_gazetteer(dictionaries=dictionaries)
    lex = load_lexicon()
    out = Extraction()
    pending: dict[int, tuple[Article, OffsetMap]] = {}  # articles handed to nlp.pipe, not yet back

    def texts() -> Iterator[tuple[str, int]]:
        for i, article in enumerate(articles):
            text, offsets, score = normalise(article.text)
            pending[i] = (article, offsets)
            out.spun[article.id] = score
            yield text, i

    for doc, i in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        article, offsets = pending.pop(i)
        claims, res = extract_claims(article, doc, gaz, lex, offsets)
        out.articles.append(dataclasses.replace(article, text=""))
        out.sentences += sum(1 for _ in doc.sents)
        out.claims.extend(claims)
        for claim in claims:
            for ident in (claim.subject_id, claim.reporter_id, None if claim.object_is_issue else claim.object_id):
                if ident and ident not in out.actors:
                    out.actors[ident] = gaz.actors.get(ident) or _new_actor(res.new_actors.get(ident), ident)
        if progress:
            progress(1)
    out.claims.sort(key=claim_order)
    out.seconds = time.perf_counter() - started
    return out


def claim_order(claim: Claim) -> tuple:
    """The order of claims in an :class:`Extraction` (and so in ``claims.jsonl``)."""
    return (claim.doc, claim.start, claim.subject_id, claim.relation.value, claim.object_id)


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


def _article_graphs(extraction: Extraction, dictionaries: Sequence[Path] = ()) -> dict[str, Graph]:
    """One graph per article: its node, claims, direct triples and the actors it mentions."""
    from kg.graph.model import build_graph

    gaz = load_gazetteer(dictionaries=dictionaries)
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


def check_build(out_dir: str | Path, store: str | None = None, actors: Sequence[str | Path] = (),
                cluster: str | None = None) -> tuple[Home, str, list[Path]]:
    """What ``kg build`` checks before any long work: the cluster address, the store spec, the actor
    dictionaries and that the output directory can be written.

    Returns:
        The home, the store spec (its location made absolute) and the dictionaries.

    Raises:
        StoreError: the output directory or the store spec cannot be used.
        KGError: ``cluster`` is malformed; a dictionary is unreadable.
    """
    from kg.gazetteer.config import dictionaries_for
    from kg.home import Home, user_spec

    if cluster:
        from kg.cluster import parse_cluster

        parse_cluster(cluster)  # before the output directory is locked
    spec = user_spec(store or "memory")
    dictionaries = dictionaries_for(actors)
    load_gazetteer(dictionaries=dictionaries)  # a bad dictionary fails before any work
    home = Home(out_dir)
    home.prepare()
    return home, spec, dictionaries


def build(paths: Iterable[str | Path], out_dir: str | Path = "out", model: str | None = None, n_process: int = 1,
          progress: Callable[[int], None] | None = None, read: ReadResult | None = None, store: str | None = None,
          actors: Sequence[str | Path] = (), cluster: str | None = None) -> BuildResult:
    """``kg build``: read, extract, and make ``out_dir`` the graph's home (store, ``graph.ttl``,
    ``claims.jsonl``, ``graph.html``, ``kg.toml``), replacing what it held.

    The user actor dictionaries are the project's (``[tool.kg]`` in ``pyproject.toml``) and
    ``actors``; the home's ``kg.toml`` lists them for ``kg add``.

    ``cluster`` (``local:N`` or ``tcp://HOST:PORT``) runs parsing and extraction on Dask
    distributed (:mod:`kg.cluster`) instead of ``n_process`` local processes; the result is the same.

    The output directory and the store are checked before extraction starts; the home's files are
    replaced all at once at the end, so an interrupted build leaves the previous home as it was.

    Raises:
        StoreError: the output directory or the store cannot be used, or another command holds the home.
        KGError: ``cluster`` is malformed, Dask is not installed, or no scheduler answers.
    """
    from kg.graph.model import add_ontology, new_graph
    from kg.graph.store import ONTOLOGY_GRAPH, article_graph_iri, open_store

    home, spec, dictionaries = check_build(out_dir, store, actors, cluster)
    with home.locked():
        st = open_store(spec)  # not the home's: a rebuild starts from an empty memory store
        try:
            read = read or read_articles(paths)
            if cluster:
                from kg.cluster import run_distributed

                extraction = run_distributed(read.articles, cluster, model=model, progress=progress, dictionaries=dictionaries)
            else:
                extraction = run_extraction(read.articles, model=model, n_process=n_process, progress=progress,
                                            dictionaries=dictionaries)
            extraction.skipped = read.skipped
            st.drop_all(list(st.graphs()))
            ontology = new_graph()
            add_ontology(ontology)
            st.put_all({ONTOLOGY_GRAPH: ontology} | {article_graph_iri(a): g for a, g in
                                                     _article_graphs(extraction, dictionaries).items()})
            paths_out = home.write(st, [c.as_dict() for c in extraction.claims], dictionaries)
        finally:
            st.close()
    return BuildResult(extraction, *paths_out, read.skipped, store=spec, added=len(extraction.articles))


def add(paths: Iterable[str | Path], out_dir: str | Path = "out", model: str | None = None, store: str | None = None,
        progress: Callable[[int], None] | None = None, actors: Sequence[str | Path] = ()) -> BuildResult:
    """``kg add``: extract only the articles ``out_dir`` does not hold yet and add them, with the
    home's actor dictionaries (its ``kg.toml``), the project's, and ``actors`` (then listed too).

    Raises:
        StoreError: ``out_dir`` is not a home, its store cannot be found, or another command holds it.
    """
    from kg.gazetteer.config import dictionaries_for
    from kg.graph.store import article_graph_iri
    from kg.home import Home

    home = Home(out_dir)
    spec = home.store_spec(store)
    dictionaries = dictionaries_for(actors, home=home.path)
    load_gazetteer(dictionaries=dictionaries)
    with home.locked():
        st = home.open_store(spec)
        try:
            read = read_articles(paths)
            present = st.article_ids()
            new = [a for a in read.articles if a.id not in present]
            extraction = run_extraction(new, model=model, progress=progress, dictionaries=dictionaries)
            extraction.skipped = read.skipped
            st.put_all({article_graph_iri(a): g for a, g in _article_graphs(extraction, dictionaries).items()})
            claims = [c for c in home.read_claims() if c["doc"] not in {a.id for a in new}]
            paths_out = home.write(st, claims + [c.as_dict() for c in extraction.claims], dictionaries)
        finally:
            st.close()
    return BuildResult(extraction, *paths_out, read.skipped, store=spec, added=len(new),
                       already_present=len(read.articles) - len(new))


def _match_ids(requested: Iterable[str], present: set[str]) -> list[str]:
    """The present article ids that ``requested`` name, as written or in their IRI slug form
    (``000-be1f...`` for ``000_be1f...``)."""
    from kg.text import slugify

    by_slug = {slugify(a): a for a in present}
    found = []
    for ident in requested:
        match = ident if ident in present else by_slug.get(slugify(ident))
        if match is not None and match not in found:
            found.append(match)
    return found


def remove(article_ids: Iterable[str], out_dir: str | Path = "out", store: str | None = None) -> BuildResult:
    """``kg remove``: drop articles and every triple only they backed.

    Raises:
        StoreError: ``out_dir`` is not a home, its store cannot be found, or another command holds it.
    """
    from kg.graph.store import article_graph_iri
    from kg.home import Home

    home = Home(out_dir)
    spec = home.store_spec(store)
    with home.locked():
        st = home.open_store(spec)
        try:
            gone = _match_ids(article_ids, st.article_ids())
            st.drop_all(article_graph_iri(a) for a in gone)
            claims = [c for c in home.read_claims() if c["doc"] not in set(gone)]
            paths_out = home.write(st, claims)
        finally:
            st.close()
    return BuildResult(Extraction(), *paths_out, [], store=spec, removed=len(gone))


def export(home: str | Path, path: str | Path, store: str | None = None, fmt: str | None = None) -> Path:
    """``kg export``: :meth:`kg.home.Home.export` of home ``home``."""
    from kg.home import Home

    return Home(home).export(path, fmt, store)
