"""Lexicons (TOML data files) and a fast whole-word matcher over them.

A lexicon file holds one ``[meta]`` table (``kind``, ``version``, ``description``) and a list of
``[[entry]]`` tables, each with ``id``, ``label``, ``aliases`` (list of strings), ``source`` and any
further kind-specific keys (kept in :attr:`LexEntry.attrs`).  See ``sitrep/lexicons/README.md``.

Matching rules (documented in docs/lexicons.md):

* whole words only, case-insensitive;
* every character that is not a letter or digit counts as a word break, so apostrophe and
  hyphen variants are one ("Tehreek-e-Taliban" = "Tehreek e Taliban", "Pakistan’s" = "Pakistan's");
* aliases that are all-caps acronyms of at most five letters ("BLA", "TTP", "FC", "IS") match
  case-sensitively unless ``case_sensitive_acronyms=False`` (for caseless text); even then,
  acronyms that spell a common English word ("IS", "US", "IT") never match caselessly;
* an entry with ``plurals = true`` also matches the plural of the last word of each alias
  (+s; +es after s, x, z, ch, sh; consonant + y -> ies); nothing else is generated;
* matches are sorted by start and never overlap: the longest wins, then the earlier one.

One Aho-Corasick automaton (pyahocorasick) is built per :class:`Lexicon` over the normalised
aliases padded with a space on each side, and run once over the normalised, space-padded text, so
only whole-word hits are ever reported.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import ahocorasick

from sitrep.errors import LexiconError
from sitrep.model import Span

log = logging.getLogger(__name__)

DEFAULT_FILES = (
    "actors.toml",
    "triggers.toml",
    "weapons.toml",
    "targets.toml",
    "victims.toml",
    "casualty_terms.toml",
    "status_cues.toml",
    "context_cues.toml",
)

# Kinds in the order they win ties when ``find`` is called across kinds.
KIND_ORDER = (
    "actor",
    "trigger",
    "weapon",
    "target",
    "victim",
    "casualty_term",
    "status_cue",
    "context_cue",
)

# Acronyms that, lower-cased, are ordinary English words: never matched in caseless text.
CASELESS_STOP = frozenset(
    """
    a i am an as at be by do go he if in is it me my no of oh on or ok so to up us we far
    aid all and any are can did for had has her him his its may not now off one our out own
    per she the too two un was who why yes you
    """.split()
)

_RESERVED = frozenset({"id", "label", "aliases", "source"})
_MAX_ACRONYM_LETTERS = 5


# --------------------------------------------------------------------------- normalisation


_NON_WORD = re.compile(r"[^\w]|_")


def _normalise(text: str) -> str:
    """Same length as ``text``: every non-letter, non-digit character becomes a space."""
    return _NON_WORD.sub(" ", text)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # rare: a character whose lower case is longer ("İ"); keep such characters as they are
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _alias_key(alias: str) -> str:
    """Normalised, lower-cased alias: the form matched.  Runs of spaces are kept, so that
    "Workers' Party" (apostrophe + space) matches "Workers’ Party" but not "Workers Party"."""
    return _normalise(_lower_same_length(alias.strip())).strip()


def _alias_cased(alias: str) -> str:
    return _normalise(alias.strip()).strip()


def is_acronym(alias: str) -> bool:
    """All-caps acronym of at most five letters ("BLA", "IS-K", "M23"): matched case-sensitively."""
    compact = re.sub(r"[^A-Za-z0-9]", "", alias)
    letters = [c for c in compact if c.isalpha()]
    return (
        bool(letters)
        and len(letters) <= _MAX_ACRONYM_LETTERS
        and all(c.isupper() for c in letters)
        and " " not in alias.strip()
    )


def plural_forms(alias: str) -> list[str]:
    """The plural of the last word of ``alias`` by the documented rules (one form)."""
    head, _, last = alias.rpartition(" ")
    low = last.lower()
    if not last or not last[-1].isalpha():
        return []
    if low.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [f"{head} {plural}" if head else plural]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry: an id, its readable label, the aliases that name it, and attributes."""

    kind: str
    id: str
    label: str
    aliases: tuple[str, ...]
    source: str
    attrs: Mapping[str, Any]  # every other key of the entry


@dataclass(frozen=True, slots=True)
class LexMatch:
    """An alias of ``entry`` found in the text at ``span``."""

    entry: LexEntry
    span: Span


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: LexEntry
    length: int  # of the normalised alias
    cased: str | None  # the normalised alias with its case, when matched case-sensitively
    stop: bool  # an acronym that is a common word when lower-cased
    rank: int  # kind order, for ties


