"""Blind screening: a copy of a shortlist with the candidates' identities taken out.

`blind(shortlist)` removes the contact details (name, email, phone, links) and masks, in the
resume text and in every evidence snippet, note and message a report may show:

* every occurrence of those contact values (the name also word by word, any case; the phone
  whatever its separators),
* any other email address, phone-like number or profile link,
* street-address and postcode lines, dates of birth ("DOB", "Date of birth", "born"), personal
  details (age, gender, nationality, marital status) and photo captions,
* the file's path, name and stem.

Each candidate then appears under its `candidate_id`, which also replaces the file path, so no
report shows a file name. Lines are masked in place, never removed, so evidence line numbers
still point at the right line. Masking errs on the side of hiding: a first name that is also a
skill ("Ruby") is masked in the evidence too; scores are computed before blinding and do not
change. `write_blind_key` writes the id -> file mapping for the person allowed to unblind.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import replace
from typing import TextIO

from screener.records import (
    Contact,
    Evidence,
    Experience,
    RequirementResult,
    Shortlist,
    ShortlistEntry,
    SkillHit,
)

MASK = "[redacted]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com"
    r"|x\.com|stackoverflow\.com|medium\.com|behance\.net|dribbble\.com|about\.me)/\S*",
    re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w/.])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])")
_DATE_LIKE = re.compile(r"(?:19|20)\d\d\s*[-./]\s*(?:0[1-9]|1[0-2])\b"
                        r"|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")
# whole line: an address ("42 Maple Street", "Address: ...", "Springfield, IL 62704",
# a UK postcode) or a photo caption
_STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln"
    r"|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq"
    r"|Parkway|Pkwy|Highway|Hwy|Straße|Strasse|Rue)\b")
_ADDRESS_LINE = re.compile(
    r"^\W*(?:home\s+|postal\s+|mailing\s+)?address\b"
    r"|\b[A-Z][a-z]+(?: [A-Z][a-z]+)*,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b", re.IGNORECASE)
_PHOTO = re.compile(r"^\W*(?:photo(?:graph)?|picture|headshot|portrait|image)\b", re.IGNORECASE)
# keep the label, mask what follows: "Date of birth: [redacted]"
_PERSONAL = re.compile(
    r"\b(?:d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|born|age\s*:|gender|sex\s*:"
    r"|nationality|citizenship|marital\s+status|religion)", re.IGNORECASE)


def candidate_ids(shortlist: Shortlist) -> list[str]:
    """Each entry's pseudonymous id: its own, else one derived from the file's hash; unique."""
    ids: list[str] = []
    for i, e in enumerate(shortlist.entries):
        base = e.candidate_id or (f"C-{e.assessment.profile.document.sha256[:6]}"
                                  if e.assessment.profile.document.sha256 else f"C-{i + 1:04d}")
        cid, n = base, 2
        while cid in ids:  # duplicates share a hash
            cid, n = f"{base}-{n}", n + 1
        ids.append(cid)
    return ids


def blind_key(shortlist: Shortlist) -> tuple[tuple[str, str, str], ...]:
    """(candidate_id, file, sha256) per entry: kept by `blind`, else read from the entries."""
    if shortlist.blind_key:
        return shortlist.blind_key
    return tuple((cid, e.assessment.profile.document.path, e.assessment.profile.document.sha256)
                 for cid, e in zip(candidate_ids(shortlist), shortlist.entries))


def write_blind_key(shortlist: Shortlist, fp: TextIO) -> None:
    """CSV `candidate_id,file,sha256`, the way back from a blind report to the files.

    Takes the blinded shortlist (which carries the key) or the original one.
    """
    from screener.report.csv import safe_cell

    writer = csv.writer(fp, lineterminator="\n")
    writer.writerow(("candidate_id", "file", "sha256"))
    for row in blind_key(shortlist):
        writer.writerow([safe_cell(cell) for cell in row])


def blind(shortlist: Shortlist) -> Shortlist:
    """A copy of `shortlist` with identities masked (see the module docstring)."""
    if shortlist.blind_key:
        return shortlist  # already blind: the entries no longer hold what to mask
    ids = candidate_ids(shortlist)
    files = _file_names(shortlist, ids)
    # a duplicate may not have been parsed, but it holds the same text as the file it copies
    contacts: dict[str, Contact] = {}
    for e in shortlist.entries:
        doc, contact = e.assessment.profile.document, e.assessment.profile.contact
        if doc.sha256 and contact != Contact():
            contacts.setdefault(doc.sha256, contact)
    entries = tuple(_blind_entry(e, cid, files, contacts) for e, cid in zip(shortlist.entries, ids))
    return replace(shortlist, entries=entries, blind_key=blind_key(shortlist))


def _file_names(shortlist: Shortlist, ids: list[str]) -> dict[str, str]:
    """Every path, file name and stem -> the id that replaces it (MASK when ambiguous)."""
    names: dict[str, str] = {}
    for cid, e in zip(ids, shortlist.entries):
        path = e.assessment.profile.document.path
        base = os.path.basename(path)
        stem = os.path.splitext(base)[0]
        for key in {path, base, os.path.abspath(path), stem if len(stem) >= 4 else ""}:
            if key:
                names[key] = cid if names.get(key, cid) == cid else MASK
    return names


def _blind_entry(entry: ShortlistEntry, cid: str, files: dict[str, str],
                 contacts: dict[str, Contact]) -> ShortlistEntry:
    a = entry.assessment
    contact = a.profile.contact
    if contact == Contact():
        contact = contacts.get(a.profile.document.sha256, contact)
    masker = Masker.for_contact(contact, a.profile.document.path, files)
    doc = a.profile.document
    doc = replace(doc, path=cid, sha256="", text=masker.text(doc.text),
                  error=masker.message(doc.error) if doc.error else doc.error,
                  warnings=tuple(masker.message(w) for w in doc.warnings))
    p = a.profile
    profile = replace(
        p, document=doc, contact=Contact(),
        sections=tuple(replace(s, heading=masker.line(s.heading)) for s in p.sections),
        skills=tuple(_blind_hit(h, masker) for h in p.skills),
        experience=_blind_experience(p.experience, masker))
    assessment = replace(
        a, profile=profile,
        parts=tuple(replace(part, note=masker.line(part.note)) for part in a.parts),
        results=tuple(_blind_result(r, masker) for r in a.results),
        knocked_out_by=tuple(masker.message(k) for k in a.knocked_out_by),
        duplicate_of=files.get(a.duplicate_of, MASK) if a.duplicate_of else None)
    return replace(entry, assessment=assessment, candidate_id=cid)


def _blind_evidence(evidence: tuple[Evidence, ...], masker: Masker) -> tuple[Evidence, ...]:
    return tuple(replace(ev, text=masker.line(ev.text)) for ev in evidence)


def _blind_hit(hit: SkillHit, masker: Masker) -> SkillHit:
    return replace(hit, evidence=_blind_evidence(hit.evidence, masker))


def _blind_result(r: RequirementResult, masker: Masker) -> RequirementResult:
    return replace(r, evidence=_blind_evidence(r.evidence, masker), note=masker.line(r.note))


def _blind_experience(exp: Experience, masker: Masker) -> Experience:
    positions = tuple(replace(p, title=masker.line(p.title), company=masker.line(p.company))
                      for p in exp.positions)
    claimed = exp.claimed_evidence
    if claimed is not None:
        claimed = replace(claimed, text=masker.line(claimed.text))
    return replace(exp, positions=positions, claimed_evidence=claimed)


class Masker:
    """Masks one candidate's identifying values, and generic identifiers, in text."""

    def __init__(self, literals: re.Pattern[str] | None, files: dict[str, str]) -> None:
        self.literals = literals
        self.files = files
        # longest first, so a full path is replaced before the file name inside it
        self.file_keys = sorted(files, key=lambda k: (-len(k), k))

    @classmethod
    def for_contact(cls, contact: Contact, path: str, files: dict[str, str]) -> Masker:
        return cls(_literal_pattern(contact, path), files)

    def text(self, text: str) -> str:
        """A whole document, line by line (the line count never changes)."""
        return "\n".join(self.line(line) for line in text.split("\n"))

    def message(self, text: str) -> str:
        """An error or warning: any input file's path becomes its candidate id."""
        for key in self.file_keys:
            if key in text:
                text = text.replace(key, self.files[key])
        return self.line(text)

    def line(self, line: str) -> str:
        if not line.strip():
            return line
        if _STREET.search(line) or _ADDRESS_LINE.search(line) or _PHOTO.search(line):
            return MASK
        personal = _PERSONAL.search(line)
        if personal:
            line = line[: personal.end()].rstrip(" :") + ": " + MASK
        # generic patterns first: they take a phone's country code and a link's scheme too
        line = _PHONE.sub(_phone_mask, line)
        line = _EMAIL.sub(MASK, line)
        line = _URL.sub(MASK, line)
        return self.literals.sub(MASK, line) if self.literals is not None else line


def _phone_mask(m: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in m.group())
    return MASK if 9 <= digits <= 15 and not _DATE_LIKE.search(m.group()) else m.group()


def _literal_pattern(contact: Contact, path: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for this candidate's own name, email, phone, links, file."""
    alternatives: list[str] = []
    values = [contact.email, *contact.links, path, os.path.basename(path)]
    stem = os.path.splitext(os.path.basename(path))[0]
    values += [stem] if len(stem) >= 4 else []
    values += [re.sub(r"^(?:https?://)?(?:www\.)?", "", link) for link in contact.links]
    values += [contact.name] if contact.name else []
    alternatives += [re.escape(v) for v in sorted({v for v in values if v}, key=lambda v: -len(v))]
    if contact.name:
        tokens = {t for t in re.split(r"[^\w'-]+", contact.name) if len(t.strip("'-")) >= 2}
        alternatives += [rf"(?<!\w){re.escape(t)}(?!\w)"
                         for t in sorted(tokens, key=lambda t: (-len(t), t))]
    digits = re.sub(r"\D", "", contact.phone or "")[-10:]
    if len(digits) >= 7:
        alternatives.append(r"[\s().+-]{0,3}".join(digits))
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None
