"""What screening keeps from a resume's text once the text is dropped.

`derive` runs in the worker that read the file (screener.run.batch.parse_derived), and the cache
stores its plain values beside the profile; its key covers this package's code, so a change to
the fingerprint or the term counts re-derives rather than reuse stale values.
"""

from __future__ import annotations

from typing import Any

from screener.records import Profile
from screener.score.dupes import fingerprint
from screener.score.identity import identifying_terms
from screener.score.similarity import term_counts


def derive(profile: Profile) -> list[Any]:
    """The duplicate fingerprint, the hashed term counts for the similarity and the header's
    identifying words (for --blind), as cacheable plain values."""
    doc = profile.document
    counts = term_counts(doc.text if doc.status == "ok" else "")
    return [fingerprint(profile).to_plain(), [list(counts[0]), list(counts[1])],
            list(identifying_terms(profile))]
