"""Store throughput: ingest (articles/s) on SQLite and PostgreSQL, and the time to export 100,000
events, each as a ratio against a baseline measured in the same run.

    python benchmarks/store_bench.py [--articles 200] [--events 100000] [--postgres URL]

* ingest: N synthetic articles are extracted ONCE before timing; the timed part is
  ``Store.ingest`` (one transaction per article: rows, merge, figure reconciliation).  Baseline:
  the same articles inserted as one plain row each, one transaction per article, same backend.
* export: E synthetic events (with a source and figures each) are written straight into the
  tables, then exported as ACLED CSV and GeoJSON to memory.  Baseline: ``csv.writer`` writing E
  rows of the same width from a Python list (no database).

PostgreSQL: ``--postgres`` or ``$SITREP_TEST_POSTGRES_URL``; a throw-away schema is used and
dropped.  Without either, the PostgreSQL lines are skipped (and say so).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "store"))

import synthetic  # noqa: E402

from sitrep.export import export  # noqa: E402
from sitrep.ingest.normalise import hash_normalised, normalise_text  # noqa: E402
from sitrep.model import Article  # noqa: E402
from sitrep.store import open_store  # noqa: E402


def pg_target(base: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def pg_drop(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def extractions(n: int) -> list:
    import sitrep

    out = []
    for rec in synthetic.articles((n + 1) // 2)[:n]:
        text = normalise_text(rec["text"])
        art = Article(text=text, id=hash_normalised(text), url=rec["url"], outlet=rec["outlet"])
        art.published = __import__("datetime").date.fromisoformat(rec["published"])
        out.append(sitrep.extract(text, published=art.published, url=art.url, article=art))
    return out


def bench_ingest(url: str, xs: list) -> tuple[float, float]:
    with open_store(url) as store:
        t = time.perf_counter()
        for x in xs:
            store.ingest(x)
        rate = len(xs) / (time.perf_counter() - t)
        db = store.db
        db.execute("CREATE TABLE bench_plain (id TEXT PRIMARY KEY, url TEXT, body TEXT)")
        t = time.perf_counter()
        for x in xs:
            with db.transaction():
                db.execute(
                    "INSERT INTO bench_plain (id, url, body) VALUES (?, ?, ?)",
                    (hash_normalised(x.article.text), x.article.url, x.article.text),
                )
        base = len(xs) / (time.perf_counter() - t)
    return rate, base


def fill_events(url: str, n: int) -> None:
    """n events, each with one source incident (10 per article) and two reconciled figures."""
    stamp = "2026-01-01T00:00:00+00:00"
    per_article = 10
    with open_store(url) as store:
        db = store.db
        with db.transaction():
            place = db.insert(
                "INSERT INTO places (key, name, country, country_iso3, country_name, latitude, longitude) "
                "VALUES ('geonames:1167528', 'Quetta', 'PK', 'PAK', 'Pakistan', 30.18, 67.0) RETURNING id"
            )
            arts = [
                (f"a{i:08d}", f"https://bench.test/{i}", "Bench", "2025-06-01", "text", stamp)
                for i in range(n // per_article + 1)
            ]
            db.executemany(
                "INSERT INTO articles (id, url, outlet, published, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?)",
                arts,
            )
            db.executemany(
                "INSERT INTO extractions (article_id, version, created_at, warnings, data) VALUES (?, '0', ?, '[]', '{}')",
                [(a[0], stamp) for a in arts],
            )
            xid = dict(db.all("SELECT article_id, id FROM extractions"))
            perps = json.dumps(
                [
                    {
                        "actor_id": "BLA",
                        "name": "Balochistan Liberation Army",
                        "attribution": "claimed",
                        "kind": None,
                        "sources": 1,
                    }
                ]
            )
            events = []
            for i in range(n):
                d = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
                lat, lon = 25 + (i % 1000) / 100, 61 + (i % 700) / 100
                events.append(
                    (i + 1, d, "day", place, "Town", "Balochistan", "District", "PK", lat, lon, 1, 1,
                     '["bombing/explosion"]', "carried out", "Explosions/Remote violence", "Suicide bomb",
                     perps, '["police"]', '["suicide_vest"]', 1, f"synthetic event {i}", 1, 0.5, stamp, stamp)
                )  # fmt: skip
            db.executemany(
                "INSERT INTO events (id, date, date_precision, place_id, location, admin1, admin2, country, "
                "latitude, longitude, geo_precision, where_prec, types, status, acled_event_type, "
                "acled_sub_event_type, perpetrators, targets, weapons, suicide, summary, "
                "number_of_sources, confidence, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events,
            )
            incidents = []
            for i in range(n):
                art = arts[i // per_article][0]
                incidents.append(
                    (
                        art,
                        xid[art],
                        f"i{i % per_article}",
                        i + 1,
                        events[i][1],
                        "Town",
                        '["bombing/explosion"]',
                        "carried out",
                        json.dumps({"summary": events[i][20]}),
                    )
                )
            db.executemany(
                "INSERT INTO incidents (article_id, extraction_id, local_id, event_id, date, place_name, types, status, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                incidents,
            )
            report = json.dumps(
                [
                    {
                        "article_id": "a",
                        "status": "killed",
                        "category": "all",
                        "low": 3,
                        "best": 4,
                        "high": 5,
                    }
                ]
            )
            figs = [
                (i + 1, "killed", c, 3, 4, 5, 1, 0, report)
                for i in range(n)
                for c in ("all", "security_forces")
            ]
            db.executemany(
                "INSERT INTO event_figures (event_id, status, category, low, best, high, number_of_sources, conflicting, reports) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                figs,
            )


def bench_export(url: str, n: int) -> dict[str, float]:
    out = {}
    with open_store(url) as store:
        for fmt in ("acled", "geojson"):
            buf = io.StringIO()
            t = time.perf_counter()
            rows = export(store, fmt=fmt, out=buf)
            out[fmt] = time.perf_counter() - t
            assert rows == n, (fmt, rows, n)
    row = ["PAK1", "2025-01-01", 2025, 1, "Political violence", "Explosions/Remote violence", "Suicide bomb",
           "Balochistan Liberation Army", "", "Rebel group", "Police Forces of Pakistan", "", "State forces",
           "State forces-Rebel group", "", 586, "Southern Asia", "Pakistan", "Balochistan", "District", "",
           "Town", 25.1, 61.2, 1, "Bench", "", "synthetic event", 3, "", 1, 0.5, 1]  # fmt: skip
    data = [row] * n
    buf = io.StringIO()
    t = time.perf_counter()
    w = csv.writer(buf)
    w.writerows(data)
    out["baseline"] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--postgres", default=os.environ.get("SITREP_TEST_POSTGRES_URL"))
    args = ap.parse_args()

    t = time.perf_counter()
    xs = extractions(args.articles)
    print(
        f"extracted {len(xs)} synthetic articles for the ingest runs in {time.perf_counter() - t:.1f} s (not timed below)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", str(Path(tmp) / "ingest.db"), str(Path(tmp) / "export.db"), None)]
        if args.postgres:
            ingest_url, s1 = pg_target(args.postgres)
            export_url, s2 = pg_target(args.postgres)
            targets.append(("postgresql", ingest_url, export_url, (s1, s2)))
        else:
            print("postgresql: skipped (no --postgres and no $SITREP_TEST_POSTGRES_URL)")
        try:
            for name, ingest_url, export_url, _ in targets:
                rate, base = bench_ingest(ingest_url, xs)
                print(
                    f"{name:10} ingest: {rate:8.1f} articles/s   baseline (one plain row per transaction) {base:8.1f}/s   ratio {rate / base:.3f}"
                )
                t = time.perf_counter()
                fill_events(export_url, args.events)
                fill = time.perf_counter() - t
                times = bench_export(export_url, args.events)
                for fmt in ("acled", "geojson"):
                    print(
                        f"{name:10} export {args.events:,} events as {fmt:7}: {times[fmt]:6.2f} s   "
                        f"baseline (csv.writer, no database) {times['baseline']:.2f} s   ratio {times[fmt] / times['baseline']:.1f}x"
                    )
                print(f"{name:10} (writing the {args.events:,} synthetic events took {fill:.1f} s)")
        finally:
            for name, _, _, schemas in targets:
                if name == "postgresql" and schemas:
                    for s in schemas:
                        pg_drop(args.postgres, s)


if __name__ == "__main__":
    main()
