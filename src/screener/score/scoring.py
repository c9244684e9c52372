"""Profile x Posting -> Assessment: requirement coverage, years, similarity, knock-outs.

The score is out of the posting's total weight (100 by default) and is the sum of four parts:
required and preferred requirements (shared by requirement weight), years of experience, and a
small TF-IDF similarity to the posting that only separates otherwise equal candidates. A part
the posting does not use (no preferred requirements, no minimum years) gives its weight to the
others in proportion, so every posting is scored out of the same total.

Unknown is not zero and not failure: a minimum-years requirement on a resume with no readable
dates is `unknown` (the skill still earns its half of the points, the years earn nothing) and
never knocks a candidate out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from screener.records import (
    BASIC,
    NEGATED,
    NOT_CLAIMED,
    Assessment,
    Evidence,
    Outcome,
    Posting,
    Profile,
    Requirement,
    RequirementResult,
    ScorePart,
    SkillHit,
)
from screener.score.qualifying import assess_qualification
from screener.score.relevance import relevant_years
from screener.score.similarity import posting_text, similarities  # noqa: F401 (re-exported)

PARTS = ("required", "preferred", "years", "similarity")
EVIDENCE_PER_SKILL = 3  # enough to check a match without flooding the report
YEARS_TOTAL_ID = "years:total"  # ':' cannot appear in a posting's requirement ids
YEARS_RELEVANT_ID = "years:relevant"


def part_maxima(posting: Posting) -> dict[str, float]:
    """Points available to each part; unused parts' weight goes to the others in proportion."""
    used = {
        "required": any(r.importance == "required" for r in posting.requirements),
        "preferred": any(r.importance == "preferred" for r in posting.requirements),
        "years": posting.min_years is not None or posting.min_relevant_years is not None,
        "similarity": True,
    }
    weights = {name: float(getattr(posting.weights, name)) for name in PARTS}
    total = sum(weights.values())
    used_total = sum(w for name, w in weights.items() if used[name])
    if used_total <= 0:
        return {name: 0.0 for name in PARTS}
    return {name: (weights[name] * total / used_total if used[name] else 0.0) for name in PARTS}


# --------------------------------------------------------------------------- requirements


@dataclass(frozen=True)
class _Credit:
    """How much one found skill contributes to a requirement (1.0 = fully)."""

    skill: str
    value: float
    state: str  # met | short | unknown
    years: float | None
    context: str = ""  # where its best mention stands (position, skills, ...)
    worth: float = 1.0  # what that context is worth to the posting


def _has_dates(profile: Profile) -> bool:
    exp = profile.experience
    return exp.total_years is not None or any(p.start for p in exp.positions)


# Where a mention stands (see screener.parse.skills.stance_clauses): a skill the resume only denies
# ("no experience with PHP") or wishes for ("want to learn AWS") is no claim and meets nothing;
# one it only rates low ("basic knowledge of Python") earns half.
BASIC_SHARE = 0.5


def claims(hit: SkillHit) -> bool:
    """Whether the resume claims the skill somewhere, not only denies or wishes for it."""
    return hit.source == "implied" or any(e.stance not in NOT_CLAIMED for e in hit.evidence)


def _basic_only(hit: SkillHit) -> bool:
    return hit.source != "implied" and all(e.stance == BASIC for e in hit.evidence)


# --------------------------------------------------------------------------- contexts

# Where a mention stands -> the context name the posting prices (records.DEFAULT_CONTEXTS).
_SECTION_CONTEXT = {
    "projects": "project", "skills": "skills", "summary": "summary",
    "certifications": "certifications", "education": "education", "interests": "interests",
}  # fmt: skip
BACKING = frozenset({"position", "project"})  # dated work: what `Assessment.backed` counts
# A mention in a dated position whose duties do not use the skill ("managed the Java
# developers", "taught Python", a VP who "led the move to AWS"; screener.parse.roles.own_use):
# the position names it as others' work. Priced as "other".
NAMED = "named"
_CONTEXT_WORDS = {
    "skills": "skills list", "summary": "summary", "certifications": "certifications",
    "education": "education/courses", "interests": "interests",
    "experience": "undated experience", "other": "other sections",
    NAMED: "named as others' work",
}  # fmt: skip

