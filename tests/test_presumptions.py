"""The engine answers on the stated facts plus named presumptions, gives the range where no presumption is sound, and
never asks what the stated facts settle (issue 12). Each presumption is tested by stating the opposite fact: the
answer flips, and the presumption is no longer listed.

Expected values are the statutes' and the Guidelines' own: 21 U.S.C. 841(b)(1)(A) "not less than 10 years" (20 with a
prior felony drug offense before the First Step Act; 15 with a prior serious drug felony after it, § 401), (b)(1)(C)
"not less than 20 years" if death or serious bodily injury results; 18 U.S.C. 924(c)(1)(A)(i)-(iii) 5, 7, 10 years,
(B)(ii) 30 years; 924(e)(1) 15 years; 922(g) at most 10 years (924(a)(2), before 2022-06-25); USSG §2D1.1(a)(2)
level 38; 18 U.S.C. 3624(b) 54 days a year (42 under 28 C.F.R. 523.20(d)(2)).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from reprieve.assess.computation import compute
from reprieve.assess.report import Assessment, assess
from reprieve.case.model import case_json_schema
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load((CASES / name).read_text(encoding="utf-8"), Loader=_Loader)
    return data


def _assess(data: dict[str, Any], as_of: date) -> Assessment:
    return assess(parse_case(data).case, as_of)


DEFS = case_json_schema()["$defs"]


def _extension_fields(node: Any, schema: dict[str, Any], path: str = "") -> list[str]:
    """Fields of `node` that the JSON Schema marks as reprieve's extensions (not in the case format)."""
    defs = DEFS

    def resolve(s: dict[str, Any]) -> dict[str, Any]:
        while True:
            if "$ref" in s:
                s = defs[s["$ref"].rsplit("/", 1)[-1]]
            elif "anyOf" in s:
                s = next((o for o in s["anyOf"] if o.get("type") != "null"), s)
                if "anyOf" in s:
                    return s
            else:
                return s

    found: list[str] = []
    if isinstance(node, dict):
        properties = resolve(schema).get("properties", {})
        for key, value in node.items():
            sub = properties.get(key, {})
            if str(sub.get("description", "")).startswith("extension"):
                found.append(f"{path}.{key}")
            found += _extension_fields(value, resolve(sub), f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            found += _extension_fields(item, resolve(schema.get("items", {})) if "items" in schema else schema, path)
    return found


# --- Done means: the Vailes facts written from the case format alone ------------------------------------------------

@pytest.fixture(scope="module")
def vailes() -> Assessment:
    data = _load("vailes_from_the_spec.yaml")
    assert _extension_fields(data, case_json_schema()) == []  # the format alone
    return _assess(data, date(2023, 7, 6))


def test_vailes_then_240_now_120_to_180(vailes: Assessment) -> None:
    aggregate = vailes.current_law.as_json()["aggregate"]  # type: ignore[union-attr]
    assert aggregate["then_min_months"] == 240
    assert aggregate["now_min_months"] is None
    assert aggregate["now_min_months_range"] == [120, 180]
    assert {a["if"] for a in aggregate["now_min_alternatives"]} == {
        "if the prior conviction is a serious drug felony or serious violent felony",
        "if the prior conviction is not a serious drug felony or serious violent felony"}


def test_vailes_asks_only_the_question_that_decides_the_minimum(vailes: Assessment) -> None:
    """The one open question of the comparison is whether the prior is a serious drug felony (21 U.S.C. 802(57)):
    the facts of the prior. Nothing the record would name, and nothing the BOP's projection presumes, is asked."""
    asked = {q.field: q for q in vailes.questions}
    minimum = {f for f, q in asked.items() if q.rank == 3}
    assert minimum and all(f.startswith("priors[0].") for f in minimum)
    assert "priors[0].served_months" in minimum
    settled = ("death_or_serious_bodily_injury", "enhancements", "gct_rate", "gct_disallowed_days", "education",
               "conduct")
    assert not [f for f in asked if any(word in f for word in settled)]


def test_vailes_lists_the_presumptions_it_rests_on(vailes: Assessment) -> None:
    presumed = {a["field"]: a for a in vailes.assumptions}
    assert {"custody.gct_disallowed_days", "custody.gct_rate", "judgments[0].enhancements"} <= set(presumed)
    assert all(set(a) == {"field", "presumed", "why", "if_instead"} and all(a.values()) for a in presumed.values())
    # the guideline range found (240-262) settles death or injury: with the 851 prior it would have meant life
    count = vailes.current_law.as_json()["counts"][0]  # type: ignore[union-attr]
    assert any("USSG §5G1.1" in s for s in count["settled"])
    assert "judgments[0].counts[0].death_or_serious_bodily_injury" not in {
        q.field for f in vailes.findings for q in f.missing}


def test_vailes_change_in_law_is_arguable_in_the_fourth_circuit_on_2023_07_06(vailes: Assessment) -> None:
    """Every alternative lowers the minimum (180 or 120 < 240) and McCoy (4th Cir. 2020) lets a court weigh it."""
    assert vailes.circuit == "4th"
    ground = next(f for f in vailes.findings if f.ground == "§1B1.13(b)(6)")
    assert ground.status == "needs_review"
    assert any("United States v. McCoy" in c for c in ground.citations)


# --- a stated base offense level settles death or injury --------------------------------------------------------------

def _base_level_case() -> dict[str, Any]:
    """5 kg of cocaine found for the guidelines (level 32 before Amendment 782, USSG §2D1.1(c)(4) (2011)), the base
    level stated; death or injury not stated."""
    return {"format": 1, "court": {"district": "E.D. Va."}, "judgments": [{
        "imposed_on": "2012-06-01", "enhancements": [],
        "counts": [{"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(B)",
                    "offense_ended": "2011-06-01", "drug": "cocaine", "quantity": "4 kg", "months": 100}],
        "guidelines": {"manual": 2011, "base_offense_level": 32, "total_offense_level": 29,
                       "criminal_history_category": "I", "range_months": [87, 108], "career_offender": False,
                       "substantial_assistance": False, "mitigating_role_levels": 0}}],
        "custody": {"commenced_on": "2012-06-01", "prior_custody_days": 0}}


def test_a_3582c2_screen_with_a_stated_base_level_asks_nothing_the_level_settles() -> None:
    result = _assess(_base_level_case(), date(2015, 1, 5))
    asked = {q.field for f in result.findings for q in f.missing} | {q.field for q in result.questions}
    assert not [f for f in asked if "death_or_serious_bodily_injury" in f]
    assert not [a for a in result.assumptions if "death_or_serious_bodily_injury" in a["field"]]
    assert any("(32) is not" in str(s) for s in result.guidelines.settled)  # type: ignore[union-attr]
    # 5 to 15 kg of cocaine: level 32 before Amendment 782, 30 after (USSG §2D1.1(c)(4)-(5) (2014)): 29 -> 27, I,
    # 70-87 months
    finding = next(f for f in result.findings if f.ground == "Amendment 782")
    assert finding.status == "eligible"
    assert finding.extra.amendment.amended_range_months == [70, 87]


# --- each presumption, and the fact that flips it ---------------------------------------------------------------------

def _drug(penalty: str, **count: Any) -> dict[str, Any]:
    return {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
        "imposed_on": "2015-03-02",
        "counts": [{"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": penalty, "offense_ended": "2014-01-10",
                    "drug": "heroin", "months": 240, **count}]}],
        "custody": {"commenced_on": "2015-03-02", "prior_custody_days": 0}}


