"""Statutory penalties then and now: the `current_law` block of `reprieve assess` (the CLI's JSON contract).

For each count, the statutory range at sentencing ("then") and if sentenced on the as-of date for the same offense
on the same facts ("now"), with citations (`count_ranges`). The aggregate minimum is the longest non-924(c)
minimum (terms imposed together may run concurrently, 18 U.S.C. 3584(a)) plus every 924(c) minimum (always
consecutive, 924(c)(1)(D)(ii)); separate judgments add up unless ordered concurrent. The release date "if sentenced
now" is the BOP computation (`compute`: the same commencement, jail credit, good conduct time, FSA credits) of a copy
of the case in which every count carries today's minimum. When a deciding fact is unknown the value is null and the
alternatives are listed beside it, each with the facts it assumes and the fields that would settle it.

`fsa404_findings` screens First Step Act section 404 (avenue "FSA 404") for the relief report.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.assess import rulings
from reprieve.assess.computation import Computation, compute, with_terms
from reprieve.assess.count_ranges import Branch, CountRanges, Scenario, briefly, evaluate_count, in_english_order
from reprieve.assess.current_law_result import (
    Aggregate,
    Alternative,
    AtBottom,
    CountLaw,
    CurrentLaw,
    LowerToday,
    PriorToday,
    RangeSide,
    SafetyValves,
)
from reprieve.assess.current_law_summary import Summary, months_said
from reprieve.assess.findings import Extra, Finding, Ranges404, Reason, ReasonLike, Status
from reprieve.assess.presumptions import Presumed
from reprieve.assess.questions import ask
from reprieve.case.model import Case
from reprieve.law import drug_penalties as drugs
from reprieve.law import fair_sentencing_404 as fsa404
from reprieve.law.params import law
from reprieve.law.penalty_ranges import Range, Trace, months_or_life, term_key
from reprieve.law.prior_convictions import felony_drug_offense, serious_drug_felony, serious_violent_felony
from reprieve.law.sentence_aggregation import Term, count_term
from reprieve.law.which_penalty_law import LawDates, offense_day, sentencing_date
from reprieve.results import (
    Conditions,
    Joined,
    Said,
    Span,
    Step,
    Text,
    explaining,
    identity,
    said,
    statute_key,
    verbatim,
)

if TYPE_CHECKING:
    from reprieve.assess.guidelines import GuidelineSides

AVENUE_404 = "FSA 404"
MAX_COMBINATIONS = 20000
MAX_RELEASE_COMPUTATIONS = 6
CITE_AGGREGATE = "18 U.S.C. § 3584(a); 18 U.S.C. § 924(c)(1)(D)(ii)"


# --- per count ---------------------------------------------------------------------------------------------------

def _range_of(s: Scenario, which: str) -> Range | None:
    return s.then if which == "then" else s.now


def _outcome_key(r: Range | None) -> str:
    return "none" if r is None else repr(r.as_json())


def _relevant_keys(members: list[tuple[str, tuple[Branch, ...]]]) -> list[str]:
    """The unknown facts whose value changes the outcome (the others need not be asked). `members` pairs each
    outcome with the branches it assumed."""
    keys: dict[str, None] = {}
    for _, branches in members:
        for b in branches:
            keys.setdefault(b.key)
    relevant = []
    for key in keys:
        everywhere = {b.value for _, branches in members for b in branches if b.key == key}
        groups: dict[str, set[str]] = {}
        for outcome, branches in members:
            for b in branches:
                if b.key == key:
                    groups.setdefault(outcome, set()).add(b.value)
        if any(values != everywhere for values in groups.values()):
            relevant.append(key)
    return relevant


MAX_LISTED_CONDITIONS = 3


def _conditions(group: list[tuple[Branch, ...]],
                relevant: list[str]) -> tuple[Conditions, dict[str, list[str]], list[str]]:
    """The facts a group of outcomes assumes - each way it can arise, said "or" when rendered - the values assumed
    by key, and the fields that would settle it."""
    ways: list[tuple[Branch, ...]] = []
    for branches in group:
        way = tuple(sorted({b.key: b for b in branches if b.key in relevant}.values(), key=lambda b: b.key))
        if way and way not in ways:
            ways.append(way)
    assumed: dict[str, list[str]] = {}
    fields: list[str] = []
    for way in ways:
        for b in way:
            values = assumed.setdefault(b.key, [])
            if b.value not in values:
                values.append(b.value)
            fields.extend(f for f in b.fields if f not in fields)
    facts = tuple(tuple(b.said for b in way) for way in ways)
    depending = tuple(fields) if len(ways) > MAX_LISTED_CONDITIONS else None
    return Conditions(ways=facts, depending=depending), assumed, fields


def side_json(result: CountRanges, which: str) -> dict[str, Any]:
    """One side (then or now) of a count as the JSON contract writes it (the conditions in English words)."""
    return _side(result, which).as_json()


_NO_RANGE = ("min_months", "max_months", "citation")


def _range_side(r: Range) -> RangeSide:
    """A range as one side of a count: the keys of the JSON contract, in order."""
    side = RangeSide(months_or_life(r.minimum), months_or_life(r.maximum), r.citation, keys=_NO_RANGE)
    if r.minimum.days and not r.minimum.life:
        side.put("min_days", r.minimum.days)
    if r.supervised_release_min is not None:
        side.put("supervised_release_min_months", months_or_life(r.supervised_release_min))
    return side


def _detail(s: Scenario, which: str) -> Text:
    return s.then_detail if which == "then" else s.now_detail


def _side(result: CountRanges, which: str) -> RangeSide:
    """One side (then or now) of a count: the range, or null with the alternatives (each with the facts it assumes,
    `Conditions` worded when read) and the missing facts; the keys of the JSON contract, in order."""
    if result.not_covered:
        return RangeSide(not_covered=result.not_covered, keys=(*_NO_RANGE, "not_covered"))
    scenarios = result.scenarios
    if len(scenarios) == 1:  # (most counts: one outcome, one basis)
        return _one_side(scenarios[0], which, result.missing)
    groups: dict[str, list[Scenario]] = {}
    for s in scenarios:
        groups.setdefault(_outcome_key(_range_of(s, which)), []).append(s)
    if len(groups) == 1:
        first = scenarios[0]
        chosen = _range_of(first, which)
        if chosen is None:
            return RangeSide(reason=_detail(first, which), missing=result.missing,
                             keys=(*_NO_RANGE, "reason", "missing"))
        out = _range_side(chosen)
        detail = {identity(d): d for d in (_detail(s, which) for s in scenarios)}
        if len(detail) == 1:
            out.put("basis", next(iter(detail.values())))
        return out
    relevant = _relevant_keys([(_outcome_key(_range_of(s, which)), s.branches) for s in scenarios])
    alternatives = []
    missing: list[str] = []
    for members in groups.values():
        chosen = _range_of(members[0], which)
        text, assumed, fields = _conditions([m.branches for m in members], relevant)
        entry = _range_side(chosen) if chosen else RangeSide(reason=_detail(members[0], which),
                                                             keys=(*_NO_RANGE, "reason"))
        entry.put("if", text)
        entry.put("assumes", assumed)
        alternatives.append(entry)
        missing.extend(f for f in fields if f not in missing)
    alternatives.sort(key=lambda a: _sort_months(a.min_months), reverse=True)
    ranges = [_range_of(s, which) for s in scenarios]
    out = RangeSide(_common([months_or_life(r.minimum) if r else None for r in ranges]),
                    _common([months_or_life(r.maximum) if r else None for r in ranges]),
                    _common([r.citation if r else None for r in ranges]), alternatives=alternatives,
                    missing=sorted(set(missing) | set(result.missing)), keys=(*_NO_RANGE, "alternatives", "missing"))
    for key in ("min_months", "max_months"):
        if getattr(out, key) is None:
            out.put(f"{key}_range", span_of([getattr(a, key) for a in alternatives]))
    return out


def _one_side(s: Scenario, which: str, missing: list[str]) -> RangeSide:
    """The side of a count with one outcome: its range and the basis of it, or why there is none."""
    chosen = _range_of(s, which)
    if chosen is None:
        return RangeSide(reason=_detail(s, which), missing=missing, keys=(*_NO_RANGE, "reason", "missing"))
    out = _range_side(chosen)
    out.put("basis", _detail(s, which))
    return out


def span_of(values: list[Any]) -> list[Any] | None:
    """[low, high] over months ("life" the highest); None when any value is unknown."""
    if not values or any(v is None for v in values):
        return None
    ordered = sorted(values, key=_sort_months)
    return [ordered[0], ordered[-1]]


def _sort_months(value: Any) -> int:
    if value == "life":
        return 10**9
    return value if isinstance(value, int) else -1


def _common(values: list[Any]) -> Any:
    return values[0] if values and all(v == values[0] for v in values) and values[0] is not None else None


def count_law(result: CountRanges) -> CountLaw:
    """One count of the comparison: its range then and now, and what it rests on."""
    out = CountLaw(result.label, result.judgment, result.count.statute, result.count.penalty, result.kind,
                   result.consecutive, _side(result, "then"), _side(result, "now"), _changed(result),
                   keys=("count", "judgment", "statute", "penalty", "kind", "consecutive", "then", "now", "changed"))
    if result.safety_valve is not None and _has_minimum(result):
        out.put("safety_valve", SafetyValves(dict(result.safety_valve), result.safety_valve_unverified or None))
    for key in ("notes", "assumptions", "unverified"):
        if getattr(result, key):
            out.put(key, getattr(result, key))
    if result.presumptions:
        out.put("presumptions", list(result.presumptions))
    if result.settled:
        out.put("settled", result.settled)
    if result.truncated:
        out.put("notes", [*(out.notes or []), said("crange.truncated")])
    return out


def _has_minimum(result: CountRanges) -> bool:
    return any(r is not None and term_key(r.minimum) > term_key(Term())
               for s in result.scenarios for r in (s.then, s.now))


def _changed(result: CountRanges) -> bool | None:
    """Whether today's law gives a different range in every case (True), in none (False), or it depends (None).
    Only the numbers count: the same minimum, maximum and supervised release under another citation is no change."""
    answers = {None if s.then is None or s.now is None else not s.then.same_penalty(s.now)
               for s in result.scenarios}
    return answers.pop() if len(answers) == 1 else None


# --- aggregate -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Combination:
    """One consistent choice of scenario for every count, and the total minimum it gives."""

    picks: tuple[Scenario, ...]
    total: Term | None


def _options(results: list[CountRanges], which: str) -> list[list[tuple[Term | None, dict[str, str], Scenario]]]:
    """Per count, its distinct (minimum, facts shared with other counts) choices."""
    seen_keys: dict[str, set[int]] = {}
    for n, r in enumerate(results):
        for s in r.scenarios:
            for b in s.branches:
                seen_keys.setdefault(b.key, set()).add(n)
    shared = {k for k, owners in seen_keys.items() if len(owners) > 1}
    out = []
    for r in results:
        unique: dict[tuple[Any, ...], tuple[Term | None, dict[str, str], Scenario]] = {}
        for s in r.scenarios:
            chosen = _range_of(s, which)
            minimum = chosen.minimum if chosen else None
            facts = {b.key: b.value for b in s.branches if b.key in shared}
            unique.setdefault((None if minimum is None else term_key(minimum), tuple(sorted(facts.items()))),
                              (minimum, facts, s))
        out.append(list(unique.values()))
    return out


_NO_TERM = Term()  # (a term is never changed once made: one is shared)


def _total(case: Case, results: list[CountRanges], minimums: list[Term | None]) -> Term | None:
    """Longest non-924(c) minimum plus every 924(c) minimum, per judgment; judgments add up (3584)."""
    by_judgment: dict[int, list[tuple[CountRanges, Term | None]]] = {}
    for r, m in zip(results, minimums, strict=True):
        by_judgment.setdefault(r.judgment, []).append((r, m))
    total = _NO_TERM
    for j, judgment in enumerate(case.judgments):
        inner = by_judgment.get(j)
        if not inner:
            continue
        if any(m is None for _, m in inner):
            return None
        plain = [m for r, m in inner if not r.consecutive and m is not None]
        part = (plain[0] if len(plain) == 1 else max(plain, key=term_key)) if plain else _NO_TERM
        for r, m in inner:
            if r.kind == "924c" and m is not None:
                part = part + m
        # 1028A terms run after every other kind of term; with each other they may run concurrently (1028A(b)(4))
        grouped = [m for r, m in inner if r.consecutive_rule == "to_every_other_kind_of_term" and m is not None]
        if grouped:
            part = part + max(grouped, key=term_key)
        if j > 0 and judgment.relation == "concurrent":
            return None
        total = total + part
    return total


def combinations(case: Case, results: list[CountRanges], which: str) -> list[Combination] | None:
    """Every consistent combination of the counts' scenarios (None if there are too many to list)."""
    if all(len(r.scenarios) == 1 for r in results):  # (most people: one alternative a count, so one combination)
        picks = tuple(r.scenarios[0] for r in results)
        return [Combination(picks, _total(case, results, [r.minimum if (r := _range_of(s, which)) else None
                                                          for s in picks]))] if _agree(picks) else []
    return _every_combination(case, results, which)


