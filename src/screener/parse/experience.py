"""Positions, the union of their intervals, and total / per-skill / relevant years.

Where positions are read: the experience section(s); when a resume has no experience heading,
every line outside education, certifications, projects, volunteer, skills and the like, except
lines that read as a degree or a certificate. A line is a position's date line when it holds a
date range (or a lone date) that is not part of a sentence: "Led the 2019 migration" and bullets
such as "• Cut costs between 2022 and 2023" are not positions. Career breaks are not positions.

Conventions (shared with `screener.parse.dates` and the gold labels in tests/data/experience/):

- months are counted inclusively: Jan 2018 - Dec 2018 is 1.0 year, Jan 2018 - Jan 2018 one month;
- total years = the union of the positions' intervals (overlaps merged) in months / 12, rounded
  to 2 decimals; positions flagged ``end-before-start`` or ``future-start`` are excluded, and an
  end after the as-of date counts up to the as-of month;
- `total_years` is None when no dated position was found: unknown is not zero;
- `total_years_low` / `_high` use the tightest / widest reading of imprecise dates
  ("2016 - 2019" is between Dec 2016 - Jan 2019 and Jan 2016 - Dec 2019).

Each position's span runs from its first line (title lines above the dates included) to the line
before the next position, and `Position.skills` lists the explicit or fuzzy skills its duties use
(`used_skills`: not its employer's name, not denied, not taught or managed). `skill_years` takes,
per skill, the union of the positions that use it; what the resume states ("Python (5 years)")
is `stated_skill_years`, the figure only when there is no dated position. `relevant_years`
counts a position by what the role is (`relevant_role`, `screener.parse.roles`), not by any mention.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from screener.parse.dates import (
    DANGLING_END_RE,
    MONTH_NAME_RE,
    YEAR_RE,
    DateRange,
    day_first_document,
    find_ranges,
    month_index,
    months_to_years,
    union_months,
    ym,
)
from screener.parse.roles import BUILD, other_kind, own_use, role_kinds
from screener.parse.sections import (
    find_sections,
    heading_content,
    heading_name,
    section_at,
    split_labelled,
)
from screener.records import NOT_CLAIMED, Evidence, Experience, Position, Section, SkillHit

UNTRUSTED_FLAGS = frozenset({"end-before-start", "future-start", "volunteer"})
# An unpaid role listed among the jobs ("Volunteer", "Volunteer Tutor"): shown with its dates,
# never counted as professional years (volunteer work never counts, wherever it is listed).
# A role that runs volunteers ("Volunteer Coordinator") is a job.
_VOLUNTEER_TITLE = re.compile(
    r"^\W*volunteer\b(?!.*\b(?:coordinator|manager|director|supervisor|lead|specialist|officer)"
    r"\b)", re.I
)
# Sections whose dates are never professional experience.
_NOT_WORK = frozenset(
    {"education", "certifications", "projects", "awards", "publications", "volunteer",
     "references", "languages", "interests", "skills", "summary", "contact"}
)  # fmt: skip
_DEGREE_RE = re.compile(
    r"\b(?:b\.?\s?sc?|m\.?\s?sc?|b\.?\s?a|m\.?\s?a|b\.?\s?eng|m\.?\s?eng|ph\.?\s?d|mba|bachelor'?s?"
    r"|master'?s|masters|master\s+of|diploma|degree|gpa|graduated|certified|certificate"
    r"|certification|coursework|b\.?\s?com|b\.?\s?tech|m\.?\s?tech|bba|b\.\s?ed|m\.\s?ed|bsn|msn"
    r"|m\.?\s?phil|a\.\s?a\.\s?s|b\.\s?f\.\s?a|bfa|abitur|diplom[a-z]*|baccalaur[a-z]*|hons"
    # "B.E UIT-RGPV", "BCA", "LL.B.", "B.Pharm", "SSC" / "HSC" (school-leaving certificates)
    r"|b\.\s?e|m\.\s?e|bca|mca|ll\.?\s?b|ll\.?\s?m|b\.?\s?pharm|m\.?\s?pharm|b\.?\s?arch"
    r"|ssc|hsc|b\.\s?l\.\s?s|pgdm|pgdbm)"
    r"(?:\b|(?<=\.))",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(
    r"\b(?:career\s+(?:break|gap)|sabbatical|parental\s+leave|maternity|paternity|gap\s+year"
    r"|caregiving|unemployed|job\s+search)\b",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u25a0\u25e6\u2023\u2043\u2219\u00b7*>\u27a2\u2713\u2714o-]\s+|\d+[.)]\s)"
)
_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'&.-]*")
_PREV_WORD_RE = re.compile(r"(?<![A-Za-z])([a-z]+)\s*$")
_SENTENCE_WORDS = frozenset(
    "in from between during by of the and over after before through on within than since until "  # noqa: SIM905
    "till around circa to a an".split()
)
# Separators between a line's fields. Bars, bullets, tabs, wide gaps, dashes and " @ " part
# whole fields (see `_keep_title_commas`); middots, "::", commas, semicolons and brackets part
# pieces too. (Alternatives starting with a space keep their order: wide gap, dash, "@".)
_STRONG_SEPARATORS = r"\||\u2022|\t|\s{2,}|\s[-\u2013\u2014]+\s|\s@\s"
_SPLIT_RE = re.compile(rf"\s*(?:{_STRONG_SEPARATORS}|\u00b7|::|[,;]\s|\(|\)|\[|\])\s*")
_STRONG_SPLIT_RE = re.compile(rf"\s*(?:{_STRONG_SEPARATORS})\s*")
_AT_RE = re.compile(r"^(.+?)\s+at\s+(.+)$")
_TRAIL_SEP_RE = re.compile(
    r"^[\s,;:|(\[]*(?:[-\u2010-\u2015~]|to|until|till|through)\s*$", re.IGNORECASE
)
# The dash of a range wrapped before its end ("- March 2024"), made a bullet by `normalise`.
_WRAPPED_DASH_RE = re.compile(r"^[\u2022\u2013\u2014-]\s*")
# An open end opening a row's next line ("Present Wavecrest Telecom"); not "Date of birth".
_ROW_OPEN_RE = re.compile(r"^\(?(?:present|current|now)\b", re.IGNORECASE)
_LEAD_SEP_RE = re.compile(r"^\s*(?:[-\u2010-\u2015~]|to|until|till|through)\s*\S", re.IGNORECASE)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    "|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|ON|BC|QC|AB|NSW|VIC|USA|UK"
)
_STATE_RE = re.compile(rf"^(?:{_STATES})$")
_LOCATION_RE = re.compile(
    rf"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?\s?,? (?:{_STATES})(?: United States)?|[Rr]emote|[Hh]ybrid"
    r"|[Oo]n-?site)$"
)
# "Boston, MA" is a place, not a Master of Arts, when a degree is looked for.
_PLACE_RE = re.compile(rf"\b[A-Z][a-z]+\s?,\s*(?:{_STATES})\b")
_CERTIFIED_RE = re.compile(r"(?i)certified")
_STATE_TAIL_RE = re.compile(rf"\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s?,\s*(?:{_STATES})$")
# Resume-builder exports anonymise the place as the literal "City , State".
_PLACEHOLDER_RE = re.compile(r"\bCity\s*,\s*State\b")
# An employer line: "Company Name - City , State", "Initech LLC - Dallas , TX".
_EMPLOYER_TAIL_RE = re.compile(rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s?,\s*(?:{_STATES}|State)$")
_TITLE_RE = re.compile(
    r"\b(?:engineer|developer|programmer|architect|analyst|manager|lead|director|consultant"
    r"|intern|administrator|admin|specialist|designer|scientist|assistant|associate|officer"
    r"|head|vp|president|founder|co-founder|cto|ceo|cio|technician|tester|coordinator|devops"
    r"|sre|researcher|fellow|contractor|freelancer|teacher|instructor|trainee|apprentice"
    r"|owner|executive|representative|supervisor|principal|mentor|editor|writer|accountant"
    r"|clerk|qa|dba|webmaster|strategist|advisor|partner|master|owner|nurse|rn|lpn|cna|chef"
    r"|cook|pilot|captain|professor|lecturer|postdoc|auditor|sergeant|chief|physician"
    r"|therapist|pharmacist|paralegal|attorney|lawyer|bartender|server|cashier|agent|broker"
    r"|recruiter|generalist|planner|buyer|foreman|operator|mechanic|electrician|driver|co-op"
    r"|student|worker|aide|paramedic|counsel(?:or|lor)|librarian|superintendent|dean"
    r"|commis|sous|steward|attendant|inspector|estimator|surveyor|controller|bookkeeper"
    r"|baker|dishwasher|teller|receptionist|paraprofessional|secretary|hygienist|phlebotomist"
    r"|technologist|caregiver|housekeeper|janitor|custodian|tutor|dispatcher|machinist|welder"
    r"|plumber|carpenter|laborer|stocker|merchandiser|host|hostess|nanny|underwriter)s?\b",
    re.IGNORECASE,
)
_COMPANY_RE = re.compile(
    r"\b(?:inc|llc|ltd|corp|corporation|co|company|gmbh|ag|sa|plc|group|technologies"
    r"|technology|solutions|labs?|systems|industries|consulting|services|studios?"
    r"|digital|media|bank|university|college|institute|foundation|agency|ventures|holdings"
    r"|enterprises|networks|analytics|cloud|health|apps|trading|payments|works|robotics"
    r"|self-employed|freelance|software|traders|dynamics|cybernetics|initiative"
    r"|hospital|clinic|medical center|airlines?|airways|school|academy"
    r"|ab|oy|bv|nv|srl|pty|pvt|sarl|sas|kk)\b",
    re.IGNORECASE,
)
_MAX_HEADER_WORDS = 9
# "Designation: QA Engineer", "Duration: Aug 2017 to Jun 2020": form labels, not content.
_LABEL_RE = re.compile(
    r"^(?:organi[sz]ation|company|employer|designation|position|role|job\s+title|title"
    r"|duration|period|dates?|location|client|description)\s*(?::|-(?=\s))\s*",
    re.IGNORECASE,
)
_LABEL_WORD_RE = re.compile(r"^(?:company|description|duration|project|designation|role)$", re.I)
# A web form's labelled fields: "company - Vellora Infotech", "description - Jan 2016 to till
# date ...". The title is the form's "<Title> - <Company>" field, printed elsewhere.
_FORM_COMPANY_RE = re.compile(r"^\s*company\s*[-:]\s*(?P<name>\S.*?)\s*$", re.IGNORECASE)
_FORM_FIELD_RE = re.compile(r"^\s*(?:description|duration|project|period)\s*[-:]\s*", re.IGNORECASE)
_FORM_LOOKBACK = 4
# A lone open end on its own line ("Present" in a flattened table's "To" column).
_OPEN_LINE_RE = re.compile(
    r"^\(?(?:present|current|now|ongoing|today|to\s+date|till\s+date|date)\)?$", re.IGNORECASE
)
# "Inc.", "Co.", "Jr.", "B.V.", "S.A.": a full stop that is part of the name
_ABBREV_END_RE = re.compile(r"(?:^|\s)(?:[A-Za-z]{1,4}|(?:[A-Za-z]\.){1,3}[A-Za-z])\.$")
# A kind of employment in brackets after a title, "Cashier (part-time)": kept with the title
# rather than split off as a company.
_QUALIFIER_RE = re.compile(
    r"\(\s*(contract|contractor|part[- ]time|full[- ]time|temporary|temp|internship"
    r"|traineeship|apprenticeship|freelance|seasonal|volunteer|per diem|locum|co-op"
    r"|fixed[- ]term|interim)\s*\)",
    re.IGNORECASE,
)
_KEEP_OPEN, _KEEP_CLOSE = "\ue000", "\ue001"  # brackets the split must not see
_DURATION_RE = re.compile(
    r"^\d+\s*(?:years?|yrs?|months?|mos?|weeks?|wks?|hours? per week|hrs?/(?:wk|week))\b",
    re.IGNORECASE,
)
# A full stop after a lowercase word ends a sentence; "Delos Inc." is a company.
_SENTENCE_END_RE = re.compile(r"(?<![A-Z])[a-z]{2,}\.$|\.\s+[A-Z].*\.$")


@dataclass
class _Anchor:
    """A date line (or date) that opens a position, and what was read around it."""

    line: int  # 1-based
    rng: DateRange
    parts: list[str]  # text pieces on the date line outside the date
    first_line: int  # first line of the position (title lines above included)
    extra_lines: tuple[int, ...] = ()  # lines consumed by a date split over two lines


# --------------------------------------------------------------------------- regions


def _regions(lines: Sequence[str], sections: Sequence[Section]) -> tuple[list[range], bool]:
    """Line ranges (1-based) to read positions from, and whether they are experience sections."""
    exp = [range(s.start_line, s.end_line + 1) for s in sections if s.name == "experience"]
    if exp:
        return exp, True
    if not sections:
        return ([range(1, len(lines) + 1)] if lines else []), False
    return [range(s.start_line, s.end_line + 1) for s in sections if s.name not in _NOT_WORK], False


def _line_text(lines: Sequence[str], number: int, headings: set[int]) -> str:
    """The line's text, without a heading glued to its start ("EXPERIENCESenior ...") and with
    a space before a date glued to a word.

    `headings`: the first lines of the sections that have a heading."""
    text = _GLUED_DATE_RE.sub(" ", lines[number - 1])
    if number in headings:
        return heading_content(text)
    return text


# A numeric date glued to the word before it, its space lost in extraction ("Line Chef07/2010").
_GLUED_DATE_RE = re.compile(r"(?<=[A-Za-z])(?=\d{1,2}[/.]\d{4}\b)")


# --------------------------------------------------------------------------- date lines


def _is_position_date(text: str, rng: DateRange, n_dates: int) -> bool:
    """Whether a date in `text` dates a position rather than being part of a sentence.

    A lone date must follow a capitalised word or a separator ("Beta Inc, 2021"), never a
    lowercase word ("in 2021", "the 2015 monolith"); a lone year run on from a name is the
    name's version ("Microsoft Exchange 2003", "Windows Server 2008"). A range is refused after
    a preposition ("between", "from", "during") or, in a bullet, after any lowercase word.
    """
    before = text[: rng.span[0]]
    prev = _PREV_WORD_RE.search(before)
    bullet = bool(_BULLET_RE.match(text))
    words = len(_WORDS_RE.findall(before + " " + text[rng.span[1] :]))
    if _inside_sentence(text, rng):
        return False  # "Ranked top 10% nationally 2008-2009, achieved ...": a fact, not a job
    if "single-date" in rng.flags:
        version = "year-only" in rng.flags and _WORD_BEFORE_RE.search(before)
        return not prev and not version and n_dates == 1 and words <= 8 and not bullet
    if prev and (bullet or prev.group(1) in _SENTENCE_WORDS):
        return False
    if bullet and not _at_edge(text, rng):
        return False  # "• Java from 2016 to 2018, then Kotlin"
    return words <= 16 or not bullet


def _inside_sentence(text: str, rng: DateRange) -> bool:
    """Whether a date runs on from a sentence's words and the sentence runs on after it.

    A job's date follows a name and is followed by a name, a separator or nothing ("Flight
    Attendant 10/2013 to Current Company Name"); a fact's date sits between lower-case words
    ("year from 2006-2010 in every metric").
    """
    before, after = text[: rng.span[0]], text[rng.span[1] :]
    return bool(
        _WORD_BEFORE_RE.search(before) and _WORD_AFTER_RE.match(after) and _reads_as_sentence(text)
    )


def _reads_as_sentence(text: str) -> bool:
    """Whether a line is prose: many words, more of them lower case than capitalised.

    Bullet glyphs are often lost in extraction, so a bullet's sentence looks like any line;
    a job's line is mostly names (title, employer, place), whatever its layout.
    """
    words = _WORDS_RE.findall(text)
    lower = sum(w[0].islower() for w in words)
    return len(words) >= _SENTENCE_MIN_WORDS and lower > len(words) - lower


_SENTENCE_MIN_WORDS = 8
# A date run on from the word before it, with no comma, dash or bracket setting it apart.
_WORD_BEFORE_RE = re.compile(r"[A-Za-z]\s*$")
_WORD_AFTER_RE = re.compile(r"[,;]?\s*[a-z]")


def _at_edge(text: str, rng: DateRange) -> bool:
    """Whether a bullet's date opens or closes its text ("• 09.2020 - present: Developer")."""
    head = _BULLET_RE.sub("", text[: rng.span[0]], count=1)
    tail = text[rng.span[1] :]
    opens = not head.strip(" \t(|[") and not rng.text.lower().startswith(("from", "since"))
    return opens or not tail.strip(" \t.)|]")


