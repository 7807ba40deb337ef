"""What the stated facts settle, and what reprieve presumes where a fact is not stated.

A careful lawyer answers on the stated facts plus named presumptions. Two steps, in this order, on the
alternatives each count's evaluation branched into (`count_ranges.Scenario`):

1. Settle: drop every alternative the stated facts rule out - a term above the alternative's maximum, or below its
   minimum without a basis to go below (a government motion under 18 U.S.C. 3553(e), the safety valve 3553(f)); a
   minimum or maximum the court stated; a guideline range found that a statutory minimum above it would have
   replaced (USSG §5G1.1); a base offense level found that is not the death-or-injury level (USSG §2D1.1(a)(1)-(2)).
   Each is said, with the fact that settled it.
2. Presume: where a fact the record would name if it were so is not stated, presume it is not so (death or
   serious bodily injury resulting, an 851 information, brandishing or discharge beyond the 924(c) subsection
   cited, a 924(c)(1)(B) weapon, the Armed Career Criminal Act, more than one 851 prior) - each presumption listed
   with why it is sound and the answer if it is wrong ("if_instead").

Where no presumption is sound (is an earlier conviction a "serious drug felony"?), the alternatives stay, and the
output gives the range over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.case.model import Case, Count, Judgment
from reprieve.law.firearm_penalties import is_924c
from reprieve.law.guidelines.manual import edition_in_force
from reprieve.law.params import law
from reprieve.law.penalty_ranges import Range, describe, described, months_or_life, term_key
from reprieve.law.sentence_aggregation import Term, count_term
from reprieve.results import Joined, Said, said, verbatim

if TYPE_CHECKING:
    from reprieve.assess.count_ranges import Branch, Scenario


@dataclass(frozen=True, eq=False)
class Presumed:
    """A presumption the answer rests on: the field, what is presumed, why, and the answer if it is not so; each a
    message of the words layer, formatted when rendered (`render(language)`; `presumed`, `why` and `if_instead` are
    the English)."""

    field: str
    presumes: Said | Joined
    because: Said | Joined
    otherwise: Said | Joined

    @property
    def presumed(self) -> str:
        return self.presumes.render()

    @property
    def why(self) -> str:
        return self.because.render()

    @property
    def if_instead(self) -> str:
        return self.otherwise.render()

    def render(self, language: str | None = None) -> dict[str, Any]:
        return {"field": self.field, "presumed": self.presumes.render(language), "why": self.because.render(language),
                "if_instead": self.otherwise.render(language)}

    def as_json(self) -> dict[str, Any]:
        return self.render()


# Each presumption (words/en.yaml `presumed.NAME` and `presumed.NAME.why`): what it presumes (for the count named) and
# why a careful reader may presume it.
PRESUMPTIONS = ("death_or_injury", "death_or_injury_offense", "no_851", "851_count", "firearm_conduct", "firearm_type",
                "tier", "acca")


def presumption(name: str, **values: Any) -> tuple[Said, Said]:
    """What the presumption `name` presumes and why, filled with `values` (the count's `label`, a tier's `fact`, the
    `years` of the minimum it avoids, from the law data)."""
    assert name in PRESUMPTIONS, name
    return said(f"presumed.{name}", **values), said(f"presumed.{name}.why", **values)


def _words(value: Any) -> str:
    if value == "life":
        return "life"
    return describe(Term(int(value))) if isinstance(value, int) else "unknown"


def _minimums_said(scenarios: list[Scenario], which: str) -> Said:
    """`_minimums`, as a message formatted when rendered."""
    values = sorted({months_or_life(r.minimum) for s in scenarios if (r := s.then if which == "then" else s.now)},
                    key=lambda v: 10**9 if v == "life" else int(v))
    if not values:
        return said("term.unknown")
    items = [said("term.life") if v == "life" else described(Term(int(v))) if isinstance(v, int) else
             said("term.unknown") for v in values]
    if len(items) > 2:  # a list of five minimums reads as noise; its ends say what matters
        return said("term.from_to", low=items[0], high=items[-1])
    out = items[-1]
    for item in reversed(items[:-1]):
        out = said("term.or", first=item, then=out)
    return out


def _minimums(scenarios: list[Scenario], which: str) -> str:
    values = sorted({months_or_life(r.minimum) for s in scenarios if (r := s.then if which == "then" else s.now)},
                    key=lambda v: 10**9 if v == "life" else int(v))
    return " or ".join(_words(v) for v in values) or "unknown"


def _branch(scenario: Scenario, key: str) -> Branch | None:
    return next((b for b in scenario.branches if b.key == key), None)


# --- 1. settle ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stated:
    """The stated facts one count's alternatives are checked against (hashable: `count_ranges` memoizes on it)."""

    term: Term | None
    term_text: str
    basis: bool | None  # a basis to go below a minimum: True stated, False stated absent, None unknown
    minimum: int | str | None
    maximum: int | str | None
    range_low: int | str | None
    range_high: int | str | None
    only_count: bool
    death_levels: tuple[int, ...]
    base_level: int | None


