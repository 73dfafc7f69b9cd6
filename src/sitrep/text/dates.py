"""Dates and periods in news text, and their resolution against the publication date.

* :func:`find_dates` finds date expressions ("February 2", "2 Feb 2026", "2026-02-02", "on
  Saturday", "late Sunday night", "yesterday", "last week", "in January", "in 2021") as
  :class:`DateMention` records holding the fields read, with their character spans.
* :func:`find_periods` finds durations and periods ("within 48 hours", "in the past year",
  "since January", "in recent months") as :class:`PeriodMention` records with a rough length in
  days: they tell aggregate and background figures from the count of one event.
* :func:`resolve_date` turns a mention into a :class:`sitrep.model.EventDate` against the
  publication date.  Without one, it never invents a year.

Our own regular expressions, compiled at import: the common English forms need no date library,
and general date parsers read "48 hours" as a date.  The rules and their reasons are listed in
docs/numbers-and-dates.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sitrep.model import DatePrecision, EventDate, Span
from sitrep.text.numbers import words_to_int

__all__ = [
    "DateMention",
    "PeriodMention",
    "find_dates",
    "find_periods",
    "resolve_date",
    "MONTHS",
    "WEEKDAYS",
]

# --------------------------------------------------------------------------- vocabulary

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _i
    WEEKDAYS[_name[:3].lower()] = _i
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

# counts of periods that are not cardinals in words (those are read by numbers.words_to_int)
_VAGUE_COUNTS = {"a": 1, "an": 1, "few": 3, "several": 3, "couple of": 2}
_UNIT_DAYS = {
    "hour": 1 / 24,
    "day": 1,
    "night": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30,
    "quarter": 91,
    "year": 365,
    "decade": 3650,
}

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_NAME = rf"(?P<mon>{_MON})(?:\.(?!\w)|(?![\w]))"
_WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|weds|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)"
)
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_POD = r"(?P<pod>morning|afternoon|evening|night|midnight|noon)"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|forty-eight|seventy-two|few|several|couple\s+of)"

# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class DateMention:
    """A date expression as written and the fields read from it (nothing resolved yet).

    ``kind`` is one of ``absolute`` ("February 2", "2 Feb 2026", "on the 2nd"), ``weekday``
    ("on Saturday", "late Sunday night"), ``relative`` ("yesterday", "last night", "last week",
    "the day before"), ``month_only`` ("in January 2024") or ``year_only`` ("in 2021").
    ``weekday`` counts from Monday = 0.  A relative mention carries one offset from the
    publication date: ``offset_days``, ``offset_weeks`` (0 this week, -1 last week) or
    ``offset_months``; all three None means it is relative to another event ("the day before")
    and cannot be resolved from the publication date.
    """

    span: Span
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset_days: int | None = None
    offset_weeks: int | None = None
    offset_months: int | None = None
    part_of_day: str | None = None
    approximate: bool = False
    direction: str | None = None  # "last" / "next" / "this" before a weekday

    @property
    def text(self) -> str:
        return self.span.text


@dataclass(slots=True)
class PeriodMention:
    """A duration or period: "within 48 hours" (duration), "in the past year" (past_period),
    "since January", "last year" (calendar_period), "in the conflict" (war: a count over a whole
    war).  ``days`` is a rough length (None: unknown without the publication date, e.g. "since
    2020")."""

    span: Span
    kind: str
    days: float | None

    @property
    def text(self) -> str:
        return self.span.text


# --------------------------------------------------------------------------- date patterns

_FLAGS = re.I

_ISO = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")
_MONTH_DAY = re.compile(
    rf"\b(?=[fmtwsjaond])(?:(?P<wd>{_WD_FULL}),?\s+)?{_MONTH_NAME}\s*{_DAY}(?![\w:])"
    rf"(?:,?\s+{_YEAR}(?![\w]))?",
    _FLAGS,
)
_DAY_MONTH = re.compile(
    rf"\b(?=[fmtwsd0-9])(?:(?P<wd>{_WD_FULL}),?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH_NAME}"
    rf"(?:,?\s+{_YEAR}(?![\w]))?",
    _FLAGS,
)
_ON_THE_NTH = re.compile(
    r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z])", _FLAGS
)
_WEEKDAY = re.compile(
    r"\b(?=[elmtwfsnp])(?:(?P<q>late|early)\s+(?:on\s+)?)?(?:(?P<dir>last|this|next|past)\s+)?"
    rf"(?P<wd>{_WD_FULL})(?:\s+(?P<q2>late|early))?(?:\s+{_POD})?\b",
    _FLAGS,
)
_EARLY_HOURS = re.compile(
    rf"\b(?=[tesw])(?:the\s+)?(?P<q>early|small|wee)\s+hours\s+of\s+(?:(?P<dir>last|this)\s+)?(?P<wd>{_WD_FULL})\b",
    _FLAGS,
)
_RELATIVE = re.compile(
    r"\b(?=[tyelaofsnd0-9])(?:"
    r"(?P<dby>(?:the\s+)?day\s+before\s+yesterday)"
    rf"|(?:(?P<q>late|early)\s+)?(?P<yday>yesterday)(?:\s+{_POD})?"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<overnight>overnight)(?!\s+(?:stay|curfew|shift|train|bus|flight))"
    r"|(?:(?P<q3>late|early)\s+)?(?P<lastnight>last\s+night)"
    rf"|(?P<ago>(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several|a\s+couple\s+of)\s+(?P<agounit>day|week|month)s?\s+ago)"
    r"|(?P<week>(?:(?:earlier|later)\s+)?(?<!the\s)(?:this|last)\s+week(?:end)?)"
    r"|(?P<month>(?:(?:earlier|later)\s+)?(?:this|last)\s+month)"
    r"|(?P<narr>the\s+(?:day|night)\s+before|the\s+(?:previous|preceding|next|following)\s+(?:day|night|morning|evening)|a\s+day\s+(?:earlier|later))"
    r")\b",
    _FLAGS,
)
_MONTH_ONLY = re.compile(
    r"\b(?=[idobuaftlemjsnd])(?:(?P<prep>in|during|of|by|until|before|after|from|throughout|early|late|mid|"
    rf"earlier\s+in|later\s+in)[\s-]+)?{_MONTH_NAME}(?:\s+(?:of\s+)?{_YEAR})?(?![\w])(?!\s*\d)",
    _FLAGS,
)
_YEAR_ONLY = re.compile(
    r"\b(?=[iobelm])(?:(?P<prep>in|of|by|early|late|mid)[\s-]+)(?:the\s+year\s+)?"
    rf"{_YEAR}(?![\w'\u2019-])(?!\s*[-\u2013/]\s*\d)",
    _FLAGS,
)

