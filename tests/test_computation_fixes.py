"""Computation defects found by cross-checking against an independent implementation (issue 12, "Also fix").

Each expected date is worked out by hand from the rule it rests on: 18 U.S.C. 3624(b)(1) as amended by First Step
Act § 102(b) ("up to 54 days for each year of the prisoner's sentence imposed by the court", in force for the BOP
from 2019-07-19), 3624(a) (a release falling on a weekend is moved to the last preceding weekday) and 3624(g)
(credits move release by at most 12 months; the rest are prerelease custody).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from reprieve.assess.computation import compute
from reprieve.intake import CaseFileError, parse_case

AFTER_THE_SWITCH = date(2024, 6, 3)


def _robbery(months: int, commenced: str, **custody: Any) -> dict[str, Any]:
    return {"format": 1, "judgments": [{"imposed_on": commenced, "supervised_release_months": 36, "counts": [
        {"statute": "18 U.S.C. § 1951", "penalty": "18 U.S.C. § 1951(a)", "offense_ended": "2014-06-01",
         "months": months}]}],
        "custody": {"commenced_on": commenced, "prior_custody_days": 0, **custody}}


def test_the_gct_method_is_chosen_by_the_release_after_the_gct_already_lost() -> None:
    """60 months from 2015-01-01: full term 2019-12-31; 5 years x 54 = 270 days; 120 disallowed: 2019-12-31 - 150
    days = 2019-08-03, after 2019-07-19, so the First Step Act's method applies (not the older per-year-served one,
    which gave 2019-09-07). 2019-08-03 is a Saturday: release Friday 2019-08-02."""
    result = compute(parse_case(_robbery(60, "2015-01-01", gct_disallowed_days=120)).case, AFTER_THE_SWITCH)
    assert result.full_term_date == date(2019, 12, 31)
    assert result.gct.max_days == 270
    assert result.statutory_release_date == date(2019, 12, 31) - timedelta(days=270 - 120) == date(2019, 8, 3)
    assert result.projected_release_date == date(2019, 8, 2)


def test_a_new_method_date_already_past_on_2019_07_19_is_2019_07_19() -> None:
    """The same term with 100 days disallowed: 2019-12-31 - 170 = 2019-07-14 by the new method, which took effect
    on 2019-07-19; by the old method the release (2019-08-18) was still ahead, so the person was in custody on
    2019-07-19 and is released that day, not on a date already past."""
    result = compute(parse_case(_robbery(60, "2015-01-01", gct_disallowed_days=100)).case, AFTER_THE_SWITCH)
    assert result.statutory_release_date == date(2019, 7, 19)
    assert result.projected_release_date == date(2019, 7, 19)  # a Friday


def test_credit_beyond_the_term_releases_on_the_day_the_sentence_commenced_even_on_a_weekend() -> None:
    """A 12-month term (no GCT: 3624(b)(1) is for terms of more than 1 year) commenced Saturday 2024-03-02 with 500
    days of jail credit: served at commencement. There is no earlier weekday to move to: release cannot precede
    the sentence (3585(a))."""
    result = compute(parse_case(_robbery(12, "2024-03-02", gct_disallowed_days=0, prior_custody_days=500)).case,
                     date(2024, 3, 10))
    assert date(2024, 3, 2).weekday() == 5
    assert result.projected_release_date == date(2024, 3, 2)


def test_credits_beyond_what_release_needs_are_not_prerelease_days() -> None:
    """700 credits on a 24-month term: 366 of them advance release to 2023-02-28 (at most 12 months, 3624(g)(3));
    only 56 days lie between the transfer (2023-01-03) and that release, so at most 56 can be prerelease custody,
    not 700 - 366 = 334."""
    data = _robbery(24, "2023-01-03", gct_disallowed_days=0, prior_custody_days=200,
                    arrived_at_facility_on="2023-01-03",
                    fsa={"eligible": True, "credits_days": 700, "risk_levels": [{"on": "2023-02-01",
                                                                                 "level": "minimum"}]})
    fsa = compute(parse_case(data).case, date(2023, 6, 1)).fsa
    assert fsa is not None
    assert fsa.release_date == date(2023, 2, 28)
    assert fsa.prerelease_custody_date == date(2023, 1, 3)
    assert fsa.prerelease_days == (date(2023, 2, 28) - date(2023, 1, 3)).days == 56


@pytest.mark.parametrize("months", [99999999999999999999, 12_001])
def test_a_term_too_long_for_any_calendar_is_an_error_naming_the_field(months: int) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case(_robbery(months, "2015-01-01"))
    assert [p.path for p in raised.value.problems] == ["judgments[0].counts[0].months"]


def test_consecutive_terms_past_the_calendar_are_refused_not_a_traceback() -> None:
    counts = [{"count": str(i), "statute": "18 U.S.C. § 1951", "months": 12_000,
               **({"consecutive_to": [str(i - 1)]} if i > 1 else {})} for i in range(1, 12)]
    data = {"format": 1, "judgments": [{"imposed_on": "2010-01-01", "counts": counts}],
            "custody": {"commenced_on": "2010-01-01", "prior_custody_days": 0}}
    result = compute(parse_case(data).case, date(2024, 1, 1))
    assert [r.code for r in result.refusals] == ["TERM_BEYOND_CALENDAR"]
    assert result.projected_release_date is None


@pytest.mark.parametrize(("where", "value", "path"), [
    ("custody", {"prior_custody_days": 365_251}, "custody.prior_custody_days"),
    ("custody", {"prior_custody_days": 365_250}, None),
])
def test_a_number_of_days_past_1000_years_is_named_by_its_path(where: str, value: dict[str, int],
                                                               path: str | None) -> None:
    data = _robbery(120, "2015-01-01")
    data[where] = {**data.get(where, {}), **value}
    if path is None:
        parse_case(data)
        return
    with pytest.raises(CaseFileError) as raised:
        parse_case(data)
    assert path in [p.path for p in raised.value.problems]
