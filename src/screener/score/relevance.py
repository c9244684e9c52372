"""Relevant years: the union of the positions that are roles of the posting's field.

A position is relevant by what the role is (`relevant_role`), not by any mention: by its title
(one of the posting's `relevant_titles`, its head noun no role of another kind, see
`screener.parse.roles`), or by its duties (a role of no other kind whose duties use one of the
posting's `relevant_skills` as the person's own work, `Position.skills`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from screener.parse.dates import months_to_years, union_months
from screener.parse.experience.years import counted_interval
from screener.parse.roles import BUILD, role_kinds
from screener.records import Experience, Position

_SEPARATORS = re.compile(r"[\s_-]+")


def relevant_years(
    experience: Experience, titles: Sequence[str], skill_ids: Sequence[str]
) -> tuple[float | None, tuple[int, ...]]:
    """Union of the positions that are roles of the posting's field (see `relevant_role`).

    Returns (years, indexes into experience.positions). Years is None when the resume has no
    counted position at all (unknown), 0.0 when it has some but none is relevant.
    """
    wanted = set(skill_ids)
    spans: list[tuple[int, int]] = []
    indexes: list[int] = []
    any_counted = False
    for i, p in enumerate(experience.positions):
        iv = counted_interval(p)
        if iv is None or iv[1] < iv[0]:
            continue  # not counted, or counted for no months
        any_counted = True
        if relevant_role(p, titles, wanted):
            spans.append(iv)
            indexes.append(i)
    if not any_counted:
        return None, ()
    return months_to_years(union_months(spans)), tuple(indexes)


def relevant_role(p: Position, titles: Sequence[str], skill_ids: set[str]) -> bool:
    """Whether a position is a role of the posting's field, by what the role is.

    By its title: it has one of `titles` and its head noun is no role of another kind, or it
    names a development role at all ("Programmer Analyst"; not "Software Engineering Manager",
    see `screener.parse.roles`). By its duties: its title names no role of another kind (a VP, an
    instructor, an analyst or a DBA is not a developer whatever skills their bullets name) and
    its duties use one of `skill_ids` as the person's own work (`Position.skills`).
    """
    head, kinds = role_kinds(p.title)
    other = head is not None and head != BUILD
    if _title_matches(p.title, titles) and (not other or BUILD in kinds):
        return True
    return not other and bool(skill_ids & set(p.skills))


def _title_matches(title: str, words: Sequence[str]) -> bool:
    """Whether the title has one of `words` as whole words (case, spaces, '_' and '-' aside)."""
    pattern, joined = _title_words(tuple(words))
    norm = _SEPARATORS.sub(" ", title.lower())
    if pattern is not None and pattern.search(norm):
        return True
    # "back end" in the posting, "backend" in the resume
    return bool(joined) and not joined.isdisjoint(norm.split())


@functools.lru_cache(maxsize=64)
def _title_words(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """One pattern for all of a posting's title words, and their forms without spaces."""
    normed = [w for w in (_SEPARATORS.sub(" ", word.lower()).strip() for word in words) if w]
    if not normed:
        return None, frozenset()
    alternatives = "|".join(re.escape(w) for w in normed)
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
    return pattern, frozenset(w.replace(" ", "") for w in normed if " " in w)
