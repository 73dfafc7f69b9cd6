"""The store on SQLite and PostgreSQL: migrations, idempotent ingest, transactions, merge,
figure reconciliation, groups, review trail and re-extraction (hand-made extractions)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "store"))

from storekit import ArticleBuilder, day, db_url, place  # noqa: E402

from sitrep.errors import StoreError  # noqa: E402
from sitrep.model import AttackType, Category, Level  # noqa: E402
from sitrep.store import EventFilter, open_store  # noqa: E402
from sitrep.store.schema import LATEST  # noqa: E402

__all__ = ["db_url"]  # the fixture, parametrised over both backends


def _quetta(
    text: str,
    killed: int | None,
    *,
    url: str | None,
    high: int | None | str = "same",
    source: str | None = None,
    **kw,
):
    b = ArticleBuilder(text, url=url, outlet=url.split("/")[2] if url else None)
    kw.setdefault("types", (AttackType.BOMBING,))
    i = b.incident(place("Quetta"), **kw)
    if killed is not None:
        b.figure(
            killed,
            high=high,
            incident=i,
            category=Category.SECURITY_FORCES,
            source=source,
            words=str(killed),
        )
    return b.build()


def test_migrations_create_schema_once_and_refuse_newer(db_url: str) -> None:
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST
        store.db.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
            (LATEST + 1, "future", "x"),
        )
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_reopen_does_not_reapply(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("A grenade killed 2 in Quetta.", 2, url="https://a.example/1"))
    with open_store(db_url) as store:
        assert store.schema_version() == LATEST
        assert store.db.scalar("SELECT COUNT(*) FROM schema_version") == LATEST
        assert store.counts().articles == 1


def test_same_content_or_same_url_is_stored_once(db_url: str) -> None:
    with open_store(db_url) as store:
        first = store.ingest(
            _quetta("A grenade killed 2 policemen in Quetta.", 2, url="https://a.example/1")
        )
        again = store.ingest(
            _quetta("A grenade killed 2 policemen in Quetta.", 2, url="https://a.example/other")
        )
        rewrapped = store.ingest(_quetta("A grenade  killed 2\npolicemen in Quetta.", 2, url=None))
        same_url = store.ingest(
            _quetta("Updated: a grenade killed 3 in Quetta.", 3, url="https://a.example/1")
        )
        assert first.status == "new"
        assert (again.status, again.reason) == ("duplicate", "same content")
        assert rewrapped.status == "duplicate"
        assert (same_url.status, same_url.reason) == ("duplicate", "same URL")
        c = store.counts()
        assert (c.articles, c.extractions, c.incidents, c.events, c.figures) == (1, 1, 1, 1, 1)


def test_a_failing_article_leaves_nothing_behind(db_url: str) -> None:
    with open_store(db_url) as store:
        bad = _quetta("Two incidents with one id.", 2, url="https://bad.example/1")
        bad.incidents.append(bad.incidents[0])  # UNIQUE (article_id, local_id) fails mid-write
        with pytest.raises(StoreError):
            store.ingest(bad)
        c = store.counts()
        assert (c.articles, c.extractions, c.incidents, c.events, c.figures, c.decisions) == (
            0,
            0,
            0,
            0,
            0,
            0,
        )
        ok = store.ingest(_quetta("A grenade killed 2 in Quetta.", 2, url="https://bad.example/1"))
        assert ok.status == "new"


def test_reports_of_one_attack_become_one_event_with_reconciled_figures(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(
            _quetta(
                "At least 24 died in Quetta.",
                24,
                high=None,
                url="https://a.example/1",
                source="police",
            )
        )
        store.ingest(
            _quetta("25 died in Quetta.", 25, url="https://b.example/1", source="hospital")
        )
        store.ingest(
            _quetta(
                "26 died in Quetta.", 26, url="https://c.example/1", when=day(dt.date(2026, 2, 3))
            )
        )
        (event,) = store.events()
        assert event.number_of_sources == 3 and event.location == "Quetta"
        sf = event.figure("killed", "security_forces")
        assert (sf.low, sf.best, sf.high, sf.number_of_sources, sf.conflicting) == (
            24,
            25,
            26,
            3,
            True,
        )
        assert sorted((r.best, r.source, r.outlet) for r in sf.reports) == [
            (24, "police", "a.example"),
            (25, "hospital", "b.example"),
            (26, None, "c.example"),
        ]
        assert event.deaths().best == 25  # the "all" total follows
        merges = [d for d in store.decisions(event_id=event.id) if d.action == "merge"]
        assert len(merges) == 2 and all(d.score >= 0.6 and d.reasons for d in merges)
        assert any("adjacent days" in r for d in merges for r in d.reasons)


def test_what_is_not_the_same_event_stays_apart(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta.", 2, url="https://a.example/1"))
        far = ArticleBuilder("Attack in Gwadar.", url="https://b.example/1")
        far.incident(place("Gwadar"), types=(AttackType.BOMBING,))
        store.ingest(far.build())
        later = _quetta(
            "Bomb in Quetta again.", 3, url="https://c.example/1", when=day(dt.date(2026, 2, 5))
        )
        store.ingest(later)
        kidnap = ArticleBuilder("Kidnapping in Quetta.", url="https://d.example/1")
        kidnap.incident(place("Quetta"), types=(AttackType.KIDNAPPING,))
        store.ingest(kidnap.build())
        province = ArticleBuilder("Attack somewhere in Balochistan.", url="https://e.example/1")
        province.incident(place("Balochistan"), types=(AttackType.BOMBING,))
        store.ingest(province.build())
        other_group = _quetta("TTP bomb in Quetta.", 1, url="https://f.example/1", by="TTP")
        store.ingest(other_group)
        assert (
            store.counts().events == 5
        )  # only the TTP report could not be told apart by type/place
        quetta_feb2 = [
            e for e in store.events() if e.location == "Quetta" and e.date == dt.date(2026, 2, 2)
        ]
        bombing = [e for e in quetta_feb2 if "bombing/explosion" in e.types]
        assert len(bombing) == 1 and bombing[0].number_of_sources == 2
        # a shared day and place, but different perpetrators: merged only with the lower score
        (d,) = [d for d in store.decisions(event_id=bombing[0].id) if d.action == "merge"]
        assert any("different perpetrators" in r for r in d.reasons) and d.score < 0.9


def test_groups_merge_as_groups_and_keep_wave_figures_out_of_events(db_url: str) -> None:
    with open_store(db_url) as store:
        for n, total in ((1, 121), (2, 125)):
            b = ArticleBuilder(
                f"Wave report {n}: attacks in Quetta and Mastung.", url=f"https://w{n}.example/1"
            )
            a = b.incident(place("Quetta"))
            m = b.incident(place("Mastung"))
            g = b.group([a, m], where=place("Balochistan"))
            b.figure(total, high=None, level=Level.GROUP, group=g)
            b.figure(2, incident=a, category=Category.SECURITY_FORCES)
            b.figure(700, level=Level.BACKGROUND)
            b.figure(133, level=Level.AGGREGATE, category=Category.MILITANTS)
            store.ingest(b.build())
        (group,) = store.groups()
        assert len(group.event_ids) == 2 and len(group.article_ids) == 2
        total = next(f for f in group.figures if f.category == "all")
        assert (total.low, total.best, total.high, total.number_of_sources) == (121, 121, 125, 2)
        for e in store.events():
            assert e.group_id == group.id and e.number_of_sources == 2
            assert all(f.best < 100 for f in e.figures), (
                "a wave, aggregate or background figure reached an event"
            )
        assert sorted(f.best for f in store.aggregates()) == [133, 133, 700, 700]


def test_review_accept_edit_and_audit_trail(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta.", 2, url="https://a.example/1"))
        (e,) = store.events()
        store.accept(e.id, reviewer="ana", reason="checked against police list")
        store.edit(e.id, "fatalities", "3", reviewer="ana", reason="police list says 3")
        store.edit(e.id, "location", "Quetta Cantonment", reviewer="ben")
        with pytest.raises(StoreError, match="cannot be edited"):
            store.edit(e.id, "id", 5, reviewer="ben")
        with pytest.raises(StoreError, match="bad value"):
            store.edit(e.id, "latitude", "north", reviewer="ben")
        e = store.event(e.id)
        assert e.deaths().best == 3 and e.location == "Quetta Cantonment"
        assert e.reviewed_fields == ["fatalities", "location"]
        trail = store.reviews(e.id)
        assert [(r.reviewer, r.action, r.field) for r in trail] == [
            ("ana", "accept", None),
            ("ana", "edit", "fatalities"),
            ("ben", "edit", "location"),
        ]
        assert (
            trail[1].old_value == 2
            and trail[1].new_value == 3
            and trail[1].reason == "police list says 3"
        )
        assert all(r.at for r in trail)


def test_reextraction_never_overwrites_reviewed_fields(db_url: str) -> None:
    text = "A grenade killed 2 policemen in Quetta."
    with open_store(db_url) as store:
        store.ingest(_quetta(text, 2, url="https://a.example/1", summary="old summary"))
        (e,) = store.events()
        store.edit(e.id, "summary", "grenade attack on a police station", reviewer="ana")
        store.edit(e.id, "fatalities", 2, reviewer="ana")
        newer = _quetta(
            text,
            5,
            url="https://a.example/1",
            summary="new summary",
            types=(AttackType.BOMBING, AttackType.ARMED_ASSAULT),
        )
        newer.version = "0.2.0"
        assert store.ingest(newer).status == "reextracted"
        older = _quetta(text, 9, url="https://a.example/1")
        older.version = "0.1.5"
        assert store.ingest(older).status == "duplicate"
        (after,) = store.events()
        assert after.id == e.id  # the event survives re-extraction
        assert after.summary == "grenade attack on a police station"
        assert after.deaths().best == 2
        assert "armed assault" in after.types  # an unreviewed field follows the new extraction
        assert after.figure("killed", "security_forces").best == 5
        assert store.counts().incidents == 1 and store.counts().extractions == 1


def test_split_undo_and_manual_merge_survive_reextraction(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta, report one.", 2, url="https://a.example/1"))
        b_text = "Bomb in Quetta, report two."
        store.ingest(_quetta(b_text, 3, url="https://b.example/1"))
        (e,) = store.events()
        assert e.number_of_sources == 2
        moved = next(s.incident_id for s in e.sources if s.url == "https://b.example/1")
        new_id = store.split(e.id, moved, reviewer="ana", reason="different station")
        assert store.counts().events == 2
        d = [x for x in store.decisions() if x.action == "merge"]
        assert d and d[0].undone_by is not None
        # re-extracting article two keeps the reviewer's split
        again = _quetta(b_text, 3, url="https://b.example/1")
        again.version = "0.3.0"
        store.ingest(again)
        assert store.counts().events == 2
        assert {s.url for s in store.event(new_id).sources} == {"https://b.example/1"}
        # and the reviewer can put them back together
        store.merge_events(e.id, new_id, reviewer="ben", reason="same station after all")
        assert store.counts().events == 1
        assert store.event(e.id).number_of_sources == 2
        assert store.event(new_id).review_status == "merged"
        with pytest.raises(StoreError):
            store.split(e.id, 999_999, reviewer="ana")
        actions = [r.action for r in store.reviews()]
        assert actions.count("split") == 2 and actions.count("merge") == 2


def test_undo_a_merge_decision(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta, one.", 2, url="https://a.example/1"))
        store.ingest(_quetta("Bomb in Quetta, two.", 2, url="https://b.example/1"))
        (merge,) = [d for d in store.decisions() if d.action == "merge"]
        new_id = store.undo(merge.id, reviewer="ana")
        assert store.counts().events == 2 and new_id is not None
        with pytest.raises(StoreError, match="already undone"):
            store.undo(merge.id, reviewer="ana")


def test_filters(db_url: str) -> None:
    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta.", 2, url="https://a.example/1"))
        b = ArticleBuilder("Attack in Gwadar a week later.", url="https://b.example/1")
        b.incident(place("Gwadar"), when=day(dt.date(2026, 2, 9)))
        store.ingest(b.build())
        locs = lambda **kw: [e.location for e in store.events(EventFilter(**kw))]  # noqa: E731
        assert locs() == ["Quetta", "Gwadar"]
        assert locs(since=dt.date(2026, 2, 3)) == ["Gwadar"]
        assert locs(until=dt.date(2026, 2, 3)) == ["Quetta"]
        assert (
            locs(country="PAK")
            == locs(country="pk")
            == locs(country="Pakistan")
            == ["Quetta", "Gwadar"]
        )
        assert locs(country="AF") == []
        assert locs(bbox=(66.5, 29.5, 67.5, 30.5)) == ["Quetta"]
        (q,) = store.events(EventFilter(bbox=(66.5, 29.5, 67.5, 30.5)))
        store.edit(q.id, "longitude", 62.3, reviewer="ana")
        store.edit(q.id, "latitude", 25.1, reviewer="ana")
        assert locs(bbox=(66.5, 29.5, 67.5, 30.5)) == []  # the reviewed coordinates count


def test_bad_urls_and_files_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="scheme"):
        open_store("mysql://x/y")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "sitrep.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(str(junk))
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def _listing(store) -> dict[int, tuple]:  # type: ignore[no-untyped-def]
    return {
        int(r[0]): tuple(r[1:])
        for r in store.db.all(
            "SELECT event_id, date, admin1_key, fatalities, confidence, sources, review_status "
            "FROM event_index ORDER BY event_id"
        )
    }


def test_listing_index_follows_ingest_review_merge_and_split(db_url: str) -> None:
    from sitrep.store import listing

    with open_store(db_url) as store:
        store.ingest(_quetta("Bomb in Quetta.", 2, url="https://a.example/1"))
        b = ArticleBuilder("Attack in Gwadar a week later.", url="https://b.example/1")
        b.incident(place("Gwadar"), when=day(dt.date(2026, 2, 9)))
        store.ingest(b.build())
        quetta, gwadar = store.events()
        rows = _listing(store)
        assert set(rows) == {quetta.id, gwadar.id}
        assert rows[quetta.id][2] == 2 and rows[gwadar.id][2] == 0  # fatalities
        store.edit(quetta.id, "fatalities", 9, reviewer="ana")
        store.edit(quetta.id, "admin1", "Somewhere Else", reviewer="ana")
        store.edit(quetta.id, "summary", "A reviewed Summary", reviewer="ana")
        store.accept(gwadar.id, reviewer="ana")
        rows = _listing(store)
        assert rows[quetta.id][1:3] == ("somewhere else", 9)
        assert rows[gwadar.id][3] == 1.0 and rows[gwadar.id][5] == "accepted"
        words = {
            w
            for (w,) in store.db.all(
                "SELECT w.word FROM event_words ew JOIN words w ON w.id = ew.word_id "
                "WHERE ew.event_id = ?",
                (quetta.id,),
            )
        }
        assert {"reviewed", "summary", "quetta"} <= words
        # a merge empties one event: it leaves the listing; a split brings a new one in
        store.merge_events(quetta.id, gwadar.id, reviewer="ana")
        assert set(_listing(store)) == {quetta.id}
        assert _listing(store)[quetta.id][4] == 2  # two sources now
        merged = store.event(quetta.id)
        new_id = store.split(quetta.id, merged.sources[-1].incident_id, reviewer="ana")
        assert set(_listing(store)) == {quetta.id, new_id}
        # the index kept by the store is what a full rebuild computes
        kept = _listing(store)
        types = store.db.all("SELECT type_key, event_id FROM event_types ORDER BY 1, 2")
        with store.db.transaction():
            assert listing.rebuild(store.db) == 2
        assert _listing(store) == kept
        assert store.db.all("SELECT type_key, event_id FROM event_types ORDER BY 1, 2") == types


def test_migration_3_indexes_a_store_made_before_it(tmp_path: Path) -> None:
    from sitrep.store import schema
    from sitrep.store.backend import connect, parse_url

    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.ingest(_quetta("Bomb in Quetta.", 2, url="https://a.example/1"))
        (e,) = store.events()
        store.edit(e.id, "fatalities", 4, reviewer="ana")
        for table in ("event_words", "event_actors", "event_types", "event_index", "words"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DELETE FROM schema_version WHERE version = 3")
    db = connect(parse_url(path))
    try:
        assert schema.current_version(db) == 2
        assert schema.migrate(db) == LATEST
        assert db.all("SELECT event_id, fatalities FROM event_index") == [(e.id, 4)]
    finally:
        db.close()
