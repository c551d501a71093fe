"""Resolve mentions in a parsed article to canonical actors and issues.

Names, aliases, seats and demonyms come from the gazetteer's entity ruler (``token.ent_id_``);
bare surnames are accepted after a full mention or for office-holders of the article's date;
role titles ("the US president", "Russia's foreign minister", "the Kremlin head") resolve
through dated roles; pronouns and descriptions ("he", "its", "the country") go to the most
salient compatible actor before them. Unknown PERSON/ORG entities become new actors with a
stable id.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, word_table, words
from kg.names import PERSONAL_TITLES, STRIPPED_TITLES, bare_surname
from kg.records import ActorKind
from kg.text import HYPHENS, fold, slugify

__all__ = ["Ref", "Resolution", "issue_ref", "resolve_doc"]

_PRONOUN_KIND = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
_NEW_KIND = {"PERSON": ActorKind.PERSON, "ORG": ActorKind.ORGANIZATION}
_PERSON_NOUNS = {"minister", "secretary", "senator", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
                 "general", "commander", "governor", "mayor", "lawmaker", "adviser", "advisor", "diplomat", "official",
                 "negotiator", "chairman", "chairwoman", "director", "mr", "mrs", "ms", "dr", "sen", "rep", "gen"}
_PLEONASTIC_HEADS = {"be", "seem", "appear", "sound", "look", "feel", "remain", "become", "matter", "take", "happen"}
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_GOVERNMENT = {"administration", "government", "regime", "leadership", "cabinet"}


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


@dataclass(frozen=True, slots=True)
class Ref:
    """What a mention refers to: an actor (``kind`` set) or an issue (``kind`` None)."""

    id: str
    name: str
    kind: ActorKind | None
    country: str | None = None
    via: str = "name"  # how it was found: name, alias, surname, role, pronoun, description, demonym (with a reason)
    issue_type: str | None = None  # an issue's canonical kind ("ceasefire" for "truce")

    @property
    def is_issue(self) -> bool:
        return self.kind is None


@dataclass
class Resolution:
    """Token index -> reference, plus the new actors an article introduced."""

    refs: dict[int, Ref]
    spans: dict[int, tuple[int, int]]  # token index -> (start, end) token span of its mention
    new_actors: dict[str, Ref]
    speakers: dict[int, Ref] = field(default_factory=dict)  # sentence start -> who the quotation in it is by
    groups: dict[int, list[Ref]] = field(default_factory=dict)  # plural description -> the actors it names again

    def at(self, token: Token) -> Ref | None:
        return self.refs.get(token.i)

    def refs_of(self, tokens: Iterable[Token], actors_only: bool = False) -> list[Ref]:
        """The references of those tokens that have one (only actors if ``actors_only``)."""
        found = (self.refs.get(t.i) for t in tokens)
        return [r for r in found if r is not None and not (actors_only and r.is_issue)]

    def is_issue_at(self, token: Token) -> bool:
        ref = self.refs.get(token.i)
        return ref is not None and ref.is_issue


@functools.lru_cache(maxsize=1)
def _plural_kinds() -> dict[str, str]:
    """Plural descriptions ("both countries", "the two leaders") -> the kind of actor they name again."""
    return {str(word): kind for kind, listed in word_table("plural_kinds").items() for word in listed}


def issue_ref(label: str, kind: str) -> Ref:
    """The reference of an issue named ``label`` in the text, of canonical ``kind``."""
    return Ref("issue:" + label, label, None, issue_type=kind)


class _Resolver:
    def __init__(self, doc: Doc, gaz: Gazetteer, lex: Lexicon, day: dt.date) -> None:
        self.doc, self.gaz, self.lex, self.day = doc, gaz, lex, day
        self.refs: dict[int, Ref] = {}
        self.spans: dict[int, tuple[int, int]] = {}
        self.new: dict[str, Ref] = {}
        self.history: list[tuple[int, Ref, bool]] = []  # (token index, ref, was subject)
        self.full_names: dict[str, Ref] = {}  # folded surname -> person ref seen in full
        self.speakers: dict[int, Ref] = {}
        self.groups: dict[int, list[Ref]] = {}
        self.issues: list[tuple[int, Ref]] = []  # (token index, issue) in text order
        self.offices: dict[tuple[str | None, str], Ref] = {}  # (state, office) -> a holder the text introduced

    def actor_ref(self, actor_id: str, via: str) -> Ref | None:
        actor = self.gaz.actors.get(actor_id)
        if actor is None:
            return None
        return Ref(actor.id, actor.name, actor.kind, actor.country, via)

    def mark(self, span: Span | tuple[int, int], ref: Ref) -> None:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        for i in range(start, end):
            self.refs[i] = ref
            self.spans[i] = (start, end)
        if ref.kind is None:
            self.issues.append((self.doc[start:end].root.i, ref))
        if ref.kind is not None:
            root = self.doc[start:end].root
            self.history.append((root.i, ref, root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass"))))

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
            return Ref(found.id, found.name, found.kind, found.country, found.via)
        if ident:
            ref = self.actor_ref(ident, ent.kb_id_ or "name")
            if ref is not None and ref.kind is ActorKind.PERSON:
                for surname in self.gaz.surnames_of.get(ref.id, ()):
                    self.full_names[surname] = ref
            return ref
        seen = self.full_names.get(fold(ent.text.removesuffix("'s").removesuffix("’s")))
        if seen is not None and len(ent) == 1:
            return Ref(seen.id, seen.name, seen.kind, seen.country, "surname: named in full before")
        kind = _NEW_KIND.get(ent.label_)
        if fold(ent.text.removeprefix("the ").removeprefix("The ")) in self.gaz.places:
            return None
        if kind is ActorKind.ORGANIZATION and self.titled(ent):
            kind = ActorKind.PERSON  # "Colombia's president, Gustavo Petro": the recogniser said ORG
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
            while len(words) > 1 and words[0].lower_.rstrip(".") in STRIPPED_TITLES:
                words = words[1:]  # "Representative Jim Jordan"
        name = self.doc[words[0].i:words[-1].i + 1].text.removesuffix("'s").removesuffix("’s").strip() if words else ""
        if len(name) < 2:
            return None
        if kind is ActorKind.PERSON:
            seen = self.full_names.get(fold(name.split()[-1]))
            if seen is not None and (len(name.split()) == 1 or fold(seen.name).endswith(fold(name))):
                return Ref(seen.id, seen.name, seen.kind, seen.country, "surname: named in full before")
        ident = f"{kind.value.lower()}-{slugify(name)}"
        ref = self.new.setdefault(ident, Ref(ident, name, kind, None, "name: not in the gazetteer"))
        if kind is ActorKind.PERSON and len(name.split()) > 1:
            last = fold(name.split()[-1])
            self.full_names.setdefault(last, ref)
            for particle in ("al-", "el-", "ad-", "as-", "ash-"):  # "al-Sudani" is also "Sudani"
                if last.startswith(particle):
                    self.full_names.setdefault(last.removeprefix(particle), ref)
        return ref

    def issue(self, ent: Span, kind: str) -> Ref:
        """An issue labelled with the article's own words ("truce", "peace accord", "Alaska summit"),
        its canonical kind ("ceasefire", "peace deal", "summit") kept beside the label."""
        words = [t.lower_ for t in ent]
        while words and words[0] in ("a", "an", "the", "this", "that"):
            words = words[1:]
        i = ent.start - 1  # "border agreement", "dinar ban": the noun modifiers the text puts before it
        while words and i >= 0 and self.doc[i].pos_ == "NOUN" and self.doc[i].dep_ == "compound" and i not in self.refs \
                and self.doc[i].lower_ not in self.lex.known \
                and not self.doc[i].ent_type_:
            words.insert(0, self.doc[i].lower_)
            i -= 1
        label = " ".join(words) if ent.root.pos_ in ("NOUN", "PROPN") else kind  # "end the war" is peace
        if kind == "summit":
            place = self.summit_place(ent)
            if place and fold(place) not in fold(label):
                label = f"{place} {label}"
        return issue_ref(label, self.lex.issue_kind(label, kind))

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

    def titled(self, ent: Span) -> bool:
        """A name next to a personal title ("President X", "X, the foreign minister", "the envoy, X")."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        root = ent.root
        words = set(self.lex.titles) | _PERSON_NOUNS | PERSONAL_TITLES
        if before is not None and before.lower_.rstrip(".") in words:
            return True
        if root.dep_ == "appos" and root.head.lemma_.lower() in words:
            return True
        return any(c.dep_ == "appos" and c.lemma_.lower() in words for c in root.children)

    def state_of(self, token: Token) -> str | None:
        """The state a modifier token names ("Russian", "Russia's", "US", "Kremlin")."""
        ref = self.refs.get(token.i)
        if ref is not None and ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP):
            return ref.id
        return None

    def role(self, token: Token) -> tuple[tuple[int, int], Ref] | None:
        """Resolve a title noun ("president", "leader", "minister") to its holder."""
        lemma = token.lemma_.lower()
        title = self.title_of(token)
        if not title or token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
            return None
        if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
            return None
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
            return None
        if token.head.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return None
        state = None
        start = token.i
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss", "nmod"):
                state = state or self.state_of(child)
                start = min(start, child.left_edge.i)
        if state is None and title == "leader" and lemma != "counterpart":
            return None
        if lemma == "counterpart":  # "his Brazilian counterpart": a leader's counterpart only, not a minister's
            owner = next((self.refs.get(c.i) for c in token.children if c.dep_ == "poss"), None)
            actor = self.gaz.actors.get(owner.id) if owner is not None else None
            if actor is None or not any(r.held_on(self.day) and r.kind in ("hos", "hog") for r in actor.roles):
                return None
        if state is None:
            if not any(c.lower_ == "the" for c in token.children):
                return None
            holder = self.recent_holder(title)
        else:
            holder = self.gaz.holder(state, title, self.day)
        ref = self.actor_ref(holder, "role") if holder is not None else None
        if ref is None:  # "Prime Minister Jotham Napat ... the prime minister": a holder the text introduced
            known = self.offices.get((state, title))
            ref = Ref(known.id, known.name, known.kind, known.country, "role") if known is not None else None
        return ((start, token.i + 1), ref) if ref else None

    def title_of(self, token: Token) -> str | None:
        """The office a title noun names ("president", "foreign minister", "secretary of state")."""
        lemma = token.lemma_.lower()
        if lemma == "minister" and any(c.lower_ == "foreign" for c in token.children):
            return "foreign minister"
        if lemma == "secretary" and any(c.lower_ == "state" for c in token.subtree if c.i > token.i):
            return "foreign minister"
        if lemma == "minister" and token.i > 0 and self.doc[token.i - 1].lower_ == "prime":
            return "prime minister"
        return self.lex.titles.get(lemma)

    def note_title(self, ent: Span, ref: Ref) -> None:
        """Remember the office a person the gazetteer lacks is introduced with ("Prime Minister
        Jotham Napat", "Vanuatu's prime minister, Jotham Napat"), for "the prime minister" later."""
        root = ent.root
        candidates = [self.doc[ent.start - 1]] if ent.start > 0 else []
        if root.dep_ == "appos":
            candidates.append(root.head)
        candidates += [c for c in root.children if c.dep_ == "appos"]
        for token in candidates:
            title = self.title_of(token) if token.pos_ in ("NOUN", "PROPN") else None
            if title is None or title == "leader":
                continue
            state = next((s for c in token.children if c.i < token.i for s in [self.state_of(c)] if s), None)
            self.offices[(state, title)] = ref
            self.offices[(None, title)] = ref
            return

    def recent_holder(self, title: str) -> str | None:
        for _, ref, _ in reversed(self.history):
            actor = self.gaz.actors.get(ref.id)
            if actor and any(r.title == title and r.held_on(self.day) for r in actor.roles):
                return ref.id
        return None

    def antecedent(self, token: Token, want: str) -> Ref | None:
        sent_start = token.sent.start
        best, best_score = None, -1e9
        # "Blinken met Netanyahu and pressed him": an object pronoun is not its own clause's subject
        barred = self._clause_subjects(token.head) if token.dep_ in ("dobj", "obj", "dative") else set()
        for idx, ref, subj in reversed(self.history):
            if idx >= token.i:
                continue
            if not self.compatible(ref, want):
                continue
            if token.head.i == self.doc[idx].head.i and token.dep_ != "poss" and self.doc[idx].dep_ != "poss":
                continue  # co-arguments of one verb are not coreferent ("Trump told him")
            if idx in barred:
                continue
            sents_back = 0 if idx >= sent_start else sum(1 for s in range(idx + 1, sent_start + 1) if self.doc[s].is_sent_start)
            if sents_back > 3:
                break
            score = -10.0 * sents_back + (4.0 if subj else 0.0) - 0.01 * (token.i - idx)
            if ref.kind is ActorKind.PERSON and self.doc[idx].dep_ == "poss":
                score -= 2.0
            if score > best_score:
                best, best_score = ref, score
        return best

    @staticmethod
    def _clause_subjects(verb: Token) -> set[int]:
        """Token indices of the subject of ``verb`` and of the verbs it is conjoined to."""
        out: set[int] = set()
        for _ in range(4):
            out |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            if verb.dep_ != "conj" or verb.head is verb:
                break
            verb = verb.head
        return out

    def government(self, token: Token) -> Ref | None:
        """"the administration": the state of the most recently mentioned state or leader."""
        for _, ref, _ in reversed([h for h in self.history if h[0] < token.i]):
            if ref.kind is ActorKind.STATE:
                return ref
            if ref.kind is ActorKind.PERSON and ref.country and self.gaz.major_on(ref.id, self.day):
                return self.actor_ref(ref.country, "description")
        return None

    @staticmethod
    def compatible(ref: Ref, want: str) -> bool:
        if want == "person":
            return ref.kind is ActorKind.PERSON
        if want == "thing":
            return ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP)
        if want == "plural":
            return ref.kind in (ActorKind.STATE, ActorKind.ORGANIZATION, ActorKind.GROUP)
        return ref.kind is not None and ref.kind.value == want

    def run(self) -> Resolution:
        ents = {ent.start: ent for ent in self.doc.ents}
        i = 0
        doc = self.doc
        while i < len(doc):
            token = doc[i]
            ent = ents.get(i)
            if ent is not None and ent.start > 0 and _CLOCK.match(doc[ent.start - 1].text):
                i = ent.end  # "11:30 EAT": a time zone, not a body
                continue
            if ent is not None:
                ref = (len(ent) == 1 and self.hyphenated(ent[0])) or self.entity(ent) or self.armed_group(ent)
                if ref is not None and ref.kind is ActorKind.PERSON and ref.id not in self.gaz.actors:
                    self.note_title(ent, ref)
                if ref is not None:
                    self.mark(ent, ref)
                i = ent.end
                continue
            low = token.lower_
            hyphenated = self.hyphenated(token)
            if hyphenated is not None:
                self.mark((i, i + 1), hyphenated)
            elif token.pos_ == "PRON" and low == "it" and self.about_issue(token):
                issue = self.recent_issue(token)  # "declined to sign it", "the US vetoed it"
                if issue is not None:
                    self.mark((i, i + 1), issue)
            elif token.pos_ == "PRON" and low in _PRONOUN_KIND and not _pleonastic(token):
                members = self.coordinated(token) if _PRONOUN_KIND[low] == "plural" else []
                ref = members[0] if members else self.antecedent(token, _PRONOUN_KIND[low])
                if members:
                    self.groups[i] = members  # "Iran, Belarus and North Korea ... their assistance"
                if ref is not None:
                    self.mark((i, i + 1), Ref(ref.id, ref.name, ref.kind, ref.country, "pronoun"))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in words("crowds") and (crowd := self.crowd(token)) is not None:
                self.mark((i, i + 1), crowd)
            elif token.pos_ == "NOUN" and token.tag_ == "NNS" and low in _plural_kinds():
                members = self.plural(token)
                if members:
                    self.groups[i] = members
            elif token.pos_ in ("NOUN", "PROPN"):
                found = self.role(token)
                if found is not None:
                    self.mark(found[0], found[1])
                elif low in self.lex.descriptions and any(c.lower_ in ("the", "this", "that") for c in token.children) \
                        and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children) and token.dep_ != "compound" \
                        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):  # "the government of X"
                    ref = self.antecedent(token, self.lex.descriptions[low])
                    if low in _GOVERNMENT or (ref is None and self.lex.descriptions[low] == "State"):
                        ref = self.government(token) or ref
                    if ref is not None:
                        self.mark((token.left_edge.i, i + 1), Ref(ref.id, ref.name, ref.kind, ref.country, "description"))
            i += 1
        for token in doc:  # "the junta in Niamey", "the new government in Dhaka": the place names come later
            seat = self.seat_of(token) if token.pos_ == "NOUN" else None
            if seat is not None:
                self.mark((token.i, token.i + 1), seat)
        self.quotes()
        return Resolution(self.refs, self.spans, self.new, self.speakers, self.groups)

    def crowd(self, token: Token) -> Ref | None:
        """"Protesters", "the opposition": a collective actor of the state the article is mostly about
        (so Georgia's protesters and Serbia's are two actors), unless a state owns it ("Hungary's opposition")."""
        if any(c.dep_ in ("prep", "poss") and c.lower_ in ("to", "of") or c.dep_ == "poss" for c in token.children):
            return None
        states = Counter(ref.id for _, ref, _ in self.history if ref.kind is ActorKind.STATE)
        if not states:
            return None
        home = min(states, key=lambda s: (-states[s], s))
        name = str(word_table("crowds")[token.lemma_.lower()])
        ident = f"group-{name}-{home}"
        return self.new.setdefault(ident, Ref(ident, name, ActorKind.GROUP, home, "description: the article's crowd"))

    def seat_of(self, token: Token) -> Ref | None:
        """A government named by where it sits: "the junta in Niamey", "the authorities in Kabul"."""
        if self.lex.descriptions.get(token.lower_) != "State":
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                ref = self.refs.get(place.i) if place is not None else None
                if ref is not None and ref.kind is ActorKind.STATE:
                    return Ref(ref.id, ref.name, ref.kind, ref.country, "description")
        return None

    def about_issue(self, token: Token) -> bool:
        """A pronoun that is what someone signs, vetoes, rejects or backs: an issue, not an actor."""
        return token.dep_ in ("dobj", "obj") and token.head.lemma_ in self.lex.deal | words("issue_pronoun_verbs")

    def recent_issue(self, token: Token) -> Ref | None:
        """The last issue named in this sentence or the two before."""
        sents = [s.start for s in self.doc.sents if s.start <= token.i][-3:]
        for idx, ref in reversed(self.issues):
            if sents[0] <= idx < token.i:
                return ref
        return None

    def coordinated(self, token: Token) -> list[Ref]:
        """The actors a plural pronoun names again when they were listed together just before it
        ("Egypt and Jordan ... they", "sanctions on Iran, Belarus and North Korea over their aid")."""
        start = max(0, token.sent.start - 1)
        previous = self.doc[start].sent.start
        barred = self._clause_subjects(token.head) if token.dep_ in ("dobj", "obj", "dative") else set()
        for idx, _, _ in reversed(self.history):
            if idx >= token.i or idx in barred:
                continue
            if idx < previous:
                break
            head = self.doc[idx]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            found = (self.refs.get(t.i) for t in (head, *head.conjuncts))
            members = list({m.id: m for m in found if m is not None and m.kind is not None}.values())
            if len(members) > 1:
                return [Ref(m.id, m.name, m.kind, m.country, "pronoun") for m in members]
        return []

    def plural(self, token: Token) -> list[Ref]:
        """The actors a plural description names again: "both countries", "the two leaders", "the
        three juntas", "the warring sides" -> the nearest sentence naming exactly that many."""
        count = None
        for child in token.children:
            word = child.lower_
            if word == "both" and child.dep_ in ("det", "predet", "amod", "nummod", "preconj"):
                count = 2
            elif child.dep_ == "nummod" and word in word_table("counts"):
                count = int(word_table("counts")[word])
            elif word in ("warring", "rival", "opposing") and any(c.lower_ == "the" for c in token.children):
                count = 2
        if count is None:
            return []
        want = _plural_kinds()[token.lower_]
        sents = [s for s in self.doc.sents if s.start <= token.i][-3:]
        for sent in reversed(sents):
            found: dict[str, Ref] = {}
            for idx, ref, _ in self.history:
                member = self.as_kind(ref, want) if sent.start <= idx < min(sent.end, token.i) else None
                if member is not None:
                    found.setdefault(member.id, member)
            if len(found) > count and want == "any":  # "the two sides" after two ministers and their states
                states = {m.id: m for m in (self.as_kind(r, "State") for r in found.values()) if m is not None}
                found = states if len(states) == count else found
            if len(found) == count:
                return list(found.values())
            if len(found) > count:
                return []
        return []

    def as_kind(self, ref: Ref, want: str) -> Ref | None:
        """``ref`` as the kind a description wants (a leader stands for the state in "both countries")."""
        if want == "Person":
            return ref if ref.kind is ActorKind.PERSON else None
        if want == "State":
            if ref.kind is ActorKind.STATE:
                return Ref(ref.id, ref.name, ref.kind, ref.country, "description")
            if ref.kind is ActorKind.PERSON and ref.country:
                return self.actor_ref(ref.country, "description")
            return None
        return Ref(ref.id, ref.name, ref.kind, ref.country, "description") if ref.kind is not None else None

    def quotes(self) -> None:
        """First person inside a quotation is its speaker: "I" the speaker, "we" the speaker's
        state (or body). A quotation keeps its speaker across the sentences it runs over, and into a
        next paragraph that opens with a quotation mark (the newspaper convention)."""
        speaker: Ref | None = None
        inside = False
        for sent in self.doc.sents:
            if sent.start == 0 or "\n" in self.doc[sent.start - 1].text or "\n" in self.doc[sent.start - 1].whitespace_:
                inside = False  # a new paragraph closes any quotation
            starts_inside = inside
            spans: list[tuple[int, int]] = []
            start = sent.start if inside else None
            for tok in sent:
                if tok.text == '"' or tok.text.startswith('"') and len(tok.text) > 1 and not tok.is_alpha:
                    if inside and start is not None:
                        spans.append((start, tok.i))
                    inside, start = not inside, tok.i
            if inside and start is not None:
                spans.append((start, sent.end))
            opens = sent.text.lstrip().startswith('"')
            if not spans:
                speaker = None
                continue
            found = self.speaker_of(sent, spans)
            speaker = found or (speaker if starts_inside or opens else None)
            if speaker is None:
                continue
            self.speakers[sent.start] = speaker
            for lo, hi in spans:
                for tok in self.doc[lo:hi]:
                    low = tok.lower_
                    if low in ("i", "me", "my", "myself"):
                        self.refs[tok.i] = Ref(speaker.id, speaker.name, speaker.kind, speaker.country, "pronoun")
                        self.spans[tok.i] = (tok.i, tok.i + 1)
                    elif low in ("we", "us", "our", "ourselves"):
                        if speaker.kind is not ActorKind.PERSON:
                            group: Ref | None = speaker
                        elif speaker.country:
                            group = self.actor_ref(speaker.country, "pronoun")
                        else:
                            continue  # "our land" of a speaker whose state is unknown: not the speaker
                        if group is not None:
                            self.refs[tok.i] = Ref(group.id, group.name, group.kind, group.country, "pronoun")
                            self.spans[tok.i] = (tok.i, tok.i + 1)

    def speaker_of(self, sent: Span, spans: list[tuple[int, int]]) -> Ref | None:
        """The subject of a speech verb outside the quotation marks ('"...," Lavrov said')."""
        quoted = {i for lo, hi in spans for i in range(lo, hi)}
        for tok in sent:
            if tok.i in quoted or tok.pos_ != "VERB" or tok.lemma_ not in self.lex.speech:
                continue
            for child in tok.children:
                if child.dep_ == "nsubj" and child.i not in quoted:
                    ref = self.refs.get(child.i)
                    if ref is None:
                        ref = next((self.refs[t.i] for t in child.subtree if t.i in self.refs), None)
                    if ref is not None and ref.kind is not None:
                        return ref
        return None


def resolve_doc(doc: Doc, gaz: Gazetteer, lex: Lexicon, day: dt.date | None = None) -> Resolution:
    """Resolve every actor and issue mention of ``doc`` as of ``day`` (today if None)."""
    return _Resolver(doc, gaz, lex, day or dt.date.today()).run()
