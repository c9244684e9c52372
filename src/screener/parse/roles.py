"""What a role is (from its title's head noun) and whether a duty line is the person's own use.

A title's head noun is its last role noun before any qualifier ("Director of Engineering" ->
director, "IT Support Specialist" -> support, "Manager, Software Development" -> manager).
`ROLE_KINDS` maps role nouns to a small set of kinds; every kind but `BUILD` is a role of
another kind than hands-on development, whatever the words around it ("Software Engineering
Manager" manages). A title with no known role noun has no kind: its duties decide.

A duty uses a skill as the person's own work unless the sentence's subject has others do it.
The verb leading the clause that holds the mention decides, with the role and the sentence:
- teaching or hiring ("Taught Python to 200 students", "Hired Java developers"): others' work;
- directing ("Sponsored the adoption of Kubernetes", "Oversaw the AWS migration", "Managed the
  Java team"): others' work unless the same sentence has the person do hands-on work too
  ("..., writing the Terraform", "and built the pipelines");
- leading ("Led ...", "Ran ...", "Chose ..."): the person's own work in a developer's role by
  title; otherwise others' work when its object is people, a team or vendors ("led the PHP
  team", "chose the vendors for Oracle support") or, in a manager's or executive's role by
  title, a change effort (a VP who "led the move of data centers to AWS"), again unless the
  sentence has the person do hands-on work; a marketing manager who "led the rebrand" did it;
- any other verb (built, wrote, deployed, ...) or none: the person's own use.
"""

from __future__ import annotations

import re

from screener.parse.words import alternation, pairs, words

BUILD = "build"
MANAGE = "manage"
# Role nouns by kind (`_data/experience/role_nouns.txt`). Add a noun to the kind it names,
# never a whole title.
ROLE_KINDS: dict[str, str] = pairs("role_nouns")
# Where a title's head part ends: "VP of IT", "Manager, Software", "Developer (contract)".
_QUALIFIER_RE = re.compile(r"\s+(?:of|for|at|in)\s+|[,(|/]|\s[-\u2013\u2014]\s", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z][a-z-]*")


# Taxonomy categories of hands-on technical work (`_data/experience/hands_on_categories.txt`).
HANDS_ON_CATEGORIES = words("hands_on_categories")


def role_kinds(title: str) -> tuple[str | None, frozenset[str]]:
    """(kind of the title's head noun, kinds of all role nouns in its head part)."""
    head_part = _QUALIFIER_RE.split(title.lower(), maxsplit=1)[0]
    kinds = [ROLE_KINDS[w] for w in _WORD_RE.findall(head_part) if w in ROLE_KINDS]
    return (kinds[-1] if kinds else None), frozenset(kinds)


def other_kind(title: str) -> bool:
    """Whether the title names a role of another kind than development (head noun decides)."""
    head, _ = role_kinds(title)
    return head is not None and head != BUILD


def _verbs(fragments: str) -> re.Pattern[str]:
    """A whole-word pattern of a verb table's fragments."""
    return re.compile(rf"^(?:{fragments})$", re.IGNORECASE)


# Verb tables (`_data/experience/*.txt`): what the verb leading a clause says of who did the work.
# Teaching, hiring: always others' work. Sponsored, oversaw, managed: directing it. Led, ran,
# chose: the object or the role decides. Built, wrote, deployed: doing it oneself.
_OTHERS_RE = _verbs(alternation("others_work_verbs"))
_DIRECTING_RE = _verbs(alternation("directing_verbs"))
_LEADING_RE = _verbs(alternation("leading_verbs"))
_HANDS_ON_RE = _verbs(alternation("hands_on_verbs"))
_VERB_RE = re.compile(
    "|".join(r.pattern for r in (_OTHERS_RE, _DIRECTING_RE, _LEADING_RE, _HANDS_ON_RE)),
    re.IGNORECASE,
)
# A leading verb's object that is people, a team or vendors: plural role nouns count ("led
# the developers"; not "led the DevOps adoption", "led support for Oracle").
_DIRECTED_OBJECTS = words("directed_objects") | {noun + "s" for noun in ROLE_KINDS}
# A leading verb's object that a manager or executive directs: a change effort.
_DIRECTED_EFFORTS = words("directed_efforts")
# Words before a clause's verb that do not change who did the work.
_LEAD_FILLER = words("lead_fillers")
_CLAUSE_END_RE = re.compile(r"[.;!?](?:\s|$)")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
_LEAD_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'-]*|[,;&]")
# Where a leading verb's object ends ("led the move of data centers to AWS", "managed Java
# developers for 3 clients").
_OBJECT_END = frozenset(", ; for to in on at with across from into by using via while".split())
# Who does a hands-on verb: a relative pronoun opens a clause about someone else
# ("the team that built"); these cues before a verb keep the sentence's subject.
_RELATIVE = frozenset({"that", "who", "which", "whose", "whom"})
_OBJECT_HEAD = 3  # words after a hands-on verb that may name its object ("built a new team")
_PAST_CUES = frozenset({None, ",", "and", "&"})
_PARTICIPLE_CUES = frozenset({",", "by", "while", "through", "when"})
_TRANSPARENT = frozenset({"also", "personally", "then", "directly", "myself", "hands-on"})


