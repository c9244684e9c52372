"""Name, email, phone and links from a resume's header.

The header is the text before the first heading (see `screener.sections`); when a resume has no
header section, its first lines are read instead. Email, phone and links fall back to the whole
resume when the header has none. Phone numbers need 9 to 15 digits and are never dates
("2018 - 2019", "01/2018 - 12/2019").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from screener.dates import find_ranges
from screener.records import Contact, Section
from screener.sections import heading_name

_HEADER_FALLBACK_LINES = 8
_ANY_DAY = date(2100, 1, 1)  # dates only rule out phone numbers, so any as-of day will do

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(
    r"(?<![\w/.+-])(?:"
    # international: "+33 4 55 55 01 23", "+31 6 5550 7788" (single-digit groups allowed)
    r"\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}"
    r"|(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,5}){1,4}"
    r")(?![\w/])"
)
_YEAR_ONLY_RE = re.compile(r"(?:19|20)\d\d")
_PHONE_LABEL_RE = re.compile(r"(?i)\b(?:phone|tel|mobile|cell|ph)\b")
_URL_RE = re.compile(
    r"(?i:(?<![@\w.])(?:https?://|www\.)[^\s|,;<>()\[\]]+)"
    # bare domains: lower-case top-level domain and labels of two or more characters, so degrees
    # ("B.Com", "B.Tech") and initials are not links
    r"|(?<![@\w.])(?:[A-Za-z0-9][A-Za-z0-9-]+\.)+(?:com|dev|io|me|net|org|co|app|site|tech|info"
    r"|xyz|page|ai|design|studio|blog|art|codes|cloud|digital|work|online|website|eu)"
    r"(?:/[^\s|,;<>()\[\]]*)?(?![\w@])"
)
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # Latin-1 capitals: "Tomás", "Ørsted", "Émile"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff"
_NAME_WORD_RE = re.compile(
    # "DeShawn", "McKenzie", "LaToya": capitals inside a name word are fine
    rf"^(?:[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)*(?:[-'][{_UP}]?[{_LOW}]+)*|[{_UP}]\."
    rf"|[{_UP}][{_LOW}]*'[{_UP}][{_LOW}]+|[{_UP}]+(?:[-'][{_UP}]+)+|[{_UP}]{{2,}}"
    r"|de|da|van|von|der|del|la|le|di|bin|al|dos|du)$"
)
# Honorifics and ranks written before a name: "Capt. Daniel Reyes", "Dr. Ana Ruiz".
_HONORIFIC_RE = re.compile(
    r"^(?:dr|mr|mrs|ms|mx|prof|capt|cpt|sgt|lt|col|maj|rev|eng|ing)\.?\s+", re.IGNORECASE
)
_NAME_LABEL_RE = re.compile(r"^\s*(?:full\s+)?name\s*:\s*(.+)$", re.IGNORECASE)
# Headings after which a LinkedIn export prints the name (its sidebar comes first).
_BODY_HEADINGS = frozenset({"summary", "experience"})
_NAME_BEFORE_BODY = 3
_NOT_NAME_RE = re.compile(
    r"(?i)\b(?:curriculum|vitae|resume|r\u00e9sum\u00e9|cv|engineer|developer|programmer|manager"
    r"|analyst|consultant|architect|designer|scientist|intern|administrator|specialist|lead"
    r"|senior|junior|tester|trainer|street|avenue|road|suite|apartment|university|college|inc|llc"
    r"|ltd|corp"
    r"|objective|summary|profile|contact|email|phone|address)\b"
)
# Anonymised exports open with the job category in capitals ("EXECUTIVE CHEF", "HR GENERALIST")
# where a name would be: words of job titles and fields that are not also common surnames
# (Cook, Baker, Carpenter, Driver only count in phrases such as "Line Cook").
_OCCUPATION_RE = re.compile(
    r"(?i)\b(?:chef|teacher|nurse|registered|technician|mechanic|associate|accountant|bookkeeper"
    r"|attendant|pilot|officer|clerk|cashier|teller|assistant|generalist|recruiter|representative"
    r"|executive|director|supervisor|coordinator|sales|retail|marketing|finance|financial|hr"
    r"|information|technology|medical|pharmacy|aviation|maintenance|payroll|instructor|agent"
    r"|administrative|customer|service|operations|accounting|advocate|agriculture|apparel"
    r"|automobile|banking|bpo|construction|healthcare|fitness|therapist|paralegal|attorney"
    r"|auditor|controller|receptionist|secretary|aide|technologist|dishwasher|bartender|server"
    r"|educator|professor|tutor|paraprofessional|hospitality|culinary|public\s+relations"
    r"|(?:line|prep|head|sous|pastry|short\s+order)\s+cook|(?:pastry|head)\s+baker"
    r"|(?:truck|delivery|bus)\s+driver|(?:finish|rough)\s+carpenter|it)\b"
)
_SPLIT_RE = re.compile(r"\s*(?:\||\u2022|\u00b7|\t|\s{3,}|,\s|;\s|\s[-\u2013\u2014]\s)\s*")


def _header_lines(lines: Sequence[str], sections: Sequence[Section]) -> list[tuple[int, str]]:
    """(1-based number, text) of the header and contact sections, or the first lines."""
    spans = [s for s in sections if s.name in ("header", "contact")]
    if spans:
        return [(n, lines[n - 1]) for s in spans for n in range(s.start_line, s.end_line + 1)]
    return [(n, lines[n - 1]) for n in range(1, min(len(lines), _HEADER_FALLBACK_LINES) + 1)]


def _name(
    header: list[tuple[int, str]], lines: Sequence[str], sections: Sequence[Section]
) -> str | None:
    """A labelled name ("Name: ..."), else the first header line (or its first piece) that reads
    as a person's name, else the name a LinkedIn export prints just before its summary."""
    for _, line in header:
        m = _NAME_LABEL_RE.match(line)
        if m and (name := _as_name(m.group(1))):
            return name
    for _, line in header:
        for piece in _SPLIT_RE.split(line.strip())[:1]:
            name = _as_name(piece)
            if name:
                return name
    return _name_before_body(lines, sections)


