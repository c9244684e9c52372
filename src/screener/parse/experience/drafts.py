"""Positions of one region: each date line with its title and company, read from the pieces on
the date line and the header-like lines beside it.

Resumes print a job's title above its dates, below them, on the same line, or (two-column PDFs)
in another column altogether; an employer may head a run of dated roles. The first date line's
neighbours decide which side titles are on; special layouts are in `layouts`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from screener.parse.experience.anchors import Anchor, DateContext, Draft, date_anchors
from screener.parse.experience.layouts import form_fields, linkedin_companies
from screener.parse.experience.titles import (
    AT_RE,
    JOB_WORD_RE,
    assign,
    employer_like,
    header_like,
    header_parts,
    parts_needed,
    split_parts,
)
from screener.records import Section


@dataclass
class _Region:
    """What reading one region's date lines shares: its lines, the date lines (`stop`), the
    lines drafts have taken so far (`used`, grows as they are read), the side titles are on
    (`layout`: -1 above the dates, 1 below) and the lines of a date column."""

    lines: Sequence[str]
    span: range
    stop: set[int]
    used: set[int]
    layout: int
    column: set[int]


def region_drafts(
    lines: Sequence[str], sections: Sequence[Section], region: range, ctx: DateContext
) -> list[Draft]:
    """Positions of one region, before their spans are closed."""
    anchors = date_anchors(lines, region, sections, ctx)
    if not anchors:
        return []
    stop = {a.line for a in anchors} | {n for a in anchors for n in a.extra_lines}
    layout = -1 if _neighbours(lines, stop, anchors[0].line, region, -1) else 1
    reading = _Region(lines, region, stop, set(), layout, _date_column(anchors))
    drafts: list[Draft] = []
    run_head: Draft | None = None  # the first draft of the run of dated lines ending at drafts[-1]
    for a in anchors:
        under = drafts[-1] if drafts and drafts[-1].anchor.line == a.line - 1 else None
        head = run_head if under is not None else None  # kept as it goes: walking back is O(n²)
        form = form_fields(lines, a, region, stop, ctx)
        if form is not None:
            title, company, first_line = form
            block = tuple(sorted({a.line, first_line}))
            drafts.append(Draft(a, title, company, first_line, block))
        else:
            drafts.append(_read_around(reading, a, under, head))
        run_head = head or drafts[-1]
    _pair_date_column(lines, region, stop | reading.used, drafts)
    drafts = _without_employer_lines(drafts)
    linkedin_companies(lines, drafts)
    return drafts


def _read_around(r: _Region, a: Anchor, under: Draft | None, head: Draft | None) -> Draft:
    """A date line's draft from the pieces on it and the header-like lines beside it.

    `under` is the draft on the line right above, `head` the first of the run of dated lines it
    ends (None when no dated line is right above)."""
    lines, region, stop, used = r.lines, r.span, r.stop, r.used
    parts, first_line = list(a.parts), a.line
    taken: list[int] = []
    need = 0 if a.line in r.column else parts_needed(parts)
    for step in (r.layout, -r.layout) if need else ():
        near = [n for n in _neighbours(lines, stop, _edge(a, step), region, step) if n not in used]
        if not near:
            continue
        take = _nearest(lines, near, step, need)
        used.update(take)
        taken = take
        extra = header_parts(lines, take)
        parts = extra + parts if step < 0 else parts + extra
        first_line = min(first_line, *take)
        break
    if taken and _needs_company(parts):
        side = -1 if taken[0] > a.line else 1
        other = _employer_beside(lines, stop | used, _edge(a, side), region, side)
        if other:
            used.add(other)
            taken = sorted([*taken, other])
            parts = parts + split_parts(lines[other - 1])
    below = _title_below(lines, stop | used, a, region) if taken else None
    if below is not None and parts and taken[0] < a.line and not any(map(JOB_WORD_RE.search,
                                                                          parts)):
        # "Department of Homeland Security" / "05/2016 - Present" / "IT Specialist, GS-13":
        # the employer above the dates and the job title under them (federal resumes)
        used.add(below[0])
        taken = sorted([*taken, below[0]])
        parts = [below[1], parts[0]]
    employer = _employer_above(head)
    if employer and len(parts) == 1 and not taken and not AT_RE.match(parts[0]):
        title, company = parts[0], employer  # "Sales Manager (2018 - 2021)" under its employer
    else:
        title, company = assign(parts)
    if not company and under is not None:
        company = under.company  # promotions listed under one employer
    block = tuple(sorted({a.line, *a.extra_lines, *taken}))
    return Draft(a, title, company, first_line, block)


def _neighbours(
    lines: Sequence[str], stop: set[int], number: int, region: range, step: int
) -> list[int]:
    """Up to two header-like lines directly above (step -1) or below (step 1) a date line."""
    found: list[int] = []
    cur = number + step
    while cur in region and len(found) < 2 and cur not in stop and header_like(lines[cur - 1]):
        found.append(cur)
        cur += step
    return sorted(found)


def _needs_company(parts: list[str]) -> bool:
    """Whether the pieces read so far lack an employer: a title alone ("Executive Chef")."""
    return len(parts) == 1 and not AT_RE.match(parts[0])


def _edge(a: Anchor, step: int) -> int:
    """The date's first line looking up, its last looking down (a range split over lines)."""
    return max((a.line, *a.extra_lines)) if step > 0 else a.line


