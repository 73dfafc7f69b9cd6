"""Number phrases in news text: "24", "1,200", "twenty-four", "at least 24", "dozens", "24 to 26".

Each phrase becomes a :class:`sitrep.model.Quantity` with ``low <= best <= high`` (``high`` None
when open-ended) and the character span it was read from, qualifiers included.  The reading
follows the conservative ACLED / UCDP habit: when a phrase allows several counts, ``best`` is the
lowest defensible one.  Every rule, and the reason for it, is listed in docs/numbers-and-dates.md.

The grammar is our own (compiled regular expressions and a small word-number parser): it avoids
the traps of general number converters ("hundreds" is not 100) and is fast enough to run over
every sentence of every article.
"""

from __future__ import annotations

import math
import re

from sitrep.model import Quantity, Span

__all__ = ["find_quantities", "parse_quantity", "words_to_int"]

# --------------------------------------------------------------------------- word numbers

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_SCALES = {**_SCALES, "hundred": 100, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000}

_U = "one|two|three|four|five|six|seven|eight|nine"
_T = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_D = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = rf"(?:(?:{_D})(?:[- ](?:{_U})\b)?|{_T}|{_U})"
_HUNDREDS = rf"(?:(?:{_SMALL}|a|one)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_WORD_NUM = (
    rf"(?:(?:{_HUNDREDS}|a)\s+(?:thousand|million|billion)(?:,?\s+(?:and\s+)?{_HUNDREDS}(?!\s+(?:thousand|million)))?"
    rf"|{_HUNDREDS})"
)


def words_to_int(phrase: str) -> int | None:
    """Value of an English cardinal written in words ("one hundred and five" -> 105), else None."""
    total = 0
    current = 0
    seen = False
    for tok in re.split(r"[\s,-]+", phrase.strip().lower()):
        if not tok or tok == "and":
            continue
        if tok == "a":
            current = current or 1
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# --------------------------------------------------------------------------- the core regex

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_DIGIT_NUM = (
    rf"{_DIGITS}(?:\s+(?:hundred|thousand|million|billion|lakhs?|crore)\b)?(?![\w])(?![.,:/]\d)"
)
_WORD = rf"{_WORD_NUM}(?![\w'])"
_NUM = rf"(?:{_DIGIT_NUM}|{_WORD})"
_NUM_FIRST = rf"(?:(?<![\w.,/:$£€¥₹#+\-]){_DIGIT_NUM}|(?<![\w\-']){_WORD})"

_CORE = re.compile(
    rf"\b(?=[\dabefhnostz])(?:(?P<pre>between|from)\s+)?(?P<a>{_NUM_FIRST})"
    rf"(?:(?P<conn>\s*[-\u2013]\s*|\s+(?:to|or|and)\s+)(?P<b>{_NUM}))?",
    re.I,
)

# vague words, with (low, best, high) and the nominal value qualifiers act on
_VAGUE_RE = re.compile(
    r"\b(?=[adefhnost])(?<![\w\-'])(?:"
    r"(?P<ndozen>(?:a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+dozen)"
    r"|(?P<plural>dozens|scores(?=\s+(?:of|were|are|have|had|more|others|killed|dead|injured|wounded|died|people)\b)"
    r"|(?:tens|hundreds|thousands)\s+of\s+thousands|hundreds|thousands|tens(?=\s+of\b))"
    r"|(?P<few>several|a\s+few|a\s+handful|a\s+couple)"
    r")(?![\w'])",
    re.I,
)
_VAGUE_PLURAL = {
    "dozens": 24,
    "scores": 40,
    "tens": 20,
    "hundreds": 200,
    "thousands": 2_000,
    "tensofthousands": 20_000,
    "hundredsofthousands": 200_000,
}
_VAGUE_FEW = {  # low, best, high
    "several": (3, 3, 9),
    "afew": (3, 3, 5),
    "ahandful": (3, 3, 5),
    "acouple": (2, 2, 3),
}
_DOZEN_COUNT = {"a": 1, "halfa": 0.5, **{k: v for k, v in _UNITS.items() if 1 <= v <= 10}}

