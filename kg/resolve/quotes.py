"""Quotations: who speaks, and first persons inside a quotation."""
from __future__ import annotations

from spacy.tokens import Span

from kg.records import ActorKind
from kg.resolve.base import _Base
from kg.resolve.refs import Ref


class _Quotes(_Base):
    def quotes(self) -> None:
        """First person inside a quotation is its speaker: "I" and a subject "we" the speaker,
        "us" and "our" the speaker's state (or body). A quotation keeps its speaker across the sentences it runs over, and into a
        next paragraph that opens with a quotation mark (the newspaper convention)."""
        inside = False
        runs: list[list[tuple[Span, list[tuple[int, int]], Ref | None]]] = []  # quotations, sentence by sentence
        opened: list[bool] = []  # a run opens a paragraph with a quotation mark (it may continue the last speaker)
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
            if not spans:
                runs.append([])  # a sentence without quotation ends the speaker's turn
                opened.append(False)
                continue
            entry = (sent, spans, self.speaker_of(sent, spans))
            if starts_inside and runs and runs[-1]:
                runs[-1].append(entry)
            else:
                runs.append([entry])
                opened.append(sent.text.lstrip().startswith('"'))
        speaker: Ref | None = None
        for run, opens in zip(runs, opened, strict=True):
            # '"..." ... the minister said' at the end of a quotation speaks for all of it
            found = next((f for _, _, f in run if f is not None), None)
            speaker = found or (speaker if opens and run else None)
            for sent, spans, own in run:
                self.assign_quote(sent, spans, own or speaker)

    def assign_quote(self, sent: Span, spans: list[tuple[int, int]], speaker: Ref | None) -> None:
        """First persons inside the quotation marks of ``sent`` as ``speaker`` and their state."""
        if speaker is None:
            return
        self.speakers[sent.start] = speaker
        for lo, hi in spans:
            for tok in self.doc[lo:hi]:
                low = tok.lower_
                if low in ("i", "me", "my", "myself"):
                    self.refs[tok.i] = speaker.found_as("pronoun")
                    self.spans[tok.i] = (tok.i, tok.i + 1)
                elif low in ("we", "us", "our", "ourselves"):
                    group: Ref | None
                    if low == "we" and tok.dep_ == "nsubj" and speaker.kind is ActorKind.PERSON \
                            and self.gaz.major_on(speaker.id, self.day):
                        group = speaker  # '"We will never accept intervention," the president said': the leader speaks for her side
                    elif speaker.kind is not ActorKind.PERSON:
                        group = speaker
                    elif speaker.country:
                        group = self.actor_ref(speaker.country, "pronoun")
                    elif low in ("we", "us"):
                        group = speaker  # "we will not accept ...", said by someone whose state is unknown: the speaker
                    else:
                        continue  # "our land" of a speaker whose state is unknown: not the speaker's own
                    if group is not None:
                        self.refs[tok.i] = group.found_as("pronoun")
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
                    if ref is None:  # "the Philippine defence secretary, Ramon Cruz, said": the person, not the demonym
                        found = [self.refs[t.i] for t in child.subtree if t.i in self.refs and self.refs[t.i].kind is not None]
                        ref = next((r for r in found if r.kind is ActorKind.PERSON), found[0] if found else None)
                    if ref is not None and ref.kind is not None:
                        return ref
        return None
