"""screener: offline, deterministic resume screening against job postings.

    from screener import screen
    shortlist = screen(["resumes/"], "pipelines/backend-developer.yaml", as_of="2026-11-27")
    for entry in shortlist.entries:
        print(entry.rank, entry.assessment.file, entry.assessment.score)
"""

from __future__ import annotations

__version__ = "0.1.0"

from screener.api import load_posting, load_taxonomy, parse_resume, screen  # noqa: E402

__all__ = ["__version__", "load_posting", "load_taxonomy", "parse_resume", "screen"]
