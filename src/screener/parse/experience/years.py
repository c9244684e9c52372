"""Years: a position's counted interval, the career's total (union of intervals), the skills a
position's duties use, and years per skill.

Months are counted inclusively (Jan 2018 - Dec 2018 is 1.0 year); overlapping positions are
merged, never summed. A position whose range is untrusted (`screener.parse.dates.UNTRUSTED`) or
that is unpaid (`PositionFlag.VOLUNTEER`) is shown but never counted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from enum import Enum

from screener.parse.dates import UNTRUSTED, DateRange, month_index, months_to_years, union_months
from screener.parse.experience.claimed import stated_skill_years
from screener.parse.roles import other_kind, own_use, role_kinds
from screener.records import NOT_CLAIMED, Evidence, Experience, Position, SkillHit


class PositionFlag(str, Enum):
    """What is known of a position besides its date range's flags (`dates.RangeFlag`); the
    value is what reports print."""

    # An unpaid role listed among the jobs ("Volunteer Tutor"): shown with its dates, never
    # counted as professional years.
    VOLUNTEER = "volunteer"
    # A job found outside the experience section (a two-column PDF's, a summary's).
    OUTSIDE_EXPERIENCE = "outside-experience"

    def __str__(self) -> str:
        return self.value


# Flags that keep a position out of every count.
NOT_COUNTED = UNTRUSTED | {PositionFlag.VOLUNTEER}


def counted_interval(p: Position) -> tuple[int, int] | None:
    """A counted position's (start, end) months, the end cut at the as-of month (`years` holds
    the length so cut); None for a position that is not counted. Empty (end before start) for
    a position whose best start estimate is after the as-of month though its earliest reading
    is not ("2025 - Present" read in January 2025 starts mid-2025): counted, for no months."""
    if not p.start or NOT_COUNTED & set(p.flags):
        return None
    start = month_index(int(p.start[:4]), int(p.start[5:7]))
    return start, start + round(p.years * 12) - 1


def career_years(
    ranges: Iterable[DateRange], now: int
) -> tuple[float | None, float | None, float | None]:
    """(total, low, high) years of the counted positions' ranges: the union of their best
    estimates, and of the tightest and widest readings of imprecise dates ("2016 - 2019" is
    between Dec 2016 - Jan 2019 and Jan 2016 - Dec 2019); None each when there is none."""
    counted = list(ranges)
    if not counted:
        return None, None, None
    total = months_to_years(union_months((r.start, min(r.end, now)) for r in counted))
    low = months_to_years(union_months((r.start_high, min(r.end_low, now)) for r in counted))
    high = months_to_years(union_months((r.start_low, min(r.end_high, now)) for r in counted))
    return total, low, high


def used_skills(
    p: Position,
    lines: Sequence[str],
    hits: Sequence[SkillHit],
    hands_on: Collection[str] | None = None,
) -> tuple[str, ...]:
    """The explicit or fuzzy skills the position's duties use as the person's own work.

    A mention counts when it lies in the position's span, is not part of its employer's name
    ("Python Plumbing Ltd", "HCL Technologies"), is not denied or wished for, and its clause is
    not about others' work: teaching, hiring or directing it ("Taught Python", "Sponsored the
    adoption of Kubernetes", a VP who "led the move to AWS"; see `screener.parse.roles.own_use`).
    A title naming the skill counts only for a role that is not of another kind ("Python
    Developer" uses Python; "Python Instructor" teaches it). `hands_on`: the ids of hands-on
    technical skills, which a manager leading the work directs (None: every skill); leading is
    doing the work for the others ("led the B2B sales team").
    """
    names = [p.company.casefold()] if p.company else []
    role = role_kinds(p.title)[0] if p.title else None
    own_title = bool(p.title) and not other_kind(p.title)
    if p.title and not own_title:
        names.append(p.title.casefold())
    out = set()
    for h in hits:
        if h.source == "implied" or h.id in out:
            continue
        if own_title and any(_in_title(e.text, p.title) for e in h.evidence if e.stance == ""):
            out.add(h.id)  # a form's title printed away from its dates ("Python Developer")
            continue
        technical = hands_on is None or h.id in hands_on
        if any(_own_duty(p, e, lines, names, role, technical) for e in h.evidence):
            out.add(h.id)
    return tuple(sorted(out))


def _own_duty(
    p: Position, e: Evidence, lines: Sequence[str], names: list[str], role: str | None,
    technical: bool,
) -> bool:
    """Whether one mention is a duty of the position the person did themselves."""
    if not (p.start_line <= e.line <= p.end_line and 0 < e.line <= len(lines)):
        return False
    if e.stance in NOT_CLAIMED:
        return False
    line = lines[e.line - 1]
    key = e.text.casefold()
    if any(key in n and n in line.casefold() for n in names):
        return False  # the title's or employer's name, not a duty
    previous = lines[e.line - 2] if e.line > p.start_line else ""
    return own_use(line, e.text, previous, role, technical)


def _in_title(text: str, title: str) -> bool:
    """Whether a skill's matched text is a whole word of the title ("Python Developer")."""
    if not text or text.casefold() not in title.casefold():  # most skills: no pattern built
        return False
    word = rf"(?<![\w+#]){re.escape(text)}(?![\w+#])"
    return re.search(word, title, re.IGNORECASE) is not None


def _capped(stated: float, career: float | None) -> float:
    """A skill's stated years with no dated history to check them: never more than the career
    the resume states ("3 years of experience ... Python (15 years)" reads as 3)."""
    return min(stated, career) if career is not None else stated


def skill_years(
    lines: Sequence[str],
    experience: Experience,
    hits: Sequence[SkillHit],
    stated: dict[str, float] | None = None,
) -> dict[str, float]:
    """Years per explicit or fuzzy skill: the dated positions whose duties use it, else (no
    dated position at all) what the resume states for it (`stated`, when the caller has
    `stated_skill_years` already).

    The positions count whose `skills` (the skills their duties use, see `used_skills`) hold
    it, their intervals merged. A self-report ("Python (15 years)", "Java- Exprience - 24
    months") is only the candidate's own figure: `stated_skill_years` shows it beside the
    dated one; it is used only when the resume has no dated position, and then capped at the
    career length the resume states. Implied skills get no years. Skills with neither source
    are left out (unknown; with dated positions, scoring reads that as none).
    """
    # Each position's interval, read once rather than once per skill.
    counted = [(p, iv) for p in experience.positions if (iv := counted_interval(p)) is not None]
    if counted:
        stated = {}
    elif stated is None:
        stated = stated_skill_years(lines, hits)
    out: dict[str, float] = {}
    for hit in hits:
        if hit.source == "implied":
            continue
        spans = [iv for p, iv in counted if hit.id in p.skills]
        from_positions = union_months(spans) / 12 if spans else 0.0
        years = from_positions or _capped(stated.get(hit.id, 0.0), experience.claimed_years)
        if years > 0:
            out[hit.id] = round(years, 2)
    return dict(sorted(out.items()))
