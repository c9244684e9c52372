"""Recognise taxonomy skills in resume text, with the evidence for each.

Three tiers, each claiming tokens so a weaker tier never re-reads them:

1. explicit: a spaCy PhraseMatcher (attr=LOWER, on spacy.blank("en") with a tokenizer that keeps
   C++, C#, .NET, CI/CD, TCP/IP, PL/SQL whole) finds every name and alias; overlaps resolve
   longest-first. Forms that are also ordinary words ("Go", "Excel", "Spring", "Chef") pass
   only when their taxonomy context rule admits them (case, vetoes, qualifiers, section,
   nearby skills), evaluated to a fixpoint so "Go, Rust, C" support one another.
2. fuzzy: near-miss spellings of long forms ("Kubernates", "Postgress", "Elastic search") via
   rapidfuzz edit distance, never for short forms and never for dictionary words.
3. implied: skills implied by found ones (Django -> Python), with `implied_by` and no evidence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.parse.roles import HANDS_ON_CATEGORIES
from screener.parse.senses import other_field_products, stands_for_other, vendor_fields
from screener.records import BASIC, NEGATED, NOT_CLAIMED, WISHED, Evidence, Section, SkillHit
from screener.rubric.taxonomy import ContextPattern, ContextRule, Taxonomy, load_taxonomy

MAX_EVIDENCE = 5  # occurrences kept per skill, earliest first
NEAR_WINDOW = 8  # words between two mentions that still count as "near"
FUZZY_MIN_LEN = 7  # shorter tokens are only matched when they are a transposition
FLATTENED_WORDS = 80  # words on one line beyond which it is a flattened resume, not a list
# Whitespace-separated chunks tokenised on their own to fill spaCy's tokenizer cache (see
# `SkillMatcher._make_doc`); the tokenizer's cache is raised to the same bound.
TOKENIZER_CACHE = 30_000
_VERSION = re.compile(r"^v?(\d{1,2}|\d+\.\d+)(\.\d+)*(\.x)?[a-z]{0,2}\+?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DIGIT = re.compile(r"\d")
# "Postgres13", "Java8", "Node14", "Python3.11", "Oracle12c": a form with its version glued on.
_GLUED_VERSION = re.compile(r"^([a-z][a-z+#]{2,}?)-?v?(\d{1,2}(?:\.\d+)*(?:\.x)?[a-z]?)$")
# "node v16", "go 1.21": a version no ordinary number looks like (a "v" or a dot).
_CLEAR_VERSION = re.compile(r"^(v\d{1,2}(\.\d+)*|\d{1,2}\.\d+(\.\d+)*)(\.x)?$")
# URLs with a scheme or www., and e-mail addresses, stay one token; "node.js/express" does not.
_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$|^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE
)
# Chunks that glue two skills together and must be split, in every spelling ("C#.Net").
_SPLITS = {
    f"{c}{sep}{n}": (c, *(("/",) if sep else ()), n)
    for c in ("C#", "c#")
    for n in (".NET", ".Net", ".net")
    for sep in ("", "/")
}
_MEMO_SIZE = 50_000  # entries a fuzzy memo holds before it starts again
_UNSEEN = object()  # "not in the memo", where None is a remembered answer
_STOPWORDS_FILE = Path(__file__).parent.parent / "_data" / "fuzzy_stopwords.txt"
# A recruiter's "Hired 40 engineers for Java and React roles" names skills the writer does not
# claim: in a clause with a hiring verb, a skill followed by a role noun is not a claim.
_HIRING_VERBS = frozenset(
    [
        "hired",
        "hiring",
        "recruited",
        "recruiting",
        "recruit",
        "placed",
        "placing",
        "sourced",
        "sourcing",
        "filled",
        "staffed",
        "interviewed",
        "screened",
        "headhunted",
    ]
)
_ROLE_NOUNS = frozenset(
    [
        "role",
        "roles",
        "position",
        "positions",
        "engineers",
        "developers",
        "programmers",
        "candidates",
        "hires",
        "requisitions",
        "reqs",
        "openings",
        "vacancies",
        "talent",
        "consultants",
        "specialists",
    ]
)
_CLAUSE_END = frozenset({".", ";", "!", "?"})
# "a Python service", "the Python codebase", "a Java microservice": a technology named as the
# modifier of a software noun is a skill, whatever article stands before it.
_SOFTWARE_NOUNS = frozenset(
    """service services microservice microservices codebase code-base codebases application
    applications app apps api apis backend back-end library libraries module modules package
    packages script scripts sdk program programs developer developers engineer engineers
    programmer programmers framework stack project projects server servers component
    components tooling pipeline pipelines""".split()
)
_SOFTWARE_CATEGORIES = frozenset(
    {"language", "framework", "frontend", "database", "mobile", "testing", "devops", "cloud"}
)
# "Python Plumbing Ltd", "HCL Technologies", "Oracle Corporation": a skill word inside an
# employer's name. Legal-entity suffixes only (and the two trade words that end most IT firms'
# names): experience.py's wider employer class also holds "Cloud", "Systems", "Software",
# which follow skills in product names ("AWS Cloud").
_COMPANY_SUFFIXES = frozenset(
    """ltd ltd. limited inc inc. incorporated llc llp gmbh plc corp corp. corporation pvt pty
    technologies consulting""".split()
)
_NAME_GAP = 2  # capitalised words that may stand between a skill word and the suffix
# Words after which an undecided ambiguous mention stands as a list item ("Java, Spring").
_LIST_SEPARATORS = frozenset({",", ";", "/", "|", ")", "]", ".", ":", "and", "&", "or", "–", "—"})
# "Keras- Exprience - 24 months": a form field naming one skill ("Exprience" sic, as pasted).
_DASHES = frozenset({"-", "–", "—"})
_FIELD_WORDS = frozenset({"exprience", "experience", "expirience", "experiance"})
_FIELD_BEFORE = frozenset({"months", "month", "years", "year", "details", "•", "*", "⢠"})
# "⢠" is what a "â¢" bullet (a UTF-8 bullet that lost a byte) becomes after repair.
_BULLETS = frozenset({"•", "-", "*", "–", "—", "·", "o", "▪", "►", "✓", "⢠"})
# Two-word near misses never start or end with these ("in for" is not "Infor").
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "so",
        "the",
        "to",
        "up",
        "we",
        "with",
        "my",
        "our",
    ]
)
# Skills named in plain English ("baking", "triage", "mentoring"): a near miss of those is
# another ordinary word far more often than a typo, so the fuzzy tier leaves them alone.
_PLAIN_CATEGORIES = frozenset(
    {
        "soft",
        "hospitality",
        "education",
        "healthcare",
        "logistics",
        "sales",
        "customer-service",
        "management",
        "hr",
        "aviation",
        "marketing",
        "methodology",
    }
)


class _Words:
    """The resume's non-space tokens, as columns: word i is texts[i], lowers[i] (its lower
    case), on 1-based line lines[i]. Columns, not an object per word: cheaper to build."""

    __slots__ = ("texts", "lowers", "lines", "starts", "ends")

    def __init__(self, texts: list[str], lowers: list[str], lines: list[int]) -> None:
        self.texts, self.lowers, self.lines = texts, lowers, lines
        # Word indexes where explicit mentions start / end (exclusive): "Go/Rust" pairs skills
        self.starts: frozenset[int] = frozenset()
        self.ends: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.texts)


@dataclass
class _Mention:
    skill: str
    start: int  # word index, inclusive
    end: int  # word index, exclusive
    line: int
    text: str
    rule: ContextRule | None  # set when this form needs context
    fuzzy: bool = False
    software: bool = False  # of a software category: may modify a software noun


class SkillMatcher:
    """Built once per taxonomy (see `matcher_for`); `find` is then a few ms per resume."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.nlp = _make_nlp(taxonomy)
        self._matcher, self._ambiguous = self._build_matcher()
        self._glued = self._glueable_forms()
        self._humps = _camel_splits(taxonomy)
        # Acronym forms ("DAX", "HCL"): written "Dax" before a capitalised word, a person's name
        self._acronyms = {
            (s.id, f.lower())
            for s in taxonomy.skills.values()
            for f in s.forms
            if f.isalpha() and f.isupper() and 2 <= len(f) <= 5
        }
        self._fuzzy = _FuzzyIndex(taxonomy, self.nlp, _load_stopwords())
        self._stance_cues = stance_cues(self.nlp)
        self._warmed: set[str] = set()
        # Skills of hands-on technical work: a manager leading it directs it (`own_use`).
        self.hands_on = frozenset(
            s.id for s in taxonomy.skills.values() if s.category in HANDS_ON_CATEGORIES
        )
        self._vendors = vendor_fields(taxonomy)  # "oracle": also the name of ERP products

    def _build_matcher(self) -> tuple[Any, dict[tuple[str, str], ContextRule]]:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        ambiguous: dict[tuple[str, str], ContextRule] = {}
        for skill in self.taxonomy.skills.values():
            docs = [self.nlp.make_doc(form) for form in skill.forms]
            matcher.add(skill.id, docs)
            if skill.context:
                for form in skill.context.ambiguous:
                    ambiguous[(skill.id, _key(self.nlp.make_doc(form)))] = skill.context
        return matcher, ambiguous

    def _glueable_forms(self) -> dict[str, str]:
        """One-word forms of letters (and + #) that may carry a glued version: form -> id."""
        owner: dict[str, str | None] = {}
        for skill in self.taxonomy.skills.values():
            for form in skill.forms:
                key = form.lower()
                if len(key) >= 3 and re.fullmatch(r"[a-z][a-z+#]+", key):
                    owner[key] = skill.id if owner.get(key, skill.id) == skill.id else None
        return {k: v for k, v in owner.items() if v}

    # ------------------------------------------------------------------ public

    def find(self, lines: Sequence[str], sections: Sequence[Section] = ()) -> tuple[SkillHit, ...]:
        """Skills in a resume's lines; sorted by id; explicit, fuzzy and implied hits."""
        text = "\n".join(lines)
        doc = self._make_doc(text)
        tokens = _Tokens(doc, text)
        words, index = _words(tokens, lines)
        section_of = _section_lookup(sections, _flattened_lines(words))
        wrapped = _wrapped_lines(words)
        shouting = _shouting_lines(words)
        not_claims = _hiring_clauses(words, wrapped) if _hiring(tokens) else frozenset()
        explicit = self._explicit(doc, tokens, words, index)
        explicit = self._split_camel_forms(words, explicit)
        words.starts = frozenset(m.start for m in explicit)
        words.ends = frozenset(m.end for m in explicit)
        explicit += self._glued_versions(words, explicit)
        mentions: list[_Mention] = []
        names: list[_Mention] = []  # "Python Plumbing Ltd", "Dax Turner": no skill
        for m in explicit:
            if m.start not in not_claims:
                named = (
                    _in_company_name(m, words)
                    or self._person_name(m, words)
                    or stands_for_other(m.start, m.end, words, wrapped)
                )
                (names if named else mentions).append(m)
        accepted = _admit(mentions, words, section_of, self.taxonomy, wrapped, (), shouting)
        accepted = _drop_echoes(
            accepted, (mentions, names), words, section_of, self.taxonomy, wrapped
        )
        accepted = self._other_field_products(accepted, words, wrapped)
        admitted = {_identity(m) for m in accepted}  # `m in accepted`, without a list scan
        claimed = {
            i
            for m in mentions
            if not m.rule or _identity(m) in admitted
            for i in range(m.start, m.end)
        }
        claimed.update(i for m in names for i in range(m.start, m.end))  # no typo of a name
        fuzzy = [m for m in self._fuzzy.find(words, claimed) if m.start not in not_claims]
        accepted += [m for m in fuzzy if m.rule is None]
        ruled = [m for m in fuzzy if m.rule is not None]  # typos of ambiguous forms: "Angualr"
        if ruled:
            support = list(accepted)
            accepted += [
                m
                for m in _admit(ruled, words, section_of, self.taxonomy, wrapped, support, shouting)
                if m.rule is not None
            ]
        stances = stance_clauses(words, self._stance_cues, wrapped)
        return self._hits(accepted, _section_lookup(sections), stances)

    def _glued_versions(self, words: _Words, explicit: list[_Mention]) -> list[_Mention]:
        """Mentions in words the matcher left whole: "Postgres13", "Java8", "Node14".

        The version makes even an ambiguous form ("Node", "Java") the technology, so the
        mention needs no context; a year ("Excel2016") is not taken for a version.
        """
        covered = {i for m in explicit for i in range(m.start, m.end)}
        out = []
        for i, lower in enumerate(words.lowers):
            if i in covered or not lower[-1:].isalnum() or not _DIGIT.search(lower):
                continue
            found = _GLUED_VERSION.match(lower)
            sid = self._glued.get(found.group(1)) if found else None
            if sid is not None:
                out.append(_Mention(sid, i, i + 1, words.lines[i], words.texts[i], None))
        return out

    def _split_camel_forms(self, words: _Words, explicit: list[_Mention]) -> list[_Mention]:
        """ "Java Script", "Git Hub", "Word Press": a one-word form written as two words where
        its inner capital stands is that form, not the skill its first word names ("Java").

        The fuzzy tier reads such pairs ("Type Script") when no explicit match has claimed a
        word of them; this gives the pair back where one has. A spelling variant: fuzzy.
        """
        humps, lowers, texts, lines = self._humps, words.lowers, words.texts, words.lines
        out = explicit
        for i in range(len(words) - 1):
            if lowers[i] not in humps or lines[i] != lines[i + 1]:
                continue
            sid = humps[lowers[i]].get(lowers[i + 1])
            if sid is None or not (texts[i][:1].isupper() and texts[i + 1][:1].isupper()):
                continue
            inside = [m for m in out if m.start < i + 2 and m.end > i]
            if not inside or any(m.start <= i and i + 2 <= m.end for m in inside):
                continue  # unclaimed: the fuzzy tier's; "Power Point": already one form
            out = [m for m in out if m.end <= i or m.start >= i + 2]
            text = f"{texts[i]} {texts[i + 1]}"
            out.append(_Mention(sid, i, i + 2, lines[i], text, None, True, self._software(sid)))
        return sorted(out, key=lambda m: (m.start, m.end)) if out is not explicit else out

    def _other_field_products(
        self, accepted: list[_Mention], words: _Words, wrapped: frozenset[int]
    ) -> list[_Mention]:
        """Less a vendor's name read as its product in another field (`senses`)."""
        if not self._vendors:
            return accepted

        def own_evidence(m: _Mention) -> bool:  # "Oracle 11g", "Oracle database"
            assert m.rule is not None
            return any(p.after and not p.before and p.after != ("/",) and _pattern_at(p, m, words)
                       for p in m.rule.admit)

        def near(m: _Mention, o: _Mention) -> bool:
            gap = max(o.start - m.end, m.start - o.end)
            return gap <= NEAR_WINDOW and _same_sentence(m.line, o.line, wrapped)

        def category(sid: str) -> str:
            return self.taxonomy.skills[sid].category

        return other_field_products(accepted, self._vendors, category, own_evidence, near)

    def _software(self, sid: str) -> bool:
        return self.taxonomy.skills[sid].category in _SOFTWARE_CATEGORIES

    def _person_name(self, m: _Mention, words: _Words) -> bool:
        """ "Dax Turner": an acronym written as a name and followed by a capitalised word that
        is no skill and no software noun ("Sql Server", "Php Developer" stay skills)."""
        text = m.text
        if m.end - m.start != 1 or not (text[:1].isupper() and text[1:].islower()):
            return False
        if (m.skill, text.lower()) not in self._acronyms:
            return False
        nxt = m.end
        if nxt >= len(words) or words.lines[nxt] != m.line or nxt in words.starts:
            return False
        word = words.texts[nxt]
        return (
            word[:1].isupper()
            and word[1:].islower()
            and word.isalpha()
            and words.lowers[nxt] not in _SOFTWARE_NOUNS
        )

    def find_text(self, text: str) -> tuple[SkillHit, ...]:
        """Skills in free text with no section information (a job ad, a snippet)."""
        return self.find(text.split("\n"), ())

    # ------------------------------------------------------------------ steps

    def _make_doc(self, text: str) -> Any:
        """`nlp.make_doc(text)`, with spaCy's tokenizer cache filled first.

        spaCy caches how it split a whitespace-separated chunk ("Python," -> "Python" ","), but
        stops saving for the rest of a text once any special case (C#, "e.g.", ...) has matched
        in it: a resume is one text, so nearly every chunk was split afresh (~1.3 ms a resume).
        Tokenising each chunk not seen before on its own fills the cache; the text's tokens are
        the same, only found faster. Bounded: once the cache is full the warming stops.
        """
        tokenizer = self.nlp.tokenizer
        warmed = self._warmed
        if len(warmed) < TOKENIZER_CACHE:
            new = [c for c in dict.fromkeys(text.split()) if c not in warmed]
            for chunk in new:
                tokenizer(chunk)
            warmed.update(new)
        return self.nlp.make_doc(text)

    def _explicit(
        self, doc: Any, tokens: _Tokens, words: _Words, index: list[int]
    ) -> list[_Mention]:
        # Matches as (label hash, start, end) tuples: the same matches as spans, without
        # building a Span (and its Tokens) for each.
        every = self._matcher(doc)
        strings = doc.vocab.strings
        inside = _Inside(every)
        mentions = []
        for key, start, end in _filter_spans(every):
            label = strings[key]
            mention = self._mention(label, start, end, tokens, words, index)
            if mention is None:
                continue
            mentions.append(mention)
            # "AWS RDS", "Azure Kubernetes Service": a product name that names the skill it
            # implies is evidence of that skill too, whatever its own context rule says.
            implied = self.taxonomy.implied(label)
            if not implied:
                continue
            for inner_key, inner_start, inner_end in inside.within(start, end):
                inner = strings[inner_key]
                if inner in implied:
                    nested = self._mention(inner, inner_start, inner_end, tokens, words, index)
                    if nested is not None:
                        nested.rule = None
                        mentions.append(nested)
        return mentions

    def _mention(
        self,
        label: str,
        first: int,
        stop: int,
        tokens: _Tokens,
        words: _Words,
        index: list[int],
    ) -> _Mention | None:
        """The mention a match of tokens [first, stop) makes, or None if it has no word."""
        start, end = index[first], index[stop - 1] + 1
        if start < 0 or end <= start:
            return None
        if stop == first + 1:  # one token: what the joins below give for it
            rule = self._ambiguous.get((label, tokens.lowers[first]))
            text = tokens.texts[first]
        else:
            rule = self._ambiguous.get((label, " ".join(tokens.lowers[first:stop])))
            text = " ".join(tokens.texts[first:stop])
        return _Mention(
            label, start, end, words.lines[start], text, rule, software=self._software(label)
        )

    def _hits(
        self, mentions: list[_Mention], section_of: Any, stances: dict[int, str] | None = None
    ) -> tuple[SkillHit, ...]:
        by_skill: dict[str, list[_Mention]] = {}
        for m in mentions:
            by_skill.setdefault(m.skill, []).append(m)
        # "EKS", "RDS": a platform's managed service is explicit evidence of the platform, with
        # the service's words as evidence (unless the platform is named inside them already).
        for m in mentions:
            for target in self.taxonomy.skills[m.skill].explicit_for:
                own = by_skill.setdefault(target, [])
                if not any(m.start <= o.start and o.end <= m.end for o in own):
                    own.append(_Mention(target, m.start, m.end, m.line, m.text, None, m.fuzzy))
        hits: dict[str, SkillHit] = {}
        stance = (stances or {}).get
        for sid, found in by_skill.items():
            # claims first: a capped evidence list must not be filled by "no experience with"
            found.sort(key=lambda m: (bool(stance(m.start)), m.start, m.end))
            evidence = tuple(
                Evidence(m.text, section_of(m.line), m.line, stance(m.start, ""))
                for m in found[:MAX_EVIDENCE]
            )
            source = "fuzzy" if all(m.fuzzy for m in found) else "explicit"
            hits[sid] = SkillHit(sid, self.taxonomy.skills[sid].name, source, evidence)
        implied: dict[str, set[str]] = {}
        for sid, hit in hits.items():
            if all(e.stance in NOT_CLAIMED for e in hit.evidence):
                continue  # "no experience with Django" implies no Python
            for target in self.taxonomy.implied(sid):
                if target not in hits:
                    implied.setdefault(target, set()).add(sid)
        for target, sources in implied.items():
            name = self.taxonomy.skills[target].name
            hits[target] = SkillHit(target, name, "implied", (), None, tuple(sorted(sources)))
        return tuple(hits[k] for k in sorted(hits))


