"""Read-only SQL the API needs fast: filtered, sorted, paginated event lists, map points and stats.

The store (:mod:`sitrep.store`) gives whole events with figures and sources; listing 100,000 of
them page by page needs SQL that filters, sorts and counts in the database.  This module reads the
store's tables directly (``events``, ``places``, ``event_figures``), in the store's one dialect
(``?`` placeholders; :class:`~sitrep.store.backend.Database` adapts them to PostgreSQL).

Rules kept here:

- Every value from a request is a bound parameter.  The only text put into SQL is chosen from
  fixed tables in this module (sort keys, override field names), never taken from a request.
- A reviewer's edit wins: each filterable field is read through the event's ``overrides`` JSON
  (``COALESCE(override, column)``), so an edited event is found by its edited values.
- Only live events are listed (``number_of_sources > 0``; events merged away have none).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sitrep.store.backend import POSTGRESQL, Database

MAX_LIMIT = 500
MAX_MAP_POINTS = 100_000
MAX_TEXT = 200  # longest free-text / actor / place filter accepted


class QueryError(ValueError):
    """A filter value the API cannot use (the message says which and why)."""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for the event list, map and stats (all given conditions hold)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO alpha-2, alpha-3 or the country's name
    admin1: str | None = None
    type: str | None = None  # an ACLED event type, sub-event type or a GTD-style attack type
    actor: str | None = None  # actor id or (part of) a name
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    q: str | None = None  # free text over summary, location, province, actors
    review_status: str | None = None
    ids: tuple[int, ...] | None = None


# sort key -> (SQL expression key, direction); the expression keys index _expressions()
SORTS: dict[str, tuple[str, str]] = {
    "date": ("date", "ASC"),
    "-date": ("date", "DESC"),
    "fatalities": ("fatalities", "ASC"),
    "-fatalities": ("fatalities", "DESC"),
    "confidence": ("confidence", "ASC"),
    "-confidence": ("confidence", "DESC"),
    "sources": ("sources", "ASC"),
    "-sources": ("sources", "DESC"),
    "id": ("id", "ASC"),
    "-id": ("id", "DESC"),
}
DEFAULT_SORT = "-date"
REVIEW_STATUSES = ("unreviewed", "accepted", "edited")


def _override(db: Database, name: str, *, number: bool = False) -> str:
    """SQL for one reviewed value in ``e.overrides`` (``name`` comes from this module only)."""
    if db.backend == POSTGRESQL:
        expr = f"(e.overrides::jsonb ->> '{name}')"
        return f"CAST({expr} AS DOUBLE PRECISION)" if number else expr
    return f"json_extract(e.overrides, '$.{name}')"


def _edited(expr_override: str, column: str) -> str:
    return f"(CASE WHEN e.overrides = '{{}}' THEN {column} ELSE COALESCE({expr_override}, {column}) END)"


def _expressions(db: Database) -> dict[str, str]:
    types = (
        "(e.overrides::jsonb -> 'types')::text"
        if db.backend == POSTGRESQL
        else "json_extract(e.overrides, '$.types')"
    )
    return {
        "id": "e.id",
        "date": _edited(_override(db, "date"), "e.date"),
        "admin1": _edited(_override(db, "admin1"), "e.admin1"),
        "location": _edited(_override(db, "location"), "e.location"),
        "latitude": _edited(_override(db, "latitude", number=True), "e.latitude"),
        "longitude": _edited(_override(db, "longitude", number=True), "e.longitude"),
        "event_type": _edited(_override(db, "acled_event_type"), "e.acled_event_type"),
        "sub_event_type": _edited(_override(db, "acled_sub_event_type"), "e.acled_sub_event_type"),
        "types": _edited(types, "e.types"),
        "summary": _edited(_override(db, "summary"), "e.summary"),
        "actor1": _override(db, "actor1"),
        "fatalities": (
            f"COALESCE({_override(db, 'fatalities', number=True)}, f.best, 0)"
            if db.backend == POSTGRESQL
            else f"COALESCE({_override(db, 'fatalities')}, f.best, 0)"
        ),
        "confidence": "(CASE WHEN e.review_status = 'accepted' THEN 1.0 ELSE e.confidence END)",
        "sources": "e.number_of_sources",
    }


_FROM = (
    " FROM events e LEFT JOIN places p ON p.id = e.place_id"
    " LEFT JOIN event_figures f ON f.event_id = e.id AND f.status = 'killed' AND f.category = 'all'"
)


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its wildcards taken literally (ESCAPE '\\')."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_match(db: Database) -> str:
    """SQL true when a perpetrator's name contains the first parameter (a LIKE pattern) or its id
    equals the second (lower-cased)."""
    if db.backend == POSTGRESQL:
        return (
            "EXISTS (SELECT 1 FROM jsonb_array_elements(e.perpetrators::jsonb) AS a(v) "
            "WHERE LOWER(a.v ->> 'name') LIKE ? ESCAPE '\\' OR LOWER(a.v ->> 'actor_id') = ?)"
        )
    return (
        "EXISTS (SELECT 1 FROM json_each(e.perpetrators) AS a "
        "WHERE LOWER(json_extract(a.value, '$.name')) LIKE ? ESCAPE '\\' "
        "OR LOWER(json_extract(a.value, '$.actor_id')) = ?)"
    )


def _where(db: Database, query: EventQuery, x: dict[str, str]) -> tuple[str, list[Any]]:
    conds = ["e.number_of_sources > 0"]
    params: list[Any] = []
    if query.ids is not None:
        if not query.ids:
            conds.append("1 = 0")
        else:
            conds.append(f"e.id IN ({','.join('?' * len(query.ids))})")
            params += list(query.ids)
    if query.since:
        conds.append(f"{x['date']} >= ?")
        params.append(query.since.isoformat())
    if query.until:
        conds.append(f"{x['date']} <= ?")
        params.append(query.until.isoformat())
    if query.country:
        conds.append(
            "(UPPER(e.country) = ? OR UPPER(p.country_iso3) = ? OR LOWER(p.country_name) = ?)"
        )
        params += [query.country.upper(), query.country.upper(), query.country.lower()]
    if query.admin1:
        conds.append(f"LOWER({x['admin1']}) = ?")
        params.append(query.admin1.lower())
    if query.type:
        conds.append(
            f"(LOWER({x['event_type']}) = ? OR LOWER({x['sub_event_type']}) = ? "
            f"OR LOWER({x['types']}) LIKE ? ESCAPE '\\')"
        )
        t = query.type.lower()
        params += [t, t, _like(json.dumps(t, ensure_ascii=False))]
    if query.actor:
        conds.append(f"({_actor_match(db)} OR LOWER({x['actor1']}) LIKE ? ESCAPE '\\')")
        pattern = _like(query.actor.lower())
        params += [pattern, query.actor.lower(), pattern]
    if query.min_fatalities is not None:
        conds.append(f"{x['fatalities']} >= ?")
        params.append(query.min_fatalities)
    if query.bbox:
        w, s, e, n = query.bbox
        conds.append(
            f"{x['longitude']} >= ? AND {x['longitude']} <= ? "
            f"AND {x['latitude']} >= ? AND {x['latitude']} <= ?"
        )
        params += [w, e, s, n]
    if query.q:
        text = (
            f"LOWER(COALESCE({x['summary']}, '') || ' ' || COALESCE({x['location']}, '') || ' ' || "
            f"COALESCE({x['admin1']}, '') || ' ' || COALESCE(e.admin2, '') || ' ' || "
            "COALESCE(p.country_name, ''))"
        )
        for word in query.q.lower().split()[:8]:
            conds.append(f"({text} LIKE ? ESCAPE '\\' OR {_actor_match(db)})")
            params += [_like(word), _like(word), word]
    if query.review_status:
        conds.append("e.review_status = ?")
        params.append(query.review_status)
    return " WHERE " + " AND ".join(conds), params


# Events nobody reviewed are read from their columns (index-friendly); reviewed ones (a handful)
# through their overrides.  Every query runs on both parts and merges the results.
_REVIEWED = "(e.overrides <> '{}' OR e.review_status <> 'unreviewed')"
_UNREVIEWED = "e.overrides = '{}' AND e.review_status = 'unreviewed'"
_RAW = {
    "id": "e.id",
    "date": "e.date",
    "admin1": "e.admin1",
    "location": "e.location",
    "latitude": "e.latitude",
    "longitude": "e.longitude",
    "event_type": "e.acled_event_type",
    "sub_event_type": "e.acled_sub_event_type",
    "types": "e.types",
    "summary": "e.summary",
    "actor1": "NULL",
    "fatalities": "COALESCE(f.best, 0)",
    "confidence": "e.confidence",
    "sources": "e.number_of_sources",
}
_KILLED = (
    "SELECT event_id FROM event_figures WHERE status = 'killed' AND category = 'all' AND best >= ?"
)
_MAX_RESOLVED = 200


def _countries(db: Database, value: str) -> list[str]:
    """ISO alpha-2 codes meant by a country filter (a code, an alpha-3 code or a name)."""
    if len(value) == 2 and value.isalpha():
        return [value.upper()]
    return [
        str(c)
        for (c,) in db.all(
            "SELECT DISTINCT country FROM places WHERE country IS NOT NULL AND "
            "(UPPER(country_iso3) = ? OR LOWER(country_name) = ?)",
            (value.upper(), value.lower()),
        )
    ]


def _actor_ids(db: Database, word: str, *, exact_id: bool) -> list[str]:
    """Actor ids whose id equals ``word`` (when ``exact_id``) or whose name contains it."""
    rows = db.all(
        "SELECT id FROM actors WHERE LOWER(name) LIKE ? ESCAPE '\\'"
        + (" OR LOWER(id) = ?" if exact_id else "")
        + " ORDER BY id LIMIT ?",
        [_like(word.lower()), *([word.lower()] if exact_id else []), _MAX_RESOLVED],
    )
    return [str(r[0]) for r in rows]


def _perp_patterns(ids: list[str]) -> tuple[str, list[str]]:
    """SQL matching events whose perpetrators include one of ``ids`` (the store writes compact,
    key-sorted JSON: ``"actor_id":"BLA"``)."""
    if not ids:
        return "1 = 0", []
    pats = [_like(f'"actor_id":{json.dumps(i, ensure_ascii=False)}') for i in ids]
    return "(" + " OR ".join(["e.perpetrators LIKE ? ESCAPE '\\'"] * len(pats)) + ")", pats


def _fast_where(db: Database, query: EventQuery) -> tuple[str, list[Any]]:
    """The conditions of ``query`` on the columns of unreviewed events."""
    conds = ["e.number_of_sources > 0", _UNREVIEWED]
    params: list[Any] = []
    if query.ids is not None:
        if not query.ids:
            conds.append("1 = 0")
        else:
            conds.append(f"e.id IN ({','.join('?' * len(query.ids))})")
            params += list(query.ids)
    if query.since:
        conds.append("e.date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        conds.append("e.date <= ?")
        params.append(query.until.isoformat())
    if query.country:
        codes = _countries(db, query.country)
        conds.append(f"e.country IN ({','.join('?' * len(codes))})" if codes else "1 = 0")
        params += codes
    if query.admin1:
        conds.append("LOWER(e.admin1) = ?")
        params.append(query.admin1.lower())
    if query.type:
        t = query.type.lower()
        conds.append(
            "(LOWER(e.acled_event_type) = ? OR LOWER(e.acled_sub_event_type) = ? "
            "OR LOWER(e.types) LIKE ? ESCAPE '\\')"
        )
        params += [t, t, _like(json.dumps(t, ensure_ascii=False))]
    if query.actor:
        sql, pats = _perp_patterns(_actor_ids(db, query.actor, exact_id=True))
        conds.append(sql)
        params += pats
    if query.min_fatalities:
        conds.append(f"e.id IN ({_KILLED})")
        params.append(query.min_fatalities)
    if query.bbox:
        w, s, e, n = query.bbox
        conds.append(
            "e.longitude >= ? AND e.longitude <= ? AND e.latitude >= ? AND e.latitude <= ?"
        )
        params += [w, e, s, n]
    if query.q:
        for word in query.q.lower().split()[:8]:
            pattern = _like(word)
            ors = [
                f"LOWER(COALESCE({col}, '')) LIKE ? ESCAPE '\\'"
                for col in ("e.summary", "e.location", "e.admin1", "e.admin2")
            ]
            word_params: list[Any] = [pattern] * 4
            perp_sql, pats = _perp_patterns(_actor_ids(db, word, exact_id=False))
            if pats:
                ors.append(perp_sql)
                word_params += pats
            codes = [
                str(c)
                for (c,) in db.all(
                    "SELECT DISTINCT country FROM places WHERE LOWER(country_name) LIKE ? ESCAPE '\\' "
                    "AND country IS NOT NULL",
                    (pattern,),
                )
            ]
            if codes:
                ors.append(f"e.country IN ({','.join('?' * len(codes))})")
                word_params += codes
            conds.append("(" + " OR ".join(ors) + ")")
            params += word_params
    if query.review_status and query.review_status != "unreviewed":
        conds.append("1 = 0")
    return " WHERE " + " AND ".join(conds), params


@dataclass(frozen=True, slots=True)
class _Part:
    x: dict[str, str]  # expressions for this part
    where: str
    params: list[Any]


def _parts(db: Database, query: EventQuery) -> list[_Part]:
    fast_where, fast_params = _fast_where(db, query)
    slow_x = _expressions(db)
    slow_where, slow_params = _where(db, query, slow_x)
    return [
        _Part(_RAW, fast_where, fast_params),
        _Part(slow_x, slow_where + " AND " + _REVIEWED, slow_params),
    ]


_F_JOIN = (
    " LEFT JOIN event_figures f ON f.event_id = e.id AND f.status = 'killed' AND f.category = 'all'"
)
_P_JOIN = " LEFT JOIN places p ON p.id = e.place_id"


def _from(part: _Part, *, figures: bool) -> str:
    """FROM for ``part``: the reviewed part's expressions may read places; fatalities need f."""
    sql = " FROM events e"
    if part.x is not _RAW:
        sql += _P_JOIN
    if figures or part.x is not _RAW:
        sql += _F_JOIN
    return sql