def _date_anchors(
    lines: Sequence[str], region: range, sections: Sequence[Section], as_of: date, fallback: bool
) -> list[_Anchor]:
    """Position date lines in a region, left to right, top to bottom."""
    day_first = day_first_document(lines)
    anchors: list[_Anchor] = []
    consumed: set[int] = set()
    headings = {s.start_line for s in sections if s.heading}
    for number in region:
        if number in consumed:
            continue
        text = _line_text(lines, number, headings)
        text = _wrapped_month(lines, number, region, text) + text
        if not _HAS_DIGIT_RE.search(text) or _BREAK_RE.search(text):
            continue  # no date; or a career break, which is not a position
        ranges = find_ranges(text, as_of, day_first=day_first)
        if len(ranges) > _MAX_LINE_DATES:
            continue  # a list of dates, not a job's line (and reading each would be quadratic)
        if _credential(text, ranges):
            continue  # a degree or a certificate is not a position
        ranges = _pair_lone_dates(text, ranges, as_of, day_first)
        for rng in ranges:
            if not _is_position_date(text, rng, len(ranges)):
                continue
            extra: tuple[int, ...] = ()
            rest = ""  # the next line's text after a range's end wrapped onto it
            if "single-date" in rng.flags and len(ranges) == 1:
                rng, extra, rest = _join_split_range(
                    lines, number, text, rng, region, as_of, day_first
                )
                consumed.update(extra)
                ranges = [rng]  # its span now covers the dangling "- Feb" too
            parts = _split_parts(_without_dates(text, ranges)) + _split_parts(rest)
            anchors.append(_Anchor(number, rng, parts, number, extra))
    return anchors


