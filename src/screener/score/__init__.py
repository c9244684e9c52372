"""Profiles x Posting -> Shortlist: the score stage.

Per-requirement results and the score breakdown (scoring.py), the posting-text similarity
(similarity.py), the ranked order (ranking.py), duplicate detection (dupes.py), and blind
screening (redact.py, identity.py). Pure functions over records; no files, processes or output.
"""
