"""What identifies a candidate in their own resume: the words of its header, for blind screening.

`identifying_terms(profile)` reads the lines above the first section heading (the header) and
returns every name-like word they hold: all the words of the first line that reads like a name
(whether or not screener.parse.contact took it for the name), and the capitalised words of the other
header lines in any script (words of scripts without case count as capitalised), less the words
a header shares with every resume (headings, job titles, skills the resume lists, months,
stop words, degrees and suffixes such as "Jr." or "PhD"). Add the email's local part and the
handles of profile links, whole and by their parts.

It does not depend on the name finder: a name in Cyrillic, with Polish or Vietnamese
diacritics, of five words, or followed by "(she/her)" or "PhD" is masked all the same.
Computed where the text is (a worker, with the rest of what screening derives from the text,
and cached with it), so this module is part of the cache's parse key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from screener.parse.sections import heading_name
from screener.records import Profile, Qualifications

_MAX_HEADER_LINES = 15  # non-empty lines read above the first heading
_NO_HEADING_LINES = 6  # ... and at the top of a resume with no heading at all
_MIN_LETTERS = 2

_EMAIL = re.compile(r"([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(
    r"(?:linkedin\.com/(?:in|pub)|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com"
    r"|medium\.com/@?|behance\.net|dribbble\.com|about\.me|instagram\.com|facebook\.com"
    r"|stackoverflow\.com/users/\d+)/@?([\w.%-]+)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_PHONEISH = re.compile(r"\+?\d[\d\s().-]{5,}\d")
_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*:\s*", re.IGNORECASE)

# Words any header may hold that identify no one (folded, see `fold`).
_COMMON = frozenset("""
jr sr ii iii iv phd ph dphil md mba msc bsc ba bs ms ma meng beng mphil llb llm cpa cfa pmp pe
esq rn dds dvm cissp mr mrs mx miss dr prof sir she her hers he him his they them theirs ze
resume cv curriculum vitae profile contact contacts email mail phone tel mobile cell fax
address linkedin github gitlab website web portfolio homepage blog twitter skype telegram
whatsapp name personal details information info page of date birth born dob age gender sex
nationality marital status religion location city country street avenue road
engineer engineering developer development programmer software hardware backend frontend
front back end full stack fullstack senior junior lead principal staff chief head manager
management analyst analytics consultant consulting architect designer design scientist science
researcher intern administrator admin specialist expert associate assistant director officer
executive president vice founder cofounder owner freelance freelancer contractor independent
data web cloud devops ops product project program qa test tester quality security systems system
network mobile machine learning ml ai site reliability sre support technical technology
technologies it platform infrastructure solutions services group labs inc llc ltd corp gmbh
company team student graduate candidate professional experienced certified available open
remote hybrid relocation relocate willing citizen visa work authorization permit
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec present current today now
""".split())
_GENERIC_HANDLE = frozenset(
    "info contact mail email hello hi jobs job career careers cv resume dev work me office admin "
    "team www http https com org net in pub users user profile".split())


def identifying_terms(profile: Profile) -> tuple[str, ...]:
    """The words (as written) to mask wherever a blind report shows this resume's text."""
    header = header_lines(profile)
    terms: set[str] = set()
    skills = _skill_words(profile)
    name_line = _name_line(header)
    for line in header:
        text = _strip_contacts(line)
        for word in words(text):
            key = fold(word)
            if len(key) < _MIN_LETTERS or key in _COMMON or key in _STOP_WORDS():
                continue
            if line is name_line or (_capitalised(word) and key not in skills
                                     and heading_name(word) is None):
                terms.add(word)
    contact = profile.contact
    terms.update(w for w in words(contact.name or "") if len(fold(w)) >= _MIN_LETTERS
                 and fold(w) not in _COMMON)
    texts = [*header, contact.email or "", *contact.links]
    terms.update(_handles(texts))
    return tuple(sorted(terms))


