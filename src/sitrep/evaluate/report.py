"""Evaluation reports: run a dataset, wrap the scores with provenance, render a table."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from sitrep import __version__
from sitrep.errors import EvaluationError
from sitrep.evaluate import extractor as extractor_module
from sitrep.evaluate.datasets import (
    dataset_path,
    default_gold_file,
    file_sha256,
    load_gold,
    load_muc4,
    load_wikievents,
)
from sitrep.evaluate.extractor import Extractor

log = logging.getLogger(__name__)

DATASETS: tuple[str, ...] = ("muc4", "wikievents", "ucdp-places", "gold")

#: published reference points shown beside our figures (MUC-4 test split, GTT micro-F1)
REFERENCES: dict[str, list[dict[str, Any]]] = {
    "muc4": [
        {"system": "GTT (Du et al. 2021)", "metric": "gtt_f1", "value": 50.2, "split": "test"},
        {"system": "IterX (Chen et al. 2023)", "metric": "gtt_f1", "value": 53.0, "split": "test"},
    ],
}


#: the UCDP measures the scoreboard and the gate use (all numbers stay in ``scores``)
UCDP_HEADLINE: tuple[str, ...] = (
    "within_25km_in_geonames",
    "within_25km",
    "admin1_agreement",
    "admin1_agreement_resolved",
    "admin2_agreement_resolved",
)


def resolve_path(
    dataset: str, *, data: str | Path | None, split: str, gold_file: str | Path | None
) -> Path:
    if dataset == "gold":
        path = Path(gold_file) if gold_file else Path(data) if data else default_gold_file()
        if not path.exists():
            raise EvaluationError(f"gold file not found: {path}")
        return path
    return dataset_path(dataset, split=split, data=data)


def evaluate_ucdp(path: Path, *, limit: int | None) -> dict[str, Any]:
    """The geocoding measure of ``sitrep.geo.evaluate`` (imported lazily)."""
    try:
        from sitrep.geo.evaluate import evaluate_ucdp as geo_evaluate_ucdp
    except ImportError as exc:
        raise EvaluationError(
            "ucdp-places needs sitrep.geo.evaluate.evaluate_ucdp, which is not available "
            f"in this installation ({exc})"
        ) from exc
    result = geo_evaluate_ucdp(path, limit=limit)
    if not isinstance(result, dict):
        raise EvaluationError("sitrep.geo.evaluate.evaluate_ucdp did not return a dict")
    scores = {k: v for k, v in result.items() if k not in ("errors", "examples")}
    numeric = {
        k: v for k, v in scores.items() if isinstance(v, int | float) and not isinstance(v, bool)
    }
    headline = {k: numeric[k] for k in UCDP_HEADLINE if k in numeric} or numeric
    out: dict[str, Any] = {"scores": scores, "headline": headline, "run": {}}
    for key in ("errors", "examples"):
        if key in result:
            out["errors"] = result[key]
    return out


def run_dataset(
    dataset: str,
    *,
    data: str | Path | None = None,
    split: str = "dev",
    limit: int | None = None,
    gold_file: str | Path | None = None,
    extractor: Extractor | None = None,
    text_field: str = "text",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Score one dataset and return the full report (scores plus provenance)."""
    if dataset not in DATASETS:
        raise EvaluationError(f"unknown dataset {dataset!r}; expected one of {', '.join(DATASETS)}")
    if split == "test":
        raise EvaluationError(
            "refusing to score a 'test' split: sitrep is developed on dev splits only, and the "
            "shared data holds none (see docs/evaluation.md)"
        )
    path = resolve_path(dataset, data=data, split=split, gold_file=gold_file)
    if dataset != "ucdp-places" and extractor is None:
        extractor = extractor_module.default_extractor()
    if dataset == "muc4":
        from sitrep.evaluate.muc4 import evaluate_muc4

        result = evaluate_muc4(
            load_muc4(path, limit=limit), extractor=extractor, text_field=text_field
        )
    elif dataset == "wikievents":
        from sitrep.evaluate.wikievents import evaluate_wikievents

        result = evaluate_wikievents(load_wikievents(path, limit=limit), extractor=extractor)
    elif dataset == "gold":
        from sitrep.evaluate.gold import evaluate_gold

        result = evaluate_gold(load_gold(path, limit=limit), extractor=extractor)
    else:
        result = evaluate_ucdp(path, limit=limit)
    report = {
        "dataset": dataset,
        "split": split if dataset in ("muc4", "wikievents") else None,
        "file": path.name,
        "sha256": file_sha256(path),
        "limit": limit,
        "version": __version__,
        "date": (today or dt.date.today()).isoformat(),
        **result,
    }
    if dataset in REFERENCES:
        report["references"] = REFERENCES[dataset]
    return report


