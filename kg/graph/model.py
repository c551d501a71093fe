"""Claims -> RDF: direct relation triples plus one ``kg:Claim`` node per extraction."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD

from kg.gazetteer import Gazetteer
from kg.graph.namespace import DATA, KG, PREFIXES, SCHEMA, WD
from kg.records import Actor, ActorKind, Article, Claim, Modality
from kg.text import slugify

__all__ = ["build_graph", "actor_iri", "issue_iri", "article_iri", "claim_iri", "new_graph", "bind_prefixes", "SCHEMA", "WD"]

_KIND = {ActorKind.PERSON: KG.Person, ActorKind.STATE: KG.State, ActorKind.ORGANIZATION: KG.Organization, ActorKind.GROUP: KG.Group}
_MODALITY = {Modality.ASSERTED: KG.Asserted, Modality.NEGATED: KG.Negated, Modality.HYPOTHETICAL: KG.Hypothetical, Modality.REPORTED: KG.Reported}


def actor_iri(actor_id: str) -> URIRef:
    return DATA[f"actor/{actor_id}"]


def issue_iri(issue_id: str) -> URIRef:
    return DATA[f"issue/{slugify(issue_id.removeprefix('issue:'))}"]


def article_iri(article_id: str) -> URIRef:
    return DATA[f"article/{slugify(article_id)}"]


def claim_iri(claim: Claim) -> URIRef:
    key = "|".join((claim.doc, claim.subject_id, claim.relation.value, claim.object_id, str(claim.start), claim.modality.value))
    return DATA["claim/" + hashlib.sha1(key.encode()).hexdigest()[:16]]


def bind_prefixes(g: Graph) -> Graph:
    """Bind the project's prefixes on ``g`` (a graph or a dataset), so serialisations never invent ``ns1:``."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def new_graph(store: str = "default") -> Graph:
    return bind_prefixes(Graph(store=store))


def _add_actor(g: Graph, actor: Actor, gaz: Gazetteer | None) -> None:
    node = actor_iri(actor.id)
    g.add((node, RDF.type, KG.Actor))
    g.add((node, RDF.type, _KIND[actor.kind]))
    g.add((node, RDFS.label, Literal(actor.name)))
    for alias in actor.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    if actor.country and actor.country != actor.id:
        g.add((node, KG.actsFor, actor_iri(actor.country)))
        if gaz is not None and actor.country in gaz.actors:
            country = gaz.actors[actor.country]
            _add_actor(g, country, gaz if country.country in (None, country.id) else None)
    if actor.qid:
        g.add((node, OWL.sameAs, WD[actor.qid]))
    if gaz is not None and actor.id in gaz.sources:  # provenance: the user dictionary it came from
        g.add((node, DCTERMS.source, Literal(gaz.sources[actor.id])))
    for n, role in enumerate(actor.roles):
        rnode = DATA[f"role/{actor.id}-{n}"]
        g.add((node, KG.holdsRole, rnode))
        g.add((rnode, RDF.type, KG.Role))
        g.add((rnode, KG.roleTitle, Literal(role.title)))
        g.add((rnode, KG.roleOf, actor_iri(role.of)))
        if gaz is not None and role.of in gaz.actors and role.of != actor.id:
            target = gaz.actors[role.of]
            tnode = actor_iri(target.id)
            if (tnode, RDF.type, KG.Actor) not in g:
                g.add((tnode, RDF.type, KG.Actor))
                g.add((tnode, RDF.type, _KIND[target.kind]))
                g.add((tnode, RDFS.label, Literal(target.name)))
        if role.start:
            g.add((rnode, KG.startDate, Literal(role.start, datatype=XSD.date)))
        if role.end:
            g.add((rnode, KG.endDate, Literal(role.end, datatype=XSD.date)))


def add_article(g: Graph, article: Article, spun: float | None = None) -> URIRef:
    node = article_iri(article.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, KG.articleId, Literal(article.id)))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        g.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.url:
        g.add((node, SCHEMA.url, Literal(article.url)))
    if article.source:
        g.add((node, DCTERMS.publisher, Literal(article.source)))
    if spun is not None:
        g.add((node, KG.spunScore, Literal(Decimal(str(spun)), datatype=XSD.decimal)))
    return node


def add_claim(g: Graph, claim: Claim) -> URIRef:
    node = claim_iri(claim)
    subj = actor_iri(claim.subject_id)
    obj = issue_iri(claim.object_id) if claim.object_is_issue else actor_iri(claim.object_id)
    prop: URIRef = getattr(KG, claim.relation.value)
    g.add((node, RDF.type, KG.Claim))
    g.add((node, KG.subject, subj))
    g.add((node, KG.object, obj))
    g.add((node, KG.relationType, prop))
    g.add((node, KG.polarity, Literal(claim.polarity, datatype=XSD.integer)))
    g.add((node, KG.modality, _MODALITY[claim.modality]))
    g.add((node, KG.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal)))
    g.add((node, KG.evidence, Literal(claim.evidence)))
    g.add((node, KG.startOffset, Literal(claim.start, datatype=XSD.integer)))
    g.add((node, KG.endOffset, Literal(claim.end, datatype=XSD.integer)))
    g.add((node, KG.predicate, Literal(claim.predicate)))
    g.add((node, KG.extractor, Literal(claim.extractor)))
    g.add((node, PROV.wasDerivedFrom, article_iri(claim.doc)))
    if claim.date:
        g.add((node, KG.articleDate, Literal(claim.date, datatype=XSD.date)))
    if claim.reporter_id:
        g.add((node, KG.reporter, actor_iri(claim.reporter_id)))
    if claim.modality is not Modality.HYPOTHETICAL:
        g.add((subj, prop, obj))
    if claim.object_is_issue:
        g.add((obj, RDF.type, KG.Issue))
        g.add((obj, RDFS.label, Literal(claim.object)))
        if claim.issue_type:
            g.add((obj, KG.issueType, Literal(claim.issue_type)))
    return node


def add_ontology(g: Graph) -> None:
    """Add the ontology's terms (classes, relation properties and their labels) to ``g``."""
    from kg.gazetteer import ONTOLOGY_DIR

    g.parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def build_graph(articles: Iterable[tuple[Article, float | None]], claims: Iterable[Claim], actors: Iterable[Actor],
                gaz: Gazetteer | None = None, graph: Graph | None = None, with_ontology: bool = True) -> Graph:
    """The RDF graph of ``claims`` with their articles and actors.

    Args:
        articles: each article with its spun score.
        actors: every actor a claim mentions (gazetteer or new).
        gaz: the gazetteer, to add the states and bodies the actors act for.
        graph: add into this graph instead of a new in-memory one.

    Each article gets its pair-stance summary (:mod:`kg.graph.summary`) of the claims given here.
    """
    from kg.graph.summary import summary_literal

    g = graph if graph is not None else new_graph()
    if with_ontology:
        add_ontology(g)
    by_doc: dict[str, list[Claim]] = {}
    for article, spun in articles:
        add_article(g, article, spun)
        by_doc[article.id] = []
    for actor in actors:
        _add_actor(g, actor, gaz)
    for claim in claims:
        add_claim(g, claim)
        by_doc.setdefault(claim.doc, []).append(claim)
    for doc, doc_claims in by_doc.items():
        g.add((article_iri(doc), KG.pairStances, summary_literal(doc_claims)))
    return g
