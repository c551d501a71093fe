from __future__ import annotations

import datetime as dt
import re

import pytest

from kg.errors import ConfigError
from kg.gazetteer import load_gazetteer


def test_every_iso_state_is_known(gaz) -> None:
    import pycountry

    assert len([a for a in gaz.actors.values() if a.kind.value == "State"]) == len(pycountry.countries) + 1  # + Kosovo


@pytest.mark.parametrize(("text", "ident"), [
    ("the Kremlin", "russia"), ("Moscow", "russia"), ("Russians", "russia"), ("U.S.", "united-states"),
    ("American", "united-states"), ("Kyiv", "ukraine"), ("Britain", "united-kingdom"), ("Beijing", "china"),
    ("NATO", "nato"), ("European Union", "european-union"), ("Tehran", "iran"), ("Israeli", "israel"),
])
def test_lookup(gaz, text: str, ident: str) -> None:
    assert gaz.lookup(text) == ident


@pytest.mark.parametrize(("state", "title", "day", "who"), [
    ("united-states", "president", dt.date(2019, 1, 1), "donald-trump"),
    ("united-states", "president", dt.date(2022, 1, 1), "joe-biden"),
    ("united-kingdom", "leader", dt.date(2020, 1, 1), "boris-johnson"),
    ("germany", "leader", dt.date(2023, 1, 1), "olaf-scholz"),
    ("russia", "foreign minister", dt.date(2024, 1, 1), "sergey-lavrov"),
    ("china", "foreign minister", dt.date(2023, 3, 1), "qin-gang"),
])
def test_dated_roles(gaz, state: str, title: str, day: dt.date, who: str) -> None:
    assert gaz.holder(state, title, day) == who


def test_qids_are_well_formed(gaz) -> None:
    for actor in gaz.actors.values():
        assert actor.qid is None or re.fullmatch(r"Q[1-9]\d*", actor.qid), actor


def test_roles_are_ordered(gaz) -> None:
    for actor in gaz.actors.values():
        for role in actor.roles:
            assert role.end is None or role.start is None or role.start < role.end, actor.name


def test_malformed_people_file_fails_fast(tmp_path) -> None:
    import shutil

    from kg.gazetteer import ONTOLOGY_DIR

    for name in ("states.csv", "state_extras.csv", "organizations.csv", "media.csv"):
        shutil.copy(ONTOLOGY_DIR / "gazetteer" / name, tmp_path / name)
    (tmp_path / "people.yaml").write_text("- name: X Y\n  roles:\n    - {r: hos, title: president, of: ZZZ}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown state"):
        load_gazetteer(tmp_path)
