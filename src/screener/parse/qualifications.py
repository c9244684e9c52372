"""Degrees, certifications and spoken languages read from a resume's lines, each with evidence.

The vocabulary is data (skills/qualifications.yaml, loaded by screener.rubric.qualifications);
this module decides where a form counts:

- degrees: any form in an education section; outside it, not in the experience, projects or
  volunteer sections ("studied for an MBA" in a job's duties is no degree held), and never a
  short form (BA, MS, MA), which counts only in capitals in an education section, not before a
  software word (MS Office) and not after a comma (", MA" is a state). A degree on a line that
  says "expected", "in progress", "current", or names a year after the as-of date is `pending`.
- certifications: anywhere; a short form (CSM, SPC) only in a certifications section or beside
  "certified" / "certification" / "license". "Candidate", "in progress", "pursuing", "exam"
  mark it `pending`; "CPA firm" is no certification.
- spoken languages: in a languages section (or a "Languages:" line) every language counts; in a
  skills list an item that is only a language ("Spanish", "Spanish skills"); elsewhere only
  beside a speaking word ("fluent in German", "native English speaker"). Levels come from the
  same clause ("English (native), Spanish (B1)", "Fluent in English and Spanish").

Where the candidate lives, remote work, relocation and work authorisation are read by
screener.parse.whereabouts. `find_qualifications` puts both together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from screener.parse.phrases import evidence, trie_pattern
from screener.parse.sections import section_at
from screener.parse.whereabouts import find_authorisations, find_locations, find_statements
from screener.records import (
    Certification,
    Degree,
    Qualifications,
    Section,
    SpokenLanguage,
)
from screener.rubric.qualifications import QualificationData, Term, load_qualifications, norm


def find_qualifications(
    lines: Sequence[str], sections: Sequence[Section], as_of: date,
    data: QualificationData | None = None,
) -> Qualifications:
    """Everything the resume states beside skills and years."""
    data = data or load_qualifications()
    where = [section_at(sections, n) for n in range(1, len(lines) + 1)]
    remote, relocation = find_statements(lines, where)
    return Qualifications(
        degrees=find_degrees(lines, where, as_of, data),
        certifications=find_certifications(lines, where, data),
        languages=find_languages(lines, where, data),
        locations=find_locations(lines, where, data),
        remote=remote,
        relocation=relocation,
        authorisations=find_authorisations(lines, where, data),
    )


# --------------------------------------------------------------------------- form matching


@dataclass(frozen=True)
class Forms:
    """One list's forms as a regex, longest first, and what each matched form stands for."""

    regex: re.Pattern[str]
    ids: dict[str, str]  # form key -> id
    short: frozenset[str]  # keys of forms that need context
    fields: dict[str, str]  # form key -> the subject the form names by itself

    def matches(self, line: str) -> Iterable[tuple[re.Match[str], str, str]]:
        """(match, id, key) for each form on the line, left to right, never overlapping."""
        for m in self.regex.finditer(line):
            key = form_key(m.group())
            if key in self.ids:
                yield m, self.ids[key], key


def form_key(text: str) -> str:
    """A written form's key: lower case, single spaces, curly apostrophes straight, no final dot
    ("B.A" and "B.A." are one form)."""
    return norm(text.replace("\u2019", "'")).rstrip(".")


def _exact(form: str, short: bool) -> bool:
    """Short forms and acronyms ("PMP", "PALS", "CPA") must be written in capitals: "pals" and
    "cpa" in running text are other words."""
    letters = [c for c in form if c.isalpha()]
    return short or (len(letters) <= 5 and not any(c.islower() for c in letters))


def build_forms(terms: Iterable[Term]) -> Forms:
    entries: dict[str, tuple[str, str, bool]] = {}  # key -> (form, id, short)
    fields: dict[str, str] = {}
    for term in terms:
        for form in term.forms:
            entries.setdefault(form_key(form), (form, term.id, False))
        for form in term.short:
            entries.setdefault(form_key(form), (form, term.id, True))
        fields.update({form_key(f): subject for f, subject in term.fields.items()})
    alternatives = trie_pattern((form, _exact(form, short)) for form, _, short in entries.values())
    return Forms(
        regex=re.compile(rf"(?<![\w.]){alternatives}(?![\w+])"),
        ids={key: ident for key, (_, ident, _) in entries.items()},
        short=frozenset(key for key, (_, _, short) in entries.items() if short),
        fields=fields,
    )


@lru_cache(maxsize=4)
def _forms(data: QualificationData, kind: str) -> Forms:
    terms = {
        "degrees": data.degrees, "certifications": data.certifications.values(),
        "languages": data.languages.values(), "levels": data.levels,
    }[kind]
    return build_forms(terms)


# --------------------------------------------------------------------------- degrees

