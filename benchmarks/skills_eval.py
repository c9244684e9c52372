"""Precision / recall of skill recognition on the labelled set in tests/data/skills/.

Usage: python benchmarks/skills_eval.py [--per-skill] [--errors] [--raw] [--data DIR]

Each file goes through screener.extract.text.normalise first, as extracted text does in the
pipeline (de-hyphenation, bullets, Unicode repair); --raw skips that. Counts explicit and fuzzy hits
against the hand-written gold (implied hits are not claims the resume makes, so they are left
out). Sections come from screener.parse.sections.find_sections.
Prints micro-averaged figures overall and on the DESIGN core ids, and the time per resume.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from screener.extract.text import normalise
from screener.parse.sections import find_sections
from screener.parse.skills import matcher_for
from screener.rubric.taxonomy import CORE_IDS as CORE

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "skills"


def evaluate(
    data: Path, *, raw: bool = False
) -> tuple[dict[str, Counter], dict[str, tuple[set, set]], float]:
    """Per-skill tp/fp/fn counts, per-file (missed, extra) sets, and seconds per resume."""
    gold = yaml.safe_load((data / "gold.yaml").read_text(encoding="utf-8"))
    matcher = matcher_for()
    counts: dict[str, Counter] = {}
    errors: dict[str, tuple[set, set]] = {}
    elapsed = 0.0
    for name in sorted(gold):
        text = (data / name).read_text(encoding="utf-8")
        lines = (text if raw else normalise(text)).split("\n")
        start = time.perf_counter()
        hits = matcher.find(lines, find_sections(lines))
        elapsed += time.perf_counter() - start
        found = {h.id for h in hits if h.source != "implied"}
        want = set(gold[name])
        for sid in found | want:
            c = counts.setdefault(sid, Counter())
            c["tp" if sid in found and sid in want else "fp" if sid in found else "fn"] += 1
        errors[name] = (want - found, found - want)
    return counts, errors, elapsed / max(len(gold), 1)


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def total(counts: dict[str, Counter], ids: list[str] | None = None) -> Counter:
    out: Counter = Counter()
    for sid, c in counts.items():
        if ids is None or sid in ids:
            out.update(c)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--per-skill", action="store_true", help="a line per skill id")
    ap.add_argument("--errors", action="store_true", help="missed and extra ids per file")
    ap.add_argument("--raw", action="store_true", help="skip screener.extract.text.normalise")
    args = ap.parse_args(argv)
    matcher_for()  # build once, outside the timing
    counts, errors, per_doc = evaluate(args.data, raw=args.raw)
    if args.per_skill:
        print(f"{'skill':24} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for sid in sorted(counts):
            c = counts[sid]
            p, r, f = prf(c)
            print(f"{sid:24} {c['tp']:4} {c['fp']:4} {c['fn']:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    if args.errors:
        for name, (missed, extra) in errors.items():
            if missed or extra:
                print(f"{name}: missed {sorted(missed)} extra {sorted(extra)}")
    for label, ids in (("overall (micro)", None), ("core ids (micro)", CORE)):
        c = total(counts, ids)
        p, r, f = prf(c)
        print(f"{label:18} P={p:.3f} R={r:.3f} F1={f:.3f}  tp={c['tp']} fp={c['fp']} fn={c['fn']}")
    print(f"files={len(errors)}  {per_doc * 1000:.1f} ms per resume")
    return 0


if __name__ == "__main__":
    sys.exit(main())