_HAS_DIGIT_RE = re.compile(r"\d")
# A job's line holds a date or two (3 at most in the labelled set: a range and a lone date); a
# line with more is a list of dates. Each date is weighed against its whole line, so without
# this bound a long line of dates costs time quadratic in its length (50 KB of "2019-2020 ":
# ~40 s); with it, the work on a line is at most this many passes over it.
_MAX_LINE_DATES = 12
# A date's month (and the word opening its range) left at the end of the line above its year.
_WRAPPED_MONTH_RE = re.compile(
    rf"(?:\b(?:[Ff]rom|[Ss]ince|to|till|until)\s+)?\b(?=[A-Z])(?i:{MONTH_NAME_RE.pattern})\s*$"
)


def _wrapped_month(lines: Sequence[str], number: int, region: range, text: str) -> str:
    """ "From Mar." ending the line above a line that opens with "2014 till now:": the month
    (with its "From") to put back before the year; "" when the line does not continue a date."""
    if number - 1 not in region or not YEAR_RE.match(text):
        return ""
    m = _WRAPPED_MONTH_RE.search(lines[number - 2])
    return m.group(0).strip() + " " if m else ""


def _credential(text: str, ranges: list[DateRange]) -> bool:
    """Whether a dated line reads as a degree or a certificate rather than a job.

    "Boston, MA" is a place, not a Master of Arts; "Certified Flight Instructor, 2011 - 2014"
    is a job: "certified" before a job title with a date range does not make a certificate.
    """
    plain = _PLACE_RE.sub(" ", text)
    m = _DEGREE_RE.search(plain)
    if not m:
        return False
    if _CERTIFIED_RE.fullmatch(m.group(0)) and not _DEGREE_RE.search(plain, m.end()):
        ranged = any("single-date" not in r.flags for r in ranges)
        return not (ranged and _TITLE_RE.search(plain, m.end()))
    return True


def _without_dates(text: str, ranges: list[DateRange]) -> str:
    """The line with every date replaced by a separator, so pieces never hold a date."""
    out, last = [], 0
    for rng in ranges:
        out.append(text[last : rng.span[0]])
        out.append(" | ")
        last = rng.span[1]
    out.append(text[last:])
    return "".join(out)


def _pair_lone_dates(
    text: str, ranges: list[DateRange], as_of: date, day_first: bool = False
) -> list[DateRange]:
    """ "Jan 2018 Mar 2019" (the dash lost in extraction) -> one range."""
    if len(ranges) != 2 or not all("single-date" in r.flags for r in ranges):
        return ranges
    first, second = ranges
    if text[first.span[1] : second.span[0]].strip():
        return ranges
    joined = text[: first.span[1]] + " - " + text[second.span[0] :]
    for cand in find_ranges(joined, as_of, day_first=day_first):
        if cand.span[0] == first.span[0] and "single-date" not in cand.flags:
            return [_with_span(cand, (first.span[0], second.span[1]))]
    return ranges


