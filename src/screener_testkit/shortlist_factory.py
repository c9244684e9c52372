"""Realistic Shortlist records built by hand, for report and redaction tests.

The people are invented (example.com emails, 555 phone numbers). The posting mirrors the seed
back-end developer ad: a backend language, PostgreSQL, containers, Kubernetes and AWS required;
Redis and CI/CD preferred; 5+ years.

`make_shortlist()` gives six files: two ranked candidates, one knocked out, and an empty scan,
an unreadable file and a duplicate. `hostile_shortlist()` gives candidates whose names and
file names try HTML, spreadsheet-formula and terminal-escape injection.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from screener.records import (
    Assessment,
    Contact,
    Document,
    Evidence,
    Experience,
    Position,
    Posting,
    Profile,
    Requirement,
    RequirementResult,
    ScorePart,
    Shortlist,
    ShortlistEntry,
    SkillHit,
)

AS_OF = "2024-06-01"
TAXONOMY_VERSION = "tx-3f2a91c0"
TOOL_VERSION = "0.1.0"

SKILL_NAMES = {
    "python": "Python",
    "nodejs": "Node.js",
    "php": "PHP",
    "postgresql": "PostgreSQL",
    "docker": "Docker",
    "kubernetes": "Kubernetes",
    "aws": "AWS",
    "redis": "Redis",
    "ci-cd": "CI/CD",
    "django": "Django",
}


def posting() -> Posting:
    """The seed posting as a rubric: 60 required points over weight 6, 15 preferred over 2."""
    return Posting(
        id="backend-developer",
        title="Back-End Developer",
        path="pipelines/backend-developer.yaml",
        requirements=(
            Requirement("backend-language", "1 of Python, Node.js, PHP",
                        ("python", "nodejs", "php"), weight=2.0, knockout=True),
            Requirement("postgresql", "PostgreSQL", ("postgresql",)),
            Requirement("containers", "Containers (Docker)", ("docker",)),
            Requirement("kubernetes", "Kubernetes", ("kubernetes",)),
            Requirement("aws", "AWS", ("aws",), min_years=2.0),
            Requirement("redis", "Redis", ("redis",), importance="preferred"),
            Requirement("ci-cd", "CI/CD", ("ci-cd",), importance="preferred"),
        ),
        min_years=5.0,
        min_relevant_years=3.0,
        relevant_titles=("backend", "developer", "engineer"),
        relevant_skills=("python", "nodejs", "php"),
        description="Back-end developer: server-side logic, APIs, data storage.",
    )


def _max_points(req: Requirement, post: Posting) -> float:
    reqs = [r for r in post.requirements if r.importance == req.importance]
    budget = post.weights.required if req.importance == "required" else post.weights.preferred
    return round(budget * req.weight / sum(r.weight for r in reqs), 2)


def result(req_id: str, outcome: str, evidence: tuple[Evidence, ...] = (), *,
           matched: tuple[str, ...] = (), years: float | None = None,
           note: str = "") -> RequirementResult:
    """A requirement outcome with points derived from the posting's weights."""
    req = next(r for r in posting().requirements if r.id == req_id)
    top = _max_points(req, posting())
    share = {"met": 1.0, "partial": 0.5}.get(outcome, 0.0)
    return RequirementResult(
        requirement=req.id, label=req.label, importance=req.importance, outcome=outcome,
        points=round(top * share, 2), max_points=top, matched=matched, evidence=evidence,
        years=years, note=note or {"met": "found", "partial": "found, below minimum years",
                                   "missing": "not mentioned",
                                   "unknown": "could not tell"}[outcome],
    )


def hit(skill_id: str, *evidence: Evidence, years: float | None = None,
        source: str = "explicit") -> SkillHit:
    return SkillHit(skill_id, SKILL_NAMES.get(skill_id, skill_id), source, tuple(evidence),
                    years=years)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document(path: str, text: str, *, status: str = "ok", error: str | None = None,
             kind: str = "pdf", extractor: str = "pdfminer") -> Document:
    return Document(path=path, sha256=sha(path + text), status=status, text=text,
                    pages=1 if text else 0, kind=kind, extractor=extractor, error=error)


