"""The README scoreboard: a markdown table built from saved reports (``reports/*.json``).

``python -m sitrep.evaluate.scoreboard [REPORT_DIR] [--readme README.md]`` prints the table and,
with ``--readme``, writes it into the README between ``<!-- scoreboard:start -->`` and
``<!-- scoreboard:end -->`` (nothing else in the file changes).  The numbers are copied from the
reports and formatted as ``sitrep evaluate`` prints them, so the README shows exactly what the
command printed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError
from sitrep.evaluate.report import fmt_value, read_report

START = "<!-- scoreboard:start -->"
END = "<!-- scoreboard:end -->"

ORDER = ("muc4", "wikievents", "gold", "ucdp-places")
LABELS = {
    "gtt_f1": "template F1 (GTT micro, incident type + 5 roles)",
    "gtt_f1_unfiltered": "template F1 without the relevance filter learned on train",
    "gtt_p": "template precision (GTT micro)",
    "gtt_r": "template recall (GTT micro)",
    "one_to_one_f1": "template F1, one-to-one entity matching",
    "deaths_in_range": "deaths per document within the key's range (documents with deaths), %",
    "key_location_city": "incident place = key's country and city, % of documents",
    "head_f1": "attack arguments, head-word F1",
    "incident_f1": "incident F1 (place 25 km + date 1 day)",
    "figure_accuracy": "casualty figures within gold range (matched incidents), %",
    "claim_f1": "claims F1 (speaker + stance)",
    "double_counted": "double-counted totals (lower is better)",
    "no_event_false_incidents": "incidents invented in no-event articles (lower is better)",
    "within_25km_in_geonames": "places within 25 km (rows whose town is in GeoNames), %",
    "within_25km": "places within 25 km (all exact-place rows), %",
    "admin1_agreement": "province agrees (all exact-place rows), %",
    "admin1_agreement_resolved": "province agrees (rows we resolved), %",
    "admin2_agreement_resolved": "district agrees (rows we resolved), %",
}


def scoreboard(reports: Sequence[dict[str, Any]]) -> str:
    """Markdown table: dataset, measure, sitrep, published reference, version and date."""
    rows = [
        "| dataset | measure | sitrep | published reference | version | date |",
        "|---|---|---|---|---|---|",
    ]
    ranked = sorted(
        reports,
        key=lambda r: (ORDER.index(r["dataset"]) if r["dataset"] in ORDER else 99, r["dataset"]),
    )
    for report in ranked:
        refs = report.get("references") or []
        split = f" {report['split']}" if report.get("split") else ""
        limit = f", first {report['limit']}" if report.get("limit") else ""
        headline = report.get("headline") or {}
        order = [m for m in LABELS if m in headline] + sorted(
            m for m in headline if m not in LABELS
        )
        for metric in order:
            ref = "; ".join(
                f"{r['system']} {r['value']} ({r['split']})"
                for r in refs
                if r.get("metric") == metric
            )
            rows.append(
                f"| {report['dataset']}{split} ({report['file']}{limit}) | "
                f"{LABELS.get(metric, metric)} | {fmt_value(headline[metric])} | {ref or '-'} | "
                f"{report['version']} | {report['date']} |"
            )
    return "\n".join(rows)


def replace_block(text: str, block: str) -> str:
    """``text`` with everything between the scoreboard markers replaced by ``block``."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise EvaluationError(f"the README has no {START} ... {END} block")
    return text[: start + len(START)] + "\n" + block.rstrip("\n") + "\n" + text[end:]


def readme_block(reports: Sequence[dict[str, Any]]) -> str:
    """The README block: the table and how it was made."""
    versions = sorted({r["version"] for r in reports})
    dates = sorted({r["date"] for r in reports})
    return "\n".join(
        [
            f"Measured by `make evaluate` (sitrep {', '.join(versions)}, {', '.join(dates)}); "
            "details in [docs/evaluation.md](docs/evaluation.md).",
            "",
            scoreboard(reports),
            "",
            "Our MUC-4 figures are on the dev split (TST1+TST2, 200 documents); the published "
            "references are on the test split (TST3+TST4), which sitrep never reads. "
            "The extractor is not trained; its rules and lexicons were developed while looking "
            "at MUC-4 train/dev, WikiEvents dev and our own gold articles, so these are "
            "development-set figures, not held-out ones: expect lower scores on unseen news. "
            "The one learned part is the MUC-4 relevance filter (trained on MUC-4 train only, "
            "used for the MUC-4 score only; the F1 without it is in the table).",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    readme: Path | None = None
    if "--readme" in args:
        at = args.index("--readme")
        if at + 1 >= len(args):
            print(
                "usage: python -m sitrep.evaluate.scoreboard [DIR] [--readme FILE]", file=sys.stderr
            )
            return 2
        readme = Path(args[at + 1])
        del args[at : at + 2]
    folder = Path(args[0]) if args else Path("reports")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        print(f"no reports in {folder}/ (run `make evaluate`)", file=sys.stderr)
        return 1
    reports = [read_report(p) for p in paths]
    print(scoreboard(reports))
    if readme is not None:
        try:
            text = readme.read_text(encoding="utf-8")
            readme.write_text(replace_block(text, readme_block(reports)), encoding="utf-8")
        except (OSError, EvaluationError) as exc:
            print(f"cannot update {readme}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
