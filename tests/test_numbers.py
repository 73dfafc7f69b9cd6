"""Number phrases: values, qualifiers, ranges, rejections, spans; with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.text.numbers import find_quantities, parse_quantity, words_to_int


def q(phrase: str) -> tuple[int, int, int | None]:
    got = parse_quantity(phrase)
    assert got is not None, phrase
    return got.low, got.best, got.high


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("24", 24),
        ("1,200", 1200),
        ("1.5 million", 1_500_000),
        ("two", 2),
        ("Twenty-four", 24),
        ("twenty four", 24),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("two thousand five hundred", 2500),
        ("3 lakh", 300_000),
    ],
)
def test_plain_numbers_are_exact(phrase: str, value: int) -> None:
    got = parse_quantity(phrase)
    assert got is not None
    assert (got.low, got.best, got.high) == (value, value, value)
    assert got.exact and not got.approximate


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at least 24", (24, 24, None)),
        ("At least 24", (24, 24, None)),
        ("no fewer than 24", (24, 24, None)),
        ("more than 120", (121, 121, None)),
        ("over 120", (121, 121, None)),
        ("More than 120", (121, 121, None)),
        ("upwards of 50", (51, 51, None)),
        ("nearly 30", (27, 29, 29)),
        ("almost 30", (27, 29, 29)),
        ("about 700", (630, 700, 771)),
        ("around 700", (630, 700, 771)),
        ("some 700", (630, 700, 771)),
        ("approximately 700", (630, 700, 771)),
        ("roughly 700", (630, 700, 771)),
        ("an estimated 700", (630, 700, 771)),
        ("up to 30", (27, 27, 30)),
        ("as many as 30", (27, 27, 30)),
        ("less than 10", (8, 8, 9)),
        ("under 10", (8, 8, 9)),
        ("24 or more", (24, 24, None)),
        ("30+", (30, 30, None)),
        ("more than a dozen", (13, 13, None)),
    ],
)
def test_qualifiers(phrase: str, expected: tuple[int, int, int | None]) -> None:
    assert q(phrase) == expected
    got = parse_quantity(phrase)
    assert got is not None and not got.exact


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("24 to 26", (24, 24, 26)),
        ("24-26", (24, 24, 26)),
        ("24 or 25", (24, 24, 25)),
        ("between 24 and 26", (24, 24, 26)),
        ("from 24 to 26", (24, 24, 26)),
        ("two or three", (2, 2, 3)),
    ],
)
def test_ranges_take_the_low_end_as_best(
    phrase: str, expected: tuple[int, int, int | None]
) -> None:
    assert q(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected", "approximate"),
    [
        ("a dozen", (10, 12, 14), True),
        ("two dozen", (21, 24, 27), True),
        ("dozens", (24, 24, None), True),
        ("hundreds", (200, 200, None), True),
        ("several", (3, 3, 9), True),
        ("a few", (3, 3, 5), True),
        ("a handful", (3, 3, 5), True),
        ("a couple", (2, 2, 3), True),
        ("tens of thousands", (20_000, 20_000, None), True),
    ],
)
def test_vague_words(phrase: str, expected: tuple[int, int, int | None], approximate: bool) -> None:
    got = parse_quantity(phrase)
    assert got is not None
    assert (got.low, got.best, got.high) == expected
    assert got.approximate is approximate and not got.exact


def test_scores_needs_a_following_of_or_verb() -> None:
    assert [x.span.text for x in find_quantities("Scores of people were wounded.")] == ["Scores"]
    assert find_quantities("Test scores rose this year.") == []


def test_hundreds_is_not_one_hundred() -> None:
    got = parse_quantity("hundreds")
    assert got is not None and got.low == 200


def test_rising_toll_is_not_a_range() -> None:
    found = find_quantities("The toll rose from 24 to 26 by evening.")
    assert [(x.span.text, x.high) for x in found] == [("24", 24), ("26", 26)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The group regained power in 2021.",
        "It was 2021's worst day.",
        "The blast happened at 10:30 in the market.",
        "Shops closed at 10 am on the day.",
        "Patrols resumed at 0830 hours.",
        "On February 2 the city was quiet.",
        "By 2 February the roads had reopened.",
        "It was the first such raid and the 2nd this month.",
        "Turnout fell by 50% and then by 12 percent.",
        "The reward was $50 and Rs 5 million.",
        "Section 144 was imposed under Article 245.",
        "Call +92 21 111-222-333 or 0300 1234567.",
        "It was one of the deadliest raids.",
        "No one claimed it and someone fled.",
        "The one who escaped was caught.",
        "A 24-year-old man was held.",
        "An AK-47 and an F-16 were mentioned.",
    ],
)
def test_rejections(sentence: str) -> None:
    assert find_quantities(sentence) == [], [x.span.text for x in find_quantities(sentence)]


def test_one_as_a_count() -> None:
    assert [x.best for x in find_quantities("One soldier died and one person was killed.")] == [
        1,
        1,
    ]
    assert [x.best for x in find_quantities("The raid killed one and injured two.")] == [1, 2]


def test_count_that_looks_like_a_year() -> None:
    assert [x.best for x in find_quantities("Floods displaced 2000 people.")] == [2000]
    assert [x.best for x in find_quantities("At least 2000 were held.")] == [2000]


def test_sentence_with_several_phrases_and_offsets() -> None:
    text = (
        "On Monday, at least 33 civilians and 15 troops died; over 120 in all, some 700 in a year."
    )
    found = find_quantities(text)
    assert [x.span.text for x in found] == ["at least 33", "15", "over 120", "some 700"]
    for x in found:
        assert text[x.span.start : x.span.end] == x.span.text
    window = find_quantities(text, 20, 60)
    assert [x.span.text for x in window] == ["33", "15"]  # "at least" lies before the window
    assert window[0].span.start == text.index("33")


def test_parse_quantity_rejects_more_than_a_phrase() -> None:
    assert parse_quantity("24 people") is None
    assert parse_quantity("") is None
    assert parse_quantity("in 2021") is None


# --------------------------------------------------------------------------- properties

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS_W = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int, *, hyphen: bool = True, and_: bool = True) -> str:
    """An independent speller for 1..999."""
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(f"{_ONES[hundreds]} hundred")
    if rest:
        if hundreds and and_:
            parts.append("and")
        if rest < 20:
            parts.append(_ONES[rest])
        else:
            t, u = divmod(rest, 10)
            parts.append(_TENS_W[t] + (("-" if hyphen else " ") + _ONES[u] if u else ""))
    return " ".join(parts)


@given(st.integers(0, 10**6))
def test_thousands_separators_round_trip(n: int) -> None:
    text = f"{n:,}"
    got = parse_quantity(text)
    if 1800 <= n <= 2100 and "," not in text:
        assert got is None  # a bare four-digit number in that band reads as a year
        return
    assert got is not None
    assert got.best == got.low == got.high == n
    assert got.span.text == text


@given(st.integers(1, 10**6))
def test_at_least_is_a_lower_bound(n: int) -> None:
    got = parse_quantity(f"at least {n:,}")
    assert got is not None
    assert got.low == n and got.best == n and got.high is None


@given(st.integers(1, 999), st.booleans(), st.booleans())
def test_words_round_trip(n: int, hyphen: bool, and_: bool) -> None:
    phrase = spell(n, hyphen=hyphen, and_=and_)
    assert words_to_int(phrase) == n
    got = parse_quantity(phrase)
    assert got is not None, phrase
    assert got.best == n


@given(st.integers(1, 999), st.sampled_from(["killed", "were wounded", "soldiers died"]))
def test_words_in_a_sentence_keep_their_span(n: int, tail: str) -> None:
    text = f"Officials said {spell(n)} {tail} on the road."
    found = find_quantities(text)
    assert [x.best for x in found] == [n]
    assert text[found[0].span.start : found[0].span.end] == found[0].span.text


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-:/abtwoneihfrsl%$")), max_size=60))
def test_spans_always_quote_the_text(text: str) -> None:
    prev_end = -1
    for x in find_quantities(text):
        assert text[x.span.start : x.span.end] == x.span.text
        assert x.low <= x.best and (x.high is None or x.best <= x.high)
        assert x.span.start >= prev_end
        prev_end = x.span.end