# A dated position's lines and the skills its duties use (Position.skills).
Span = tuple[int, int, frozenset[str]]


def _spans(profile: Profile) -> tuple[Span, ...]:
    return tuple(
        (p.start_line, p.end_line, frozenset(p.skills))
        for p in profile.experience.positions
        if p.start
    )


def context_of(ev: Evidence, spans: Sequence[Span], skill: str | None = None) -> str:
    """The context of one mention of `skill`: its stance if it is no claim, else where it
    stands. A line inside a dated position is that position's duties unless its section says
    it is schooling or a pastime (a misread span must not turn courses into work); the duties
    use the skill only when the position says so (`Position.skills`: not "managed the Java
    developers", the one judgement the per-skill years also follow). `skill` None: any
    skill the duties name counts as used."""
    if ev.stance in NOT_CLAIMED:
        return ev.stance
    section = ev.section or ""
    named = _SECTION_CONTEXT.get(section)
    if named in ("education", "interests", "project"):
        return named
    inside = [used for start, end, used in spans if start <= ev.line <= end]
    if inside:
        return "position" if skill is None or any(skill in u for u in inside) else NAMED
    if named:
        return named
    return "experience" if section == "experience" else "other"


def _price(context: str, contexts: dict[str, float], default: float = 1.0) -> float:
    """What the posting pays for a context (a mention its duties only name: as "other")."""
    return contexts.get("other" if context == NAMED else context, default)


_LISTING = frozenset({"skills", "summary"})


def _worth(
    hit: SkillHit, contexts: dict[str, float], spans: Sequence[Span],
    in_field: bool = False,
) -> tuple[float, str]:
    """A skill's best context and its value; an implied skill with no mention of its own
    keeps its full value (whether it may count is the posting's `count_implied`). A listing
    on a resume with dated work in the posting's field (`in_field`) is worth `backed_listing`."""
    best = (-1.0, "")
    for ev in hit.evidence:
        context = context_of(ev, spans, hit.id)
        if context in NOT_CLAIMED:
            continue
        value = _price(context, contexts)
        if in_field and context in _LISTING:
            value = max(value, contexts.get("backed_listing", value))
        if value > best[0]:
            best = (value, context)
    return best if best[0] >= 0 else (1.0, "")


def _credit(
    hit: SkillHit, min_years: float | None, dated: bool, worth: tuple[float, str] = (1.0, "")
) -> _Credit:
    """Half for having the skill, half for its years against the minimum, times what its
    best mention is worth; a skill the resume only rates low ("basic knowledge of") earns
    `BASIC_SHARE` of that."""
    credit = replace(_years_credit(hit, min_years, dated), context=worth[1], worth=worth[0])
    if worth[0] < 1.0:
        credit = replace(credit, value=credit.value * worth[0], state="short")
    if _basic_only(hit):
        return replace(credit, value=credit.value * BASIC_SHARE, state="short")
    return credit


def _years_credit(hit: SkillHit, min_years: float | None, dated: bool) -> _Credit:
    if not min_years:
        return _Credit(hit.id, 1.0, "met", hit.years)
    years = hit.years if hit.source != "implied" else None  # implied never proves years
    if years is None and not dated:
        return _Credit(hit.id, 0.5, "unknown", None)
    years = years or 0.0
    ratio = min(1.0, years / min_years)
    return _Credit(hit.id, 0.5 + 0.5 * ratio, "met" if ratio >= 1.0 else "short", years)


