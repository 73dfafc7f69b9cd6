"""The store's schema as numbered migrations, applied in order and recorded in ``schema_version``.

Each migration is a list of statements in the store's one dialect (see ``backend.py``): a new
version appends a :class:`Migration`, never edits an old one.  JSON columns are ``TEXT`` holding
the model's own JSON form (``sitrep.model.to_dict``), so both backends read them the same way.
Table meanings: docs/store.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.errors import StoreError
from sitrep.store import listing
from sitrep.store.backend import SQLITE, Database


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    # run after the statements, in the same transaction (fills tables a migration adds)
    backfill: Callable[[Database], None] | None = None


_V1 = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT UNIQUE,
        external_id TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        title TEXT,
        text TEXT NOT NULL,
        source TEXT,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE extractions (
        id {pk},
        article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
        version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        warnings TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE places (
        id {pk},
        key TEXT NOT NULL UNIQUE,
        geonames_id {int},
        name TEXT NOT NULL,
        canonical_name TEXT,
        kind TEXT,
        admin1 TEXT,
        admin2 TEXT,
        country TEXT,
        country_iso3 TEXT,
        country_name TEXT,
        latitude {real},
        longitude {real}
    )""",
    """CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT
    )""",
    """CREATE TABLE event_groups (
        id {pk},
        date TEXT,
        place_id {int} REFERENCES places(id),
        perpetrators TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE events (
        id {pk},
        group_id {int} REFERENCES event_groups(id),
        date TEXT,
        date_end TEXT,
        date_precision TEXT,
        place_id {int} REFERENCES places(id),
        location TEXT,
        admin1 TEXT,
        admin2 TEXT,
        country TEXT,
        latitude {real},
        longitude {real},
        geo_precision {int},
        where_prec {int},
        types TEXT NOT NULL DEFAULT '[]',
        status TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        perpetrators TEXT NOT NULL DEFAULT '[]',
        targets TEXT NOT NULL DEFAULT '[]',
        weapons TEXT NOT NULL DEFAULT '[]',
        suicide {int} NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '',
        number_of_sources {int} NOT NULL DEFAULT 0,
        confidence {real} NOT NULL DEFAULT 0,
        review_status TEXT NOT NULL DEFAULT 'unreviewed',
        overrides TEXT NOT NULL DEFAULT '{{}}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX events_country ON events(country)",
    "CREATE INDEX events_confidence ON events(confidence)",
    "CREATE INDEX events_group ON events(group_id)",
    """CREATE TABLE article_groups (
        id {pk},
        article_id TEXT NOT NULL REFERENCES articles(id),
        extraction_id {int} NOT NULL REFERENCES extractions(id),
        local_id TEXT NOT NULL,
        event_group_id {int} REFERENCES event_groups(id),
        date TEXT,
        place_id {int} REFERENCES places(id),
        data TEXT NOT NULL,
        UNIQUE (article_id, local_id)
    )""",
    "CREATE INDEX article_groups_group ON article_groups(event_group_id)",
    """CREATE TABLE incidents (
        id {pk},
        article_id TEXT NOT NULL REFERENCES articles(id),
        extraction_id {int} NOT NULL REFERENCES extractions(id),
        local_id TEXT NOT NULL,
        article_group_id {int} REFERENCES article_groups(id),
        event_id {int} REFERENCES events(id),
        date TEXT,
        date_precision TEXT,
        place_id {int} REFERENCES places(id),
        place_name TEXT,
        geo_precision {int},
        types TEXT NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (article_id, local_id)
    )""",
    "CREATE INDEX incidents_event ON incidents(event_id)",
    "CREATE INDEX incidents_article ON incidents(article_id)",
    """CREATE TABLE incident_actors (
        incident_id {int} NOT NULL REFERENCES incidents(id),
        actor_id TEXT NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,
        attribution TEXT,
        PRIMARY KEY (incident_id, actor_id, role)
    )""",
    """CREATE TABLE figures (
        id {pk},
        article_id TEXT NOT NULL REFERENCES articles(id),
        extraction_id {int} NOT NULL REFERENCES extractions(id),
        local_id TEXT NOT NULL,
        incident_id {int} REFERENCES incidents(id),
        article_group_id {int} REFERENCES article_groups(id),
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        subcategory TEXT,
        low {int} NOT NULL,
        best {int} NOT NULL,
        high {int},
        level TEXT NOT NULL,
        source TEXT,
        period TEXT,
        superseded {int} NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        UNIQUE (article_id, local_id)
    )""",
    "CREATE INDEX figures_incident ON figures(incident_id)",
    "CREATE INDEX figures_article_group ON figures(article_group_id)",
    """CREATE TABLE claims (
        id {pk},
        article_id TEXT NOT NULL REFERENCES articles(id),
        extraction_id {int} NOT NULL REFERENCES extractions(id),
        local_id TEXT NOT NULL,
        speaker TEXT NOT NULL,
        speaker_actor_id TEXT,
        stance TEXT NOT NULL,
        about TEXT NOT NULL,
        target_actor_ids TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (article_id, local_id)
    )""",
    """CREATE TABLE event_figures (
        id {pk},
        event_id {int} REFERENCES events(id),
        event_group_id {int} REFERENCES event_groups(id),
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        low {int} NOT NULL,
        best {int} NOT NULL,
        high {int},
        number_of_sources {int} NOT NULL,
        conflicting {int} NOT NULL,
        reports TEXT NOT NULL
    )""",
    "CREATE INDEX event_figures_event ON event_figures(event_id)",
    "CREATE INDEX event_figures_group ON event_figures(event_group_id)",
    """CREATE TABLE merge_decisions (
        id {pk},
        kind TEXT NOT NULL,
        article_id TEXT,
        local_id TEXT,
        incident_id {int} REFERENCES incidents(id),
        article_group_id {int} REFERENCES article_groups(id),
        event_id {int} REFERENCES events(id),
        event_group_id {int} REFERENCES event_groups(id),
        action TEXT NOT NULL,
        score {real},
        reasons TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        undone_by {int}
    )""",
    "CREATE INDEX merge_decisions_event ON merge_decisions(event_id)",
    "CREATE INDEX merge_decisions_incident ON merge_decisions(incident_id)",
    """CREATE TABLE reviews (
        id {pk},
        event_id {int} NOT NULL REFERENCES events(id),
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX reviews_event ON reviews(event_id)",
    # A reviewer's placement of an article's incident (merge/split) outlives re-extraction: the
    # incident is found again by article, place and date.
    """CREATE TABLE incident_pins (
        article_id TEXT NOT NULL REFERENCES articles(id),
        incident_key TEXT NOT NULL,
        event_id {int} NOT NULL REFERENCES events(id),
        decision_id {int} REFERENCES merge_decisions(id),
        PRIMARY KEY (article_id, incident_key)
    )""",
)

