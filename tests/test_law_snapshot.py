"""The law passed explicitly: `Law.at(as_of, changes)` is a snapshot an assessment applies, in its own thread only,
and it can record which law parameters a result read (the trace a what-if screen re-evaluates by).

The law change used here is a real one, undone: First Step Act § 401 (Pub. L. 115-391) reduced the 21 U.S.C.
841(b)(1)(A) minimum after one prior "serious drug felony" from "not less than 20 years" (the text before the Act) to
"not less than 15 years". The what-if restores the pre-Act table from the Act's date of enactment on.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader
from reprieve.law.params import Law, LawChange, Reach, differing_parts, law, read_path, shipped_law
from reprieve.screen.rows import person_row
from reprieve.screen.synth import generate

AS_OF = date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[1]
TABLE = "drug_penalties.trafficking_penalties"


def _repeal_401() -> LawChange:
    before_the_act = shipped_law().parameter(TABLE).values[0]
    assert before_the_act.to == date(2018, 12, 20)
    return LawChange.model_validate({"description": "First Step Act § 401 undone", "changes": [
        {"parameter": TABLE, "value": before_the_act.value, "from": date(2018, 12, 21)}]})


def _vailes_with_a_serious_drug_felony() -> Any:
    """The mission's case (21 U.S.C. 846, 841(b)(1)(A), an 851 information), the prior stated fully enough to be a
    "serious drug felony" (21 U.S.C. 802(57): more than 12 months served, released within 15 years of the instant
    offense; a state trafficking offense with a maximum of 10 years or more, 18 U.S.C. 924(e)(2)(A)(ii))."""
    data = yaml.load((ROOT / "examples" / "vailes.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    data["priors"][0].update(jurisdiction="NC", trafficking=True, max_months=360, served_months=24,
                             released_on="2000-01-01")
    return parse_case(data, "vailes", warnings=False).case


def _minimum_now(result: Any) -> Any:
    return result.as_json()["current_law"]["counts"][0]["now"]["min_months"]


def test_two_threads_with_different_law_changes_each_get_their_own_answer() -> None:
    case = _vailes_with_a_serious_drug_felony()
    snapshots = {"shipped": Law.at(AS_OF), "repealed": Law.at(AS_OF, _repeal_401())}
    start = threading.Barrier(len(snapshots))
    answers: dict[str, list[Any]] = {name: [] for name in snapshots}

    def work(name: str) -> None:
        start.wait()
        for _ in range(6):  # long enough for the two threads to interleave many times
            answers[name].append(_minimum_now(assess(case, AS_OF, law=snapshots[name])))

    threads = [threading.Thread(target=work, args=(name,)) for name in snapshots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers["shipped"] == [15 * 12] * 6  # "not less than 15 years" (841(b)(1)(A) as amended by FSA § 401)
    assert answers["repealed"] == [20 * 12] * 6  # "not less than 20 years" (841(b)(1)(A) before the Act)
    assert _minimum_now(assess(case, AS_OF)) == 15 * 12  # no what-if outlives its call
    assert law().law is shipped_law()


def test_a_snapshot_answers_as_the_law_data_does_and_a_change_only_where_it_applies() -> None:
    repealed = Law.at(AS_OF, {"description": "x", "changes": [
        {"parameter": TABLE, "value": shipped_law().parameter(TABLE).values[0].value, "from": "2018-12-21"}]})
    shipped = Law.at(AS_OF)
    name = "good_conduct_time.max_days_per_year"
    assert shipped.value(name, AS_OF) == shipped.value(name, AS_OF) == shipped_law().value(name, AS_OF) == 54
    assert repealed.entry(TABLE, date(2018, 12, 20)) == shipped.entry(TABLE, date(2018, 12, 20))
    assert repealed.entry(TABLE, AS_OF) != shipped.entry(TABLE, AS_OF)
    assert repealed.maybe(name, date(1900, 1, 1)) is None  # outside the data, as `Law.maybe`


def test_the_trace_names_what_a_result_read_and_a_change_to_nothing_read_changes_nothing() -> None:
    change = _repeal_401()
    assert change.parameters == {TABLE}
    base = Law.at(AS_OF)
    whatif = Law.at(AS_OF, change)
    traced = base.traced()
    assess(_vailes_with_a_serious_drug_felony(), AS_OF, law=traced)
    assert "good_conduct_time.max_days_per_year" in traced.read
    # the table is read part by part: the row of the count's provision, the tiers that decide its range
    assert f"{TABLE}[21 U.S.C. 841(b)(1)(A)][tiers][1]" in traced.read and TABLE not in traced.read
    reach = change.reach(shipped_law())
    assert reach(traced.read)  # an 851 information: the enhanced minimum the what-if changes is read
    assert not base.read  # the trace is the traced view's own; the snapshot it came from records nothing

    reading, not_reading, changed = 0, 0, 0
    for person in generate(300, seed=5, as_of=AS_OF):
        case = parse_case({k: v for k, v in person.items() if k != "id"}, "person", warnings=False).case
        mine = base.traced()
        before = person_row("p", 2, assess(case, AS_OF, law=mine))  # every figure and finding a screening keeps
        after = person_row("p", 2, assess(case, AS_OF, law=whatif))
        if reach(mine.read):
            reading += 1
            changed += before != after
        else:
            not_reading += 1
            assert before == after, person["id"]  # what the what-if screen relies on to skip this person
    assert reading and not_reading and changed  # the population has both kinds, and the change reached some


# --- a what-if's reach, read by read ---------------------------------------------------------------------------

_LEAF = st.one_of(st.integers(0, 3), st.sampled_from(["10 years", "life"]), st.none())
_VALUE = st.recursive(_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["A", "B", "tiers", "min"]), inner, max_size=3)),
    max_leaves=12)
_GONE = object()


def _part(value: Any, path: list[str | int]) -> Any:
    """The part of `value` at `path` (`_GONE` where there is none), as a rule reading it finds it."""
    for step in path:
        in_table = isinstance(value, dict) and not isinstance(step, int) and step in value
        in_list = isinstance(value, list) and isinstance(step, int) and step < len(value)
        if not (in_table or in_list):
            return _GONE
        value = value[step]
    return value


@settings(max_examples=300, deadline=None)
@given(_VALUE, _VALUE, st.lists(st.one_of(st.sampled_from(["A", "B", "tiers", "min"]), st.integers(0, 3)),
                                max_size=4))
def test_every_read_whose_part_differs_between_the_two_laws_is_reached(a: Any, b: Any,
                                                                       path: list[str | int]) -> None:
    """Soundness of the what-if screen: a rule that read the part `path` of a table is assessed again whenever that
    part differs between the shipped and the changed law (or appears, or disappears)."""
    changed: set[str] = set()
    differing_parts(a, b, "t.table", changed)
    reach = Reach(frozenset(changed))
    read = read_path("t.table", *path)
    if _part(a, path) != _part(b, path):
        assert reach([read]), (a, b, read)
    if a == b:
        assert not reach([read, "t.table"])
    assert reach(["t.table"]) == (a != b)  # a read of the whole is reached by any change


_READ = st.builds(lambda path: read_path("t.table", *path), st.lists(
    st.one_of(st.sampled_from(["A", "B", "tiers", "min"]), st.integers(0, 3)), max_size=3))


@settings(max_examples=200, deadline=None)
@given(_VALUE, _VALUE, st.lists(st.frozensets(st.one_of(_READ, st.sampled_from(["u.other", "t.tab"])), max_size=5),
                                min_size=1, max_size=6))
def test_a_trace_judged_once_is_judged_as_read_by_read(a: Any, b: Any, traces: list[frozenset[str]]) -> None:
    """`Reach` remembers its answer for a stage's trace (a frozenset): each answer, first or remembered, is the one
    the reads themselves give (judged afresh as a list)."""
    changed: set[str] = set()
    differing_parts(a, b, "t.table", changed)
    reach = Reach(frozenset(changed))
    for trace in traces + traces:  # each trace again: the remembered answer
        assert reach(trace) == reach(list(trace)) == reach(frozenset(trace))


def test_a_change_of_the_851_tiers_reaches_the_tiers_and_not_the_other_rows() -> None:
    reach = _repeal_401().reach(shipped_law())
    a = f"{TABLE}[21 U.S.C. 841(b)(1)(A)]"
    assert reach([f"{a}[tiers][1]"]) and reach([f"{a}[tiers]"]) and reach([a]) and reach([TABLE])
    assert not reach([f"{a}[tiers][0][priors]", f"{a}[tiers][1][priors]", f"{TABLE}[21 U.S.C. 841(b)(1)(C)][tiers][0]",
                      "good_conduct_time.max_days_per_year"])
