"""Multiple terms of imprisonment: 18 U.S.C. 3584 (and 924(c)(1)(D)(ii), which forbids concurrent 924(c) terms).

Terms imposed at the same time run concurrently unless the court orders otherwise or a statute requires
consecutive terms (3584(a)); a term imposed on a defendant already serving an undischarged term runs
consecutively unless the court orders otherwise (3584(a)); all of them are administered as one aggregate term
(3584(c)).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from reprieve.case.model import Count, Judgment
from reprieve.dates import ONE_DAY, add_months, months_and_days_between
from reprieve.results import Joined, Said, Step, explaining, said

CITE_3584A = "18 U.S.C. § 3584(a)"
CITE_3584C = "18 U.S.C. § 3584(c)"
CITE_924C_D = "18 U.S.C. § 924(c)(1)(D)(ii)"
CITE_1028A = "18 U.S.C. § 1028A(b)(2), (4)"
AUTHORITY_3584 = "usc_18_3584"


@dataclass(frozen=True, order=True)
class Term:
    """A term of imprisonment as judgments state it: calendar months plus days, or life."""

    months: int = 0
    days: int = 0
    life: bool = False

    def __add__(self, other: Term) -> Term:
        if self.life or other.life:
            return Term(life=True)
        return Term(self.months + other.months, self.days + other.days)

    def full_term_date(self, commenced: date) -> date | None:
        """The last day of the term begun on `commenced` (day one), before any credit; None for life.

        A 12-month term begun on 1 January ends on 31 December (law.md A5 step 1).
        """
        if self.life:
            return None
        return add_months(commenced, self.months) + self.days * ONE_DAY - ONE_DAY

    def exceeds(self, months: int) -> bool:
        """True if longer than `months` whole months (12 months + 1 day exceeds 12)."""
        return self.life or self.months > months or (self.months == months and self.days > 0)

    def said(self) -> Said:
        """The term in words, formatted when rendered ('240 months', '1 month 10 days', 'life')."""
        if self.life:
            return said("term.life")
        months = said("unit.month" if self.months == 1 else "unit.months", n=self.months)
        if not self.days:
            return months
        return said("term.months_days", months=months, days=said("unit.day" if self.days == 1 else "unit.days",
                                                                  n=self.days))

    def __str__(self) -> str:
        if self.life:
            return "life"
        parts = [f"{self.months} month{'s' if self.months != 1 else ''}"]
        if self.days:
            parts.append(f"{self.days} day{'s' if self.days != 1 else ''}")
        return " ".join(parts)


@cache
def _rules() -> tuple[Callable[[Count], bool], Callable[[Count, date], str | None]]:
    """Whether a count is under 924(c), and the consecutive rule of its offense (law data beside other offenses):
    imported when first used, as their modules import `Term` from here (once, not on every judgment)."""
    from reprieve.law.firearm_penalties import is_924c
    from reprieve.law.other_penalties import consecutive_rule

    return is_924c, consecutive_rule


def _after_other_kinds(count: Count, on: date) -> bool:
    return _rules()[1](count, on) == "to_every_other_kind_of_term"


def count_term(count: Count) -> Term | None:
    """The term on one count, or None if the case file does not give it."""
    if count.life:
        return Term(life=True)
    if count.months is None and count.days is None:
        return None
    return Term(count.months or 0, count.days or 0)


@dataclass
class JudgmentTerm:
    term: Term | None
    missing: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


_NONE = Term()  # (a term is never changed once made: one shared)


def _longest(terms: list[Term], reference: date) -> Term:
    best = _NONE
    for term in terms:
        if term.life:
            return term
        # No more months nor days ends no later, and more of one and no fewer of the other ends later, whatever the
        # month it begins in: the calendar decides only between terms longer in one and shorter in the other.
        if term.months >= best.months and term.days >= best.days:
            best = term
            continue
        if term.months <= best.months and term.days <= best.days:
            continue
        best_end = best.full_term_date(reference)
        end = term.full_term_date(reference)
        assert best_end is not None and end is not None
        if end > best_end:
            best = term
    return best


def judgment_term(judgment: Judgment, index: int, reference: date) -> JudgmentTerm:
    """Aggregate the counts of one judgment (all imposed at the same time).

    `reference` is the commencement date; months have different lengths, so which chain of counts is longest is
    decided on the calendar from it.
    """
    out = JudgmentTerm(term=None)
    counts = judgment.counts
    stated = _stated_total(judgment)
    terms = _count_terms(judgment, index, stated, out)
    if terms is None:
        return out

    label_index = {count.count: c for c, count in enumerate(counts) if count.count is not None}
    ends: dict[int, Term] = {}

    def end_of(c: int, visiting: frozenset[int]) -> Term:
        if c in ends:
            return ends[c]
        if c in visiting:
            raise ValueError(f"judgments[{index}].counts[{c}].consecutive_to: the counts are consecutive in a circle")
        start = _NONE
        for target in counts[c].consecutive_to or []:
            start = _longest([start, end_of(label_index[target], visiting | {c})], reference)
        ends[c] = terms[c] if start is _NONE else start + terms[c]  # (nothing before it: its own term)
        return ends[c]

    is_924c = _rules()[0]
    gun = [c for c, count in enumerate(counts) if is_924c(count)]
    grouped = [c for c, count in enumerate(counts) if c not in gun and _after_other_kinds(count, reference)]
    plain = [c for c in range(len(counts)) if c not in gun and c not in grouped]
    for c in plain:
        end_of(c, frozenset())
    chain = _longest([ends[c] for c in plain], reference) if plain else Term()
    if grouped:
        chain = _after_every_other_kind(counts, terms, grouped, chain, ends, label_index, reference, out)
    for c in gun:
        chain = _after_every_other_count(counts, terms, c, chain, ends, out)
    _total(counts, terms, _longest(list(ends.values()), reference), stated, index, out)
    return out


def _count_terms(judgment: Judgment, index: int, stated: Term | None, out: JudgmentTerm) -> dict[int, Term] | None:
    """Each count's term; None when the judgment's term is settled (its stated total) or cannot be (`out` says
    which)."""
    counts = judgment.counts
    if not counts and stated is None:
        out.missing.append(f"judgments[{index}].counts")
        return None
    terms: dict[int, Term] = {}
    for c, count in enumerate(counts):
        term = count_term(count)
        if term is None:
            out.missing.append(f"judgments[{index}].counts[{c}].months")
        else:
            terms[c] = term
    if out.missing and stated is not None:
        out.missing = []
        out.term = stated
        out.steps.append(Step("COUNTS_AGGREGATED", AUTHORITY_3584, CITE_3584A,
                              said("step.counts.total_only", judgment=index + 1, total=stated.said())))
        return None
    return None if out.missing else terms


def _after_every_other_kind(counts: list[Count], terms: dict[int, Term], grouped: list[int], chain: Term,
                            ends: dict[int, Term], label_index: dict[str, int], reference: date,
                            out: JudgmentTerm) -> Term:
    """1028A: after every other kind of term (1028A(b)(2)); with each other as the judgment orders, else
    concurrently (1028A(b)(4); 3584(a)). Returns where the chain of terms ends."""
    own = {c: Term() for c in grouped}
    for c in grouped:
        before = [label_index[t] for t in counts[c].consecutive_to or [] if label_index.get(t) in own]
        own[c] = _longest([own[b] for b in before], reference) + terms[c] if before else terms[c]
    longest = _longest(list(own.values()), reference)
    for c in grouped:
        ends[c] = chain + own[c]
        out.steps.append(Step("1028A_CONSECUTIVE", "usc_18_1028a", CITE_1028A,
                              said("step.1028a", count=counts[c].count or f"#{c + 1}", term=terms[c].said())))
    return chain + longest


def _after_every_other_count(counts: list[Count], terms: dict[int, Term], c: int, chain: Term,
                             ends: dict[int, Term], out: JudgmentTerm) -> Term:
    """924(c)(1)(D)(ii): no term under 924(c) runs concurrently with any other term."""
    label = counts[c].count or f"#{c + 1}"
    if counts[c].concurrent_with:
        out.steps.append(Step("924C_CONSECUTIVE", "usc_18_924", CITE_924C_D, said("step.924c.concurrent", count=label),
                              said("step.check_judgment")))
    chain = chain + terms[c]
    ends[c] = chain
    out.steps.append(Step("924C_CONSECUTIVE", "usc_18_924", CITE_924C_D,
                          said("step.924c", count=label, term=terms[c].said())))
    return chain


def _total(counts: list[Count], terms: dict[int, Term], total: Term, stated: Term | None, index: int,
           out: JudgmentTerm) -> None:
    """The judgment's total term: the counts aggregated (3584(a)), unless the judgment states another."""
    out.term = total if stated is None else stated  # the court's own words govern (see below)
    if not explaining():  # decided only (a screening row): the steps only explain
        return
    described = Joined(tuple(
        said("step.counts.count_after", count=counts[c].count or f"#{c + 1}", term=terms[c].said(),
             after=", ".join(counts[c].consecutive_to or [])) if counts[c].consecutive_to else
        said("step.counts.count", count=counts[c].count or f"#{c + 1}", term=terms[c].said())
        for c in range(len(counts))), ", ")
    out.steps.insert(0, Step("COUNTS_AGGREGATED", AUTHORITY_3584, CITE_3584A,
                             said("step.counts", judgment=index + 1, counts=described, total=total.said())))
    if stated is not None and stated != total:
        # The court's own words govern: the counts as entered may miss an order that they run consecutively.
        out.steps.append(Step("COUNTS_AGGREGATED", AUTHORITY_3584, CITE_3584A,
                              said("step.counts.stated_total", stated=stated.said(), total=total.said()),
                              said("step.counts.stated_total.note")))


