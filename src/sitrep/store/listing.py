"""The listing index: per-event values the service filters and sorts on, kept by the store.

``events`` holds what was extracted and, in ``overrides`` (JSON), what a reviewer changed.
Filtering 100,000 events through ``COALESCE(json_extract(overrides, ...), column)`` and joins
to ``event_figures`` cannot use indexes, so the store keeps, for every *live* event
(``number_of_sources > 0``), its effective values (reviewed values applied) in plain, indexed
columns and three small lookup tables (migration 3, ``schema.py``):

- ``event_index``: date, country, province (and its lower-cased key), event type, fatalities
  (the reviewed figure, else the reconciled ``killed``/``all`` best, else 0), coordinates,
  confidence (1 when accepted), number of sources, review status;
- ``event_types``: every lower-cased ACLED event type, sub-event type and attack type of an event;
- ``event_actors``: each perpetrator's actor id and lower-cased name, plus the reviewed
  ``actor1`` (actor id ``''``);
- ``words`` / ``event_words``: an inverted index of the whitespace-separated, lower-cased tokens of
  the event's summary, location, province, district, country names and actor names.  A query
  word (which has no whitespace) occurs in that text exactly when it occurs inside one token, so
  ``word LIKE '%w%'`` over the (small) vocabulary, then the postings, gives the same events as a
  substring scan of every event, on SQLite and PostgreSQL alike.

:func:`refresh` recomputes the rows of some events from ``events``, ``event_figures``, ``actors``
and ``places``; the store calls it whenever it changes an event (ingest, merge, split, review).
:func:`rebuild` recomputes all of them (migration 3 and bulk loads that write ``events``
directly).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sitrep.store.backend import Database

TABLES = ("event_words", "event_actors", "event_types", "event_index")
_CHUNK = 500
_BATCH = 5000

_EVENT_COLUMNS = (
    "SELECT e.id, e.date, e.country, e.admin1, e.admin2, e.location, e.summary, e.latitude, "
    "e.longitude, e.confidence, e.number_of_sources, e.review_status, e.overrides, e.types, "
    "e.acled_event_type, e.acled_sub_event_type, e.perpetrators, "
    "(SELECT f.best FROM event_figures f WHERE f.event_id = e.id AND f.status = 'killed' "
    "AND f.category = 'all' ORDER BY f.id LIMIT 1) FROM events e"
)


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _pick(overrides: dict[str, Any], name: str, column: Any) -> Any:
    value = overrides.get(name)
    return column if value is None else value


class _Lookups:
    """Actor names by id and country names by ISO code: all of them, or those ``rows`` need."""

    def __init__(self, db: Database, rows: Sequence[tuple[Any, ...]] | None = None) -> None:
        actor_sql = "SELECT id, name FROM actors"
        country_sql = (
            "SELECT DISTINCT country, country_name FROM places "
            "WHERE country IS NOT NULL AND country_name IS NOT NULL"
        )
        if rows is None:
            actors, countries = db.all(actor_sql), db.all(country_sql)
        else:
            ids = sorted(
                {str(p.get("actor_id")) for r in rows for p in json.loads(r[16] or "[]")}
                - {"None", ""}
            )
            codes = sorted({str(r[2]) for r in rows if r[2] is not None})
            actors = [
                a
                for chunk in _chunks(ids, _CHUNK)
                for a in db.all(actor_sql + f" WHERE id IN ({_marks(len(chunk))})", chunk)
            ]
            countries = (
                db.all(country_sql + f" AND country IN ({_marks(len(codes))})", codes)
                if codes
                else []
            )
        self.actors = {str(i): str(n) for i, n in actors}
        names: dict[str, set[str]] = {}
        for code, name in countries:
            names.setdefault(str(code), set()).add(str(name))
        self.countries = names


def _rows(
    row: tuple[Any, ...], look: _Lookups
) -> tuple[tuple[Any, ...], set[str], set[tuple[str, str]], set[str]]:
    """One event's ``event_index`` row, type keys, (actor id, name) pairs and words."""
    (
        eid,
        date,
        country,
        admin1,
        admin2,
        location,
        summary,
        lat,
        lon,
        confidence,
        sources,
        review_status,
        overrides_raw,
        types_raw,
        acled,
        sub,
        perps_raw,
        killed,
    ) = row
    ov: dict[str, Any] = json.loads(overrides_raw) if overrides_raw else {}
    date = _pick(ov, "date", date)
    admin1 = _pick(ov, "admin1", admin1)
    admin2 = _pick(ov, "admin2", admin2)
    location = _pick(ov, "location", location)
    summary = _pick(ov, "summary", summary)
    lat = _pick(ov, "latitude", lat)
    lon = _pick(ov, "longitude", lon)
    acled = _pick(ov, "acled_event_type", acled)
    sub = _pick(ov, "acled_sub_event_type", sub)
    types = ov.get("types")
    if types is None:
        types = json.loads(types_raw) if types_raw else []
    fatalities = _pick(ov, "fatalities", killed)
    index_row = (
        int(eid),
        None if date is None else str(date),
        country,
        None if admin1 is None else str(admin1),
        None if admin1 is None else str(admin1).lower(),
        acled,
        int(fatalities or 0),
        None if lat is None else float(lat),
        None if lon is None else float(lon),
        1.0 if review_status == "accepted" else float(confidence),
        int(sources),
        review_status,
    )
    type_keys = {str(t).lower() for t in [acled, sub, *types] if t is not None}
    actors: set[tuple[str, str]] = set()
    names: list[str] = []
    for p in json.loads(perps_raw) if perps_raw else []:
        actor_id = str(p.get("actor_id") or "")
        name = str(p.get("name") or "")
        if actor_id:
            actors.add((actor_id, name.lower()))
        names.append(name)
        if actor_id in look.actors:
            names.append(look.actors[actor_id])
    actor1 = ov.get("actor1")
    if actor1 is not None:
        actors.add(("", str(actor1).lower()))
        names.append(str(actor1))
    text = [summary, location, admin1, admin2, *sorted(look.countries.get(str(country), ()))]
    words = {w for part in (*text, *names) if part for w in str(part).lower().split()}
    return index_row, type_keys, actors, words


