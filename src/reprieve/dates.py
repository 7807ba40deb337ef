"""Dates as the case file states them, and the calendar arithmetic the BOP uses.

A case file may give only a year or a month (`2007`, `2007-07`). Such a date is a range of possible days, never a
silently chosen day: `PartialDate.earliest` and `.latest` bound it, `.exact` is None unless the day is known.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date of which the month or the day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept `date`, `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (string or, for a bare year, int)."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("must be a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        return _parsed(value) if cls is PartialDate else cls._from_text(value)

    @classmethod
    def _from_text(cls, value: str) -> PartialDate:
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError("must be a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if not 1900 <= year <= 2200:
            raise ValueError("year must be between 1900 and 2200")
        if month is not None and not 1 <= month <= 12:
            raise ValueError("month must be 01-12")
        if day is not None:
            assert month is not None
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                raise ValueError("is not a real calendar day")
        return cls(year, month, day)

    # The days are worked out once, then read as attributes (`cached_property` keeps them in the instance's
    # dictionary, which a frozen dataclass allows): the rules read them dozens of times a person, and a date read
    # from text is one shared instance (`_parsed`). The fields alone decide equality, order and hash.
    @cached_property
    def exact(self) -> date | None:
        """The day, when the whole date is known."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @cached_property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @cached_property
    def latest(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@lru_cache(maxsize=65536)
def _parsed(text: str) -> PartialDate:
    """A date written as text, parsed once: a population's rows repeat the same days (a PartialDate is never
    changed once made, so one is shared; a text that is no date raises each time, never cached)."""
    return PartialDate._from_text(text)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@lru_cache(maxsize=65536)  # a person's rules add the same months to the same day many times (a birthday, a term)
def add_months(start: date, months: int) -> date:
    """Calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29), as dateutil's relativedelta
    does; written out because it is on every hot path."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)  # (month from 0)
    if not 1 <= year <= 9999:
        raise OverflowError(f"{start} + {months} months is past the calendar")
    day = start.day
    if day > 28:
        last = 29 if month == 1 and calendar.isleap(year) else _MONTH_DAYS[month]
        day = min(day, last)
    return date(year, month + 1, day)


def days_inclusive(first: date, last: date) -> int:
    """Days from `first` to `last`, counting both (the BOP counts the commencement day as day one)."""
    return (last - first).days + 1


def months_and_days_between(start: date, end_inclusive: date) -> tuple[int, int]:
    """The term that, started on `start`, ends on `end_inclusive`: whole calendar months, then days."""
    delta = relativedelta(end_inclusive + ONE_DAY, start)
    months = delta.years * 12 + delta.months
    days = ((end_inclusive + ONE_DAY) - add_months(start, months)).days
    return months, days
