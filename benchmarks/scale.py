"""Throughput and memory of `sitrep batch` with 1 and 2 Dask workers, on the same corpus.

    python benchmarks/scale.py [--data train.jsonl] [--articles 1300] [--partition-size 25]
                               [--workers 1 2] [--repeat 3] [--serial] [--parallel] [--json]

The corpus is the MUC-4 training texts (../shared/data/muc4/train.jsonl beside the project)
repeated to ``--articles`` records.  For each worker count it starts the local cluster that
`sitrep batch --workers N` starts (worker processes with one thread each), warms the workers
(lexicon and gazetteer loaded once per process: timed with the cluster start as "warm-up", not
counted in the throughput), runs the batch into a temporary folder and reports articles/s, the
CPU seconds the workers and this client spent, the peak resident memory of each worker process
(ru_maxrss) and of this client process, and the projected time for 1,000,000 articles.

On a shared machine the figures drift with the load of others, so ``--repeat`` runs the
worker counts interleaved (1, 2, 1, 2, ...) and the scaling ratio is taken from the medians of
the same command.  The CPU cost per article depends much less on the load: the "free cores"
estimate is the ratio the measured CPU times give when every worker has a core of its own.
``--serial`` adds a run in this process without Dask (the overhead Dask adds);
``--parallel`` adds ``extract_parallel`` (the process pool for a single writer such as the
store), with as many processes as the largest worker count.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MUC4 = ROOT.parent / "shared" / "data" / "muc4" / "train.jsonl"
MILLION = 1_000_000


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


def _usage(dask_worker: Any = None) -> dict[str, float]:  # noqa: ARG001 - run on each worker
    """Peak RSS (MB) and CPU seconds of this process so far."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"rss_mb": ru.ru_maxrss / 1024, "cpu_s": ru.ru_utime + ru.ru_stime, "pid": os.getpid()}


def _load() -> float:
    return os.getloadavg()[0]


def _record(label: str, workers: int, summary: Any, warm: float, extra: dict) -> dict:
    return {
        "run": label,
        "workers": workers,
        "warm_up_s": round(warm, 2),
        "articles": summary.articles,
        "errors": summary.errors,
        "incidents": summary.incidents,
        "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.articles_per_second, 2),
        **extra,
    }


def run_serial(corpus: Path, out: Path, *, partition_size: int) -> dict:
    from sitrep.batch import run_batch
    from sitrep.batch.task import warm_up

    warm = warm_up()
    before = _usage()
    summary = run_batch(corpus, out, partition_size=partition_size)
    after = _usage()
    cpu = after["cpu_s"] - before["cpu_s"]
    return _record(
        "in-process",
        1,
        summary,
        warm,
        {
            "worker_cpu_s": round(cpu, 2),
            "articles_per_cpu_s": round(summary.articles / cpu, 2),
            "core_share_per_worker": round(cpu / summary.seconds, 2),
            "peak_rss_mb": [round(after["rss_mb"], 1)],
            "load_avg": round(_load(), 2),
        },
    )


def run_cluster(corpus: Path, out: Path, *, workers: int, partition_size: int) -> dict:
    from sitrep.batch import open_client, run_batch

    started = time.perf_counter()
    # the cluster `sitrep batch --workers N` starts (no memory limit: we measure the peak)
    with open_client(workers=workers, memory_limit=None) as client:
        warm = time.perf_counter() - started  # cluster start and warm-up of every worker
        before = client.run(_usage)
        client_before = _usage()["cpu_s"]
        summary = run_batch(corpus, out, client=client, partition_size=partition_size)
        client_cpu = _usage()["cpu_s"] - client_before
        after = client.run(_usage)
    cpu = sum(after[w]["cpu_s"] - before[w]["cpu_s"] for w in after)
    # the share of a core each worker had: 1.0 when nobody else competes for the CPUs
    share = cpu / (summary.seconds * workers) if summary.seconds else 0.0
    return _record(
        "dask",
        workers,
        summary,
        warm,
        {
            "worker_cpu_s": round(cpu, 2),
            "articles_per_cpu_s": round(summary.articles / cpu, 2) if cpu else None,
            "core_share_per_worker": round(share, 2),
            "client_cpu_s": round(client_cpu, 2),
            "peak_rss_mb": sorted(round(u["rss_mb"], 1) for u in after.values()),
            "load_avg": round(_load(), 2),
        },
    )


def run_parallel(corpus: Path, *, workers: int) -> dict:
    """extract_parallel over the same corpus, results consumed (and dropped) in order."""
    from sitrep.batch import extract_parallel
    from sitrep.ingest import iter_jsonl

    n = errors = incidents = 0
    started = time.perf_counter()
    with open(corpus, "rb") as fh:
        for result in extract_parallel(iter_jsonl(fh, source=corpus.name), workers=workers):
            if hasattr(result, "incidents"):
                n += 1
                incidents += len(result.incidents)
            else:
                errors += 1
    seconds = time.perf_counter() - started

    class _S:
        articles = n
        articles_per_second = n / seconds

    _S.errors, _S.incidents, _S.seconds = errors, incidents, seconds
    return _record(
        "extract_parallel",
        workers,
        _S,
        0.0,
        {"note": "includes pool start-up and warm-up", "load_avg": round(_load(), 2)},
    )


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def free_core_seconds(run: dict, cpus: int) -> float:
    """The wall time ``run`` would take with every worker on a free core: the busiest worker's
    CPU time, or all the CPU time (workers and client) spread over the machine's cores,
    whichever is longer.  Conservative: the client's CPU includes Dask's idle polling, which
    grows with the (loaded) wall time."""
    n = run["workers"]
    total = run["worker_cpu_s"] + run.get("client_cpu_s", 0.0)
    return max(run["worker_cpu_s"] / n, total / min(cpus, n + 1))


