"""Write a synthetic corpus of resume PDFs for the throughput benchmark.

    python benchmarks/make_corpus.py [FOLDER] [--count 500] [--seed 1]

Every PDF is invented (names, employers, example.com addresses) and made by reportlab with a
fixed seed, so the same command writes the same bytes: layouts vary (one or two columns, row or
column text order, word-by-word positioning), fonts, sizes and 1-3 pages. The writer is
tests/fixtures/make_fixtures.py:varied_pdf, the one the extraction tests use.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "benchmarks" / "corpus"


_CORE = {"DejaVuSans": "Helvetica", "LiberationSans": "Helvetica", "LiberationSerif": "Times-Roman"}


def _fall_back_to_core_fonts(module) -> None:
    """Machines without the DejaVu/Liberation TrueType fonts get PDF core fonts instead (so the
    corpus bytes depend on which fonts are installed; the layouts do not)."""
    register = module.register_font

    def register_or_core(name: str) -> str:
        try:
            return register(name)
        except FileNotFoundError:
            return _CORE.get(name, "Helvetica")

    module.register_font = register_or_core


def make_corpus(folder: Path = DEFAULT, count: int = 500, seed: int = 1) -> list[Path]:
    """Write `count` PDFs into `folder` (skipping ones already there); return their paths."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures import make_fixtures

    _fall_back_to_core_fonts(make_fixtures)

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"resume-{i:05d}.pdf"
        if not path.exists():
            path.write_bytes(make_fixtures.varied_pdf(seed * 1_000_003 + i))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = make_corpus(args.folder, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} PDFs, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