class _Inside:
    """The matches lying inside a span, in the matcher's order, found by bisecting starts."""

    def __init__(self, matches: Sequence[tuple[int, int, int]]) -> None:
        self.matches = matches
        self.order = sorted(range(len(matches)), key=lambda k: matches[k][1])
        self.starts = [matches[k][1] for k in self.order]

    def within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Matches with start <= match.start and match.end <= end (a match is never empty)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        picked = sorted(k for k in self.order[lo:hi] if self.matches[k][2] <= end)
        return [self.matches[k] for k in picked]


def _filter_spans(matches: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (label, start, end) tuples: longest first (then earliest),
    no shared token, returned by start."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    result = []
    seen: set[int] = set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            result.append(match)
            seen.update(range(match[1], match[2]))
    return sorted(result, key=lambda m: m[1])


def _camel_splits(taxonomy: Taxonomy) -> dict[str, dict[str, str]]:
    """first word -> second word -> skill id, for one-word forms split at an inner capital:
    JavaScript -> ("java", "script"), PHPUnit -> ("php", "unit"). The first part has at least
    three letters ("my SQL skills" is no MySQL) and the second is no plural "s" ("FPGAs");
    forms that need context are left out."""
    out: dict[str, dict[str, str]] = {}
    for skill in taxonomy.skills.values():
        ambiguous = set(skill.context.ambiguous) if skill.context else set()
        for form in skill.forms:
            if not form.isalpha() or form.lower() in ambiguous:
                continue
            for i in range(3, len(form) - 1):
                hump = form[i].isupper() and (form[i - 1].islower() or form[i + 1].islower())
                rest = form[i:]
                if hump and (len(rest) >= 3 or rest.isupper()):
                    out.setdefault(form[:i].lower(), {})[rest.lower()] = skill.id
    return out


def _identity(m: _Mention) -> tuple:
    """What `_Mention.__eq__` compares, hashable (a skill's rule is one object: its context)."""
    return (m.skill, m.start, m.end, m.line, m.text, id(m.rule), m.fuzzy, m.software)


_MATCHERS: dict[tuple[str, str], SkillMatcher] = {}
_MATCHERS_KEPT = 4


def matcher_for(taxonomy: Taxonomy | None = None) -> SkillMatcher:
    """The one matcher per taxonomy (default: the bundled one), built on first use: building
    the patterns is the slow part. Parsing, drafting and the benchmarks all ask here."""
    taxonomy = taxonomy or load_taxonomy()
    key = (str(taxonomy.path), str(taxonomy.version))
    matcher = _MATCHERS.pop(key, None) or SkillMatcher(taxonomy)
    _MATCHERS[key] = matcher  # most recently used last
    while len(_MATCHERS) > _MATCHERS_KEPT:
        del _MATCHERS[next(iter(_MATCHERS))]
    return matcher


def find_text(text: str, taxonomy: Taxonomy | None = None) -> tuple[SkillHit, ...]:
    """Convenience: skills in free text with the (cached) default matcher."""
    return matcher_for(taxonomy).find_text(text)


# --------------------------------------------------------------------------- tokenizer


def _make_nlp(taxonomy: Taxonomy) -> Any:
    """spacy.blank("en") with our tokenizer: its rules, affixes and special cases."""
    from spacy.util import get_lang_class

    # `Language(create_tokenizer=...)` is what spacy.blank("en") builds, minus the default
    # tokenizer it would throw away: most of the start-up cost (see `_make_tokenizer`).
    return get_lang_class("en")(create_tokenizer=lambda nlp: _make_tokenizer(nlp, taxonomy))


def _make_tokenizer(nlp: Any, taxonomy: Taxonomy) -> Any:
    """spaCy's English tokenizer with our additions, built in one go.

    Setting an affix rule on a built tokenizer re-adds every special case (~1,350 English
    exceptions, ~50 ms each time) and `add_special_case` one by one does the same work again;
    passing everything to the constructor loads each rule once, with the final affixes. The
    tokenizer is the same: the rules are keyed by their string (their order does not matter)
    and each is checked against the final affixes either way (tests/test_skills.py compares
    the two builds).
    """
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    # "Python/Django", "Node.js/Express", "C++/Java", "C#/.NET" split at the slash; dates do not.
    infixes = list(defaults.infixes) + [r"(?<=[A-Za-z0-9+#])/(?=[A-Za-z.])"]
    # Form-pasted resumes glue a hyphen to the skill: "Keras- Exprience - 24 months".
    suffixes = list(defaults.suffixes) + [r"(?<=[A-Za-z0-9+#])-"]
    rules = dict(defaults.tokenizer_exceptions)
    for chunk, parts in _SPLITS.items():
        rules[chunk] = [{ORTH: p} for p in parts]
    for chunk in sorted(_whole_chunks(taxonomy)):
        for variant in (chunk, chunk.lower(), chunk.upper()):
            if variant not in _SPLITS:
                rules[variant] = [{ORTH: variant}]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=_URL.match,  # URLs and e-mail addresses stay one token
        max_cache_size=TOKENIZER_CACHE,
    )


