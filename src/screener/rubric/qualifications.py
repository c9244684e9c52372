"""Load and validate skills/qualifications.yaml: degree levels, certifications, spoken languages
and their levels, places, and the areas a candidate may be authorised to work in.

The sibling of taxonomy.py for what postings ask beside skills (`degree:`, `certification:`,
`language:`, `location:`, `work_authorisation:`). Every problem names the file, the line and
the fix; the loaded data is cached per (path, size, mtime). Only PyYAML is imported here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from screener.errors import TaxonomyError
from screener.rubric.taxonomy import default_path as taxonomy_path
from screener.rubric.yamllines import LineMap, LineSeq, load_with_lines

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TERM_KEYS = ("id", "name", "aliases", "short", "fields")
_LISTS = ("degrees", "certifications", "languages", "levels")
_PLACE_KEYS = {
    "countries": ("id", "name", "aliases", "demonyms"),
    "regions": ("id", "name", "aliases", "codes", "country"),
    "cities": ("id", "name", "aliases", "region", "country"),
}
_AREA_KEYS = ("id", "name", "countries", "permits")
TOP_KEYS = ("version", *_LISTS, "areas", "sponsorship", *_PLACE_KEYS)


def norm(text: str) -> str:
    """How forms are compared: lower case, single spaces."""
    return " ".join(str(text).lower().split())


@dataclass(frozen=True)
class Term:
    """A degree level, certification, spoken language or language level, with its forms."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # forms that need context (see the data file's header)
    fields: dict[str, str] = field(default_factory=dict)  # form -> the subject it names

    @property
    def forms(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for form in (self.name, *self.aliases):
            seen.setdefault(norm(form), form)
        return tuple(seen.values())


@dataclass(frozen=True)
class Place:
    """A country, a region (state, province) or a city; `parent` is the next place up."""

    id: str
    name: str
    kind: str  # country | region | city
    aliases: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # regions: "TX", written after a city
    parent: str = ""
    demonyms: tuple[str, ...] = ()  # countries: "German" (citizen)


@dataclass(frozen=True)
class Area:
    """Where a candidate may be authorised to work: a country or a union of them."""

    id: str
    name: str
    countries: tuple[str, ...]
    permits: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class QualificationData:
    degrees: tuple[Term, ...]  # lowest level first
    certifications: dict[str, Term]
    languages: dict[str, Term]
    levels: tuple[Term, ...]  # lowest first
    areas: dict[str, Area]
    sponsorship: tuple[str, ...]
    places: dict[str, Place]
    version: str
    path: str

    def degree_rank(self, level: str) -> int:
        return next((i for i, t in enumerate(self.degrees) if t.id == level), -1)

    def level_rank(self, level: str) -> int:
        return next((i for i, t in enumerate(self.levels) if t.id == level), -1)

    def chain(self, place_id: str) -> tuple[str, ...]:
        """The place and every place it lies in: (portland, oregon, united-states)."""
        out: list[str] = []
        while place_id and place_id in self.places and place_id not in out:
            out.append(place_id)
            place_id = self.places[place_id].parent
        return tuple(out)

    def area_of(self, place_id: str) -> str:
        """The work-authorisation area a place lies in ("" when none is listed)."""
        chain = self.chain(place_id)
        for area in self.areas.values():
            if any(p in area.countries for p in chain):
                return area.id
        return ""

    @property
    def place_forms(self) -> dict[str, str]:
        """Every name and alias of a place (lower case) -> its id; codes excluded."""
        return _place_forms(self)

    def resolve_place(self, text: str) -> str | None:
        """The place a posting or resume names ("Deutschland" -> germany), else None."""
        written = norm(text).strip(" ,")
        for key in (written, written.strip(".")):  # "U.S." is a form with its dots
            if key in self.places:
                return key
            if key in self.place_forms:
                return self.place_forms[key]
        return None


@lru_cache(maxsize=8)
def _place_forms(data: QualificationData) -> dict[str, str]:
    return {norm(f): p.id for p in data.places.values() for f in (p.name, *p.aliases)}


# --------------------------------------------------------------------------- locating


def default_path() -> Path:
    """The bundled data, beside the bundled taxonomy (the wheel's _data/ or the repo's skills/)."""
    return taxonomy_path().with_name("qualifications.yaml")


def load_qualifications(path: str | Path | None = None) -> QualificationData:
    """Load and validate the qualifications data; raises TaxonomyError naming the line."""
    p = Path(path) if path is not None else default_path()
    try:
        st = p.stat()
    except OSError as exc:
        raise TaxonomyError(
            f"{p}: cannot read the qualifications data ({exc.strerror or exc}); "
            "check the path or reinstall screener"
        ) from None
    return _load_cached(str(p), st.st_size, st.st_mtime_ns)


def check_qualifications(path: str | Path | None = None) -> list[str]:
    """Every problem in a qualifications file, one message each; [] when it is valid."""
    p = str(path) if path is not None else str(default_path())
    try:
        data = Path(p).read_bytes()
    except OSError as exc:
        return [f"{p}: cannot read the qualifications data ({exc.strerror or exc}); check the path"]
    return _parse(p, data)[0]


@lru_cache(maxsize=4)
def _load_cached(path: str, size: int, mtime_ns: int) -> QualificationData:
    data = Path(path).read_bytes()
    problems, parsed = _parse(path, data)
    if problems or parsed is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise TaxonomyError(problems[0] + more)
    return parsed


# --------------------------------------------------------------------------- validation


class _Problems(list):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def add(self, problem: str, line: int, fix: str) -> None:
        self.append(f"{self.path}: {problem} at line {line}; {fix}")


def _parse(path: str, data: bytes) -> tuple[list[str], QualificationData | None]:
    problems = _Problems(path)
    try:
        doc = load_with_lines(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.add("not valid YAML", mark.line + 1 if mark else 1, "fix the syntax")
        return problems, None
    if not isinstance(doc, LineMap):
        problems.add("expected a mapping of lists", 1, "see the bundled skills/qualifications.yaml")
        return problems, None
    for key in doc:
        if key not in TOP_KEYS:
            problems.add(f"unknown key '{key}'", doc.line_of(key),
                         f"allowed: {', '.join(TOP_KEYS)}")
    lists = {key: _terms(problems, doc, key) for key in _LISTS}
    places = _places(problems, doc)
    areas = _areas(problems, doc, places)
    sponsorship = _texts(problems, doc, "sponsorship", doc.line_of("sponsorship"))
    for key in _LISTS:
        _check_forms(problems, lists[key], key)
    if problems:
        return problems, None
    terms = {key: [term for term, _ in lists[key]] for key in _LISTS}
    return problems, QualificationData(
        degrees=tuple(terms["degrees"]),
        certifications={t.id: t for t in terms["certifications"]},
        languages={t.id: t for t in terms["languages"]},
        levels=tuple(terms["levels"]),
        areas=areas,
        sponsorship=sponsorship,
        places=places,
        version=hashlib.sha256(data).hexdigest()[:12],
        path=path,
    )


def _entries(problems: _Problems, doc: LineMap, key: str, allowed: tuple[str, ...]):
    """(entry, line) for each well-formed entry of the list `key`, with its keys checked."""
    items = doc.get(key)
    if not isinstance(items, LineSeq) or not items:
        problems.add(f"'{key}' must be a non-empty list", doc.line_of(key), f"add '{key}:' items")
        return
    seen: dict[str, int] = {}
    for i, entry in enumerate(items):
        line = items.line_of(i)
        if not isinstance(entry, LineMap):
            problems.add(f"item {i + 1} of '{key}' is not a mapping", line, "write '- {id: ...}'")
            continue
        for k in entry:
            if k not in allowed:
                problems.add(f"unknown key '{k}' in '{key}'", line,
                             f"allowed: {', '.join(allowed)}")
        ident = entry.get("id")
        if not isinstance(ident, str) or not SLUG.match(ident):
            problems.add(f"id {ident!r} in '{key}' is not a lowercase slug", line,
                         "use lowercase letters, digits and single hyphens")
            continue
        if ident in seen:
            problems.add(f"id '{ident}' in '{key}' is defined twice (also line {seen[ident]})",
                         line, "merge the two entries")
            continue
        seen[ident] = line
        yield entry, line


def _texts(problems: _Problems, entry: LineMap, key: str, line: int) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(f"'{key}' must be a list of text", line, f"write e.g. {key}: [a, b]")
        return ()
    return tuple(v.strip() for v in value)


def _name(problems: _Problems, entry: LineMap, line: int) -> str:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.add(f"'{entry['id']}' has no name", line, "add name: ...")
        return str(entry["id"])
    return name.strip()


def _terms(problems: _Problems, doc: LineMap, key: str) -> list[tuple[Term, int]]:
    terms = []
    for entry, line in _entries(problems, doc, key, _TERM_KEYS):
        fields = entry.get("fields") or {}
        if not isinstance(fields, dict):
            problems.add(f"'fields' of '{entry['id']}' must be a mapping", line,
                         "write fields: {MBA: Business Administration}")
            fields = {}
        term = Term(entry["id"], _name(problems, entry, line),
                    _texts(problems, entry, "aliases", line),
                    _texts(problems, entry, "short", line),
                    {str(k): str(v) for k, v in fields.items()})
        known = {norm(f) for f in (*term.forms, *term.short)}
        for form in term.fields:
            if norm(form) not in known:
                problems.add(f"'fields' of '{term.id}' names '{form}', not one of its forms",
                             line, "add it to aliases or short, or fix the spelling")
        terms.append((term, line))
    return terms


def _check_forms(problems: _Problems, terms: list[tuple[Term, int]], key: str) -> None:
    """No form (name, alias or short form) may belong to two ids of one list."""
    owner: dict[str, str] = {}
    for term, line in terms:
        for form in sorted({norm(f) for f in (*term.forms, *term.short)}):
            other = owner.setdefault(form, term.id)
            if other != term.id:
                problems.add(f"'{form}' in '{key}' belongs to both '{other}' and '{term.id}'",
                             line, "remove it from one of them")


def _places(problems: _Problems, doc: LineMap) -> dict[str, Place]:
    places: dict[str, Place] = {}
    lines: dict[str, int] = {}
    for key, kind in (("countries", "country"), ("regions", "region"), ("cities", "city")):
        for entry, line in _entries(problems, doc, key, _PLACE_KEYS[key]):
            if entry["id"] in places:
                problems.add(f"place '{entry['id']}' is defined twice", line, "rename one")
                continue
            parent = entry.get("region") or entry.get("country") or ""
            places[entry["id"]] = Place(
                entry["id"], _name(problems, entry, line), kind,
                _texts(problems, entry, "aliases", line), _texts(problems, entry, "codes", line),
                str(parent), _texts(problems, entry, "demonyms", line))
            lines[entry["id"]] = line
    owner: dict[str, str] = {}
    for place in places.values():
        if place.kind != "country" and place.parent not in places:
            problems.add(f"'{place.id}' lies in unknown place '{place.parent}'", lines[place.id],
                         "name a country or region id of this file")
        for form in {norm(f) for f in (place.name, *place.aliases)}:
            other = owner.setdefault(form, place.id)
            if other != place.id:
                problems.add(f"place name '{form}' belongs to both '{other}' and '{place.id}'",
                             lines[place.id], "remove it from one of them")
    return places


def _areas(problems: _Problems, doc: LineMap, places: dict[str, Place]) -> dict[str, Area]:
    areas: dict[str, Area] = {}
    for entry, line in _entries(problems, doc, "areas", _AREA_KEYS):
        countries = _texts(problems, entry, "countries", line)
        for country in countries:
            if places.get(country, Place("", "", "")).kind != "country":
                problems.add(f"area '{entry['id']}' names unknown country '{country}'", line,
                             "use an id of 'countries'")
        areas[entry["id"]] = Area(entry["id"], _name(problems, entry, line), countries,
                                  _texts(problems, entry, "permits", line))
    return areas
