"""`screener explain` and `screener screen --explain`: the breakdown behind a score."""

from __future__ import annotations

import csv
import re
import shutil

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


def _score_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("#"))


def test_explain_within_the_batch_gives_the_score_screen_gives(tmp_path):
    """The similarity part is relative to the files screened together: alone, Avery Quinn
    scores 93.6; among the demo resumes, 93.7 and rank 1, as `screen` ranks them."""
    out = tmp_path / "out.csv"
    screened = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                        "--as-of", AS_OF, "--no-cache", "--quiet", "--jobs", "1",
                                        "--csv", str(out)], catch_exceptions=False)
    assert screened.exit_code == 0
    rows = {r["file"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    for name in ("avery-quinn.pdf", "casey-morgan.txt"):
        resume = str(EXAMPLES / name)
        args = ["explain", resume, "--posting", str(POSTING), "--as-of", AS_OF]
        inside = CliRunner().invoke(cli, [*args, "--batch", str(EXAMPLES), "--no-cache"],
                                    catch_exceptions=False)
        alone = CliRunner().invoke(cli, args, catch_exceptions=False)
        row = rows[resume]
        assert _score_line(inside.stdout) == f"#{row['rank']} {row['name']}  {row['score']}/100"
        assert inside.stdout.splitlines()[1] == "9 files: 7 ranked, 0 knocked out, 2 not ranked " \
            "(1 empty, 1 error)"  # the batch's summary
        assert _score_line(alone.stdout) != _score_line(inside.stdout)
        assert "Scored alone: the similarity part is relative to the files screened together" \
            in alone.stdout
        assert "Scored alone" not in inside.stdout


def test_explain_adds_a_resume_that_is_not_in_the_batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("jordan-blake.docx", "casey-morgan.txt", "riley-chen.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    resume = str(EXAMPLES / "avery-quinn.pdf")
    out = tmp_path / "out.csv"
    CliRunner().invoke(cli, ["screen", str(folder), resume, "--posting", str(POSTING),
                             "--as-of", AS_OF, "--no-cache", "--quiet", "--jobs", "1",
                             "--csv", str(out)], catch_exceptions=False)
    row = next(r for r in csv.DictReader(out.open(encoding="utf-8-sig")) if r["file"] == resume)
    result = CliRunner().invoke(cli, ["explain", resume, "--posting", str(POSTING), "--as-of",
                                      AS_OF, "--batch", str(folder), "--no-cache"],
                                catch_exceptions=False)
    assert result.stdout.splitlines()[1].startswith("4 files: 4 ranked")
    assert _score_line(result.stdout) == f"#{row['rank']} {row['name']}  {row['score']}/100"


def test_explain_within_the_batch_says_why_a_file_was_not_ranked():
    resume = str(EXAMPLES / "broken-download.pdf")
    result = CliRunner().invoke(cli, ["explain", resume, "--posting", str(POSTING), "--as-of",
                                      AS_OF, "--batch", str(EXAMPLES), "--no-cache"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3].startswith(f"  error     {resume}: damaged PDF")


def test_explain_within_a_batch_takes_one_resume_not_a_folder():
    result = CliRunner().invoke(cli, ["explain", str(EXAMPLES), "--posting", str(POSTING),
                                      "--as-of", AS_OF, "--batch", str(EXAMPLES), "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr == (f"screener: {EXAMPLES}: not a resume file; give one file "
                             "(`screen FOLDER --explain` explains every candidate in a folder)\n")


def test_explain_uses_a_wide_terminal_and_says_why_sql_is_missing():
    result = CliRunner().invoke(cli, ["explain", str(EXAMPLES / "avery-quinn.pdf"), "--posting",
                                      str(POSTING), "--as-of", AS_OF],
                                catch_exceptions=False, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    years = next(line for line in lines if "years in Back-End" in line)
    assert years.startswith("    met      5+ years in Back-End Developer roles   20.0/20.0  ")
    sql = next(line for line in lines if line.startswith("    missing  SQL "))
    assert sql.endswith("not found; implied by MySQL, PostgreSQL, not counted")
    assert max(len(line) for line in lines) <= 160
