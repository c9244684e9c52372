"""Adversarial resumes against genuine back-end developers, screened in one batch.

    python benchmarks/adversarial_eval.py [--json]

The set is tests/data/adversarial/ (one line per file in its README.md): g*-files are genuine
back-end developers, a*-files are built to game the back-end posting
(pipelines/backend-developer.yaml). All are screened in ONE call of `screener.api.screen`, as
of 2021-12-31. For each fake this prints its rank and score, whether it ranks below every
genuine developer (the issue's target), and which genuine developers it beats (ranks above).
A fake that is not ranked (an error or empty file) counts as below.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "tests" / "data" / "adversarial"
POSTING = ROOT / "pipelines" / "backend-developer.yaml"
AS_OF = "2021-12-31"
RESUMES = (".txt", ".pdf", ".docx")


def pool_files() -> list[Path]:
    return sorted(p for p in POOL.iterdir() if p.suffix in RESUMES and p.name[0] in "ag")


def outcomes() -> list[dict]:
    """A row per file: rank (None if unranked), score, and the genuine developers it beats."""
    from screener.api import screen

    shortlist = screen(pool_files(), POSTING, as_of=AS_OF)
    rows = [{"file": Path(e.assessment.file).name, "rank": e.rank,
             "score": round(e.assessment.score, 1),
             "relevant_years": e.assessment.relevant_years}
            for e in shortlist.entries]
    genuine = [r for r in rows if r["file"].startswith("g")]
    for row in rows:
        row["genuine"] = row["file"].startswith("g")
        row["beats"] = [] if row["genuine"] or row["rank"] is None else [
            g["file"] for g in genuine if g["rank"] is None or row["rank"] < g["rank"]]
        row["below_all_genuine"] = not row["genuine"] and not row["beats"]
    return sorted(rows, key=lambda r: (r["genuine"] is False, r["file"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = outcomes()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'file':<30}{'rank':>5}{'score':>7}{'rel.yrs':>8}  outcome")
    for r in rows:
        yrs = "-" if r["relevant_years"] is None else f"{r['relevant_years']:.1f}"
        if r["genuine"]:
            outcome = "genuine developer"
        elif r["below_all_genuine"]:
            outcome = "pass: below every genuine developer"
        else:
            outcome = "FAIL: beats " + ", ".join(f.split("_")[0] for f in r["beats"])
        print(f"{r['file']:<30}{r['rank']!s:>5}{r['score']:>7.1f}{yrs:>8}  {outcome}")
    fakes = [r for r in rows if not r["genuine"]]
    passed = sum(r["below_all_genuine"] for r in fakes)
    print(f"\n{passed} of {len(fakes)} adversarial resumes rank below every genuine developer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
