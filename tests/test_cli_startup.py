"""Fast start: `--help` and `posting check` import none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import POSTING

HEAVY = ("spacy", "sklearn", "pdfminer", "pypdfium2", "docx", "rapidfuzz", "ftfy")

PROBE = """
import sys
from click.testing import CliRunner
from screener.cli import cli
result = CliRunner().invoke(cli, {args!r})
assert result.exit_code == 0, result.output
print(",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def heavy_imports(*args: str) -> str:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_help_imports_no_heavy_library():
    assert heavy_imports("--help") == ""
    assert heavy_imports("screen", "--help") == ""


def test_posting_check_imports_no_heavy_library():
    assert heavy_imports("posting", "check", str(POSTING)) == ""
