"""SHACL validation of a built graph against ``ontology/shapes.ttl``."""
from __future__ import annotations

from rdflib import Graph

from kg.gazetteer import ONTOLOGY_DIR

__all__ = ["validate_graph"]


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) of ``graph`` against the project's shapes."""
    import pyshacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=False)
    return bool(conforms), str(text)
