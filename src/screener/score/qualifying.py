"""A posting's requirements beside skills, against what the resume states: degree,
certification, spoken language, location and work authorisation (see README "Postings").

Each gives a RequirementResult like a skill requirement of the same importance and weight, with
the resume lines behind it. Unknown is not zero and not failure: a resume that says nothing
about where the candidate lives, which languages they speak or their right to work is
`unknown` (no points, never a knock-out), not `missing`. What is found but not detailed earns
half, like a skill whose years are unknown: a degree whose subject is not stated against a
posting that names subjects, a language whose level is not stated against a posting that asks
for one. A pending degree or certification (in progress, candidate) and a degree in another
subject or a language below the level asked are `partial` (half the points; a knock-out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from screener.records import (
    Degree,
    Evidence,
    Outcome,
    Profile,
    Qualifier,
    Requirement,
    RequirementResult,
)
from screener.rubric.qualifications import QualificationData, load_qualifications, norm

HALF = 0.5


@dataclass(frozen=True)
class _Verdict:
    outcome: Outcome
    share: float  # of the requirement's points
    note: str
    evidence: tuple[Evidence, ...] = ()
    matched: tuple[str, ...] = ()


def assess_qualification(
    req: Requirement, profile: Profile, max_points: float, years: float | None,
    data: QualificationData | None = None,
) -> RequirementResult:
    """One qualification requirement's outcome, points and evidence; `years` are the
    candidate's total professional years (for a degree's `or_experience_years`)."""
    data = data or load_qualifications()
    q = req.qualifier
    assert q is not None, "a skill requirement is scored by screener.score.scoring"
    judge = {
        "degree": lambda: _degree(q, profile, years, data),
        "certification": lambda: _certification(q, profile, data),
        "language": lambda: _language(q, profile, data),
        "location": lambda: _location(q, profile, data),
        "work_authorisation": lambda: _authorisation(q, profile, data),
    }[q.kind]
    verdict = judge()
    return RequirementResult(
        requirement=req.id,
        label=req.label,
        importance=req.importance,
        outcome=verdict.outcome,
        points=max_points * verdict.share,
        max_points=max_points,
        matched=verdict.matched,
        evidence=verdict.evidence,
        note=verdict.note,
    )


def _line(ev: Evidence) -> str:
    return f"line {ev.line}"


# --------------------------------------------------------------------------- degree


def _degree(
    q: Qualifier, profile: Profile, years: float | None, data: QualificationData
) -> _Verdict:
    degrees = profile.qualifications.degrees
    need = data.degree_rank(q.accepted[0])
    name = data.degrees[need].name
    high = [d for d in degrees if data.degree_rank(d.level) >= need]
    held = [d for d in high if not d.pending]
    subject = [d for d in held if _in_fields(d.field, q.fields)]
    if subject:
        return _Verdict("met", 1.0, _said(subject[0], data), (subject[0].evidence,),
                        (_name(subject[0], data),))
    if q.or_experience_years is not None and years is not None and years >= q.or_experience_years:
        return _Verdict("met", 1.0, f"no {name} in the subjects asked; {years:.1f} years of "
                        "experience accepted instead", (), (f"{years:.0f} years' experience",))
    unstated = [d for d in held if not d.field]
    if unstated:
        return _Verdict("unknown", HALF, f"{_said(unstated[0], data)}, subject not stated",
                        (unstated[0].evidence,), (_name(unstated[0], data),))
    if held:
        return _Verdict("partial", HALF, f"{_said(held[0], data)}, not in "
                        f"{' or '.join(q.fields)}", (held[0].evidence,), (_name(held[0], data),))
    if high:
        return _Verdict("partial", HALF, f"{_said(high[0], data)} not finished yet",
                        (high[0].evidence,), ())
    return _no_degree(q, profile, years, name, data)


def _no_degree(
    q: Qualifier, profile: Profile, years: float | None, name: str, data: QualificationData
) -> _Verdict:
    degrees = profile.qualifications.degrees
    stated = degrees or any(s.name == "education" for s in profile.sections)
    experience = ""
    if q.or_experience_years is not None:
        experience = f"; {years or 0:.1f} of {q.or_experience_years:g} years of experience"
    if degrees:
        best = max(degrees, key=lambda d: (data.degree_rank(d.level), not d.pending))
        return _Verdict("missing", 0.0, f"highest: {_said(best, data)}{experience}",
                        (best.evidence,))
    if stated:
        return _Verdict("missing", 0.0, f"no degree in the education section{experience}")
    return _Verdict("unknown", 0.0, f"no education stated{experience}")


def _name(degree: Degree, data: QualificationData) -> str:
    return data.degrees[data.degree_rank(degree.level)].name


def _said(degree: Degree, data: QualificationData) -> str:
    subject = f" in {degree.field}" if degree.field else ""
    return f"{_name(degree, data)}{subject} ({_line(degree.evidence)})"


def _in_fields(written: str, fields: Sequence[str]) -> bool:
    """No subjects asked, or the degree's subject names one of them ("Computer Science and
    Engineering" is in computer science)."""
    if not fields:
        return True
    words = f" {norm(written)} "
    return bool(written) and any(f" {norm(f)} " in words for f in fields)


