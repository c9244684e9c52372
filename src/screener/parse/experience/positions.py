"""Dated positions of a resume, and its `Experience`: the front door of the experience stage.

Positions are read from the experience section(s); when a resume has no experience heading,
from every line outside education, certifications, projects, volunteer, skills and the like,
except lines that read as a degree or a certificate. When the experience section holds none
(a two-column PDF's main column lost), jobs are looked for in the other sections; a job dated
month to month in a summary or skills section is kept too. Each position's span runs from its
first line (title lines above the dates included) to the line before the next position.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import date

from screener.parse.dates import DateRange, RangeFlag, day_first_document, months_to_years, ym
from screener.parse.experience.anchors import DEGREE_RE, DateContext, Draft, credential, regions
from screener.parse.experience.claimed import claimed_years
from screener.parse.experience.drafts import region_drafts
from screener.parse.experience.titles import JOB_WORD_RE
from screener.parse.experience.years import (
    NOT_COUNTED,
    PositionFlag,
    career_years,
    used_skills,
)
from screener.parse.sections import find_sections, split_labelled
from screener.parse.words import alternation, words
from screener.records import Experience, Position, Section, SkillHit

# An unpaid role listed among the jobs ("Volunteer", "Volunteer Tutor"): shown with its dates,
# never counted as professional years (volunteer work never counts, wherever it is listed).
# A role that runs volunteers ("Volunteer Coordinator") is a job.
_VOLUNTEER_TITLE = re.compile(
    rf"^\W*volunteer\b(?!.*\b(?:{alternation('volunteer_leaders')})\b)", re.I
)
# Sections where a two-column PDF may have dropped the main column's jobs.
_RESCUE_FROM = words("rescue_sections")
# Sections that hold no dated entries of their own: a dated job block there is a job written
# in the wrong place (a summary listing earlier roles), even when the experience section
# holds others.
_UNDATED_SECTIONS = words("undated_sections")
# A flattened web form (one long line) is cut back into its fields before positions are read.
_FLAT_MIN_CHARS = 250


def extract_experience(
    lines: Sequence[str],
    sections: Sequence[Section],
    hits: Sequence[SkillHit],
    as_of: date,
    hands_on: Collection[str] | None = None,
) -> Experience:
    """Positions, total years (union of intervals) and the years the resume claims.

    `hands_on`: the ids of hands-on technical skills, which a manager leading the work directs
    rather than does (see `used_skills`); None: every skill.

    A flattened form ("... Company Details company - Acme description - Jan 2016 to till date")
    is read from its fields cut back into lines; positions then point at the original line.
    """
    unfolded = _unfolded(lines)
    if unfolded is None:
        return _with_used_skills(_experience(lines, sections, hits, as_of), lines, hits, hands_on)
    virtual, origin = unfolded
    exp = _experience(virtual, find_sections(virtual), _hits_on(virtual, origin, hits), as_of)
    moved = tuple(
        replace(p, start_line=origin[p.start_line - 1], end_line=origin[p.end_line - 1])
        for p in exp.positions
    )
    claimed, evidence = claimed_years(lines, sections)
    exp = replace(exp, positions=moved, claimed_years=claimed, claimed_evidence=evidence)
    return _with_used_skills(exp, lines, hits, hands_on)


def _experience(
    lines: Sequence[str], sections: Sequence[Section], hits: Sequence[SkillHit], as_of: date
) -> Experience:
    ctx = DateContext(as_of, day_first_document(lines))
    spans, is_exp = regions(lines, sections)
    found: list[tuple[Position, DateRange]] = []
    for region in spans:
        drafts = region_drafts(lines, sections, region, ctx)
        for d, end_line in _close_spans(drafts, region):
            if not is_exp and _education_entry(lines, d):
                continue  # its span still ends the position above it
            found.append((_position(d, end_line, hits, ctx.now), d.anchor.rng))
    if not found:
        found = _rescued(lines, sections, hits, ctx)
    elif is_exp:
        found += _rescued(lines, sections, hits, ctx, _UNDATED_SECTIONS, _month_range)
    found = _once_each(found)
    counted = (r for p, r in found if not NOT_COUNTED & set(p.flags))
    total, low, high = career_years(counted, ctx.now)
    claimed, evidence = claimed_years(lines, sections)
    return Experience(
        total_years=total,
        positions=tuple(p for p, _ in found),
        claimed_years=claimed,
        claimed_evidence=evidence,
        total_years_low=low,
        total_years_high=high,
    )


def _with_used_skills(
    exp: Experience,
    lines: Sequence[str],
    hits: Sequence[SkillHit],
    hands_on: Collection[str] | None = None,
) -> Experience:
    """Each position's skills cut to those its duties use (see `used_skills`)."""
    return replace(
        exp,
        positions=tuple(
            replace(p, skills=used_skills(p, lines, hits, hands_on)) for p in exp.positions
        ),
    )


