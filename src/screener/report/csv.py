"""The shortlist as CSV: one row per input file, ranked first, unranked files last.

Cells are guarded against formula injection as OWASP advises: text starting with `=`, `+`, `-`,
`@`, tab, CR or LF gets a leading `'` so a spreadsheet shows it instead of evaluating it. Plain
numbers such as `-1.5` are left as numbers. Rows end with "\\n"; floats have fixed decimals.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any, TextIO

from screener.records import Shortlist, ShortlistEntry
from screener.report import fmt_num, group, reason

# contract columns first (docs/DESIGN.md), then the detail a recruiter filters on
COLUMNS = (
    "rank", "file", "name", "email", "score", "status", "error", "years", "matched", "missing",
    "candidate_id", "relevant_years", "claimed_years", "knockout", "hidden_text", "backed",
    "skills", "phone", "extractor", "sha256", "posting", "as_of", "taxonomy",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(value: Any) -> str:
    """A cell's text, with a `'` in front of anything a spreadsheet would run as a formula.
    NUL characters are dropped: no spreadsheet shows them, and Python 3.10's csv refuses them."""
    if value is None:
        return ""
    text = str(value).replace("\x00", "")
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(shortlist: Shortlist, fp: TextIO, *, excel: bool = False) -> None:
    """Write the shortlist to a text stream (open it with `newline=""`).

    `excel=True` starts the file with a UTF-8 byte-order mark so Excel reads accents right.
    """
    if excel:
        fp.write("\ufeff")
    writer = _RowWriter(fp)
    writer.writerow(COLUMNS)
    g = group(shortlist)
    # Every row says what produced it, so a filtered or merged sheet stays traceable.
    provenance = {"posting": shortlist.posting.id, "as_of": shortlist.as_of,
                  "taxonomy": shortlist.taxonomy_version}
    for entry in g.passing + g.knocked_out + g.not_ranked:
        row = row_for(entry) | provenance
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])


def write_blind_key(shortlist: Shortlist, fp: TextIO) -> None:
    """CSV `candidate_id,file,sha256`, the way back from a blind report to the files.

    Takes the blinded shortlist (screener.score.redact.blind), which carries the key.
    """
    from screener.score.redact import blind_key

    writer = _RowWriter(fp)
    writer.writerow(("candidate_id", "file", "sha256"))
    for row in blind_key(shortlist):
        writer.writerow([safe_cell(cell) for cell in row])


class _RowWriter:
    """csv.writer rows ending in "\n", with every cell holding "\r" or "\n" quoted.

    csv.writer quotes a cell only for the characters of its own line terminator, so with "\n"
    a lone "\r" in a name stays unquoted and splits the row in a spreadsheet. Rows are written
    with "\r\n" (quoting both) and that final terminator is swapped for "\n".
    """

    def __init__(self, fp: TextIO):
        self.fp = fp
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def writerow(self, cells: Sequence[str]) -> None:
        self._writer.writerow(cells)
        self.fp.write(self._buffer.getvalue()[:-2] + "\n")
        self._buffer.seek(0)
        self._buffer.truncate()


def row_for(entry: ShortlistEntry) -> dict[str, Any]:
    """One file's row, unescaped: numbers as fixed-decimal text, None as empty."""
    a = entry.assessment
    doc = a.profile.document
    contact = a.profile.contact
    ranked = entry.rank is not None
    return {
        "rank": entry.rank,
        "file": a.file,
        "name": contact.name,  # empty when blind: candidate_id identifies the row
        "email": contact.email,
        "score": fmt_num(a.score) if ranked else "",
        "status": a.status,
        "error": reason(entry) if not ranked else doc.error,
        "years": fmt_num(a.years, 2),
        "matched": "; ".join(a.matched),
        "missing": "; ".join(a.missing),
        "candidate_id": entry.candidate_id,
        "relevant_years": fmt_num(a.relevant_years, 2),
        "claimed_years": fmt_num(a.profile.experience.claimed_years, 2),
        "knockout": "; ".join(a.knocked_out_by),
        "hidden_text": a.profile.hidden_flag,
        "backed": fmt_num(a.backed, 2),
        "skills": "; ".join(sorted(h.id for h in a.profile.skills if h.source != "implied")),
        "phone": contact.phone,
        "extractor": doc.extractor,
        "sha256": doc.sha256,
    }