def entry(rank: int | None, candidate_id: str, doc: Document, *, contact: Contact | None = None,
          skills: tuple[SkillHit, ...] = (), experience: Experience | None = None,
          results: tuple[RequirementResult, ...] = (), years_points: float = 0.0,
          similarity: float = 0.0, relevant_years: float | None = None,
          relevant_positions: tuple[int, ...] = (), knocked_out_by: tuple[str, ...] = (),
          duplicate_of: str | None = None) -> ShortlistEntry:
    """One shortlist entry; the score is the sum of parts computed from `results`."""
    exp = experience or Experience(total_years=None)
    profile = Profile(document=doc, contact=contact or Contact(), skills=skills, experience=exp)
    parts: tuple[ScorePart, ...] = ()
    if doc.status == "ok" and not duplicate_of:
        req = sum(r.points for r in results if r.importance == "required")
        pref = sum(r.points for r in results if r.importance == "preferred")
        met = sum(1 for r in results if r.importance == "required" and r.outcome == "met")
        parts = (
            ScorePart("required", round(req, 2), 60.0, f"{met} of 5 required met"),
            ScorePart("preferred", round(pref, 2), 15.0),
            ScorePart("years", years_points, 20.0,
                      f"{exp.total_years} years against a minimum of 5"),
            ScorePart("similarity", round(5.0 * similarity, 2), 5.0,
                      f"cosine {similarity:.2f} to the posting"),
        )
    assessment = Assessment(
        profile=profile, score=round(sum(p.points for p in parts), 2), parts=parts,
        results=results, years=exp.total_years, relevant_years=relevant_years,
        relevant_positions=relevant_positions, knocked_out_by=knocked_out_by,
        similarity=similarity, duplicate_of=duplicate_of,
    )
    return ShortlistEntry(rank=rank, assessment=assessment, candidate_id=candidate_id)


AVERY_TEXT = "\n".join([  # noqa: FLY002 - one resume line per line
    "Avery Quinn",
    "avery.quinn@example.com | +1 555-010-2345 | https://github.com/avery-quinn-example",
    "42 Maple Street, Springfield, IL 62704",
    "Date of birth: 1990-04-12",
    "Photo: Avery Quinn at PyCon",
    "",
    "Summary",
    "Back-end engineer with 8+ years of experience building APIs in Python.",
    "",
    "Experience",
    "Senior Backend Engineer, Northwind Labs  Jan 2019 - present",
    "Python and Django services on PostgreSQL, deployed with Docker and Kubernetes on AWS.",
    "Built CI/CD pipelines in GitHub Actions.",
    "Software Developer, Contoso Ltd  Mar 2015 - Dec 2018",
    "PHP and Node.js APIs on PostgreSQL.",
    "",
    "Skills",
    "Python, Django, PostgreSQL, Docker, Kubernetes, AWS, CI/CD",
])

JORDAN_TEXT = "\n".join([  # noqa: FLY002 - one resume line per line
    "JORDAN BLAKE",
    "jordan.blake@example.com",
    "(555) 010-7788",
    "linkedin.com/in/jordan-blake-example",
    "Born 3 March 1995 in Lakeview",
    "",
    "Experience",
    "Backend Developer, Fabrikam  Jan 2020 - present",
    "Node.js services with PostgreSQL, Redis and Docker on AWS.",
    "Support Analyst, Fabrikam  Jul 2019 - Dec 2019",
    "",
    "Skills",
    "Node.js, PostgreSQL, Docker, AWS, Redis",
])

CASEY_TEXT = "\n".join([  # noqa: FLY002 - one resume line per line
    "Casey Morgan",
    "casey.morgan@example.com  555-010-9911",
    "",
    "Experience",
    "Systems Administrator, Tailspin Toys  2016 - 2024",
    "Ran PostgreSQL and Docker hosts; some AWS.",
])