def write_report(report: dict[str, Any], path: str | Path) -> None:
    """The report as indented, key-sorted JSON (stable across runs of one version)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def read_report(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read report {path}: {exc}") from exc


# --------------------------------------------------------------------------- tables


def fmt_value(value: Any) -> str:
    """A number as tables and the scoreboard print it: floats with two decimals."""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _prf_rows(scores: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    return [
        (name, f"{s['p']:.2f}", f"{s['r']:.2f}", f"{s['f1']:.2f}", f"{s['tp_gold']}/{s['n_gold']}")
        for name, s in scores.items()
    ]


def _render(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_table(report: dict[str, Any]) -> str:
    """A plain-text table of a report's scores."""
    dataset, scores = report["dataset"], report["scores"]
    title = f"{dataset} ({report['file']}, sitrep {report['version']}, {report['date']})"
    header = ("", "P", "R", "F1", "gold hit")
    parts = [title]
    if dataset == "muc4":
        rows = _prf_rows(scores["roles"]) + _prf_rows({"micro (GTT)": scores["gtt_micro"]})
        if "one_to_one_micro" in scores:
            rows += _prf_rows({"micro (one-to-one)": scores["one_to_one_micro"]})
        parts.append(_render(rows, header))
        effect_rows = [
            (
                name,
                f"{s['exact']:.2f}",
                f"{s['in_range']:.2f}",
                f"{s['exact_with_gold']:.2f}",
                f"{s['in_range_with_gold']:.2f}",
                str(s["documents_with_gold"]),
            )
            for name, s in (("deaths", scores["deaths"]), ("injuries", scores["injuries"]))
        ]
        parts.append(
            _render(
                effect_rows, ("victims/doc", "exact", "in range", "exact*", "in range*", "docs*")
            )
        )
        parts.append("* documents whose key gives at least one victim")
        loc = scores.get("key_location")
        if loc:
            parts.append(
                _render(
                    [
                        ("country", f"{loc['country']:.2f}", str(loc["documents"])),
                        (
                            "country and city",
                            f"{loc['country_and_city']:.2f}",
                            str(loc["documents"]),
                        ),
                        (
                            "city, keys naming one",
                            f"{loc['city_when_key_names_one']:.2f}",
                            str(loc["documents_with_city"]),
                        ),
                        (
                            "places in a key country",
                            f"{loc['places_in_key_country']:.2f}",
                            str(loc["places"]),
                        ),
                    ],
                    ("key location", "%", "of"),
                )
            )
    elif dataset == "wikievents":
        rows = _prf_rows(scores["roles"]) + _prf_rows({"micro": scores["micro"]})
        parts.append(_render(rows, header))
    elif dataset == "gold":
        rows = _prf_rows(
            {
                k: scores[k]
                for k in (
                    "incidents",
                    "weapons",
                    "targets",
                    "groups",
                    "aggregates",
                    "claims",
                    "figure_precision",
                )
            }
        )
        parts.append(_render(rows, header))
        field_rows = [
            (name, f"{s['accuracy']:.2f}", f"{s['correct']}/{s['total']}")
            for name, s in scores["fields"].items()
        ]
        field_rows.append(
            (
                "group figures",
                f"{scores['group_figures']['accuracy']:.2f}",
                f"{scores['group_figures']['correct']}/{scores['group_figures']['total']}",
            )
        )
        parts.append(_render(field_rows, ("matched incidents", "accuracy", "correct")))
        parts.append(
            f"double counted totals: {scores['double_counted']}; incidents invented in "
            f"{scores['no_event_articles']} no-event articles: {scores['no_event_false_incidents']}"
        )
    else:
        rows = [
            (k, fmt_value(v)) for k, v in sorted(scores.items()) if not isinstance(v, dict | list)
        ]
        parts.append(_render(rows, ("measure", "value")))
    run = report.get("run") or {}
    if "documents" in run:
        parts.append(
            f"{run['documents']} documents, {run.get('failures', 0)} failures, {run.get('seconds', 0)} s"
        )
    return "\n\n".join(parts)
