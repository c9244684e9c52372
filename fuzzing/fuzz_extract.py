"""Fuzz target for screener.extract: any bytes in, a Document with a valid status out.

    pip install atheris
    mkdir -p /tmp/corpus && cp tests/fixtures/files/* /tmp/corpus/
    python fuzzing/fuzz_extract.py -max_total_time=60 -rss_limit_mb=3000 /tmp/corpus

(libFuzzer writes new inputs into the first corpus folder: give it a copy, not the fixtures.)

Run under atheris (libFuzzer), it mutates the seed files into new inputs and reports any that
make `extract` raise, or return a Document that breaks its contract. Without atheris it runs
each file named on the command line once (a smoke test). `tests/test_fuzz_extract.py` runs a
bounded hypothesis version of the same property in the test suite.

The property itself lives in screener_testkit.fuzz_extract (installed with
`pip install -e ".[test]"`), shared with the test. Screener is imported only once atheris
instruments imports, so that its coverage guides the fuzzer.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        import atheris
    except ImportError:
        from screener.extract import EXTRACTORS
        from screener_testkit.fuzz_extract import check

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
    from screener_testkit.fuzz_extract import TestOneInput

    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
