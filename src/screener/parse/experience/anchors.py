"""Date lines: the dates that open positions, found line by line in the regions read.

A line is a position's date line when it holds a date range (or a lone date) that is not part of
a sentence: "Led the 2019 migration" and bullets such as "• Cut costs between 2022 and 2023" are
not positions, nor are degrees, certificates and career breaks. A range wrapped over two or three
lines ("Mar 2021 -" / "Present", a table cell "Aug 2020 - Feb" / "2022") is read as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from screener.parse.dates import (
    DANGLING_END_RE,
    MONTH_NAME_RE,
    YEAR_RE,
    DateRange,
    RangeFlag,
    find_ranges,
    month_index,
)
from screener.parse.experience.titles import (
    BREAK_RE,
    BULLET_RE,
    HAS_DIGIT_RE,
    JOB_WORD_RE,
    REGIONS,
    WORDS_RE,
    split_parts,
)
from screener.parse.sections import heading_content
from screener.parse.words import alternation, words
from screener.records import Section

_SINGLE = RangeFlag.SINGLE_DATE
# Sections whose dates are never professional experience.
_NOT_WORK = words("not_work_sections")
DEGREE_RE = re.compile(rf"\b(?:{alternation('degrees')})(?:\b|(?<=\.))", re.IGNORECASE)
# "Boston, MA" is a place, not a Master of Arts, when a degree is looked for.
_PLACE_RE = re.compile(rf"\b[A-Z][a-z]+\s?,\s*(?:{REGIONS})\b")
_CERTIFIED_RE = re.compile(r"(?i)certified")
_PREV_WORD_RE = re.compile(r"(?<![A-Za-z])([a-z]+)\s*$")
_SENTENCE_WORDS = words("sentence_words")
_TRAIL_SEP_RE = re.compile(
    r"^[\s,;:|(\[]*(?:[-\u2010-\u2015~]|to|until|till|through)\s*$", re.IGNORECASE
)
# The dash of a range wrapped before its end ("- March 2024"), made a bullet by `normalise`.
_WRAPPED_DASH_RE = re.compile(r"^[\u2022\u2013\u2014-]\s*")
# An open end opening a row's next line ("Present Wavecrest Telecom"); not "Date of birth".
_ROW_OPEN_RE = re.compile(r"^\(?(?:present|current|now)\b", re.IGNORECASE)
_LEAD_SEP_RE = re.compile(r"^\s*(?:[-\u2010-\u2015~]|to|until|till|through)\s*\S", re.IGNORECASE)
# A lone open end on its own line ("Present" in a flattened table's "To" column).
_OPEN_LINE_RE = re.compile(rf"^\(?(?:{alternation('open_ends')})\)?$", re.IGNORECASE)
# A numeric date glued to the word before it, its space lost in extraction ("Line Chef07/2010").
_GLUED_DATE_RE = re.compile(r"(?<=[A-Za-z])(?=\d{1,2}[/.]\d{4}\b)")
_SENTENCE_MIN_WORDS = 8
# A date run on from the word before it, with no comma, dash or bracket setting it apart.
_WORD_BEFORE_RE = re.compile(r"[A-Za-z]\s*$")
_WORD_AFTER_RE = re.compile(r"[,;]?\s*[a-z]")
# A job's line holds a date or two (3 at most in the labelled set: a range and a lone date); a
# line with more is a list of dates. Each date is weighed against its whole line, so without
# this bound a long line of dates costs time quadratic in its length (50 KB of "2019-2020 ":
# ~40 s); with it, the work on a line is at most this many passes over it.
MAX_LINE_DATES = 12
# A date's month (and the word opening its range) left at the end of the line above its year.
_WRAPPED_MONTH_RE = re.compile(
    rf"(?:\b(?:[Ff]rom|[Ss]ince|to|till|until)\s+)?\b(?=[A-Z])(?i:{MONTH_NAME_RE.pattern})\s*$"
)


@dataclass(frozen=True)
class DateContext:
    """How one resume's dates are read: against the as-of date ("Present" is its month), and
    ambiguous numeric dates day first or not (`screener.parse.dates.day_first_document`,
    judged once on the whole text)."""

    as_of: date
    day_first: bool = False

    @property
    def now(self) -> int:
        """The as-of month as a `month_index`."""
        return month_index(self.as_of.year, self.as_of.month)

    def ranges(self, text: str) -> list[DateRange]:
        return find_ranges(text, self.as_of, day_first=self.day_first)


@dataclass
class Anchor:
    """A date line (or date) that opens a position, and what was read around it."""

    line: int  # 1-based
    rng: DateRange
    parts: list[str]  # text pieces on the date line outside the date
    first_line: int  # first line of the position (title lines above included)
    extra_lines: tuple[int, ...] = ()  # lines consumed by a date split over two lines


@dataclass
class Draft:
    """A position read around its anchor, before its span is closed."""

    anchor: Anchor
    title: str
    company: str
    first_line: int
    block: tuple[int, ...] = ()  # the date line and the title lines read with it


def regions(lines: Sequence[str], sections: Sequence[Section]) -> tuple[list[range], bool]:
    """Line ranges (1-based) to read positions from, and whether they are experience sections.

    The experience section(s); when a resume has no experience heading, every section but those
    whose dates are never work (education, certifications, projects, skills and the like)."""
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


def _is_position_date(text: str, rng: DateRange, n_dates: int) -> bool:
    """Whether a date in `text` dates a position rather than being part of a sentence.

    A lone date must follow a capitalised word or a separator ("Beta Inc, 2021"), never a
    lowercase word ("in 2021", "the 2015 monolith"); a lone year run on from a name is the
    name's version ("Microsoft Exchange 2003", "Windows Server 2008"). A range is refused after
    a preposition ("between", "from", "during") or, in a bullet, after any lowercase word.
    """
    before = text[: rng.span[0]]
    prev = _PREV_WORD_RE.search(before)
    bullet = bool(BULLET_RE.match(text))
    words = len(WORDS_RE.findall(before + " " + text[rng.span[1] :]))
    if _inside_sentence(text, rng):
        return False  # "Ranked top 10% nationally 2008-2009, achieved ...": a fact, not a job
    if _SINGLE in rng.flags:
        version = RangeFlag.YEAR_ONLY in rng.flags and _WORD_BEFORE_RE.search(before)
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
    words = WORDS_RE.findall(text)
    lower = sum(w[0].islower() for w in words)
    return len(words) >= _SENTENCE_MIN_WORDS and lower > len(words) - lower


def _at_edge(text: str, rng: DateRange) -> bool:
    """Whether a bullet's date opens or closes its text ("• 09.2020 - present: Developer")."""
    head = BULLET_RE.sub("", text[: rng.span[0]], count=1)
    tail = text[rng.span[1] :]
    opens = not head.strip(" \t(|[") and not rng.text.lower().startswith(("from", "since"))
    return opens or not tail.strip(" \t.)|]")


