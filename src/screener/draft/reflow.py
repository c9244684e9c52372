"""Put back the line breaks a job board dropped, before a job ad is drafted into a posting.

Drafting reads an ad line by line: a heading opens a section, and each requirement is a line
or a sentence. Many boards flatten an ad into one paragraph ("...working as a LeadExperience
running...", "Requirements:10+ years...", "knowledge of:- Ruby on Rails- JavaScript"), so the
breaks are restored where the text still shows them:

- a word glued to a capitalised word ("LeadExperience", "AWSIf", "CTDuration", "etc.Full"),
  unless the glued letters are part of a skill's written form ("JavaScript", "BitBucket");
- a heading inside a line: "<heading words>:" ("Contract to hire Skills:"), or a title-case
  heading phrase between items ("...or similar) Preferred Qualifications BS Degree...");
- a requirement item opening after a word with no punctuation between ("...web services
  Demonstrated success...", "...RabbitMQ Experience with Maven...");
- bullets inside a line ("•C#•SQL", " * Java", "Rails- JavaScript", "experience-Bachelor's").

Each piece keeps the number of the ad line it came from, so a draft still cites the ad's lines.
A heading found this way gets a closing colon, the sign `classify_lines` reads a heading by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from screener.draft.rules import heading_kind


@dataclass(frozen=True)
class Piece:
    line: int  # 1-based line of the ad it came from
    text: str


# Points where a lost line break shows: a lower-case letter, digit or bracket glued to a
# capitalised word; a capitals run glued to a capitalised word ("AWSIf", "CMSWe"); a word glued
# to a capitals word ("backgroundSQL"); end punctuation glued to a capitalised word ("etc.Full").
_GLUE = re.compile(
    r"(?<=[a-z0-9)\]])(?=[A-Z][a-z])"
    r"|(?<=[A-Z])(?=[A-Z](?!s\b)[a-z])"
    r"|(?<=[a-z]{5})(?=[A-Z]{2,}\b)"
    r"|(?<=[a-z])(?=[AI]\s)"
    r"|(?<=[a-z0-9)][.!?:])(?=[A-Z][a-z])"
    r"|(?<=[a-z]{3})(?=\d+\+?\s*(?:years?|yrs?)\b)"
    r"|\s*-{4,}\s*"
)
# Dashes used as bullets in a flattened list: "of:- Rails- JavaScript", "experience-Bachelor's".
# One such dash is a compound word ("Back-End"); a line with several is a list.
_DASH_BULLET = re.compile(
    r"(?<=[a-z]{3})-(?=[A-Z][a-z]{2})|(?<=[:.])\s?-(?=\s?[A-Z])|(?<=[\w)])-\s(?=[A-Z])"
)
_DASH_BULLETS_IN_A_LIST = 3
# Lines this long are flattened paragraphs: headings and items inside them are looked for.
_FLATTENED = 200
# Bullets inside a line: glyphs anywhere, an asterisk between spaces.
_INNER_BULLET_START = re.compile(r"\s*(?=[•●▪◦■►➢])|\s+(?=\*\s+[A-Z])")
_LEADING_BULLET = re.compile(r"^(?:[-*•●▪◦■►➢]\s*)+")

# Words that open a requirement item: after a word with no punctuation between, a lost break.
_OPENER = re.compile(
    r"(?<=[A-Za-z0-9)])\s+(?=(?:Experience (?:with|in|using|of|working|building|developing|"
    r"designing|leading|managing|running|as)|Demonstrated|Proven|Strong|Solid|Excellent|"
    r"Good (?:understanding|knowledge|communication|working)|Sound (?:understanding|knowledge)|"
    r"Ability to|Able to|Knowledge (?:of|in)|Familiarity|Understanding of|Working knowledge|"
    r"Hands[- ]on|Must (?:have|be)|Bachelor|Minimum|At least|Expertise|Proficien|"
    r"If you|We (?:are|have|offer)|Our |Please|Applicants|Interested|For more)\b)"
)
# A piece standing alone in a flattened paragraph that is a heading though it has no colon.
_STANDALONE_HEADING = re.compile(
    r"\b(?:what you(?:'ll| will)? (?:need|bring|do|be doing)|what we(?:'re| are) looking for|"
    r"qualifications|requirements|responsibilities|nice to have|bonus|pluses|about (?:you|us|the)|"
    r"who you are|benefits|perks|in it for you|reasons to|why (?:join|work)|success factors?|"
    r"duties|summary|description|overview|skills (?:and|&) (?:experience|qualifications))\b",
    re.IGNORECASE,
)

# A title-case or capitals heading phrase standing between items.
_HEADING_PHRASE = re.compile(
    r"(?:(?:Minimum|Basic|Required|Preferred|Desired|Additional|Primary|Key|Essential|Bonus|"
    r"Other|Job|Technical)\s+)?(?:Qualifications|Requirements|Responsibilities|"
    r"Skills(?:\s+(?:and|&)\s+(?:Experience|Qualifications|Abilities))?|Duties)"
    r"|Nice to Have|Pluses"
)
_HEADING_PHRASE_CAPS = re.compile(_HEADING_PHRASE.pattern.upper().replace("\\S", "\\s"))

# "<heading words>:": the capitalised words (and small joining words) just before a colon.
_COLON_HEADING = re.compile(
    r"((?:(?:[A-Z][\w'’]*|&|/|and|or|to|of|for|the|in|it|you|we|with)\s+){0,6}"
    r"[A-Z][\w'’]*)\s*:(?!//)"
)
_END_PUNCT = re.compile(r"[.,;!?]$")


class _Protected:
    """Glue points inside a skill's written form ("JavaScript", "BitBucket") are no breaks."""

    def __init__(self, forms: Iterable[str]) -> None:
        self._by_pair: dict[str, list[str]] = {}
        written = []
        for form in forms:
            written.append(form.lower())
            for text in {form.lower(), form.lower().replace(" ", "")}:
                if len(text) < 4 or " " in text:
                    continue
                for i in range(len(text) - 1):
                    self._by_pair.setdefault(text[i : i + 2], []).append(text)
        self._all = "\n".join(written)

    def covers(self, token: str, point: int) -> bool:
        """Whether a form found in `token` spans the break `point` (an index into it), or
        the token is part of a form ("iOS", "APIs" of "REST APIs")."""
        lower = token.lower()
        word = re.sub(r"^\W+|\W+$", "", lower)
        if len(word) > 1 and word in self._all:
            return True
        for form in self._by_pair.get(lower[point - 1 : point + 1], ()):
            start = lower.find(form)
            while start >= 0:
                if start < point < start + len(form):
                    return True
                start = lower.find(form, start + 1)
        return False


