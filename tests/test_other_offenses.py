"""Statutes of conviction beyond the drug and firearm tables (other_penalties.yaml, each quoted from the Code): their
ranges, their tiers (an element presumed absent unless the judgment names it), attempts and conspiracies that take
the object offense's penalties, and 18 U.S.C. 1028A's consecutive term."""

from __future__ import annotations

from datetime import date
from typing import Any

from reprieve.assess.computation import compute
from reprieve.assess.report import assess
from reprieve.intake import parse_case

AS_OF = date(2024, 1, 2)


def _case(*counts: dict[str, Any], enhancements: list[Any] | None = None) -> dict[str, Any]:
    judgment: dict[str, Any] = {"imposed_on": "2015-06-01", "counts": [
        {"count": str(i + 1), "offense_ended": "2014-06-01", **c} for i, c in enumerate(counts)]}
    if enhancements is not None:
        judgment["enhancements"] = enhancements
    return {"format": 1, "court": {"district": "D. Md."}, "judgments": [judgment],
            "custody": {"commenced_on": "2015-06-01", "prior_custody_days": 0}}


def _then(data: dict[str, Any], n: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = assess(parse_case(data).case, AS_OF).current_law.as_json()["counts"][n]["then"]  # type: ignore[union-attr]
    return result


def test_armed_bank_robbery_cited_as_2113_a_and_d() -> None:
    """2113(d): "imprisoned not more than twenty-five years"."""
    side = _then(_case({"statute": "18 U.S.C. §§ 2113(a) and (d)", "months": 150}))
    assert (side["min_months"], side["max_months"]) == (0, 300)


def test_wire_fraud_after_2002_and_the_financial_institution_tier_presumed_absent() -> None:
    """1343: 20 years (Pub. L. 107-204 § 903); 30 if it affects a financial institution - an element the judgment
    would cite, so presumed absent; the court's stated maximum of 30 years settles it."""
    data = _case({"statute": "18 U.S.C. § 1343", "months": 100})
    result = assess(parse_case(data).case, AS_OF)
    assert result.current_law.as_json()["counts"][0]["then"]["max_months"] == 240  # type: ignore[union-attr]
    presumed = [a for a in result.assumptions if a["field"] == "judgments[0].counts[0].statutory_maximum_months"]
    assert presumed and "financial institution" in presumed[0]["presumed"]
    data["judgments"][0]["counts"][0]["statutory_maximum_months"] = 360
    assert _then(data)["max_months"] == 360


def test_a_fraud_conspiracy_takes_the_object_offenses_penalties() -> None:
    """1349: "the same penalties as those prescribed for the offense ... the object of the attempt or conspiracy"."""
    assert _then(_case({"statute": "18 U.S.C. §§ 1349, 1344", "months": 100}))["max_months"] == 360
    unnamed = _then(_case({"statute": "18 U.S.C. § 1349", "months": 100}))
    assert unnamed["min_months"] == 0 and unnamed["max_months"] is None
    assert unnamed["max_months_range"] == [120, 360]  # health care fraud 10 years ... bank fraud 30


def test_aggravated_identity_theft_runs_after_the_fraud() -> None:
    """1028A: "a term of imprisonment of 2 years", and "no term of imprisonment imposed ... under this section shall
    run concurrently with any other term": 60 + 24 months, and the aggregate minimum is the 24."""
    data = _case({"statute": "18 U.S.C. § 1343", "months": 60}, {"statute": "18 U.S.C. § 1028A(a)(1)", "months": 24})
    computed = compute(parse_case(data).case, AS_OF)
    assert computed.total_term is not None and computed.total_term.months == 84
    aggregate = assess(parse_case(data).case, AS_OF).current_law.as_json()["aggregate"]  # type: ignore[union-attr]
    assert aggregate["then_min_months"] == 24


def test_two_identity_theft_counts_may_run_together() -> None:
    """1028A(b)(4): a 1028A term may run concurrently with another 1028A term imposed at the same time."""
    data = _case({"statute": "18 U.S.C. § 1343", "months": 60}, {"statute": "18 U.S.C. § 1028A", "months": 24},
                 {"statute": "18 U.S.C. § 1028A", "months": 24})
    computed = compute(parse_case(data).case, AS_OF)
    assert computed.total_term is not None and computed.total_term.months == 84


def test_illegal_reentry_after_an_aggravated_felony() -> None:
    """1326(b)(2): "imprisoned not more than 20 years"."""
    assert _then(_case({"statute": "8 U.S.C. § 1326(a), (b)(2)", "months": 46}))["max_months"] == 240


def test_a_phone_count_doubles_only_with_an_851_information() -> None:
    """843(d)(1): 4 years; 8 after a final prior drug felony conviction (charged under 851)."""
    count = {"statute": "21 U.S.C. § 843(b)", "months": 40}
    assert _then(_case(count, enhancements=[]))["max_months"] == 48
    assert _then(_case(count, enhancements=[{"kind": "851", "priors_at_least": 1}]))["max_months"] == 96


def test_money_laundering_conspiracy_and_child_exploitation() -> None:
    assert _then(_case({"statute": "18 U.S.C. §§ 1956(h), 1956(a)(1)", "months": 100}))["max_months"] == 240
    receipt = _then(_case({"statute": "18 U.S.C. § 2252(a)(2)", "months": 70}))
    assert (receipt["min_months"], receipt["max_months"]) == (60, 240)  # 70 months rules out the 15-year tier
    enticement = _then(_case({"statute": "18 U.S.C. § 2422(b)", "months": 150}))
    assert (enticement["min_months"], enticement["max_months"]) == (120, "life")
