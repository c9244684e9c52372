"""Write a drafted posting as commented YAML (see screener.draft.posting).

Each requirement's comment quotes the sentence or list item it came from (clipped), with the ad
line it stands on, so a recruiter can check the draft against the ad. A qualification the ad
states but the draft cannot write (a right to work in no named country) is a comment saying
what to add.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

from screener.draft.rules import Line, is_boilerplate


@dataclass
class Draft:
    """One requirement drafted from a clause of the ad."""

    skills: tuple[str, ...]
    min_count: int
    importance: str
    min_years: float | None
    source: str  # the clause (sentence or list item) it came from
    line: int  # the ad line that clause is on
    order: int = 0  # the clause's place in the ad, for a stable order
    notes: list[str] = field(default_factory=list)


@dataclass
class Asked:
    """One qualification drafted from the ad: a degree, certification, spoken language,
    location or work authorisation (README "Postings"), with the keys its kind takes."""

    kind: str  # degree | certification | language | location | work_authorisation
    accepted: tuple[str, ...]  # level, ids, places or areas; () = the ad names none
    importance: str
    source: str  # the clause it came from
    line: int  # the ad line that clause is on
    order: int = 0
    knockout: bool = False
    fields: tuple[str, ...] = ()
    or_experience_years: float | None = None
    level: str = ""
    remote: bool = False
    relocation: bool = False
    notes: list[str] = field(default_factory=list)  # comments for the reader of the draft


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str, lead: str = "") -> list[str]:
    body = lead + _quote(" ".join(text.split()))
    return [f"{indent}# {part}" for part in textwrap.wrap(body, width=92, break_long_words=False)]


def _unbullet(text: str) -> str:
    return re.sub(r"^(?:•|\d{1,2}[.)])\s+", "", text).strip()


def _clip(text: str, limit: int = 160) -> str:
    """The quoted clause, cut at a word boundary when long."""
    text = " ".join(_unbullet(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _requirement_yaml(d: Draft, quote: bool = True) -> list[str]:
    out = _comment(_clip(d.source), "  ", f"line {d.line}: ") if quote else []
    if len(d.skills) == 1:
        out.append(f"  - skill: {d.skills[0]}")
    else:
        out.append(f"  - any_of: [{', '.join(d.skills)}]")
        out.append(f"    min: {d.min_count}")
    if d.importance != "required":
        out.append(f"    importance: {d.importance}")
    if d.min_years is not None:
        out.append(f"    min_years: {d.min_years:g}")
    return out


_PLAIN = re.compile(r"[A-Za-z][\w .'+-]*")


def _scalar(text: str) -> str:
    """A flow-list item: plain when YAML reads it back as the same text, else quoted."""
    return text if _PLAIN.fullmatch(text) and text.strip() == text else _quote(text)


def _asked_yaml(a: Asked, quote: bool = True) -> list[str]:
    out = _comment(_clip(a.source), "  ", f"line {a.line}: ") if quote else []
    out += [f"  # {note}" for note in a.notes]
    if not a.accepted:
        return out
    one = a.kind in ("degree", "language") or (len(a.accepted) == 1 and a.kind != "location")
    value = a.accepted[0] if one else f"[{', '.join(_scalar(v) for v in a.accepted)}]"
    out.append(f"  - {a.kind}: {value}")
    if a.fields:
        out.append(f"    fields: [{', '.join(_scalar(f) for f in a.fields)}]")
    if a.or_experience_years is not None:
        out.append(f"    or_experience_years: {a.or_experience_years:g}")
    if a.level:
        out.append(f"    level: {a.level}")
    out += ["    remote: true"] if a.remote else []
    out += ["    relocation: true"] if a.relocation else []
    if a.importance != "required":
        out.append(f"    importance: {a.importance}")
    out += ["    knockout: true"] if a.knockout else []
    return out


def description_of(lines: Sequence[Line], limit: int = 700) -> str:
    """Duties and requirement lines (their bullets if any), for the TF-IDF tie-breaker."""
    body = [
        ln
        for ln in lines
        if not ln.heading and ln.text and ln.section in ("duties", "required", "preferred")
    ]
    body = [ln for ln in body if not is_boilerplate(ln.text)]
    picked = [_unbullet(ln.text) for ln in body if ln.bullet] or [ln.text for ln in body]
    if not picked:
        picked = [
            ln.text for ln in lines if not ln.heading and ln.text and ln.section != "boilerplate"
        ]
    picked = [p if p[-1] in ".!?;:" else p + "." for p in picked]
    text = " ".join(" ".join(picked).split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return text


def _wrapped(key: str, text: str) -> list[str]:
    """A long double-quoted scalar over several lines (YAML folds each break into a space)."""
    parts = textwrap.wrap(
        f"{key}: {_quote(text)}", width=96, break_long_words=False, break_on_hyphens=False
    )
    return parts[:1] + ["  " + p for p in parts[1:]]


def _experience_yaml(general: tuple[float, str, int] | None, title: str) -> list[str]:
    if general is None:
        return ["experience: {}  # the ad states no minimum years; add min_years: N if it should"]
    years, clause, line = general
    word = title.lower()
    return [
        "experience:",
        *_comment(_clip(clause), "  ", f"line {line}: "),
        f"  min_years: {years:g}",
        "  # To count only years in this line of work, uncomment and adjust:",
        f"  # min_relevant_years: {years:g}",
        f"  # relevant_titles: [{_quote(word)}]",
    ]


def _requirements_yaml(items: Sequence[Draft | Asked]) -> list[str]:
    """The requirements in the ad's order, required first; each quote once."""
    out, previous = ["requirements:"], ""
    for d in sorted(items, key=lambda d: (d.importance != "required", d.order)):
        quote = d.source != previous
        out.extend(_asked_yaml(d, quote) if isinstance(d, Asked) else _requirement_yaml(d, quote))
        previous = d.source
    return out


def render_draft(
    title: str,
    description: str,
    drafts: Sequence[Draft],
    general: tuple[float, str, int] | None,
    source: str,
    asked: Sequence[Asked] = (),
) -> str:
    out = [
        f"# Drafted by `screener posting draft` from {source or 'a job ad'}.",
        "# Review before screening: is each item really required, are the groups and years right?",
        "# Then run `screener posting check FILE`. Comments quote the ad text each item came from.",
        f"title: {_quote(title)}",
        *_wrapped("description", description),
    ]
    if drafts or any(a.accepted for a in asked):
        out.extend(_requirements_yaml([*drafts, *asked]))
    else:
        out.extend(line for a in asked for line in _asked_yaml(a))
        out.append(
            "requirements: []  # no skill from the taxonomy was found: add '- skill: ID' items"
        )
    out.extend(_experience_yaml(general, title))
    out += [
        "scoring:",
        "  weights: {required: 60, preferred: 15, years: 20, similarity: 5}",
        "  count_implied: false  # true lets Django count as Python, and so on",
    ]
    return "\n".join(out) + "\n"
