"""Train the MUC-4 relevance filter on MUC-4 train (``make muc4-filter``).

    python -m sitrep.evaluate.muc4_filter_train [--data FILE] [--out PATH]

Each predicted template of a training document is a case, labelled 1 when GTT's alignment
pairs it with a gold template.  An L2-regularised logistic regression is fitted by Newton's
method (numpy, from the ``[eval]`` extra).  The regularisation strength, the minimum feature
count and the threshold are chosen by 5-fold cross-validation over documents, maximising the
GTT F1 of the held-out folds' filtered templates, so the threshold is set on predictions of
documents the weights never saw.  Refuses any split named test.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import EvaluationError
from sitrep.evaluate import muc4
from sitrep.evaluate.datasets import MucDocument, dataset_path, file_sha256, load_muc4
from sitrep.evaluate.extractor import default_extractor, run_all
from sitrep.evaluate.muc4_filter import (
    MODEL_FILE,
    RelevanceFilter,
    document_features,
    muc_header,
    predictions_fingerprint,
    vocabulary,
    write_filter,
)
from sitrep.model import Extraction

log = logging.getLogger(__name__)

FOLDS = 5
L2_GRID = (3.0, 10.0, 30.0, 100.0)
MIN_COUNT_GRID = (5,)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 14))


@dataclass(slots=True)
class _Doc:
    doc: MucDocument
    sources: list[muc4.TemplateSource]
    features: list[dict[str, float]]
    labels: list[int]
    fold: int


def _fold_of(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % FOLDS


def build_cases(docs: Sequence[MucDocument], extractions: dict[str, Extraction]) -> list[_Doc]:
    """Features and labels of every predicted template of every document."""
    out: list[_Doc] = []
    for doc in docs:
        extraction = extractions[doc.id]
        sources = muc4.template_sources(extraction)
        templates = [s.template for s in sources]
        aligned = {i for i, _ in muc4.align_document(templates, doc.templates)}
        features = document_features(extraction, sources, muc_header(doc.text_raw))
        labels = [int(i in aligned) for i in range(len(sources))]
        out.append(_Doc(doc, sources, features, labels, _fold_of(doc.id)))
    return out


def fit(cases: Sequence[dict[str, float]], labels: Sequence[int], *, l2: float, min_count: int):
    """Logistic regression weights by feature name (Newton's method, L2 on all but the bias)."""
    import numpy as np

    names = vocabulary(cases, min_count=min_count)
    index = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(cases), len(names)))
    for row, case in enumerate(cases):
        for name, value in case.items():
            k = index.get(name)
            if k is not None:
                x[row, k] = value
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    reg = np.full(len(names), l2)
    reg[index["bias"]] = 0.0
    for _ in range(50):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return {name: float(w[k]) for name, k in index.items() if abs(w[k]) > 1e-6}


def _f1_after(docs: Sequence[_Doc], probs: dict[str, list[float]], threshold: float) -> float:
    predictions = {
        d.doc.id: [
            s.template for s, p in zip(d.sources, probs[d.doc.id], strict=True) if p >= threshold
        ]
        for d in docs
    }
    return muc4.score_gtt(predictions, [d.doc for d in docs]).micro.f1


def cross_validate(docs: Sequence[_Doc], *, l2: float, min_count: int) -> dict[str, list[float]]:
    """Held-out probabilities of every template (each fold scored by a model of the others)."""
    probs: dict[str, list[float]] = {}
    for fold in range(FOLDS):
        train = [d for d in docs if d.fold != fold]
        weights = fit(
            [f for d in train for f in d.features],
            [y for d in train for y in d.labels],
            l2=l2,
            min_count=min_count,
        )
        model = RelevanceFilter(weights=weights, threshold=0.0)
        for d in docs:
            if d.fold == fold:
                probs[d.doc.id] = [model.probability(f) for f in d.features]
    return probs


def train_filter(docs: Sequence[MucDocument], *, data_path: Path, split: str) -> RelevanceFilter:
    """The filter trained on ``docs`` with its settings chosen by cross-validation."""
    if "test" in split.lower() or "test" in data_path.name.lower():
        raise EvaluationError(f"refusing to train the MUC-4 filter on a test split ({data_path})")
    extractions = run_all(
        ((d.id, muc4.muc_input(d), d.doc_date) for d in docs), default_extractor()
    )
    cases = build_cases(docs, extractions)
    unfiltered = _f1_after(cases, {d.doc.id: [1.0] * len(d.sources) for d in cases}, 0.0)
    best = (-1.0, 0.0, 0.0, 0)
    grid: list[dict[str, float]] = []
    for l2 in L2_GRID:
        for min_count in MIN_COUNT_GRID:
            probs = cross_validate(cases, l2=l2, min_count=min_count)
            for threshold in THRESHOLDS:
                f1 = _f1_after(cases, probs, threshold)
                grid.append(
                    {
                        "l2": l2,
                        "min_count": min_count,
                        "threshold": threshold,
                        "cv_f1": round(100 * f1, 2),
                    }
                )
                if f1 > best[0]:
                    best = (f1, threshold, l2, min_count)
                log.info(
                    "l2 %s min_count %s threshold %s: cv F1 %.2f",
                    l2,
                    min_count,
                    threshold,
                    100 * f1,
                )
    f1, threshold, l2, min_count = best
    weights = fit(
        [f for d in cases for f in d.features],
        [y for d in cases for y in d.labels],
        l2=l2,
        min_count=min_count,
    )
    meta = {
        "trained_on": data_path.name,
        "split": split,
        "sha256": file_sha256(data_path),
        "documents": len(cases),
        "templates": sum(len(d.sources) for d in cases),
        "aligned": sum(sum(d.labels) for d in cases),
        "l2": l2,
        "min_count": min_count,
        "folds": FOLDS,
        "train_gtt_f1_unfiltered": round(100 * unfiltered, 2),
        "train_gtt_f1_cross_validated": round(100 * f1, 2),
        "train_predictions_sha256": predictions_fingerprint(
            {d.doc.id: [s.template for s in d.sources] for d in cases}
        ),
    }
    return RelevanceFilter(weights=weights, threshold=threshold, meta=meta)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="MUC-4 train file (default: the shared data)")
    parser.add_argument(
        "--out",
        default=str(Path(__file__).parent / "data" / MODEL_FILE),
        help="where to write the filter",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    path = dataset_path("muc4", split="train", data=args.data)
    docs = load_muc4(path)
    model = train_filter(docs, data_path=path, split="train")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_filter(model, args.out)
    meta = model.meta
    print(
        f"trained on {meta['documents']} documents ({meta['templates']} templates, "
        f"{meta['aligned']} aligned); l2 {meta['l2']}, min count {meta['min_count']}, "
        f"threshold {model.threshold}; train GTT F1 {meta['train_gtt_f1_unfiltered']} unfiltered, "
        f"{meta['train_gtt_f1_cross_validated']} cross-validated; {len(model.weights)} weights -> {args.out}"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
