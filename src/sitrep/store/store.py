"""The store: articles and their extractions in, canonical events out.

``open_store(url)`` connects and migrates; :class:`Store` does no I/O when constructed.
:meth:`Store.ingest` writes one article with everything read from it and merges it into the
canonical events in ONE transaction: a crash leaves the article either fully stored or absent.
An article is stored once, found by its normalised content hash or its URL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import StoreError
from sitrep.ingest.normalise import hash_normalised
from sitrep.merge import figures as mfig
from sitrep.merge import match as mm
from sitrep.model import (
    Article,
    Extraction,
    Figure,
    Incident,
    Level,
    Place,
    from_dict,
    to_dict,
)
from sitrep.store import listing, schema
from sitrep.store.backend import Database, connect, parse_url
from sitrep.store.records import (
    DUPLICATE,
    NEW,
    REEXTRACTED,
    EventFilter,
    EventRecord,
    EventSource,
    GroupRecord,
    IngestOutcome,
    MergeDecision,
    PerpetratorRecord,
    ReviewEntry,
    StoreCounts,
    StoredArticle,
)

ENGINE = "sitrep-merge"
_NO_EVENT_LEVELS = {Level.AGGREGATE.value, Level.BACKGROUND.value}
_ATTRIBUTION_RANK = {"claimed": 4, "reported": 3, "alleged": 2, "suspected": 1}
_IN_CHUNK = 500

# Fields a reviewer may edit, and how a value given as text is read.
EDITABLE: dict[str, str] = {
    "date": "date",
    "location": "text",
    "admin1": "text",
    "admin2": "text",
    "latitude": "float",
    "longitude": "float",
    "geo_precision": "int",
    "types": "list",
    "status": "text",
    "acled_event_type": "text",
    "acled_sub_event_type": "text",
    "actor1": "text",
    "summary": "text",
    "fatalities": "int",
    "suicide": "bool",
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _version_key(version: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-+]", version or "0"))


def _chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def incident_key(incident: Incident) -> str:
    """How an article's incident is found again after re-extraction: its place and date."""
    place = incident.place.key if incident.place else "-"
    date = incident.date.iso if incident.date and incident.date.iso else "-"
    return f"{place}|{date}"


def open_store(url: str | Path | None = None, *, migrate: bool = True) -> Store:
    """Connect to the store at ``url`` (a SQLite path, default ``sitrep.db``, or
    ``postgresql://...``) and bring its schema up to date.  Raises :class:`StoreError`."""
    target = parse_url(url)
    db = connect(target)
    try:
        if migrate:
            schema.migrate(db)
        else:
            have = schema.current_version(db)
            if have != schema.LATEST:
                raise StoreError(
                    f"{target.display}: schema version {have}, expected {schema.LATEST} "
                    "(open with migrate=True)"
                )
    except BaseException:
        db.close()
        raise
    return Store(db)


@dataclass(slots=True)
class _StoredIncident:
    row_id: int
    local_id: str
    incident: Incident
    key: str
    article_group_id: int | None


