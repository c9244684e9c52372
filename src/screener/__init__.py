"""screener: offline, deterministic resume screening against job postings."""

from __future__ import annotations

__version__ = "0.1.0"
