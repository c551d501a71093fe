"""The ontology's vocabulary as an rdflib namespace; a typo in a term is an error."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

DATA = Namespace("https://kg.dev/id/")


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
