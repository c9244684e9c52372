"""Where a job ad's job is and who may work it: the `location` and `work_authorisation`
requirements of a draft (see screener.draft.posting).

Ads state these anywhere (a "Location:" line in the header, the intro, a note after the
benefits), so every line is read, the title included, but only where the words say so:

- location: the places after "Location:", "based / located in", "available in", "local to",
  "in our <place> office", "in (downtown) <place>", "in the <place> area", "onsite / hybrid
  in", "Remote (<place>)", "remote within <place>"; when none, a "City, ST" outside the duties
  and boilerplate ("Software Engineer: Watertown, MA."). A place is one the data file knows
  ("Boston", "MA", "Germany") or a city before a known region ("Glendale, CO"). Candidates
  willing to relocate meet it (`relocation: true`) unless the ad wants local candidates
  ("local to", "locals only"); those who work remotely meet it too when the ad says remote
  work is possible ("or remote", "remote-first"), not when the remote job is bound to the place
  ("Remote (US)").
- work authorisation: "authorized / eligible to work in <country>", "have the right to work",
  and refusals of sponsorship ("no visa sponsorship", "unable to sponsor", "without
  sponsorship"), never the hiring formalities every ad repeats ("will be required to verify
  ... eligibility"). The area is the one named, else the one the job's place lies in; with
  neither, the draft says what to add instead of guessing.

Importance as for skills: "preferred", "ideally" make it preferred. A knock-out where the ad
says it is a must: "must be", "no sponsorship", "unable to sponsor", "only".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from screener.draft.asked import MUST
from screener.draft.render import Asked
from screener.draft.rules import PREFERRED_CUE, Line, split_clauses
from screener.rubric.qualifications import QualificationData, norm

_WORD = r"[A-Z][\w.'-]*"
_CITY_REGION = re.compile(
    rf"(?P<city>{_WORD}(?:\s{_WORD}){{0,3}})\s*,\s*(?P<region>[A-Z]{{2}}(?![\w.])|{_WORD}"
    rf"(?:\s{_WORD})?)(?:\s+\d{{5}}(?:-\d{{4}})?)?"
)
# A city and its state code standing alone ("... Engineer: Watertown, MA."): a city's words have
# no inner capitals ("JavaScript, MS-SQL" is no place).
_CITY_CODE = re.compile(
    r"(?<![\w.])([A-Z][a-z.'-]+(?:\s[A-Z][a-z.'-]+){0,2}),\s*([A-Z]{2})(?![\w/-])(?!\.\w)"
)
_LOCATION_CUE = re.compile(
    r"\b(?:(?:job\s+)?location\s*:|(?:based|located|situated)\s+(?:in|at|out\s+of)|"
    r"available\s+in|local\s+to|(?:on-?site|hybrid|in[- ]office)\s+(?:in|at)|"
    r"relocate\s+to|in\s+our\s+(?=(?:\S+\s+){1,3}(?:office|headquarters|hq)\b)|"
    r"in\s+(?:the\s+)?(?:downtown|greater|metro)\s+|"
    r"in\s+the\s+(?=(?:\S+\s+){1,3}area\b))\s*",
    re.IGNORECASE,
)
_REMOTE_PLACE = re.compile(
    r"\bremote\s*(?:\(\s*|[-\u2013\u2014:]\s*(?=[A-Z])|\s+(?:within|in|from)\s+(?:the\s+)?)",
    re.IGNORECASE,
)
_REMOTE_OK = re.compile(
    r"\b(?:fully\s+remote|100%\s+remote|remote[- ](?:first|friendly|possible|option|eligible)|"
    r"or\s+remote(?:ly)?|remote\s+or\b|work(?:ing)?\s+remotely|hybrid\s*/\s*remote|"
    r"remote\s*/\s*hybrid|remote\s+(?:work\s+)?(?:is\s+)?possible)\b",
    re.IGNORECASE,
)
_NOT_REMOTE = re.compile(r"\b(?:no|not|non)[- ](?:\w+\s+)?remote\b", re.IGNORECASE)
_LOCAL = re.compile(
    r"\blocal\s+(?:to|candidates?|applicants?|only)\b|\blocals\s+only\b|\bmust\s+be\s+local\b|"
    r"\bno\s+relocation\b|\brelocation\s+(?:is\s+)?not\s+(?:offered|available|provided)",
    re.IGNORECASE,
)
# What ends the places after a cue: a sentence, a bracket, a clause of other words.
_PLACES_END = re.compile(
    r"[;()*]|\.(?:\s|$)|\s(?:for|on|with|to|who|where|is|are|office|headquarters|hq|area)\b|"
    r"\s*\b[A-Z][a-z]+\s*:"
)
_LABEL = re.compile(r"(?:job\s+)?location\s*:", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"[A-Z][a-z.'-]+(?:\s[A-Z][a-z.'-]+){0,2}(?:,\s*[A-Z]{2})?")
_NOT_A_PLACE = re.compile(
    r"\b(?:remote|hybrid|flexible|anywhere|various|multiple|tbd|negotiable|on-?site|office|"
    r"nationwide|worldwide|global)\b",
    re.IGNORECASE,
)
_PLACE_SPLIT = re.compile(r"\s*(?:/|\bor\b|\band\b|\||\s-\s)\s*", re.IGNORECASE)
_PLACE_NOISE = re.compile(
    r"^(?:the|anywhere|elsewhere|downtown|greater|metro|area|in|within|of|city\s+of)\s+|"
    r"\s+(?:area|metro(?:\s+area)?|region)$",
    re.IGNORECASE,
)

_AUTHORISED = re.compile(
    r"\b(?:authori[sz]ed|eligible|legally\s+(?:able|permitted)|entitled|permitted|right|"
    r"permission|authori[sz]ation)\s+to\s+(?:live\s+and\s+)?work\b",
    re.IGNORECASE,
)
_NO_SPONSOR = re.compile(
    r"\b(?:no|not|unable\s+to|cannot|can\s*not|will\s+not|won't|do\s+not|does\s+not|don't|"
    r"doesn't|not\s+able\s+to)\s+(?:\w+\s+){0,3}?(?:visa\s+|h-?1-?b\s+|work\s+)?"
    r"sponsor(?:ship|s|ing)?\b|\bwithout\s+(?:\S+\s+){0,4}?sponsorship\b|"
    r"\bsponsorship\s+(?:is\s+)?(?:not\s+(?:available|offered|provided|possible)|unavailable)",
    re.IGNORECASE,
)
_CITIZENS_ONLY = re.compile(
    r"\b(?:citizens?|green\s+card\s+holders?|permanent\s+residents?)\s+only\b", re.IGNORECASE
)
_FORMALITY = re.compile(
    r"\bverif\w*|\bwithout\s+regard\b|\bregardless\b|\bdiscriminat\w*|\bE-Verify\b|\bI-9\b",
    re.IGNORECASE,
)
_ONLY_IF = re.compile(r"\bonly\s+(?:apply|candidates|applicants)\b|\bonly\b.*\bif\b", re.I)


def whereabouts(lines: Sequence[Line], data: QualificationData) -> list[Asked]:
    """The ad's location and work-authorisation requirements (each at most once)."""
    clauses = [(ln, c) for ln in lines if ln.text for c in split_clauses(ln.text)]
    location = _location(clauses, data)
    out = [location] if location else []
    authorisation = _authorisation(clauses, data, location)
    return out + ([authorisation] if authorisation else [])


