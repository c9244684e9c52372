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
    r"(?<![\w/.+-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,5}){1,4}(?![\w/])"
)
_PHONE_LABEL_RE = re.compile(r"(?i)\b(?:phone|tel|mobile|cell|ph)\b")
_URL_RE = re.compile(
    r"(?i)(?<![@\w.])(?:https?://|www\.)[^\s|,;<>()\[\]]+"
    r"|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:com|dev|io|me|net|org|co|app|site|tech|info|xyz|page|ai)"
    r"(?:/[^\s|,;<>()\[\]]*)?(?![\w@])"
)
_NAME_WORD_RE = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z][a-z]*'[A-Z][a-z]+|Mc[A-Z][a-z]+"
    r"|[A-Z]+(?:[-'][A-Z]+)+|[A-Z]{2,}|de|da|van|von|der|del|la|le|di|bin|al)$"
)
_NOT_NAME_RE = re.compile(
    r"(?i)\b(?:curriculum|vitae|resume|r\u00e9sum\u00e9|cv|engineer|developer|programmer|manager"
    r"|analyst|consultant|architect|designer|scientist|intern|administrator|specialist|lead"
    r"|senior|junior|street|avenue|road|suite|apartment|university|college|inc|llc|ltd|corp"
    r"|objective|summary|profile|contact|email|phone|address)\b"
)
_SPLIT_RE = re.compile(r"\s*(?:\||\u2022|\u00b7|\t|\s{3,}|,\s|;\s|\s[-\u2013\u2014]\s)\s*")


def _header_lines(lines: Sequence[str], sections: Sequence[Section]) -> list[tuple[int, str]]:
    """(1-based number, text) of the header: before the first heading, or the first lines."""
    header = next((s for s in sections if s.name in ("header", "contact")), None)
    if header is not None:
        return [(n, lines[n - 1]) for n in range(header.start_line, header.end_line + 1)]
    return [(n, lines[n - 1]) for n in range(1, min(len(lines), _HEADER_FALLBACK_LINES) + 1)]


def _name(header: list[tuple[int, str]]) -> str | None:
    """The first header line (or its first piece) that reads as a person's name."""
    for _, line in header:
        for piece in _SPLIT_RE.split(line.strip())[:1]:
            name = _as_name(piece)
            if name:
                return name
    return None


def _as_name(text: str) -> str | None:
    text = text.strip(" \t:*#-")
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() or ch in "@/:" for ch in text):
        return None
    if _NOT_NAME_RE.search(text) or heading_name(text):
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
        dates = [r.span for r in find_ranges(line, _ANY_DAY)]
        for m in _PHONE_RE.finditer(line):
            digits = sum(ch.isdigit() for ch in m.group(0))
            if not 9 <= digits <= 15:
                continue
            if any(s < m.end() and m.start() < e for s, e in dates):
                continue
            return m.group(0).strip()
    return None


def _links(lines: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """URLs and bare domains (LinkedIn, GitHub, personal sites), deduplicated, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for _, line in lines:
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
    email = next((m.group(0) for _, l in header for m in _EMAIL_RE.finditer(l)), None)
    if email is None:
        email = next((m.group(0) for _, l in everything for m in _EMAIL_RE.finditer(l)), None)
    links = _links(header) or _links(everything)
    return Contact(
        name=_name(header),
        email=email,
        phone=_phone(header) or _phone(everything),
        links=links,
    )
