"""Graph stores behind one interface: a dataset with one named graph per article.

A store is named by a spec, ``SCHEME`` or ``SCHEME:LOCATION``; each scheme is one class,
registered by name the way rdflib registers its plugins, and imported only when used:

    ``memory``       :class:`~kg.graph.stores.memory.MemoryStore`, saved as the home's ``graph.trig``
    ``oxigraph:DIR`` :class:`~kg.graph.stores.oxigraph.OxigraphStore`, an on-disk Oxigraph store
    ``sparql:URL``   :class:`~kg.graph.stores.sparql.SparqlStore`, any SPARQL 1.1 endpoint with update

A new backend is one subclass of :class:`Store` and one :func:`register_store` call.

Every triple an article contributes (its node, claims, direct relation triples, the actors it
mentions) lives in that article's named graph, so removing an article drops exactly what only it
backed; the union of the named graphs is the graph users query.
"""
from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from rdflib import Dataset, Graph, URIRef

from kg.errors import StoreError
from kg.graph.namespace import DATA, KG
from kg.text import slugify

__all__ = ["Store", "DatasetStore", "open_store", "register_store", "store_class", "article_graph_iri", "ONTOLOGY_GRAPH"]

ONTOLOGY_GRAPH = DATA["graph/ontology"]
_GRAPHS = str(DATA["graph/"])


def article_graph_iri(article_id: str) -> URIRef:
    return DATA[f"graph/article/{slugify(article_id)}"]


class Store(ABC):
    """A dataset of per-article named graphs.

    Subclasses set ``scheme`` and ``usage`` and implement :meth:`open` and the abstract methods;
    the class methods on specs have defaults for a location that means the same everywhere.
    """

    scheme: ClassVar[str]
    usage: ClassVar[str]  # how a spec is written, for error messages: "oxigraph:DIR"

    def __init__(self, location: str = "") -> None:
        self.location = location

    @property
    def spec(self) -> str:
        return f"{self.scheme}:{self.location}" if self.location else self.scheme

    @classmethod
    @abstractmethod
    def open(cls, location: str, home: Path | None, create: bool) -> Store:
        """Open the store at ``location`` (written as ``user_location`` gives it) for home ``home``.

        Raises:
            StoreError: the store cannot be opened, or (without ``create``) does not exist.
        """

    @classmethod
    def user_location(cls, location: str) -> str:
        """``location`` as given on the command line, made independent of the working directory.

        Raises:
            StoreError: the location is malformed.
        """
        return location

    @classmethod
    def noted_location(cls, location: str, home: Path) -> str:
        """The location to write in home ``home``'s note (``.kg-store``)."""
        return location

    @classmethod
    def location_from_note(cls, location: str, home: Path) -> str:
        """The location a note in home ``home`` names (the inverse of :meth:`noted_location`)."""
        return location

    @abstractmethod
    def graphs(self) -> Iterator[URIRef]:
        """The IRIs of the named graphs kg made (articles and the ontology)."""

    @abstractmethod
    def put(self, iri: URIRef, graph: Graph) -> None:
        """Replace the named graph ``iri`` with ``graph``."""

    def put_all(self, graphs: Mapping[URIRef, Graph]) -> None:
        """Replace each named graph of ``graphs``; a backend may load them in bulk."""
        for iri, graph in graphs.items():
            self.put(iri, graph)

    @abstractmethod
    def drop(self, iri: URIRef) -> None:
        """Remove the named graph ``iri`` (nothing happens when it is absent)."""

    def drop_all(self, iris: Iterable[URIRef]) -> None:
        """Remove each named graph of ``iris``; a backend may do it in bulk."""
        for iri in list(iris):
            self.drop(iri)

    @abstractmethod
    def union(self) -> Graph:
        """Every triple of every named graph, in one in-memory graph."""

    @abstractmethod
    def trig(self) -> str:
        """The dataset as TriG, byte-identical for the same content."""

    def article_ids(self) -> set[str]:
        return {str(o) for _, _, o in self.union().triples((None, KG.articleId, None))}

    def home_files(self) -> dict[str, str]:
        """Files (name -> text) a home commits with its outputs to persist this store; none when
        the store persists itself in :meth:`save`."""
        return {}

    def save(self) -> None:  # noqa: B027  (a no-op unless the backend needs it)
        """Persist what the store does not keep by itself."""

    def close(self) -> None:  # noqa: B027  (a no-op unless the backend holds a resource)
        """Release the store."""


class DatasetStore(Store):
    """A store held in an rdflib :class:`~rdflib.Dataset` (any rdflib store plugin under it)."""

    def __init__(self, dataset: Dataset, location: str = "") -> None:
        super().__init__(location)
        self.dataset = dataset

    def graphs(self) -> Iterator[URIRef]:
        for ctx in self.dataset.graphs():
            if isinstance(ctx.identifier, URIRef) and str(ctx.identifier).startswith(_GRAPHS):
                yield ctx.identifier

    def put(self, iri: URIRef, graph: Graph) -> None:
        self.drop(iri)
        target = self.dataset.graph(iri)
        target.addN((s, p, o, target) for s, p, o in graph)

    def drop(self, iri: URIRef) -> None:
        if any(g == iri for g in self.graphs()):
            self.dataset.remove_graph(self.dataset.graph(iri))

    def union(self) -> Graph:
        from kg.graph.model import new_graph

        out = new_graph("Oxigraph")  # queries over the union (view, analysis) run in Oxigraph
        for iri in list(self.graphs()):
            for triple in self.dataset.graph(iri):
                out.add(triple)
        return out

    def trig(self) -> str:
        from kg.graph.io import dataset_trig

        return dataset_trig(self.dataset)

    def close(self) -> None:
        self.dataset.close()


_REGISTRY: dict[str, tuple[str, str]] = {
    "memory": ("kg.graph.stores.memory", "MemoryStore"),
    "oxigraph": ("kg.graph.stores.oxigraph", "OxigraphStore"),
    "sparql": ("kg.graph.stores.sparql", "SparqlStore"),
}


def register_store(scheme: str, module: str, class_name: str) -> None:
    """Make ``SCHEME:LOCATION`` specs open ``module.class_name`` (a :class:`Store` subclass),
    imported when first used. Registering a scheme again replaces it."""
    _REGISTRY[scheme] = (module, class_name)


def store_class(spec: str) -> tuple[type[Store], str]:
    """The class a spec names and the location it gives.

    Raises:
        StoreError: no registered store has the spec's scheme.
    """
    scheme, _, location = spec.partition(":")
    if scheme not in _REGISTRY:
        usages = ", ".join(_load(s).usage for s in _REGISTRY)
        raise StoreError(f"unknown store {spec!r}; use {usages}")
    return _load(scheme), location


def _load(scheme: str) -> type[Store]:
    module, name = _REGISTRY[scheme]
    cls = getattr(importlib.import_module(module), name)
    if not (isinstance(cls, type) and issubclass(cls, Store)):
        raise StoreError(f"store {scheme!r}: {module}.{name} is not a kg.graph.store.Store")
    return cls


def open_store(spec: str = "memory", home: str | Path | None = None, create: bool = True) -> Store:
    """Open (or, with ``create``, make) the store ``spec`` names.

    A location is taken as written (a :class:`~kg.home.Home` resolves it first); a memory store
    keeps its triples in ``HOME/graph.trig``.

    Raises:
        StoreError: unknown spec, a malformed location, a store that must exist and does not, an
            unreadable store, or an unreachable endpoint.
    """
    cls, location = store_class(spec)
    return cls.open(location, Path(home) if home is not None else None, create)
