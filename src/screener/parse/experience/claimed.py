"""What the resume says of itself: the career length it claims ("8+ years of experience") and the
years it states per skill ("Python (5 years)", "Java- Exprience - 24 months").

Both are the candidate's own figures, shown beside the dated ones: the claimed career is never
the total (`Experience.total_years` comes from dated positions only), and a stated skill figure
counts only when the resume has no dated position (see `years.skill_years`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from screener.parse.sections import section_at
from screener.parse.words import alternation, pairs
from screener.records import NOT_CLAIMED, Evidence, Section, SkillHit

_NUMBER_WORDS = {word: int(value) for word, value in pairs("number_words").items()}
_NUM = (
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_UNIT = r"(?P<unit>years?|yrs?|months?|mos?)\b\.?"
# Words that may stand between "years" and "experience" in a claim about the whole career.
_GENERIC = rf"(?:{alternation('career_fields')})"
_CLAIM_RE = re.compile(
    rf"(?:(?P<lead>{alternation('claim_leads')})\s+)?"
    + _NUM + r"\s*\+?\s*(?:plus\s+)?(?:years?|yrs?)\b['\u2019]?\s*(?:of\s+)?"
    r"(?:(?P<exp>(?:" + _GENERIC + r"\s+){0,4}experience)\b)?",
    re.IGNORECASE,
)
_CLAIM_AFTER_RE = re.compile(
    r"\bexperience\s*(?:of|:|-)\s*(?:over\s+)?" + _NUM + r"\s*\+?\s*(?:years?|yrs?)\b",
    re.IGNORECASE,
)
# Form fields: "Experience - 2 years 6 months", "Exp: 36 months", "Total Experience: 42 months".
_CLAIM_FIELD_RE = re.compile(
    r"^\W*(?:total\s+)?(?:experience|exp)\.?\s*[:\-\u2013]\s*(?P<num>\d{1,3}(?:\.\d{1,2})?)\s*\+?\s*"
    r"(?P<unit>years?|yrs?|months?)\b(?:\s*(?:and\s+)?(?P<more>\d{1,2})\s*months?\b)?",
    re.IGNORECASE,
)
# "experience", and the form's own spelling "Exprience" (kept in its exports), "Experiance"
_EXPERIENCE = r"(?:exp(?:e|é)?ri(?:e|a)nce|exp\.?)"
_AFTER_SKILL_RE = re.compile(
    r"^\s*(?:[:(\[,\-\u2013\u2014|]\s*)*(?:" + _EXPERIENCE + r"\s*[:\-\u2013\u2014]?\s*)?"
    r"(?:(?P<less>less\s+than\s+(?:1|one|a)\s+years?(?:\s+months?)?)"
    r"|(?P<num>\d{1,3}(?:\.\d{1,2})?|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")\s*\+?\s*"
    + _UNIT
    + ")",
    re.IGNORECASE,
)
# A whole self-report of a form's "Skill Details" block: "JAVASCRIPT- Exprience - 24 months".
_SELF_REPORT_RE = re.compile(
    r"(?P<name>[A-Za-z][\w.+#/&' ]{0,40}?)\s*-\s*" + _EXPERIENCE + r"\s*-\s*"
    r"(?:(?P<less>less\s+than\s+(?:1|one|a)\s+years?(?:\s+months?)?)"
    r"|(?P<num>\d{1,3}(?:\.\d{1,2})?)\s*\+?\s*" + _UNIT + ")",
    re.IGNORECASE,
)
# "Less than 1 year": half a year, the middle of what it allows (documented in the README).
_LESS_THAN_A_YEAR = 0.5
_BEFORE_SKILL_RE = re.compile(
    _NUM + r"\s*\+?\s*" + _UNIT + r"['\u2019]?\s*(?:of\s+)?(?:experience\s+(?:in|with)\s+)?"
    r"(?:(?:hands-on|professional|commercial|production)\s+)?$",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    key = text.lower()
    return float(_NUMBER_WORDS[key]) if key in _NUMBER_WORDS else float(key)


def _field_years(m: re.Match[str]) -> float:
    """Years of a "2 years 6 months" / "36 months" field, to 2 decimals."""
    value = float(m.group("num"))
    if m.group("unit").lower().startswith("mo"):
        return round(value / 12, 2)
    return round(value + (int(m.group("more")) / 12 if m.group("more") else 0), 2)


def claimed_years(
    lines: Sequence[str], sections: Sequence[Section]
) -> tuple[float | None, Evidence | None]:
    """The career length the resume states ("8+ years of experience", "over ten years").

    The largest claim wins; "5 years of Python experience" is a skill claim, not a career one.
    """
    best: tuple[float, Evidence] | None = None
    for number, line in enumerate(lines, start=1):
        field = _CLAIM_FIELD_RE.match(line)
        if field:
            value = _field_years(field)
            if 0 < value <= 50 and (best is None or value > best[0]):
                best = (value, Evidence(field.group(0).strip(), section_at(sections, number),
                                        number))
            continue
        low = line.lower()
        if "year" not in low and "yr" not in low:
            continue
        for m in list(_CLAIM_RE.finditer(line)) + list(_CLAIM_AFTER_RE.finditer(line)):
            if m.re is _CLAIM_RE and not (m.group("exp") or m.group("lead")):
                continue
            value = _number(m.group("num"))
            if 0 < value <= 50 and (best is None or value > best[0]):
                ev = Evidence(m.group(0).strip(), section_at(sections, number), number)
                best = (value, ev)
    return (best[0], best[1]) if best else (None, None)


def _names_unit(low: str) -> bool:
    """Whether a lower-case line has a unit both skill-years patterns end in (years, yrs,
    months, mos): without one, `line_skill_years` finds nothing on it."""
    return "yr" in low or "year" in low or "mo" in low


def line_skill_years(line: str, text: str) -> float:
    """Years the line states next to a skill's matched text: "Python (5 years)", "5 yrs of Go",
    "Java- Exprience - 24 months". Every mention on the line is tried (flattened forms)."""
    if not text:
        return 0.0
    low, key, best = line.lower(), text.lower(), 0.0
    if not _names_unit(low):
        return 0.0
    at = low.find(key)
    while at >= 0:
        m = _AFTER_SKILL_RE.match(line[at + len(text) : at + len(text) + 60])
        if not m:
            m = _BEFORE_SKILL_RE.search(line[max(0, at - 40) : at])
        if m:
            best = max(best, _report_years(m))
        at = low.find(key, at + 1)
    return best


def _report_years(m: re.Match[str]) -> float:
    if "less" in m.re.groupindex and m.group("less"):
        return _LESS_THAN_A_YEAR
    value = _number(m.group("num"))
    if m.group("unit").lower().startswith("mo"):
        value /= 12
    return value if 0 < value <= 50 else 0.0


def _self_reports(lines: Sequence[str]) -> list[tuple[str, float]]:
    """(name as written, years) of every "<Skill>- Exprience - <n> months" on the resume."""
    out = []
    for line in lines:
        if "xp" not in line.lower():
            continue
        for m in _SELF_REPORT_RE.finditer(line):
            years = _report_years(m)
            if years > 0:
                out.append((" ".join(m.group("name").lower().split()), years))
    return out


def _reported(hit: SkillHit, reports: list[tuple[str, float]]) -> float:
    """A form's self-report naming the skill as one of its matched forms ("Keras- Exprience"
    reported while the matcher found "Keras" on another line). In a flattened form the name
    runs on from the field before, so it need only end with the form."""
    if not reports:
        return 0.0
    forms = {" ".join(e.text.lower().split()) for e in hit.evidence if e.text}
    best = 0.0
    for name, years in reports:
        if any(name == f or name.endswith(" " + f) for f in forms):
            best = max(best, years)
    return best


def stated_skill_years(lines: Sequence[str], hits: Sequence[SkillHit]) -> dict[str, float]:
    """Years the resume states per explicit or fuzzy skill: "Python (15 years)", "5 yrs of Go",
    "Java- Exprience - 24 months" (the largest where it states several). Not denied or wished
    mentions. Shown beside the dated figure, never in its place while dates exist."""
    reports = _self_reports(lines)
    unit_lines: dict[int, bool] = {}

    def units(number: int) -> bool:
        """Does the line name a unit? Without one `line_skill_years` is 0 (asked once)."""
        if number not in unit_lines:
            unit_lines[number] = _names_unit(lines[number - 1].lower())
        return unit_lines[number]

    out: dict[str, float] = {}
    for hit in hits:
        if hit.source == "implied":
            continue
        stated = max(
            (
                line_skill_years(lines[e.line - 1], e.text)
                for e in hit.evidence
                if 0 < e.line <= len(lines) and units(e.line) and e.stance not in NOT_CLAIMED
            ),
            default=0.0,
        )
        stated = stated or _reported(hit, reports)
        if stated > 0:
            out[hit.id] = round(stated, 2)
    return dict(sorted(out.items()))