def _then_min(data: dict[str, Any], as_of: date = date(2024, 1, 2)) -> Any:
    return _assess(data, as_of).current_law.as_json()["aggregate"]["then_min_months"]  # type: ignore[union-attr]


def _presumed(data: dict[str, Any], as_of: date = date(2024, 1, 2)) -> set[str]:
    return {a["field"] for a in _assess(data, as_of).assumptions}


def test_death_or_injury_is_presumed_absent_and_stating_it_flips_the_minimum() -> None:
    data = _drug("21 U.S.C. § 841(b)(1)(C)", quantity="10 g")
    data["judgments"][0]["enhancements"] = []
    assert _then_min(data) == 0
    assert "judgments[0].counts[0].death_or_serious_bodily_injury" in _presumed(data)
    data["judgments"][0]["counts"][0]["death_or_serious_bodily_injury"] = True
    assert _then_min(data) == 240
    assert "judgments[0].counts[0].death_or_serious_bodily_injury" not in _presumed(data)


def test_no_851_information_is_presumed_and_stating_one_flips_the_minimum() -> None:
    data = _drug("21 U.S.C. § 841(b)(1)(A)", quantity="1 kg", death_or_serious_bodily_injury=False)
    assert _then_min(data) == 120
    assert "judgments[0].enhancements" in _presumed(data)
    data["judgments"][0]["enhancements"] = [{"kind": "851", "priors_at_least": 1}]
    assert _then_min(data) == 240


