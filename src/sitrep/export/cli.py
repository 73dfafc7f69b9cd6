"""``sitrep export``: the store's events as ACLED / GTD / UCDP CSV, GeoJSON or JSON lines."""

from __future__ import annotations

import datetime as dt
import sys

import click

from sitrep.errors import SitrepError
from sitrep.export import FORMATS, export
from sitrep.store.records import EventFilter
from sitrep.store.store import open_store


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD", param_hint=name) from exc


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter(
            "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", param_hint="--bbox"
        ) from exc
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise click.BadParameter(
            "expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (west <= east, south <= north)",
            param_hint="--bbox",
        )
    return w, s, e, n


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--country", default=None, help="ISO code (PK, PAK) or country name.")
@click.option("--bbox", default=None, metavar="W,S,E,N", help="Longitude/latitude box.")
@click.option(
    "--db",
    "db_url",
    default=None,
    envvar="SITREP_DB",
    metavar="URL",
    help="Database: a SQLite file (default sitrep.db) or postgresql://...",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write here instead of stdout.",
)
def export_command(
    fmt: str,
    since: str | None,
    until: str | None,
    country: str | None,
    bbox: str | None,
    db_url: str | None,
    out_path: str | None,
) -> None:
    """Export canonical events (column mappings: docs/exports.md)."""
    where = EventFilter(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        country=country,
        bbox=_bbox(bbox),
    )
    try:
        store = open_store(db_url)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        if out_path:
            tmp = out_path + ".part"
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                n = export(store, fmt=fmt, out=fh, where=where)
            import os

            os.replace(tmp, out_path)
        else:
            n = export(store, fmt=fmt, out=sys.stdout, where=where)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"{n} {'features' if fmt == 'geojson' else 'rows'} exported", err=True)
