"""Job-ad text -> a posting YAML for a recruiter to review (posting.py; the word rules in
rules.py). Used by `screener posting draft`; the screening itself never imports it.
"""
