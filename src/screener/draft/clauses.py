"""One clause of a job ad -> the requirements it states (see screener.draft.posting).

A clause is a sentence or a list item. Its skills are read in order and cut into units:

- a list led by "such as", "e.g.", "including", "one or more of (the following)" is
  one group ("one of"), up to the clause end, the closing bracket, or the next item opener
  ("... and experience with"); "two or more" / "multiple" before it set the group's `min`;
- skills listed in brackets ("Scripting (Bash, Perl, etc.)") are one group, except after
  "i.e." (that names them all);
- skills joined by "or", "and/or", or a slash form a group, and so does a list that ends in
  "or similar" / "or other ..."; a slash between a framework and its language ("Java/Spring")
  is a stack, each skill its own item;
- any other skill is its own item.

Importance is read where the words stand: a cue ("preferably", "ideally", "a plus",
"preferred") governs the skills after it in the clause ("C++, ideally for embedded Linux"), or,
when none follow, the skills before it ("Hadoop a plus"). Without a cue, the section decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from screener.draft.rules import PREFERRED, PREFERRED_CUE, REQUIRED, group_min

_LIST_CUE = re.compile(
    r"\b(?:such as|e\.\s?g\.?|eg\.|for example|for instance|"
    r"including(?: but not limited to)?|one or more (?:of|from)|one of|any of|either|"
    r"(?:two|three|2|3) or more (?:of|from)|at least (?:one|two|three|\d) of)\b"
    r"(?:\s+(?:the\s+)?following(?:\s+\w+)?)?\s*:?",
    re.IGNORECASE,
)
# Words that open a new requirement inside a list's tail ("..., and experience with Kafka").
_OPENER = re.compile(
    r"\b(?:experience|knowledge|familiarity|ability|understanding|expertise|proficiency|"
    r"background)\b|[;:]",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"^[\s,;/&()]*(?:(?:and/or|and|or|as well as|plus)\b[\s,/&()]*)?$", re.IGNORECASE
)
_OR = re.compile(r"\bor\b|/|\band/or\b", re.IGNORECASE)
# An "or" list whose items need not all be skills: "program management, partner development
# and/or channel sales", "Sales, Consulting, Customer Service, Marketing or related fields".
_WORD = (
    r"(?!(?:and/or|and|or|preferably|ideally|especially|including|such|like|e\.g)\b)"
    r"[\w'’+#./-]+"
)
_LAST_OR = re.compile(r",?\s+(?:and/or|or)\s+(?!.*\s(?:and/or|or)\s)", re.IGNORECASE)
_GENERIC = re.compile(r"(?:other|similar|equivalent|comparable|related|any)\b", re.IGNORECASE)
_ELEMENT = rf"{_WORD}(?:\s+{_WORD}){{0,4}}"
_OR_LIST = re.compile(
    rf"{_ELEMENT}(?:\s*,\s*{_ELEMENT})*,?\s+(?:and/or|or)\s+{_ELEMENT}", re.IGNORECASE
)
_THAT_IS = re.compile(r"^\(\s*(?:i\.?e\.?|ie)[\s,:]", re.IGNORECASE)


@dataclass
class Item:
    """One skill mention in a clause, with its place."""

    skill: str
    start: int
    end: int


@dataclass
class Unit:
    """What a clause asks for: one skill, or a group of which `min_count` are wanted."""

    items: list[Item]
    min_count: int = 1
    group: bool = False

    @property
    def skills(self) -> tuple[str, ...]:
        return tuple(i.skill for i in self.items)


def _find_word(clause: str, text: str) -> list[tuple[int, int]]:
    """The spans of `text` as a whole word in the clause, the exact case first ("R", "Go").

    The recogniser's text has spaces between its tokens ("T - SQL" for "T-SQL"): the words
    may stand with or without spaces between them.
    """
    tokens = re.findall(r"\w+|[^\w\s]", text)
    if not tokens:
        return []
    pattern = r"(?<![\w+#])" + r"\s*".join(map(re.escape, tokens)) + r"(?![\w+#])"
    exact = [m.span() for m in re.finditer(pattern, clause)]
    return exact or [m.span() for m in re.finditer(pattern, clause, re.IGNORECASE)]


def locate(clause: str, mentions: Sequence[tuple[str, str]]) -> list[Item]:
    """Where each mentioned skill sits in the clause, in reading order, one item per skill.

    Longer mentions are placed first, each at its first place no other mention holds: in
    "T-SQL and SQL" the second SQL is SQL, the first is part of T-SQL.
    """
    placed: list[Item] = []
    for skill_id, text in sorted(mentions, key=lambda m: -len(m[1])):
        for start, end in _find_word(clause, text):
            if not any(start < i.end and i.start < end for i in placed):
                placed.append(Item(skill_id, start, end))
                break
    placed.sort(key=lambda i: (i.start, -i.end))
    merged: list[Item] = []
    for item in placed:
        if merged and item.skill == merged[-1].skill:
            merged[-1].end = item.end
            continue
        if any(m.skill == item.skill for m in merged):
            continue
        if merged and clause[merged[-1].end : item.start] == ".":
            continue  # one word read as two ("Node.JS" as Node and JS)
        merged.append(item)
    return merged


def _bracket_end(clause: str, start: int) -> int | None:
    """Where the bracket open at `start` closes, when `start` is inside one."""
    opened = clause.rfind("(", 0, start)
    if opened < 0 or clause.rfind(")", opened, start) >= 0:
        return None
    closed = clause.find(")", start)
    return closed if closed >= 0 else len(clause)


def _cue_lists(clause: str, items: list[Item]) -> list[Unit]:
    """Lists led by "such as" / "one or more of the following" / ..., up to where they end."""
    units: list[Unit] = []
    taken: set[int] = set()
    for cue in _LIST_CUE.finditer(clause):
        end = _bracket_end(clause, cue.start()) or len(clause)
        members: list[Item] = []
        for item in items:
            if item.start < cue.end() or item.start >= end or id(item) in taken:
                continue
            gap = clause[members[-1].end if members else cue.end() : item.start]
            if members and _OPENER.search(gap):
                break
            members.append(item)
        if len(members) > 1:
            taken.update(id(m) for m in members)
            units.append(Unit(members, group_min(clause[: cue.end()], len(members)), True))
    return units


def _bracket_lists(clause: str, items: list[Item], taken: set[int]) -> list[Unit]:
    """Skills given as examples in brackets: "(Bash, Perl, etc.)", "(SCRUM or Kanban)"."""
    units = []
    for match in re.finditer(r"\([^()]*\)", clause):
        if _THAT_IS.match(match.group()):
            continue
        inside = [
            i
            for i in items
            if match.start() < i.start and i.end < match.end() and id(i) not in taken
        ]
        if len(inside) > 1:
            taken.update(id(i) for i in inside)
            units.append(Unit(inside, 1, True))
    return units


def _runs(clause: str, items: list[Item]) -> list[list[Item]]:
    """Items joined only by commas, 'and', 'or', '/'."""
    runs: list[list[Item]] = []
    for item in items:
        if runs and _CONNECTOR.match(clause[runs[-1][-1].end : item.start]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _or_lists(clause: str, items: list[Item], taken: set[int]) -> list[Unit]:
    """The skills of each "a, b, c or d" list (or "a, b, or similar"), when it has two or more."""
    units = []
    for match in _OR_LIST.finditer(clause):
        inside = [
            i
            for i in items
            if match.start() <= i.start and i.end <= match.end() and id(i) not in taken
        ]
        last_or = _LAST_OR.search(match.group())
        if len(inside) < 2 or last_or is None:
            continue
        after = match.start() + last_or.end()
        if inside[-1].start >= after or _GENERIC.match(clause, after):
            taken.update(id(i) for i in inside)
            units.append(Unit(inside, 1, True))
    return units


def _run_units(clause: str, run: list[Item], stack: Callable[[str, str], bool]) -> list[Unit]:
    """A run as one group (alternatives), or as its items with each slash pair a group:
    "Oracle, SQL / PL-SQL" asks for Oracle and one of SQL and PL/SQL. A slash between a
    framework and its language ("Java/Spring") joins a stack, not alternatives."""
    joins = [clause[a.end : b.start] for a, b in zip(run, run[1:])]
    if len(run) > 1 and any(re.search(r"\bor\b", j, re.IGNORECASE) for j in joins):
        return [Unit(run, 1, True)]
    clusters = [[run[0]]]
    for join, (a, b) in zip(joins, zip(run, run[1:])):
        if join.strip() == "/" and not stack(a.skill, b.skill):
            clusters[-1].append(b)
        else:
            clusters.append([b])
    return [Unit(c, 1, len(c) > 1) for c in clusters]


def units_of(clause: str, items: list[Item], stack: Callable[[str, str], bool]) -> list[Unit]:
    """The clause's skills cut into units (groups and single items), in reading order."""
    units = _cue_lists(clause, items)
    taken = {id(i) for u in units for i in u.items}
    units += _bracket_lists(clause, items, taken)
    taken = {id(i) for u in units for i in u.items}
    units += _or_lists(clause, items, taken)
    rest = [i for i in items if id(i) not in taken]
    for run in _runs(clause, rest):
        units += _run_units(clause, run, stack)
    return sorted(units, key=lambda u: u.items[0].start)


def preferred_spans(clause: str, items: Sequence[Item]) -> list[tuple[int, int]]:
    """The parts of the clause a preference cue governs: after it, or before it when no skill
    follows it."""
    spans = []
    for cue in PREFERRED_CUE.finditer(clause):
        if any(i.start >= cue.end() for i in items):
            spans.append((cue.end(), len(clause)))
        else:
            spans.append((0, cue.start()))
    return spans


def unit_importance(unit: Unit, spans: Sequence[tuple[int, int]], base: str) -> str:
    """preferred when a cue governs the unit's first skill, else `base`."""
    start = unit.items[0].start
    if any(a <= start < b for a, b in spans):
        return PREFERRED
    return base if base in (REQUIRED, PREFERRED) else REQUIRED
