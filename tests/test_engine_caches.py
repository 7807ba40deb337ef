"""The engine's memos return what working it out afresh returns (issue 17: what depends only on the law and its
arguments is worked out once). Each memo is compared with the computation it replaces, on generated arguments, and
a whole assessment with warm memos with one after every memo is emptied."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reprieve.assess import count_ranges, questions
from reprieve.assess.relief import situation as relief_situation
from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.law import (
    drug_penalties,
    fsa_time_credits,
    other_penalties,
    penalty_schemas,
    release_day,
    which_penalty_law,
)
from reprieve.law.params import Law, clear_law_caches, law, shipped_law, using
from reprieve.law.penalty_ranges import parsed
from reprieve.law.penalty_schemas import OffenseRanges, SamePenalties
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.results import identity
from reprieve.screen.synth import generate

AS_OF = date(2026, 11, 28)
_OTHER = [v for name in shipped_law().files[other_penalties.FILE].parameters
          for v in shipped_law().parameter(f"{other_penalties.FILE}.{name}").values]
_LISTED = sorted({row.statute for v in _OTHER for row in parsed(OffenseRanges, v).root})
_CITATIONS = st.one_of(st.sampled_from(_LISTED), st.sampled_from(
    ["18 U.S.C. § 1343", "21 U.S.C. §§ 841(a)(1), 846", "18 U.S.C. § 924(c)(1)(A)(i)", "8 U.S.C. § 1326(b)(2)"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_CITATIONS, min_size=1, max_size=3), st.sampled_from(_OTHER))
def test_the_row_a_statute_falls_under_is_the_first_row_it_is_within(citations: list[str], value: Any) -> None:
    statutes = tuple(s for text in citations for s in parse_statutes(text))
    fresh = next((row for row in parsed(OffenseRanges, value).root
                  if any(s.within(parse_statute(row.statute)) for s in statutes)), None)
    assert other_penalties._match(statutes, value) == fresh
    assert other_penalties._match(statutes, value) == fresh  # and again, from the memo


_DAYS = st.one_of(st.dates(date(1980, 1, 1), date(2030, 12, 31)),
                  st.sampled_from(sorted({d for v in _OTHER for d in (v.from_, v.to) if d is not None})))


@settings(max_examples=200, deadline=None)
@given(_CITATIONS, st.one_of(st.none(), _CITATIONS), _DAYS)
def test_the_consecutive_rule_memo_keyed_by_the_period_equals_the_row_in_force_on_the_day(
        statute: str, penalty: str | None, on: date) -> None:
    """`consecutive_rule` is memoized by the first day of the period in which the other-penalties rows do not change
    (`Law.same_since`): the rule of the row in force on the day itself."""
    from reprieve.case.model import Count
    from reprieve.law.penalty_ranges import Trace
    from reprieve.law.which_penalty_law import LawDates

    count = Count(statute=statute, penalty=penalty)
    with using(Law.at(AS_OF)):
        found = other_penalties.row_for((*parse_statutes(penalty), *parse_statutes(statute)), LawDates(on, on),
                                        Trace())
        assert other_penalties.consecutive_rule(count, on) == (found.consecutive if found is not None else None)
        start = law().law.same_since(other_penalties._parameters(), on)
        assert start <= on and all(law().maybe(name, start) is law().maybe(name, on)
                                   for name in other_penalties._parameters())


@settings(max_examples=200, deadline=None)
@given(st.lists(_CITATIONS, min_size=1, max_size=3), st.lists(_CITATIONS, min_size=1, max_size=3))
def test_a_count_falls_under_a_clause_when_one_of_its_statutes_is_within_one_of_the_clauses(
        mine: list[str], clause: list[str]) -> None:
    statutes = tuple(s for text in mine for s in parse_statutes(text))
    rules = tuple(s for text in clause for s in parse_statutes(text))
    fresh = any(s.title == r.title and s.section == r.section and s.subsections[:len(r.subsections)] == r.subsections
                for s in statutes for r in rules)
    assert fsa_time_credits._within_any(statutes, rules) == fresh == fsa_time_credits._within_any(statutes, rules)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(shipped_law().parameter("drug_penalties.same_penalty_statutes").values))
def test_the_statutes_that_carry_another_provisions_penalties_are_read_from_the_law_value(value: Any) -> None:
    expected = {(parse_statute(r.statute).title, parse_statute(r.statute).section):
                (parse_statute(r.penalties_of).title, parse_statute(r.penalties_of).section)
                for r in parsed(SamePenalties, value).root}
    assert drug_penalties._same_penalties(value) == expected == drug_penalties._same_penalties(value)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["sentencing_date", "offense_date", "decision_date"]),
       st.sets(st.sampled_from(which_penalty_law.FILES), min_size=1))
def test_the_days_the_penalty_law_changes_are_those_of_the_law_in_use(basis: str, files: set[str]) -> None:
    table = "drug_penalties.trafficking_penalties"  # the same table again from a new day: a new boundary
    what_if = Law.at(AS_OF, {"description": "a new day of change", "changes": [
        {"parameter": table, "value": shipped_law().parameter(table).values[-1].value, "from": date(2025, 3, 1)}]})
    for snapshot in (Law.at(AS_OF), what_if):
        with using(snapshot):
            fresh = sorted({v.from_ for f in files if f in law().files
                            for p in law().files[f].parameters.values() if p.selected_by == basis for v in p.values})
            assert list(which_penalty_law.boundaries(basis, sorted(files))) == fresh
            if snapshot is what_if and basis == "sentencing_date" and "drug_penalties" in files:
                assert date(2025, 3, 1) in fresh


def _json(case: Any) -> dict[str, Any]:
    return assess(case, AS_OF, law=Law.at(AS_OF)).as_json()


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_an_assessment_with_warm_memos_equals_one_with_every_memo_emptied(seed: int) -> None:
    person = next(iter(generate(1, seed=seed, as_of=AS_OF)))
    case = parse_case({k: v for k, v in person.items() if k != "id"}, "person", warnings=False).case
    warm = _json(case)
    assert _json(case) == warm
    other_penalties._MATCHED.clear()
    other_penalties._parameters_of.cache_clear()
    drug_penalties._SAME.clear()
    which_penalty_law._boundaries.cache_clear()
    fsa_time_credits._within_any.cache_clear()
    fsa_time_credits.count_verdict.cache_clear()  # type: ignore[attr-defined]
    questions.generic.cache_clear()
    questions._generic_words.cache_clear()
    release_day.release_weekday.cache_clear()  # type: ignore[attr-defined]
    penalty_schemas.parse_term.cache_clear()
    count_ranges._CORES.clear()
    count_ranges._SETTLED.clear()
    relief_situation._REMEMBERED.clear()
    clear_law_caches()  # every memo of law data, those above included (the FSA earning model, a Manual's rules)
    assert _json(case) == warm


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_the_release_weekday_memo_is_the_last_weekday_not_a_holiday_on_or_before_the_day(day: date) -> None:
    """18 U.S.C. 3624(a): released on "the last preceding weekday" when the day is a Saturday, a Sunday or a legal
    holiday; the memo answers as the rule does, the first time and again, and a traced law still records the
    parameters it read."""
    for _ in range(2):
        traced = Law.at(AS_OF).traced()
        with using(traced):
            moved, step = release_day.release_weekday(day)
            free = [d for d in (day - timedelta(days=k) for k in range(10))
                    if d.weekday() < 5 and release_day.holiday_name(d) is None]
        assert moved == free[0]
        assert (step is None) == (moved == day)
        assert {"release_day.weekend_or_holiday_rule", "release_day.holiday_calendar"} <= traced.read


def test_a_release_on_independence_day_observed_moves_to_the_thursday() -> None:
    """July 4, 2026 is a Saturday, observed on Friday July 3 (5 U.S.C. 6103(b)(1)): release on Thursday July 2."""
    with using(Law.at(AS_OF)):
        assert release_day.release_weekday(date(2026, 7, 4))[0] == date(2026, 7, 2)
        assert release_day.release_weekday(date(2026, 7, 3))[0] == date(2026, 7, 2)


_RULES = [rule for v in shipped_law().parameter("fsa_time_credits.ineligible_offenses").values for rule in v.value]
_RULE_STATUTES = sorted({text for rule in _RULES for text in rule["statutes"]})
_CLAUSE_DRUGS = sorted({drug for rule in _RULES for drug in rule.get("drugs") or []})
_COUNT_FACTS = st.builds(
    fsa_time_credits.CountFacts,
    st.one_of(st.none(), st.sampled_from([*_RULE_STATUTES, "21 U.S.C. § 846", "21 U.S.C. § 841(a)(1)",
                                          "18 U.S.C. § 1343", "18 U.S.C. § 922(g)(1)", "21 U.S.C. § 963"])),
    st.one_of(st.none(), st.sampled_from([*_RULE_STATUTES, "21 U.S.C. § 841(b)(1)(C)", "18 U.S.C. § 924(a)(8)"])),
    st.frozensets(st.sampled_from([*_CLAUSE_DRUGS, "cocaine", "marijuana"]), max_size=2),
    st.one_of(st.none(), st.booleans()), st.one_of(st.none(), st.booleans()))


@settings(max_examples=300, deadline=None)
@given(_COUNT_FACTS, st.sampled_from(["judgments[0].counts[0]", "judgments[1].counts[2]"]),
       st.sampled_from(["1", "Count Two"]))
def test_a_counts_fsa_verdict_from_the_memo_is_the_one_worked_out_afresh_with_the_same_law_read(
        facts: Any, where: str, label: str) -> None:
    """3632(d)(4)(D): whether the ineligible-offense clauses reach a count is worked out once per count's facts
    (`count_verdict`); a person whose count is answered from the memo gets the verdict, and records the law read
    (what a what-if re-assesses by), exactly as if it were worked out for them."""
    def traced_verdict() -> tuple[Any, frozenset[str]]:
        traced = Law.at(AS_OF).traced()
        with using(traced):
            verdict = fsa_time_credits.count_verdict(facts, where, label, AS_OF)
        return verdict, traced.read

    def said(found: tuple[Any, frozenset[str]]) -> tuple[Any, ...]:  # messages compared by what they say
        verdict, read = found
        return (verdict.listed, [identity(r) for r in verdict.reasons], verdict.undecided, verdict.presumed_absent,
                read)

    warm = traced_verdict()
    assert said(traced_verdict()) == said(warm)  # from the memo
    fsa_time_credits.count_verdict.cache_clear()  # type: ignore[attr-defined]
    fresh = traced_verdict()
    assert said(fresh) == said(warm)
    verdict, read = fresh
    if fsa_time_credits._count_statutes(facts):  # the clauses were read, and are on the trace
        assert "fsa_time_credits.ineligible_offenses" in read
    # the verdict's reasons are in the order the clauses are listed, and a clause that reaches the count says so
    clauses = [str(rule["clause"]) for rule in _RULES]
    said_clauses = [r.args["clause"] for r in verdict.reasons if "clause" in r.args]
    assert said_clauses == sorted(said_clauses, key=clauses.index)
    assert verdict.listed == any(r.key == "fsa.elig.listed" for r in verdict.reasons)


_FIELDS = sorted(questions.registry())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_FIELDS), st.integers(0, 3))
def test_a_question_asked_from_the_memo_reads_as_the_registry_words_it(field: str, position: int) -> None:
    """`ask` words a field's question once (the English question and where to find the answer, for any case): the
    question is the registry's, for a field at any list position, the first time and from the memo."""
    path = field.replace("[]", f"[{position}]")
    fresh = (questions.text(path), questions.text(path, part="where_to_find"))
    for _ in range(2):
        asked = questions.ask(path, "what it decides")
        assert (asked.field, asked.question, asked.would_change, asked.where_to_find) == \
            (path, *fresh[:1], "what it decides", fresh[1])


