"""kg: an actor-relationship knowledge graph built from news articles.

    >>> import kg
    >>> result = kg.build(["seeds/"], "out/")            # doctest: +SKIP
    >>> kg.run_query(kg.load_graph("out/graph.ttl"), "opponents-of", {"actor": "Putin"}).rows  # doctest: +SKIP
"""
from __future__ import annotations

import importlib
from typing import Any

from kg.errors import ConfigError, InputError, KGError, ModelError, QueryError, StoreError
from kg.records import Actor, ActorKind, Article, Claim, Modality, Relation

__all__ = [
    "Actor", "ActorKind", "Article", "Claim", "Modality", "Relation",
    "KGError", "ConfigError", "InputError", "ModelError", "QueryError", "StoreError",
    "read_articles", "load_nlp", "load_gazetteer", "load_lexicon", "run_extraction", "filter_claims", "build",
    "build_graph", "load_graph", "save_graph", "run_query", "named_queries", "validate_graph",
    "write_view", "render_html", "show", "score_predictions", "normalise", "spun_score",
]

_LAZY = {
    "read_articles": "kg.ingest", "load_nlp": "kg.nlp", "load_gazetteer": "kg.gazetteer", "load_lexicon": "kg.lexicon",
    "run_extraction": "kg.pipeline", "filter_claims": "kg.pipeline", "build": "kg.pipeline",
    "build_graph": "kg.graph", "load_graph": "kg.graph", "save_graph": "kg.graph", "run_query": "kg.graph",
    "named_queries": "kg.graph.query", "validate_graph": "kg.graph", "write_view": "kg.view", "render_html": "kg.view",
    "show": "kg.view", "score_predictions": "kg.evaluate", "normalise": "kg.spin", "spun_score": "kg.spin",
}


def __getattr__(name: str) -> Any:
    """Import the heavier stages (spaCy, rdflib, pyvis) only when they are first used."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
