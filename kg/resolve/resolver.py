"""The resolver of one article: names, new actors, issues, pronouns and descriptions, in text order."""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, words
from kg.names import bare_surname, stripped_titles
from kg.records import ActorKind
from kg.resolve.collective import _Collective, _plural_kinds
from kg.resolve.quotes import _Quotes
from kg.resolve.refs import Ref, Resolution, issue_ref
from kg.resolve.roles import _Roles
from kg.text import HYPHENS, fold, slugify

_PRONOUN_KIND = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
_NEW_KIND = {"PERSON": ActorKind.PERSON, "ORG": ActorKind.ORGANIZATION}
_PLEONASTIC_HEADS = words("pleonastic_heads")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


def _dateline(ent: Span) -> bool:
    """A city in capitals opening a paragraph, as wire stories put where they were filed."""
    if not ent.text.isupper() or len(ent.text) < 4:
        return False
    doc = ent.doc
    last = ent.end
    while last < len(doc) and (doc[last].text == "/" or doc[last].text.isupper()):
        last += 1  # "SANAA/BAGHDAD"
    if last + 1 >= len(doc) or doc[last].text != "," or not (doc[last + 1].ent_type_ == "DATE" or doc[last + 1].like_num):
        return False  # a dateline goes on with the date: "SANAA/BAGHDAD, Feb. 4 (Wire) -"
    first = ent.start
    while first > 0 and (doc[first - 1].text == "/" or doc[first - 1].text.isupper()):
        first -= 1
    return first == 0 or "\n" in doc[first - 1].text or "\n" in doc[first - 1].whitespace_


def _pleonastic(token: Token) -> bool:
    """"It is clear that...", "it's a week since...", "as crazy as it sounds", "if it came to it"."""
    if token.lower_ != "it":
        return False
    head = token.head
    if token.dep_ == "expl" or (token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ == "come"):
        return True
    if token.dep_ not in ("nsubj", "nsubjpass") or head.lemma_ not in _PLEONASTIC_HEADS:
        return head.lemma_ == "come" and any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children)
    if head.lemma_ in ("sound", "seem", "appear", "look", "feel", "matter", "happen", "take"):
        return True
    deps = {c.dep_ for c in head.children}
    marks = {g.lower_ for c in head.children if c.dep_ in ("advcl", "ccomp", "xcomp") for g in c.children if g.dep_ in ("mark", "aux")}
    return bool(deps & {"acomp", "csubj"}) or bool(marks & {"since", "that", "to", "when", "before", "until"}) or "ccomp" in deps