def _avery() -> ShortlistEntry:
    path = "resumes/avery_quinn.pdf"
    ev = {
        "name": Evidence("Avery Quinn", None, 1),
        "python": Evidence("Python", "experience", 12),
        "django": Evidence("Django", "experience", 12),
        "postgresql": Evidence("PostgreSQL", "experience", 12),
        "docker": Evidence("Docker", "experience", 12),
        "kubernetes": Evidence("Kubernetes", "experience", 12),
        "aws": Evidence("AWS", "experience", 12),
        "ci-cd": Evidence("CI/CD", "experience", 13),
        "php": Evidence("PHP", "experience", 15),
        "nodejs": Evidence("Node.js", "experience", 15),
    }
    positions = (
        Position("Senior Backend Engineer", "Northwind Labs", "2019-01", "2024-06", True, 11,
                 13, 5.42, "Jan 2019 - present",
                 ("aws", "ci-cd", "django", "docker", "kubernetes", "postgresql", "python")),
        Position("Software Developer", "Contoso Ltd", "2015-03", "2018-12", False, 14, 15,
                 3.83, "Mar 2015 - Dec 2018", ("nodejs", "php", "postgresql")),
    )
    exp = Experience(total_years=9.25, positions=positions, claimed_years=8.0,
                     claimed_evidence=Evidence("8+ years of experience", "summary", 8))
    skills = (
        hit("aws", ev["aws"], years=5.42), hit("ci-cd", ev["ci-cd"], years=5.42),
        hit("django", Evidence("Avery Quinn - Python and Django", None, 1), years=5.42),
        hit("docker", ev["docker"], years=5.42),
        hit("kubernetes", ev["kubernetes"], years=5.42), hit("nodejs", ev["nodejs"], years=3.83),
        hit("php", ev["php"], years=3.83),
        hit("postgresql", ev["postgresql"], years=9.25),
        hit("python", ev["python"], Evidence("Python", "summary", 8), years=5.42),
    )
    results = (
        result("backend-language", "met", (ev["python"], ev["php"], ev["nodejs"]),
               matched=("nodejs", "php", "python")),
        result("postgresql", "met", (ev["postgresql"],), matched=("postgresql",)),
        result("containers", "met", (ev["docker"],), matched=("docker",)),
        result("kubernetes", "met", (ev["kubernetes"],), matched=("kubernetes",)),
        result("aws", "met", (ev["aws"],), matched=("aws",), years=5.42),
        result("redis", "missing"),
        result("ci-cd", "met", (ev["ci-cd"],), matched=("ci-cd",)),
    )
    return entry(1, "C-7f3a", document(path, AVERY_TEXT),
                 contact=Contact("Avery Quinn", "avery.quinn@example.com", "+1 555-010-2345",
                                 ("https://github.com/avery-quinn-example",)),
                 skills=skills, experience=exp, results=results, years_points=20.0,
                 similarity=0.82, relevant_years=9.25, relevant_positions=(0, 1))


def _jordan() -> ShortlistEntry:
    path = "resumes/Jordan Blake, CV.docx"
    ev = {k: Evidence(v, "experience", 9) for k, v in
          (("nodejs", "Node.js"), ("postgresql", "PostgreSQL"), ("redis", "Redis"),
           ("docker", "Docker"), ("aws", "AWS"))}
    positions = (
        Position("Backend Developer", "Fabrikam", "2020-01", "2024-06", True, 8, 9, 4.42,
                 "Jan 2020 - present", ("aws", "docker", "nodejs", "postgresql", "redis")),
        Position("Support Analyst", "Fabrikam", "2019-07", "2019-12", False, 10, 10, 0.5,
                 "Jul 2019 - Dec 2019"),
    )
    exp = Experience(total_years=4.92, positions=positions)
    skills = tuple(hit(k, e, years=4.42) for k, e in sorted(ev.items()))
    results = (
        result("backend-language", "met", (ev["nodejs"],), matched=("nodejs",)),
        result("postgresql", "met", (ev["postgresql"],), matched=("postgresql",)),
        result("containers", "met", (ev["docker"],), matched=("docker",)),
        result("kubernetes", "missing"),
        result("aws", "met", (ev["aws"],), matched=("aws",), years=4.42),
        result("redis", "met", (ev["redis"],), matched=("redis",)),
        result("ci-cd", "missing"),
    )
    return entry(2, "C-19bd", document(path, JORDAN_TEXT, kind="docx", extractor="docx"),
                 contact=Contact("Jordan Blake", "jordan.blake@example.com", "(555) 010-7788",
                                 ("linkedin.com/in/jordan-blake-example",)),
                 skills=skills, experience=exp, results=results, years_points=19.68,
                 similarity=0.64, relevant_years=4.42, relevant_positions=(0,))


