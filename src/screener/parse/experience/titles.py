"""A position's title and company from the pieces of text read around its dates.

A line is cut into pieces at separators (bars, bullets, tabs, wide gaps, dashes, " @ ", commas,
brackets); locations ("Austin, TX", "Remote") are dropped. The piece holding a job word
("Engineer", "Nurse", "Cashier": `_data/experience/job_words.txt`) is the title, the piece
holding a company word ("Inc", "Labs", "Hospital": `company_words.txt`) the company; a run
written with single spaces ("Acme Robotics Senior Engineer") is split around its last job word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from screener.parse.sections import heading_name
from screener.parse.words import alternation, words

BULLET_RE = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u25a0\u25e6\u2023\u2043\u2219\u00b7*>\u27a2\u2713\u2714o-]\s+|\d+[.)]\s)"
)
WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'&.-]*")
HAS_DIGIT_RE = re.compile(r"\d")
# A career break is not a position ("Career break 2019 - 2020").
BREAK_RE = re.compile(rf"\b(?:{alternation('career_breaks')})\b", re.IGNORECASE)
# Separators between a line's fields. Bars, bullets, tabs, wide gaps, dashes and " @ " part
# whole fields (see `_keep_title_commas`); middots, "::", commas, semicolons and brackets part
# pieces too. (Alternatives starting with a space keep their order: wide gap, dash, "@".)
_STRONG_SEPARATORS = r"\||\u2022|\t|\s{2,}|\s[-\u2013\u2014]+\s|\s@\s"
_SPLIT_RE = re.compile(rf"\s*(?:{_STRONG_SEPARATORS}|\u00b7|::|[,;]\s|\(|\)|\[|\])\s*")
_STRONG_SPLIT_RE = re.compile(rf"\s*(?:{_STRONG_SEPARATORS})\s*")
AT_RE = re.compile(r"^(.+?)\s+at\s+(.+)$")
REGIONS = alternation("regions")  # "TX", "NSW", "UK": written after a city
_STATE_RE = re.compile(rf"^(?:{REGIONS})$")
LOCATION_RE = re.compile(
    rf"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?\s?,? (?:{REGIONS})(?: United States)?|[Rr]emote|[Hh]ybrid"
    r"|[Oo]n-?site)$"
)
_STATE_TAIL_RE = re.compile(rf"\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s?,\s*(?:{REGIONS})$")
# Resume-builder exports anonymise the place as the literal "City , State".
_PLACEHOLDER_RE = re.compile(r"\bCity\s*,\s*State\b")
# An employer line: "Company Name - City , State", "Initech LLC - Dallas , TX".
_EMPLOYER_TAIL_RE = re.compile(rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s?,\s*(?:{REGIONS}|State)$")
JOB_WORD_RE = re.compile(rf"\b(?:{alternation('job_words')})s?\b", re.IGNORECASE)
COMPANY_WORD_RE = re.compile(rf"\b(?:{alternation('company_words')})\b", re.IGNORECASE)
_TITLE_MODIFIERS = words("title_modifiers")
_MAX_HEADER_WORDS = 9
# "Designation: QA Engineer", "Duration: Aug 2017 to Jun 2020": form labels, not content.
_LABEL_RE = re.compile(rf"^(?:{alternation('form_labels')})\s*(?::|-(?=\s))\s*", re.IGNORECASE)
_LABEL_WORD_RE = re.compile(r"^(?:company|description|duration|project|designation|role)$", re.I)
# "Inc.", "Co.", "Jr.", "B.V.", "S.A.": a full stop that is part of the name
_ABBREV_END_RE = re.compile(r"(?:^|\s)(?:[A-Za-z]{1,4}|(?:[A-Za-z]\.){1,3}[A-Za-z])\.$")
# A kind of employment in brackets after a title, "Cashier (part-time)": kept with the title
# rather than split off as a company.
_QUALIFIER_RE = re.compile(rf"\(\s*({alternation('employment_kinds')})\s*\)", re.IGNORECASE)
_KEEP_OPEN, _KEEP_CLOSE, _KEEP_COMMA = "\ue000", "\ue001", "\ue002"  # kept from the split
_DURATION_RE = re.compile(
    r"^\d+\s*(?:years?|yrs?|months?|mos?|weeks?|wks?|hours? per week|hrs?/(?:wk|week))\b",
    re.IGNORECASE,
)
# A full stop after a lowercase word ends a sentence; "Delos Inc." is a company.
_SENTENCE_END_RE = re.compile(r"(?<![A-Z])[a-z]{2,}\.$|\.\s+[A-Z].*\.$")


def is_job_word(word: str) -> bool:
    """Whether a (lower-case) word belongs to job titles: a title word or a title's modifier."""
    return word in _TITLE_MODIFIERS or JOB_WORD_RE.fullmatch(word) is not None