class _Resolver(_Roles, _Collective, _Quotes):
    def entity(self, ent: Span) -> Ref | None:
        ident = ent.ent_id_
        if ident.startswith("media:") or fold(ent.text) in self.gaz.media:
            return None
        if ident.startswith("issue:"):
            return self.issue(ent, ident[6:])
        if ident.startswith("surname:"):
            found = bare_surname(self.doc, ent, ident[8:], self.gaz, self.day, self.full_names)
            if isinstance(found, Span):
                return self.new_actor(found, ActorKind.PERSON)  # "Mike Johnson ... Johnson said"
            if found is None:
                return self.new_actor(ent, ActorKind.PERSON)
            return found.found_as(found.via)
        if ident:
            ref = self.actor_ref(ident, ent.kb_id_ or "name")
            if ref is not None and ref.kind is ActorKind.PERSON:
                for surname in self.gaz.surnames_of.get(ref.id, ()):
                    self.full_names[surname] = ref
            return ref
        bare = fold(ent.text.removesuffix("'s").removesuffix("’s"))
        seen = self.full_names.get(bare)
        if seen is not None and len(ent) == 1:
            return seen.found_as("surname: named in full before")
        given = self.given_names.get(bare)
        if given is not None and len(ent) == 1 and bare not in self.gaz.names:
            return given.found_as("given name: named in full before, the only one")
        kind = _NEW_KIND.get(ent.label_)
        if kind is None and ent.label_ == "NORP" and len(ent) > 1 and ent.root.lower_ in words("body_nouns") and ent.root.is_title:
            kind = ActorKind.ORGANIZATION  # "the Southern Transitional Council": a body, whatever the recogniser said
        if kind is not None and ent.root.dep_ == "compound" and ent.root.head.lower_ in words("body_nouns") and ent.root.head.i == ent.end:
            kind = ActorKind.ORGANIZATION  # "the Vetevendosje party": whatever the recogniser said
        bare = fold(ent.text.removeprefix("the ").removeprefix("The "))
        if bare in self.gaz.places or bare in words("regions"):
            return None  # a city or a region ("Sahel juntas"), whatever the recogniser said
        if kind is ActorKind.ORGANIZATION and self.titled(ent):
            kind = ActorKind.PERSON  # "Colombia's president, Gustavo Petro": the recogniser said ORG
        if kind is ActorKind.ORGANIZATION and len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in words("body_nouns"):
            ent = ent[:-1]  # "the Srpska Lista party": the name is "Srpska Lista"
        if kind is None or not all(t.is_title or t.is_upper or not t.is_alpha or t.lower_ in words("name_particles") for t in ent) \
                or not any(t.is_title or t.is_upper for t in ent):
            return None  # "Mohammed Shia al-Sudani", "Ursula von der Leyen" keep their particles
        return self.new_actor(ent, kind)

    def new_actor(self, ent: Span, kind: ActorKind) -> Ref | None:
        words = [t for t in ent if t.is_alpha or "-" in t.text or "." in t.text]
        while words and words[0].lower_ in ("the", "a", "an") :
            words = words[1:]
        if kind is ActorKind.PERSON:
            if len(words) < len(ent) and ent[0].lower_ in ("the", "a", "an") or ent.start > 0 and self.doc[ent.start - 1].lower_ in ("the", "a", "an"):
                return None  # "the Moon": a person's name takes no article
            while len(words) > 1 and words[0].lower_.rstrip(".") in stripped_titles():
                words = words[1:]  # "Representative Jim Jordan"
        name = self.doc[words[0].i:words[-1].i + 1].text.removesuffix("'s").removesuffix("’s").strip() if words else ""
        if len(name) < 2:
            return None
        if kind is ActorKind.PERSON:
            seen = self.full_names.get(fold(name.split()[-1]))
            if seen is not None and (len(name.split()) == 1 or fold(seen.name).endswith(fold(name))):
                return seen.found_as("surname: named in full before")
        ident = f"{kind.value.lower()}-{slugify(name)}"
        ref = self.new.setdefault(ident, Ref(ident, name, kind, None, "name: not in the gazetteer"))
        if kind is ActorKind.PERSON and len(name.split()) > 1:
            last = fold(name.split()[-1])
            self.full_names.setdefault(last, ref)
            first = fold(name.split()[0])  # "Phumtham Wechayachai ... Phumtham", "Tadesse Werede ... Tadesse"
            self.given_names[first] = ref if self.given_names.get(first, ref) == ref else None
            for particle in ("al-", "el-", "ad-", "as-", "ash-"):  # "al-Sudani" is also "Sudani"
                if last.startswith(particle):
                    self.full_names.setdefault(last.removeprefix(particle), ref)
        return ref

    def unknown_body(self, token: Token) -> tuple[tuple[int, int], Ref] | None:
        """A body the recogniser missed, named as the subject of a clause: "Gazprom said ...",
        "the Srpska Lista party has boycotted ...". A subject with a proper name acts; a place or a
        known word is no body."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ or token.i in self.refs \
                or (token.i > 0 and _CLOCK.match(self.doc[token.i - 1].text)):  # "09:40 EAT"
            return None
        if token.pos_ == "NOUN" and token.lower_ in words("body_nouns"):
            name = [t for t in token.subtree if t.dep_ == "compound" and t.i < token.i]
        elif token.pos_ == "PROPN":
            name = [*(t for t in token.subtree if t.dep_ == "compound" and t.i < token.i), token]
        else:
            return None
        if not name or name[-1].i - name[0].i + 1 != len(name) or any(
                t.pos_ != "PROPN" or t.ent_type_ or t.i in self.refs or not (t.is_title or t.is_upper) or not t.is_alpha for t in name):
            return None
        text = self.doc[name[0].i:name[-1].i + 1].text
        if len(text) < 3 or fold(text) in self.gaz.places or fold(text) in self.lex.known or fold(text) in self.gaz.names:
            return None
        person = self.full_names.get(fold(text)) or self.given_names.get(fold(text))
        if person is not None and len(name) == 1:  # "Tadesse Werede ... Tadesse pledged": the person named before
            return (token.i, token.i + 1), person.found_as("name: named in full before")
        ident = f"organization-{slugify(text)}"
        ref = self.new.setdefault(ident, Ref(ident, text, ActorKind.ORGANIZATION, None, "name: not recognised, a subject"))
        return (name[0].i, token.i + 1), ref

    def issue(self, ent: Span, kind: str) -> Ref:
        """An issue labelled with the article's own words ("truce", "peace accord", "Alaska summit"),
        its canonical kind ("ceasefire", "peace deal", "summit") kept beside the label."""
        words = [t.lower_ for t in ent]
        while words and words[0] in ("a", "an", "the", "this", "that"):
            words = words[1:]
        i = ent.start - 1  # "border agreement", "dinar ban": the noun modifiers the text puts before it
        while words and i >= 0 and self.doc[i].pos_ == "NOUN" and self.doc[i].dep_ == "compound" and i not in self.refs \
                and self.doc[i].lower_ not in self.lex.known \
                and not self.doc[i].ent_type_ and not (i > 0 and self.doc[i - 1].text in HYPHENS):  # not "one-page"
            words.insert(0, self.doc[i].lower_)
            i -= 1
        label = " ".join(words) if ent.root.pos_ in ("NOUN", "PROPN") else kind  # "end the war" is peace
        if kind == "summit":
            place = self.summit_place(ent)
            if place and fold(place) not in fold(label):
                label = f"{place} {label}"
        return issue_ref(label, self.lex.issue_kind(label, kind))

    def relative_owner(self, token: Token) -> Ref | None:
        """The actor a relative "whose" belongs to: the noun its clause hangs on."""
        for anc in token.ancestors:
            if anc.dep_ == "relcl":
                ref = self.refs.get(anc.head.i)
                return ref if ref is not None and ref.kind is not None else None
        return None

    def hyphenated(self, token: Token) -> Ref | None:
        """An actor whose hyphen stays on it: "Qatari- and Turkish-mediated talks"."""
        if not token.text.endswith(HYPHENS) or len(token) < 3:
            return None
        ident = self.gaz.lookup(token.text[:-1])
        return self.actor_ref(ident, "demonym") if ident else None

    def armed_group(self, ent: Span) -> Ref | None:
        """An armed or political group the gazetteer lacks, named by a code or an acronym before a
        group noun ("M23 rebels", "the RSF militia", "ADF fighters")."""
        root = ent.root
        if root.dep_ != "compound" or root.head.lemma_.lower() not in words("group_nouns") or ent.ent_id_:
            return None
        named = ent.label_ not in ("GPE", "LOC")  # a place before "rebels" says where they fight, not who they are
        if not all(t.is_upper or (named and t.is_title) or any(ch.isdigit() for ch in t.text) or t.text in HYPHENS for t in ent) \
                or fold(ent.text) in self.gaz.places:
            return None  # "M23 rebels", "the Mai-Mai Yakutumba militia"; not "Darfur rebels"
        name = ent.text.strip()
        ident = f"group-{slugify(name)}"
        return self.new.setdefault(ident, Ref(ident, name, ActorKind.GROUP, None, "name"))

    def summit_place(self, ent: Span) -> str | None:
        """Where or by whom a summit is held: "the Alaska summit", "a summit in Geneva", "the BRICS summit"."""
        root = ent.root
        for child in root.children:
            if child.dep_ == "compound" and child.i < ent.start and child.ent_type_ in ("GPE", "ORG", "LOC", "NORP") \
                    and not child.ent_id_.startswith("issue:"):
                span = next((e for e in self.doc.ents if e.start <= child.i < e.end), None)
                return span.text if span is not None else child.text
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                pobj = next((c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC", "FAC")), None)
                if pobj is not None:
                    span = next((e for e in self.doc.ents if e.start <= pobj.i < e.end), None)
                    return span.text if span is not None else pobj.text
        return None

    def run(self) -> Resolution:
        ents = {ent.start: ent for ent in self.doc.ents}
        i = 0
        doc = self.doc
        while i < len(doc):
            token = doc[i]
            ent = ents.get(i)
            if ent is not None and (ent.start > 0 and _CLOCK.match(doc[ent.start - 1].text) or _dateline(ent)):
                i = ent.end  # "11:30 EAT": a time zone; "SANAA/BAGHDAD, Feb. 4 (Wire) -": where it was filed
                continue
            if ent is not None:
                ref = (len(ent) == 1 and self.hyphenated(ent[0])) or self.entity(ent) or self.armed_group(ent)
                if ref is not None and ref.kind is ActorKind.PERSON and ref.id not in self.gaz.actors:
                    ref = self.note_title(ent, ref)
                if ref is not None:
                    self.mark(ent, ref)
                i = ent.end
                continue
            low = token.lower_
            hyphenated = self.hyphenated(token)
            if hyphenated is not None:
                self.mark((i, i + 1), hyphenated)
            elif low == "whose" and (owner := self.relative_owner(token)) is not None:
                self.mark((i, i + 1), owner.found_as("pronoun"))  # "Marape, whose government ..."
            elif token.pos_ == "PRON" and low in ("it", "them") and self.about_issue(token) \
                    and (issue := self.recent_issue(token, plural=low == "them")) is not None:
                self.mark((i, i + 1), issue)  # "declined to sign it", "the US vetoed it", "vowed to fight them" (tariffs)
            elif token.pos_ == "PRON" and low in _PRONOUN_KIND and not _pleonastic(token):
                members = self.coordinated(token) if _PRONOUN_KIND[low] == "plural" else []
                ref = members[0] if members else self.antecedent(token, _PRONOUN_KIND[low])
                if members:
                    self.groups[i] = members  # "Iran, Belarus and North Korea ... their assistance"
                if ref is not None:
                    self.mark((i, i + 1), ref.found_as("pronoun"))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in words("crowds") and (crowd := self.crowd(token)) is not None:
                self.mark((i, i + 1), crowd)
            elif token.pos_ == "NOUN" and token.tag_ == "NNS" and low in _plural_kinds():
                members = self.plural(token)
                if members:
                    self.groups[i] = members
            elif token.pos_ in ("NOUN", "PROPN"):
                found = self.role(token) or self.unknown_body(token)
                if found is not None:
                    self.mark(found[0], found[1])
                elif low in self.lex.descriptions and any(c.lower_ in ("the", "this", "that") for c in token.children) \
                        and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children) and token.dep_ != "compound" \
                        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):  # "the government of X"
                    ref = self.antecedent(token, self.lex.descriptions[low])
                    if low in words("government_nouns") or (ref is None and self.lex.descriptions[low] == "State"):
                        ref = self.government(token) or ref
                    if ref is not None:
                        self.mark((token.left_edge.i, i + 1), ref.found_as("description"))
            i += 1
        for token in doc:  # "the junta in Niamey", "the new government in Dhaka": the place names come later
            seat = self.seat_of(token) if token.pos_ == "NOUN" else None
            if seat is not None:
                self.mark((token.i, token.i + 1), seat)
        self.quotes()
        countries = {r.country for r in self.refs.values() if r.kind is ActorKind.PERSON and r.country}
        states = {c: ref for c in sorted(countries) for ref in [self.actor_ref(c, "description")] if ref is not None}
        return Resolution(self.refs, self.spans, self.new, self.speakers, self.groups, states)


def resolve_doc(doc: Doc, gaz: Gazetteer, lex: Lexicon, day: dt.date | None = None) -> Resolution:
    """Resolve every actor and issue mention of ``doc`` as of ``day`` (today if None)."""
    return _Resolver(doc, gaz, lex, day or dt.date.today()).run()
