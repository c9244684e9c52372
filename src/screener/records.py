"""Typed, frozen records passed between the pipeline's stages.

files --extract--> Document --parse--> Profile --score(posting)--> Assessment --rank--> Shortlist

Every record is immutable and made of plain values (str, int, float, tuples of records), so it
pickles cheaply to another process or a Dask worker, and `to_dict` gives the JSON form used by
`screener parse --json` and the JSON report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

Status = Literal["ok", "empty", "error", "duplicate"]
Source = Literal["explicit", "fuzzy", "implied"]
Importance = Literal["required", "preferred"]
Outcome = Literal["met", "partial", "missing", "unknown"]


def to_jsonable(value: Any) -> Any:
    """Turn records, tuples and dicts into JSON-ready values, recursively."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 2)
    return value


class _Record:
    """Mixin: a dataclass that serialises itself field by field."""

    __slots__ = ()  # records are slots dataclasses: no per-instance __dict__ (memory)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: to_jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """What extraction read from one file.

    `text` is normalised (see screener.extract.text.normalise): lines separated by "\\n", and
    line numbers everywhere else in the pipeline are 1-based indexes into `text.split("\\n")`.
    """

    path: str  # the path as the user gave it (or as found when walking a folder)
    sha256: str  # of the file's bytes
    status: Status  # ok | empty (no text layer) | error
    text: str = ""
    pages: int = 0
    kind: str = "unknown"  # pdf | docx | text | unknown: sniffed from the bytes
    extractor: str = ""  # which reader produced the text: pdfminer | pdfium | docx | text
    error: str | None = None  # one line a recruiter understands, ending with what to do
    warnings: tuple[str, ...] = ()
    # Text a reader cannot see (white on white, invisible, tiny, off the page, under a
    # picture; see screener.extract.hidden): left out of `text` and of matching, kept to name
    # the skills it holds. `hidden_chars` (non-space characters) outlives the text in caches.
    hidden_text: str = ""
    hidden_chars: int = 0
    # Which reason `error` gives: a screener.errors.ErrorCode value ("" when none). Programs
    # (the cache, reports, tests) decide on this; `error` is worded for the recruiter.
    error_code: str = ""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def chars(self) -> int:
        return len(self.text)


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class Section(_Record):
    """A span of lines under one heading. `name` is canonical (experience, education, ...)."""

    name: str  # summary | experience | education | skills | projects | certifications | ...
    heading: str  # the heading as written ("" for the text before the first heading)
    start_line: int  # the heading line itself (or the first line), 1-based, inclusive
    end_line: int  # last line, inclusive


@dataclass(frozen=True, slots=True)
class Evidence(_Record):
    """Where in a resume a fact was read: the matched text, its section and line."""

    text: str
    section: str | None
    line: int  # 1-based
    # Where the mention stands in its clause: "" = a claim; "negated" ("no experience with"),
    # "wished" ("want to learn"), "basic" ("basic knowledge of"). Shown, never hidden.
    stance: str = ""
    # Where the mention stands in the resume, set when scoring: position, project, experience
    # (undated), skills, summary, certifications, education, interests, other, or the stance
    # (negated, wished) when it is no claim. "" = not scored.
    context: str = ""


# The stances of `Evidence`, and those that claim nothing (a skill only denied or wished for
# meets no requirement, earns no years and implies nothing).
NEGATED, WISHED, BASIC = "negated", "wished", "basic"
NOT_CLAIMED = frozenset({NEGATED, WISHED})


@dataclass(frozen=True, slots=True)
class SkillHit(_Record):
    id: str
    name: str
    source: Source  # explicit | fuzzy | implied
    evidence: tuple[Evidence, ...] = ()
    years: float | None = None  # None = no dated position or self-report mentions it
    implied_by: tuple[str, ...] = ()  # for source == "implied": the skill ids that imply it
    # What the resume states ("Python (15 years)"): shown beside `years`, never in its place
    # while the resume has dated positions (see screener.parse.experience.skill_years).
    stated_years: float | None = None


@dataclass(frozen=True, slots=True)
class Position(_Record):
    """One dated job in the experience section."""

    title: str
    company: str
    start: str | None  # "YYYY-MM", best estimate; None when unreadable
    end: str | None  # "YYYY-MM", best estimate; the as-of month when current
    current: bool
    start_line: int  # span of the position's text, 1-based inclusive
    end_line: int
    years: float  # length of this position alone
    date_text: str = ""  # the date range as written
    skills: tuple[str, ...] = ()  # skill ids its duties use (screener.parse.experience.used_skills)
    flags: tuple[str, ...] = ()  # e.g. "year-only", "end-before-start", "future-end"


@dataclass(frozen=True, slots=True)
class Experience(_Record):
    total_years: float | None  # union of positions; None = unknown (no readable dates)
    positions: tuple[Position, ...] = ()
    claimed_years: float | None = None  # "8+ years of experience" as the resume states it
    claimed_evidence: Evidence | None = None
    total_years_low: float | None = None  # bounds where month precision is missing
    total_years_high: float | None = None


@dataclass(frozen=True, slots=True)
class Contact(_Record):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Degree(_Record):
    """A degree the resume names: its level (skills/qualifications.yaml) and subject."""

    level: str  # associate | bachelor | master | doctorate
    field: str  # the subject as written ("Computer Science"); "" when not stated
    evidence: Evidence
    pending: bool = False  # in progress or expected: not yet held


@dataclass(frozen=True, slots=True)
class Certification(_Record):
    id: str  # skills/qualifications.yaml certification id (pmp, aws-certified, ...)
    name: str
    evidence: Evidence
    pending: bool = False  # "PMP candidate", "in progress": not yet held


@dataclass(frozen=True, slots=True)
class SpokenLanguage(_Record):
    id: str  # english, german, ...
    name: str
    level: str  # basic | conversational | professional | fluent | native; "" = not stated
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Location(_Record):
    """Where the resume says the candidate lives ("Portland, OR")."""

    text: str  # as written
    places: tuple[str, ...]  # known place ids it lies in, innermost first; () when unknown
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class WorkAuthorisation(_Record):
    """A statement about the right to work: "US citizen", "will require visa sponsorship"."""

    area: str  # us | uk | eu | ... (skills/qualifications.yaml areas); "" = no place named
    authorised: bool  # False: the candidate needs sponsorship or is not authorised
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Qualifications(_Record):
    """What a resume states beside skills and years (screener.parse.qualifications)."""

    degrees: tuple[Degree, ...] = ()
    certifications: tuple[Certification, ...] = ()
    languages: tuple[SpokenLanguage, ...] = ()
    locations: tuple[Location, ...] = ()
    remote: tuple[Evidence, ...] = ()  # statements of working remotely or wanting to
    relocation: tuple[Evidence, ...] = ()  # statements of willingness to relocate
    authorisations: tuple[WorkAuthorisation, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile(_Record):
    """Everything read from one resume. Independent of any posting."""

    document: Document
    contact: Contact = field(default_factory=Contact)
    sections: tuple[Section, ...] = ()
    skills: tuple[SkillHit, ...] = ()
    experience: Experience = field(default_factory=lambda: Experience(total_years=None))
    hidden_skills: tuple[str, ...] = ()  # skill ids named in text a reader cannot see
    qualifications: Qualifications = field(default_factory=Qualifications)

    @property
    def status(self) -> Status:
        return self.document.status

    @property
    def hidden_flag(self) -> str:
        """"hidden text: 240 characters, 18 skills" when the resume hides text, else ""."""
        chars = self.document.hidden_chars
        if not chars:
            return ""
        n = len(self.hidden_skills)
        return f"hidden text: {chars:,} characters, {n} skill{'' if n == 1 else 's'}"

    def skill(self, skill_id: str) -> SkillHit | None:
        for hit in self.skills:
            if hit.id == skill_id:
                return hit
        return None

    def to_dict(self) -> dict[str, Any]:
        """The `screener parse --json` object (fields may be added, never renamed)."""
        doc = self.document
        return {
            "file": doc.path,
            "sha256": doc.sha256,
            "status": doc.status,
            "error": doc.error,
            "error_code": doc.error_code or None,
            "kind": doc.kind,
            "extractor": doc.extractor,
            "pages": doc.pages,
            "chars": doc.chars,
            "warnings": list(doc.warnings),
            "contact": self.contact.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "skills": [s.to_dict() for s in self.skills],
            "experience": self.experience.to_dict(),
            "hidden_text": {"chars": doc.hidden_chars, "skills": list(self.hidden_skills)},
            "qualifications": self.qualifications.to_dict(),
        }


# --------------------------------------------------------------------------- postings


@dataclass(frozen=True, slots=True)
class Requirement(_Record):
    """One line of a posting's rubric: a skill, or "at least N of" a group of skills."""

    id: str  # slug, unique within the posting
    label: str  # what the recruiter reads: "PostgreSQL", "2 of Python, Node.js, PHP"
    skills: tuple[str, ...]  # taxonomy ids
    min_count: int = 1  # how many of `skills` must be present
    importance: Importance = "required"
    weight: float = 1.0
    min_years: float | None = None  # per-skill years the candidate must show
    knockout: bool = False  # absence excludes the candidate
    source_text: str = ""  # the job-ad line it came from, when drafted
    # A requirement beside skills (degree, certification, language, location, authorisation):
    # what it accepts. None for a skill requirement, whose `skills` say what it accepts.
    qualifier: Qualifier | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _Record.to_dict(self)
        if self.qualifier is None:
            del out["qualifier"]  # skill requirements keep the shape reports always had
        return out