class Lexicon:
    """Entries of several kinds, matched in one pass over a text."""

    def __init__(self, entries: Iterable[LexEntry]) -> None:
        self._by_key: dict[tuple[str, str], LexEntry] = {}
        for e in entries:
            self._by_key[(e.kind, e.id)] = e
        self._by_kind: dict[str, list[LexEntry]] = {}
        for e in self._by_key.values():
            self._by_kind.setdefault(e.kind, []).append(e)
        self._automaton = self._build()
        self._cache: tuple[str, int, int, list[tuple[int, int, _Alias]]] | None = None
        self._full: tuple[str, list[int], list[tuple[int, int, _Alias]]] | None = None
        self._resolved_text: str | None = None
        self._cased_text: str | None = None
        self._cased_of: dict[tuple[int, int], str] = {}
        self._match_of: dict[tuple[int, int, int], LexMatch] = {}
        self._resolved: dict[
            tuple[frozenset[str] | None, bool], tuple[list[int], list[LexMatch]]
        ] = {}

    # ------------------------------------------------------------------ building

    def _build(self) -> ahocorasick.Automaton | None:
        table: dict[str, list[_Alias]] = {}
        for e in self._by_key.values():
            rank = KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else len(KIND_ORDER)
            forms: list[str] = []
            for a in e.aliases:
                forms.append(a)
                if e.attrs.get("plurals") and not is_acronym(a):
                    forms.extend(plural_forms(a))
            seen: set[tuple[str, str | None]] = set()
            for form in forms:
                key = _alias_key(form)
                if not key:
                    continue
                acronym = is_acronym(form)
                cased = _alias_cased(form) if acronym else None
                if (key, cased) in seen:
                    continue
                seen.add((key, cased))
                stop = acronym and key in CASELESS_STOP
                table.setdefault(key, []).append(_Alias(e, len(key), cased, stop, rank))
        if not table:
            return None
        automaton = ahocorasick.Automaton()
        for key, values in table.items():
            automaton.add_word(f" {key} ", tuple(values))
        automaton.make_automaton()
        return automaton

    # ------------------------------------------------------------------ access

    def entry(self, kind: str, id: str) -> LexEntry:
        """The entry ``id`` of ``kind``; KeyError if absent."""
        return self._by_key[(kind, id)]

    def entries(self, kind: str) -> list[LexEntry]:
        """Every entry of ``kind`` in file order (overridden entries keep their place)."""
        return list(self._by_kind.get(kind, []))

    @property
    def kinds(self) -> list[str]:
        return list(self._by_kind)

    def __len__(self) -> int:
        return len(self._by_key)

    # ------------------------------------------------------------------ matching

    def _scan(self, text: str, start: int, end: int) -> list[tuple[int, int, _Alias]]:
        """Every whole-word hit (overlapping) in ``text[start:end]``; the last scan is cached so
        that callers asking for one kind at a time pay for one pass.  A scan of a whole text is
        kept apart: later calls for a range of the same text take its hits that lie wholly in
        the range (the words of the text, not of the cut-out range)."""
        cache = self._cache
        if cache is not None and cache[0] is text and cache[1] == start and cache[2] == end:
            return cache[3]
        full = self._full
        if full is not None and full[0] is text and (start, end) != (0, len(text)):
            starts, hits_sorted = full[1], full[2]
            i = bisect_left(starts, start)
            j = bisect_left(starts, end, i)  # sorted by start
            return [h for h in hits_sorted[i:j] if h[1] <= end]
        hits: list[tuple[int, int, _Alias]] = []
        if self._automaton is not None and end > start:
            padded = " " + _normalise(_lower_same_length(text[start:end])) + " "
            for stop, values in self._automaton.iter(padded):
                # the key " alias " ends at ``stop`` in padded; padded[i + 1] is text[start + i]
                for v in values:
                    s = start + stop - v.length - 1
                    hits.append((s, s + v.length, v))
        self._cache = (text, start, end, hits)
        if start == 0 and end == len(text):
            ordered = sorted(hits, key=lambda h: (h[0], h[1]))
            self._full = (text, [h[0] for h in ordered], ordered)
        return hits

    def _resolved_whole(
        self, text: str, wanted: frozenset[str] | None, case_sensitive_acronyms: bool
    ) -> tuple[list[int], list[LexMatch]]:
        if self._resolved_text is not text:
            self._resolved_text, self._resolved = text, {}
        key = (wanted, case_sensitive_acronyms)
        got = self._resolved.get(key)
        if got is None:
            matches = self.find(
                text, 0, len(text), kinds=wanted, case_sensitive_acronyms=case_sensitive_acronyms
            )
            got = self._resolved[key] = ([m.span.start for m in matches], matches)
        return got

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        kinds: Collection[str] | None = None,
        case_sensitive_acronyms: bool = True,
    ) -> list[LexMatch]:
        """Matches in ``text[start:end]``, sorted by start, non-overlapping (longest wins).

        ``kinds`` limits the entry kinds considered (before overlaps are resolved).  Set
        ``case_sensitive_acronyms=False`` for text without case information (all lower or upper).
        """
        end = len(text) if end is None else min(end, len(text))
        start = max(0, start)
        wanted = None if kinds is None else frozenset(kinds)
        full = self._full
        if full is not None and full[0] is text and (start, end) != (0, len(text)):
            # a range of a text already scanned whole: its matches (resolved over the whole
            # text, so they are the text's words) that lie in the range
            starts, matches = self._resolved_whole(text, wanted, case_sensitive_acronyms)
            i = bisect_left(starts, start)
            j = bisect_left(starts, end, i)  # sorted by start
            return [m for m in matches[i:j] if m.span.end <= end]
        if self._cased_text is not text:
            self._cased_text, self._cased_of, self._match_of = text, {}, {}
        cased_of = self._cased_of
        candidates: list[tuple[int, int, int, int, int, _Alias]] = []
        append = candidates.append
        for s, e, v in self._scan(text, start, end):
            if wanted is not None and v.entry.kind not in wanted:
                continue
            if v.cased is not None:
                if case_sensitive_acronyms:
                    got = cased_of.get((s, e))
                    if got is None:
                        got = cased_of[(s, e)] = _alias_cased(text[s:e])
                    if got != v.cased:
                        continue
                elif v.stop:
                    continue
            # longest first, then earliest, then kind order, then lexicon order (the index
            # is unique, so the alias itself is never compared)
            append((s - e, s, v.rank, len(candidates), e, v))
        if not candidates:
            return []
        candidates.sort()
        starts: list[int] = []
        ends: list[int] = []
        chosen: list[tuple[int, int, _Alias]] = []
        for _len, s, _rank, _i, e, v in candidates:
            i = bisect_left(starts, s)
            if i > 0 and ends[i - 1] > s:
                continue
            if i < len(starts) and starts[i] < e:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            chosen.insert(i, (s, e, v))
        # one match object per (start, end, alias) of a text, shared by calls for other kinds
        match_of = self._match_of
        out: list[LexMatch] = []
        for s, e, v in chosen:
            m = match_of.get((s, e, id(v)))
            if m is None:
                m = match_of[(s, e, id(v))] = LexMatch(v.entry, Span(s, e, text[s:e]))
            out.append(m)
        return out