def _every_combination(case: Case, results: list[CountRanges], which: str) -> list[Combination] | None:
    options = _options(results, which)
    size = 1
    for o in options:
        size *= len(o)
    if size > MAX_COMBINATIONS:
        return None
    out = []
    for combo in itertools.product(*options):
        facts: dict[str, str] = {}
        consistent = True
        for _, f, _ in combo:
            for k, v in f.items():
                if facts.setdefault(k, v) != v:
                    consistent = False
        if consistent:
            out.append(Combination(tuple(s for _, _, s in combo), _total(case, results, [m for m, _, _ in combo])))
    return out


def _agree(picks: tuple[Scenario, ...]) -> bool:
    """Whether one alternative of each count assume the same of every fact they share (a count's alternative names
    each fact once)."""
    facts: dict[str, str] = {}
    return all(facts.setdefault(b.key, b.value) == b.value for s in picks for b in s.branches)


def lower_today(case: Case, results: list[CountRanges]) -> LowerToday:
    """Does today's law give a lower aggregate minimum in every alternative (the same facts on both sides)?
    The answer (True: in every one, False: in none, None: it depends), the then and now ranges, the facts that
    decide it."""
    shared = {b.key for r in results for s in r.scenarios for b in s.branches}
    pairs = _pairs(case, results, shared)
    if pairs is None:
        return LowerToday()
    answers = {None if then is None or now is None else term_key(now) < term_key(then) for then, now, _ in pairs}
    answer = answers.pop() if len(answers) == 1 else None
    out = LowerToday(answer, span_of([_json_term(t) for t, _, _ in pairs]),
                     span_of([_json_term(n) for _, n, _ in pairs]),
                     keys=("answer", "then_months_range", "now_months_range"))
    if answer is None:
        outcomes = [None if t is None or n is None else term_key(n) < term_key(t) for t, n, _ in pairs]
        deciding = {key for key in shared if len({frozenset(f.get(key) for (_, _, f), o in zip(pairs, outcomes,
                                                                                          strict=True) if o == k)
                                                  for k in set(outcomes)}) > 1}
        out.put("missing", sorted({f for r in results for s in r.scenarios for b in s.branches if b.key in deciding
                                   for f in b.fields}))
    return out