def own_use(
    line: str, text: str, previous: str = "", role: str | None = None, technical: bool = True
) -> bool:
    """Whether the mention `text` on `line` is the person's own use of the skill.

    `previous`: the line before, read when this one continues its sentence (starts lower-case).
    `role`: the kind of the position's title (`role_kinds`), None when unknown.
    `technical`: the skill is hands-on technical work (a language, a database, a cloud, ...);
    leading is doing the work for any other ("led the B2B sales team", "led the rebrand").
    """
    at = line.lower().find(text.lower()) if text else -1
    before = line[:at] if at >= 0 else line
    after = line[at + len(text) :] if at >= 0 else ""
    if len(_CLAUSE_END_RE.split(before)) == 1 and previous and _continues(line):
        before = previous + " " + before
    clause = _CLAUSE_END_RE.split(before)[-1]
    lead = _governing_verb(clause, technical)
    if lead is None:
        return True
    verb = lead[0]
    if _OTHERS_RE.match(verb):
        return False
    if _LEADING_RE.match(verb):
        if role == BUILD or not technical:
            return True
        targets = _object_words(clause[lead.end() :], _CLAUSE_END_RE.split(after)[0])
        if targets.isdisjoint(_DIRECTED_OBJECTS) and (
            role != MANAGE or targets.isdisjoint(_DIRECTED_EFFORTS)
        ):
            return True
    elif not _DIRECTING_RE.match(verb):
        return True
    sentence = _SENTENCE_END_RE.split(before)[-1] + " " + _SENTENCE_END_RE.split(after)[0]
    return _does_hands_on_work(sentence)


def _governing_verb(clause: str, later: bool = True) -> re.Match[str] | None:
    """The verb whose object holds the end of `clause`: its first word past the fillers
    ("Responsible for teaching"), or (`later`) a later one of the verb tables that starts a
    predicate of the same subject after "and", or after a comma unless an -ing form ("Set the
    strategy, led the move to"; not "hiring, training and Oracle"), never inside a clause about
    someone else ("the team that built and deployed")."""
    verb, cue = None, None
    for m in _TOKEN_RE.finditer(clause):
        low = m[0].lower()
        if low in _RELATIVE and verb is not None:
            break
        if low in (",", "&", "and"):
            cue = "," if low == "," else "and"
            continue
        if (verb is None or cue) and low in _LEAD_FILLER:
            continue
        if verb is None:
            verb = m
        elif later and cue and _VERB_RE.match(low) and not (cue == "," and low.endswith("ing")):
            verb = m
        cue = None
    return verb


def _object_words(between: str, after: str) -> set[str]:
    """A leading verb's object, lower case: the words from the verb up to the mention or a
    preposition or comma before it, and then the few of the mention's noun phrase after it
    ("managed outsourced Java developers", "led the PHP team"; not "coordinated with the
    vendors")."""
    found: list[str] = []
    for tokens, reach in ((_TOKEN_RE.findall(between), None), (_TOKEN_RE.findall(after), 4)):
        for token in tokens[:reach]:
            if token.lower() in _OBJECT_END:
                return {w.lower() for w in found}
            found.append(token)
    return {w.lower() for w in found}


def _does_hands_on_work(sentence: str) -> bool:
    """Whether the sentence's subject does hands-on work in it: a past form of a hands-on verb
    at a clause's start or after a comma or "and" ("and built the pipeline"), an -ing form after
    a comma, "by" or "while" ("..., writing the Terraform"), never inside a relative clause
    ("the team that built ...") nor of people ("built a team of 12", "developed staff")."""
    tokens = _TOKEN_RE.findall(sentence)
    relative, cue = False, None
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _TRANSPARENT:
            continue
        if low == ";" or (low == "," and _opens_participle(tokens[i + 1 :])):
            relative = False
        if low in _RELATIVE:
            relative = True
        elif not relative and _HANDS_ON_RE.match(low):
            cues = _PARTICIPLE_CUES if low.endswith("ing") else _PAST_CUES
            if cue in cues and not _names_people(tokens[i + 1 : i + 1 + _OBJECT_HEAD]):
                return True
        cue = None if low == ";" else low
    return False


def _names_people(tokens: list[str]) -> bool:
    """Whether a verb's first words, up to a comma, name people ("a team", "new staff")."""
    for token in tokens:
        if token in (",", ";"):
            return False
        if token.lower() in _DIRECTED_OBJECTS:
            return True
    return False


def _opens_participle(rest: list[str]) -> bool:
    """Whether a comma opens a phrase about the sentence's subject (", writing ...", ", by ...")."""
    following = next((t.lower() for t in rest if t.lower() not in _TRANSPARENT), "")
    return following in _PARTICIPLE_CUES or (
        following.endswith("ing") and bool(_HANDS_ON_RE.match(following))
    )


def _continues(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()
