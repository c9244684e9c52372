"""Date and date-range grammar for resumes, read against an injected as-of date.

Months are plain integers, ``year * 12 + (month - 1)`` (see `month_index`), so ranges are
integer intervals and unions are cheap. Every written date has a lower and an upper month bound:
"Jan 2018" is exactly one month, "2018" is Jan..Dec 2018, "Summer 2020" is Jun..Aug 2020, "Q3
2019" ("2019 Q3", "3Q 2019") is Jul..Sep 2019. The best estimate of a bound is the midpoint of
the bounds, rounded down (floor), which makes a year-only range "2016 - 2019" count 37 months on
average, the unbiased length under the inclusive convention below; a season or a quarter is
thus its middle month (Q1 = Feb, Q2 = May, Q3 = Aug, Q4 = Nov). When both ends are the same
imprecise period ("2019", "Summer 2020", "Q3 2019"), the range is taken as the whole period
(12 and 3 months), not one month.

Length convention (used everywhere, and by the gold labels): months are counted inclusively, so
Jan 2018 - Dec 2018 is 12 months = 1.0 year and Jan 2018 - Jan 2018 is 1 month.

Open ends ("Present", "Current", "to date", "since 2019", ...) resolve to the as-of month; the
clock is never read.

Month names, words for "present", "since" and connectors are also read in Spanish, German, French,
Portuguese, Italian and Dutch ("ene. 2019 - actualidad", "März 2018 bis heute", "de janeiro de
2018 a dezembro de 2019", "seit 2019"), from the tables `_MONTH_WORDS` and `_PRESENT_WORDS`.
Words that are also English ("set", "mai", "mei", "ago", "a", "actual") are read only where
English cannot mean them: a foreign month word only before a four-digit or apostrophed year.

Suspicious ranges are flagged, not silently trusted:

- ``end-before-start``: the end is before the start (the range is kept with length 0);
- ``future-start``: the start is after the as-of month;
- ``future-end``: the end is after the as-of month (`clip` cuts it to the as-of month).

`screener.parse.experience` excludes ``end-before-start`` and ``future-start`` ranges from every
total (see `UNTRUSTED`) and counts ``future-end`` ranges up to the as-of month only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum


class RangeFlag(str, Enum):
    """What is unusual about a date range. A `str`: the value is what reports print."""

    SINGLE_DATE = "single-date"  # one date, not a range ("2019", "June 2020")
    YEAR_ONLY = "year-only"  # a start or an end written as a year alone ("2016 - 2019")
    SEASON = "season"  # "Summer 2020"
    QUARTER = "quarter"  # "Q3 2019"
    END_BEFORE_START = "end-before-start"
    FUTURE_START = "future-start"  # after the as-of month
    FUTURE_END = "future-end"  # after the as-of month; counted up to it

    def __str__(self) -> str:
        return self.value


# Ranges no total counts.
UNTRUSTED = frozenset({RangeFlag.END_BEFORE_START, RangeFlag.FUTURE_START})

# Month words per language, January first: full names and the abbreviations resumes use. Forms
# without accents ("fevrier") and with umlauts spelled out ("Maerz") are derived, not listed.
_MONTH_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ),
    "es": (
        ("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo",),
        ("junio", "jun"), ("julio", "jul"), ("agosto", "ago"),
        ("septiembre", "setiembre", "sept", "sep", "set"), ("octubre", "oct"),
        ("noviembre", "nov"), ("diciembre", "dic"),
    ),
    "de": (
        ("januar", "jänner", "jan", "jän"), ("februar", "feber", "feb"), ("märz", "mär", "mrz"),
        ("april", "apr"), ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("oktober", "okt"), ("november", "nov"),
        ("dezember", "dez"),
    ),
    "fr": (
        ("janvier", "janv", "jan"), ("février", "févr", "fév"), ("mars",), ("avril", "avr"),
        ("mai",), ("juin",), ("juillet", "juil"), ("août",), ("septembre", "sept"),
        ("octobre", "oct"), ("novembre", "nov"), ("décembre", "déc"),
    ),
    "pt": (
        ("janeiro", "jan"), ("fevereiro", "fev"), ("março", "mar"), ("abril", "abr"),
        ("maio", "mai"), ("junho", "jun"), ("julho", "jul"), ("agosto", "ago"),
        ("setembro", "set"), ("outubro", "out"), ("novembro", "nov"), ("dezembro", "dez"),
    ),
    "it": (
        ("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"),
        ("maggio", "mag"), ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"),
        ("settembre", "sett", "set"), ("ottobre", "ott"), ("novembre", "nov"),
        ("dicembre", "dic"),
    ),
    "nl": (
        ("januari", "jan"), ("februari", "feb"), ("maart", "mrt"), ("april", "apr"), ("mei",),
        ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"), ("september", "sept", "sep"),
        ("oktober", "okt"), ("november", "nov"), ("december", "dec"),
    ),
}  # fmt: skip
# Words for an open end ("Present"), English first. Phrases take any run of spaces.
_PRESENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("present", "current", "currently", "now", "today", "date", "ongoing", "continuing"),
    "es": ("actualidad", "la actualidad", "actualmente", "actual", "presente", "la fecha", "hoy"),
    "de": ("heute", "aktuell", "jetzt", "dato"),
    "fr": ("aujourd'hui", "présent", "à ce jour", "ce jour", "maintenant"),
    "pt": ("atual", "atualmente", "presente", "o momento", "hoje"),
    "it": ("oggi", "attuale", "attualmente", "presente"),
    "nl": ("heden", "nu"),
}
# Open-end words that also begin English text or names ("actual figures", "Nu Skin"): they end a
# range only when no word follows them.
_PRESENT_ALONE = frozenset({"actual", "nu"})
# Words before a start date. "since" and its kin open a range when no end follows ("seit 2019").
_SINCE_WORDS = ("since", "seit", "desde", "depuis", "sinds", "vanaf", "dal")
_FROM_WORDS = ("from", "von", "vom", "de", "del", "da", "du", "van")
# Connectors between two dates besides dashes and "to". Those that are English words too ("a",
# "al", "ate") connect only in evidently foreign text: after a word such as "de" or "desde", after
# a foreign month word, or before a foreign month or open-end word.
_TO_WORDS = ("bis", "hasta", "tot", "até", "à", "au", "jusqu'à", "jusqu'au", "jusqu'en")
_TO_WORDS_FOREIGN_ONLY = ("a", "al", "ate")
# Season -> (first month, last month) relative to the season's year; winter starts the
# December before ("Winter 2020" = Dec 2019 .. Feb 2020).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (0, 2)}  # fmt: skip

_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
_APOS = "['\u2019\u2018`\u00b4]"
_YEAR4 = r"(?:19[5-9]\d|20\d\d)"


def _spellings(word: str) -> set[str]:
    """A word as written, without its accents, and with German umlauts spelled out."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    spelled = word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return {word, bare, spelled}


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, longest first; spaces and apostrophes as written."""
    out = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", _APOS) for w in out)


_MONTH_OF = {
    spelling: number
    for months in _MONTH_WORDS.values()
    for number, words in enumerate(months, start=1)
    for word in words
    for spelling in _spellings(word)
}
_ENGLISH_MONTHS = {w for words in _MONTH_WORDS["en"] for w in words}
# Month words of the other languages. They count only before a four-digit or apostrophed year
# ("mai 2019", "set '19"): "set 10 servers" and "mei 20" are no dates.
_FOREIGN_MONTH_RE = "(?:" + _alternation(w for w in _MONTH_OF if w not in _ENGLISH_MONTHS) + r")\.?"
_FOREIGN_PRESENT = {
    spelling
    for lang, words in _PRESENT_WORDS.items()
    if lang != "en"
    for word in words
    for spelling in _spellings(word)
}
_PRESENT_RE = (
    "(?:"
    + _alternation(
        w for w in _FOREIGN_PRESENT | set(_PRESENT_WORDS["en"]) if w not in _PRESENT_ALONE
    )
    + "|(?:"
    + _alternation(_PRESENT_ALONE)
    + r")(?![ \t]+\w)"
    + ")"
)
_FOREIGN_RE = "(?:" + _FOREIGN_MONTH_RE + "|" + _alternation(_FOREIGN_PRESENT) + ")"


def _date_pattern(p: str) -> str:
    """One written date, with named groups prefixed by `p` (so a range can hold two)."""
    return (
        "(?:"
        # Jan 2018, Jan. 2018, January 5, 2018, Sept. 2019, Jan '22, Jan 22
        rf"(?P<{p}mon>{_MONTH_RE})[\s,]*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
        rf"(?:(?P<{p}my>{_YEAR4})|{_APOS}?(?P<{p}myy>\d\d))(?!\d)"
        # März 2018, 1. März 2018, févr. 2020, 5 de enero de 2019, set '19 (see _MONTH_WORDS)
        r"|(?:[0-3]?\d(?:\.|er)?\s+(?:de\s+)?)?"
        rf"(?P<{p}monf>{_FOREIGN_MONTH_RE})(?:\s+del?)?[\s,]*"
        rf"(?:(?P<{p}mfy>{_YEAR4})|{_APOS}(?P<{p}mfyy>\d\d))(?!\d)"
        # Spring 2020, Fall '19
        rf"|(?P<{p}sea>{_SEASON_RE})[\s,]*(?:(?P<{p}sy>{_YEAR4})|{_APOS}(?P<{p}syy>\d\d))(?!\d)"
        # Q3 2019, Q3/2019, Q3 '19; 2019 Q3, 2019-Q3; 3Q 2019
        rf"|Q(?P<{p}q>[1-4])[\s,/-]*(?:(?P<{p}qy>{_YEAR4})|{_APOS}(?P<{p}qyy>\d\d))(?!\d)"
        rf"|(?P<{p}yq>{_YEAR4})[\s-]?Q(?P<{p}q2>[1-4])(?!\w)"
        rf"|(?P<{p}q3>[1-4])Q[\s,/-]*(?P<{p}qy3>{_YEAR4})(?!\d)"
        # 2018-03, 2018.03, 2018/03, 2018-03-15
        rf"|(?P<{p}iy>{_YEAR4})[-./](?P<{p}im>0[1-9]|1[0-2])(?:[-./]\d\d)?(?![\d])"
        # 03/15/2018, 15/03/2018 (day/month order guessed), 01/2018, 01-2018, 01.2018, 1/18
        rf"|(?P<{p}nd>\d{{1,2}})[/.-](?P<{p}nm>\d{{1,2}})[/.-](?P<{p}ndy>{_YEAR4})(?!\d)"
        rf"|(?P<{p}nm2>0?[1-9]|1[0-2])(?:[/.-](?P<{p}ny>{_YEAR4})|/(?P<{p}nyy>\d\d))(?![\d/.-]\d|\d)"
        # '22, 2018
        rf"|{_APOS}(?P<{p}ayy>\d\d)(?!\d)"
        rf"|(?P<{p}y>{_YEAR4})(?![\d])"
        ")"
    )


_SEP = (
    r"\s*(?:[-\u2010-\u2015\u2212~]+|\bto\b|\buntil\b|\btill\b|\btil\b"
    r"|\bthrough\b|\bthru\b|>|\u2192)\s*"
)
# Foreign connectors need space around them; the English-looking ones only in foreign text.
_FOREIGN_ONLY = r"\s+(?:" + _alternation(_TO_WORDS_FOREIGN_ONLY) + r")\s+"
_SEP_ANY = (
    _SEP
    + r"|\s+(?:"
    + _alternation(_TO_WORDS)
    + r")\s+"
    + rf"|(?(since){_FOREIGN_ONLY}|(?(smonf){_FOREIGN_ONLY}|{_FOREIGN_ONLY}(?={_FOREIGN_RE})))"
)
_OPEN = (
    r"\(?(?:(?:to|till|until|up\s+to|"
    + _alternation(_TO_WORDS + _TO_WORDS_FOREIGN_ONLY + ("ad",))
    + r")\s+)?"
    + r"(?:"
    + _PRESENT_RE
    + r"|onwards?)\b\)?"
)
_RANGE_RE = re.compile(
    r"(?<![\w/.-])(?:(?P<since>"
    + _alternation(_SINCE_WORDS + _FROM_WORDS)
    + r")\s+)?"
    + _date_pattern("s")
    + r"(?:(?P<sep>"
    + _SEP_ANY
    + r")(?:(?P<open>"
    + _OPEN
    + r")|"
    + _date_pattern("e")
    + r"|(?P<eyy>\d\d)(?![\d/.-]))"
    + r"|\s+(?P<onw>onwards?)\b"
    # "2021 (current)", "Mar 2020 (present)": an open end written in brackets
    + r"|\s*\(\s*(?P<paren>current(?:ly)?|present|ongoing|now|to\s+date|"
    + _alternation(_FOREIGN_PRESENT)
    + r")\s*\))?"
    + r"(?!\w)",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
# What may follow a start date whose end a narrow table cell wrapped onto the next line: the
# separator, and perhaps the end's month without its year ("Aug 2020 - Feb" / "2022").
DANGLING_END_RE = re.compile(rf"(?P<sep>{_SEP})(?:(?P<month>{_MONTH_RE})(?![\w.]))?", re.IGNORECASE)
MONTH_NAME_RE = re.compile(_MONTH_RE, re.IGNORECASE)  # "Feb", "Sept.", "September"
YEAR_RE = re.compile(rf"{_YEAR4}(?!\d)")  # a four-digit year, 1950-2099


@dataclass(frozen=True)
class DateRange:
    """A date or date range found in a line. Months are `month_index` integers.

    `start`/`end` are the best estimates (see the module docstring); `*_low`/`*_high` the bounds.
    A single date ("2019", "June 2020") is a range from the date to itself, flagged
    ``single-date``.
    """

    text: str
    span: tuple[int, int]  # character offsets in the line, end exclusive
    start: int
    end: int
    start_low: int
    start_high: int
    end_low: int
    end_high: int
    current: bool = False
    flags: tuple[RangeFlag, ...] = ()

    @property
    def months(self) -> int:
        """Inclusive length in months of the best estimate; 0 when the end is before the start."""
        return max(0, self.end - self.start + 1)

    @property
    def trusted(self) -> bool:
        return not (UNTRUSTED & set(self.flags))

    def clip(self, as_of: date) -> tuple[int, int]:
        """(start, end) with the end cut to the as-of month."""
        return self.start, min(self.end, month_index(as_of.year, as_of.month))


def month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def ym(index: int) -> str:
    """Month index -> "YYYY-MM"."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_to_years(months: int) -> float:
    return round(months / 12, 2)


