"""screener's qualification finders against hand labels of real resumes (kept outside the repo).

    python benchmarks/qualifications_eval.py [--folder ../shared/real-resumes] [--verbose]

Labels: `tests/data/real/qualifications.yaml` (how the 15 files were chosen and labelled is in
its header). Figures, micro-averaged over (file, id) pairs:

  degrees         levels held (pending degrees are not held)
  certifications  held certifications; recall also over the ones the data file lists
                  ("other:" labels name certifications skills/qualifications.yaml does not list)
  languages       spoken-language ids; levels: share of labelled levels read right
  pending         degree levels and certifications given as in progress
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "real" / "qualifications.yaml"
DEFAULT_FOLDER = ROOT.parent / "shared" / "real-resumes"
AS_OF = "2021-12-31"


def found_sets(profile) -> dict[str, set[str]]:
    q = profile.qualifications
    return {
        "degrees": {d.level for d in q.degrees if not d.pending},
        "certifications": {c.id for c in q.certifications if not c.pending},
        "languages": {s.id for s in q.languages},
        "pending": {d.level for d in q.degrees if d.pending}
        | {c.id for c in q.certifications if c.pending},
        "levels": {f"{s.id}:{s.level}" for s in q.languages if s.level},
    }


def gold_sets(label: dict) -> dict[str, set[str]]:
    langs = label.get("languages") or []
    return {
        "degrees": set(label.get("degrees") or []),
        "certifications": set(label.get("certifications") or []),
        "languages": {x.split(":")[0] for x in langs},
        "pending": set(label.get("pending") or []),
        "levels": {x for x in langs if ":" in x},
    }


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:.2f} R {r:.2f}  (tp {tp}, fp {fp}, fn {fn})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", default=str(DEFAULT_FOLDER))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder}: no such folder; put the real resumes there or pass --folder",
              file=sys.stderr)
        return 1
    from screener.api import parse_resume

    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    counts = {k: [0, 0, 0] for k in ("degrees", "certifications", "listed", "languages",
                                      "pending", "levels")}
    for name, label in labels.items():
        profile = parse_resume(str(folder / name), as_of=AS_OF)
        found, gold = found_sets(profile), gold_sets(label)
        gold["listed"] = {c for c in gold["certifications"] if not c.startswith("other:")}
        found["listed"] = found["certifications"]
        for kind, tally in counts.items():
            tally[0] += len(found[kind] & gold[kind])
            tally[1] += len(found[kind] - gold[kind])
            tally[2] += len(gold[kind] - found[kind])
            if args.verbose and found[kind] != gold[kind] and kind != "listed":
                print(f"  {name} {kind}: found {sorted(found[kind])} gold {sorted(gold[kind])}")
    print(f"{len(labels)} files ({LABELS.relative_to(ROOT)})")
    for kind, (tp, fp, fn) in counts.items():
        title = "certifications (listed)" if kind == "listed" else kind
        print(f"  {title:<24} {_pr(tp, fp, fn)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