def _evidence(
    hits: Sequence[SkillHit], spans: Sequence[Span] = (),
    contexts: dict[str, float] | None = None,
) -> tuple[Evidence, ...]:
    """Each skill's mentions, the ones worth most first, each marked with its context."""
    found: list[Evidence] = []
    for hit in hits:
        marked = [replace(e, context=context_of(e, spans, hit.id)) for e in hit.evidence]
        if contexts is not None:
            marked.sort(key=lambda e: (-_price(e.context, contexts, 0.0), e.line, e.text))
        else:
            marked.sort(key=lambda e: (e.line, e.text))
        found.extend(marked[:EVIDENCE_PER_SKILL])
    return tuple(found)


def _outcome(chosen: Sequence[_Credit], need: int, fraction: float) -> Outcome:
    if not chosen:
        return "missing"
    if fraction >= 1.0:
        return "met"
    if len(chosen) >= need and all(c.state in ("met", "unknown") for c in chosen):
        return "unknown"
    return "partial"


def _names(ids: Sequence[str], hits: dict[str, SkillHit]) -> str:
    return ", ".join(hits[i].name if i in hits else i for i in ids)


def _unclaimed_note(hit: SkillHit, context: str = "") -> str:
    """ "PHP only denied, line 3": a skill the resume names only as one it lacks or wants;
    "Python only in education/courses (counts 0), line 12": only where it is worth nothing."""
    first = hit.evidence[0]
    if context and context not in NOT_CLAIMED:
        first = min(hit.evidence, key=lambda e: e.line)
        return f"{hit.name} only in {_CONTEXT_WORDS.get(context, context)} (counts 0), " \
            f"line {first.line}"
    how = "denied" if first.stance == NEGATED else "wished for"
    return f"{hit.name} only {how}, line {first.line}"


def _note(
    req: Requirement, chosen: Sequence[_Credit], found: dict[str, SkillHit], outcome: Outcome,
    unclaimed: dict[str, SkillHit] | None = None, worthless: dict[str, str] | None = None,
) -> str:
    worthless = worthless or {}
    if outcome == "missing":
        head = "not found" if len(req.skills) == 1 else f"none of {', '.join(req.skills)} found"
        denied = [hit for sid, hit in (unclaimed or {}).items() if sid in req.skills]
        if denied:
            head += " (" + "; ".join(
                _unclaimed_note(hit, worthless.get(hit.id, "")) for hit in denied
            ) + ")"
        return head
    parts = []
    for c in chosen:
        hit = found[c.skill]
        text = hit.name + (
            f" (implied by {', '.join(hit.implied_by)})" if hit.source == "implied" else ""
        ) + (" (basic level only)" if _basic_only(hit) else "") + (
            f" ({_CONTEXT_WORDS[c.context]} only)"
            if c.context in _CONTEXT_WORDS and c.context != "experience" and c.worth < 1.0
            else ""
        )
        if req.min_years:
            text += (
                ": years unknown (no dated positions)"
                if c.years is None
                else f": {c.years:.1f} of {req.min_years:g} years"
            )
        parts.append(text)
    head = f"found {len(chosen)} of {req.min_count}: " if len(chosen) < req.min_count else "found "
    return head + "; ".join(parts)


@dataclass(frozen=True)
class _Where:
    """Where each skill's mentions stand, for one profile against one posting."""

    spans: tuple[Span, ...] = ()
    contexts: dict[str, float] | None = None  # None: every claim counts fully
    worth: dict[str, tuple[float, str]] | None = None  # skill id -> best (value, context)


def assess_requirement(
    req: Requirement, found: dict[str, SkillHit], dated: bool, max_points: float,
    unclaimed: dict[str, SkillHit] | None = None, where: _Where | None = None,
) -> RequirementResult:
    """One requirement's outcome, points and evidence. `found` holds the hits that may count;
    `unclaimed` the skills the resume only denies or wishes for, or names only where they are
    worth nothing (named in the note, their mentions kept in the evidence)."""
    result, _ = _assess_requirement(req, found, dated, max_points, unclaimed, where or _Where())
    return result