def _name_before_body(lines: Sequence[str], sections: Sequence[Section]) -> str | None:
    """LinkedIn PDFs: sidebar (contact, skills, ...) first, then name, headline, location."""
    body = next((s for s in sections if s.name in _BODY_HEADINGS), None)
    if body is None or sections[0].name == "header":
        return None
    for n in range(max(1, body.start_line - _NAME_BEFORE_BODY), body.start_line):
        name = _as_name(lines[n - 1])
        if name:
            return name
    return None


def _as_name(text: str) -> str | None:
    text = _HONORIFIC_RE.sub("", text.strip(" \t:*#-"))
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() or ch in "@/:" for ch in text):
        return None
    if _NOT_NAME_RE.search(text) or _OCCUPATION_RE.search(text) or heading_name(text):
        return None
    if not all(_NAME_WORD_RE.match(w.strip(",")) for w in words):
        return None
    if text.isupper():  # "AVERY QUINN" -> "Avery Quinn"
        text = " ".join(w.capitalize() if len(w) > 2 else w for w in words)
        text = re.sub(r"(?<=[-'])[a-z]", lambda m: m.group(0).upper(), text)
    return text


def _phone(lines: Sequence[tuple[int, str]]) -> str | None:
    """The first phone-shaped run with 9-15 digits that is not a date; labelled lines first."""
    ordered = sorted(lines, key=lambda nl: (not _PHONE_LABEL_RE.search(nl[1]), nl[0]))
    for _, line in ordered:
        if not any(ch.isdigit() for ch in line):
            continue
        # a lone year may sit inside a number ("+90 555 010 2030"); other dates rule it out
        dates = [
            r.span
            for r in find_ranges(line, _ANY_DAY)
            if not ("single-date" in r.flags and _YEAR_ONLY_RE.fullmatch(r.text))
        ]
        for m in _PHONE_RE.finditer(line):
            digits = sum(ch.isdigit() for ch in m.group(0))
            if not 9 <= digits <= 15:
                continue
            if any(s < m.end() and m.start() < e for s, e in dates) or _all_years(m.group(0)):
                continue
            return m.group(0).strip()
    return None


def _all_years(text: str) -> bool:
    """ "2019 2020 2021": a run of years is not a phone number."""
    groups = re.findall(r"\d+", text)
    return all(_YEAR_ONLY_RE.fullmatch(g) for g in groups)


def _links(lines: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """URLs and bare domains (LinkedIn, GitHub, personal sites), deduplicated, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for _, line in lines:
        if "." not in line:
            continue  # a link's key below holds a "." of its line: none on this one
        for m in _URL_RE.finditer(line):
            url = m.group(0).rstrip(".,;:!?)'\"")
            key = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url).rstrip("/").lower()
            if key and key not in seen and "." in key:
                seen.add(key)
                out.append(url)
    return tuple(out)


def extract_contact(lines: Sequence[str], sections: Sequence[Section]) -> Contact:
    """Name, email, phone and links; each None / empty when the resume does not show it."""
    header = _header_lines(lines, sections)
    everything = list(enumerate(lines, start=1))
    email = next((m.group(0) for _, text in header for m in _EMAIL_RE.finditer(text)), None)
    if email is None:
        email = next((m.group(0) for _, text in everything for m in _EMAIL_RE.finditer(text)), None)
    links = _links(header) or _links(everything)
    return Contact(
        name=_name(header, lines, sections),
        email=email,
        phone=_phone(header) or _phone(everything),
        links=links,
    )
