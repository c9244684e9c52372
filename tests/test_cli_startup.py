"""Fast start: `--help` and `posting check` import none of the heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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


def test_the_extractor_option_offers_the_one_extractor_list_read_when_needed():
    from screener.cli import cli
    from screener.extract import EXTRACTORS

    for name in ("screen", "parse", "explain"):
        (option,) = [p for p in cli.commands[name].params if p.name == "extractor"]
        assert option.type.choices == EXTRACTORS, name
    code = "import sys, screener.cli; print('screener.extract' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False\n"  # not imported at start-up just to know the names


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
    assert (process.returncode, err) == (0, b"")


RESUME = "examples/resumes/riley-chen.txt"


@pytest.mark.parametrize("args", [
    ["taxonomy", "list"],
    ["parse", RESUME, "--json"],
    ["parse", RESUME, "--text"],
    ["screen", RESUME, "--posting", str(POSTING), "--no-cache", "--quiet", "--jobs", "1"],
    ["explain", RESUME, "--posting", str(POSTING)],
    ["posting", "check", str(POSTING)],
    ["posting", "schema"],
], ids=lambda args: " ".join(args[:2]))
def test_every_command_ends_quietly_when_its_reader_has_gone(args):
    """`screener ... | head` where head is done before the first line: one mechanism (the
    `screener` group's) ends every command with exit 0 and nothing on stderr, not with
    'internal error (BrokenPipeError)'."""
    read, write = os.pipe()
    os.close(read)  # no reader at all: the first line written fails
    try:
        done = subprocess.run([sys.executable, "-m", "screener.cli", *args, "--as-of",
                               "2026-11-27"] if args[0] in ("parse", "screen", "explain")
                              else [sys.executable, "-m", "screener.cli", *args],
                              stdout=write, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")