# --------------------------------------------------------------------------- location


def _location(clauses: list[tuple[Line, str]], data: QualificationData) -> Asked | None:
    places: dict[str, bool] = {}  # place -> named by a remote cue ("Remote (US)")
    first: tuple[Line, str] | None = None
    for ln, clause in clauses:
        for cue, remote in ((_LOCATION_CUE, False), (_REMOTE_PLACE, True)):
            for m in cue.finditer(clause):
                labelled = bool(_LABEL.match(m.group()))
                named = _places_after(clause[m.end() :], data, labelled)
                for place in named:
                    places.setdefault(place, remote)
                first = first or ((ln, clause) if named else None)
    if not places:
        for ln, clause in clauses:
            if ln.section in ("duties", "boilerplate") and not ln.heading:
                continue
            for m in _CITY_CODE.finditer(clause):
                place = _place(m.group(), data)
                if place:
                    places.setdefault(place, False)
                    first = first or (ln, clause)
    if not places or first is None:
        return None
    text = " ".join(c for _, c in clauses)
    ln, clause = first
    remote = bool(_REMOTE_OK.search(text)) and not _NOT_REMOTE.search(text)
    return Asked(
        "location", tuple(places), "preferred" if PREFERRED_CUE.search(clause) else "required",
        clause, ln.ad_line, ln.number, knockout=bool(MUST.search(clause)),
        remote=remote and not all(places.values()), relocation=not _LOCAL.search(text),
    )  # fmt: skip


def _places_after(text: str, data: QualificationData, labelled: bool = False) -> list[str]:
    """The places named at the start of `text`: "Boston / Cambridge, MA area (Charlestown ...",
    "Glendale, CO for a ...", "Berlin or anywhere in Germany". After a "Location:" label a
    place the data file does not know counts too ("Location: Springfield (hybrid)")."""
    end = _PLACES_END.search(text)
    head = text[: end.start()] if end else text[:80]
    out = []
    for part in _PLACE_SPLIT.split(head):
        place = _place(part, data)
        if place is None and labelled:
            place = _written_place(part)
        if place and place not in out:
            out.append(place)
    return out


