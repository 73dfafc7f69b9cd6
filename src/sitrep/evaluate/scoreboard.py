"""The README scoreboard: a markdown table built from saved reports (``reports/*.json``).

``python -m sitrep.evaluate.scoreboard [REPORT_DIR]`` prints the table; the numbers are copied
from the reports as they are, so the README shows exactly what ``sitrep evaluate`` printed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.evaluate.report import read_report

ORDER = ("muc4", "wikievents", "gold", "ucdp-places")
LABELS = {
    "gtt_f1": "template F1 (GTT micro, incident type + 5 roles)",
    "head_f1": "attack arguments, head-word F1",
    "incident_f1": "incident F1 (place 25 km + date 1 day)",
    "figure_accuracy": "casualty figures within gold range (matched incidents), %",
    "claim_f1": "claims F1 (speaker + stance)",
    "double_counted": "double-counted totals (lower is better)",
    "no_event_false_incidents": "incidents invented in no-event articles (lower is better)",
}


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


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
        headline = report.get("headline") or {}
        order = [m for m in LABELS if m in headline] + sorted(
            m for m in headline if m not in LABELS
        )
        for metric in order:
            value = headline[metric]
            ref = "; ".join(
                f"{r['system']} {_fmt(r['value'])} ({r['split']})"
                for r in refs
                if r.get("metric") == metric
            )
            rows.append(
                f"| {report['dataset']}{split} ({report['file']}) | {LABELS.get(metric, metric)} | "
                f"{_fmt(value)} | {ref or '-'} | {report['version']} | {report['date']} |"
            )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args[0]) if args else Path("reports")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        print(f"no reports in {folder}/ (run `make evaluate`)", file=sys.stderr)
        return 1
    print(scoreboard([read_report(p) for p in paths]))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