class Store:
    """Read and write canonical events.  Get one from :func:`open_store`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ lifecycle

    @property
    def backend(self) -> str:
        return self.db.backend

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return schema.current_version(self.db)

    # ------------------------------------------------------------------ articles

    def find_article(self, article: Article) -> StoredArticle | None:
        """The stored article with the same normalised content, or else the same URL."""
        found = self._find(hash_normalised(article.text), article.url)
        return found[0] if found else None

    def _find(self, content_hash: str, url: str | None) -> tuple[StoredArticle, str] | None:
        q = (
            "SELECT a.id, a.url, a.outlet, a.published, a.title, x.version FROM articles a "
            "LEFT JOIN extractions x ON x.article_id = a.id WHERE "
        )
        row = self.db.one(q + "a.id = ?", (content_hash,))
        reason = "same content"
        if row is None and url:
            row = self.db.one(q + "a.url = ?", (url,))
            reason = "same URL"
        if row is None:
            return None
        return StoredArticle(row[0], row[1], row[2], _date(row[3]), row[4], row[5]), reason

    def needs_extraction(self, article: Article, *, version: str) -> bool:
        """False when the article is stored with an extraction of ``version`` or newer."""
        stored = self.find_article(article)
        if stored is None:
            return True
        if stored.id != hash_normalised(article.text):
            return False  # same URL, other text: the first version stays
        return _version_key(version) > _version_key(stored.extraction_version or "")

    def ingest(self, extraction: Extraction, *, source: str | None = None) -> IngestOutcome:
        """Store one article's extraction and merge it, in one transaction.

        A stored article (same content hash or URL) is a duplicate, unless it is the same
        content with an extraction of a newer version: then its extraction is replaced and
        merged again, and every reviewed value stays as the reviewer left it.
        """
        article = extraction.article
        if not isinstance(article.text, str) or not article.text.strip():
            raise StoreError("cannot store an article without text")
        content_hash = hash_normalised(article.text)
        with self.db.transaction():
            found = self._find(content_hash, article.url)
            if found is not None:
                stored, reason = found
                newer = _version_key(extraction.version) > _version_key(
                    stored.extraction_version or ""
                )
                if stored.id != content_hash or not newer:
                    return IngestOutcome(stored.id, DUPLICATE, reason)
                outcome = IngestOutcome(
                    stored.id,
                    REEXTRACTED,
                    f"version {stored.extraction_version} -> {extraction.version}",
                )
                prior = self._retire_extraction(stored.id)
                self._write_extraction(stored.id, extraction, update=True)
                self._merge_article(stored.id, outcome, prior=prior, version_note=outcome.reason)
                self._refresh_events(prior.values())
                return outcome
            self.db.execute(
                "INSERT INTO articles (id, url, external_id, outlet, published, language, title, "
                "text, source, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    content_hash,
                    article.url,
                    article.id or None,
                    article.outlet,
                    article.published.isoformat() if article.published else None,
                    article.language,
                    article.title,
                    article.text,
                    source,
                    schema.now(),
                ),
            )
            outcome = IngestOutcome(content_hash, NEW)
            self._write_extraction(content_hash, extraction, update=False)
            self._merge_article(content_hash, outcome, prior={})
            return outcome

    # ------------------------------------------------------------------ writing an extraction

    def _place_id(self, place: Place | None) -> int | None:
        if place is None:
            return None
        key = place.key
        row = self.db.one("SELECT id FROM places WHERE key = ?", (key,))
        if row is not None:
            return int(row[0])
        self.db.execute(
            "INSERT INTO places (key, geonames_id, name, canonical_name, kind, admin1, admin2, "
            "country, country_iso3, country_name, latitude, longitude) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (
                key,
                place.geonames_id,
                place.canonical_name or place.name,
                place.canonical_name,
                place.kind.value if place.kind else None,
                place.admin1,
                place.admin2,
                place.country,
                place.country_iso3,
                place.country_name,
                place.latitude,
                place.longitude,
            ),
        )
        return int(self.db.scalar("SELECT id FROM places WHERE key = ?", (key,)))

    def _actor(self, actor_id: str, name: str, kind: str) -> None:
        self.db.execute(
            "INSERT INTO actors (id, name, kind) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (actor_id, name, kind),
        )

    def _write_extraction(self, article_id: str, extraction: Extraction, *, update: bool) -> None:
        data = to_dict(extraction)
        data["article"] = {k: v for k, v in data["article"].items() if k != "text"}
        warnings = _json([to_dict(w) for w in extraction.warnings])
        if update:
            self.db.execute(
                "UPDATE extractions SET version = ?, created_at = ?, warnings = ?, data = ? "
                "WHERE article_id = ?",
                (extraction.version, schema.now(), warnings, _json(data), article_id),
            )
            extraction_id = int(
                self.db.scalar("SELECT id FROM extractions WHERE article_id = ?", (article_id,))
            )
        else:
            extraction_id = self.db.insert(
                "INSERT INTO extractions (article_id, version, created_at, warnings, data) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (article_id, extraction.version, schema.now(), warnings, _json(data)),
            )
        for actor in extraction.actors:
            self._actor(actor.id, actor.name, actor.kind.value)
            if actor.country:
                self.db.execute(
                    "UPDATE actors SET country = ? WHERE id = ? AND country IS NULL",
                    (actor.country, actor.id),
                )
        group_ids: dict[str, int] = {}
        for group in extraction.groups:
            group_ids[group.id] = self.db.insert(
                "INSERT INTO article_groups (article_id, extraction_id, local_id, date, place_id, "
                "data) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    article_id,
                    extraction_id,
                    group.id,
                    group.date.iso if group.date else None,
                    self._place_id(group.place),
                    _json(to_dict(group)),
                ),
            )
        incident_ids: dict[str, int] = {}
        for inc in extraction.incidents:
            row_id = self.db.insert(
                "INSERT INTO incidents (article_id, extraction_id, local_id, article_group_id, "
                "date, date_precision, place_id, place_name, geo_precision, types, status, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    article_id,
                    extraction_id,
                    inc.id,
                    group_ids.get(inc.group_id) if inc.group_id else None,
                    inc.date.iso if inc.date else None,
                    inc.date.precision.value if inc.date else None,
                    self._place_id(inc.place),
                    inc.place.name if inc.place else None,
                    inc.place.precision if inc.place else None,
                    _json([t.value for t in inc.types]),
                    inc.status.value,
                    _json(to_dict(inc)),
                ),
            )
            incident_ids[inc.id] = row_id
            seen: set[str] = set()
            for p in inc.perpetrators:
                if p.actor_id in seen:
                    continue
                seen.add(p.actor_id)
                self._actor(p.actor_id, p.name, "unknown")
                self.db.execute(
                    "INSERT INTO incident_actors (incident_id, actor_id, role, attribution) "
                    "VALUES (?, ?, 'perpetrator', ?)",
                    (row_id, p.actor_id, p.attribution.value),
                )
        for fig in extraction.figures:
            self.db.execute(
                "INSERT INTO figures (article_id, extraction_id, local_id, incident_id, "
                "article_group_id, status, category, subcategory, low, best, high, level, source, "
                "period, superseded, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    extraction_id,
                    fig.id,
                    incident_ids.get(fig.incident_id) if fig.incident_id else None,
                    group_ids.get(fig.group_id) if fig.group_id else None,
                    fig.status.value,
                    fig.category.value,
                    fig.subcategory,
                    fig.low,
                    fig.best,
                    fig.high,
                    fig.level.value,
                    fig.source,
                    fig.period,
                    1 if fig.superseded_by else 0,
                    _json(to_dict(fig)),
                ),
            )
        for claim in extraction.claims:
            self.db.execute(
                "INSERT INTO claims (article_id, extraction_id, local_id, speaker, "
                "speaker_actor_id, stance, about, target_actor_ids, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    extraction_id,
                    claim.id,
                    claim.speaker,
                    claim.speaker_actor_id,
                    claim.stance.value,
                    claim.about,
                    _json(claim.target_actor_ids),
                    _json(to_dict(claim)),
                ),
            )

    def _retire_extraction(self, article_id: str) -> dict[str, int]:
        """Remove an article's extracted rows before re-extraction; give {incident key: event}.

        Merge decisions keep their article and incident local id as text; events stay (an
        event emptied here is refreshed to zero sources, never deleted: it may carry reviews).
        """
        prior: dict[str, int] = {}
        for _local_id, event_id, data in self.db.all(
            "SELECT local_id, event_id, data FROM incidents WHERE article_id = ?", (article_id,)
        ):
            if event_id is not None:
                prior[incident_key(from_dict(Incident, json.loads(data)))] = int(event_id)
        ids = [
            r[0]
            for r in self.db.all("SELECT id FROM incidents WHERE article_id = ?", (article_id,))
        ]
        for chunk in _chunks(ids):
            self.db.execute(
                f"UPDATE merge_decisions SET incident_id = NULL WHERE incident_id IN ({_marks(len(chunk))})",
                chunk,
            )
            self.db.execute(
                f"DELETE FROM incident_actors WHERE incident_id IN ({_marks(len(chunk))})", chunk
            )
        gids = [
            r[0]
            for r in self.db.all(
                "SELECT id FROM article_groups WHERE article_id = ?", (article_id,)
            )
        ]
        for chunk in _chunks(gids):
            self.db.execute(
                f"UPDATE merge_decisions SET article_group_id = NULL WHERE article_group_id IN ({_marks(len(chunk))})",
                chunk,
            )
        self.db.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM incidents WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM article_groups WHERE article_id = ?", (article_id,))
        return prior

    # ------------------------------------------------------------------ merging

    def _load_incidents(self, article_id: str) -> list[_StoredIncident]:
        out = []
        for row_id, local_id, data, ag in self.db.all(
            "SELECT id, local_id, data, article_group_id FROM incidents WHERE article_id = ? ORDER BY id",
            (article_id,),
        ):
            inc = from_dict(Incident, json.loads(data))
            out.append(_StoredIncident(int(row_id), local_id, inc, incident_key(inc), ag))
        return out

    def _place_facts(self, place_id: int | None, *, precision: int | None) -> mm.PlaceFacts | None:
        if place_id is None:
            return None
        row = self.db.one(
            "SELECT key, name, latitude, longitude, admin1, admin2, country FROM places WHERE id = ?",
            (place_id,),
        )
        if row is None:
            return None
        return mm.PlaceFacts(
            key=row[0],
            name=row[1],
            latitude=row[2],
            longitude=row[3],
            precision=precision,
            admin1=row[4],
            admin2=row[5],
            country=row[6],
            resolved=row[0].startswith("geonames:"),
        )

    def _incident_facts(self, article_id: str, inc: Incident) -> mm.Facts:
        place = None
        if inc.place is not None:
            p = inc.place
            place = mm.PlaceFacts(
                key=p.key,
                name=p.canonical_name or p.name,
                latitude=p.latitude,
                longitude=p.longitude,
                precision=p.precision,
                admin1=p.admin1,
                admin2=p.admin2,
                country=p.country,
                resolved=p.resolved or p.geonames_id is not None,
            )
        return mm.Facts(
            date=inc.date.as_date() if inc.date and inc.date.precision.value == "day" else None,
            place=place,
            types=frozenset(t.value for t in inc.types),
            actors=frozenset(p.actor_id for p in inc.perpetrators),
            article_ids=frozenset({article_id}),
        )

    def _candidate_events(
        self, dates: Iterable[dt.date], article_id: str
    ) -> list[tuple[int, mm.Facts]]:
        days = sorted({d + dt.timedelta(days=k) for d in dates for k in (-1, 0, 1)})
        if not days:
            return []
        rows = self.db.all(
            f"SELECT id, date, place_id, geo_precision, types, perpetrators FROM events "
            f"WHERE number_of_sources > 0 AND date IN ({_marks(len(days))}) ORDER BY id",
            [d.isoformat() for d in days],
        )
        out = []
        for event_id, date, place_id, prec, types, perps in rows:
            articles = frozenset(
                r[0]
                for r in self.db.all(
                    "SELECT DISTINCT article_id FROM incidents WHERE event_id = ?", (event_id,)
                )
            )
            if article_id in articles:
                continue
            out.append(
                (
                    int(event_id),
                    mm.Facts(
                        date=_date(date),
                        place=self._place_facts(place_id, precision=prec),
                        types=frozenset(json.loads(types)),
                        actors=frozenset(p["actor_id"] for p in json.loads(perps)),
                        article_ids=articles,
                    ),
                )
            )
        return out

    def _decide(
        self,
        *,
        kind: str,
        action: str,
        article_id: str | None,
        local_id: str | None,
        incident_id: int | None = None,
        article_group_id: int | None = None,
        event_id: int | None = None,
        event_group_id: int | None = None,
        score: float | None = None,
        reasons: Sequence[str] = (),
        decided_by: str = ENGINE,
    ) -> int:
        return self.db.insert(
            "INSERT INTO merge_decisions (kind, article_id, local_id, incident_id, "
            "article_group_id, event_id, event_group_id, action, score, reasons, decided_by, "
            "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                kind,
                article_id,
                local_id,
                incident_id,
                article_group_id,
                event_id,
                event_group_id,
                action,
                score,
                _json(list(reasons)),
                decided_by,
                schema.now(),
            ),
        )

    def _new_event(self, group_id: int | None = None) -> int:
        stamp = schema.now()
        return self.db.insert(
            "INSERT INTO events (group_id, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
            (group_id, stamp, stamp),
        )

    def _new_group(self) -> int:
        stamp = schema.now()
        return self.db.insert(
            "INSERT INTO event_groups (created_at, updated_at) VALUES (?, ?) RETURNING id",
            (stamp, stamp),
        )

    def _merge_article(
        self,
        article_id: str,
        outcome: IngestOutcome,
        *,
        prior: dict[str, int],
        version_note: str = "",
    ) -> None:
        incidents = self._load_incidents(article_id)
        outcome.incidents = len(incidents)
        pins = dict(
            self.db.all(
                "SELECT incident_key, event_id FROM incident_pins WHERE article_id = ?",
                (article_id,),
            )
        )
        placed: dict[int, int] = {}  # incident row id -> event id
        free: list[_StoredIncident] = []
        used_events: set[int] = set()
        for si in incidents:
            target = pins.get(si.key)
            action, why = "carry", "placed there by a reviewer (pinned)"
            if target is None and si.key in prior:
                target = prior[si.key]
                why = f"re-extraction ({version_note}): same place and date as before"
            if target is not None and target not in used_events:
                used_events.add(target)
                placed[si.row_id] = target
                self.db.execute(
                    "UPDATE incidents SET event_id = ? WHERE id = ?", (target, si.row_id)
                )
                self._decide(
                    kind="incident",
                    action=action,
                    article_id=article_id,
                    local_id=si.local_id,
                    incident_id=si.row_id,
                    event_id=target,
                    score=1.0,
                    reasons=[why],
                )
                outcome.events_merged += 1
            else:
                free.append(si)
        facts = [self._incident_facts(article_id, si.incident) for si in free]
        clusters = mm.same_article_cluster(facts)
        unit_facts = [mm.combine([facts[i] for i in c]) for c in clusters]
        candidates = [
            c
            for c in self._candidate_events([f.date for f in unit_facts if f.date], article_id)
            if c[0] not in used_events
        ]
        for a in mm.assign(unit_facts, candidates):
            members = [free[i] for i in clusters[a.incident]]
            if a.event is None:
                event_id = self._new_event()
                outcome.events_new += 1
                action = "new"
            else:
                event_id = a.event
                outcome.events_merged += 1
                action = "merge"
            for k, si in enumerate(members):
                placed[si.row_id] = event_id
                self.db.execute(
                    "UPDATE incidents SET event_id = ? WHERE id = ?", (event_id, si.row_id)
                )
                reasons = list(a.match.reasons)
                if k > 0:
                    outcome.events_merged += 1
                    reasons = [
                        f"same place and day as incident {members[0].local_id} of this article "
                        "(one event per place, day and actors, as ACLED codes it)"
                    ]
                self._decide(
                    kind="incident",
                    action=action if k == 0 else "merge",
                    article_id=article_id,
                    local_id=si.local_id,
                    incident_id=si.row_id,
                    event_id=event_id,
                    score=(a.match.score if a.event is not None else None) if k == 0 else 1.0,
                    reasons=reasons,
                )
        self._merge_groups(article_id, incidents, placed, outcome)
        self._refresh_events(set(placed.values()))

    def _merge_groups(
        self,
        article_id: str,
        incidents: list[_StoredIncident],
        placed: dict[int, int],
        outcome: IngestOutcome,
    ) -> None:
        groups = self.db.all(
            "SELECT id, local_id, date, place_id FROM article_groups WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        for ag_id, local_id, gdate, gplace in groups:
            members = [si for si in incidents if si.article_group_id == ag_id]
            events = sorted({placed[si.row_id] for si in members if si.row_id in placed})
            existing: Counter[int] = Counter()
            for chunk in _chunks(events):
                for (gid,) in self.db.all(
                    f"SELECT group_id FROM events WHERE group_id IS NOT NULL AND id IN ({_marks(len(chunk))})",
                    chunk,
                ):
                    existing[int(gid)] += 1
            reasons: list[str] = []
            score: float | None = None
            if existing:
                target, shared = sorted(existing.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                score = round(shared / max(1, len(members)), 4)
                reasons.append(
                    f"{shared} of the wave's {len(members)} incidents are events of group {target}"
                )
                for other in sorted(existing):
                    if other != target:
                        self._absorb_group(
                            target, other, reason=f"article {article_id} reports both waves as one"
                        )
                        reasons.append(f"group {other} joined: the same wave")
            else:
                target, score, why = self._match_group(article_id, gdate, gplace, members)
                reasons.extend(why)
            if target is None:
                target = self._new_group()
                outcome.groups_new += 1
                action = "group_new"
            else:
                outcome.groups_merged += 1
                action = "group_merge"
            self.db.execute(
                "UPDATE article_groups SET event_group_id = ? WHERE id = ?", (target, ag_id)
            )
            for chunk in _chunks(events):
                self.db.execute(
                    f"UPDATE events SET group_id = ? WHERE group_id IS NULL AND id IN ({_marks(len(chunk))})",
                    [target, *chunk],
                )
            self._decide(
                kind="group",
                action=action,
                article_id=article_id,
                local_id=local_id,
                article_group_id=ag_id,
                event_group_id=target,
                score=score,
                reasons=reasons or ["no existing wave matched"],
            )
            self._refresh_group(target)

    def _match_group(
        self, article_id: str, gdate: str | None, gplace: int | None, members: list[_StoredIncident]
    ) -> tuple[int | None, float | None, list[str]]:
        """An existing wave on the same or an adjacent day in the same area with a shared actor."""
        day = _date(gdate)
        if day is None:
            return None, None, ["wave date unknown"]
        days = [(day + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)]
        area = self._place_facts(gplace, precision=3)
        actors = {p.actor_id for si in members for p in si.incident.perpetrators}
        best: tuple[float, int, list[str]] | None = None
        for gid, odate, oplace, operps in self.db.all(
            f"SELECT id, date, place_id, perpetrators FROM event_groups WHERE date IN ({_marks(3)}) ORDER BY id",
            days,
        ):
            other_area = self._place_facts(oplace, precision=3)
            s_place, why_place = mm.area_match(area, other_area)
            other_actors = {p["actor_id"] for p in json.loads(operps)}
            shared = actors & other_actors
            if s_place == 0.0 or not shared:
                continue
            s = round(0.3 * (1.0 if odate == gdate else 0.6) + 0.4 * s_place + 0.3, 4)
            why = [f"wave on {odate}", why_place, "shared actors " + ", ".join(sorted(shared))]
            if s >= mm.THRESHOLD and (best is None or s > best[0]):
                best = (s, int(gid), why)
        if best is None:
            return None, None, ["no existing wave on that day in that area with a shared actor"]
        return best[1], best[0], best[2]

    def _absorb_group(
        self, keep: int, other: int, *, reason: str, decided_by: str = ENGINE
    ) -> None:
        self.db.execute("UPDATE events SET group_id = ? WHERE group_id = ?", (keep, other))
        self.db.execute(
            "UPDATE article_groups SET event_group_id = ? WHERE event_group_id = ?", (keep, other)
        )
        self._decide(
            kind="group",
            action="group_absorb",
            article_id=None,
            local_id=str(other),
            event_group_id=keep,
            reasons=[reason, f"group {other} merged into {keep}"],
            decided_by=decided_by,
        )
        self._refresh_group(other)

    # ------------------------------------------------------------------ derived values

    def _refresh_events(self, event_ids: Iterable[int]) -> None:
        ids = sorted(set(event_ids))
        for event_id in ids:
            self._refresh_event(event_id)
        listing.refresh(self.db, ids)

    def rebuild_listing(self) -> int:
        """Recompute the listing index of every event (``listing.py``) in one transaction; for
        stores whose ``events`` were written by something other than this class.  Gives the
        number of live events."""
        with self.db.transaction():
            return listing.rebuild(self.db)

    def _refresh_event(self, event_id: int) -> None:
        rows = self.db.all(
            "SELECT i.id, i.article_id, i.data, i.place_id, a.outlet, a.published "
            "FROM incidents i JOIN articles a ON a.id = i.article_id WHERE i.event_id = ? ORDER BY i.id",
            (event_id,),
        )
        incidents = [(r[0], r[1], from_dict(Incident, json.loads(r[2])), r[3]) for r in rows]
        outlets = {r[1]: r[4] for r in rows}
        stamp = schema.now()
        self.db.execute("DELETE FROM event_figures WHERE event_id = ?", (event_id,))
        if not incidents:
            self.db.execute(
                "UPDATE events SET number_of_sources = 0, confidence = 0, updated_at = ? WHERE id = ?",
                (stamp, event_id),
            )
            return
        # date: the most reported; ties to the earliest
        dates = Counter(inc.date.iso for _, _, inc, _ in incidents if inc.date and inc.date.iso)
        date = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if dates else None
        with_date = [inc for _, _, inc, _ in incidents if inc.date and inc.date.iso == date]
        precision = with_date[0].date.precision.value if with_date and with_date[0].date else None
        date_end = next((inc.date.end for inc in with_date if inc.date and inc.date.end), None)
        # place: the most precise resolved one; ties to the most reported
        placed = [(inc, pid) for _, _, inc, pid in incidents if inc.place is not None]
        place, place_id = None, None
        if placed:
            counts = Counter(inc.place.key for inc, _ in placed)  # type: ignore[union-attr]

            def rank(item: tuple[Incident, int | None]) -> tuple[int, int, int, str]:
                p = item[0].place
                assert p is not None
                return (
                    0 if p.resolved or p.geonames_id else 1,
                    p.precision or 9,
                    -counts[p.key],
                    p.key,
                )

            best_inc, place_id = sorted(placed, key=rank)[0]
            place = best_inc.place
        types = Counter(t.value for _, _, inc, _ in incidents for t in inc.types)
        type_list = [t for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
        if len(type_list) > 1 and "unknown" in type_list:
            type_list.remove("unknown")
        statuses = Counter(inc.status.value for _, _, inc, _ in incidents)
        status = sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0] != "carried out", kv[0]))[
            0
        ][0]

        def common(values: Iterable[str | None]) -> str | None:
            c = Counter(v for v in values if v)
            return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if c else None

        acled_type = common(inc.acled_event_type for _, _, inc, _ in incidents)
        acled_sub = common(
            inc.acled_sub_event_type
            for _, _, inc, _ in incidents
            if inc.acled_event_type == acled_type
        )
        perps: dict[str, PerpetratorRecord] = {}
        for _, _art, inc, _ in incidents:
            for p in inc.perpetrators:
                have = perps.get(p.actor_id)
                if have is None:
                    perps[p.actor_id] = PerpetratorRecord(p.actor_id, p.name, p.attribution.value)
                else:
                    have.sources += 1
                    if _ATTRIBUTION_RANK.get(p.attribution.value, 0) > _ATTRIBUTION_RANK.get(
                        have.attribution, 0
                    ):
                        have.attribution = p.attribution.value
        perp_list = sorted(
            perps.values(),
            key=lambda p: (-_ATTRIBUTION_RANK.get(p.attribution, 0), -p.sources, p.actor_id),
        )
        targets = sorted({t.kind for _, _, inc, _ in incidents for t in inc.targets})
        weapons = sorted({w.kind for _, _, inc, _ in incidents for w in inc.weapons})
        suicide = any(inc.suicide for _, _, inc, _ in incidents)
        summary = sorted((inc.summary for _, _, inc, _ in incidents), key=lambda s: (-len(s), s))[0]
        articles = sorted({art for _, art, _, _ in incidents})
        # figures
        reports = self._event_reports(event_id, [r[0] for r in rows], articles, outlets)
        estimates = mfig.reconcile(reports)
        self._write_estimates(estimates, event_id=event_id)
        place_row = (
            self.db.one("SELECT admin1, admin2, country FROM places WHERE id = ?", (place_id,))
            if place_id is not None
            else None
        )
        confidence = _confidence(
            sources=len(articles),
            place=place,
            precision=precision,
            perpetrators=bool(perp_list),
            conflicting=any(e.conflicting for e in estimates if e.category == mfig.ALL),
            scores=[
                s
                for (s,) in self.db.all(
                    "SELECT score FROM merge_decisions WHERE event_id = ? AND kind = 'incident' "
                    "AND action = 'merge' AND undone_by IS NULL",
                    (event_id,),
                )
                if s is not None
            ],
        )
        self.db.execute(
            "UPDATE events SET date = ?, date_end = ?, date_precision = ?, place_id = ?, location = ?, "
            "admin1 = ?, admin2 = ?, country = ?, latitude = ?, longitude = ?, geo_precision = ?, "
            "where_prec = ?, types = ?, status = ?, acled_event_type = ?, acled_sub_event_type = ?, "
            "perpetrators = ?, targets = ?, weapons = ?, suicide = ?, summary = ?, "
            "number_of_sources = ?, confidence = ?, updated_at = ? WHERE id = ?",
            (
                date,
                date_end.isoformat() if date_end else None,
                precision,
                place_id,
                (place.canonical_name or place.name) if place else None,
                (place.admin1 if place else None) or (place_row[0] if place_row else None),
                (place.admin2 if place else None) or (place_row[1] if place_row else None),
                (place.country if place else None) or (place_row[2] if place_row else None),
                place.latitude if place else None,
                place.longitude if place else None,
                place.precision if place else None,
                place.where_prec if place else None,
                _json(type_list),
                status,
                acled_type,
                acled_sub,
                _json([to_dict(p) for p in perp_list]),
                _json(targets),
                _json(weapons),
                1 if suicide else 0,
                summary,
                len(articles),
                confidence,
                stamp,
                event_id,
            ),
        )

    def _event_reports(
        self,
        event_id: int,
        incident_ids: list[int],
        articles: list[str],
        outlets: dict[str, str | None],
    ) -> list[mfig.FigureReport]:
        """Figures reported for the event: its incidents', plus an article total when the article
        reports this one incident only (never an aggregate, never a wave's figure)."""
        out: list[mfig.FigureReport] = []
        rows = []
        for chunk in _chunks(incident_ids):
            rows += self.db.all(
                f"SELECT article_id, data FROM figures WHERE superseded = 0 AND incident_id IN ({_marks(len(chunk))})",
                chunk,
            )
        for art in articles:
            n = self.db.scalar("SELECT COUNT(*) FROM incidents WHERE article_id = ?", (art,))
            g = self.db.scalar("SELECT COUNT(*) FROM article_groups WHERE article_id = ?", (art,))
            if n == 1 and g == 0:
                rows += self.db.all(
                    "SELECT article_id, data FROM figures WHERE superseded = 0 AND article_id = ? "
                    "AND incident_id IS NULL AND article_group_id IS NULL AND level = ?",
                    (art, Level.ARTICLE.value),
                )
        for art, data in rows:
            fig = from_dict(Figure, json.loads(data))
            if fig.level.value in _NO_EVENT_LEVELS:
                continue
            out.append(_report(art, fig, outlets.get(art)))
        return out

    def _write_estimates(
        self,
        estimates: list[mfig.FigureEstimate],
        *,
        event_id: int | None = None,
        group_id: int | None = None,
    ) -> None:
        self.db.executemany(
            "INSERT INTO event_figures (event_id, event_group_id, status, category, low, best, high, "
            "number_of_sources, conflicting, reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    event_id,
                    group_id,
                    e.status,
                    e.category,
                    e.low,
                    e.best,
                    e.high,
                    e.number_of_sources,
                    1 if e.conflicting else 0,
                    _json([to_dict(r) for r in e.reports]),
                )
                for e in estimates
            ],
        )

    def _refresh_group(self, group_id: int) -> None:
        self.db.execute("DELETE FROM event_figures WHERE event_group_id = ?", (group_id,))
        ags = self.db.all(
            "SELECT g.id, g.article_id, g.date, g.place_id, a.outlet FROM article_groups g "
            "JOIN articles a ON a.id = g.article_id WHERE g.event_group_id = ? ORDER BY g.id",
            (group_id,),
        )
        stamp = schema.now()
        if not ags:
            self.db.execute(
                "UPDATE event_groups SET date = NULL, place_id = NULL, perpetrators = '[]', updated_at = ? WHERE id = ?",
                (stamp, group_id),
            )
            return
        dates = Counter(r[2] for r in ags if r[2])
        date = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if dates else None
        places = Counter(r[3] for r in ags if r[3] is not None)
        place_id = sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if places else None
        perps: dict[str, str] = {}
        for (data,) in self.db.all(
            "SELECT perpetrators FROM events WHERE group_id = ? AND number_of_sources > 0 ORDER BY id",
            (group_id,),
        ):
            for p in json.loads(data):
                perps.setdefault(p["actor_id"], p["name"])
        reports: list[mfig.FigureReport] = []
        for ag_id, art, _, _, outlet in ags:
            rows = self.db.all(
                "SELECT data FROM figures WHERE superseded = 0 AND incident_id IS NULL AND "
                "article_group_id = ?",
                (ag_id,),
            )
            n_groups = self.db.scalar(
                "SELECT COUNT(*) FROM article_groups WHERE article_id = ?", (art,)
            )
            if n_groups == 1:  # an article-wide total of an article that reports this one wave
                rows += self.db.all(
                    "SELECT data FROM figures WHERE superseded = 0 AND article_id = ? AND "
                    "incident_id IS NULL AND article_group_id IS NULL AND level = ?",
                    (art, Level.ARTICLE.value),
                )
            for (data,) in rows:
                fig = from_dict(Figure, json.loads(data))
                if fig.level.value not in _NO_EVENT_LEVELS:
                    reports.append(_report(art, fig, outlet))
        self._write_estimates(mfig.reconcile(reports), group_id=group_id)
        self.db.execute(
            "UPDATE event_groups SET date = ?, place_id = ?, perpetrators = ?, updated_at = ? WHERE id = ?",
            (
                date,
                place_id,
                _json([{"actor_id": k, "name": v} for k, v in sorted(perps.items())]),
                stamp,
                group_id,
            ),
        )

    # ------------------------------------------------------------------ reading

    def counts(self) -> StoreCounts:
        def n(q: str) -> int:
            return int(self.db.scalar(q) or 0)

        return StoreCounts(
            articles=n("SELECT COUNT(*) FROM articles"),
            extractions=n("SELECT COUNT(*) FROM extractions"),
            incidents=n("SELECT COUNT(*) FROM incidents"),
            events=n("SELECT COUNT(*) FROM events WHERE number_of_sources > 0"),
            groups=n(
                "SELECT COUNT(*) FROM event_groups g WHERE EXISTS "
                "(SELECT 1 FROM article_groups a WHERE a.event_group_id = g.id)"
            ),
            figures=n("SELECT COUNT(*) FROM figures"),
            claims=n("SELECT COUNT(*) FROM claims"),
            decisions=n("SELECT COUNT(*) FROM merge_decisions"),
            reviews=n("SELECT COUNT(*) FROM reviews"),
        )

    def event(self, event_id: int) -> EventRecord:
        found = self.events(EventFilter(event_ids=(event_id,)), include_empty=True)
        if not found:
            raise StoreError(f"no event {event_id}")
        return found[0]

    def events(
        self,
        where: EventFilter | None = None,
        *,
        order: str = "date",
        limit: int | None = None,
        include_empty: bool = False,
    ) -> list[EventRecord]:
        """Canonical events, reviewed values applied, with figures, sources and group members.

        ``order`` is ``date`` (then id) or ``confidence`` (ascending, for review).
        """
        return list(self.iter_events(where, order=order, limit=limit, include_empty=include_empty))

    def iter_events(
        self,
        where: EventFilter | None = None,
        *,
        order: str = "date",
        limit: int | None = None,
        include_empty: bool = False,
        batch: int = 2000,
    ) -> Iterator[EventRecord]:
        where = where or EventFilter()
        conds: list[str] = []
        params: list[Any] = []
        if not include_empty:
            conds.append("e.number_of_sources > 0")
        if where.event_ids is not None:
            if not where.event_ids:
                return
            conds.append(f"e.id IN ({_marks(len(where.event_ids))})")
            params += list(where.event_ids)
        # SQL narrows only events nobody edited; edited ones are checked after overrides apply
        narrow: list[str] = []
        if where.since:
            narrow.append("e.date >= ?")
            params.append(where.since.isoformat())
        if where.until:
            narrow.append("e.date <= ?")
            params.append(where.until.isoformat())
        if where.country:
            narrow.append(
                "(UPPER(e.country) = ? OR UPPER(p.country_iso3) = ? OR LOWER(p.country_name) = ?)"
            )
            params += [where.country.upper(), where.country.upper(), where.country.lower()]
        if where.bbox:
            narrow.append(
                "e.longitude >= ? AND e.latitude >= ? AND e.longitude <= ? AND e.latitude <= ?"
            )
            params += list(where.bbox)
        if narrow:
            conds.append("(e.overrides <> '{}' OR (" + " AND ".join(narrow) + "))")
        sql = (
            "SELECT e.id, e.group_id, e.date, e.date_end, e.date_precision, e.location, e.admin1, "
            "e.admin2, e.country, p.country_iso3, p.country_name, e.latitude, e.longitude, "
            "e.geo_precision, e.where_prec, e.types, e.status, e.acled_event_type, "
            "e.acled_sub_event_type, e.perpetrators, e.targets, e.weapons, e.suicide, e.summary, "
            "e.number_of_sources, e.confidence, e.review_status, e.overrides "
            "FROM events e LEFT JOIN places p ON p.id = e.place_id"
        )
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        sql += (
            " ORDER BY e.confidence, e.id"
            if order == "confidence"
            else " ORDER BY (e.date IS NULL), e.date, e.id"
        )
        rows = self.db.all(sql, params)
        kinds = {r[0]: (r[1], r[2]) for r in self.db.all("SELECT id, kind, name FROM actors")}
        emitted = 0
        for chunk in _chunks(rows, batch):
            pairs = [_event_record(r, kinds) for r in chunk]
            pairs = [(r, o) for r, o in pairs if _keep(r, where)]
            records = [r for r, _ in pairs]
            self._attach(records)
            for r, o in pairs:
                _apply_figure_override(r, o)
            for r in records:
                if limit is not None and emitted >= limit:
                    return
                emitted += 1
                yield r

    def _attach(self, records: list[EventRecord]) -> None:
        if not records:
            return
        by_id = {r.id: r for r in records}
        ids = list(by_id)
        for chunk in _chunks(ids):
            for event_id, status, category, low, best, high, n, conflicting, reports in self.db.all(
                "SELECT event_id, status, category, low, best, high, number_of_sources, conflicting, "
                f"reports FROM event_figures WHERE event_id IN ({_marks(len(chunk))}) ORDER BY id",
                chunk,
            ):
                by_id[event_id].figures.append(
                    mfig.FigureEstimate(
                        status,
                        category,
                        low,
                        best,
                        high,
                        n,
                        bool(conflicting),
                        [mfig.FigureReport(**x) for x in json.loads(reports)],
                    )
                )
            for row in self.db.all(
                "SELECT i.event_id, i.article_id, i.id, i.local_id, a.url, a.outlet, a.title, "
                "a.published, i.place_name, i.data FROM incidents i JOIN articles a ON a.id = i.article_id "
                f"WHERE i.event_id IN ({_marks(len(chunk))}) ORDER BY a.published, a.id, i.id",
                chunk,
            ):
                summary = json.loads(row[9]).get("summary", "")
                by_id[row[0]].sources.append(
                    EventSource(
                        row[1],
                        row[2],
                        row[3],
                        row[4],
                        row[5],
                        row[6],
                        _date(row[7]),
                        row[8],
                        summary,
                    )
                )
        groups = sorted({r.group_id for r in records if r.group_id is not None})
        members: dict[int, list[int]] = defaultdict(list)
        for chunk in _chunks(groups):
            for gid, eid in self.db.all(
                f"SELECT group_id, id FROM events WHERE number_of_sources > 0 AND group_id IN ({_marks(len(chunk))}) ORDER BY id",
                chunk,
            ):
                members[gid].append(eid)
        for r in records:
            if r.group_id is not None:
                r.group_event_ids = members.get(r.group_id, [])

    def groups(self) -> list[GroupRecord]:
        out = []
        for (gid,) in self.db.all(
            "SELECT g.id FROM event_groups g WHERE EXISTS "
            "(SELECT 1 FROM article_groups a WHERE a.event_group_id = g.id) ORDER BY g.id"
        ):
            out.append(self.group(int(gid)))
        return out

    def group(self, group_id: int) -> GroupRecord:
        row = self.db.one(
            "SELECT g.date, p.name, p.admin1, p.country, p.latitude, p.longitude FROM event_groups g "
            "LEFT JOIN places p ON p.id = g.place_id WHERE g.id = ?",
            (group_id,),
        )
        if row is None:
            raise StoreError(f"no group {group_id}")
        events = [
            int(r[0])
            for r in self.db.all(
                "SELECT id FROM events WHERE group_id = ? AND number_of_sources > 0 ORDER BY id",
                (group_id,),
            )
        ]
        articles = [
            r[0]
            for r in self.db.all(
                "SELECT DISTINCT article_id FROM article_groups WHERE event_group_id = ? ORDER BY article_id",
                (group_id,),
            )
        ]
        figures = [
            mfig.FigureEstimate(
                s,
                c,
                lo,
                b,
                h,
                n,
                bool(k),
                [mfig.FigureReport(**x) for x in json.loads(rep)],
            )
            for s, c, lo, b, h, n, k, rep in self.db.all(
                "SELECT status, category, low, best, high, number_of_sources, conflicting, reports "
                "FROM event_figures WHERE event_group_id = ? ORDER BY id",
                (group_id,),
            )
        ]
        return GroupRecord(
            group_id,
            _date(row[0]),
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            events,
            articles,
            figures,
        )

    def aggregates(self, article_id: str | None = None) -> list[Figure]:
        """Figures kept as reported, never added to an event: aggregates and background counts."""
        q = "SELECT data FROM figures WHERE level IN (?, ?)"
        params: list[Any] = [Level.AGGREGATE.value, Level.BACKGROUND.value]
        if article_id:
            q += " AND article_id = ?"
            params.append(article_id)
        return [
            from_dict(Figure, json.loads(d)) for (d,) in self.db.all(q + " ORDER BY id", params)
        ]

    def decisions(self, *, event_id: int | None = None) -> list[MergeDecision]:
        q = (
            "SELECT id, kind, action, incident_id, article_group_id, event_id, event_group_id, score, "
            "reasons, decided_by, decided_at, undone_by FROM merge_decisions"
        )
        params: list[Any] = []
        if event_id is not None:
            q += " WHERE event_id = ?"
            params.append(event_id)
        return [
            MergeDecision(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8]), r[9], r[10], r[11]
            )
            for r in self.db.all(q + " ORDER BY id", params)
        ]

    def reviews(self, event_id: int | None = None) -> list[ReviewEntry]:
        q = "SELECT id, event_id, reviewer, at, action, field, old_value, new_value, reason FROM reviews"
        params: list[Any] = []
        if event_id is not None:
            q += " WHERE event_id = ?"
            params.append(event_id)
        return [
            ReviewEntry(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                json.loads(r[6]) if r[6] is not None else None,
                json.loads(r[7]) if r[7] is not None else None,
                r[8],
            )
            for r in self.db.all(q + " ORDER BY id", params)
        ]

    def article_text(self, article_id: str) -> str:
        text = self.db.scalar("SELECT text FROM articles WHERE id = ?", (article_id,))
        if text is None:
            raise StoreError(f"no article {article_id}")
        return str(text)

    # ------------------------------------------------------------------ review

    def _review(
        self,
        event_id: int,
        *,
        reviewer: str,
        action: str,
        reason: str,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
    ) -> None:
        if not reviewer.strip():
            raise StoreError("a review needs a reviewer name")
        self.db.execute(
            "INSERT INTO reviews (event_id, reviewer, at, action, field, old_value, new_value, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                reviewer,
                schema.now(),
                action,
                field,
                None if old is None else _json(old),
                None if new is None else _json(new),
                reason,
            ),
        )

    def _require_event(self, event_id: int) -> tuple[str, dict[str, Any]]:
        row = self.db.one("SELECT review_status, overrides FROM events WHERE id = ?", (event_id,))
        if row is None:
            raise StoreError(f"no event {event_id}")
        return row[0], json.loads(row[1])

    def accept(self, event_id: int, *, reviewer: str, reason: str = "") -> None:
        """Mark an event as checked by a person (confidence 1 from then on)."""
        with self.db.transaction():
            status, _ = self._require_event(event_id)
            self.db.execute(
                "UPDATE events SET review_status = 'accepted', updated_at = ? WHERE id = ?",
                (schema.now(), event_id),
            )
            listing.refresh(self.db, [event_id])
            self._review(
                event_id,
                reviewer=reviewer,
                action="accept",
                reason=reason,
                old=status,
                new="accepted",
            )

    def edit(
        self, event_id: int, field: str, value: Any, *, reviewer: str, reason: str = ""
    ) -> None:
        """Set one field of an event by hand.  Re-extraction and later merges never change it."""
        if field not in EDITABLE:
            raise StoreError(
                f"field {field!r} cannot be edited; editable: {', '.join(sorted(EDITABLE))}"
            )
        parsed = _parse_value(EDITABLE[field], value, field)
        with self.db.transaction():
            _, overrides = self._require_event(event_id)
            old = overrides.get(field, _effective(self.event(event_id), field))
            overrides[field] = parsed
            self.db.execute(
                "UPDATE events SET overrides = ?, review_status = 'edited', updated_at = ? WHERE id = ?",
                (_json(overrides), schema.now(), event_id),
            )
            listing.refresh(self.db, [event_id])
            self._review(
                event_id,
                reviewer=reviewer,
                action="edit",
                reason=reason,
                field=field,
                old=old,
                new=parsed,
            )

    def merge_events(
        self, event_id: int, other_id: int, *, reviewer: str, reason: str = ""
    ) -> None:
        """Fold event ``other_id`` into ``event_id`` (a reviewer's merge; pinned for the future)."""
        if event_id == other_id:
            raise StoreError("cannot merge an event with itself")
        with self.db.transaction():
            self._require_event(event_id)
            self._require_event(other_id)
            moved = self.db.all(
                "SELECT id, article_id, local_id, data FROM incidents WHERE event_id = ? ORDER BY id",
                (other_id,),
            )
            if not moved:
                raise StoreError(f"event {other_id} has no reports to merge")
            for inc_id, art, local_id, data in moved:
                self.db.execute(
                    "UPDATE incidents SET event_id = ? WHERE id = ?", (event_id, inc_id)
                )
                self._undo_open_decisions(inc_id, other_id)
                decision = self._decide(
                    kind="incident",
                    action="manual_merge",
                    article_id=art,
                    local_id=local_id,
                    incident_id=inc_id,
                    event_id=event_id,
                    score=1.0,
                    reasons=[f"merged from event {other_id} by {reviewer}", reason]
                    if reason
                    else [f"merged from event {other_id} by {reviewer}"],
                    decided_by=reviewer,
                )
                self._pin(art, from_dict(Incident, json.loads(data)), event_id, decision)
            other_group = self.db.scalar("SELECT group_id FROM events WHERE id = ?", (other_id,))
            self.db.execute(
                "UPDATE events SET group_id = COALESCE(group_id, ?), review_status = CASE WHEN "
                "review_status = 'unreviewed' THEN 'edited' ELSE review_status END WHERE id = ?",
                (other_group, event_id),
            )
            self.db.execute("UPDATE events SET review_status = 'merged' WHERE id = ?", (other_id,))
            self._review(
                event_id,
                reviewer=reviewer,
                action="merge",
                reason=reason,
                field="events",
                old=None,
                new=[event_id, other_id],
            )
            self._review(
                other_id,
                reviewer=reviewer,
                action="merge",
                reason=reason,
                field="merged_into",
                old=None,
                new=event_id,
            )
            self._refresh_events([event_id, other_id])
            for gid in {
                other_group,
                self.db.scalar("SELECT group_id FROM events WHERE id = ?", (event_id,)),
            }:
                if gid is not None:
                    self._refresh_group(int(gid))

    def split(self, event_id: int, incident_id: int, *, reviewer: str, reason: str = "") -> int:
        """Take one report (incident) out of an event into a new event of its own; give its id.

        The merge that put it there is marked undone; the new placement is pinned, so merging
        again (or re-extracting the article) never puts it back.
        """
        with self.db.transaction():
            self._require_event(event_id)
            row = self.db.one(
                "SELECT article_id, local_id, data FROM incidents WHERE id = ? AND event_id = ?",
                (incident_id, event_id),
            )
            if row is None:
                raise StoreError(f"incident {incident_id} is not a report of event {event_id}")
            n = self.db.scalar("SELECT COUNT(*) FROM incidents WHERE event_id = ?", (event_id,))
            if n < 2:
                raise StoreError(f"event {event_id} has one report only: nothing to split")
            group_id = self.db.scalar("SELECT group_id FROM events WHERE id = ?", (event_id,))
            new_id = self._new_event(group_id)
            self.db.execute("UPDATE incidents SET event_id = ? WHERE id = ?", (new_id, incident_id))
            decision = self._decide(
                kind="incident",
                action="split",
                article_id=row[0],
                local_id=row[1],
                incident_id=incident_id,
                event_id=new_id,
                reasons=[f"split from event {event_id} by {reviewer}"]
                + ([reason] if reason else []),
                decided_by=reviewer,
            )
            self._undo_open_decisions(incident_id, event_id, undone_by=decision)
            self._pin(row[0], from_dict(Incident, json.loads(row[2])), new_id, decision)
            self._review(
                event_id,
                reviewer=reviewer,
                action="split",
                reason=reason,
                field="incident",
                old=incident_id,
                new=new_id,
            )
            self._review(
                new_id,
                reviewer=reviewer,
                action="split",
                reason=reason,
                field="split_from",
                old=None,
                new=event_id,
            )
            self._refresh_events([event_id, new_id])
            if group_id is not None:
                self._refresh_group(int(group_id))
            return new_id

    def undo(self, decision_id: int, *, reviewer: str, reason: str = "") -> int | None:
        """Undo an automatic merge decision: the incident leaves the event (a split).  Gives the
        new event's id."""
        row = self.db.one(
            "SELECT incident_id, event_id, action, undone_by FROM merge_decisions WHERE id = ?",
            (decision_id,),
        )
        if row is None:
            raise StoreError(f"no merge decision {decision_id}")
        incident_id, event_id, action, undone = row
        if undone is not None:
            raise StoreError(f"decision {decision_id} is already undone")
        if action not in ("merge", "carry", "manual_merge") or incident_id is None:
            raise StoreError(
                f"decision {decision_id} ({action}) is not a merge of a report into an event"
            )
        return self.split(
            int(event_id),
            int(incident_id),
            reviewer=reviewer,
            reason=reason or f"undo decision {decision_id}",
        )

    def _undo_open_decisions(
        self, incident_id: int, event_id: int, *, undone_by: int | None = None
    ) -> None:
        marker = undone_by if undone_by is not None else -1
        self.db.execute(
            "UPDATE merge_decisions SET undone_by = ? WHERE incident_id = ? AND event_id = ? AND undone_by IS NULL",
            (marker, incident_id, event_id),
        )

    def _pin(self, article_id: str, incident: Incident, event_id: int, decision: int) -> None:
        key = incident_key(incident)
        self.db.execute(
            "DELETE FROM incident_pins WHERE article_id = ? AND incident_key = ?", (article_id, key)
        )
        self.db.execute(
            "INSERT INTO incident_pins (article_id, incident_key, event_id, decision_id) VALUES (?, ?, ?, ?)",
            (article_id, key, event_id, decision),
        )


