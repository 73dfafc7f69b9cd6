"""Text normalisation and the stable content id.

The extractor's spans index into the text :func:`normalise_text` returns, so every reader stores
exactly that text in ``Article.text``; nothing changes it afterwards.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Line separators of every kind become "\n" (CRLF is replaced first, so it becomes one newline).
_NEWLINES = re.compile(r"[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Control characters other than "\n" and "\t", the BOM / zero-width no-break space, lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
_MANY_BLANK_LINES = re.compile(r"\n{4,}")  # more than two blank lines
_LINE_END_SPACES = (" \n", "\t\n", "\u00a0\n", "\u3000\n")


def normalise_text(text: str) -> str:
    """The canonical form of an article's text; idempotent.

    Unicode NFC; every newline convention becomes ``\\n``; control characters other than ``\\n``
    and ``\\t`` are removed (lone surrogates become U+FFFD); spaces at line ends are removed;
    more than two blank lines in a row become two; leading and trailing whitespace is removed.
    """
    text = _NEWLINES.sub("\n", text.replace("\r\n", "\n"))
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(end in text for end in _LINE_END_SPACES):  # the cheap test saves a regex pass
        text = _TRAILING_SPACE.sub("", text)
    if "\n\n\n\n" in text:
        text = _MANY_BLANK_LINES.sub("\n\n\n", text)
    return text.strip()


def content_id(text: str) -> str:
    """Stable id of an article's content: sha256 of the normalised text with runs of whitespace
    folded to one space, first 16 hex digits.  The same text re-wrapped gets the same id."""
    return hash_normalised(normalise_text(text))


def hash_normalised(text: str) -> str:
    """:func:`content_id` of a text that is already normalised (skips normalising again)."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]
