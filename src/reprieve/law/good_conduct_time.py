"""Good conduct time: 18 U.S.C. 3624(b); 28 C.F.R. 523.20 (law.md A4-A5).

Since the First Step Act (FSA § 102(b)), up to 54 days for each year of the sentence IMPOSED, the partial final
year prorated; before it, the BOP awarded 54 days per year SERVED, about 47 per year imposed (Barber v. Thomas).
GCT is computed on the term imposed; jail credit does not change it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from functools import lru_cache

from reprieve.dates import ONE_DAY, add_months, days_inclusive
from reprieve.law.params import law
from reprieve.law.sentence_aggregation import Term
from reprieve.results import Joined, Said, Step, said, verbatim

CITE_GCT = "18 U.S.C. § 3624(b)(1); 28 C.F.R. § 523.20"
AUTHORITY = "usc_18_3624"


@dataclass(frozen=True)
class GoodConductTime:
    days: int
    step: Step
    rate: int
    full_years: int = 0
    partial_days: int = 0
    not_before: date | None = None  # release no earlier than this day (the new method took effect after it)


def rate_for(offense_date: date, has_diploma_or_progress: bool | None) -> tuple[int, str]:
    """The yearly rate: 54, or 42 for a PLRA-era prisoner without a GED who is not making progress (523.20(d))."""
    data = law()
    full = int(data.value("good_conduct_time.max_days_per_year", offense_date))
    reduced = data.maybe("good_conduct_time.reduced_days_per_year", offense_date)
    if reduced is not None and has_diploma_or_progress is False:
        return int(reduced.value), reduced.citation
    return full, data.entry("good_conduct_time.max_days_per_year", offense_date).citation


def maximum_gct(commenced: date, term: Term, rate: int, offense_date: date, computed_on: date,
                release_with: Callable[[int], date] | None = None,
                lost_of: Callable[[int], int] | None = None) -> GoodConductTime:
    """The most GCT the term can earn, by the BOP method in force on `computed_on`.

    A prisoner released before a new method took effect keeps the release the old method gave: `release_with`
    turns a number of GCT days into the release date it yields, and `lost_of` a number of GCT days into the days
    of it already lost (which delay that release), so that this can be checked.
    One still in custody when it took effect whose new-method date had already passed is released no earlier than
    the day it took effect (`not_before`).
    """
    data = law()
    floor_months = int(data.value("good_conduct_time.minimum_term_months", offense_date))
    if term.life:
        return GoodConductTime(0, Step("GCT", AUTHORITY, CITE_GCT, said("step.gct.life")), rate)
    if not term.exceeds(floor_months):
        return GoodConductTime(0, Step("GCT", AUTHORITY, CITE_GCT,
                                       said("step.gct.too_short", term=term.said(), months=floor_months)), rate)
    method = data.entry("good_conduct_time.method", computed_on)
    if method.value == "per_year_served":
        return _per_year_served(commenced, term, rate, computed_on, method.citation)
    current = _per_year_imposed(commenced, term, rate, computed_on, method.citation, method.reader_note)
    # The earlier method never gives more GCT, so it matters only if the new method's release is before the switch
    # (GCT lost only delays release: it is counted only when the release without it is before the switch).
    if release_with is None or release_with(current.days) >= method.from_:
        return current
    if lost_of is not None:
        plain = release_with

        def release_with(days: int) -> date:
            return plain(days) + ONE_DAY * lost_of(days)

        if release_with(current.days) >= method.from_:
            return current
    before = data.maybe("good_conduct_time.method", method.from_ - ONE_DAY)
    if before is None or before.value != "per_year_served":
        return current
    old = _per_year_served(commenced, term, rate, before.to or method.from_ - ONE_DAY, before.citation)
    if release_with(old.days) < method.from_:
        note = _with(said("step.gct.earlier_method", effective=method.from_), old.step.noted)
        return GoodConductTime(old.days, replace(old.step, noted=note), rate, old.full_years, old.partial_days)
    # Still in custody when the new method took effect, and by it the release date had already passed.
    note = _with(said("step.gct.passed_before", release=release_with(current.days), effective=method.from_),
                 current.step.noted)
    return GoodConductTime(current.days, replace(current.step, noted=note), rate, current.full_years,
                           current.partial_days, method.from_)


def _with(first: Said, then: Said | Joined | None) -> Said | Joined:
    return first if then is None else Joined((first, *(then.items if isinstance(then, Joined) else (then,))))


@lru_cache(maxsize=16)
def _rounded_factor(rate: int, year_days: int) -> Fraction:
    """The daily rate rounded to three places, as the BOP's 0.148 factor is (54/365 = 0.1479...)."""
    return Fraction(round(Fraction(rate, year_days), 3))


def _per_year_imposed(commenced: date, term: Term, rate: int, on: date, cite: str, note: str | None) -> GoodConductTime:
    data = law()
    year_days = int(data.value("good_conduct_time.year_days", on))
    full_term = term.full_term_date(commenced)
    assert full_term is not None
    years = term.months // 12
    partial_start = add_months(commenced, 12 * years)
    partial = days_inclusive(partial_start, full_term) if partial_start <= full_term else 0
    prorated = (partial * rate) // year_days
    total = years * rate + prorated
    detail = said("step.gct.per_year_imposed", years=_full_years(years), rate=rate, earned=years * rate,
                  partial=partial, start=partial_start, end=full_term, year_days=year_days, prorated=prorated,
                  total=total)
    flags: list[Said] = []
    rounded_factor = _rounded_factor(rate, year_days)
    rounded = partial * rounded_factor.numerator // rounded_factor.denominator  # floor, in integers (exact)
    if rounded != prorated:
        flags.append(said("step.gct.rounded_factor", partial=partial, factor=float(rounded_factor),
                          rounded=rounded, prorated=prorated))
    if note:
        flags.append(verbatim(note))
    return GoodConductTime(total, Step("GCT", AUTHORITY, cite, detail, Joined(tuple(flags)) if flags else None), rate,
                           years, partial)


def _full_years(n: int) -> Said:
    return said("step.gct.full_year" if n == 1 else "step.gct.full_years", n=n)


def _per_year_served(commenced: date, term: Term, rate: int, on: date, cite: str) -> GoodConductTime:
    """PS 5880.28 as described: 54 days for each full year served, the last part at `days / (1 + factor)`."""
    data = law()
    factor = Fraction(str(data.value("good_conduct_time.per_year_served_factor", on)[rate]))
    year_days = int(data.value("good_conduct_time.year_days", on))
    full_term = term.full_term_date(commenced)
    assert full_term is not None
    remaining = days_inclusive(commenced, full_term)
    years = 0
    while remaining >= year_days + rate:
        remaining -= year_days + rate
        years += 1
    served_last = math.ceil(Fraction(remaining) / (1 + factor))
    last = remaining - served_last
    total = years * rate + last
    detail = said("step.gct.per_year_served", years=_full_years(years), rate=rate, earned=years * rate,
                  remaining=remaining, divisor=float(1 + factor), served=served_last, last=last, total=total)
    return GoodConductTime(total, Step("GCT", AUTHORITY, f"{CITE_GCT} (before the First Step Act); {cite}", detail,
                                       said("step.gct.per_year_served.note")), rate, years, remaining)
