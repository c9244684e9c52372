"""Mutation fuzzing of the committed fixture files through `extract`, with every extractor.

Hypothesis flips, inserts, deletes and truncates bytes of tests/fixtures/files/* and checks the
property of screener_testkit.fuzz_extract (fuzzing/fuzz_extract.py's): extract never raises, the status is ok / empty / error,
an error carries a one-line reason. Bounded (about 150 examples, no deadline) so CI runs it in
seconds; `python fuzzing/fuzz_extract.py` runs the same property under atheris for longer.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.extract import EXTRACTORS
from screener_testkit.fuzz_extract import TestOneInput, check

ROOT = Path(__file__).resolve().parent.parent

FILES = sorted(p for p in (ROOT / "tests" / "fixtures" / "files").iterdir() if p.is_file())
SEEDS = {p.name: p.read_bytes() for p in FILES}


@st.composite
def mutated(draw) -> bytes:
    """A fixture file with a few random edits: flip, insert, delete, or truncate."""
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if edit == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif edit == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif edit == "truncate":
            del data[at:]
        elif edit == "splice":  # bytes that readers branch on, dropped where they do not belong
            data[at:at] = draw(st.sampled_from([b"endobj", b"<<", b"[", b"PK\x03\x04", b"%%EOF",
                                                b"\x00\x00", b"stream\n", b"/Length 99999"]))
    return bytes(data)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated(), extractor=st.sampled_from(EXTRACTORS))
def test_mutated_fixtures_never_break_extract(data, extractor):
    check(data, extractor)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_file_meets_the_property(name):
    for extractor in EXTRACTORS:
        check(SEEDS[name], extractor)


def test_a_zip_whose_version_zipfile_refuses_is_an_error_row_not_an_exception():
    # Found by atheris: a .docx mutated so zipfile raised NotImplementedError while sniffing.
    data = base64.b64decode(
        "UEsDBBQAAAH7/wAAIVjqpRaoaQAAAGkAAAATAAAAW0NvbnRlbl9zdD48dzpi9m9keT48dzpwPlJpbGV5IGhhclBL"
        "AQLv/Ov/AAgAAAAAIVjqpRaoaQAAAJf///YTAAAAAAAAAAAAAACAAQAAAABbQ29udGVudF9UeXBlc10ueG1sUEsB"
        "AhQDFAAAAAAAAAAhWE/4yzciAAAAIgAAABEAAAAAAAAAAAAAAIABmgAAAHdvcmQvZG9jdW1lbnQueG1sUEsFBgAA"
        "AAACAAIAgAAAAOsAAAAAAA==")
    TestOneInput(data)
    from screener.extract import extract

    assert extract("odd.docx", data).status == "error"