def main(argv: list[str] | None = None) -> int:
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data", type=Path, default=MUC4, help="JSONL with text (and doc_date)")
    parser.add_argument("--articles", type=int, default=1300)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--serial", action="store_true", help="also run in this process")
    parser.add_argument("--parallel", action="store_true", help="also run extract_parallel")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    import distributed  # noqa: F401 - sets up its loggers, which are quietened next

    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)

    runs: list[dict] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = build_corpus(corpus, articles=args.articles, source=args.data)
        print(
            f"corpus: {args.articles} articles, {size / 1e6:.1f} MB, from {args.data.name}; "
            f"{os.cpu_count()} CPUs; partition size {args.partition_size}; "
            f"load average {_load():.2f} at start",
            file=sys.stderr,
        )
        k = 0
        for round_ in range(args.repeat):
            for n in args.workers:
                k += 1
                out = Path(tmp) / f"out-{k}"
                runs.append(run_cluster(corpus, out, workers=n, partition_size=args.partition_size))
                runs[-1]["round"] = round_
                print(f"{n} worker(s): {runs[-1]}", file=sys.stderr)
        if args.serial:
            runs.append(run_serial(corpus, Path(tmp) / "out-serial", partition_size=1_000_000))
            print(f"in-process: {runs[-1]}", file=sys.stderr)
        if args.parallel:
            runs.append(run_parallel(corpus, workers=max(args.workers)))
            print(f"extract_parallel: {runs[-1]}", file=sys.stderr)

    by_workers = {
        n: [r for r in runs if r["run"] == "dask" and r["workers"] == n] for n in args.workers
    }
    medians = {n: _median(rs, "articles_per_s") for n, rs in by_workers.items()}
    base_n = args.workers[0]
    best_n = max(medians, key=lambda n: medians[n])
    top_n = max(args.workers)
    cpus = os.cpu_count() or 1
    dask_runs = [r for r in runs if r["run"] == "dask"]
    report = {
        "articles": args.articles,
        "partition_size": args.partition_size,
        "cpus": os.cpu_count(),
        "runs": runs,
        "median_articles_per_s": medians,
        "scaling": {
            f"{n}/{base_n}": round(medians[n] / medians[base_n], 2) for n in args.workers[1:]
        },
        "scaling_per_round": {
            f"{n}/{base_n}": [
                round(a["articles_per_s"] / b["articles_per_s"], 2)
                for a, b in zip(by_workers[n], by_workers[base_n], strict=True)
            ]
            for n in args.workers[1:]
        },
        "articles_per_worker_cpu_s": {
            n: _median(rs, "articles_per_cpu_s") for n, rs in by_workers.items()
        },
        "free_core_ratio_estimate": {
            f"{n}/{base_n}": round(
                statistics.median(free_core_seconds(r, cpus) for r in by_workers[base_n])
                / statistics.median(free_core_seconds(r, cpus) for r in by_workers[n]),
                2,
            )
            for n in args.workers[1:]
        },
        "core_share_per_worker": {
            n: _median(rs, "core_share_per_worker") for n, rs in by_workers.items()
        },
        "max_worker_rss_mb": max(max(r["peak_rss_mb"]) for r in dask_runs),
        "client_peak_rss_mb": round(_usage()["rss_mb"], 1),
        "projected_hours_for_1m": round(MILLION / medians[best_n] / 3600, 2),
        "projected_with_workers": best_n,
        # each worker on a core of its own (an idle machine): from the CPU cost per article
        "projected_hours_for_1m_full_cores": round(
            MILLION / (_median(by_workers[top_n], "articles_per_cpu_s") * top_n) / 3600, 2
        ),
        "full_core_workers": top_n,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"{'run':>17} {'workers':>7} {'articles/s':>10} {'seconds':>8} {'warm-up s':>9} "
        f"{'art/CPU-s':>9} {'core share':>10} {'client CPU s':>12} {'peak RSS MB':>12} "
        f"{'load':>5}"
    )

    def cell(r: dict, key: str) -> str:
        return "-" if r.get(key) is None else f"{r[key]:.2f}"

    for r in runs:
        rss = "/".join(f"{v:.0f}" for v in r.get("peak_rss_mb", [])) or "-"
        print(
            f"{r['run']:>17} {r['workers']:>7} {r['articles_per_s']:>10.2f} {r['seconds']:>8.1f} "
            f"{r['warm_up_s']:>9.2f} {cell(r, 'articles_per_cpu_s'):>9} "
            f"{cell(r, 'core_share_per_worker'):>10} {cell(r, 'client_cpu_s'):>12} {rss:>12} "
            f"{r['load_avg']:>5.2f}"
        )
    for key, ratio in report["scaling"].items():
        rounds = ", ".join(f"{x:.2f}" for x in report["scaling_per_round"][key])
        print(f"scaling ratio {key} workers (medians): {ratio:.2f}  (per round: {rounds})")
    for key, ratio in report["free_core_ratio_estimate"].items():
        print(f"scaling ratio {key} workers on free cores (estimate from CPU times): {ratio:.2f}")
    print(f"max worker peak RSS: {report['max_worker_rss_mb']:.0f} MB")
    print(f"client peak RSS: {report['client_peak_rss_mb']:.0f} MB")
    print(
        f"projected time for 1,000,000 articles with {best_n} worker(s): "
        f"{report['projected_hours_for_1m']:.2f} h at the measured rate; "
        f"{report['projected_hours_for_1m_full_cores']:.2f} h with {top_n} worker(s) "
        "on cores of their own"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