def _stated(case: Case, judgment: Judgment, count: Count, gun_count: bool) -> Stated:
    term = count_term(count)
    term_text = f"the term imposed on this count ({term})" if term is not None else ""
    if term is None and (judgment.total_life or judgment.total_months is not None):
        term = Term(life=True) if judgment.total_life else Term(judgment.total_months or 0, judgment.total_days or 0)
        term_text = f"the judgment's total term ({term})"
    g = judgment.guidelines
    assistance = g.substantial_assistance if g else None
    valve = count.safety_valve_applied
    basis = True if (assistance or valve) else (False if assistance is False and valve is False else None)
    low = high = None
    if g is not None and g.range_months and not gun_count:
        low, high = g.range_months
    plain_counts = [c for c in judgment.counts if not is_924c(c)]
    levels: tuple[int, ...] = ()
    base = g.base_offense_level if g else None
    if base is not None:
        on = _sentencing_day(judgment)
        if on is not None:
            data = law()
            levels = tuple(int(v.value) for name in ("base_level_death_or_injury",
                                                     "base_level_death_or_injury_with_prior")
                           if (v := data.maybe(f"guidelines.drug_offense.{name}", on)) is not None)
    return Stated(term, term_text, basis, count.statutory_minimum_months, count.statutory_maximum_months, low, high,
                   len(plain_counts) == 1, levels, base)



def _sentencing_day(judgment: Judgment) -> date | None:
    g = judgment.guidelines
    if g is not None and g.manual is not None:
        return edition_in_force(g.manual)
    return judgment.imposed_on.latest if judgment.imposed_on is not None else None


def _key(value: int | str) -> tuple[int, int, int]:
    return term_key(Term(life=True) if value == "life" else Term(int(value)))


def _conflicts(stated: Stated, scenario: Scenario) -> list[tuple[str, bool]]:
    """Why the stated facts rule this alternative out, each with whether it rests on there being no basis to go
    below a minimum (empty when it fits them)."""
    then: Range | None = scenario.then
    if then is None:
        return []
    out: list[tuple[str, bool]] = []
    minimum, maximum = then.minimum, then.maximum
    if stated.minimum is not None and _key(stated.minimum) != term_key(minimum):
        out.append((f"the court stated a minimum of {_words(stated.minimum)}", False))
    if stated.maximum is not None and _key(stated.maximum) != term_key(maximum):
        out.append((f"the court stated a maximum of {_words(stated.maximum)}", False))
    on_count = stated.term is not None and stated.term_text.startswith("the term imposed on")
    if on_count and stated.term is not None and term_key(stated.term) > term_key(maximum):
        out.append((f"{stated.term_text} is above its maximum ({describe(maximum)})", False))
    if stated.range_low is not None and term_key(minimum) > _key(stated.range_low):
        out.append((f"the guideline range found starts at {_words(stated.range_low)}, below its minimum "
                    f"({describe(minimum)}): a minimum above the range becomes the range (USSG §5G1.1(b), (c)(2))",
                    False))
    if stated.range_high is not None and stated.only_count and _key(stated.range_high) > term_key(maximum):
        out.append((f"the guideline range found reaches {_words(stated.range_high)}, above its maximum "
                    f"({describe(maximum)}) (USSG §5G1.1(a), (c)(1))", False))
    death = next((b for b in scenario.branches if b.presumption == "death_or_injury"), None)
    if death is not None and death.value == "yes" and stated.base_level is not None and stated.death_levels and \
            stated.base_level not in stated.death_levels:
        out.append((f"the base offense level found ({stated.base_level}) is not the death-or-injury level "
                    f"({' or '.join(str(v) for v in stated.death_levels)}, USSG §2D1.1(a)(1)-(2))", False))
    if stated.term is not None and term_key(stated.term) < term_key(minimum) and stated.basis is not True:
        out.append((f"{stated.term_text} is below its minimum ({describe(minimum)})", True))
    return out


def _conflict(stated: Stated, scenario: Scenario) -> tuple[str, bool] | None:
    """The reason that rules the alternative out, preferring one that rests on the stated facts alone."""
    found = _conflicts(stated, scenario)
    return min(found, key=lambda item: item[1]) if found else None


