"""`sitrep evaluate`: table, JSON report with provenance, the gate and the scoreboard."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.evaluate import extractor as extractor_module
from sitrep.evaluate import gate as gate_mod
from sitrep.evaluate.cli import evaluate_command
from sitrep.evaluate.datasets import file_sha256, load_muc4
from sitrep.evaluate.muc4 import evaluate_muc4
from sitrep.evaluate.report import run_dataset
from sitrep.evaluate.scoreboard import scoreboard
from sitrep.model import (
    Article,
    AttackType,
    DatePrecision,
    EventDate,
    Extraction,
    Incident,
    IncidentStatus,
    Place,
)

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

ARTICLE = {
    "id": "x1",
    "title": "t",
    "outlet": "o",
    "published": "2025-05-02",
    "language": "en",
    "shape": "s",
    "text": "Gunmen attacked a police post in Kalat on Thursday.",
    "incidents": [
        {
            "date": "2025-05-01",
            "place": {
                "name": "Kalat",
                "admin1": "Balochistan",
                "country": "PK",
                "latitude": 29.03,
                "longitude": 66.59,
                "precision": 1,
            },
            "types": ["armed assault"],
            "status": "carried out",
            "perpetrators": [],
            "weapons": [],
            "targets": [],
            "figures": [],
        }
    ],
    "groups": [],
    "aggregates": [],
    "claims": [],
}


def _stub(text: str, published: str | None = None) -> Extraction:
    inc = Incident(
        "i1",
        [AttackType.ARMED_ASSAULT],
        IncidentStatus.CARRIED_OUT,
        date=EventDate(2025, 5, 1, DatePrecision.DAY),
        place=Place("Kalat", latitude=29.02, longitude=66.6),
    )
    return Extraction(article=Article(text=text), incidents=[inc])


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def stub_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_module, "default_extractor", lambda: _stub)


def test_cli_gold_prints_table_and_writes_report(
    gold_file: Path, tmp_path: Path, stub_extractor: None
) -> None:
    out = tmp_path / "r" / "gold.json"
    result = CliRunner().invoke(evaluate_command, ["gold", str(gold_file), "--report", str(out)])
    assert result.exit_code == 0, result.output
    assert "incidents" in result.output and "100.00" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["dataset"] == "gold"
    assert report["sha256"] == file_sha256(gold_file)
    assert report["headline"]["incident_f1"] == 100.0
    assert report["version"] and report["date"]


def test_cli_gate_fails_on_low_score_and_changed_data(
    gold_file: Path, tmp_path: Path, stub_extractor: None
) -> None:
    gate = tmp_path / "gate.toml"
    gate.write_text(
        f'[gold]\nsha256 = "{file_sha256(gold_file)}"\n[gold.minimum]\nincident_f1 = 50.0\nclaim_f1 = 10.0\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        evaluate_command, ["gold", str(gold_file), "--gate", "--gate-file", str(gate)]
    )
    assert result.exit_code == 1
    assert "claim_f1 0.0 below the minimum 10.0" in result.output
    gate.write_text(
        '[gold]\nsha256 = "0000"\n[gold.minimum]\nincident_f1 = 50.0\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        evaluate_command, ["gold", str(gold_file), "--gate", "--gate-file", str(gate)]
    )
    assert result.exit_code == 1 and "data file changed" in result.output
    gate.write_text(
        f'[gold]\nsha256 = "{file_sha256(gold_file)}"\n[gold.minimum]\nincident_f1 = 50.0\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        evaluate_command, ["gold", str(gold_file), "--gate", "--gate-file", str(gate)]
    )
    assert result.exit_code == 0 and "gate: pass" in result.output


def test_check_gate_rules() -> None:
    gate = {"muc4": {"sha256": "abc", "minimum": {"gtt_f1": 40.0}, "maximum": {"x": 2}}}
    report = {
        "dataset": "muc4",
        "sha256": "abc",
        "limit": None,
        "headline": {"gtt_f1": 41.0, "x": 2},
        "run": {},
    }
    assert gate_mod.check_gate(report, gate) == []
    assert gate_mod.check_gate(dict(report, limit=5), gate) != []
    assert gate_mod.check_gate(dict(report, headline={"gtt_f1": 39.9, "x": 3}), gate) == [
        "muc4: gtt_f1 39.9 below the minimum 40.0",
        "muc4: x 3 above the maximum 2",
    ]


def test_bundled_gate_pins_the_data_files() -> None:
    gate = gate_mod.load_gate()
    assert gate["muc4"]["sha256"] == file_sha256(SHARED_DATA / "muc4" / "dev.jsonl")
    assert gate["wikievents"]["sha256"] == file_sha256(SHARED_DATA / "wikievents" / "dev.jsonl")
    assert gate["gold"]["sha256"] == file_sha256(
        Path(__file__).resolve().parent / "gold" / "articles.jsonl"
    )


def test_cli_errors_are_clean(tmp_path: Path, stub_extractor: None) -> None:
    runner = CliRunner()
    result = runner.invoke(evaluate_command, ["muc4", "--split", "test"])
    assert result.exit_code != 0 and "test" in result.output and "Traceback" not in result.output
    result = runner.invoke(evaluate_command, ["gold", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0 and "not found" in result.output
    result = runner.invoke(evaluate_command, ["muc4", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "no file" in result.output


def test_muc4_limit_and_data_override(stub_extractor: None) -> None:
    report = run_dataset("muc4", data=SHARED_DATA / "muc4" / "dev.jsonl", limit=3)
    assert report["run"]["documents"] == 3 and report["limit"] == 3
    assert report["references"][0]["value"] == 50.2


def test_muc4_scoring_of_the_dev_set_takes_seconds() -> None:
    docs = load_muc4(SHARED_DATA / "muc4" / "dev.jsonl")
    assert len(docs) == 200
    start = time.perf_counter()
    report = evaluate_muc4(docs, extractor=_stub, relevance=False)
    assert time.perf_counter() - start < 5.0
    # the stub's one "attack" template per document aligns with many gold attack templates
    assert 0 < report["scores"]["roles"]["incident_type"]["tp_gold"] < 181


def test_scoreboard_shows_headline_and_references() -> None:
    reports = [
        {
            "dataset": "gold",
            "split": None,
            "file": "articles.jsonl",
            "version": "0.1.0",
            "date": "2025-01-01",
            "headline": {"incident_f1": 61.5},
        },
        {
            "dataset": "muc4",
            "split": "dev",
            "file": "dev.jsonl",
            "version": "0.1.0",
            "date": "2025-01-01",
            "headline": {"gtt_f1": 42.25},
            "references": [{"system": "GTT", "metric": "gtt_f1", "value": 50.2, "split": "test"}],
        },
    ]
    table = scoreboard(reports).splitlines()
    assert table[0].startswith("| dataset |")
    assert "42.25" in table[2] and "GTT 50.2 (test)" in table[2]  # muc4 sorts first
    assert "61.50" in table[3]


def test_a_failing_document_scores_empty_but_all_failing_is_an_error() -> None:
    from sitrep.errors import EvaluationError, InputError
    from sitrep.evaluate.extractor import RunStats, run_all

    def flaky(text: str, published: str | None = None) -> Extraction:
        if text == "bad":
            raise InputError("bad text")
        return _stub(text, published)

    stats = RunStats()
    out = run_all([("a", "good", None), ("b", "bad", None)], flaky, stats=stats)
    assert stats.failures == 1 and out["b"].incidents == [] and len(out["a"].incidents) == 1
    with pytest.raises(EvaluationError, match="all 1 documents"):
        run_all([("b", "bad", None)], flaky)


def test_scoreboard_readme_block_replaces_only_the_marked_part(tmp_path: Path) -> None:
    from sitrep.evaluate.report import write_report
    from sitrep.evaluate.scoreboard import END, START, main

    report = {
        "dataset": "wikievents",
        "split": "dev",
        "file": "dev.jsonl",
        "version": "9.9.9",
        "date": "2025-01-01",
        "limit": None,
        "headline": {"head_f1": 25.4},
        "scores": {},
    }
    write_report(report, tmp_path / "reports" / "w.json")
    readme = tmp_path / "README.md"
    readme.write_text(f"# title\n\nbefore\n{START}\nold table\n{END}\nafter\n", encoding="utf-8")
    assert main([str(tmp_path / "reports"), "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# title\n\nbefore\n" + START + "\n")
    assert text.endswith(END + "\nafter\n")
    assert "old table" not in text
    # the number as `sitrep evaluate` prints it (two decimals), with version and date
    assert "| 25.40 |" in text and "9.9.9" in text and "2025-01-01" in text
    readme.write_text("no markers\n", encoding="utf-8")
    assert main([str(tmp_path / "reports"), "--readme", str(readme)]) == 1