def _pairs(case: Case, results: list[CountRanges],
           shared: set[str]) -> list[tuple[Term | None, Term | None, dict[str, str]]] | None:
    """The aggregate minimum then and now of each consistent combination, with the facts it assumes (None: too many
    combinations to list, or no count)."""
    if not results:
        return None
    if all(len(r.scenarios) == 1 for r in results):  # (most people: one alternative a count, so one combination)
        picks = tuple(r.scenarios[0] for r in results)
        if not _agree(picks):
            return []
        return [(_total(case, results, [s.then.minimum if s.then else None for s in picks]),
                 _total(case, results, [s.now.minimum if s.now else None for s in picks]),
                 {b.key: b.value for s in picks for b in s.branches})]
    return _every_pair(case, results, shared)


def _every_pair(case: Case, results: list[CountRanges],
                shared: set[str]) -> list[tuple[Term | None, Term | None, dict[str, str]]] | None:
    options = []
    size = 1
    for r in results:
        unique: dict[tuple[Any, ...], tuple[Term | None, Term | None, dict[str, str]]] = {}
        for s in r.scenarios:
            then = s.then.minimum if s.then else None
            now = s.now.minimum if s.now else None
            facts = {b.key: b.value for b in s.branches if b.key in shared}
            unique.setdefault((None if then is None else term_key(then), None if now is None else term_key(now),
                               tuple(sorted(facts.items()))), (then, now, facts))
        options.append(list(unique.values()))
        size *= len(unique)
    if size > MAX_COMBINATIONS:
        return None
    pairs: list[tuple[Term | None, Term | None, dict[str, str]]] = []
    for combo in itertools.product(*options):
        chosen: dict[str, str] = {}
        if any(chosen.setdefault(k, v) != v for _, _, f in combo for k, v in f.items()):
            continue
        pairs.append((_total(case, results, [t for t, _, _ in combo]),
                      _total(case, results, [n for _, n, _ in combo]), chosen))
    return pairs


