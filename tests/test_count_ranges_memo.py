"""A count's alternatives are worked out once per (facts, law periods of its dates) and given out from the memo
(`count_ranges._core`, issue 17): on generated counts - every kind the engine covers, dates on, just before and just
after the days the law changes, partial dates, priors, enhancements stated or not, several counts - the range from
the memo (warmed by a count whose dates are other days of the same periods and whose term differs) is the range
worked out afresh on the count's own dates, word for word, with the same law read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reprieve.assess import count_ranges, current_law
from reprieve.assess.count_ranges import CountRanges, evaluate_count
from reprieve.assess.current_law import count_law
from reprieve.case.model import Case
from reprieve.law.params import Law, law, shipped_law, using
from reprieve.law.penalty_ranges import parsed
from reprieve.law.penalty_schemas import OffenseRanges
from reprieve.law.which_penalty_law import LawDates
from reprieve.results import explained, identity

AS_OF = date(2026, 11, 28)
_OTHER = sorted({row.statute for name in shipped_law().files["other_penalties"].parameters
                 for v in shipped_law().parameter(f"other_penalties.{name}").values
                 for row in parsed(OffenseRanges, v).root})
_KINDS = [  # (statute, penalty) of each kind of count the engine covers, and one it does not
    [("21 U.S.C. § 846", "21 U.S.C. § 841(b)(1)(A)"), ("21 U.S.C. § 846", "21 U.S.C. § 841(b)(1)(B)"),
     ("21 U.S.C. § 846", None), ("21 U.S.C. § 841(a)(1)", "21 U.S.C. § 841(b)(1)(C)"), ("21 U.S.C. § 844(a)", None),
     ("21 U.S.C. § 963", None)],
    [("18 U.S.C. § 922(g)(1)", "18 U.S.C. § 924(a)(8)"), ("18 U.S.C. § 922(g)(1)", None),
     ("18 U.S.C. § 922(g)(1)", "18 U.S.C. § 924(e)")],
    [("18 U.S.C. § 924(c)", None), ("18 U.S.C. § 924(c)(1)(A)(ii)", None), ("18 U.S.C. § 924(c)(1)(C)(i)", None)],
    [("18 U.S.C. § 1343", None), ("18 U.S.C. § 1028A", None), ("18 U.S.C. § 9999", None)],
    [(s, None) for s in _OTHER],
]


def _cuts() -> list[date]:
    with using(Law.at(AS_OF)):
        return [d for d in count_ranges._periods_of(law().law).cuts if date(1985, 1, 1) <= d <= AS_OF]


_CUTS = _cuts()
_DAYS = st.one_of(st.dates(date(1985, 1, 1), AS_OF),
                  st.builds(lambda cut, shift: cut + timedelta(days=shift), st.sampled_from(_CUTS), st.integers(-1, 1)))


@st.composite
def _date(draw: st.DrawFn) -> str:
    day = draw(_DAYS)
    return draw(st.sampled_from([str(day), str(day), str(day)[:7], str(day)[:4]]))


@st.composite
def _count(draw: st.DrawFn, label: str) -> dict[str, Any]:
    statute, penalty = draw(st.sampled_from(draw(st.sampled_from(_KINDS))))
    count: dict[str, Any] = {"count": label, "statute": statute, "months": draw(st.integers(0, 480)),
                             "offense_ended": draw(_date())}
    if penalty:
        count["penalty"] = penalty
    optional = {"offense_began": _date(), "drug": st.sampled_from(["cocaine_base", "cocaine", "heroin", "marijuana",
                                                                   "methamphetamine", "fentanyl"]),
                "quantity": st.sampled_from(["4 g", "27 g", "28 g", "280 g", "1 kg", "5 kg", "100 kg"]),
                "death_or_serious_bodily_injury": st.booleans(), "firearm_conduct": st.sampled_from(
                    ["possess", "brandish", "discharge"]), "second_or_subsequent": st.booleans(),
                "resentenced_on": _date()}
    for name, values in optional.items():
        if draw(st.booleans()):
            count[name] = draw(values)
    return count


@st.composite
def _case(draw: st.DrawFn) -> dict[str, Any]:
    counts = [draw(_count(str(n + 1))) for n in range(draw(st.integers(1, 2)))]
    judgment: dict[str, Any] = {"imposed_on": draw(_date()), "counts": counts}
    enhancements = draw(st.sampled_from([None, [], [{"kind": "851"}], [{"kind": "851", "priors_at_least": 1}],
                                         [{"kind": "851", "priors": [0]}], [{"kind": "acca"}]]))
    if enhancements is not None:
        judgment["enhancements"] = enhancements
    priors = draw(st.sampled_from([[], [{"kind": "924c", "final_on": draw(_date())}],
                                   [{"kind": "drug_felony", "released_on": draw(_date()), "max_months": 240}],
                                   [{"kind": "drug_felony", "trafficking": True, "max_months": 240,
                                     "sentence_months": 48, "served_months": 30, "released_on": draw(_date())}]]))
    return {"format": 1, "judgments": [judgment], "priors": priors}


def _sibling(case: dict[str, Any], last: bool) -> dict[str, Any]:
    """The same facts with each exact date moved to the first (or last) day of its period, and other terms."""
    def moved(text: str) -> str:
        if len(text) != 10:
            return text
        day = date.fromisoformat(text)
        later = [c for c in count_ranges._periods_of(Law.at(AS_OF).law).cuts if c > day]
        earlier = [c for c in count_ranges._periods_of(Law.at(AS_OF).law).cuts if c <= day]
        if last and later:
            return str(later[0] - timedelta(days=1))
        return str(earlier[-1]) if earlier else text

    judgment = dict(case["judgments"][0])
    judgment["imposed_on"] = moved(judgment["imposed_on"])
    judgment["counts"] = [{**c, "months": c["months"] // 2 + 1, **{k: moved(c[k]) for k in count_ranges.DATES
                                                                    if k in c}} for c in judgment["counts"]]
    return {**case, "judgments": [judgment]}


def _parsed(data: dict[str, Any]) -> Case:
    """The case as the engine takes it (dates out of order too: the memo must answer as the rules do)."""
    return Case.model_validate(data)


def _said(result: CountRanges) -> Any:
    """Everything a count's range says, comparable: the JSON of the comparison, and each alternative as made."""
    return (count_law(result).as_json(),
            [(tuple((b, identity(b.said), identity(b.worded)) for b in s.branches), s.then, s.now,
              identity(s.then_detail), identity(s.now_detail)) for s in result.scenarios],
            [identity(n) for n in result.notes], [identity(a) for a in result.assumptions], result.missing,
            result.unverified, result.settled, [p.render() for p in result.presumptions], result.truncated,
            result.consecutive_rule, result.kind, identity(result.not_covered))