def _place(part: str, data: QualificationData) -> str | None:
    """A place as a posting names it: the data file's name for a place it knows ("MA" ->
    Massachusetts, "Boston, MA" -> Boston), else "City, ST" as written when the region is
    known; None for anything else."""
    text = part.strip(" ,.:-")
    while (cleaned := _PLACE_NOISE.sub("", text)) != text:
        text = cleaned
    text = re.sub(r"\s+\d{5}(?:-\d{4})?$", "", text)
    if not text or not text[0].isupper():
        return None
    known = _known(text, data)
    if known:
        return known
    m = _CITY_REGION.fullmatch(text)
    if m is None:
        return None
    city = _known(m.group("city"), data)
    region = _known(m.group("region"), data)
    if region is None:
        return None
    return city or f"{m.group('city')}, {m.group('region')}"


def _written_place(part: str) -> str | None:
    """A place as written after "Location:": up to three capitalised words, not a way of
    working ("Remote", "Hybrid", "Flexible")."""
    text = " ".join(part.strip(" ,.:-").split())
    if not _TITLE_WORDS.fullmatch(text) or _NOT_A_PLACE.search(text):
        return None
    return text


def _known(text: str, data: QualificationData) -> str | None:
    """The data file's name of a place written as its name, alias or region code."""
    found = _codes(data).get(text) or data.resolve_place(text)
    return data.places[found].name if found else None


@lru_cache(maxsize=4)
def _codes(data: QualificationData) -> dict[str, str]:
    return {code: p.id for p in data.places.values() for code in p.codes if len(code) == 2}


# --------------------------------------------------------------------------- work authorisation


def _authorisation(
    clauses: list[tuple[Line, str]], data: QualificationData, location: Asked | None
) -> Asked | None:
    for ln, clause in clauses:
        refused = _NO_SPONSOR.search(clause)
        if _FORMALITY.search(clause) or not (
            refused or _AUTHORISED.search(clause) or _CITIZENS_ONLY.search(clause)
        ):
            continue
        area = _area_named(clause, data) or _area_of_location(location, data)
        must = bool(MUST.search(clause) or refused or _ONLY_IF.search(clause))
        importance = "preferred" if PREFERRED_CUE.search(clause) else "required"
        asked = Asked("work_authorisation", (area,) if area else (), importance, clause,
                      ln.ad_line, ln.number, knockout=must)  # fmt: skip
        if not area:
            asked.notes.append(
                "the ad names no country: add `- work_authorisation: AREA` (us, uk, eu, ...)"
                + (" with `knockout: true`" if must else "")
            )
        return asked
    return None


def _area_named(clause: str, data: QualificationData) -> str:
    forms = _country_forms(data)
    for m in _country_pattern(data).finditer(clause):
        key = norm(m.group()).rstrip(".")
        if key in ("eu", "eea", "european union"):
            return "eu"
        area = data.area_of(forms[key]) if key in forms else ""
        if area:
            return area
    return ""


def _area_of_location(location: Asked | None, data: QualificationData) -> str:
    for place in location.accepted if location else ():
        last = place.rsplit(", ", 1)[-1]  # "Glendale, CO", "Leeds, UK"
        found = data.resolve_place(place) or _codes(data).get(last) or data.resolve_place(last)
        area = data.area_of(found) if found else ""
        if area:
            return area
    return ""


@lru_cache(maxsize=4)
def _country_forms(data: QualificationData) -> dict[str, str]:
    """Each country's name and aliases, lower case without a final dot ("u.s") -> its id."""
    return {
        norm(form).rstrip("."): p.id
        for p in data.places.values()
        if p.kind == "country"
        for form in (p.name, *p.aliases)
    }


@lru_cache(maxsize=4)
def _country_pattern(data: QualificationData) -> re.Pattern[str]:
    """Country names and aliases; short ones ("US", "UK", "U.S.") only in capitals, their final
    dot optional ("in the U.S.Please apply": a board glued the next sentence to it)."""
    forms = {f for p in data.places.values() if p.kind == "country" for f in (p.name, *p.aliases)}
    forms |= {"EU", "EEA", "European Union"}
    parts = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        body = re.escape(form.rstrip(".")) + (r"\.?" if form.endswith(".") else "")
        short = len(form.replace(".", "")) <= 3
        parts.append(body if short else f"(?i:{body})")
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?!\w)")
