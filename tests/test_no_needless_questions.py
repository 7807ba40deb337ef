"""No needless questions (issue 12): what the stated facts already decide is not asked.

- The aggregate term does not turn on commencement or jail credit (18 U.S.C. 3584): it is given without them.
- Whether the offenses allow FSA time credits (3632(d)(4)(D)) does not turn on the dates either.
- Time served cannot pass the whole term, nor begin before the offense (credit is for custody after the offense
  was committed, 3585(b)): an element on time served is decided from those without asking when custody began.
- 3559(c)(1) requires life: a count sentenced to a term of years was not sentenced under it, whatever its penalty
  provision; the question, when it is needed, names the count whose provision is missing.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from reprieve.assess.computation import compute
from reprieve.assess.report import Assessment, assess
from reprieve.intake import parse_case

AS_OF = date(2025, 6, 1)

_CASE: dict[str, Any] = {
    "format": 1,
    "judgments": [{
        "imposed_on": "2025-01-01", "supervised_release_months": 36,
        "counts": [
            {"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(C)",
             "drug": "cocaine", "offense_ended": "2024-06-01", "death_or_serious_bodily_injury": False, "months": 60},
            {"count": "2", "statute": "18 U.S.C. § 924(c)(1)(A)(i)", "offense_ended": "2024-06-01", "months": 60},
        ]}],
    "custody": {"fsa": {"risk_levels": [{"on": "2025-01-01", "level": "low"}]}},
}


def _case(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(_CASE)
    data["custody"].update(changes)
    return data


def _assess(data: dict[str, Any]) -> Assessment:
    return assess(parse_case(data).case, AS_OF)


def _finding(result: Assessment, avenue: str, ground: str) -> Any:
    return next(f for f in result.findings if f.avenue == avenue and f.ground == ground)


def _asked(result: Assessment) -> set[str]:
    return {q.field for f in result.findings for q in f.missing}


def test_the_aggregate_term_is_given_when_commencement_and_jail_credit_are_unknown() -> None:
    for custody in ({}, {"commenced_on": "2025-01-01"}, {"prior_custody_days": 0}):
        computed = compute(parse_case(_case(**custody)).case, AS_OF)
        assert computed.projected_release_date is None  # the dates do turn on them
        assert computed.total_term is not None and computed.total_term.months == 120, custody
        assert any(s.rule == "924C_CONSECUTIVE" for s in computed.steps)  # and the steps say how it was reached


def test_a_later_concurrent_judgment_makes_the_aggregate_turn_on_commencement() -> None:
    """A concurrent term imposed later runs from its own imposition: the aggregate runs from the first commencement
    to the latest end (3584(c)), so with commencement unknown it is not given."""
    data = _case()
    data["judgments"].append({"imposed_on": "2025-03-01", "relation": "concurrent", "counts": [
        {"count": "1", "statute": "18 U.S.C. § 922(g)(1)", "offense_ended": "2024-06-01", "months": 24}]})
    assert compute(parse_case(data).case, AS_OF).total_term is None
    data["judgments"][1]["relation"] = "consecutive"
    computed = compute(parse_case(data).case, AS_OF)
    assert computed.total_term is not None and computed.total_term.months == 144


def test_fsa_eligibility_is_decided_without_the_dates() -> None:
    result = _assess(_case())
    assert result.computation.fsa is not None and result.computation.fsa.eligible is False
    assert _finding(result, "FSA time credits", "3632(d)(4)(D) eligibility").status == "not_eligible"


def test_a_term_shorter_than_the_threshold_is_not_asked_about() -> None:
    """120 months can never be 30 years served: 3582(c)(1)(A)(ii) and the BOP's 'new law elderly' are closed."""
    result = _assess(_case())
    for avenue, ground in (("3582(c)(1)(A)", "3582(c)(1)(A)(ii)"),
                           ("BOP reduction in sentence (PS 5050.50)", "new law elderly")):
        finding = _finding(result, avenue, ground)
        assert finding.status == "not_eligible"
        assert any("the whole term (120 months) is shorter than 30 years" in r for r in finding.reason_texts())
        assert finding.missing == []


def test_time_served_cannot_begin_before_the_offense() -> None:
    """Offense on 2024-06-01: 10 years cannot be served before 2034-05-31, so on 2025-06-01 the (b)(6) ground is
    not met, and the date is the earliest it could be."""
    result = _assess(_case())
    finding = _finding(result, "3582(c)(1)(A)", "§1B1.13(b)(6)")
    assert finding.status == "not_eligible"
    assert any("10 years will be served on 2034-05-31 at the earliest" in r for r in finding.reason_texts())
    assert "custody.commenced_on" not in {q.field for q in finding.missing}
    # 75% of 120 months (the lesser, for the age ground) is 90 months: not before 2031-11-30
    finding = _finding(result, "3582(c)(1)(A)", "§1B1.13(b)(2)")
    assert any("75% of the term will be served on 2031-11-30 at the earliest" in r for r in finding.reason_texts())
    assert "custody.commenced_on" not in {q.field for q in finding.missing}
    # an offense date not stated for every count: no bound, the question stays
    data = _case()
    del data["judgments"][0]["counts"][1]["offense_ended"]
    finding = _finding(_assess(data), "3582(c)(1)(A)", "§1B1.13(b)(2)")
    assert "custody.commenced_on" in {q.field for q in finding.missing}


def test_a_term_of_years_is_not_a_3559c_sentence() -> None:
    result = _assess(_case())
    finding = _finding(result, "3582(c)(1)(A)", "3582(c)(1)(A)(ii)")
    assert any("not met: sentenced under 18 U.S.C. 3559(c)" in r for r in finding.reason_texts())
    assert "judgments[0].counts[0].penalty" not in _asked(result)
    # a life count with no penalty provision stated: its own provision is asked for
    data = _case(commenced_on="1990-01-01", prior_custody_days=0)
    count = data["judgments"][0]["counts"][1]
    count.pop("months")
    count["life"] = True
    data["person"] = {"born": "1950-01-01"}
    data["judgments"][0]["imposed_on"] = "1990-01-01"
    for c in data["judgments"][0]["counts"]:
        c["offense_ended"] = "1989-06-01"
    finding = _finding(_assess(data), "3582(c)(1)(A)", "3582(c)(1)(A)(ii)")
    assert "judgments[0].counts[1].penalty" in {q.field for q in finding.missing}
    assert "judgments[0].counts[0].penalty" not in {q.field for q in finding.missing}


def test_commencement_moves_a_date_not_a_minimum() -> None:
    result = _assess(_case())
    asked = {q.field: q for q in result.questions}
    assert asked["custody.commenced_on"].impact == "moves a date"
