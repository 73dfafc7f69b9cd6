"""``sitrep ingest`` and ``sitrep review``: the store on the command line.

The library raises domain errors (:class:`~sitrep.errors.SitrepError`); this module turns them
into messages and exit codes: 0 done, 1 some records failed (the rest are stored) or the store
could not be used, 2 a usage error.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import click

from sitrep import __version__
from sitrep.errors import StoreError
from sitrep.ingest import RecordError, iter_articles
from sitrep.model import Article
from sitrep.store.records import DUPLICATE, NEW, REEXTRACTED, EventRecord
from sitrep.store.store import EDITABLE, Store, open_store

log = logging.getLogger(__name__)
DB_HELP = "Database: a SQLite file (default sitrep.db) or postgresql://user@host/db."


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    duplicate: int = 0
    reextracted: int = 0
    failed: int = 0
    incidents: int = 0
    events_new: int = 0
    events_merged: int = 0
    errors: list[RecordError] = field(default_factory=list)


def _db_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--db", "db_url", default=None, envvar="SITREP_DB", metavar="URL", help=DB_HELP
    )(f)


def _open(db_url: str | None) -> Store:
    try:
        return open_store(db_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD", param_hint="--published") from exc


def _to_extract(
    store: Store,
    items: Iterator[Article | RecordError],
    *,
    published: dt.date | None,
    summary: IngestSummary,
) -> Iterator[tuple[str, Article | RecordError]]:
    """``(source, item)`` for every item that needs extracting (bad records pass through);
    articles whose extraction of this version is already stored are counted and dropped here,
    before any worker spends time on them."""
    for item in items:
        if isinstance(item, RecordError):
            yield item.source, item
            continue
        source = item.url or item.title or item.id or ""
        if item.published is None:
            item.published = published
        if not store.needs_extraction(item, version=__version__):
            summary.duplicate += 1
            continue
        yield source, item


def ingest_items(
    store: Store,
    items: Iterator[Article | RecordError],
    *,
    published: dt.date | None = None,
    summary: IngestSummary,
    workers: int = 1,
) -> Iterator[str]:
    """Store each article (extracting it unless an extraction of this version is stored); yield
    the source of each item done.  Bad records are added to ``summary.errors`` and skipped.

    ``workers`` > 1 extracts on that many local processes (:func:`sitrep.batch.parallel.
    extract_parallel_tagged`); results come back in input order and this process stays the
    single writer, so commits are ordered and a duplicate is caught by the store as always.
    """
    from sitrep.batch.parallel import extract_parallel_tagged

    todo = _to_extract(store, items, published=published, summary=summary)
    for source, result in extract_parallel_tagged(todo, workers=workers):
        if isinstance(result, RecordError):
            summary.failed += 1
            summary.errors.append(result)
            yield source
            continue
        outcome = store.ingest(result, source=source or None)
        if outcome.status == NEW:
            summary.new += 1
        elif outcome.status == REEXTRACTED:
            summary.reextracted += 1
        elif outcome.status == DUPLICATE:
            summary.duplicate += 1
        summary.incidents += outcome.incidents
        summary.events_new += outcome.events_new
        summary.events_merged += outcome.events_merged
        yield source


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    default=None,
    help="Publication date for articles that carry none (plain text); resolves 'on Monday'.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extract on this many local processes; this process alone writes, in input order.",
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the per-record error report to this file (JSON lines).",
)
def ingest_command(
    paths: tuple[str, ...],
    db_url: str | None,
    published: str | None,
    workers: int,
    no_progress: bool,
    errors_file: str | None,
) -> None:
    """Read articles (text, HTML, JSONL, RSS/Atom, folders, - for stdin), extract and store them.

    Each article is stored in one transaction, once (by normalised content or URL), and merged
    with the events other articles report.  Bad records are reported and skipped.
    """
    pub = _published(published)
    store = _open(db_url)
    summary = IngestSummary()
    try:
        items = iter_articles(list(paths))
        show = not no_progress and sys.stderr.isatty() or os.environ.get("SITREP_PROGRESS") == "1"
        done = ingest_items(store, items, published=pub, summary=summary, workers=workers)
        if show:
            with click.progressbar(
                done, label="ingest", file=sys.stderr, item_show_func=lambda s: (s or "")[-40:]
            ) as bar:
                for _ in bar:
                    pass
        else:
            for _ in done:
                pass
        counts = store.counts()
    except StoreError as exc:
        raise click.ClickException(f"store: {exc}") from exc
    finally:
        store.close()
    for err in summary.errors:
        click.echo(f"error: {err}", err=True)
    if errors_file:
        with open(errors_file, "w", encoding="utf-8") as fh:
            for err in summary.errors:
                fh.write(
                    json.dumps({"source": err.source, "code": err.code, "message": err.message})
                    + "\n"
                )
    click.echo(
        f"articles: {summary.new} new, {summary.duplicate} duplicate, "
        f"{summary.reextracted} re-extracted, {summary.failed} failed"
    )
    click.echo(
        f"incidents: {summary.incidents} read, {summary.events_new} new events, "
        f"{summary.events_merged} merged into existing events"
    )
    click.echo(
        f"store: {counts.articles} articles, {counts.events} events, {counts.groups} coordinated groups"
    )
    if summary.failed:
        sys.exit(1)


# ---------------------------------------------------------------------- review


def _reviewer(value: str | None) -> str:
    if value:
        return value
    env = os.environ.get("SITREP_REVIEWER")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system
        return "unknown"


def _line(e: EventRecord) -> str:
    deaths = e.deaths()
    killed = (
        "?"
        if deaths is None
        else (
            str(deaths.best)
            if deaths.low == deaths.high
            else f"{deaths.best} ({deaths.low}-{deaths.high})"
        )
    )
    types = ",".join(e.types) or "unknown"
    return (
        f"{e.id:>6}  {e.confidence:4.2f}  {e.date.isoformat() if e.date else '????-??-??'}  "
        f"{(e.location or '?')[:24]:<24}  {types[:34]:<34}  src={e.number_of_sources}  "
        f"killed={killed}  {e.review_status}"
    )


@click.group("review")
def review_command() -> None:
    """List events by ascending confidence; accept, edit, merge or split them (audited)."""


@review_command.command("list")
@_db_option
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Also events already accepted.")
def review_list(db_url: str | None, limit: int, show_all: bool) -> None:
    """Events to review, least confident first."""
    store = _open(db_url)
    try:
        shown = 0
        for e in store.iter_events(order="confidence"):
            if not show_all and e.review_status == "accepted":
                continue
            click.echo(_line(e))
            shown += 1
            if shown >= limit:
                break
    finally:
        store.close()


@review_command.command("show")
@click.argument("event_id", type=int)
@_db_option
def review_show(event_id: int, db_url: str | None) -> None:
    """One event with its sources, figures, merge decisions and review history."""
    store = _open(db_url)
    try:
        try:
            e = store.event(event_id)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(_line(e))
        if e.reviewed_fields:
            click.echo(f"  reviewed fields: {', '.join(e.reviewed_fields)}")
        click.echo(
            f"  group: {e.group_id} (events {e.group_event_ids})" if e.group_id else "  group: none"
        )
        for p in e.perpetrators:
            click.echo(f"  perpetrator: {p.name} ({p.attribution}, {p.sources} report(s))")
        for f in e.figures:
            flag = " CONFLICTING" if f.conflicting else ""
            click.echo(
                f"  {f.status} {f.category}: low {f.low} best {f.best} high {f.high}, {f.number_of_sources} source(s){flag}"
            )
            for r in f.reports:
                who = r.source or r.outlet or r.article_id
                click.echo(
                    f"      {r.low}-{r.best}-{r.high if r.high is not None else '+'} per {who}: {r.quote!r}"
                )
        for s in e.sources:
            click.echo(
                f"  source: incident {s.incident_id} of {s.outlet or '?'} {s.url or s.article_id} ({s.published})"
            )
        for d in store.decisions(event_id=event_id):
            undone = f" (undone by {d.undone_by})" if d.undone_by else ""
            click.echo(
                f"  decision {d.id}: {d.action} incident {d.incident_id} score {d.score} by {d.decided_by}{undone}: {'; '.join(d.reasons)}"
            )
        for r in store.reviews(event_id):
            click.echo(
                f"  review {r.id}: {r.at} {r.reviewer} {r.action} {r.field or ''} {r.old_value!r} -> {r.new_value!r} {r.reason}"
            )
    finally:
        store.close()


def _run(db_url: str | None, action) -> None:  # type: ignore[no-untyped-def]
    store = _open(db_url)
    try:
        action(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


_WHO = click.option(
    "--reviewer", default=None, help="Who (default $SITREP_REVIEWER or the login name)."
)
_WHY = click.option("--reason", default="", help="Why, for the audit trail.")


@review_command.command("accept")
@click.argument("event_ids", type=int, nargs=-1, required=True)
@_db_option
@_WHO
@_WHY
def review_accept(
    event_ids: tuple[int, ...], db_url: str | None, reviewer: str | None, reason: str
) -> None:
    """Mark events as checked."""

    def act(store: Store) -> None:
        for event_id in event_ids:
            store.accept(event_id, reviewer=_reviewer(reviewer), reason=reason)
            click.echo(f"event {event_id}: accepted")

    _run(db_url, act)


@review_command.command("edit")
@click.argument("event_id", type=int)
@click.argument("field", type=click.Choice(sorted(EDITABLE)))
@click.argument("value")
@_db_option
@_WHO
@_WHY
def review_edit(
    event_id: int, field: str, value: str, db_url: str | None, reviewer: str | None, reason: str
) -> None:
    """Set FIELD of an event to VALUE (kept through re-extraction)."""

    def act(store: Store) -> None:
        store.edit(event_id, field, value, reviewer=_reviewer(reviewer), reason=reason)
        click.echo(f"event {event_id}: {field} set")

    _run(db_url, act)


@review_command.command("merge")
@click.argument("event_id", type=int)
@click.argument("other_id", type=int)
@_db_option
@_WHO
@_WHY
def review_merge(
    event_id: int, other_id: int, db_url: str | None, reviewer: str | None, reason: str
) -> None:
    """Fold event OTHER_ID into EVENT_ID."""

    def act(store: Store) -> None:
        store.merge_events(event_id, other_id, reviewer=_reviewer(reviewer), reason=reason)
        click.echo(f"event {other_id} merged into {event_id}")

    _run(db_url, act)


@review_command.command("split")
@click.argument("event_id", type=int)
@click.argument("incident_id", type=int)
@_db_option
@_WHO
@_WHY
def review_split(
    event_id: int, incident_id: int, db_url: str | None, reviewer: str | None, reason: str
) -> None:
    """Take report INCIDENT_ID out of EVENT_ID into a new event."""

    def act(store: Store) -> None:
        new_id = store.split(event_id, incident_id, reviewer=_reviewer(reviewer), reason=reason)
        click.echo(f"incident {incident_id} split from event {event_id} into new event {new_id}")

    _run(db_url, act)


@review_command.command("undo")
@click.argument("decision_id", type=int)
@_db_option
@_WHO
@_WHY
def review_undo(decision_id: int, db_url: str | None, reviewer: str | None, reason: str) -> None:
    """Undo merge decision DECISION_ID (the report leaves the event)."""

    def act(store: Store) -> None:
        new_id = store.undo(decision_id, reviewer=_reviewer(reviewer), reason=reason)
        click.echo(f"decision {decision_id} undone: new event {new_id}")

    _run(db_url, act)
