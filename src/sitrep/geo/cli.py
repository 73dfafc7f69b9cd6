"""``sitrep geocode``: resolve one place name from the command line."""

from __future__ import annotations

import json
import sys

import click

from sitrep.errors import SitrepError


@click.command("geocode")
@click.argument("query")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def geocode_command(query: str, fmt: str) -> None:
    """Resolve QUERY ("Nushki, Balochistan": a name, then optional province or country)."""
    from sitrep.geo.resolve import geocode
    from sitrep.model import to_dict

    try:
        place = geocode(query)
    except SitrepError as exc:
        click.echo(f"sitrep: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(to_dict(place), ensure_ascii=False, indent=2))
        return
    if not place.resolved:
        click.echo(f"{query}: not found in the gazetteer")
        for alt in place.alternatives:
            click.echo(f"  considered {alt.name}, {alt.admin1}, {alt.country} (score {alt.score})")
        sys.exit(1)
    click.echo(
        f"{place.canonical_name} ({place.kind.value}): {place.admin2 or '-'}, {place.admin1 or '-'}, "
        f"{place.country_name} [{place.country}/{place.country_iso3}]"
    )
    click.echo(
        f"  lat {place.latitude:.5f}, lon {place.longitude:.5f}; GeoNames {place.geonames_id}"
    )
    click.echo(
        f"  precision {place.precision} (ACLED geo_precision), where_prec {place.where_prec} (UCDP)"
    )
    for alt in place.alternatives[1:]:
        click.echo(f"  also considered {alt.name}, {alt.admin1}, {alt.country} (score {alt.score})")
