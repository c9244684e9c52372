"""`screener explain` and `screener screen --explain`: the breakdown behind a score."""

from __future__ import annotations

import re

from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING


def test_explain_one_resume_shows_parts_requirements_evidence_and_positions():
    resume = EXAMPLES / "jordan-blake.docx"
    result = CliRunner().invoke(cli, ["explain", str(resume), "--posting", str(POSTING),
                                      "--as-of", AS_OF], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "#1 Jordan Blake" in out
    for part in ("required", "preferred", "years", "similarity"):
        assert f"    {part} " in out
    assert "missing  Kubernetes" in out
    assert f"  File: {resume}" in out.replace("\n        ", "")  # wrapped, never cut
    assert re.search(r"line \d+ \[experience\] 'PostgreSQL'", out)
    assert "Cedar Health Systems" in out


def test_screen_explain_covers_every_ranked_candidate():
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                      "--as-of", AS_OF, "--no-cache", "--quiet", "--jobs", "1",
                                      "--explain"], catch_exceptions=False)
    assert result.exit_code == 0
    for rank in range(1, 8):
        assert f"\n#{rank} " in result.stdout
