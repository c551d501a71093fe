"""Shared fixtures: the real spaCy pipeline and one build of the seed corpus per session."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The README test runs the README's test command inside the suite; that inner run keeps to a
    # quick smoke subset so the suite does not recurse into itself.
    if os.environ.get("KG_INNER_TEST") == "1":
        keep = [i for i in items if "smoke" in i.keywords]
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gaz():
    from kg.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def lex():
    from kg.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    return build([SEEDS], out)


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    from kg.graph import load_graph

    return load_graph(seed_build.graph_path)


@pytest.fixture()
def extract_text(nlp, gaz, lex):
    """Claims of one short article, as (subject, relation, object, modality) tuples."""
    import datetime as dt

    from kg.extract import extract_claims
    from kg.records import Article
    from kg.spin import normalise

    def run(text: str, date: dt.date = dt.date(2024, 6, 1), spun: bool = False) -> set[tuple[str, str, str, str]]:
        article = Article("t", text, date=date)
        norm, offsets, _ = normalise(text, force=spun)
        claims, _ = extract_claims(article, nlp(norm), gaz, lex, offsets)
        return {(c.subject, c.relation.value, c.object, c.modality.value) for c in claims}

    return run


@pytest.fixture(scope="session")
def synthetic_graph():
    """bench/synthetic.py's generator of graphs in the project's own model."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_graph as make

    return make


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path):
    """URL of a fresh Oxigraph SPARQL server (PyPI package oxigraph) on a free local port."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)
