"""Dates and periods: what is found, the fields read, resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.model import DatePrecision
from sitrep.text.dates import DateMention, find_dates, find_periods, resolve_date

PUB = dt.date(2026, 2, 3)  # a Tuesday


def one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, [d.span.text for d in found]
    d = found[0]
    assert text[d.span.start : d.span.end] == d.span.text
    return d


@pytest.mark.parametrize(
    ("text", "quoted", "ymd"),
    [
        ("On February 2, rebels struck.", "February 2", (None, 2, 2)),
        ("The raid on 2 Feb 2026 failed.", "2 Feb 2026", (2026, 2, 2)),
        ("The raid on Feb. 2, 2026 failed.", "Feb. 2, 2026", (2026, 2, 2)),
        ("Logged as 2026-02-02 by police.", "2026-02-02", (2026, 2, 2)),
        ("It began on the 2nd of February.", "2nd of February", (None, 2, 2)),
        ("it took place on 30 december in town.", "30 december", (None, 12, 30)),
        ("On Monday, February 2, 2026, it began.", "Monday, February 2, 2026", (2026, 2, 2)),
    ],
)
def test_absolute_dates(text: str, quoted: str, ymd: tuple[int | None, int, int]) -> None:
    d = one(text)
    assert d.kind == "absolute"
    assert d.span.text == quoted
    assert (d.year, d.month, d.day) == ymd


def test_on_the_nth_resolves_in_the_latest_month() -> None:
    d = one("Police said it happened on the 2nd.")
    assert d.kind == "absolute" and d.day == 2 and d.month is None
    r = resolve_date(d, PUB)
    assert r is not None and r.iso == "2026-02-02"
    assert resolve_date(d, None) is None


def test_lower_case_may_is_a_month_only_when_pinned() -> None:
    assert find_dates("they may 5 times over") == []
    d = one("the attack on may 5.")
    assert (d.month, d.day) == (5, 5)


@pytest.mark.parametrize(
    ("text", "weekday", "part", "approximate", "iso"),
    [
        ("Militants attacked on Saturday.", 5, None, False, "2026-01-31"),
        ("Saturday night a bomb went off.", 5, "night", False, "2026-01-31"),
        ("late Sunday night a bomb went off.", 6, "late night", True, "2026-02-01"),
        ("Police said early Monday that", 0, "early morning", True, "2026-02-02"),
        ("The raid on Tuesday was repelled.", 1, None, False, "2026-02-03"),
        ("It happened last Tuesday.", 1, None, False, "2026-01-27"),
        ("in the early hours of Sunday", 6, "early hours", False, "2026-02-01"),
    ],
)
def test_weekdays(text: str, weekday: int, part: str | None, approximate: bool, iso: str) -> None:
    d = one(text)
    assert d.kind == "weekday"
    assert d.weekday == weekday and d.part_of_day == part and d.approximate is approximate
    r = resolve_date(d, PUB)
    assert r is not None and r.iso == iso and r.relative and r.precision == DatePrecision.DAY
    assert r.spans == [d.span]
    assert resolve_date(d, None) is None


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("Yesterday two were killed.", "2026-02-02", DatePrecision.DAY),
        ("A blast last night shook the town.", "2026-02-02", DatePrecision.DAY),
        ("The curfew holds today.", "2026-02-03", DatePrecision.DAY),
        ("It happened the day before yesterday.", "2026-02-01", DatePrecision.DAY),
        ("It happened two days ago.", "2026-02-01", DatePrecision.DAY),
        ("Clashes earlier this week killed one.", "2026-02-02", DatePrecision.WEEK),
        ("Clashes last week killed one.", "2026-01-26", DatePrecision.WEEK),
        ("Clashes last month killed one.", "2026-01", DatePrecision.MONTH),
    ],
)
def test_relative(text: str, iso: str, precision: DatePrecision) -> None:
    d = one(text)
    assert d.kind == "relative"
    r = resolve_date(d, PUB)
    assert r is not None and r.iso == iso and r.precision == precision and r.relative
    assert resolve_date(d, None) is None


def test_relative_to_another_event_is_not_resolved() -> None:
    d = one("A raid took place the day before.")
    assert d.kind == "relative" and d.offset_days is None
    assert resolve_date(d, PUB) is None


def test_month_and_year_only() -> None:
    text = "In January the group struck, in January 2024 too, and it seized power in 2021."
    found = find_dates(text)
    assert [(d.kind, d.span.text) for d in found] == [
        ("month_only", "January"),
        ("month_only", "January 2024"),
        ("year_only", "2021"),
    ]
    assert resolve_date(found[0], PUB).iso == "2026-01"  # type: ignore[union-attr]
    assert resolve_date(found[0], dt.date(2025, 12, 1)).iso == "2025-01"  # type: ignore[union-attr]
    assert resolve_date(found[0], None).iso == "--01"  # type: ignore[union-attr]
    assert resolve_date(found[2], None).iso == "2021"  # type: ignore[union-attr]


def test_month_day_without_published_keeps_year_unknown() -> None:
    r = resolve_date(one("On February 2, rebels struck."), None)
    assert r is not None and r.year is None and r.iso == "--02-02" and not r.relative


def test_month_day_after_publication_takes_previous_year() -> None:
    d = one("On December 30 rebels struck.")
    assert resolve_date(d, PUB).iso == "2025-12-30"  # type: ignore[union-attr]
    near = one("On February 4 rebels struck.")  # a day after publication: a time-zone slip
    assert resolve_date(near, PUB).iso == "2026-02-04"  # type: ignore[union-attr]


def test_durations_are_not_dates() -> None:
    assert find_dates("They killed 133 militants within 48 hours.") == []


@pytest.mark.parametrize(
    ("text", "quoted", "kind", "days"),
    [
        ("133 killed within 48 hours.", "within 48 hours", "duration", 2),
        ("killed in the past 48 hours.", "in the past 48 hours", "past_period", 2),
        ("killed over the past week.", "over the past week", "past_period", 7),
        ("700 killed in the past year.", "in the past year", "past_period", 365),
        ("more attacks last year.", "last year", "calendar_period", 365),
        ("attacks this year rose.", "this year", "calendar_period", 365),
        ("attacks so far this year.", "so far this year", "calendar_period", 365),
        ("attacks since January.", "since January", "calendar_period", None),
        ("activity in recent months.", "in recent months", "past_period", 90),
        ("killed during 2025.", "during 2025", "calendar_period", 365),
        ("a 48-hour operation ended.", "48-hour", "duration", 2),
        ("killed over three days.", "over three days", "duration", 3),
        ("412 rebels were killed in 2023, police say.", "in 2023", "calendar_period", 365),
        ("the toll reached 60 since Tuesday.", "since Tuesday", "calendar_period", 7),
        ("90 died between March and June.", "between March and June", "calendar_period", 90),
        ("9,000 died between 1990 and 1999.", "between 1990 and 1999", "calendar_period", 9 * 365),
        ("after a year in which 80 guards died.", "a year in which", "past_period", 365),
        ("31 killed since the truce began.", "since the truce began", "calendar_period", None),
        (
            "since the start of the insurgency",
            "since the start of the insurgency",
            "calendar_period",
            None,
        ),
    ],
)
def test_periods(text: str, quoted: str, kind: str, days: float | None) -> None:
    found = find_periods(text)
    assert len(found) == 1, [p.span.text for p in found]
    p = found[0]
    assert (p.span.text, p.kind, p.days) == (quoted, kind, days)
    assert text[p.span.start : p.span.end] == p.text


def test_separate_encounters_is_not_a_period() -> None:
    assert find_periods("41 insurgents died in separate encounters.") == []


def test_window_offsets_are_absolute() -> None:
    text = "Intro. On Saturday, 12 died within 48 hours."
    d = find_dates(text, 7)[0]
    assert d.span.start == text.index("Saturday")
    p = find_periods(text, 7)[0]
    assert text[p.span.start : p.span.end] == "within 48 hours"
    assert find_dates(text, 0, 6) == []


# --------------------------------------------------------------------------- properties

_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31))
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@given(
    _DATES, st.integers(0, 6), st.sampled_from(["on {}", "{} night", "late {} night", "early {}"])
)
def test_weekday_resolves_within_the_week_before(pub: dt.date, wd: int, form: str) -> None:
    text = "Gunmen struck " + form.format(_WEEKDAY_NAMES[wd]) + " in the city."
    (d,) = find_dates(text)
    r = resolve_date(d, pub)
    assert r is not None
    day = r.as_date()
    assert day is not None
    assert day.weekday() == wd
    assert pub - dt.timedelta(days=6) <= day <= pub


@given(_DATES, st.integers(1, 12), st.integers(1, 31), st.booleans())
def test_month_day_resolves_within_a_year_before(
    pub: dt.date, month: int, day: int, day_first: bool
) -> None:
    name = _MONTH_NAMES[month - 1]
    text = f"The raid on {day} {name} failed." if day_first else f"On {name} {day}, a raid failed."
    found = find_dates(text)
    if day > 31 or (month == 2 and day > 29) or (month in (4, 6, 9, 11) and day > 30):
        assert found == []
        return
    (d,) = found
    assert (d.month, d.day) == (month, day)
    r = resolve_date(d, pub)
    if r is None:  # only February 29 with no leap year close enough
        assert (month, day) == (2, 29)
        return
    got = r.as_date()
    assert got is not None
    assert pub - dt.timedelta(days=366) <= got <= pub + dt.timedelta(days=2)


@given(_DATES, st.integers(0, 10))
def test_days_ago(pub: dt.date, n: int) -> None:
    (d,) = find_dates(f"It happened {n} days ago.")
    r = resolve_date(d, pub)
    assert r is not None and r.as_date() == pub - dt.timedelta(days=n)


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/onFebMaySatudyhrstw")), max_size=60))
def test_spans_always_quote_the_text(text: str) -> None:
    for d in find_dates(text):
        assert text[d.span.start : d.span.end] == d.span.text
    for p in find_periods(text):
        assert text[p.span.start : p.span.end] == p.span.text


def test_a_month_and_year_is_a_date_not_a_period() -> None:
    assert find_periods("The attack in January 2024 killed six.") == []


def test_leap_day_more_than_a_year_back_is_not_resolved() -> None:
    # 2000-02-29 is 367 days before 2001-03-02: no February 29 lies within a year of it
    (d,) = find_dates("On February 29, a raid failed.")
    assert resolve_date(d, dt.date(2001, 3, 2)) is None
    assert resolve_date(d, dt.date(2000, 3, 2)).as_date() == dt.date(2000, 2, 29)


def test_war_and_long_stretches_are_periods() -> None:
    from sitrep.text.dates import find_periods

    got = [
        (p.span.text, p.kind)
        for p in find_periods(
            "Rebels have fought the state for decades; 9,000 died in the conflict."
        )
    ]
    assert got == [("for decades", "past_period"), ("in the conflict", "war")]
    assert find_periods("Five soldiers were killed in the fighting.") == []


def test_a_feast_named_after_a_day_is_not_a_period():
    assert find_periods("shot during a Day of the Dead festival in the town") == []
    assert [p.days for p in find_periods("40 died in a day of violence")] == [1]