# --- 2. presume -------------------------------------------------------------------------------------------------------

def stated_facts(case: Case, judgment: Judgment, count: Count) -> Stated:
    """What the alternatives of a count are checked against: all `settle_on` reads of the case, and what it reads
    of the law (the guidelines' death-or-injury levels), so that it is a function of these, its alternatives' ranges
    and branches (not their words), the judgment's place and the count's label."""
    return _stated(case, judgment, count, is_924c(count))


def settle_on(stated: Stated, j: int, label: str,
              scenarios: list[Scenario]) -> tuple[list[Scenario], list[Presumed], list[str]]:
    """The alternatives left once the stated facts and the presumptions are applied; the presumptions made; and what
    the stated facts settled. The stated facts first; then the term imposed, read as a term at or above the minimum
    unless a basis to go below it is stated (that reading is a presumption, listed); last the presumptions about
    elements the record would name."""
    settled: list[str] = []
    presumed: list[Presumed] = []
    kept = _prune(scenarios, [_fact_conflict(stated, s) for s in scenarios], settled)
    below = [_conflict(stated, s) for s in kept]
    if any(why is not None for why in below):
        before = kept
        kept = _prune(kept, below, settled)
        if len(kept) < len(before) and stated.basis is None:
            presumed.append(Presumed(f"judgments[{j}].guidelines.substantial_assistance", said("presumed.no_basis"),
                                     said("presumed.no_basis.why"),
                                     said("presumed.no_basis.if_instead", then=_minimums_said(before, "then"))))
    kept = _presume(kept, label, presumed)
    return kept, presumed, settled


def _fact_conflict(stated: Stated, scenario: Scenario) -> tuple[str, bool] | None:
    return next((why for why in _conflicts(stated, scenario) if not why[1]), None)


def _prune(scenarios: list[Scenario], conflicts: list[tuple[str, bool] | None], settled: list[str]) -> list[Scenario]:
    kept = [s for s, why in zip(scenarios, conflicts, strict=True) if why is None]
    if not kept:
        if any(why is not None for why in conflicts):
            settled.append("the stated facts fit none of the alternatives (check the judgment): all are shown")
        return scenarios
    reasons = list(dict.fromkeys(why[0] for why in conflicts if why is not None))
    settled += [f"ruled out by the stated facts: {reason}" for reason in reasons if
                f"ruled out by the stated facts: {reason}" not in settled]
    return kept


def _presume(kept: list[Scenario], label: str, presumed: list[Presumed]) -> list[Scenario]:
    keys = list(dict.fromkeys(b.key for s in kept for b in s.branches if b.presumption))
    for key in keys:
        branches = [_branch(s, key) for s in kept]
        if not any(b is not None and b.presumed for b in branches):
            continue
        flips = [s for s, b in zip(kept, branches, strict=True) if b is not None and not b.presumed]
        if not flips:
            continue
        kept = [s for s, b in zip(kept, branches, strict=True) if b is None or b.presumed]
        sample = next(b for b in branches if b is not None and b.presumed)
        extra = {"fact": sample.worded or verbatim(sample.words)} if sample.presumption == "tier" else \
            {"years": _least_minimum_years(flips)} if sample.presumption == "acca" else {}
        words, why = presumption(sample.presumption, label=label, **extra)
        # The alternatives set aside are every other answer to the fact presumed, so "if not" says it: listing them
        # ("if 1 or more prior convictions were charged ... or 1 prior conviction was charged ...") repeated it.
        presumed.append(Presumed(sample.fields[0] if sample.fields else key, words, why, _flipped(kept, flips)))
    return kept


def _least_minimum_years(scenarios: list[Scenario]) -> int | None:
    """The least minimum at sentencing of the alternatives, in whole years (the ACCA's minimum, from the law data)."""
    months = [m for s in scenarios if s.then is not None and isinstance(m := months_or_life(s.then.minimum), int)]
    return min(months) // 12 if months else None


def _flipped(kept: list[Scenario], flips: list[Scenario]) -> Said:
    """The minimums if the presumption is wrong, saying only what would differ."""
    then, now = _minimums(flips, "then"), _minimums(flips, "now")
    then_said, now_said = _minimums_said(flips, "then"), _minimums_said(flips, "now")
    differ_then, differ_now = then != _minimums(kept, "then"), now != _minimums(kept, "now")
    if differ_then and differ_now:
        return said("presumed.flip.both", then=then_said, now=now_said)
    if differ_then:
        return said("presumed.flip.then", then=then_said)
    if differ_now:
        return said("presumed.flip.now", now=now_said)
    return said("presumed.flip.same", then=then_said, now=now_said)