def date_anchors(
    lines: Sequence[str], region: range, sections: Sequence[Section], ctx: DateContext
) -> list[Anchor]:
    """Position date lines in a region, left to right, top to bottom."""
    anchors: list[Anchor] = []
    consumed: set[int] = set()
    headings = {s.start_line for s in sections if s.heading}
    for number in region:
        if number in consumed:
            continue
        text = _line_text(lines, number, headings)
        text = _wrapped_month(lines, number, region, text) + text
        if not HAS_DIGIT_RE.search(text) or BREAK_RE.search(text):
            continue  # no date; or a career break, which is not a position
        ranges = ctx.ranges(text)
        if len(ranges) > MAX_LINE_DATES:
            continue  # a list of dates, not a job's line (and reading each would be quadratic)
        if credential(text, ranges):
            continue  # a degree or a certificate is not a position
        ranges = _pair_lone_dates(text, ranges, ctx)
        for rng in ranges:
            if not _is_position_date(text, rng, len(ranges)):
                continue
            extra: tuple[int, ...] = ()
            rest = ""  # the next line's text after a range's end wrapped onto it
            if _SINGLE in rng.flags and len(ranges) == 1:
                rng, extra, rest = _join_split_range(lines, number, text, rng, region, ctx)
                consumed.update(extra)
                ranges = [rng]  # its span now covers the dangling "- Feb" too
            parts = split_parts(without_dates(text, ranges)) + split_parts(rest)
            anchors.append(Anchor(number, rng, parts, number, extra))
    return anchors


