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

from sitrep.store.backend import POSTGRESQL, SQLITE, Database

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


# Actors whose id is given or whose name contains the pattern; reviewed actor1 names (actor id '').
_ACTOR_IDS = "SELECT a.id FROM actors a WHERE LOWER(a.name) LIKE ? ESCAPE '\\' OR LOWER(a.id) = ?"
_ACTOR1 = "ea.actor_id = '' AND ea.name LIKE ? ESCAPE '\\'"
# Words containing the pattern (listing.py explains why a word of the text contains the query
# word exactly when the text does).
_WORD_IDS = "SELECT w.id FROM words w WHERE w.word LIKE ? ESCAPE '\\'"
MAX_WORDS = 8  # words of ``q`` used


@dataclass(frozen=True, slots=True)
class _Cond:
    """One condition on the listing index ``x``.

    ``index`` names the SQLite index that finds its rows; ``events`` (instead) is a subquery
    giving the ids of the matching events (types, actors, words), used as ``x.event_id IN``, and
    ``exists`` the same test for one event (``cost``: its relative price per event checked).
    """

    sql: str
    params: tuple[Any, ...]
    index: str | None = None
    events: str | None = None
    distinct: bool = False  # ``events`` may give an event more than once
    exists: str | None = None
    exists_params: tuple[Any, ...] = ()
    cost: int = 1


def _set(
    events: str, params: list[Any], exists: str, *, distinct: bool = False, cost: int = 1
) -> _Cond:
    return _Cond(
        f"x.event_id IN ({events})",
        tuple(params),
        events=events,
        distinct=distinct,
        exists=f"EXISTS ({exists})",
        exists_params=tuple(params),
        cost=cost,
    )


def _actor_cond(db: Database, value: str) -> _Cond:
    pattern = _like(value.lower())
    ids = [pattern, value.lower()]
    n_ids = int(db.scalar(f"SELECT COUNT(*) FROM ({_ACTOR_IDS}) a", ids) or 0)
    reviewed = db.one(f"SELECT 1 FROM event_actors ea WHERE {_ACTOR1} LIMIT 1", (pattern,))
    if not n_ids and reviewed is None:
        return _Cond("1 = 0", ())
    parts, params, tests = [], [], []
    if n_ids:
        parts.append(f"SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id IN ({_ACTOR_IDS})")
        tests.append(f"ea.actor_id IN ({_ACTOR_IDS})")
        params += ids
    if reviewed is not None:
        parts.append(f"SELECT ea.event_id FROM event_actors ea WHERE {_ACTOR1}")
        tests.append(f"({_ACTOR1})")
        params.append(pattern)
    return _set(
        " UNION ALL ".join(parts),
        params,
        "SELECT 1 FROM event_actors ea WHERE ea.event_id = x.event_id AND ("
        + " OR ".join(tests)
        + ")",
        distinct=n_ids + (reviewed is not None) > 1,
        cost=2,
    )


def _word_cond(db: Database, word: str) -> _Cond:
    pattern = _like(word)
    n_words = int(db.scalar(f"SELECT COUNT(*) FROM ({_WORD_IDS}) w", (pattern,)) or 0)
    if not n_words:
        return _Cond("1 = 0", ())
    return _set(
        f"SELECT ew.event_id FROM event_words ew WHERE ew.word_id IN ({_WORD_IDS})",
        [pattern],
        "SELECT 1 FROM event_words ew JOIN words w ON w.id = ew.word_id "
        "WHERE ew.event_id = x.event_id AND w.word LIKE ? ESCAPE '\\'",
        distinct=n_words > 1,
        cost=20,  # every word of the event is looked at
    )


