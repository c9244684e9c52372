"""screener against hand labels of real resumes (files this repository does not hold).

    python benchmarks/real_eval.py [--split dev|heldout|check|all] [--folder ../shared/real-resumes]
                                   [--extractor auto|fast|pdfminer] [--verbose]

Labels: `tests/data/real/labels_*.yaml` (format and conventions in
`tests/data/real/LABELLING.md`), written by hand from pdfminer.six's text and page images
before screener ran on the files. The PDFs themselves are personal data and stay outside the
repository; a missing folder is an error that says where to put it.

Figures, per split (dev: tuned on; heldout: never tuned on; check: core skills only, a second
check set labelled before the changes it measures, never tuned on):
  years MAE      mean absolute error of total years (union of dated positions, as of 2021-12);
                 a file whose gold total is known and whose reading is unknown counts as off
                 by its whole gold total
  within 0.5     share of files whose total is within half a year (both unknown counts as
                 within)
  positions P/R  a read position matches a labelled one when start and end are within a month
  skills P/R     core skill ids (explicit or fuzzy hits; implied ones are no claim)
  names          files whose name is right: none read where none is shown, or the shown
                 name (compared by sha256, the labels hold no names)

Run it with another checkout's code first on PYTHONPATH to get the "before" figures.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "real"
DEFAULT_FOLDER = ROOT.parent / "shared" / "real-resumes"
AS_OF = "2021-12-31"
AS_OF_MONTH = "2021-12"
# dev: tuned on; heldout: never tuned on; check: a second check set of core skill ids only
# (labels_d.yaml), labelled before the skill changes it measures, never tuned on.
SPLITS = ("dev", "heldout", "check")
CORE = (
    "python javascript typescript java php ruby go rust c cpp csharp kotlin scala swift r perl "
    "bash sql nodejs django flask fastapi spring dotnet laravel rails express react angular vue "
    "postgresql mysql oracle sql-server mongodb redis elasticsearch cassandra sqlite aws azure gcp "
    "docker kubernetes terraform ansible jenkins git linux ci-cd kafka rabbitmq rest-api graphql "
    "microservices hadoop spark pandas machine-learning tableau excel html css"
).split()


def load_labels() -> dict[str, dict]:
    labels: dict[str, dict] = {}
    for path in sorted(LABELS.glob("labels_*.yaml")):
        labels.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return labels


def month_index(value: str) -> int:
    if value == "present":
        value = AS_OF_MONTH
    year, month = value.split("-")
    return int(year) * 12 + int(month) - 1


def union_years(intervals: list[tuple[int, int]]) -> float | None:
    """Total years of the union of inclusive month intervals; None when there are none."""
    limit = month_index(AS_OF_MONTH)
    spans = sorted((s, min(e, limit)) for s, e in intervals if s <= e and s <= limit)
    if not spans:
        return None
    months, (start, end) = 0, spans[0]
    for s, e in spans[1:]:
        if s > end + 1:
            months += end - start + 1
            start, end = s, e
        else:
            end = max(end, e)
    months += end - start + 1
    return round(months / 12, 2)


def gold_total(label: dict) -> float | None:
    return union_years(
        [(month_index(p["start"]), month_index(p["end"])) for p in label.get("positions") or []]
    )


def name_hash(name: str) -> str:
    return hashlib.sha256(" ".join(name.casefold().split()).encode()).hexdigest()


def read(folder: Path, names: list[str], extractor: str) -> dict[str, object]:
    from screener.api import parse_resume

    return {
        name: parse_resume(folder / name, as_of=AS_OF, extractor=extractor) for name in names
    }


def _file_row(label: dict, profile) -> dict:
    """One file's counts: skills always; years, positions and name where the label has them
    (a skills-only check set labels no positions)."""
    want_skills = set(label.get("skills") or [])
    got_skills = {h.id for h in profile.skills if h.source != "implied" and h.id in CORE}
    row = {"sk_tp": len(want_skills & got_skills), "sk_fp": len(got_skills - want_skills),
           "sk_fn": len(want_skills - got_skills), "flags": []}
    if want_skills ^ got_skills:
        row["flags"].append(f"skills -{sorted(want_skills - got_skills)} "
                            f"+{sorted(got_skills - want_skills)}")
    if "positions" in label:
        row.update(_experience_row(label, profile))
    return row


def _experience_row(label: dict, profile) -> dict:
    want = gold_total(label)
    got = profile.experience.total_years
    if want is None and got is None:
        error = 0.0
    else:
        error = abs((want or 0.0) - (got or 0.0)) if got is not None else (want or 0.0)
    gold_spans = [(month_index(p["start"]), month_index(p["end"]))
                  for p in label.get("positions") or []]
    read_spans = [(month_index(p.start), month_index(p.end))
                  for p in profile.experience.positions
                  if p.start and p.end and "volunteer" not in p.flags]  # shown, not work
    unmatched = list(gold_spans)
    tp = 0
    for span in read_spans:
        hit = next((g for g in unmatched
                    if abs(g[0] - span[0]) <= 1 and abs(g[1] - span[1]) <= 1), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    read_name = profile.contact.name
    if label.get("name") == "present":
        name_ok = read_name is not None and name_hash(read_name) == label.get("name_sha256")
    else:
        name_ok = read_name is None
    flags = []
    if error > 0.5:
        flags.append(f"years {got} vs {want}")
    if len(read_spans) - tp or unmatched:
        flags.append(f"positions +{len(read_spans) - tp} -{len(unmatched)}")
    if not name_ok:
        flags.append("name " + ("missed" if read_name is None else "wrong"))
    return {"error": error, "pos_tp": tp, "pos_fp": len(read_spans) - tp,
            "pos_fn": len(unmatched), "name_ok": name_ok, "flags": flags}


def score(labels: dict[str, dict], profiles: dict[str, object], verbose: bool) -> dict:
    rows = {name: _file_row(label, profiles[name]) for name, label in labels.items()}
    if verbose:
        for name, row in rows.items():
            if row["flags"]:
                print(f"  {name}: " + "; ".join(row["flags"]))
    total = {key: sum(r.get(key, 0) for r in rows.values())
             for key in ("sk_tp", "sk_fp", "sk_fn", "pos_tp", "pos_fp", "pos_fn", "name_ok")}
    dated = [r for r in rows.values() if "error" in r]  # files with positions labelled
    n = len(dated)
    out = {
        "files": len(rows),
        "skills_p": total["sk_tp"] / max(total["sk_tp"] + total["sk_fp"], 1),
        "skills_r": total["sk_tp"] / max(total["sk_tp"] + total["sk_fn"], 1),
    }
    if n:
        out.update({
            "mae": sum(r["error"] for r in dated) / n,
            "within": sum(r["error"] <= 0.5 for r in dated) / n,
            "pos_p": total["pos_tp"] / max(total["pos_tp"] + total["pos_fp"], 1),
            "pos_r": total["pos_tp"] / max(total["pos_tp"] + total["pos_fn"], 1),
            "names": total["name_ok"] / n,
        })
    return out


def _print_row(split: str, row: dict) -> None:
    if "mae" not in row:  # a skills-only set
        print(f"{split:<9}{row['files']:>6}{'-':>11}{'-':>12}{'-':>16}"
              f"{row['skills_p']:>7.3f} / {row['skills_r']:.3f}{'-':>8}")
        return
    print(f"{split:<9}{row['files']:>6}{row['mae']:>11.3f}{row['within']:>12.1%}"
          f"{row['pos_p']:>9.3f} / {row['pos_r']:.3f}"
          f"{row['skills_p']:>7.3f} / {row['skills_r']:.3f}{row['names']:>8.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--extractor", default="auto")
    parser.add_argument("--verbose", action="store_true",
                        help="what is wrong, file by file (dev only: the other splits stay unseen)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder; pass --folder with the real resumes",
              file=sys.stderr)
        return 1
    labels = load_labels()
    splits = SPLITS if args.split == "all" else (args.split,)
    profiles = read(args.folder, sorted(labels), args.extractor)
    print(f"{'split':<9}{'files':>6}{'years MAE':>11}{'within 0.5':>12}{'positions P/R':>16}"
          f"{'skills P/R':>14}{'names':>8}")
    for split in splits:
        chosen = {k: v for k, v in labels.items() if v.get("split") == split}
        verbose = args.verbose and split == "dev"  # the other splits are never tuned on
        if verbose:
            print(f"{split}:")
        _print_row(split, score(chosen, profiles, verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
