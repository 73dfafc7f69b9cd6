"""The pure merge functions: match scores with reasons, and UCDP-style figure reconciliation."""

from __future__ import annotations

import datetime as dt

from sitrep.merge import FigureReport, reconcile
from sitrep.merge.match import (
    Facts,
    PlaceFacts,
    assign,
    distance_km,
    place_match,
    same_article_cluster,
    score,
    types_compatible,
)

D = dt.date(2026, 2, 2)
QUETTA = PlaceFacts(
    "geonames:1", "Quetta", 30.184, 67.001, 1, "Balochistan", "Quetta District", "PK", True
)
NEAR_QUETTA = PlaceFacts(
    "geonames:2", "Quetta Cantonment", 30.21, 67.02, 2, "Balochistan", "Quetta District", "PK", True
)
GWADAR = PlaceFacts(
    "geonames:3", "Gwadar", 25.12, 62.33, 1, "Balochistan", "Gwadar District", "PK", True
)
PROVINCE = PlaceFacts("geonames:4", "Balochistan", 28.5, 65.0, 3, "Balochistan", None, "PK", True)


def facts(
    place: PlaceFacts | None = QUETTA,
    *,
    date: dt.date | None = D,
    types=("bombing/explosion",),
    actors=("BLA",),
    article="a",
) -> Facts:
    return Facts(date, place, frozenset(types), frozenset(actors), frozenset({article}))


def test_distance() -> None:
    assert abs(distance_km(30.184, 67.001, 25.12, 62.33) - 723) < 10


def test_same_event_scores_high_with_reasons() -> None:
    m = score(facts(article="a"), facts(article="b"))
    assert m.accepted and m.score == 1.0
    assert m.reasons == [
        "same day 2026-02-02",
        "same place Quetta (geonames:1)",
        "types share bombing/explosion",
        "shared actors BLA",
    ]


def test_gates() -> None:
    other = facts(article="b")
    assert score(facts(date=D + dt.timedelta(days=2)), other).score == 0
    assert score(facts(date=None), other).score == 0
    assert score(facts(GWADAR), other).score == 0
    assert (
        score(
            facts(types=("hostage taking (kidnapping)",)),
            facts(types=("bombing/explosion",), article="b"),
        ).score
        == 0
    )
    assert score(facts(article="b"), other).reasons == [
        "the event already has an incident from this article"
    ]
    assert (
        score(facts(PROVINCE), other).score == 0
    )  # a province-level report is not the town's event


def test_precision_allows_distance() -> None:
    s, why = place_match(NEAR_QUETTA, QUETTA)
    assert 0.5 < s < 1 and "within 30 km for precision 2" in why
    exact = PlaceFacts("geonames:5", "Somewhere", 30.21, 67.02, 1, None, None, "PK", True)
    assert place_match(exact, QUETTA)[0] > 0  # 3.5 km apart, within 10 km
    far = PlaceFacts("geonames:6", "Elsewhere", 30.5, 67.0, 1, None, None, "PK", True)
    assert place_match(far, QUETTA)[0] == 0  # 35 km, outside 10 km
    unresolved = PlaceFacts("name:quetta", "Quetta", precision=None)
    assert place_match(unresolved, QUETTA)[0] == 0.8


def test_adjacent_days_and_unknown_actor_score_lower() -> None:
    m = score(facts(date=D + dt.timedelta(days=1), actors=()), facts(article="b"))
    assert m.accepted and m.score < 0.85 and "adjacent days" in m.reasons


def test_types_compatible() -> None:
    assert types_compatible(["armed assault"], ["armed clash"])[0] == 0.7
    assert types_compatible(["unknown"], ["bombing/explosion"])[0] == 0.5
    assert types_compatible(["hostage taking (kidnapping)"], ["bombing/explosion"])[0] == 0


def test_assign_is_one_to_one_and_prefers_the_best() -> None:
    incidents = [facts(article="x"), facts(NEAR_QUETTA, article="x")]
    events = [(10, facts(NEAR_QUETTA, article="e")), (11, facts(article="f"))]
    a = assign(incidents, events)
    assert [x.event for x in a] == [11, 10]
    lonely = assign([facts(GWADAR, article="x")], events)
    assert lonely[0].event is None and lonely[0].match.reasons == ["no existing event matched"]


def test_same_article_cluster() -> None:
    one = [facts(), facts(types=("armed assault",)), facts(GWADAR), facts(actors=("TTP",))]
    assert same_article_cluster(one) == [[0, 1], [2], [3]]


def r(
    article: str,
    best: int,
    low: int | None = None,
    high: int | None | str = "same",
    category="security_forces",
    source=None,
) -> FigureReport:
    return FigureReport(
        article,
        "killed",
        category,
        best if low is None else low,
        best,
        best if high == "same" else high,
        source=source,
    )


def test_reconcile_24_25_26() -> None:
    (sf, total) = sorted(
        reconcile([r("a", 24, high=None, source="police"), r("b", 25), r("c", 26)]),
        key=lambda e: e.category != "security_forces",
    )
    assert (sf.low, sf.best, sf.high, sf.number_of_sources, sf.conflicting) == (24, 25, 26, 3, True)
    assert [x.source for x in sf.reports] == ["police", None, None]
    assert total.category == "all" and (total.low, total.best, total.high) == (24, 25, 26)


def test_one_article_counts_once_and_agreeing_reports_do_not_conflict() -> None:
    (sf, _) = reconcile([r("a", 2), r("a", 3), r("b", 3)])
    assert (sf.low, sf.best, sf.high, sf.number_of_sources, sf.conflicting) == (3, 3, 3, 2, False)


def test_all_is_the_people_figure_or_the_sum_of_categories() -> None:
    est = reconcile(
        [
            r("a", 18, category="civilians"),
            r("a", 15),
            r("a", 121, high=None, category="unknown"),
            r("b", 33, category="unknown"),
        ]
    )
    total = next(e for e in est if e.category == "all")
    assert (total.low, total.best, total.high, total.number_of_sources) == (33, 33, 121, 2)
    derived = reconcile([r("a", 18, category="civilians"), r("a", 15)])
    total = next(e for e in derived if e.category == "all")
    assert (total.best, total.reports[0].derived) == (33, True)


def test_a_mixed_count_of_other_categories_is_a_part_of_the_total() -> None:
    mixed = FigureReport(
        "a", "killed", "unknown", 33, 33, 33, covers=("civilians", "security_forces")
    )
    est = reconcile([r("a", 92, category="militants"), mixed])
    total = next(e for e in est if e.category == "all")
    assert (total.low, total.best, total.high) == (125, 125, 125)
    # a count of "people" that overlaps a category given is a total, not a part
    overlapping = FigureReport("a", "killed", "unknown", 20, 20, 20, covers=("militants",))
    est = reconcile([r("a", 92, category="militants"), overlapping])
    total = next(e for e in est if e.category == "all")
    assert total.best == 92


def test_open_high_adds_nothing_above_given_numbers() -> None:
    (only, _) = reconcile([r("a", 121, high=None)])
    assert (only.low, only.best, only.high) == (121, 121, 121)
