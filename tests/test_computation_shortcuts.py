"""The BOP computation's shortcuts and memos give what working it out in full gives (issue 17): each is compared,
on generated arguments, with the rule it stands for."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.computation import Computation, compute, with_terms
from reprieve.case.model import Case
from reprieve.intake import parse_case
from reprieve.law import fsa_time_credits as fsa
from reprieve.law.params import Law, LawChange, NotInForce, law, using
from reprieve.law.sentence_aggregation import Term, _longest
from reprieve.results import explained
from reprieve.screen.synth import generate

AS_OF = date(2026, 11, 28)
_TERMS = st.one_of(st.builds(Term, st.integers(0, 1200), st.integers(0, 400)),
                   st.builds(Term, st.integers(-3, 30), st.integers(-40, 60)),
                   st.just(Term(life=True)), st.just(Term()))


def _longest_on_the_calendar(terms: list[Term], reference: date) -> Term:
    """3584: the term that ends last from `reference` (the first of those that end on the same day), or life."""
    best = Term()
    for term in terms:
        if term.life:
            return term
        end, best_end = term.full_term_date(reference), best.full_term_date(reference)
        assert end is not None and best_end is not None
        if end > best_end:
            best = term
    return best


@settings(max_examples=500, deadline=None)
@given(st.lists(_TERMS, max_size=5), st.dates(date(1990, 1, 1), date(2060, 12, 31)))
def test_the_longest_term_decided_without_the_calendar_is_the_one_that_ends_last_on_it(
        terms: list[Term], reference: date) -> None:
    """More months and no fewer days (or the reverse) ends later whatever the month a term begins in: only terms
    longer in one and shorter in the other are compared on the calendar, and the answer is the same."""
    assert _longest(terms, reference) == _longest_on_the_calendar(terms, reference)


def test_which_of_a_month_and_thirty_days_ends_later_turns_on_the_month_it_begins_in() -> None:
    month, days = Term(1), Term(0, 30)
    assert _longest([days, month], date(2023, 2, 1)) == days  # 28 days in February: 30 days end later
    assert _longest([days, month], date(2023, 1, 1)) == month  # 31 in January: the month ends later


_MODEL = fsa._MODEL_PARAMETERS
_DAY = st.dates(date(2017, 1, 1), date(2040, 12, 31))


def _model_afresh(day: date, low_risk: bool) -> fsa.EarningModel:
    data = law()
    return fsa.EarningModel(*(int(data.value(name, day)) for name in _MODEL), low_risk=low_risk)


@settings(max_examples=200, deadline=None)
@given(_DAY, st.booleans(), st.one_of(st.none(), st.tuples(_DAY, st.integers(1, 20))))
def test_the_earning_model_from_the_memo_is_the_one_in_force_on_the_day_with_the_same_law_read(
        day: date, low_risk: bool, change: tuple[date, int] | None) -> None:
    """The FSA projection model is memoized by the first day of the period in which its parameters do not change
    (`Law.same_since`), per law (a what-if that changes the base credits from some day is another law): the model
    read on the day itself, and the trace records its parameters on every call, from the memo too."""
    snapshot = Law.at(AS_OF) if change is None else Law.at(AS_OF, LawChange.model_validate({
        "description": "more credits", "changes": [{"parameter": "fsa_time_credits.base_days_per_period",
                                                    "value": change[1], "from": change[0]}]}))
    for _ in range(2):  # worked out, then from the memo
        traced = snapshot.traced()
        with using(traced):
            try:
                expected = _model_afresh(day, low_risk)
            except NotInForce:
                with pytest.raises(NotInForce):
                    fsa.EarningModel.on(day, low_risk)
                continue
            assert fsa.EarningModel.on(day, low_risk) == expected
        assert set(_MODEL) <= traced.read


def _person(seed: int) -> Case:
    person = generate(1, seed=seed, as_of=AS_OF)[0]
    return parse_case({k: v for k, v in person.items() if k != "id"}, "person", warnings=False).case


def _with_months(case: Case, months: list[int | None]) -> Case:
    """The case with other terms on its counts (None: the term imposed), as the release if sentenced now makes it."""
    modified = case.model_copy(update={"judgments": [
        j.model_copy(update={"counts": [c.model_copy() for c in j.counts]}) for j in case.judgments]})
    counts = [c for j in modified.judgments for c in j.counts]
    for count, new in zip(counts, months, strict=False):
        if new is not None:
            count.months, count.days, count.life = new, None, None
    return modified


def _dates_json(computation: Computation) -> dict[str, Any]:
    """What a computation says on the facts as stated (its ranges aside)."""
    return {k: v for k, v in computation.as_json().items() if "range" not in k}


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 100_000), st.lists(st.one_of(st.none(), st.integers(0, 480)), max_size=3), st.booleans())
def test_the_computation_with_other_terms_reusing_the_cases_scenarios_is_the_computation_made_afresh(
        seed: int, months: list[int | None], point_only: bool) -> None:
    """The release if sentenced now (`with_terms`) reuses the scenarios of the case's own computation, and their
    dates wherever the new terms aggregate to the same term: the same computation as one made afresh of the case
    with those terms, and the point the same when only the point is asked for."""
    case = _person(seed)
    modified = _with_months(case, months)
    with using(Law.at(AS_OF)):
        computation = compute(case, AS_OF)
        fresh = compute(modified, AS_OF, explain=False)
        reused = with_terms(computation, modified, point_only)
    if point_only:
        assert _dates_json(reused) == _dates_json(fresh)
    else:
        assert reused.as_json() == fresh.as_json()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 100_000))
def test_a_computation_decided_only_builds_no_steps_and_gives_the_same_dates(seed: int) -> None:
    """A screening row reads the dates, never the arithmetic that explains them: decided only (`explained(False)`)
    the computation leaves its steps out, and says the same of everything else."""
    case = _person(seed)
    with using(Law.at(AS_OF)):
        full = compute(case, AS_OF)
        with explained(False):
            lean = compute(case, AS_OF)
    assert full.steps and not lean.steps
    assert not any(d.steps for d in (lean.point, lean.earliest, lean.latest) if d is not None)
    assert {**lean.as_json(), "steps": None} == {**full.as_json(), "steps": None}