# ---------------------------------------------------------------------- helpers


def _report(article_id: str, fig: Figure, outlet: str | None) -> mfig.FigureReport:
    quote = fig.spans[0].text if fig.spans else ""
    return mfig.FigureReport(
        article_id=article_id,
        status=fig.status.value,
        category=fig.category.value,
        low=fig.low,
        best=fig.best,
        high=fig.high,
        level=fig.level.value,
        figure_id=fig.id,
        source=fig.source,
        outlet=outlet,
        quote=quote,
        covers=_covers(fig),
    )


_CATEGORY_WORDS = re.compile(r"\b(civilians|security_forces|militants)\b")


def _covers(fig: Figure) -> tuple[str, ...]:
    """The categories a mixed count spans, read from its subcategory ("civilians and security_forces")."""
    if fig.category.value != mfig.UNKNOWN or not fig.subcategory:
        return ()
    return tuple(sorted(set(_CATEGORY_WORDS.findall(fig.subcategory))))


def _confidence(
    *,
    sources: int,
    place: Place | None,
    precision: str | None,
    perpetrators: bool,
    conflicting: bool,
    scores: list[float],
) -> float:
    """How far an analyst can trust an event without checking it (docs/store.md)."""
    c = 0.3
    if place is not None and (place.resolved or place.geonames_id is not None):
        c += 0.1
        c += {1: 0.1, 2: 0.05}.get(place.precision or 9, 0.0)
    if precision == "day":
        c += 0.1
    if perpetrators:
        c += 0.05
    c += 0.12 * min(sources - 1, 3)
    if scores:
        c -= 0.2 * (1.0 - min(scores))
    if conflicting:
        c -= 0.05
    return round(max(0.0, min(1.0, c)), 4)