def _token_at(text: str, point: int) -> tuple[str, int]:
    """The whitespace-delimited token around `point`, and `point` as an index into it."""
    start = text.rfind(" ", 0, point) + 1
    end = text.find(" ", point)
    end = len(text) if end < 0 else end
    return text[start:end], point - start


def _unglue(text: str, pattern: re.Pattern[str], protected: _Protected) -> list[str]:
    pieces, start = [], 0
    for match in pattern.finditer(text):
        if match.start() == match.end():
            token, point = _token_at(text, match.start())
            if protected.covers(token, point):
                continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _split_all(texts: Iterable[str], pattern: re.Pattern[str]) -> list[str]:
    out = []
    for text in texts:
        out.extend(p for p in pattern.split(text) if p and p.strip())
    return out


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Heading phrases inside `text` that stand between items, as (start, end)."""
    spans = []
    for pattern in (_HEADING_PHRASE, _HEADING_PHRASE_CAPS):
        for match in pattern.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            opens = not before.strip() or re.search(r"(?:[.!?;)]|[a-z0-9])\s*$", before)
            closes = not after.strip() or re.match(r"\s*(?::|[A-Z0-9(])", after)
            if opens and closes and not re.match(r"[\w'’]", after[:1]):
                spans.append((match.start(), match.end()))
    return sorted(spans)


def _colon_heading(text: str) -> tuple[int, int] | None:
    """The span of a "<heading words>:" phrase, when its words name a section kind."""
    for match in _COLON_HEADING.finditer(text):
        if heading_kind(match.group(1)) != "other":
            return match.start(1), match.end()
    return None


def _cut_headings(text: str, flattened: bool) -> list[str]:
    """`text` cut before and after the headings inside it, each heading ending in ':'.

    Headings without a colon are looked for only in a flattened paragraph: in a line of its
    own, "What Are the Skills Required For ..." is a heading, not a heading and an item.
    """
    spans = _heading_spans(text) if flattened else []
    colon = _colon_heading(text)
    if colon is not None:
        spans.append(colon)
    if not spans:
        return [text]
    start, end = min(spans)
    head = text[start:end].strip().rstrip(":").strip()
    out = [text[:start]] if text[:start].strip() else []
    out.append(head + ":")
    rest = text[end:].lstrip(" :")
    return out + (_cut_headings(rest, flattened) if rest.strip() else [])


def _standalone_heading(text: str) -> bool:
    """A short title-case piece naming a section: "What You Will Be Doing"."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not _END_PUNCT.search(text)
        and all(w[:1].isupper() for w in words if len(w) >= 5)
        and bool(_STANDALONE_HEADING.search(text))
        and heading_kind(text) != "other"
    )


def _bulleted(text: str) -> str:
    return _LEADING_BULLET.sub("• ", text.strip()).strip()


def _pieces(text: str, protected: _Protected) -> list[str]:
    flattened = len(text) >= _FLATTENED
    parts = [_bulleted(p) for p in _split_all([text], _INNER_BULLET_START)]
    parts = [p for part in parts for p in _unglue(part, _GLUE, protected)]
    if len(_DASH_BULLET.findall(text)) >= _DASH_BULLETS_IN_A_LIST:
        parts = [p for part in parts for p in _unglue(part, _DASH_BULLET, protected)]
    if flattened:
        parts = _split_all(parts, _OPENER)
    out = [_bulleted(h) for part in parts for h in _cut_headings(part, flattened) if h.strip(" -:")]
    if flattened:
        out = [p + ":" if _standalone_heading(p) else p for p in out]
    return out


def reflow(lines: Sequence[str], forms: Iterable[str]) -> list[Piece]:
    """The ad's lines cut where breaks were lost; blank lines and the title line are kept."""
    protected = _Protected(forms)
    out: list[Piece] = []
    seen_title = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or not seen_title:
            seen_title = seen_title or bool(line.strip())
            out.append(Piece(number, line))
            continue
        pieces = _pieces(line, protected)
        if len(pieces) == 1 and pieces[0] == _bulleted(line):
            out.append(Piece(number, line))
            continue
        out.extend(Piece(number, p) for p in pieces)
    return out