def _whole_chunks(taxonomy: Taxonomy) -> set[str]:
    """Punctuated words in skill forms that must stay one token: C#, F#, CI/CD, PL/SQL.

    A slash word stays whole unless both sides are forms of different skills ("Agile/Scrum"
    should find both).
    """
    owner = {f.lower(): s.id for s in taxonomy.skills.values() for f in s.forms}
    chunks = set()
    for skill in taxonomy.skills.values():
        for form in skill.forms:
            for chunk in form.split():
                if not re.search(r"[A-Za-z]", chunk) or not re.search(r"[+#/&]", chunk):
                    continue
                sides = [owner.get(p.lower()) for p in chunk.split("/")] if "/" in chunk else []
                if len(sides) == 2 and all(sides) and sides[0] != sides[1]:
                    continue
                chunks.add(chunk)
    return chunks


def _key(tokens: Any) -> str:
    return " ".join(t.lower_ for t in tokens)


class _Tokens:
    """A doc's tokens as plain columns (text, lower case, offset, is-space), from one
    `Doc.to_array` call instead of a Token object per token per use.

    A token's text is the slice of the text from its offset to the next token's, less the one
    space spaCy records after it (SPACY); its lower case is `str.lower()` of that, which is what
    spaCy's LOWER holds (`spacy.lang.lex_attrs.lower`), and is-space is `str.isspace()`
    (IS_SPACE). The same strings as looking each hash up in the StringStore, made faster.
    """

    def __init__(self, doc: Any, text: str) -> None:
        from spacy.attrs import IDX, SPACY

        offsets, trailing = doc.to_array([IDX, SPACY]).T.tolist() if len(doc) else ([], [])
        ends = offsets[1:] + [len(text)]
        self.texts = [text[a : b - s] for a, b, s in zip(offsets, ends, trailing)]
        self.lowers = [t.lower() for t in self.texts]
        self.offsets = offsets
        self.spaces = [t.isspace() for t in self.texts]


