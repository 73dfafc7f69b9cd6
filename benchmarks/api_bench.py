"""API latency on a large store: p50/p99 of list and filter queries, over real HTTP on loopback.

1. Generates N canonical events (default 100,000) into a SQLite store through the store's own
   schema (places, actors, events, per-event figures), deterministic for a given --seed.
2. Starts `sitrep serve` on that store as a separate process (uvicorn, one worker).
3. Runs a load generator in other processes: each client keeps one HTTP/1.1 connection open and
   sends the queries round-robin for --seconds; latencies are measured client-side.

Prints a table (requests, p50, p90, p99, max in ms per query) and whether every list/filter query
has p99 under the aim of 100 ms.  Usage:

    python benchmarks/api_bench.py [--events 100000] [--clients 4] [--seconds 10] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing as mp
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AIM_MS = 100.0

QUERIES: dict[str, str] = {
    "list newest": "/api/events",
    "list page 200": "/api/events?offset=10000&limit=50",
    "list by deaths": "/api/events?sort=-fatalities",
    "filter dates": "/api/events?since=2024-03-01&until=2024-03-31",
    "filter country": "/api/events?country=AF",
    "filter province": "/api/events?admin1=Province%2007",
    "filter type": "/api/events?type=Battles",
    "filter actor": "/api/events?actor=ACT12",
    "filter deaths": "/api/events?min_fatalities=40",
    "filter bbox": "/api/events?bbox=66,29,68,31",
    "filter text": "/api/events?q=checkpoint",
    "filter combined": "/api/events?country=PK&since=2023-01-01&type=Battles&min_fatalities=5",
    "event detail": "/api/events/{id}",
}
EXTRA: dict[str, str] = {  # heavier dashboard reads, reported but not held to the aim
    "stats week (all)": "/api/stats?interval=week",
    "stats week (country)": "/api/stats?interval=week&country=AF",
    "map points (country)": "/api/map?country=AF",
}

COUNTRIES = [
    ("PK", "PAK", "Pakistan", 30.0, 69.0),
    ("AF", "AFG", "Afghanistan", 34.0, 66.0),
    ("IQ", "IRQ", "Iraq", 33.0, 44.0),
    ("SY", "SYR", "Syria", 35.0, 38.0),
    ("NG", "NGA", "Nigeria", 9.0, 8.0),
    ("ML", "MLI", "Mali", 16.0, -2.0),
    ("SO", "SOM", "Somalia", 5.0, 46.0),
    ("YE", "YEM", "Yemen", 15.5, 47.5),
]
TYPES = [
    ("Battles", "Armed clash", "armed clash"),
    ("Explosions/Remote violence", "Suicide bomb", "bombing/explosion"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "bombing/explosion"),
    ("Violence against civilians", "Attack", "armed assault"),
    ("Violence against civilians", "Abduction/forced disappearance", "hostage taking (kidnapping)"),
    ("Strategic developments", "Looting/property destruction", "facility/infrastructure attack"),
]
WORDS = ["checkpoint", "market", "convoy", "police station", "mosque", "school", "camp", "highway"]


def generate(path: Path, n: int, seed: int) -> None:
    """Write ``n`` synthetic canonical events into a fresh store at ``path``."""
    from sitrep.store import open_store

    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00+00:00"
    with open_store(path) as store:
        db = store.db
        places = []
        for i in range(2000):
            code, iso3, name, lat, lon = COUNTRIES[i % len(COUNTRIES)]
            places.append(
                (
                    f"bench:{i}",
                    100000 + i,
                    f"Town {i:04d}",
                    f"Town {i:04d}",
                    "town",
                    f"Province {i % 37:02d}",
                    f"District {i % 211:03d}",
                    code,
                    iso3,
                    name,
                    round(lat + rng.uniform(-3, 3), 5),
                    round(lon + rng.uniform(-3, 3), 5),
                )
            )
        with db.transaction():
            db.executemany(
                "INSERT INTO places (key, geonames_id, name, canonical_name, kind, admin1, admin2, "
                "country, country_iso3, country_name, latitude, longitude) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                places,
            )
            db.executemany(
                "INSERT INTO actors (id, name, kind) VALUES (?, ?, ?)",
                [(f"ACT{i}", f"Armed Group {i}", "armed_group") for i in range(60)],
            )
            place_ids = [r[0] for r in db.all("SELECT id FROM places ORDER BY id")]
            start = dt.date(2020, 1, 1)
            batch_events, batch_figs = [], []
            for i in range(n):
                p = rng.randrange(len(places))
                place = places[p]
                acled, sub, gtd = TYPES[rng.randrange(len(TYPES))]
                actor = rng.randrange(60)
                perps = [
                    {
                        "actor_id": f"ACT{actor}",
                        "name": f"Armed Group {actor}",
                        "attribution": rng.choice(["claimed", "reported", "suspected"]),
                        "kind": None,
                        "sources": 1,
                    }
                ]
                day = start + dt.timedelta(days=rng.randrange(6 * 365))
                deaths = int(rng.paretovariate(1.3)) - 1 if rng.random() < 0.8 else 0
                word = WORDS[rng.randrange(len(WORDS))]
                batch_events.append(
                    (
                        i + 1,
                        day.isoformat(),
                        "day",
                        place_ids[p],
                        place[2],
                        place[5],
                        place[6],
                        place[7],
                        place[10],
                        place[11],
                        1,
                        1,
                        json.dumps([gtd]),
                        "carried out",
                        acled,
                        sub,
                        json.dumps(perps),
                        f"{day} {place[2]}: {gtd} at a {word}; {deaths} killed",
                        1 + rng.randrange(4),
                        round(rng.uniform(0.3, 0.95), 4),
                        stamp,
                        stamp,
                    )
                )
                if deaths:
                    batch_figs.append((i + 1, "killed", "all", deaths, deaths, deaths, 1, 0, "[]"))
                    batch_figs.append(
                        (i + 1, "killed", "civilians", deaths, deaths, deaths, 1, 0, "[]")
                    )
                if len(batch_events) >= 20000:
                    _flush(db, batch_events, batch_figs)
            _flush(db, batch_events, batch_figs)
        # events were written directly, not through Store.ingest: index them for listing
        store.rebuild_listing()
        db.execute("ANALYZE")


def _flush(db, events: list, figs: list) -> None:  # type: ignore[no-untyped-def]
    db.executemany(
        "INSERT INTO events (id, date, date_precision, place_id, location, admin1, admin2, country, "
        "latitude, longitude, geo_precision, where_prec, types, status, acled_event_type, "
        "acled_sub_event_type, perpetrators, summary, number_of_sources, confidence, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    db.executemany(
        "INSERT INTO event_figures (event_id, status, category, low, best, high, number_of_sources, "
        "conflicting, reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        figs,
    )
    events.clear()
    figs.clear()


def _client(
    url: str, paths: list[tuple[str, str]], seconds: float, warmup: float, out: mp.Queue
) -> None:
    host, port = url.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    results: dict[str, list[float]] = {name: [] for name, _ in paths}
    rng = random.Random(os.getpid())
    order = list(paths)
    rng.shuffle(order)
    t_end = time.monotonic() + warmup + seconds
    t_measure = time.monotonic() + warmup
    i = 0
    errors = 0
    while time.monotonic() < t_end:
        name, path = order[i % len(order)]
        i += 1
        if "{id}" in path:
            path = path.replace("{id}", str(rng.randrange(1, 100_000)))
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Accept": "application/json"})
        resp = conn.getresponse()
        resp.read()
        ms = (time.perf_counter() - t0) * 1000
        if resp.status != 200:
            errors += 1
        if time.monotonic() >= t_measure:
            results[name].append(ms)
    conn.close()
    out.put((results, errors))


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[k]


def run_load(
    url: str, queries: dict[str, str], clients: int, seconds: float
) -> tuple[dict[str, list[float]], int]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    procs = [
        ctx.Process(target=_client, args=(url, list(queries.items()), seconds, 1.0, out))
        for _ in range(clients)
    ]
    for p in procs:
        p.start()
    merged: dict[str, list[float]] = {name: [] for name in queries}
    errors = 0
    for _ in procs:
        results, errs = out.get()
        errors += errs
        for name, values in results.items():
            merged[name] += values
    for p in procs:
        p.join()
    return merged, errors


def baseline(db: Path, seconds: float = 2.0) -> dict[str, float]:
    """In-process reference timings (ms, median) on the same store in the same run, so figures
    from a shared, loaded machine can be compared as ratios."""
    from sitrep.store import open_store

    refs = {
        "id page": "SELECT id FROM events ORDER BY date DESC LIMIT 50",
        "row page": "SELECT * FROM events ORDER BY date DESC LIMIT 50",
        "count all": "SELECT COUNT(*) FROM events",
    }
    out = {}
    with open_store(db) as store:
        for name, sql in refs.items():
            times: list[float] = []
            t_end = time.monotonic() + seconds / len(refs)
            while time.monotonic() < t_end or len(times) < 5:
                t0 = time.perf_counter()
                store.db.all(sql)
                times.append((time.perf_counter() - t0) * 1000)
            out[name] = statistics.median(times)
    return out


def report(
    title: str, merged: dict[str, list[float]], seconds: float, base: float | None = None
) -> bool:
    """Print one phase's table; True when every query answered with p99 under the aim (a
    query with no answers in the phase counts as missed)."""
    print(f"\n{title}")
    ratio = f"{'p50/base':>10}" if base else ""
    print(
        f"{'query':<24}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}{ratio}"
    )
    ok = True
    for name, values in merged.items():
        if not values:
            ok = False
            print(f"{name:<24}{0:>9}   (no answer in {seconds:.1f} s)")
            continue
        p50, p99 = statistics.median(values), _pct(values, 0.99)
        ok = ok and p99 < AIM_MS
        extra = f"{p50 / base:>10.0f}" if base else ""
        print(
            f"{name:<24}{len(values):>9}{len(values) / seconds:>8.1f}{p50:>9.1f}"
            f"{_pct(values, 0.90):>9.1f}{p99:>9.1f}{max(values):>9.1f}{extra}"
        )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=4, help="concurrent client processes")
    ap.add_argument("--seconds", type=float, default=10.0, help="measured seconds per phase")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, default=None, help="reuse/keep the generated store here")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        t0 = time.perf_counter()
        generate(db, args.events, args.seed)
        print(
            f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s -> {db} "
            f"({db.stat().st_size / 1e6:.0f} MB)"
        )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--read-only",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/api/health", timeout=5) as r:
                    health = json.loads(r.read())
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print(server.stdout.read() if server.stdout else "", file=sys.stderr)
                    raise SystemExit("server did not start") from None
                time.sleep(0.2)
        print(
            f"server: {url} (one uvicorn worker, SQLite WAL), {health['events']:,} events; "
            f"{args.clients} client processes, {args.seconds:.0f} s per phase, "
            f"{os.cpu_count()} CPUs shared by server and clients"
        )
        refs = baseline(db)
        base = refs["row page"]
        print(
            "in-process baseline (median ms): "
            + ", ".join(f"{k} {v:.3f}" for k, v in refs.items())
            + "; ratios below are p50 / 'row page'"
        )
        merged, errors = run_load(url, QUERIES, args.clients, args.seconds)
        ok = report("list and filter queries (aim: p99 < 100 ms)", merged, args.seconds, base)
        single, errors1 = run_load(url, QUERIES, 1, args.seconds / 2)
        report("the same, one client (no queueing)", single, args.seconds / 2, base)
        extra, errors2 = run_load(url, EXTRA, args.clients, args.seconds / 2)
        report("dashboard aggregates (not held to the aim)", extra, args.seconds / 2, base)
        total_errors = errors + errors1 + errors2
        print(f"\nnon-200 responses: {total_errors}")
        print(
            f"p99 < {AIM_MS:.0f} ms for every list/filter query with {args.clients} clients: "
            f"{'yes' if ok else 'NO'}"
        )
        return 0 if ok and total_errors == 0 else 1
    finally:
        server.terminate()
        server.wait(timeout=15)
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