_NOT_OWN = frozenset({"experience", "projects", "volunteer", "references"})
_SOFTWARE = frozenset(
    "office excel word access project sql dynamics outlook windows powerpoint teams visio "
    "exchange dos paint publisher".split()
)
_PENDING_WORDS = re.compile(
    r"\b(?:expected|anticipated|in progress|ongoing|pursuing|currently (?:enrolled|pursuing|"
    r"completing|studying)|candidate|current|present|to date|enrolled)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_SUBJECT_CUE = re.compile(r"^\s*(?:degree\b)?\s*(?:[:,(\-\u2013\u2014]|\bin\b|\bof\b)\s*", re.I)
_SUBJECT_STOP = re.compile(
    r"[,;|()\u2013\u2014]|\s-\s|\d|\b(?:university|college|institute|school|academy|from|at)\b",
    re.IGNORECASE,
)


def find_degrees(
    lines: Sequence[str], where: Sequence[str | None], as_of: date, data: QualificationData
) -> tuple[Degree, ...]:
    forms = _forms(data, "degrees")
    found: list[Degree] = []
    for number, line in enumerate(lines, start=1):
        section = where[number - 1]
        if section in _NOT_OWN:
            continue
        levels: set[str] = set()
        for m, level, key in forms.matches(line):
            if level in levels or not _degree_counts(line, m, key, section, forms):
                continue
            levels.add(level)
            subject = _subject(line[m.end() :], forms.fields.get(key, ""))
            pending = _pending(lines, where, number, as_of, forms)
            found.append(Degree(level, subject, evidence(line, section, number), pending))
    return tuple(found)


def _degree_counts(
    line: str, m: re.Match[str], key: str, section: str | None, forms: Forms
) -> bool:
    if key not in forms.short:
        return True
    if section != "education":
        return False
    after = line[m.end() :].split()
    before = line[: m.start()].rstrip()
    return not (after and after[0].lower().strip(".,") in _SOFTWARE) and not before.endswith(",")


def _subject(rest: str, named: str) -> str:
    """The subject written after a degree ("of Science in Physics, MIT" -> "Physics"). An
    abbreviation that names its subject (MBA, B.Eng.) keeps that unless a subject is written
    after it ("B.Eng. Software Engineering"); words that run into an institution's name ("MBA
    Eastern State University") are its name, not a subject."""
    rest = rest.lstrip(").]")  # "Laurea (BSc) in Informatics"
    cue = _SUBJECT_CUE.match(rest)
    text = rest[cue.end() :] if cue else rest
    text = re.sub(r"^(?:science|arts|degree)\s+(?:in|of)\s+", "", text, flags=re.I)
    stop = _SUBJECT_STOP.search(text)
    written = " ".join(text[: stop.start() if stop else len(text)].split()).strip(" .:-")[:60]
    if not named:
        return written
    institution = bool(stop) and stop.group()[:1].isalpha()
    if not written or institution:
        return named
    return written if norm(named) in norm(written) or not cue else f"{named} ({written})"


def _pending(
    lines: Sequence[str], where: Sequence[str | None], number: int, as_of: date, forms: Forms
) -> bool:
    """Whether the degree on `number` is not yet held: said so on its line or the next line
    (when that one is in the same section and names no degree of its own), or finished after
    the as-of date."""
    texts = [lines[number - 1]]
    following = number < len(lines) and where[number] == where[number - 1]
    if following and not any(forms.matches(lines[number])):
        texts.append(lines[number])
    for text in texts:
        if _PENDING_WORDS.search(text):
            return True
        if any(int(y) > as_of.year for y in _YEAR.findall(text)):
            return True
    return False


# --------------------------------------------------------------------------- certifications

_CERT_WORDS = re.compile(r"\b(?:certifi\w*|licen[cs]\w*|accredit\w*|credential\w*)\b", re.I)
_CERT_PENDING = re.compile(
    r"\b(?:candidate|in progress|in process|pursuing|expected|studying for|preparing for|"
    r"working towards?|currently completing|exam|anticipated|application|registered for)\b",
    re.IGNORECASE,
)
# "CPA firm", "CPA Group", "PMP Institute", "First Aid Instructor": what follows names something
# else; "external CPA", "Society of CPA's": what precedes does.
_CERT_VETO_AFTER = frozenset(
    "firm firms practice client clients office offices group manager society institute "
    "bootcamp training course courses prep preparation instructor 's".split()
)
_CERT_VETO_BEFORE = frozenset({"external", "outside", "teach", "teaches", "taught"})


def find_certifications(
    lines: Sequence[str], where: Sequence[str | None], data: QualificationData
) -> tuple[Certification, ...]:
    """One finding per certification, the first held mention over any pending one."""
    forms = _forms(data, "certifications")
    best: dict[str, Certification] = {}
    for number, line in enumerate(lines, start=1):
        section = where[number - 1]
        for m, cid, key in forms.matches(line):
            if not _cert_counts(line, m, key, section, forms):
                continue
            pending = _cert_pending(line, m)
            held = best.get(cid)
            if held is None or (held.pending and not pending):
                name = data.certifications[cid].name
                best[cid] = Certification(cid, name, evidence(line, section, number), pending)
    return tuple(sorted(best.values(), key=lambda c: (c.evidence.line, c.id)))


def _cert_counts(
    line: str, m: re.Match[str], key: str, section: str | None, forms: Forms
) -> bool:
    after = line[m.end() :].replace("'s", " 's", 1).split()
    before = line[: m.start()].split()
    if (after and after[0].lower().strip(".,;:") in _CERT_VETO_AFTER) or (
        before and before[-1].lower() in _CERT_VETO_BEFORE
    ):
        return False
    return key not in forms.short or section == "certifications" or bool(_CERT_WORDS.search(line))


def _cert_pending(line: str, m: re.Match[str]) -> bool:
    """"PMP candidate", "pursuing PMP", "PMP. Application in process.": the clause around."""
    start = max(line.rfind(",", 0, m.start()), line.rfind(";", 0, m.start())) + 1
    ends = [i for i in (line.find(",", m.end()), line.find(";", m.end())) if i >= 0]
    end = min(ends) if ends else len(line)
    # The words around the name, not the name's own ("Certified Kubernetes Application
    # Developer" is held, not an application in process).
    around = line[start : m.start()] + " " + line[m.end() : end]
    return bool(_CERT_PENDING.search(around))


# --------------------------------------------------------------------------- spoken languages

_LANGUAGES_LINE = re.compile(r"^\W*(?:spoken\s+|foreign\s+)?languages?\s*(?:spoken\s*)?[:\-]", re.I)
_SPEAKING = re.compile(
    r"\b(?:fluent(?:ly)?|fluency|native|bilingual|trilingual|multilingual|conversational|"
    r"mother tongue|speak(?:s|ing|er)?|spoken|proficien(?:t|cy) in)\b",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"[,;|\u2022\u00b7]|\s{3,}")
_LIST_WORDS = frozenset(
    "skills skill language languages speaking spoken written verbal and reading writing "
    "oral proficiency".split()
)


def find_languages(
    lines: Sequence[str], where: Sequence[str | None], data: QualificationData
) -> tuple[SpokenLanguage, ...]:
    """One finding per language: the first mention with a level, else the first mention."""
    langs, levels = _forms(data, "languages"), _forms(data, "levels")
    best: dict[str, SpokenLanguage] = {}
    for number, line in enumerate(lines, start=1):
        section = where[number - 1]
        listed = section == "languages" or bool(_LANGUAGES_LINE.match(line))
        for lid, level in _line_languages(line, section, listed, langs, levels):
            held = best.get(lid)
            if held is None or (not held.level and level):
                name = data.languages[lid].name
                best[lid] = SpokenLanguage(lid, name, level, evidence(line, section, number))
    return tuple(sorted(best.values(), key=lambda s: (s.evidence.line, s.id)))


def _line_languages(
    line: str, section: str | None, listed: bool, langs: Forms, levels: Forms
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if not langs.regex.search(line):
        return out
    for segment in _SEGMENTS.split(line):
        found = [(m.start(), lid) for m, lid, _ in langs.matches(segment)]
        if not found:
            continue
        rated = [(m.start(), lvl) for m, lvl, _ in levels.matches(segment)]
        if not (listed or _speaks(segment, section, langs)):
            continue
        out += _pair(found, rated)
    return out


def _speaks(segment: str, section: str | None, langs: Forms) -> bool:
    """Outside a languages section: a speaking word in the clause, or a skills-list item that is
    only a language ("Spanish", "Spanish skills")."""
    if _SPEAKING.search(segment):
        return True
    if section != "skills":
        return False
    rest = langs.regex.sub(" ", segment)
    return all(w.lower() in _LIST_WORDS for w in re.findall(r"[A-Za-z]+", rest))


def _pair(found: list[tuple[int, str]], rated: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """Levels to languages of one clause: one level rates them all ("Fluent in English and
    Spanish"); as many levels as languages pair in order ("Native English, fluent German");
    otherwise each language takes the nearest level."""
    if not rated:
        return [(lid, "") for _, lid in found]
    if len(rated) == 1:
        return [(lid, rated[0][1]) for _, lid in found]
    if len(rated) == len(found):
        return [(lid, lvl) for (_, lid), (_, lvl) in zip(found, rated)]
    return [(lid, min(rated, key=lambda r: abs(r[0] - at))[1]) for at, lid in found]