def _assess_requirement(
    req: Requirement, found: dict[str, SkillHit], dated: bool, max_points: float,
    unclaimed: dict[str, SkillHit] | None, where: _Where,
) -> tuple[RequirementResult, float]:
    """The result and the share of its points that dated work backs."""
    worth = where.worth or {}
    credits = [
        _credit(found[s], req.min_years, dated, worth.get(s, (1.0, "")))
        for s in req.skills if s in found
    ]
    credits.sort(key=lambda c: -c.value)  # stable: equal credits keep the posting's order
    chosen = credits[: req.min_count]
    fraction = sum(c.value for c in chosen) / req.min_count
    backed = sum(c.value for c in chosen if c.context in BACKING) / req.min_count
    outcome = _outcome(chosen, req.min_count, fraction)
    matched = tuple(c.skill for c in credits)
    known = [c.years for c in chosen if c.years is not None]
    worthless = {s: ctx for s, (value, ctx) in worth.items() if value <= 0 and ctx}
    shown = [found[s] for s in matched] + [
        hit for s, hit in (unclaimed or {}).items() if s in req.skills and s in worthless
    ]
    return RequirementResult(
        requirement=req.id,
        label=req.label,
        importance=req.importance,
        outcome=outcome,
        points=max_points * fraction,
        max_points=max_points,
        matched=matched,
        evidence=_evidence(shown, where.spans, where.contexts),
        years=min(known) if req.min_years and known else None,
        note=_note(req, chosen, found, outcome, unclaimed, worthless),
    ), max_points * backed


def _requirement_results(
    profile: Profile, posting: Posting, maxima: dict[str, float]
) -> tuple[list[RequirementResult], float | None]:
    """The requirements' results and the share of their points that dated work backs."""
    usable = [h for h in profile.skills if h.source != "implied" or posting.count_implied]
    spans = _spans(profile)
    in_field = bool(spans) and bool(_relevant_years(profile, posting)[1])
    worth = {h.id: _worth(h, posting.contexts, spans, in_field) for h in usable}
    where = _Where(spans, posting.contexts, worth)
    found = {h.id: h for h in usable if claims(h) and worth[h.id][0] > 0}
    unclaimed = {h.id: h for h in usable if h.id not in found}
    dated = _has_dates(profile)
    results, backed, earned = [], 0.0, 0.0
    for importance in ("required", "preferred"):
        reqs = [r for r in posting.requirements if r.importance == importance]
        total_weight = sum(r.weight for r in reqs)
        for req in reqs:
            share = maxima[importance] * req.weight / total_weight if total_weight else 0.0
            if req.qualifier is not None:  # degree, certification, language, ...: no skill
                results.append(assess_qualification(req, profile, share, _total_years(profile)[0]))
                continue
            result, backing = _assess_requirement(req, found, dated, share, unclaimed, where)
            results.append(result)
            backed += backing
            earned += result.points  # `backed` is a share of the skill points
    order = {r.id: i for i, r in enumerate(posting.requirements)}
    return (
        sorted(results, key=lambda r: order[r.requirement]),
        round(backed / earned, 3) if earned > 0 else None,
    )


def _knockout_line(result: RequirementResult, qualification: bool = False) -> str:
    if result.outcome == "missing" and not qualification:
        return f"knock-out: no {result.label}"
    return f"knock-out: {result.label}: {result.note}"


# --------------------------------------------------------------------------- years


def _total_years(profile: Profile) -> tuple[float | None, str, tuple[Evidence, ...]]:
    """Dated years when the resume has them, else the years it claims (with that line)."""
    exp = profile.experience
    if exp.total_years is not None:
        return (
            exp.total_years,
            "from dated positions",
            _position_evidence(profile, range(len(exp.positions))),
        )
    if exp.claimed_years is not None:
        evidence = (exp.claimed_evidence,) if exp.claimed_evidence else ()
        return exp.claimed_years, "as stated on the resume (no dated positions)", evidence
    return None, "", ()


