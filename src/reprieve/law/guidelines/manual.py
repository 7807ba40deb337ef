"""The Guidelines Manual's editions: the day a Manual named by its year took effect (28 U.S.C. 994(p))."""

from __future__ import annotations

from datetime import date

from reprieve.law.guidelines.schemas import MonthDay
from reprieve.law.params import law
from reprieve.law.penalty_ranges import parsed


def edition_in_force(year: int) -> date:
    """The day the `year` Manual took effect (November 1 of its year: law data)."""
    day = parsed(MonthDay, law().entry("guidelines.manual.edition_takes_effect", date(year, 12, 31)))
    return date(year, day.month, day.day)
