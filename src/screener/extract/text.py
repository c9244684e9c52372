"""Text normalisation shared by every extractor: one clean line per visual line.

`normalise` is what turns the raw text of a PDF, DOCX or TXT into the `Document.text` the rest of
the pipeline reads. Its promises, checked by property tests in tests/test_text.py:

* it never raises, whatever `str` it is given (lone surrogates and control characters included);
* it is idempotent: ``normalise(normalise(x)) == normalise(x)``;
* it keeps line structure: lines are only ever removed by the blank-run collapse (rule 8), so a
  line number in the output still points at the visual line it came from.

The steps, in order:

1. Mojibake repair with ftfy (``Â`` before a no-break space, ``â€™``, ``ï¼š``), curly quotes
   straightened, then Unicode NFKC (ligatures such as ``ﬁ``/``ﬂ``, full-width forms, odd spaces).
2. Every line break (CRLF, CR, form feed between PDF pages, U+2028, ...) becomes ``\\n``.
   Flattened text is unfolded: a line of more than 200 characters that holds runs of three or
   more spaces or tabs is split at those runs. Web forms, resume databases and some exporters
   flatten a whole resume into one line whose headings, dates and companies are kept apart only
   by such runs ("Experience      Data Analyst   Jan 2013   to   Current      Company Name");
   without the split no heading, date line or position could be found.
3. Odd spaces (NBSP, thin, ideographic, tab) become one space; zero-width characters, bidi marks
   and soft hyphens are removed (a soft hyphen at a line end is a hyphenation point, rule 6);
   remaining control characters are dropped.
4. Runs of spaces collapse to one; leading and trailing spaces are stripped from every line.
5. Bullets: a line opening with a bullet glyph (•, ▪, ●, ◦, ■, ►, ➢, ✓, the Symbol-font private-use
   glyphs such as U+F0B7, ``*`` or ``·``) or with a dash used as a bullet (``-``, ``–``, ``—``
   followed by a space and not by a digit, so "– 2019" stays a date range) gets one uniform
   ``"• "`` prefix. Bullet glyphs inside a line become ``•`` too.
6. Line-end hyphenation: when a line ends in ``<letters>-`` (last letter lower case) and the next
   line starts with a lower-case word, the word is moved up onto the first line so the joined
   word sits on one line and line numbers do not shift ("develop-" / "ment of APIs" becomes
   "development" / "of APIs"). The hyphen is dropped unless the join looks like a real compound:
   the first part is a single letter (e-mail, x-ray) or a known compound head (back, front, full,
   self, cross, ...), or the second part is a known compound tail (end, based, driven, time,
   ...); then it is kept ("back-" / "end" becomes "back-end").
7. Leading and trailing blank lines are dropped.
8. Runs of more than two blank lines collapse to two.

The pipeline runs to a fixed point (at most a few rounds) so that heuristic steps such as ftfy's
cannot make the result depend on how many times it was normalised.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise"]

_MAX_ROUNDS = 4

# Characters that break a line wherever they appear (str.splitlines' set, plus NEL).
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_OTHER_LINE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # all of them, but '\n'
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Removed outright: zero-width and bidi formatting characters (soft hyphen handled apart).
_INVISIBLE = re.compile(
    r"[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    r"\u202a-\u202e\u2066-\u2069\u180e]"
)
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r" {2,}")
# "ï¼" then a lost byte: an invisible character, a replacement character, or nothing at all
# before a space (a reader that drops zero-width characters).
_LOST_FULLWIDTH_DASH = re.compile("\u00ef\u00bc(?:[\u200b\u008d\ufffd]|(?=\\s|$))")
# "Â" left of a no-break space read as cp1252 (C2 A0) whose space a reader dropped or the line
# end took: after a word and before a space or the end of the line it is no letter.
_LOST_NBSP = re.compile(r"(?<=[a-z0-9.,;:)])\u00c2(?=\s|$)", re.M)
# "Â" and a lost byte (shown as a zero-width space or nothing) standing alone after a year or
# a month number and before the next date: the site's range separator ("(1995 Â​ 1999)").
_LOST_RANGE_DASH = re.compile(
    r"(?<=\d) \u00c2[\u200b\u0081\u008d\u008f\u0090\u009d]?(?: (?=\w)| *$)", re.M
)
_FLAT_LINE = 200  # longer than any visual line of a resume page
_CONNECTORS = r"(?:to|until|till|through|thru|and|[-\u2013\u2014~,&/])"
_OPEN_END = re.compile(rf"(?:^|\s|(?<=\w)){_CONNECTORS}\s*$", re.I)
_OPEN_START = re.compile(rf"\s*{_CONNECTORS}(?:\s|$)", re.I)
_FIELD_GAP = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]{3,}")
# ftfy's work, skipped, done character by character, or remembered (see `_fix_text`).
_PLAIN_LINE = re.compile(r"[\x20-\x7e]*\n?")
_PRINTABLE_ASCII = frozenset(map(chr, range(0x20, 0x7F)))
_ASCII = frozenset(map(chr, range(0x80)))
_FAST_ASCII = _PRINTABLE_ASCII | {"\t"}  # what ftfy leaves alone in any line (`_fix_by_char`)
_FIXED: dict[str, str] = {}
_FIXED_MAX = 20_000  # lines remembered per process (a few MB)
_FTFY_OPTIONS = {
    "unescape_html": False,  # '&amp;' in a resume is more likely literal than escaped
    "explain": False,
    "normalization": "NFKC",
}
# Per character: what ftfy makes of it inside a line, or None when it is not `_char_fix`-safe.
_CHAR_FIX: dict[str, str | None] = {}
_BADNESS_CHARS: frozenset[str] | None = None  # see `_badness_chars`
# Unicode hyphens and minus become '-' (a regex: str.translate with a dict is slow on non-ASCII).
_HYPHENS = re.compile("[\u2010\u2011\u2212]")

# Bullet glyphs, including the Wingdings/Symbol private-use code points Word exports.
_BULLET_GLYPHS = (
    "\u2022\u2023\u2043\u2219\u25aa\u25ab\u25cf\u25cb\u25e6\u25a0\u25a1\u25c6\u25c7\u25ba\u25b6"
    "\u27a2\u27a4\u2794\u2713\u2714\u2756\u29bf\u29be\u2b29\u2b1d"
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf0e0\uf06e\uf071\uf0a1"
)
_GLYPH_CLASS = "[" + _BULLET_GLYPHS + "]"
# Where ftfy's mojibake detector leaves a choice of which characters to keep off the fast path
# of `_fix_text`, it keeps these on it: what resumes are full of (see `_badness_chars`).
_KEEP_FAST = frozenset(
    _BULLET_GLYPHS + "\u00a0\u00a9\u00ae\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2122"
)
_INLINE_GLYPH = re.compile(_GLYPH_CLASS)
# One or more bullet markers at the start of a line: glyphs, '*' or '·', or a dash followed by
# whitespace and then something other than a digit (a dash before a year is a date range).
_LEADING_BULLETS = re.compile(
    r"^(?:(?:" + _GLYPH_CLASS + r"|[*\u00b7])\s*|[-\u2013\u2014]\s+(?=[^\s\d]))+"
)

# Line-end hyphenation (rule 6).
_LINE_END_WORD = re.compile(r"(?<![\w-])([A-Za-z]*[a-z])-$")
# The tail word moves up with the punctuation glued to it ("structure," stays one token).
_LINE_START_WORD = re.compile(r"^([a-z]+)([.,;:!?)\]]*)(?=\s|$)")
_COMPOUND_HEADS = frozenset(
    [
        "back",
        "front",
        "full",
        "self",
        "cross",
        "well",
        "part",
        "high",
        "low",
        "long",
        "short",
        "real",
        "open",
        "non",
        "co",
        "ex",
        "end",
        "multi",
        "cloud",
        "data",
        "event",
        "test",
        "user",
        "web",
        "mobile",
        "state",
    ]
)
_COMPOUND_TAILS = frozenset(
    [
        "end",
        "ends",
        "based",
        "driven",
        "oriented",
        "time",
        "level",
        "side",
        "facing",
        "scale",
        "stack",
        "commerce",
        "mail",
        "learning",
        "aware",
        "native",
        "friendly",
        "related",
        "specific",
        "tier",
        "page",
        "grade",
        "term",
        "known",
        "ups",
        "up",
        "down",
        "on",
        "off",
        "in",
        "out",
        "like",
        "made",
    ]
)


def normalise(text: str) -> str:
    """Return `text` cleaned for screening; see the module docstring for the exact rules."""
    if not isinstance(text, str):
        raise TypeError(f"normalise() takes a str, not {type(text).__name__}")
    current = text
    for _ in range(_MAX_ROUNDS):
        cleaned = _normalise_once(current)
        if cleaned == current:
            break
        current = cleaned
    return current


def _normalise_once(text: str) -> str:
    text = _repair(text)
    lines = [_clean_line(line) for line in _unflatten(_split_lines(text))]
    lines = _join_hyphenated(lines)
    return _collapse_blank_lines(lines)


def _split_lines(text: str) -> list[str]:
    """`text` cut at every line break (rule 2)."""
    if any(char in text for char in _OTHER_LINE_BREAKS):
        return _LINE_BREAKS.split(text)
    return text.split("\n")  # the same, several times faster


def _unflatten(lines: list[str]) -> list[str]:
    """Split flattened lines at their runs of spaces (rule 2)."""
    out: list[str] = []
    for line in lines:
        if len(line) > _FLAT_LINE and _FIELD_GAP.search(line):
            out.extend(_rejoin(part for part in _FIELD_GAP.split(line) if part.strip()))
        else:
            out.append(line)
    return out


def _rejoin(parts) -> list[str]:
    """Glue back what a gap split inside one field: "Jan 2013 | to | Current", "City , | State"."""
    out: list[str] = []
    for part in parts:
        if out and (_OPEN_END.search(out[-1]) or _OPEN_START.match(part)):
            out[-1] = out[-1].rstrip() + " " + part.lstrip()
        else:
            out.append(part)
    return out


def _repair(text: str) -> str:
    """Mojibake, ligatures, widths, quotes and NFKC (rule 1)."""
    text = _SURROGATES.sub("\ufffd", text)
    # UTF-8 bytes EF BC 8D (a full-width hyphen) read as cp1252, where 0x8D is undefined and
    # shows up as an invisible character or not at all: ftfy cannot know the lost byte, we
    # can (of the bytes cp1252 leaves undefined, 8D is the one resumes put between dates).
    # Before ftfy and NFKC, which would make "ï1⁄4" of what is left.
    text = _LOST_FULLWIDTH_DASH.sub("\uff0d", text)
    if "\u00c2" in text:
        text = _LOST_NBSP.sub(" ", _LOST_RANGE_DASH.sub(" - ", text))
    # The bullet E2 80 A2 read as cp1252 with its 0x80 byte dropped: "â¢". Left alone, ftfy
    # joins it with the next character into a Braille sign ("⢠").
    text = text.replace("\u00e2\u00a2", "\u2022")
    try:
        text = _fix_text(text)
    except Exception:  # noqa: BLE001, S110 - ftfy is a heuristic; a failure must not lose the text
        pass
    return unicodedata.normalize("NFKC", text)


def _fix_text(text: str) -> str:
    """`ftfy.fix_text`, the same result at a fraction of the cost (it was most of normalise).

    ftfy fixes each line (up to and including its '\\n') on its own, so the text is fixed line
    by line here too: a line of printable ASCII is left as it is (no fixer changes one: no
    mojibake, control character, odd line break or width form, and NFKC keeps ASCII); a line of
    printable ASCII, tabs and `_char_fix`-safe characters (bullets, dashes, curly quotes, no-break
    spaces, ...) is fixed character by character; other lines are remembered, since the
    fixed-point loop of `normalise` and the next resume meet the same lines again.
    """
    import ftfy

    out: list[str] = []
    pos, end = 0, len(text)
    while pos < end:
        stop = text.find("\n", pos) + 1 or end
        line = text[pos:stop]
        pos = stop
        if _PLAIN_LINE.fullmatch(line):
            out.append(line)
            continue
        fixed = _fix_by_char(line)
        if fixed is None:
            fixed = _FIXED.get(line)
        if fixed is None:
            fixed = ftfy.fix_text(line, **_FTFY_OPTIONS)
            if len(_FIXED) >= _FIXED_MAX:
                _FIXED.clear()
            _FIXED[line] = fixed
        out.append(fixed)
    return "".join(out)


def _fix_by_char(line: str) -> str | None:
    """ftfy's fix of `line` when it is made of printable ASCII, tabs and safe characters, else
    None.

    Such a line is fixed by replacing each safe character by its `_char_fix`; why that is
    exactly what ftfy does is said there.
    """
    body, newline = (line[:-1], "\n") if line.endswith("\n") else (line, "")
    for char in set(body) - _FAST_ASCII:
        fix = _known_char_fix(char)
        if fix is None:
            return None
        if fix != char:
            # The replacements never meet: what a fix holds is ASCII or fixes to itself.
            body = body.replace(char, fix)
    return body + newline


def _known_char_fix(char: str) -> str | None:
    """`_char_fix(char)`, worked out once per character and process."""
    fix = _CHAR_FIX.get(char, _CHAR_FIX)
    if fix is _CHAR_FIX:
        fix = _CHAR_FIX[char] = _char_fix(char)
    return fix  # type: ignore[return-value]


def _char_fix(char: str) -> str | None:
    """What ftfy makes of `char` (not printable ASCII) in any line of printable ASCII, tabs and
    safe characters, or None when `char` is not safe.

    ftfy fixes a line in rounds until nothing changes; a round is (a) the mojibake repair,
    then (b) per-character fixers (C1 controls, ligatures, widths, curly quotes, line breaks,
    surrogates, terminal escapes, control characters: single-character regexes or str.translate
    tables, bar CRLF, surrogate pairs and ESC sequences, which a safe line cannot hold) and (c)
    NFKC. A safe character is one for which that is a per-character map:

    * (a) only runs when ftfy's mojibake detector `ftfy.badness.is_bad` fires; it cannot on
      these lines, as `char` is none of `_badness_chars`;
    * (b) gives each character its final result in one pass, so what it makes of `char` is
      ftfy's fix of `char` without normalisation;
    * (c) works per character when no character it sees combines with its neighbour: each
      character of `char`, of what the fixers (b) make of it and of its final fix is printable
      ASCII or `_inert`;
    * the fix is stable: its characters are printable ASCII or safe characters that fix to
      themselves, so the next round (ftfy's last) changes nothing, as it does not on `char`
      alone.

    tests/test_text.py compares the result with ftfy's on every safe character in context and
    on random lines.
    """
    import ftfy

    if char in _badness_chars():
        return None
    try:
        fixed = ftfy.fix_text(char, **_FTFY_OPTIONS)
        fixers_only = ftfy.fix_text(char, **{**_FTFY_OPTIONS, "normalization": None})
    except Exception:  # noqa: BLE001 - not safe, then: the line takes ftfy's own way
        return None
    if not all(c in _PRINTABLE_ASCII or _inert(c) for c in char + fixers_only + fixed):
        return None
    for c in set(fixed) - _PRINTABLE_ASCII:
        if c == char and fixed != char:
            return None  # a fix that keeps the character and adds others is not stable
        if c != char and _known_char_fix(c) != c:
            return None
    return fixed


def _inert(char: str) -> bool:
    """True when NFKC never joins `char`, or what it decomposes into, with a neighbour.

    NFKC decomposes (NFKD), reorders runs of combining marks (canonical combining class > 0),
    then composes pairs; every character that can be the second of a composed pair is a
    combining mark (category M*, as are the few of class 0, Indic vowel signs) or a Hangul jamo
    (tests/test_text.py checks that over the whole Unicode range). So in a string of inert
    characters nothing is reordered or composed: its NFKC is the NFKC of each character.
    """
    return all(
        unicodedata.combining(part) == 0
        and unicodedata.category(part) not in _NOT_INERT_CATEGORIES
        and not (0x1100 <= ord(part) <= 0x11FF or 0xA960 <= ord(part) <= 0xA97F)
        and not 0xD7B0 <= ord(part) <= 0xD7FF
        for part in unicodedata.normalize("NFKD", char)
    )


# Combining marks, and controls, surrogates, line and paragraph separators, unassigned code
# points (which a newer Unicode may make anything).
_NOT_INERT_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cc", "Cs", "Zl", "Zp", "Cn"})


def _badness_chars() -> frozenset[str]:
    """Non-ASCII characters kept off the `_fix_by_char` path so that ftfy's mojibake detector
    cannot fire on a line of it.

    The detector (`ftfy.badness.BADNESS_RE`) is one alternation of short sequences of character
    classes. For each sequence, one class that matches no ASCII character is chosen and all of
    its characters are listed here; a line without them then matches no sequence. The class
    chosen is the one with fewest `_KEEP_FAST` characters, then fewest characters. Derived from
    the installed ftfy's own pattern, so it follows ftfy's updates; should the pattern ever
    have a shape this does not understand, every character is listed (no fast path).
    """
    global _BADNESS_CHARS  # noqa: PLW0603 - computed once, on first use
    if _BADNESS_CHARS is None:
        try:
            _BADNESS_CHARS = _derive_badness_chars()
        except Exception:  # noqa: BLE001 - an unexpected pattern: no fast path, ftfy decides
            _BADNESS_CHARS = _EVERY_CHAR
    return _BADNESS_CHARS


class _EveryChar(frozenset):
    def __contains__(self, item: object) -> bool:
        return True


_EVERY_CHAR = _EveryChar()


def _derive_badness_chars() -> frozenset[str]:
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse

    from ftfy.badness import BADNESS_RE

    if BADNESS_RE.flags & re.IGNORECASE:  # a literal would match more than itself
        return _EVERY_CHAR
    tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    if len(tree.data) == 1 and tree.data[0][0] is sre_parse.BRANCH:
        alternatives = tree.data[0][1][1]
    else:
        alternatives = [tree]
    listed: set[str] = set()
    for alternative in alternatives:
        classes = [_class_chars(op, arg, sre_parse) for op, arg in alternative.data]
        candidates = [
            chars for chars in classes if chars is not None and chars.isdisjoint(_ASCII)
        ]
        if not candidates:
            return _EVERY_CHAR  # a sequence that may match ASCII alone: cannot rule it out
        chosen = min(candidates, key=lambda chars: (len(chars & _KEEP_FAST), len(chars)))
        listed |= chosen
    return frozenset(listed)


def _class_chars(op, arg, sre_parse) -> frozenset[str] | None:
    """The characters one item of a parsed regex matches when it is a plain class of them (a
    literal, or a set of literals and ranges), else None: not usable to rule a match out."""
    if op is sre_parse.LITERAL:
        return frozenset(chr(arg))
    if op is not sre_parse.IN:
        return None
    chars: set[str] = set()
    for item_op, item_arg in arg:
        if item_op is sre_parse.LITERAL:
            chars.add(chr(item_arg))
        elif item_op is sre_parse.RANGE:
            chars.update(map(chr, range(item_arg[0], item_arg[1] + 1)))
        else:  # negation, \\s, \\w, ...
            return None
    return frozenset(chars)


def _clean_line(line: str) -> str:
    """Spaces, invisible characters and bullets of one line (rules 3-5)."""
    if line.isascii() and line.isprintable():
        # Printable ASCII holds nothing invisible, no odd space (tab), control character,
        # Unicode hyphen, soft hyphen or bullet glyph: only the space and bullet rules apply.
        line = line.strip(" ")
        if "  " in line:
            line = _SPACE_RUN.sub(" ", line)
        match = _LEADING_BULLETS.match(line)
        if not match:
            return line
        rest = line[match.end() :].strip(" ")
        return "• " + rest if rest else "•"
    line = _INVISIBLE.sub("", line)
    line = _ODD_SPACES.sub(" ", line)
    line = _HYPHENS.sub("-", _CONTROL.sub("", line))
    stripped = line.rstrip(" ")
    if stripped.endswith("\u00ad"):  # a discretionary hyphen at the end is a hyphenation point
        stripped = stripped.rstrip("\u00ad") + "-"
    line = stripped.replace("\u00ad", "")
    line = _SPACE_RUN.sub(" ", line).strip(" ")
    return _bullet(line)


def _bullet(line: str) -> str:
    match = _LEADING_BULLETS.match(line)
    if not match:
        return _INLINE_GLYPH.sub("•", line)
    rest = _INLINE_GLYPH.sub("•", line[match.end() :].strip(" "))
    return "• " + rest if rest else "•"


def _join_hyphenated(lines: list[str]) -> list[str]:
    """Move the tail of a word broken across lines up onto its first line (rule 6)."""
    out = list(lines)
    # Bottom up: a line that both receives a tail and ends in a broken word ("develop-" /
    # "mentdevelop-" / "ment") gets its own tail first, so one pass reaches the fixed point.
    for i in range(len(out) - 2, -1, -1):
        if not out[i].endswith("-"):  # what `_LINE_END_WORD` needs first
            continue
        head_match = _LINE_END_WORD.search(out[i])
        if not head_match:
            continue
        tail_match = _LINE_START_WORD.match(out[i + 1])
        if not tail_match:
            continue
        head, tail = head_match.group(1), tail_match.group(1)
        joiner = "-" if _is_compound(head, tail) else ""
        out[i] = out[i][:-1] + joiner + tail_match.group(0)
        out[i + 1] = _clean_line(out[i + 1][tail_match.end() :])
    return out


def _is_compound(head: str, tail: str) -> bool:
    """True when 'head-tail' is better kept hyphenated than joined into one word."""
    head = head.lower()
    return len(head) == 1 or head in _COMPOUND_HEADS or tail in _COMPOUND_TAILS


def _collapse_blank_lines(lines: list[str]) -> str:
    """Drop leading/trailing blank lines; keep at most two blank lines in a row (rules 7-8)."""
    out: list[str] = []
    blanks = 0
    for line in lines:
        if not line:
            blanks += 1
            continue
        if blanks and out:
            out.extend([""] * min(blanks, 2))
        blanks = 0
        out.append(line)
    return "\n".join(out)
