"""Throughput and memory of `sitrep batch` with 1 and 2 Dask workers, on the same corpus.

    python benchmarks/scale.py [--articles 3000] [--partition-size 250] [--workers 1 2] [--json]

The corpus is the MUC-4 training texts (../shared/data/muc4/train.jsonl beside the project)
repeated to ``--articles`` records.  For each worker count it starts a LocalCluster (worker
processes with one thread each), warms the workers (lexicon and gazetteer loaded once per
process: timed separately), runs the batch into a temporary folder and reports articles/s,
the scaling ratio against the first worker count, the peak resident memory of each worker
process (ru_maxrss) and the projected time for 1,000,000 articles.  With ``--serial`` it first
runs the same corpus in this process, which shows the per-task overhead Dask adds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUC4 = ROOT.parent / "shared" / "data" / "muc4" / "train.jsonl"


def build_corpus(path: Path, *, articles: int, source: Path = MUC4) -> int:
    """Write ``articles`` records (MUC-4 texts, repeated) to ``path``; bytes written."""
    records = []
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            records.append((r["id"], r["text"], r.get("doc_date")))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(articles):
            rid, text, date = records[i % len(records)]
            out.write(json.dumps({"id": f"{rid}#{i}", "text": text, "published": date}) + "\n")
    return path.stat().st_size


def _peak_rss_mb(dask_worker=None) -> float:  # noqa: ARG001 - run on each worker
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pid(dask_worker=None) -> int:  # noqa: ARG001
    return os.getpid()


def run_serial(corpus: Path, out: Path, *, partition_size: int) -> dict:
    from sitrep.batch import run_batch
    from sitrep.batch.task import warm_up

    warm = warm_up()
    summary = run_batch(corpus, out, partition_size=partition_size)
    return {
        "workers": 0,
        "warm_up_s": round(warm, 2),
        "articles": summary.articles,
        "errors": summary.errors,
        "incidents": summary.incidents,
        "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.articles_per_second, 1),
        "peak_rss_mb": [round(_peak_rss_mb(), 1)],
    }


def run_cluster(corpus: Path, out: Path, *, workers: int, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from sitrep.batch import prepare_client, run_batch

    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit=None,
    )
    try:
        with Client(cluster) as client:
            started = time.perf_counter()
            prepare_client(client)
            warm = time.perf_counter() - started
            summary = run_batch(corpus, out, client=client, partition_size=partition_size)
            peaks = client.run(_peak_rss_mb)
            pids = client.run(_pid)
    finally:
        cluster.close()
    return {
        "workers": workers,
        "warm_up_s": round(warm, 2),
        "articles": summary.articles,
        "errors": summary.errors,
        "incidents": summary.incidents,
        "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.articles_per_second, 1),
        "peak_rss_mb": sorted(round(v, 1) for v in peaks.values()),
        "worker_pids": sorted(pids.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--serial", action="store_true", help="also run in this process")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("distributed").setLevel(logging.ERROR)

    results = []
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = build_corpus(corpus, articles=args.articles)
        print(
            f"corpus: {args.articles} articles, {size / 1e6:.1f} MB, from {MUC4.name}; "
            f"{os.cpu_count()} CPUs; partition size {args.partition_size}",
            file=sys.stderr,
        )
        if args.serial:
            results.append(
                run_serial(corpus, Path(tmp) / "out-serial", partition_size=args.partition_size)
            )
            print(f"in-process: {results[-1]}", file=sys.stderr)
        for n in args.workers:
            results.append(
                run_cluster(
                    corpus, Path(tmp) / f"out-{n}", workers=n, partition_size=args.partition_size
                )
            )
            print(f"{n} worker(s): {results[-1]}", file=sys.stderr)

    clustered = [r for r in results if r["workers"] > 0]
    base = clustered[0]
    best = max(clustered, key=lambda r: r["articles_per_s"])
    report = {
        "articles": args.articles,
        "cpus": os.cpu_count(),
        "runs": results,
        "scaling": {
            f"{r['workers']}/{base['workers']}": round(
                r["articles_per_s"] / base["articles_per_s"], 2
            )
            for r in clustered[1:]
        },
        "max_worker_rss_mb": max(max(r["peak_rss_mb"]) for r in clustered),
        "projected_hours_for_1m": round(1_000_000 / best["articles_per_s"] / 3600, 2),
        "projected_with_workers": best["workers"],
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'workers':>8} {'articles/s':>11} {'seconds':>8} {'warm-up s':>10} {'peak RSS MB':>14}")
    for r in results:
        label = "in-proc" if r["workers"] == 0 else str(r["workers"])
        rss = "/".join(f"{v:.0f}" for v in r["peak_rss_mb"])
        print(
            f"{label:>8} {r['articles_per_s']:>11.1f} {r['seconds']:>8.1f} "
            f"{r['warm_up_s']:>10.1f} {rss:>14}"
        )
    for key, ratio in report["scaling"].items():
        print(f"scaling ratio {key} workers: {ratio:.2f}")
    print(
        f"projected time for 1,000,000 articles with {best['workers']} worker(s): "
        f"{report['projected_hours_for_1m']:.2f} h"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
