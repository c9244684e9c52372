"""How fast screener reads resumes, against plain pdfminer.six as the baseline.

    python benchmarks/throughput.py [--count 500] [--repeat 3] [--jobs N] [--corpus FOLDER]

One run reports, as medians of `--repeat` runs, in files per second and as a ratio to the
baseline: pdfminer.six `extract_text` in one process; screener.extract with each extractor
(pdfminer, fast, auto); the full parse stage cold (empty cache) with 1 and N jobs; the same
warm (every file cached); and the peak resident memory of this process and its workers.
The corpus comes from benchmarks/make_corpus.py (written on first use).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
AS_OF = "2026-11-27"


def _timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Median seconds of `repeat` runs, and how many files the last run read."""
    times = []
    count = 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), count


def baseline(paths: list[Path]) -> int:
    from pdfminer.high_level import extract_text

    for path in paths:
        extract_text(io.BytesIO(path.read_bytes()))
    return len(paths)


def extractor(name: str, paths: list[Path]) -> Callable[[], int]:
    def run() -> int:
        from screener.extract import extract

        for path in paths:
            extract(str(path), path.read_bytes(), extractor=name)
        return len(paths)

    return run


def screen(paths: list[Path], jobs: int, cache_dir: str | None) -> Callable[[], int]:
    """The parse stage over the corpus (extract, sections, skills, experience, contact)."""

    def run() -> int:
        from screener.batch import parse_all
        from screener.cache import Cache
        from screener.parse import ParseSettings

        settings = ParseSettings(as_of=AS_OF)
        cache = Cache(cache_dir) if cache_dir else None
        statuses: dict[str, int] = {}
        for profile in parse_all([str(p) for p in paths], settings, jobs=jobs, cache=cache):
            statuses[profile.status] = statuses.get(profile.status, 0) + 1
        if cache is not None:
            cache.close()
        STATUSES.update(statuses)
        return len(paths)

    return run


STATUSES: dict[str, int] = {}


def _peak_mb() -> tuple[float, float]:
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss: KiB on Linux
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / scale / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / scale / 1024
    return me, kids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    from make_corpus import make_corpus

    paths = make_corpus(args.corpus, args.count)
    pages = _pages(paths)
    print(f"corpus: {len(paths)} PDFs ({pages} pages) in {args.corpus}; "
          f"median of {args.repeat}; {os.cpu_count()} cores, jobs={args.jobs}")
    rows: list[tuple[str, float]] = []
    base_s, _ = _timed(lambda: baseline(paths), args.repeat)
    rows.append(("pdfminer.six extract_text, 1 process (baseline)", base_s))
    for name in ("pdfminer", "fast", "auto"):
        rows.append((f"screener.extract extractor={name}", _timed(extractor(name, paths),
                                                                  args.repeat)[0]))
    rows.append(("parse stage, no cache, jobs=1", _timed(screen(paths, 1, None), args.repeat)[0]))
    rows.append((f"parse stage, no cache, jobs={args.jobs}",
                 _timed(screen(paths, args.jobs, None), args.repeat)[0]))
    with tempfile.TemporaryDirectory() as cache_dir:
        cold, _ = _timed(screen(paths, args.jobs, cache_dir), 1)  # fills the cache
        rows.append((f"parse stage, cold cache, jobs={args.jobs}", cold))
        rows.append((f"parse stage, warm cache, jobs={args.jobs}",
                     _timed(screen(paths, args.jobs, cache_dir), args.repeat)[0]))
    print(f"{'':52} {'files/s':>9} {'x baseline':>10}")
    for label, seconds in rows:
        rate = len(paths) / seconds
        print(f"{label:52} {rate:9.1f} {base_s / seconds:10.2f}")
    me, kids = _peak_mb()
    print(f"peak RSS: this process {me:.0f} MB, largest worker {kids:.0f} MB")
    print(f"statuses in the last parse run: {dict(sorted(STATUSES.items()))}")


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


if __name__ == "__main__":
    main()