def _wrapped_month(lines: Sequence[str], number: int, region: range, text: str) -> str:
    """ "From Mar." ending the line above a line that opens with "2014 till now:": the month
    (with its "From") to put back before the year; "" when the line does not continue a date."""
    if number - 1 not in region or not YEAR_RE.match(text):
        return ""
    m = _WRAPPED_MONTH_RE.search(lines[number - 2])
    return m.group(0).strip() + " " if m else ""


def credential(text: str, ranges: list[DateRange]) -> bool:
    """Whether a dated line reads as a degree or a certificate rather than a job.

    "Boston, MA" is a place, not a Master of Arts; "Certified Flight Instructor, 2011 - 2014"
    is a job: "certified" before a job title with a date range does not make a certificate.
    """
    plain = _PLACE_RE.sub(" ", text)
    m = DEGREE_RE.search(plain)
    if not m:
        return False
    if _CERTIFIED_RE.fullmatch(m.group(0)) and not DEGREE_RE.search(plain, m.end()):
        ranged = any(_SINGLE not in r.flags for r in ranges)
        return not (ranged and JOB_WORD_RE.search(plain, m.end()))
    return True


def without_dates(text: str, ranges: list[DateRange]) -> str:
    """The line with every date replaced by a separator, so pieces never hold a date."""
    out, last = [], 0
    for rng in ranges:
        out.append(text[last : rng.span[0]])
        out.append(" | ")
        last = rng.span[1]
    out.append(text[last:])
    return "".join(out)


def _pair_lone_dates(text: str, ranges: list[DateRange], ctx: DateContext) -> list[DateRange]:
    """ "Jan 2018 Mar 2019" (the dash lost in extraction) -> one range."""
    if len(ranges) != 2 or not all(_SINGLE in r.flags for r in ranges):
        return ranges
    first, second = ranges
    if text[first.span[1] : second.span[0]].strip():
        return ranges
    joined = text[: first.span[1]] + " - " + text[second.span[0] :]
    for cand in ctx.ranges(joined):
        if cand.span[0] == first.span[0] and _SINGLE not in cand.flags:
            return [_with_span(cand, (first.span[0], second.span[1]))]
    return ranges


def _join_split_range(
    lines: Sequence[str], number: int, text: str, rng: DateRange, region: range, ctx: DateContext
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
        and _lone_date_line(_WRAPPED_DASH_RE.sub("", following, count=1), ctx)
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
        if (row and text[: rng.span[0]].strip()) or _opens_range(following, ctx):
            return rng, (), ""
        head = text[:cut] + " "
    for cand in ctx.ranges(head + following):
        if cand.span[0] != rng.span[0] or _SINGLE in cand.flags:
            continue
        if cand.span[1] <= len(head) or (wrapped and RangeFlag.END_BEFORE_START in cand.flags):
            break  # the end is not on the next line, or is no end of this range ("2000 users")
        if row and cand.current and not _ROW_OPEN_RE.match(following):
            break
        rest = following[cand.span[1] - len(head) :]
        return _with_span(cand, (cand.span[0], min(cut, cand.span[1]))), consumed, rest
    return rng, (), ""


def _opens_range(text: str, ctx: DateContext) -> bool:
    """Whether a line opens with a date range of its own ("2019 - 2021 Developer")."""
    found = ctx.ranges(text)
    return bool(found) and found[0].span[0] == 0 and _SINGLE not in found[0].flags


def _lone_date_line(text: str, ctx: DateContext) -> bool:
    """Whether a line holds nothing but one date or an open end ("Feb 2020", "Present")."""
    if _OPEN_LINE_RE.match(text):
        return True
    found = ctx.ranges(text)
    return len(found) == 1 and found[0].span == (0, len(text)) and _SINGLE in found[0].flags


def _with_span(rng: DateRange, span: tuple[int, int]) -> DateRange:
    return replace(rng, span=span)
