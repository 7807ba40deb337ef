"""Ranges of offenses often charged alongside 924(c) that carry no mandatory minimum (Hobbs Act robbery, bank
robbery): listed so that the aggregate minimum of such a judgment can be stated. No change in law has altered them.
"""

from __future__ import annotations

from reprieve.case.model import Count
from reprieve.law.params import law
from reprieve.law.penalty_ranges import Range, Trace, parsed
from reprieve.law.penalty_schemas import SimpleRanges, parse_term
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.law.which_penalty_law import LawDates


def listed(count: Count) -> bool:
    """Whether the count's statute is one reprieve lists here (on any date)."""
    statutes = (*parse_statutes(count.penalty), *parse_statutes(count.statute))
    for value in law().parameter("other_penalties.ranges").values:
        for row in parsed(SimpleRanges, value).root:
            if any(s.within(parse_statute(row.statute)) for s in statutes):
                return True
    return False


def simple_range(count: Count, dates: LawDates, trace: Trace) -> Range | None:
    """The range of the first listed statute the count falls under (the data lists the most specific first)."""
    name = "other_penalties.ranges"
    entry = trace.entry(name, dates.on(name))
    if entry is None:
        return None
    statutes = (*parse_statutes(count.penalty), *parse_statutes(count.statute))
    for row in parsed(SimpleRanges, entry).root:
        if any(s.within(parse_statute(row.statute)) for s in statutes):
            return Range(parse_term(row.min), parse_term(row.max), row.citation)
    return None
