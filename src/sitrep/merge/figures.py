"""Reconcile the casualty figures several reports give for one event (or one coordinated wave).

The UCDP way: for each (status, category) keep every report with who gave it, and give
``low`` (the lowest count any source reports), ``high`` (the highest; an open "more than N" adds
nothing above the numbers actually given), ``best`` (the median of the sources' best counts, the
lower middle when their number is even: conservative) and ``number_of_sources`` (distinct
articles).  Conflicting reports stay side by side in ``reports``; nothing is averaged away.

Within one article a figure superseded by a later one is ignored, and when an article gives
several figures for the same status and category of one event, its largest count is its report
(the later, fuller tally; an article never counts twice).

The category ``all`` is each article's total for a status: its "people" figure when it gives one,
otherwise (or when larger) the sum of its specific categories.  Figures at the ``aggregate`` or
``background`` level never reach this module: they are kept as reported, never added to events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

ALL = "all"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class FigureReport:
    """One article's figure for one event or wave."""

    article_id: str
    status: str
    category: str
    low: int
    best: int
    high: int | None
    level: str = "incident"
    figure_id: str = ""  # the figure's id within its extraction
    source: str | None = None  # who the article says reported it
    outlet: str | None = None
    quote: str = ""  # the words it was read from
    derived: bool = False  # an "all" total computed from the article's categories
    # for a count of mixed people ("33 civilians and security personnel"): the categories it spans
    covers: tuple[str, ...] = ()


@dataclass(slots=True)
class FigureEstimate:
    status: str
    category: str
    low: int
    best: int
    high: int
    number_of_sources: int
    conflicting: bool
    reports: list[FigureReport] = field(default_factory=list)


def _median_low(values: list[int]) -> int:
    values = sorted(values)
    return values[(len(values) - 1) // 2]


def _per_article(reports: Iterable[FigureReport]) -> dict[tuple[str, str, str], FigureReport]:
    """One report per (article, status, category): the largest count."""
    chosen: dict[tuple[str, str, str], FigureReport] = {}
    for r in reports:
        key = (r.article_id, r.status, r.category)
        have = chosen.get(key)
        if have is None or (r.best, r.low) > (have.best, have.low):
            chosen[key] = r
    return chosen


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _totals(chosen: dict[tuple[str, str, str], FigureReport]) -> list[FigureReport]:
    """Each article's ``all`` report per status."""
    by_article: dict[tuple[str, str], list[FigureReport]] = defaultdict(list)
    for (article, status, _), r in chosen.items():
        by_article[(article, status)].append(r)
    out: list[FigureReport] = []
    for (article, status), rs in sorted(by_article.items()):
        people = [r for r in rs if r.category == UNKNOWN]
        specific = [r for r in rs if r.category != UNKNOWN]
        # a mixed count of categories the article gives no count of is a part, not a total:
        # "33 civilians and security personnel" beside "92 militants" makes 125
        named = {r.category for r in specific}
        parts = [r for r in people if r.covers and not named.intersection(r.covers)]
        if parts and specific:
            part = max(parts, key=lambda r: (r.best, r.low))
            specific.append(part)
            people = [r for r in people if r is not part]
        low = sum(r.low for r in specific)
        best = sum(r.best for r in specific)
        high: int | None = 0 if specific else None
        for r in specific:
            high = _add(high, r.high)
        base = specific[0] if specific else people[0]
        if people:
            p = people[0]
            if p.best >= best:
                low, best, high = max(low, p.low), p.best, p.high
                base = p
        out.append(
            FigureReport(
                article_id=article,
                status=status,
                category=ALL,
                low=low,
                best=best,
                high=high,
                level=base.level,
                figure_id=base.figure_id if len(rs) == 1 or base in people else "",
                source=base.source,
                outlet=base.outlet,
                quote=base.quote if len(rs) == 1 or base in people else "",
                derived=not (len(rs) == 1 or base in people),
            )
        )
    return out


def reconcile(reports: Iterable[FigureReport]) -> list[FigureEstimate]:
    """Low / best / high per (status, category), plus the ``all`` total per status."""
    chosen = _per_article(reports)
    pool = list(chosen.values()) + _totals(chosen)
    grouped: dict[tuple[str, str], list[FigureReport]] = defaultdict(list)
    for r in pool:
        grouped[(r.status, r.category)].append(r)
    out: list[FigureEstimate] = []
    for (status, category), rs in sorted(grouped.items()):
        rs.sort(key=lambda r: (r.article_id, r.figure_id))
        bests = [r.best for r in rs]
        high = max(max(r.high if r.high is not None else r.best for r in rs), max(bests))
        out.append(
            FigureEstimate(
                status=status,
                category=category,
                low=min(r.low for r in rs),
                best=_median_low(bests),
                high=high,
                number_of_sources=len({r.article_id for r in rs}),
                conflicting=len({(r.low, r.best, r.high) for r in rs}) > 1,
                reports=rs,
            )
        )
    return out


def estimate(
    estimates: Iterable[FigureEstimate], status: str, category: str
) -> FigureEstimate | None:
    for e in estimates:
        if e.status == status and e.category == category:
            return e
    return None