def _bounds(case: Case, results: list[CountRanges], which: str) -> tuple[Term | None, Term | None]:
    lows: list[Term | None] = []
    highs: list[Term | None] = []
    for r in results:
        mins = [rng.minimum if rng else None for rng in (_range_of(s, which) for s in r.scenarios)]
        known = [m for m in mins if m is not None]
        lows.append(min(known, key=term_key) if known and len(known) == len(mins) else None)
        highs.append(max(known, key=term_key) if known and len(known) == len(mins) else None)
    return _total(case, results, lows), _total(case, results, highs)


def _json_term(term: Term | None) -> Any:
    return None if term is None else months_or_life(term)


def _group_totals(combos: list[Combination]) -> dict[str, list[Combination]]:
    groups: dict[str, list[Combination]] = {}
    for combo in combos:
        groups.setdefault("none" if combo.total is None else repr(term_key(combo.total)), []).append(combo)
    return groups


def _branches(combo: Combination) -> tuple[Branch, ...]:
    return tuple(b for s in combo.picks for b in s.branches)


def _combo_conditions(group: list[Combination], everything: list[Combination]) -> tuple[Conditions, list[str]]:
    """Plain words for what a group of combinations assumes, and the fields that would settle it."""
    def outcome(c: Combination) -> str:
        return "none" if c.total is None else repr(term_key(c.total))

    relevant = _relevant_keys([(outcome(c), _branches(c)) for c in everything])
    text, _, fields = _conditions([_branches(c) for c in group], relevant)
    return text, fields


# --- release if sentenced now --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Released:
    """The release date of the case with today's terms: a date (and the span around it), or, when the facts leave it
    open, the earliest and latest (`span`, no `day`), or neither and why (`reason`); the fields that would settle it."""

    day: date | None = None
    is_past: bool | None = None
    span: Span | None = None
    reason: Said | None = None
    missing: list[str] = field(default_factory=list)

    @property
    def earliest(self) -> date | None:
        """The release date, else the earliest it can be."""
        low = self.span.low if self.span is not None and self.day is None else None
        return self.day or (low if isinstance(low, date) else None)

    @property
    def latest(self) -> date | None:
        """The release date, else the latest it can be."""
        high = self.span.high if self.span is not None and self.day is None else None
        return self.day or (high if isinstance(high, date) else None)


def release_if(case: Case, as_of: date, results: list[CountRanges], terms: list[Term | None],
               keep_unchanged: bool = False, computation: Computation | None = None) -> Released:
    """The BOP computation of a copy of the case in which each count carries `terms` (None: as imposed), reusing
    the scenarios of the case's own `computation` when given."""
    # Only the counts change: copy them (and the lists that hold them), share everything else.
    modified = case.model_copy(update={"judgments": [
        j.model_copy(update={"counts": [c.model_copy() for c in j.counts]}) for j in case.judgments]})
    total_known = True
    for r, term in zip(results, terms, strict=True):
        count = modified.judgments[r.judgment].counts[r.index]
        if term is None:
            if keep_unchanged and count_term(count) is not None:
                continue
            total_known = False
            continue
        count.life = True if term.life else None
        count.months = None if term.life else term.months
        count.days = None if term.life else term.days
        if not r.consecutive and not keep_unchanged:
            count.consecutive_to = None
            count.concurrent_with = None
    if not total_known:
        return Released(reason=said("law.release.term_unknown"))
    # decided only (a screening row): the release date on the facts as stated, never the span around it
    computation = compute(modified, as_of, explain=False) if computation is None else \
        with_terms(computation, modified, point_only=not explaining())
    if computation.total_term is not None and computation.total_term.life:
        return Released(is_past=False, reason=said("law.release.life"))
    point = computation.projected_release_date
    span = computation.ranges.get("projected_release_date")
    bounded = span is not None and isinstance(span.low, date) and isinstance(span.high, date)
    if point is not None:
        return Released(point, point <= as_of, Span(span.low, span.high) if span is not None and bounded else None)
    if span is not None and isinstance(span.low, date) and isinstance(span.high, date):
        early, late = span.low, span.high
        past = True if late <= as_of else False if early > as_of else None
        return Released(None, past, Span(early, late), missing=computation.missing)
    return Released(reason=said("law.release.needs_facts"), missing=computation.missing)


def _bottom_of_range(guidelines: GuidelineSides | None) -> Term | None:
    now = guidelines.now if guidelines is not None else None
    if now is None or now.range is None:
        return None
    low = now.range.low
    if low == "life":
        return Term(life=True)
    return Term(int(low)) if isinstance(low, int) else None