def _traced(case: Case, c: int, fresh: bool) -> tuple[Any, frozenset[str]]:
    """The count's range, from the memo or worked out afresh on its own dates (a "now" given as it is, which the
    memo does not keep), and the law read."""
    traced = Law.at(AS_OF).traced()
    with using(traced):
        found = evaluate_count(case, 0, c, AS_OF, hypothetical=lambda d: LawDates(d.offense, AS_OF)) if fresh \
            else evaluate_count(case, 0, c, AS_OF)
    return _said(found), traced.read


def _variant(data: dict[str, Any], other: dict[str, Any], part: str, name: str) -> dict[str, Any]:
    """`data` with one of its facts taken from `other`: the enhancements, the priors, or a field of its first count
    (for the second, a fact of an earlier count)."""
    if part in ("enhancements", "imposed_on"):
        judgment = {k: v for k, v in data["judgments"][0].items() if k != part}
        if part in other["judgments"][0]:
            judgment[part] = other["judgments"][0][part]
        return {**data, "judgments": [judgment]}
    if part == "priors":
        return {**data, "priors": other["priors"]}
    theirs = other["judgments"][0]["counts"][0]
    counts = list(data["judgments"][0]["counts"])
    counts[0] = {**{k: v for k, v in counts[0].items() if k != name}, **({name: theirs[name]} if name in theirs
                                                                          else {})}
    return {**data, "judgments": [{**data["judgments"][0], "counts": counts}]}


