"""`screener posting draft` against hand-labelled rubrics of real job ads.

    python benchmarks/draft_eval.py [--ads ../shared/real-job-ads] [--split dev|held-out|all]
                                    [--verbose]

Labels: `tests/data/real_ads/gold.yaml` (how they were judged: `LABELLING.md` beside it),
written by reading each ad before the drafter ran on any. The ads stay outside the repository
(their licence is unclear); a missing folder is an error that says where to put it.

Figures, per split (dev: tuned on; held-out: never tuned on), summed over the split's ads:
  skills P/R      every skill id the draft asks for (plain items and group members, any
                  importance) against the gold required + preferred + group members
  required P/R    the same for required items only (a preferred skill drafted as required is a
                  false positive here)
  importance      of the skills both name, the share drafted at the gold importance
  groups P/R      a drafted any_of group matches a gold group when their members overlap by
                  half or more (Jaccard >= 0.5); exact: the same members
  years exact     share of ads whose drafted minimum equals the gold `min_years` (both none
                  counts); the drafted minimum is `experience: min_years`, else the largest
                  `min_years` of a required requirement
  quote chars     median length of the ad text quoted in the draft's comments
  qualifications  P/R of what the ad asks beside skills, one item per degree level,
                  certification id, language, place (a location's places one by one) and
                  work-authorisation area, any importance; then per kind, the share of the
                  items both name drafted at the gold importance and with the gold knock-out,
                  degree subjects P/R (level, subject pairs of the degrees both name), the
                  share of those degrees whose "or equivalent experience" agrees (drafted as
                  `or_experience_years`), the share of shared languages at the gold level, and
                  of shared places whose "local candidates only" agrees (drafted: a location
                  that does not accept relocation).
                  Places compare by the data file's place ids, else by their first part
                  ("Glendale, CO" and "Glendale" are one place).

Run it with another checkout's code first on PYTHONPATH to get the "before" figures.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "real_ads" / "gold.yaml"
DEFAULT_ADS = ROOT.parent / "shared" / "real-job-ads"
SPLITS = ("dev", "held-out")


QUALIFICATION_KINDS = ("degree", "certification", "language", "location", "work_authorisation")


@dataclass(frozen=True)
class Asked:
    """One qualification item: (kind, id or place key) with how it is asked."""

    importance: str
    knockout: bool
    fields: frozenset[str] = frozenset()  # degree subjects
    equivalent: bool = False  # degree: experience accepted instead
    level: str = ""  # language level
    local: bool = False  # location: only local candidates (drafted: relocation not accepted)


@dataclass
class Rubric:
    """A rubric reduced to what is compared: skills by importance, groups, minimum years,
    qualification items."""

    required: set[str]
    preferred: set[str]
    groups: list[frozenset[str]]
    min_years: float | None
    asked: dict[tuple[str, str], Asked] = field(default_factory=dict)

    @property
    def skills(self) -> set[str]:
        return self.required | self.preferred


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, got: set, want: set) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)

    def figures(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f} R {r:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Split:
    ads: int = 0
    skills: Tally = field(default_factory=Tally)
    required: Tally = field(default_factory=Tally)
    groups: Tally = field(default_factory=Tally)
    exact_groups: Tally = field(default_factory=Tally)
    same_importance: int = 0
    shared: int = 0
    years_exact: int = 0
    quotes: list[int] = field(default_factory=list)
    qualifications: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(
        default_factory=lambda: {k: Tally() for k in QUALIFICATION_KINDS}
    )
    subjects: Tally = field(default_factory=Tally)
    agree: dict[str, list[int]] = field(
        default_factory=lambda: {
            k: [0, 0] for k in ("importance", "knockout", "equivalent", "level", "local")
        }
    )


def gold_rubric(entry: dict, data) -> Rubric:
    required, preferred = set(entry["required"]), set(entry["preferred"])
    groups = []
    for group in entry["groups"]:
        members = frozenset(group["any_of"])
        groups.append(members)
        (required if group["importance"] == "required" else preferred).update(members)
    asked = qualification_items(entry.get("qualifications") or [], data)
    return Rubric(required, preferred - required, groups, entry["min_years"], asked)


def place_key(place: str, data) -> str:
    """A place's data-file id ("Boston, MA" -> boston), else its first part, lower case."""
    first = place.split(",")[0]
    return data.resolve_place(place) or data.resolve_place(first) or " ".join(first.lower().split())


