"""`screener screen` end to end on the committed demo resumes."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING

N_EXAMPLES = len([p for p in EXAMPLES.iterdir() if not p.name.startswith(".")])


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def screen_csv(tmp_path, *extra: str) -> list[dict[str, str]]:
    out = tmp_path / "out.csv"
    result = run("screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF,
                 "--no-cache", "--jobs", "1", "--quiet", "--csv", str(out), *extra)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))


def test_clear_fit_ranks_first_and_every_file_has_a_row(tmp_path):
    rows = screen_csv(tmp_path)
    assert len(rows) == N_EXAMPLES
    assert rows[0]["rank"] == "1"
    assert rows[0]["file"].endswith("avery-quinn.pdf")
    assert rows[0]["name"] == "Avery Quinn"
    assert sorted(r["file"] for r in rows) == sorted(str(p) for p in EXAMPLES.iterdir())


def test_contract_columns_present(tmp_path):
    rows = screen_csv(tmp_path)
    for column in ("rank", "file", "name", "email", "score", "status", "error", "years",
                   "matched", "missing"):
        assert column in rows[0], column


def test_broken_and_scanned_files_are_reported_last_with_reasons(tmp_path):
    rows = screen_csv(tmp_path)
    by_name = {r["file"].rsplit("/", 1)[-1]: r for r in rows}
    broken, scanned = by_name["broken-download.pdf"], by_name["scanned-no-text.pdf"]
    assert broken["status"] == "error" and broken["rank"] == "" and broken["error"]
    assert scanned["status"] == "empty" and scanned["rank"] == "" and "OCR" in scanned["error"]
    assert {rows[-1]["file"], rows[-2]["file"]} == {broken["file"], scanned["file"]}


def test_non_technical_candidate_ranks_below_developers(tmp_path):
    rows = screen_csv(tmp_path)
    ranks = {r["file"].rsplit("/", 1)[-1]: int(r["rank"]) for r in rows if r["rank"]}
    assert ranks["morgan-ellis.pdf"] > ranks["avery-quinn.pdf"]
    assert ranks["morgan-ellis.pdf"] > ranks["jordan-blake.docx"]
    assert ranks["morgan-ellis.pdf"] > ranks["samira-patel-two-column.pdf"]


def test_near_fit_is_missing_kubernetes(tmp_path):
    rows = screen_csv(tmp_path)
    near = next(r for r in rows if r["file"].endswith("jordan-blake.docx"))
    assert "Kubernetes" in near["missing"]
    assert "PostgreSQL" in near["matched"]


def test_terminal_shortlist_names_the_winner_and_the_broken_file():
    result = run("screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF,
                 "--no-cache", "--jobs", "1", "--quiet")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    first_ranked = next(line for line in lines if line.lstrip().startswith("1 "))
    assert "Avery Quinn" in first_ranked
    assert "broken-download.pdf" in result.stdout


def test_reports_are_byte_identical_across_runs(tmp_path):
    outputs = []
    for attempt in ("a", "b"):
        paths = {k: tmp_path / f"{attempt}.{k}" for k in ("csv", "json", "html")}
        result = run("screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF,
                     "--no-cache", "--jobs", "1", "--quiet", "--csv", str(paths["csv"]),
                     "--json", str(paths["json"]), "--html", str(paths["html"]))
        assert result.exit_code == 0
        outputs.append({k: p.read_bytes() for k, p in paths.items()} | {"out": result.stdout})
    assert outputs[0] == outputs[1]


def test_json_report_has_every_file_and_the_contract_fields(tmp_path):
    out = tmp_path / "r.json"
    result = run("screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF,
                 "--no-cache", "--jobs", "1", "--quiet", "--json", str(out))
    assert result.exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["as_of"] == AS_OF
    assert report["taxonomy"]
    assert len(report["candidates"]) == N_EXAMPLES
    for cand in report["candidates"]:
        for key in ("rank", "file", "name", "score", "status", "error"):
            assert key in cand
    assert report["candidates"][0]["rank"] == 1


def test_bad_posting_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nrequirments: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(bad), "--quiet"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0]


def test_missing_input_path_is_exit_1_naming_it(tmp_path):
    missing = tmp_path / "nope"
    result = CliRunner().invoke(cli, ["screen", str(missing), "--posting", str(POSTING),
                                      "--no-cache", "--quiet"])
    assert result.exit_code == 1
    assert str(missing) in result.stderr


def test_usage_error_is_exit_2():
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES)])
    assert result.exit_code == 2
    assert "--posting" in result.stderr


def test_bad_as_of_is_a_usage_error():
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                      "--as-of", "27/11/2026"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


# --------------------------------------------------------------------------- report files (issue 15)


def screen_into(*extra: str, inputs: tuple[str, ...] = (str(EXAMPLES),)):
    return CliRunner().invoke(cli, ["screen", *inputs, "--posting", str(POSTING), "--as-of",
                                    AS_OF, "--no-cache", "--jobs", "1", "--quiet", *extra],
                              catch_exceptions=False)


def test_excel_csv_starts_with_one_byte_order_mark(tmp_path):
    out = tmp_path / "excel.csv"
    assert screen_into("--csv", str(out), "--excel").exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank,") and data.count(b"\xef\xbb\xbf") == 1


def test_a_report_that_cannot_be_written_costs_only_itself(tmp_path):
    json_out, html_out = tmp_path / "out.json", tmp_path / "out.html"
    result = screen_into("--csv", "/dev/full", "--json", str(json_out), "--html", str(html_out))
    assert result.exit_code == 1
    assert result.stderr == ("screener: /dev/full: the report could not be written (No space "
                             "left on device); free some disk space, or write it to another "
                             "disk\n")
    assert "internal error" not in result.output
    assert json.loads(json_out.read_text())["candidates"]
    assert html_out.read_text().startswith("<!DOCTYPE html>")


def test_a_report_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old")
    out.chmod(0o640)
    assert screen_into("--csv", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_text(encoding="utf-8").startswith("rank,")


def test_a_report_over_an_input_file_is_refused_before_the_batch(tmp_path):
    resume = tmp_path / "resume.txt"
    resume.write_text("Avery Quinn\nPython developer since 2019\n")
    result = screen_into("--csv", str(resume), inputs=(str(resume),))
    assert result.exit_code == 2
    assert f"--csv {resume} is an input file ({resume})" in result.stderr
    assert resume.read_text() == "Avery Quinn\nPython developer since 2019\n"


def test_a_report_over_a_file_inside_an_input_folder_is_refused(tmp_path):
    inside = EXAMPLES / "avery-quinn.pdf"
    before = inside.read_bytes()
    result = screen_into("--html", str(inside))
    assert result.exit_code == 2 and "is an input file" in result.stderr
    assert inside.read_bytes() == before


def test_two_reports_at_one_path_are_refused(tmp_path):
    out = tmp_path / "report"
    result = screen_into("--csv", str(out), "--html", str(out))
    assert result.exit_code == 2
    assert f"--csv and --html both name {out}" in result.stderr
    assert not out.exists()


def test_screen_runs_without_the_cycle_collector_and_turns_it_back_on(monkeypatch, tmp_path):
    """The collector is off for the command's run only (see cli._no_cycle_collector), back on
    after a run that succeeds and after one that fails."""
    import gc

    import screener.api

    seen = []
    real = screener.api.screen

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(screener.api, "screen", spy)
    assert gc.isenabled()
    resume = str(EXAMPLES / "riley-chen.txt")
    ok = run("screen", resume, "--posting", str(POSTING), "--no-cache", "--jobs", "1", "--quiet")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    failed = run("screen", resume, "--posting", str(bad), "--no-cache", "--quiet")
    assert (ok.exit_code, failed.exit_code) == (0, 1)
    assert seen == [False, False] and gc.isenabled()
