"""Person names in text with or without capitals.

In cased text a name is a run of capitalised words.  In caseless text (all lower or all upper
case, as the MUC-4 texts are given) nothing marks a name, so a word is name-like when it is not
a common English word (``data/english_words.txt``, derived from SCOWL), not a nationality
adjective and not a closed-class word; a few given names that are also English words ("maria",
"victor", "martin") are name-like at the start of a run or between two name words.  Spanish and
Portuguese particles ("de", "del", "da", "y") join two name words ("eliecer de jesus acevedo",
"joaquin lopez y lopez").

The context rules that make a run of such words a person (a title before it, a harm word before
it, a passive harm verb after it) live in :mod:`sitrep.extract.roles`; this module gives the word
test, the particles, and :func:`fullest`, which keeps one mention per person: the fullest form
("luis carlos galan" over "galan").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from sitrep.model import Span

_DATA = Path(__file__).resolve().parent / "data"
_GEO_DATA = Path(__file__).resolve().parent.parent / "geo" / "data"

#: given names that are also common English words; name-like only next to other name words
GIVEN_ALSO_WORDS = frozenset(
    "maria victor martin angel ray mike roman rose mark frank grace hope dean guy "
    "bill will jack pat gene art sonny rich belle".split()
)

#: particles inside Hispanic and Lusophone names; never first or last in a name
PARTICLES = frozenset("de del da do dos das y e la las los van von".split())

#: common words that are written in names of people only in this sense
_NOT_NAMES = frozenset(
    "mr mrs ms dr st jr sr msgr col gen lt sgt capt maj cpl gov sen rep prof fr eng am pm "
    "today tonight yesterday tomorrow".split()
)


def _read_words(path: Path) -> set[str]:
    out: set[str] = set()
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        out.update(w.lower() for w in line.split())
    return out


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words (never a name word in caseless text), with nationality adjectives."""
    words = _read_words(_DATA / "english_words.txt")
    geo = _GEO_DATA / "common_words.txt"
    if geo.exists():  # its English part: the lines after "# given and family names" are names
        text = geo.read_text(encoding="utf-8").split("# given and family names", 1)[0]
        for line in text.splitlines():
            words.update(line.split("#", 1)[0].lower().split())
    demonyms = _GEO_DATA / "demonyms.tsv"
    if demonyms.exists():
        for line in demonyms.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word = line.split("\t", 1)[0].strip().lower()
                words.add(word)
                words.add(word + "s")
    words |= _NOT_NAMES
    return frozenset(words)


def caseless_name_word(low: str) -> bool:
    """``low`` (a lower-cased word) may be part of a person's name in text without capitals."""
    if len(low) < 2 or low in PARTICLES:
        return False
    core = low.replace("'", "").replace("-", "").replace("’", "")
    if not core.isalpha():
        return False
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return low not in common_words() or low in GIVEN_ALSO_WORDS


def given_also_word(low: str) -> bool:
    """A given name that is also an English word ("maria", "victor")."""
    return low in GIVEN_ALSO_WORDS


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.lower().replace("'s", "").replace(",", " ").split() if w)


def same_person(a: str, b: str) -> bool:
    """``b`` is a shorter mention of the person ``a`` names: its words are a subsequence of
    ``a``'s ("galan" / "luis carlos galan", "rodriguez porth" / "jose antonio rodriguez porth")."""
    wa, wb = _words(a), _words(b)
    if not wb or len(wb) > len(wa):
        return False
    it = iter(wa)
    return all(w in it for w in wb)


def fullest(names: Iterable[str]) -> list[str]:
    """One mention per person, the fullest one, in order of first appearance."""
    names = list(names)
    keep: list[str] = []
    for n, name in enumerate(names):
        longer = [
            other
            for m, other in enumerate(names)
            if m != n
            and same_person(other, name)
            and (
                len(_words(other)) > len(_words(name)) or (m < n and _words(other) == _words(name))
            )
        ]
        if not longer:
            keep.append(name)
    return keep


def fullest_index(names: Sequence[str]) -> list[int]:
    """Indices of :func:`fullest` mentions of ``names`` (same rule)."""
    kept = fullest(names)
    out: list[int] = []
    for name in kept:
        for i, other in enumerate(names):
            if other == name and i not in out:
                out.append(i)
                break
    return out


__all__ = [
    "GIVEN_ALSO_WORDS",
    "PARTICLES",
    "caseless_name_word",
    "common_words",
    "fullest",
    "fullest_index",
    "given_also_word",
    "same_person",
]


_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\w'’-]+)")
#: words that make the place name after them a place, whatever comes next ("in x", "near x")
_LOCATIVES = frozenset(
    "in at near from of to into outside inside toward towards between and through".split()
)


def place_in_person_name(low: str, start: int, end: int, *, other_places: Sequence[Span]) -> bool:
    """In text without capitals, the place name at ``low[start:end]`` is a word of a person's
    name: a name word touches it before ("carlos valencia garcia", "diaz salvador"), or a name
    word after it and no locative before ("president leon febres cordero").  A word of another
    place name (``other_places``) is not a name word ("bogota, cundinamarca" is two places)."""

    def name_word(m: re.Match[str] | None) -> bool:
        if m is None or not caseless_name_word(m.group(1)):
            return False
        return not any(sp.start <= m.start(1) < sp.end for sp in other_places)

    before = _WORD_BEFORE.search(low, max(0, start - 40), start)
    if name_word(before):
        return True
    after = _WORD_AFTER.match(low, end)
    if not name_word(after):
        return False
    return before is None or before.group(1) not in _LOCATIVES
