"""Merge user dictionary entries into a gazetteer: they extend it, or override the actor of the
same name, and pass through the same name rules (surnames, readings of ambiguous names)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import ConfigError
from kg.gazetteer.user import Entry
from kg.records import Actor, ActorKind, Role
from kg.text import fold, slugify

if TYPE_CHECKING:
    from kg.gazetteer import Gazetteer

__all__ = ["extend"]


def _actor_ref(gaz: Gazetteer, ref: str, where: str, what: str, states_only: bool) -> str:
    """The id of the actor a dictionary names by name, alias, id or ISO 3166 alpha-3 code."""
    ident = gaz.lookup(ref) or gaz.iso3.get(ref.strip().upper()) or gaz.code_states.get(ref.strip().upper()) \
        or (slugify(ref) if slugify(ref) in gaz.actors else None)
    if ident is None or (states_only and gaz.actors[ident].kind is not ActorKind.STATE):
        kind = "state" if states_only else "state or body"
        raise ConfigError(f"{where}: {what} {ref!r} is no known {kind}; name one of the built-in gazetteer "
                          "or define it earlier in this or an earlier dictionary")
    return ident


def _point(gaz: Gazetteer, name: str, ident: str, source: str) -> None:
    """Make ``name`` select ``ident``; a name another actor held keeps a reading saying so."""
    key = fold(name)
    before = gaz.names.get(key)
    if before is not None and before != ident and before in gaz.actors:
        gaz.readings.setdefault(key, []).append(f"{gaz.actors[before].name}, overridden by {source}")
    gaz.names[key] = ident
    gaz.places.discard(key)
    gaz.us_places.discard(key)


def _state_code(entry: Entry) -> str | None:
    """The one undated country-level code of a PETRARCH entry read as a state ("GONDOR [GON]")."""
    if not entry.country_is_code or entry.kind is not ActorKind.STATE or len(entry.codes) != 1 or entry.codes[0].dated:
        return None
    return entry.codes[0].code


def _absorbed(gaz: Gazetteer, entry: Entry) -> str | None:
    """The state a PETRARCH entry is another name of: its country-level code belongs to another
    entry's state ("ISRAELI [ISR]" after "ISRAEL [ISR]"). A dictionary's codes are its own, not
    ISO 3166 ("ERIADOR [ERI]" is not Eritrea), so only dictionaries define them."""
    code = _state_code(entry)
    target = gaz.code_states.get(code) if code else None
    return target if target is not None and target != slugify(entry.name) else None


def extend(gaz: Gazetteer, entries: list[Entry], source: str) -> None:
    """Add ``entries`` (from the dictionary named ``source``) to ``gaz``, in place.

    Raises:
        ConfigError: an entry lacks a type and extends no known actor, or names an unknown country
            or role holder (the message names the file and line).
    """
    from kg.gazetteer import _plural, _surnames

    touched: set[str] = set()
    for entry in entries:  # the first state entry of a code owns it, wherever the code is used
        code = _state_code(entry)
        if code:
            gaz.code_states.setdefault(code, slugify(entry.name))
    for entry in entries:
        target = _absorbed(gaz, entry)
        if target is not None:
            for name in (entry.name, *entry.aliases):
                _point(gaz, name, target, source)
            old = gaz.actors[target]
            gaz.actors[target] = Actor(old.id, old.name, old.kind, tuple(dict.fromkeys((*old.aliases, entry.name, *entry.aliases))),
                                       old.country, old.qid, old.roles, old.known)
            gaz.codes.setdefault(target, entry.codes)
            continue
        ident = slugify(entry.name)
        if not ident:
            raise ConfigError(f"{entry.where}: name {entry.name!r} has no letters or digits")
        existing = gaz.actors.get(ident)
        guessed = entry.country_is_code and existing is not None  # a PETRARCH type is a guess: a known actor keeps its own
        kind = (existing.kind if guessed and existing else None) or entry.kind or (existing.kind if existing else None)
        if kind is None:
            raise ConfigError(f"{entry.where}: {entry.name!r} needs a type (Person, State, Organization or Group); "
                              "it extends no built-in actor")
        roles = tuple(Role(r.kind, r.title, _actor_ref(gaz, r.of, entry.where, "role of", False), r.start, r.end)
                      for r in entry.roles)
        if guessed and existing:
            country: str | None = existing.country
        elif kind is ActorKind.STATE:
            country = ident
        elif entry.country and entry.country_is_code:
            country = gaz.code_states.get(entry.country)
        elif entry.country:
            country = _actor_ref(gaz, entry.country, entry.where, "country", True)
        else:
            states = [r.of for r in roles if gaz.actors[r.of].kind is ActorKind.STATE]
            country = states[-1] if states else (existing.country if existing else None)
        aliases = tuple(a for a in dict.fromkeys((*(existing.aliases if existing else ()), *entry.aliases)) if a != entry.name)
        actor = Actor(ident, entry.name, kind, aliases, country, entry.qid or (existing.qid if existing else None),
                      roles or (existing.roles if existing else ()))
        gaz.actors[ident] = actor
        for name in (entry.name, *entry.aliases):
            _point(gaz, name, ident, source)
        for demonym in entry.demonyms:
            for form in (fold(demonym), fold(_plural(demonym))):
                gaz.demonyms[form] = ident
        for seat in entry.seats:
            gaz.seats[fold(seat)] = ident
            gaz.places.discard(fold(seat))
        if entry.codes:
            gaz.codes[ident] = entry.codes
            bare = [c.code for c in entry.codes if not c.dated and len(c.code) == 3 and c.code.isalpha()]
            if kind is ActorKind.STATE and bare:
                gaz.code_states.setdefault(bare[0], ident)
        gaz.sources[ident] = source
        if kind is ActorKind.PERSON:
            for surname in _surnames(entry.name, list(entry.aliases), entry.surname):
                if ident not in gaz.surnames[surname]:
                    gaz.surnames[surname].append(ident)
                    gaz.surnames_of.setdefault(ident, []).append(surname)
                    touched.add(surname)
    for surname in sorted(touched):
        ids = gaz.surnames[surname]
        if len(ids) > 1:
            readings = gaz.readings.setdefault(surname, [])
            readings.extend(r for r in (f"surname of {gaz.actors[i].name}" for i in ids) if r not in readings)
