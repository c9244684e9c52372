"""Positions, the union of their intervals, and total / per-skill years; what the resume claims.

The modules, in the order a resume is read:

- `anchors`: the date lines that open positions (`DateContext`: the as-of date and the
  resume's day/month order, decided once);
- `titles`: a position's title and company from the text around its dates;
- `drafts` and `layouts`: the positions of one region, generic and special layouts;
- `positions`: `extract_experience`, the front door;
- `claimed`: the career length and skill years the resume states;
- `years`: counted intervals, total years, the skills a position's duties use, years per skill.

The word tables (job words, company words, degrees, regions, career fields, ...) are data:
`src/screener/_data/experience/*.txt`, loaded by `screener.parse.words`. How relevant a
position is to a posting is the score stage's question (`screener.score.relevance`).

Conventions (shared with `screener.parse.dates` and the gold labels in tests/data/experience/):

- months are counted inclusively: Jan 2018 - Dec 2018 is 1.0 year, Jan 2018 - Jan 2018 one month;
- total years = the union of the positions' intervals (overlaps merged) in months / 12, rounded
  to 2 decimals; positions flagged ``end-before-start`` or ``future-start`` are excluded, and an
  end after the as-of date counts up to the as-of month;
- `total_years` is None when no dated position was found: unknown is not zero;
- `total_years_low` / `_high` use the tightest / widest reading of imprecise dates
  ("2016 - 2019" is between Dec 2016 - Jan 2019 and Jan 2016 - Dec 2019).

`Position.skills` lists the explicit or fuzzy skills its duties use (`used_skills`: not its
employer's name, not denied, not taught or managed). `skill_years` takes, per skill, the union
of the positions that use it; what the resume states ("Python (5 years)") is
`stated_skill_years`, the figure only when there is no dated position.
"""

from screener.parse.experience.claimed import claimed_years, line_skill_years, stated_skill_years
from screener.parse.experience.positions import extract_experience
from screener.parse.experience.titles import is_job_word
from screener.parse.experience.years import (
    NOT_COUNTED,
    PositionFlag,
    counted_interval,
    skill_years,
    used_skills,
)

__all__ = [
    "NOT_COUNTED",
    "PositionFlag",
    "claimed_years",
    "counted_interval",
    "extract_experience",
    "is_job_word",
    "line_skill_years",
    "skill_years",
    "stated_skill_years",
    "used_skills",
]