def _join_split_range(
    lines: Sequence[str],
    number: int,
    text: str,
    rng: DateRange,
    region: range,
    as_of: date,
    day_first: bool = False,
) -> tuple[DateRange, tuple[int, ...], str]:
    """ "Mar 2021 -" then "Present" on the next line: read the two lines as one range.

    Returns the range, the lines it consumed, and the text after the range's end on the last.

    A date alone on its line followed by a date (or "Present") alone on the next is one range
    too: a flattened table's "From" and "To" cells. So is a range a narrow table cell wrapped
    after its end's month: "Aug 2020 - Feb" / "2022". When the row was read across its cells
    ("Aug 2020 - Feb Software Engineer" / "2022 Northwind Traders", "Mar 2022 - Software
    Engineer" / "Present Wavecrest Telecom"), the date must open its line, the next line must
    open with the end alone (not a range of its own), and the joined range must not end before
    it starts: a single start date beside a title is a layout of its own. A cell wrapped twice
    ("November 2017" / "– September" / "2018") is read over three lines, and so is a range
    whose "to" or dash stands alone between its two dates ("April 2015" / "to" / "Current").
    """
    nxt = number + 1
    if nxt not in region or not lines[nxt - 1].strip():
        return rng, (), ""
    tail, following = text[rng.span[1] :], lines[nxt - 1].strip()
    consumed: tuple[int, ...] = (nxt,)
    third = lines[nxt].strip() if nxt + 1 in region else ""
    if MONTH_NAME_RE.fullmatch(_WRAPPED_DASH_RE.sub("", following, count=1)) and (
        YEAR_RE.match(third)
    ):
        following, consumed = f"{following} {third}", (nxt, nxt + 1)
    elif not tail.strip() and _TRAIL_SEP_RE.match(following) and third:
        following, consumed = f"{following} {third}", (nxt, nxt + 1)  # "April 2015" / "to" / ...
    cut, wrapped, row = len(text), False, False  # where the range ends on its line; its forms
    if _TRAIL_SEP_RE.match(tail) and tail.strip():
        head = text[: rng.span[1]] + " - "
    elif not tail.strip() and _LEAD_SEP_RE.match(following):
        head = text[: rng.span[1]] + " "
    elif (
        not tail.strip()
        and not text[: rng.span[0]].strip()
        and _lone_date_line(_WRAPPED_DASH_RE.sub("", following, count=1), as_of)
    ):
        # "September 2021" / "– March 2024": normalising made the wrapped dash a bullet
        following = _WRAPPED_DASH_RE.sub("", following, count=1)
        head = text[: rng.span[1]] + " - "
    else:
        dangling = DANGLING_END_RE.match(tail)
        if dangling is None:
            return rng, (), ""
        cut, wrapped = rng.span[1] + dangling.end(), True
        row = bool(text[cut:].strip())
        if (row and text[: rng.span[0]].strip()) or _opens_range(following, as_of, day_first):
            return rng, (), ""
        head = text[:cut] + " "
    for cand in find_ranges(head + following, as_of, day_first=day_first):
        if cand.span[0] != rng.span[0] or "single-date" in cand.flags:
            continue
        if cand.span[1] <= len(head) or (wrapped and "end-before-start" in cand.flags):
            break  # the end is not on the next line, or is no end of this range ("2000 users")
        if row and cand.current and not _ROW_OPEN_RE.match(following):
            break
        rest = following[cand.span[1] - len(head) :]
        return _with_span(cand, (cand.span[0], min(cut, cand.span[1]))), consumed, rest
    return rng, (), ""


def _opens_range(text: str, as_of: date, day_first: bool) -> bool:
    """Whether a line opens with a date range of its own ("2019 - 2021 Developer")."""
    found = find_ranges(text, as_of, day_first=day_first)
    return bool(found) and found[0].span[0] == 0 and "single-date" not in found[0].flags


def _lone_date_line(text: str, as_of: date) -> bool:
    """Whether a line holds nothing but one date or an open end ("Feb 2020", "Present")."""
    if _OPEN_LINE_RE.match(text):
        return True
    found = find_ranges(text, as_of)
    return len(found) == 1 and found[0].span == (0, len(text)) and "single-date" in found[0].flags


def _with_span(rng: DateRange, span: tuple[int, int]) -> DateRange:
    return replace(rng, span=span)


# --------------------------------------------------------------------------- title, company


def _split_parts(text: str) -> list[str]:
    """Pieces of a line that may be a title or a company; locations ("Austin, TX") dropped."""
    parts: list[str] = []
    if _LOCATION_RE.match(text.strip()):
        return parts  # "Washington, DC United States": a place, however it splits
    text = _keep_title_commas(_QUALIFIER_RE.sub(rf"{_KEEP_OPEN}\1{_KEEP_CLOSE}", text))
    for piece in _SPLIT_RE.split(_PLACEHOLDER_RE.sub(" | ", text)):
        piece = _LABEL_RE.sub("", piece.strip())
        if _LABEL_WORD_RE.match(piece):
            continue  # "description" of "description - Jan 2016 to till date"
        piece = piece.strip(" \t,;:-\u2013\u2014|\u2022\u00b7()[]")
        if piece.endswith(".") and not _ABBREV_END_RE.search(piece):
            piece = piece.rstrip(".")
        if not piece or not any(ch.isalpha() for ch in piece):
            continue
        if _LOCATION_RE.match(piece) and not _COMPANY_RE.search(piece):
            continue
        if _DURATION_RE.match(piece):
            continue  # "(4 years 4 months)" after a LinkedIn date range
        if _STATE_RE.match(piece):
            if parts:
                _drop_city(parts)
            continue
        parts.append(
            piece.replace(_KEEP_OPEN, "(").replace(_KEEP_CLOSE, ")").replace(_KEEP_COMMA, ", ")
        )
    return parts


_KEEP_COMMA = "\ue002"


def _keep_title_commas(text: str) -> str:
    """ "Staff RN, Medical ICU — Lakeview Hospital": where dashes, bars or wide gaps part the
    title from the employer, a comma inside the title's field continues the title (a unit, a
    department) rather than naming the company, which has a field of its own."""
    fields = [f for f in _STRONG_SPLIT_RE.split(text) if any(ch.isalpha() for ch in f)]
    if len(fields) < 2 or ", " not in fields[0]:
        return text
    if all(_LOCATION_RE.match(f.strip(" ,;()")) for f in fields[1:]):
        return text  # "Coordinator, Harborline Shipping — Long Beach, CA": the employer is here
    head, *rest = fields[0].split(", ")
    if not _TITLE_RE.search(head) or len(rest) > 2 or _COMPANY_RE.search(fields[0]):
        return text
    if any(len(r.split()) > 3 or _STATE_RE.match(r.strip()) or _LOCATION_RE.match(r.strip())
           or _HAS_DIGIT_RE.search(r) for r in rest):
        return text
    return text.replace(fields[0], fields[0].replace(", ", _KEEP_COMMA), 1)


def _drop_city(parts: list[str]) -> None:
    """Remove the city written before a state code: "Initech LLC Dallas", "TX" -> "Initech LLC"."""
    last = parts[-1]
    suffix = list(_COMPANY_RE.finditer(last))
    if suffix:
        end = suffix[-1].end() + (last[suffix[-1].end() : suffix[-1].end() + 1] == ".")
        parts[-1] = last[:end].strip(" ,") or last  # "Orbital Data Inc." keeps its full stop
    elif len(last.split()) <= 2:
        parts.pop()  # the city alone
    else:
        parts[-1] = last.rsplit(" ", 1)[0]