# --------------------------------------------------------------------------- qualifiers

# each kind: (regex alternatives, handler of (nominal) -> low, best, high, approximate)
_QUALIFIERS: dict[str, str] = {
    "min": r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|not\s+fewer\s+than|a\s+minimum\s+of",
    "gt": r"(?:just\s+|well\s+)?(?:more\s+than|over)|upwards\s+of|in\s+excess\s+of|above",
    "near": r"nearly|almost|close\s+to|just\s+(?:under|below|short\s+of)",
    "about": (
        r"about|around|some|approximately|approx\.?|roughly|an\s+estimated|estimated|"
        r"(?:an\s+)?approximate|circa|c\.|reportedly"
    ),
    "max": r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than",
    "lt": r"less\s+than|fewer\s+than|under|below",
}
_QUAL_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _QUALIFIERS.items()) + r")\s+$",
    re.I,
)
_SUFFIX = re.compile(
    r"\s+or\s+(?P<more>more|above)\b|\s+or\s+(?P<so>so)\b|(?P<plus>\+|-plus\b)", re.I
)


def _band_low(n: int) -> int:
    return max(0, math.floor(n * 0.9))


def _band_high(n: int) -> int:
    return math.ceil(n * 1.1)


def _qualify(kind: str, n: int) -> tuple[int, int, int | None, bool]:
    """(low, best, high, approximate) for a qualifier applied to the nominal number n."""
    if kind == "min":
        return n, n, None, False
    if kind == "gt":
        return n + 1, n + 1, None, False
    if kind == "near":
        top = max(0, n - 1)
        return min(_band_low(n), top), top, top, True
    if kind == "about":
        return _band_low(n), n, _band_high(n), True
    if kind == "max":
        return _band_low(n), _band_low(n), n, True
    if kind == "lt":
        top = max(0, n - 1)
        return _band_low(top), _band_low(top), top, True
    raise ValueError(kind)


# --------------------------------------------------------------------------- rejections

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BEFORE_REJECT = re.compile(
    r"(?:"
    rf"(?<![\w]){_MONTH}\s*$"  # February 2
    r"|(?<![\w])(?:section|sections|article|articles|clause|rule|chapter|resolution|paragraph|"
    r"para|law|decree|act|no\.?|nos\.?|number|page|pages|room|flight|route|highway|model|part|vol\.?|volume|"
    r"unit|platoon|brigade|battalion|division|corps|regiment|precinct|district\s+no\.?|ward|"
    r"block|sector|phase|grade|class|level|category|ch\.|art\.|sec\.|year|years|mile|km|"
    r"rs\.?|pkr|usd|us\$|inr|afn|eur|gbp)\s*$"
    r"|[$£€¥₹#]\s*$"
    r"|\d[:.]$"
    r")",
    re.I,
)
_AFTER_REJECT = re.compile(
    r"(?:"
    r"\s*(?:%|percent\b|per\s*cent\b|pc\b|pct\b)"  # percentages
    r"|\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock\b|hrs\b|gmt\b|utc\b|pst\b)"  # times
    r"|\s*(?:dollars?|rupees?|euros?|pounds?|afghanis?|dinars?|naira|shillings?|usd|pkr|inr|"
    r"bn\b|billion\s+(?:dollars|rupees))"  # money
    r"|(?:st|nd|rd|th)\b"  # ordinals written 2 nd (after a space)
    rf"|\s*(?:of\s+)?{_MONTH}(?![\w])"  # 2 February, 2nd of February
    r"|-(?!plus\b)[a-z]"  # compound adjectives: 24-year-old, two-day, three-member
    r"|'s\b|\u2019s\b"  # 2021's
    r"|\s+(?:years?|yrs?)[\s-]+old\b"  # ages
    r")",
    re.I,
)
# "one" as a pronoun, not a count
_ONE_BEFORE = re.compile(
    r"(?<![\w])(?:one\s+by|no|the|any|every|each|which|this|that|such|another|some|loved|little|only\s+the|"
    r"last|right|wrong|young|big|new|old|first)\s+$",
    re.I,
)
_ONE_AFTER = re.compile(
    r"\s*(?:of\b|another\b|who\b|whom\b|whose\b|which\b|by\s+one\b|after\s+another\b|"
    r"'s\b|\u2019s\b|day\s+(?:after|before|later)\b|or\s+(?:another|the\s+other)\b)",
    re.I,
)
_YEAR_BEFORE = re.compile(
    r"(?<![\w])(?:in|since|by|of|during|until|till|from|through|between|year|early|late|mid|"
    r"before|after|to|and|the|fiscal|fy|spring|summer|autumn|fall|winter|circa|c\.)\s*$"
    rf"|{_MONTH}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*)?,?\s*$"
    r"|[-\u2013/]\s*$",
    re.I,
)
_PLURAL_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:[a-z]+s|people|persons|men|women|children|police|personnel|dead|"
    r"killed|injured|wounded|others|more)\b(?!')",
    re.I,
)
_TIME_4 = re.compile(r"\s*(?:hours|hrs|hour|h\b)", re.I)
_TIME_4_BEFORE = re.compile(
    r"(?<![\w])(?:at|as\s+of|by|until|till|since|before|after|from)\s+$", re.I
)
_LIST_NUMBER = re.compile(r"[.)](?:\s|$)")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")


