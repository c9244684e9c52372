"""Fuzz target for screener.extract: any bytes in, a Document with a valid status out.

    pip install atheris
    mkdir -p /tmp/corpus && cp tests/fixtures/files/* /tmp/corpus/
    python fuzzing/fuzz_extract.py -max_total_time=60 -rss_limit_mb=3000 /tmp/corpus

(libFuzzer writes new inputs into the first corpus folder: give it a copy, not the fixtures.)

Run under atheris (libFuzzer), it mutates the seed files into new inputs and reports any that
make `extract` raise, or return a Document that breaks its contract. Without atheris it runs
each file named on the command line once (a smoke test). `tests/test_fuzz_extract.py` runs a
bounded hypothesis version of the same property in the test suite.

The extractor is picked from the input's length, so the seed files stay valid inputs as they
are and one corpus explores all three PDF paths.
"""

from __future__ import annotations

import sys

EXTRACTORS = ("auto", "fast", "pdfminer")
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


def main() -> None:
    try:
        import atheris
    except ImportError:
        for path in sys.argv[1:]:
            with open(path, "rb") as fp:
                data = fp.read()
            for extractor in EXTRACTORS:
                check(data, extractor)
        print(f"atheris is not installed: checked {len(sys.argv) - 1} files once", file=sys.stderr)
        return
    with atheris.instrument_imports():
        import screener.extract
        import screener.extract.docx
        import screener.extract.pdf
        import screener.extract.plain  # noqa: F401
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
