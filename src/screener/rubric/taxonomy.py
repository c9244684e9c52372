"""Load and validate the skills taxonomy (skills/taxonomy.yaml).

The taxonomy is data: skill ids, display names, categories, aliases, `implies` links and, for
skills whose names are also ordinary words ("Go", "Excel", "Spring", "Chef"), a small context
rule saying what admits a mention. `screener.parse.skills` turns it into a matcher.

Kept free of spaCy so that `screener taxonomy check` and `list` start fast.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from screener.errors import TaxonomyError
from screener.rubric.yamllines import line_at, load_with_lines

# The ids DESIGN.md promises users (they write them in postings): every bundled taxonomy has them.
CORE_IDS: tuple[str, ...] = (
    "python", "javascript", "typescript", "java", "php", "ruby", "go", "rust", "c", "cpp",
    "csharp", "kotlin", "scala", "swift", "r", "perl", "bash", "sql", "nodejs", "django",
    "flask", "fastapi", "spring", "dotnet", "laravel", "rails", "express", "react", "angular",
    "vue", "postgresql", "mysql", "oracle", "sql-server", "mongodb", "redis", "elasticsearch",
    "cassandra", "sqlite", "aws", "azure", "gcp", "docker", "kubernetes", "terraform", "ansible",
    "jenkins", "git", "linux", "ci-cd", "kafka", "rabbitmq", "rest-api", "graphql",
    "microservices", "hadoop", "spark", "pandas", "machine-learning", "tableau", "excel", "html",
    "css",
)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDERS = ("<version>", "<year>")
TOP_KEYS = frozenset({"version", "skills"})
SKILL_KEYS = frozenset({"id", "name", "category", "aliases", "implies", "explicit_for", "context"})
CONTEXT_KEYS = frozenset(
    {"ambiguous", "case", "reject", "admit", "sections", "near", "near_categories"}
)


@dataclass(frozen=True)
class ContextPattern:
    """ "ms _" / "_ developer": literal lower-case tokens before and after the mention."""

    text: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class ContextRule:
    """What admits an ambiguous form of a skill. See the header of skills/taxonomy.yaml."""

    ambiguous: tuple[str, ...]  # lower-cased forms that need context
    case: tuple[str, ...] = ()  # exact spellings allowed for the ambiguous forms
    reject: tuple[ContextPattern, ...] = ()
    admit: tuple[ContextPattern, ...] = ()
    sections: tuple[str, ...] = ()
    near: int = 0
    near_categories: tuple[str, ...] = ()

    @property
    def needs_admission(self) -> bool:
        """False when only the case gate and vetoes apply (e.g. "SAP" in capitals)."""
        return bool(self.admit or self.sections or self.near)


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    context: ContextRule | None = None
    # A managed service of a platform (EKS, RDS): a mention of it is explicit evidence of these
    # implied skills too (the platform), where `implies` alone adds them as implied.
    explicit_for: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Name and aliases, de-duplicated case-insensitively, in file order."""
        seen: dict[str, str] = {}
        for form in (self.name, *self.aliases):
            seen.setdefault(_norm(form), form)
        return tuple(seen.values())


@dataclass(frozen=True, eq=False)
class Taxonomy:
    skills: dict[str, Skill]
    version: str  # short sha256 of the file's bytes
    path: str
    _closure: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({s.category for s in self.skills.values()}))

    def closest(self, skill_id: str, n: int = 3) -> list[str]:
        """Ids that look like `skill_id`, for "did you mean" messages."""
        key = skill_id.strip().lower()
        by_form = {_norm(f): s.id for s in self.skills.values() for f in s.forms}
        if key in by_form:  # the user wrote a name or alias: "Node.js" -> nodejs
            return [by_form[key]]
        ids = difflib.get_close_matches(key, list(self.skills), n=n, cutoff=0.6)
        if len(ids) < n:
            forms = difflib.get_close_matches(key, list(by_form), n=n, cutoff=0.75)
            ids += [by_form[f] for f in forms if by_form[f] not in ids]
        return ids[:n]

    def implied(self, skill_id: str) -> tuple[str, ...]:
        """Every id `skill_id` implies, directly or through other skills (sorted)."""
        if skill_id not in self._closure:
            seen: set[str] = set()
            stack = list(self.skills[skill_id].implies)
            while stack:
                nxt = stack.pop()
                if nxt not in seen:
                    seen.add(nxt)
                    stack.extend(self.skills[nxt].implies)
            self._closure[skill_id] = tuple(sorted(seen))
        return self._closure[skill_id]

    def resolve(self, text: str) -> str | None:
        """The id whose id, name or alias is `text` (case-insensitive), else None."""
        key = _norm(text)
        if key in self.skills:
            return key
        for skill in self.skills.values():
            if any(_norm(f) == key for f in skill.forms):
                return skill.id
        return None


