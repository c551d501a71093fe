"""The public API is what `kg.__all__` lists, and every name in it resolves."""
from __future__ import annotations

import kg

PUBLIC = {
    "Actor", "ActorKind", "Article", "Claim", "Modality", "Relation",
    "KGError", "ConfigError", "InputError", "ModelError", "QueryError", "StoreError",
    "read_articles", "load_nlp", "load_gazetteer", "load_lexicon", "run_extraction", "filter_claims", "build",
    "build_graph", "load_graph", "save_graph", "run_query", "named_queries", "validate_graph",
    "write_view", "render_html", "score_predictions", "normalise", "spun_score",
}


def test_public_names_are_pinned() -> None:
    assert set(kg.__all__) == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name


def test_importing_kg_loads_no_model() -> None:
    import subprocess
    import sys

    code = "import sys, kg; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