def _close_spans(drafts: list[Draft], region: range) -> list[tuple[Draft, int]]:
    """Each position runs from its first line to the line before the next position's."""
    ordered = sorted(drafts, key=lambda d: d.first_line)
    firsts = sorted({d.first_line for d in ordered})
    out = []
    for d in ordered:
        later = bisect.bisect_right(firsts, d.first_line)
        out.append((d, (firsts[later] - 1) if later < len(firsts) else region.stop - 1))
    return out


def _position(d: Draft, end_line: int, hits: Sequence[SkillHit], now: int) -> Position:
    rng = d.anchor.rng
    start, end = rng.start, min(rng.end, now)
    skills = sorted(
        {
            h.id
            for h in hits
            if h.source != "implied" and any(d.first_line <= e.line <= end_line for e in h.evidence)
        }
    )
    volunteer = _VOLUNTEER_TITLE.match(d.title)
    return Position(
        title=d.title,
        company=d.company,
        start=ym(rng.start),
        end=ym(rng.end),
        current=rng.current,
        start_line=d.first_line,
        end_line=end_line,
        years=months_to_years(max(0, end - start + 1)),
        date_text=rng.text,
        skills=tuple(skills),
        flags=(*rng.flags, PositionFlag.VOLUNTEER) if volunteer else rng.flags,
    )


def _month_range(rng: DateRange) -> bool:
    """A range from a month to a month (or to now): how a job is dated, not a fact in prose."""
    return (
        RangeFlag.SINGLE_DATE not in rng.flags
        and rng.start_low == rng.start_high
        and (rng.current or rng.end_low == rng.end_high)
    )


def _rescued(
    lines: Sequence[str],
    sections: Sequence[Section],
    hits: Sequence[SkillHit],
    ctx: DateContext,
    where: frozenset[str] = _RESCUE_FROM,
    dated: Callable[[DateRange], bool] = lambda rng: True,
) -> list[tuple[Position, DateRange]]:
    """Jobs found outside the experience section: when it held none (two-column PDFs), or,
    with `where` and `dated`, jobs dated month to month in sections that hold no dates.

    Only dated blocks that name a job title and no degree or certificate count; they are
    flagged ``outside-experience``.
    """
    found: list[tuple[Position, DateRange]] = []
    for sec in sections:
        if sec.name not in where:
            continue
        region = range(sec.start_line, sec.end_line + 1)
        drafts = [
            d
            for d in region_drafts(lines, sections, region, ctx)
            if _is_job_block(lines, d) and dated(d.anchor.rng)
        ]
        for d, end_line in _close_spans(drafts, region):
            pos = _position(d, end_line, hits, ctx.now)
            pos = replace(pos, flags=(*pos.flags, PositionFlag.OUTSIDE_EXPERIENCE))
            found.append((pos, d.anchor.rng))
    return found


def _education_entry(lines: Sequence[str], d: Draft) -> bool:
    """Whether a dated block read without an experience heading is a degree, not a job.

    The date line alone was checked (`credential`); the degree may also stand on the title
    line read with it ("Bachelor of Science" / "State University, 2015 - 2019").
    """
    return credential(" | ".join(lines[n - 1] for n in d.block), [d.anchor.rng])


def _is_job_block(lines: Sequence[str], d: Draft) -> bool:
    text = " ".join(lines[n - 1] for n in d.block)
    return bool(JOB_WORD_RE.search(text)) and not DEGREE_RE.search(text)


def _unfolded(lines: Sequence[str]) -> tuple[list[str], list[int]] | None:
    """(virtual lines, 1-based original line of each) when a long line holds form labels."""
    if not any(len(line) > _FLAT_MIN_CHARS for line in lines):
        return None
    out: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        pieces = (split_labelled(line) if len(line) > _FLAT_MIN_CHARS else None) or [line]
        out += pieces
        origin += [number] * len(pieces)
    return (out, origin) if len(out) > len(lines) else None


def _hits_on(virtual: Sequence[str], origin: list[int], hits: Sequence[SkillHit]) -> list[SkillHit]:
    """The hits with each evidence line moved to the first virtual line holding its text."""
    first: dict[int, list[int]] = {}
    for v, n in enumerate(origin, start=1):
        first.setdefault(n, []).append(v)
    out = []
    for h in hits:
        ev = []
        for e in h.evidence:
            cands = first.get(e.line, [e.line])
            at = next((v for v in cands if e.text.lower() in virtual[v - 1].lower()), cands[0])
            ev.append(replace(e, line=at))
        out.append(replace(h, evidence=tuple(ev)))
    return out


def _once_each(found: list[tuple[Position, DateRange]]) -> list[tuple[Position, DateRange]]:
    """Positions without repeats: a resume that lists its jobs twice (an "Experience" and a
    "Work History" section) holds each job once; the first listing is kept."""
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for pos, rng in found:
        key = (pos.title.casefold(), pos.start, pos.end)
        if key not in seen or not pos.title:
            seen.add(key)
            out.append((pos, rng))
    return out