def test_one_851_prior_is_presumed_and_two_flip_the_minimum_to_life() -> None:
    data = _drug("21 U.S.C. § 841(b)(1)(A)", quantity="1 kg", death_or_serious_bodily_injury=False)
    data["judgments"][0]["counts"][0]["life"] = True
    del data["judgments"][0]["counts"][0]["months"]
    data["judgments"][0]["enhancements"] = [{"kind": "851"}]
    assert _then_min(data) == 240
    assert "judgments[0].enhancements[0].priors" in _presumed(data)
    data["judgments"][0]["enhancements"] = [{"kind": "851", "priors_at_least": 2}]
    assert _then_min(data) == "life"


def _gun(**count: Any) -> dict[str, Any]:
    return {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
        "imposed_on": "2015-03-02", "enhancements": [],
        "counts": [{"count": "1", "statute": "18 U.S.C. § 924(c)", "offense_ended": "2014-01-10", "months": 360,
                    **count}]}],
        "custody": {"commenced_on": "2015-03-02", "prior_custody_days": 0}}


def test_brandishing_is_presumed_absent_and_stating_it_flips_the_minimum() -> None:
    data = _gun(firearm_type="firearm")
    assert _then_min(data) == 60
    assert "judgments[0].counts[0].firearm_conduct" in _presumed(data)
    data["judgments"][0]["counts"][0]["firearm_conduct"] = "brandish"
    assert _then_min(data) == 84


def test_a_machinegun_is_presumed_absent_and_stating_it_flips_the_minimum() -> None:
    data = _gun(firearm_conduct="possess")
    assert _then_min(data) == 60
    assert "judgments[0].counts[0].firearm_type" in _presumed(data)
    data["judgments"][0]["counts"][0]["firearm_type"] = "machinegun"
    assert _then_min(data) == 360


def test_the_term_imposed_rules_out_the_machinegun_minimum_without_a_presumption() -> None:
    """84 months on a 924(c) brandishing count: not a 30-year machinegun count, not a 10-year short-barreled one (no
    3553(e) motion is stated, which is listed) - the term settles what the weapon was not."""
    data = _gun(firearm_conduct="brandish", months=84)
    result = _assess(data, date(2024, 1, 2))
    count = result.current_law.as_json()["counts"][0]  # type: ignore[union-attr]
    assert count["then"]["min_months"] == 84
    assert any("below its minimum" in s for s in count["settled"])
    presumed = {a["field"] for a in result.assumptions}
    assert "judgments[0].guidelines.substantial_assistance" in presumed
    assert "judgments[0].counts[0].firearm_type" not in presumed


