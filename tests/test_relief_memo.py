"""The relief findings worked out once and shared (issue 17: a population's people mostly state the same few facts)
are the findings worked out afresh for each person: the same statuses, dates, questions, words and law read."""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.relief import compassionate_release, situation
from reprieve.assess.report import Options, assess
from reprieve.intake import parse_case
from reprieve.law.params import Law
from reprieve.results import identity
from tests.test_properties_relief import cases

AS_OF = date(2026, 11, 28)


def _decided(found: Any) -> list[tuple[Any, ...]]:
    """What a row-only assessment's findings say (no words to render), messages compared by what they say."""
    return [(f.avenue, f.ground, f.status, f.eligible_from, [q.field for q in f.missing], f.facts_used, f.citations,
             identity(f.summary), [identity(r) if not hasattr(r, "met") else (r.met, identity(r.detail))
                                   for r in f.reasons], f.positions, f.extra) for f in found.findings]


def _assessed(data: dict[str, Any], as_of: date, explain: bool) -> tuple[Any, ...]:
    case = parse_case(data, "case", warnings=False).case
    traced = Law.at(as_of).traced()
    found = assess(case, as_of, Options(explain=explain), law=traced)
    assert found.stages is not None
    grounds = {name: read for name, (read, _) in found.stages.grounds.items()}
    return (found.as_json() if explain else _decided(found)), traced.read, grounds


_GROUNDS = st.sampled_from(["b1a", "b1b", "b1c", "b1d", "b2", "b3a", "b3b", "b3c", "b3d", "b4", "b5", "b6"])


@settings(max_examples=100, deadline=None)
@given(cases(), st.sampled_from(["D. Md.", "N.D. Ill.", "D.N.J.", "E.D. Tex.", "Somewhere"]),
       st.one_of(st.none(), st.lists(_GROUNDS, max_size=3)))
def test_a_finding_from_the_memo_is_the_one_worked_out_afresh_with_the_same_law_read(
        drawn: tuple[dict[str, Any], date], district: str, raised: list[str] | None) -> None:
    """A person's findings, with the memo holding what earlier people stated (earlier examples, and a neighbour
    stating the same circumstances in another circuit, with other grounds raised in a request to the warden), equal
    those worked out without it: explained and row-only, with the law each ground read (what a what-if re-assesses
    by)."""
    data, as_of = drawn
    request = {"to": "warden", "kind": "reduction_in_sentence", "received_on": "2020-05-01"}
    neighbour = {**data, "court": {"district": district},
                 "requests": [request if raised is None else {**request, "grounds_raised": raised}]}
    for explain in (False, True):
        with patch.object(compassionate_release, "remembered", lambda _key, work: work()):
            afresh = [_assessed(person, as_of, explain) for person in (data, neighbour)]
        for person, expected in ((data, afresh[0]), (neighbour, afresh[1]), (data, afresh[0])):
            assert _assessed(person, as_of, explain) == expected
    situation._REMEMBERED.clear()
    assert _assessed(neighbour, as_of, True) == afresh[1]  # worked out into an empty memo


def _terminal(found: Any) -> Any:
    return next(f for f in found.findings if f.ground == "§1B1.13(b)(1)(A)")


def test_people_who_state_the_same_circumstances_share_a_finding_and_each_gets_their_own_copy() -> None:
    """Two people stating no medical facts: the second's (b)(1)(A) finding comes from the memo, and changing one
    person's finding (as holding or mooting it does) leaves the other's and the memo's as they were."""
    situation._REMEMBERED.clear()
    base = {"format": 1, "court": {"district": "D. Md."}, "judgments": [{"imposed_on": "2015-03-02", "counts": [
        {"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(C)", "months": 240,
         "offense_ended": "2014"}]}], "custody": {"commenced_on": "2015-03-02"}}
    first = assess(parse_case(base, "a", warnings=False).case, AS_OF)
    entries = len(situation._REMEMBERED)
    second = assess(parse_case({**base, "person": {"born": "1950-01-01"}}, "b", warnings=False).case, AS_OF)
    assert len(situation._REMEMBERED) == entries  # nothing new: every shared ground came from the memo
    one, two = (_terminal(a) for a in (first, second))
    assert one is not two and one.status == two.status == "needs_facts"
    one.reasons.insert(0, "changed")
    one.missing.clear()
    assert two.reasons[0] != "changed" and two.missing
    third = assess(parse_case(base, "c", warnings=False).case, AS_OF)
    assert _terminal(third).reason_texts() == two.reason_texts()


def _decisions(found: Any) -> list[tuple[Any, ...]]:
    return [(f.avenue, f.ground, f.status, f.eligible_from, [q.field for q in f.missing], f.facts_used, f.citations)
            for f in found.findings]


@settings(max_examples=150, deadline=None)
@given(cases())
def test_a_row_only_assessment_decides_every_finding_as_the_explained_one_does(
        drawn: tuple[dict[str, Any], date]) -> None:
    """Row-only, an element several rules ask of the same facts (the age reached, the months or share of the term
    served) is worked out once a person and shared (`Situation.decided_once`); explained, each rule works out its
    own. Every finding is decided the same: status, date, the fields asked, the facts used, the citations."""
    data, as_of = drawn
    case = parse_case(data, "case", warnings=False).case
    assert _decisions(assess(case, as_of, Options(explain=False))) == _decisions(assess(case, as_of))