def qualification_items(
    items: list[dict], data, drafted: bool = False
) -> dict[tuple[str, str], Asked]:
    """(kind, key) -> Asked for each qualification requirement, gold or drafted; an item both
    required and preferred is required. A drafted location is local when it does not accept
    candidates willing to relocate; the gold says `local`."""
    out: dict[tuple[str, str], Asked] = {}
    for item in items:
        kind = next((k for k in QUALIFICATION_KINDS if k in item), None)
        if kind is None:
            continue
        value = item[kind]
        values = value if isinstance(value, list) else [value]
        keys = [place_key(v, data) for v in values] if kind == "location" else values
        asked = Asked(
            importance=item.get("importance", "required"),
            knockout=bool(item.get("knockout", False)),
            fields=frozenset(" ".join(f.lower().split()) for f in item.get("fields") or []),
            equivalent=bool(item.get("equivalent")) or item.get("or_experience_years") is not None,
            level=item.get("level") or "",
            local=(kind == "location" and not item.get("relocation"))
            if drafted
            else bool(item.get("local")),
        )
        for key in keys:
            held = out.get((kind, key))
            if held is None or (held.importance != "required" and asked.importance == "required"):
                out[(kind, key)] = asked
    return out


def draft_rubric(data: dict, qualifications) -> Rubric:
    required: set[str] = set()
    preferred: set[str] = set()
    groups = []
    years: list[float] = []
    items = data.get("requirements") or []
    asked = qualification_items(items, qualifications, drafted=True)
    for item in items:
        if any(k in item for k in QUALIFICATION_KINDS):
            continue
        skills = set(item["any_of"]) if "any_of" in item else {item["skill"]}
        if "any_of" in item:
            groups.append(frozenset(skills))
        is_required = item.get("importance", "required") == "required"
        (required if is_required else preferred).update(skills)
        if is_required and item.get("min_years") is not None:
            years.append(float(item["min_years"]))
    experience = data.get("experience") or {}
    minimum = experience.get("min_years")
    if minimum is None and years:
        minimum = max(years)
    return Rubric(required, preferred - required, groups, minimum, asked)


def match_groups(got: list[frozenset[str]], want: list[frozenset[str]], exact: bool) -> Tally:
    def same(a: frozenset[str], b: frozenset[str]) -> bool:
        return a == b if exact else len(a & b) / len(a | b) >= 0.5

    tally = Tally()
    tally.tp = sum(any(same(w, g) for g in got) for w in want)
    tally.fn = len(want) - tally.tp
    tally.fp = sum(not any(same(g, w) for w in want) for g in got)
    return tally


def quoted_lengths(draft: str) -> list[int]:
    """Lengths of the ad text each requirement's comment quotes ("# line 12: "..."")."""
    lengths, current = [], ""
    for line in draft.split("\n"):
        text = line.strip()
        if re.match(r'# line \d+: "', text):
            if current:
                lengths.append(len(current))
            current = text.split(": ", 1)[1]
        elif current and text.startswith("#") and not text.startswith("# line"):
            current += " " + text[1:].strip()
        elif current:
            lengths.append(len(current))
            current = ""
    return lengths


def score_ad(split: Split, got: Rubric, want: Rubric, quotes: list[int]) -> None:
    split.ads += 1
    split.skills.add(got.skills, want.skills)
    split.required.add(got.required, want.required)
    for tally, exact in ((split.groups, False), (split.exact_groups, True)):
        found = match_groups(got.groups, want.groups, exact)
        tally.tp, tally.fp, tally.fn = tally.tp + found.tp, tally.fp + found.fp, tally.fn + found.fn
    both = got.skills & want.skills
    split.shared += len(both)
    split.same_importance += sum((s in got.required) == (s in want.required) for s in both)
    split.years_exact += got.min_years == want.min_years
    split.quotes.extend(quotes)
    score_qualifications(split, got.asked, want.asked)