def _norm(text: str) -> str:
    return " ".join(str(text).lower().split())


# --------------------------------------------------------------------------- locating


def default_path() -> Path:
    """The bundled taxonomy: the wheel's copy if installed, else the repo's skills/ file."""
    packaged = Path(__file__).parent.parent / "_data" / "taxonomy.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "skills" / "taxonomy.yaml"


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy; cached per (path, size, mtime). Raises TaxonomyError."""
    p = Path(path) if path is not None else default_path()
    try:
        st = p.stat()
    except OSError as exc:
        raise TaxonomyError(
            f"{p}: cannot read the taxonomy ({exc.strerror or exc}); "
            "check the path or omit it to use the bundled skills/taxonomy.yaml"
        ) from None
    return _load_cached(str(p), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _load_cached(path: str, size: int, mtime_ns: int) -> Taxonomy:
    data = _read_bytes(path)
    problems, skills = _parse(path, data)
    if problems:
        more = f" (and {len(problems) - 1} more; run `screener taxonomy check {path}`)"
        raise TaxonomyError(problems[0] + (more if len(problems) > 1 else ""))
    version = hashlib.sha256(data).hexdigest()[:12]
    return Taxonomy(skills=skills, version=version, path=path)


def check_taxonomy(path: str | Path | None = None) -> list[str]:
    """Every problem in a taxonomy file, one message each; [] when it is valid."""
    p = str(path) if path is not None else str(default_path())
    try:
        data = _read_bytes(p)
    except TaxonomyError as exc:
        return [str(exc)]
    problems, _ = _parse(p, data)
    return problems


def skill_table(taxonomy: Taxonomy, category: str | None = None) -> list[dict[str, str]]:
    """Rows for `screener taxonomy list`: id, name, category, aliases, implies, ambiguous."""
    rows = []
    for s in sorted(taxonomy.skills.values(), key=lambda s: (s.category, s.id)):
        if category and s.category != category:
            continue
        rows.append(
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "aliases": ", ".join(s.aliases),
                "implies": ", ".join(s.implies),
                "explicit_for": ", ".join(s.explicit_for),
                "ambiguous": ", ".join(s.context.ambiguous) if s.context else "",
            }
        )
    return rows


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise TaxonomyError(
            f"{path}: cannot read the taxonomy ({exc.strerror or exc}); "
            "check the path or omit it to use the bundled skills/taxonomy.yaml"
        ) from None


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class _Problem:
    where: tuple[Any, ...]  # keys and list indexes from the top of the file to the bad value
    text: str
    fix: str


class _Problems(list):
    def add(self, where: tuple[Any, ...], text: str, fix: str) -> None:
        self.append(_Problem(where, text, fix))


def _parse(path: str, data: bytes) -> tuple[list[str], dict[str, Skill]]:
    """(problems, skills). Problems are complete user-facing messages."""
    try:
        doc = yaml.load(data, Loader=_LOADER)  # a safe loader, C-accelerated
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return [
            f"{path}: not valid YAML{where}; fix the syntax (indentation, quotes, brackets)"
        ], {}
    problems = _Problems()
    skills = _skills(doc, problems)
    if not problems:
        return [], skills
    # Reading the lines costs a second, slower load: paid only by a taxonomy with problems.
    lines = load_with_lines(data, fast=True)
    return [f"{path}: {p.text} at line {line_at(lines, p.where)}; {p.fix}"
            for p in problems], skills


def _skills(doc: Any, problems: _Problems) -> dict[str, Skill]:
    if not isinstance(doc, dict) or not isinstance(doc.get("skills"), list) or not doc["skills"]:
        problems.add(("skills",), "expected a mapping with a non-empty 'skills:' list",
                     "see skills/taxonomy.yaml")
        return {}
    for key in sorted(doc, key=str):
        if key not in TOP_KEYS:
            problems.add((key,), f"unknown top-level key '{key}'",
                         f"allowed: {', '.join(sorted(TOP_KEYS))}")
    skills: dict[str, Skill] = {}
    index: dict[str, int] = {}  # id -> its place in the list, to find its lines
    for i, entry in enumerate(doc["skills"]):
        skill = _parse_skill(("skills", i), entry, problems)
        if skill is None:
            continue
        if skill.id in skills:
            problems.add(("skills", i, "id"), f"skill '{skill.id}' is defined twice",
                         "merge the two entries")
            continue
        skills[skill.id], index[skill.id] = skill, i
    _check_aliases(skills, index, problems)
    _check_implies(skills, index, problems)
    _check_contexts(skills, index, problems)
    return skills


def _parse_skill(at: tuple[Any, ...], entry: Any, problems: _Problems) -> Skill | None:
    i = at[-1]
    if not isinstance(entry, dict):
        problems.add(at, f"skills[{i}] is not a mapping",
                     "write it as '- id: ...' with name and category")
        return None
    sid = entry.get("id")
    if not isinstance(sid, str) or not SLUG.match(sid):
        problems.add((*at, "id"), f"skills[{i}]: id {sid!r} is not a lowercase slug",
                     "use lowercase letters, digits and single hyphens, e.g. 'sql-server'")
        return None
    where = f"skill '{sid}'"
    for key in sorted(entry, key=str):
        if key not in SKILL_KEYS:
            problems.add((*at, key), f"{where}: unknown key '{key}'",
                         f"allowed: {', '.join(sorted(SKILL_KEYS))}")
    name, category = entry.get("name"), entry.get("category")
    if not isinstance(name, str) or not name.strip():
        problems.add((*at, "name"), f"{where}: missing 'name'",
                     "add the display name, e.g. name: PostgreSQL")
        name = sid
    if not isinstance(category, str) or not SLUG.match(category):
        problems.add((*at, "category"), f"{where}: 'category' must be a lowercase slug",
                     "write e.g. category: database")
        category = "unknown"
    lists = {key: _str_list(entry.get(key), (*at, key), f"{where}: '{key}'", problems)
             for key in ("aliases", "implies", "explicit_for")}
    context = None
    if entry.get("context") is not None:
        context = _parse_context(where, (*at, "context"), entry["context"], problems)
    return Skill(sid, name.strip(), category, lists["aliases"], lists["implies"], context,
                 lists["explicit_for"])


def _str_list(value: Any, at: tuple[Any, ...], what: str, problems: _Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        problems.add(at, f"{what} must be a list of strings", "write e.g. [Postgres, psql]")
        return ()
    out = tuple(str(v).strip() for v in value)
    if any(not v for v in out):
        problems.add(at, f"{what} contains an empty string", "remove it")
    return tuple(v for v in out if v)


def _parse_context(where: str, at: tuple[Any, ...], raw: Any,
                   problems: _Problems) -> ContextRule | None:
    if not isinstance(raw, dict):
        problems.add(at, f"{where}: 'context' must be a mapping",
                     "write e.g. context: {ambiguous: [go], case: [Go]}")
        return None
    for key in sorted(raw, key=str):
        if key not in CONTEXT_KEYS:
            problems.add((*at, key), f"{where}: unknown context key '{key}'",
                         f"allowed: {', '.join(sorted(CONTEXT_KEYS))}")
    near = raw.get("near", 0)
    if not isinstance(near, int) or isinstance(near, bool) or near < 0:
        problems.add((*at, "near"), f"{where}: context 'near' must be a whole number >= 0",
                     "write e.g. near: 1")
        near = 0
    lists = {
        k: _str_list(raw.get(k), (*at, k), f"{where}: context '{k}'", problems)
        for k in CONTEXT_KEYS - {"near"}
    }
    patterns = {key: tuple(_parse_pattern(where, (*at, key), key, p, problems)
                           for p in lists[key]) for key in ("reject", "admit")}
    return ContextRule(
        ambiguous=tuple(_norm(f) for f in lists["ambiguous"]),
        case=lists["case"],
        reject=patterns["reject"],
        admit=patterns["admit"],
        sections=tuple(s.lower() for s in lists["sections"]),
        near=near,
        near_categories=lists["near_categories"],
    )


def _parse_pattern(where: str, at: tuple[Any, ...], key: str, text: str,
                   problems: _Problems) -> ContextPattern:
    tokens = text.lower().split()
    if tokens.count("_") != 1:
        problems.add(at, f"{where}: context {key} pattern {text!r} must contain exactly one '_' "
                     "standing for the mention", "write e.g. 'ms _' or '_ developer'")
        return ContextPattern(text, (), ())
    for tok in tokens:
        if tok.startswith("<") and tok.endswith(">") and tok not in PLACEHOLDERS:
            problems.add(at, f"{where}: context {key} pattern {text!r} uses unknown {tok}",
                         f"use {' or '.join(PLACEHOLDERS)}")
    at_mention = tokens.index("_")
    return ContextPattern(text, tuple(tokens[:at_mention]), tuple(tokens[at_mention + 1 :]))


def _check_aliases(skills: dict[str, Skill], index: dict[str, int], problems: _Problems) -> None:
    owner: dict[str, str] = {}
    for skill in skills.values():
        seen: set[str] = set()
        for form in (skill.name, *skill.aliases):
            key = _norm(form)
            at = ("skills", index[skill.id], "name" if form is skill.name else "aliases")
            if key in seen:
                if form is not skill.name and _norm(skill.name) != key:
                    problems.add(at, f"skill '{skill.id}': alias '{form}' is listed twice",
                                 "remove one")
                continue
            seen.add(key)
            other = owner.setdefault(key, skill.id)
            if other != skill.id:
                problems.add(at, f"skill '{skill.id}': alias '{key}' is also claimed by "
                             f"'{other}'", "remove it from one of them")


def _check_implies(skills: dict[str, Skill], index: dict[str, int], problems: _Problems) -> None:
    before = len(problems)
    for skill in skills.values():
        at = ("skills", index[skill.id])
        for target in skill.implies:
            if target == skill.id:
                problems.add((*at, "implies"), f"skill '{skill.id}' implies itself",
                             f"remove '{target}' from its implies")
            elif target not in skills:
                hint = difflib.get_close_matches(target, list(skills), n=1)
                fix = f"did you mean '{hint[0]}'?" if hint else "add that skill or remove the link"
                problems.add((*at, "implies"),
                             f"skill '{skill.id}' implies unknown skill '{target}'", fix)
        for target in skill.explicit_for:
            if target not in skill.implies:
                problems.add((*at, "explicit_for"), f"skill '{skill.id}': explicit_for names "
                             f"'{target}', which it does not imply", f"add '{target}' to its "
                             "implies or remove it from explicit_for")
    if len(problems) > before:
        return  # a cycle is looked for among links that all lead somewhere
    cycle = _find_cycle(skills)
    if cycle:
        problems.add(("skills", index[cycle[0]], "implies"),
                     f"skill '{cycle[0]}': implies form a cycle ({' -> '.join(cycle)})",
                     "remove one of those links")


def _find_cycle(skills: dict[str, Skill]) -> list[str]:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(sid: str, trail: list[str]) -> list[str]:
        state[sid] = 1
        for nxt in skills[sid].implies:
            if state.get(nxt) == 1:
                return trail[trail.index(nxt) :] + [sid, nxt] if nxt in trail else [sid, nxt]
            if nxt not in state:
                found = visit(nxt, trail + [sid])
                if found:
                    return found
        state[sid] = 2
        return []

    for sid in sorted(skills):
        if sid not in state:
            found = visit(sid, [])
            if found:
                return found
    return []


def _check_contexts(skills: dict[str, Skill], index: dict[str, int],
                    problems: _Problems) -> None:
    categories = {s.category for s in skills.values()}
    for skill in skills.values():
        rule = skill.context
        if rule is None:
            continue
        where, at = f"skill '{skill.id}'", ("skills", index[skill.id], "context")
        forms = {_norm(f) for f in skill.forms}
        if not rule.ambiguous:
            problems.add(at, f"{where}: context needs 'ambiguous', the forms that need context",
                         "write e.g. ambiguous: [go]")
        for form in rule.ambiguous:
            if form not in forms:
                problems.add((*at, "ambiguous"), f"{where}: ambiguous form '{form}' is not its "
                             "name or an alias", "add it to aliases or fix the spelling")
        for form in rule.case:
            if _norm(form) not in rule.ambiguous:
                problems.add((*at, "case"), f"{where}: case form '{form}' is not one of its "
                             "ambiguous forms", "add it to 'ambiguous' or remove it")
        for cat in rule.near_categories:
            if cat not in categories:
                hint = difflib.get_close_matches(cat, sorted(categories), n=1)
                fix = f"did you mean '{hint[0]}'?" if hint else "use a category some skill has"
                problems.add((*at, "near_categories"),
                             f"{where}: near_categories names unknown category '{cat}'", fix)
        if rule.near_categories and not rule.near:
            problems.add((*at, "near_categories"), f"{where}: near_categories without 'near'",
                         "add near: 1 or remove near_categories")