def _words(tokens: _Tokens, lines: Sequence[str]) -> tuple[_Words, list[int]]:
    """Non-space tokens with their line; `index[token.i]` is the word index (-1 for spaces)."""
    starts = [0, *itertools.accumulate(len(text) + 1 for text in lines)]
    kept = [not space for space in tokens.spaces]
    numbers = itertools.count()
    index = [next(numbers) if keep else -1 for keep in kept]
    offsets = itertools.compress(tokens.offsets, kept)
    return (
        _Words(
            list(itertools.compress(tokens.texts, kept)),
            list(itertools.compress(tokens.lowers, kept)),
            list(map(bisect.bisect_right, itertools.repeat(starts), offsets)),
        ),
        index,
    )


def _flattened_lines(words: _Words) -> frozenset[int]:
    """Lines long enough to be a whole resume with its line breaks lost.

    A heading on such a line says nothing about where its section ends, so section-based
    admission ("Go" in a skills section) does not apply there.
    """
    count = Counter(ln for ln, t in zip(words.lines, words.texts) if t[:1].isalnum())
    return frozenset(ln for ln, n in count.items() if n > FLATTENED_WORDS)


def _section_lookup(sections: Sequence[Section], flattened: frozenset[int] = frozenset()) -> Any:
    if not sections:
        return lambda line: None
    try:
        from screener.parse.sections import section_at
    except ImportError:  # pragma: no cover - sections.py is part of the package
        section_at = _section_at
    ordered = tuple(sorted(sections, key=lambda s: s.start_line))
    memo: dict[int, str | None] = {}  # a resume asks about the same few lines many times

    def section_of(line: int) -> str | None:
        if line not in memo:
            memo[line] = None if line in flattened else section_at(ordered, line)
        return memo[line]

    return section_of


