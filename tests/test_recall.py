"""Constructions that unseen news uses for relations, on sentences about actors outside the dev sets.

Each case lists the claims a sentence must give and, where a wrong reading is easy, claims it must not.
"""
from __future__ import annotations

import pytest


def rels(claims: set) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, m in claims if m != "hypothetical"}


CASES = [
    # hyphenated agents
    ("A Norway-brokered truce between Colombia and the ELN held on Sunday.",
     {("Norway", "negotiates", "ceasefire")}, set()),
    ("Iranian- and Iraqi-mediated talks between Kuwait and Yemen resumed.",
     {("Iran", "negotiates", "summit"), ("Iraq", "negotiates", "summit")}, {("Iran", "meets", "Kuwait")}),
    ("Kremlin-backed separatists shelled Moldovan positions.",
     set(), {("Russia", "attacks", "Moldova")}),
    ("Beijing-imposed tariffs on Australian wine took effect.",
     {("China", "sanctions", "Australia")}, set()),
    ("Uganda-backed ADF2 rebels attacked a village in South Sudan.",
     {("Uganda", "supports", "ADF2")}, {("Uganda", "attacks", "South Sudan")}),
    # a brokered deal that only could happen is not yet brokered
    ("Diplomats said a Swiss-brokered deal could end the standoff.", set(), {("Switzerland", "negotiates", "peace deal")}),
    # accusations carry what the accused did
    ("Israel accused Iran of arming Hezbollah.",
     {("Israel", "criticizes", "Iran"), ("Iran", "aids", "Hezbollah")}, set()),
    ("Kenya thanked Japan and Canada for funding Somali police training.",
     {("Kenya", "praises", "Japan"), ("Japan", "aids", "Somalia"), ("Canada", "aids", "Somalia")}, set()),
    ("Armenia was accused by Azerbaijan of shelling Azerbaijani villages.",
     {("Azerbaijan", "criticizes", "Armenia"), ("Armenia", "attacks", "Azerbaijan")}, set()),
    # lists in apposition and after "including"
    ("Three states — Chile, Peru and Bolivia — condemned Venezuela.",
     {("Chile", "criticizes", "Venezuela"), ("Peru", "criticizes", "Venezuela"), ("Bolivia", "criticizes", "Venezuela")}, set()),
    ("Several European governments, including Spain and Portugal, criticised Morocco.",
     {("Spain", "criticizes", "Morocco"), ("Portugal", "criticizes", "Morocco")}, set()),
    ("Dutch and Belgian warplanes bombed Libyan targets.",
     {("Netherlands", "attacks", "Libya"), ("Belgium", "attacks", "Libya")}, set()),
    # two-way agreements, fights and talks; tie cuts are sanctions
    ("Vietnam signed a maritime pact with the Philippines.",
     {("Vietnam", "cooperates", "Philippines"), ("Philippines", "cooperates", "Vietnam")}, set()),
    ("Peru clashed with Ecuador over the border.", {("Peru", "opposes", "Ecuador"), ("Ecuador", "opposes", "Peru")}, set()),
    ("Hungary froze its partnership with Serbia.", {("Hungary", "sanctions", "Serbia")}, {("Hungary", "cooperates", "Serbia")}),
    ("Norway signed a trade deal with Iceland.", {("Norway", "cooperates", "Iceland")}, {("Norway", "negotiates", "Iceland")}),
    # a meeting projected by a modal is not a meeting
    ("A meeting between Chile and Bolivia that could come next week remains uncertain.",
     set(), {("Chile", "meets", "Bolivia"), ("Bolivia", "meets", "Chile")}),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_construction(extract_text, text: str, present: set, absent: set) -> None:
    found = rels(extract_text(text))
    assert present <= found, f"missing {present - found}; got {found}"
    assert not (absent & found), f"wrong {absent & found}"


def test_two_way_only_where_the_relation_is_mutual(extract_text) -> None:
    found = rels(extract_text("Colombia visited Peru on Monday."))
    assert ("Peru", "meets", "Colombia") not in found
