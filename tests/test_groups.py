"""Non-state armed groups, movements and parties of the gazetteer (organizations.csv, kind Group):
their names and transliterations resolve to the group, and an acronym that also names something
else ("ADF", "SDF", "PDF", "NPA", "KIA", "EMC", "G9") is the group only in an article about the
states it operates in. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.text import fold


@pytest.fixture(scope="module")
def ids(nlp, gaz, lex):
    """The actor ids the mentions of one short article resolve to."""
    from kg.resolve import resolve_doc

    def run(text: str) -> set[str]:
        res = resolve_doc(nlp(text), gaz, lex, dt.date(2024, 6, 1))
        return {ref.id for ref in res.refs.values() if ref.kind is not None}

    return run


@pytest.mark.parametrize(("text", "ident"), [
    ("al-Shabaab", "al-shabaab"), ("Al-Shabaab", "al-shabaab"), ("al-Shabab", "al-shabaab"), ("Shabaab", "al-shabaab"),
    ("the M23", "m23"), ("March 23 Movement", "m23"), ("Allied Democratic Forces", "allied-democratic-forces"),
    ("JNIM", "jnim"), ("ISWAP", "iswap"), ("Islamic State in the Greater Sahara", "islamic-state-sahel"),
    ("TPLF", "tplf"), ("Tigray People's Liberation Front", "tplf"), ("Oromo Liberation Army", "oromo-liberation-army"),
    ("Polisario", "polisario-front"), ("Kata'ib Hezbollah", "kataib-hezbollah"), ("Hashd al-Shaabi", "popular-mobilization-forces"),
    ("Popular Mobilisation Forces", "popular-mobilization-forces"), ("HTS", "hayat-tahrir-al-sham"),
    ("Kurdistan Workers' Party", "pkk"), ("Islamic Jihad", "palestinian-islamic-jihad"), ("Pakistani Taliban", "tehreek-e-taliban-pakistan"),
    ("ISIS-K", "islamic-state-khorasan"), ("ELN", "eln"), ("Gulf Clan", "clan-del-golfo"), ("CJNG", "jalisco-new-generation-cartel"),
    ("Mara Salvatrucha", "ms-13"), ("Second Marquetalia", "segunda-marquetalia"),
    # the groups that were there before keep their names
    ("Hezbollah", "hezbollah"), ("Taliban", "taliban"), ("Islamic State", "islamic-state"), ("Wagner", "wagner-group"),
])
def test_lookup(gaz, text: str, ident: str) -> None:
    assert gaz.lookup(text) == ident


def test_ambiguous_acronyms_are_marked(gaz) -> None:
    """Acronyms with another common reading need a context state; none is a plain alias."""
    for alias, ident in [("ADF", "allied-democratic-forces"), ("SDF", "syrian-democratic-forces"), ("PDF", "peoples-defence-force"),
                         ("NPA", "new-peoples-army"), ("OLA", "oromo-liberation-army"), ("EMC", "estado-mayor-central"),
                         ("KIA", "kachin-independence-army"), ("G9", "g9"), ("STC", "southern-transitional-council"),
                         ("National Liberation Army", "eln"), ("Fano", "fano")]:
        assert gaz.names[fold(alias)] == ident
        assert fold(alias) in gaz.readings and gaz.context.get(fold(alias)), alias


def test_new_groups_are_groups(gaz) -> None:
    for ident in ("al-shabaab", "m23", "jnim", "hayat-tahrir-al-sham", "pkk", "arakan-army", "eln", "sinaloa-cartel", "georgian-dream"):
        assert gaz.actors[ident].kind.value == "Group", ident


@pytest.mark.parametrize(("text", "claims"), [
    ("Kenya accused Eritrea of arming al-Shabaab.", {("Eritrea", "aids", "al-Shabaab"), ("Kenya", "criticizes", "Eritrea")}),
    ("Somalia accused al-Shabab of the bombing.", {("Somalia", "criticizes", "al-Shabaab")}),
    ("Congo accused Rwanda of backing the M23 rebels.", {("Rwanda", "supports", "M23")}),
    ("Uganda attacked the Allied Democratic Forces in eastern Congo.", {("Uganda", "attacks", "Allied Democratic Forces")}),
    ("Mali's junta accused Algeria of sheltering JNIM.", {("Algeria", "aids", "JNIM")}),
    ("Nigeria condemned ISWAP after the attack.", {("Nigeria", "criticizes", "ISWAP")}),
    ("Nigeria blamed Boko Haram for the kidnapping.", {("Nigeria", "criticizes", "Boko Haram")}),
    ("Ethiopia accused Eritrea of supporting the TPLF.", {("Eritrea", "supports", "Tigray People's Liberation Front")}),
    ("Ethiopia accused the OLA of killing civilians.", {("Ethiopia", "criticizes", "Oromo Liberation Army")}),
    ("Algeria supports the Polisario Front.", {("Algeria", "supports", "Polisario Front")}),
    ("Congo accused CODECO of massacring civilians.", {("Democratic Republic of the Congo", "criticizes", "CODECO")}),
    ("The United States struck Kataib Hezbollah in Iraq.", {("United States", "attacks", "Kataib Hezbollah")}),
    ("Iran backs the Popular Mobilisation Forces.", {("Iran", "supports", "Popular Mobilization Forces")}),
    ("Turkey accused the SDF of ties to the PKK.", {("Turkey", "criticizes", "Syrian Democratic Forces")}),
    ("The US-backed SDF fought the Islamic State in Syria.", {("United States", "supports", "Syrian Democratic Forces")}),
    ("Turkey bombed YPG positions in Syria.", {("Turkey", "attacks", "YPG")}),
    ("Israel struck Palestinian Islamic Jihad in Gaza.", {("Israel", "attacks", "Palestinian Islamic Jihad")}),
    ("The UAE backs the STC in Yemen.", {("United Arab Emirates", "supports", "Southern Transitional Council")}),
    ("Egypt supports the Libyan National Army.", {("Egypt", "supports", "Libyan National Army")}),
    ("Myanmar's junta accused China of arming the Arakan Army.", {("China", "aids", "Arakan Army")}),
    ("Myanmar's military attacked the KIA near the border with China.", {("Myanmar", "attacks", "Kachin Independence Army")}),
    ("The PDF fighters ambushed Myanmar's troops.", {("People's Defence Force", "attacks", "Myanmar")}),
    ("Pakistan accused Afghanistan of sheltering the TTP.", {("Afghanistan", "aids", "Tehreek-e-Taliban Pakistan")}),
    ("The Pakistani Taliban attacked Pakistan's army.", {("Tehreek-e-Taliban Pakistan", "attacks", "Pakistan")}),
    ("Pakistan accused India of backing the Baloch Liberation Army.", {("India", "supports", "Baloch Liberation Army")}),
    ("India accused Pakistan of supporting Lashkar-e-Taiba.", {("Pakistan", "supports", "Lashkar-e-Taiba")}),
    ("The Philippines attacked Abu Sayyaf in Sulu.", {("Philippines", "attacks", "Abu Sayyaf")}),
    ("Russia blamed ISIS-K for the Moscow attack.", {("Russia", "criticizes", "Islamic State Khorasan")}),
    ("Colombia accused Venezuela of sheltering the National Liberation Army.", {("Venezuela", "aids", "ELN")}),
    ("Colombia attacked the EMC in Cauca.", {("Colombia", "attacks", "Estado Mayor Central")}),
    ("Colombia attacked the Clan del Golfo.", {("Colombia", "attacks", "Clan del Golfo")}),
    ("The United States sanctioned the Jalisco New Generation Cartel.", {("United States", "sanctions", "Jalisco New Generation Cartel")}),
    ("The United States accused Venezuela of backing Tren de Aragua.", {("Venezuela", "supports", "Tren de Aragua")}),
    ("Georgian Dream criticized the European Union.", {("Georgian Dream", "criticizes", "European Union")}),
])
def test_claims_name_the_group(extract_text, text: str, claims: set[tuple[str, str, str]]) -> None:
    found = {(s, r, o) for s, r, o, _ in extract_text(text)}
    assert claims <= found, found


@pytest.mark.parametrize(("text", "mention", "ident"), [
    ("Mexico arrested leaders of the Sinaloa cartel.", "Sinaloa cartel", "sinaloa-cartel"),
    ("Rwanda said AFC/M23 fighters had withdrawn from Congo.", "AFC/M23", "m23"),
    ("Kenya deployed police against Viv Ansanm in Haiti.", "Viv Ansanm", "viv-ansanm"),
    ("Haiti's police fought the G9 gang coalition.", "G9", "g9"),
    ("El Salvador jailed MS-13 members.", "MS-13", "ms-13"),
    ("Hezbollah and Kataib Hezbollah attacked Israel.", "Kataib Hezbollah", "kataib-hezbollah"),
    ("Ethiopia accused Fano of attacking civilians in Amhara.", "Fano", "fano"),
    ("The Fano militia clashed with the army.", "Fano militia", "fano"),
])
def test_mentions_resolve(nlp, text: str, mention: str, ident: str) -> None:
    ents = {e.text: e.ent_id_ for e in nlp(text).ents}
    assert ents.get(mention) == ident, ents


@pytest.mark.parametrize(("text", "wrong"), [
    ("Australia said the ADF would join exercises with the United States.", "allied-democratic-forces"),
    ("Australia's ADF praised the United States.", "allied-democratic-forces"),
    ("Japan's SDF joined drills with the United States.", "syrian-democratic-forces"),
    ("Iraq and Japan said the SDF would train together.", "syrian-democratic-forces"),
    ("Britain released a PDF report criticizing Russia.", "peoples-defence-force"),
    ("Japan's NPA arrested the suspects and thanked South Korea.", "new-peoples-army"),
    ("EMC Corporation sold servers to Germany.", "estado-mayor-central"),
    ("The G9 met in Brussels with the EU.", "g9"),
    ("Kia recalled cars in South Korea after the KIA fighters were killed in action.", "kachin-independence-army"),
    ("Kosovo's National Liberation Army fought Serbia.", "eln"),
    ("The Saudi Telecom firm STC signed a deal with Kuwait.", "southern-transitional-council"),
    ("The mayor of Fano criticized Italy's government.", "fano"),
    ("Kataib Hezbollah attacked Israel.", "hezbollah"),
    ("Mexico said Sinaloa police arrested the suspects.", "sinaloa-cartel"),
    ("Taliban leaders met the Pakistani Taliban.", "pakistan"),
])
def test_ambiguous_names_are_not_the_group(ids, text: str, wrong: str) -> None:
    assert wrong not in ids(text)
