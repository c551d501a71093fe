"""Quotations: who speaks, and first persons inside a quotation."""
from __future__ import annotations

from spacy.tokens import Span

from kg.records import ActorKind
from kg.resolve.base import _Base
from kg.resolve.refs import Ref


class _Quotes(_Base):
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