def _position_evidence(profile: Profile, indexes: Sequence[int]) -> tuple[Evidence, ...]:
    positions = profile.experience.positions
    found = []
    for i in indexes:
        if 0 <= i < len(positions):
            p = positions[i]
            text = ", ".join(x for x in (p.title, p.company) if x)
            text += f" ({p.date_text or f'{p.start} to {p.end}'})"
            found.append(Evidence(text=text, section="experience", line=p.start_line))
    return tuple(found)


def _relevant_years(profile: Profile, posting: Posting) -> tuple[float | None, tuple[int, ...]]:
    return relevant_years(profile.experience, posting.relevant_titles, posting.relevant_skills)


def _relevant_claim(
    profile: Profile, posting: Posting
) -> tuple[float | None, tuple[Evidence, ...], str]:
    """With no dated positions at all, the years a resume states count as relevant when the
    claim's own line names the field ("Back-end developer with 7 years of PHP and Python")."""
    exp = profile.experience
    claim = exp.claimed_evidence
    if exp.claimed_years is None or claim is None:
        return None, (), ""
    words = claim.text.lower()
    titled = any(t.lower() in words for t in posting.relevant_titles)
    skilled = any(
        ev.line == claim.line
        for hit in profile.skills
        if hit.id in posting.relevant_skills and hit.source != "implied"
        for ev in hit.evidence
    )
    if not (titled or skilled):
        return None, (), ""
    return exp.claimed_years, (claim,), "as stated on the resume (no dated positions)"


def _years_result(
    req_id: str,
    label: str,
    years: float | None,
    minimum: float,
    max_points: float,
    evidence: tuple[Evidence, ...],
    how: str,
) -> RequirementResult:
    if years is None:
        outcome: Outcome = "unknown"
        fraction, note = 0.0, "years unknown: no readable dates"
    else:
        fraction = min(1.0, years / minimum) if minimum > 0 else 1.0
        outcome = "met" if fraction >= 1.0 else ("partial" if years > 0 else "missing")
        note = f"{years:.1f} of {minimum:g} years" + (f", {how}" if how else "")
    return RequirementResult(
        requirement=req_id,
        label=label,
        importance="required",
        outcome=outcome,
        points=max_points * fraction,
        max_points=max_points,
        evidence=evidence,
        years=years,
        note=note,
    )


def _years_results(
    profile: Profile, posting: Posting, max_points: float
) -> tuple[list[RequirementResult], float | None, float | None, tuple[int, ...]]:
    total, how, evidence = _total_years(profile)
    relevant, indexes = (None, ())
    if posting.min_relevant_years is not None:
        relevant, indexes = _relevant_years(profile, posting)
    minima = [m for m in (posting.min_years, posting.min_relevant_years) if m is not None]
    share = max_points / len(minima) if minima else 0.0
    results = []
    if posting.min_years is not None:
        results.append(
            _years_result(
                YEARS_TOTAL_ID,
                f"{posting.min_years:g}+ years of experience",
                total,
                posting.min_years,
                share,
                evidence,
                how,
            )
        )
    if posting.min_relevant_years is not None:
        evidence, how = _position_evidence(profile, indexes), "in relevant positions"
        if relevant is None and profile.experience.positions == ():
            relevant, evidence, how = _relevant_claim(profile, posting)
        results.append(
            _years_result(
                YEARS_RELEVANT_ID,
                f"{posting.min_relevant_years:g}+ years in {posting.title or 'the field'} roles",
                relevant,
                posting.min_relevant_years,
                share,
                evidence,
                how,
            )
        )
    flag = _stated_beyond_dates(profile)
    if results and flag:
        results[0] = replace(results[0], note=f"{results[0].note}; {flag}")
    return results, total, relevant, tuple(indexes)


