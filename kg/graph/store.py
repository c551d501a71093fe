"""Graph stores behind one interface: an rdflib Dataset with one named graph per article.

Backends (``spec``):
    ``memory``       rdflib's in-memory store, persisted as ``graph.trig`` in the output home
    ``oxigraph:DIR`` an on-disk Oxigraph store (pyoxigraph through oxrdflib)
    ``sparql:URL``   any SPARQL 1.1 endpoint with update (Oxigraph server, Fuseki, GraphDB):
                     ``URL/query`` and ``URL/update`` unless the URL names a ``/sparql`` endpoint

Every triple an article contributes (its node, claims, direct relation triples, the actors it
mentions) lives in that article's named graph, so removing an article drops exactly what only it
backed; the union of the named graphs is the graph users query.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import StoreError
from kg.graph.namespace import DATA
from kg.text import slugify

__all__ = ["GraphStore", "open_store", "article_graph_iri", "ONTOLOGY_GRAPH"]

ONTOLOGY_GRAPH = DATA["graph/ontology"]


def article_graph_iri(article_id: str) -> URIRef:
    return DATA[f"graph/article/{slugify(article_id)}"]


class GraphStore:
    """A dataset of per-article named graphs."""

    def __init__(self, spec: str, dataset: Dataset, file: Path | None = None) -> None:
        self.spec, self.dataset, self.file = spec, dataset, file

    def article_ids(self) -> set[str]:
        from kg.graph.namespace import KG

        return {str(o) for _, _, o in self.union().triples((None, KG.articleId, None))}

    def graphs(self) -> Iterator[URIRef]:
        for ctx in self.dataset.graphs():
            if isinstance(ctx.identifier, URIRef) and str(ctx.identifier).startswith(str(DATA["graph/"])):
                yield ctx.identifier

    def put(self, iri: URIRef, graph: Graph) -> None:
        """Replace the named graph ``iri`` with ``graph``."""
        self.drop(iri)
        target = self.dataset.graph(iri)
        target.addN((s, p, o, target) for s, p, o in graph)

    def drop(self, iri: URIRef) -> None:
        """Remove the named graph ``iri`` (nothing happens when it is absent)."""
        if self.spec.startswith("sparql:"):
            self.dataset.update(f"DROP SILENT GRAPH {iri.n3()}")
        elif any(g == iri for g in self.graphs()):
            self.dataset.remove_graph(self.dataset.graph(iri))

    def union(self) -> Graph:
        """Every triple of every named graph, in one in-memory graph."""
        from kg.graph.model import new_graph

        out = new_graph("Oxigraph")  # queries over the union (view, analysis) run in Oxigraph
        if self.spec.startswith("sparql:"):
            result = self.dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            for triple in result:
                out.add(triple)  # type: ignore[arg-type]
            return out
        for iri in list(self.graphs()):
            for triple in self.dataset.graph(iri):
                out.add(triple)
        return out

    def trig(self) -> str:
        """The dataset as TriG, byte-identical for the same content."""
        from kg.graph.io import dataset_trig

        return dataset_trig(self.dataset)

    def save(self) -> None:
        """Persist a memory store to its TriG file (atomically); other backends persist themselves."""
        from kg.graph.io import atomic_write_text

        if self.file is not None:
            atomic_write_text(self.file, self.trig())
        if self.spec.startswith("oxigraph:"):
            self.dataset.commit()

    def close(self) -> None:
        self.dataset.close()


def _endpoints(url: str) -> tuple[str, str]:
    url = url.rstrip("/")
    if url.endswith(("/sparql", "/query")):
        return url, url.rsplit("/", 1)[0] + "/update" if url.endswith("/query") else url
    return url + "/query", url + "/update"


def open_store(spec: str = "memory", home: str | Path | None = None, create: bool = True) -> GraphStore:
    """Open (or, with ``create``, make) a store.

    ``oxigraph:DIR`` is taken as written (callers resolve it against the home first); a memory
    store reads ``HOME/graph.trig``.

    Raises:
        StoreError: unknown spec, an empty location, a store that must exist and does not, an
            unreadable store file, or an unreachable endpoint.
    """
    if spec == "memory":
        dataset = Dataset(default_union=True)
        file = Path(home) / "graph.trig" if home is not None else None
        if file is not None and file.exists():
            try:
                dataset.parse(file, format="trig")
            except Exception as exc:  # rdflib's parsers raise many types
                raise StoreError(f"{file}: unreadable store ({exc.__class__.__name__}); rebuild with `kg build`") from exc
        elif file is not None and not create:
            raise StoreError(f"{file}: the home's store is missing; rebuild the home with `kg build`")
        return GraphStore(spec, dataset, file)
    if spec.startswith("oxigraph:"):
        location = spec.split(":", 1)[1].strip()
        if not location:
            raise StoreError("--store oxigraph: needs a directory, e.g. oxigraph:out/store")
        path = Path(location)
        if not create and not path.is_dir():
            raise StoreError(f"{path}: the home's Oxigraph store is missing; if it moved, give --store oxigraph:NEW_DIR")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            dataset = Dataset(store="Oxigraph", default_union=True)
            dataset.open(str(path), create=not path.exists())
        except Exception as exc:  # pyoxigraph raises OSError and its own types
            raise StoreError(f"{path}: cannot open the Oxigraph store ({exc}); is another process using it?") from exc
        return GraphStore(spec, dataset)
    if spec.startswith("sparql:"):
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        query, update = _endpoints(spec.split(":", 1)[1])
        store = SPARQLUpdateStore(query_endpoint=query, update_endpoint=update, context_aware=True, autocommit=True)
        dataset = Dataset(store=store, default_union=True)
        try:
            dataset.query("ASK { ?s ?p ?o }")
        except Exception as exc:  # urllib/http errors from the endpoint
            raise StoreError(f"{query}: SPARQL endpoint not reachable ({exc.__class__.__name__}); check the URL") from exc
        return GraphStore(spec, dataset)
    raise StoreError(f"unknown store {spec!r}; use memory, oxigraph:DIR or sparql:URL")