def _event_record(
    row: tuple[Any, ...], kinds: dict[str, str]
) -> tuple[EventRecord, dict[str, Any]]:
    """An event row as a record with the reviewed values applied, and those values."""
    overrides = json.loads(row[27])
    perps = []
    for p in json.loads(row[19]):
        rec = PerpetratorRecord(**p)
        kind, name = kinds.get(rec.actor_id, (rec.kind, rec.name))
        rec.kind = kind
        if rec.name == rec.actor_id and name:
            rec.name = name  # the lexicon's name rather than its id
        perps.append(rec)
    record = EventRecord(
        id=int(row[0]),
        group_id=row[1],
        date=_date(row[2]),
        date_end=_date(row[3]),
        date_precision=row[4],
        location=row[5],
        admin1=row[6],
        admin2=row[7],
        country=row[8],
        country_iso3=row[9],
        country_name=row[10],
        latitude=row[11],
        longitude=row[12],
        geo_precision=row[13],
        where_prec=row[14],
        types=json.loads(row[15]),
        status=row[16],
        acled_event_type=row[17],
        acled_sub_event_type=row[18],
        perpetrators=perps,
        targets=json.loads(row[20]),
        weapons=json.loads(row[21]),
        suicide=bool(row[22]),
        summary=row[23] or "",
        number_of_sources=int(row[24]),
        confidence=float(row[25]),
        review_status=row[26],
    )
    if record.review_status == "accepted":
        record.confidence = 1.0
    for field, value in overrides.items():
        if field == "date":
            record.date = _date(value)
            record.date_precision = "day"
        elif field == "actor1":
            name = str(value)
            kept = [p for p in record.perpetrators[1:] if p.name != name]
            record.perpetrators = [
                PerpetratorRecord("reviewed:" + name.casefold(), name, "reported")
            ] + kept
        elif field != "fatalities":  # fatalities apply with the figures
            setattr(record, field, value)
    record.reviewed_fields = sorted(overrides)
    return record, overrides


