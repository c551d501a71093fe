"""Turn a query parameter (an actor's name or alias, an issue label) into an RDF term."""
from __future__ import annotations

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import QueryError
from kg.gazetteer import load_gazetteer
from kg.graph.model import actor_iri, article_iri, issue_iri
from kg.text import fold

__all__ = ["resolve_param"]


def resolve_param(graph: Graph, kind: str, value: str) -> object:
    """An IRI for actor/issue/article parameters (by label, alias or gazetteer name); a literal otherwise.

    A value that names nothing becomes an IRI that matches nothing, so it can never change the
    query's shape.

    Raises:
        QueryError: an ``https://`` value that cannot be an IRI (a space, a quote, a brace...).
    """
    if kind == "int":
        try:
            return Literal(int(value))
        except ValueError:
            return Literal(0)
    if kind == "article":
        return article_iri(value)
    if kind == "issue":
        return issue_iri(value)
    if kind != "actor":
        return Literal(value)
    if value.startswith("https://"):
        if any(ch.isspace() or ch in '<>"{}|\\^`' for ch in value):
            raise QueryError(f"{value!r} is not an IRI (no spaces or <>\"{{}}|\\^` in one); give the actor's name or its IRI")
        return URIRef(value)
    key = fold(value)
    for prop in (RDFS.label, SKOS.altLabel):
        for node, _, label in graph.triples((None, prop, None)):
            if isinstance(node, URIRef) and fold(str(label)) == key:
                return node
    ident = load_gazetteer().lookup(value)
    if ident:
        return actor_iri(ident)
    for node, _, label in graph.triples((None, RDFS.label, None)):
        if isinstance(node, URIRef) and fold(str(label)).split()[-1:] == [key]:
            return node
    return actor_iri("unknown-" + "".join(ch for ch in key if ch.isalnum())[:40])
