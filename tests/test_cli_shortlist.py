"""`screener screen` as a recruiter reads it: which file each candidate is, where the reports
went, --min-score, the terminal's width, and implied skills a posting does not count."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys

import pytest
from click.testing import CliRunner

from screener import cli as cli_module
from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING, ROOT

N_EXAMPLES = len([p for p in EXAMPLES.iterdir() if not p.name.startswith(".")])


def screen(*extra: str, inputs: tuple[str, ...] = (str(EXAMPLES),), env=None):
    return CliRunner().invoke(cli, ["screen", *inputs, "--posting", str(POSTING), "--as-of",
                                    AS_OF, "--no-cache", "--jobs", "1", *extra],
                              catch_exceptions=False, env=env)


def ranked_rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if re.match(r"\d+  ", line)]


# --------------------------------------------------------------------------- file names


def test_shortlist_names_each_file_relative_to_the_folder_given(tmp_path):
    folder = tmp_path / "real-resumes"
    (folder / "consultant").mkdir(parents=True)
    (folder / "consultant" / "22351830.txt").write_bytes(
        (EXAMPLES / "riley-chen.txt").read_bytes())
    loose = tmp_path / "casey.txt"
    loose.write_bytes((EXAMPLES / "casey-morgan.txt").read_bytes())
    result = screen("--quiet", inputs=(str(folder), str(loose)))
    assert result.exit_code == 0, result.output
    rows = ranked_rows(result.stdout)
    assert any("  casey.txt  " in row and "Casey Morgan" in row for row in rows), rows
    assert any("  consultant/22351830.txt  " in row and "Riley Chen" in row for row in rows)
    assert str(tmp_path) not in "\n".join(rows)  # the folder given is not repeated per row


def test_blind_shortlist_shows_the_blind_id_not_the_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s" * 32)
    result = screen("--quiet", "--blind", "--blind-secret", str(secret))
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("#  "))
    assert "File" not in header
    rows = ranked_rows(result.stdout)
    assert len(rows) == 7 and all(row.split()[1].startswith("C-") for row in rows)
    for path in EXAMPLES.iterdir():
        assert path.stem not in result.stdout


# --------------------------------------------------------------------------- report lines


def test_each_report_written_is_named_on_stderr_and_stdout_stays_the_shortlist(tmp_path):
    out = {kind: tmp_path / f"shortlist.{kind}" for kind in ("csv", "json", "html")}
    result = screen("--csv", str(out["csv"]), "--json", str(out["json"]), "--html",
                    str(out["html"]))
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"CSV report: {out['csv']}\nJSON report: {out['json']}\n"
                             f"HTML report: {out['html']}\n")
    assert "report:" not in result.stdout
    quiet = screen("--quiet", "--csv", str(out["csv"]))
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_the_blind_key_is_named_too(tmp_path):
    key = tmp_path / "key.csv"
    result = screen("--blind", "--blind-key", str(key))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Blind key: {key}\n"


def test_a_report_that_failed_is_not_named_as_written(tmp_path):
    result = screen("--csv", "/dev/full", "--json", str(tmp_path / "out.json"))
    assert result.exit_code == 1
    assert "CSV report" not in result.stderr
    assert result.stderr.endswith(f"JSON report: {tmp_path / 'out.json'}\n")


# --------------------------------------------------------------------------- output paths


@pytest.fixture
def no_batch(monkeypatch):
    """Fails the test if a batch starts."""
    import screener.api

    def started(*args, **kwargs):
        raise AssertionError("the batch started")

    monkeypatch.setattr(screener.api, "screen", started)


def test_a_report_in_a_missing_folder_is_refused_before_the_batch(tmp_path, no_batch):
    old = tmp_path / "out.json"
    old.write_text("previous report")
    missing = tmp_path / "no-such-folder" / "out.csv"
    result = screen("--csv", str(missing), "--json", str(old))
    assert result.exit_code == 2
    assert (f"--csv {missing}: the folder {missing.parent} does not exist; create it or "
            "choose another path") in result.stderr
    assert old.read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_folder_given_as_a_report_is_refused_before_the_batch(tmp_path, no_batch):
    result = screen("--html", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_an_input_file_given_as_a_report_is_refused_before_the_batch(no_batch):
    result = screen("--csv", str(EXAMPLES / "riley-chen.txt"))
    assert result.exit_code == 2 and "is an input file" in result.stderr


# --------------------------------------------------------------------------- --min-score


def test_min_score_leaves_lower_candidates_out_of_the_terminal_not_out_of_the_files(tmp_path):
    out = {kind: tmp_path / f"out.{kind}" for kind in ("csv", "json", "html")}
    result = screen("--quiet", "--min-score", "50", "--csv", str(out["csv"]), "--json",
                    str(out["json"]), "--html", str(out["html"]))
    assert result.exit_code == 0, result.output
    rows = ranked_rows(result.stdout)
    assert [row.split()[0] for row in rows] == ["1", "2", "3", "4"]  # 93.7 .. 71.8
    assert "\n3 ranked candidates scoring below 50 left out\n" in result.stdout
    assert "broken-download.pdf" in result.stdout  # unranked files still listed
    # every file stays in the files, as without the option
    with out["csv"].open(encoding="utf-8") as fp:
        assert len(list(csv.DictReader(fp))) == N_EXAMPLES
    assert len(json.loads(out["json"].read_text())["candidates"]) == N_EXAMPLES
    page = out["html"].read_text(encoding="utf-8")
    assert page.count("<tr data-rank=") == 7  # hidden by the page's script, not left out
    assert 'id="filter-min" min="0" max="100" step="any" value="50"' in page


def test_min_score_out_of_range_is_a_usage_error():
    result = screen("--min-score", "101")
    assert result.exit_code == 2 and "--min-score" in result.stderr


# --------------------------------------------------------------------------- widths


def test_piped_shortlist_is_not_cut():
    result = screen("--quiet", env={"COLUMNS": None})
    assert result.exit_code == 0
    assert "…" not in result.stdout
    avery = ranked_rows(result.stdout)[0]
    assert "Python+Node.js+PHP; PostgreSQL; Docker; Kubernetes; AWS; MySQL; Django; REST APIs; " \
           "Microservices; Linux" in avery
    assert ("  error     examples/resumes/broken-download.pdf: damaged PDF (truncated "
            "download?): ask for the file again\n").replace("examples/resumes", str(EXAMPLES)) \
        in result.stdout


def test_columns_cuts_the_shortlist_to_that_width():
    result = screen("--quiet", env={"COLUMNS": "90"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 90
    assert "…" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1


def test_width_is_the_terminals_however_wide_none_when_piped(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((213, 50)))
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert cli_module._terminal_width() == 213
    monkeypatch.setenv("COLUMNS", "120")
    assert cli_module._terminal_width() == 120
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # a pipe or a file
    assert cli_module._terminal_width() is None


# --------------------------------------------------------------------------- implied skills


def test_implied_sql_is_said_not_counted_unless_the_posting_counts_implied_skills(tmp_path):
    resume = str(EXAMPLES / "avery-quinn.pdf")
    alone = screen("--quiet", inputs=(resume,))
    avery = ranked_rows(alone.stdout)[0]
    assert avery.endswith("  SQL (implied by MySQL, PostgreSQL, not counted)"), avery
    counting = tmp_path / "counting.yaml"
    text = POSTING.read_text(encoding="utf-8")
    assert text.count("count_implied: false") == 1
    counting.write_text(text.replace("count_implied: false", "count_implied: true"),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["screen", resume, "--posting", str(counting), "--as-of",
                                      AS_OF, "--no-cache", "--jobs", "1", "--quiet"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = ranked_rows(result.stdout)[0]
    assert "not counted" not in row and "; SQL" in row  # met now, in the Matched list


def test_relative_paths_from_the_repository_show_as_in_the_readme(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = screen("--quiet", inputs=("examples/resumes",), env={"COLUMNS": None})
    assert [re.split(r"\s{2,}", row)[2] for row in ranked_rows(result.stdout)][:2] == [
        "avery-quinn.pdf", "samira-patel-two-column.pdf"]
