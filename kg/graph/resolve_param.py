"""Turn a query parameter (an actor's name or alias, an issue label) into an RDF term."""
from __future__ import annotations

import difflib

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import QueryError
from kg.gazetteer import load_gazetteer
from kg.graph.model import actor_iri, article_iri, issue_iri
from kg.graph.namespace import KG
from kg.text import fold

__all__ = ["resolve_param"]


def resolve_param(graph: Graph, kind: str, value: str) -> object:
    """An IRI for actor/issue/article parameters (by label, alias or gazetteer name); a literal otherwise.

    Raises:
        QueryError: an actor parameter that matches no actor of the graph (with the nearest names), or an
            ``https://`` value that cannot be an IRI (a space, a quote, a brace...).
    """
    if kind == "int":
        try:
            return Literal(int(value))
        except ValueError:
            raise QueryError(f"{value!r} is not a whole number") from None
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
    names: dict[str, URIRef] = {}
    for prop in (RDFS.label, SKOS.altLabel):
        for node, _, label in graph.triples((None, prop, None)):
            if isinstance(node, URIRef) and (node, RDF.type, KG.Actor) in graph:
                names.setdefault(str(label), node)
                if fold(str(label)) == key:
                    return node
    ident = load_gazetteer().lookup(value)
    if ident and (actor_iri(ident), RDF.type, KG.Actor) in graph:
        return actor_iri(ident)
    for name, ref in sorted(names.items()):
        if fold(name).split()[-1:] == [key]:
            return ref
    raise QueryError(f"no actor matches {value!r}{_did_you_mean(value, names)}")


def _did_you_mean(value: str, names: dict[str, URIRef]) -> str:
    """"; did you mean A, B, C?": the graph's actor names nearest to ``value``, whole or by word."""
    key = fold(value)

    def score(name: str) -> float:
        folded = fold(name)
        return max([difflib.SequenceMatcher(None, key, folded).ratio()]
                   + [difflib.SequenceMatcher(None, key, word).ratio() for word in folded.split()])

    best: list[str] = []
    for name in sorted(names, key=lambda n: (-score(n), n)):
        if names[name] not in {names[b] for b in best}:
            best.append(name)
    return "; did you mean " + ", ".join(repr(n) for n in best[:3]) + "?" if best else "; the graph has no actors"
