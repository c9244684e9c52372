"""Word tables kept as data: `src/screener/_data/experience/<name>.txt`.

Job words, company words, degrees, regions, career fields and the like are vocabulary, not
code: a recruiter adding "sommelier" to the job words edits one line of a text file. Each file
holds one entry a line; a line starting with ``#`` and text after `` #`` are comments. An entry
is a word or a regular-expression fragment, as the file's header says; `alternation` joins the
fragments in file order, so a table compiles to the very pattern it was written as in code.
Files are read once per process (the parse cache's key covers them, see
`screener.run.cache`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

WORDS_DIR = Path(__file__).resolve().parent.parent / "_data" / "experience"
_COMMENT_RE = re.compile(r"(?:^|\s)#.*$")


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of table `name`, in file order, comments and blank lines left out."""
    path = WORDS_DIR / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RuntimeError(
            f"{path}: word table unreadable ({err.strerror}); reinstall screener"
        ) from err
    found = (_COMMENT_RE.sub("", line).strip() for line in text.splitlines())
    return tuple(entry for entry in found if entry)


def alternation(name: str) -> str:
    """The table's fragments as one regex alternation ("a|b|c"), in file order."""
    return "|".join(entries(name))


def words(name: str) -> frozenset[str]:
    """The table as a set of words."""
    return frozenset(entries(name))


def pairs(name: str) -> dict[str, str]:
    """A table of "<words> <value>" lines (the value is the last word), in file order."""
    out: dict[str, str] = {}
    for entry in entries(name):
        key, sep, value = entry.rpartition(" ")
        if not sep or not key.strip():
            path = WORDS_DIR / f"{name}.txt"
            raise RuntimeError(f"{path}: {entry!r} has no value; write it as '<words> <value>'")
        out[key.strip()] = value
    return out