def _conds(db: Database, query: EventQuery) -> list[_Cond]:
    """``query`` as conditions on the listing index ``x`` (``sitrep.store.listing``), which holds
    live events only, with reviewed values applied."""
    conds: list[_Cond] = []
    if query.ids is not None:
        if not query.ids:
            return [_Cond("1 = 0", ())]
        conds.append(
            _Cond(f"x.event_id IN ({','.join('?' * len(query.ids))})", tuple(query.ids), "")
        )
    dates: list[str] = []
    date_params: list[Any] = []
    if query.since:
        dates.append("x.date >= ?")
        date_params.append(query.since.isoformat())
    if query.until:
        dates.append("x.date <= ?")
        date_params.append(query.until.isoformat())
    # country and province indexes go on by date: with a date range they serve both
    placed = False
    if query.country:
        codes = _countries(db, query.country)
        if not codes:
            return [_Cond("1 = 0", ())]
        conds.append(
            _Cond(
                " AND ".join([f"x.country IN ({','.join('?' * len(codes))})", *dates]),
                (*codes, *date_params),
                "event_index_country",
            )
        )
        placed = True
    if query.admin1:
        conds.append(
            _Cond(
                " AND ".join(["x.admin1_key = ?", *dates]),
                (query.admin1.lower(), *date_params),
                "event_index_admin1",
            )
        )
        placed = True
    if dates and not placed:
        conds.append(_Cond(" AND ".join(dates), tuple(date_params), "event_index_date"))
    if query.type:
        conds.append(
            _set(
                "SELECT t.event_id FROM event_types t WHERE t.type_key = ?",
                [query.type.lower()],
                "SELECT 1 FROM event_types t WHERE t.type_key = ? AND t.event_id = x.event_id",
            )
        )
    if query.actor:
        conds.append(_actor_cond(db, query.actor))
    if query.min_fatalities is not None:
        conds.append(_Cond("x.fatalities >= ?", (query.min_fatalities,), "event_index_fatalities"))
    if query.bbox:
        w, s, e, n = query.bbox
        conds.append(
            _Cond(
                "x.longitude >= ? AND x.longitude <= ? AND x.latitude >= ? AND x.latitude <= ?",
                (w, e, s, n),
                "event_index_lon",
            )
        )
    if query.q:
        for word in query.q.lower().split()[:MAX_WORDS]:
            conds.append(_word_cond(db, word))
    if query.review_status:
        conds.append(_Cond("x.review_status = ?", (query.review_status,), "event_index_review"))
    return conds


def _join(conds: list[_Cond], sqls: list[str]) -> tuple[str, list[Any]]:
    """WHERE for ``conds`` written as ``sqls`` (default: as they are)."""
    texts = sqls or [c.sql for c in conds]
    params = [v for c in conds for v in c.params]
    return (" WHERE " + " AND ".join(texts) if texts else ""), params


ESTIMATE_CAP = 20_000  # rows counted at most when sizing one condition
FETCH_CAP = 10_000  # a driver this small is read once: matches counted and sorted in Python


def _size(db: Database, cond: _Cond, *, cap: int | None = ESTIMATE_CAP) -> int:
    """How many events ``cond`` alone matches (at most ``cap``), counted on its own index."""
    if cond.events is not None:
        inner = f"SELECT {'DISTINCT ' if cond.distinct and cap is None else ''}event_id FROM ({cond.events}) s"
    elif cond.index == "":
        return len(cond.params)
    elif cond.index is None:
        inner = f"SELECT 1 FROM event_index x WHERE {cond.sql}"
    else:
        inner = f"SELECT 1 FROM event_index x INDEXED BY {cond.index} WHERE {cond.sql}"
    limit = "" if cap is None else f" LIMIT {int(cap) + 1}"
    return int(db.scalar(f"SELECT COUNT(*) FROM ({inner}{limit}) c", cond.params) or 0)


@dataclass(frozen=True, slots=True)
class _Plan:
    """How SQLite should run a filtered query: which condition finds the rows (the rest only
    check them), or none (walk the sort order)."""

    conds: list[_Cond]
    driver: _Cond | None
    sizes: dict[int, int]

    def source(self, *, walk: str | None = None, visits: float = 0.0) -> tuple[str, str, list[Any]]:
        """FROM and WHERE: driven by ``walk`` (an index in sort order, "" for id order; about
        ``visits`` rows) or by the driver.  The other sets are checked per row (``EXISTS``) when
        that is cheaper than reading them whole (``+x.event_id IN``: the ``+`` keeps SQLite
        from driving by them)."""
        if walk is not None:
            hint, driver = (f" INDEXED BY {walk}" if walk else " NOT INDEXED"), None
        else:
            driver = self.driver
            assert driver is not None
            hint = f" INDEXED BY {driver.index}" if driver.index else " NOT INDEXED"
            visits = self.sizes[id(driver)]
        sqls: list[str] = []
        params: list[Any] = []
        for c in self.conds:
            if c is driver or c.events is None:
                sqls.append(c.sql)
                params += c.params
            elif c.exists is not None and visits * c.cost <= self.sizes[id(c)]:
                sqls.append(c.exists)
                params += c.exists_params
            else:
                sqls.append("+" + c.sql)
                params += c.params
        return " FROM event_index x" + hint, " WHERE " + " AND ".join(sqls), params