def place_terms(qualifications: Qualifications) -> tuple[str, ...]:
    """Where the candidate lives, as the resume writes it: each location whole ("Lyon,
    France") and its first part, the most precise ("Lyon"; "Springfield" of "Springfield, IL").
    A city names few people, and the universities and employers named after it ("Université
    de Lyon") place the candidate too. A one-word location is taken as it is (it may be a
    city); a code ("IL", "UK") is no term, it would mask the word "il" or "uk" everywhere."""
    terms: set[str] = set()
    for loc in qualifications.locations:
        whole = " ".join(loc.text.split())
        first = whole.split(",")[0].strip()
        for term in (whole, first):
            if sum(ch.isalpha() for ch in term) >= 3 and not (len(term) <= 3 and term.isupper()):
                terms.add(term)
    return tuple(sorted(terms))


def header_lines(profile: Profile) -> list[str]:
    """The non-empty lines above the first section heading (the top lines if none)."""
    lines = profile.document.text.split("\n")
    starts = [s.start_line for s in profile.sections if s.heading]
    end, cap = (min(starts) - 1, _MAX_HEADER_LINES) if starts else (len(lines), _NO_HEADING_LINES)
    return [line for line in lines[:end] if line.strip()][:cap]


def words(text: str) -> list[str]:
    """Runs of letters (with their combining marks, so Devanagari or decomposed accents stay
    whole), joined by inner apostrophes and hyphens; a hyphenated word also gives its parts
    ("Anne-Marie", "Anne", "Marie")."""
    out: list[str] = []
    for word in _runs(text):
        out.append(word)
        parts = [p for p in re.split(r"['\u2019-]", word) if p]
        if len(parts) > 1:
            out.extend(parts)
    return out


def _runs(text: str) -> Iterable[str]:
    start = None
    for i, ch in enumerate(text + " "):
        letter = ch.isalpha() or (start is not None and unicodedata.category(ch)[0] == "M")
        joiner = (ch in "'\u2019-" and start is not None and i + 1 < len(text)
                  and text[i + 1].isalpha())
        if letter or joiner:
            start = i if start is None else start
        elif start is not None:
            yield text[start:i]
            start = None


def fold(text: str) -> str:
    """Case- and accent-free form: 'Łukasz Wójcik' -> 'lukasz wojcik', 'Nguyễn' -> 'nguyen'."""
    return "".join(fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character folded (possibly to "" for a combining mark, or to two letters)."""
    if ch.isascii():
        return ch.lower()
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.category(c).startswith("M"))
    return base.casefold()


_SPECIAL = {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
            "œ": "oe", "Œ": "oe", "ß": "ss", "ı": "i", "ħ": "h", "Ħ": "h", "þ": "th", "Þ": "th",
            "ð": "d", "Ð": "d"}


def _capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() or (first.isalpha() and not first.islower())  # or a caseless script


def _name_line(header: list[str]) -> str | None:
    """The first header line that reads like a name: letters, no contact detail, not only
    common words ("Curriculum Vitae", "Senior Software Engineer")."""
    for line in header:
        if _EMAIL.search(line) or _URL.search(line) or _PHONEISH.search(line):
            continue
        found = [w for w in words(_LABEL.sub("", line)) if len(fold(w)) >= _MIN_LETTERS]
        if found and any(fold(w) not in _COMMON for w in found):
            return line
    return None


def _strip_contacts(line: str) -> str:
    return _URL.sub(" ", _EMAIL.sub(" ", _LABEL.sub("", line)))


def _handles(texts: Iterable[str]) -> set[str]:
    """Email local parts and profile handles, whole and by their letter runs."""
    found: set[str] = set()
    for text in texts:
        values = [m.group(1) for m in _EMAIL.finditer(text)]
        values += [m.group(1).rstrip(".") for m in _HANDLE.finditer(text)]
        for value in values:
            if fold(value) not in _GENERIC_HANDLE:
                found.add(value)
            found.update(part for part in re.findall(r"[^\W\d_]{3,}", value)
                         if fold(part) not in _GENERIC_HANDLE and fold(part) not in _COMMON)
    return found


def _skill_words(profile: Profile) -> frozenset[str]:
    """The words of the skills this resume lists ("Node.js" -> node, js)."""
    out: set[str] = set()
    for hit in profile.skills:
        for text in (hit.name, hit.id):
            out.update(fold(w) for w in words(text))
    return frozenset(out)


@lru_cache(maxsize=1)
def _STOP_WORDS() -> frozenset[str]:  # noqa: N802
    path = Path(__file__).parent.parent / "_data" / "stop_words_en.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
