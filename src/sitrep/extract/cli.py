"""``sitrep extract``: read one article, print its extraction."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from sitrep.errors import InputError, SitrepError


@click.command("extract")
@click.argument("path", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--published", help="Publication date YYYY-MM-DD, used to resolve relative dates.")
@click.option("--url", help="The article's URL, kept with the extraction.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An extra lexicon file (TOML) to add or override entries; repeatable.",
)
def extract_command(
    path: str, published: str | None, url: str | None, fmt: str, lexicons: tuple[str, ...]
) -> None:
    """Extract incidents, casualty figures and claims from one article (text or HTML file, or -)."""
    from sitrep.extract.pipeline import extract
    from sitrep.extract.render import render_text
    from sitrep.ingest import read_article
    from sitrep.model import to_dict
    from sitrep.text.lexicon import load_lexicon

    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published)
        except ValueError:
            raise click.BadParameter("expected YYYY-MM-DD", param_hint="--published") from None
    try:
        if path == "-":
            article = read_article(
                sys.stdin.buffer.read(), source="<stdin>", url=url, published=pub
            )
        else:
            article = read_article(path, url=url, published=pub)
    except InputError as exc:
        click.echo(f"sitrep: cannot read {path}: {exc}", err=True)
        sys.exit(2)
    try:
        lexicon = load_lexicon(*lexicons) if lexicons else None
        result = extract(
            article.text,
            published=article.published,
            url=article.url,
            lexicon=lexicon,
            article=article,
        )
    except SitrepError as exc:
        click.echo(f"sitrep: {path}: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(to_dict(result), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result), nl=False)