@dataclass(frozen=True, slots=True)
class Qualifier(_Record):
    """What a qualification requirement accepts (README "Postings")."""

    kind: str  # degree | certification | language | location | work_authorisation
    # the degree level; certification ids (any one); the language id; places; areas (any one)
    accepted: tuple[str, ...]
    fields: tuple[str, ...] = ()  # degree: subjects accepted (any one); () = any subject
    or_experience_years: float | None = None  # degree: total years accepted instead of it
    level: str = ""  # language: the lowest level accepted; "" = any
    remote: bool = False  # location: a candidate who states remote work meets it too
    relocation: bool = False  # location: a candidate willing to relocate meets it too


@dataclass(frozen=True, slots=True)
class Weights(_Record):
    """How the 100 points are split between the score's parts."""

    required: float = 60.0
    preferred: float = 15.0
    years: float = 20.0
    similarity: float = 5.0


# Where a skill mention stands -> what it is worth (see README "Postings", `contexts:`).
DEFAULT_CONTEXTS: dict[str, float] = {
    "position": 1.0,  # the duties of a dated position
    "project": 1.0,
    "experience": 1.0,  # experience-section text outside any dated position (undated work)
    "skills": 0.5,  # a bare listing
    "summary": 0.5,
    # a skills-list or summary mention on a resume with a dated position in the posting's
    # field (experience: relevant_titles / relevant_skills): the list a developer writes
    "backed_listing": 0.75,
    "certifications": 0.5,
    "other": 0.5,  # any other section (header, awards, volunteer, ...)
    "education": 0.0,  # education, courses, training
    "interests": 0.0,
}


