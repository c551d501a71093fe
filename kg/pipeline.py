"""Wire the stages: articles -> parsed docs -> claims -> graph and outputs."""
from __future__ import annotations

import dataclasses
import json
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

    from kg.graph.store import GraphStore

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


def _claim_key(rec: dict) -> tuple:
    return (rec["doc"], rec["start"], rec["subject_id"], rec["relation"], rec["object_id"])


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


def _write_outputs(store: GraphStore, out: Path, claims: list[dict],
                   dictionaries: Sequence[Path] | None = None) -> tuple[Path, Path, Path]:
    """Persist the store and replace the home's files in one commit (see ``kg.graph.home``); with
    ``dictionaries``, the home's ``kg.toml`` lists them."""
    from kg.gazetteer.config import HOME_CONFIG, config_text
    from kg.graph.home import STORE_NOTE, commit_files, saved_spec
    from kg.view import render_html

    union = store.union()
    claims = sorted(claims, key=_claim_key)
    files = {"graph.ttl": union.serialize(format="turtle"),
             "claims.jsonl": "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims),
             "graph.html": render_html(union),
             STORE_NOTE: saved_spec(store.spec, out) + "\n"}
    if dictionaries is not None:
        files[HOME_CONFIG] = config_text(dictionaries, out)
    if store.spec == "memory":
        files["graph.trig"] = store.trig()  # a memory store is saved by the commit below
    else:
        store.save()
    commit_files(out, files)
    if store.spec != "memory" and (out / "graph.trig").exists():
        (out / "graph.trig").unlink()  # left by an earlier memory build; the note now names the store
    return out / "graph.ttl", out / "claims.jsonl", out / "graph.html"


def _read_claims(out: Path) -> list[dict]:
    path = out / "claims.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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
    from kg.gazetteer.config import dictionaries_for
    from kg.graph.home import check_output_dir, locked, user_spec
    from kg.graph.model import add_ontology, new_graph
    from kg.graph.store import ONTOLOGY_GRAPH, article_graph_iri, open_store

    if cluster:
        from kg.cluster import parse_cluster

        parse_cluster(cluster)  # before the output directory is locked
    out = Path(out_dir)
    spec = user_spec(store or "memory")
    dictionaries = dictionaries_for(actors)
    load_gazetteer(dictionaries=dictionaries)  # a bad dictionary fails before any work
    check_output_dir(out)
    with locked(out):
        st = open_store(spec, None if spec == "memory" else out)
        try:
            read = read or read_articles(paths)
            if cluster:
                from kg.cluster import run_distributed

                extraction = run_distributed(read.articles, cluster, model=model, progress=progress, dictionaries=dictionaries)
            else:
                extraction = run_extraction(read.articles, model=model, n_process=n_process, progress=progress,
                                            dictionaries=dictionaries)
            extraction.skipped = read.skipped
            for iri in list(st.graphs()):
                st.drop(iri)
            ontology = new_graph()
            add_ontology(ontology)
            st.put(ONTOLOGY_GRAPH, ontology)
            for article_id, graph in _article_graphs(extraction, dictionaries).items():
                st.put(article_graph_iri(article_id), graph)
            paths_out = _write_outputs(st, out, [c.as_dict() for c in extraction.claims], dictionaries)
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
    from kg.graph.home import home_spec, locked
    from kg.graph.store import article_graph_iri, open_store

    out = Path(out_dir)
    spec = home_spec(out, store)
    dictionaries = dictionaries_for(actors, home=out)
    load_gazetteer(dictionaries=dictionaries)
    with locked(out):
        st = open_store(spec, out, create=False)
        try:
            read = read_articles(paths)
            present = st.article_ids()
            new = [a for a in read.articles if a.id not in present]
            extraction = run_extraction(new, model=model, progress=progress, dictionaries=dictionaries)
            extraction.skipped = read.skipped
            for article_id, graph in _article_graphs(extraction, dictionaries).items():
                st.put(article_graph_iri(article_id), graph)
            claims = [c for c in _read_claims(out) if c["doc"] not in {a.id for a in new}]
            paths_out = _write_outputs(st, out, claims + [c.as_dict() for c in extraction.claims], dictionaries)
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
    from kg.graph.home import home_spec, locked
    from kg.graph.store import article_graph_iri, open_store

    out = Path(out_dir)
    spec = home_spec(out, store)
    with locked(out):
        st = open_store(spec, out, create=False)
        try:
            gone = _match_ids(article_ids, st.article_ids())
            for article_id in gone:
                st.drop(article_graph_iri(article_id))
            claims = [c for c in _read_claims(out) if c["doc"] not in set(gone)]
            paths_out = _write_outputs(st, out, claims)
        finally:
            st.close()
    return BuildResult(Extraction(), *paths_out, [], store=spec, removed=len(gone))


def export(home: str | Path, path: str | Path, store: str | None = None, fmt: str | None = None) -> Path:
    """``kg export``: write the graph of home ``home`` to ``path`` by extension, or with ``fmt``
    ``plover`` or ``cameo`` its claims as event records (``kg.events``, one JSON line per claim).

    Raises:
        StoreError: ``home`` is not a home, its store cannot be found, or ``path`` cannot be written.
        InputError: unknown ``fmt``.
    """
    from kg.graph.export import export as run_export
    from kg.graph.home import home_spec, require_home
    from kg.graph.store import open_store

    home, path = Path(home), Path(path)
    if fmt is not None:
        from kg.events import write_events
        from kg.gazetteer.config import home_dictionaries

        require_home(home)
        return write_events(_read_claims(home), load_gazetteer(dictionaries=home_dictionaries(home)), path, fmt)
    st = open_store(home_spec(home, store), home, create=False)
    try:
        trig = st.trig() if path.suffix.lower() == ".trig" else None
        return run_export(st.union(), path, trig)
    finally:
        st.close()