_PARTS = st.sampled_from(["enhancements", "imposed_on", "priors", "count"])
_FIELDS = st.sampled_from(["statute", "penalty", "offense_ended", "offense_began", "drug", "quantity", "count",
                           "death_or_serious_bodily_injury", "firearm_conduct", "second_or_subsequent",
                           "resentenced_on"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_case(), _case(), _PARTS, _FIELDS, st.booleans(), st.booleans())
def test_a_counts_range_from_the_memo_is_the_one_worked_out_afresh_with_the_same_law_read(
        data: dict[str, Any], other: dict[str, Any], part: str, name: str, last: bool, explain: bool) -> None:
    """The memo is warmed by a count that differs in one fact (any a key could leave out) and by one on other days
    of the same periods, with another term; then the count itself, from the memo or not, is as worked out afresh."""
    case, sibling = _parsed(data), _parsed(_sibling(data, last))
    variant = _parsed(_variant(data, other, part, name))
    with explained(explain):
        for c in range(len(case.judgments[0].counts)):
            count_ranges._CORES.clear()
            count_ranges._SETTLED.clear()
            assert _traced(variant, c, fresh=False) == _traced(variant, c, fresh=True)
            assert _traced(sibling, c, fresh=False) == _traced(sibling, c, fresh=True)  # worked out, then kept
            assert _traced(case, c, fresh=False) == _traced(case, c, fresh=True)  # from the memo (same periods)
            assert _traced(case, c, fresh=False) == _traced(case, c, fresh=True)  # and again


def test_a_count_of_the_same_facts_in_the_same_periods_is_worked_out_once() -> None:
    """The memo serves a count whose dates are other days of the same law periods, and whose term differs."""
    data = {"format": 1, "judgments": [{"imposed_on": "2019-06-03", "counts": [
        {"count": "1", "statute": "18 U.S.C. § 922(g)(1)", "offense_ended": "2018-07-09", "months": 40}]}]}
    count_ranges._CORES.clear()
    count_ranges._SETTLED.clear()
    first = evaluate_count(_parsed(data), 0, 0, AS_OF)
    data["judgments"][0]["imposed_on"] = "2019-06-04"
    data["judgments"][0]["counts"][0] |= {"offense_ended": "2018-07-10", "months": 41}
    second = evaluate_count(_parsed(data), 0, 0, AS_OF)
    assert len(count_ranges._CORES) == 1
    assert first.scenarios[0].then == second.scenarios[0].then
    assert [s.then_detail.args["day"] for s in (first.scenarios[0], second.scenarios[0])] == \
        [date(2018, 7, 9), date(2018, 7, 10)]  # each its own offense day in the words


def test_a_second_924c_count_is_told_from_the_memo_by_the_counts_before_it() -> None:
    """Before the First Step Act a second 924(c) count in the same judgment was "second or subsequent" (Deal v.
    United States, 508 U.S. 129 (1993)): the same count after a fraud count is a first violation, and the memo keeps
    the two apart."""
    def case(first: str) -> Case:
        return _parsed({"format": 1, "judgments": [{"imposed_on": "2005-03-01", "enhancements": [], "counts": [
            {"count": "1", "statute": first, "offense_ended": "2004-06-01", "months": 60},
            {"count": "2", "statute": "18 U.S.C. § 924(c)(1)(A)(i)", "offense_ended": "2004-06-01", "months": 60}]}],
            "priors": []})

    count_ranges._CORES.clear()
    count_ranges._SETTLED.clear()
    minimums = []
    for first in ("18 U.S.C. § 924(c)(1)(A)(i)", "18 U.S.C. § 1343"):
        assert _traced(case(first), 1, fresh=False) == _traced(case(first), 1, fresh=True)
        minimums.append(evaluate_count(case(first), 0, 1, AS_OF).scenarios[0].then.minimum.months)
    assert minimums == [300, 60]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_case(), st.sampled_from(["then", "now"]))
def test_the_one_combination_of_counts_with_one_alternative_each_is_the_product_of_their_alternatives(
        data: dict[str, Any], which: str) -> None:
    """With one alternative a count (most people), the aggregate's combinations and its then-and-now pairs are
    taken as they are, without the product over the alternatives: the same combinations and pairs."""
    case = _parsed(data)
    with using(Law.at(AS_OF)):
        results = [evaluate_count(case, 0, c, AS_OF) for c in range(len(case.judgments[0].counts))]
        for n, r in enumerate(results):  # each count with one of its alternatives (the facts they assume kept)
            results[n] = replace(r, scenarios=[r.scenarios[n % len(r.scenarios)]])
        shared = {b.key for r in results for s in r.scenarios for b in s.branches}
        assert current_law.combinations(case, results, which) == current_law._every_combination(case, results, which)
        assert current_law._pairs(case, results, shared) == current_law._every_pair(case, results, shared)
