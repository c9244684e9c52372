"""Document -> Profile: the parse stage, a pure function of (bytes, settings).

This is the unit of work that `batch` ships to another process or a Dask worker, so it takes
only picklable values and loads the taxonomy and matcher once per process.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from screener.records import Document, Profile


@dataclass(frozen=True)
class ParseSettings:
    """Everything the parse stage depends on. Part of the cache key (see `cache_key`)."""

    as_of: str  # YYYY-MM-DD; "present" in a resume means this day
    taxonomy_path: str | None = None  # None: the bundled skills/taxonomy.yaml
    extractor: str = "auto"  # auto | fast | pdfminer
    max_pages: int = 50
    max_chars: int = 400_000
    max_bytes: int = 20 * 1024 * 1024

    @property
    def as_of_date(self) -> date:
        return date.fromisoformat(self.as_of)


def _matcher(taxonomy_path: str | None):
    from screener.parse.skills import matcher_for
    from screener.rubric.taxonomy import load_taxonomy

    return matcher_for(load_taxonomy(taxonomy_path))


# A tiny resume run once through every stage by `prepare`: it imports the modules and fills
# the caches (compiled patterns, lexemes) that the first real file would otherwise pay for in
# each worker. Synthetic, like every example in the repository.
_WARM_UP = """Avery Quinn
avery.quinn@example.com | (555) 010-4242 | linkedin.com/in/avery-quinn-example

SUMMARY
Backend developer with 7+ years of experience in Python and Node.js.

EXPERIENCE
Senior Backend Engineer, Globex Corporation          Jan 2020 - Present
• Built payment APIs in Node.js and PostgreSQL; moved services to Docker and Kubernetes on AWS.
Software Developer, Initech | 06/2016 - 12/2019
- Maintained PHP services and tuned MySQL queries; Python (3 years).

SKILLS
Python, Node.js, PHP, PostgreSQL, Docker, Kubernetes, AWS, Redis, CI/CD

EDUCATION
B.Sc. Computer Science, State University, 2016
"""


def prepare_extraction() -> None:
    """Import the readers (pypdfium2, the text repair) now, so forked workers inherit them."""
    from screener.extract import pdf, pdfium  # noqa: F401 - imported to be inherited
    from screener.extract.text import normalise

    pdfium._calls()
    normalise("Warm-up • line – with ’quotes’")


def prepare(settings: ParseSettings) -> None:
    """Build the skill matcher and warm every stage now (see Work.prepare)."""
    prepare_extraction()
    _matcher(settings.taxonomy_path)
    parse_bytes("warm-up.txt", _WARM_UP.encode(), settings)


def parse_document(doc: Document, settings: ParseSettings) -> Profile:
    """Read contact, sections, skills and experience from an extracted document."""
    if doc.status != "ok":
        return Profile(document=doc)
    from screener.parse.contact import extract_contact
    from screener.parse.experience import extract_experience, skill_years, stated_skill_years
    from screener.parse.qualifications import find_qualifications
    from screener.parse.sections import find_sections

    as_of = settings.as_of_date
    lines = doc.lines
    sections = find_sections(lines)
    matcher = _matcher(settings.taxonomy_path)
    hits = matcher.find(lines, sections)
    experience = extract_experience(lines, sections, hits, as_of, matcher.hands_on)
    stated = stated_skill_years(lines, hits)
    years = skill_years(lines, experience, hits, stated)
    hits = tuple(
        dataclasses.replace(h, years=years.get(h.id), stated_years=stated.get(h.id))
        if h.source != "implied"
        else h
        for h in hits
    )
    return Profile(
        document=doc,
        contact=extract_contact(lines, sections),
        sections=sections,
        skills=hits,
        experience=experience,
        hidden_skills=_hidden_skills(doc, settings),
        qualifications=find_qualifications(lines, sections, as_of),
    )


def _hidden_skills(doc: Document, settings: ParseSettings) -> tuple[str, ...]:
    """The skills named in the text a reader cannot see: reported, never counted."""
    if not doc.hidden_text:
        return ()
    hits = _matcher(settings.taxonomy_path).find_text(doc.hidden_text)
    return tuple(h.id for h in hits if h.source != "implied")


def extract_document(path: str, data: bytes, settings: ParseSettings) -> Document:
    """The first half of `parse_bytes`: the text, with no skill matcher needed."""
    from screener.extract import extract

    return extract(
        path,
        data,
        extractor=settings.extractor,
        max_pages=settings.max_pages,
        max_chars=settings.max_chars,
    )


def parse_bytes(path: str, data: bytes, settings: ParseSettings) -> Profile:
    """Extract and parse one file's bytes. Never raises for a bad file: see Document.status."""
    return parse_document(extract_document(path, data, settings), settings)