def _two_digit_year(yy: str, as_of: date) -> int:
    """'22 -> 2022; a two-digit year more than a year ahead of as-of is taken as 19yy."""
    year = 2000 + int(yy)
    return year if year <= as_of.year + 1 else year - 100


def _bounds(
    m: re.Match[str], p: str, as_of: date, day_first: bool = False
) -> tuple[int, int, str] | None:
    """(low, high, precision) of the date captured with prefix `p`; None if not a date."""
    g = m.group
    if g(p + "mon") or g(p + "monf"):
        month = _MONTH_OF[(g(p + "mon") or g(p + "monf")).rstrip(".").lower()]
        four, two = g(p + "my") or g(p + "mfy"), g(p + "myy") or g(p + "mfyy")
        year = int(four) if four else _two_digit_year(two, as_of)
        return month_index(year, month), month_index(year, month), "month"
    if g(p + "sea"):
        first, last = _SEASONS[g(p + "sea").lower()]
        year = int(g(p + "sy")) if g(p + "sy") else _two_digit_year(g(p + "syy"), as_of)
        return month_index(year, first), month_index(year, last), "season"
    quarter = _quarter(m, p, as_of)
    if quarter is not None:
        year, q = quarter
        return month_index(year, 3 * q - 2), month_index(year, 3 * q), "quarter"
    if g(p + "iy"):
        idx = month_index(int(g(p + "iy")), int(g(p + "im")))
        return idx, idx, "month"
    if g(p + "nd"):
        a, b = int(g(p + "nd")), int(g(p + "nm"))
        # US order unless the first number cannot be a month or the resume writes days first
        month = b if (day_first or a > 12) and 1 <= b <= 12 else a
        if not 1 <= month <= 12:
            return None
        idx = month_index(int(g(p + "ndy")), month)
        return idx, idx, "month"
    if g(p + "nm2"):
        year = int(g(p + "ny")) if g(p + "ny") else _two_digit_year(g(p + "nyy"), as_of)
        idx = month_index(year, int(g(p + "nm2")))
        return idx, idx, "month"
    if g(p + "ayy"):
        year = _two_digit_year(g(p + "ayy"), as_of)
        return month_index(year, 1), month_index(year, 12), "year"
    if g(p + "y"):
        year = int(g(p + "y"))
        return month_index(year, 1), month_index(year, 12), "year"
    return None


