"""Exports load cleanly in pandas with the documented columns; GeoJSON is valid RFC 7946."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import geojson
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "store"))

from storekit import ArticleBuilder, db_url, place  # noqa: E402

from sitrep.export import acled, export, gtd, ucdp  # noqa: E402
from sitrep.model import AttackType, Attribution, Category, Level  # noqa: E402
from sitrep.store import EventFilter, open_store  # noqa: E402

__all__ = ["db_url"]


def _fill(url: str) -> None:
    with open_store(url) as store:
        for n, (q_killed, total) in enumerate(((2, 121), (3, 125))):
            b = ArticleBuilder(
                f"Report {n}: wave of attacks in Quetta, Mastung and Pasni.",
                url=f"https://r{n}.example/a",
                outlet=f"Outlet {n}",
            )
            q = b.incident(
                place("Quetta"),
                types=(AttackType.BOMBING,),
                summary="suicide bombing at a police station",
            )
            m = b.incident(
                place("Mastung", precision=2),
                types=(AttackType.ARMED_ASSAULT,),
                attribution=Attribution.ALLEGED,
            )
            p = b.incident(place("Pasni"), types=(AttackType.KIDNAPPING,), by=None)
            g = b.group([q, m, p], where=place("Balochistan"))
            b.figure(q_killed, incident=q, category=Category.SECURITY_FORCES)
            b.figure(1, incident=q, category=Category.MILITANTS)
            b.figure(total, high=None, level=Level.GROUP, group=g)
            store.ingest(b.build())
        lone = ArticleBuilder(
            "A quiet report with no figures from Gwadar.", url="https://r9.example/a"
        )
        lone.incident(None, by=None)
        store.ingest(lone.build())


def _export(url: str, fmt: str, **where) -> str:
    buf = io.StringIO()
    with open_store(url) as store:
        export(store, fmt=fmt, out=buf, where=EventFilter(**where))
    return buf.getvalue()


def test_acled_csv(db_url: str) -> None:
    _fill(db_url)
    df = pd.read_csv(io.StringIO(_export(db_url, "acled")))
    assert list(df.columns) == acled.COLUMNS and len(df) == 4
    q = df[df.location == "Quetta"].iloc[0]
    assert q.event_id_cnty.startswith("PAK") and q.iso == 586 and q.country == "Pakistan"
    assert q.event_date == "2026-02-02" and q.time_precision == 1 and q.geo_precision == 1
    assert (
        q.event_type == "Explosions/Remote violence" and q.actor1 == "Balochistan Liberation Army"
    )
    assert q.inter1 == "Rebel group" and q.fatalities == 3  # ACLED codes the lower total (2 + 1)
    assert q.source == "Outlet 0; Outlet 1" and "coordinated attack" in q.tags
    assert df[df.location == "Mastung"].iloc[0].geo_precision == 2
    assert df[df.location == "Pasni"].iloc[0].actor1 == "Unidentified Armed Group (Pakistan)"


def test_gtd_csv_uses_gtd_unknown_codes(db_url: str) -> None:
    _fill(db_url)
    df = pd.read_csv(io.StringIO(_export(db_url, "gtd")))
    assert list(df.columns) == gtd.COLUMNS and len(df) == 4
    assert df.eventid.astype(str).str.fullmatch(r"20260202\d{4}").all()
    q = df[df.city == "Quetta"].iloc[0]
    assert (q.iyear, q.imonth, q.iday, q.success, q.multiple) == (2026, 2, 2, 1, 1)
    assert q.attacktype1_txt == "Bombing/Explosion" and q.claimed == 1 and q.guncertain1 == 0
    assert (q.nkill, q.nkillter, q.nwound) == (3, 1, -99)
    assert len(q.related.split(", ")) == 2
    p = df[df.provstate.notna() & (df.attacktype1_txt == "Hostage Taking (Kidnapping)")].iloc[0]
    assert (p.gname, p.guncertain1, p.claimed, p.nkill, p.nhostkid, p.property) == (
        "Unknown",
        -9,
        -9,
        -99,
        -99,
        -9,
    )
    m = df[(df.attacktype1_txt == "Armed Assault") & df.provstate.notna()].iloc[0]
    assert m.guncertain1 == 1 and m.specificity == 3
    nowhere = df[df.provstate.isna()].iloc[0]
    assert (nowhere.specificity, nowhere.vicinity, nowhere.gname) == (5, -9, "Unknown")


def test_ucdp_csv_keeps_the_wave_as_an_aggregate(db_url: str) -> None:
    _fill(db_url)
    df = pd.read_csv(io.StringIO(_export(db_url, "ucdp")))
    assert list(df.columns) == ucdp.COLUMNS
    events, aggregates = df[df.event_clarity == 1], df[df.event_clarity == 2]
    assert len(events) == 4 and len(aggregates) == 1
    q = events[events.where_description == "Quetta"].iloc[0]
    assert (q.low, q.best, q.high, q.number_of_sources) == (3, 3, 4, 2)
    assert (q.deaths_a, q.deaths_b, q.type_of_violence) == (2, 1, 1)
    agg = aggregates.iloc[0]
    # the wave's 121-125 less the 3-4 its events carry; never added into an event
    assert (agg.low, agg.best, agg.high, agg.where_prec) == (118, 118, 121, 4)
    assert df.best.sum() == 121  # summing the file never counts a death twice
    assert q.geom_wkt.startswith("POINT (67.0")


def test_geojson_is_rfc7946(db_url: str) -> None:
    _fill(db_url)
    text = _export(db_url, "geojson")
    obj = geojson.loads(text)
    assert obj.is_valid, obj.errors()
    data = json.loads(text)
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == 4
    for f in data["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        if f["geometry"] is not None:
            lon, lat = f["geometry"]["coordinates"]
            assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    quetta = next(f for f in data["features"] if f["properties"]["location"] == "Quetta")
    assert quetta["geometry"]["coordinates"] == [67.00141, 30.18414]  # longitude first
    assert sum(f["geometry"] is None for f in data["features"]) == 1


def test_jsonl_and_filters(db_url: str) -> None:
    _fill(db_url)
    lines = [json.loads(x) for x in _export(db_url, "jsonl").splitlines()]
    assert len(lines) == 4
    q = next(x for x in lines if x["location"] == "Quetta")
    assert q["date"] == "2026-02-02" and len(q["sources"]) == 2
    assert {r["outlet"] for f in q["figures"] for r in f["reports"]} == {"Outlet 0", "Outlet 1"}
    near_quetta = _export(db_url, "jsonl", bbox=(66.9, 30.0, 67.1, 30.3))
    assert [json.loads(x)["location"] for x in near_quetta.splitlines()] == ["Quetta"]
    assert _export(db_url, "jsonl", country="AFG") == ""
    assert _export(db_url, "jsonl", since=pd.Timestamp("2026-02-03").date()) == ""


@pytest.mark.parametrize("fmt", ["acled", "gtd", "ucdp"])
def test_empty_store_exports_a_header(db_url: str, fmt: str) -> None:
    text = _export(db_url, fmt)
    df = pd.read_csv(io.StringIO(text))
    assert len(df) == 0 and len(df.columns) > 20
