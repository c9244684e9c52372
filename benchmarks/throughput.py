"""How fast screener reads resumes, against plain pdfminer.six as the baseline.

    python benchmarks/throughput.py [--count 500] [--repeat 3] [--jobs 2] [--corpus FOLDER]
    python benchmarks/throughput.py --style word      # the word-processor corpus (real-resume load)
    python benchmarks/throughput.py --memory-files 10000     # adds the large-batch memory run

One run reports, as medians of `--repeat` runs, in files per second and as a ratio to the
baseline:
  * pdfminer.six `extract_text`, one process (the baseline);
  * `screener.extract` with each extractor (pdfminer, fast, auto), normalisation included;
  * the real command, `screener screen FOLDER --posting ... --jobs N`, in a subprocess, cold
    (a fresh, empty cache directory each run) with --jobs 1 and --jobs N, then warm (the same
    cache directory, every file cached). Wall time of the whole command: start-up, imports,
    workers, scoring, ranking and the terminal report included;
  * peak memory of each command, from one more run of it (sampling slows a run: timed runs
    are not sampled): the largest sum of resident set sizes over the process and its
    worker processes (sampled every 20 ms from /proc; Linux only), and the same as PSS, which
    counts pages the forked workers share with the parent once;
  * skill agreement: per file, whether the skills found (explicit, fuzzy and implied ids) from
    the fast and auto extractors' text equal those from the pdfminer extractor's.
With --memory-files N it also screens N distinct files (the corpus copied with a PDF comment
appended after %%EOF, so every copy has its own hash and cache entry), cold, and reports time
and peak memory. The corpus comes from screener_testkit.make_corpus (written on first use), in
the style's folder unless --corpus names one: `varied` (default, benchmarks/corpus) or `word`
(benchmarks/corpus-word: resumes written as word processors write them, ~6,400 characters and
2.3 pages a file, as heavy for both readers as real two-page resumes).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2026-11-27"
POSTING = ROOT / "pipelines" / "backend-developer.yaml"


def _timed(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median seconds of `repeat` runs, and the last run's result."""
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def baseline(paths: list[Path]) -> None:
    from pdfminer.high_level import extract_text

    for path in paths:
        extract_text(io.BytesIO(path.read_bytes()))


def extractor(name: str, paths: list[Path]) -> Callable[[], list]:
    def run() -> list:
        from screener.extract import extract

        return [extract(str(path), path.read_bytes(), extractor=name) for path in paths]

    return run


# --------------------------------------------------------------------------- memory