def _quarter(m: re.Match[str], p: str, as_of: date) -> tuple[int, int] | None:
    """(year, quarter) of a quarter captured with prefix `p` in any of its three forms."""
    g = m.group
    if g(p + "q"):
        year = int(g(p + "qy")) if g(p + "qy") else _two_digit_year(g(p + "qyy"), as_of)
        return year, int(g(p + "q"))
    if g(p + "q2"):
        return int(g(p + "yq")), int(g(p + "q2"))
    if g(p + "q3"):
        return int(g(p + "qy3")), int(g(p + "q3"))
    return None


def _end_bounds(
    m: re.Match[str], start: tuple[int, int, str], as_of: date, day_first: bool = False
) -> tuple[int, int, str, bool] | None:
    """(low, high, precision, current) of the range's end; None when there is no end."""
    now = month_index(as_of.year, as_of.month)
    since = (m.group("since") or "").lower() in _SINCE_WORDS
    if m.group("open") or m.group("onw") or m.group("paren") or (since and not m.group("sep")):
        return now, now, "open", True
    if m.group("eyy"):  # "2018 - 19": the end's century is the start's
        if start[2] != "year":
            return None
        year = start[0] // 12 // 100 * 100 + int(m.group("eyy"))
        return month_index(year, 1), month_index(year, 12), "year", False
    if m.group("sep"):
        end = _bounds(m, "e", as_of, day_first)
        if end is not None:
            return end[0], end[1], end[2], False
    return None


