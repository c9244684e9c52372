"""Resume headings -> canonical section spans.

`find_sections` splits a resume's lines into consecutive sections that cover every line exactly
once, in order. A section starts at its heading line (so the heading line belongs to it, and a
line like "Skills: Python, Java" whose content follows the heading counts as that section); the
text before the first heading is the section "header" (name and contact details). A resume with
no recognisable heading is one section named "unknown".

A line is a heading only when it is short and made only of heading words ("Professional
Experience", "— EXPERIENCE —", "Education & Training:"), or when it starts with an upper-case
heading glued to its content ("EXPERIENCESenior Developer..."), or with a heading followed by a
colon and content ("Skills: Python"). "Experience with Python and Django" is not a heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from screener.records import Section

# Heading keyword -> canonical section name.
_KEYWORDS: dict[str, str] = {
    "summary": "summary", "profile": "summary", "objective": "summary", "about": "summary",
    "overview": "summary", "introduction": "summary",
    "experience": "experience", "experiences": "experience", "employment": "experience",
    "history": "experience", "career": "experience", "positions": "experience",
    "berufserfahrung": "experience", "experiencia": "experience",
    "education": "education", "academic": "education", "academics": "education",
    "qualifications": "skills", "skills": "skills", "competencies": "skills",
    "competences": "skills", "expertise": "skills", "technologies": "skills",
    "proficiencies": "skills", "toolbox": "skills", "stack": "skills",
    "projects": "projects", "project": "projects", "portfolio": "projects",
    "certifications": "certifications", "certification": "certifications",
    "certificates": "certifications", "licenses": "certifications",
    "licences": "certifications", "accreditations": "certifications",
    "awards": "awards", "honors": "awards", "honours": "awards", "achievements": "awards",
    "accomplishments": "awards",
    "publications": "publications", "papers": "publications", "patents": "publications",
    "languages": "languages",
    "interests": "interests", "hobbies": "interests", "activities": "interests",
    "references": "references", "referees": "references",
    "volunteer": "volunteer", "volunteering": "volunteer", "community": "volunteer",
    "contact": "contact", "details": "contact",
    "training": "education", "courses": "education", "coursework": "education",
    "work": "experience", "educational": "education", "background": "experience",
    "internships": "experience",
    "internship": "experience", "military": "experience", "appointments": "experience",
    "grants": "awards", "fellowships": "awards", "scholarships": "awards",
    "licensure": "certifications", "ratings": "certifications",
}  # fmt: skip
# Whole headings whose meaning is not their first keyword's.
_PHRASES: dict[str, str] = {
    "skills summary": "skills", "summary of skills": "skills",
    "summary of qualifications": "summary", "qualifications summary": "summary",
    "career objective": "summary", "career summary": "summary", "career profile": "summary",
    "volunteer experience": "volunteer", "volunteer work": "volunteer",
    "community involvement": "volunteer", "leadership experience": "experience",
    "research experience": "experience", "teaching experience": "experience",
    "project experience": "projects", "academic projects": "projects",
    "personal projects": "projects", "education and training": "education",
    "training and certifications": "certifications",
    "licenses and certifications": "certifications",
    "licenses and certificates": "certifications", "personal details": "contact",
    "contact information": "contact", "contact details": "contact",
    "references available upon request": "references", "work history": "experience",
    "technical skills": "skills", "core qualifications": "skills",
    "core competencies": "skills", "areas of expertise": "skills",
    "employment history": "experience", "career history": "experience",
    "career highlights": "summary", "about me": "summary",
    "programming languages": "skills", "computer languages": "skills",
    "technical background": "skills", "skills and languages": "skills",
    "educational qualification": "education", "educational qualifications": "education",
    "academic qualification": "education", "academic qualifications": "education",
    "academic appointments": "experience", "academic positions": "experience",
    "academic employment": "experience", "professional appointments": "experience",
    "positions held": "experience", "military service": "experience",
    "service history": "experience", "clinical experience": "experience",
    "academic background": "education", "educational background": "education",
    "professional qualifications": "certifications", "professional statement": "summary",
    "personal statement": "summary", "personal profile": "summary",
    # labelled blocks of resumes pasted from web forms ("Company Details" / "company - X")
    "education details": "education", "educational details": "education",
    "skill details": "skills", "skills details": "skills", "company details": "experience",
    "employment details": "experience", "work details": "experience",
    "experience details": "experience", "project details": "projects",
    "projects details": "projects", "certification details": "certifications",
    "key skills": "skills", "it skills": "skills", "skill set": "skills",
}  # fmt: skip
# Words that may accompany a keyword in a heading without making it a sentence.
_MODIFIERS = frozenset(
    "professional work relevant related technical key core selected additional other recent "  # noqa: SIM905
    "industry personal academic and of & my / + summary areas area skill set highlights "
    "significant notable select prior previous full-time part-time it software engineering "
    "soft hard computer programming languages tools in the applicable me continued cont service "
    "held".split()
)
# Every word the heading vocabulary knows: what says what a block is, never who wrote it (the
# name finder refuses a line holding one).
HEADING_WORDS: frozenset[str] = frozenset(_KEYWORDS) | _MODIFIERS
_DECORATION = (
    " \t-\u2010-\u2015=_*#\u2022\u00b7:|~<>[](){}.\u25aa\u25cf\u25a0\u2756\u27a2\u00bb\u00ab"
)
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?|&|/|\+")
_SPACED_RE = re.compile(r"^(?:[A-Za-z] ){3,}[A-Za-z]$")  # "E X P E R I E N C E"
_GLUED_KEYS = "|".join(sorted((k.upper() for k in _KEYWORDS if len(k) >= 6), key=len, reverse=True))
# An upper-case heading run into its first line of content: "EXPERIENCESenior Developer".
_GLUED_RE = re.compile(rf"^\W*((?:[A-Z]+ )*(?:{_GLUED_KEYS}))(?=[A-Z](?:[a-z]|[A-Z][a-z]))")
# A heading followed by a colon and content: "Skills: Python, Java".
_COLON_RE = re.compile(r"^\W*([A-Za-z][A-Za-z &/+-]{2,40}?)\s*:\s*\S")
_MAX_HEADING_WORDS = 5
# A capitalised short line ending with one of these is a heading whatever its first words are.
_FINAL_NOUNS = frozenset(
    {"experience", "employment", "history", "projects", "skills", "education", "certifications"}
)
# "Experience: 7 years" states an amount; it does not open a section.
_AMOUNT_RE = re.compile(
    r"\s*(?:over\s+|about\s+)?\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs?|months?)\b", re.IGNORECASE
)
# A form's block label run onto the end of the previous field: "...24 monthsCompany Details",
# "...Tableau.Education Details". It opens its section on the next line.
_LABEL_WORDS = (
    r"(?:Education(?:al)?|Skills?|Company|Employment|Work|Experience|Projects?"
    r"|Certification)"
)
_TAIL_LABEL_RE = re.compile(rf"(?<=[a-z.)\]\s])\s*({_LABEL_WORDS}\s+Details)\s*$")
# The same labels anywhere in a flattened line, and the field labels inside a "Company Details"
# block ("company - Acme", "description - ..."): where a flattened form is cut back into lines.
_INLINE_LABEL_RE = re.compile(
    rf"(?<=[a-z0-9.)\]\s])\s*(?={_LABEL_WORDS}\s+Details\b)"
    r"|\s+(?=(?:company|description|project|duration)\s+-\s)"
)
_LABEL_ALONE_RE = re.compile(rf"^({_LABEL_WORDS}\s+Details)\s+(?=\S)")
# A skills heading glued to its list: "Skills * Python * SQL", "TECHNICAL SKILLS Programming
# Languages: Java, C++", "Technical Skills Hadoop (HDFS, Hive), Spark, Scala".
_LIST_HEAD_RE = re.compile(
    r"^\W*((?:technical|key|core|it|professional|computer)?\s*skills?(?:\s+set)?)\s*[:\-]?\s+"
    r"(?=\S)",
    re.IGNORECASE,
)
_LIST_BULLET_RE = re.compile(r"[*\u2022\u28a0\u00b7\u25aa\u25cf\u27a2]\s")
# Sections an inline "Heading: content" line may open even inside the experience section.
_MAJOR = frozenset({"experience", "education"})


def heading_name(line: str) -> str | None:
    """The canonical section a heading line opens, or None if the line is not a heading."""
    found = _heading(line)
    return found[0] if found else None


def _heading(line: str) -> tuple[str, bool] | None:
    """(canonical name, True when content follows the heading on the same line)."""
    text = line.strip()
    if not text:
        return None
    name = _whole_heading(text) if len(text) <= 60 else None
    if name:
        return name, False
    m = _GLUED_RE.match(text)
    if m:
        name = _whole_heading(m.group(1))
        return (name, True) if name else None
    m = _COLON_RE.match(text)
    if m and not _AMOUNT_RE.match(text[text.index(":") + 1 :]):
        name = _whole_heading(m.group(1))
        if name:
            return name, True
    if _list_head(text):
        return "skills", True
    return None


def _list_head(text: str) -> int:
    """Where the list starts after a skills heading glued to it (0 when there is none).

    The rest must read as a list: it opens with a bullet, or the heading is in capitals
    ("TECHNICAL SKILLS Programming ..."), or the rest holds three or more separators.
    """
    m = _LIST_HEAD_RE.match(text)
    if not m:
        return 0
    rest = text[m.end() :]
    head = m.group(1)
    listed = rest[:2].startswith(("*", "\u2022", "\u28a0", "\u00b7", "-"))
    shouted = head.isupper() and rest[:1].isupper()
    separators = len(_LIST_BULLET_RE.findall(rest)) + rest.count(",")
    return m.end() if listed or shouted or separators >= 3 else 0


def tail_heading(line: str) -> str | None:
    """The form label run onto the end of a line ("...24 monthsCompany Details"), if any."""
    m = _TAIL_LABEL_RE.search(line)
    if not m or not line[: m.start()].strip():
        return None
    return _whole_heading(m.group(1))


def split_labelled(line: str) -> list[str]:
    """A flattened form cut back into its fields: before and after each block label
    ("Education Details", "Company Details") and before "company - " / "description - "."""
    pieces: list[str] = []
    for piece in _INLINE_LABEL_RE.split(line):
        piece = piece.strip()
        m = _LABEL_ALONE_RE.match(piece)
        if m and _whole_heading(m.group(1)):
            pieces += [m.group(1), piece[m.end() :].strip()]
        elif piece:
            pieces.append(piece)
    return [p for p in pieces if p]


def _whole_heading(text: str) -> str | None:
    """Canonical name when the whole of `text` (decorations aside) is a heading."""
    core = text.strip(_DECORATION)
    if not core or len(core) > 45 or any(map(str.isdigit, core)):
        return None
    if _SPACED_RE.match(core):
        core = core.replace(" ", "")
    low = core.lower().replace("&", " and ")
    words = _WORD_RE.findall(low)
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    phrase = " ".join(w for w in words if w not in ("/", "+"))
    if phrase in _PHRASES:
        return _PHRASES[phrase]
    keywords = [w for w in words if w in _KEYWORDS]
    if keywords and all(w in _KEYWORDS or w in _MODIFIERS for w in words):
        return _KEYWORDS[keywords[0]]
    if words[-1] in _FINAL_NOUNS and len(words) <= 4 and _capitalised(core):
        return _KEYWORDS[words[-1]]  # "Freelance & Contract Experience", "Startup Experience"
    return None


def _capitalised(text: str) -> bool:
    """Every word starts with a capital (or is a connector): how headings are written."""
    return all(w[0].isupper() or w.lower() in ("and", "of", "&", "/", "+") for w in text.split())


def heading_content(line: str) -> str:
    """What follows a glued or colon heading on its line ("" for a heading alone).

    "EXPERIENCESenior Developer, Acme" -> "Senior Developer, Acme"; "Skills: Python" -> "Python";
    a line that is not a heading is returned unchanged.
    """
    found = _heading(line)
    if not found:
        return line
    if not found[1]:
        return ""
    text = line.strip()
    m = _GLUED_RE.match(text)
    if m and _whole_heading(m.group(1)):
        return text[m.end() :]
    m = _COLON_RE.match(text)
    if m and _whole_heading(m.group(1)):
        return text[text.index(":") + 1 :].strip()
    at = _list_head(text)
    return text[at:].strip() if at else line


def find_sections(lines: Sequence[str]) -> tuple[Section, ...]:
    """Consecutive sections covering every line once; line numbers are 1-based, inclusive."""
    starts: list[tuple[int, str, str]] = []  # (1-based line, canonical name, heading text)
    for number, line in enumerate(lines, start=1):
        found = _heading(line)
        if not found:
            continue
        name, inline = found
        if not inline and _runs_on(lines, number):
            continue  # "...to Exchange 2010 across five" / "projects": a sentence wrapped
        current = starts[-1][1] if starts else None
        if inline and current == "experience" and name not in _MAJOR:
            continue  # "Technologies: Python, AWS" under a job describes the job
        starts.append((number, name, line.strip()))
    _add_tail_headings(lines, starts)
    if not lines:
        return ()
    if not starts:
        return (Section("unknown", "", 1, len(lines)),)
    sections = []
    if starts[0][0] > 1:
        sections.append(Section("header", "", 1, starts[0][0] - 1))
    for i, (number, name, heading) in enumerate(starts):
        last = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(lines)
        sections.append(Section(name, heading, number, last))
    return tuple(sections)


def _runs_on(lines: Sequence[str], number: int) -> bool:
    """Whether a lower-case line finishes the unfinished sentence on the line above it.

    Headings are capitalised or stand after a finished line; a word wrapped onto a line of its
    own ("projects") is lower case after a line ending mid-sentence ("... across five").
    """
    text = lines[number - 1].strip()
    above = lines[number - 2].rstrip() if number > 1 else ""
    return text.islower() and bool(_UNFINISHED_RE.search(above))


_UNFINISHED_RE = re.compile(r"[a-z,]$")


def _add_tail_headings(lines: Sequence[str], starts: list[tuple[int, str, str]]) -> None:
    """Sections opened by a label at the end of the line before ("...monthsCompany Details")."""
    taken = {n for n, _, _ in starts}
    for number, line in enumerate(lines, start=1):
        if number + 1 > len(lines) or number + 1 in taken:
            continue
        name = tail_heading(line) if "Details" in line else None
        if name:
            label = _TAIL_LABEL_RE.search(line)
            starts.append((number + 1, name, label.group(1) if label else ""))
            taken.add(number + 1)
    starts.sort()


def section_at(sections: Sequence[Section], line: int) -> str | None:
    """Name of the section holding 1-based `line`, or None when out of range."""
    firsts = [s.start_line for s in sections]
    i = bisect.bisect_right(firsts, line) - 1
    if i < 0 or line > sections[i].end_line:
        return None
    return sections[i].name
