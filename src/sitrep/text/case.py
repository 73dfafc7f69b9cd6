"""Letter case of a text: whether it carries case information at all.

Some sources have none: MUC-4 messages are all lower-case, some wires are ALL CAPS.  Stages that
read capitals (sentence ends, names, acronyms) ask :func:`is_caseless` and fall back to rules that
do not need them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOT_UPPER = re.compile(r"[^A-Z\u00c0-\u00de]+")
_NOT_LOWER = re.compile(r"[^a-z\u00df-\u00ff]+")


@lru_cache(maxsize=16)  # several stages ask about the same text
def letter_case_counts(text: str) -> tuple[int, int]:
    """(upper, lower) letter counts of ``text`` (Latin letters; regex-fast)."""
    return len(_NOT_UPPER.sub("", text)), len(_NOT_LOWER.sub("", text))


def is_caseless(text: str) -> bool:
    """True when the text has (almost) no lower-case or no upper-case letters."""
    upper, lower = letter_case_counts(text[:20000])
    if upper + lower < 20:
        return False
    share = upper / (upper + lower)
    return share < 0.01 or share > 0.9
