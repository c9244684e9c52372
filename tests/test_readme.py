"""The README cannot drift: its commands and its examples are checked against the code."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from screener.cli import cli
from screener.rubric.posting import load_posting
from screener.rubric.taxonomy import load_taxonomy
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _yaml_blocks(after_heading: str) -> list[str]:
    section = README[README.index(after_heading):]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def test_the_two_fresh_machine_commands_come_first():
    blocks = re.findall(r"```\n(.*?)```", README, flags=re.S)
    assert blocks[0].strip() == (
        "pip install -e . && screener screen examples/resumes --posting "
        "pipelines/backend-developer.yaml --as-of 2026-11-27")
    assert blocks[1].strip() == 'pip install -e ".[test]" && pytest'


def test_posting_example_loads(tmp_path):
    (block,) = _yaml_blocks("## Postings")
    path = tmp_path / "readme.yaml"
    path.write_text(block, encoding="utf-8")
    posting = load_posting(path, load_taxonomy())
    assert posting.title == "Back-End Developer"
    assert [r.knockout for r in posting.requirements] == [False, True, False, False]
    assert posting.requirements[2].min_years == 3


def test_taxonomy_example_entries_are_valid(tmp_path):
    (block,) = _yaml_blocks("## The skills taxonomy")
    skills = yaml.safe_load(block)
    for entry in skills:
        entry.pop("implies", None)  # python is not in this three-entry file
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "skills": skills}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["taxonomy", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 skills" in result.stdout


def test_every_screen_option_in_the_usage_table_exists():
    help_text = CliRunner().invoke(cli, ["screen", "--help"]).stdout
    table = README[README.index("Options worth knowing"):README.index("Other commands")]
    for option in sorted(set(re.findall(r"`(--[a-z-]+)", table))):
        assert option in help_text, option


def test_the_readme_counts_the_skills_the_taxonomy_has():
    count = len(load_taxonomy().skills)
    assert f"({count} today:" in README


def test_demo_output_shown_is_the_golden_shortlist():
    """The README's demo block is tests/golden/demo_shortlist.txt (taxonomy hash aside)."""
    start = README.index("The demo prints")
    block = re.search(r"```\n(.*?)```", README[start:], flags=re.S).group(1)
    golden = (ROOT / "tests" / "golden" / "demo_shortlist.txt").read_text(encoding="utf-8")
    shown = re.sub(r"taxonomy [0-9a-f]{12}", "taxonomy <taxonomy>", block)
    assert shown == golden