def split_parts(text: str) -> list[str]:
    """Pieces of a line that may be a title or a company; locations ("Austin, TX") dropped."""
    parts: list[str] = []
    if LOCATION_RE.match(text.strip()):
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
        if LOCATION_RE.match(piece) and not COMPANY_WORD_RE.search(piece):
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


def _keep_title_commas(text: str) -> str:
    """ "Staff RN, Medical ICU — Lakeview Hospital": where dashes, bars or wide gaps part the
    title from the employer, a comma inside the title's field continues the title (a unit, a
    department) rather than naming the company, which has a field of its own."""
    fields = [f for f in _STRONG_SPLIT_RE.split(text) if any(ch.isalpha() for ch in f)]
    if len(fields) < 2 or ", " not in fields[0]:
        return text
    if all(LOCATION_RE.match(f.strip(" ,;()")) for f in fields[1:]):
        return text  # "Coordinator, Harborline Shipping — Long Beach, CA": the employer is here
    head, *rest = fields[0].split(", ")
    if not JOB_WORD_RE.search(head) or len(rest) > 2 or COMPANY_WORD_RE.search(fields[0]):
        return text
    if any(len(r.split()) > 3 or _STATE_RE.match(r.strip()) or LOCATION_RE.match(r.strip())
           or HAS_DIGIT_RE.search(r) for r in rest):
        return text
    return text.replace(fields[0], fields[0].replace(", ", _KEEP_COMMA), 1)


def _drop_city(parts: list[str]) -> None:
    """Remove the city written before a state code: "Initech LLC Dallas", "TX" -> "Initech LLC"."""
    last = parts[-1]
    suffix = list(COMPANY_WORD_RE.finditer(last))
    if suffix:
        end = suffix[-1].end() + (last[suffix[-1].end() : suffix[-1].end() + 1] == ".")
        parts[-1] = last[:end].strip(" ,") or last  # "Orbital Data Inc." keeps its full stop
    elif len(last.split()) <= 2:
        parts.pop()  # the city alone
    else:
        parts[-1] = last.rsplit(" ", 1)[0]


def header_like(text: str) -> bool:
    """A short line that may carry a title or a company (not a bullet, a sentence or a date)."""
    s = text.strip()
    if not s or BULLET_RE.match(text) or len(s) > 80 or _SENTENCE_END_RE.search(s):
        return False
    if BREAK_RE.search(s):
        return False
    if not s[0].isupper() or heading_name(s) or "@" in s or "://" in s:
        return False
    words = WORDS_RE.findall(s)
    if s.endswith(".") and len(words) >= 5 and sum(w.islower() for w in words) * 2 > len(words):
        return False  # "Maintained employee records in the HRIS.": a sentence, whatever its end
    return len(words) <= _MAX_HEADER_WORDS


def employer_like(text: str) -> bool:
    """A header-like line naming an employer: a company word or a trailing "City , State"."""
    if not header_like(text):
        return False
    plain = _PLACEHOLDER_RE.sub("", text)
    company = bool(COMPANY_WORD_RE.search(plain))
    return company or (bool(_EMPLOYER_TAIL_RE.search(text)) and not JOB_WORD_RE.search(text))


