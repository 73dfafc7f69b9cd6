"""The evaluation gate: minimum scores and pinned data hashes (``gate.toml``).

``python -m sitrep.evaluate.gate reports/*.json`` checks saved reports and exits 1 on any
failure; ``sitrep evaluate DATASET --gate`` checks the report it has just made.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep.errors import EvaluationError

GATE_FILE = Path(__file__).with_name("gate.toml")


def load_gate(path: str | Path | None = None) -> dict[str, Any]:
    """The gate table (``gate.toml`` beside this module by default)."""
    path = Path(path) if path else GATE_FILE
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvaluationError(f"cannot read the evaluation gate {path}: {exc}") from exc


def check_gate(report: dict[str, Any], gate: dict[str, Any]) -> list[str]:
    """Reasons the report fails the gate (empty when it passes)."""
    dataset = report.get("dataset", "?")
    rules = gate.get(dataset)
    if rules is None:
        return [f"{dataset}: no gate entry"]
    failures = []
    if report.get("limit") is not None:
        failures.append(
            f"{dataset}: report made with --limit {report['limit']}; the gate needs a full run"
        )
    if rules.get("file") and report.get("file") != rules["file"]:
        failures.append(f"{dataset}: scored {report.get('file')}, the gate pins {rules['file']}")
    want = rules.get("sha256")
    if want and report.get("sha256") != want:
        failures.append(
            f"{dataset}: data file changed (sha256 {str(report.get('sha256'))[:12]}..., gate has {want[:12]}...)"
        )
    headline = report.get("headline") or {}
    for metric, minimum in sorted((rules.get("minimum") or {}).items()):
        value = headline.get(metric)
        if value is None:
            failures.append(f"{dataset}: metric {metric} missing from the report")
        elif value < minimum:
            failures.append(f"{dataset}: {metric} {value} below the minimum {minimum}")
    for metric, maximum in sorted((rules.get("maximum") or {}).items()):
        value = headline.get(metric)
        if value is None:
            failures.append(f"{dataset}: metric {metric} missing from the report")
        elif value > maximum:
            failures.append(f"{dataset}: {metric} {value} above the maximum {maximum}")
    if (report.get("run") or {}).get("failures"):
        failures.append(f"{dataset}: {report['run']['failures']} documents failed to extract")
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    """Check saved JSON reports against the gate; print failures; 0 when all pass."""
    from sitrep.evaluate.report import read_report

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m sitrep.evaluate.gate REPORT.json ...", file=sys.stderr)
        return 2
    gate = load_gate()
    failures = [f for path in args for f in check_gate(read_report(path), gate)]
    for failure in failures:
        print(f"gate: {failure}", file=sys.stderr)
    if not failures:
        print(f"gate: {len(args)} report(s) pass")
    return 1 if failures else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
