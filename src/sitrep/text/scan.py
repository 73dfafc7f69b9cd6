"""Repeated scans of one text by one pattern, answered from one pass.

Stages ask "where does the last clause boundary before this word end?" once per trigger word,
each time scanning from the start of the sentence; in text whose sentences are long (no case, so
few sentence breaks) that is a scan of the whole article per word.  :func:`last_end` answers from
one scan of the text per (pattern, start), and gives what the scan itself would give.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# the scans of the last text asked about: (text, {(pattern, start): (match starts, match ends)})
_MEMO: tuple[str, dict] = ("", {})
_SPACES = re.compile(r"\s+")


def _memo(text: str) -> dict:
    global _MEMO
    memo = _MEMO
    if memo[0] is not text:
        memo = _MEMO = (text, {})
    return memo[1]


def longest_space(text: str) -> int:
    """Length of the longest run of whitespace in ``text`` (memoised for the last text)."""
    memo = _memo(text)
    got = memo.get("space")
    if got is None:
        got = memo["space"] = max((len(s) for s in _SPACES.findall(text)), default=0)
    return got


def last_end(pattern: re.Pattern[str], text: str, start: int, end: int, reach: int) -> int:
    """``m.end()`` of the last ``m`` in ``pattern.finditer(text, start, end)``, -1 when none.

    ``pattern`` must never match the empty string, and ``reach`` must bound how far past the
    position it starts from any attempt of ``pattern`` looks (its longest match plus a look-ahead
    character).  A scan from ``start`` is kept per (pattern, start) and extended on demand: of a
    scan up to ``limit`` only the matches starting ``reach`` or more before ``limit`` are kept,
    since those looked at nothing from ``limit`` on and so are the matches of any longer scan.
    The scan up to ``end`` is then the kept matches starting ``reach`` or more before ``end``,
    and a rescan from the last of them.
    """
    memo = _memo(text)
    got = memo.get((pattern, start))
    if got is None:
        got = memo[(pattern, start)] = [[], [], start]  # match starts, match ends, scanned to
    starts, ends, limit = got
    if limit < min(end, len(text)):
        limit = min(len(text), end + reach + 64)
        resume = ends[-1] if ends else start
        for m in pattern.finditer(text, resume, limit):
            if m.start() + reach > limit and limit < len(text):
                break
            starts.append(m.start())
            ends.append(m.end())
        got[2] = limit
    k = bisect_right(starts, end - reach) - 1
    pos, last = start, -1
    if k >= 0:
        pos = last = ends[k]
    for m in pattern.finditer(text, pos, end):
        last = m.end()
    return last
