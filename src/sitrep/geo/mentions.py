"""Find place names in an article's text.

Capitalised word runs (or, in text without case, the words after a locative cue such as "in",
"near" or "district of") are looked up in the gazetteer, longest first.  A name is kept when the
gazetteer knows it and the context makes it a place: a cue word before ("in Quetta", "near"), a
unit word after ("Mastung district"), a country or province name, or a town big enough that a
bare capitalised mention is rarely anything else.  Words that are places somewhere but are far
more often something else ("Police", "Victoria" as a person, weekdays) are listed in
``geo/data/not_places.txt``.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.geo.gazetteer import Gazetteer, fold, load_gazetteer
from sitrep.model import PlaceKind, Span

# a bare capitalised town name (no cue word) must be at least this big to count as a place
BARE_TOWN_POPULATION = 15_000
# in text without case, a cued town must be at least this big
CASELESS_TOWN_POPULATION = 2_000
MAX_WORDS = 4

_WORD = r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’.\-]*"
_CONNECT = (
    r"(?:de|del|de la|de las|de los|la|las|los|el|al|e|du|des|da|do|dos|y|ul|i|an|am|upon|on|and)"
)
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_WORD})*")
_TOKEN = re.compile(r"[\w\u00c0-\u024f'’.\-]+")
_TRAILING_PUNCT = re.compile(r"[.'’\-]+$")
_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$")  # "Khyber Pakhtunkhwa's Bannu district"

_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|nearby|from|outside|around|across|to|into|toward|towards|towns?\s+of|"
    r"city\s+of|village\s+of|district\s+of|province\s+of|region\s+of|area\s+of|"
    r"outskirts\s+of|suburbs?\s+of|capital|hit|struck|rocked|attacked|targeted|between|and|via|"
    r"province|district|city|town|village|areas?\s+of)\s+(?:the\s+)?$)",
    re.I,
)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|close\s+to|outskirts\s+of|on\s+the\s+outskirts\s+of|"
    r"suburbs?\s+of|around|km\s+(?:from|of|north\s+of|south\s+of|east\s+of|west\s+of)|"
    r"kilometres?\s+(?:from|of)|miles?\s+(?:from|of))\s+(?:the\s+)?$",
    re.I,
)
# a cue strong enough to read a place word glued to other capitalised words as a place
# ("in Quetta Cantonment"), unlike "and the Quetta Shura"
_STRONG_CUE = re.compile(
    r"\b(?:in|at|near|outside|from|into|towns?\s+of|city\s+of|village\s+of|district\s+of|"
    r"outskirts\s+of)\s+(?:the\s+)?$",
    re.I,
)
_UNIT_AFTER = re.compile(
    r"[ \t]+(?P<unit>district|province|division|region|department|state|county|governorate|"
    r"tehsil|agency|city|town|village|area|valley|subdivision|municipality|prefecture)\b",
    re.I,
)
_COMMA_AFTER = re.compile(r",[ \t]+")
_DATELINE_AFTER = re.compile(r"\s*(?:,[^\n:]{0,40})?(?:[:—–]|\s+-\s|\s*\((?:AP|AFP|Reuters|dpa)\))")

_UNIT_KIND = {
    "district": PlaceKind.DISTRICT,
    "tehsil": PlaceKind.DISTRICT,
    "agency": PlaceKind.DISTRICT,
    "county": PlaceKind.DISTRICT,
    "subdivision": PlaceKind.DISTRICT,
    "municipality": PlaceKind.DISTRICT,
    "prefecture": PlaceKind.DISTRICT,
    "department": PlaceKind.PROVINCE,
    "province": PlaceKind.PROVINCE,
    "division": PlaceKind.PROVINCE,
    "region": PlaceKind.PROVINCE,
    "state": PlaceKind.PROVINCE,
    "governorate": PlaceKind.PROVINCE,
    "city": PlaceKind.TOWN,
    "town": PlaceKind.TOWN,
    "village": PlaceKind.TOWN,
    "area": PlaceKind.AREA,
    "valley": PlaceKind.AREA,
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name as written, with what its context says about it."""

    span: Span
    name: str
    key: str  # folded lookup key
    kind_hint: PlaceKind = PlaceKind.UNKNOWN  # from a unit word after it ("district")
    near: bool = False  # "near", "outskirts of", "outside"
    cued: bool = False  # a locative cue word or unit word made it a place
    qualifier: str | None = None  # "Balochistan" in "Noshki, Balochistan"


