"""Where a skill word stands, when that says it names something else (used by
`screener.parse.skills`).

A short skill name is often also the name of something in another field; the words around it
say which, without a word list per skill:
- the proper name of an organisation, an event or a publication: "CSS Americas Manager
  Advisory Council", "Conference on Machine Learning, Electrical ... Engineering" (an
  employer's name, "Python Plumbing Ltd", is the skills module's own rule);
- a credential of another field that the acronym heads as its issuer: "AWS Entry-Level Welder
  Certificate" is the welding society's, "AWS Certified Solutions Architect" the cloud's;
- one of a series of codes: "services S1, S2, S3, S4";
- a vendor's name among another field's products: "Oracle, PeopleSoft, payroll, QuickBooks"
  names Oracle's business software, not its database; which vendor names are such is read
  from the taxonomy (a technical skill's ambiguous form that opens aliases of skills in
  other, non-technical categories: "Oracle" of "Oracle Financials", "SOAP" of "SOAP notes").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from screener.parse.roles import HANDS_ON_CATEGORIES, ROLE_KINDS
from screener.parse.words import alternation, words


class Words(Protocol):
    """The matcher's word columns (`screener.parse.skills._Words`)."""

    texts: list[str]
    lowers: list[str]
    lines: list[int]


_ORG_NOUNS = words("org_nouns")
_CREDENTIAL_NOUNS = words("credential_nouns")
_JOB_WORD_RE = re.compile(rf"(?:{alternation('job_words')})s?", re.IGNORECASE)
# Job words that name a rank, not a field: "AWS Solutions Architect - Associate".
_RANKS = frozenset(
    """associate assistant specialist expert master fellow intern trainee apprentice student
    consultant contractor freelancer worker co-op lead""".split()
)
_ORG_GAP = 4  # capitalised words between a skill word and the noun ending the body's name
_OF_WORDS = frozenset({"on", "of", "for", "in"})  # "Conference on", "Journal of"
_CREDENTIAL_REACH = 6  # words of a credential's name read after its issuer
_NAME_JOINERS = frozenset({"-", "–", "&"})
_CODE_RE = re.compile(r"([a-z])(\d{1,2})")
_CODE_REACH = 3  # words either side where a sibling code may stand


def stands_for_other(start: int, end: int, words: Words, wrapped: frozenset[int]) -> bool:
    """Whether the mention at word indexes [start, end) names something else by where it
    stands: an organisation's, event's or publication's name, a credential of another field,
    a code in a series."""
    return (
        _in_body_name(start, end, words)
        or _heads_other_credential(end, words, wrapped)
        or _in_code_series(start, end, words)
    )


def _in_body_name(start: int, end: int, words: Words) -> bool:
    """ "CSS Americas Manager Advisory Council": capitalised words after the mention end in an
    organisation's noun; "Conference on Machine learning": the mention follows one."""
    line = words.lines[start]
    for i in range(end, min(end + _ORG_GAP + 1, len(words.texts))):
        text = words.texts[i]
        if words.lines[i] != line or not text[:1].isupper():
            break
        if words.lowers[i] in _ORG_NOUNS:
            return True
    k = start - 1
    if k >= 0 and words.lowers[k] == "the":
        k -= 1
    if k < 1 or words.lowers[k] not in _OF_WORDS or words.lines[k - 1] != line:
        return False
    return words.lowers[k - 1] in _ORG_NOUNS and words.texts[k - 1][:1].isupper()


def _heads_other_credential(end: int, words: Words, wrapped: frozenset[int]) -> bool:
    """ "AWS Entry-Level Welder Certificate", "AWS Certified Welding Inspector": the
    capitalised words after the mention name a credential and a job of another field than
    the roles a skill belongs to (role_nouns.txt: developer, engineer, architect, ...)."""
    name: list[str] = []
    line = words.lines[end - 1]
    for i in range(end, min(end + _CREDENTIAL_REACH, len(words.texts))):
        text = words.texts[i]
        if words.lines[i] != line and not (words.lines[i] == line + 1 and line + 1 in wrapped):
            break
        if not (text[:1].isupper() or text[:1].isdigit() or text in _NAME_JOINERS):
            break
        line = words.lines[i]
        name.append(words.lowers[i])
    if _CREDENTIAL_NOUNS.isdisjoint(name) or not ROLE_KINDS.keys().isdisjoint(name):
        return False
    return any(w not in _RANKS and _JOB_WORD_RE.fullmatch(w) for w in name)


def _in_code_series(start: int, end: int, words: Words) -> bool:
    """ "S1, S2, S3, S4": a one-letter code beside the same letter with another number."""
    own = _CODE_RE.fullmatch(words.lowers[start]) if end - start == 1 else None
    if own is None:
        return False
    line = words.lines[start]
    for i in range(max(0, start - _CODE_REACH), min(len(words.texts), end + _CODE_REACH)):
        other = _CODE_RE.fullmatch(words.lowers[i]) if i != start else None
        if other and words.lines[i] == line and other[1] == own[1] and other[2] != own[2]:
            return True
    return False


# --------------------------------------------------------------------------- vendors


def vendor_fields(taxonomy: Any) -> dict[str, frozenset[str]]:
    """Ambiguous one-word forms of technical skills that also open the aliases of skills in
    non-technical categories -> those categories ("oracle" -> accounting, management)."""
    out: dict[str, frozenset[str]] = {}
    skills = list(taxonomy.skills.values())
    for skill in skills:
        if skill.category not in HANDS_ON_CATEGORIES or skill.context is None:
            continue
        for form in skill.context.ambiguous:
            fields = {
                other.category
                for other in skills
                if other.category not in HANDS_ON_CATEGORIES
                and any(f.lower().startswith(form + " ") for f in other.forms)
            }
            if fields and " " not in form:
                out[form] = frozenset(fields)
    return out


def other_field_products(
    accepted: list[Any],
    fields: dict[str, frozenset[str]],
    category: Callable[[str], str],
    own_evidence: Callable[[Any], bool],
    near: Callable[[Any, Any], bool],
) -> list[Any]:
    """The accepted mentions less a vendor's name read as its product in another field.

    A mention of such a name (`fields`) among skills of those fields ("Oracle, PeopleSoft,
    QuickBooks") with none of its own kind beside it (the rule's near categories, its own
    category) and nothing after it that names the technology ("Oracle 11g", "Oracle
    database": `own_evidence`) is the other product; `near(m, o)`: o stands near enough to m
    to vouch for it. One sense per resume: then its other mentions go too unless one has its
    own kind beside it or such words after it."""
    vendors = [m for m in accepted if m.rule is not None and m.text.lower() in fields]
    if not vendors:
        return accepted
    other, strong = set(), set()
    for m in vendors:
        around = {category(o.skill) for o in accepted if o.skill != m.skill and near(m, o)}
        own = set(m.rule.near_categories) | {category(m.skill)}
        if own_evidence(m) or around & own:
            strong.add(m.skill)
        elif around & fields[m.text.lower()]:
            other.add(id(m))
    if not other:
        return accepted
    gone = {m.skill for m in vendors if id(m) in other} - strong
    return [
        m for m in accepted if id(m) not in other and not (m.skill in gone and m in vendors)
    ]