def _section_at(sections: Sequence[Section], line: int) -> str | None:
    for s in sections:
        if s.start_line <= line <= s.end_line:
            return s.name
    return None


# --------------------------------------------------------------------------- context rules


def _admit(
    mentions: list[_Mention],
    words: _Words,
    section_of: Any,
    taxonomy: Taxonomy,
    wrapped: frozenset[int] = frozenset(),
    support: Sequence[_Mention] = (),
    shouting: frozenset[int] = frozenset(),
) -> list[_Mention]:
    """Mentions that count: unambiguous ones, skill-form fields, plus ambiguous ones their rule
    admits.

    `support`: mentions accepted earlier that may vouch as neighbours (returned too).
    `shouting`: lines written in capitals, where "HIBERNATE" may stand for "Hibernate".
    """
    fields = [m.rule is None or _is_field(m, words) for m in mentions]
    accepted = list(support) + [m for m, plain in zip(mentions, fields) if plain]
    pending = [
        m for m, plain in zip(mentions, fields) if not plain and _passes_gates(m, words, shouting)
    ]
    if not pending:
        return accepted
    # What admits a mention apart from its neighbours (sections, admit patterns) does not
    # change from round to round: decided once. Neighbours are looked up by identity among the
    # mentions on the lines next to it (all a sentence can reach).
    near = _Neighbours(accepted + pending, taxonomy, wrapped)
    in_accepted = {id(m) for m in accepted}
    in_pending = {id(m) for m in pending}
    # Undecided mentions vouch for one another only as list items ("Java, Spring, Hibernate"):
    # "Java-rubbed steak, Cucumber salad, Jasmine rice" each modify a word, and vouch for none.
    listed = {id(m) for m in pending if _list_item(m, words)}
    fixed: dict[int, bool | None] = {}
    changed = True
    while changed and pending:  # admitted mentions can support others: "Go, Rust, C"
        changed = False
        # The mentions lie at distinct words (explicit ones do not overlap, fuzzy ones take
        # free words), so no two are equal and `pending.remove(m)` would remove m itself:
        # the admitted ones are dropped after the round, which reads only `in_pending`.
        for m in pending:
            key = id(m)
            if key not in fixed:
                fixed[key] = _admitted_alone(m, words, section_of)
            verdict = fixed[key]
            if verdict is None:  # rule.near > 0: neighbours decide
                # Unconfirmed neighbours count half: "Java, Spring, Hibernate, Maven" are all
                # ambiguous and vouch for one another, two ordinary words side by side do not.
                strong = near.count(m, in_accepted)
                weak = near.count(m, in_pending & listed)
                verdict = strong + weak // 2 >= m.rule.near  # type: ignore[union-attr]
            if verdict:
                accepted.append(m)
                in_accepted.add(key)
                in_pending.discard(key)
                changed = True
        pending = [m for m in pending if id(m) in in_pending]
    return accepted


def _drop_echoes(
    accepted: list[_Mention],
    found: tuple[list[_Mention], list[_Mention]],
    words: _Words,
    section_of: Any,
    taxonomy: Taxonomy,
    wrapped: frozenset[int],
) -> list[_Mention]:
    """ "American Express" in the duties and "Express" alone in the skills list: a keyword list
    repeats the resume's own words, so an item its section alone admits means what the word
    means where the resume uses it, when it stands there in a name ("American Express",
    "Oracle CPQ") and no mention of the skill is admitted by its own context (one sense per
    resume). Only a name: an unadmitted plain use ("schedules on excel") may well be the
    skill, and a vetoed one ("excel at", "spring 2019") is another word."""
    kept = {id(m) for m in accepted}
    listed = [m for m in accepted if _listed_only(m, words, section_of)]
    if not listed:
        return accepted
    mentions, names = found  # names: mentions known to stand in a name
    named = {m.skill for m in names}
    named.update(m.skill for m in mentions if id(m) not in kept and _beside_name(m, words))
    # a form that needs no context echoes only the very words of a name ("CSS ... Council")
    in_names = {m.text.lower() for m in names}
    listed = [
        m for m in listed
        if m.skill in named and (m.rule is not None or m.text.lower() in in_names)
    ]
    if not listed:
        return accepted
    near = _Neighbours(accepted, taxonomy, wrapped)
    alone = [m for m in listed if m.rule is None or near.count(m, kept) < m.rule.near
             or m.rule.near <= 0]
    dropped = {id(m) for m in alone}
    backed = {m.skill for m in accepted if id(m) not in dropped}  # admitted in its own right
    dropped = {id(m) for m in alone if m.skill not in backed}
    return [m for m in accepted if id(m) not in dropped] if dropped else accepted


