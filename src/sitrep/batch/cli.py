"""``sitrep batch``: extract a large JSONL corpus on Dask into partitioned Parquet."""

from __future__ import annotations

import importlib.util
import logging
import os
import sys

import click

from sitrep.errors import SitrepError


def _missing_extra(*, dask: bool) -> str | None:
    """The message when a package of the ``dask`` extra that this run needs is not installed."""
    needed = ["pyarrow"] + (["distributed"] if dask else [])
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if not missing:
        return None
    return f"sitrep batch needs {' and '.join(missing)}: pip install 'sitrep[dask]'"


def _quiet_dask_logs() -> None:
    """Dask logs each scheduler, nanny and worker event at INFO: show them only with -v."""
    import distributed  # noqa: F401 - configures the loggers quietened here

    level = max(logging.getLogger().getEffectiveLevel(), logging.INFO)
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in ("distributed", "dask"):
            logging.getLogger(name).setLevel(level)


def _progress_printer(stream):  # noqa: ANN001, ANN202
    def show(p) -> None:  # noqa: ANN001
        stream.write(
            f"\r{p.fraction_read:6.1%} read | partitions {p.partitions_written} written"
            f" {p.partitions_skipped} skipped | articles {p.articles:,} incidents {p.incidents:,}"
            f" errors {p.errors:,} | {p.articles_per_second:,.1f} articles/s "
        )
        stream.flush()

    return show


@click.command("batch")
@click.argument("input_path", metavar="IN.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="Output folder: articles/, incidents/, figures/, errors/ of part-NNNNN.parquet.",
)
@click.option("--dask", "address", metavar="tcp://HOST:8786", help="A running Dask scheduler.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Local worker processes (one thread each); 0 runs in this process. "
    "Default: the number of CPUs.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="Input lines per partition (and per Parquet file).",
)
@click.option("--resume", is_flag=True, help="Skip partitions a previous run finished.")
@click.option("--quiet", is_flag=True, help="No progress display.")
def batch_command(
    input_path: str,
    out: str,
    address: str | None,
    workers: int | None,
    partition_size: int,
    resume: bool,
    quiet: bool,
) -> None:
    """Extract every article of IN.jsonl (one JSON record per line) into Parquet tables."""
    from sitrep.batch.run import open_client, run_batch

    if address and workers is not None:
        raise click.UsageError("give either --dask or --workers, not both")
    if workers is None and not address:
        workers = os.cpu_count() or 1
    missing = _missing_extra(dask=workers != 0)
    if missing:
        click.echo(f"sitrep: {missing}", err=True)
        sys.exit(2)
    progress = None if quiet else _progress_printer(sys.stderr)
    try:
        if workers == 0:
            summary = run_batch(
                input_path, out, partition_size=partition_size, resume=resume, progress=progress
            )
        else:
            _quiet_dask_logs()
            with open_client(address=address, workers=workers) as client:
                summary = run_batch(
                    input_path,
                    out,
                    client=client,
                    partition_size=partition_size,
                    resume=resume,
                    progress=progress,
                )
    except SitrepError as exc:
        if not quiet:
            click.echo("", err=True)
        click.echo(f"sitrep: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo(
            f"\nsitrep: interrupted; finish with: sitrep batch ... --out {out} --resume", err=True
        )
        sys.exit(130)
    except OSError as exc:
        click.echo(f"\nsitrep: {exc}", err=True)
        sys.exit(2)
    if not quiet:
        click.echo("", err=True)
    click.echo(
        f"{summary.articles:,} articles, {summary.incidents:,} incidents, "
        f"{summary.figures:,} figures, {summary.errors:,} errors; "
        f"{summary.partitions_written} partitions written, {summary.partitions_skipped} skipped; "
        f"{summary.seconds:.1f} s, {summary.articles_per_second:,.1f} articles/s",
        err=True,
    )
