"""The property fuzzing/fuzz_extract.py (atheris) and tests/test_fuzz_extract.py (hypothesis)
check: any bytes in, a Document with a valid status out.

The extractor is picked from the input's length, so the seed files stay valid inputs as they
are and one corpus explores all three PDF paths.
"""

from __future__ import annotations

from screener.extract import EXTRACTORS

STATUSES = ("ok", "empty", "error")


def check(data: bytes, extractor: str) -> None:
    """The property: never raises; a known status; an error has a one-line reason; ok has text."""
    from screener.extract import extract

    doc = extract("fuzz", data, extractor=extractor, max_pages=10, max_chars=50_000)
    assert doc.status in STATUSES, doc.status
    if doc.status == "ok":
        assert doc.text.strip() and len(doc.text) <= 50_000
    else:
        assert doc.error and "\n" not in doc.error, doc.error
    assert doc.sha256 and all(isinstance(w, str) for w in doc.warnings)


def TestOneInput(data: bytes) -> None:
    check(data, EXTRACTORS[len(data) % len(EXTRACTORS)])