# --- the block -----------------------------------------------------------------------------------------------------

def current_law(case: Case, as_of: date, computation: Computation, at_bottom_of_range: bool = False,
                guidelines: GuidelineSides | None = None) -> CurrentLaw:
    """The `current_law` block of `reprieve assess` (cli.md)."""
    results = [evaluate_count(case, j, c, as_of)
               for j, judgment in enumerate(case.judgments) for c in range(len(judgment.counts))]
    counts = [count_law(r) for r in results]
    aggregate = _aggregate(case, as_of, results, at_bottom_of_range, guidelines, computation)
    missing = set(aggregate.missing or [])
    for c in counts:
        for side in (c.then, c.now):
            missing.update(side.missing or [])
    explain = explaining()  # (else decided only: what explains the comparison is left out)
    return CurrentLaw(
        as_of=as_of,
        counts=counts,
        aggregate=aggregate,
        priors=_priors(case, as_of, results) if explain else [],
        summary=Summary(aggregate, case.person.sex),
        assumptions=in_english_order(list({identity(a): a for r in results for a in r.assumptions}.values()))
        if explain else [],
        presumptions=presumptions(case, results) if explain else [],
        unverified=sorted({u for r in results for u in r.unverified}),
        steps=_steps(results, counts, aggregate) if explain else [],
        missing=sorted(missing),
    )


def presumptions(case: Case, results: list[CountRanges]) -> list[Presumed]:
    """Every presumption the comparison rests on, once per field."""
    out: dict[str, Presumed] = {}
    for r in results:
        for p in r.presumptions:
            out.setdefault(p.field, p)
        if any(a.key == "crange.same_priors" for a in r.assumptions):
            field_ = f"judgments[{r.judgment}].enhancements"
            out.setdefault(f"{field_}#same", Presumed(field_, said("presumed.same_priors"),
                                                      said("presumed.same_priors.why"),
                                                      said("presumed.same_priors.if_instead")))
    return list(out.values())


def _uncovered(r: CountRanges) -> bool:
    """A count whose range reprieve cannot give on either side (its statute, or its date, is not in the data)."""
    return r.not_covered is not None or all(s.then is None and s.now is None for s in r.scenarios)


def _bounded_by_others(case: Case, results: list[CountRanges], uncovered: list[CountRanges],
                       out: Aggregate) -> Aggregate:
    """Counts reprieve does not cover are named, and the aggregate minimum is bounded by the others: at least what
    they give; at most that with each uncovered count's minimum at its stated minimum, else at the term imposed on
    it (a minimum is never above the term without a basis to go below it)."""
    out.put("not_covered", [said("crange.count_not_covered", label=r.label, reason=briefly(r.not_covered or
                                                                                         r.scenarios[0].then_detail))
                            for r in uncovered])

    def bound(r: CountRanges, high: bool) -> Term | None:
        stated = r.count.statutory_minimum_months
        if stated is not None:
            return Term(life=True) if stated == "life" else Term(int(stated))
        return count_term(r.count) if high else Term()

    def at(r: CountRanges, m: Term) -> CountRanges:
        fixed = Range(m, m, "bound")
        return replace(r, scenarios=[Scenario((), fixed, fixed, "", "")], kind="other", not_covered=None)

    missing: list[str] = []
    for which in ("then", "now"):
        ends: list[Any] = []
        for high in (False, True):
            bounds = {id(r): bound(r, high) for r in uncovered}
            if any(b is None for b in bounds.values()):
                ends.append(None)
                continue
            swapped = [at(r, m) if (m := bounds.get(id(r))) is not None else r for r in results]
            combos = combinations(case, swapped, which) or []
            totals = [c.total for c in combos if c.total is not None]
            ends.append(_json_term((min if not high else max)(totals, key=term_key)) if totals else None)
        if ends[0] is not None and ends[0] == ends[1]:
            out.put(f"{which}_min_months", ends[0])  # the uncovered counts cannot move it
        else:
            out.put(f"{which}_min_months_range", ends)
    for r in uncovered:
        if r.count.statutory_minimum_months is None and count_term(r.count) is None:
            missing.append(f"{r.where}.statutory_minimum_months")
    out.put("missing", missing)
    out.put("release_note", said("law.release.not_covered"))
    out.put("lower_today", LowerToday(None, missing=missing, keys=("answer", "missing")))
    return out