def assign(parts: list[str]) -> tuple[str, str]:
    """(title, company) from the pieces read around a date line."""
    for part in parts:
        m = AT_RE.match(part)
        if m and JOB_WORD_RE.search(m.group(1)):
            return m.group(1).strip(), strip_location(m.group(2).strip())
    title_i = next(
        (i for i, p in enumerate(parts) if JOB_WORD_RE.search(p) and len(JOB_WORD_RE.findall(p))
         >= len(COMPANY_WORD_RE.findall(p)) - (1 if re.search(r"(?i)\bsoftware\b", p) else 0)),
        None,
    )  # fmt: skip
    if title_i is None:  # "Digital Media Specialist" / "Company Name": the one naming a job
        titled = [
            (len(COMPANY_WORD_RE.findall(p)) - len(JOB_WORD_RE.findall(p)), i)
            for i, p in enumerate(parts)
            if JOB_WORD_RE.search(p)
        ]
        title_i = min(titled)[1] if titled and len(parts) > 1 else None
    company_i = next(
        (i for i, p in enumerate(parts) if i != title_i and COMPANY_WORD_RE.search(p)), None
    )
    if title_i is None:  # no title word: the title is usually written first
        title_i = next((i for i in range(len(parts)) if i != company_i), None)
    if company_i is None:
        company_i = next((i for i in range(len(parts)) if i != title_i), None)
    title = parts[title_i] if title_i is not None else ""
    company = parts[company_i] if company_i is not None else ""
    if title and not company:
        title, company = _split_run(title)
    return title, strip_location(company)


def _split_run(text: str) -> tuple[str, str]:
    """Split a title and company written with single spaces: "Acme Robotics Senior Engineer".

    The title is the run of title words around its last keyword (Engineer, Developer, ...);
    the rest, before or after it, is the company.
    """
    words = text.split()
    keys = [i for i, w in enumerate(words) if JOB_WORD_RE.fullmatch(w)]
    if len(words) < 3 or not keys:
        return text, ""
    last = keys[-1]
    while last + 1 < len(words) and words[last + 1].lower() in ("i", "ii", "iii", "iv", "intern"):
        last += 1
    if last < len(words) - 1:  # "Site Reliability Engineer Aperture Science"
        return " ".join(words[: last + 1]), " ".join(words[last + 1 :])
    first = last
    while first > 0 and (
        words[first - 1].lower() in _TITLE_MODIFIERS or JOB_WORD_RE.fullmatch(words[first - 1])
    ):
        first -= 1
    if first == 0 or not COMPANY_WORD_RE.search(" ".join(words[:first])):
        # "Certified Nursing Assistant", "Information Technology Specialist": the words before
        # the title keyword name a company only when one of them is a company word
        return text, ""
    return " ".join(words[first:]), " ".join(words[:first])


def strip_location(company: str) -> str:
    """ "Initech LLC Dallas, TX" -> "Initech LLC" (a trailing "City, ST" is a location)."""
    m = _STATE_TAIL_RE.search(company)
    if not m:
        return company
    head = company[: m.start()]
    suffix = list(COMPANY_WORD_RE.finditer(company))
    if suffix and suffix[-1].end() <= m.start() + 1:
        return company[: suffix[-1].end()].strip(" ,")
    return head.strip(" ,") or company


def header_parts(lines: Sequence[str], numbers: list[int]) -> list[str]:
    parts: list[str] = []
    for n in numbers:
        parts.extend(split_parts(lines[n - 1]))
    return parts


def parts_needed(parts: list[str]) -> int:
    """How many more pieces a position needs: a title and a company."""
    if any(AT_RE.match(p) and JOB_WORD_RE.search(p) for p in parts):
        return 0
    return max(0, 2 - len(parts))
