"""UCDP GED-style CSV: one row per event, plus one aggregate row (event_clarity 2) per
coordinated wave for the deaths reported only for the wave (docs/exports.md).

The aggregate row carries what the wave's figure adds above the sum of its events' own figures,
so summing ``best`` over the file never counts a death twice; the wave's figure itself is never
pushed down into an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.export.common import (
    CIVILIAN_TARGETS,
    STATE_TARGETS,
    country_info,
    country_name,
    sources_text,
)
from sitrep.merge.figures import FigureEstimate
from sitrep.store.records import EventRecord, GroupRecord

COLUMNS = [
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "dyad_name",
    "source_article", "source_date", "source_headline", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country",
    "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "number_of_sources",
]  # fmt: skip

AGGREGATE_ID_BASE = 1_000_000_000
_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
_WHERE_PREC = {1: 1, 2: 2, 3: 4, 4: 6}


def _fig(figures: list[FigureEstimate], status: str, category: str) -> FigureEstimate | None:
    for f in figures:
        if f.status == status and f.category == category:
            return f
    return None


def _best(figures: list[FigureEstimate], category: str) -> int:
    f = _fig(figures, "killed", category)
    return f.best if f else 0


def violence_type(e: EventRecord) -> int:
    """1 state-based, 2 non-state, 3 one-sided (against civilians)."""
    targets = set(e.targets)
    if targets and targets <= CIVILIAN_TARGETS:
        return 3
    if targets & STATE_TARGETS or "security operation" in e.types or not targets:
        return 1
    return 2


def _sides(e: EventRecord, kind: int) -> tuple[str, str]:
    country = country_name(e)
    actor = e.perpetrators[0].name if e.perpetrators else "Unknown armed group"
    if kind == 1:
        return f"Government of {country}" if country else "Government", actor
    if kind == 3:
        return actor, "Civilians"
    return actor, "Unknown armed group"


def _deaths(figures: list[FigureEstimate], kind: int) -> dict[str, int]:
    civ = _best(figures, "civilians")
    state = _best(figures, "security_forces")
    rebels = _best(figures, "militants")
    total = _fig(figures, "killed", "all")
    known = civ + state + rebels
    unknown = max(0, (total.best if total else 0) - known)
    if kind == 3:
        return {
            "deaths_a": rebels,
            "deaths_b": 0,
            "deaths_civilians": civ + state,
            "deaths_unknown": unknown,
        }
    return {
        "deaths_a": state,
        "deaths_b": rebels,
        "deaths_civilians": civ,
        "deaths_unknown": unknown,
    }


def _row(e: EventRecord) -> dict[str, Any]:
    kind = violence_type(e)
    side_a, side_b = _sides(e, kind)
    total = e.figure("killed")
    where = e.where_prec or _WHERE_PREC.get(e.geo_precision or 4, 7)
    return {
        "id": e.id,
        "relid": f"sitrep-{e.id}",
        "year": e.date.year if e.date else "",
        "type_of_violence": kind,
        "side_a": side_a,
        "side_b": side_b,
        "dyad_name": f"{side_a} - {side_b}",
        "source_article": "; ".join(sources_text(e)),
        "source_date": "; ".join(
            sorted({s.published.isoformat() for s in e.sources if s.published})
        ),
        "source_headline": "; ".join(s.title for s in e.sources if s.title),
        "where_prec": where,
        "where_coordinates": e.location or "",
        "where_description": e.location or "",
        "adm_1": e.admin1 or "",
        "adm_2": e.admin2 or "",
        "latitude": round(e.latitude, 6) if e.latitude is not None else "",
        "longitude": round(e.longitude, 6) if e.longitude is not None else "",
        "geom_wkt": f"POINT ({e.longitude:.6f} {e.latitude:.6f})"
        if e.latitude is not None and e.longitude is not None
        else "",
        "country": country_name(e),
        "region": country_info(e.country)[3] or "",
        "event_clarity": 1,
        "date_prec": _DATE_PREC.get(e.date_precision or "", 5),
        "date_start": e.date.isoformat() if e.date else "",
        "date_end": (e.date_end or e.date).isoformat() if e.date else "",
        **_deaths(e.figures, kind),
        "best": total.best if total else 0,
        "high": total.high if total else 0,
        "low": total.low if total else 0,
        "number_of_sources": e.number_of_sources,
    }


def _remainder(group: GroupRecord, members: list[EventRecord]) -> list[FigureEstimate]:
    """The wave's figures less what its events already carry, per category (never below 0)."""
    out = []
    for f in group.figures:
        if f.status != "killed":
            continue
        inside = [m.figure("killed", f.category) for m in members]
        lo = max(0, f.low - sum(x.low for x in inside if x))
        be = max(0, f.best - sum(x.best for x in inside if x))
        hi = max(0, f.high - sum(x.high for x in inside if x))
        out.append(
            FigureEstimate(
                "killed", f.category, lo, be, max(hi, be), f.number_of_sources, f.conflicting, []
            )
        )
    return out


def rows(
    events: Iterable[EventRecord], groups: dict[int, GroupRecord] | None = None
) -> Iterator[dict[str, Any]]:
    listed = list(events)
    for e in listed:
        yield _row(e)
    by_group: dict[int, list[EventRecord]] = {}
    for e in listed:
        if e.group_id is not None:
            by_group.setdefault(e.group_id, []).append(e)
    for gid, members in sorted(by_group.items()):
        group = (groups or {}).get(gid)
        if group is None or not group.figures:
            continue
        rest = _remainder(group, members)
        total = _fig(rest, "killed", "all")
        if total is None or (total.best == 0 and total.high == 0):
            continue
        head = members[0]
        kind = violence_type(head)
        side_a, side_b = _sides(head, kind)
        yield {
            "id": AGGREGATE_ID_BASE + gid,
            "relid": f"sitrep-group-{gid}",
            "year": group.date.year if group.date else (head.date.year if head.date else ""),
            "type_of_violence": kind,
            "side_a": side_a,
            "side_b": side_b,
            "dyad_name": f"{side_a} - {side_b}",
            "source_article": "; ".join(sorted({s for m in members for s in sources_text(m)})),
            "source_date": "",
            "source_headline": "",
            "where_prec": 4,
            "where_coordinates": group.area or group.admin1 or "",
            "where_description": f"coordinated attacks, {len(members)} locations: "
            + ", ".join(m.location or "?" for m in members),
            "adm_1": group.admin1 or "",
            "adm_2": "",
            "latitude": round(group.latitude, 6) if group.latitude is not None else "",
            "longitude": round(group.longitude, 6) if group.longitude is not None else "",
            "geom_wkt": f"POINT ({group.longitude:.6f} {group.latitude:.6f})"
            if group.latitude is not None and group.longitude is not None
            else "",
            "country": country_name(head),
            "region": country_info(head.country)[3] or "",
            "event_clarity": 2,
            "date_prec": 1 if group.date else 5,
            "date_start": (group.date or head.date).isoformat()
            if (group.date or head.date)
            else "",  # type: ignore[union-attr]
            "date_end": (group.date or head.date).isoformat() if (group.date or head.date) else "",  # type: ignore[union-attr]
            **_deaths(rest, kind),
            "best": total.best,
            "high": total.high,
            "low": total.low,
            "number_of_sources": max(f.number_of_sources for f in group.figures),
        }
