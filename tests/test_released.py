"""A person released on the stated facts: the avenues that only shorten imprisonment are closed on that presumption,
named, and nothing is asked for them but the one fact that undoes it (still in prison on a later day).

The example is the public Vailes case (W.D.N.C. No. 3:07-CR-00162): 250 months imposed in 2009. By 2040 even the full
term has run (18 U.S.C. 3624(a)), so relief that "reduce[s] the term of imprisonment" (18 U.S.C. 3582(c)(1)(A),
(c)(2)) has nothing left to reduce: USSG 1B1.10(b)(2)(C), "In no case shall the term of imprisonment be reduced ...
to a term that is less than the term of imprisonment the defendant has already served." FSA 404 is not closed by it
(a reduced sentence may shorten supervised release)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.questions import questions_for
from reprieve.assess.report import Assessment, assess
from reprieve.case.model import Case
from reprieve.dates import PartialDate
from reprieve.intake.casefile import load_case

EXAMPLE = Path(__file__).parent.parent / "examples" / "vailes.yaml"
PRISON_ONLY = ("3582(c)(1)(A)", "3582(c)(2)", "FSA time credits", "BOP reduction in sentence (PS 5050.50)")
CASE = load_case(EXAMPLE).case


def _in_custody(case: Case, on: date) -> Case:
    seen = PartialDate.parse(on.isoformat())
    return case.model_copy(update={"custody": case.custody.model_copy(update={"in_custody_on": seen})})


def _released(a: Assessment) -> bool:
    return any(f.avenue == "custody" and f.ground == "released" for f in a.findings)


def test_released_by_2040_closes_prison_only_avenues_and_asks_only_whether_still_in_prison() -> None:
    a = assess(CASE, date(2040, 1, 1))
    assert _released(a)
    prison_only = [f for f in a.findings if f.avenue in PRISON_ONLY]
    assert prison_only and all(f.status == "not_eligible" and not f.missing for f in prison_only)
    assert any(f.avenue == "FSA 404" for f in a.findings)
    asked = [q.field for q in questions_for(a)]
    assert asked[0] == "custody.in_custody_on"
    assert not any(field.startswith(("circumstances.", "requests[")) for field in asked)


def test_still_in_prison_on_the_day_undoes_the_presumption() -> None:
    a = assess(_in_custody(CASE, date(2040, 1, 1)), date(2040, 1, 1))
    assert not _released(a)
    combined = [f for f in a.findings if f.avenue == "3582(c)(1)(A)"]
    assert any(f.status != "not_eligible" or f.missing for f in combined)


def test_in_prison_after_the_last_possible_release_leaves_release_open() -> None:
    # seen in prison in 2030, after every date the computation allows: its presumptions (GCT earned) do not hold
    assert not _released(assess(_in_custody(CASE, date(2030, 1, 1)), date(2040, 1, 1)))


@settings(max_examples=25)
@given(st.dates(min_value=date(2019, 1, 1), max_value=date(2045, 12, 31)))
def test_a_released_person_is_never_told_a_prison_only_avenue_is_open_or_asked_for_it(as_of: date) -> None:
    a = assess(CASE, as_of)
    if _released(a):
        assert all(f.status == "not_eligible" and not f.missing for f in a.findings if f.avenue in PRISON_ONLY)
    else:
        assert a.computation.released_by(as_of) is not True


def test_the_screen_says_the_same_as_the_assessment() -> None:
    from reprieve.screen.rows import person_row

    on = date(2040, 1, 1)
    assert person_row("x", 2, assess(CASE, on))["release_status"] == "released"
    assert person_row("x", 2, assess(_in_custody(CASE, on), on))["release_status"] == "in custody"
    assert person_row("x", 2, assess(_in_custody(CASE, date(2030, 1, 1)), on))["release_status"] == \
        "possibly released"
