"""Assessments -> Shortlist: a stable order with deterministic ties.

Order: readable candidates who pass every knock-out, by score (highest first), then years
(most first, unknown last), then file path; then the knocked-out candidates in the same order,
their ranks continuing; then the files that were not ranked (empty, error, duplicate) by path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from screener.records import Assessment, Posting, Shortlist, ShortlistEntry

ID_HEX = 8  # "C-" + 8 hex digits: short enough to read aloud, collisions handled below


def _order(a: Assessment) -> tuple:
    years_missing = a.years is None
    return (-a.score, years_missing, -(a.years or 0.0), a.file)


def candidate_ids(assessments: Sequence[Assessment]) -> dict[int, str]:
    """A stable pseudonymous id per assessment (by list position), from its file's sha256.

    Identical files (duplicates) and prefix collisions get "-2", "-3", ... in path order, so
    the same batch always gets the same ids whatever order the files were read in.
    """

    def digest(a: Assessment) -> str:
        sha = a.profile.document.sha256
        return sha or hashlib.sha256(a.file.encode("utf-8")).hexdigest()

    order = sorted(
        range(len(assessments)), key=lambda i: (digest(assessments[i]), assessments[i].file, i)
    )
    ids: dict[int, str] = {}
    taken: dict[str, int] = {}
    for i in order:
        base = "C-" + digest(assessments[i])[:ID_HEX]
        taken[base] = taken.get(base, 0) + 1
        ids[i] = base if taken[base] == 1 else f"{base}-{taken[base]}"
    return ids


def rank(
    assessments: Sequence[Assessment],
    posting: Posting,
    *,
    as_of: str,
    taxonomy_version: str,
    tool_version: str = "",
) -> Shortlist:
    """Order assessments into a shortlist; ranks run 1..n over every ranked candidate."""
    ids = candidate_ids(assessments)
    indexed = list(enumerate(assessments))
    ranked = [(i, a) for i, a in indexed if a.status == "ok"]
    passing = sorted((x for x in ranked if not x[1].knocked_out_by), key=lambda x: _order(x[1]))
    knocked = sorted((x for x in ranked if x[1].knocked_out_by), key=lambda x: _order(x[1]))
    unranked = sorted((x for x in indexed if x[1].status != "ok"), key=lambda x: (x[1].file, x[0]))
    entries = [
        ShortlistEntry(rank=n, assessment=a, candidate_id=ids[i])
        for n, (i, a) in enumerate(passing + knocked, start=1)
    ]
    entries += [ShortlistEntry(rank=None, assessment=a, candidate_id=ids[i]) for i, a in unranked]
    return Shortlist(
        posting=posting,
        as_of=as_of,
        taxonomy_version=taxonomy_version,
        entries=tuple(entries),
        tool_version=tool_version,
    )