def _employer_beside(
    lines: Sequence[str], stop: set[int], number: int, region: range, step: int
) -> int | None:
    """The employer line right beside a date line on the side its title is not on: "Title" /
    "Jan 2013 to Current" / "Company Name - City , State"."""
    n = number + step
    if n in region and n not in stop and employer_like(lines[n - 1]):
        return n
    return None


def _title_below(
    lines: Sequence[str], stop: set[int], a: Anchor, region: range
) -> tuple[int, str] | None:
    """(line, title) of the line right under a date line when it names a job ("IT Specialist
    (INFOSEC), GS-13") and is not the next position's title (a date line follows it)."""
    n = max((a.line, *a.extra_lines)) + 1
    if n not in region or n in stop or n + 1 in stop:
        return None
    text = lines[n - 1]
    if not (header_like(text) and JOB_WORD_RE.search(text)):
        return None
    parts = split_parts(text)
    return (n, parts[0]) if parts else None


def _employer_above(head: Draft | None) -> str:
    """The employer heading a run of dated lines right above a date line, when the run's first
    line (`head`; None when no dated line is right above) names no job title ("SUMMIT CLOUD,
    Denver  2016 - Present"); "" otherwise."""
    if head is None or JOB_WORD_RE.search(" ".join(head.anchor.parts)):
        return ""
    return head.company or head.title


def _date_column(anchors: list[Anchor]) -> set[int]:
    """Lines of date-only anchors stacked on consecutive lines: a two-column PDF's date column,
    whose titles are printed elsewhere, so the lines around them are not theirs."""
    bare = {a.line for a in anchors if not a.parts and not a.extra_lines}
    return {n for n in bare if n - 1 in bare or n + 1 in bare}


def _without_employer_lines(drafts: list[Draft]) -> list[Draft]:
    """Drop an employer line ("ACME CORP, Denver 2016 - Present") whose dated roles follow on
    the next lines within its range; the roles carry its name as their company."""
    # The roles of drafts[i] are the drafts on the lines right after it, one a line; their
    # count, earliest start and latest end are gathered from the end (one pass, not O(n²)).
    n = len(drafts)
    count = [0] * (n + 1)
    first: list[float] = [math.inf] * (n + 1)
    last: list[float] = [-math.inf] * (n + 1)
    for i in range(n - 2, -1, -1):
        nxt = drafts[i + 1]
        if nxt.anchor.line == drafts[i].anchor.line + 1:
            count[i] = 1 + count[i + 1]
            first[i] = min(nxt.anchor.rng.start, first[i + 1])
            last[i] = max(nxt.anchor.rng.end, last[i + 1])
    out: list[Draft] = []
    for i, d in enumerate(drafts):
        r = d.anchor.rng
        inside = count[i] and r.start <= first[i] and last[i] <= r.end
        if inside and count[i] >= 2 and not JOB_WORD_RE.search(d.title + " " + d.company):
            continue
        out.append(d)
    return out


def _nearest(lines: Sequence[str], near: list[int], step: int, need: int) -> list[int]:
    """The lines nearest the date line that give the `need` missing pieces."""
    order = near[::-1] if step < 0 else near
    take: list[int] = []
    for n in order:
        take.append(n)
        if len(header_parts(lines, take)) >= need:
            break
    return sorted(take)


def _pair_date_column(
    lines: Sequence[str], region: range, taken: set[int], drafts: list[Draft]
) -> None:
    """Two-column PDFs: dates printed apart from their titles. Pair them in order."""
    orphans = [d for d in drafts if not d.title and not d.company]
    if not orphans:
        return
    groups: list[list[int]] = []
    for n in region:
        if n in taken or not header_like(lines[n - 1]) or not JOB_WORD_RE.search(lines[n - 1]):
            continue
        if groups and groups[-1][-1] == n - 1:
            groups[-1].append(n)
        else:
            groups.append([n])
    if len(groups) != len(orphans):
        singles = [[n] for g in groups for n in g]  # titles on consecutive lines, one per job
        if len(singles) != len(orphans):
            return  # no safe pairing: keep the dates without titles rather than guess
        groups = singles
    groups = [_with_company_line(lines, region, taken, g) for g in groups]
    for draft, group in zip(orphans, groups):
        draft.title, draft.company = assign(header_parts(lines, group))
        draft.first_line = group[0]


def _with_company_line(
    lines: Sequence[str], region: range, taken: set[int], group: list[int]
) -> list[int]:
    """A title line and the untitled header-like line right after it (the company)."""
    n = group[-1] + 1
    free = n in region and n not in taken
    if free and header_like(lines[n - 1]) and not JOB_WORD_RE.search(lines[n - 1]):
        return [*group, n]
    return group