def _make_range(m: re.Match[str], as_of: date, day_first: bool = False) -> DateRange | None:
    # "15/01/2017 - 31/08/2020": one day-first date makes the whole range day-first
    day_first = day_first or _day_first_evident(m)
    start = _bounds(m, "s", as_of, day_first)
    if start is None:
        return None
    end = _end_bounds(m, start, as_of, day_first)
    flags: list[RangeFlag] = []
    text_end = m.end()
    if end is None:
        end = (start[0], start[1], start[2], False)
        flags.append(RangeFlag.SINGLE_DATE)
        text_end = _start_end(m)
    s_low, s_high, s_prec = start
    e_low, e_high, e_prec, current = end
    if "year" in (s_prec, e_prec):
        flags.append(RangeFlag.YEAR_ONLY)
    if "season" in (s_prec, e_prec):
        flags.append(RangeFlag.SEASON)
    if "quarter" in (s_prec, e_prec):
        flags.append(RangeFlag.QUARTER)
    best_s, best_e = (s_low + s_high) // 2, (e_low + e_high) // 2
    if (s_low, s_high) == (e_low, e_high) and s_low != s_high:
        best_s, best_e = s_low, s_high  # "2019" alone: the whole year, not one month
    now = month_index(as_of.year, as_of.month)
    if best_e < best_s:
        flags.append(RangeFlag.END_BEFORE_START)
    if s_low > now:
        flags.append(RangeFlag.FUTURE_START)
    if e_low > now and not current:
        flags.append(RangeFlag.FUTURE_END)
    return DateRange(
        text=m.string[m.start() : text_end].strip(),
        span=(m.start(), text_end),
        start=best_s,
        end=best_e,
        start_low=s_low,
        start_high=s_high,
        end_low=e_low,
        end_high=e_high,
        current=current,
        flags=tuple(flags),
    )


