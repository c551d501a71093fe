"""Removing an article that is not the last one added leaves exactly what a build without it gives.

Article A introduces every actor; B, added after it, mentions some of them again. Removing A must
keep what B backs (the actors' labels, kinds, aliases and roles) and drop what only A backed.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.graph import load_graph
from kg.pipeline import add, build, remove

ARTICLE_A = """---
title: Kenya and its neighbours
date: 2024-03-04
---
Kenya backed Somalia at the summit. Kenya criticized Ethiopia. President William Ruto praised Uganda.
"""
ARTICLE_B = """---
title: Border clashes
date: 2024-03-11
---
Ethiopia attacked Somalia on Monday. Kenya met Uganda in Nairobi. William Ruto condemned Ethiopia.
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("articles")
    for name, text in (("a", ARTICLE_A), ("b", ARTICLE_B)):
        (root / name).mkdir()
        (root / name / f"art-{name}.md").write_text(text, encoding="utf-8")
    both = root / "both"
    both.mkdir()
    for name in ("a", "b"):
        (both / f"art-{name}.md").write_bytes((root / name / f"art-{name}.md").read_bytes())
    return root / "a", root / "b", both


def _assert_same(home: Path, reference: Path) -> None:
    got, want = load_graph(home / "graph.ttl"), load_graph(reference / "graph.ttl")
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(f"graphs differ\nonly after remove:\n{only_got.serialize(format='nt')[:1500]}\n"
                    f"only in the build of B:\n{only_want.serialize(format='nt')[:1500]}")
    assert (home / "claims.jsonl").read_text(encoding="utf-8") == (reference / "claims.jsonl").read_text(encoding="utf-8")


def test_the_articles_share_actors(articles) -> None:
    from kg.ingest import read_articles
    from kg.pipeline import run_extraction

    a, b, _ = articles
    subjects = [{c.subject for c in run_extraction(read_articles([path]).articles).claims} for path in (a, b)]
    assert {"Kenya", "William Ruto"} <= subjects[0] & subjects[1]  # the case under test: actors A introduced, B mentions again


def _check(articles, tmp_path: Path, spec) -> None:
    a, b, both = articles
    only_b = tmp_path / "only_b"
    build([b], only_b, store=spec(only_b))

    together = tmp_path / "together"  # one build of A+B
    build([both], together, store=spec(together))
    assert remove(["art-a"], together).removed == 1
    _assert_same(together, only_b)

    added = tmp_path / "added"  # A first, then B added
    build([a], added, store=spec(added))
    assert add([b], added).added == 1
    assert remove(["art-a"], added).removed == 1
    _assert_same(added, only_b)
    assert remove(["art-a"], added).removed == 0  # removing it twice changes nothing
    _assert_same(added, only_b)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_remove_the_first_of_two(articles, tmp_path, store: str) -> None:
    _check(articles, tmp_path, (lambda home: f"oxigraph:{home}/store") if store == "oxigraph" else (lambda home: "memory"))


@pytest.mark.server
def test_remove_the_first_of_two_on_a_sparql_server(articles, tmp_path, oxigraph_server) -> None:
    # one server holds one dataset: each home gets its own server-side state in turn
    a, b, both = articles
    only_b = tmp_path / "only_b"
    build([b], only_b)
    home = tmp_path / "remote"
    build([both], home, store=f"sparql:{oxigraph_server}")
    assert remove(["art-a"], home).removed == 1
    _assert_same(home, only_b)
