"""Generators and helpers shared by the tests, the benchmarks and the fuzzer; not part of
screener (not in its wheel). `pip install -e ".[test]"` puts it on the path beside screener.

    make_fixtures    the small PDF and DOCX files under tests/fixtures/files/ (and varied PDFs)
    make_corpus      synthetic resume corpora for the throughput benchmark
    make_lc_resumes  resume-builder exports with hand-written gold years (tests/data/experience)
    make_kg_resumes  form-pasted resumes with hand-written gold years (tests/data/experience)
    gold_years       the month arithmetic both gold sets are written with
    hostile          files built to break readers (bombs, traps, odd names), written at test time
    fuzz_extract     the property the fuzzer and its hypothesis test check on `extract`
    shortlist_factory  hand-built Shortlist records (and hostile names) for the report tests

Each `make_*` module also runs as a script (`python -m screener_testkit.make_fixtures`) and
rewrites its files in the repository.
"""

from pathlib import Path

# The repository this package is imported from (an editable install of a clone).
ROOT = Path(__file__).resolve().parent.parent.parent