def _header_like(text: str) -> bool:
    """A short line that may carry a title or a company (not a bullet, a sentence or a date)."""
    s = text.strip()
    if not s or _BULLET_RE.match(text) or len(s) > 80 or _SENTENCE_END_RE.search(s):
        return False
    if _BREAK_RE.search(s):
        return False
    if not s[0].isupper() or heading_name(s) or "@" in s or "://" in s:
        return False
    words = _WORDS_RE.findall(s)
    if s.endswith(".") and len(words) >= 5 and sum(w.islower() for w in words) * 2 > len(words):
        return False  # "Maintained employee records in the HRIS.": a sentence, whatever its end
    return len(words) <= _MAX_HEADER_WORDS


def _employer_like(text: str) -> bool:
    """A header-like line naming an employer: a company word or a trailing "City , State"."""
    if not _header_like(text):
        return False
    plain = _PLACEHOLDER_RE.sub("", text)
    company = bool(_COMPANY_RE.search(plain))
    return company or (bool(_EMPLOYER_TAIL_RE.search(text)) and not _TITLE_RE.search(text))


def _neighbours(
    lines: Sequence[str], stop: set[int], number: int, region: range, step: int
) -> list[int]:
    """Up to two header-like lines directly above (step -1) or below (step 1) a date line."""
    found: list[int] = []
    cur = number + step
    while cur in region and len(found) < 2 and cur not in stop and _header_like(lines[cur - 1]):
        found.append(cur)
        cur += step
    return sorted(found)


def _assign(parts: list[str]) -> tuple[str, str]:
    """(title, company) from the pieces read around a date line."""
    for i, part in enumerate(parts):
        m = _AT_RE.match(part)
        if m and _TITLE_RE.search(m.group(1)):
            return m.group(1).strip(), _strip_location(m.group(2).strip())
    title_i = next(
        (i for i, p in enumerate(parts) if _TITLE_RE.search(p) and len(_TITLE_RE.findall(p))
         >= len(_COMPANY_RE.findall(p)) - (1 if re.search(r"(?i)\bsoftware\b", p) else 0)),
        None,
    )  # fmt: skip
    if title_i is None:  # "Digital Media Specialist" / "Company Name": the one naming a job
        titled = [
            (len(_COMPANY_RE.findall(p)) - len(_TITLE_RE.findall(p)), i)
            for i, p in enumerate(parts)
            if _TITLE_RE.search(p)
        ]
        title_i = min(titled)[1] if titled and len(parts) > 1 else None
    company_i = next(
        (i for i, p in enumerate(parts) if i != title_i and _COMPANY_RE.search(p)), None
    )
    if title_i is None:  # no title word: the title is usually written first
        title_i = next((i for i in range(len(parts)) if i != company_i), None)
    if company_i is None:
        company_i = next((i for i in range(len(parts)) if i != title_i), None)
    title = parts[title_i] if title_i is not None else ""
    company = parts[company_i] if company_i is not None else ""
    if title and not company:
        title, company = _split_run(title)
    return title, _strip_location(company)


_TITLE_MODIFIERS = frozenset(
    "senior sr sr. junior jr jr. lead principal staff chief head associate assistant software "  # noqa: SIM905
    "web backend back-end frontend front-end full-stack fullstack full stack data site "
    "reliability devops cloud platform database qa test research machine learning mobile "
    "application applications systems solutions security network infrastructure it "
    "engineering development product project technical graduate i ii iii iv".split()
)


def is_job_word(word: str) -> bool:
    """Whether a (lower-case) word belongs to job titles: a title word or a title's modifier."""
    return word in _TITLE_MODIFIERS or _TITLE_RE.fullmatch(word) is not None


def _split_run(text: str) -> tuple[str, str]:
    """Split a title and company written with single spaces: "Acme Robotics Senior Engineer".

    The title is the run of title words around its last keyword (Engineer, Developer, ...);
    the rest, before or after it, is the company.
    """
    words = text.split()
    keys = [i for i, w in enumerate(words) if _TITLE_RE.fullmatch(w)]
    if len(words) < 3 or not keys:
        return text, ""
    last = keys[-1]
    while last + 1 < len(words) and words[last + 1].lower() in ("i", "ii", "iii", "iv", "intern"):
        last += 1
    if last < len(words) - 1:  # "Site Reliability Engineer Aperture Science"
        return " ".join(words[: last + 1]), " ".join(words[last + 1 :])
    first = last
    while first > 0 and (
        words[first - 1].lower() in _TITLE_MODIFIERS or _TITLE_RE.fullmatch(words[first - 1])
    ):
        first -= 1
    if first == 0 or not _COMPANY_RE.search(" ".join(words[:first])):
        # "Certified Nursing Assistant", "Information Technology Specialist": the words before
        # the title keyword name a company only when one of them is a company word
        return text, ""
    return " ".join(words[first:]), " ".join(words[:first])


def _strip_location(company: str) -> str:
    """ "Initech LLC Dallas, TX" -> "Initech LLC" (a trailing "City, ST" is a location)."""
    m = _STATE_TAIL_RE.search(company)
    if not m:
        return company
    head = company[: m.start()]
    suffix = list(_COMPANY_RE.finditer(company))
    if suffix and suffix[-1].end() <= m.start() + 1:
        return company[: suffix[-1].end()].strip(" ,")
    return head.strip(" ,") or company


def _header_parts(lines: Sequence[str], numbers: list[int]) -> list[str]:
    parts: list[str] = []
    for n in numbers:
        parts.extend(_split_parts(lines[n - 1]))
    return parts


def _parts_needed(parts: list[str]) -> int:
    """How many more pieces a position needs: a title and a company."""
    if any(_AT_RE.match(p) and _TITLE_RE.search(p) for p in parts):
        return 0
    return max(0, 2 - len(parts))


# --------------------------------------------------------------------------- positions


@dataclass
class _Draft:
    anchor: _Anchor
    title: str
    company: str
    first_line: int
    block: tuple[int, ...] = ()  # the date line and the title lines read with it
    rescued: bool = False  # found outside the sections positions are read from


def _region_drafts(
    lines: Sequence[str], sections: Sequence[Section], region: range, as_of: date, fallback: bool
) -> list[_Draft]:
    """Positions of one region, before their spans are closed."""
    anchors = _date_anchors(lines, region, sections, as_of, fallback)
    if not anchors:
        return []
    stop = {a.line for a in anchors} | {n for a in anchors for n in a.extra_lines}
    first = anchors[0]
    layout = -1 if _neighbours(lines, stop, first.line, region, -1) else 1
    used: set[int] = set()
    drafts: list[_Draft] = []
    column = _date_column(anchors)
    run_head: _Draft | None = None  # the first draft of the run of dated lines ending at drafts[-1]
    for a in anchors:
        under = drafts[-1] if drafts and drafts[-1].anchor.line == a.line - 1 else None
        head = run_head if under is not None else None  # kept as it goes: walking back is O(n²)
        form = _form_fields(lines, a, region, stop, as_of)
        if form is not None:
            title, company, first_line = form
            block = tuple(sorted({a.line, first_line}))
            drafts.append(_Draft(a, title, company, first_line, block))
            run_head = head or drafts[-1]
            continue
        parts, first_line = list(a.parts), a.line
        taken: list[int] = []
        need = 0 if a.line in column else _parts_needed(parts)
        for step in (layout, -layout) if need else ():
            near = [n for n in _neighbours(lines, stop, _edge(a, step), region, step)
                    if n not in used]
            if not near:
                continue
            take = _nearest(lines, near, step, need)
            used.update(take)
            taken = take
            extra = _header_parts(lines, take)
            parts = extra + parts if step < 0 else parts + extra
            first_line = min(first_line, *take)
            break
        if taken and _needs_company(parts):
            side = -1 if taken[0] > a.line else 1
            other = _employer_beside(lines, stop | used, _edge(a, side), region, side)
            if other:
                used.add(other)
                taken = sorted([*taken, other])
                parts = parts + _split_parts(lines[other - 1])
        below = _title_below(lines, stop | used, a, region) if taken else None
        if below is not None and parts and taken[0] < a.line and not any(map(_TITLE_RE.search,
                                                                              parts)):
            # "Department of Homeland Security" / "05/2016 - Present" / "IT Specialist, GS-13":
            # the employer above the dates and the job title under them (federal resumes)
            used.add(below[0])
            taken = sorted([*taken, below[0]])
            parts = [below[1], parts[0]]
        employer = _employer_above(head)
        if employer and len(parts) == 1 and not taken and not _AT_RE.match(parts[0]):
            title, company = parts[0], employer  # "Sales Manager (2018 - 2021)" under its employer
        else:
            title, company = _assign(parts)
        if not company and under is not None:
            company = under.company  # promotions listed under one employer
        block = tuple(sorted({a.line, *a.extra_lines, *taken}))
        drafts.append(_Draft(a, title, company, first_line, block))
        run_head = head or drafts[-1]
    _pair_date_column(lines, region, stop | used, drafts)
    drafts = _without_employer_lines(drafts)
    _linkedin_companies(lines, drafts)
    return drafts


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


