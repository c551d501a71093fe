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


def _language_copy(root, code: str = "en"):
    """A copy of the English folder as language ``code`` under ``root``."""
    import shutil

    from kg.lexicon import LANG_DIR

    folder = root / code
    shutil.copytree(LANG_DIR / "en", folder)
    language = folder / "language.yaml"
    language.write_text(language.read_text(encoding="utf-8").replace("code: en", f"code: {code}"), encoding="utf-8")
    return folder


def test_duplicate_word_fails_fast(tmp_path) -> None:
    folder = _language_copy(tmp_path)
    text = (folder / "relations.yaml").read_text(encoding="utf-8").replace("verbs: [praise,", "verbs: [condemn, praise,")
    (folder / "relations.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="condemn"):
        load_lexicon("en", tmp_path)


def test_unknown_language_names_the_folder_to_add() -> None:
    from kg.lexicon import LANG_DIR, words

    for load in (load_lexicon, lambda lang: words("bearers", lang)):
        with pytest.raises(ConfigError) as caught:
            load("xx")
        message = str(caught.value)
        assert "\n" not in message and f"add the folder {LANG_DIR / 'xx'}/" in message and "en" in message.split("known:")[1]


def test_a_new_language_folder_is_picked_up(tmp_path) -> None:
    from kg.lexicon import load_language, words

    folder = _language_copy(tmp_path, "xx")
    text = (folder / "relations.yaml").read_text(encoding="utf-8").replace("verbs: [praise,", "verbs: [lobe, praise,")
    (folder / "relations.yaml").write_text(text, encoding="utf-8")
    language = folder / "language.yaml"
    language.write_text(language.read_text(encoding="utf-8").replace("models: [", "models: [xx_core_news_sm, "), encoding="utf-8")
    (folder / "parts.yaml").write_text("particles: [de, la]\n", encoding="utf-8")
    language.write_text(language.read_text(encoding="utf-8").replace("word_lists: [", "word_lists: [parts.yaml, "), encoding="utf-8")

    lex = load_lexicon("xx", tmp_path)
    assert lex.lang == "xx" and lex.verbs["lobe"] is Relation.PRAISES and "lobe" not in load_lexicon().verbs
    assert load_language("xx", tmp_path).models[0] == "xx_core_news_sm"
    assert words("particles", "xx", tmp_path) == {"de", "la"} and words("bearers", "xx", tmp_path) == words("bearers")


def test_a_language_folder_must_say_its_code(tmp_path) -> None:
    from kg.lexicon import load_language

    _language_copy(tmp_path, "xx").rename(tmp_path / "yy")
    with pytest.raises(ConfigError, match="code must be 'yy'"):
        load_language("yy", tmp_path)


def test_the_lexicon_is_a_mapping_of_frames(lex) -> None:
    import pickle

    assert lex["speech"] is lex.speech and "say" in lex.speech and "speech" in lex and len(lex) == len(list(lex))
    assert "exchange_objects" not in lex and lex.exchange_objects["fire"] is Relation.ATTACKS
    with pytest.raises(AttributeError, match="frames.yaml"):
        lex.no_such_frame  # noqa: B018
    assert pickle.loads(pickle.dumps(lex)) == lex  # workers of a cluster receive it


def test_every_frame_the_code_reads_is_in_the_lexicon(lex) -> None:
    import re
    from pathlib import Path

    names = set()
    for path in (Path(__file__).resolve().parent.parent / "kg").rglob("*.py"):
        names |= set(re.findall(r"\blex\.([a-z_]+)", path.read_text(encoding="utf-8")))
    assert len(names) >= 20
    for name in sorted(names):
        assert getattr(lex, name) is not None, name


def test_a_yaml_boolean_in_a_word_list_fails_fast(tmp_path) -> None:
    from kg.lexicon import words

    folder = _language_copy(tmp_path)
    (folder / "words.yaml").write_text((folder / "words.yaml").read_text(encoding="utf-8") + "\nbad_list: [yes, no]\n",
                                       encoding="utf-8")
    with pytest.raises(ConfigError, match="quote yes/no"):
        words("bad_list", "en", tmp_path)


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


def test_every_word_list_the_code_reads_is_in_the_language_folder() -> None:
    import re
    from pathlib import Path

    from kg.errors import ConfigError
    from kg.lexicon import word_table, words

    names = set()
    for path in (Path(__file__).resolve().parent.parent / "kg").rglob("*.py"):
        names |= set(re.findall(r'(?:words|word_table)\("([a-z_]+)"[,)]', path.read_text(encoding="utf-8")))
    assert len(names) >= 10
    for name in sorted(names):
        assert words(name), name
    assert word_table("counts")["three"] == 3
    with pytest.raises(ConfigError, match="no word list"):
        words("no_such_list")
