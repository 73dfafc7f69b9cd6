"""Stage 1: sentences and mentions.

One pass of each low-level finder over the article: sentences, number phrases, dates and periods,
lexicon terms (actors, triggers, weapons, targets, victims, casualty terms, status cues) and place
names.  Everything later stages read comes from the :class:`Doc` built here, and every mention
carries its span.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from sitrep.extract import names
from sitrep.model import Place, PlaceKind, Quantity, Span
from sitrep.text.case import is_caseless
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
    body_start: int = 0  # offset after a headline line (0 when the text has none)
    dateline: Span | None = None  # "RAWALPINDI, May 20 (Wire) -": where the report was filed
    wave_article: bool = False  # the first sentences describe a coordinated wave (set by stage 3)
    _sentence_starts: list[int] = field(default_factory=list)
    _term_starts: list[int] = field(default_factory=list)
    _quantity_starts: list[int] = field(default_factory=list)
    _place_spans: list = field(default_factory=list)
    _place_starts: list[int] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _period_starts: list[int] = field(default_factory=list)

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
        return _within(self.dates, self._date_starts, start, end)

    def periods_in(self, start: int, end: int) -> list[PeriodMention]:
        return _within(self.periods, self._period_starts, start, end)

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
        self._date_starts = [d.span.start for d in self.dates]
        self._period_starts = [p.span.start for p in self.periods]


def _span_of(item):
    return item[0] if isinstance(item, tuple) else item.span


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """Items (sorted by start) whose span lies inside ``[start, end)``."""
    i = bisect_left(starts, start)
    n = len(items)
    if i >= n or starts[i] >= end:
        return []
    j = bisect_left(starts, end, i)  # every list indexed here is sorted by start
    if isinstance(items[i], tuple):
        return [it for it in items[i:j] if it[0].end <= end]
    return [it for it in items[i:j] if it.span.end <= end]


_HEADLINE_MAX = 160
_DATELINE = re.compile(
    r"[ \t]*((?:[A-Z][A-Za-z.'\u2019-]*[ \t]+){0,3}[A-Z][A-Za-z.'\u2019-]*)"
    r"(?:,[ \t]*[A-Z][A-Za-z0-9 .'-]{1,30}){0,2}"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?::|[-\u2013\u2014]{1,2}[ \t])"
)


def headline_end(text: str) -> int:
    """Offset where the body starts when the first line is a headline (0 when it is not).

    A headline is a short first line with no final punctuation followed by more text; it repeats
    what the body reports, so it is not read for events or figures (they would be counted twice).
    """
    nl = text.find("\n")
    if nl <= 0:
        return 0
    first = text[:nl].strip()
    rest = text[nl:].strip()
    if not first or not rest or len(first) > _HEADLINE_MAX or first[-1] in ".!?\"\u201d'":
        return 0
    return nl + 1


def find_dateline(text: str, body_start: int) -> Span | None:
    """The dateline place at the start of the body ("RAWALPINDI:", "Kabul, Afghanistan -")."""
    m = _DATELINE.match(text, body_start)
    if m is None or len(m.group(1)) < 3:
        return None
    # "QUETTA:" (capitals) or "Quetta, Pakistan (AP) -" (a dash or agency): not "On Monday: ..."
    if not m.group(1).isupper() and m.group(0).rstrip()[-1] == ":" and "(" not in m.group(0):
        return None
    return Span.of(text, m.start(1), m.end())


KIND_GROUPS = (
    ("actor",),
    ("trigger",),
    ("weapon",),
    ("target",),
    ("victim",),
    ("casualty_term",),
    ("status_cue",),
    ("context_cue",),
)


#: words an object between the two parts of a split alias may have ("set the two trucks
#: loaded with ore on fire")
SPLIT_GAP_WORDS = 6


def _split_pattern(alias: str) -> re.Pattern[str]:
    head, tail = (part.strip() for part in alias.split("...", 1))
    words = r"\s+".join(re.escape(w) for w in head.split())
    rest = r"\s+".join(re.escape(w) for w in tail.split())
    return re.compile(
        rf"\b({words})\s+(?:[\w'-]+,?\s+){{1,{SPLIT_GAP_WORDS}}}?{rest}\b", re.IGNORECASE
    )


def _split_alias_matches(text: str, lexicon: Lexicon, terms: list[LexMatch]) -> list[LexMatch]:
    """Trigger aliases written with a gap for the verb's object (``split_aliases``: "set ... on
    fire" finds "set two trucks on fire"): a match whose span is the words before the gap, where
    no trigger was found already."""
    taken = [(m.span.start, m.span.end) for m in terms if m.entry.kind == "trigger"]
    out: list[LexMatch] = []
    for entry in lexicon.entries("trigger"):
        for alias in entry.attrs.get("split_aliases", ()):
            for found in _split_pattern(alias).finditer(text):
                a, b = found.span(1)
                if any(x < found.end() and a < y for x, y in taken):
                    continue
                out.append(LexMatch(entry, Span.of(text, a, b)))
                taken.append((a, found.end()))
    return out


def _join_split_names(text: str, mentions: list) -> list:
    """Two place mentions with one space between them are one name the gazetteer lacks
    ("Mir Ali" is not "Mir" in Belarus and "Ali" in India)."""
    import dataclasses

    from sitrep.geo.gazetteer import fold

    out: list = []
    for pm in sorted(mentions, key=lambda m: m.span.start):
        prev = out[-1] if out else None
        if prev is not None and text[prev.span.end : pm.span.start] == " " and not prev.qualifier:
            span = Span.of(text, prev.span.start, pm.span.end)
            out[-1] = dataclasses.replace(
                pm,
                span=span,
                name=span.text,
                key=fold(span.text),
                near=prev.near or pm.near,
                cued=prev.cued or pm.cued,
            )
            continue
        out.append(pm)
    return out


def build_doc(
    text: str,
    *,
    published: dt.date | None,
    lexicon: Lexicon,
    geocode: bool = True,
    outlet_country: str | None = None,
) -> Doc:
    """Find every mention in ``text``; ``outlet_country`` (ISO2) is a weak hint for places."""
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
    terms.extend(_split_alias_matches(text, lexicon, terms))
    place_mentions = _join_split_names(text, geo.find_place_mentions(text))
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
    if caseless:
        # no capitals mark a person's name: "judge carlos valencia garcia" names no Valencia,
        # nor does the name again with no locative before it ("valencia was shot")
        low = text.lower()
        spans = [pm.span for pm in place_mentions]
        in_names = {
            pm.key
            for pm in place_mentions
            if pm.kind_hint == PlaceKind.UNKNOWN
            and names.place_in_person_name(low, pm.span.start, pm.span.end, other_places=spans)
        }
        place_mentions = [
            pm
            for pm in place_mentions
            if pm.key not in in_names
            or pm.kind_hint != PlaceKind.UNKNOWN
            or (
                pm.cued
                and not names.place_in_person_name(
                    low, pm.span.start, pm.span.end, other_places=spans
                )
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
    doc.body_start = headline_end(text)
    doc.dateline = find_dateline(text, doc.body_start)
    if geocode and place_mentions:
        doc.places = geo.resolve_places(text, place_mentions, outlet_country=outlet_country)
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
