"""User actor dictionaries: an invented world resolves with them and not without; bad files fail
fast naming the file and line; the home remembers its dictionaries."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ConfigError
from kg.gazetteer import load_gazetteer
from kg.gazetteer.config import dictionaries_for
from kg.graph.model import actor_iri
from kg.records import ActorKind

INVENTED = Path(__file__).parent / "data" / "invented"
DICTS = [INVENTED / "actors.yaml", INVENTED / "people.csv", INVENTED / "phoenix.txt"]
# every actor of the invented articles: id -> (type, country id, dictionary)
WORLD = {
    "veldoria": (ActorKind.STATE, "veldoria", "actors.yaml"),
    "ostravia": (ActorKind.STATE, "ostravia", "actors.yaml"),
    "mara-quennell": (ActorKind.PERSON, "veldoria", "actors.yaml"),
    "tobiah-vantrell": (ActorKind.PERSON, "ostravia", "actors.yaml"),
    "ashen-front": (ActorKind.GROUP, "ostravia", "actors.yaml"),
    "selvan-league": (ActorKind.ORGANIZATION, None, "actors.yaml"),
    "dario-pell": (ActorKind.PERSON, "ostravia", "people.csv"),
    "ilse-marovic": (ActorKind.PERSON, "veldoria", "people.csv"),
    "orvin-dale": (ActorKind.GROUP, "kestrel-isles", "phoenix.txt"),
}
EXPECTED = {
    ("mara-quennell", "meets", "tobiah-vantrell"), ("selvan-league", "criticizes", "ashen-front"),
    ("ashen-front", "attacks", "veldoria"), ("ostravia", "sanctions", "veldoria"),
    ("dario-pell", "criticizes", "ilse-marovic"), ("orvin-dale", "criticizes", "veldoria"),
}
runner = CliRunner()


@pytest.fixture(scope="module")
def invented_home(tmp_path_factory: pytest.TempPathFactory):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("invented")
    return build([INVENTED / "articles"], out, actors=DICTS)


def _claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_with_the_dictionaries_every_actor_resolves_to_its_entry(invented_home) -> None:
    claims = _claims(invented_home.claims_path)
    assert {(c["subject_id"], c["relation"], c["object_id"]) for c in claims} == EXPECTED
    gaz = load_gazetteer(dictionaries=DICTS)
    for c in claims:
        for side in ("subject", "object"):
            kind, country, source = WORLD[c[f"{side}_id"]]
            actor = gaz.actors[c[f"{side}_id"]]
            assert (actor.kind, actor.country, gaz.sources[actor.id]) == (kind, country, source)
            assert c[f"{side}_type"] == kind.value


def test_the_graph_records_each_actors_dictionary(invented_home) -> None:
    from kg.graph import load_graph

    g = load_graph(invented_home.graph_path)
    for ident, (_, _, source) in WORLD.items():
        assert (actor_iri(ident), DCTERMS.source, Literal(source)) in g, ident
    assert not list(g.objects(actor_iri("united-states"), DCTERMS.source))


def test_without_the_dictionaries_no_actor_resolves_to_an_entry() -> None:
    from kg.ingest import read_articles
    from kg.pipeline import run_extraction

    ex = run_extraction(read_articles([INVENTED / "articles"]).articles)
    ids = {i for c in ex.claims for i in (c.subject_id, c.object_id)}
    assert not ids & set(WORLD)
    assert not set(WORLD) & set(load_gazetteer().actors)


def test_the_home_remembers_its_dictionaries_for_kg_add(invented_home, tmp_path) -> None:
    from kg.gazetteer.config import home_dictionaries

    home = invented_home.graph_path.parent
    assert [p.resolve() for p in home_dictionaries(home)] == [p.resolve() for p in DICTS]
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    new = tmp_path / "new" / "talks.txt"
    new.parent.mkdir()
    new.write_text("Ilse Marovic praised Tobiah Vantrell on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["add", str(new.parent), "-o", str(copy)])
    assert result.exit_code == 0, result.output
    added = [c for c in _claims(copy / "claims.jsonl") if c["doc"] == "talks"]
    assert [(c["subject_id"], c["relation"], c["object_id"]) for c in added] == [("ilse-marovic", "praises", "tobiah-vantrell")]


def test_project_pyproject_lists_dictionaries(tmp_path) -> None:
    (tmp_path / "dicts").mkdir()
    shutil.copy(INVENTED / "actors.yaml", tmp_path / "dicts" / "world.yaml")
    (tmp_path / "pyproject.toml").write_text('[tool.kg]\nactors = ["dicts/world.yaml"]\n', encoding="utf-8")
    found = dictionaries_for([INVENTED / "people.csv"], project=tmp_path)
    assert found == [(tmp_path / "dicts" / "world.yaml").resolve(), (INVENTED / "people.csv").resolve()]
    (tmp_path / "pyproject.toml").write_text('[tool.kg]\nactors = "dicts/world.yaml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml: actors must be a list"):
        dictionaries_for(project=tmp_path)


def test_dated_codes_follow_the_article_date() -> None:
    gaz = load_gazetteer(dictionaries=[INVENTED / "phoenix.txt"])
    assert gaz.code_on("orvin-dale", dt.date(2021, 6, 1)) == "KSTGOV"
    assert gaz.code_on("orvin-dale", dt.date(2023, 12, 31)) == "KSTGOV"
    assert gaz.code_on("orvin-dale", dt.date(2024, 1, 1)) is None  # ">20240101" starts the day after
    assert gaz.code_on("orvin-dale", dt.date(2024, 3, 18)) == "KSTREB"
    assert gaz.code_on("kestrel-isles", None) == "KST"
    assert gaz.lookup("Kestrelian") == "kestrel-isles"


def test_entries_override_and_extend_the_builtin_gazetteer(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- {name: Ukraine, aliases: [Ukrainia]}\n"
                    "- {name: Union of Northern States, type: Organization, aliases: [UN]}\n", encoding="utf-8")
    base = load_gazetteer()
    gaz = load_gazetteer(dictionaries=[path])
    assert gaz.lookup("Ukrainia") == "ukraine" and gaz.actors["ukraine"].qid == base.actors["ukraine"].qid
    assert gaz.actors["ukraine"].kind is ActorKind.STATE  # no type: the built-in one's
    assert gaz.lookup("UN") == "union-of-northern-states"
    assert any("United Nations" in r and "mine.yaml" in r for r in gaz.readings["un"])
    assert base.lookup("UN") == "united-nations" and base.lookup("Ukrainia") is None  # the cached built-in one is untouched


def test_an_edited_dictionary_is_read_again(tmp_path) -> None:
    path = tmp_path / "edit.yaml"
    path.write_text("- {name: Veldoria, type: State}\n", encoding="utf-8")
    assert load_gazetteer(dictionaries=[path]).lookup("Veldor") is None
    path.write_text("- {name: Veldoria, type: State, aliases: [Veldor]}\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert load_gazetteer(dictionaries=[path]).lookup("Veldor") == "veldoria"


def test_a_surname_shared_with_a_builtin_person_is_ambiguous(tmp_path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text("- {name: Olena Zelensky, type: Person, country: Ukraine}\n", encoding="utf-8")
    gaz = load_gazetteer(dictionaries=[path])
    assert "olena-zelensky" in gaz.surnames["zelensky"] and len(gaz.surnames["zelensky"]) == 2
    assert "surname of Olena Zelensky" in gaz.readings["zelensky"]


BAD = [
    ("a.yaml", "- {name: X, type: Kingdom}\n", "a.yaml:1: type 'Kingdom' is not one of"),
    ("a.yaml", "- {name: X, type: State}\n- {name: Y, typ: State}\n", "a.yaml:2: unknown field(s) ['typ']"),
    ("a.yaml", "actors:\n  - name: P\n    type: Person\n    country: Atlantis\n", "a.yaml:2: country 'Atlantis' is no known state"),
    ("a.yaml", "- name: P\n  type: Person\n  roles: [{title: president, of: France, start: 2020-13-01}]\n",
     "a.yaml:1: bad date '2020-13-01'"),
    ("a.yaml", "- {name: Veldoria, type: State}\n- {name: veldoria, type: State}\n", "a.yaml:2: 'veldoria' is already defined at"),
    ("a.yaml", "- {name: Zorblax}\n", "a.yaml:1: 'Zorblax' needs a type"),
    ("a.yaml", "- [x\n", "a.yaml:2: not valid YAML"),
    ("a.csv", "name,type\nX,State,extra\n", "a.csv:2: more cells than columns"),
    ("a.csv", "name,kind\nX,State\n", "a.csv:1: columns must include name"),
    ("a.txt", "+SYNONYM\nGONDOR [GON]\n", "a.txt:1: synonym '+SYNONYM' before any actor"),
    ("a.txt", "GONDOR [GON]\n\n  [GONGOV 2020 - 2021]\n", "a.txt:3: cannot read code block"),
    ("a.txt", "PRESIDENT [~GOV]\n", "a.txt:1: an agent entry"),
    ("a.json", "[]", "a.json: unknown actor dictionary format .json"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD)
def test_bad_dictionaries_name_the_file_and_line(tmp_path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_gazetteer(dictionaries=[path])
    assert str(path) + message.removeprefix(name) in str(info.value)


def test_cli_bad_dictionary_is_one_line_before_any_work(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: X, type: Kingdom}\n", encoding="utf-8")
    for args in (["build", str(INVENTED / "articles"), "-o", str(tmp_path / "out"), "--actors", str(bad)],
                 ["extract", str(INVENTED / "articles"), "--actors", str(bad)],
                 ["extract", str(INVENTED / "articles"), "--actors", str(tmp_path / "missing.yaml")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and str(tmp_path) in lines[0], result.output
    assert not (tmp_path / "out").exists()