def _delete(db: Database, ids: Sequence[int]) -> None:
    for chunk in _chunks(ids, _CHUNK):
        for table in TABLES:
            db.execute(f"DELETE FROM {table} WHERE event_id IN ({_marks(len(chunk))})", chunk)


def _word_ids(db: Database, words: set[str], known: dict[str, int]) -> None:
    new = sorted(w for w in words if w not in known)
    if not new:
        return
    db.executemany(
        "INSERT INTO words (word) VALUES (?) ON CONFLICT (word) DO NOTHING", [(w,) for w in new]
    )
    for chunk in _chunks(new, _CHUNK):
        for wid, word in db.all(
            f"SELECT id, word FROM words WHERE word IN ({_marks(len(chunk))})", chunk
        ):
            known[str(word)] = int(wid)


def _write(
    db: Database, rows: list[tuple[Any, ...]], look: _Lookups, known: dict[str, int]
) -> None:
    index_rows, type_rows, actor_rows, word_rows = [], [], [], []
    words: set[str] = set()
    per_event: list[tuple[int, set[str]]] = []
    for row in rows:
        if int(row[10] or 0) <= 0:
            continue  # merged away or emptied: not listed
        index_row, type_keys, actors, event_words = _rows(row, look)
        eid = index_row[0]
        index_rows.append(index_row)
        type_rows += [(t, eid) for t in sorted(type_keys)]
        actor_rows += [(a, n, eid) for a, n in sorted(actors)]
        words |= event_words
        per_event.append((eid, event_words))
    _word_ids(db, words, known)
    for eid, event_words in per_event:
        word_rows += [(known[w], eid) for w in sorted(event_words)]
    db.executemany(
        "INSERT INTO event_index (event_id, date, country, admin1, admin1_key, event_type, "
        "fatalities, latitude, longitude, confidence, sources, review_status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        index_rows,
    )
    db.executemany("INSERT INTO event_types (type_key, event_id) VALUES (?, ?)", type_rows)
    db.executemany(
        "INSERT INTO event_actors (actor_id, name, event_id) VALUES (?, ?, ?)", actor_rows
    )
    db.executemany("INSERT INTO event_words (word_id, event_id) VALUES (?, ?)", word_rows)


def refresh(db: Database, event_ids: Iterable[int]) -> None:
    """Recompute the listing rows of ``event_ids`` (inside the caller's transaction)."""
    ids = sorted({int(i) for i in event_ids})
    if not ids:
        return
    _delete(db, ids)
    known: dict[str, int] = {}
    for chunk in _chunks(ids, _CHUNK):
        rows = db.all(_EVENT_COLUMNS + f" WHERE e.id IN ({_marks(len(chunk))})", chunk)
        _write(db, rows, _Lookups(db, rows), known)


def rebuild(db: Database) -> int:
    """Recompute the listing rows of every event (inside the caller's transaction); gives the
    number of live events indexed."""
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")
    look = _Lookups(db)
    known = {str(w): int(i) for i, w in db.all("SELECT id, word FROM words")}
    last = 0
    while True:
        rows = db.all(_EVENT_COLUMNS + " WHERE e.id > ? ORDER BY e.id LIMIT ?", (last, _BATCH))
        if not rows:
            break
        _write(db, rows, look, known)
        last = int(rows[-1][0])
    return int(db.scalar("SELECT COUNT(*) FROM event_index") or 0)