def _listed_only(m: _Mention, words: _Words, section_of: Any) -> bool:
    """Is an ambiguous mention admitted by its section and nothing of its own: no admitting
    pattern, software noun or form field (neighbours are counted by the caller)? A form that
    needs no context ("CSS") counts as listed only in a skills list."""
    rule = m.rule
    if rule is None:
        return section_of(m.line) == "skills" and not _modifies_software(m, words)
    return (
        bool(rule.sections)
        and section_of(m.line) in rule.sections
        and not _is_field(m, words)
        and not _modifies_software(m, words)
        and not _any_pattern(rule.admit, m, words, admit=True)
    )


def _beside_name(m: _Mention, words: _Words) -> bool:
    """Does the mention stand beside a capitalised word that is no skill and no software noun:
    "American Express", "Oracle CPQ"? A word opening its line or sentence is no name."""
    i = m.end
    if i < len(words) and words.lines[i] == m.line and i not in words.starts:
        if _name_word(words, i):
            return True
    i = m.start - 1
    if i < 1 or words.lines[i - 1] != m.line or m.start in words.ends:
        return False
    opener = words.texts[i - 1] in _BULLETS or words.texts[i - 1] in _CLAUSE_END
    return not opener and words.texts[i - 1] != ":" and _name_word(words, i)


def _name_word(words: _Words, i: int) -> bool:
    text = words.texts[i]
    return text[:1].isupper() and text.isalpha() and words.lowers[i] not in _SOFTWARE_NOUNS


def _list_item(m: _Mention, words: _Words) -> bool:
    """Does the mention end an item of a list: a separator, another skill, a version or the
    line's end after it?"""
    i = m.end
    if i >= len(words) or words.lines[i] != m.line or i in words.starts:
        return True
    lower = words.lowers[i]  # not a noun it modifies: "CI on Jenkins" lists, "Cucumber salad" not
    return lower in _LIST_SEPARATORS or lower in _FUNCTION_WORDS or bool(_VERSION.match(lower))


def _is_field(m: _Mention, words: _Words) -> bool:
    """Is the mention the whole name of a "<skill>- Exprience - 24 months" form field?

    Resumes pasted from job-site forms list one skill per field; the field label makes even
    "Go" or "R" a skill. The field starts a line or follows the previous field's "months" or
    the "Skill Details" label (flattened text keeps no line breaks).
    """
    after = m.end + 1
    if after >= len(words) or words.texts[m.end] not in _DASHES:
        return False
    if words.lowers[after] not in _FIELD_WORDS or words.lines[after] != m.line:
        return False
    if m.start == 0 or words.lines[m.start - 1] != m.line:
        return True
    return words.lowers[m.start - 1] in _FIELD_BEFORE


def _shouting_lines(words: _Words) -> frozenset[int]:
    """Lines whose words are (nearly) all in capitals: "FRAMEWORKS: SPRING, HIBERNATE"."""
    alpha = [(ln, t) for ln, t in zip(words.lines, words.texts) if len(t) > 1 and t.isalpha()]
    total = Counter(ln for ln, _ in alpha)
    upper = Counter(ln for ln, t in alpha if t.isupper())
    return frozenset(ln for ln, n in total.items() if n >= 3 and upper[ln] >= 0.8 * n)


def _passes_gates(m: _Mention, words: _Words, shouting: frozenset[int] = frozenset()) -> bool:
    rule = m.rule
    assert rule is not None
    if m.fuzzy:  # a misspelling cannot be in the case list; it must be capitalised like it
        if rule.case and not any(m.text[:1] == c[:1] for c in rule.case):
            return False
    elif rule.case and m.text not in rule.case:
        # In a line of capitals "SPRING" is "Spring" shouted; it still needs admitting.
        shouted = m.line in shouting and rule.needs_admission
        if not (shouted and m.text in {c.upper() for c in rule.case}):
            if not _next_is(m, words, _CLEAR_VERSION.match):  # "node v16", "go 1.21"
                return False
    if _modifies_software(m, words):  # "a Python service": only vetoes after the word apply
        return not any(p.after and _pattern_at(p, m, words) for p in rule.reject)
    return not _any_pattern(rule.reject, m, words)


def _next_is(m: _Mention, words: _Words, test: Any) -> bool:
    """Does the word right after the mention, on its line, pass `test` (given its lower case)?"""
    i = m.end
    return i < len(words) and words.lines[i] == m.line and bool(test(words.lowers[i]))


def _modifies_software(m: _Mention, words: _Words) -> bool:
    """ "a Python service", "the Java codebase": a technology before a software noun."""
    return m.software and _next_is(m, words, _SOFTWARE_NOUNS.__contains__)


def _in_company_name(m: _Mention, words: _Words) -> bool:
    """ "Python Plumbing Ltd", "HCL Technologies": the mention opens an employer's name, a
    company suffix following it after at most _NAME_GAP capitalised words (no role noun)."""
    for i in range(m.end, min(m.end + _NAME_GAP + 1, len(words))):
        text = words.texts[i]
        if words.lines[i] != m.line or not text[:1].isupper():
            return False
        if words.lowers[i] in _COMPANY_SUFFIXES:
            return True
        if not text.isalpha() or words.lowers[i] in _SOFTWARE_NOUNS:
            return False
    return False


def _admitted_alone(m: _Mention, words: _Words, section_of: Any) -> bool | None:
    """True/False when the rule decides without neighbours; None when neighbours must."""
    rule = m.rule
    assert rule is not None
    if not rule.needs_admission:
        return True
    if rule.sections and section_of(m.line) in rule.sections:
        return True
    if _any_pattern(rule.admit, m, words, admit=True) or _modifies_software(m, words):
        return True
    if rule.near <= 0:
        return False
    return None


class _Neighbours:
    """For each mention, the other mentions near enough to vouch for it: another skill, in the
    same sentence, at most NEAR_WINDOW words away, of the rule's near categories if any."""

    def __init__(
        self, universe: Sequence[_Mention], taxonomy: Taxonomy, wrapped: frozenset[int]
    ) -> None:
        self.by_line: dict[int, list[_Mention]] = {}
        for m in universe:
            self.by_line.setdefault(m.line, []).append(m)
        self.taxonomy = taxonomy
        self.wrapped = wrapped
        self.found: dict[int, list[_Mention]] = {}

    def count(self, m: _Mention, present: set[int]) -> int:
        """Distinct skills near `m` among the mentions whose id is in `present`."""
        near = self.found.get(id(m))
        if near is None:
            near = self.found[id(m)] = self._near(m)
        return len({o.skill for o in near if id(o) in present})

    def _near(self, m: _Mention) -> list[_Mention]:
        rule = m.rule
        assert rule is not None
        cats = set(rule.near_categories)
        out = []
        for line in (m.line - 1, m.line, m.line + 1):  # a sentence spans one wrapped line
            if not _same_sentence(m.line, line, self.wrapped):
                continue
            for other in self.by_line.get(line, ()):
                if other.skill == m.skill:
                    continue
                gap = max(other.start - m.end, m.start - other.end)
                if gap <= NEAR_WINDOW and (
                    not cats or self.taxonomy.skills[other.skill].category in cats
                ):
                    out.append(other)
        return out