def _aggregate(case: Case, as_of: date, results: list[CountRanges], at_bottom_of_range: bool,
               guidelines: GuidelineSides | None, computation: Computation) -> Aggregate:
    out = Aggregate(keys=("then_min_months", "now_min_months", "release_date_if_sentenced_now",
                          "release_date_if_sentenced_now_is_past", "basis"))
    if not results:
        out.put("reason", said("agg.no_counts"))
        return out
    if len(case.judgments) > 1 and any(j.relation == "concurrent" for j in case.judgments[1:]):
        out.put("note", said("agg.concurrent"))
    uncovered = [r for r in results if _uncovered(r)]
    if uncovered and len(uncovered) < len(results):
        return _bounded_by_others(case, results, uncovered, out)
    missing: list[str] = []
    alternative_combos: list[Combination] = []  # the combination behind each of now_min_alternatives, in order
    now_combos: list[Combination] | None = None
    for which in ("then", "now"):
        combos = combinations(case, results, which)
        if which == "now":
            now_combos = combos
        if combos is None:
            low, high = _bounds(case, results, which)
            out.put(f"{which}_min_range_months", Span(_json_term(low), _json_term(high), dates=False))
            out.put("notes", [*(out.notes or []), said(f"agg.too_many.{which}")])
            for r in results:
                missing.extend(f for f in _side(r, which).missing or [] if f not in missing)
            continue
        groups = _group_totals(combos)
        if len(groups) == 1:
            total = combos[0].total
            out.put(f"{which}_min_months", _json_term(total))
            continue
        pairs: list[tuple[Alternative, Combination]] = []
        for group in groups.values():
            text, fields = _combo_conditions(group, combos)
            pairs.append((Alternative(which, _json_term(group[0].total), text, fields,
                                      keys=(f"{which}_min_months", "if", "missing")), group[0]))
            missing.extend(f for f in fields if f not in missing)
        pairs.sort(key=lambda pair: _sort_months(pair[0].min_months), reverse=True)
        out.put(f"{which}_min_alternatives", [alternative for alternative, _ in pairs])
        if which == "now":
            alternative_combos = [combo for _, combo in pairs]
    out.put("missing", missing)
    valves = [r.label for r in results if r.safety_valve and r.safety_valve["now"].status == "eligible"
              and r.safety_valve["then"].status != "eligible" and _has_minimum(r)]
    if valves:
        out.put("safety_valve_today", valves)
    _release_dates(case, as_of, results, out, at_bottom_of_range, guidelines, computation, now_combos,
                   alternative_combos)
    _ranges(out)
    out.put("lower_today", lower_today(case, results))
    return out


def _ranges(out: Aggregate) -> None:
    """`<key>_range` [low, high] beside each value left null by alternatives (cli.md)."""
    for which in ("then", "now"):
        if getattr(out, f"{which}_min_months") is not None:
            continue
        alternatives = out.alternatives(which)
        bounded: Span | None = getattr(out, f"{which}_min_range_months")
        span = span_of([a.min_months for a in alternatives]) if alternatives else \
            span_of([bounded.low, bounded.high]) if bounded else None
        if span is not None:
            out.put(f"{which}_min_months_range", span)
    if out.release_date_if_sentenced_now is None:
        days: list[Any] = []
        for a in out.alternatives("now"):
            ends = a.release_date_range
            days += [a.release_date] if a.release_date else [ends.low, ends.high] if ends else [None]
        if not days and out.release_date_range:
            days = [out.release_date_range.low, out.release_date_range.high]
        if days and all(days):
            out.put("release_date_if_sentenced_now_range", Span(min(days), max(days)))


@dataclass(frozen=True)
class _Release:
    """What the release if sentenced now is computed from: the case's own computation, the counts, the terms."""

    case: Case
    as_of: date
    results: list[CountRanges]
    bottom: Term | None  # the bottom of today's guideline range, with --at-bottom-of-range
    computation: Computation

    def terms_for(self, picks: tuple[Scenario, ...]) -> list[Term | None]:
        terms = []
        for r, s in zip(self.results, picks, strict=True):
            minimum = s.now.minimum if s.now else None
            if self.bottom is not None and minimum is not None and not r.consecutive:
                minimum = max(minimum, self.bottom, key=term_key)
            terms.append(minimum)
        return terms

    def release(self, terms: list[Term | None], keep_unchanged: bool = False) -> Released:
        return release_if(self.case, self.as_of, self.results, terms, keep_unchanged, self.computation)


def _release_dates(case: Case, as_of: date, results: list[CountRanges], out: Aggregate,
                   at_bottom_of_range: bool, guidelines: GuidelineSides | None, computation: Computation,
                   combos: list[Combination] | None, alternative_combos: list[Combination]) -> None:
    """release_date_if_sentenced_now: the same BOP computation, with today's minimum on every count (`combos`: the
    counts' combinations on today's side, `combinations(case, results, "now")`)."""
    bottom = _bottom_of_range(guidelines) if at_bottom_of_range else None
    if at_bottom_of_range:
        out.put("at_bottom_of_range", AtBottom(bottom is not None, said(
            "law.bottom.used" if bottom is not None else "law.bottom.unavailable")))
        if bottom is not None:
            out.put("basis", "bottom_of_range")
    r = _Release(case, as_of, results, bottom, computation)
    alternatives = out.alternatives("now")
    if (alternatives or combos is None) and not explaining():
        return  # decided only (a screening row): no one release date, so nothing a row reads
    if alternatives:
        _release_of_alternatives(r, alternatives, alternative_combos, out)
    elif combos is None:
        _release_bounds(r, out)
    elif combos:
        _release_of(r, combos[0], out)


def _release_of_alternatives(r: _Release, alternatives: list[Alternative], combos: list[Combination],
                             out: Aggregate) -> None:
    """Release moves with the term, so the longest and the shortest alternative bound every other one."""
    chosen = range(len(alternatives)) if len(alternatives) <= MAX_RELEASE_COMPUTATIONS else \
        (0, len(alternatives) - 1)
    for k in chosen:
        alternative = alternatives[k]
        combo = combos[k]
        if combo.total is None or combo.total == Term():
            continue
        release = r.release(r.terms_for(combo.picks))
        alternative.put("release_date", release.day)
        if release.span is not None:  # the earliest and latest, or the span around the date
            alternative.put("release_date_range", release.span)
        alternative.put("release_date_is_past", release.is_past)
    longest, shortest = alternatives[0].release_date_is_past, alternatives[-1].release_date_is_past
    if longest is True and alternatives[-1].has("release_date_is_past"):
        out.put("release_date_if_sentenced_now_is_past", True)
    elif shortest is False and alternatives[0].has("release_date_is_past"):
        out.put("release_date_if_sentenced_now_is_past", False)


