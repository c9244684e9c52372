"""Blind screening: a copy of a shortlist with the candidates' identities taken out.

`blind(shortlist)` removes the contact details (name, email, phone, links) and masks, in the
resume text and in every evidence snippet, note and message a report may show:

* every occurrence of those contact values (the name also word by word, any case; the phone
  whatever its separators),
* every name-like word of the resume's own header (screener.score.identity: the name line whether or
  not it was recognised as the name, capitalised words in any script, the email's local part,
  profile handles), in any case and with or without accents ("Wójcik" masks "WOJCIK"),
* any other email address, phone-like number or profile link,
* street-address and postcode lines, dates of birth ("DOB", "Date of birth", "born"), personal
  details (age, gender, nationality, marital status) and photo captions,
* the file's path, name and stem,
* where the candidate lives (screener.score.identity.place_terms): the location as written and
  its city, wherever the candidate's evidence names it ("University of Lyon").

What the resume states beside skills (degrees, certifications, languages, location, remote and
relocation statements, work authorisation: `profile.qualifications`) is masked like any
evidence, and the location itself entirely: its text becomes the mask and its place ids go.
A location requirement keeps its outcome and points; its evidence, its note's place and what
it matched are masked ("lives in [redacted] (line 2)").

Each candidate then appears under a blind id, which also replaces the file path, so no report
shows a file name. The blind id is keyed: "C-" + HMAC-SHA256(secret, the file's sha256), cut to
8 hex digits. Without the secret it cannot be computed from the file, nor matched with the id a
non-blind report prints (the plain sha256 prefix). No secret given: a random one per call, so
ids differ between runs; the same secret gives the same ids (and byte-identical reports).

Lines are masked in place, never removed, so evidence line numbers
still point at the right line. Masking errs on the side of hiding: a first name that is also a
skill ("Ruby") is masked in the evidence too; scores are computed before blinding and do not
change. screener.report.csv.write_blind_key writes the id -> file mapping for the person allowed
to unblind.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from screener.errors import ConfigError
from screener.records import (
    Contact,
    Evidence,
    Experience,
    Location,
    Qualifications,
    RequirementResult,
    Shortlist,
    ShortlistEntry,
    SkillHit,
)
from screener.score.identity import fold, fold_char, identifying_terms, place_terms

MASK = "[redacted]"
ID_HEX = 8
MIN_SECRET_BYTES = 16

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


def new_secret() -> bytes:
    """A fresh random secret: blind ids that no later run can reproduce."""
    return secrets.token_bytes(32)


def read_secret(path: str) -> bytes:
    """The secret kept in a file (its bytes, less trailing whitespace); checked before a batch."""
    try:
        with open(path, "rb") as fp:
            data = fp.read(1 << 16).rstrip()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the blind secret ({exc.strerror or exc}); "
                          "check the path") from exc
    if len(data) < MIN_SECRET_BYTES:
        raise ConfigError(
            f"{path}: a blind secret needs at least {MIN_SECRET_BYTES} bytes, it has {len(data)}; "
            "make one with `head -c 32 /dev/urandom | base64 > FILE` and keep it private")
    return data


def candidate_ids(shortlist: Shortlist, secret: bytes) -> list[str]:
    """Each entry's blind id: "C-" + HMAC-SHA256(secret, its file's sha256), cut; unique.

    Identical files (duplicates) and prefix collisions get "-2", "-3", ... in path order.
    """
    digests = []
    for e in shortlist.entries:
        doc = e.assessment.profile.document
        message = doc.sha256 or "file:" + doc.path
        digests.append(hmac.new(secret, message.encode("utf-8", "surrogateescape"),
                                hashlib.sha256).hexdigest())
    ids = [""] * len(digests)
    taken: dict[str, int] = {}
    for i in sorted(range(len(digests)),
                    key=lambda i: (digests[i], shortlist.entries[i].assessment.file, i)):
        base = "C-" + digests[i][:ID_HEX]
        taken[base] = taken.get(base, 0) + 1
        ids[i] = base if taken[base] == 1 else f"{base}-{taken[base]}"
    return ids


def blind_key(shortlist: Shortlist) -> tuple[tuple[str, str, str], ...]:
    """(blind id, file, sha256) per entry, as kept by `blind`."""
    if not shortlist.blind_key:
        raise ValueError("blind_key needs the shortlist `blind` returned")
    return shortlist.blind_key


def blind(shortlist: Shortlist, *, secret: bytes | None = None,
          terms: Mapping[str, Sequence[str]] | None = None) -> Shortlist:
    """A copy of `shortlist` with identities masked (see the module docstring).

    secret: keys the blind ids (None: a fresh random one). terms: file path -> the words
    `screener.score.identity.identifying_terms` read from its header, for profiles that no longer
    hold their text (a profile with its text is read here too).
    """
    if shortlist.blind_key:
        return shortlist  # already blind: the entries no longer hold what to mask
    ids = candidate_ids(shortlist, secret if secret is not None else new_secret())
    files = _file_names(shortlist, ids)
    kinds = {r.id: r.qualifier.kind for r in shortlist.posting.requirements if r.qualifier}
    # a duplicate may not have been parsed, but it holds the same text as the file it copies
    contacts: dict[str, Contact] = {}
    words: dict[str, set[str]] = {}
    for e in shortlist.entries:
        profile = e.assessment.profile
        doc, contact = profile.document, profile.contact
        if doc.sha256 and contact != Contact():
            contacts.setdefault(doc.sha256, contact)
        found = words.setdefault(doc.sha256 or "file:" + doc.path, set())
        found.update((terms or {}).get(doc.path, ()))
        if doc.text:
            found.update(identifying_terms(profile))
        found.update(place_terms(profile.qualifications))
    entries = tuple(_blind_entry(e, cid, files, contacts, words, kinds)
                    for e, cid in zip(shortlist.entries, ids))
    key = tuple((cid, e.assessment.profile.document.path, e.assessment.profile.document.sha256)
                for cid, e in zip(ids, shortlist.entries))
    return replace(shortlist, entries=entries, blind_key=key)


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
                 contacts: dict[str, Contact], words: dict[str, set[str]],
                 kinds: Mapping[str, str]) -> ShortlistEntry:
    """`kinds`: the posting's qualification requirement ids -> their kind (location, ...)."""
    a = entry.assessment
    contact = a.profile.contact
    sha = a.profile.document.sha256
    if contact == Contact():
        contact = contacts.get(sha, contact)
    masker = Masker.for_contact(contact, a.profile.document.path, files,
                                words.get(sha or "file:" + a.profile.document.path, ()))
    doc = a.profile.document
    doc = replace(doc, path=cid, sha256="", text=masker.text(doc.text),
                  error=masker.message(doc.error) if doc.error else doc.error,
                  warnings=tuple(masker.message(w) for w in doc.warnings))
    p = a.profile
    profile = replace(
        p, document=doc, contact=Contact(),
        sections=tuple(replace(s, heading=masker.line(s.heading)) for s in p.sections),
        skills=tuple(_blind_hit(h, masker) for h in p.skills),
        experience=_blind_experience(p.experience, masker),
        qualifications=_blind_qualifications(p.qualifications, masker))
    places = tuple(loc.text for loc in p.qualifications.locations)
    assessment = replace(
        a, profile=profile,
        parts=tuple(replace(part, note=masker.line(part.note)) for part in a.parts),
        results=tuple(_blind_result(r, masker, kinds.get(r.requirement, ""), places)
                      for r in a.results),
        knocked_out_by=tuple(masker.message(k) for k in a.knocked_out_by),
        duplicate_of=files.get(a.duplicate_of, MASK) if a.duplicate_of else None,
        duplicate_reason=masker.message(a.duplicate_reason))
    return replace(entry, assessment=assessment, candidate_id=cid)


