"""What the relief rules see: the case, the date, the circuit, the computation, and how to test a rule's elements.

A rule is a list of elements. Each element is met (True), not met (False), unknown (None: a question asks for the
fact) or met but left to the court's judgment (`review`). `decide` turns them into a status:
- any element certainly not met -> not_eligible (with `eligible_from` when it will be met on a known date);
- else any element unknown -> needs_facts;
- else any element for the court's judgment -> needs_review;
- else eligible: every element is established by an explicit fact.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from reprieve.assess.computation import Computation
from reprieve.assess.current_law_result import CurrentLaw
from reprieve.assess.findings import Finding, Question, Reason, ReasonLike, Status
from reprieve.assess.questions import ask
from reprieve.case.model import Case
from reprieve.dates import ONE_DAY, PartialDate, add_months
from reprieve.law.params import law, using
from reprieve.law.sentence_aggregation import Term
from reprieve.results import Said, Text, explaining, said
from reprieve.words import DEFAULT, catalog


@dataclass
class Element:
    """One element of a rule: its name and how the facts meet it, in words formatted when rendered. `rule` is its id
    (by default the message key of its name) and `authority` the key of its authority in law/authorities.yaml (by
    default the finding's)."""

    name: Text
    met: bool | None
    detail: Text
    question: Question | None = None
    from_date: date | None = None  # when a not-yet-met element will be met
    review: bool = False
    facts: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    authority: str | None = None

    def reason(self, authority: str | None) -> Reason:
        rule = self.rule or (self.name.key if isinstance(self.name, Said) else "")
        return Reason(self.met, self.name, self.detail, self.review, rule, self.authority or authority)


def decide(elements: list[Element]) -> tuple[Status, date | None]:
    failed = unknown = review = False
    dated = True  # every element not met will be met on a known day
    latest: date | None = None  # the latest of those days
    for e in elements:  # one pass (a person's findings weigh about a hundred elements)
        met = e.met
        if met is False:
            failed = True
            day = e.from_date
            if day is None:
                dated = False
            elif latest is None or day > latest:
                latest = day
        elif met is None:
            unknown = True
        elif e.review:
            review = True
    if failed:
        return "not_eligible", latest if dated else None
    if unknown:
        return "needs_facts", None
    if review:
        return "needs_review", None
    return "eligible", None


_SUFFIX = {"eligible": "ok", "not_eligible": "no", "needs_facts": "facts", "needs_review": "review"}


def finding(avenue: str, ground: str, elements: list[Element], citations: list[str], *, summary_ok: Text = "",
            summary_no: Text = "", summary_facts: Text = "", summary_review: Text = "", summaries: str = "",
            summary_args: dict[str, Any] | None = None, extra_reasons: Sequence[ReasonLike] | None = None,
            authority: str | None = None) -> Finding:
    """The finding the elements decide; `authority` is the registry key of the rule the elements apply. Its
    summary is the one given for its status, or the message `summaries`.ok/.no/.facts/.review (.ok where there is
    no .review) with `summary_args`, made only for the status found."""
    status, eligible_from = decide(elements)
    explain = explaining()  # (else decided only: no summary, no reasons)
    summary: Text = ""
    if explain and summaries:
        key = f"{summaries}.{_SUFFIX[status]}"
        summary = Said(key if key in catalog(DEFAULT) else f"{summaries}.ok", summary_args or {})
    elif explain:
        summary = {"eligible": summary_ok, "not_eligible": summary_no, "needs_facts": summary_facts,
                   "needs_review": summary_review or summary_ok}[status]
    if explain and status == "not_eligible" and eligible_from:
        summary = said("relief.not_before", summary=summary, day=eligible_from)
    relevant = status != "not_eligible" or eligible_from is not None  # (else nothing is asked)
    reasons: list[ReasonLike] = []
    facts: dict[str, Any] = {}
    missing: list[Question] = []
    for e in elements:
        if explain:
            reasons.append(e.reason(authority))
        if e.facts:
            facts.update(e.facts)
        if relevant and e.met is None and e.question:
            missing.append(e.question)
    if extra_reasons and explain:
        reasons.extend(extra_reasons)
    return Finding(avenue=avenue, ground=ground, status=status, summary=summary, reasons=reasons,
                   citations=citations, missing=missing, eligible_from=eligible_from, facts_used=facts)


_REMEMBERED: dict[tuple[Any, ...], tuple[Finding, frozenset[str]]] = {}
_REMEMBERED_LIMIT = 50_000  # findings kept (a population states a few hundred different sets of facts per ground)


def remembered(key: tuple[Any, ...], work: Callable[[], Finding]) -> Finding:
    """The finding `work()` makes, worked out once per `key` under the law in use and whether it is explained: `key`
    must hold everything `work` reads of the case and the date (a rule that reads a few facts, which most people of
    a population state alike). Each caller gets its own copy, and the law read when it was worked out is recorded
    again into a traced law, so the trace (what a what-if re-assesses by) is the same from the memo."""
    snapshot = law()
    full = (snapshot.law, explaining(), *key)
    try:
        found = _REMEMBERED.get(full)
    except TypeError:  # a fact that cannot be a key (a table the case file gives): worked out for this person only
        return work()
    if found is None:
        traced = snapshot.traced()
        with using(traced):
            made = work()
        if len(_REMEMBERED) >= _REMEMBERED_LIMIT:
            _REMEMBERED.clear()
        found = _REMEMBERED[full] = (made, traced.read)
    snapshot.note(found[1])
    return found[0].copy()


_SCALARS = (str, int, float, date, PartialDate)


def frozen_facts(facts: Any) -> Any:
    """Facts of the case (a list of models, or None when the file says nothing) as part of a memo's key: each one's
    kind and every field it declares, in order, a list as a tuple. (Plain types first: a check against a pydantic
    model's class is twenty times slower, and this runs a dozen times a person.)"""
    if facts is None or isinstance(facts, _SCALARS):
        return facts
    if isinstance(facts, list | tuple):
        return tuple([frozen_facts(f) for f in facts]) if facts else ()
    if isinstance(facts, BaseModel):
        return (type(facts), *[frozen_facts(v) for v in facts.__dict__.values()])
    return facts  # (a value that is not a key makes `remembered` work it out afresh)


@dataclass
class Situation:
    case: Case
    as_of: date
    circuit: str | None
    circuit_citation: str
    computation: Computation
    current_law: CurrentLaw | None = None
    _decided: dict[tuple[Any, ...], Element] = field(default_factory=dict, init=False, repr=False, compare=False)

    def decided_once(self, key: tuple[Any, ...], make: Callable[[], Element]) -> Element:
        """The element `make()` gives, which a row-only assessment (nothing explained: an element's words are never
        read) works out once a person for every rule that asks the same question of the same facts (`key`: the age
        reached, the months or the share of the term served; five rules ask whether 65 is reached). Explained, each
        rule gets its own, in its own words (its threshold's name, its citation). Never changed once made."""
        if explaining():
            return make()
        found = self._decided.get(key)
        if found is None:
            found = self._decided[key] = make()
        return found

    # --- time served -------------------------------------------------------------------------------------------
    @property
    def custody_start(self) -> tuple[date | None, date | None]:
        """Earliest and latest possible first day of credited custody (commencement less jail credit)."""
        early = self.computation.earliest or self.computation.point
        late = self.computation.latest or self.computation.point
        return (early.custody_start if early else None), (late.custody_start if late else None)

    @property
    def first_possible_custody(self) -> date | None:
        """The earliest day custody credited to this sentence can have begun: credit is for custody after the
        offense was committed (18 U.S.C. 3585(b)). None unless every count's offense date is stated."""
        days = [c.offense_began or c.offense_ended for j in self.case.judgments for c in j.counts]
        if not days or any(d is None for d in days):
            return None
        return min(d.earliest for d in days if d is not None)

    @property
    def term(self) -> Term | None:
        return self.computation.total_term

    def served_months_element(self, name: Text, months: int, citation: str) -> Element:
        """Has the person served at least `months` months (counting jail credit) by the as-of date?"""
        return self.decided_once(("served months", months), lambda: self._served_months(name, months, citation))

    def _served_months(self, name: Text, months: int, citation: str) -> Element:
        earliest_start, latest_start = self.custody_start
        length = _years(months)
        if earliest_start is None:
            return self._served_unknown(name, length, lambda start: reached(start, months), months)
        certain_from = reached(latest_start, months) if latest_start else None
        possible_from = reached(earliest_start, months)
        facts = {"served_threshold_months": months}
        if certain_from is not None and self.as_of >= certain_from:
            return Element(name, True, said("relief.served.by", length=length, day=certain_from, citation=citation),
                           facts=facts)
        if self.as_of < possible_from:
            when = certain_from if certain_from == possible_from else None
            return Element(name, False, said("relief.served.will_be" if when else "relief.served.will_be_earliest",
                                             length=length, day=certain_from or possible_from),
                           from_date=when or possible_from, facts=facts)
        return Element(name, None, _reached_between(length, possible_from, certain_from),
                       ask("custody.arrested_on", said("relief.served.decides", length=length)), facts=facts)

    def _served_unknown(self, name: Text, length: Said, reached_from: Callable[[date], date],
                        months: int | None = None) -> Element:
        """Custody's start unknown: not met when the whole term, or the time since the offense, is too short;
        else unknown."""
        term = self.term
        if months is not None and term is not None and not term.life \
                and term.months + math.ceil(term.days / 28) < months:
            return Element(name, False, said("relief.served.term_shorter", term=term.said(), length=length))
        first = self.first_possible_custody
        if first is not None and self.as_of < reached_from(first):
            soonest = reached_from(first)
            return Element(name, False, said("relief.served.after_offense", length=length, day=soonest,
                                             offense=first), from_date=soonest)
        return Element(name, None, said("relief.served.unknown", length=length),
                       ask("custody.commenced_on", said("relief.served.decides", length=length)))

    def served_share_element(self, name: Text, numerator: int, denominator: int, citation: str) -> Element:
        """Has the person served `numerator/denominator` of the term (counting jail credit) by the as-of date?"""
        return self.decided_once(("served share", numerator, denominator),
                                 lambda: self._served_share(name, numerator, denominator, citation))

    def _served_share(self, name: Text, numerator: int, denominator: int, citation: str) -> Element:
        term = self.term
        earliest_start, latest_start = self.custody_start
        share = said("relief.share.percent", percent=numerator) if denominator == 100 else \
            said("relief.share.fraction", numerator=numerator, denominator=denominator)
        if term is None or term.life:
            return Element(name, None if term is None else False,
                           said("relief.term.unknown" if term is None else "relief.term.life_no_share"))
        if earliest_start is None:
            return self._served_unknown(name, share, lambda start: share_reached(start, term, numerator, denominator))
        possible_from = share_reached(earliest_start, term, numerator, denominator)
        certain_from = share_reached(latest_start, term, numerator, denominator) if latest_start else None
        if certain_from is not None and self.as_of >= certain_from:
            return Element(name, True, said("relief.served.by", length=share, day=certain_from, citation=citation))
        if self.as_of < possible_from:
            return Element(name, False, said("relief.served.will_be", length=share,
                                             day=certain_from or possible_from),
                           from_date=certain_from or possible_from)
        return Element(name, None, _reached_between(share, possible_from, certain_from),
                       ask("custody.arrested_on", said("relief.served.decides", length=share)))

    # --- age ---------------------------------------------------------------------------------------------------
    @cached_property  # asked for each age threshold (five a person); the case does not change under a situation
    def born(self) -> tuple[date, date, str] | None:
        """The earliest and latest possible birth date: as stated, or from an age stated at a date (person.age_on:
        aged N on D means born after D less N+1 years and on or before D less N years)."""
        person = self.case.person
        if person.born is not None:
            return person.born.earliest, person.born.latest, str(person.born)
        if person.age_on is not None:
            on = person.age_on.date
            latest = add_months(on.earliest, -12 * person.age_on.age)
            earliest = add_months(on.latest, -12 * (person.age_on.age + 1)) + ONE_DAY
            return earliest, latest, f"{person.age_on.age} on {on}"
        return None

    def age_element(self, name: Text, years: int, citation: str) -> Element:
        """Is the person at least `years` old on the as-of date?"""
        return self.decided_once(("age", years), lambda: self._age(name, years, citation))

    def _age(self, name: Text, years: int, citation: str) -> Element:
        window = self.born
        if window is None:
            return Element(name, None, said("relief.age.unknown", years=years),
                           ask("person.born", said("relief.age.decides_older", years=years)))
        born_earliest, born_latest, stated = window
        certain_from = birthday(born_latest, years)
        possible_from = birthday(born_earliest, years)
        facts = {"person.born": stated}
        if self.as_of >= certain_from:
            return Element(name, True, said("relief.age.since", years=years, day=certain_from, citation=citation),
                           facts=facts)
        between = said("relief.age.turns_between", years=years, low=possible_from, high=certain_from)
        if self.as_of < possible_from:
            return Element(name, False, said("relief.age.turns_on", years=years, day=certain_from)
                           if possible_from == certain_from else between, from_date=certain_from, facts=facts)
        return Element(name, None, between, ask("person.born", said("relief.age.decides_yet", years=years)),
                       facts=facts)

    @property
    def released(self) -> bool | None:
        """Has the person already been released on the projected date? None when the facts leave it open: also when
        the person is stated to have been in prison after the last day the computation allows (good conduct time
        lost, another sentence: the computation's presumptions do not hold)."""
        return released_on_the_facts(self.computation, self.case.custody.in_custody_on, self.as_of)


def released_on_the_facts(computation: Computation, in_custody_on: PartialDate | None, as_of: date) -> bool | None:
    """Released by `as_of` on the projected date (`Computation.released_by`), unless the person is stated to be in
    prison on `as_of` (False) or on a day after the last release the computation allows (None: its presumptions,
    such as good conduct time earned as projected, do not hold)."""
    released = computation.released_by(as_of)
    if in_custody_on is None or released is False:
        return released
    if in_custody_on.earliest >= as_of:
        return False
    last = computation.last_possible_release
    return None if last is not None and in_custody_on.earliest > last else released


def reached(start: date, months: int) -> date:
    """The day on which `months` months of custody beginning on `start` (day one) are complete."""
    return add_months(start, months) - ONE_DAY


def share_reached(start: date, term: Term, numerator: int, denominator: int) -> date:
    """The day on which numerator/denominator of the term (counted from `start`, day one) has been served."""
    if term.days == 0 and (term.months * numerator) % denominator == 0:
        return reached(start, term.months * numerator // denominator)
    end = term.full_term_date(start)
    assert end is not None
    total = (end - start).days + 1
    return start + timedelta(days=math.ceil(total * numerator / denominator) - 1)


def birthday(born: date, years: int) -> date:
    return add_months(born, 12 * years)


def _years(months: int) -> Said:
    """A length of time the law gives in months, as it reads it: in years when whole ('10 years'), else months."""
    return said("unit.years", n=months // 12) if months % 12 == 0 else said("unit.months", n=months)


def _reached_between(length: Said, low: date, high: date | None) -> Said:
    return said("relief.served.between", length=length, low=low, high=high if high else said("term.unknown"))
