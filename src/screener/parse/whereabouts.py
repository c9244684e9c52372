"""Where a candidate lives, whether they work remotely or would relocate, and what they say
about their right to work, read from a resume's lines with evidence.

- location: the header (the lines before the first heading, or a contact section) and any
  "Location:" / "Address:" / "Based in" line. A part of such a line is a location when it reads
  "City, ST" / "City, Region" / "City, Country" (a region or country the data file knows), or is
  a known city, region or country by itself. Job locations inside positions are not where the
  candidate lives and are not read. "City, State" placeholders are no place.
- remote: "open to remote", "remote work", "working remotely", "fully remote", or a part of a
  line that is only "Remote" ("Acme | Remote | 2020 - Present").
- relocation: "willing to relocate", "open to relocation" (not after "not" / "unable").
- work authorisation: citizenship ("US citizen", "German citizen", "citizen of Canada"), a
  permit the data file lists ("green card", "EU Blue Card"), "authorised to work in the UK",
  "no sponsorship required" (no place: the statement is about the jobs applied for), and the
  negative statements ("will require visa sponsorship", "not authorized to work").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from screener.parse.phrases import evidence, trie_pattern
from screener.records import Evidence, Location, WorkAuthorisation
from screener.rubric.qualifications import QualificationData, norm

_LOCATION_LINE = re.compile(
    r"^\W*(?:(?:current\s+)?(?:location|address|residence)\s*:|(?:based|living|lives)\s+in\b)\s*",
    re.IGNORECASE,
)
_TOP = 8  # the header's place is at the top: later "header" lines are a misread section
_PARTS = re.compile(r"[|\u2022\u00b7;\t]|\s{3,}|\s[-\u2013\u2014]\s")
_WORD = r"[A-Z\u00c0-\u00de][a-z\u00df-\u017f.'-]*"  # Title-case: "MS Windows" is no city
_NAME = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
# "City, ST 12345" / "City, Region" / "City, Country" at the end of a part (a street before it),
# perhaps with the country after it ("Austin, TX, USA").
_CITY_REGION = re.compile(
    rf"(?<![\w.'-])(?P<city>{_WORD}(?:\s{_WORD}){{0,3}})\s*,\s*(?P<region>[A-Z]{{2,3}}\b|{_NAME})"
    rf"(?:\s+\d{{5}}(?:-\d{{4}})?)?(?:\s*,\s*(?P<country>[A-Z]{{2,3}}|{_NAME}))?\s*$"
)
_CONTACT = re.compile(
    r"@|https?:|www\.|\.com\b|linkedin|github|\d{3}[\s).-]*\d{3}|\bbirth", re.IGNORECASE
)


def find_locations(
    lines: Sequence[str], where: Sequence[str | None], data: QualificationData
) -> tuple[Location, ...]:
    found: list[Location] = []
    for number, line in enumerate(lines, start=1):
        section = where[number - 1]
        labelled = _LOCATION_LINE.match(line)
        header = section == "contact" or (
            section in ("header", "unknown") and number <= _TOP)
        if not (header or labelled):
            continue
        text = line[labelled.end() :] if labelled else line
        for part in _PARTS.split(text):
            place = _place(part.strip(" ,.()"), data)
            if place is not None:
                found.append(Location(place[0], place[1], evidence(line, section, number)))
    return tuple(found)


def _place(part: str, data: QualificationData) -> tuple[str, tuple[str, ...]] | None:
    """(the place as written, the known places it lies in) or None when it names no place."""
    if not part or _CONTACT.search(part):
        return None
    whole = data.resolve_place(part)
    if whole is not None:
        return part, data.chain(whole)
    m = _CITY_REGION.search(part)
    region = _region(m.group("region"), data) if m else None
    if m is None or region is None:
        return None
    city = data.resolve_place(m.group("city"))
    inside = city is not None and region in data.chain(city)
    return m.group().strip(), data.chain(city if inside else region)


def _region(text: str, data: QualificationData) -> str | None:
    """A region code ("TX"), or a region or country name, else None. A city's name after a
    comma stands for the region named like it ("Albany, New York"), not for the city."""
    if len(text) <= 3 and text.isupper():
        code = _codes(data).get(text)
        if code:
            return code
    found = data.resolve_place(text)
    if found is not None and data.places[found].kind == "city":
        parent = data.places.get(data.places[found].parent)
        named = parent is not None and norm(parent.name).startswith(norm(text))
        return parent.id if named and parent else None
    return found


@lru_cache(maxsize=4)
def _codes(data: QualificationData) -> dict[str, str]:
    return {code: p.id for p in data.places.values() for code in p.codes}


# --------------------------------------------------------------------------- remote, relocation

_REMOTE = re.compile(
    r"\b(?:(?:open|available|looking|seeking)\s+(?:to|for)\s+remote|remote\s+(?:work|working|"
    r"only|first|friendly|position|positions|role|roles|job|jobs|opportunities)|"
    r"work(?:s|ing|ed)?\s+remotely|fully\s+remote|100%\s+remote)\b",
    re.IGNORECASE,
)
_REMOTE_PART = re.compile(r"^\W*remote\W*$", re.IGNORECASE)
_RELOCATE = re.compile(
    r"\b(?:(?:willing|open|happy|able|ready|available|prepared)\s+to\s+relocat\w*|"
    r"open\s+to\s+relocation|will(?:ing)?\s+(?:to\s+)?relocate|relocation\s+(?:possible|ok))\b",
    re.IGNORECASE,
)
_MOVING = re.compile(r"remote|relocat", re.IGNORECASE)  # lines worth reading for either
_REFUSED = re.compile(r"\b(?:not|unable|no|never|cannot|can't)\s+(?:\w+\s+){0,2}$", re.I)


def find_statements(
    lines: Sequence[str], where: Sequence[str | None]
) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    """(statements of remote work, statements of willingness to relocate)."""
    remote, relocation = [], []
    for number, line in enumerate(lines, start=1):
        if not _MOVING.search(line):
            continue
        section = where[number - 1]
        for part in _PARTS.split(line):
            if _REMOTE.search(part) or _REMOTE_PART.match(part):
                remote.append(evidence(part, section, number))
                break
        for part in _PARTS.split(line):
            m = _RELOCATE.search(part)
            if m and not _REFUSED.search(part[: m.start()]):
                relocation.append(evidence(part, section, number))
                break
    return tuple(remote), tuple(relocation)


# --------------------------------------------------------------------------- work authorisation

_NO_SPONSOR = re.compile(
    r"\b(?:(?:do|does|will)\s+not|don't|doesn't|won't|never|no)\s+(?:\w+\s+)?(?:require|need)\w*"
    r"\s+(?:\w+\s+)?sponsorship|\bno\s+(?:visa\s+)?sponsorship\s+(?:is\s+)?(?:required|needed)|"
    r"\bwithout\s+(?:the\s+need\s+for\s+)?(?:visa\s+)?sponsorship",
    re.IGNORECASE,
)
_NOT_AUTHORISED = re.compile(
    r"\bnot\s+(?:\w+\s+)?(?:authori[sz]ed|eligible|permitted)\s+to\s+work\b", re.IGNORECASE
)
_TO_WORK = (
    r"(?:authori[sz]ed|eligible|entitled|permitted|legally able|free|cleared|allowed|"
    r"right|permission)\s+to\s+(?:live\s+and\s+)?work\s+(?:in|for|within)\s+(?:the\s+)?"
)
_CITIZEN = r"(?:citizen|citizenship|national|passport(?:\s+holder)?|permanent\s+resident)"
# What every statement about the right to work holds (the data file's permits and sponsorship
# phrases included: tests/test_qualifications.py checks): lines without it are not read. Plain
# substring tests, as a case-blind alternation over every line cost more than the reading.
_STATEMENT_WORDS = (
    "citizen", "national", "passport", "resident", "sponsor", "visa", "authoris", "authoriz",
    "eligible", "entitled", "permit", "right to", "allowed to", "free to", "legally",
    "green card", "blue card", "leave to remain", "settled", "h-1b", "h1b",
)
_STATEMENT_ACRONYMS = re.compile(r"\b(?:EAD|ILR|PR)\b")


def states_right_to_work(text: str) -> bool:
    """Whether `text` may hold a statement about the right to work."""
    low = text.lower()
    return any(w in low for w in _STATEMENT_WORDS) or bool(_STATEMENT_ACRONYMS.search(text))


def find_authorisations(
    lines: Sequence[str], where: Sequence[str | None], data: QualificationData
) -> tuple[WorkAuthorisation, ...]:
    patterns = _authorisation_patterns(data)
    found: list[WorkAuthorisation] = []
    for number, line in enumerate(lines, start=1):
        if not states_right_to_work(line):
            continue
        for part in _PARTS.split(line):  # the statement, not the e-mail beside it
            statement = _statement(part, patterns, data)
            if statement is not None:
                ev = evidence(part, where[number - 1], number)
                found.append(WorkAuthorisation(statement[0], statement[1], ev))
                break
    return tuple(found)


def _statement(line: str, patterns: dict[str, re.Pattern[str]], data) -> tuple[str, bool] | None:
    """(area, authorised) for the first statement on the line, negative ones first."""
    if patterns["sponsorship"].search(line) and not _NO_SPONSOR.search(line):
        return _area_named(line, patterns, data), False
    if _NOT_AUTHORISED.search(line):
        return _area_named(line, patterns, data), False
    for key in ("to_work", "citizen", "place_citizen", "permit"):
        m = patterns[key].search(line)
        if m:
            return _area_of_match(m, data), True
    if _NO_SPONSOR.search(line):
        return _area_named(line, patterns, data), True
    return None


def _area_named(line: str, patterns: dict[str, re.Pattern[str]], data) -> str:
    m = patterns["place"].search(line)
    return _area_of_match(m, data) if m else ""


def _area_of_match(m: re.Match[str], data: QualificationData) -> str:
    groups = m.groupdict()
    if groups.get("permit"):
        return _permits(data)[norm(groups["permit"])]
    if groups.get("demonym"):
        return data.area_of(_demonyms(data)[norm(groups["demonym"])])
    place = data.resolve_place(groups.get("place") or "")
    return (data.area_of(place) if place else "") or _area_by_name(groups.get("place"), data)


def _area_by_name(text: str | None, data: QualificationData) -> str:
    key = norm(text or "")
    return next((a.id for a in data.areas.values() if key in (a.id, norm(a.name))), "")


@lru_cache(maxsize=4)
def _demonyms(data: QualificationData) -> dict[str, str]:
    return {norm(d): p.id for p in data.places.values() for d in p.demonyms}


@lru_cache(maxsize=4)
def _permits(data: QualificationData) -> dict[str, str]:
    return {norm(p): a.id for a in data.areas.values() for p in a.permits}


def _alternatives(forms) -> str:
    """The forms as one regex group (case as the pattern using it says)."""
    return f"(?:{trie_pattern((f, True) for f in sorted(set(forms)) if f)})"


@lru_cache(maxsize=4)
def _authorisation_patterns(data: QualificationData) -> dict[str, re.Pattern[str]]:
    countries = [p for p in data.places.values() if p.kind == "country"]
    names = _alternatives(
        [f for p in countries for f in (p.name, *p.aliases)]
        + ["EU", "EEA"]
    )
    place = rf"(?P<place>{names})"
    demonym = rf"(?P<demonym>{_alternatives(d for p in countries for d in p.demonyms)})"
    flags = re.IGNORECASE
    return {
        "sponsorship": re.compile(rf"\b(?:{_alternatives(data.sponsorship)})\b", flags),
        "to_work": re.compile(rf"\b{_TO_WORK}{place}\b", flags),
        "citizen": re.compile(rf"\b(?-i:{demonym})\s+{_CITIZEN}\b|\b{_CITIZEN}\s+of\s+"
                              rf"(?:the\s+)?{place}\b", flags),
        "place_citizen": re.compile(rf"\b{place}\s+{_CITIZEN}\b", flags),
        "permit": re.compile(
            rf"\b(?P<permit>{_alternatives(p for a in data.areas.values() for p in a.permits)})\b",
            flags),
        "place": re.compile(rf"\b{place}\b"),
    }
