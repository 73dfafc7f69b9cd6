"""A cheap language guess: the script, then frequent function words for Latin-script text.

Enough to tell English from the rest and to label the rest; the extractor decides what to do.
Looks at most at the first ``_SAMPLE`` characters, so the cost is bounded on any input.
"""

from __future__ import annotations

import re
from collections import Counter

_SAMPLE = 8_000
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

# The most frequent function words of each language (short, distinctive lists).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is was were that for on with as by at from it an be are has have "
        "had this which said or but not they their his her he she who after been its also".split()
    ),
    "fr": frozenset(
        "le la les des et du un une est dans que qui pour sur par au aux pas plus ont été avec "
        "ce cette sont il elle selon".split()
    ),
    "es": frozenset(
        "el la los las de del y en que un una por con para es fue se su al lo como más según "
        "han sus".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine mit von zu den im auf für sich dem des wurde wurden "
        "bei nach auch sind".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que para com por não no na foi são pelo pela "
        "seu sua".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della e è che un una per con non sono nel nella dei delle ha "
        "stato".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te zijn met voor niet die aan er werd door bij ook".split()
    ),
}

# Letters that set one Arabic-script language apart from the others.
_PASHTO = set("ټډړږښځڅګڼۍې")
_URDU = set("ٹڈڑںےۓھ")
_PERSIAN = set("پچژگ")

# (first code point, last code point, script)
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x04FF, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1200, 0x137F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x3040, 0x30FF, "kana"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "cyrillic": "ru",
    "armenian": "hy",
    "hebrew": "he",
    "devanagari": "hi",
    "bengali": "bn",
    "gurmukhi": "pa",
    "tamil": "ta",
    "sinhala": "si",
    "thai": "th",
    "myanmar": "my",
    "georgian": "ka",
    "ethiopic": "am",
    "khmer": "km",
    "kana": "ja",
    "han": "zh",
    "hangul": "ko",
}
_MIN_WORDS = 4
_MIN_RATIO = 0.12


def _script(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, name in _SCRIPTS:
        if lo <= cp <= hi:
            return name
    return None


def _script_counts(sample: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    ascii_letters = _ASCII_LETTERS.subn("", sample)[1]
    if ascii_letters:
        counts["latin"] = ascii_letters
    for ch in "".join(_NON_ASCII.findall(sample)):  # only the non-ASCII rest, char by char
        if ch.isalpha():
            name = _script(ch)
            if name is not None:
                counts[name] = counts.get(name, 0) + 1
    return counts


def _arabic_script_language(sample: str) -> str:
    letters = set(sample)
    if letters & _PASHTO:
        return "ps"
    if letters & _URDU:
        return "ur"
    if letters & _PERSIAN:
        return "fa"
    return "ar"


def _latin_language(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return None
    freq = Counter(words)
    hits = {lang: sum(n for w, n in freq.items() if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    if hits[best] / len(words) < _MIN_RATIO:
        return None
    return best


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language: ``"en"`` when English function words are frequent;
    otherwise a guess from the script (``"ur"``, ``"ar"``, ``"ru"``, ...) or from another
    language's function words; None when there is too little to tell."""
    sample = text[:_SAMPLE]
    counts = _script_counts(sample)
    if not counts:
        return None
    script = max(counts, key=lambda name: (counts[name], name == "latin"))
    if script == "latin":
        return _latin_language(sample)
    if script == "han" and counts.get("kana", 0) * 10 >= counts["han"]:
        return "ja"
    if script == "arabic":
        return _arabic_script_language(sample)
    if script == "cyrillic" and set(sample) & set("іїєґІЇЄҐ"):
        return "uk"
    return _SCRIPT_LANGUAGE.get(script)