def _same_sentence(a: int, b: int, wrapped: frozenset[int]) -> bool:
    """Same line, or neighbouring lines of one sentence that the PDF wrapped."""
    return a == b or (abs(a - b) == 1 and max(a, b) in wrapped)


def _wrapped_lines(words: _Words) -> frozenset[int]:
    """Lines continuing the previous line's sentence: it did not end with a full stop, colon
    or semicolon, and this one does not start with a bullet."""
    out = set()
    lines, texts = words.lines, words.texts
    for i in range(1, len(words)):
        if (
            lines[i] == lines[i - 1] + 1
            and texts[i] not in _BULLETS
            and texts[i - 1] not in {":", ";", "!", "?"}
            and not texts[i - 1].endswith(".")
        ):
            out.add(lines[i])
    return frozenset(out)


def _hiring(tokens: _Tokens) -> bool:
    """Does any word read as hiring? Without one `_hiring_clauses` finds nothing."""
    return not _HIRING_VERBS.isdisjoint(tokens.lowers)


def _hiring_clauses(words: _Words, wrapped: frozenset[int]) -> frozenset[int]:
    """Word indexes a recruiter names as the roles they filled, not as their own skills."""
    out: set[int] = set()
    start = 0
    texts, lowers, lines = words.texts, words.lowers, words.lines
    for i in range(len(words) + 1):
        stop = i == len(words) or texts[i] in _CLAUSE_END
        if not stop and i > start and lines[i] != lines[i - 1]:
            stop = lines[i] not in wrapped
        if not stop:
            continue
        if any(lowers[j] in _HIRING_VERBS for j in range(start, i)):
            role_follows = False
            for j in range(i - 1, start - 1, -1):  # a skill is a role when a role noun follows
                if lowers[j] in _ROLE_NOUNS:
                    role_follows = True
                elif role_follows:
                    out.add(j)
        start = i + 1 if i < len(words) and texts[i] in _CLAUSE_END else i
    return frozenset(out)


# Where a mention stands in its clause: after a cue that denies the skill ("no experience
# with", "not familiar with"), wishes for it ("want to learn") or rates it low ("basic
# knowledge of"), it is no claim of use. A cue governs the rest of its clause, so a list after
# it shares its fate ("No experience with PHP, Kubernetes or AWS"); "but" starts a new one.
# The cues are the grammar of the claim (a closed class, as in NegEx), not skill words.
_STANCE_CUES: dict[str, tuple[str, ...]] = {
    NEGATED: (
        "no experience", "no prior experience", "no professional experience", "no knowledge",
        "no exposure", "not familiar", "unfamiliar", "not experienced", "not proficient",
        "never used", "never worked", "have not used", "haven't used", "has not used",
        "not used", "do not know", "don't know", "lack", "lacking", "without experience",
        "not yet used",
    ),
    WISHED: (
        "want to learn", "wants to learn", "would like to learn", "eager to learn",
        "hope to learn", "hoping to learn", "plan to learn", "planning to learn",
        "looking to learn", "keen to learn", "interested in learning", "aspire to learn",
        "want to explore", "would like to explore",
    ),
    BASIC: (
        "basic knowledge", "basic understanding", "basic familiarity", "beginner",
        "some familiarity", "limited experience", "limited knowledge",
    ),
}
_STANCE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", "while"})


