"""What a role is (from its title's head noun) and whether a duty line is the person's own use.

A title's head noun is its last role noun before any qualifier ("Director of Engineering" ->
director, "IT Support Specialist" -> support, "Manager, Software Development" -> manager).
`ROLE_KINDS` maps role nouns to a small set of kinds; every kind but `BUILD` is a role of
another kind than hands-on development, whatever the words around it ("Software Engineering
Manager" manages). A title with no known role noun has no kind: its duties decide.

A duty uses a skill as the person's own work unless the clause holding the mention is led by a
verb of teaching, managing or hiring ("Taught Python to 200 students", "Oversaw the AWS
migration"): those name the skill as someone else's work.
"""

from __future__ import annotations

import re

from screener.parse.words import alternation, pairs, words

BUILD = "build"
# Role nouns by kind (`_data/experience/role_nouns.txt`). Add a noun to the kind it names,
# never a whole title.
ROLE_KINDS: dict[str, str] = pairs("role_nouns")
# Where a title's head part ends: "VP of IT", "Manager, Software", "Developer (contract)".
_QUALIFIER_RE = re.compile(r"\s+(?:of|for|at|in)\s+|[,(|/]|\s[-\u2013\u2014]\s", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z][a-z-]*")


def role_kinds(title: str) -> tuple[str | None, frozenset[str]]:
    """(kind of the title's head noun, kinds of all role nouns in its head part)."""
    head_part = _QUALIFIER_RE.split(title.lower(), maxsplit=1)[0]
    kinds = [ROLE_KINDS[w] for w in _WORD_RE.findall(head_part) if w in ROLE_KINDS]
    return (kinds[-1] if kinds else None), frozenset(kinds)


def other_kind(title: str) -> bool:
    """Whether the title names a role of another kind than development (head noun decides)."""
    head, _ = role_kinds(title)
    return head is not None and head != BUILD


# Verbs that make a clause about others' work: teaching, training, managing, hiring.
_NOT_OWN_RE = re.compile(rf"^(?:{alternation('others_work_verbs')})$", re.IGNORECASE)
# Words before a clause's verb that do not change who did the work.
_LEAD_FILLER = words("lead_fillers")
_CLAUSE_END_RE = re.compile(r"[.;!?](?:\s|$)")
_LEAD_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


def own_use(line: str, text: str, previous: str = "") -> bool:
    """Whether the mention `text` on `line` is the person's own use of the skill.

    `previous`: the line before, read when this one continues its sentence (starts lower-case).
    """
    at = line.lower().find(text.lower()) if text else -1
    before = line[:at] if at >= 0 else line
    clause = _CLAUSE_END_RE.split(before)[-1]
    if len(_CLAUSE_END_RE.split(before)) == 1 and previous and _continues(line):
        clause = _CLAUSE_END_RE.split(previous)[-1] + " " + clause
    for word in _LEAD_WORD_RE.findall(clause):
        if word.lower() in _LEAD_FILLER:
            continue
        return not _NOT_OWN_RE.match(word)
    return True


def _continues(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()