# --------------------------------------------------------------------------- certification


def _certification(q: Qualifier, profile: Profile, data: QualificationData) -> _Verdict:
    certs = [c for c in profile.qualifications.certifications if c.id in q.accepted]
    held = [c for c in certs if not c.pending]
    if held:
        first = held[0]
        return _Verdict("met", 1.0, f"{first.name} ({_line(first.evidence)})",
                        tuple(c.evidence for c in held), tuple(c.name for c in held))
    if certs:
        first = certs[0]
        return _Verdict("partial", HALF, f"{first.name} not held yet ({_line(first.evidence)})",
                        (first.evidence,), ())
    return _Verdict("missing", 0.0, "not found")


# --------------------------------------------------------------------------- language


def _language(q: Qualifier, profile: Profile, data: QualificationData) -> _Verdict:
    spoken = profile.qualifications.languages
    found = next((s for s in spoken if s.id == q.accepted[0]), None)
    if found is None:
        if spoken or any(s.name == "languages" for s in profile.sections):
            named = ", ".join(s.name for s in spoken) or "none recognised"
            return _Verdict("missing", 0.0, f"not among the languages stated ({named})")
        return _Verdict("unknown", 0.0, "no spoken languages stated")
    spoken_as = f"{found.name}{f' ({found.level})' if found.level else ''}"
    said = f"{spoken_as}, {_line(found.evidence)}"
    ev, ids = (found.evidence,), (spoken_as,)
    if not q.level:
        return _Verdict("met", 1.0, said, ev, ids)
    if not found.level:
        return _Verdict("unknown", HALF, f"{said}: level not stated ({q.level} asked)", ev, ids)
    if data.level_rank(found.level) >= data.level_rank(q.level):
        return _Verdict("met", 1.0, said, ev, ids)
    return _Verdict("partial", HALF, f"{said}: below {q.level}", ev, ids)


# --------------------------------------------------------------------------- location


def _location(q: Qualifier, profile: Profile, data: QualificationData) -> _Verdict:
    quals = profile.qualifications
    for loc in quals.locations:
        if any(_at(place, loc.text, loc.places, data) for place in q.accepted):
            return _Verdict("met", 1.0, f"lives in {loc.text} ({_line(loc.evidence)})",
                            (loc.evidence,), (loc.text,))
    if q.relocation and quals.relocation:
        ev = quals.relocation[0]
        return _Verdict("met", 1.0, f"willing to relocate ({_line(ev)})", (ev,),
                        ("willing to relocate",))
    if q.remote and quals.remote:
        ev = quals.remote[0]
        return _Verdict("met", 1.0, f"works remotely ({_line(ev)})", (ev,), ("remote",))
    if quals.locations:
        loc = quals.locations[0]
        return _Verdict("missing", 0.0, f"lives in {loc.text} ({_line(loc.evidence)})",
                        (loc.evidence,))
    return _Verdict("unknown", 0.0, "no location stated")


def _at(place: str, text: str, places: Sequence[str], data: QualificationData) -> bool:
    """Whether a posting's place holds the candidate's: by the data file's places, else by
    name ("Springfield" in "Springfield, IL")."""
    known = data.resolve_place(place)
    if known is not None and known in places:
        return True
    return f" {norm(place)} " in f" {norm(text.replace(',', ' '))} "


# --------------------------------------------------------------------------- authorisation


def _authorisation(q: Qualifier, profile: Profile, data: QualificationData) -> _Verdict:
    statements = profile.qualifications.authorisations
    about = [s for s in statements if s.area in q.accepted or not s.area]
    for wanted in (True, False):
        match = [s for s in about if s.authorised is wanted]
        if match:
            ev = match[0].evidence
            if wanted:
                area = data.areas.get(match[0].area)
                return _Verdict("met", 1.0, f"{_quote(ev)} ({_line(ev)})", (ev,),
                                (f"right to work in {area.name}" if area else "no sponsorship "
                                 "needed",))
            return _Verdict("missing", 0.0, f"needs sponsorship: {_quote(ev)} ({_line(ev)})",
                            (ev,))
    others = sorted({data.areas[s.area].name for s in statements if s.area in data.areas})
    if others:
        ev = tuple(s.evidence for s in statements[:1])
        return _Verdict("unknown", 0.0, f"states the right to work in {', '.join(others)} only",
                        ev)
    return _Verdict("unknown", 0.0, "no statement about the right to work")


def _quote(ev: Evidence, limit: int = 60) -> str:
    text = ev.text
    return f'"{text if len(text) <= limit else text[: limit - 1].rstrip() + "…"}"'
