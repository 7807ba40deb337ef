"""The current-law block beyond the worked examples: its dated data agree with the rules on which law applies, the
release date "if sentenced now" is the BOP computation of the minimum, --at-bottom-of-range says what it used, and
the human output states the change in words."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from typing import Any

from rich.console import Console
from typer.testing import CliRunner

from reprieve.assess.computation import compute
from reprieve.assess.current_law import current_law
from reprieve.assess.guidelines import GuidelineSides, Side
from reprieve.cli.main import app
from reprieve.cli.render_current_law import print_current_law
from reprieve.intake import parse_case
from reprieve.law.guidelines.sentencing_table import GuidelineRange
from reprieve.law.params import law

AS_OF = date(2026, 11, 28)


def _starts(name: str) -> set[date]:
    return {v.from_ for v in law().parameter(name).values}


def test_the_dated_tables_change_on_the_dates_the_applicability_rules_name() -> None:
    """Fair Sentencing Act (Dorsey) and First Step Act 401(c)/403(b) dates drive the sentencing-date tables."""
    fsa2010 = law().value("which_penalty_law.fair_sentencing_act_sentences_from", date(2020, 1, 1))
    fsa2018 = law().value("which_penalty_law.first_step_act_sentences_from", date(2020, 1, 1))
    assert fsa2010 == date(2010, 8, 3) and fsa2018 == date(2018, 12, 21)
    assert fsa2010 in _starts("drug_penalties.crack_thresholds")
    assert fsa2010 in _starts("drug_penalties.crack_possession")
    assert fsa2018 in _starts("drug_penalties.trafficking_penalties")
    assert fsa2018 in _starts("firearm_penalties.section_924c_subsequent_trigger")
    assert fsa2018 in _starts("safety_valve.regime")
    assert law().value("fair_sentencing_404.covered_offense_committed_before", AS_OF) == fsa2010
    for name in ("drug_penalties.crack_thresholds", "drug_penalties.trafficking_penalties",
                 "firearm_penalties.section_924c_subsequent_trigger"):
        assert law().parameter(name).selected_by == "sentencing_date", name
    for name in ("drug_penalties.thresholds", "firearm_penalties.section_924c_first",
                 "firearm_penalties.section_922g_maximum"):
        assert law().parameter(name).selected_by == "offense_date", name  # harsher changes: later offenses only


def _drug_case(months: int = 240) -> dict[str, Any]:
    return {"format": 1, "person": {"sex": "female"},
            "judgments": [{"imposed_on": "2015-06-01", "enhancements": [], "counts": [
                {"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(B)(iii)",
                 "drug": "cocaine_base", "quantity": "100 g", "offense_began": "2014-01-01",
                 "offense_ended": "2014-06-01", "death_or_serious_bodily_injury": False, "months": months}]}],
            "custody": {"commenced_on": "2015-06-01", "prior_custody_days": 30}}


def test_release_if_sentenced_now_is_the_same_bop_computation_of_the_minimum() -> None:
    """100 g of crack sentenced 2015: (B) already (Fair Sentencing Act), 5 years then and now. The release date at
    the minimum is what `compute` gives for a 60-month sentence on the same facts (jail credit, GCT)."""
    case = parse_case(_drug_case()).case
    block = current_law(case, AS_OF, compute(case, AS_OF)).as_json()
    aggregate = block["aggregate"]
    assert aggregate["then_min_months"] == 60 and aggregate["now_min_months"] == 60
    same = parse_case(_drug_case(months=60)).case
    expected = compute(same, AS_OF).projected_release_date
    assert expected is not None
    assert aggregate["release_date_if_sentenced_now"] == expected.isoformat()
    assert aggregate["release_date_if_sentenced_now_is_past"] is (expected <= AS_OF)
    assert "Today's law gives the same minimum as at sentencing: 5 years" in block["summary"]
    assert " she " in block["summary"]


def test_at_bottom_of_range_without_a_guideline_range_says_so() -> None:
    case = parse_case(_drug_case()).case
    block = current_law(case, AS_OF, compute(case, AS_OF), at_bottom_of_range=True).as_json()
    assert block["aggregate"]["basis"] == "statutory_minimum"
    assert block["aggregate"]["at_bottom_of_range"]["available"] is False
    assert "no recomputed guideline range" in block["aggregate"]["at_bottom_of_range"]["note"]


def _recomputed(low: int, high: int) -> GuidelineSides:
    """A guidelines result whose range with today's amendments is `low`-`high` months."""
    now = Side(manual=AS_OF, range=GuidelineRange(low, high, "USSG ch. 5, pt. A"))
    return GuidelineSides(0, "judgments[0]", now, now, amendments_applied=[])


def test_at_bottom_of_range_uses_the_bottom_but_never_below_the_minimum() -> None:
    """USSG §5G1.1: the bottom of the recomputed range (70 months) above the 60-month minimum is used."""
    case = parse_case(_drug_case()).case
    block = current_law(case, AS_OF, compute(case, AS_OF), at_bottom_of_range=True,
                        guidelines=_recomputed(70, 87)).as_json()
    assert block["aggregate"]["basis"] == "bottom_of_range"
    expected = compute(parse_case(_drug_case(months=70)).case, AS_OF).projected_release_date
    assert expected is not None
    assert block["aggregate"]["release_date_if_sentenced_now"] == expected.isoformat()
    low = current_law(case, AS_OF, compute(case, AS_OF), at_bottom_of_range=True,
                      guidelines=_recomputed(41, 51)).as_json()
    floor = compute(parse_case(_drug_case(months=60)).case, AS_OF).projected_release_date
    assert floor is not None
    assert low["aggregate"]["release_date_if_sentenced_now"] == floor.isoformat()