def score_qualifications(split: Split, got: dict, want: dict) -> None:
    split.qualifications.add(set(got), set(want))
    for kind, tally in split.kinds.items():
        tally.add({k for k in got if k[0] == kind}, {k for k in want if k[0] == kind})
    for key in sorted(set(got) & set(want)):
        g, w = got[key], want[key]
        checks = {"importance": g.importance == w.importance, "knockout": g.knockout == w.knockout}
        if key[0] == "degree":
            checks["equivalent"] = g.equivalent == w.equivalent
            split.subjects.add(g.fields, w.fields)
        if key[0] == "language":
            checks["level"] = g.level == w.level
        if key[0] == "location":
            checks["local"] = g.local == w.local
        for name, same in checks.items():
            split.agree[name][0] += same
            split.agree[name][1] += 1


def describe(name: str, got: Rubric, want: Rubric) -> str:
    def fmt(values: set[str]) -> str:
        return ", ".join(sorted(values)) or "-"

    lines = [f"{name}"]
    lines.append(f"  missed:     {fmt(want.skills - got.skills)}")
    lines.append(f"  extra:      {fmt(got.skills - want.skills)}")
    lines.append(f"  req->pref:  {fmt(want.required & got.preferred)}")
    lines.append(f"  pref->req:  {fmt(want.preferred & got.required)}")
    groups_got = ["|".join(sorted(g)) for g in got.groups]
    groups_want = ["|".join(sorted(g)) for g in want.groups]
    lines.append(f"  groups:     got {groups_got or '-'}  want {groups_want or '-'}")
    lines.append(f"  years:      got {got.min_years}  want {want.min_years}")
    for key in sorted(set(got.asked) | set(want.asked)):
        g, w = got.asked.get(key), want.asked.get(key)
        if g != w:
            lines.append(f"  {key[0]} {key[1]}:  got {_shown(g)}  want {_shown(w)}")
    return "\n".join(lines)


def _shown(asked: Asked | None) -> str:
    if asked is None:
        return "-"
    more = [asked.importance] + ["knockout"] * asked.knockout + ["equivalent"] * asked.equivalent
    more += [asked.level] if asked.level else []
    more += ["local"] if asked.local else []
    more += ["|".join(sorted(asked.fields))] if asked.fields else []
    return " ".join(more)


def report(name: str, split: Split) -> str:
    share = split.same_importance / split.shared if split.shared else 1.0
    quote = statistics.median(split.quotes) if split.quotes else 0
    return "\n".join(
        [
            f"{name} ({split.ads} ads)",
            f"  skills        {split.skills.figures()}",
            f"  required      {split.required.figures()}",
            f"  importance    {share:.3f} of {split.shared} shared skills",
            f"  groups        {split.groups.figures()}",
            f"  groups exact  {split.exact_groups.figures()}",
            f"  years exact   {split.years_exact}/{split.ads} = "
            f"{split.years_exact / max(split.ads, 1):.0%}",
            f"  quote chars   median {quote:g} over {len(split.quotes)} quotes",
            f"  qualifications {split.qualifications.figures()}",
            *(f"    {kind:<18} {tally.figures()}" for kind, tally in split.kinds.items()),
            *(f"    {name:<18} {_share(*counts)}" for name, counts in split.agree.items()),
            f"    {'degree subjects':<18} {split.subjects.figures()}",
        ]
    )


def _share(same: int, of: int) -> str:
    return f"{same}/{of} = {same / of:.0%}" if of else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ads", type=Path, default=DEFAULT_ADS, help="folder of the job ads")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="per-ad differences")
    args = parser.parse_args(argv)
    if not args.ads.is_dir():
        sys.exit(f"{args.ads}: no such folder; pass --ads DIR with the real job ads")

    from screener.draft.posting import draft_posting
    from screener.rubric.qualifications import load_qualifications
    from screener.rubric.taxonomy import load_taxonomy

    taxonomy, data = load_taxonomy(), load_qualifications()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["ads"]
    splits = {name: Split() for name in SPLITS}
    for ad, entry in sorted(gold.items()):
        if args.split not in ("all", entry["split"]):
            continue
        path = args.ads / ad
        if not path.is_file():
            sys.exit(f"{path}: labelled ad missing; pass --ads DIR with the real job ads")
        draft = draft_posting(path.read_text(encoding="utf-8"), taxonomy, source=ad)
        got, want = draft_rubric(yaml.safe_load(draft), data), gold_rubric(entry, data)
        score_ad(splits[entry["split"]], got, want, quoted_lengths(draft))
        if args.verbose:
            print(describe(ad, got, want))
    for name, split in splits.items():
        if split.ads:
            print(report(name, split))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
