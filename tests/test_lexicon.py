from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import ConfigError
from kg.lexicon import load_lexicon
from kg.records import Relation
from kg.spin import normalise, spun_score
from kg.text import fold, slugify

pytestmark = pytest.mark.smoke


def test_every_relation_has_words(lex) -> None:
    for rel in Relation:
        assert any(r is rel for r in lex.verbs.values()) or any(r is rel for r in lex.phrasal.values()), rel
        assert lex.plover[rel]


def test_yaml_booleans_are_words(lex) -> None:
    assert lex.nouns[("sanctions", "on")] is Relation.SANCTIONS


def test_duplicate_word_fails_fast(tmp_path) -> None:
    import shutil

    from kg.gazetteer import ONTOLOGY_DIR

    for path in (ONTOLOGY_DIR / "lang" / "en").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    text = (tmp_path / "relations.yaml").read_text(encoding="utf-8").replace("verbs: [praise,", "verbs: [condemn, praise,")
    (tmp_path / "relations.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="condemn"):
        load_lexicon(tmp_path)


def test_code_and_ontology_agree() -> None:
    from rdflib import Graph

    from kg.gazetteer import ONTOLOGY_DIR
    from kg.graph.namespace import KG

    g = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    subjects = {str(s) for s in g.subjects()}
    for rel in Relation:
        assert str(KG[rel.value]) in subjects
    for term in KG.__annotations__:
        assert str(KG[term]) in subjects, term


def test_plain_news_is_not_spun() -> None:
    text = "The war in Sudan entered its third year as the army's leader rejected talks. " * 5
    assert normalise(text)[0] == text
    assert spun_score(text) < 2.0


@given(st.text(alphabet=st.sampled_from(list("abc struggle chief safety ensures stated.")), max_size=120))
def test_offset_map_stays_in_bounds(text: str) -> None:
    norm, offsets, _ = normalise(text, force=True)
    for pos in range(len(norm) + 1):
        assert 0 <= offsets.original(pos) <= len(text)


@given(st.text(max_size=30))
def test_slug_is_stable_and_safe(text: str) -> None:
    slug = slugify(text)
    assert slug == slugify(text) and slug and all(ch.isalnum() or ch == "-" for ch in slug)
    assert fold(fold(text)) == fold(text)


def test_every_word_list_the_code_reads_is_in_words_yaml() -> None:
    import re
    from pathlib import Path

    from kg.errors import ConfigError
    from kg.lexicon import word_table, words

    names = set()
    for path in (Path(__file__).resolve().parent.parent / "kg").rglob("*.py"):
        names |= set(re.findall(r'(?:words|word_table)\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    assert len(names) >= 10
    for name in sorted(names):
        assert words(name), name
    assert word_table("counts")["three"] == 3
    with pytest.raises(ConfigError, match="no word list"):
        words("no_such_list")