def test_acca_is_presumed_absent_and_stating_it_flips_the_minimum() -> None:
    data: dict[str, Any] = {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
        "imposed_on": "2015-03-02",
        "counts": [{"count": "1", "statute": "18 U.S.C. § 922(g)(1)", "offense_ended": "2014-01-10"}]}],
        "custody": {"commenced_on": "2015-03-02", "prior_custody_days": 0}}
    result = _assess(data, date(2024, 1, 2))  # the term not stated: only the presumption answers
    assert result.current_law.as_json()["counts"][0]["then"]["max_months"] == 120  # type: ignore[union-attr]
    assert "judgments[0].enhancements" in {a["field"] for a in result.assumptions}
    data["judgments"][0]["enhancements"] = [{"kind": "acca"}]
    assert _then_min(data) == 180


def test_the_term_settles_acca_either_way() -> None:
    """100 months cannot be the ACCA's 15-year minimum (no 3553(e) motion stated); 200 months is above 922(g)'s
    10-year maximum, so the ACCA applied."""
    for months, expected in ((100, 0), (200, 180)):
        data: dict[str, Any] = {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
            "imposed_on": "2015-03-02", "counts": [{"count": "1", "statute": "18 U.S.C. § 922(g)(1)",
                                                    "offense_ended": "2014-01-10", "months": months}]}],
            "custody": {"commenced_on": "2015-03-02", "prior_custody_days": 0}}
        assert _then_min(data) == expected


def test_no_basis_below_a_minimum_is_presumed_and_stating_one_brings_the_alternative_back() -> None:
    data = _drug("21 U.S.C. § 841(b)(1)(A)", quantity="1 kg", months=150, death_or_serious_bodily_injury=False)
    data["judgments"][0]["enhancements"] = [{"kind": "851"}]
    # 150 months is below the 20 years one 851 prior required: without a 3553(e) motion, no enhancement could apply
    data["judgments"][0]["enhancements"] = []
    assert _then_min(data) == 120
    data["judgments"][0].pop("enhancements")
    assert _then_min(data) == 120  # no 851 presumed; with one, the 240 minimum is above the term
    data["judgments"][0]["guidelines"] = {"substantial_assistance": True}
    result = _assess(data, date(2024, 1, 2))
    assert result.current_law.as_json()["aggregate"]["then_min_months"] == 120  # type: ignore[union-attr]
    assert "judgments[0].guidelines.substantial_assistance" not in {a["field"] for a in result.assumptions}


# --- the BOP's projection conventions -------------------------------------------------------------------------------

def _term(**custody: Any) -> dict[str, Any]:
    return {"format": 1, "judgments": [{"imposed_on": "2020-01-06", "supervised_release_months": 36, "counts": [
        {"statute": "18 U.S.C. § 1951", "penalty": "18 U.S.C. § 1951(a)", "offense_ended": "2019-06-01",
         "months": 60}]}], "custody": {"commenced_on": "2020-01-06", "prior_custody_days": 0, **custody}}


def test_no_gct_disallowed_is_presumed_and_each_day_disallowed_is_a_day_later() -> None:
    presumed = compute(parse_case(_term()).case, date(2024, 1, 2))
    assert "custody.gct_disallowed_days" in {a.field for a in presumed.assumptions}
    stated = compute(parse_case(_term(gct_disallowed_days=27)).case, date(2024, 1, 2))
    assert stated.statutory_release_date == presumed.statutory_release_date + timedelta(days=27)  # type: ignore[operator]
    assert "custody.gct_disallowed_days" not in {a.field for a in stated.assumptions}


def test_the_full_gct_rate_is_presumed_and_42_days_gives_the_date_said() -> None:
    """60 months: 5 x 54 = 270 days at the full rate, 5 x 42 = 210 at the reduced one: 60 days later."""
    presumed = compute(parse_case(_term()).case, date(2024, 1, 2))
    flip = next(a for a in presumed.assumptions if a.field == "custody.gct_rate")
    stated = compute(parse_case(_term(gct_rate=42)).case, date(2024, 1, 2))
    assert stated.statutory_release_date == presumed.statutory_release_date + timedelta(days=60)  # type: ignore[operator]
    assert str(stated.projected_release_date) in flip.if_instead
    assert "custody.gct_rate" not in {a.field for a in stated.assumptions}


