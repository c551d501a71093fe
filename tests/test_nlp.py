"""The pipeline's gazetteer ruler: the same proposals as spaCy's own span ruler, faster."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer import load_gazetteer
from kg.names import SPANS_KEY
from kg.nlp import GazetteerRuler, _patterns, resolve_model

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = [
    "The US and the U.S. Treasury met UK officials; the DPRK and the dprk, the us of it all.",
    "Putin and putin met Xi in Moscow as the Kremlin and NATO criticized the EU and the UAE.",
    "Lavrov, Erdogan and Macron: the Americans, the French and the Democratic Republic of Congo.",
    *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))),
]


@pytest.fixture(scope="module")
def proposals(nlp):
    """``doc.spans`` of the gazetteer from :class:`GazetteerRuler` and from spaCy's span ruler
    (token patterns for acronyms, phrase patterns on lower case), over the same parsed docs."""
    import spacy

    bare = spacy.load(resolve_model())
    patterns = _patterns(bare, load_gazetteer())
    spacy_ruler = bare.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "annotate_ents": False,
                                                      "phrase_matcher_attr": "LOWER", "validate": False})
    with bare.select_pipes(enable=[]):
        spacy_ruler.add_patterns(patterns)
    ours = GazetteerRuler(bare)
    ours.add_patterns(patterns)
    out = []
    for doc in bare.pipe(TEXTS):
        theirs = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[SPANS_KEY]]
        del doc.spans[SPANS_KEY]
        mine = [(s.start, s.end, s.label_, s.id_) for s in ours(doc).spans[SPANS_KEY]]
        out.append((mine, theirs))
    return out


def test_the_ruler_proposes_what_spacys_span_ruler_does(proposals) -> None:
    assert sum(len(theirs) for _, theirs in proposals) > 100
    for mine, theirs in proposals:
        assert mine == theirs


def test_acronyms_match_only_as_written_and_surnames_in_any_case(proposals) -> None:
    mine, _ = proposals[0]
    ids = [ident for *_, ident in mine]
    assert ids.count("alias:united-states") == 2  # "US", "U.S."; not "us"
    assert ids.count("alias:north-korea") == 1  # "DPRK"; not "dprk"
    mine, _ = proposals[1]
    assert [ident for *_, ident in mine].count("surname:putin") == 2


def test_a_pattern_of_another_shape_is_refused(nlp) -> None:
    ruler = GazetteerRuler(nlp)
    with pytest.raises(ValueError, match="use a string"):
        ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "putin"}], "id": "surname:putin"}])
