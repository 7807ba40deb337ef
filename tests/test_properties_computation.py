"""Invariants of the computation, checked on generated cases (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.computation import Computation, compute
from reprieve.intake import parse_case

DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    commenced = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
    months = draw(st.integers(min_value=1, max_value=480))
    counts: list[dict[str, Any]] = [{
        "count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(C)", "drug": "cocaine",
        "death_or_serious_bodily_injury": False, "offense_ended": str(commenced - timedelta(days=400)),
        "months": months, "days": draw(st.integers(min_value=0, max_value=30))}]
    if draw(st.booleans()):
        counts.append({"count": "2", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(C)",
                       "drug": "cocaine", "death_or_serious_bodily_injury": False,
                       "offense_ended": str(commenced - timedelta(days=400)),
                       "months": draw(st.integers(min_value=1, max_value=240)),
                       **({"consecutive_to": "1"} if draw(st.booleans()) else {})})
    custody: dict[str, Any] = {"commenced_on": str(commenced),
                               "prior_custody_days": draw(st.integers(min_value=0, max_value=900)),
                               "gct_disallowed_days": draw(st.integers(min_value=0, max_value=200)),
                               "gct_rate": draw(st.sampled_from([54, 42]))}
    if draw(st.booleans()):
        custody["arrived_at_facility_on"] = str(commenced + timedelta(days=draw(st.integers(0, 120))))
        custody["fsa"] = {"risk_levels": [{"on": str(commenced), "level": draw(st.sampled_from(
            ["minimum", "low", "medium", "high"]))}]}
    if draw(st.booleans()):
        custody["rdap"] = {"completed_on": str(commenced + timedelta(days=300)),
                           "reduction_months": draw(st.integers(0, 12))}
    return {"format": 1, "custody": custody,
            "judgments": [{"imposed_on": str(commenced), "counts": counts,
                           "supervised_release_months": draw(st.sampled_from([0, 36, 60]))}]}


def run(data: dict[str, Any], as_of: date) -> Computation:
    return compute(parse_case(data).case, as_of)


@settings(max_examples=150, deadline=None)
@given(cases(), DAYS)
def test_release_never_precedes_commencement(data: dict[str, Any], as_of: date) -> None:
    result = run(data, as_of)
    commenced = date.fromisoformat(data["custody"]["commenced_on"])
    assert result.projected_release_date is not None and result.statutory_release_date is not None
    assert result.statutory_release_date >= commenced
    assert result.projected_release_date >= commenced  # never before the sentence began, weekend or not
    assert result.full_term_date is not None and result.statutory_release_date <= result.full_term_date


@settings(max_examples=100, deadline=None)
@given(cases(), DAYS, st.integers(min_value=1, max_value=400))
def test_more_jail_credit_never_delays_release(data: dict[str, Any], as_of: date, more: int) -> None:
    before = run(data, as_of)
    data["custody"]["prior_custody_days"] += more
    after = run(data, as_of)
    assert after.statutory_release_date <= before.statutory_release_date  # type: ignore[operator]
    assert after.projected_release_date <= before.projected_release_date  # type: ignore[operator]


@settings(max_examples=100, deadline=None)
@given(cases(), DAYS, st.integers(min_value=1, max_value=200))
def test_more_gct_loss_never_advances_release(data: dict[str, Any], as_of: date, more: int) -> None:
    before = run(data, as_of)
    data["custody"]["gct_disallowed_days"] += more
    after = run(data, as_of)
    assert after.statutory_release_date >= before.statutory_release_date  # type: ignore[operator]
    assert after.projected_release_date >= before.projected_release_date  # type: ignore[operator]


@settings(max_examples=100, deadline=None)
@given(cases(), DAYS, st.integers(min_value=1, max_value=3000))
def test_percent_served_is_monotonic_in_the_as_of_date(data: dict[str, Any], as_of: date, later: int) -> None:
    first = run(data, as_of)
    second = run(data, as_of + timedelta(days=later))
    assert first.percent_of_term_served is not None and second.percent_of_term_served is not None
    assert second.percent_of_term_served >= first.percent_of_term_served
    assert second.time_served_days >= first.time_served_days  # type: ignore[operator]


@settings(max_examples=100, deadline=None)
@given(cases(), DAYS, st.integers(min_value=1, max_value=120))
def test_a_consecutive_count_never_shortens_the_aggregate(data: dict[str, Any], as_of: date, months: int) -> None:
    before = run(data, as_of)
    counts = data["judgments"][0]["counts"]
    counts.append({"count": "9", "months": months, "consecutive_to": "1", "statute": "21 U.S.C. § 841(a)(1)",
                   "penalty": "21 U.S.C. § 841(b)(1)(C)", "drug": "cocaine", "death_or_serious_bodily_injury": False})
    after = run(data, as_of)
    assert after.full_term_date >= before.full_term_date  # type: ignore[operator]
    assert after.total_term is not None and before.total_term is not None


@st.composite
def uncertain_cases(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(cases())
    commenced = date.fromisoformat(data["custody"]["commenced_on"])
    custody = data["custody"]
    choice = draw(st.sampled_from(["arrest_month", "arrest_day", "no_credit", "no_loss", "fsa_unknown"]))
    if choice in ("arrest_month", "arrest_day"):
        arrest = commenced - timedelta(days=draw(st.integers(min_value=40, max_value=700)))
        del custody["prior_custody_days"]
        custody["arrested_on"] = arrest.isoformat()[:7] if choice == "arrest_month" else arrest.isoformat()
        custody["continuous_since_arrest"] = True
    elif choice == "no_credit":
        del custody["prior_custody_days"]
        custody["arrested_on"] = str(commenced - timedelta(days=200))
    elif choice == "no_loss":
        del custody["gct_disallowed_days"]
    else:
        custody.pop("fsa", None)
        custody.pop("arrived_at_facility_on", None)
    return data


@settings(max_examples=200, deadline=None)
@given(uncertain_cases(), DAYS)
def test_the_stated_range_always_contains_the_point(data: dict[str, Any], as_of: date) -> None:
    result = run(data, as_of)
    span = result.projected_release_range
    if span is None:
        assert result.projected_release_date is not None
        return
    earliest, latest = span["earliest"], span["latest"]
    assert earliest is not None and latest is not None
    assert earliest <= latest
    if result.projected_release_date is not None:
        assert earliest <= result.projected_release_date.isoformat() <= latest
    full = result.ranges.get("full_term_date")
    if full and result.full_term_date:
        assert full["earliest"] <= result.full_term_date.isoformat() <= full["latest"]


@settings(max_examples=200, deadline=None)
@given(uncertain_cases(), DAYS)
def test_time_served_ranges_are_ordered(data: dict[str, Any], as_of: date) -> None:
    """The least time served never exceeds the most, whichever scenario is released first."""
    result = run(data, as_of)
    for key in ("time_served_days", "percent_of_term_served"):
        span = result.ranges.get(key)
        if span and span["least"] is not None and span["most"] is not None:
            assert span["least"] <= span["most"], key