_MAY_TAIL = re.compile(r"\s*(?:,?\s*(?:1[89]|20)\d\d\b|[.,;:)]|$)")


def _mkspan(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _absolute(text: str, lo: int, hi: int) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _ISO.finditer(text, lo, hi):
        y, mo, d = int(m.group("year")), int(m.group("m")), int(m.group("day"))
        if _valid(y, mo, d):
            out.append(DateMention(_mkspan(text, *m.span()), "absolute", y, mo, d))
    for rx in (_MONTH_DAY, _DAY_MONTH):
        for m in rx.finditer(text, lo, hi):
            mon = m.group("mon")
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            if not 1 <= day <= 31:
                continue
            if mon.lower() == "may" and mon[0] != "M":
                # lower-case 'may': a date only with a year or before punctuation ("on may 5.")
                if year is None and not _MAY_TAIL.match(text, m.end(), min(hi, m.end() + 8)):
                    continue
            month = MONTHS[mon.lower().rstrip(".")]
            if day > calendar.monthrange(year or 2000, month)[1]:
                continue
            wd = WEEKDAYS[m.group("wd").lower()] if m.group("wd") else None
            start = m.start()
            if rx is _DAY_MONTH and text[start : start + 4].lower() == "the ":
                start += 4
            out.append(DateMention(_mkspan(text, start, _end(m)), "absolute", year, month, day, wd))
    for m in _ON_THE_NTH.finditer(text, lo, hi):
        day = int(m.group("day"))
        if 1 <= day <= 31:
            s = m.start("day") - len("the ")
            out.append(DateMention(_mkspan(text, s, m.end()), "absolute", None, None, day))
    return out


def _end(m: re.Match[str]) -> int:
    """End of a match, leaving out a full stop after a month name written in full."""
    end = m.end()
    if m.end("mon") == end - 1 and m.group("mon").lower() not in _ABBREVIATED:
        return end - 1
    return end


_ABBREVIATED = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _weekdays(text: str, lo: int, hi: int) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _WEEKDAY.finditer(text, lo, hi):
        q = (m.group("q") or m.group("q2") or "").lower()
        pod = (m.group("pod") or "").lower() or None
        part = f"{q} {pod}" if q and pod else (f"{q} morning" if q == "early" else pod)
        if q == "late" and not pod:
            part = "late"
        out.append(
            DateMention(
                _mkspan(text, *m.span()),
                "weekday",
                weekday=WEEKDAYS[m.group("wd").lower()],
                part_of_day=part,
                approximate=bool(q),
                direction=(m.group("dir") or "").lower() or None,
            )
        )
    for m in _EARLY_HOURS.finditer(text, lo, hi):
        out.append(
            DateMention(
                _mkspan(text, *m.span()),
                "weekday",
                weekday=WEEKDAYS[m.group("wd").lower()],
                part_of_day="early hours",
                direction=(m.group("dir") or "").lower() or None,
            )
        )
    return out


def _count(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower()).removeprefix("a ").strip()
    if w.isdigit():
        return int(w)
    if w in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[w]
    return words_to_int(w)


def _relatives(text: str, lo: int, hi: int) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _RELATIVE.finditer(text, lo, hi):
        span = _mkspan(text, *m.span())
        g = m.lastgroup
        if m.group("dby"):
            out.append(DateMention(span, "relative", offset_days=-2))
        elif m.group("yday"):
            q = (m.group("q") or "").lower()
            pod = (m.group("pod") or "").lower() or None
            part = f"{q} {pod}" if q and pod else (pod or (q or None))
            out.append(
                DateMention(span, "relative", offset_days=-1, part_of_day=part, approximate=bool(q))
            )
        elif m.group("today"):
            w = m.group("today").lower()
            part = None if w == "today" else ("night" if w == "tonight" else w.split()[-1])
            out.append(DateMention(span, "relative", offset_days=0, part_of_day=part))
        elif m.group("overnight"):
            # the night before the day the article (or its statement) speaks from
            out.append(
                DateMention(span, "relative", offset_days=0, part_of_day="night", approximate=True)
            )
        elif m.group("lastnight"):
            q = (m.group("q3") or "").lower()
            out.append(
                DateMention(
                    span,
                    "relative",
                    offset_days=-1,
                    part_of_day=f"{q} night" if q else "night",
                    approximate=bool(q),
                )
            )
        elif m.group("ago"):
            n = _count(m.group("n"))
            unit = m.group("agounit").lower()
            fuzzy = m.group("n").lower() in {"few", "a few", "several", "a couple of"}
            if n is None:
                continue
            if unit == "day":
                out.append(DateMention(span, "relative", offset_days=-n, approximate=fuzzy))
            elif unit == "week":
                out.append(DateMention(span, "relative", offset_days=-7 * n, approximate=True))
            else:
                out.append(DateMention(span, "relative", offset_months=-n, approximate=True))
        elif m.group("week"):
            w = m.group("week").lower()
            off = -1 if ("last" in w or "past" in w) else 0
            out.append(DateMention(span, "relative", offset_weeks=off, approximate=True))
        elif m.group("month"):
            w = m.group("month").lower()
            off = -1 if "last" in w else 0
            out.append(DateMention(span, "relative", offset_months=off, approximate=True))
        elif g == "narr" or m.group("narr"):
            out.append(DateMention(span, "relative", approximate=True))
    return out


def _months_years(text: str, lo: int, hi: int) -> list[DateMention]:
    out: list[DateMention] = []
    for m in _MONTH_ONLY.finditer(text, lo, hi):
        prep = (m.group("prep") or "").lower()
        year = int(m.group("year")) if m.group("year") else None
        mon = m.group("mon")
        if not prep and year is None:
            continue  # a bare month name: "March" may be a verb, "May" a modal
        if mon.lower() == "may" and mon[0] != "M" and year is None:
            continue
        if (
            mon.lower()
            in {"mar", "jun", "jul", "sep", "oct", "nov", "dec", "jan", "feb", "apr", "aug"}
            and year is None
            and mon[0].islower()
        ):
            continue  # "in dec" is too thin in lower-case text
        start = m.start("mon")
        if prep in {"early", "late", "mid"}:
            start = m.start()
        out.append(
            DateMention(
                _mkspan(text, start, _end(m)),
                "month_only",
                year,
                MONTHS[mon.lower()],
                approximate=prep in {"early", "late", "mid"},
            )
        )
    for m in _YEAR_ONLY.finditer(text, lo, hi):
        prep = m.group("prep").lower()
        start = m.start() if prep in {"early", "late", "mid"} else m.start("year")
        out.append(
            DateMention(
                _mkspan(text, start, m.end()),
                "year_only",
                int(m.group("year")),
                approximate=prep in {"early", "late", "mid"},
            )
        )
    return out


def _non_overlapping(items: list) -> list:  # type: ignore[type-arg]
    items.sort(key=lambda x: (x.span.start, -(x.span.end - x.span.start)))
    out: list = []  # type: ignore[type-arg]
    for x in items:
        if out and x.span.start < out[-1].span.end:
            if x.span.end - x.span.start > out[-1].span.end - out[-1].span.start:
                out[-1] = x
            continue
        out.append(x)
    return out


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, sorted by start, non-overlapping (longest
    wins).  Spans are absolute offsets into ``text`` and leave out a leading "on" / "in"."""
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    if lo >= hi:
        return []
    found = _absolute(text, lo, hi)
    found += _weekdays(text, lo, hi)
    found += _relatives(text, lo, hi)
    found += _months_years(text, lo, hi)
    return _non_overlapping(found)


# --------------------------------------------------------------------------- periods

_PERIODS = re.compile(
    r"\b(?=[iodfwatrslpenb0-9])(?:"
    # in the past 48 hours, over the last two years, during the previous week, for the past decade
    r"(?P<past>(?:(?:in|over|during|for|within|throughout)\s+)?the\s+(?:past|last|previous|preceding)\s+"
    rf"(?:(?P<pn>{_NUMW})[\s-]+)?(?P<punit>hour|day|night|week|fortnight|month|quarter|year|decade)s?)"
    # within 48 hours, in 48 hours, over three days, for two weeks, in a single day
    rf"|(?P<dur>(?:within|in|over|for|during|across)\s+(?:(?:just|only|less\s+than|more\s+than|about|some)\s+)?"
    rf"(?:(?P<dn>{_NUMW})|a\s+single|one\s+single|a\s+(?:period|span)\s+of\s+(?P<dn2>{_NUMW}))[\s-]+"
    r"(?P<dunit>hour|day|night|week|fortnight|month|year|decade)s?)"
    # a 48-hour period, a three-day operation
    rf"|(?P<adj>(?P<an>\d+|two|three|four|five|six|seven|ten|forty-eight|seventy-two)-(?P<aunit>hour|day|week|month|year)(?=\s+(?:period|span|window|operation|offensive|campaign|siege|battle|standoff|gunfight|clash|spree|wave)))"
    # in recent months, in recent weeks, over recent years
    r"|(?P<recent>(?:(?:in|over|during)\s+)?(?:the\s+)?recent\s+(?P<runit>day|week|month|year)s)"
    r"|(?P<pastfew>(?:(?:in|over|during)\s+)?the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+(?P<fu>day|week|month|year)s)"
    # so far this year, this year, last year, since January, since 2020, during 2025
    r"|(?P<sofar>so\s+far\s+(?:this|in)\s+(?:year|month|week)|so\s+far\s+in\s+(?:1[89]|20)\d\d)"
    r"|(?P<thisyear>(?:earlier\s+|later\s+)?(?:this|last|past)\s+year)(?!'s|\u2019s)"
    rf"|(?P<since>since\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MON}(?:\s+(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d|the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(?:year|month|(?:1[89]|20)\d\d)))"
    r"|(?P<during>(?:during|throughout|over|across)\s+(?:the\s+(?:whole\s+|entire\s+)?(?:year\s+)?)?(?:1[89]|20)\d\d)"
    # in 2024 (a whole year; "in January 2024" is a date)
    r"|(?P<inyear>in\s+(?:1[89]|20)\d\d(?!\s*[-\u2013]))"
    # since the war began, since the campaign started, since the start of the insurgency: the
    # length is unknown (read as background)
    r"|(?P<sinceevent>since\s+the\s+(?:(?:start|beginning|outbreak|onset)\s+of\s+the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:war|campaign|conflict|insurgency|offensive|crisis|uprising|invasion|"
    r"revolution|coup|fighting|violence|unrest|occupation|ceasefire|truce)"
    r"(?:\s+(?:began|started|erupted|broke\s+out|was\s+launched|took\s+effect))?)"
    # for decades, for years, over the years: a long stretch
    r"|(?P<longrun>(?:for|over\s+the)\s+(?:many\s+|several\s+)?(?P<lu>decade|year|month)s)"
    # in the conflict, during the civil war: the whole of a war (a count over it is background)
    r"|(?P<war>(?:in|during|throughout)\s+the\s+(?:[\w-]+\s+)?(?:conflict|war|insurgency)(?!\s+(?:on|against|zone)\b))"
    # since Thursday: a few days
    rf"|(?P<sincewd>since\s+(?:last\s+)?{_WD_FULL})"
    # between July and October, between 1985 and 2018, from 2019 to 2023
    rf"|(?P<between>(?:between|from)\s+(?P<b1>{_MON}|(?:1[89]|20)\d\d)\s+(?:and|to|until)\s+(?P<b2>{_MON}|(?:1[89]|20)\d\d))"
    # after a year in which, in a decade in which
    r"|(?P<inwhich>a\s+(?P<wunit>year|decade|month)\s+in\s+which)"
    r")(?![\w])",
    _FLAGS,
)


def _unit_days(unit: str) -> float:
    return _UNIT_DAYS[unit.lower()]


def _between_days(a: str, b: str) -> float:
    """Rough length of "between July and October" (months) or "between 1985 and 2018" (years)."""
    if a.isdigit() and b.isdigit():
        return max(1, int(b) - int(a)) * 365.0
    if not a.isdigit() and not b.isdigit():
        ma, mb = _month_number(a), _month_number(b)
        return float(((mb - ma) % 12 or 12) * 30)
    return 365.0


def _month_number(name: str) -> int:
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(name[:3].lower()) + 1


#: a capitalised period word followed by "of" and a capitalised word names a day or a season
#: ("Day of the Dead", "Week of Prayer", "Year of the Dragon")
_NAMED_DAY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Durations and periods in ``text[start:end]`` with a rough length in days, sorted and
    non-overlapping.  "in separate encounters" is not a period; "48 hours" is not a date."""
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    out: list[PeriodMention] = []
    for m in _PERIODS.finditer(text, lo, hi):
        if _NAMED_DAY.match(text, m.end()) and re.search(r"[A-Z]\w*$", m.group(0)):
            continue  # "during a Day of the Dead festival": a feast's name, not a period
        span = _mkspan(text, *m.span())
        days: float | None
        if m.group("past"):
            n = _count(m.group("pn")) if m.group("pn") else 1
            days = (n or 1) * _unit_days(m.group("punit"))
            out.append(PeriodMention(span, "past_period", days))
        elif m.group("dur"):
            word = m.group("dn") or m.group("dn2")
            n = _count(word) if word else 1
            if n is None:
                continue
            out.append(PeriodMention(span, "duration", n * _unit_days(m.group("dunit"))))
        elif m.group("adj"):
            n = _count(m.group("an"))
            out.append(PeriodMention(span, "duration", (n or 1) * _unit_days(m.group("aunit"))))
        elif m.group("recent"):
            unit = m.group("runit").lower()
            days = {"day": 7, "week": 21, "month": 90, "year": 3 * 365}[unit]
            out.append(PeriodMention(span, "past_period", days))
        elif m.group("pastfew"):
            out.append(PeriodMention(span, "past_period", 3 * _unit_days(m.group("fu"))))
        elif m.group("sofar"):
            w = m.group("sofar").lower()
            days = 7 if w.endswith("week") else 30 if w.endswith("month") else 365
            out.append(PeriodMention(span, "calendar_period", days))
        elif m.group("thisyear"):
            w = m.group("thisyear").lower()
            kind = "past_period" if "past" in w else "calendar_period"
            out.append(PeriodMention(span, kind, 365))
        elif m.group("since"):
            out.append(PeriodMention(span, "calendar_period", None))
        elif m.group("during") or m.group("inyear"):
            out.append(PeriodMention(span, "calendar_period", 365))
        elif m.group("sinceevent"):
            out.append(PeriodMention(span, "calendar_period", None))
        elif m.group("longrun"):
            days = {"decade": 3650, "year": 3 * 365, "month": 90}[m.group("lu").lower()]
            out.append(PeriodMention(span, "past_period", days))
        elif m.group("war"):
            # not a time word: "the deadliest attack in the conflict" is still one act
            out.append(PeriodMention(span, "war", None))
        elif m.group("sincewd"):
            out.append(PeriodMention(span, "calendar_period", 7))
        elif m.group("between"):
            out.append(
                PeriodMention(span, "calendar_period", _between_days(m.group("b1"), m.group("b2")))
            )
        elif m.group("inwhich"):
            out.append(PeriodMention(span, "past_period", _unit_days(m.group("wunit"))))
    return _non_overlapping(out)


# --------------------------------------------------------------------------- resolution

_GRACE_DAYS = 2  # a date up to this many days after publication is read as this year


def _month_day_year(month: int, day: int, published: dt.date) -> int | None:
    """The year of the latest month/day on or before ``published`` (+ grace), within a year."""
    latest = published + dt.timedelta(days=_GRACE_DAYS)
    for year in (published.year + 1, published.year, published.year - 1):
        if day > calendar.monthrange(year, month)[1]:
            continue
        candidate = dt.date(year, month, day)
        if candidate <= latest:
            # a leap day can fall more than a year back ("February 29" read on 2 March 2001)
            return year if (published - candidate).days <= 366 else None
    return None


def resolve_date(mention: DateMention, published: dt.date | None) -> EventDate | None:
    """The date a mention stands for, read against the publication date.

    Without ``published`` a month/day keeps year None (never invented); weekday and relative
    mentions cannot be resolved and give None.
    """
    spans = [mention.span]
    kind = mention.kind
    if isinstance(published, dt.datetime):
        published = published.date()
    if kind == "absolute":
        if mention.month is None:  # "on the 2nd"
            if published is None or mention.day is None:
                return None
            y, mo = published.year, published.month
            for _ in range(3):
                if (
                    mention.day <= calendar.monthrange(y, mo)[1]
                    and dt.date(y, mo, mention.day) <= published
                ):
                    return EventDate(y, mo, mention.day, DatePrecision.DAY, spans, relative=True)
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            return None
        year = mention.year
        if year is None and published is not None:
            year = _month_day_year(mention.month, mention.day or 1, published)
            if year is None:
                return None
        if year is not None and mention.day and not _valid(year, mention.month, mention.day):
            return None
        return EventDate(
            year,
            mention.month,
            mention.day,
            DatePrecision.DAY,
            spans,
            approximate=mention.approximate,
        )
    if kind == "month_only":
        year = mention.year
        if year is None and published is not None:
            year = published.year if mention.month <= published.month else published.year - 1  # type: ignore[operator]
        return EventDate(
            year, mention.month, None, DatePrecision.MONTH, spans, approximate=mention.approximate
        )
    if kind == "year_only":
        return EventDate(
            mention.year, None, None, DatePrecision.YEAR, spans, approximate=mention.approximate
        )
    if published is None:
        return None
    if kind == "weekday":
        assert mention.weekday is not None
        back = (published.weekday() - mention.weekday) % 7
        if mention.direction == "next":
            ahead = (mention.weekday - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=ahead)
        else:
            if back == 0 and mention.direction in ("last", "past"):
                back = 7
            day = published - dt.timedelta(days=back)
        return _day(day, spans, approximate=mention.approximate)
    if kind == "relative":
        if mention.offset_days is not None:
            return _day(
                published + dt.timedelta(days=mention.offset_days),
                spans,
                approximate=mention.approximate,
            )
        if mention.offset_weeks is not None:
            monday = published - dt.timedelta(days=published.weekday())
            start = monday + dt.timedelta(weeks=mention.offset_weeks)
            stop = min(published, start + dt.timedelta(days=6))
            return EventDate(
                start.year,
                start.month,
                start.day,
                DatePrecision.WEEK,
                spans,
                relative=True,
                approximate=True,
                end=stop,
            )
        if mention.offset_months is not None:
            total = published.year * 12 + (published.month - 1) + mention.offset_months
            y, mo = divmod(total, 12)
            return EventDate(
                y, mo + 1, None, DatePrecision.MONTH, spans, relative=True, approximate=True
            )
    return None


def _day(day: dt.date, spans: list[Span], *, approximate: bool) -> EventDate:
    return EventDate(
        day.year,
        day.month,
        day.day,
        DatePrecision.DAY,
        spans,
        relative=True,
        approximate=approximate,
    )
