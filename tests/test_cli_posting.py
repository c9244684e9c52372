"""`screener posting check`, `screener posting schema` and `screener posting draft`."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import POSTING, ROOT

SEED_AD = ROOT / "examples" / "job_ads" / "backend_seed.txt"


def test_check_summarises_the_bundled_posting():
    result = CliRunner().invoke(cli, ["posting", "check", str(POSTING)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{POSTING}: ok — 'Back-End Developer', 11 requirements")
    assert "  required  PostgreSQL\n" in result.stdout
    assert "  preferred REST APIs\n" in result.stdout
    assert "experience: at least 5 years in relevant roles" in result.stdout
    assert "years in all" not in result.stdout


def test_check_names_file_line_and_fix_for_an_unknown_skill(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("title: T\nrequirements:\n  - skill: postgress\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["posting", "check", str(bad)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert str(bad) in line and "line 3" in line and "postgresql" in line


def test_schema_prints_the_committed_posting_schema():
    result = CliRunner().invoke(cli, ["posting", "schema"])
    assert result.exit_code == 0, result.output
    committed = (ROOT / "schemas" / "posting.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed


def test_draft_of_the_seed_ad_gives_six_skills_and_five_years(tmp_path):
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["posting", "draft", str(SEED_AD), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    skills = set()
    for req in data["requirements"]:
        skills |= set(req.get("any_of", [])) | ({req["skill"]} if "skill" in req else set())
    assert skills == {"python", "nodejs", "php", "postgresql", "docker", "kubernetes", "aws"}
    assert data["experience"]["min_years"] == 5
    group = next(r for r in data["requirements"] if "any_of" in r)
    assert sorted(group["any_of"]) == ["nodejs", "php", "python"] and group["min"] == 2
    # the draft is itself a valid posting
    check = CliRunner().invoke(cli, ["posting", "check", str(out)])
    assert check.exit_code == 0, check.output


def test_draft_reads_stdin():
    ad = ("Data Analyst\nRequirements:\n- At least 3 years of experience with SQL and Tableau\n"
          "Nice to have: Python\n")
    result = CliRunner().invoke(cli, ["posting", "draft", "-"], input=ad)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    by_skill = {r.get("skill"): r for r in data["requirements"]}
    assert {"sql", "tableau", "python"} <= set(by_skill)
    assert by_skill["python"].get("importance") == "preferred"


def test_draft_of_a_missing_file_is_one_line_exit_1(tmp_path):
    result = CliRunner().invoke(cli, ["posting", "draft", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "nope.txt" in result.stderr
