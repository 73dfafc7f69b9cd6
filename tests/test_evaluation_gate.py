"""The evaluation gate on the real data: MUC-4 dev, WikiEvents dev, our gold file, UCDP GED.

Each dataset is scored in full (no --limit) with the real extractor and checked against
``src/sitrep/evaluate/gate.toml``: a score below its pinned minimum, a count above its maximum,
a document that fails to extract or a data file whose sha256 differs from the pin fails the
test.  The whole module takes about half a minute (MUC-4 dominates).  The shared data sits at
``../shared/data`` beside the project (in CI too) or at ``$SITREP_DATA_DIR``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluate.datasets import dataset_path, default_gold_file, file_sha256
from sitrep.evaluate.gate import check_gate, load_gate
from sitrep.evaluate.report import run_dataset

GATED = ("muc4", "wikievents", "gold", "ucdp-places")


def _data_file(dataset: str) -> Path:
    return default_gold_file() if dataset == "gold" else dataset_path(dataset, split="dev")


@pytest.fixture(scope="module")
def gate() -> dict[str, Any]:
    return load_gate()


def test_every_dataset_is_gated(gate: dict[str, Any]) -> None:
    for dataset in GATED:
        rules = gate.get(dataset) or {}
        assert rules.get("sha256"), f"{dataset}: no sha256 pinned"
        assert rules.get("minimum"), f"{dataset}: no minimum score pinned"
        assert all(v > 0 for v in rules["minimum"].values()), f"{dataset}: a minimum is unset"


@pytest.mark.parametrize("dataset", GATED)
def test_data_file_hash_is_pinned(dataset: str, gate: dict[str, Any]) -> None:
    path = _data_file(dataset)
    assert path.name == gate[dataset]["file"]
    assert file_sha256(path) == gate[dataset]["sha256"], (
        f"{path} changed: review the change, then update its sha256 in gate.toml"
    )


@pytest.mark.parametrize("dataset", GATED)
def test_scores_stay_above_the_gate(dataset: str, gate: dict[str, Any]) -> None:
    report = run_dataset(dataset, split="dev")
    failures = check_gate(report, gate)
    assert not failures, "\n".join(failures) + f"\nheadline: {report['headline']}"