def _linkedin_companies(lines: Sequence[str], drafts: list[_Draft]) -> None:
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
    prev: _Draft | None = None
    group: tuple[int, int] | None = None  # the group's last month and its total in months
    for d in drafts:
        title_line = top = d.anchor.line - 1
        above = title_line - 1
        if title_line < 1 or not _header_like(lines[title_line - 1]):
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
        elif text and _header_like(text) and not place:
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
    if _LINKEDIN_PLACE_RE.match(text) or _LOCATION_RE.match(text):
        return True
    if "," in text or len(text.split()) > 2:
        return False
    return any(
        line.startswith(text + ", ") and _LINKEDIN_PLACE_RE.match(line.strip()) for line in lines
    )


def _company_text(line: str) -> str:
    parts = _split_parts(line)
    return _strip_location(parts[0]) if parts else line.strip()


def _form_fields(
    lines: Sequence[str], a: _Anchor, region: range, stop: set[int], as_of: date
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
    ranges = find_ranges(raw, as_of)
    pieces = _split_parts(_without_dates(raw, ranges)) if ranges else [raw.strip(" .,;")]
    company = _strip_location(pieces[0]) if pieces else ""
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
        if 0 < len(words) <= 6 and not _HAS_DIGIT_RE.search(line[: m.start()]):
            return " ".join(words)
    return ""


def _needs_company(parts: list[str]) -> bool:
    """Whether the pieces read so far lack an employer: a title alone ("Executive Chef")."""
    return len(parts) == 1 and not _AT_RE.match(parts[0])


def _edge(a: _Anchor, step: int) -> int:
    """The date's first line looking up, its last looking down (a range split over lines)."""
    return max((a.line, *a.extra_lines)) if step > 0 else a.line


def _employer_beside(
    lines: Sequence[str], stop: set[int], number: int, region: range, step: int
) -> int | None:
    """The employer line right beside a date line on the side its title is not on: "Title" /
    "Jan 2013 to Current" / "Company Name - City , State"."""
    n = number + step
    if n in region and n not in stop and _employer_like(lines[n - 1]):
        return n
    return None


def _title_below(
    lines: Sequence[str], stop: set[int], a: _Anchor, region: range
) -> tuple[int, str] | None:
    """(line, title) of the line right under a date line when it names a job ("IT Specialist
    (INFOSEC), GS-13") and is not the next position's title (a date line follows it)."""
    n = max((a.line, *a.extra_lines)) + 1
    if n not in region or n in stop or n + 1 in stop:
        return None
    text = lines[n - 1]
    if not (_header_like(text) and _TITLE_RE.search(text)):
        return None
    parts = _split_parts(text)
    return (n, parts[0]) if parts else None


def _employer_above(head: _Draft | None) -> str:
    """The employer heading a run of dated lines right above a date line, when the run's first
    line (`head`; None when no dated line is right above) names no job title ("SUMMIT CLOUD,
    Denver  2016 - Present"); "" otherwise."""
    if head is None or _TITLE_RE.search(" ".join(head.anchor.parts)):
        return ""
    return head.company or head.title


def _date_column(anchors: list[_Anchor]) -> set[int]:
    """Lines of date-only anchors stacked on consecutive lines: a two-column PDF's date column,
    whose titles are printed elsewhere, so the lines around them are not theirs."""
    bare = {a.line for a in anchors if not a.parts and not a.extra_lines}
    return {n for n in bare if n - 1 in bare or n + 1 in bare}


def _without_employer_lines(drafts: list[_Draft]) -> list[_Draft]:
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
    out: list[_Draft] = []
    for i, d in enumerate(drafts):
        r = d.anchor.rng
        inside = count[i] and r.start <= first[i] and last[i] <= r.end
        if inside and count[i] >= 2 and not _TITLE_RE.search(d.title + " " + d.company):
            continue
        out.append(d)
    return out


def _nearest(lines: Sequence[str], near: list[int], step: int, need: int) -> list[int]:
    """The lines nearest the date line that give the `need` missing pieces."""
    order = near[::-1] if step < 0 else near
    take: list[int] = []
    for n in order:
        take.append(n)
        if len(_header_parts(lines, take)) >= need:
            break
    return sorted(take)


def _pair_date_column(
    lines: Sequence[str], region: range, taken: set[int], drafts: list[_Draft]
) -> None:
    """Two-column PDFs: dates printed apart from their titles. Pair them in order."""
    orphans = [d for d in drafts if not d.title and not d.company]
    if not orphans:
        return
    groups: list[list[int]] = []
    for n in region:
        if n in taken or not _header_like(lines[n - 1]) or not _TITLE_RE.search(lines[n - 1]):
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
        draft.title, draft.company = _assign(_header_parts(lines, group))
        draft.first_line = group[0]


def _with_company_line(
    lines: Sequence[str], region: range, taken: set[int], group: list[int]
) -> list[int]:
    """A title line and the untitled header-like line right after it (the company)."""
    n = group[-1] + 1
    free = n in region and n not in taken
    if free and _header_like(lines[n - 1]) and not _TITLE_RE.search(lines[n - 1]):
        return [*group, n]
    return group


def _close_spans(drafts: list[_Draft], region: range) -> list[tuple[_Draft, int]]:
    """Each position runs from its first line to the line before the next position's."""
    ordered = sorted(drafts, key=lambda d: d.first_line)
    firsts = sorted({d.first_line for d in ordered})
    out = []
    for d in ordered:
        later = bisect.bisect_right(firsts, d.first_line)
        out.append((d, (firsts[later] - 1) if later < len(firsts) else region.stop - 1))
    return out


def _clipped(rng: DateRange, now: int) -> tuple[int, int]:
    return rng.start, min(rng.end, now)


def _position(d: _Draft, end_line: int, hits: Sequence[SkillHit], now: int) -> Position:
    rng = d.anchor.rng
    start, end = _clipped(rng, now)
    skills = sorted(
        {
            h.id
            for h in hits
            if h.source != "implied" and any(d.first_line <= e.line <= end_line for e in h.evidence)
        }
    )
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
        flags=(*rng.flags, "volunteer") if _VOLUNTEER_TITLE.match(d.title) else rng.flags,
    )


