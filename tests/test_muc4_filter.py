"""The learned MUC-4 relevance filter: its model file, its scoring and its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import EvaluationError
from sitrep.evaluate import muc4
from sitrep.evaluate.datasets import file_sha256
from sitrep.evaluate.muc4_filter import (
    RelevanceFilter,
    bundled_filter,
    document_features,
    read_filter,
    write_filter,
)
from sitrep.evaluate.muc4_filter_train import fit, train_filter
from sitrep.extract.pipeline import extract

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

TEXT = (
    "gunmen shot dead a judge in front of his house in medellin on monday. "
    "separately, guerrillas burned two buses on the road to cali."
)


def test_the_bundled_filter_was_trained_on_the_shared_muc4_train_file() -> None:
    model = bundled_filter()
    assert model is not None
    assert model.meta["split"] == "train"
    assert model.meta["sha256"] == file_sha256(SHARED_DATA / "muc4" / "train.jsonl")
    assert 0.0 < model.threshold < 1.0
    # cross-validation on train is recorded, and it did not pick a filter worse than none
    assert model.meta["train_gtt_f1_cross_validated"] >= model.meta["train_gtt_f1_unfiltered"]


def test_features_describe_each_template_of_a_document() -> None:
    ext = extract(TEXT, published="1990-01-10")
    sources = muc4.template_sources(ext)
    assert [s.template.incident_type for s in sources] == ["attack", "arson"]
    first, second = document_features(ext, sources)
    assert first["type=attack"] == 1.0 and second["type=arson"] == 1.0
    assert first["index=0"] == 1.0 and second["index=1"] == 1.0
    assert first["country=CO"] == 1.0
    assert "type_seen_earlier" not in second  # the arson is the first of its type
    # the number of the document's incidents is no feature: it only helped train
    assert not any(k.startswith("incidents=") for k in first)


def test_a_filter_drops_the_templates_below_its_threshold() -> None:
    ext = extract(TEXT, published="1990-01-10")
    drop_arson = RelevanceFilter(weights={"bias": 2.0, "type=arson": -4.0}, threshold=0.5)
    kept = muc4.extraction_to_templates(ext, relevance=drop_arson)
    assert [t.incident_type for t in kept] == ["attack"]
    assert len(muc4.extraction_to_templates(ext)) == 2  # no filter: both


def test_fit_separates_what_a_feature_separates() -> None:
    cases = [{"bias": 1.0, "good": 1.0}] * 20 + [{"bias": 1.0, "bad": 1.0}] * 20
    labels = [1] * 20 + [0] * 20
    weights = fit(cases, labels, l2=1.0, min_count=1)
    model = RelevanceFilter(weights=weights, threshold=0.5)
    assert model.probability({"bias": 1.0, "good": 1.0}) > 0.8
    assert model.probability({"bias": 1.0, "bad": 1.0}) < 0.2
    # a feature seen in too few cases gets no weight
    assert "rare" not in fit(
        [*cases, {"bias": 1.0, "rare": 1.0}], [*labels, 1], l2=1.0, min_count=2
    )


def test_a_filter_round_trips_through_its_file(tmp_path: Path) -> None:
    model = RelevanceFilter(
        weights={"bias": 0.5, "type=attack": -1.25}, threshold=0.4, meta={"split": "train"}
    )
    path = tmp_path / "f.json"
    write_filter(model, path)
    assert read_filter(path) == model


def test_a_filter_trained_on_a_test_split_or_malformed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"weights": {}, "threshold": 0.5, "meta": {"split": "test"}}))
    with pytest.raises(EvaluationError, match="test split"):
        read_filter(path)
    path.write_text(json.dumps({"threshold": 0.5}))
    with pytest.raises(EvaluationError, match="not a MUC-4 relevance filter"):
        read_filter(path)
    with pytest.raises(EvaluationError, match="test split"):
        train_filter([], data_path=tmp_path / "test.jsonl", split="test")


def test_the_report_gives_the_score_with_and_without_the_filter() -> None:
    from sitrep.evaluate.datasets import load_muc4

    docs = load_muc4(SHARED_DATA / "muc4" / "dev.jsonl", limit=20)
    report = muc4.evaluate_muc4(docs)
    off = muc4.evaluate_muc4(docs, relevance=False)
    assert report["headline"]["gtt_f1_unfiltered"] == off["headline"]["gtt_f1"]
    assert report["run"]["relevance_filter"]["split"] == "train"
    assert off["run"]["templates_filtered_out"] == 0
    assert (
        report["run"]["templates_predicted"] + report["run"]["templates_filtered_out"]
        == (off["run"]["templates_predicted"])
    )


def test_the_bundled_filter_was_learned_on_the_current_extractor_output() -> None:
    """A change of the rules changes the templates the filter was trained on; then the filter
    is stale and must be retrained (``make muc4-filter``), or its scores are not what the
    README says they were learned from."""
    from sitrep.evaluate.datasets import load_muc4
    from sitrep.evaluate.extractor import default_extractor, run_all
    from sitrep.evaluate.muc4_filter import predictions_fingerprint

    model = bundled_filter()
    assert model is not None
    docs = load_muc4(SHARED_DATA / "muc4" / "train.jsonl")
    extractions = run_all(
        ((d.id, muc4.muc_input(d), d.doc_date) for d in docs), default_extractor()
    )
    current = predictions_fingerprint(
        {doc_id: muc4.extraction_to_templates(e) for doc_id, e in extractions.items()}
    )
    assert model.meta.get("train_predictions_sha256") == current, (
        "the MUC-4 filter is stale: the extractor's train templates changed; run make muc4-filter"
    )


def test_the_predictions_fingerprint_changes_with_any_filler() -> None:
    from sitrep.evaluate.muc4_filter import predictions_fingerprint

    one = muc4.extraction_to_templates(extract(TEXT, published="1990-01-10"))
    assert one
    a = predictions_fingerprint({"d1": one})
    assert a == predictions_fingerprint({"d1": list(one)})
    first = one[0]
    changed = muc4.MucTemplate(first.incident_type, {**first.roles, "Weapon": (("a rifle",),)})
    assert predictions_fingerprint({"d1": [changed, *one[1:]]}) != a
    assert predictions_fingerprint({"d2": one}) != a


def test_the_header_tells_the_kind_of_text_and_where_the_dateline_is() -> None:
    from sitrep.evaluate.muc4_filter import muc_header

    speech = muc_header(
        "  LIMA, 4 MAY 90 (RADIO X) -- [SPEECH] [MINISTER OF THE INTERIOR] [TEXT] WE"
    )
    assert (speech.genre, speech.dateline) == ("speech", "plain")
    rebel = muc_header(
        "CLANDESTINE, 2 JUN 89 (RADIO Y) -- [COMMUNIQUE]\n[COMMAND] [TEXT] OUR UNITS"
    )
    assert (rebel.genre, rebel.dateline) == ("communique", "clandestine")
    abroad = muc_header("ROME (ITALY), 9 SEP 89 (AGENCY) -- [TEXT] THE MINISTER SAID")
    assert (abroad.genre, abroad.dateline) == ("news", "abroad")
    assert muc_header("QUITO (ECUADOR), 1 JAN 90 -- [EDITORIAL] [TEXT] A").dateline == "nine"
    assert muc_header("no header at all").genre == "none"


def test_header_features_reach_the_template_features() -> None:
    from sitrep.evaluate.muc4_filter import Header

    ext = extract(TEXT, published="1990-01-10")
    sources = muc4.template_sources(ext)
    first, _ = document_features(ext, sources, Header(genre="opinion", dateline="abroad"))
    assert first["genre=opinion"] == 1.0 and first["dateline=abroad"] == 1.0
    # a document without a header reads as a news report datelined at home
    news, _ = document_features(ext, sources, Header(genre="news", dateline="plain"))
    assert news == document_features(ext, sources)[0]
