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


def _console(*args: str, **options) -> subprocess.CompletedProcess:
    """The console script's entry point (screener.cli:main), as a user runs it."""
    return subprocess.run([sys.executable, "-m", "screener.cli", *args], capture_output=True,
                          text=True, **options)


def test_the_console_script_writes_all_its_output_and_its_exit_code_before_it_ends():
    """main() ends the process without the interpreter's teardown: nothing may be lost."""
    from click.testing import CliRunner

    from screener.cli import cli

    args = ["parse", "examples/resumes", "--as-of", "2026-11-27"]
    done = _console(*args)
    assert done.returncode == 0
    assert done.stdout == CliRunner().invoke(cli, args).stdout
    assert len(done.stdout.splitlines()) > 100  # every line, none cut off at the end

    missing = _console("parse", "no-such-folder")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr == "screener: no such file or folder: no-such-folder; check the path\n"
    assert _console("no-such-command").returncode == 2


def test_a_reader_that_stops_early_gets_no_traceback():
    """`screener parse FOLDER | head -1`: the pipe closes before the output is written."""
    process = subprocess.Popen([sys.executable, "-m", "screener.cli", "parse", "examples/resumes",
                                "--as-of", "2026-11-27"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