def _is_clock_time(text: str, word: str, start: int, end: int, lo: int, hi: int) -> bool:
    """A four-digit 24-hour clock time: "0830", "at 1625", "2030 hours"."""
    if len(word) != 4 or not word.isdigit() or int(word[:2]) > 23 or int(word[2:]) > 59:
        return False
    return (
        word[0] == "0"
        or _TIME_4.match(text, end, min(hi, end + 6)) is not None
        or _TIME_4_BEFORE.search(text, max(lo, start - 12), start) is not None
    )


_CHANGE_BEFORE = re.compile(
    r"(?:rose|risen|rising|rises|climbed|climbing|increased|increasing|jumped|grew|revised|"
    r"raised|fell|dropped|declined|decreased|went\s+up|gone\s+up|up|down|toll)\s+$",
    re.I,
)
_PHONE = re.compile(
    r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s*|\d{2,5}[\s.-])\d{3,4}[\s.-]?\d{3,5}(?![\w])"
    r"|(?<![\w,])0\d{6,}(?![\w])|(?<![\w,])\d{8,}(?![\w])"
)


def _value(s: str) -> int | None:
    """Value of one number (digits with an optional scale word, or words)."""
    s = s.strip()
    if s[0].isdigit():
        parts = s.split()
        num = parts[0].replace(",", "")
        scale = _DIGIT_SCALES[parts[-1].lower()] if len(parts) > 1 else 1
        if "." in num:
            if scale == 1:
                return None  # 2.5 people: a measurement, not a count
            return round(float(num) * scale)
        return int(num) * scale
    return words_to_int(s)


def _is_year(text: str, start: int, end: int, value: int, qualified: bool) -> bool:
    s = text[start:end]
    if not (len(s) == 4 and s.isdigit() and 1800 <= value <= 2100):
        return False
    if qualified:
        return False
    if _YEAR_BEFORE.search(text, max(0, start - 30), start):
        return True
    # "2000 people were displaced" is a count; "2021 was the deadliest" a year
    return not _PLURAL_NOUN_AFTER.match(text, end, min(len(text), end + 40))


def _is_year_range(a: str, a_val: int, b_val: int | None) -> bool:
    return (
        len(a) == 4
        and a.isdigit()
        and b_val is not None
        and 1800 <= a_val <= 2100
        and 1800 <= b_val <= 2100
    )


def _rejected_after(text: str, end: int, limit: int) -> bool:
    return _AFTER_REJECT.match(text, end, min(limit, end + 30)) is not None


def _rejected_before(text: str, start: int, lo: int) -> bool:
    return _BEFORE_REJECT.search(text, max(lo, start - 25), start) is not None