@settings(max_examples=100, deadline=None)
@given(st.dates(date(1987, 11, 1), date(2030, 12, 31)))
def test_the_rules_of_a_manual_remembered_equal_those_worked_out_afresh(manual: date) -> None:
    """`guidelines._rules_then` is remembered per law and Manual date: the rules worked out afresh from the law
    data, and the zero-point parameter recorded as read on every call (a hit included)."""
    from reprieve.assess import guidelines

    name = "guidelines.zero_point_offender.reduction_levels"
    since = shipped_law().parameter(name).values[0].from_
    for _ in range(2):
        with using(Law.at(AS_OF).traced()) as traced:
            rules = guidelines._rules_then(manual)
        assert rules == guidelines.Rules(manual, manual, manual, manual, manual if manual >= since else None, manual)
        assert name in traced.read


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(questions.registry())).map(lambda key: key.replace("[]", "[0]")),
       st.sampled_from(["", "what it changes"]))
def test_a_question_asked_is_the_question_its_dataclass_makes(field_path: str, would_change: str) -> None:
    """`ask` makes its `Question` without the frozen dataclass's __init__: every field set, equal (and hashed) as
    one made by __init__ from the registry's words."""
    from dataclasses import asdict

    from reprieve.assess.findings import Question

    asked = questions.ask(field_path, would_change)
    made = Question(field_path, questions.text(field_path), would_change,
                    questions.text(field_path, part="where_to_find"))
    assert asked == made and hash(asked) == hash(made) and asdict(asked) == asdict(made)
