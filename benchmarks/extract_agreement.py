"""Speed and word-level agreement of screener's PDF extractors with pdfminer.six.

    python benchmarks/extract_agreement.py              # ~60 generated resumes in a temp dir
    python benchmarks/extract_agreement.py FOLDER       # every *.pdf under FOLDER
    python benchmarks/extract_agreement.py --count 20 --runs 1

For each extractor: files per second (median of --runs timed passes over all files, text
normalisation included), and agreement with the reference, pdfminer.six `extract_text` with
default settings, normalised the same way:
  words found   share of the reference's word multiset found in the extractor's words
  words extra   share of the extractor's words that the reference has (precision)
  order         share of the reference's word bigrams found, in the same order (reading order)
  worst file    the lowest per-file "words found"
  glued         words of ours equal to two adjacent reference words run together
                ("ofapplication" where the reference reads "of application"), per 2,000
  skills        share of files whose explicit skill ids equal those found in the reference
and, for auto, how many files fell back from the fast path to pdfminer. "pdfium raw" is
pypdfium2's own `get_text_range()` for comparison (no gap check, no column handling).

Generated files (screener_testkit.make_fixtures.varied_pdf) vary the font (Helvetica, Times,
Courier, DejaVu Sans, Liberation Serif/Sans), size, one or two columns, 1-3 pages, whole lines
or words positioned without space glyphs, and row-by-row or column-by-column drawing order.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from screener.extract import extract
from screener.extract.text import normalise
from screener_testkit.make_fixtures import varied_pdf


def generate(folder: Path, count: int) -> list[Path]:
    paths = []
    for seed in range(count):
        path = folder / f"resume_{seed:03d}.pdf"
        path.write_bytes(varied_pdf(seed))
        paths.append(path)
    return paths


def reference_text(data: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text

    return normalise(extract_text(io.BytesIO(data)))


def pdfium_raw(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return normalise("\n".join(page.get_textpage().get_text_range() for page in pdf))
    finally:
        pdf.close()


def readers():
    def ours(name: str):
        def read(data: bytes) -> tuple[str, str]:
            doc = extract("bench.pdf", data, extractor=name)
            return doc.text, doc.extractor

        return read

    return {
        "fast": ours("fast"),
        "auto": ours("auto"),
        "pdfminer (screener)": ours("pdfminer"),
        "pdfium raw": lambda data: (pdfium_raw(data), "pdfium"),
        "pdfminer extract_text": lambda data: (reference_text(data), "pdfminer"),
    }


def overlap(reference: Counter, other: Counter) -> float:
    total = sum(reference.values())
    return sum((reference & other).values()) / total if total else 1.0


def bigrams(words: list[str]) -> Counter:
    return Counter(pairwise(words))


def glued(ref_words: list[str], out_words: list[str]) -> Counter:
    """Our words that are two adjacent reference words run together, beyond the number of times
    the reference itself has that word."""
    ref_counts, out_counts = Counter(ref_words), Counter(out_words)
    joined = {a + b for a, b in pairwise(ref_words)}
    return Counter(
        {w: n - ref_counts[w] for w, n in out_counts.items() if w in joined and n > ref_counts[w]}
    )


def skill_ids(text: str) -> frozenset[str]:
    from screener.parse.sections import find_sections
    from screener.parse.skills import matcher_for

    lines = text.split("\n")
    hits = matcher_for().find(lines, find_sections(lines))
    return frozenset(h.id for h in hits if h.source != "implied")


def measure(name, read, files: list[bytes], references: list[str], runs: int,
            ref_skills: list[frozenset[str]] | None = None, examples: int = 0) -> dict:
    timings = []
    outputs: list[tuple[str, str]] = []
    for _ in range(runs):
        start = time.perf_counter()
        outputs = [read(data) for data in files]
        timings.append(time.perf_counter() - start)
    per_file = []
    ref_all, out_all, ref_bi, out_bi = Counter(), Counter(), Counter(), Counter()
    glue: Counter = Counter()
    same_skills = 0
    for index, ((text, _), ref) in enumerate(zip(outputs, references)):
        ref_words, out_words = ref.split(), text.split()
        per_file.append(overlap(Counter(ref_words), Counter(out_words)))
        glue.update(glued(ref_words, out_words))
        if ref_skills is not None:
            same_skills += skill_ids(text) == ref_skills[index]
        ref_all.update(ref_words)
        out_all.update(out_words)
        ref_bi.update(bigrams(ref_words))
        out_bi.update(bigrams(out_words))
    return {
        "name": name,
        "files_per_s": len(files) / statistics.median(timings),
        "found": overlap(ref_all, out_all),
        "extra": overlap(out_all, ref_all),
        "order": overlap(ref_bi, out_bi),
        "worst": min(per_file),
        "fallbacks": sum(1 for _, used in outputs if used == "pdfminer"),
        "glued": 2000 * sum(glue.values()) / max(sum(out_all.values()), 1),
        "glued_examples": [w for w, _ in glue.most_common(examples)],
        "skills": same_skills / len(files) if ref_skills is not None else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", help="folder of PDFs (default: generate them)")
    parser.add_argument("--count", type=int, default=60, help="PDFs to generate (default 60)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes (median; default 3)")
    parser.add_argument("--skills", action="store_true", help="compare skill ids per file too")
    parser.add_argument("--only", help="comma-separated extractors to run (default: all)")
    parser.add_argument("--glued", type=int, default=0, help="print the N commonest glued words")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.folder:
            paths = sorted(Path(args.folder).rglob("*.pdf"))
        else:
            paths = generate(Path(tmp), args.count)
        files = [p.read_bytes() for p in paths]
    pages = sum(extract("x.pdf", data, extractor="fast").pages for data in files)
    references = [reference_text(data) for data in files]
    ref_skills = [skill_ids(ref) for ref in references] if args.skills else None
    print(
        f"{len(files)} PDFs, {pages} pages; reference: pdfminer.six extract_text "
        f"(default LAParams); {args.runs} timed runs, median"
    )
    print(
        f"{'extractor':<24}{'files/s':>9}{'words found':>13}{'words extra':>13}"
        f"{'order':>8}{'worst file':>12}{'fallbacks':>11}{'glued/2000':>12}{'skills':>8}"
    )
    only = set(args.only.split(",")) if args.only else None
    for name, read in readers().items():
        if only and name not in only:
            continue
        row = measure(name, read, files, references, args.runs, ref_skills, args.glued)
        fallbacks = f"{row['fallbacks']}/{len(files)}" if name == "auto" else "-"
        skills = f"{row['skills']:.2%}" if row["skills"] is not None else "-"
        print(
            f"{name:<24}{row['files_per_s']:>9.1f}{row['found']:>13.2%}{row['extra']:>13.2%}"
            f"{row['order']:>8.2%}{row['worst']:>12.2%}{fallbacks:>11}{row['glued']:>12.2f}"
            f"{skills:>8}"
        )
        if row["glued_examples"]:
            print("    glued:", " ".join(row["glued_examples"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
