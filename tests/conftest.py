"""Shared test settings: one gazetteer cache for the whole run, paths to shared data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("SITREP_CACHE_DIR", str(Path(tempfile.gettempdir()) / "sitrep-test-cache"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "balochistan-coordinated-attacks.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    assert SEED.exists(), f"the seed article is expected at {SEED}"
    return SEED.read_text(encoding="utf-8")
