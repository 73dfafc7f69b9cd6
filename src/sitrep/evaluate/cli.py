"""``sitrep evaluate DATASET``: score the extractor against public gold data or our own."""

from __future__ import annotations

import click

from sitrep.errors import SitrepError
from sitrep.evaluate.report import DATASETS


@click.command("evaluate")
@click.argument("dataset", type=click.Choice(DATASETS))
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--data",
    type=click.Path(),
    default=None,
    help="A dataset file, or the folder holding muc4/, wikievents/, ucdp_ged_pakistan/ "
    "(default: $SITREP_DATA_DIR or ../shared/data beside the project).",
)
@click.option(
    "--split", default="dev", show_default=True, help="Split to score (muc4, wikievents)."
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents."
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the JSON report here.",
)
@click.option(
    "--text",
    "text_field",
    type=click.Choice(["text", "raw"]),
    default="text",
    show_default=True,
    help="MUC-4 only: feed GTT's lower-cased 'text' or the upper-case 'text_raw' with its dateline.",
)
@click.option(
    "--gate",
    is_flag=True,
    help="Exit 1 when a score is below the gate's minimum or the data changed.",
)
@click.option(
    "--gate-file",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A gate TOML other than the bundled one.",
)
def evaluate_command(
    dataset: str,
    file: str | None,
    data: str | None,
    split: str,
    limit: int | None,
    report_path: str | None,
    text_field: str,
    gate: bool,
    gate_file: str | None,
) -> None:
    """Score sitrep on DATASET (muc4, wikievents, ucdp-places, or gold [FILE.jsonl]).

    gold scores our own annotated articles (default tests/gold/articles.jsonl). Prints a table
    and optionally writes a JSON report with the data file's sha256, the version and the date.
    """
    from sitrep.evaluate.gate import check_gate, load_gate
    from sitrep.evaluate.report import format_table, run_dataset, write_report

    if file is not None and dataset != "gold":
        raise click.UsageError("a FILE argument is only for `gold`; use --data for other datasets")
    try:
        report = run_dataset(
            dataset, data=data, split=split, limit=limit, gold_file=file, text_field=text_field
        )
        if report_path:
            write_report(report, report_path)
        click.echo(format_table(report))
        failures = check_gate(report, load_gate(gate_file)) if gate else []
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    for failure in failures:
        click.echo(f"gate: {failure}", err=True)
    if failures:
        raise SystemExit(1)
    if gate:
        click.echo("gate: pass")
