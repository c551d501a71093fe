"""The public API is what `kg.__all__` lists, and every name in it resolves."""
from __future__ import annotations

import kg

PUBLIC = {
    "Actor", "ActorKind", "Article", "Claim", "Modality", "Relation",
    "KGError", "ConfigError", "InputError", "ModelError", "QueryError", "StoreError",
    "read_articles", "load_nlp", "load_gazetteer", "load_lexicon", "run_extraction", "filter_claims", "build",
    "build_graph", "load_graph", "save_graph", "run_query", "named_queries", "validate_graph",
    "write_view", "render_html", "show", "score_predictions", "normalise", "spun_score",
}


def test_public_names_are_pinned() -> None:
    assert set(kg.__all__) == PUBLIC


def test_every_public_name_resolves_to_its_own_definition() -> None:
    import importlib

    for name in kg.__all__:
        obj = getattr(kg, name)
        assert callable(obj) and obj.__name__ == name, name  # a lazy entry pointing at the wrong thing fails here
        assert getattr(importlib.import_module(obj.__module__), name) is obj, name
        assert obj.__module__.startswith("kg."), name
    assert dir(kg) == sorted(PUBLIC)


def test_an_unknown_name_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'buidl'"):
        kg.buidl  # noqa: B018


def test_importing_kg_loads_no_model() -> None:
    import subprocess
    import sys

    code = "import sys, kg; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
