"""`screener screen --blind`: no identifying field reaches any report or the terminal."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING

# What the demo resumes reveal about their (invented) people.
IDENTIFYING = [
    "Avery", "Quinn", "avery.quinn@example.com", "013-2291", "github.com/avery-quinn-dev",
    "Jordan", "Blake", "jordan.blake@example.com", "014 7720",
    "Riley", "riley.chen@example.com", "Morgan Ellis", "morgan.ellis@example.com",
    "Samira", "Patel", "linkedin.com/in/samira-p", "018-3310",
    "Taylor", "Brooks", "Casey", "casey.morgan@example.com",
    "avery-quinn.pdf", "jordan-blake.docx", "riley-chen.txt", "samira-patel",
]


def test_blind_reports_leak_nothing_and_the_key_maps_back(tmp_path):
    out = {k: tmp_path / f"r.{k}" for k in ("csv", "json", "html")}
    key = tmp_path / "key.csv"
    result = CliRunner().invoke(
        cli,
        ["screen", str(EXAMPLES), "--posting", str(POSTING), "--as-of", AS_OF, "--no-cache",
         "--quiet", "--jobs", "1", "--blind", "--blind-key", str(key), "--explain",
         "--csv", str(out["csv"]), "--json", str(out["json"]), "--html", str(out["html"])],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    texts = {"terminal": result.stdout} | {k: p.read_text(encoding="utf-8") for k, p in out.items()}
    for where, text in texts.items():
        leaks = [s for s in IDENTIFYING if s.lower() in text.lower()]
        assert leaks == [], (where, leaks)
    rows = list(csv.DictReader(io.StringIO(texts["csv"])))
    assert len(rows) == len(list(EXAMPLES.iterdir()))
    assert rows[0]["candidate_id"] and rows[0]["file"] == rows[0]["candidate_id"]
    # the key, written only where asked, maps each pseudonym back to its file
    mapping = {r["candidate_id"]: r["file"] for r in csv.DictReader(io.StringIO(key.read_text()))}
    assert mapping[rows[0]["candidate_id"]].endswith("avery-quinn.pdf")
    assert len(mapping) == len(rows)


def test_blind_key_without_blind_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                      "--blind-key", str(tmp_path / "k.csv")])
    assert result.exit_code == 2
    assert "--blind" in result.stderr