def _casey() -> ShortlistEntry:
    path = "resumes/casey-morgan.txt"
    ev = {k: Evidence(v, "experience", 6) for k, v in
          (("postgresql", "PostgreSQL"), ("docker", "Docker"), ("aws", "AWS"))}
    positions = (
        Position("Systems Administrator", "Tailspin Toys", "2016-01", "2024-12", False, 5, 6,
                 8.0, "2016 - 2024", ("aws", "docker", "postgresql"), ("year-only",)),
    )
    exp = Experience(total_years=8.0, positions=positions, total_years_low=7.0,
                     total_years_high=9.0)
    skills = tuple(hit(k, e, years=None) for k, e in sorted(ev.items()))
    results = (
        result("backend-language", "missing"),
        result("postgresql", "met", (ev["postgresql"],), matched=("postgresql",)),
        result("containers", "met", (ev["docker"],), matched=("docker",)),
        result("kubernetes", "missing"),
        result("aws", "unknown", (ev["aws"],), matched=("aws",),
               note="AWS found but its years cannot be dated"),
        result("redis", "missing"),
        result("ci-cd", "missing"),
    )
    return entry(3, "C-a402", document(path, CASEY_TEXT, kind="text", extractor="text"),
                 contact=Contact("Casey Morgan", "casey.morgan@example.com", "555-010-9911"),
                 skills=skills, experience=exp, results=results, years_points=20.0,
                 similarity=0.3, relevant_years=None,
                 knocked_out_by=("required 1 of Python, Node.js, PHP: not found",))


def _unranked() -> tuple[ShortlistEntry, ...]:
    scan = document("scans/riley_park_scan.pdf", "", status="empty",
                    error="no text layer (a scanned image?); run OCR on it and screen again")
    broken = document("resumes/broken.docx", "", status="error", kind="docx",
                      extractor="",
                      error="not a valid DOCX (the zip is corrupt); re-save it and try again")
    copy = document("resumes/avery_quinn (1).pdf", AVERY_TEXT,
                    error="same content as resumes/avery_quinn.pdf; remove one copy")
    copy = replace(copy, sha256=_avery().assessment.profile.document.sha256)
    return (
        entry(None, "C-0c55", scan),
        entry(None, "C-e81d", broken),
        entry(None, "C-7f3b", copy, duplicate_of="resumes/avery_quinn.pdf"),
    )


def make_shortlist() -> Shortlist:
    """Six files: two ranked, one knocked out, one empty, one error, one duplicate."""
    entries = (_avery(), _jordan(), _casey()) + _unranked()
    return Shortlist(posting=posting(), as_of=AS_OF, taxonomy_version=TAXONOMY_VERSION,
                     entries=entries, tool_version=TOOL_VERSION)


HOSTILE_NAMES = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    "@SUM(1)",
    "-2+3",
    "+1",
    "Zoë \x1b[31mRed\x1b[0m Ng",
)


def hostile_shortlist() -> Shortlist:
    """Ranked candidates whose names and files carry injection attempts, in descending score."""
    base = _avery()
    entries = []
    for i, name in enumerate(HOSTILE_NAMES):
        a = base.assessment
        doc = replace(a.profile.document, path=f"in/{i}_{name}, \"quoted\".pdf",
                      sha256=sha(name))
        profile = replace(a.profile, document=doc, contact=replace(a.profile.contact, name=name))
        score = round(a.score - 7.5 * i, 2)
        years = round(3.0 + 1.5 * ((i * 3) % 7), 2)  # not in score order, to test sorting
        assessment = replace(a, profile=profile, score=score, years=years, relevant_years=years)
        entries.append(ShortlistEntry(rank=i + 1, assessment=assessment,
                                      candidate_id=f"H-{i:02d}"))
    return replace(make_shortlist(), entries=tuple(entries) + _unranked())