def _plan(db: Database, conds: list[_Cond]) -> _Plan | None:
    """SQLite's planner has no value statistics, so it guesses how many rows an ``IN`` list or
    a range matches, and often drives a query by the wrong one (16,000 lookups through a type
    list, or a walk of all dates for the few events with 40 deaths).  Each condition is sized
    here on its own index (bounded), and the smallest one drives.  PostgreSQL plans for itself."""
    if db.backend != SQLITE or not conds or any(c.sql == "1 = 0" for c in conds):
        return None
    sizes = {id(c): _size(db, c) for c in conds}
    driver = min(conds, key=lambda c: sizes[id(c)])
    return _Plan(conds, driver, sizes)


_E_JOIN = " JOIN events e ON e.id = x.event_id"


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


# sort key -> the listing index's column and the SQLite index in that order ("": the table's)
_SORT_COLUMNS = {
    "date": ("x.date", "event_index_date"),
    "fatalities": ("x.fatalities", "event_index_fatalities"),
    "confidence": ("x.confidence", "event_index_confidence"),
    "sources": ("x.sources", "event_index_sources"),
    "id": ("x.event_id", ""),
}


def _count(db: Database, conds: list[_Cond], plan: _Plan | None) -> int:
    """The exact number of events matching ``conds``."""
    if plan is None:
        where, params = _join(conds, [])
        return int(db.scalar("SELECT COUNT(*) FROM event_index x" + where, params) or 0)
    if len(conds) == 1:
        (cond,) = conds
        size = plan.sizes[id(cond)]
        if size <= ESTIMATE_CAP and not cond.distinct:
            return size
        return _size(db, cond, cap=None)
    src, where, params = plan.source()
    return int(db.scalar("SELECT COUNT(*)" + src + where, params) or 0)


def _source(db: Database, query: EventQuery) -> tuple[str, str, list[Any]]:
    """FROM and WHERE for every event matching ``query`` (driven by its smallest condition)."""
    conds = _conds(db, query)
    plan = _plan(db, conds)
    if plan is None:
        return (" FROM event_index x", *_join(conds, []))
    return plan.source()


def _and(where: str, cond: str) -> str:
    return f"{where} AND {cond}" if where else f" WHERE {cond}"


