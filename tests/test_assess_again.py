"""A what-if assessment that reuses the stages of an earlier one (`report.again`) equals assessing anew under the
what-if law: a stage is reused only if it read nothing the what-if changes and rests only on reused stages.

The what-ifs: First Step Act § 401 undone (a real change of the 841(b)(1)(A) table, read by the current-law
comparison), the age ground of USSG § 1B1.13(b)(2) at 60 (read by the findings only) and good conduct time at 60
days a year instead of 54 (18 U.S.C. 3624(b)(1); read by the BOP computation, so every stage is worked out again).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.report import again, assess
from reprieve.intake import parse_case
from reprieve.law.params import Law, LawChange, shipped_law
from reprieve.screen.rows import person_row
from reprieve.screen.synth import generate
from tests.test_screen_what_if import AGE_60, repeal_401

AS_OF = date(2026, 11, 28)
GCT_60 = {"description": "good conduct time at 60 days a year", "changes": [
    {"parameter": "good_conduct_time.max_days_per_year", "value": 60, "from": date(2026, 1, 1)}]}
CHANGES = {"851 minimums": repeal_401(), "age 60": AGE_60, "GCT 60": GCT_60}
PEOPLE = [parse_case({k: v for k, v in p.items() if k != "id"}, "person", warnings=False).case
          for p in generate(120, seed=11, as_of=AS_OF)]


def _both(case: Any, change: dict[str, Any]) -> tuple[Any, Any, Any]:
    what_if = Law.at(AS_OF, change)
    base = assess(case, AS_OF, law=Law.at(AS_OF).traced())
    return base, again(base, what_if, LawChange.model_validate(change).reach(shipped_law())), \
        assess(case, AS_OF, law=what_if)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PEOPLE), st.sampled_from(sorted(CHANGES)))
def test_assessing_again_under_a_what_if_equals_assessing_anew(case: Any, name: str) -> None:
    base, reused, fresh = _both(case, CHANGES[name])
    assert person_row("p", 2, reused) == person_row("p", 2, fresh)  # every figure and finding a screening keeps
    assert [f.as_json() for f in reused.findings] == [f.as_json() for f in fresh.findings]
    if name != "851 minimums":  # read whole: the results say the same, explanations included
        assert reused.as_json() == fresh.as_json()
    # the earlier assessment is untouched by the reuse (its findings as first found)
    assert person_row("p", 2, base) == person_row("p", 2, assess(case, AS_OF, law=Law.at(AS_OF)))


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_stage_is_reused_only_when_the_what_if_does_not_reach_it(name: str) -> None:
    reach = LawChange.model_validate(CHANGES[name]).reach(shipped_law())
    reused_computations = 0
    for case in PEOPLE[:40]:
        base, reused, _ = _both(case, CHANGES[name])
        assert base.stages is not None
        if reused.computation is base.computation:
            reused_computations += 1
            assert not reach(base.stages.computation)
        if reused.current_law is base.current_law and reused.current_law is not None:
            assert not reach(base.stages.current_law | base.stages.computation | base.stages.guidelines)
    # good conduct time is read by every computation; the age ground and the 851 tiers by none
    assert reused_computations == (0 if name == "GCT 60" else 40)


def test_the_avenues_besides_compassionate_release_are_reused_when_the_what_if_does_not_reach_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The age ground at 60 is read by compassionate release alone: the BOP's criteria, FSA time credits, elderly
    home detention and commutation are not worked out again (and still equal assessing anew, above); good conduct
    time reaches the computation, so everything after it is worked out again."""
    from reprieve.assess import report

    worked_out: list[str] = []
    besides = report.besides_the_court

    def counted(situation: Any) -> Any:
        worked_out.append("again")
        return besides(situation)

    for name, expected in (("age 60", 0), ("GCT 60", 20)):
        reach = LawChange.model_validate(CHANGES[name]).reach(shipped_law())
        what_if = Law.at(AS_OF, CHANGES[name])
        bases = [assess(case, AS_OF, law=Law.at(AS_OF).traced()) for case in PEOPLE[:20]]
        worked_out.clear()
        with monkeypatch.context() as patched:
            patched.setattr(report, "besides_the_court", counted)
            for base in bases:
                assert base.stages is not None and base.stages.other_findings
                again(base, what_if, reach)
        assert len(worked_out) == expected, name


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PEOPLE))
def test_a_kept_finding_is_the_shallow_copy_dataclasses_replace_makes(case: Any) -> None:
    """`report._copy` (a fast copy) gives what `dataclasses.replace` gives, with a reasons list of its own."""
    from dataclasses import fields, replace

    from reprieve.assess.report import _copy

    for finding in assess(case, AS_OF).findings:
        fast, slow = _copy(finding), replace(finding, reasons=list(finding.reasons))
        assert type(fast) is type(slow) and fast == slow
        assert all(getattr(fast, f.name) is getattr(finding, f.name) for f in fields(finding) if f.name != "reasons")
        assert fast.reasons == finding.reasons and fast.reasons is not finding.reasons
        fast.reasons.insert(0, "held")
        assert finding.reasons == slow.reasons  # holding the copy leaves the original as it was


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PEOPLE))
def test_a_traced_assessment_without_stages_reads_the_same_law_and_says_the_same(case: Any) -> None:
    """A screening that only keeps what each row read (`stages=False`) records the same trace as one that keeps each
    stage for `again`, and the same assessment."""
    with_stages, without = Law.at(AS_OF).traced(), Law.at(AS_OF).traced()
    kept, plain = assess(case, AS_OF, law=with_stages), assess(case, AS_OF, law=without, stages=False)
    assert kept.stages is not None and plain.stages is None
    assert with_stages.read == without.read and with_stages.read
    assert plain.as_json() == kept.as_json() == assess(case, AS_OF).as_json()