# Indexes for the service's list and filter queries (measured on 100,000 events: the newest-first
# list and the type, province, fatalities and reviewed filters stop scanning every row).
_V2 = (
    "CREATE INDEX events_type_date ON events(acled_event_type, date)",
    "CREATE INDEX events_admin1 ON events(country, admin1)",
    "CREATE INDEX events_sources_date ON events(number_of_sources, date)",
    "CREATE INDEX events_reviewed ON events(id) "
    "WHERE overrides <> '{{}}' OR review_status <> 'unreviewed'",
    "CREATE INDEX event_figures_status ON event_figures(status, category, best, event_id)",
)

# The listing index (``listing.py``): each live event's effective values (reviewed values
# applied) in plain indexed columns, its type keys, its actors and the words of its text, so the
# service filters, sorts and counts 100,000 events on indexes (docs/service.md, Performance).
_V3 = (
    """CREATE TABLE event_index (
        event_id {int} PRIMARY KEY REFERENCES events(id),
        date TEXT,
        country TEXT,
        admin1 TEXT,
        admin1_key TEXT,
        event_type TEXT,
        fatalities {int} NOT NULL,
        latitude {real},
        longitude {real},
        confidence {real} NOT NULL,
        sources {int} NOT NULL,
        review_status TEXT NOT NULL
    )""",
    "CREATE INDEX event_index_date ON event_index(date, event_id)",
    "CREATE INDEX event_index_country ON event_index(country, date, event_id)",
    "CREATE INDEX event_index_admin1 ON event_index(admin1_key, date, event_id)",
    "CREATE INDEX event_index_fatalities ON event_index(fatalities, event_id)",
    "CREATE INDEX event_index_confidence ON event_index(confidence, event_id)",
    "CREATE INDEX event_index_sources ON event_index(sources, event_id)",
    "CREATE INDEX event_index_lon ON event_index(longitude, latitude)",
    "CREATE INDEX event_index_review ON event_index(review_status, event_id)",
    """CREATE TABLE event_types (
        type_key TEXT NOT NULL,
        event_id {int} NOT NULL REFERENCES events(id),
        PRIMARY KEY (type_key, event_id)
    ){norowid}""",
    "CREATE INDEX event_types_event ON event_types(event_id)",
    """CREATE TABLE event_actors (
        actor_id TEXT NOT NULL,
        name TEXT NOT NULL,
        event_id {int} NOT NULL REFERENCES events(id),
        PRIMARY KEY (actor_id, event_id, name)
    ){norowid}""",
    "CREATE INDEX event_actors_event ON event_actors(event_id)",
    """CREATE TABLE words (
        id {pk},
        word TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE event_words (
        word_id {int} NOT NULL REFERENCES words(id),
        event_id {int} NOT NULL REFERENCES events(id),
        PRIMARY KEY (word_id, event_id)
    ){norowid}""",
    "CREATE INDEX event_words_event ON event_words(event_id)",
)


def _fill_listing(db: Database) -> None:
    listing.rebuild(db)
    db.execute("ANALYZE" if db.backend == SQLITE else "ANALYZE event_index")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, extractions, incidents, events, figures, claims, merge, reviews", _V1),
    Migration(2, "indexes for list and filter queries", _V2),
    Migration(3, "listing index: effective values, types, actors, words", _V3, _fill_listing),
)
LATEST = MIGRATIONS[-1].version


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT MAX(version) FROM schema_version") or 0)


def migrate(db: Database) -> int:
    """Apply every pending migration in one transaction; give the version the store is now at.

    Raises :class:`StoreError` when the database was made by a newer sitrep.
    """
    with db.transaction():
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        have = current_version(db)
        if have > LATEST:
            raise StoreError(
                f"{db.target.display}: schema version {have} is newer than this sitrep "
                f"understands ({LATEST}); upgrade sitrep"
            )
        for migration in MIGRATIONS:
            if migration.version <= have:
                continue
            for statement in migration.statements:
                db.execute(db.ddl(statement))
            if migration.backfill is not None:
                migration.backfill(db)
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, now()),
            )
    return current_version(db)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
