"""The error catalogue: one code per reason a file gives no profile, each with a message that
says what to do. Programs (the cache, reports, tests) key on the codes; messages may change."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from screener.cli import cli
from screener.errors import MADE_BY_BATCH, ErrorCode, ExtractionError, Reason
from tests.conftest import AS_OF, EXAMPLES

SRC = Path(__file__).resolve().parent.parent / "src" / "screener"
# Words that tell a recruiter what to do next.
ACTIONS = ("ask ", "check ", "replace ", "raise --", "open it", "save ")
# A duplicate is screened once, under the file it repeats: there is nothing to fix.
NOTICES = {ErrorCode.E_DUPLICATE}


def _fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _filled(code: ErrorCode) -> str:
    return code.message(**{name: 12345 for name in _fields(code.template)})


def test_codes_are_unique_and_spelled_as_their_names():
    assert len(ErrorCode) == len(ErrorCode.__members__) == len({c.value for c in ErrorCode})
    for code in ErrorCode:
        assert code.value == code.name and re.fullmatch(r"E_[A-Z]+(_[A-Z]+)*", code.value)
        assert str(code) == f"{code}" == code.value  # as written into documents and reports
        assert json.dumps(code) == f'"{code.value}"'


def test_every_code_has_its_own_one_line_message():
    messages = [_filled(code) for code in ErrorCode]
    assert len(set(messages)) == len(messages)  # two codes worded alike would be one reason
    for code, message in zip(ErrorCode, messages):
        assert message and "\n" not in message and message == message.strip(), code


@pytest.mark.parametrize("code", sorted(set(ErrorCode) - NOTICES), ids=str)
def test_every_message_ends_with_what_to_do(code):
    message = _filled(code)
    last = re.split(r": |; ", message)[-1]  # the clause after the last separator
    assert any(word in last for word in ACTIONS), message


def test_fields_are_filled_in_and_formatted():
    assert ErrorCode.E_TIMEOUT.message(seconds=60.0).startswith("took longer than 60 s to read")
    assert ErrorCode.E_TOO_MANY_PAGES.message(pages=2000, limit=50).startswith(
        "2,000 pages is not a resume (limit 50)")
    with pytest.raises(KeyError):
        ErrorCode.E_IMAGE.message()  # a field left out is a bug, not a "{kind}" shown


def test_the_rows_never_cached_are_a_set_of_codes():
    assert MADE_BY_BATCH < set(ErrorCode)
    assert all(isinstance(code, ErrorCode) for code in MADE_BY_BATCH)
    # what depends on this run: its deadline, memory cap, limits, a crash, the file system
    for code in ("E_TIMEOUT", "E_CRASH", "E_MEMORY", "E_READER_MEMORY", "E_NESTED",
                 "E_UNEXPECTED", "E_TOO_LARGE", "E_PERMISSION", "E_DISAPPEARED", "E_OS_ERROR"):
        assert code in MADE_BY_BATCH, code  # a Document's error_code is a plain str
    # what the bytes are: the same file always gives it
    for code in ("E_PDF_ENCRYPTED", "E_PDF_DAMAGED", "E_SCANNED_NO_TEXT", "E_EMPTY_FILE",
                 "E_LEGACY_DOC", "E_ZIP_BOMB", "E_TOO_MANY_PAGES", "E_DUPLICATE"):
        assert code not in MADE_BY_BATCH, code
    assert "" not in MADE_BY_BATCH


def test_a_reader_raises_a_code_and_the_message_follows():
    err = ExtractionError(ErrorCode.E_IMAGE, kind="PNG")
    assert err.code is ErrorCode.E_IMAGE and isinstance(err, ValueError)
    assert str(err) == "image file (PNG), not a document: needs OCR, or ask the candidate for a PDF"
    plain = ExtractionError("job-ad.pdf: no text found")
    assert plain.code is None and str(plain) == "job-ad.pdf: no text found"
    assert ErrorCode.E_RTF.reason() == Reason(ErrorCode.E_RTF, ErrorCode.E_RTF.message())


def test_every_code_is_given_somewhere_and_every_code_given_exists():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")
                        if p.name != "errors.py")
    used = set(re.findall(r"ErrorCode\.(E_[A-Z_]+)", sources))
    assert used == set(ErrorCode.__members__)


def test_parse_json_gives_the_code_beside_the_message():
    files = [str(EXAMPLES / name)
             for name in ("broken-download.pdf", "scanned-no-text.pdf", "riley-chen.txt")]
    result = CliRunner().invoke(cli, ["parse", *files, "--json", "--as-of", AS_OF],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["status"], o["error_code"]) for o in objects] == [
        ("error", "E_PDF_DAMAGED"), ("empty", "E_SCANNED_NO_TEXT"), ("ok", None)]
    assert objects[0]["error"] == ErrorCode.E_PDF_DAMAGED.message()
