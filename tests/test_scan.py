"""The one-pass scan helpers give what the scans they stand for give."""

from __future__ import annotations

import random

from sitrep.extract import claims, speakers
from sitrep.text.scan import last_end, longest_space

WORDS = (
    "has have had been also later on Monday categorically that which although whereas however "
    "even as a claim an allegation . ; , : ( the army said police but yet so x"
).split()


def _texts(n: int, seed: int = 7):
    rnd = random.Random(seed)
    for _ in range(n):
        seps = [" ", " ", "  ", "\n", " " * rnd.randint(1, 120)]
        toks = [
            rnd.choice(WORDS) for _ in range(rnd.randint(1, 150 if rnd.random() < 0.8 else 900))
        ]
        yield rnd, "".join(t + rnd.choice(seps) for t in toks)


def _last(pattern, text, start, end):
    out = -1
    for m in pattern.finditer(text, start, end):
        out = m.end()
    return out


def test_last_end_matches_a_scan():
    for rnd, text in _texts(300):
        reach = 2 * longest_space(text) + 32
        for _ in range(8):
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, len(text))
            got = last_end(speakers._HARD_BOUNDARY, text, a, b, speakers._HARD_REACH)
            assert got == _last(speakers._HARD_BOUNDARY, text, a, b)
            got = last_end(claims._CLAUSE_START, text, a, b, reach)
            assert got == _last(claims._CLAUSE_START, text, a, b)
        for _ in range(8):  # one start, ends in any order: the kept scan grows and is reused
            b = rnd.randint(0, len(text))
            got = last_end(speakers._HARD_BOUNDARY, text, 0, b, speakers._HARD_REACH)
            assert got == _last(speakers._HARD_BOUNDARY, text, 0, b)


def test_aux_tail_matches_the_whole_search():
    for rnd, text in _texts(300, seed=11):
        for _ in range(8):
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, len(text))
            whole = speakers._AUX_TAIL.search(text, a, b)
            got = speakers._aux_tail(text, a, b)
            assert (got and got.span()) == (whole and whole.span())


def test_aux_tail_long_tail_falls_back():
    text = "The army" + " has also" * 80 + " said"
    end = text.rindex(" said")
    assert speakers._aux_tail(text, 0, end).start() == len("The army")