def list_events(
    db: Database, query: EventQuery, *, sort: str = DEFAULT_SORT, limit: int = 50, offset: int = 0
) -> EventPage:
    """One page of events matching ``query`` and the number of all matches.

    Filtered, counted, sorted and paged on the listing index (``sitrep.store.listing``): the
    ``ORDER BY column, id LIMIT OFFSET`` walks an index, so a page costs the page plus the rows
    skipped.  Undated events come after dated ones in both directions (by id)."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be 1..{MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must be >= 0")
    key, direction = SORTS[sort]
    conds = _conds(db, query)
    plan = _plan(db, conds)
    column, walk_index = _SORT_COLUMNS[key]
    if plan is not None and plan.sizes[id(plan.driver)] <= FETCH_CAP:
        # few candidates: one pass gives the matches with their sort keys; count and sort here
        src, where, params = plan.source()
        rows = db.all(f"SELECT x.event_id, {column}" + src + where, params)
        reverse = direction == "DESC"
        keyed = sorted(((k, int(i)) for i, k in rows if k is not None), reverse=reverse)
        nulls = sorted((int(i) for i, k in rows if k is None), reverse=reverse)
        page = EventPage(len(rows), 0, limit, offset, sort)
        page.items = _items(db, ([i for _, i in keyed] + nulls)[offset : offset + limit])
        return page
    total = _count(db, conds, plan)
    order = f" ORDER BY {column} {direction}, x.event_id {direction} LIMIT ? OFFSET ?"
    if plan is None:
        src, where, params = (" FROM event_index x", *_join(conds, []))
    else:
        # walking the sort order visits about (offset + limit) * all / matches rows; driving by
        # the smallest condition visits its rows, then sorts them
        everything = int(db.scalar("SELECT COUNT(*) FROM event_index") or 0)
        walk = (offset + limit) * everything / max(total, 1)
        size = plan.sizes[id(plan.driver)]
        if walk <= size:
            src, where, params = plan.source(walk=walk_index, visits=walk)
        else:
            src, where, params = plan.source()
    ordered: list[int] = []
    if offset < total:
        if key == "date":
            dated = _and(where, "x.date IS NOT NULL")
            ordered = [
                int(i)
                for (i,) in db.all(
                    "SELECT x.event_id" + src + dated + order, [*params, limit, offset]
                )
            ]
            if len(ordered) < limit:
                n_dated = (
                    offset + len(ordered)
                    if ordered
                    else int(db.scalar("SELECT COUNT(*)" + src + dated, params) or 0)
                )
                undated_where, undated_params = _join(conds, [])
                ordered += [
                    int(i)
                    for (i,) in db.all(
                        "SELECT x.event_id FROM event_index x"
                        + _and(undated_where, "x.date IS NULL")
                        + f" ORDER BY x.event_id {direction} LIMIT ? OFFSET ?",
                        [*undated_params, limit - len(ordered), max(0, offset - n_dated)],
                    )
                ]
        else:
            ordered = [
                int(i)
                for (i,) in db.all(
                    "SELECT x.event_id" + src + where + order, [*params, limit, offset]
                )
            ]
    page = EventPage(total, 0, limit, offset, sort)
    page.items = _items(db, ordered)
    return page


def _items(db: Database, ordered: list[int]) -> list[dict[str, Any]]:
    """The list entries of events ``ordered`` (ids), in that order, reviewed values applied."""
    if not ordered:
        return []
    x = _expressions(db)
    marks = ",".join("?" * len(ordered))
    sql = (
        f"SELECT e.id, {x['date']}, {x['location']}, {x['admin1']}, e.country, p.country_name, "
        f"{x['latitude']}, {x['longitude']}, e.geo_precision, {x['event_type']}, "
        f"{x['sub_event_type']}, {x['types']}, e.perpetrators, {x['actor1']}, {x['fatalities']}, "
        f"e.number_of_sources, {x['confidence']}, e.review_status, {x['summary']}, e.group_id"
        + _FROM
        + f" WHERE e.id IN ({marks})"
    )
    found = {int(r[0]): r for r in db.all(sql, ordered)}
    items = []
    for r in (found[i] for i in ordered if i in found):
        types = r[11]
        items.append(
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
    return items


def map_points(db: Database, query: EventQuery, *, limit: int = MAX_MAP_POINTS) -> dict[str, Any]:
    """Compact markers: ``[id, lat, lon, fatalities, event type index, location, date]`` (most
    deaths first) plus the type names."""
    src, where, params = _source(db, query)
    where = _and(where, "x.latitude IS NOT NULL AND x.longitude IS NOT NULL")
    total = int(db.scalar("SELECT COUNT(*)" + src + where, params) or 0)
    location = _expressions(db)["location"]
    rows = db.all(
        f"SELECT x.event_id, x.latitude, x.longitude, x.fatalities, x.event_type, {location}, "
        "x.date" + src + _E_JOIN + where + " ORDER BY x.fatalities DESC, x.event_id LIMIT ?",
        [*params, limit],
    )
    kinds: dict[str, int] = {}
    points = []
    for eid, lat, lon, fat, kind, loc, date in rows:
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
    src, where, params = _source(db, query)
    for day, kind, n, fat in db.all(
        "SELECT x.date, x.event_type, COUNT(*), SUM(x.fatalities)" + src + where + " GROUP BY 1, 2",
        params,
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
        "SELECT x.date, v.category, SUM(v.best)"
        + src
        + _E_JOIN
        + " JOIN event_figures v ON v.event_id = x.event_id AND v.status = 'killed' "
        "AND v.category <> 'all'" + _and(where, "e.overrides NOT LIKE ?") + " GROUP BY 1, 2",
        [*params, '%"fatalities"%'],
    ):
        if day:
            b = victims[bucket(str(day))]
            b[category] = b.get(category, 0) + int(fat or 0)
    for country, admin1, n, fat in db.all(
        "SELECT x.country, x.admin1, COUNT(*), SUM(x.fatalities)" + src + where + " GROUP BY 1, 2",
        params,
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
