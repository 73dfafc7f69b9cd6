"""``sitrep ingest --workers N``: parallel extraction, one writer, the same store as one process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT.parent / "shared" / "seed" / "balochistan-coordinated-attacks.txt"


def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )


def exported(db: Path) -> list[dict]:
    out = sitrep("export", "--format", "jsonl", "--db", str(db))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    for row in rows:  # ids and timestamps depend on insertion, not on content
        for key in ("id", "event_id", "created_at", "updated_at", "ingested_at"):
            row.pop(key, None)
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    inputs = [
        str(ROOT / "src" / "sitrep" / "examples" / "examples.jsonl"),
        str(FIXTURES / "store" / "balochistan"),
        str(FIXTURES / "ingest" / "records.jsonl"),  # good and bad lines mixed
        str(SEED),
    ]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    a = sitrep("ingest", *inputs, "--db", str(one), "--published", "2026-02-03", "--no-progress")
    b = sitrep(
        "ingest",
        *inputs,
        "--db",
        str(two),
        "--published",
        "2026-02-03",
        "--no-progress",
        "--workers",
        "2",
    )
    # the bad JSONL lines make both exit 1 after storing the rest; the summaries agree
    assert a.returncode == b.returncode == 1, (a.stderr, b.stderr)
    assert a.stdout == b.stdout
    assert "failed" in a.stdout and " 0 new" not in a.stdout
    assert a.stderr.count("error:") == b.stderr.count("error:") > 0
    rows = exported(one)
    assert rows and rows == exported(two)

    again = sitrep("ingest", *inputs, "--db", str(two), "--no-progress", "--workers", "2")
    assert "0 new" in again.stdout and "0 new events" in again.stdout
    assert exported(two) == rows
