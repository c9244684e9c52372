"""The wording rules behind drafting a posting from a job ad (see screener.draft.posting).

Kept apart from the drafting logic so the vocabulary (headings, cue words, number words) can be
read and extended in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

# Section kinds a heading can open.
REQUIRED, PREFERRED, DUTIES, BOILERPLATE, OTHER = (
    "required",
    "preferred",
    "duties",
    "boilerplate",
    "other",
)

_PREFERRED_HEADING = re.compile(
    r"\b(preferred|nice[- ]to[- ]haves?|bonus(?:es)?|pluses|desirable|desired|ideally|"
    r"good[- ]to[- ]have|extra credit|would be great|assets?|helpful)\b",
    re.IGNORECASE,
)
_BOILERPLATE_HEADING = re.compile(
    r"\b(interview|questions?|about us|about the company|who we are|company|background|benefits|"
    r"perks|salary|compensation|pay|cost|how to apply|apply|equal opportunity|why join|mission|"
    r"what we offer|we offer|our (?:team|culture|story|values)|culture|share this|related reading|"
    r"hire|hiring|in it for you|reasons to (?:work|join))\b",
    re.IGNORECASE,
)
_REQUIRED_HEADING = re.compile(
    r"\b(requirements?|required|qualifications?|must[- ]haves?|what you(?:'ll| will)? need|"
    r"what you(?:'ll| will)? bring|what we(?:'re| are) looking for|who you are|about you|you have|"
    r"you bring|skills|essential|minimum|competenc(?:y|ies)|profile|experience|education|"
    r"success factors?)\b",
    re.IGNORECASE,
)
_DUTIES_HEADING = re.compile(
    r"\b(responsibilit(?:y|ies)|duties|what you(?:'ll| will) do|the role|about the role|role|"
    r"day[- ]to[- ]day|job description|description|overview|summary|position|tasks)\b",
    re.IGNORECASE,
)
# Article headings ("What Are the Skills Required For ...", "How Much Does ... Cost") belong to
# blog-style ads that wrap a template in commentary: their prose is not the posting.
_ARTICLE_HEADING = re.compile(
    r"^(what (?:are|is|does)|how (?:much|to|do|does)|why)\b|\?$", re.IGNORECASE
)

_BULLET = re.compile(r"^(?:•|\d{1,2}[.)])\s+")

PREFERRED_CUE = re.compile(
    r"\b(?:preferred|preferably|preference|nice[- ]to[- ]have|bonus|"
    r"(?:(?:is|are|would be|will be)\s+)?a (?:big |huge |strong |definite )?plus|"
    r"plus\b(?=\s*[.;!]?$)|desirable|desired|ideally|advantage(?:ous)?|good to have|helpful|"
    r"not required|optional|welcome|would like)\b",
    re.IGNORECASE,
)
_REQUIRED_CUE = re.compile(
    r"\b(must|should|required|requirements?|at least|minimum|essential|mandatory|qualifications?|"
    r"need to|you(?:'ll| will)? need|you have|proven|strong|solid|proficien(?:t|cy)|"
    r"experience (?:with|in|using|of|as|\w+ing)|"
    r"knowledge of|expertise|familiar(?:ity)? with|background (?:in|using|with)|\d+\+? years?)\b",
    re.IGNORECASE,
)

_ALTERNATIVE_CUE = re.compile(
    r"\b(such as|e\.g\.?|eg\.|for example|for instance|one of|any of|either|one or more of|"
    r"two or more|at least (?:one|two|three|\d)|multiple|several|including)"
    r"(?:\s+(?:of\s+)?(?:the\s+)?following)?\s*:?\s*$",
    re.IGNORECASE,
)
_ALTERNATIVE_JOIN = re.compile(r"\bor\b|/|\band/or\b", re.IGNORECASE)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUMBER = r"(\d{1,2}(?:\.\d)?|" + "|".join(NUMBER_WORDS) + r")"
_YEARS = re.compile(
    _NUMBER + r"\s*(?:\+|plus|or more)?\s*(?:(?:-|–|to)\s*" + _NUMBER + r"\s*\+?\s*)?"
    r"(?:\(\s*\d{1,2}\s*\)\s*)?(?:full[- ]time\s+)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_COUNT_WORDS = (
    (re.compile(r"\b(multiple|several|two or more|at least two|2\+|two)\b", re.IGNORECASE), 2),
    (re.compile(r"\b(three or more|at least three|3\+|three)\b", re.IGNORECASE), 3),
)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str
    section: str  # required | preferred | duties | boilerplate | other
    heading: bool
    bullet: bool
    ad_line: int = 0  # the ad line it came from (reflow may cut one ad line into several)


def _number(word: str) -> float:
    return float(NUMBER_WORDS[word.lower()]) if word.lower() in NUMBER_WORDS else float(word)


# Figures in years that are no experience: a contract's length, a company's age, a programme.
_NOT_EXPERIENCE = re.compile(
    r"\b(contract|duration|in business|founded|old|ago|internship|warranty|assignment|"
    r"extension)\b",
    re.IGNORECASE,
)


def _years_match(text: str) -> re.Match[str] | None:
    """The first years figure in `text` that asks for experience."""
    for match in _YEARS.finditer(text):
        around = text[max(0, match.start() - 40) : match.end() + 25]
        if not _NOT_EXPERIENCE.search(around):
            return match
    return None


def read_years(text: str) -> float | None:
    """The minimum years a clause asks for: "5+ years" -> 5, "3-5 years" -> 3, "five years" -> 5.

    A contract's length ("3+ year contract") or a company's age is no minimum.
    """
    match = _years_match(text)
    return _number(match.group(1)) if match else None


def years_importance(text: str, section: str) -> str | None:
    """Like line_importance, judged on the words up to the years' own phrase.

    "7+ years managing projects, ideally in banking": the "ideally" is about the banking, not
    the years.
    """
    match = _years_match(text)
    if match is None:
        return None
    head = re.split(r"[,(]", text[match.end() :], maxsplit=1)[0]
    return line_importance(text[: match.end()] + head, section)


def group_min(prefix: str, size: int) -> int:
    """How many of an alternatives list are wanted, from the words before it."""
    want = 1
    for pattern, count in _COUNT_WORDS:
        if pattern.search(prefix):
            want = count
    return max(1, min(want, size))


def is_alternative_list(prefix: str, joins: Sequence[str]) -> bool:
    """Alternatives when introduced by "such as"/"one of"/... or joined by "or" or "/"."""
    return bool(_ALTERNATIVE_CUE.search(prefix)) or any(_ALTERNATIVE_JOIN.search(j) for j in joins)


def line_importance(text: str, section: str) -> str | None:
    """required / preferred from the line's own words, else from its section.

    None: the line states no requirement.
    """
    if PREFERRED_CUE.search(text):
        return PREFERRED
    if section in (REQUIRED, PREFERRED):
        return section
    if _REQUIRED_CUE.search(text) or _YEARS.search(text):
        return REQUIRED
    return None


# Words whose full stop ends no sentence: "e.g. Python", "B.S. Computer Science" (initials).
_ABBREVIATION = re.compile(
    r"\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|no|yrs?|mr|mrs|ms|dr|st)$|"
    r"(?<![\w.])(?:[A-Za-z]\.){1,3}[A-Za-z]{1,2}$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r";\s*|\.\s+(?=[A-Z])")


def split_clauses(text: str) -> list[str]:
    """A line's clauses, split on ';' and between sentences: "Java required; Go a plus" is two.

    A full stop after an abbreviation ("e.g. Python") does not end a sentence.
    """
    parts, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[start : match.start()]):
            continue
        stop = match.start() + match.group().startswith(".")  # the full stop stays
        parts.append(text[start:stop])
        start = match.end()
    parts.append(text[start:])
    return [c for p in parts if p.strip() for c in _split_at_years(p)]


def _split_at_years(clause: str) -> list[str]:
    """ "8 years of Java, 10 years in IT overall": one clause per years figure, cut at the
    comma or 'and' before each later figure."""
    cuts = []
    for match in list(_YEARS.finditer(clause))[1:]:
        before = clause[: match.start()]
        joint = max(before.rfind(", "), before.rfind(" and "), before.rfind("; "))
        if joint > (cuts[-1] if cuts else 0):
            cuts.append(joint)
    if not cuts:
        return [clause]
    bounds = [0, *cuts, len(clause)]
    parts = [clause[a:b].strip(" ,;") for a, b in zip(bounds, bounds[1:])]
    return [re.sub(r"^and\s+", "", p) for p in parts if p]


# Sentences about the employer, the offer or the application, wherever they stand.
_BOILERPLATE_CUE = re.compile(
    r"\b(equal opportunity|without regard to|our client|is proud to|(?:full|health|comprehensive|"
    r"generous|great|excellent|competitive) benefits|benefits (?:package|include)|401k|"
    r"paid time off|competitive (?:salary|compensation|pay)|salary (?:range|of|up to)|"
    r"apply (?:today|now|directly)|send (?:us )?your (?:updated )?resume|your resume|"
    r"sponsorship|visa|authori[sz]ed to work|eligib\w* to work|copyright|all rights reserved|"
    r"click|founded in|since (?:19|20)\d\d|been in business|headquartered|we offer|join (?:us|our)|"
    r"in business (?:for |since )?(?:\d|over\b)|"
    r"who we are|our (?:company|mission|products|clients|customers|office|culture))\b",
    re.IGNORECASE,
)


# "Our team ...", "We are ...": the employer speaking of itself, unless it says what it wants.
_EMPLOYER = re.compile(r"^\W*(?:at [\w\s.&,]{1,40},\s*)?(?:our|we)\b", re.IGNORECASE)
_WANTS = re.compile(
    r"\b(?:we(?:'re| are)?|our (?:ideal|successful) candidate)(?: \w+)? (?:need|require|"
    r"looking for|seeking|want|expect|would like|prefer|will have|has|must)",
    re.IGNORECASE,
)


def is_boilerplate(clause: str) -> bool:
    """A sentence about the employer, the pay, the perks or how to apply, or a question to the
    reader ("Are you passionate about data?"): no requirement."""
    text = clause.strip()
    if text.endswith("?") or _BOILERPLATE_CUE.search(text):
        return True
    return bool(_EMPLOYER.match(text)) and not _WANTS.search(text)


# Wording that makes a sentence outside the ad's requirement sections a requirement.
_STRONG_CUE = re.compile(
    r"\b(?:must|required|is a must|you(?:'ll| will) need|candidates? (?:who|with|should|must)|"
    r"ideal candidate|looking for (?:someone|a candidate|candidates|an? \w+ (?:who|with))|"
    r"would like to (?:meet|see)|a plus|preferred|ideally)\b",
    re.IGNORECASE,
)


def states_requirement(clause: str) -> bool:
    """A sentence that says what the candidate must (or should ideally) have."""
    return bool(_STRONG_CUE.search(clause))


# "communication, negotiation and collaboration skills": words sharing the noun after them.
_SHARED_NOUN = re.compile(
    r"((?:[A-Za-z][\w-]*\s*,\s*)*(?:[A-Za-z][\w-]*\s*,?\s+(?:and|&|or)\s+)?[A-Za-z][\w-]*)"
    r"\s+(?:skills?|abilities|skill set|experience)\b",
    re.IGNORECASE,
)


def shared_noun_words(text: str) -> list[str]:
    """The words before "skills" in `text`, each of which the noun applies to."""
    words = []
    for match in _SHARED_NOUN.finditer(text):
        for word in re.split(r"\s*,\s*|\s+(?:and|&|or)\s+", match.group(1)):
            if word and word.lower() not in ("and", "or", "strong", "excellent", "good"):
                words.append(word.strip())
    return words


def heading_kind(text: str) -> str:
    if _PREFERRED_HEADING.search(text):
        return PREFERRED
    if _ARTICLE_HEADING.search(text) or _BOILERPLATE_HEADING.search(text):
        return BOILERPLATE
    if _REQUIRED_HEADING.search(text):
        return REQUIRED
    if _DUTIES_HEADING.search(text):
        return DUTIES
    return OTHER


def _heading(text: str, prev: str, following: str) -> str | None:
    """The section kind a heading line opens, or None when the line is not a heading.

    "Requirements:" is a heading anywhere; a short line without end punctuation is one only when
    it stands apart (blank line before it), and a heading of no known kind also needs a blank
    line after it, so an unbulleted requirement line ("Python expert") does not end its section.
    """
    if not text or _BULLET.match(text) or len(text) > 90:
        return None
    if text.endswith(":") and len(text.split()) <= 8:
        return heading_kind(text.rstrip(":"))
    if prev or len(text.split()) > 12 or re.search(r"[.,;!]$", text):
        return None
    kind = heading_kind(text)
    if kind == OTHER and following and not _BULLET.match(following):
        return None
    return kind


def classify_lines(lines: Sequence[str], ad_lines: Sequence[int] = ()) -> list[Line]:
    """Each line with the kind of section it sits in. The first line (the title) is boilerplate.

    `ad_lines`: the ad line each line came from, when reflow cut lines (default: the same).
    """
    texts = [raw.strip() for raw in lines]
    numbers = list(ad_lines) or list(range(1, len(texts) + 1))
    result: list[Line] = []
    section, seen_title = OTHER, False
    for i, text in enumerate(texts):
        if text and not seen_title:
            seen_title = True
            result.append(Line(i + 1, text, BOILERPLATE, True, False, numbers[i]))
            continue
        prev = texts[i - 1] if i else ""
        following = texts[i + 1] if i + 1 < len(texts) else ""
        kind = _heading(text, prev, following)
        if kind is not None:
            section = kind
        bullet = bool(_BULLET.match(text))
        result.append(Line(i + 1, text, section, kind is not None, bullet, numbers[i]))
    return _promote_desired(result)


_DESIRED = re.compile(r"\bdesired|desirable\b", re.IGNORECASE)


def _promote_desired(lines: list[Line]) -> list[Line]:
    """ "Desired skills and experience" followed by a weaker list ("Bonus qualifications") in an
    ad with no required section is the ad's main list: its items are required."""
    headings = [ln for ln in lines if ln.heading and ln.number > 1]
    if any(ln.section == REQUIRED for ln in headings):
        return lines
    preferred = [ln for ln in headings if ln.section == PREFERRED]
    if len(preferred) < 2 or not _DESIRED.search(preferred[0].text):
        return lines
    first, second = preferred[0].number, preferred[1].number
    return [replace(ln, section=REQUIRED) if first <= ln.number < second else ln for ln in lines]


_TITLE_NOISE = re.compile(
    r"\s*[-–|:(]?\s*\b(job description|job ad(?:vert)?|job posting|vacancy|hiring|template)\b.*$",
    re.IGNORECASE,
)


def title_from(lines: Sequence[str]) -> str:
    """The job title: the first non-empty line, without "Job title:" or "Job Description: ..."."""
    for raw in lines:
        text = raw.strip().lstrip("#").strip()
        if not text:
            continue
        text = re.sub(r"^(job title|position|role|title)\s*:\s*", "", text, flags=re.IGNORECASE)
        text = _TITLE_NOISE.sub("", text).strip(" -–|:")
        text = re.split(r"\s+[-–|]\s+|:\s+", text)[0].strip()
        return text or "Untitled posting"
    return "Untitled posting"
