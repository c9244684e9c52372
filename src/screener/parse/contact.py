"""Name, email, phone and links from a resume's header.

The header is the text before the first heading (see `screener.parse.sections`); when a resume has
no header section, its first lines are read instead. Email, phone and links fall back to the whole
resume when the header has none. Phone numbers need 9 to 15 digits and are never dates
("2018 - 2019", "01/2018 - 12/2019").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from screener.parse.dates import find_ranges
from screener.parse.experience.titles import is_job_word
from screener.parse.sections import HEADING_WORDS, heading_name
from screener.records import Contact, Section

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
# Lower-case particles inside a name: "Jeroen de Vries", "Ana dos Santos"
_PARTICLES = frozenset("de da van von der del la le di bin al dos du".split())  # noqa: SIM905
_NAME_WORD_RE = re.compile(
    # "DeShawn", "McKenzie", "LaToya": capitals inside a name word are fine
    rf"^(?:[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)*(?:[-'][{_UP}]?[{_LOW}]+)*|[{_UP}]\."
    rf"|[{_UP}][{_LOW}]*'[{_UP}][{_LOW}]+|[{_UP}]+(?:[-'][{_UP}]+)+|[{_UP}]{{2,}}"
    rf"|{'|'.join(sorted(_PARTICLES))})$"
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
    r"|(?:truck|delivery|bus)\s+driver|(?:finish|rough)\s+carpenter|it"
    r"|vice|deputy)\b"  # ranks before a title: "Vice President", "Deputy Director"
)
_PROSE_WORD_RE = re.compile(r"(?<!\S)[a-z]+[,.;]?(?!\S)")
_PROSE_WORDS = 5
_SPLIT_RE = re.compile(r"\s*(?:\||\u2022|\u00b7|\t|\s{3,}|,\s|;\s|\s[-\u2013\u2014]\s)\s*")


def _header_lines(lines: Sequence[str], sections: Sequence[Section]) -> list[tuple[int, str]]:
    """(1-based number, text) of the header and contact sections, or the first lines."""
    spans = [s for s in sections if s.name in ("header", "contact")]
    if spans:
        return [(n, lines[n - 1]) for s in spans for n in range(s.start_line, s.end_line + 1)]
    return [(n, lines[n - 1]) for n in range(1, min(len(lines), _HEADER_FALLBACK_LINES) + 1)]


def _name(
    header: list[tuple[int, str]],
    lines: Sequence[str],
    sections: Sequence[Section],
    known: _KnownWords,
) -> str | None:
    """A labelled name ("Name: ..."), else the first line (or its first piece) at the top of the
    resume that reads as a person's name, else the name a LinkedIn export prints just before
    its summary."""
    for _, line in header:
        m = _NAME_LABEL_RE.match(line)
        if m and (name := _as_name(m.group(1), None)):
            return name
    opening = next((n for n, line in enumerate(lines, start=1) if line.strip()), 0)
    for number, line in _top_lines(header, sections):
        if _is_prose(line):
            break  # the name is printed above the summary; what follows are its words
        if number == opening and line.isupper() and not known.has_contact:
            continue  # anonymised exports print the job category there, where the name was
        name = _as_name(_SPLIT_RE.split(line.strip())[0], known)
        if name:
            return name
    return _name_before_body(lines, sections, known)


def _top_lines(header: list[tuple[int, str]], sections: Sequence[Section]) -> list[tuple[int, str]]:
    """The header lines before the first body section: a "Personal details" block at the end
    of a resume lists addresses ("Moorthy Nagar, Chennai"), and only a label names its owner."""
    body = next(
        (s.start_line for s in sections if s.name not in ("header", "contact", "unknown")), None
    )
    return [(n, line) for n, line in header if body is None or n < body]


def _is_prose(line: str) -> bool:
    """A sentence of the summary: five or more words in lower case."""
    return len(_PROSE_WORD_RE.findall(line)) >= _PROSE_WORDS


def _name_before_body(
    lines: Sequence[str], sections: Sequence[Section], known: _KnownWords
) -> str | None:
    """LinkedIn PDFs: sidebar (contact, skills, ...) first, then name, headline, location."""
    body = next((s for s in sections if s.name in _BODY_HEADINGS), None)
    if body is None or sections[0].name == "header":
        return None
    for n in range(max(1, body.start_line - _NAME_BEFORE_BODY), body.start_line):
        name = _as_name(lines[n - 1], known)
        if name:
            return name
    return None


def _as_name(text: str, known: _KnownWords | None) -> str | None:
    """`text` as a person's name, or None; `known` None for a labelled name (the label vouches
    for it)."""
    text = _HONORIFIC_RE.sub("", text.strip(" \t:*#-"))
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() or ch in "@/:" for ch in text):
        return None
    if _NOT_NAME_RE.search(text) or _OCCUPATION_RE.search(text) or heading_name(text):
        return None
    if not all(_NAME_WORD_RE.match(w.strip(",")) for w in words):
        return None
    if known is not None and not _reads_as_person(words, known):
        return None
    if text.isupper():  # "AVERY QUINN" -> "Avery Quinn"
        text = " ".join(w.capitalize() if len(w) > 2 else w for w in words)
        text = re.sub(r"(?<=[-'])[a-z]", lambda m: m.group(0).upper(), text)
    return text


def _reads_as_person(words: Sequence[str], known: _KnownWords) -> bool:
    """No word is a heading word, and one at least is none of heading, job or ordinary word.

    A job word may stand beside a given name ("Tim Cook", "Jordan Baker"), but a line of job and
    ordinary words only ("Executive Chef", "Committee Member", "Dental Hygienist" in a resume
    that says "dental" elsewhere) is a title.
    """
    keys = [w.strip(",.").lower() for w in words]
    if any(k in HEADING_WORDS for k in keys):
        return False
    return any(
        len(k) > 1 and k not in _PARTICLES and not is_job_word(k) and not known.ordinary(k)
        for k in keys
    )


class _KnownWords:
    """What the rest of the resume says about the words of a candidate name line."""

    def __init__(self, lines: Sequence[str], has_contact: bool) -> None:
        self.has_contact = has_contact
        self._lines = lines
        self._text: str | None = None

    def ordinary(self, word: str) -> bool:
        """The resume writes `word` in lower case, outside emails and links: a word of its
        prose, not a name (a name is capitalised wherever it is printed)."""
        if self._text is None:
            self._text = "\n".join(self._lines)
        found = re.search(rf"(?<![\w@./-]){re.escape(word)}(?![\w@/-]|\.\w)", self._text)
        return found is not None


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
    phone = _phone(header) or _phone(everything)
    known = _KnownWords(lines, has_contact=bool(email or phone))
    return Contact(
        name=_name(header, lines, sections, known), email=email, phone=phone, links=links
    )
