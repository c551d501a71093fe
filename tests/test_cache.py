"""The on-disk cache of the built-in gazetteer: found when its inputs are unchanged, rebuilt when
they change or the entry is damaged, never needed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.gazetteer import ONTOLOGY_DIR, Gazetteer, _build_builtin, _builtin
from kg.gazetteer.cache import cache_dir, cache_key, cached

ROOT = Path(__file__).resolve().parent.parent
GAZ = ONTOLOGY_DIR / "gazetteer"


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(where))
    return where


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.pickle")) if where.exists() else []


def test_the_cached_gazetteer_equals_a_fresh_build(cache, tmp_path) -> None:
    shutil.copytree(GAZ, tmp_path / "gaz")  # a directory of its own: not in _builtin's memory cache
    first = _builtin(tmp_path / "gaz")
    assert len(_entries(cache)) == 1
    _builtin.cache_clear()
    again = _builtin(tmp_path / "gaz")  # read back from disk
    assert again is not first and again == first == _build_builtin(GAZ)
    assert again.surnames["putin"] == ["vladimir-putin"]


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # truncated by a crash
    lambda data: data[:-10] + bytes(10),  # bytes overwritten
    lambda data: b"",  # empty
    lambda data: b"not a cache entry at all",
])
def test_a_damaged_entry_is_rebuilt_silently(cache, damage) -> None:
    key = cache_key("test", [GAZ / "states.csv"])
    assert cached(key, lambda: {"n": 1}, dict) == {"n": 1}
    [entry] = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    assert cached(key, lambda: {"n": 2}, dict) == {"n": 2}  # rebuilt, not an error
    assert cached(key, lambda: {"n": 3}, dict) == {"n": 2}  # and stored again


def test_an_entry_of_another_type_is_rebuilt(cache) -> None:
    key = cache_key("test", [])
    cached(key, lambda: [1, 2], list)
    assert cached(key, lambda: {"a": 1}, dict) == {"a": 1}


def test_the_key_follows_file_contents_and_missing_files(tmp_path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text("a", encoding="utf-8")
    first = cache_key("gazetteer", [path], ["PyYAML"])
    assert cache_key("gazetteer", [path], ["PyYAML"]) == first
    path.write_text("b", encoding="utf-8")
    assert cache_key("gazetteer", [path], ["PyYAML"]) != first
    path.unlink()
    assert cache_key("gazetteer", [path], ["PyYAML"]) not in (first, cache_key("gazetteer", [], ["PyYAML"]))
    assert cache_key("gazetteer", [], ["PyYAML"]) != cache_key("gazetteer", [], ["no-such-package-kg"])


def test_a_failed_build_stores_nothing(cache) -> None:
    def fail() -> dict:
        raise ValueError("bad gazetteer")

    with pytest.raises(ValueError, match="bad gazetteer"):
        cached(cache_key("test", []), fail, dict)
    assert _entries(cache) == []


def test_off_and_unwritable_directories_only_cost_the_rebuild(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    assert cache_dir() is None
    assert cached("k", lambda: {"n": 1}, dict) == {"n": 1}
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    assert cached("k", lambda: {"n": 2}, dict) == {"n": 2}
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kg"


def test_no_temporary_file_is_left_behind(cache) -> None:
    for n in range(3):
        cached(f"k{n}", lambda: {"n": 1}, dict)
    assert sorted(p.suffix for p in cache.iterdir()) == [".pickle"] * 3


def test_claims_from_a_cold_and_a_warm_cache_are_byte_identical(tmp_path) -> None:
    """Two whole ``kg extract`` processes: the first builds the gazetteer and fills the cache, the
    second reads it; both print the same bytes."""
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache")}
    kg = [sys.executable, "-c", "from kg.cli import app; app()", "extract", str(ROOT / "seeds"), "--format", "jsonl"]
    cold = subprocess.run(kg, env=env, capture_output=True, check=True).stdout
    assert len(_entries(tmp_path / "cache")) == 1
    warm = subprocess.run(kg, env=env, capture_output=True, check=True).stdout
    assert cold == warm and cold.count(b"\n") > 50
    assert isinstance(_builtin(), Gazetteer)