def _apply_figure_override(record: EventRecord, overrides: dict[str, Any]) -> None:
    if "fatalities" not in overrides:
        return
    value = int(overrides["fatalities"])
    record.figures = [
        f for f in record.figures if not (f.status == "killed" and f.category == mfig.ALL)
    ]
    record.figures.append(
        mfig.FigureEstimate(
            "killed", mfig.ALL, value, value, value, record.number_of_sources, False, []
        )
    )


def _keep(record: EventRecord, where: EventFilter) -> bool:
    if where.since and (record.date is None or record.date < where.since):
        return False
    if where.until and (record.date is None or record.date > where.until):
        return False
    if where.country:
        want = where.country.casefold()
        if want not in {
            (record.country or "").casefold(),
            (record.country_iso3 or "").casefold(),
            (record.country_name or "").casefold(),
        }:
            return False
    if where.bbox:
        if record.latitude is None or record.longitude is None:
            return False
        w, s, e, n = where.bbox
        if not (w <= record.longitude <= e and s <= record.latitude <= n):
            return False
    return True


def _effective(record: EventRecord, field: str) -> Any:
    if field == "actor1":
        return record.perpetrators[0].name if record.perpetrators else None
    if field == "fatalities":
        d = record.deaths()
        return d.best if d else None
    if field == "date":
        return record.date.isoformat() if record.date else None
    return getattr(record, field, None)


def _parse_value(kind: str, value: Any, field: str) -> Any:
    try:
        if kind == "date":
            return dt.date.fromisoformat(str(value)).isoformat()
        if kind == "float":
            return float(value)
        if kind == "int":
            return int(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "y"):
                return True
            if text in ("0", "false", "no", "n"):
                return False
            raise ValueError(value)
        if kind == "list":
            if isinstance(value, list):
                return [str(v) for v in value]
            return [v.strip() for v in str(value).split(",") if v.strip()]
        return str(value)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"bad value {value!r} for {field} (expected {kind})") from exc
