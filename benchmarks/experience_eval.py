"""Experience extraction against the hand-labelled set in tests/data/experience/.

Prints, per file, the gold and predicted total years and the error; then the mean absolute error
in years, the share of files within 0.5 year, position-level precision / recall of (start, end)
months, title / company accuracy on matched positions, and claimed-years and contact accuracy.

    /tmp/venv/bin/python benchmarks/experience_eval.py [--verbose] [--heldout | --in-sample]
        [--prefix=STEM_PREFIX[,STEM_PREFIX...]] [--taxonomy=PATH]

`--heldout` scores only the files marked `heldout: true` in gold.yaml (labelled before the code
was run on them); `--in-sample` only the others. Phone and links are scored where the gold has
them (phones by their digits, links without scheme / "www." / trailing slash); self-reported
per-skill years ("Java- Exprience - 24 months") where the gold lists `skill_years` (a skill
scores when `stated_skill_years`, the reading of the self-report, gives it the gold figure
within 0.01 year; `skill_years` prefers dated positions over it, so it is not what is scored).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from screener.parse.contact import extract_contact
from screener.parse.experience import extract_experience, stated_skill_years
from screener.parse.sections import find_sections

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "experience"


def _lines(path: Path) -> list[str]:
    # bytes, so CRLF and lone CR reach `normalise` as the pipeline sees them
    text = path.read_bytes().decode("utf-8")
    try:
        from screener.extract.text import normalise

        text = normalise(text)
    except ImportError:  # the extraction owner's module may not be there yet
        pass
    return text.split("\n")


def _matcher():
    from screener.parse.skills import SkillMatcher
    from screener.rubric.taxonomy import load_taxonomy

    path = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--taxonomy=")), None)
    return SkillMatcher(load_taxonomy(path))


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def _link_key(url: str) -> str:
    url = url.lower().rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def evaluate(verbose: bool = False, subset: str = "all", prefix: str = "") -> dict[str, float]:
    gold = yaml.safe_load((DATA / "gold.yaml").read_text(encoding="utf-8"))
    gold = {k: g for k, g in gold.items() if k.startswith(tuple(prefix.split(",")))}
    if subset != "all":
        want_heldout = subset == "heldout"
        gold = {k: g for k, g in gold.items() if bool(g.get("heldout")) == want_heldout}
    errors: list[float] = []
    known_ok = 0
    tp = n_pred = n_gold = title_ok = company_ok = 0
    skills = skill_ok = 0
    matcher = _matcher() if any("skill_years" in g for g in gold.values()) else None
    claims = claim_ok = names = name_ok = email_ok = phones = phone_ok = links = link_ok = 0
    for stem, g in sorted(gold.items()):
        lines = _lines(DATA / f"{stem}.txt")
        sections = find_sections(lines)
        exp = extract_experience(lines, sections, (), g["as_of"])
        want, got = g["total_years"], exp.total_years
        # unknown (None) is scored as 0 years; saying "unknown" for a dated career, or a
        # figure for an undated one, is also counted as a miss in `known_agreement`
        err = abs((want or 0.0) - (got or 0.0))
        known_ok += (want is None) == (got is None)
        if (want is None) != (got is None):
            err = max(err, 0.51)
        errors.append(err)
        gold_pos = Counter((str(p["start"]), str(p["end"])) for p in g["positions"])
        pred_pos = Counter((p.start, p.end) for p in exp.positions)
        tp += sum((gold_pos & pred_pos).values())
        n_pred += sum(pred_pos.values())
        n_gold += sum(gold_pos.values())
        by_dates = {(p.start, p.end): p for p in exp.positions}
        for gp in g["positions"]:
            pred = by_dates.get((str(gp["start"]), str(gp["end"])))
            if pred is not None:
                title_ok += _norm(pred.title) == _norm(gp["title"])
                company_ok += _norm(pred.company) == _norm(gp["company"])
        if "claimed_years" in g:
            claims += 1
            claim_ok += exp.claimed_years == g["claimed_years"]
        if matcher is not None and "skill_years" in g:
            hits = matcher.find(lines, sections)
            got_sy = stated_skill_years(lines, hits)
            for sid, years in g["skill_years"].items():
                skills += 1
                ok = got_sy.get(sid) is not None and abs(got_sy[sid] - years) <= 0.01
                skill_ok += ok
                if verbose and not ok:
                    print(f"    skill {sid}: gold {years} got {got_sy.get(sid)}")
        contact = extract_contact(lines, sections)
        names += 1
        name_ok += _norm(contact.name) == _norm(g["name"])
        email_ok += _norm(contact.email) == _norm(g["email"])
        if "phone" in g:
            phones += 1
            phone_ok += _digits(contact.phone) == _digits(g["phone"])
        if "links" in g:
            links += 1
            link_ok += sorted(map(_link_key, contact.links)) == sorted(map(_link_key, g["links"]))
        flag = "" if err <= 0.5 else "   <-- off"
        print(f"{stem:28s} gold {want!s:>6s}  got {got!s:>6s}  error {err:5.2f}{flag}")
        if verbose:
            for p in exp.positions:
                print(f"    {p.start}..{p.end} {p.title!r} @ {p.company!r} {p.flags}")
            print(
                f"    contact: {contact.name!r} {contact.email!r} {contact.phone!r} {contact.links}"
            )
    n = len(errors)
    figures = {
        "files": n,
        "mae_years": sum(errors) / n,
        "within_half_year": sum(e <= 0.5 for e in errors) / n,
        "known_agreement": known_ok / n,
        "position_precision": tp / n_pred if n_pred else 0.0,
        "position_recall": tp / n_gold if n_gold else 0.0,
        "title_accuracy": title_ok / tp if tp else 0.0,
        "company_accuracy": company_ok / tp if tp else 0.0,
        "claimed_accuracy": claim_ok / claims if claims else 0.0,
        "name_accuracy": name_ok / names,
        "email_accuracy": email_ok / names,
    }
    if skills:
        figures["skill_years_accuracy"] = skill_ok / skills
    if phones:  # only the newer gold labels phones and links
        figures["phone_accuracy"] = phone_ok / phones
    if links:
        figures["links_accuracy"] = link_ok / links
    print()
    for key, value in figures.items():
        print(f"{key:20s} {value:.3f}" if isinstance(value, float) else f"{key:20s} {value}")
    return figures


if __name__ == "__main__":
    SUBSET = (
        "heldout"
        if "--heldout" in sys.argv
        else "in-sample"
        if "--in-sample" in sys.argv
        else "all"
    )
    PREFIX = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--prefix=")), "")
    evaluate(verbose="--verbose" in sys.argv, subset=SUBSET, prefix=PREFIX)