def _stated_beyond_dates(profile: Profile) -> str:
    """The self-reported skill years that exceed the dated history, each beside its dated
    figure ("Python 15 (dated 1.7)"): shown, never used while dates exist."""
    dated = profile.experience.total_years
    if dated is None:
        return ""
    over = sorted(
        (h for h in profile.skills if h.stated_years is not None and h.stated_years > dated),
        key=lambda h: (-(h.stated_years or 0.0), h.id),
    )
    if not over:
        return ""
    each = ", ".join(f"{h.name} {h.stated_years:g} (dated {h.years or 0:.1f})" for h in over)
    return f"self-reported years beyond the {dated:.1f} dated years: {each}"


# --------------------------------------------------------------------------- the assessment


def _part(
    name: str, results: Sequence[RequirementResult], max_points: float, note: str = ""
) -> ScorePart:
    points = sum(r.points for r in results)
    if not note:
        met = sum(r.outcome == "met" for r in results)
        note = f"{met} of {len(results)} met" if results else "none in this posting"
    return ScorePart(name=name, points=round(points, 1), max_points=round(max_points, 1), note=note)


def _knockouts(posting: Posting, results: Sequence[RequirementResult]) -> tuple[str, ...]:
    lines = []
    knockouts = {r.id: r.qualifier is not None for r in posting.requirements if r.knockout}
    for result in results:
        if result.requirement in knockouts and result.outcome in ("missing", "partial"):
            lines.append(_knockout_line(result, knockouts[result.requirement]))
        elif (
            posting.years_knockout
            and result.requirement in (YEARS_TOTAL_ID, YEARS_RELEVANT_ID)
            and result.outcome in ("missing", "partial")
        ):
            lines.append(f"knock-out: {result.label}: {result.note}")
    return tuple(lines)


def assess(profile: Profile, posting: Posting, *, similarity: float = 0.0) -> Assessment:
    """Score one parsed resume against a posting, with the evidence behind every point.

    The similarity is a batch-wide figure (TF-IDF weights come from every resume): a batch
    assesses each resume as it arrives and adds the similarity at the end, with
    `with_similarity`, which gives the same assessment as passing it here.
    """
    if profile.status != "ok":
        return Assessment(profile=profile, score=0.0)
    maxima = part_maxima(posting)
    reqs, backed = _requirement_results(profile, posting, maxima)
    years_results, total, relevant, indexes = _years_results(profile, posting, maxima["years"])
    parts = (
        _part("required", [r for r in reqs if r.importance == "required"], maxima["required"]),
        _part("preferred", [r for r in reqs if r.importance == "preferred"], maxima["preferred"]),
        _part(
            "years",
            years_results,
            maxima["years"],
            "" if years_results else "no minimum in this posting",
        ),
    )
    results = tuple(reqs + years_results)
    assessment = Assessment(
        profile=profile,
        score=0.0,
        parts=parts,
        results=results,
        years=total,
        relevant_years=relevant,
        relevant_positions=indexes,
        knocked_out_by=_knockouts(posting, results),
        backed=backed,
    )
    return with_similarity(assessment, posting, similarity)


def with_similarity(assessment: Assessment, posting: Posting, similarity: float) -> Assessment:
    """`assessment` (made by `assess` without a similarity) with its similarity part and score."""
    if not assessment.parts:  # not screened: no score to complete
        return assessment
    similarity = min(1.0, max(0.0, similarity))
    maximum = part_maxima(posting)["similarity"]
    parts = tuple(p for p in assessment.parts if p.name != "similarity") + (
        ScorePart(
            name="similarity",
            points=round(maximum * similarity, 1),
            max_points=round(maximum, 1),
            note=f"TF-IDF cosine {similarity:.2f}",
        ),
    )
    return replace(
        assessment,
        parts=parts,
        score=round(sum(p.points for p in parts), 1),  # shown parts add up to the shown score
        similarity=similarity,
    )
