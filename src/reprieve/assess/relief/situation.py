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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reprieve.assess.computation import Computation
from reprieve.assess.current_law_result import CurrentLaw
from reprieve.assess.findings import Finding, Question, Reason, Status
from reprieve.assess.questions import ask
from reprieve.case.model import Case
from reprieve.dates import ONE_DAY, PartialDate, add_months
from reprieve.law.sentence_aggregation import Term


@dataclass
class Element:
    name: str
    met: bool | None
    detail: str
    question: Question | None = None
    from_date: date | None = None  # when a not-yet-met element will be met
    review: bool = False
    facts: dict[str, Any] = field(default_factory=dict)


def decide(elements: list[Element]) -> tuple[Status, date | None]:
    failed = [e for e in elements if e.met is False]
    unknown = [e for e in elements if e.met is None]
    if failed:
        if all(e.from_date for e in failed):
            return "not_eligible", max(e.from_date for e in failed if e.from_date)
        return "not_eligible", None
    if unknown:
        return "needs_facts", None
    if any(e.review for e in elements):
        return "needs_review", None
    return "eligible", None


def finding(avenue: str, ground: str, elements: list[Element], citations: list[str], *, summary_ok: str,
            summary_no: str, summary_facts: str, summary_review: str = "",
            extra_reasons: Sequence[str | Reason] | None = None) -> Finding:
    status, eligible_from = decide(elements)
    summary = {"eligible": summary_ok, "not_eligible": summary_no, "needs_facts": summary_facts,
               "needs_review": summary_review or summary_ok}[status]
    if status == "not_eligible" and eligible_from:
        summary = f"{summary} (not before {eligible_from})"
    reasons: list[str | Reason] = [Reason(e.met, e.name, e.detail, e.review) for e in elements]
    facts: dict[str, Any] = {}
    for e in elements:
        facts.update(e.facts)
    relevant = status != "not_eligible" or eligible_from is not None
    return Finding(avenue=avenue, ground=ground, status=status, summary=summary,
                   reasons=[*reasons, *(extra_reasons or [])], citations=citations,
                   missing=[e.question for e in elements if e.met is None and e.question] if relevant else [],
                   eligible_from=eligible_from, facts_used=facts)


@dataclass
class Situation:
    case: Case
    as_of: date
    circuit: str | None
    circuit_citation: str
    computation: Computation
    current_law: CurrentLaw | None = None

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

    def served_months_element(self, name: str, months: int, citation: str) -> Element:
        """Has the person served at least `months` months (counting jail credit) by the as-of date?"""
        earliest_start, latest_start = self.custody_start
        text = _years(months)
        if earliest_start is None:
            term = self.term
            if term is not None and not term.life and term.months + math.ceil(term.days / 28) < months:
                return Element(name, False, f"the whole term ({term}) is shorter than {text}")
            first = self.first_possible_custody
            if first is not None and self.as_of < reached(first, months):
                return Element(name, False, f"{text} will be served on {reached(first, months)} at the earliest "
                               f"(credited custody begins no earlier than the offense, {first}: 18 U.S.C. § 3585(b))",
                               from_date=reached(first, months))
            return Element(name, None, f"time served is unknown (needs {text})",
                           ask("custody.commenced_on", f"decides whether you have served {text}"))
        certain_from = reached(latest_start, months) if latest_start else None
        possible_from = reached(earliest_start, months)
        facts = {"served_threshold_months": months}
        if certain_from is not None and self.as_of >= certain_from:
            return Element(name, True, f"{text} served by {certain_from} ({citation})", facts=facts)
        if self.as_of < possible_from:
            when = certain_from if certain_from == possible_from else None
            return Element(name, False, f"{text} will be served on {certain_from or possible_from}"
                           + ("" if when else " at the earliest"), from_date=when or possible_from, facts=facts)
        return Element(name, None, f"{text} is reached between {possible_from} and {certain_from or 'unknown'}",
                       ask("custody.arrested_on", f"decides whether you have served {text}"),
                       facts=facts)

    def served_share_element(self, name: str, numerator: int, denominator: int, citation: str) -> Element:
        """Has the person served `numerator/denominator` of the term (counting jail credit) by the as-of date?"""
        term = self.term
        earliest_start, latest_start = self.custody_start
        share = f"{numerator}% of the term" if denominator == 100 else f"{numerator}/{denominator} of the term"
        if term is None or term.life:
            return Element(name, None if term is None else False,
                           "the term is " + ("unknown" if term is None else "life: no share of it can be served"))
        if earliest_start is None:
            first = self.first_possible_custody
            if first is not None and self.as_of < share_reached(first, term, numerator, denominator):
                soonest = share_reached(first, term, numerator, denominator)
                return Element(name, False, f"{share} will be served on {soonest} at the earliest (credited custody "
                               f"begins no earlier than the offense, {first}: 18 U.S.C. § 3585(b))",
                               from_date=soonest)
            return Element(name, None, f"time served is unknown (needs {share})",
                           ask("custody.commenced_on", f"decides whether you have served {share}"))
        possible_from = share_reached(earliest_start, term, numerator, denominator)
        certain_from = share_reached(latest_start, term, numerator, denominator) if latest_start else None
        if certain_from is not None and self.as_of >= certain_from:
            return Element(name, True, f"{share} served by {certain_from} ({citation})")
        if self.as_of < possible_from:
            return Element(name, False, f"{share} will be served on {certain_from or possible_from}",
                           from_date=certain_from or possible_from)
        return Element(name, None, f"{share} is reached between {possible_from} and {certain_from or 'unknown'}",
                       ask("custody.arrested_on", f"decides whether you have served {share}"))

    # --- age ---------------------------------------------------------------------------------------------------
    @property
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

    def age_element(self, name: str, years: int, citation: str) -> Element:
        window = self.born
        if window is None:
            return Element(name, None, f"age unknown (needs {years})",
                           ask("person.born", f"decides whether you are {years} or older"))
        born_earliest, born_latest, stated = window
        certain_from = birthday(born_latest, years)
        possible_from = birthday(born_earliest, years)
        facts = {"person.born": stated}
        if self.as_of >= certain_from:
            return Element(name, True, f"{years} or older since {certain_from} ({citation})", facts=facts)
        if self.as_of < possible_from:
            return Element(name, False, f"turns {years} on {certain_from}" if possible_from == certain_from else
                           f"turns {years} between {possible_from} and {certain_from}", from_date=certain_from,
                           facts=facts)
        return Element(name, None, f"turns {years} between {possible_from} and {certain_from}",
                       ask("person.born", f"decides whether you are {years} yet"), facts=facts)

    @property
    def released(self) -> bool | None:
        """Has the person already been released on the projected date? None when the facts leave it open."""
        return self.computation.released_by(self.as_of)


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


def _years(months: int) -> str:
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"


def partial(value: PartialDate | None) -> str:
    return str(value) if value is not None else "unknown"
