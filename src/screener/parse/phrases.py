"""Reading fixed phrases from a resume's lines: `trie_pattern` makes many phrases one fast
regex, `evidence` the Evidence of the line a phrase was read on.

The phrases become a trie, so at each position of a line the engine follows the one branch the
next character allows instead of trying hundreds of alternatives in turn (a plain alternation
of the qualification forms cost ~30 ms a resume; the trie and line filters ~4 ms).

A phrase matches case-insensitively unless it is marked exact; spaces match any run of spaces,
an apostrophe matches a curly one, and a final dot is optional ("B.A" is "B.A."). Longer phrases
win over their prefixes, as in an alternation sorted by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from screener.records import Evidence

EVIDENCE_CHARS = 120  # a degree or certificate line is shown whole, up to this length


def evidence(line: str, section: str | None, number: int) -> Evidence:
    """The Evidence of a line (or part of one): single spaces, cut at EVIDENCE_CHARS."""
    text = " ".join(line.split())
    if len(text) > EVIDENCE_CHARS:
        text = text[: EVIDENCE_CHARS - 1].rstrip() + "…"
    return Evidence(text=text, section=section, line=number)


def _atoms(phrase: str, exact: bool) -> list[str]:
    body = phrase[:-1] if phrase.endswith(".") else phrase
    atoms = []
    for ch in body:
        if ch == " ":
            atoms.append(r"\s+")
        elif ch in "'\u2019":
            atoms.append("['\u2019]")
        elif not exact and ch.lower() != ch.upper() and len(ch.upper()) == 1:
            atoms.append(f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]")
        else:
            atoms.append(re.escape(ch))
    if phrase.endswith("."):
        atoms.append(r"\.?")
    return atoms


def _emit(node: dict) -> str:
    """A trie node as a regex; the key None marks the end of a phrase."""
    branches = [atom + _emit(child) for atom, child in sorted(
        ((a, c) for a, c in node.items() if a is not None), key=lambda ac: ac[0])]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if None in node:  # a phrase may end here: what follows is optional, tried first
        return f"(?:{body})?"
    return body


def trie_pattern(phrases: Iterable[tuple[str, bool]]) -> str:
    """One regex (without boundaries) matching any of (phrase, exact) pairs."""
    root: dict = {}
    for phrase, exact in phrases:
        node = root
        for atom in _atoms(phrase, exact):
            node = node.setdefault(atom, {})
        node[None] = {}
    return _emit(root) or "(?!)"
