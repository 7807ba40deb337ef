"""Invariants of the guidelines engine (hypothesis): the Sentencing Table never gives a lower range for a higher
level or category; the Drug Quantity Table never gives a lower level for more of a drug; amendments 782 and 821
never raise a range."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.report import assess
from reprieve.case.types import Quantity
from reprieve.intake import parse_case
from reprieve.law.guidelines.drug_quantity import DrugAmount, offense_level
from reprieve.law.guidelines.sentencing_table import guideline_range, months_key
from reprieve.law.penalty_ranges import Trace

CATEGORIES = ("I", "II", "III", "IV", "V", "VI")
TODAY = date(2026, 11, 28)


def _key(level: int, category: str) -> tuple[int, int]:
    found = guideline_range(level, category, TODAY, Trace())
    assert found is not None
    return months_key(found.low), months_key(found.high)


@given(st.integers(1, 43), st.integers(1, 43), st.sampled_from(CATEGORIES), st.sampled_from(CATEGORIES))
def test_a_higher_level_or_category_never_gives_a_lower_range(a: int, b: int, c1: str, c2: str) -> None:
    low_level, high_level = sorted((a, b))
    low_cat, high_cat = sorted((c1, c2), key=CATEGORIES.index)
    lower, higher = _key(low_level, low_cat), _key(high_level, high_cat)
    assert higher[0] >= lower[0] and higher[1] >= lower[1]


DRUGS = ("heroin", "cocaine", "cocaine_base", "methamphetamine", "methamphetamine_actual", "fentanyl", "marijuana",
         "lsd", "pcp", "hashish")


@given(st.sampled_from(DRUGS), st.decimals(Decimal("0.001"), Decimal("200000000"), places=3),
       st.decimals(Decimal("0.001"), Decimal("200000000"), places=3),
       st.sampled_from([date(2013, 6, 1), date(2009, 6, 1), TODAY]))
def test_more_of_a_drug_never_gives_a_lower_level(drug: str, a: Decimal, b: Decimal, on: date) -> None:
    small, large = sorted((a, b))
    levels = [offense_level([DrugAmount(drug, Quantity(q, "g", f"{q} g"))], on, Trace()).level for q in (small, large)]
    assert levels[0] is not None and levels[1] is not None
    assert levels[1] >= levels[0]


@given(st.sampled_from(DRUGS), st.decimals(Decimal("0.001"), Decimal("200000000"), places=3))
def test_amendment_782_never_raises_a_drug_level(drug: str, grams: Decimal) -> None:
    amount = [DrugAmount(drug, Quantity(grams, "g", f"{grams} g"))]
    before = offense_level(amount, date(2014, 10, 31), Trace()).level
    after = offense_level(amount, date(2014, 11, 1), Trace()).level
    assert before is not None and after is not None
    assert after <= before


def _case(level: int, other_points: int, under: bool, drug: str, grams: int, zero_point: bool) -> dict[str, Any]:
    priors = [{"description": "prior", "kind": "other_felony", "history_points": 1} for _ in range(other_points)]
    status = 2 if under else 0  # any status points the court counted under a pre-821 Manual
    guidelines: dict[str, Any] = {"total_offense_level": level, "under_criminal_justice_sentence": under,
                                  "criminal_history_points": other_points + status, "status_points": status,
                                  "drug_quantities": [{"drug": drug, "quantity": f"{grams} g"}],
                                  "base_offense_level": None, "mitigating_role_levels": 0}
    guidelines.pop("base_offense_level")
    if zero_point:
        guidelines.update({"violence": False, "weapon": False, "aggravating_role": False, "zero_point_facts": {
            "terrorism_adjustment": False, "sex_offense": False, "substantial_financial_hardship": False,
            "civil_rights_offense": False, "victim_adjustment": False, "continuing_criminal_enterprise": False}})
    return {"format": 1, "judgments": [{"imposed_on": "2013-06-03", "enhancements": [], "guidelines": guidelines,
                                        "counts": [{"statute": "21 U.S.C. § 841(a)(1)",
                                                    "penalty": "21 U.S.C. § 841(b)(1)(C)",
                                                    "offense_ended": "2012-06-01", "drug": drug,
                                                    "quantity": f"{grams} g",
                                                    "death_or_serious_bodily_injury": False, "months": 100}]}],
            "priors": priors, "custody": {"commenced_on": "2013-06-03", "prior_custody_days": 0}}


@settings(max_examples=60, deadline=None)
@given(st.integers(12, 43), st.integers(0, 14), st.booleans(), st.sampled_from(("cocaine", "heroin", "cocaine_base")),
       st.integers(1, 100000), st.booleans())
def test_an_amended_range_never_rises_under_782_or_821(level: int, points: int, under: bool, drug: str, grams: int,
                                                        zero_point: bool) -> None:
    case = parse_case(_case(level, points, under, drug, grams, zero_point)).case
    result = assess(case, TODAY).as_json()
    guidelines = result["guidelines"]
    then, now = guidelines["then"]["range_months"], guidelines["now"]["range_months"]
    assert then is not None
    if now is not None:
        assert months_key(now[0]) <= months_key(then[0]) and months_key(now[1]) <= months_key(then[1])
    for finding in result["findings"]:
        amended = finding.get("amended_range_months")
        if finding["avenue"] == "3582(c)(2)" and amended:
            assert months_key(amended[0]) <= months_key(then[0])
            assert finding["status"] != "eligible" or months_key(finding["lowest_sentence_months"]) < 100