def stance_cues(nlp: Any) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The cues tokenised as resumes are (\"don't\" is two tokens), by their last token."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for stance, cues in _STANCE_CUES.items():
        for cue in cues:
            tokens = tuple(t.lower_ for t in nlp.make_doc(cue))
            out.setdefault(tokens[-1], []).append((tokens, stance))
    return out


def stance_clauses(
    words: _Words, cues: dict[str, list[tuple[tuple[str, ...], str]]],
    wrapped: frozenset[int] = frozenset(),
) -> dict[int, str]:
    """Word index -> stance (`NEGATED`, `WISHED`, `BASIC`) for the words a cue governs: the
    rest of its clause (to a full stop, a line that does not wrap, or "but")."""
    out: dict[int, str] = {}
    lowers, texts, lines = words.lowers, words.texts, words.lines
    stance: str | None = None
    for i in range(len(words)):
        new_line = i > 0 and lines[i] != lines[i - 1] and lines[i] not in wrapped
        if new_line or texts[i] in _CLAUSE_END or lowers[i] in _STANCE_BREAKS:
            stance = None
        for cue, kind in cues.get(lowers[i], ()):  # a later cue takes over ("..., want to
            n = len(cue)  # learn AWS" after "no experience with PHP")
            if i + 1 >= n and tuple(lowers[i + 1 - n : i + 1]) == cue:
                stance = kind
                break
        else:
            if stance is not None:
                out[i] = stance
    return out


_WILD = frozenset({"<version>", "<year>"})
_PATTERN_INDEX: dict[int, tuple[tuple[ContextPattern, ...], Any]] = {}


def _any_pattern(
    patterns: tuple[ContextPattern, ...], m: _Mention, words: _Words, admit: bool = False
) -> bool:
    """`any(_pattern_at(p, m, words) for p in patterns)`, trying only the patterns whose token
    next to the mention is the word there (or a wildcard).

    `admit`: a bare slash ("_ /", "/ _") admits only when a skill stands on its other side
    ("Go/Rust", not "Go/No-Go").
    """
    if not patterns:
        return False
    entry = _PATTERN_INDEX.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        entry = _PATTERN_INDEX[id(patterns)] = (patterns, _index_patterns(patterns))
    after, before, others = entry[1]

    def at(p: ContextPattern) -> bool:
        if not _pattern_at(p, m, words):
            return False
        if admit and p.after == ("/",) and not p.before:
            return m.end + 1 in words.starts
        if admit and p.before == ("/",) and not p.after:
            return m.start - 1 in words.ends
        return True

    if any(at(p) for p in others):
        return True
    for i, table in ((m.end, after), (m.start - 1, before)):
        if table and 0 <= i < len(words) and words.lines[i] == m.line:
            lower = words.lowers[i]
            if any(at(p) for p in table.get(lower, ())):
                return True
            stripped = lower.rstrip(".")
            if stripped != lower and any(at(p) for p in table.get(stripped, ())):
                return True
    return False


def _index_patterns(patterns: tuple[ContextPattern, ...]) -> tuple[dict, dict, list]:
    """Patterns by their literal token right after / right before the mention; the rest."""
    after: dict[str, list[ContextPattern]] = {}
    before: dict[str, list[ContextPattern]] = {}
    others: list[ContextPattern] = []
    for p in patterns:
        if p.after and p.after[0] not in _WILD:
            after.setdefault(p.after[0], []).append(p)
        elif p.before and p.before[-1] not in _WILD:
            before.setdefault(p.before[-1], []).append(p)
        else:
            others.append(p)
    return after, before, others


def _pattern_at(p: ContextPattern, m: _Mention, words: _Words) -> bool:
    """Do the pattern's tokens sit right before/after the mention, on the same line?"""
    first = m.start - len(p.before)
    if first < 0 or m.end + len(p.after) > len(words):
        return False
    for offset, want in enumerate(p.before):
        if not _word_is(want, words, first + offset, m.line):
            return False
    return all(_word_is(want, words, m.end + k, m.line) for k, want in enumerate(p.after))


def _word_is(want: str, words: _Words, i: int, line: int) -> bool:
    # "Lean 5S." / "Oracle 11g.": a sentence's full stop may be glued to the last token
    lower = words.lowers[i]
    return words.lines[i] == line and (_token_is(want, lower) or _token_is(want, lower.rstrip(".")))


def _token_is(want: str, lower: str) -> bool:
    if want == "<version>":
        return bool(_VERSION.match(lower)) and not _YEAR.match(lower)
    if want == "<year>":
        return bool(_YEAR.match(lower))
    return want == lower


# --------------------------------------------------------------------------- fuzzy


def _compact(text: str) -> str:
    return re.sub(r"[\s.\-_]", "", text.lower())


def _load_stopwords() -> frozenset[str]:
    try:
        text = _STOPWORDS_FILE.read_text(encoding="utf-8")
    except OSError:  # pragma: no cover - shipped with the package
        return frozenset()
    return frozenset(w for w in text.split() if not w.startswith("#"))


class _FuzzyIndex:
    """Near-miss spellings of the taxonomy's longer, unambiguous forms."""

    def __init__(self, taxonomy: Taxonomy, nlp: Any, stopwords: frozenset[str]) -> None:
        owner: dict[str, str | None] = {}
        self.rules: dict[str, ContextRule] = {}  # key -> the rule a misspelling must pass
        self.multi: set[str] = set()  # keys of multi-word forms ("Google Meet")
        for skill in taxonomy.skills.values():
            rule = skill.context  # forms whose rule only vetoes ("python" the snake) stay in
            strict = rule is not None and (bool(rule.case) or rule.needs_admission)
            ambiguous = set(rule.ambiguous) if rule is not None and strict else set()
            if skill.category in _PLAIN_CATEGORIES:
                continue
            for form in skill.forms:
                key = _compact(form)
                if len(key) < 5 or not key.isalpha():
                    continue
                if form.lower() in ambiguous:
                    # "Angualr" is "Angular" misspelt, but only where "Angular" would count
                    if len(key) < FUZZY_MIN_LEN or " " in form:
                        continue
                    assert rule is not None
                    self.rules[key] = rule
                if " " in form.strip():
                    self.multi.add(key)
                if owner.get(key, skill.id) != skill.id:
                    owner[key] = None  # two skills compact to the same key: not a safe target
                else:
                    owner[key] = skill.id
        self.exact = {k: v for k, v in owner.items() if v}
        self.buckets: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> keys
        for key in sorted(self.exact):
            if len(key) >= 6:
                self.buckets.setdefault((key[0], len(key)), []).append(key)
        self.stopwords = stopwords
        self._memo: dict[tuple[str, int], str | None] = {}
        # What `_bigram` / `_single` said for the words seen so far: both depend on the lower
        # case words only, and a batch repeats its words again and again.
        self._bigrams: dict[tuple[str, str], str | None] = {}
        self._singles: dict[str, str | None] = {}

    def find(self, words: _Words, claimed: set[int]) -> list[_Mention]:
        out: list[_Mention] = []
        taken: set[int] = set()
        bigrams, singles = self._bigrams, self._singles
        if len(bigrams) + len(singles) > _MEMO_SIZE:  # bounded: a batch sees many words
            bigrams.clear()
            singles.clear()
        texts, lowers, lines = words.texts, words.lowers, words.lines
        for i in range(len(words) - 1):  # two words first: "Elastic search", "Type Script"
            if (
                i in claimed
                or i + 1 in claimed
                or i in taken
                or i + 1 in taken
                or lines[i] != lines[i + 1]
            ):
                continue
            pair = (lowers[i], lowers[i + 1])
            key = bigrams.get(pair, _UNSEEN)
            if key is _UNSEEN:
                key = bigrams[pair] = self._bigram(*pair)
            if key:
                out.append(self._mention(key, i, i + 2, lines[i], f"{texts[i]} {texts[i + 1]}"))
                taken |= {i, i + 1}
        for i, lower in enumerate(lowers):
            if i in claimed or i in taken:
                continue
            key = singles.get(lower, _UNSEEN)
            if key is _UNSEEN:
                key = singles[lower] = self._single(lower)
            if key:
                out.append(self._mention(key, i, i + 1, lines[i], texts[i]))
        return out

    def _mention(self, key: str, start: int, end: int, line: int, text: str) -> _Mention:
        return _Mention(self.exact[key], start, end, line, text, self.rules.get(key), True)

    def _bigram(self, a: str, b: str) -> str | None:
        """The key two lower-case words spell or nearly spell ("elastic search"), if any."""
        if not (a.isalpha() and b.isalpha()):
            return None
        if a in _FUNCTION_WORDS or b in _FUNCTION_WORDS:  # "in for" is not Infor
            return None
        key = a + b
        if len(key) < 5 or key in self.stopwords:
            return None
        if key in self.exact:
            return key
        if len(key) >= 9 and min(len(a), len(b)) >= 3:
            return self._edit(key, 1)
        return None

    def _single(self, lower: str) -> str | None:
        """The key one word nearly spells ("Kubernates"), if any."""
        if not lower.isalpha() or len(lower) < 6 or lower in self.stopwords or lower in self.exact:
            return None
        if len(lower) < FUZZY_MIN_LEN:  # six letters: a swapped pair only ("Pyhton")
            target = self._edit(lower, 1)
            return target if target and sorted(target) == sorted(lower) else None
        if len(lower) < 10:
            return self._edit(lower, 1)
        target = self._edit(lower, 2)
        if target in self.multi and self._edit(lower, 1) != target:
            return None  # "GoogleTest" is two edits from "Google Meet": another word glued
        return target

    def _edit(self, key: str, max_dist: int) -> str | None:
        """The closest candidate key within `max_dist` edits (same first letter), if any."""
        memo_key = (key, max_dist)
        if memo_key not in self._memo:
            if len(self._memo) > _MEMO_SIZE:  # bounded: a batch sees many distinct words
                self._memo.clear()
            self._memo[memo_key] = self._closest(key, max_dist)
        return self._memo[memo_key]

    def _closest(self, key: str, max_dist: int) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        choices = [
            c
            for n in range(len(key) - max_dist, len(key) + max_dist + 1)
            for c in self.buckets.get((key[0], n), ())
        ]
        if not choices:
            return None
        found = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=max_dist)
        return found[0] if found else None