@lru_cache(maxsize=1)
def natural_feature_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words before and after a place name that make it a natural feature's name ("Lake
    Chad", "Niger Delta"), from ``data/natural_features.tsv``."""
    text = resources.files("sitrep.geo").joinpath("data/natural_features.tsv").read_text("utf-8")
    before: set[str] = set()
    after: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, position = line.split("\t")
        (before if position.strip() == "before" else after).add(fold(word))
    return frozenset(before), frozenset(after)


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    text = resources.files("sitrep.geo").joinpath("data/not_places.txt").read_text("utf-8")
    return frozenset(
        fold(line.split("#", 1)[0]) for line in text.splitlines() if line.split("#", 1)[0].strip()
    )


_WORDS = re.compile(r"[a-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LETTER = re.compile(r"[\W\d_]+")  # the complement of _LETTER
_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjectives of nationality -> ISO2 ("Pakistani" -> "PK"), from geo/data/demonyms.tsv."""
    text = resources.files("sitrep.geo").joinpath("data/demonyms.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, iso2 = line.split("\t")[:2]
        out[word.strip().casefold()] = iso2.strip()
    return out


def _is_caseless(text: str) -> bool:
    sample = text[:20000]
    letters = len(_NOT_LETTER.sub("", sample))  # what is left are the letters
    if letters < 20:
        return False
    share = len(_UPPER.findall(sample)) / letters
    return share < 0.01 or share > 0.9


def find_place_mentions(
    text: str, *, gazetteer: Gazetteer | None = None, caseless: bool | None = None
) -> list[PlaceMention]:
    """Every place name in ``text`` the gazetteer knows and the context supports, in order."""
    gaz = gazetteer or load_gazetteer()
    if caseless is None:
        caseless = _is_caseless(text)
    if caseless:
        found = _find_caseless(text.lower(), text, gaz)
    else:
        found = _find_cased(text, gaz)
        found = sorted(found + _unlisted_places(text, found), key=lambda m: m.span.start)
    return _with_capitals(text, found, gaz)


# "the town of Barsalogho", "in Naulala village", "Kulachi tehsil", "Kuriga, a town in": a place word says the name is a
# place although the gazetteer lacks it (cased text only; the name stays unresolved)
_NAME_RUN = r"[A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*[a-z][\w'’-]*){0,2}"
_UNIT_OF_NAME = re.compile(
    rf"\b(?:the[ \t]+)?(?P<unit>town|village|city|hamlet|settlement)[ \t]+of[ \t]+(?P<name>{_NAME_RUN})"
)
_NAME_OF_UNIT = re.compile(
    rf"(?<![\w'’-])(?P<name>{_NAME_RUN})[ \t]+(?P<unit>village|town|district|tehsil|subdivision|area|"
    r"neighbourhood|neighborhood|locality)\b"
)
_NAME_A_UNIT = re.compile(  # "Kuriga, a town in Kaduna state"
    rf"(?<![\w'’-])(?P<name>{_NAME_RUN}),[ \t]+an?[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
    r"(?P<unit>town|village|city|hamlet|settlement|district|neighbourhood|neighborhood|suburb)\b"
)


def _unlisted_places(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Names a place word marks as places ("the town of X", "X village") that no found mention
    covers, none of whose words is an English or stop word ("the Police town" is none)."""
    # (the unit word named in the patterns only cues the name; the place's kind stays unknown)
    from sitrep.extract.names import common_words as english_words

    english = english_words()
    taken = [(m.span.start, m.span.end) for m in found]
    stop = not_places()
    out: list[PlaceMention] = []
    for pattern in (_UNIT_OF_NAME, _NAME_OF_UNIT, _NAME_A_UNIT):
        for m in pattern.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            owner = list(re.finditer(r"['’]s\s+", name))
            if owner:  # "Karachi's Gulshan-e-Iqbal area": the part after the possessive
                s += owner[-1].end()
                name = text[s:e]
            words = name.split()
            parts = [p for w in words for p in re.split(r"[-'’]", w.lower()) if len(p) > 1]
            if any(w in english or fold(w) in stop for w in parts):  # "Sunni-majority town"
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(
                PlaceMention(
                    span=Span(s, e, name),
                    name=name,
                    key=fold(name),
                    # kind unknown: no gazetteer entry says what it is (the incident stage
                    # places it in the resolved district or province around it)
                    cued=True,
                )
            )
    return out


# "Somalia's capital", "the Afghan capital", "the capital of Mali": the country's capital town
_POSSESSIVE_CAPITAL = re.compile(
    r"\b(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?:'s|\u2019s)\s+capital\b(?!\s+(?:city\s+)?of\b)"
)
_DEMONYM_CAPITAL = re.compile(
    r"\bthe\s+(?P<dem>[A-Za-z]+)\s+capital\b(?!\s+(?:city\s+)?of\b)", re.I
)
_CAPITAL_OF = re.compile(r"\bthe\s+capital(?:\s+city)?\s+of\s+$", re.I)


def _capital_mention(
    gaz: Gazetteer, iso2: str, start: int, end: int, text: str
) -> PlaceMention | None:
    cap = gaz.capital(iso2)
    if cap is None:
        return None
    return PlaceMention(
        span=Span(start, end, text[start:end]),
        name=cap.name,
        key=fold(cap.name),
        kind_hint=PlaceKind.TOWN,
        cued=True,
    )


def _country_iso(gaz: Gazetteer, key: str) -> str | None:
    isos = {gaz.row_country(r) for r in gaz.rows(key) if gaz.kind_of(r) == PlaceKind.COUNTRY} - {
        None
    }
    return next(iter(isos)) if len(isos) == 1 else None


def _with_capitals(text: str, found: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """A country named as the owner of its capital ("Somalia's capital", "the capital of Mali")
    or a nationality word before "capital" ("the Afghan capital") is the capital town, when the
    article does not name that town right there."""
    out: list[PlaceMention] = []
    for m in found:
        iso = _country_iso(gaz, m.key) if gaz.has_kind(m.key, PlaceKind.COUNTRY) else None
        if iso and _CAPITAL_OF.search(text, max(0, m.span.start - 25), m.span.start):
            cap = _capital_mention(gaz, iso, m.span.start, m.span.end, text)
            if cap is not None:
                out.append(cap)
                continue
        out.append(m)
    spans = [(m.span.start, m.span.end) for m in out]
    # the possessive is not found as a place ("Somalia's" is one token)
    for pm in _POSSESSIVE_CAPITAL.finditer(text):
        key = fold(pm.group("country"))
        iso = _country_iso(gaz, key) if gaz.has_kind(key, PlaceKind.COUNTRY) else None
        if not iso or _names_capital_after(text, pm.end(), gaz, iso):
            continue
        cap = _capital_mention(gaz, iso, pm.start(), pm.end(), text)
        if cap is not None:
            # the country itself ("Somalia" of "Somalia's capital") is the capital's owner
            out = [m for m in out if not (pm.start() <= m.span.start < pm.end())]
            out.append(cap)
            spans.append((pm.start(), pm.end()))
    table = demonyms()
    for dm in _DEMONYM_CAPITAL.finditer(text):
        iso = table.get(dm.group("dem").casefold())
        if not iso or any(s < dm.end() and dm.start() < e for s, e in spans):
            continue
        if _names_capital_after(text, dm.end(), gaz, iso):
            continue
        cap = _capital_mention(gaz, iso, dm.start(), dm.end(), text)
        if cap is not None:
            out.append(cap)
    out.sort(key=lambda m: m.span.start)
    return out


def _names_capital_after(text: str, end: int, gaz: Gazetteer, iso: str) -> bool:
    """ "the Afghan capital, Kabul": the town is named right after (found as itself)."""
    cap = gaz.capital(iso)
    nxt = text[end : end + 40]
    return cap is not None and bool(re.match(r"\s*,?\s*" + re.escape(cap.name), nxt, re.I))


def _context(text: str, start: int, end: int) -> tuple[bool, bool, PlaceKind, str | None]:
    """(cued, near, kind hint, qualifier) from the words around ``text[start:end]``."""
    before = text[max(0, start - 40) : start]
    near = _NEAR_BEFORE.search(before) is not None
    cued = near or _CUE_BEFORE.search(before) is not None
    kind = PlaceKind.UNKNOWN
    m = _UNIT_AFTER.match(text, end)
    if m:
        kind = _UNIT_KIND[m.group("unit").lower()]
        cued = True
    qualifier = None
    c = _COMMA_AFTER.match(text, end)
    if c:
        q = _RUN.match(text, c.end())
        if q:
            qualifier = q.group(0)
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _DATELINE_AFTER.match(text, end):
        cued = True  # a dateline: "QUETTA:" / "KABUL —"
    return cued, near, kind, qualifier


def _accept(gaz: Gazetteer, key: str, *, cued: bool, kind: PlaceKind, bare_min: int) -> bool:
    if key in not_places() and not (cued and kind != PlaceKind.UNKNOWN):
        return False
    if gaz.has_kind(key, PlaceKind.COUNTRY, PlaceKind.PROVINCE):
        return True
    if cued:
        if gaz.has_kind(key, PlaceKind.DISTRICT):
            return True
        return gaz.max_population(key) >= (0 if kind != PlaceKind.UNKNOWN else bare_min // 20)
    return gaz.max_population(key) >= bare_min


def _find_cased(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for run in _RUN.finditer(text):
        tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(text, run.start(), run.end())]
        i = 0
        while i < len(tokens):
            found = None
            for j in range(min(len(tokens), i + MAX_WORDS), i, -1):
                s, e = tokens[i][0], tokens[j - 1][1]
                raw = text[s:e]
                trimmed = _TRAILING_PUNCT.sub("", _POSSESSIVE_END.sub("", raw))
                e -= len(raw) - len(trimmed)
                key = fold(trimmed if not trimmed.isupper() else trimmed.title())
                if gaz.rows(key) or key in gaz.aliases:
                    found = (s, e, j, key)
                    break
            if found is None:
                i += 1
                continue
            s, e, j, key = found
            name = text[s:e]
            if not name[:1].isupper() or (len(key) <= 3 and not name.isupper()):
                i = j
                continue
            cued, near, kind, qualifier = _context(text, s, e)
            # a place word glued to other capitalised words is usually part of a name
            # ("Pakistan Institute", "Abdullah Khan"): keep only countries and provinces there
            stop = not_places()
            glued = (j < len(tokens) and fold(text[slice(*tokens[j])]) not in stop) or (
                i > 0 and fold(text[slice(*tokens[i - 1])]) not in stop
            )
            first = i == 0 or fold(text[slice(*tokens[i - 1])]) in stop
            # "Lake Chad", "the Niger Delta", "Congo River": a natural feature named after the
            # place, not the place
            feature_before, feature_after = natural_feature_words()
            if (i > 0 and fold(text[slice(*tokens[i - 1])]) in feature_before) or (
                j < len(tokens) and fold(text[slice(*tokens[j])]) in feature_after
            ):
                i = j
                continue
            if kind == PlaceKind.UNKNOWN and name.casefold() in demonyms():
                # "the Somali parliament", "Somali forces": an adjective of nationality, not
                # Ethiopia's Somali region (named so only with its unit word: "Somali Region")
                i = j
                continue
            big_unit = gaz.has_kind(key, PlaceKind.COUNTRY, PlaceKind.PROVINCE)
            # "Chhattisgarh's Bijapur district": a possessive before is no part of the name
            # (nor is the end of a sentence: "... in Noshki. Nushki district police said")
            owned = i > 0 and text[slice(*tokens[i - 1])].lower().endswith(("'s", "’s", ".", ":"))
            if key in gaz.aliases:
                ok = not glued or cued
            elif (
                glued
                and not big_unit
                and not (cued and kind != PlaceKind.UNKNOWN and (first or owned))
                and not (first and _STRONG_CUE.search(text, max(0, s - 40), s) is not None)
            ):
                # "Lin Ta Lu village": the unit word names the whole run, of which "Ta Lu"
                # (a hamlet in Vietnam) is only the tail
                ok = False
            else:
                ok = _accept(gaz, key, cued=cued, kind=kind, bare_min=BARE_TOWN_POPULATION)
            if ok:
                out.append(
                    PlaceMention(
                        span=Span(s, e, name),
                        name=name,
                        key=key,
                        kind_hint=kind,
                        near=near,
                        cued=cued,
                        qualifier=qualifier,
                    )
                )
            i = j
    return out


_CASELESS_CUE = re.compile(
    r"\b(?:in|at|near|from|outside|of|to|toward|towards|between|and)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|department|province|municipality|district|capital)\s+of\s+)?"
    r"(?=[a-z])",
)


# in text without case, a cued town in none of the countries the text names must be this big
CASELESS_FOREIGN_TOWN_POPULATION = 100_000


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words never read as places in text without case (geo/data/common_words.txt)."""
    text = resources.files("sitrep.geo").joinpath("data/common_words.txt").read_text("utf-8")
    return frozenset(
        fold(w) for line in text.splitlines() for w in line.split("#", 1)[0].split() if w
    )


@lru_cache(maxsize=100_000)
def _token_key(raw: str) -> str:
    return fold(_TRAILING_PUNCT.sub("", raw))


_PREFIXES: weakref.WeakKeyDictionary[Gazetteer, frozenset[str]] = weakref.WeakKeyDictionary()


def _key_prefixes(gaz: Gazetteer) -> frozenset[str]:
    """Every proper word prefix of a key of ``gaz`` or its aliases ("san" of "san salvador")."""
    got = _PREFIXES.get(gaz)
    if got is None:
        out: set[str] = set()
        for keys in (gaz.index, gaz.aliases):
            for k in keys:
                pos = k.find(" ")
                while pos > 0:
                    out.add(k[:pos])
                    pos = k.find(" ", pos + 1)
        got = _PREFIXES[gaz] = frozenset(out)
    return got


_STARTS: weakref.WeakKeyDictionary[Gazetteer, frozenset[str]] = weakref.WeakKeyDictionary()


def _key_starts(gaz: Gazetteer) -> frozenset[str]:
    """Every key of ``gaz`` or its aliases and every proper word prefix of one: the only first
    words a name can begin with."""
    got = _STARTS.get(gaz)
    if got is None:
        got = _STARTS[gaz] = frozenset(gaz.index) | frozenset(gaz.aliases) | _key_prefixes(gaz)
    return got


def _find_caseless(low: str, text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Text with no case (all upper or all lower): nothing marks a name, so be strict.

    Countries and provinces are found anywhere; a town only after a locative cue ("in", "near",
    "town of") and only when a town of that name lies in a country the text names (or is a big
    city).  Common English words and names (geo/data/common_words.txt), keys of three letters
    or fewer and not_places.txt never count unless a unit word follows ("cesar department").
    """
    hits: list[tuple[int, int, str, bool, bool, PlaceKind, str | None]] = []
    stop = not_places()
    common = common_words()
    index = gaz.index
    aliases = gaz.aliases
    prefixes = _key_prefixes(gaz)
    starts_key = _key_starts(gaz)
    # tokenise once; a name may span tokens separated by blanks only ("san salvador", not
    # "lima, peru"); each token is folded once and keys are joined from the folded tokens.
    # A longer key is tried only while the words so far begin some key (``prefixes``): the
    # longest key the gazetteer knows wins, as if every width were tried longest first.
    tokens = [m.span() for m in _TOKEN.finditer(low)]
    n = len(tokens)
    folded = [_token_key(low[a:b]) for a, b in tokens]
    i = 0
    while i < n:
        key = folded[i]
        if key not in starts_key:
            i += 1  # neither a key nor the first word of one
            continue
        best = 0
        best_key = ""
        j = 1
        while True:
            if key and (key in index or key in aliases):
                best, best_key = j, key
            if (
                j >= MAX_WORDS
                or i + j >= n
                or key not in prefixes
                or low[tokens[i + j - 1][1] : tokens[i + j][0]].strip(" \t")
            ):
                break
            key = f"{key} {folded[i + j]}"
            j += 1
        if not best:
            i += 1
            continue
        key = best_key
        if key in stop or len(key) <= 3:
            i += 1
            continue
        s, e = tokens[i][0], tokens[i + best - 1][1]
        e -= len(low[s:e]) - len(_TRAILING_PUNCT.sub("", low[s:e]))
        if key in common and not _UNIT_AFTER.match(low, e):
            i += 1  # a common word with no unit word after it
            continue
        cued, near, kind, qualifier = _context(low, s, e)
        cued = cued or _cued_before(low, s)
        hits.append((s, e, key, cued, near, kind, qualifier))
        i += best
    # the countries the text names (or whose people, or whose big cities) decide which towns
    # and provinces are plausible
    named: set[str] = set()
    for _s, _e, key, *_ in hits:
        for r in gaz.rows(key):
            kind = gaz.kind_of(r)
            if kind == PlaceKind.COUNTRY or (
                kind == PlaceKind.TOWN and gaz.population(r) >= CASELESS_FOREIGN_TOWN_POPULATION
            ):
                if c := gaz.row_country(r):
                    named.add(c)
    table = demonyms()
    named.update(table[w] for w in set(_WORDS.findall(low)) if w in table)
    out: list[PlaceMention] = []
    for s, e, key, cued, near, kind, qualifier in hits:
        rows = gaz.rows(key)
        kinds = {gaz.kind_of(r) for r in rows}
        in_named = {r for r in rows if gaz.row_country(r) in named}
        if key in gaz.aliases or PlaceKind.COUNTRY in kinds:
            ok = True
        elif kind != PlaceKind.UNKNOWN and (kinds - {PlaceKind.TOWN} or cued):
            ok = True  # "cauca department", "town of x"
        elif not named:
            ok = cued and (
                PlaceKind.PROVINCE in kinds
                or gaz.max_population(key) >= CASELESS_FOREIGN_TOWN_POPULATION
            )
        elif in_named:
            ok = any(gaz.kind_of(r) == PlaceKind.PROVINCE for r in in_named) or (
                cued and max(gaz.population(r) for r in in_named) >= CASELESS_TOWN_POPULATION
            )
        else:
            ok = cued and gaz.max_population(key) >= CASELESS_FOREIGN_TOWN_POPULATION
        if ok:
            out.append(
                PlaceMention(
                    span=Span(s, e, text[s:e]),
                    name=text[s:e],
                    key=key,
                    kind_hint=kind,
                    near=near,
                    cued=cued,
                    qualifier=qualifier,
                )
            )
    return out


_CUE_END = re.compile(
    r"(?:\b(?:in|at|near|from|outside|of|to|toward|towards)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|department|province|municipality|district|capital)\s+of\s+)?"
    r"(?:(?:downtown|central|(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?)\s+)?)$"
)


def _cued_before(low: str, start: int) -> bool:
    return _CUE_END.search(low, max(0, start - 40), start) is not None