def test_a_diploma_stated_needs_no_rate_presumption() -> None:
    data = _term()
    data["circumstances"] = {"conduct": [{"education": "GED"}]}
    assert "custody.gct_rate" not in {a.field for a in compute(parse_case(data).case, date(2024, 1, 2)).assumptions}


def test_fsa_eligibility_presumes_no_death_and_stating_it_bars_credits() -> None:
    """3632(d)(4)(D)(lviii): 841(b)(1)(A)-(C) with death or serious bodily injury resulting bars FSA credits."""
    data = _drug("21 U.S.C. § 841(b)(1)(C)", quantity="10 g")
    data["judgments"][0]["enhancements"] = []
    presumed = compute(parse_case(data).case, date(2024, 1, 2))
    assert presumed.fsa is not None and presumed.fsa.eligible is True
    assert "judgments[0].counts[0].death_or_serious_bodily_injury" in {a.field for a in presumed.assumptions}
    stated = copy.deepcopy(data)
    stated["judgments"][0]["counts"][0]["death_or_serious_bodily_injury"] = True
    barred = compute(parse_case(stated).case, date(2024, 1, 2)).fsa
    assert barred is not None and barred.eligible is False


def test_the_guidelines_presume_no_death_and_stating_it_gives_level_38() -> None:
    data = _drug("21 U.S.C. § 841(b)(1)(C)", quantity="10 g")
    data["judgments"][0]["enhancements"] = []
    data["judgments"][0]["guidelines"] = {"manual": 2014, "drug_quantities": [{"drug": "heroin", "quantity": "10 g"}]}
    presumed = _assess(data, date(2024, 1, 2))
    # 10 g of heroin: level 14 (USSG §2D1.1(c)(13) (2014), "At least 10 G but less than 20 G of Heroin")
    assert presumed.guidelines.then.base_offense_level == 14  # type: ignore[union-attr]
    assert "judgments[0].guidelines.death_or_serious_bodily_injury" in {a["field"] for a in presumed.assumptions}
    data["judgments"][0]["guidelines"]["death_or_serious_bodily_injury"] = True
    data["judgments"][0]["guidelines"]["prior_similar_conviction"] = False
    stated = _assess(data, date(2024, 1, 2))
    assert stated.guidelines.then.base_offense_level == 38  # type: ignore[union-attr]


def test_if_not_says_what_would_differ_without_restating_the_alternatives() -> None:
    """No 851 information stated, quantity unknown, sentenced 2008: if one was filed, 21 U.S.C. 841(b)(1) as then in
    force gave no minimum ((C), (D)), 10 years ((B), one prior), 20 years ((A), one prior) or life ((A), two or more);
    today (First Step Act § 401) (A) gives 15 or 25 years. A list of every minimum read as noise, and the conditions
    restated the presumption ("if 1 or more prior conviction was charged ... or 1 prior conviction was charged")."""
    data = {"format": 1, "person": {"name": "A Person"}, "court": {"district": "E.D. Va."},
            "judgments": [{"imposed_on": "2008-03-10", "counts": [
                {"statute": "21 U.S.C. 846", "drug": "marijuana", "months": 250, "offense_ended": "2007-07-01"}]}]}
    result = _assess(data, date(2026, 12, 1))
    assert result.current_law is not None
    flips = [p.as_json()["if_instead"] for p in result.current_law.presumptions
             if p.field == "judgments[0].enhancements"]
    assert ("the minimum at sentencing would have been anywhere from no minimum to 20 years and the minimum today "
            "would be anywhere from no minimum to 15 years") in flips, flips
