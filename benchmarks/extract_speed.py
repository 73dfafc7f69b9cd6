"""Extraction throughput and memory on the MUC-4 train texts.

    python benchmarks/extract_speed.py [--limit N] [--data PATH]

Prints articles/s, words/s and peak RSS.  The first article is extracted once before timing so
that lexicon, gazetteer and parser set-up costs are reported separately (as "warm-up").
Quote results as ratios against a baseline measured in the same command (the `--baseline` line:
plain sentence splitting of the same texts), since shared machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "muc4" / "train.jsonl"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--field", default="text", help="record field holding the text (text or text_raw)"
    )
    args = ap.parse_args()

    texts = []
    with open(args.data, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(rec.get(args.field) or rec["text"])
            if args.limit and len(texts) >= args.limit:
                break
    words = sum(len(t.split()) for t in texts)

    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    import sitrep
    from sitrep.text.sentences import split_sentences

    sitrep.extract(texts[0])
    warm = time.perf_counter() - t0

    t0 = time.perf_counter()
    for t in texts:
        split_sentences(t)
    base = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_inc = n_fig = 0
    for t in texts:
        r = sitrep.extract(t)
        n_inc += len(r.incidents)
        n_fig += len(r.figures)
    el = time.perf_counter() - t0

    print(f"corpus: {args.data} ({len(texts)} articles, {words:,} words)")
    print(f"warm-up (imports, lexicon, gazetteer, first article): {warm:.2f} s")
    print(f"extract: {len(texts) / el:,.1f} articles/s, {words / el:,.0f} words/s, {el:.2f} s")
    print(
        f"baseline (sentence splitting only): {words / base:,.0f} words/s; extract/baseline time ratio {el / base:,.1f}x"
    )
    print(f"found: {n_inc} incidents, {n_fig} figures")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB (before import {rss0:,.0f} MB)")


if __name__ == "__main__":
    main()
