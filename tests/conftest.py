"""Shared test fixtures: paths to the committed examples and a fixed as-of date."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
POSTING = ROOT / "pipelines" / "backend-developer.yaml"
AS_OF = "2026-11-27"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def posting_path() -> Path:
    return POSTING
