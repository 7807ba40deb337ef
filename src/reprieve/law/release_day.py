"""Release on a weekend or legal holiday: 18 U.S.C. 3624(a).

"If the date for a prisoner's release falls on a Saturday, a Sunday, or a legal holiday at the place of
confinement, the prisoner may be released by the Bureau on the last preceding weekday."
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

from reprieve.dates import ONE_DAY
from reprieve.law.params import law, law_cache
from reprieve.results import Step, said

CITE = "18 U.S.C. § 3624(a)"


@lru_cache(maxsize=256)
def _calendar(country: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year)


def holiday_name(day: date) -> str | None:
    """The federal legal holiday falling on `day` (observed dates included), as of that year's law."""
    country = str(law().value("release_day.holiday_calendar", day))
    name = _calendar(country, day.year).get(day)
    return str(name) if name else None


@law_cache(maxsize=8192)  # two or three release days a person, a few thousand days in a population
def release_weekday(release: date) -> tuple[date, Step | None]:
    """The day the BOP may release: `release` itself, or the last preceding weekday that is not a holiday (the
    step is shared by every computation with that day: a step and its messages are never changed once made)."""
    rule = law().entry("release_day.weekend_or_holiday_rule", release)
    if release.weekday() < 5 and holiday_name(release) is None:
        return release, None
    why = said(f"weekday.{release.weekday()}") if release.weekday() >= 5 else \
        said("step.release_day.holiday", name=holiday_name(release))
    day = release - ONE_DAY
    while day.weekday() >= 5 or holiday_name(day) is not None:
        day -= ONE_DAY
    return day, Step("RELEASE_DAY", "usc_18_3624", f"{CITE}; {rule.citation}" if rule.citation != CITE else CITE,
                     said("step.release_day", release=release, why=why, day=day,
                          weekday=said(f"weekday.{day.weekday()}")),
                     said("step.release_day.note"))
