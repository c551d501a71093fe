"""The ontology's vocabulary as an rdflib namespace; a typo in a term is an error."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["KG", "DATA", "SCHEMA", "WD", "PREFIXES", "sparql_prologue"]

DATA = Namespace("https://kg.dev/id/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _fail = True
    _NS = Namespace("https://kg.dev/ontology#")

    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Group: URIRef
    Issue: URIRef
    Article: URIRef
    Claim: URIRef
    Role: URIRef
    Modality: URIRef
    Asserted: URIRef
    Negated: URIRef
    Hypothetical: URIRef
    Reported: URIRef
    relation: URIRef
    alliance: URIRef
    tension: URIRef
    supports: URIRef
    praises: URIRef
    cooperates: URIRef
    aids: URIRef
    meets: URIRef
    negotiates: URIRef
    requests: URIRef
    pressures: URIRef
    criticizes: URIRef
    opposes: URIRef
    threatens: URIRef
    sanctions: URIRef
    attacks: URIRef
    subject: URIRef
    object: URIRef
    relationType: URIRef
    polarity: URIRef
    plover: URIRef
    modality: URIRef
    reporter: URIRef
    confidence: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    predicate: URIRef
    issueType: URIRef
    extractor: URIRef
    articleDate: URIRef
    actsFor: URIRef
    holdsRole: URIRef
    roleTitle: URIRef
    roleOf: URIRef
    startDate: URIRef
    endDate: URIRef
    spunScore: URIRef
    articleId: URIRef
    pairStances: URIRef


# The one list of the project's prefixes: bound on every graph it writes (``model.bind_prefixes``)
# and declared before every query it runs (``query.run_query``).
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS), "d": str(DATA), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "prov": str(PROV),
    "dcterms": str(DCTERMS), "schema": str(SCHEMA), "xsd": str(XSD), "owl": str(OWL), "wd": str(WD),
}


def sparql_prologue() -> str:
    """``PREFIX`` lines for :data:`PREFIXES`, one a line.

    >>> sparql_prologue().splitlines()[0]
    'PREFIX kg: <https://kg.dev/ontology#>'
    """
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
