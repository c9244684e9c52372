"""Two layouts the generic reading of title lines gets wrong: LinkedIn's PDF export and web forms.

LinkedIn groups the roles at one employer under its name, so most roles have no company line of
their own; a web form prints its fields as "company - Acme", "description - Jan 2016 to till
date", with the title in a "<Title> - <Company>" field elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from screener.parse.experience.anchors import Anchor, DateContext, Draft, without_dates
from screener.parse.experience.titles import (
    HAS_DIGIT_RE,
    LOCATION_RE,
    header_like,
    split_parts,
    strip_location,
)

# LinkedIn's PDF export: each role's dates end with its length, "March 2021 - Present (4 years
# 4 months)"; roles at one employer are grouped under its name and the group's total length.
_LINKEDIN_LENGTH = r"(?:\d+\s+(?:years?|months?)\s*){1,2}"  # "5 years 11 months"
_LINKEDIN_DATE_RE = re.compile(
    rf"\(\s*{_LINKEDIN_LENGTH}\)\s*$|\(\s*less than a year\s*\)\s*$", re.IGNORECASE
)
_GROUP_TOTAL_RE = re.compile(rf"^\s*{_LINKEDIN_LENGTH}$", re.IGNORECASE)
# A LinkedIn location: "Seattle, Washington, United States", "Portland, Oregon Area".
_LINKEDIN_PLACE_RE = re.compile(
    r"^[A-Z][\w.' -]*(?:,\s*[A-Z][\w.' -]*){1,3}$|^[A-Z][\w.' -]* Area$"
)
# A web form's labelled fields: "company - Vellora Infotech", "description - Jan 2016 to till
# date ...". The title is the form's "<Title> - <Company>" field, printed elsewhere.
_FORM_COMPANY_RE = re.compile(r"^\s*company\s*[-:]\s*(?P<name>\S.*?)\s*$", re.IGNORECASE)
_FORM_FIELD_RE = re.compile(r"^\s*(?:description|duration|project|period)\s*[-:]\s*", re.IGNORECASE)
_FORM_LOOKBACK = 4


def linkedin_companies(lines: Sequence[str], drafts: list[Draft]) -> None:
    """Companies of a LinkedIn export, which the generic reading gets wrong in two ways: the
    line above a role's title can be the previous role's location ("Seattle, Washington"), and
    the second role at an employer has no company line of its own.

    The layout: "Company" / ["5 years 11 months": the group's total] / "Title" / "Dates (length)"
    / ["Location"] / description. So the line above the title is the group's total (the company
    is above it), the previous role's date or location line (same employer), or a new company.
    """
    dated = [d for d in drafts if _LINKEDIN_DATE_RE.search(lines[d.anchor.line - 1])]
    if len(dated) < 2 or len(dated) < 0.6 * len(drafts):
        return
    prev: Draft | None = None
    group: tuple[int, int] | None = None  # the group's last month and its total in months
    for d in drafts:
        title_line = top = d.anchor.line - 1
        above = title_line - 1
        if title_line < 1 or not header_like(lines[title_line - 1]):
            prev = d
            continue  # no title line right above the dates: not this layout's block
        text = lines[above - 1].strip() if above >= 1 else ""
        place = _linkedin_place(text, lines)
        # A role belongs to the group if the group's total still covers it: LinkedIn counts
        # the total from the group's first month to its last, both included.
        in_group = group is not None and group[0] - d.anchor.rng.start + 1 <= group[1] + 1
        if prev is not None and above == prev.anchor.line:
            d.company = prev.company  # straight after the previous role's dates
        elif above >= 2 and _GROUP_TOTAL_RE.match(text):
            d.company = _company_text(lines[above - 2])
            group, top = (d.anchor.rng.end, _months(text)), above - 1
        elif prev is not None and above == prev.anchor.line + 1 and (place or in_group):
            d.company = prev.company  # the previous role's location: the same employer
        elif text and header_like(text) and not place:
            d.company, group, top = _company_text(text), None, above
        # The title is the whole line above the dates ("Vice President, Sales" included), and
        # the role starts at its company line when it has one of its own.
        d.title = lines[title_line - 1].strip(" \t|\u2022\u00b7")
        d.first_line = top
        d.block = tuple(sorted({*range(top, title_line + 1), d.anchor.line,
                                *d.anchor.extra_lines}))
        prev = d


def _months(total: str) -> int:
    """ "5 years 11 months" -> 71."""
    months = 0
    for number, unit in re.findall(r"(\d+)\s+(year|month)", total.lower()):
        months += int(number) * (12 if unit == "year" else 1)
    return months


def _linkedin_place(text: str, lines: Sequence[str]) -> bool:
    """A location line: "City, Region, Country", "... Area", a US "City, ST", or a one-word
    place the resume writes elsewhere with its region ("Madrid" and "Madrid, Community of
    Madrid, Spain" under the name)."""
    if _LINKEDIN_PLACE_RE.match(text) or LOCATION_RE.match(text):
        return True
    if "," in text or len(text.split()) > 2:
        return False
    return any(
        line.startswith(text + ", ") and _LINKEDIN_PLACE_RE.match(line.strip()) for line in lines
    )


def _company_text(line: str) -> str:
    parts = split_parts(line)
    return strip_location(parts[0]) if parts else line.strip()


def form_fields(
    lines: Sequence[str], a: Anchor, region: range, stop: set[int], ctx: DateContext
) -> tuple[str, str, int] | None:
    """(title, company, first line) of a dated web-form block, or None for other layouts.

    The date sits in the "company - X" field itself or in a "description -" / "duration -"
    field below it; the description is prose, never a title.
    """
    text = lines[a.line - 1]
    company_line = None
    if _FORM_COMPANY_RE.match(text):
        company_line = a.line
    elif _FORM_FIELD_RE.match(text):
        for n in range(a.line - 1, max(region.start, a.line - _FORM_LOOKBACK) - 1, -1):
            if _FORM_COMPANY_RE.match(lines[n - 1]):
                company_line = n
                break
            if n in stop:
                break
    if company_line is None:
        return None
    raw = _FORM_COMPANY_RE.match(lines[company_line - 1]).group("name")  # type: ignore[union-attr]
    ranges = ctx.ranges(raw)
    pieces = split_parts(without_dates(raw, ranges)) if ranges else [raw.strip(" .,;")]
    company = strip_location(pieces[0]) if pieces else ""
    return _form_title(lines, company), company, company_line


def _form_title(lines: Sequence[str], company: str) -> str:
    """The title from the form's "<Title> - <Company>" field ("Java Developer - Acme Ltd").

    In a flattened form the field runs on from the one before, which repeats the title
    ("... Data Scientist Data Scientist - Acme"): the repeated run is the title.
    """
    if not company:
        return ""
    tail = re.compile(rf"\s[-\u2013\u2014]\s*{re.escape(company)}\s*$", re.IGNORECASE)
    for line in lines:
        m = tail.search(line)
        if not m or _FORM_COMPANY_RE.match(line) or _FORM_FIELD_RE.match(line):
            continue
        words = line[: m.start()].split()
        for k in range(min(6, len(words) // 2), 0, -1):
            if [w.lower() for w in words[-k:]] == [w.lower() for w in words[-2 * k : -k]]:
                return " ".join(words[-k:])
        if 0 < len(words) <= 6 and not HAS_DIGIT_RE.search(line[: m.start()]):
            return " ".join(words)
    return ""