def _release_bounds(r: _Release, out: Aggregate) -> None:
    """Too many combinations to list: the release with the lowest and with the highest minimum on each count."""
    low, high = _extreme_picks(r.results)
    early = r.release(r.terms_for(low))
    late = r.release(r.terms_for(high))
    first, last = early.earliest, late.latest
    if first and last:
        out.put("release_date_range", Span(first, last))
        out.put("release_date_if_sentenced_now_is_past",
                True if late.is_past else False if early.is_past is False else None)


def _release_of(r: _Release, combo: Combination, out: Aggregate) -> None:
    """One combination: the release with today's minimum on every count, and with it on the changed counts only."""
    if combo.total is None:
        return
    if combo.total == Term() and r.bottom is None:
        out.put("release_note", said("law.release.no_minimum"))
        return
    release = r.release(r.terms_for(combo.picks))
    out.put("release_date_if_sentenced_now", release.day)
    out.put("release_date_if_sentenced_now_is_past", release.is_past)
    if release.span is not None:  # the earliest and latest, or the span around the date
        out.put("release_date_range", release.span)
    if release.reason:
        out.put("release_note", release.reason)
    missing = out.missing if out.missing is not None else []
    missing.extend(f for f in release.missing if f not in missing)
    out.put("missing", missing)
    if explaining():  # (a reader's figure: a screening row reads the release date alone)
        _release_of_changed_counts(r, combo, out)


def _release_of_changed_counts(r: _Release, combo: Combination, out: Aggregate) -> None:
    """Counts whose range did not change keep the term imposed; only the changed counts drop to today's minimum."""
    changed_terms: list[Term | None] = []
    any_unchanged = False
    for s, term in zip(combo.picks, r.terms_for(combo.picks), strict=True):
        if s.then is not None and s.then.same_penalty(s.now):
            changed_terms.append(None)
            any_unchanged = True
        else:
            changed_terms.append(term)
    if any_unchanged and any(t is not None for t in changed_terms):
        variant = r.release(changed_terms, keep_unchanged=True)
        open_ = variant.day is None and variant.span is not None  # no date: the earliest and latest
        if variant.day != out.release_date_if_sentenced_now or open_:
            out.put("release_date_if_changed_counts_at_minimum", variant.day)
            if open_:
                out.put("release_date_if_changed_counts_at_minimum_range", variant.span)
            out.put("release_date_if_changed_counts_at_minimum_is_past", variant.is_past)


def _extreme_picks(results: list[CountRanges]) -> tuple[tuple[Scenario, ...], tuple[Scenario, ...]]:
    """For each count the scenario with the lowest and the highest minimum today (bounds, facts not matched)."""
    def key(s: Scenario) -> tuple[int, int, int]:
        return term_key(s.now.minimum) if s.now else (2, 0, 0)

    low = tuple(min(r.scenarios, key=key) for r in results)
    high = tuple(max(r.scenarios, key=key) for r in results)
    return low, high


def _priors(case: Case, as_of: date, results: list[CountRanges]) -> list[PriorToday]:
    """How each prior conviction is classified today (for 851): felony drug offense, serious drug felony, serious
    violent felony; measured from the first drug count's offense for the 15-year look-back."""
    trace = Trace()
    drug_counts = [r for r in results if r.kind == "drug"]
    anchor = drug_counts[0] if drug_counts else None
    commencement = anchor.count.offense_began if anchor else None
    commencement_field = f"{anchor.where}.offense_began" if anchor else "judgments[0].counts[0].offense_began"
    out = []
    for i, prior in enumerate(case.priors):
        where = f"priors[{i}]"
        out.append(PriorToday(
            i, prior.description, felony_drug_offense(prior, where, as_of, trace),
            serious_drug_felony(prior, where, commencement, commencement_field, as_of, trace),
            serious_violent_felony(prior, where, as_of, trace)))
    return out


def _steps(results: list[CountRanges], counts: list[CountLaw], aggregate: Aggregate) -> list[Step]:
    """The arithmetic of the comparison: each count's sides (as `count_law` made them: `counts`, in the order of
    `results`) and the aggregate."""
    steps: list[Step] = []
    for r, count in zip(results, counts, strict=True):
        note = verbatim("; ".join(r.unverified)) if r.unverified else None
        for which in ("then", "now"):
            side = count.side(which)
            detail: Said | Joined
            if side.alternatives:
                detail = Joined(tuple(said("step.penalty.if", range=_range_said(a), when=a.condition)
                                      if a.condition else _range_said(a) for a in side.alternatives), "; ")
            elif side.min_months is not None or side.max_months is not None:
                detail = said("step.penalty.basis", range=_range_said(side), basis=side.basis) \
                    if side.basis else _range_said(side)
            else:
                reason = side.not_covered or side.reason
                detail = (verbatim(reason) if isinstance(reason, str) else reason) if reason else said("term.unknown")
            citation = side.citation or ""
            steps.append(Step(f"PENALTY_{which.upper()}", statute_key(citation), citation,
                              said(f"step.penalty.{which}", count=r.label, detail=detail), note))
    steps.append(Step("PENALTY_AGGREGATE", "usc_18_3584", CITE_AGGREGATE, said(
        "step.penalty.aggregate", then=months_said(aggregate.then_min_months),
        now=months_said(aggregate.now_min_months))))
    return steps


def _range_said(side: RangeSide) -> Said:
    low, high = months_said(side.min_months), months_said(side.max_months)
    if side.citation:
        return said("step.penalty.range_cited", low=low, high=high, citation=side.citation)
    return said("step.penalty.range", low=low, high=high)