class TreeMemory:
    """Peak RSS and PSS summed over a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.peak_rss / 2**20, self.peak_pss / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for pid in _tree(self.pid):
                rss += _field(f"/proc/{pid}/status", "VmRSS:")
                pss += _field(f"/proc/{pid}/smaps_rollup", "Pss:")
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self._stop.wait(self.every)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fp:
                    todo.extend(int(child) for child in fp.read().split())
        except OSError:
            continue
    return out


def _field(path: str, name: str) -> int:
    """A 'Name:   123 kB' field of a /proc file, in bytes (0 when the process is gone)."""
    try:
        with open(path) as fp:
            for line in fp:
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


# --------------------------------------------------------------------------- the command


def screen_command(folder: Path, jobs: int, cache_dir: str) -> list[str]:
    exe = Path(sys.executable).with_name("screener")
    head = [str(exe)] if exe.exists() else [sys.executable, "-m", "screener.cli"]
    return head + [
        "screen", str(folder), "--posting", str(POSTING), "--as-of", AS_OF,
        "--jobs", str(jobs), "--cache-dir", cache_dir, "-q",
    ]  # fmt: skip


def run_screen(folder: Path, jobs: int, cache_dir: str,
               memory: bool = True) -> tuple[float, float, float]:
    """(seconds, peak RSS MB, peak PSS MB) of one `screener screen` run. Sampling memory costs
    CPU (reading smaps_rollup walks page tables): time runs with `memory=False`."""
    started = time.perf_counter()
    with subprocess.Popen(
        screen_command(folder, jobs, cache_dir), stdout=subprocess.DEVNULL
    ) as process:
        sampler = TreeMemory(process.pid) if memory else None
        code = process.wait()
    seconds = time.perf_counter() - started
    rss, pss = sampler.stop() if sampler else (0.0, 0.0)
    if code != 0:
        raise SystemExit(f"screener screen exited with {code}")
    return seconds, rss, pss


def screen_runs(folder: Path, jobs: int, repeat: int, warm_dir: str | None = None):
    """Median seconds of `repeat` unsampled runs, and the peaks of one more, sampled run
    (cold: a fresh cache each run)."""
    def one(memory: bool) -> tuple[float, float, float]:
        if warm_dir:
            return run_screen(folder, jobs, warm_dir, memory)
        with tempfile.TemporaryDirectory() as cache_dir:
            return run_screen(folder, jobs, cache_dir, memory)

    seconds = statistics.median(one(False)[0] for _ in range(repeat))
    _, rss, pss = one(True)
    return seconds, rss, pss


# --------------------------------------------------------------------------- skills


def skill_sets(docs: list) -> list[frozenset[str]]:
    from screener.parse.profile import ParseSettings, parse_document

    settings = ParseSettings(as_of=AS_OF)
    return [frozenset(h.id for h in parse_document(doc, settings).skills) for doc in docs]


def agreement(ours: list[frozenset[str]], reference: list[frozenset[str]]) -> tuple[float, float]:
    """(share of files with the same skill set, skills in common / skills in either)."""
    same = sum(1 for a, b in zip(ours, reference) if a == b) / len(reference)
    common = sum(len(a & b) for a, b in zip(ours, reference))
    either = sum(len(a | b) for a, b in zip(ours, reference))
    return same, common / either if either else 1.0


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--style", choices=("varied", "word"), default="varied",
                        help="which synthetic corpus (see make_corpus.py)")
    parser.add_argument("--corpus", type=Path, default=None, help="default: the style's folder")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--memory-files", type=int, default=0, help="large-batch memory run")
    parser.add_argument("--vocabulary-files", type=int, default=0,
                        help="large-batch memory run of text resumes with words of their own")
    args = parser.parse_args()

    from screener_testkit.make_corpus import make_corpus

    paths = make_corpus(args.corpus, args.count, style=args.style)
    args.corpus = paths[0].parent
    folder = Path(tempfile.mkdtemp(prefix="screener-throughput-"))
    try:
        for path in paths:  # exactly these files, even if the corpus folder holds more
            _link(path.resolve(), folder / path.name)
        report(paths, folder, args)
        if args.memory_files:
            memory_run(paths, args.memory_files, args.jobs)
        if args.vocabulary_files:
            vocabulary_run(paths, args.vocabulary_files, args.jobs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    """A hard link (a copy across file systems): screener follows no symbolic link out of the
    paths it is given, so a folder of symlinks to the corpus would be a folder of error rows."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def report(paths: list[Path], folder: Path, args: argparse.Namespace) -> None:
    print(f"corpus: {len(paths)} PDFs ({_pages(paths)} pages) from {args.corpus}; "
          f"median of {args.repeat}; {os.cpu_count()} cores; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    rows: list[tuple[str, float, str]] = []
    base_s, _ = _timed(lambda: baseline(paths), args.repeat)
    rows.append(("pdfminer.six extract_text, 1 process (baseline)", base_s, ""))
    docs = {}
    for name in ("pdfminer", "fast", "auto"):
        seconds, docs[name] = _timed(extractor(name, paths), args.repeat)
        rows.append((f"screener.extract extractor={name}", seconds, ""))
    for jobs in sorted({1, args.jobs}):
        seconds, rss, pss = screen_runs(folder, jobs, args.repeat)
        rows.append((f"screener screen, cold, --jobs {jobs}", seconds,
                     f"{rss:.0f} MB RSS / {pss:.0f} MB PSS"))
    with tempfile.TemporaryDirectory() as cache_dir:
        run_screen(folder, args.jobs, cache_dir)  # fills the cache
        seconds, rss, pss = screen_runs(folder, args.jobs, args.repeat, warm_dir=cache_dir)
        rows.append((f"screener screen, warm, --jobs {args.jobs}", seconds,
                     f"{rss:.0f} MB RSS / {pss:.0f} MB PSS"))
    print(f"{'':48} {'files/s':>9} {'x baseline':>10}  peak memory (process + workers)")
    for label, seconds, memory in rows:
        print(f"{label:48} {len(paths) / seconds:9.1f} {base_s / seconds:10.2f}  {memory}")
    reference = skill_sets(docs["pdfminer"])
    for name in ("fast", "auto"):
        same, jaccard = agreement(skill_sets(docs[name]), reference)
        fallbacks = sum(1 for d in docs[name] if d.extractor == "pdfminer")
        print(f"skills vs extractor=pdfminer, {name}: same skill set in {same:.1%} of files; "
              f"skills in common {jaccard:.2%}; pdfminer fallbacks {fallbacks}")
    statuses: dict[str, int] = {}
    for doc in docs["auto"]:
        statuses[doc.status] = statuses.get(doc.status, 0) + 1
    print(f"document statuses (auto): {dict(sorted(statuses.items()))}")


def memory_run(paths: list[Path], count: int, jobs: int) -> None:
    """Screen `count` distinct files cold; report time and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "resumes"
        folder.mkdir()
        sources = [p.read_bytes() for p in paths]
        for i in range(count):
            # A comment after %%EOF: the same text, different bytes, so a distinct cache entry.
            data = sources[i % len(sources)] + f"\n% copy {i}\n".encode()
            (folder / f"resume-{i:06d}.pdf").write_bytes(data)
        seconds, rss, pss = run_screen(folder, jobs, str(Path(tmp) / "cache"))
        print(f"memory run: {count} files, screener screen --jobs {jobs}, cold: "
              f"{seconds:.0f} s ({count / seconds:.1f} files/s); "
              f"peak {rss:.0f} MB RSS / {pss:.0f} MB PSS (process + workers)")
        seconds, rss, pss = run_screen(folder, jobs, str(Path(tmp) / "cache"))
        print(f"memory run: {count} files, warm: {seconds:.1f} s ({count / seconds:.0f} files/s); "
              f"peak {rss:.0f} MB RSS / {pss:.0f} MB PSS")


def vocabulary_run(paths: list[Path], count: int, jobs: int) -> None:
    """Screen `count` text resumes, each with words of its own, cold; report peak memory.

    The PDF copies of `memory_run` repeat the corpus's words; real resumes each bring words no
    other has (names, employers, places, addresses, numbers), and spaCy keeps every word it
    has seen in its vocabulary: what a long batch does to a worker's memory shows only here.
    """
    import random

    from screener.extract import extract

    texts = [extract(str(p), p.read_bytes()).text for p in paths[:50]]
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 10))).capitalize()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "resumes"
        folder.mkdir()
        for i in range(count):
            own = [word() for _ in range(UNIQUE_WORDS)]
            head = (f"{own[0]} {own[1]}\n{own[0].lower()}.{own[1].lower()}@example.com | "
                    f"+1 555 {i:07d}\n{' '.join(own[2:])}\n")
            (folder / f"resume-{i:06d}.txt").write_text(head + texts[i % len(texts)])
        seconds, rss, pss = run_screen(folder, jobs, str(Path(tmp) / "cache"))
        print(f"vocabulary run: {count} text files with {UNIQUE_WORDS} words of their own each, "
              f"--jobs {jobs}, cold: {seconds:.0f} s ({count / seconds:.1f} files/s); "
              f"peak {rss:.0f} MB RSS / {pss:.0f} MB PSS (process + workers)")


UNIQUE_WORDS = 30


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