# --------------------------------------------------------------------------- loading


def _entries_from(data: Mapping[str, Any], origin: str) -> list[LexEntry]:
    meta = data.get("meta")
    if not isinstance(meta, Mapping) or not isinstance(meta.get("kind"), str) or not meta["kind"]:
        raise LexiconError(f"{origin}: a [meta] table with a 'kind' string is required")
    kind = meta["kind"]
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise LexiconError(f"{origin}: 'entry' must be an array of tables ([[entry]])")
    out: list[LexEntry] = []
    seen: set[str] = set()
    for n, item in enumerate(raw, 1):
        where = f"{origin}: entry {n}"
        if not isinstance(item, Mapping):
            raise LexiconError(f"{where}: not a table")
        eid = item.get("id")
        if not isinstance(eid, str) or not eid.strip():
            raise LexiconError(f"{where}: 'id' must be a non-empty string")
        where = f"{origin}: entry {eid!r}"
        if eid in seen:
            raise LexiconError(f"{where}: duplicate id")
        seen.add(eid)
        aliases = item.get("aliases")
        if (
            not isinstance(aliases, list)
            or not aliases
            or not all(isinstance(a, str) and _alias_key(a) for a in aliases)
        ):
            raise LexiconError(f"{where}: 'aliases' must be a non-empty list of non-empty strings")
        label = item.get("label", eid)
        source = item.get("source", "")
        if not isinstance(label, str) or not isinstance(source, str):
            raise LexiconError(f"{where}: 'label' and 'source' must be strings")
        attrs = {k: v for k, v in item.items() if k not in _RESERVED}
        out.append(
            LexEntry(
                kind=kind,
                id=eid,
                label=label,
                aliases=tuple(aliases),
                source=source,
                attrs=MappingProxyType(attrs),
            )
        )
    return out


def _parse(payload: bytes, origin: str) -> list[LexEntry]:
    try:
        data = tomllib.loads(payload.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{origin}: not a valid TOML lexicon: {exc}") from exc
    return _entries_from(data, origin)


def _default_entries() -> list[LexEntry]:
    out: list[LexEntry] = []
    folder = resources.files("sitrep") / "lexicons"
    for name in DEFAULT_FILES:
        res = folder / name
        if not res.is_file():
            log.warning("default lexicon file %s is missing", name)
            continue
        out.extend(_parse(res.read_bytes(), f"sitrep/lexicons/{name}"))
    return out


def load_lexicon(*extra_paths: str | Path, include_default: bool = True) -> Lexicon:
    """The default lexicons (unless ``include_default=False``) plus user files, in order.

    An entry of a user file replaces the entry with the same (kind, id); new ids are added.
    Raises :class:`~sitrep.errors.LexiconError` for a missing or malformed file.
    """
    entries = list(_default_entries()) if include_default else []
    for p in extra_paths:
        path = Path(p)
        try:
            payload = path.read_bytes()
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read lexicon file: {exc}") from exc
        entries.extend(_parse(payload, str(path)))
    lex = Lexicon(entries)
    log.debug("lexicon: %d entries of kinds %s", len(lex), ", ".join(lex.kinds))
    return lex


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicons, loaded once per process."""
    return load_lexicon()


__all__ = [
    "LexEntry",
    "LexMatch",
    "Lexicon",
    "default_lexicon",
    "load_lexicon",
    "is_acronym",
    "plural_forms",
]
