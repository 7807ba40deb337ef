"""The case format's new fields (format 1, additions only), each used by the rules it bears on: custody.served,
judgments[].total_months, counts[].drugs, counts[].statutory_minimum_months, person.age_on, rulings[], the family
relation `child`, custody.home_confinement, requests[].grounds_raised - and the BOP's projected date as a bound.
Plus what a case without a judgment or a term may and may not be told (issue 14)."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from reprieve.assess.computation import compute
from reprieve.assess.report import Assessment, assess
from reprieve.dates import add_months
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader

CASES = Path(__file__).parent / "cases"
AS_OF = date(2023, 7, 6)


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load((CASES / name).read_text(encoding="utf-8"), Loader=_Loader)
    return data


def _assess(data: dict[str, Any], as_of: date = AS_OF) -> Assessment:
    return assess(parse_case(data).case, as_of)


def _finding(result: Assessment, ground: str) -> Any:
    return next(f for f in result.findings if f.ground == ground)


def test_time_served_stated_at_a_date_places_the_first_day_of_custody() -> None:
    """236 months served as of 2023-07-06: custody began 2003-11-07 (236 calendar months back, counting the day it
    was stated as served); 10 years were served long before (USSG §1B1.13(b)(6))."""
    data = _load("served_stated.yaml")
    computed = compute(parse_case(data).case, AS_OF)
    first_day = add_months(AS_OF, -236) + timedelta(days=1)
    assert first_day == date(2003, 11, 7)
    assert computed.commenced_on == first_day
    assert computed.time_served_days == (AS_OF - first_day).days + 1
    ground = _finding(_assess(data, date(2024, 1, 2)), "§1B1.13(b)(6)")  # the amended §1B1.13: 10 years served
    assert any(r.startswith("met: served at least 10 years") for r in ground.reason_texts())


def test_the_bops_projected_release_date_bounds_time_served_when_commencement_is_unknown() -> None:
    data = _load("served_stated.yaml")
    del data["custody"]["served"]
    data["custody"]["bop"] = {"projected_release_date": "2028-03-15"}
    computed = compute(parse_case(data).case, AS_OF)
    span = computed.ranges["time_served_days"]
    assert isinstance(span.low, int) and isinstance(span.high, int)
    assert span.low > 10 * 365 and span.high >= span.low
    release = computed.ranges["projected_release_date"]
    assert isinstance(release.low, date) and isinstance(release.high, date)
    assert release.low <= date(2028, 3, 15) <= release.high


def test_a_total_term_stated_by_the_judgment_is_the_term() -> None:
    data = _load("served_stated.yaml")
    del data["judgments"][0]["counts"][0]["months"]
    data["judgments"][0]["total_months"] = 420
    assert compute(parse_case(data).case, AS_OF).total_term.months == 420  # type: ignore[union-attr]
    data["judgments"][0]["counts"][0]["months"] = 360
    computed = compute(parse_case(data).case, AS_OF)
    assert computed.total_term.months == 420  # type: ignore[union-attr]
    assert any("states a total term of 420 months" in s.detail for s in computed.steps)


def test_several_substances_the_highest_paragraph_sets_the_range_and_crack_makes_it_a_404_count() -> None:
    """21 U.S.C. 841(b)(1)(B)(iii) since 2010: 28 g of cocaine base (5 to 40 years); 400 g of cocaine alone would be
    (C). Cocaine base in the count makes it a possible covered offense (First Step Act § 404)."""
    data: dict[str, Any] = {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
        "imposed_on": "2012-03-01", "enhancements": [],
        "counts": [{"count": "1", "statute": "21 U.S.C. § 846", "offense_ended": "2011-06-01",
                    "death_or_serious_bodily_injury": False, "months": 70,
                    "drugs": [{"drug": "cocaine", "quantity": "400 g"},
                              {"drug": "cocaine_base", "quantity": "30 g"}]}]}],
        "custody": {"commenced_on": "2012-03-01", "prior_custody_days": 0}}
    result = _assess(data, date(2024, 1, 2))
    then = result.current_law.as_json()["counts"][0]["then"]  # type: ignore[union-attr]
    assert (then["min_months"], then["max_months"]) == (60, 480)
    assert any(f.avenue == "FSA 404" and "count 1" in f.ground for f in result.findings)


def test_an_age_stated_at_a_date_answers_the_age_ground() -> None:
    """Aged 66 on 2023-07-06: born between 1956-07-07 and 1957-07-06, so 65 or older on that date (§1B1.13(b)(2))."""
    data = _load("served_stated.yaml")
    data["person"] = {"age_on": {"date": "2023-07-06", "age": 66}}
    element = _finding(_assess(data, date(2024, 1, 2)), "§1B1.13(b)(2)").reason_texts()[0]
    assert element.startswith("met: at least 65 years old")


def test_rulings_settle_exhaustion_a_covered_offense_and_the_term() -> None:
    data = _load("served_stated.yaml")
    del data["judgments"][0]["counts"][0]["drug"], data["judgments"][0]["counts"][0]["quantity"]  # the drug unstated
    data["rulings"] = [
        {"kind": "exhaustion_satisfied", "on": "2023-03-01", "court": "D. Md."},
        {"kind": "covered_offense_404", "on": "2020-02-01", "count": "1"},
        {"kind": "resentenced", "on": "2020-02-01", "new_months": 300, "description": "reduced under section 404"}]
    result = _assess(data)
    assert _finding(result, "exhaustion").status == "eligible"
    assert compute(parse_case(data).case, AS_OF).total_term.months == 300  # type: ignore[union-attr]
    covered = next(f for f in result.findings if f.avenue == "FSA 404")
    assert any("settled: a court held it a covered offense on 2020-02-01" in r for r in covered.reason_texts())
    granted = copy.deepcopy(data)
    granted["rulings"].append({"kind": "motion_granted", "avenue": "FSA 404", "count": "1", "on": "2020-02-01"})
    assert next(f for f in _assess(granted).findings if f.avenue == "FSA 404").status == "not_eligible"  # 404(c)


def test_a_child_of_unstated_age_is_asked_about_for_the_minor_child_ground() -> None:
    data = _load("served_stated.yaml")
    data["circumstances"] = {"family": [{"relation": "child", "situation": "caregiver_died"}]}
    ground = _finding(_assess(data), "§1B1.13(b)(3)(A)")
    assert ground.status == "needs_facts"
    assert "circumstances.family[0].relation" in {q.field for q in ground.missing}


def test_home_confinement_and_grounds_raised_are_said() -> None:
    data = _load("served_stated.yaml")
    data["custody"]["home_confinement"] = {"since": "2021-04-01", "authority": "cares_act"}
    data["requests"] = [{"to": "warden", "received_on": "2023-01-03", "grounds_raised": ["b6"]}]
    data["circumstances"] = {"medical": [{"condition": "end-stage renal disease, on dialysis"}]}
    result = _assess(data)
    combined = _finding(result, "extraordinary and compelling reasons")
    assert any("home confinement since 2021-04-01 (CARES Act)" in r for r in combined.reason_texts())
    terminal = _finding(result, "§1B1.13(b)(1)(A)")
    assert any("not raised in the request to the warden" in r for r in terminal.reason_texts())
    assert not any("not raised" in r for r in _finding(result, "§1B1.13(b)(6)").reason_texts())


def test_end_stage_organ_disease_is_a_terminal_illness_without_asking_a_doctor() -> None:
    """§1B1.13(b)(1)(A): "Examples include ... end-stage organ disease"."""
    data = _load("served_stated.yaml")
    data["circumstances"] = {"medical": [{"condition": "end-stage renal disease, on dialysis"}]}
    ground = _finding(_assess(data), "§1B1.13(b)(1)(A)")
    assert ground.status == "eligible"
    assert not [q for q in ground.missing if q.field.endswith(".terminal")]
    data["circumstances"] = {"medical": [{"condition": "chronic kidney disease, stage 3"}]}
    assert _finding(_assess(data), "§1B1.13(b)(1)(A)").status == "needs_facts"


# --- a case without a judgment or without a term (issue 14) ---------------------------------------------------------

def _without_judgment() -> dict[str, Any]:
    return {"format": 1, "person": {"born": "1950-01-01"}, "court": {"district": "D. Md."},
            "circumstances": {"medical": [{"condition": "metastatic lung cancer", "terminal": True}]},
            "requests": [{"to": "warden", "kind": "reduction_in_sentence", "received_on": "2023-01-02"}]}


def test_without_a_judgment_the_judgment_is_asked_first_and_no_avenue_is_open_or_closed_on_it() -> None:
    result = _assess(_without_judgment(), date(2024, 1, 2))
    assert result.questions[0].field == "judgments[0].counts"
    verdicts = dict(result.verdicts())
    assert verdicts["3582(c)(1)(A)"].status == "needs_facts"
    assert verdicts["FSA 404"].status == "needs_facts"
    assert _finding(result, "§1B1.13(b)(1)(A)").status == "eligible"  # the ground itself is established


def test_without_a_term_the_term_is_asked_first_and_no_avenue_is_open() -> None:
    data = _without_judgment()
    data["judgments"] = [{"imposed_on": "2015-01-01", "counts": [
        {"statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(C)", "drug": "cocaine",
         "offense_ended": "2014-01-01"}]}]
    result = _assess(data, date(2024, 1, 2))
    assert result.questions[0].field == "judgments[0].counts[0].months"
    assert all(f.status != "eligible" for _, f in result.verdicts())


def test_the_example_of_the_new_fields_reads_without_warnings_and_uses_each() -> None:
    from reprieve.intake import load_case

    loaded = load_case(Path(__file__).parent.parent / "examples" / "new_fields.yaml")
    assert loaded.warnings == []
    result = assess(loaded.case, date(2024, 3, 5))
    assert result.language == "es"
    assert result.computation.total_term is not None and result.computation.total_term.months == 360
    assert result.computation.commenced_on == date(2005, 11, 6)  # 220 months before 2024-03-05, counting that day
    assert _finding(result, "exhaustion").status == "eligible"
    assert _finding(result, "§1B1.13(b)(2)").reason_texts()[0].startswith("met: at least 65")
    assert "circumstances.family[0].relation" in {q.field for q in _finding(result, "§1B1.13(b)(3)(A)").missing}
    assert any("not raised in the request" in r for r in _finding(result, "§1B1.13(b)(3)(A)").reason_texts())
    assert any("home confinement" in r for r in _finding(result, "extraordinary and compelling reasons").reason_texts())
    count = result.current_law.as_json()["counts"][0]  # type: ignore[union-attr]
    assert count["then"]["min_months"] == 240  # 841(b)(1)(A) with one 851 prior, as the court stated