@dataclass(slots=True)
class EventPage:
    total: int
    fatalities: int
    limit: int
    offset: int
    sort: str
    items: list[dict[str, Any]] = field(default_factory=list)


def _actor_names(raw: str, actor1: str | None) -> list[dict[str, Any]]:
    perps = json.loads(raw) if raw else []
    out = [
        {"id": p.get("actor_id"), "name": p.get("name"), "attribution": p.get("attribution")}
        for p in perps
    ]
    if actor1:
        out = [{"id": None, "name": actor1, "attribution": "reviewed"}] + [
            p for p in out[1:] if p["name"] != actor1
        ]
    return out


def list_events(
    db: Database, query: EventQuery, *, sort: str = DEFAULT_SORT, limit: int = 50, offset: int = 0
) -> EventPage:
    """One page of events matching ``query`` with the total count and fatalities of all matches."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be 1..{MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must be >= 0")
    key, direction = SORTS[sort]
    want = offset + limit
    total = 0
    keyed: list[tuple[Any, int]] = []
    nulls: list[int] = []
    for part in _parts(db, query):
        total += int(
            db.scalar("SELECT COUNT(*)" + _from(part, figures=False) + part.where, part.params) or 0
        )
        expr = part.x[key]
        src = _from(part, figures=key == "fatalities")
        keyed += [
            (k, int(i))
            for i, k in db.all(
                f"SELECT e.id, {expr}" + src + part.where + f" AND {expr} IS NOT NULL "
                f"ORDER BY {expr} {direction}, e.id {direction} LIMIT ?",
                [*part.params, want],
            )
        ]
        if key in ("date",):
            nulls += [
                int(i)
                for (i,) in db.all(
                    "SELECT e.id" + src + part.where + f" AND {expr} IS NULL "
                    f"ORDER BY e.id {direction} LIMIT ?",
                    [*part.params, want],
                )
            ]
    reverse = direction == "DESC"
    keyed.sort(reverse=reverse)
    nulls.sort(reverse=reverse)
    ordered = ([i for _, i in keyed] + nulls)[offset:want]
    x = _expressions(db)
    marks = ",".join("?" * len(ordered)) or "NULL"
    sql = (
        f"SELECT e.id, {x['date']}, {x['location']}, {x['admin1']}, e.country, p.country_name, "
        f"{x['latitude']}, {x['longitude']}, e.geo_precision, {x['event_type']}, "
        f"{x['sub_event_type']}, {x['types']}, e.perpetrators, {x['actor1']}, {x['fatalities']}, "
        f"e.number_of_sources, {x['confidence']}, e.review_status, {x['summary']}, e.group_id"
        + _FROM
        + f" WHERE e.id IN ({marks})"
    )
    found = {int(r[0]): r for r in db.all(sql, ordered)}
    rows = [found[i] for i in ordered if i in found]
    page = EventPage(total, 0, limit, offset, sort)
    for r in rows:
        types = r[11]
        page.items.append(
            {
                "id": int(r[0]),
                "date": r[1],
                "location": r[2],
                "admin1": r[3],
                "country": r[4],
                "country_name": r[5],
                "latitude": None if r[6] is None else float(r[6]),
                "longitude": None if r[7] is None else float(r[7]),
                "geo_precision": r[8],
                "event_type": r[9],
                "sub_event_type": r[10],
                "types": json.loads(types) if isinstance(types, str) else list(types or []),
                "actors": _actor_names(r[12], r[13]),
                "fatalities": int(r[14] or 0),
                "number_of_sources": int(r[15]),
                "confidence": float(r[16]),
                "review_status": r[17],
                "summary": r[18] or "",
                "group_id": r[19],
            }
        )
    return page


def map_points(db: Database, query: EventQuery, *, limit: int = MAX_MAP_POINTS) -> dict[str, Any]:
    """Compact markers: ``[id, lat, lon, fatalities, event type index, location, date]`` (most
    deaths first) plus the type names."""
    total = 0
    rows: list[tuple[Any, ...]] = []
    for part in _parts(db, query):
        x = part.x
        where = part.where + f" AND {x['latitude']} IS NOT NULL AND {x['longitude']} IS NOT NULL"
        total += int(
            db.scalar("SELECT COUNT(*)" + _from(part, figures=False) + where, part.params) or 0
        )
        rows += db.all(
            f"SELECT e.id, {x['latitude']}, {x['longitude']}, {x['fatalities']}, {x['event_type']}, "
            f"{x['location']}, {x['date']}"
            + _from(part, figures=True)
            + where
            + f" ORDER BY {x['fatalities']} DESC, e.id LIMIT ?",
            [*part.params, limit],
        )
    rows.sort(key=lambda r: (-int(r[3] or 0), int(r[0])))
    kinds: dict[str, int] = {}
    points = []
    for eid, lat, lon, fat, kind, loc, date in rows[:limit]:
        k = kinds.setdefault(kind or "Unknown", len(kinds))
        points.append(
            [int(eid), round(float(lat), 5), round(float(lon), 5), int(fat or 0), k, loc, date]
        )
    return {
        "total": total,
        "truncated": total > len(points),
        "types": list(kinds),
        "points": points,
    }


def _week(day: str) -> str:
    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def _month(day: str) -> str:
    return day[:7] + "-01"


_BUCKETS = {"day": lambda d: d[:10], "week": _week, "month": _month}


def stats(db: Database, query: EventQuery, *, interval: str = "week") -> dict[str, Any]:
    """Events and fatalities per ``interval`` (day, week, month) by event type, fatalities by
    victim category, and totals by country and province."""
    if interval not in _BUCKETS:
        raise QueryError("interval must be day, week or month")
    bucket = _BUCKETS[interval]
    series: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: {"events": 0, "fatalities": 0})
    )
    undated = {"events": 0, "fatalities": 0}
    total_events = total_fat = 0
    victims: dict[str, dict[str, int]] = defaultdict(dict)
    by_region: dict[tuple[Any, Any], list[int]] = defaultdict(lambda: [0, 0])
    for part in _parts(db, query):
        x = part.x
        src = _from(part, figures=True)
        for day, kind, n, fat in db.all(
            f"SELECT {x['date']}, {x['event_type']}, COUNT(*), SUM({x['fatalities']})"
            + src
            + part.where
            + " GROUP BY 1, 2",
            part.params,
        ):
            n, fat = int(n), int(fat or 0)
            total_events += n
            total_fat += fat
            if not day:
                undated["events"] += n
                undated["fatalities"] += fat
                continue
            cell = series[bucket(str(day))][kind or "Unknown"]
            cell["events"] += n
            cell["fatalities"] += fat
        for day, category, fat in db.all(
            f"SELECT {x['date']}, v.category, SUM(v.best)"
            + _from(part, figures=False)
            + " JOIN event_figures v ON v.event_id = e.id AND v.status = 'killed' AND v.category <> 'all'"
            + part.where
            + " AND e.overrides NOT LIKE ? GROUP BY 1, 2",
            [*part.params, '%"fatalities"%'],
        ):
            if day:
                b = victims[bucket(str(day))]
                b[category] = b.get(category, 0) + int(fat or 0)
        for country, admin1, n, fat in db.all(
            f"SELECT e.country, {x['admin1']}, COUNT(*), SUM({x['fatalities']})"
            + src
            + part.where
            + " GROUP BY 1, 2",
            part.params,
        ):
            cell = by_region[(country, admin1)]
            cell[0] += int(n)
            cell[1] += int(fat or 0)
    names = dict(
        db.all(
            "SELECT country, MAX(country_name) FROM places WHERE country IS NOT NULL GROUP BY country"
        )
    )
    regions = [
        {"country": names.get(c) or c, "admin1": a, "events": v[0], "fatalities": v[1]}
        for (c, a), v in sorted(
            by_region.items(), key=lambda kv: (-kv[1][1], -kv[1][0], str(kv[0]))
        )
    ][:100]
    types = sorted({k for cells in series.values() for k in cells})
    return {
        "interval": interval,
        "events": total_events,
        "fatalities": total_fat,
        "types": types,
        "buckets": [
            {
                "start": start,
                "by_type": {k: dict(v) for k, v in sorted(series[start].items())},
                "events": sum(v["events"] for v in series[start].values()),
                "fatalities": sum(v["fatalities"] for v in series[start].values()),
                "fatalities_by_category": victims.get(start, {}),
            }
            for start in sorted(series)
        ],
        "undated": undated,
        "regions": regions,
    }


def facets(db: Database) -> dict[str, Any]:
    """Values the dashboard's filter menus offer: countries, provinces, event types, actors."""
    countries = [
        {"code": c, "name": n or c, "events": int(k)}
        for c, n, k in db.all(
            "SELECT e.country, MAX(p.country_name), COUNT(*) FROM events e "
            "LEFT JOIN places p ON p.id = e.place_id WHERE e.number_of_sources > 0 "
            "AND e.country IS NOT NULL GROUP BY e.country ORDER BY 3 DESC LIMIT 300"
        )
    ]
    admin1 = [
        {"country": c, "name": a, "events": int(k)}
        for c, a, k in db.all(
            "SELECT country, admin1, COUNT(*) FROM events WHERE number_of_sources > 0 "
            "AND admin1 IS NOT NULL GROUP BY country, admin1 ORDER BY 3 DESC LIMIT 500"
        )
    ]
    types = [
        t
        for (t,) in db.all(
            "SELECT DISTINCT acled_event_type FROM events WHERE number_of_sources > 0 "
            "AND acled_event_type IS NOT NULL ORDER BY 1"
        )
    ]
    actors = [
        {"id": i, "name": n, "kind": k}
        for i, n, k in db.all("SELECT id, name, kind FROM actors ORDER BY name")
    ]
    span = db.one("SELECT MIN(date), MAX(date) FROM events WHERE number_of_sources > 0") or (
        None,
        None,
    )
    return {
        "countries": countries,
        "admin1": admin1,
        "event_types": types,
        "actors": actors,
        "first_date": span[0],
        "last_date": span[1],
    }
