"""Sentence boundaries for news text, as character spans.

A rule splitter: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes or
brackets) before whitespace and an upper-case letter, digit or opening quote, unless the word before
the full stop is a known abbreviation ("Lt.", "Col.", "Gen.", "Mr.", "U.S.") or a single initial.
A blank line or a line break after a line without final punctuation (a headline) also ends one.

Text without case information (all lower-case like MUC-4 messages, or ALL CAPS wires; see
:func:`sitrep.text.case.is_caseless`) has no capital to look for, so there a sentence ends at
``.``, ``!`` or ``?`` (and closing quotes/brackets) before any whitespace, unless the word before
is an abbreviation ("col.", "gen.", "lt.") or a run of initials ("u.s.", "a.m."): the full-stop
rule, :func:`full_stop_cuts`, which role reading also uses inside sentences.  "2.5" never ends a
sentence (no whitespace after the point).  Only blank lines break caseless paragraphs.
Rules, not a model: fast (millions of characters a second) and deterministic.
"""

from __future__ import annotations

import re

from sitrep.model import Span
from sitrep.text.case import is_caseless

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt brig adm cmdr cdr gov sen rep
    st mt ft no nos vol jan feb mar apr jun jul aug sep sept oct nov dec
    inc ltd co corp dept govt est approx vs etc al fig jr sr rev hon supt insp dsp sho asp ssp
    """.split()
)

# candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace
_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])""")
_PARAGRAPH = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[A-Z0-9\"\u201c])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")

# the full-stop rule (no capital needed): terminal punctuation, closing quotes, whitespace
_FULL_STOP = re.compile(r"[.!?]+[\"')’”]*\s+")
_FULL_STOP_ABBREVIATION = re.compile(
    r"(?:\b\w\.)+$|\b(?:col|gen|lt|capt|sgt|maj|dr|mr|mrs|ms|msgr|fr|sen|rep|gov|st|jr|no|rev|prof|eng)\.$",
    re.I,
)


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if "." in word:  # "U.S", "a.m"
        return True
    return word.lower() in ABBREVIATIONS


def full_stop_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end in ``text[start:end]`` by the full-stop rule (needs
    no capitals): terminal punctuation and closing quotes followed by whitespace (the cut comes
    after the whitespace), except after an abbreviation or initials."""
    cuts: list[int] = []
    for m in _FULL_STOP.finditer(text, start, end):
        if _FULL_STOP_ABBREVIATION.search(text[max(start, m.start() - 12) : m.start() + 1]):
            continue
        cuts.append(m.end())
    return cuts


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, caseless: bool | None = None
) -> list[Span]:
    """Sentence spans of ``text[start:end]`` with leading/trailing whitespace trimmed.

    ``caseless`` (default: :func:`is_caseless` of ``text``) selects the full-stop rule."""
    end = len(text) if end is None else end
    if caseless is None:
        caseless = is_caseless(text)
    cuts: list[int] = []
    if caseless:
        cuts.extend(full_stop_cuts(text, start, end))
        cuts.extend(m.start() for m in _BLANK_LINE.finditer(text, start, end))
    else:
        for m in _BOUNDARY.finditer(text, start, end):
            if _is_abbreviation(text, m.start()):
                continue
            cuts.append(m.end())
        for m in _PARAGRAPH.finditer(text, start, end):
            # a single line break ends a sentence only after a line with no final punctuation
            # (headline, dateline, list item) or when it is a paragraph break.
            cuts.append(m.start())
    cuts = sorted(set(cuts))
    spans: list[Span] = []
    pos = start
    for cut in [*cuts, end]:
        if cut <= pos:
            continue
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
        pos = cut
    return spans


def sentence_index(sentences: list[Span], offset: int) -> int | None:
    """Index of the sentence holding character ``offset`` (binary search), None if between."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None
