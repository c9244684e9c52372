"""Ranking quality on the graded pool: screener's shortlist vs. plain TF-IDF similarity to the ad.

The pool is tests/data/ranking/: synthetic resumes with relevance grades 0-3 against the seed
posting, written by hand in grades.yaml before any scoring was run. For both rankings this
prints NDCG@10, NDCG@20 and precision@10 (a resume is relevant when its grade is 2 or more).

    python benchmarks/ranking_eval.py [--posting pipelines/backend-developer.yaml] [--json]

The baseline ranks by TF-IDF cosine between each resume and the seed ad's full text: what a
keyword search over the ad would give. screener ranks by its score (requirements, years and a
small similarity part), knock-outs last.
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
POOL = ROOT / "tests" / "data" / "ranking"
SEED_AD = ROOT / "examples" / "job_ads" / "backend_seed.txt"
RELEVANT = 2


def dcg(grades: Sequence[int], k: int) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))


def ndcg(ranked: Sequence[int], k: int) -> float:
    ideal = dcg(sorted(ranked, reverse=True), k)
    return dcg(ranked, k) / ideal if ideal else 0.0


def precision(ranked: Sequence[int], k: int) -> float:
    return sum(g >= RELEVANT for g in ranked[:k]) / k


def metrics(ranked: Sequence[int]) -> dict[str, float]:
    return {
        "ndcg@10": round(ndcg(ranked, 10), 3),
        "ndcg@20": round(ndcg(ranked, 20), 3),
        "p@10": round(precision(ranked, 10), 3),
    }


def load_pool() -> tuple[dict[str, int], str]:
    data = yaml.safe_load((POOL / "grades.yaml").read_text(encoding="utf-8"))
    return {str(k): int(v) for k, v in data["grades"].items()}, str(data["as_of"])


def screener_order(paths: list[Path], posting_path: Path, as_of: str) -> tuple[list[str], list]:
    from screener.extract import extract
    from screener.parse.profile import ParseSettings, parse_document
    from screener.rubric.posting import load_posting
    from screener.rubric.taxonomy import load_taxonomy
    from screener.score.ranking import rank
    from screener.score.scoring import assess, similarities

    taxonomy = load_taxonomy()
    posting = load_posting(posting_path, taxonomy)
    settings = ParseSettings(as_of=as_of)
    profiles = [parse_document(extract(p.name, p.read_bytes()), settings) for p in paths]
    sims = similarities([p.document.text for p in profiles], posting)
    assessments = [assess(p, posting, similarity=s) for p, s in zip(profiles, sims)]
    shortlist = rank(assessments, posting, as_of=as_of, taxonomy_version=taxonomy.version)
    return [e.assessment.file for e in shortlist.entries], list(shortlist.entries)


def baseline_order(paths: list[Path]) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    ad = SEED_AD.read_text(encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([ad, *texts])
    scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
    order = sorted(range(len(paths)), key=lambda i: (-scores[i], paths[i].name))
    return [paths[i].name for i in order]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--posting", type=Path, default=ROOT / "pipelines" / "backend-developer.yaml"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", action="store_true", help="also print screener's ranking")
    args = parser.parse_args(argv)

    grades, as_of = load_pool()
    paths = sorted(POOL / name for name in grades)
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        print(f"grades.yaml names files that are not in the pool: {missing}", file=sys.stderr)
        return 1
    ours, entries = screener_order(paths, args.posting, as_of)
    base = baseline_order(paths)
    result = {
        "pool": len(paths),
        "relevant": sum(g >= RELEVANT for g in grades.values()),
        "screener": metrics([grades[f] for f in ours]),
        "tfidf_baseline": metrics([grades[f] for f in base]),
    }
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        print(
            f"pool: {result['pool']} resumes, {result['relevant']} relevant (grade >= {RELEVANT})"
        )
        print(f"{'ranking':<16}{'NDCG@10':>9}{'NDCG@20':>9}{'P@10':>7}")
        for name in ("screener", "tfidf_baseline"):
            m = result[name]
            print(f"{name:<16}{m['ndcg@10']:>9.3f}{m['ndcg@20']:>9.3f}{m['p@10']:>7.2f}")
    if args.show:
        for e in entries:
            a = e.assessment
            ko = " KO" if a.knocked_out_by else ""
            print(f"{e.rank!s:>4} {a.score:5.1f} g{grades[a.file]} {a.file}{ko}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