@dataclass(frozen=True, slots=True)
class Posting(_Record):
    id: str  # file stem
    title: str
    path: str
    requirements: tuple[Requirement, ...]
    min_years: float | None = None  # total professional years
    min_relevant_years: float | None = None  # years in positions of the posting's field
    relevant_titles: tuple[str, ...] = ()  # words that mark a position as relevant
    relevant_skills: tuple[str, ...] = ()  # skill ids that mark a position as relevant
    years_knockout: bool = False  # below min_years excludes the candidate
    count_implied: bool = False  # may implied skills satisfy requirements?
    weights: Weights = field(default_factory=Weights)
    description: str = ""  # free text used for the similarity tie-breaker
    # What a skill mention is worth by where it stands (context -> 0..1); the posting's
    # `contexts:` overrides, merged over DEFAULT_CONTEXTS.
    contexts: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_CONTEXTS))


# --------------------------------------------------------------------------- assessments


@dataclass(frozen=True, slots=True)
class RequirementResult(_Record):
    requirement: str  # Requirement.id
    label: str
    importance: Importance
    outcome: Outcome  # met | partial | missing | unknown
    points: float  # points earned toward the total
    max_points: float
    matched: tuple[str, ...] = ()  # skill ids found
    evidence: tuple[Evidence, ...] = ()
    years: float | None = None  # per-skill years when the requirement has a minimum
    note: str = ""  # one line: why this outcome


@dataclass(frozen=True, slots=True)
class ScorePart(_Record):
    name: str  # required | preferred | years | similarity
    points: float
    max_points: float
    note: str = ""


@dataclass(frozen=True, slots=True)
class Assessment(_Record):
    """One candidate against one posting. `score` is the sum of `parts`' points."""

    profile: Profile
    score: float
    parts: tuple[ScorePart, ...] = ()
    results: tuple[RequirementResult, ...] = ()
    years: float | None = None  # total professional years
    relevant_years: float | None = None
    relevant_positions: tuple[int, ...] = ()  # indexes into profile.experience.positions
    knocked_out_by: tuple[str, ...] = ()  # one line per failed knock-out rule
    similarity: float = 0.0  # 0..1, TF-IDF cosine to the posting
    duplicate_of: str | None = None  # path of the kept file when status is duplicate
    duplicate_reason: str = ""  # why: "same e-mail", "same name, edited text 86% alike", ...
    # Share of the requirement points earned that dated work (a position or a project) backs;
    # None when no requirement points were earned.
    backed: float | None = None

    @property
    def file(self) -> str:
        return self.profile.document.path

    @property
    def status(self) -> Status:
        return "duplicate" if self.duplicate_of else self.profile.document.status

    @property
    def matched(self) -> tuple[str, ...]:
        return tuple(r.label for r in self.results if r.outcome == "met")

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(r.label for r in self.results if r.outcome in ("missing", "partial"))


@dataclass(frozen=True, slots=True)
class ShortlistEntry(_Record):
    rank: int | None  # None for files that were not ranked (error, empty, duplicate)
    assessment: Assessment
    candidate_id: str = ""  # stable pseudonymous id (used by --blind)


@dataclass(frozen=True, slots=True)
class Shortlist(_Record):
    posting: Posting
    as_of: str  # YYYY-MM-DD
    taxonomy_version: str
    entries: tuple[ShortlistEntry, ...]
    tool_version: str = ""
    # set by screener.score.redact.blind: (candidate_id, file, sha256) per entry, so the CLI can
    # write --blind-key from the blinded shortlist; reports never show it
    blind_key: tuple[tuple[str, str, str], ...] = ()
    hidden: int = 0  # hidden files (dot-names, ~$ lock files, Thumbs.db) skipped in folders
    # the PATH arguments as given (files, folders): the terminal and HTML show each file
    # relative to the one it was found under; () when blind, or not known
    paths: tuple[str, ...] = ()

