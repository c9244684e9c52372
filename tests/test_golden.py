"""Golden files: the demo's shortlist and CSV, committed beside the example resumes.

A change that moves a score, a rank or a column shows up here as a diff. When the change is
intended, rewrite the files and review the diff before committing:

    SCREENER_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from screener.cli import cli
from tests.conftest import AS_OF, EXAMPLES, POSTING, ROOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("SCREENER_UPDATE_GOLDEN"))


def _relative(text: str) -> str:
    """Paths relative to the repo; the taxonomy's content hash as a placeholder, so that a
    taxonomy edit shows up here only where it changes what the demo finds."""
    from screener.rubric.taxonomy import load_taxonomy

    return text.replace(str(ROOT) + os.sep, "").replace(load_taxonomy().version, "<taxonomy>")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    # run from the repository root with relative paths, as the README's demo does: the
    # terminal report wraps long lines, so an absolute path would make the golden text depend
    # on where the repository was cloned
    out = tmp_path_factory.mktemp("golden") / "demo.csv"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            cli,
            ["screen", str(EXAMPLES.relative_to(ROOT)), "--posting",
             str(POSTING.relative_to(ROOT)), "--as-of", AS_OF, "--no-cache", "--quiet",
             "--jobs", "1", "--csv", str(out)],
            catch_exceptions=False,
            env={"COLUMNS": "100"},  # as a 100-column terminal shows it (piped: nothing cut)
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return {"demo_shortlist.txt": result.stdout, "demo.csv": out.read_text(encoding="utf-8")}


@pytest.mark.parametrize("name", ["demo_shortlist.txt", "demo.csv"])
def test_demo_matches_golden(demo, name):
    actual = _relative(demo[name])
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
