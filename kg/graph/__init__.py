"""RDF graph: model, storage, SPARQL and validation (rdflib)."""
from kg.graph.io import load_graph, save_graph
from kg.graph.model import actor_iri, article_iri, build_graph, claim_iri, issue_iri, new_graph
from kg.graph.namespace import DATA, KG
from kg.graph.query import QueryResult, run_query
from kg.graph.validate import validate_graph

__all__ = ["KG", "DATA", "build_graph", "new_graph", "actor_iri", "issue_iri", "article_iri", "claim_iri",
           "load_graph", "save_graph", "run_query", "QueryResult", "validate_graph"]
