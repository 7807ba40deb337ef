"""The then/now comparison reads right (issue 14): a count is "changed" only when its numbers change, and an
alternative's conditions never repeat or contradict each other."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reprieve.assess.report import assess
from reprieve.intake import load_case, parse_case

CASES = Path(__file__).parent / "cases"
ROOT = Path(__file__).parent.parent


def _count(months: int, imposed: str) -> dict[str, object]:
    return {"format": 1, "court": {"district": "D. Md."}, "judgments": [{
        "imposed_on": imposed, "enhancements": [],
        "counts": [{"count": "1", "statute": "21 U.S.C. § 846", "penalty": "21 U.S.C. § 841(b)(1)(A)",
                    "offense_ended": "2014-01-10", "drug": "cocaine", "quantity": "5 kg",
                    "death_or_serious_bodily_injury": False, "months": months}]}],
        "custody": {"commenced_on": imposed, "prior_custody_days": 0}}


def test_a_count_with_the_same_minimum_maximum_and_supervised_release_is_not_changed() -> None:
    """841(b)(1)(A) with no prior: "not less than 10 years or more than life" and "at least 5 years" of supervised
    release, before and after the First Step Act (which changed only the enhanced tiers): the citation differs, the
    penalty does not."""
    case = parse_case(_count(120, "2015-03-02")).case
    count = assess(case, date(2024, 1, 2)).current_law.as_json()["counts"][0]  # type: ignore[union-attr]
    assert (count["then"]["min_months"], count["then"]["max_months"]) == (120, "life")
    assert (count["now"]["min_months"], count["now"]["max_months"]) == (120, "life")
    assert count["then"]["supervised_release_min_months"] == count["now"]["supervised_release_min_months"] == 60
    assert count["then"]["citation"] != count["now"]["citation"]
    assert count["changed"] is False


def test_a_lower_minimum_today_is_changed() -> None:
    """One 851 prior under 841(b)(1)(A): 20 years before the First Step Act, 15 (or 10) after (section 401)."""
    case = load_case(ROOT / "examples" / "vailes.yaml").case
    count = assess(case, date(2023, 7, 6)).current_law.as_json()["counts"][0]  # type: ignore[union-attr]
    assert count["then"]["min_months"] == 240
    assert count["changed"] is True


_NEGATED = re.compile(r"(?=(.{20}) (is|was|were|had) not (.{1,25}))")


def _conditions_read_right(text: str) -> list[str]:
    """An alternative never states a fact and its negation (it would hold either way), nor one condition twice."""
    problems = []
    for subject, verb, phrase in _NEGATED.findall(text):
        if f"{subject} {verb} {phrase}" in text:
            problems.append(f"contradicts itself: {subject} {verb} (not) {phrase}")
    clauses = [c for c in re.split(r" and | or ", text.removeprefix("if ")) if len(c) > 30]
    if len(set(clauses)) != len(clauses):
        problems.append(f"repeats itself: {text}")
    return problems


def test_alternatives_over_two_counts_never_repeat_or_contradict_a_condition() -> None:
    case = load_case(CASES / "two_counts_one_prior_served_unknown.yaml").case
    current = assess(case, date(2024, 1, 2)).current_law
    assert current is not None
    texts = [a.condition.render() for a in current.aggregate.alternatives("now")]
    texts += [a.condition.render() for c in current.counts for side in ("then", "now")
              for a in c.side(side).alternatives or [] if a.condition is not None]
    assert texts
    assert [p for t in texts for p in _conditions_read_right(t)] == []
    assert sorted(a.min_months for a in current.aggregate.alternatives("now")) == [120, 180]  # type: ignore[type-var]


def test_the_checker_sees_a_contradiction() -> None:
    assert _conditions_read_right("if the prior conviction is a serious drug felony and the prior conviction is not a "
                                  "serious drug felony")
    assert _conditions_read_right("if the prior conviction is a serious drug felony or serious violent felony and the "
                                  "prior conviction is a serious drug felony or serious violent felony")
    assert not _conditions_read_right("if the prior conviction is a serious drug felony or serious violent felony")