# Sections where a two-column PDF may have dropped the main column's jobs.
_RESCUE_FROM = frozenset(
    {"header", "contact", "summary", "education", "skills", "languages", "interests", "references"}
)


# Sections that hold no dated entries of their own: a dated job block there is a job written
# in the wrong place (a summary listing earlier roles), even when the experience section
# holds others.
_UNDATED_SECTIONS = frozenset({"header", "summary", "skills"})


def _month_range(rng: DateRange) -> bool:
    """A range from a month to a month (or to now): how a job is dated, not a fact in prose."""
    return (
        "single-date" not in rng.flags
        and rng.start_low == rng.start_high
        and (rng.current or rng.end_low == rng.end_high)
    )


def _rescued(
    lines: Sequence[str],
    sections: Sequence[Section],
    hits: Sequence[SkillHit],
    as_of: date,
    where: frozenset[str] = _RESCUE_FROM,
    dated: Callable[[DateRange], bool] = lambda rng: True,
) -> list[tuple[Position, DateRange]]:
    """Jobs found outside the experience section: when it held none (two-column PDFs), or,
    with `where` and `dated`, jobs dated month to month in sections that hold no dates.

    Only dated blocks that name a job title and no degree or certificate count; they are
    flagged ``outside-experience``.
    """
    now = month_index(as_of.year, as_of.month)
    found: list[tuple[Position, DateRange]] = []
    for sec in sections:
        if sec.name not in where:
            continue
        region = range(sec.start_line, sec.end_line + 1)
        drafts = [
            d
            for d in _region_drafts(lines, sections, region, as_of, fallback=True)
            if _is_job_block(lines, d) and dated(d.anchor.rng)
        ]
        for d, end_line in _close_spans(drafts, region):
            pos = _position(d, end_line, hits, now)
            pos = replace(pos, flags=(*pos.flags, "outside-experience"))
            found.append((pos, d.anchor.rng))
    return found


def _education_entry(lines: Sequence[str], d: _Draft) -> bool:
    """Whether a dated block read without an experience heading is a degree, not a job.

    The date line alone was checked (`_credential`); the degree may also stand on the title
    line read with it ("Bachelor of Science" / "State University, 2015 - 2019").
    """
    return _credential(" | ".join(lines[n - 1] for n in d.block), [d.anchor.rng])


def _is_job_block(lines: Sequence[str], d: _Draft) -> bool:
    text = " ".join(lines[n - 1] for n in d.block)
    return bool(_TITLE_RE.search(text)) and not _DEGREE_RE.search(text)


# A flattened web form (one long line) is cut back into its fields before positions are read.
_FLAT_MIN_CHARS = 250


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


def extract_experience(
    lines: Sequence[str], sections: Sequence[Section], hits: Sequence[SkillHit], as_of: date
) -> Experience:
    """Positions, total years (union of intervals) and the years the resume claims.

    A flattened form ("... Company Details company - Acme description - Jan 2016 to till date")
    is read from its fields cut back into lines; positions then point at the original line.
    """
    unfolded = _unfolded(lines)
    if unfolded is None:
        return _with_used_skills(_experience(lines, sections, hits, as_of), lines, hits)
    virtual, origin = unfolded
    exp = _experience(virtual, find_sections(virtual), _hits_on(virtual, origin, hits), as_of)
    moved = tuple(
        replace(p, start_line=origin[p.start_line - 1], end_line=origin[p.end_line - 1])
        for p in exp.positions
    )
    claimed, evidence = claimed_years(lines, sections)
    exp = replace(exp, positions=moved, claimed_years=claimed, claimed_evidence=evidence)
    return _with_used_skills(exp, lines, hits)


def _experience(
    lines: Sequence[str],
    sections: Sequence[Section],
    hits: Sequence[SkillHit],
    as_of: date,
) -> Experience:
    now = month_index(as_of.year, as_of.month)
    regions, is_exp = _regions(lines, sections)
    found: list[tuple[Position, DateRange]] = []
    for region in regions:
        drafts = _region_drafts(lines, sections, region, as_of, fallback=not is_exp)
        for d, end_line in _close_spans(drafts, region):
            if not is_exp and _education_entry(lines, d):
                continue  # its span still ends the position above it
            found.append((_position(d, end_line, hits, now), d.anchor.rng))
    if not found:
        found = _rescued(lines, sections, hits, as_of)
    elif is_exp:
        found += _rescued(lines, sections, hits, as_of, _UNDATED_SECTIONS, _month_range)
    found = _once_each(found)
    trusted = [r for p, r in found if r.trusted and "volunteer" not in p.flags]
    claimed, evidence = claimed_years(lines, sections)
    if not trusted:
        total = low = high = None
    else:
        total = months_to_years(union_months(_clipped(r, now) for r in trusted))
        low = months_to_years(union_months((r.start_high, min(r.end_low, now)) for r in trusted))
        high = months_to_years(union_months((r.start_low, min(r.end_high, now)) for r in trusted))
    return Experience(
        total_years=total,
        positions=tuple(p for p, _ in found),
        claimed_years=claimed,
        claimed_evidence=evidence,
        total_years_low=low,
        total_years_high=high,
    )


def _with_used_skills(
    exp: Experience, lines: Sequence[str], hits: Sequence[SkillHit]
) -> Experience:
    """Each position's skills cut to those its duties use (see `used_skills`)."""
    return replace(
        exp, positions=tuple(replace(p, skills=used_skills(p, lines, hits)) for p in exp.positions)
    )


def used_skills(p: Position, lines: Sequence[str], hits: Sequence[SkillHit]) -> tuple[str, ...]:
    """The explicit or fuzzy skills the position's duties use as the person's own work.

    A mention counts when it lies in the position's span, is not part of its employer's name
    ("Python Plumbing Ltd", "HCL Technologies"), is not denied or wished for, and its clause is
    not led by teaching, managing or hiring ("Taught Python", see `screener.parse.roles.own_use`).
    A title naming the skill counts only for a role that is not of another kind ("Python
    Developer" uses Python; "Python Instructor" teaches it).
    """
    names = [p.company.casefold()] if p.company else []
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
        for e in h.evidence:
            if not (p.start_line <= e.line <= p.end_line and 0 < e.line <= len(lines)):
                continue
            if e.stance in NOT_CLAIMED:
                continue
            line = lines[e.line - 1]
            key = e.text.casefold()
            if any(key in n and n in line.casefold() for n in names):
                continue  # the title's or employer's name, not a duty
            previous = lines[e.line - 2] if e.line > p.start_line else ""
            if own_use(line, e.text, previous):
                out.add(h.id)
                break
    return tuple(sorted(out))


def _in_title(text: str, title: str) -> bool:
    """Whether a skill's matched text is a whole word of the title ("Python Developer")."""
    if not text or text.casefold() not in title.casefold():  # most skills: no pattern built
        return False
    word = rf"(?<![\w+#]){re.escape(text)}(?![\w+#])"
    return re.search(word, title, re.IGNORECASE) is not None


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


