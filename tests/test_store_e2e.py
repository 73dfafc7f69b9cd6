"""End to end through `sitrep ingest` with the real extractor, on SQLite and PostgreSQL: the seed
plus our three reports of the same day, a process killed mid-batch, two ingests at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "store"))

import synthetic  # noqa: E402
from storekit import db_url  # noqa: E402

from sitrep.store import open_store  # noqa: E402

__all__ = ["db_url"]

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "shared" / "seed" / "balochistan-coordinated-attacks.txt"
OURS = HERE / "fixtures" / "store" / "balochistan"
DAY = dt.date(2026, 2, 2)


def sitrep(
    *args: str, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def ingest_seed_and_ours(url: str) -> subprocess.CompletedProcess[str]:
    assert SEED.exists(), SEED
    return sitrep("ingest", str(SEED), str(OURS), "--published", "2026-02-03", "--db", url)


def test_seed_and_three_reports_give_one_event_per_place_and_one_group(db_url: str) -> None:
    out = ingest_seed_and_ours(db_url).stdout
    assert "4 new, 0 duplicate" in out
    with open_store(db_url) as store:
        events = [e for e in store.events() if e.date == DAY]
        places = Counter(e.location for e in events)
        assert {"Quetta", "Nushki", "Mastung", "Dalbandin", "Pasni", "Gwadar"} <= set(places)
        assert all(n == 1 for n in places.values()), places
        # every report of the day landed in the same coordinated group
        (group,) = store.groups()
        assert len(group.article_ids) >= 2  # the reports the extractor read as one wave
        assert {e.group_id for e in events} == {group.id}
        by_place = {e.location: e for e in events}
        assert by_place["Quetta"].number_of_sources == 4
        assert by_place["Mastung"].number_of_sources == 4
        quetta = by_place["Quetta"].deaths()
        assert (quetta.low, quetta.best, quetta.high) == (2, 2, 3) and quetta.conflicting
        assert quetta.number_of_sources == 4
        assert {r.best for r in quetta.reports} == {2, 3}
        # the wave's own figures ("more than 120", "at least 125") stay with the group
        total = next(f for f in group.figures if f.status == "killed" and f.category == "all")
        assert 120 < total.low <= total.best <= total.high <= 130 and total.number_of_sources >= 2
        assert all(r.level == "group" and r.article_id in group.article_ids for r in total.reports)
        # aggregates ("133 in 48 hours", "700 in the past year") stay out of every event
        assert {f.best for f in store.aggregates()} >= {133, 700}
        for e in store.events():
            assert all(f.best not in (133, 700) for f in e.figures)
    again = ingest_seed_and_ours(db_url).stdout
    assert "0 new, 4 duplicate" in again
    with open_store(db_url) as store:
        assert store.counts().articles == 4
        assert Counter(e.location for e in store.events() if e.date == DAY) == places


def _counts_consistent(url: str) -> tuple[int, int]:
    """No half-written article: every stored article has its extraction and exactly the rows
    that extraction lists.  Gives (articles, events)."""
    with open_store(url) as store:
        db = store.db
        for article_id, data in db.all("SELECT article_id, data FROM extractions"):
            x = json.loads(data)
            n_inc = db.scalar("SELECT COUNT(*) FROM incidents WHERE article_id = ?", (article_id,))
            n_fig = db.scalar("SELECT COUNT(*) FROM figures WHERE article_id = ?", (article_id,))
            placed = db.scalar(
                "SELECT COUNT(*) FROM incidents WHERE article_id = ? AND event_id IS NOT NULL",
                (article_id,),
            )
            assert (n_inc, n_fig, placed) == (
                len(x["incidents"]),
                len(x["figures"]),
                len(x["incidents"]),
            )
        orphans = db.scalar(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM extractions x WHERE x.article_id = a.id)"
        )
        assert orphans == 0
        c = store.counts()
        assert c.articles == c.extractions
        # no duplicate events: one event per town and day
        keys = Counter((e.location, e.date) for e in store.events())
        assert all(n == 1 for n in keys.values()), [k for k, n in keys.items() if n > 1]
        return c.articles, c.events


def test_killed_mid_batch_then_rerun_completes_without_duplicates(
    db_url: str, tmp_path: Path
) -> None:
    n_events = 150
    feed = synthetic.write_jsonl(tmp_path / "batch.jsonl", n_events)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "ingest", str(feed), "--db", db_url, "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline:
            time.sleep(0.05)
            with open_store(db_url) as store:
                stored = store.counts().articles
            if stored >= 20 or proc.poll() is not None:
                break
        assert proc.poll() is None, "the batch finished before it could be killed: make it bigger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    articles, _ = _counts_consistent(db_url)
    assert 20 <= articles < 2 * n_events
    out = sitrep("ingest", str(feed), "--db", db_url).stdout
    assert f"{2 * n_events - articles} new, {articles} duplicate" in out
    articles, events = _counts_consistent(db_url)
    assert (articles, events) == (2 * n_events, n_events)
    if not db_url.startswith("postgresql"):
        with sqlite3.connect(db_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_ingests_at_once_neither_corrupt_nor_duplicate(db_url: str, tmp_path: Path) -> None:
    n_events = 60
    records = synthetic.articles(n_events)
    # the two processes read the same articles in opposite orders, so they collide on each one
    forward, backward = tmp_path / "forward.jsonl", tmp_path / "backward.jsonl"
    forward.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    backward.write_text("".join(json.dumps(r) + "\n" for r in reversed(records)), encoding="utf-8")
    open_store(db_url).close()  # the schema exists before both start (they would also race fine)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sitrep.cli",
                "ingest",
                str(path),
                "--db",
                db_url,
                "--no-progress",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in (forward, backward)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    new = sum(int(o.split("articles: ")[1].split(" new")[0]) for o, _ in outs)
    assert new == 2 * n_events  # each article stored by exactly one of the two
    articles, events = _counts_consistent(db_url)
    assert (articles, events) == (2 * n_events, n_events)
    with open_store(db_url) as store:
        assert all(e.number_of_sources == 2 for e in store.events())
    if not db_url.startswith("postgresql"):
        with sqlite3.connect(db_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_bad_records_are_reported_and_skipped(db_url: str, tmp_path: Path) -> None:
    good = synthetic.articles(2)[0]
    feed = tmp_path / "mixed.jsonl"
    feed.write_text(
        json.dumps(good)
        + "\n"
        + "{not json\n"
        + json.dumps({"url": "https://x.test/empty", "text": ""})
        + "\n",
        encoding="utf-8",
    )
    proc = sitrep("ingest", str(feed), str(tmp_path / "missing.txt"), "--db", db_url, check=False)
    assert proc.returncode == 1
    assert "1 new, 0 duplicate, 0 re-extracted, 3 failed" in proc.stdout
    assert proc.stderr.count("error: ") == 3 and "mixed.jsonl:2" in proc.stderr
    with open_store(db_url) as store:
        assert store.counts().articles == 1


def test_review_cli_lists_by_confidence_and_records_who(db_url: str) -> None:
    ingest_seed_and_ours(db_url)
    listing = sitrep("review", "list", "--db", db_url).stdout.splitlines()
    confidences = [float(line.split()[1]) for line in listing]
    assert confidences == sorted(confidences) and len(listing) >= 7
    first = listing[0].split()[0]
    sitrep("review", "accept", first, "--db", db_url, "--reviewer", "ana", "--reason", "checked")
    sitrep("review", "edit", first, "fatalities", "40", "--db", db_url, "--reviewer", "ana")
    shown = sitrep("review", "show", first, "--db", db_url).stdout
    assert "ana accept" in shown and "ana edit fatalities" in shown
    bad = sitrep("review", "accept", "999999", "--db", db_url, check=False)
    assert bad.returncode == 1 and "no event 999999" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("fmt", ["acled", "gtd", "ucdp", "geojson", "jsonl"])
def test_export_command_writes_each_format(fmt: str, tmp_path: Path) -> None:
    url = str(tmp_path / "sitrep.db")
    ingest_seed_and_ours(url)
    out = tmp_path / f"events.{fmt}"
    proc = sitrep(
        "export",
        "--format",
        fmt,
        "--db",
        url,
        "--out",
        str(out),
        "--country",
        "PK",
        "--since",
        "2026-02-01",
    )
    assert out.stat().st_size > 200 and "exported" in proc.stderr
    assert not (tmp_path / f"events.{fmt}.part").exists()
    assert "Quetta" in out.read_text(encoding="utf-8")