def _blind_evidence(evidence: tuple[Evidence, ...], masker: Masker) -> tuple[Evidence, ...]:
    return tuple(replace(ev, text=masker.line(ev.text)) for ev in evidence)


def _blind_hit(hit: SkillHit, masker: Masker) -> SkillHit:
    return replace(hit, evidence=_blind_evidence(hit.evidence, masker))


def _blind_result(r: RequirementResult, masker: Masker, kind: str = "",
                  places: Sequence[str] = ()) -> RequirementResult:
    """`kind`: the requirement's qualification kind ("" for skills); `places`: the locations the
    resume states, masked whole in a location requirement's note and matches."""
    if kind != "location":
        matched = tuple(masker.line(m) for m in r.matched) if kind else r.matched
        return replace(r, evidence=_blind_evidence(r.evidence, masker),
                       note=masker.line(r.note), matched=matched)
    evidence = tuple(replace(ev, text=MASK) for ev in r.evidence)
    return replace(r, evidence=evidence, note=masker.line(_mask_places(r.note, places)),
                   matched=tuple(masker.line(_mask_places(m, places)) for m in r.matched))


def _mask_places(text: str, places: Sequence[str]) -> str:
    for place in sorted(places, key=len, reverse=True):
        if place:
            text = text.replace(place, MASK)
    return text


