"""Graded ranking on real resumes plus synthetic developers, screened together in one batch.

    python benchmarks/real_ranking_eval.py [--folder ../shared/real-resumes] [--top 10] [--json]

Grades (0-3 against pipelines/backend-developer.yaml, written by hand before screener ranked
the files):
  tests/data/real/grades_backend.yaml   real resumes; the files stay outside the repository
                                        (default folder ../shared/real-resumes)
  tests/data/ranking_real/grades.yaml   synthetic developer resumes (the real set holds almost
                                        no developers), every date on or before 2021-12

All files are screened in ONE call of `screener.api.screen`, as of 2021-12-31. A split's
figures are taken on the batch ranking restricted to that split's files (order kept):
  NDCG@10     graded gain 2^g - 1, ideal order of the split's own grades
  P@10        share of the top 10 with grade >= 2
  low@10      files of grade 0 or 1 (not a developer, or a junior / front-end one) in the top 10
Splits: dev and heldout as marked in the grade files (a third of the synthetic files are held
out), real and synthetic alone, and all.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL_GRADES = ROOT / "tests" / "data" / "real" / "grades_backend.yaml"
SYNTHETIC = ROOT / "tests" / "data" / "ranking_real"
DEFAULT_FOLDER = ROOT.parent / "shared" / "real-resumes"
POSTING = ROOT / "pipelines" / "backend-developer.yaml"
AS_OF = "2021-12-31"
RELEVANT = 2
K = 10


def dcg(grades: Sequence[int], k: int) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def ndcg(ranked: Sequence[int], k: int = K) -> float:
    ideal = dcg(sorted(ranked, reverse=True), k)
    return dcg(ranked, k) / ideal if ideal else 0.0


def figures(ranked: Sequence[int]) -> dict[str, float]:
    top = ranked[:K]
    return {
        "files": len(ranked),
        "relevant": sum(g >= RELEVANT for g in ranked),
        "ndcg@10": round(ndcg(ranked), 3),
        "p@10": round(sum(g >= RELEVANT for g in top) / K, 2),
        "low@10": sum(g <= 1 for g in top),
    }


def load_grades(folder: Path) -> dict[Path, dict]:
    """Path -> {grade, split, set} for every graded file, real and synthetic."""
    graded: dict[Path, dict] = {}
    for grades_file, base, kind in ((REAL_GRADES, folder, "real"),
                                    (SYNTHETIC / "grades.yaml", SYNTHETIC, "synthetic")):
        for name, row in yaml.safe_load(grades_file.read_text(encoding="utf-8")).items():
            graded[(base / name).resolve()] = {
                "name": name, "grade": int(row["grade"]), "split": row["split"], "set": kind,
            }
    return graded


def batch_order(paths: list[Path]) -> list:
    """Shortlist entries of one batch: ranked ones by rank, then the unranked ones."""
    from screener.api import screen

    shortlist = screen(paths, POSTING, as_of=AS_OF)
    ranked = sorted((e for e in shortlist.entries if e.rank is not None), key=lambda e: e.rank)
    return ranked + [e for e in shortlist.entries if e.rank is None]


def evaluate(folder: Path) -> tuple[dict[str, dict], list[tuple]]:
    graded = load_grades(folder)
    missing = [str(p) for p in graded if not p.exists()]
    if missing:
        raise SystemExit(f"{len(missing)} graded files are missing, e.g. {missing[0]}; "
                         f"pass --folder with the real-resumes folder")
    entries = batch_order(sorted(graded))
    rows = []
    for e in entries:
        info = graded[Path(e.assessment.file).resolve()]
        rows.append((e.rank, e.assessment.score, e.assessment.relevant_years, info))
    splits = {
        "dev": lambda i: i["split"] == "dev",
        "heldout": lambda i: i["split"] == "heldout",
        "real": lambda i: i["set"] == "real",
        "synthetic": lambda i: i["set"] == "synthetic",
        "all": lambda i: True,
    }
    result = {name: figures([r[3]["grade"] for r in rows if keep(r[3])])
              for name, keep in splits.items()}
    return result, rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER,
                        help="folder of the real resumes (default ../shared/real-resumes)")
    parser.add_argument("--top", type=int, default=K, help="how many of the ranking to print")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result, rows = evaluate(args.folder)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    print(f"one batch of {len(rows)} files, as of {AS_OF}")
    print(f"{'split':<11}{'files':>6}{'g>=2':>6}{'NDCG@10':>9}{'P@10':>6}{'g<=1 in top 10':>16}")
    for name, m in result.items():
        print(f"{name:<11}{m['files']:>6}{m['relevant']:>6}{m['ndcg@10']:>9.3f}"
              f"{m['p@10']:>6.2f}{m['low@10']:>16}")
    print(f"\ntop {args.top} (all):")
    for rank, score, years, info in rows[:args.top]:
        yrs = "-" if years is None else f"{years:.1f}"
        print(f"{rank!s:>4} {score:5.1f} g{info['grade']} {yrs:>5}y {info['set']:<9} "
              f"{info['split']:<7} {info['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