# --------------------------------------------------------------------------- scanning


def _qualifier(text: str, start: int, lo: int) -> tuple[str | None, int]:
    m = _QUAL_BEFORE.search(text, max(lo, start - 30), start)
    if m is None:
        return None, start
    kind = m.lastgroup
    return kind, m.start()


def _finish(
    text: str,
    start: int,
    end: int,
    limit: int,
    lo: int,
    nominal: int,
    base: tuple[int, int, int | None],
    *,
    exact: bool,
    approximate: bool,
    open_vague: bool,
    is_range: bool = False,
) -> Quantity:
    """Apply the qualifier before and the suffix after a number and build the Quantity."""
    low, best, high = base
    kind, qstart = _qualifier(text, start, lo)
    if kind is not None:
        start = qstart
        exact = False
        if open_vague:  # "at least dozens": the vague reading already is a lower bound
            approximate = True
            if kind == "gt":
                low, best = low + 1, best + 1
        elif is_range:  # a range: keep it, mark it
            approximate = approximate or kind in {"about", "near", "max", "lt"}
        else:
            low, best, high, approx = _qualify(kind, nominal)
            approximate = approximate or approx
    m = _SUFFIX.match(text, end, min(limit, end + 12))
    if m is not None and (kind is None or m.lastgroup == "so"):
        end = m.end()
        exact = False
        if m.lastgroup in ("more", "plus"):
            high = None
        else:
            approximate = True
            if high is not None and low == high:
                low, high = _band_low(nominal), _band_high(nominal)
    return Quantity(
        low=low,
        best=best,
        high=high,
        span=Span(start, end, text[start:end]),
        approximate=approximate,
        exact=exact,
    )


