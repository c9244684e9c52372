"""The degrees, certifications and spoken languages a clause of a job ad asks for (see
screener.draft.posting, which calls `asked_in_clause` on the same clauses it reads skills from,
with the same importance: the section, then a preference cue governing the mention).

The forms are the resume reader's (skills/qualifications.yaml through
screener.parse.qualifications.build_forms), so a draft asks only for what screening can find:

- degree: the lowest level the clause names ("BS or MS degree" -> bachelor; "MBA, Master's or
  PhD" -> master), or "advanced degree" (master), "a degree in ..." / "college degree"
  (bachelor); short forms (BS, MA) only beside "degree", a slash or "in" ("Boston, MA",
  "MS SQL", "local to MA" are none). Subjects are the ones named after it ("in Electrical
  Engineering, Mechanical Engineering, or a related field"), less "related", "technical" and
  such; an abbreviation names its own (BSCS, MBA). "Or equivalent (practical) experience", "in
  lieu of a degree" in the clause or the sentence after it accept experience instead:
  `or_experience_years` is the figure the ad gives ("or 4 years of experience"), else the years
  a degree stands for (EQUIVALENT_YEARS), said in a comment. A degree programme the candidate
  is enrolled in (interns) is no degree asked for.
- certification: a form of the data file (a short one, such as CSM, beside "certified" /
  "certification"); several joined by "or" are one requirement.
- language: a spoken language beside a speaking word ("fluent", "speak and write",
  "business level", "communication in"), with the level the clause gives it ("Fluent English,
  conversational German").

A knock-out only where the clause says it is a must ("must", "mandatory").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from screener.draft.clauses import Item, Unit, preferred_spans, unit_importance
from screener.draft.render import Asked
from screener.draft.rules import PREFERRED_CUE, Line, read_years
from screener.parse.qualifications import Forms, build_forms
from screener.rubric.qualifications import QualificationData

# Years of work that stand for a degree when the ad accepts "equivalent experience" without a
# figure: a year of study for a year of work (associate 2, bachelor 4, master 2 more, ...).
EQUIVALENT_YEARS = {"associate": 2.0, "bachelor": 4.0, "master": 6.0, "doctorate": 8.0}
MUST = re.compile(r"\b(?:must|mandatory)\b", re.IGNORECASE)

_GENERIC_DEGREES = (
    (re.compile(r"\b(?:advanced?|graduate|post-?graduate|higher)\s+degrees?\b", re.I), "master"),
    (re.compile(r"\b(?:an?|college|university|4-year|four-year)\s+degree\b(?!\s+of\b)|"
                r"\bdegree\s+in\b", re.I), "bachelor"),
)  # fmt: skip
_DEGREE_WORD = re.compile(r"\bdegrees?\b", re.IGNORECASE)
_SOFTWARE = re.compile(r"^\s*(?:SQL|Office|Excel|Word|Access|Project|Dynamics|Windows|Visio)\b")
_ENROLLED = re.compile(
    r"\b(?:currently\s+enrolled|enrolled\s+in|pursuing|working\s+towards?)\b|"
    r"\b(?:degree|BA/BS|BS/MS|BS|BA)\s+program(?:me)?\b",
    re.IGNORECASE,
)
_EQUIVALENT = re.compile(
    r"\bor\s+(?:an?\s+)?equivalent\b(?!\s+(?:degree|qualification|diploma|certificat))|"
    r"\bequivalent\s+(?:\w+\s+){0,2}experience|\bin\s+lieu\s+of\s+(?:a\s+)?degree|"
    r"\bor\s+(?:\w+\s+)?related\s+(?:work\s+)?experience|\bequivalent\s+combination|"
    r"\bexperience\s+(?:\w+\s+){0,3}substitute",
    re.IGNORECASE,
)
_OR_YEARS = re.compile(
    r"\bor\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+)?(?=\S+\s*\+?\s*(?:years?|yrs?)\b)",
    re.IGNORECASE,
)
# Where the subjects after a degree end, and the words that make a subject no subject.
_SUBJECT_START = re.compile(r"^\s*(?:degrees?|diploma)?\s*(?:in|of)\s+(?!lieu\b)", re.I)
_SUBJECT_IN = re.compile(r"\bin\s+(?!lieu\b)", re.IGNORECASE)
_SUBJECT_END = re.compile(
    r"[.;:]|\bor\s+equivalent|\bequivalent\b|\bcombined\b|\bpreferred\b|\brequired\b|"
    r"\bfrom\b|\bat\b|\d|\bplus\b|\bis\s+a\b|\bexperience\b",
    re.IGNORECASE,
)
_SUBJECT_SPLIT = re.compile(r"\s*(?:,|/|\(|\)|\bor\b|\band\b|\bwith\b|&)\s*", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(
    r"\b(?:related|relevant|similar|other|equivalent|comparable|any|appropriate|applicable)\b",
    re.IGNORECASE,
)
_GENERIC_WORDS = frozenset(
    "a an the technical quantitative scientific analytical stem field fields discipline "
    "disciplines area areas major subject subjects of study degree degrees".split()
)
_TITLE_RUN = re.compile(r"^\s*((?:[A-Z][\w&-]*(?:\s+|$))+)")

_CERT_WORD = re.compile(r"\b(?:certifi\w*|licen[cs]\w*|accredit\w*)\b", re.IGNORECASE)
_CERT_VETO_AFTER = frozenset("firm firms clients office offices exam exams training course".split())

_FILLER = frozenset("is are a an the and or also would be nice plus skills required".split())
_SPEAKING = re.compile(
    r"\b(?:fluent(?:ly)?|fluency|native|bilingual|speak\w*|spoken|write|written|writing|"
    r"verbal|oral|language|proficien\w+|communicat\w+|command)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _forms(data: QualificationData, kind: str) -> Forms:
    terms = {
        "degrees": data.degrees, "certifications": data.certifications.values(),
        "languages": data.languages.values(), "levels": data.levels,
    }[kind]  # fmt: skip
    return build_forms(terms)


def certification_spans(clause: str, data: QualificationData) -> list[tuple[int, int]]:
    """Where the clause names a certification: a skill named inside one ("AWS Certified
    Solutions Architect", "CPA") is asked for as the certification, not as the skill."""
    return [(m.start(), m.end()) for m, _ in _certifications(clause, data)]


def names_degree(text: str, data: QualificationData) -> bool:
    """Whether `text` names a degree held ("BS or MS in computer science"): in an ad without
    requirement sections, such a line states a requirement."""
    if _ENROLLED.search(text):
        return False
    return bool(_degree_mentions(text, data)) or any(p.search(text) for p, _ in _GENERIC_DEGREES)


def asked_in_clause(
    clause: str, line: Line, base: str, data: QualificationData, following: str = ""
) -> list[Asked]:
    """The qualifications `clause` asks for; `base` is its importance before its own cues,
    `following` the next sentence of its line (it may say experience is accepted instead)."""

    def make(kind: str, accepted: tuple[str, ...], start: int, end: int, **keys) -> Asked:
        spans = preferred_spans(clause, [Item(kind, start, end)])
        importance = unit_importance(Unit([Item(kind, start, end)]), spans, base)
        return Asked(kind, accepted, importance, clause, line.ad_line, line.number,
                     knockout=bool(MUST.search(clause)), **keys)  # fmt: skip

    found = _degree(clause, following, data, make)
    certs = _certifications(clause, data)
    if certs:
        ids = tuple(dict.fromkeys(cid for _, cid in certs))
        joined = re.search(r"\bor\b|/", clause[certs[0][0].end() : certs[-1][0].start()])
        groups = [ids] if joined else [(cid,) for cid in ids]
        found += [make("certification", g, certs[0][0].start(), certs[0][0].end()) for g in groups]
    for lid, level, at in _languages(clause, data):
        found.append(make("language", (lid,), at, at + 1, level=level))
    return found


# --------------------------------------------------------------------------- degree


def _degree_mentions(clause: str, data: QualificationData) -> list[tuple[re.Match[str], str, str]]:
    forms = _forms(data, "degrees")
    out = []
    for m, level, key in forms.matches(clause):
        if key in forms.short and not _short_degree(clause, m):
            continue
        out.append((m, level, key))
    return out


def _short_degree(clause: str, m: re.Match[str]) -> bool:
    """BS, MA, ... only in capitals beside "degree", a slash or "in": "BA/BS", "BS in"."""
    before, after = clause[: m.start()], clause[m.end() :]
    if before.rstrip().endswith(",") or _SOFTWARE.match(after) or m.group() != m.group().upper():
        return False
    near = re.match(r"\s*(?:/|in\b|degree)", after) or before.rstrip().endswith("/")
    return bool(near or _DEGREE_WORD.search(clause))


def _degree(clause: str, following: str, data: QualificationData, make: Callable) -> list[Asked]:
    if _ENROLLED.search(clause):
        return []
    mentions = _degree_mentions(clause, data)
    if mentions:
        level = min((m[1] for m in mentions), key=data.degree_rank)
        start, end = mentions[0][0].span()
    else:
        generic = [(p.search(clause), lvl) for p, lvl in _GENERIC_DEGREES]
        hit = next(((m, lvl) for m, lvl in generic if m), None)
        if hit is None:
            return []
        (start, end), level = hit[0].span(), hit[1]
    fields = _fields(clause, mentions, level, end, data)
    years, note = _instead(clause[start:], following, level, data)
    asked = make("degree", (level,), start, end, fields=fields, or_experience_years=years)
    asked.notes += [note] if note else []
    if re.search(r"\brelated\b|\bsimilar\b|\bequivalent\s+(?:field|subject)", clause, re.I):
        asked.notes.append("the ad also accepts related subjects: add them to fields")
    return [asked]


def _fields(
    clause: str, mentions: list, level: str, end: int, data: QualificationData
) -> tuple[str, ...]:
    """The subjects written after the clause's degrees, with those an abbreviation names
    (BSCS, MBA) unless a degree of the level asked names none and nothing is written:
    "BA/BS/LLB degree" accepts any subject, not only law."""
    own = _forms(data, "degrees").fields
    ends = [m.end() for m, _, _ in mentions] or [end]
    nexts = [m.start() for m, _, _ in mentions][1:] + [len(clause)]
    written = [s for stop, nxt in zip(ends, nexts) for s in _subjects(clause[stop:nxt])]
    named = [own.get(key, "") for _, lvl, key in mentions if lvl == level]
    fields = written + [f for _, _, key in mentions if (f := own.get(key, ""))]
    if not written and not all(named):
        fields = []
    return tuple(dict.fromkeys(" ".join(f.lower().split()) for f in fields))


def _subjects(rest: str) -> list[str]:
    """The subjects written after a degree: "in Physics, Mathematics or a related field",
    "Computer Science" (directly after "B.S."), "further education in engineering"."""
    start = _SUBJECT_START.match(rest)
    if start is None:
        title = _TITLE_RUN.match(rest)
        near = _SUBJECT_IN.search(rest[:60])
        if title and not _DEGREE_WORD.match(title.group(1)):
            start_at = title.start(1)
        elif near and not _SUBJECT_END.search(rest[: near.start()].replace("experience", "")):
            start_at = near.end()
        else:
            return []
    else:
        start_at = start.end()
    text = rest[start_at:]
    end = _SUBJECT_END.search(text)
    text = text[: end.start()] if end else text
    out = []
    for piece in _SUBJECT_SPLIT.split(text):
        words = piece.split()
        if not words or _NOT_A_SUBJECT.search(piece):
            continue
        while words and words[0].lower() in _GENERIC_WORDS:
            words.pop(0)
        while words and words[-1].lower() in _GENERIC_WORDS:
            words.pop()
        if words and not all(w.lower() in _GENERIC_WORDS for w in words):
            out.append(" ".join(words))
    return out


def _instead(
    rest: str, following: str, level: str, data: QualificationData
) -> tuple[float | None, str]:
    """(or_experience_years, a note) when experience is accepted instead of the degree."""
    years_at = _OR_YEARS.search(rest)
    if years_at is not None:
        years = read_years(rest[years_at.end() :])
        if years is not None:
            return years, ""
    if not (_EQUIVALENT.search(rest) or _EQUIVALENT.search(following)):
        return None, ""
    years = EQUIVALENT_YEARS.get(level)
    if years is None:
        return None, ""
    name = data.degrees[data.degree_rank(level)].name
    return years, (f'"equivalent experience" gives no figure: {years:g} years stand for a '
                   f"{name} here; adjust or_experience_years")  # fmt: skip


# --------------------------------------------------------------------------- certification


def _certifications(clause: str, data: QualificationData) -> list[tuple[re.Match[str], str]]:
    forms = _forms(data, "certifications")
    out = []
    for m, cid, key in forms.matches(clause):
        after = clause[m.end() :].split()
        if after and after[0].lower().strip(".,;:") in _CERT_VETO_AFTER:
            continue
        if key in forms.short and not _CERT_WORD.search(clause):
            continue
        out.append((m, cid))
    return out


# --------------------------------------------------------------------------- language


def _languages(clause: str, data: QualificationData) -> list[tuple[str, str, int]]:
    """(language id, level, where) for each spoken language the clause asks for; a level
    counts for the languages of its own comma-part, else, when the clause has one, for all."""
    langs = [(m, lid) for m, lid, _ in _forms(data, "languages").matches(clause)
             if m.group()[:1].isupper()]  # fmt: skip
    levels = [(m, lvl) for m, lvl, _ in _forms(data, "levels").matches(clause)]
    if not langs or not (levels or _SPEAKING.search(clause) or _only_languages(clause, langs)):
        return []
    parts = [0] + [m.end() for m in re.finditer(r"[,;]", clause)] + [len(clause) + 1]
    out = []
    for m, lid in langs:
        part = next(i for i in range(len(parts) - 1) if parts[i] <= m.start() < parts[i + 1])
        own = [lvl for lm, lvl in levels if parts[part] <= lm.start() < parts[part + 1]]
        level = own[0] if own else (levels[0][1] if len(levels) == 1 else "")
        if lid not in (o[0] for o in out):
            out.append((lid, level, m.start()))
    return out


def _only_languages(clause: str, langs: list[tuple[re.Match[str], str]]) -> bool:
    """A requirement that is only languages ("German", "French is a plus")."""
    rest = clause
    for m, _ in reversed(langs):
        rest = rest[: m.start()] + " " + rest[m.end() :]
    rest = PREFERRED_CUE.sub(" ", rest)
    return all(w.lower() in _FILLER for w in re.findall(r"[A-Za-z]+", rest))
