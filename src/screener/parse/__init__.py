"""Document -> Profile: the parse stage.

Sections (sections.py), contact details (contact.py), dates and ranges (dates.py), skills with
their evidence (skills.py), dated positions and years (experience/, roles.py), put together by
profile.py. Nothing here knows about postings, processes or reports; everything is a pure function
of the document, the taxonomy and the as-of date, which is what lets the cache keep its results.
"""