# --- First Step Act section 404 ------------------------------------------------------------------------------------

def fsa404_findings(case: Case, as_of: date, computation: Computation | None = None) -> list[Finding]:
    """First Step Act § 404 for each drug count that could be a covered (cocaine-base) offense."""
    findings: list[Finding] = []
    trace = Trace()
    screened = 0
    for j, judgment in enumerate(case.judgments):
        for c, count in enumerate(judgment.counts):
            where_judgment, where_count = f"judgments[{j}]", f"judgments[{j}].counts[{c}]"
            read = drugs.read_count(count, LawDates(as_of, as_of), trace)
            if read is None or read.family is None:
                continue
            kinds = {d for d, _ in drugs.substances(count)}
            if None not in kinds and drugs.CRACK not in kinds:
                continue
            screened += 1
            sd = sentencing_date(judgment, count, where_judgment, where_count)
            level = read.stated or _level_at_sentencing(count, read.family, sd.value, trace)
            label = count.count or f"#{c + 1}"
            motion = count.fsa404_motion
            if motion is None and rulings.of_kind(case, "motion_granted", judgment=j, count=label, avenue=AVENUE_404):
                motion = "granted"  # 404(c): a sentence previously reduced under sections 2 and 3
            facts = fsa404.Facts(
                provision=drugs.provision(read.family, level) if level else None,
                provision_field=f"{where_count}.penalty", drug=drugs.CRACK if drugs.CRACK in kinds else count.drug,
                drug_field=f"{where_count}.drug",
                crack_clause=read.stated_clause in ("(iii)",) or (read.family == "960" and read.stated_clause == "(C)"),
                offense=offense_day(count), offense_field=f"{where_count}.offense_ended", sentenced=sd.value,
                sentenced_field=sd.field, motion=motion, motion_field=f"{where_count}.fsa404_motion")
            elements = fsa404.elements(facts, as_of, trace)
            if elements is None:
                continue
            covered = rulings.of_kind(case, "covered_offense_404", judgment=j, count=label)
            if covered:  # a court already held it a covered offense: the elements of 404(a) are settled
                when = covered[0].on
                settled = said("fsa404.settled_on", day=when) if when else said("fsa404.settled")
                elements = [replace(e, met=True, detail=settled, missing=[])
                            if e.met is not True and e.subsection == "a" else e for e in elements]
            denied = rulings.of_kind(case, "motion_denied", judgment=j, count=label, avenue=AVENUE_404)
            found = _finding_404(case, as_of, j, c, elements, computation)
            for ruling in denied:
                found.reasons.append(said("fsa404.denied_on", day=ruling.on) if ruling.on else said("fsa404.denied"))
            findings.append(found)
    if not findings:
        reason = said("fsa404.no_count" if not screened else "fsa404.not_yet")
        findings.append(Finding(AVENUE_404, "§404(a) covered offense", "not_eligible",
                                said("fsa404.summary.none"), [reason], [fsa404.CITE_404]))
    return findings


def _level_at_sentencing(count: Any, family: drugs.Family, sentenced: Any, trace: Trace) -> drugs.Level | None:
    """The paragraph the drug and quantity set under the thresholds in force at sentencing (the quantity of
    conviction), when the judgment does not name it and the sentencing date leaves no doubt."""
    offense = offense_day(count)
    if count.drug is None or count.quantity is None or sentenced is None or offense is None:
        return None
    levels = {drugs.classify(count.drug, count.quantity, family, LawDates(o, s), trace)
              for s in (sentenced.earliest, sentenced.latest) for o in (offense.earliest, offense.latest)}
    return levels.pop() if len(levels) == 1 else None


def _finding_404(case: Case, as_of: date, j: int, c: int, elements: list[fsa404.Element],
                 computation: Computation | None) -> Finding:
    count = case.judgments[j].counts[c]
    label = count.count or f"#{c + 1}"
    reasons: list[ReasonLike] = [Reason(e.met, e.name, e.detail, rule=e.rule, authority=fsa404.AUTHORITY_404)
                                 for e in elements]
    release = computation.projected_release_date if computation is not None else None
    served = release is not None and release <= as_of
    if served:
        reasons.append(said("fsa404.served", day=release))
    status: Status
    if any(e.met is False for e in elements):
        status = "not_eligible"
    elif any(e.met is None for e in elements):
        status = "needs_facts"
    else:
        status = "needs_review" if served else "eligible"
    questions = [ask(f, said("fsa404.decides"))
                 for e in elements if e.met is None for f in e.missing] if status != "not_eligible" else []
    summary = said(f"fsa404.summary.{status}", label=label)
    extra = Extra()
    if status != "not_eligible":
        fsa_date = law().parameter("which_penalty_law.fair_sentencing_act_sentences_from").values[0].value
        changed = law().value("fair_sentencing_404.fair_sentencing_act_parameters", as_of)
        result = evaluate_count(case, j, c, as_of, hypothetical=lambda d: LawDates(
            d.offense, d.sentencing, {name: fsa_date for name in changed}))
        extra.ranges_404 = Ranges404(result)
        reasons.append(said("fsa404.as_if"))
    return Finding(AVENUE_404, f"count {label}: §404 covered offense", status, summary, reasons,
                   [fsa404.CITE_404, "Fair Sentencing Act of 2010, Pub. L. 111-220, §§ 2-3", fsa404.CITE_TERRY],
                   questions, facts_used={"count": label}, extra=extra)
