"""`screener taxonomy list` and `screener taxonomy check`."""

from __future__ import annotations

from click.testing import CliRunner

from screener.cli import cli


def test_list_shows_every_skill_with_aliases():
    result = CliRunner().invoke(cli, ["taxonomy", "list"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert len(rows) >= 300
    postgres = next(r for r in rows if r.startswith("postgresql "))
    assert "PostgreSQL" in postgres and "Postgres" in postgres
    assert "skills, taxonomy" in result.stderr


def test_check_default_taxonomy():
    result = CliRunner().invoke(cli, ["taxonomy", "check"])
    assert result.exit_code == 0
    assert "ok —" in result.stdout and "skills, version" in result.stdout


def test_check_reports_an_alias_claimed_twice(tmp_path):
    bad = tmp_path / "tax.yaml"
    bad.write_text(
        "version: 1\nskills:\n"
        "- {id: nodejs, name: Node.js, category: framework, aliases: [node]}\n"
        "- {id: node-red, name: Node-RED, category: tool, aliases: [node]}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["taxonomy", "check", str(bad)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert str(bad) in line and "'node'" in line and "remove it from one of them" in line


def test_check_lists_every_problem_with_its_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nskills:\n"
        "- {id: a, name: A, category: x, implies: [zz]}\n"
        "- {id: b, name: B, category: x, implies: [yy]}\n"
        "- id: c\n  name: C\n  category: x\n  colour: red\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["taxonomy", "check", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"screener: {bad}: skill 'c': unknown key 'colour' at line 8; allowed: aliases, "
        "category, context, explicit_for, id, implies, name",
        f"screener: {bad}: skill 'a' implies unknown skill 'zz' at line 3; add that skill or "
        "remove the link",
        f"screener: {bad}: skill 'b' implies unknown skill 'yy' at line 4; add that skill or "
        "remove the link",
    ]  # and no "(and 2 more; run `screener taxonomy check ...`)": that is this command


def test_screen_with_a_broken_taxonomy_stops_with_exit_1(tmp_path):
    from tests.conftest import EXAMPLES, POSTING

    bad = tmp_path / "tax.yaml"
    bad.write_text("skills: [{id: Python!, name: P, category: x}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["screen", str(EXAMPLES), "--posting", str(POSTING),
                                      "--taxonomy", str(bad), "--no-cache", "--quiet"])
    assert result.exit_code == 1
    assert str(bad) in result.stderr and "Traceback" not in result.output