# --------------------------------------------------------------------------- stated years

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "twenty-five": 25, "thirty": 30, "a decade": 10, "two decades": 20,
}  # fmt: skip
_NUM = (
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_UNIT = r"(?P<unit>years?|yrs?|months?|mos?)\b\.?"
# Words that may stand between "years" and "experience" in a claim about the whole career.
_GENERIC = (
    r"(?:professional|industry|relevant|hands-on|work|working|total|combined|progressive|"
    r"software|development|engineering|programming|back-end|backend|it|technical|full-stack|"
    r"web|commercial|practical|proven|solid|extensive|overall|career|"
    # fields of whole careers outside software ("7 years of HR experience")
    r"hr|sales|b2b|b2c|saas|marketing|nursing|clinical|teaching|classroom|management|leadership|"
    r"customer|service|retail|finance|financial|accounting|audit|operations|logistics|supply|"
    r"chain|hospitality|culinary|kitchen|healthcare|patient|care|administrative|office|"
    r"project|product|design|research|quality|manufacturing|legal|military|flight|aviation|"
    r"enterprise|account|recruiting|consulting|business|"
    # the fields of whole careers in resume-builder exports ("10 years of banking experience")
    r"banking|insurance|legal|graphic|media|digital|agriculture|agricultural|farming|"
    r"construction|automotive|fitness|communications|public|relations|advocacy|pharmacy|"
    r"medical|teaching|education|apparel|fashion|call|center|restaurant|food|childcare|"
    r"security|mechanical|electrical|civil|transportation|warehouse|administration|social|"
    r"counseling|real\s+estate|bpo|arts)"
)
_CLAIM_RE = re.compile(
    r"(?:(?P<lead>over|more\s+than|nearly|almost|about|around|approximately|close\s+to|"
    r"at\s+least)\s+)?" + _NUM + r"\s*\+?\s*(?:plus\s+)?(?:years?|yrs?)\b['\u2019]?\s*(?:of\s+)?"
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


def _names_unit(low: str) -> bool:
    """Whether a lower-case line has a unit both skill-years patterns end in (years, yrs,
    months, mos): without one, `_stated_skill_years` finds nothing on it."""
    return "yr" in low or "year" in low or "mo" in low


def _stated_skill_years(line: str, text: str) -> float:
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


def _interval(p: Position, now: int) -> tuple[int, int] | None:
    """A counted position's (start, end) months, the end cut at the as-of month."""
    if not p.start or not p.end or UNTRUSTED_FLAGS & set(p.flags):
        return None
    start = month_index(int(p.start[:4]), int(p.start[5:7]))
    end = month_index(int(p.end[:4]), int(p.end[5:7]))
    return start, min(end, now)


def _capped(stated: float, career: float | None) -> float:
    """A skill's stated years with no dated history to check them: never more than the career
    the resume states ("3 years of experience ... Python (15 years)" reads as 3)."""
    return min(stated, career) if career is not None else stated


def skill_years(
    lines: Sequence[str],
    sections: Sequence[Section],
    experience: Experience,
    hits: Sequence[SkillHit],
    as_of: date,
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
    now = month_index(as_of.year, as_of.month)
    # Each position's interval, read once rather than once per skill.
    counted = [(p, iv) for p in experience.positions if (iv := _interval(p, now)) is not None]
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


def stated_skill_years(lines: Sequence[str], hits: Sequence[SkillHit]) -> dict[str, float]:
    """Years the resume states per explicit or fuzzy skill: "Python (15 years)", "5 yrs of Go",
    "Java- Exprience - 24 months" (the largest where it states several). Not denied or wished
    mentions. Shown beside the dated figure, never in its place while dates exist."""
    reports = _self_reports(lines)
    unit_lines: dict[int, bool] = {}

    def units(number: int) -> bool:
        """Does the line name a unit? Without one `_stated_skill_years` is 0 (asked once)."""
        if number not in unit_lines:
            unit_lines[number] = _names_unit(lines[number - 1].lower())
        return unit_lines[number]

    out: dict[str, float] = {}
    for hit in hits:
        if hit.source == "implied":
            continue
        stated = max(
            (
                _stated_skill_years(lines[e.line - 1], e.text)
                for e in hit.evidence
                if 0 < e.line <= len(lines) and units(e.line) and e.stance not in NOT_CLAIMED
            ),
            default=0.0,
        )
        stated = stated or _reported(hit, reports)
        if stated > 0:
            out[hit.id] = round(stated, 2)
    return dict(sorted(out.items()))


_SEPARATORS = re.compile(r"[\s_-]+")


def _title_matches(title: str, words: Sequence[str]) -> bool:
    """Whether the title has one of `words` as whole words (case, spaces, '_' and '-' aside)."""
    pattern, joined = _title_words(tuple(words))
    norm = _SEPARATORS.sub(" ", title.lower())
    if pattern is not None and pattern.search(norm):
        return True
    # "back end" in the posting, "backend" in the resume
    return bool(joined) and not joined.isdisjoint(norm.split())


@functools.lru_cache(maxsize=64)
def _title_words(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """One pattern for all of a posting's title words, and their forms without spaces."""
    normed = [w for w in (_SEPARATORS.sub(" ", word.lower()).strip() for word in words) if w]
    if not normed:
        return None, frozenset()
    alternatives = "|".join(re.escape(w) for w in normed)
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
    return pattern, frozenset(w.replace(" ", "") for w in normed if " " in w)


def relevant_years(
    experience: Experience, titles: Sequence[str], skill_ids: Sequence[str]
) -> tuple[float | None, tuple[int, ...]]:
    """Union of the positions that are roles of the posting's field (see `relevant_role`).

    Returns (years, indexes into experience.positions). Years is None when the resume has no
    counted position at all (unknown), 0.0 when it has some but none is relevant.
    """
    wanted = set(skill_ids)
    spans: list[tuple[int, int]] = []
    indexes: list[int] = []
    any_counted = False
    for i, p in enumerate(experience.positions):
        iv = _counted_interval(p)
        if iv is None:
            continue
        any_counted = True
        if relevant_role(p, titles, wanted):
            spans.append(iv)
            indexes.append(i)
    if not any_counted:
        return None, ()
    return months_to_years(union_months(spans)), tuple(indexes)


def relevant_role(p: Position, titles: Sequence[str], skill_ids: set[str]) -> bool:
    """Whether a position is a role of the posting's field, by what the role is.

    By its title: it has one of `titles` and its head noun is no role of another kind, or it
    names a development role at all ("Programmer Analyst"; not "Software Engineering Manager",
    see `screener.parse.roles`). By its duties: its title names no role of another kind (a VP, an
    instructor, an analyst or a DBA is not a developer whatever skills their bullets name) and
    its duties use one of `skill_ids` as the person's own work (`Position.skills`).
    """
    head, kinds = role_kinds(p.title)
    other = head is not None and head != BUILD
    if _title_matches(p.title, titles) and (not other or BUILD in kinds):
        return True
    return not other and bool(skill_ids & set(p.skills))


def _counted_interval(p: Position) -> tuple[int, int] | None:
    """(start, end) months as counted: `years` already holds the length cut at the as-of date."""
    if not p.start or UNTRUSTED_FLAGS & set(p.flags):
        return None
    start = month_index(int(p.start[:4]), int(p.start[5:7]))
    months = round(p.years * 12)
    return (start, start + months - 1) if months > 0 else None
