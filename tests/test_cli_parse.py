"""`screener parse`: what was read from each resume."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES


def parse_json(*files: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["parse", *files, "--json", "--as-of", AS_OF, "--no-cache"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_lines_one_per_file_in_argument_order():
    files = [str(EXAMPLES / "riley-chen.txt"), str(EXAMPLES / "avery-quinn.pdf"),
             str(EXAMPLES / "broken-download.pdf")]
    objects = parse_json(*files)
    assert [o["file"] for o in objects] == files
    assert [o["status"] for o in objects] == ["ok", "ok", "error"]
    assert objects[2]["error"]


def test_contract_fields_and_values_for_the_clear_fit():
    (obj,) = parse_json(str(EXAMPLES / "avery-quinn.pdf"))
    for key in ("file", "sha256", "status", "error", "pages", "chars", "contact", "skills",
                "experience"):
        assert key in obj
    assert obj["pages"] == 1 and obj["chars"] > 500
    assert obj["contact"]["name"] == "Avery Quinn"
    assert obj["contact"]["email"] == "avery.quinn@example.com"
    ids = {s["id"]: s for s in obj["skills"]}
    for skill in ("python", "nodejs", "php", "postgresql", "docker", "kubernetes", "aws"):
        assert ids[skill]["source"] == "explicit", skill
        assert ids[skill]["evidence"][0]["line"] >= 1
    assert ids["python"]["years"] >= 5
    positions = obj["experience"]["positions"]
    assert [p["start"] for p in positions] == ["2021-03", "2018-01", "2016-06"]
    assert positions[0]["current"] is True
    # Jun 2016 .. Nov 2026 without gaps: 10.5 years; education (2012-2016) is not counted.
    assert 10.3 <= obj["experience"]["total_years"] <= 10.6


def test_utf16_text_resume_reads():
    (obj,) = parse_json(str(EXAMPLES / "casey-morgan.txt"))
    assert obj["status"] == "ok"
    assert obj["contact"]["email"] == "casey.morgan@example.com"
    assert {"kubernetes", "terraform", "go"} <= {s["id"] for s in obj["skills"]}


def test_non_technical_resume_has_no_false_programming_skills():
    (obj,) = parse_json(str(EXAMPLES / "morgan-ellis.pdf"))
    ids = {s["id"] for s in obj["skills"]}
    assert "excel" in ids
    assert not ids & {"go", "c", "r", "spring", "access", "python", "java"}


def test_plain_text_view_lists_skills_and_positions():
    result = CliRunner().invoke(cli, ["parse", str(EXAMPLES / "riley-chen.txt"), "--as-of", AS_OF])
    assert result.exit_code == 0
    assert "riley-chen.txt  [ok]" in result.stdout
    assert "flask" in result.stdout
    assert "Junior Python Developer" in result.stdout


def test_text_prints_each_files_normalised_text_headed_by_its_path():
    from screener.api import parse_resume

    txt, broken = str(EXAMPLES / "riley-chen.txt"), str(EXAMPLES / "broken-download.pdf")
    result = CliRunner().invoke(cli, ["parse", txt, broken, "--text", "--as-of", AS_OF],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first, second = result.stdout.split("\n\n==> ")
    lines = first.split("\n")
    assert lines[0] == f"==> {txt} <== [text, read by text]"
    text = parse_resume(txt, as_of=AS_OF).document.text
    numbered = [re.fullmatch(r" *(\d+)(?:  (.*))?", line).groups() for line in lines[1:]]
    assert [int(n) for n, _ in numbered] == list(range(1, len(numbered) + 1))
    assert [body or "" for _, body in numbered] == text.split("\n")
    assert lines[1] == " 1  Riley Chen"
    assert second.startswith(f"{broken} <== [error] damaged PDF")


def test_text_and_json_together_is_a_usage_error():
    result = CliRunner().invoke(cli, ["parse", str(EXAMPLES / "riley-chen.txt"), "--text",
                                      "--json"])
    assert result.exit_code == 2
    assert "--json and --text cannot be used together" in result.stderr


# --------------------------------------------------------------------------- cache and workers

ORDER = ["riley-chen.txt", "samira-patel-two-column.pdf", "avery-quinn.pdf", "jordan-blake.docx",
         "broken-download.pdf"]  # argument order, not the folder's


def parse_out(*extra: str) -> str:
    files = [str(EXAMPLES / name) for name in ORDER]
    result = CliRunner().invoke(cli, ["parse", *files, "--json", "--as-of", AS_OF, *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == files
    return result.stdout


def test_a_second_parse_is_served_from_the_cache(tmp_path, monkeypatch):
    import sqlite3

    from screener.run import batch

    cache = tmp_path / "cache"
    first = parse_out("--cache-dir", str(cache), "--jobs", "1")
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        files = db.execute("SELECT count(*) FROM files").fetchone()[0]
        profiles = db.execute("SELECT count(*) FROM profiles").fetchone()[0]
    assert (files, profiles) == (5, 5)  # the damaged PDF's reason is cached too

    def read_again(task):
        raise AssertionError(f"{task.path} was read again")

    monkeypatch.setattr(batch, "_executor", lambda *a, **k: _Refusing(read_again))
    assert parse_out("--cache-dir", str(cache), "--jobs", "1") == first


class _Refusing:
    """An executor that fails the test when any file is handed to it."""

    full = False
    pending = 0

    def __init__(self, fail):
        self.submit = fail

    def poll(self):
        return []

    def close(self):
        pass


def test_jobs_2_gives_what_jobs_1_gives_and_no_cache_writes_none(tmp_path):
    cache = tmp_path / "cache"
    one = parse_out("--jobs", "1", "--no-cache", "--cache-dir", str(cache))
    two = parse_out("--jobs", "2", "--no-cache", "--cache-dir", str(cache))
    assert one == two
    assert not cache.exists()
    cached = parse_out("--jobs", "2", "--cache-dir", str(cache))
    assert parse_out("--jobs", "2", "--cache-dir", str(cache)) == cached == one
