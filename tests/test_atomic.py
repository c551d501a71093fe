"""Outputs are written atomically: a failed write leaves the old file as it was and no temp file."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.graph.io import atomic_write_text, save_graph

OLD = "@prefix kg: <https://kg.dev/ontology#> .\n# the graph of yesterday's build, ünïcode and all\n"


def _old_file(tmp_path: Path) -> Path:
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD.encode("utf-8"))
    return target


def test_write_replaces_the_file_and_leaves_nothing_else(tmp_path) -> None:
    target = _old_file(tmp_path)
    atomic_write_text(target, "new ✓\n")
    assert target.read_bytes() == "new ✓\n".encode()
    assert os.listdir(tmp_path) == ["graph.ttl"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_write_creates_missing_directories(tmp_path) -> None:
    target = tmp_path / "a" / "b" / "claims.jsonl"
    atomic_write_text(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert os.listdir(target.parent) == ["claims.jsonl"]


def test_unencodable_text_leaves_the_old_file(tmp_path) -> None:
    target = _old_file(tmp_path)
    # a long valid prefix first, so a plain write would already have truncated and written part of it
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "x" * 100_000 + "\ud800")
    assert target.read_bytes() == OLD.encode("utf-8")
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_failed_rename_leaves_no_temp_file(tmp_path) -> None:
    target = tmp_path / "graph.ttl"
    target.mkdir()  # a directory where the file should go: the write succeeds, the rename fails
    (target / "keep").write_text("k", encoding="utf-8")
    with pytest.raises(StoreError, match="is a directory"):  # the OSError becomes one line naming the path
        atomic_write_text(target, "new\n")
    assert sorted(os.listdir(tmp_path)) == ["graph.ttl"]
    assert os.listdir(target) == ["keep"]


def test_failed_serialisation_leaves_the_old_graph(tmp_path) -> None:
    from rdflib import Graph, Literal, URIRef

    target = _old_file(tmp_path)
    g = Graph()
    g.add((URIRef("https://kg.dev/id/x y"), URIRef("https://kg.dev/p"), Literal("o")))  # no IRI: Turtle refuses it
    with pytest.raises(Exception, match="valid URI"):
        save_graph(g, target)
    assert target.read_bytes() == OLD.encode("utf-8")
    assert os.listdir(tmp_path) == ["graph.ttl"]