def _in_phone_number(text: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """End of the phone number around a digit run at ``start``, if it is part of one."""
    w0 = max(lo, start - 24)
    for m in _PHONE.finditer(text, w0, min(hi, end + 24)):
        if m.start() <= start < m.end():
            return m.end()
    return None


def _scan_numbers(text: str, lo: int, hi: int) -> list[Quantity]:
    out: list[Quantity] = []
    pos = lo
    search = _CORE.search
    while True:
        m = search(text, pos, hi)
        if m is None:
            return out
        pos = m.end()
        a_start, a_end = m.span("a")
        if text[a_start].isdigit():
            phone_end = _in_phone_number(text, a_start, a_end, lo, hi)
            if phone_end is not None:
                pos = max(pos, phone_end)
                continue
        a_val = _value(m.group("a"))
        ranged = False
        if m.group("b") is not None and a_val is not None:
            b_val = _value(m.group("b"))
            conn = m.group("conn").strip().lower()
            pre = (m.group("pre") or "").lower()
            ok = b_val is not None and b_val > a_val
            if conn == "and" and pre != "between":
                ok = False
            if pre == "from" and _CHANGE_BEFORE.search(text, max(lo, m.start() - 20), m.start()):
                ok = False  # "rose from 24 to 26" is a change, not a range
            if ok and _rejected_after(text, m.end(), hi):
                continue  # "between 10 and 11 pm": neither number is a count
            if ok and _is_year_range(m.group("a"), a_val, b_val):
                continue  # 1989-1990
            if ok:
                start = m.start() if pre and (pre == "between" or conn == "to") else a_start
                if (pre == "between" and conn != "and") or (pre == "from" and conn != "to"):
                    start = a_start
                if _rejected_before(text, start, lo):
                    continue
                assert b_val is not None
                out.append(
                    _finish(
                        text,
                        start,
                        m.end(),
                        hi,
                        lo,
                        a_val,
                        (a_val, a_val, b_val),
                        exact=False,
                        approximate=False,
                        open_vague=False,
                        is_range=True,
                    )
                )
                ranged = True
        if ranged:
            continue
        pos = a_end  # the second number (if any) is scanned on its own
        if a_val is None:
            continue
        q = _single(text, a_start, a_end, a_val, lo, hi)
        if q is not None:
            out.append(q)


def _single(text: str, start: int, end: int, value: int, lo: int, hi: int) -> Quantity | None:
    word = text[start:end]
    if _rejected_after(text, end, hi) or _rejected_before(text, start, lo):
        return None
    low_word = word.lower()
    if low_word == "one":
        if _ONE_BEFORE.search(text, max(lo, start - 15), start) or _ONE_AFTER.match(
            text, end, min(hi, end + 20)
        ):
            return None
    if word[0].isdigit():
        if _is_clock_time(text, word, start, end, lo, hi):
            return None  # 0830 hours, at 1625
        if _LIST_NUMBER.match(text, end, min(hi, end + 2)) and _LINE_START.search(
            text, max(lo, start - 10), start
        ):
            return None  # "1. At 0945 this morning" (a numbered paragraph)
        kind, _ = _qualifier(text, start, lo)
        if _is_year(text, start, end, value, kind is not None):
            return None
    return _finish(
        text,
        start,
        end,
        hi,
        lo,
        value,
        (value, value, value),
        exact=True,
        approximate=False,
        open_vague=False,
    )


def _scan_vague(text: str, lo: int, hi: int) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _VAGUE_RE.finditer(text, lo, hi):
        start, end = m.span()
        key = re.sub(r"\s+", "", m.group(0).lower())
        if m.lastgroup == "ndozen":
            count = _DOZEN_COUNT[key[: -len("dozen")]]
            n = round(count * 12)
            base: tuple[int, int, int | None] = (_band_low(n), n, _band_high(n))
            out.append(
                _finish(
                    text,
                    start,
                    end,
                    hi,
                    lo,
                    n,
                    base,
                    exact=False,
                    approximate=True,
                    open_vague=False,
                )
            )
        elif m.lastgroup == "plural":
            n = _VAGUE_PLURAL[key]
            out.append(
                _finish(
                    text,
                    start,
                    end,
                    hi,
                    lo,
                    n,
                    (n, n, None),
                    exact=False,
                    approximate=True,
                    open_vague=True,
                )
            )
        else:
            low, best, high = _VAGUE_FEW[key]
            if _rejected_after(text, end, hi):
                continue
            out.append(
                _finish(
                    text,
                    start,
                    end,
                    hi,
                    lo,
                    best,
                    (low, best, high),
                    exact=False,
                    approximate=True,
                    open_vague=True,
                )
            )
    return out


def _merge(found: list[Quantity]) -> list[Quantity]:
    """Sorted by start, non-overlapping: the longest span wins, then the earliest."""
    found.sort(key=lambda q: (q.span.start, -(q.span.end - q.span.start)))
    out: list[Quantity] = []
    for q in found:
        if out and q.span.start < out[-1].span.end:
            prev = out[-1]
            if q.span.end - q.span.start > prev.span.end - prev.span.start:
                out[-1] = q
            continue
        out.append(q)
    return out


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number phrase in ``text[start:end]``, qualifiers absorbed, sorted, non-overlapping.

    Spans are absolute offsets into ``text``.  Years, times, day numbers of dates, ordinals,
    percentages, money, article/section numbers, phone numbers and "one" as a pronoun are left out.
    """
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    if lo >= hi:
        return []
    found = _scan_numbers(text, lo, hi)
    found.extend(_scan_vague(text, lo, hi))
    if hi < len(text) and text[hi].isalnum():  # drop a word cut by the end of the window
        found = [x for x in found if x.span.end < hi or not text[hi - 1].isalnum()]
    return _merge(found)


def parse_quantity(phrase: str) -> Quantity | None:
    """The quantity a whole phrase expresses ("at least 24", "dozens"), or None.

    The phrase must be one number phrase and nothing else (surrounding spaces aside).
    """
    stripped = phrase.strip()
    if not stripped:
        return None
    found = find_quantities(phrase)
    if len(found) != 1:
        return None
    q = found[0]
    lead = len(phrase) - len(phrase.lstrip())
    if q.span.start != lead or q.span.end != lead + len(stripped):
        return None
    return q