def _start_end(m: re.Match[str]) -> int:
    """Where the start date's text ends (a single date's match may not reach past it)."""
    ends = [
        m.end(g)
        for g in m.groupdict()
        if g.startswith("s") and m.group(g) and g not in ("since", "sep")
    ]
    return max(ends) if ends else m.end()


def _day_first_evident(m: re.Match[str]) -> bool:
    """Whether a numeric day/month/year date in the match can only be read day first."""
    return any(m.group(p + "nd") and int(m.group(p + "nd")) > 12 for p in ("s", "e"))


_DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](?:19|20)\d\d(?!\d)")


def day_first_document(lines: Iterable[str]) -> bool:
    """Whether a resume writes numeric dates day first ("15/01/2017"), judged on all its dates.

    True when some date can only be read day first (first number above 12) and none can only be
    read month first (second number above 12). Ambiguous dates ("01/09/2020") then follow it.
    """
    dmy = mdy = False
    for line in lines:
        if "/" not in line and "." not in line and "-" not in line:
            continue
        for m in _DMY_RE.finditer(line):
            a, b = int(m.group(1)), int(m.group(2))
            dmy |= a > 12 and b <= 12
            mdy |= b > 12 and a <= 12
    return dmy and not mdy


def find_ranges(line: str, as_of: date, *, day_first: bool = False) -> list[DateRange]:
    """Every date or date range in `line`, left to right, with character spans. Never raises.

    `day_first` reads ambiguous numeric dates ("01/09/2020") as day/month/year; see
    `day_first_document`.
    """
    if not _HAS_DIGIT.search(line):
        return []
    found = []
    for m in _RANGE_RE.finditer(line):
        rng = _make_range(m, as_of, day_first)
        if rng is not None:
            found.append(rng)
    return found


def parse_range(text: str, as_of: date) -> DateRange | None:
    """The first date range (or single date) in `text`, or None."""
    found = find_ranges(text, as_of)
    ranges = [r for r in found if RangeFlag.SINGLE_DATE not in r.flags]
    return ranges[0] if ranges else (found[0] if found else None)


def union_months(intervals: Iterable[tuple[int, int]]) -> int:
    """Months covered by the union of inclusive (start, end) intervals; empty ones ignored."""
    total = 0
    cur_s = cur_e = None
    for s, e in sorted(i for i in intervals if i[1] >= i[0]):
        if cur_e is not None and s <= cur_e + 1:
            cur_e = max(cur_e, e)
            continue
        if cur_e is not None and cur_s is not None:
            total += cur_e - cur_s + 1
        cur_s, cur_e = s, e
    if cur_e is not None and cur_s is not None:
        total += cur_e - cur_s + 1
    return total
