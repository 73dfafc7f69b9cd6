"""Stage 1: sentences and mentions.

One pass of each low-level finder over the article: sentences, number phrases, dates and periods,
lexicon terms (actors, triggers, weapons, targets, victims, casualty terms, status cues) and place
names.  Everything later stages read comes from the :class:`Doc` built here, and every mention
carries its span.
"""

from __future__ import annotations

import datetime as dt
import logging
from bisect import bisect_left
from dataclasses import dataclass, field

from sitrep.model import Place, Quantity, Span
from sitrep.text.dates import DateMention, PeriodMention, find_dates, find_periods
from sitrep.text.lexicon import Lexicon, LexMatch
from sitrep.text.numbers import find_quantities
from sitrep.text.sentences import split_sentences

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Doc:
    """An article's text with every mention found in it, by kind, sorted by start offset."""

    text: str
    published: dt.date | None
    sentences: list[Span]
    quantities: list[Quantity]
    dates: list[DateMention]
    periods: list[PeriodMention]
    terms: list[LexMatch]  # all lexicon matches
    place_mentions: list  # geo.PlaceMention
    places: list[Place] = field(default_factory=list)  # resolved, one per distinct place
    caseless: bool = False  # the text has no case information (all lower or all upper)
    _sentence_starts: list[int] = field(default_factory=list)
    _term_starts: list[int] = field(default_factory=list)
    _quantity_starts: list[int] = field(default_factory=list)
    _place_spans: list = field(default_factory=list)
    _place_starts: list[int] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the previous one when between sentences)."""
        i = bisect_left(self._sentence_starts, offset + 1) - 1
        return max(i, 0)

    def terms_in(self, start: int, end: int, *kinds: str) -> list[LexMatch]:
        found = _within(self.terms, self._term_starts, start, end)
        return [m for m in found if not kinds or m.entry.kind in kinds]

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        return _within(self.quantities, self._quantity_starts, start, end)

    def places_in(self, start: int, end: int) -> list[tuple[Span, Place]]:
        """(mention span, resolved place) pairs whose mention lies in ``[start, end)``."""
        found = _within(self._place_spans, self._place_starts, start, end)
        return [(span, self.places[i]) for span, i in found]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return _within(self.dates, [d.span.start for d in self.dates], start, end)

    def periods_in(self, start: int, end: int) -> list[PeriodMention]:
        return _within(self.periods, [p.span.start for p in self.periods], start, end)

    def index(self) -> None:
        """(Re)build the offset indexes after the mention lists are set."""
        self._sentence_starts = [s.start for s in self.sentences]
        self.terms.sort(key=lambda m: (m.span.start, m.span.end))
        self._term_starts = [m.span.start for m in self.terms]
        self.quantities.sort(key=lambda q: q.span.start)
        self._quantity_starts = [q.span.start for q in self.quantities]
        pairs = sorted(
            ((span, i) for i, place in enumerate(self.places) for span in place.spans),
            key=lambda p: p[0].start,
        )
        self._place_spans = pairs
        self._place_starts = [p[0].start for p in pairs]


def _span_of(item):
    return item[0] if isinstance(item, tuple) else item.span


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """Items (sorted by start) whose span lies inside ``[start, end)``."""
    i = bisect_left(starts, start)
    out = []
    while i < len(items) and starts[i] < end:
        if _span_of(items[i]).end <= end:
            out.append(items[i])
        i += 1
    return out


def is_caseless(text: str) -> bool:
    """True when the text has (almost) no lower-case or no upper-case letters."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    share = upper / len(letters)
    return share < 0.01 or share > 0.9


KIND_GROUPS = (
    ("actor",),
    ("trigger",),
    ("weapon",),
    ("target",),
    ("victim",),
    ("casualty_term",),
    ("status_cue",),
)


def build_doc(text: str, *, published: dt.date | None, lexicon: Lexicon, geocode: bool = True) -> Doc:
    """Find every mention in ``text``."""
    from sitrep import geo

    caseless = is_caseless(text)
    sentences = split_sentences(text)
    # each kind is matched on its own so that a trigger ("grenade attack") and a weapon
    # ("grenade") can share words; within a kind the longest match wins.
    terms = [
        m
        for kinds in KIND_GROUPS
        for m in lexicon.find(text, kinds=kinds, case_sensitive_acronyms=not caseless)
    ]
    place_mentions = geo.find_place_mentions(text)
    # a place name inside a longer actor name ("Balochistan Liberation Army") is not a place;
    # a capital standing for its government ("Kabul refutes") still names the place
    actor_spans = [m.span for m in terms if m.entry.kind == "actor"]
    place_mentions = [
        pm
        for pm in place_mentions
        if not any(
            a.start <= pm.span.start and pm.span.end <= a.end and (a.end - a.start) > len(pm.name)
            for a in actor_spans
        )
    ]
    doc = Doc(
        text=text,
        published=published,
        sentences=sentences,
        quantities=find_quantities(text),
        dates=find_dates(text),
        periods=find_periods(text),
        terms=terms,
        place_mentions=place_mentions,
        caseless=caseless,
    )
    if geocode and place_mentions:
        doc.places = geo.resolve_places(text, place_mentions)
    else:
        doc.places = [
            Place(name=pm.name, spans=[pm.span], kind=pm.kind_hint) for pm in place_mentions
        ]
    doc.index()
    log.debug(
        "doc: %d sentences, %d quantities, %d dates, %d terms, %d places",
        len(sentences),
        len(doc.quantities),
        len(doc.dates),
        len(terms),
        len(doc.places),
    )
    return doc