def _stated_total(judgment: Judgment) -> Term | None:
    if judgment.total_life:
        return Term(life=True)
    if judgment.total_months is None and judgment.total_days is None:
        return None
    return Term(judgment.total_months or 0, judgment.total_days or 0)


@dataclass
class Aggregate:
    term: Term | None
    missing: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def aggregate_term(judgments: list[Judgment], commenced: date, later_starts: list[date | None]) -> Aggregate:
    """One aggregate term from every judgment, beginning on `commenced` (3584(c)).

    `later_starts[k]` is the date judgment k+1 was imposed (when it runs concurrently it can begin no earlier).
    """
    out = Aggregate(term=None)
    first = judgment_term(judgments[0], 0, commenced)
    out.steps.extend(first.steps)
    out.missing.extend(first.missing)
    total = first.term
    for k, judgment in enumerate(judgments[1:], start=1):
        part = judgment_term(judgment, k, commenced)
        out.steps.extend(part.steps)
        out.missing.extend(part.missing)
        if total is None or part.term is None:
            total = None
            continue
        relation = judgment.relation or "consecutive"
        why = said("step.judgments.as_ordered") if judgment.relation else said("step.judgments.default")
        if relation == "consecutive" or total.life or part.term.life:
            total = total + part.term
            out.steps.append(Step("JUDGMENTS_AGGREGATED", AUTHORITY_3584, CITE_3584C,
                                  said("step.judgments.consecutive", judgment=k + 1, term=part.term.said(), why=why,
                                       total=total.said())))
            continue
        start = later_starts[k - 1]
        if start is None:
            out.missing.append(f"judgments[{k}].imposed_on")
            total = None
            continue
        start = max(start, commenced)
        end_existing = total.full_term_date(commenced)
        end_new = part.term.full_term_date(start)
        assert end_existing is not None and end_new is not None
        end = max(end_existing, end_new)
        months, days = months_and_days_between(commenced, end)
        total = Term(months, days)
        out.steps.append(Step(
            "JUDGMENTS_AGGREGATED", AUTHORITY_3584, CITE_3584C,
            said("step.judgments.concurrent", judgment=k + 1, term=part.term.said(), start=start, end_new=end_new,
                 commenced=commenced, end=end, total=total.said()),
            said("step.judgments.concurrent.note")))
    out.term = total
    return out