def _blind_qualifications(q: Qualifications, masker: Masker) -> Qualifications:
    """Every finding's evidence masked; a location's text and place ids taken out entirely."""
    def ev(e: Evidence) -> Evidence:
        return replace(e, text=masker.line(e.text))

    return Qualifications(
        degrees=tuple(replace(d, field=masker.line(d.field), evidence=ev(d.evidence))
                      for d in q.degrees),
        certifications=tuple(replace(c, evidence=ev(c.evidence)) for c in q.certifications),
        languages=tuple(replace(s, evidence=ev(s.evidence)) for s in q.languages),
        locations=tuple(Location(MASK, (), replace(loc.evidence, text=MASK))
                        for loc in q.locations),
        remote=tuple(ev(e) for e in q.remote),
        relocation=tuple(ev(e) for e in q.relocation),
        authorisations=tuple(replace(w, evidence=ev(w.evidence)) for w in q.authorisations),
    )


def _blind_experience(exp: Experience, masker: Masker) -> Experience:
    positions = tuple(replace(p, title=masker.line(p.title), company=masker.line(p.company))
                      for p in exp.positions)
    claimed = exp.claimed_evidence
    if claimed is not None:
        claimed = replace(claimed, text=masker.line(claimed.text))
    return replace(exp, positions=positions, claimed_evidence=claimed)


class Masker:
    """Masks one candidate's identifying values, and generic identifiers, in text."""

    def __init__(self, literals: re.Pattern[str] | None, files: dict[str, str],
                 terms: re.Pattern[str] | None = None) -> None:
        self.literals = literals
        self.terms = terms  # matched in the folded line (see `_mask_folded`)
        self.files = files
        # longest first, so a full path is replaced before the file name inside it
        self.file_keys = sorted(files, key=lambda k: (-len(k), k))

    @classmethod
    def for_contact(cls, contact: Contact, path: str, files: dict[str, str],
                    terms: Iterable[str] = ()) -> Masker:
        return cls(_literal_pattern(contact, path), files, term_pattern(terms))

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
        if self.literals is not None:
            line = self.literals.sub(MASK, line)
        return _mask_folded(self.terms, line) if self.terms is not None else line


def term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for whole words, matched in folded text (`screener.score.identity.fold`): any
    case, with or without accents. Words of scripts written without spaces match anywhere."""
    alternatives = []
    for term in sorted({fold(t) for t in terms if t}, key=lambda t: (-len(t), t)):
        if not term:
            continue
        spaced = all(ch.isascii() or ch.upper() != ch.lower() for ch in term if ch.isalpha())
        alternatives.append(rf"(?<!\w){re.escape(term)}(?!\w)" if spaced else re.escape(term))
    return re.compile("|".join(alternatives)) if alternatives else None


def _mask_folded(pattern: re.Pattern[str], line: str) -> str:
    """Mask `pattern`'s matches in the folded line, mapped back to the line as written."""
    if line.isascii():
        folded, index = line.lower(), range(len(line))
    else:
        chars, positions = [], []
        for i, ch in enumerate(line):
            f = fold_char(ch)
            chars.append(f)
            positions.extend([i] * len(f))
        folded, index = "".join(chars), positions
    out, last = [], 0
    for m in pattern.finditer(folded):
        if m.end() == m.start():
            continue
        start, end = index[m.start()], index[m.end() - 1] + 1
        while end < len(line) and not fold_char(line[end]):
            end += 1  # a combining mark left after the masked letter
        if start < last:
            continue
        out += [line[last:start], MASK]
        last = end
    return "".join(out) + line[last:] if out else line


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