def test_a_release_date_not_yet_reached_is_not_past() -> None:
    data = _drug_case()
    data["judgments"][0]["imposed_on"] = data["custody"]["commenced_on"] = str(AS_OF - timedelta(days=100))
    data["judgments"][0]["counts"][0].update(offense_began="2025-01-01", offense_ended="2025-02-01")
    case = parse_case(data).case
    aggregate = current_law(case, AS_OF, compute(case, AS_OF)).as_json()["aggregate"]
    assert aggregate["release_date_if_sentenced_now_is_past"] is False
    assert aggregate["release_date_if_sentenced_now"] > AS_OF.isoformat()


def test_a_count_outside_the_data_is_named_and_the_aggregate_bounded_by_the_others() -> None:
    """Computer fraud (18 U.S.C. 1030) is not in reprieve's data: the count is named, and the aggregate minimum is
    at least the crack count's 5 years (841(b)(1)(B)); the 1030 count (60 months imposed, concurrent) cannot carry
    a minimum above its term, so the aggregate is at most 60 months too - one answer (issue 12)."""
    data = _drug_case()
    data["judgments"][0]["counts"].append({"count": "2", "statute": "18 U.S.C. § 1030(a)(2)", "months": 60,
                                           "offense_ended": "2014-06-01"})
    case = parse_case(data).case
    block = current_law(case, AS_OF, compute(case, AS_OF)).as_json()
    computer = block["counts"][1]
    assert computer["then"]["min_months"] is None and "does not cover" in computer["then"]["not_covered"]
    assert block["aggregate"]["not_covered"][0].startswith("count 2: ")
    assert block["aggregate"]["then_min_months"] == 60
    data["judgments"][0]["counts"][1]["months"] = 120
    case = parse_case(data).case
    aggregate = current_law(case, AS_OF, compute(case, AS_OF)).as_json()["aggregate"]
    assert aggregate["then_min_months"] is None and aggregate["then_min_months_range"] == [60, 120]
    assert aggregate["missing"] == []


def test_the_human_output_states_the_change_in_words() -> None:
    data = {"format": 1, "person": {"sex": "male"}, "judgments": [{"imposed_on": "2006-01-30", "enhancements": [],
            "counts": [
                {"count": "2", "statute": "18 U.S.C. § 924(c)", "penalty": "18 U.S.C. § 924(c)(1)(A)(ii)",
                 "offense_ended": "2003-06-01", "months": 84},
                {"count": "3", "statute": "18 U.S.C. § 924(c)", "penalty": "18 U.S.C. § 924(c)(1)(C)(i)",
                 "offense_ended": "2003-06-01", "months": 300, "firearm_conduct": "brandish",
                 "firearm_type": "firearm", "second_or_subsequent": True}]}],
            "custody": {"commenced_on": "2006-01-30", "prior_custody_days": 0}}
    case = parse_case(data).case
    block = current_law(case, AS_OF, compute(case, AS_OF))
    out = io.StringIO()
    print_current_law(Console(file=out, width=200, color_system=None), block)
    text = out.getvalue()
    assert "Then: at sentencing" in text and "Now: if sentenced today" in text
    assert "CHANGED" in text and "LOWER TODAY" in text  # words, not colour
    assert "Under today's law the minimum would be 14 years, not 32 years" in text


def test_assess_json_carries_current_law_and_404(tmp_path: Any) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_drug_case()), encoding="utf-8")
    result = CliRunner().invoke(app, ["assess", str(path), "--as-of", str(AS_OF), "--json", "--at-bottom-of-range"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["current_law"]["counts"][0]["then"]["min_months"] == 60
    assert data["current_law"]["aggregate"]["at_bottom_of_range"]["available"] in (True, False)
    assert any(f["avenue"] == "FSA 404" for f in data["findings"])


def test_a_count_not_covered_bounds_the_aggregate_minimum_and_the_words_give_the_bounds() -> None:
    """examples/complete.yaml: count 1 under 21 U.S.C. 841(b)(1)(A) with one 851 prior (20 years before First Step
    Act § 401, 15 years after), count 3 under 924(c)(1)(A)(i) (5 years, consecutive), and a second judgment's 6-month
    term under 18 U.S.C. 1791, whose penalty reprieve's data does not hold. Its minimum lies between none and the
    6 months imposed, so the aggregate minimum is 25 years to 25 years 6 months then and 20 years to 20 years 6 months
    today: the table and the plain words give those bounds, not "unknown"."""
    result = CliRunner().invoke(app, ["assess", "examples/complete.yaml", "--as-of", "2026-11-30"], env={
        "COLUMNS": "200"})
    out = result.output
    assert "between 25 yr and 25 yr 6 mo" in out and "between 20 yr and 20 yr 6 mo" in out
    assert ("Under today's law the minimum would be between 20 years and 20 years and 6 months, not between 25 years "
            "and 25 years and 6 months") in out
    assert "The minimum at sentencing was unknown" not in out
