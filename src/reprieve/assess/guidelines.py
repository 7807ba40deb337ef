"""The guideline range found at sentencing ("then"), the same facts with today's retroactive amendments ("now"), and
the 18 U.S.C. 3582(c)(2) screen (USSG §1B1.10; law.md E1-E9, G6, G7).

"Then" uses what the court found (offense level, points, category, range) and computes only what is absent and
derivable from stated facts, under the Manual used at sentencing (`manual`, else the sentencing date; §1B1.11).
"Now" substitutes only the amendments listed in §1B1.10(d) - the Drug Quantity Table (782), cocaine base (706/711,
750), status points (821 Part A) and the zero-point reduction (821 Part B subpart 1) - and keeps every other decision
((b)(1)). A fact that decides an answer but is not stated is asked for, never assumed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from reprieve.assess.computation import Computation
from reprieve.assess.count_ranges import evaluate_count
from reprieve.assess.findings import AmendmentFigures, Extra, Finding, Position, Question, ReasonLike, Status
from reprieve.assess.presumptions import Presumed, presumption
from reprieve.assess.questions import ask
from reprieve.case.model import Case, Count, Judgment, SentencingGuidelines
from reprieve.case.types import Quantity
from reprieve.law.firearm_penalties import is_924c
from reprieve.law.guidelines import acceptance as acceptance_rule
from reprieve.law.guidelines import career_offender as career
from reprieve.law.guidelines import converted_drug_weight as cdw
from reprieve.law.guidelines import criminal_history as history
from reprieve.law.guidelines import drug_offense
from reprieve.law.guidelines import drug_quantity as dqt
from reprieve.law.guidelines import retroactive_amendments as retro
from reprieve.law.guidelines import zero_point_offender as zero_point
from reprieve.law.guidelines.converted_drug_weight import weight
from reprieve.law.guidelines.manual import edition_in_force
from reprieve.law.guidelines.schemas import CoveredAmendment
from reprieve.law.guidelines.sentencing_table import (
    GuidelineRange,
    Months,
    category_for_points,
    guideline_range,
    months_key,
    zone,
)
from reprieve.law.guidelines.statutory_limits import restrict
from reprieve.law.guidelines.worksheet import drug_said, line
from reprieve.law.params import law, law_cache
from reprieve.law.penalty_ranges import Trace, months_or_life
from reprieve.law.statutes import parse_statutes
from reprieve.law.statutes import sections as _sections
from reprieve.results import Joined, Said, Step, explaining, quoted, said, text_of

AVENUE = "3582(c)(2)"
# The rules a worksheet line applies, and the keys of their authorities in law/authorities.yaml.
AS_FOUND = "AS_FOUND"  # what the court found, applying no rule here
CAREER = ("CAREER_OFFENDER", "ussg_4b1_1")
HISTORY = ("CRIMINAL_HISTORY", "ussg_4a1_1")
TABLE = ("SENTENCING_TABLE", "ussg_ch5_pta")
ZERO_POINT = ("ZERO_POINT", "ussg_4c1_1")
DRUGS = ("DRUG_QUANTITY", "ussg_2d1_1")
SUBSTITUTED = ("AMENDMENTS_SUBSTITUTED", "ussg_1b1_10")

# What each guideline fact changes, a `guideline.changes.*` message (the question itself is the registry's:
# reprieve.assess.questions).
CHANGES: dict[str, str] = {
    "drug_quantities": "drug_levels",
    "base_offense_level": "offense_level",
    "total_offense_level": "range",
    "criminal_history_points": "category",
    "status_points": "status_amendment",
    "under_criminal_justice_sentence": "status_points",
    "recency_points": "points_before_status",
    "death_or_serious_bodily_injury": "base_level_and_zero_point",
    "prior_similar_conviction": "base_level",
    "weapon": "level_and_zero_point",
    "violence": "level_and_zero_point",
    "safety_valve": "offense_level",
    "mitigating_role_levels": "role_cap",
    "other_adjustments": "offense_level",
    "acceptance": "offense_level",
    "acceptance_government_motion": "offense_level",
    "acceptance_additional_level": "offense_level",
    "criminal_history_category": "range",
    "imposed_on": "manual",
    "statutory_limits": "limits",
    "sentence": "reduction",
    "career_offender": "career_offender",
    "substantial_assistance": "substantial_assistance",
    **{key: "zero_point" for key in ("terrorism_adjustment", "sex_offense", "substantial_financial_hardship",
                                     "civil_rights_offense", "victim_adjustment", "aggravating_role",
                                     "continuing_criminal_enterprise")},
}
_FIELD_PATHS = {"imposed_on": "imposed_on", "sentence": "counts",
                "statutory_limits": "guidelines.statutory_minimum_months",
                "safety_valve": "guidelines.safety_valve_reduction"}
_ZERO_POINT_FIELDS = {"terrorism_adjustment", "sex_offense", "substantial_financial_hardship", "civil_rights_offense",
                      "victim_adjustment", "continuing_criminal_enterprise"}


def question(where: str, key: str) -> Question:
    if key in _FIELD_PATHS:
        path = f"{where}.{_FIELD_PATHS[key]}"
    elif key in _ZERO_POINT_FIELDS:
        path = f"{where}.guidelines.zero_point_facts.{key}"
    else:
        path = f"{where}.guidelines.{key}"
    changes = CHANGES.get(key)
    return ask(path, said(f"guideline.changes.{changes}") if changes else "")


@dataclass(frozen=True)
class Rules:
    """The Manual each rule an amendment can change is read from."""

    manual: date  # everything not listed below (held constant, §1B1.10(b)(1))
    drug_table: date
    cocaine_base: date
    status_points: date
    zero_point: date | None  # None: §4C1.1 not applied beyond what the court found
    criteria: date


@dataclass
class Side:
    """One guideline calculation: the offense level, criminal history and range, with the arithmetic."""

    manual: date | None
    offense_level: int | None = None
    base_offense_level: int | None = None
    drug_level: int | None = None
    points: int | None = None
    status_points: int | None = None
    category: str | None = None
    table_range: GuidelineRange | None = None
    range: GuidelineRange | None = None
    unrestricted_range: GuidelineRange | None = None  # before §5G1.1/§5G1.2 (§1B1.10(c))
    steps: list[Step] = field(default_factory=list)  # worksheet lines (`guideline.*` messages)
    citations: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    review: list[Said] = field(default_factory=list)
    career_offender_level: int | None = None
    with_924c_range: GuidelineRange | None = None  # §4B1.1(c)(2): a career offender's range for all counts
    zone: str | None = None

    def need(self, *keys: str) -> None:
        self.missing.extend(k for k in keys if k not in self.missing)

    def as_json(self, where: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "manual": self.manual.isoformat() if self.manual else None,
            "offense_level": self.offense_level,
            "base_offense_level": self.base_offense_level,
            "drug_level": self.drug_level,
            "criminal_history_points": self.points,
            "status_points": self.status_points,
            "category": self.category,
            "table_range_months": self.table_range.as_list() if self.table_range else None,
            "range_months": self.range.as_list() if self.range else None,
            "zone": self.zone,
            "steps": [step.detail for step in self.steps],
            "citations": list(dict.fromkeys(self.citations)),
            "missing": [question(where, k).as_json() for k in self.missing],
        }
        if self.unrestricted_range and self.unrestricted_range != self.range:
            out["range_without_statutory_limits_months"] = self.unrestricted_range.as_list()
        if self.career_offender_level is not None:
            out["career_offender_level"] = self.career_offender_level
        if self.with_924c_range is not None:
            out["range_with_924c_counts_months"] = self.with_924c_range.as_list()
        return out


@dataclass
class GuidelineSides:
    """The `guidelines` key of `reprieve assess`: the range found at sentencing (`then`) and with today's retroactive
    amendments (`now`, USSG §1B1.10); both None, with `missing`, when the sentencing date is unknown."""

    judgment: int
    where: str  # the judgment's path, for the questions a side's missing facts raise
    then: Side | None
    now: Side | None
    amendments_applied: list[str] | None = None  # None: not compared (the sentencing date is unknown)
    unverified: list[str] = field(default_factory=list)
    presumptions: list[Presumed] = field(default_factory=list)
    settled: list[Said] = field(default_factory=list)
    note: Said | None = None
    missing: list[Question] | None = None

    def side(self, which: str) -> Side | None:
        return self.then if which == "then" else self.now

    def missing_fields(self, which: str) -> list[str]:
        """The case-file fields a side needs and the case does not state."""
        side = self.side(which)
        return [question(self.where, k).field for k in side.missing] if side is not None else []

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "judgment": self.judgment,
            "then": self.then.as_json(self.where) if self.then is not None else None,
            "now": self.now.as_json(self.where) if self.now is not None else None,
        }
        if self.missing is not None:
            out["missing"] = [q.as_json() for q in self.missing]
        if self.amendments_applied is not None:
            out["amendments_applied"] = self.amendments_applied
            out["unverified"] = self.unverified
        if self.presumptions:
            out["presumptions"] = [p.as_json() for p in self.presumptions]
        if self.settled:
            out["settled"] = [text_of(s) for s in self.settled]
        if self.note is not None:
            out["note"] = text_of(self.note)
        return out


@dataclass
class Facts:
    """What the case says about one judgment's guideline calculation."""

    case: Case
    judgment: Judgment
    j: int
    where: str
    g: SentencingGuidelines
    manual: date | None
    drugs: list[dqt.DrugAmount]
    drug_offense: bool
    count_drugs: set[str]
    death: bool | None
    as_of: date
    trace: Trace = field(default_factory=Trace)
    _limits: tuple[Months | None, Months | None, bool] | None = None
    _firearm_minimum: tuple[int | None] | None = None
    presumptions: list[Presumed] = field(default_factory=list)
    settled: list[Said] = field(default_factory=list)

    def firearm_minimum(self) -> int | None:
        """The consecutive minimum of the 924(c) counts, in months (0 without any); None when facts leave it open.
        Computed once: every side of a §4B1.1(c) calculation uses the same statutes at sentencing."""
        if self._firearm_minimum is None:
            total = 0
            for i, c in enumerate(self.judgment.counts):
                if not is_924c(c):
                    continue
                found = {s.then.minimum for s in evaluate_count(self.case, self.j, i, self.as_of).scenarios if s.then}
                minimum = months_or_life(next(iter(found))) if len(found) == 1 else "life"
                if minimum == "life":
                    self._firearm_minimum = (None,)
                    return None
                total += int(minimum)
            self._firearm_minimum = (total,)
        return self._firearm_minimum[0]

    def limits(self) -> tuple[Months | None, Months | None, bool]:
        """The statutory minimum and maximum of the counts the range covers (not 924(c)), and whether there are
        several; stated in the guidelines block, else derived from the counts' statutory ranges at sentencing."""
        if self._limits is None:
            counts = [i for i, c in enumerate(self.judgment.counts) if not is_924c(c)]
            low: Months | None = self.g.statutory_minimum_months
            high: Months | None = self.g.statutory_maximum_months
            if low is None or high is None:
                lows: list[int | str] = []
                highs: list[int | str] = []
                for i in counts:
                    ranges = {(s.then.minimum, s.then.maximum) for s in
                              evaluate_count(self.case, self.j, i, self.as_of).scenarios if s.then}
                    if len(ranges) != 1:
                        lows, highs = [], []
                        break
                    (minimum, maximum), = ranges
                    lows.append(months_or_life(minimum))
                    highs.append(months_or_life(maximum))
                if lows:
                    if low is None:
                        top = max(lows, key=_key)
                        low = "life" if top == "life" else int(top)
                    high = high if high is not None else ("life" if "life" in highs else
                                                          sum(int(h) for h in highs))
            self._limits = (low, high, len(counts) > 1)
        return self._limits


def _key(value: int | str) -> int:
    return months_key("life" if value == "life" else int(value))


def _is_drug_count(count: Count, on: date) -> bool:
    """A count under a statute the Statutory Index refers to §2D1.1 (law data, by section)."""
    entry = law().maybe("guidelines.drug_offense.statutes_referenced_to_2d1_1", on)
    drug = _sections(tuple(entry.value)) if entry is not None else frozenset()
    return any((s.title, s.section) in drug for s in (*parse_statutes(count.statute), *parse_statutes(count.penalty)))


def read_facts(case: Case, j: int, as_of: date) -> Facts:
    judgment = case.judgments[j]
    g = judgment.guidelines or SentencingGuidelines()
    where = f"judgments[{j}]"
    manual: date | None
    if g.manual is not None:
        manual = edition_in_force(g.manual)
    elif judgment.imposed_on is not None and judgment.imposed_on.exact is not None:
        manual = judgment.imposed_on.exact
    elif judgment.imposed_on is not None:
        manual = judgment.imposed_on.latest
    else:
        manual = None
    drugs = [dqt.DrugAmount(d.drug, Quantity.parse(d.quantity), None if d.purity_percent is None else
                            _decimal(d.purity_percent)) for d in g.drug_quantities or []]
    drug_counts = [c for c in judgment.counts if _is_drug_count(c, manual or as_of)]
    death = g.death_or_serious_bodily_injury
    if death is None and drug_counts:
        flags = [c.death_or_serious_bodily_injury for c in drug_counts]
        death = True if any(flags) else (False if all(f is False for f in flags) else None)
    facts = Facts(case, judgment, j, where, g, manual, drugs, bool(drug_counts) or bool(drugs),
                  {c.drug for c in drug_counts if c.drug} | {d.drug for c in drug_counts for d in c.drugs or []}
                  | {d.drug for d in drugs}, death, as_of)
    if death is None and facts.drug_offense:
        _settle_death(facts)
    return facts


def _settle_death(f: Facts) -> None:
    """Death or serious bodily injury, not stated: a base offense level found that is not a §2D1.1(a)(1)-(2) level
    settles it; otherwise it is presumed not to have resulted (the record would name it)."""
    base = f.g.base_offense_level
    if base is not None and f.manual is not None:
        levels = _death_levels(f, f.manual)
        if levels and base not in levels:
            f.death = False
            f.settled.append(said("guideline.settled.no_death", base=base, levels=_or(levels)))
            return
    words, why = presumption("death_or_injury_offense")
    f.death = False
    levels = _death_levels(f, f.manual or f.as_of)
    f.presumptions.append(Presumed(f"{f.where}.guidelines.death_or_serious_bodily_injury", words, why,
                                   said("presumed.death_or_injury_offense.if_instead", levels=_or(levels))
                                   if levels else said("presumed.death_or_injury_offense.if_instead.no_levels")))


def _death_levels(f: Facts, on: date) -> list[int]:
    """The §2D1.1(a)(1)-(2) base offense levels (death or serious bodily injury resulted), from the law data."""
    return sorted({int(v.value) for name in ("base_level_death_or_injury", "base_level_death_or_injury_with_prior")
                   if (v := f.trace.entry(f"guidelines.drug_offense.{name}", on)) is not None})


def _or(levels: list[int]) -> Said:
    out = said("text", text=levels[-1])
    for level in reversed(levels[:-1]):
        out = said("term.or", first=said("text", text=level), then=out)
    return out


def _decimal(value: float) -> Decimal:
    return Decimal(str(value))


def _partial_sentencing_is_ambiguous(f: Facts, cuts: list[date]) -> bool:
    imposed = f.judgment.imposed_on
    if f.g.manual is not None or imposed is None or imposed.exact is not None:
        return False
    return any(imposed.earliest < cut <= imposed.latest for cut in cuts)


# --- one calculation ------------------------------------------------------------------------------------------------

def _drug_level(f: Facts, rules: Rules, side: Side) -> int | None:
    level = dqt.offense_level(f.drugs, rules.drug_table, f.trace, rules.cocaine_base)
    side.steps += level.steps
    if level.level is None:
        side.steps.append(line(*DRUGS, "dqt.problem", problem=level.problem))
        return None
    capped = drug_offense.role_cap(level.level, f.g.mitigating_role_levels, rules.manual, f.trace)
    side.steps += capped.steps
    if capped.levels is None:
        side.need(*capped.missing)
    side.drug_level = level.level
    return capped.levels


def _base_level(f: Facts, rules: Rules, side: Side) -> int | None:
    """The base offense level under `rules`: as found, or from §2D1.1 and the stated quantities."""
    if f.drug_offense:
        over = drug_offense.override(f.death, f.g.prior_similar_conviction, rules.manual, f.trace)
        side.steps += over.steps
        if over.levels is not None:
            return over.levels
        if over.missing:
            side.need(*over.missing)
            return None
        if f.drugs:
            return _drug_level(f, rules, side)
    if f.g.base_offense_level is not None:
        side.steps.append(line(AS_FOUND, None, "found.base_level", level=f.g.base_offense_level))
        return f.g.base_offense_level
    side.need("drug_quantities" if f.drug_offense else "base_offense_level")
    return None


def _total_from_parts(f: Facts, rules: Rules, side: Side, base: int) -> int | None:
    """Chapters Two and Three from the base level: §2D1.1(b), other adjustments, §4C1.1 (if in the Manual), the
    career offender level (§4B1.1(b)), then §3E1.1."""
    level = base
    if f.drug_offense:
        soc = drug_offense.specific_characteristics(f.g.weapon, f.g.violence, f.g.safety_valve_reduction,
                                                    rules.manual, f.trace, base_level=base)
        side.steps += soc.steps
        if soc.levels is None:
            side.need(*soc.missing)
            return None
        level += soc.levels
    if f.g.other_adjustments is None:
        side.need("other_adjustments")
        return None
    if f.g.other_adjustments:
        level += f.g.other_adjustments
        side.steps.append(line(AS_FOUND, None, "found.adjustments", levels=f.g.other_adjustments))
    if f.g.career_offender:
        co = _career_level(f, rules.manual, side)
        if co is None:
            return None
        if co > level:
            side.steps.append(line(*CAREER, "career.greater", level=co, otherwise=level))
            level = co
    accepted = acceptance_rule.reduction(level, f.g.acceptance, f.g.acceptance_government_motion, rules.manual,
                                         f.trace, f.g.acceptance_additional_level)
    side.steps += accepted.steps
    if accepted.levels is None:
        side.need(*accepted.missing)
        return None
    level -= accepted.levels
    if rules.zero_point is not None:
        level -= _zero_point_levels(f, rules, side, side.points)
    return level


def _career_level(f: Facts, on: date, side: Side) -> int | None:
    _, maximum, _ = f.limits()
    if maximum is None:
        side.need("statutory_limits")
        side.steps.append(line(*CAREER, "career.maximum_unknown"))
        return None
    found = career.offense_level(maximum, on, f.trace)
    if found is None:
        side.steps.append(line(*CAREER, "no_table", section="§4B1.1", on=on))
        return None
    side.career_offender_level = found[0]
    side.steps.append(line(*CAREER, "career.level_life" if maximum == "life" else "career.level", found[1],
                           maximum=maximum, level=found[0]))
    side.citations.append(found[1])
    return found[0]


def _zero_point_facts(f: Facts, points: int | None) -> dict[str, bool | None]:
    z = f.g.zero_point_facts
    weapon = f.g.weapon
    if any(is_924c(c) for c in f.judgment.counts):
        weapon = True
    all_drug = bool(f.judgment.counts) and all(_is_drug_count(c, f.manual or f.as_of) for c in f.judgment.counts)
    cce = z.continuing_criminal_enterprise if z else None
    if any(s.title == "21" and s.section == "848" for c in f.judgment.counts for s in parse_statutes(c.statute)):
        cce = True
    # A drug-trafficking conviction is neither a sex offense (§4C1.1(b)(2)) nor a §2H1.1 offense: its guideline
    # is §2D1.1.
    return {
        "points": None if points is None else points > 0,
        "terrorism_adjustment": z.terrorism_adjustment if z else None,
        "violence": f.g.violence,
        "death_or_serious_bodily_injury": f.death,
        "sex_offense": (z.sex_offense if z and z.sex_offense is not None else (False if all_drug else None)),
        "substantial_financial_hardship": z.substantial_financial_hardship if z else None,
        "weapon": weapon,
        "civil_rights_offense": (z.civil_rights_offense if z and z.civil_rights_offense is not None
                                 else (False if all_drug else None)),
        "victim_adjustment": z.victim_adjustment if z else None,
        "aggravating_role": f.g.aggravating_role,
        "continuing_criminal_enterprise": cce,
    }


def _zero_point_levels(f: Facts, rules: Rules, side: Side, points: int | None) -> int:
    assert rules.zero_point is not None
    result = zero_point.evaluate(_zero_point_facts(f, points), rules.zero_point, rules.criteria, f.trace)
    if result.outcome == "not_in_manual":
        return 0
    side.citations.append(result.citation)
    if result.outcome == "met":
        side.steps.append(line(*ZERO_POINT, "zero_point.step_met", result.citation, levels=result.levels))
        return result.levels
    if result.outcome == "unknown":
        side.need(*[k if k != "points" else "criminal_history_points" for k in result.missing])
        side.steps.append(line(*ZERO_POINT, "zero_point.step", result.citation,
                               reasons=Joined(tuple(result.of_kind("unknown")), sep="; ")))
    elif result.outcome == "unsettled":
        side.review += result.of_kind("disputed")
        side.steps.append(line(*ZERO_POINT, "zero_point.step", result.citation,
                               reasons=Joined(tuple(side.review), sep="; ")))
    else:
        side.steps.append(line(*ZERO_POINT, "zero_point.step_not_met", result.citation,
                               reasons=Joined(tuple(result.of_kind("not_met")), sep="; ")))
    return 0


def _criminal_history(f: Facts, rules: Rules, side: Side) -> None:
    """Points and category as found, or from the priors' points and status points under `rules`."""
    g = f.g
    if g.career_offender:
        side.category = career.CATEGORY
        side.points = g.criminal_history_points
        side.steps.append(line(*CAREER, "career.category", career.CATEGORY_CITATION, category=career.CATEGORY))
        side.citations.append(career.CATEGORY_CITATION)
        return
    side.points = g.criminal_history_points
    side.status_points = g.status_points
    if side.points is None:
        known = [p.history_points for p in f.case.priors]
        if f.case.priors and all(k is not None for k in known):
            other = sum(k for k in known if k is not None)
            status = _status(f, rules.manual, other, side)
            if status is not None:
                side.status_points = status
                side.points = other + status + (g.recency_points or 0)
                side.steps.append(line(*HISTORY, "history.sum_recency" if g.recency_points else "history.sum",
                                       other=other, status=status, recency=g.recency_points, points=side.points))
        elif not f.case.priors and g.criminal_history_category is None:
            side.need("criminal_history_points")
    if g.criminal_history_category is not None:
        side.category = g.criminal_history_category
        side.steps.append(line(AS_FOUND, None, "found.category", category=side.category))
    elif side.points is not None:
        found = category_for_points(side.points, rules.manual, f.trace)
        if found:
            side.category = found[0]
            side.steps.append(line(*TABLE, "history.category", found[1], points=side.points, category=found[0]))
            side.citations.append(found[1])
    else:
        side.need("criminal_history_points")


def _status(f: Facts, on: date, other: int, side: Side) -> int | None:
    under = f.g.under_criminal_justice_sentence
    if under is None:
        # Unstated, it matters only if the answer changes the points (after Amendment 821, not below 7 points).
        either = {history.status_points(other, answer, on, f.trace) for answer in (True, False)}
        if len(either) != 1:
            side.need("under_criminal_justice_sentence")
            return None
        found = either.pop()
        if found is not None:
            side.steps.append(line(*HISTORY, "history.no_status_either_way", found[1], other=other))
    else:
        found = history.status_points(other, under, on, f.trace)
    if found is None:
        return None
    side.citations.append(found[1])
    return found[0]


def _range(f: Facts, rules: Rules, side: Side) -> None:
    if side.offense_level is None or side.category is None:
        return
    found = guideline_range(side.offense_level, side.category, rules.manual, f.trace)
    if found is None:
        side.steps.append(line(*TABLE, "table.no_data", on=rules.manual))
        return
    side.table_range = found
    side.citations.append(found.citation)
    side.steps.append(line(*TABLE, "table.cell", found.citation, level=side.offense_level, category=side.category,
                           range=found.words()))
    low, high, several = f.limits()
    if low is None and high is None:
        side.range = side.unrestricted_range = found
        side.steps.append(line("STATUTORY_LIMITS", "ussg_5g1_1", "limits.unknown"))
        return
    side.unrestricted_range = found
    limited, why = restrict(found, low, high, several)
    side.range = limited
    if why:
        side.steps.append(Step("STATUTORY_LIMITS", "ussg_5g1_1", limited.citation, why))
        side.citations.append(limited.citation)
    _career_offender_924c(f, rules, side)


def _career_offender_924c(f: Facts, rules: Rules, side: Side) -> None:
    """§4B1.1(c)(2): a career offender convicted under 924(c) gets the greater of (A) the range on the other counts
    with the consecutive minimum added to both ends and (B) the §4B1.1(c)(3) range for the acceptance granted."""
    if not f.g.career_offender or side.range is None or not any(is_924c(c) for c in f.judgment.counts):
        return
    added = f.firearm_minimum()
    if added is None:
        side.steps.append(line(*CAREER, "career.924c_unknown"))
        return
    level_before = side.career_offender_level or _career_level(f, rules.manual, side)
    if level_before is None:
        return
    accepted = acceptance_rule.reduction(level_before, f.g.acceptance, f.g.acceptance_government_motion,
                                         rules.manual, f.trace, f.g.acceptance_additional_level)
    if accepted.levels is None:
        side.need(*accepted.missing)
        return
    table = career.firearm_range(accepted.levels, rules.manual, f.trace)
    if table is None:
        return
    plus = GuidelineRange(side.range.low if side.range.low == "life" else int(side.range.low) + added,
                          side.range.high if side.range.high == "life" else int(side.range.high) + added,
                          "USSG §4B1.1(c)(2)(A)")
    greater = max((plus, table), key=lambda r: (months_key(r.low), months_key(r.high)))
    side.with_924c_range = greater
    side.citations.append(table.citation)
    side.steps.append(line(*CAREER, "career.924c", table.citation, range=side.range.words(), added=added,
                           plus=plus.words(), levels=accepted.levels, table=table.words(), greater=greater.words()))


def calculate_then(f: Facts, rules: Rules) -> Side:
    side = Side(rules.manual)
    g = f.g
    _criminal_history(f, rules, side)
    if g.total_offense_level is not None:
        side.offense_level = g.total_offense_level
        side.base_offense_level = g.base_offense_level
        side.steps.insert(0, line(AS_FOUND, None, "found.total_level", level=g.total_offense_level))
    else:
        base = _base_level(f, rules, side)
        side.base_offense_level = base
        if base is not None:
            side.offense_level = _total_from_parts(f, rules, side, base)
    if g.range_months is not None:
        low, high = g.range_months
        side.range = GuidelineRange(low, high, "as found at sentencing")
        side.steps.append(line(AS_FOUND, None, "found.range", low=low, high=high))
        table_low, table_high, _ = f.limits()
        if side.offense_level is not None and side.category is not None:
            table = guideline_range(side.offense_level, side.category, rules.manual, f.trace)
            side.table_range = table
            side.unrestricted_range = table
        elif table_low is not None or table_high is not None:
            side.unrestricted_range = side.range
    else:
        _range(f, rules, side)
    return side


def calculate_amended(f: Facts, then: Side, then_rules: Rules, rules: Rules) -> Side:
    """The range with the amendments `rules` moves substituted (§1B1.10(b)(1)); every other decision as found."""
    side = Side(rules.manual)
    g = f.g
    # Offense level: the found (or computed) level, moved by what the amended Drug Quantity Table changes.
    delta = 0
    if then.offense_level is None:
        side.need("total_offense_level")
    drug_changes = (rules.drug_table != then_rules.drug_table or rules.cocaine_base != then_rules.cocaine_base)
    if f.drug_offense and drug_changes and then.offense_level is not None:
        moved = _drug_delta(f, then_rules, rules, side)
        if moved is None:
            side.offense_level = None
        else:
            delta = moved
    if then.offense_level is not None and not side.missing:
        level = then.offense_level + delta
        if g.career_offender and delta:
            level = _career_floor(f, then, level, rules, side)
        side.offense_level = level
    # Criminal history: status points under the amended rule.
    side.category, side.points, side.status_points = then.category, then.points, then.status_points
    if not g.career_offender and rules.status_points != then_rules.status_points:
        _amended_status(f, then, rules, side)
    # Zero-point offenders: not in the Manual applied then, substituted now.
    if rules.zero_point is not None and then_rules.zero_point is None and side.offense_level is not None:
        points = then.points
        if points is None and then.category not in (None, "I"):
            points = 2  # category II or higher means points were counted: criterion (1) fails
        side.offense_level -= _zero_point_levels(f, rules, side, points)
    if side.offense_level is not None and side.category is not None:
        _range(f, rules, side)
    side.base_offense_level = then.base_offense_level
    return side


def _drug_delta(f: Facts, then_rules: Rules, rules: Rules, side: Side) -> int | None:
    """How many levels the amended Drug Quantity Table moves the base level."""
    if f.death:
        side.steps.append(line(*DRUGS, "amended.death"))
        return 0
    if f.death is None:
        side.need("death_or_serious_bodily_injury")
        return None
    if f.drugs:
        before = Side(then_rules.manual)
        old = _drug_level(f, then_rules, before)
        new = _drug_level(f, replace(rules, manual=then_rules.manual), side)
        side.missing += [m for m in before.missing if m not in side.missing]
        if old is None or new is None:
            return None
        if f.g.base_offense_level is not None and f.g.base_offense_level != old:
            side.steps.append(line(*DRUGS, "amended.found_differs", found=f.g.base_offense_level, table=old))
        side.steps.append(line(*DRUGS, "amended.levels", then=old, now=new, change=new - old))
        return new - old
    base = f.g.base_offense_level
    drugs = f.count_drugs
    if base is None or len(drugs) != 1:
        side.need("drug_quantities")
        return None
    drug = next(iter(drugs))
    then_col = dqt.column(drug, then_rules.drug_table, then_rules.cocaine_base, f.trace)
    now_col = dqt.column(drug, rules.drug_table, rules.cocaine_base, f.trace)
    capped_possible = f.g.mitigating_role_levels not in (None, 0) or (
        f.g.mitigating_role_levels is None and base >= drug_offense.lowest_capped_level())
    if then_col is None or now_col is None or capped_possible:
        side.need("drug_quantities")
        return None
    span = dqt.band(then_col[0], base)
    if span is None:
        side.need("drug_quantities")
        return None
    least, below = span
    low_level = dqt.level_in(now_col[0], least)
    high_level = dqt.level_in(now_col[0], below - Decimal("0.000001")) if below is not None else None
    if high_level is None or high_level != low_level:
        side.need("drug_quantities")
        side.steps.append(line(*DRUGS, "amended.split", level=base, drug=drug_said(drug)))
        return None
    side.steps.append(line(*DRUGS, "amended.band" if below is not None else "amended.band_open", now_col[1],
                           level=base, drug=drug_said(drug), least=weight(least), now=low_level,
                           below=weight(below) if below is not None else None, then_citation=then_col[1]))
    return low_level - base


def _career_floor(f: Facts, then: Side, level: int, rules: Rules, side: Side) -> int:
    """A career offender's level cannot fall below the §4B1.1(b) level (less acceptance)."""
    co = _career_level(f, rules.manual, side)
    if co is None:
        return level
    accepted = acceptance_rule.reduction(co, f.g.acceptance, f.g.acceptance_government_motion, rules.manual, f.trace,
                                         f.g.acceptance_additional_level)
    if accepted.levels is None:
        side.need(*accepted.missing)
        return level
    floor = co - accepted.levels
    if level < floor:
        side.steps.append(line(*CAREER, "career.floor", floor=floor, level=co, acceptance=accepted.levels))
        return floor
    return level


def _amended_status(f: Facts, then: Side, rules: Rules, side: Side) -> None:
    g = f.g
    if then.points is None:
        side.need(*(then.missing or ["criminal_history_points"]))
        side.category = None
        return
    status_then = then.status_points
    if status_then is None and g.under_criminal_justice_sentence is not None:
        found_then = history.status_points(0, g.under_criminal_justice_sentence, f.manual or rules.manual, f.trace)
        status_then = found_then[0] if found_then else None
    if status_then is None:
        # Fewer points than status alone adds (2 before Amendment 821, §4A1.1(d)): none of them were status points.
        most = history.status_points(then.points, True, f.manual or rules.manual, f.trace)
        if most is not None and then.points < most[0]:
            status_then = 0
            side.steps.append(line(*HISTORY, "history.fewer_than_status", most[1], points=then.points,
                                   status=most[0]))
    if status_then is None:
        side.need("status_points")
        side.category = None
        return
    if status_then and g.recency_points is None and history.recency_points_counted(f.manual or rules.manual, f.trace):
        side.need("recency_points")
        side.category = None
        return
    # Only a Manual before Amendment 821 gets here, and it gave status points whenever the offense was committed
    # under a criminal justice sentence: none found means there was none.
    under = status_then > 0
    other = then.points - status_then - (g.recency_points or 0)
    found = history.status_points(other, under, rules.status_points, f.trace)
    if found is None:
        return
    status_now, citation = found
    points = other + (g.recency_points or 0) + status_now
    side.points, side.status_points = points, status_now
    side.citations.append(citation)
    side.steps.append(line(*HISTORY, "history.status_amended", citation, then=status_then, now=status_now,
                           other=other, before=then.points, after=points))
    category = category_for_points(points, rules.manual, f.trace)
    if category:
        side.category = category[0]
        side.steps.append(line(*TABLE, "history.category_amended", category[1], points=points,
                               category=category[0]))


# --- then, now and the 3582(c)(2) screen ---------------------------------------------------------------------------

def _zero_point_from() -> date:
    return law().parameter("guidelines.zero_point_offender.reduction_levels").values[0].from_


@law_cache(maxsize=4096)  # a function of the law and the Manual's date alone (a Rules is never changed once made)
def _rules_then(manual: date) -> Rules:
    zp = manual if manual >= _zero_point_from() else None
    return Rules(manual, manual, manual, manual, zp, manual)


def _moved(then_rules: Rules, topics: set[Any], on: date, criteria_on: date) -> Rules:
    """`then_rules` with the rules of `topics` read as of `on` (the amendments substituted)."""
    return Rules(
        manual=then_rules.manual,
        drug_table=on if "drug_quantity" in topics else then_rules.drug_table,
        cocaine_base=on if topics & {"drug_quantity", "cocaine_base"} else then_rules.cocaine_base,
        status_points=on if "status_points" in topics else then_rules.status_points,
        zero_point=(on if "zero_point" in topics else then_rules.zero_point),
        criteria=criteria_on,
    )


def _finish(f: Facts, side: Side) -> None:
    if side.range is not None and side.manual is not None:
        side.zone = zone(side.range.low, side.manual, f.trace)


def _sentence(f: Facts) -> Months | None:
    """The term on the counts the range covers (concurrent: the longest); 924(c) terms run apart."""
    terms: list[int | str] = []
    for c in f.judgment.counts:
        if is_924c(c):
            continue
        if c.life:
            terms.append("life")
        elif c.months is None:
            return None
        else:
            terms.append(c.months)
    if not terms:
        return None
    longest = max(terms, key=_key)
    return "life" if longest == "life" else int(longest)


def _relevant(f: Facts, amendment: CoveredAmendment) -> bool:
    if amendment.only_with_drug is not None and _played_no_part(f, amendment.only_with_drug):
        return False
    topics = set(amendment.changes)
    if topics & {"drug_quantity"}:
        return f.drug_offense
    if topics == {"cocaine_base"}:
        return "cocaine_base" in f.count_drugs
    return topics != {"other"} or f.drug_offense


def _played_no_part(f: Facts, substance: str) -> bool:
    """`substance` (in any of its forms: oxycodone, oxycodone_actual) played no part in the range: every drug count
    names its substances, each one the guidelines' conversion table names (a class such as "schedule_ii" could
    hide it), and none is a form of it."""
    if not _drugs_all_stated(f):
        return False
    known = cdw.substances(f.as_of, f.trace)
    return all(d in known for d in f.count_drugs) and not any(
        d == substance or d.startswith(substance + "_") for d in f.count_drugs)


def _drugs_all_stated(f: Facts) -> bool:
    """Every drug count names its substance(s): only then can a substance absent from them and from the guideline
    quantities (both in `count_drugs`) be said to have played no part."""
    counts = [c for c in f.judgment.counts if _is_drug_count(c, f.manual or f.as_of)]
    return bool(counts) and all(c.drug or c.drugs for c in counts)


def assess_guidelines(case: Case, as_of: date, computation: Computation) -> tuple[GuidelineSides | None,
                                                                                  list[Finding]]:
    """The `guidelines` key of `reprieve assess` and the 3582(c)(2) findings (cli.md)."""
    if not case.judgments:
        return None, []
    j = next((i for i, jd in enumerate(case.judgments) if jd.guidelines is not None), 0)
    f = read_facts(case, j, as_of)
    if f.judgment.guidelines is None and not f.drug_offense:
        return None, []
    listed = retro.covered(as_of, f.trace)
    if f.manual is None:
        finding = Finding(AVENUE, "retroactive guideline amendments", "needs_facts",
                          said("guide.summary.no_date"), [said("guide.no_date")], [retro.STATUTE, retro.METHOD],
                          [question(f.where, "imposed_on")])
        return GuidelineSides(j, f.where, None, None, missing=[question(f.where, "imposed_on")]), [finding]
    manual = f.manual
    then_rules = _rules_then(manual)
    then = calculate_then(f, then_rules)
    _finish(f, then)
    # A sentencing date known only in part: an amendment that took effect within it may or may not have been in
    # the Manual applied, so it is listed (and asked about) rather than dropped.
    imposed = f.judgment.imposed_on
    earliest = imposed.earliest if (f.g.manual is None and imposed is not None and imposed.exact is None) else manual
    since = min(earliest, manual)
    amendments = [a for a in (listed[0] if listed else []) if a.effective > since and _relevant(f, a)]
    ambiguous = _partial_sentencing_is_ambiguous(f, [a.effective for a in amendments])
    topics = {t for a in amendments for t in a.changes if t != "other"}
    if topics:
        now_rules = _moved(then_rules, topics, as_of, as_of)
        now = calculate_amended(f, then, then_rules, now_rules)
        now.steps.insert(0, line(*SUBSTITUTED, "amendments_substituted", retro.METHOD, names=Joined(tuple(
            _amendment_said(a) for a in amendments if set(a.changes) - {"other"}), sep=", ")))
    else:
        now = _unchanged(then, [line(*SUBSTITUTED, "no_amendment"), *then.steps], as_of)
        now_rules = then_rules
    _finish(f, now)
    findings: list[Finding] = []
    for amendment in amendments:
        if set(amendment.changes) == {"other"}:
            continue
        variant_rules = _moved(then_rules, set(amendment.changes), amendment.effective, as_of)
        variant = calculate_amended(f, then, then_rules, variant_rules)
        _finish(f, variant)
        findings.append(_finding(f, then, variant, now, amendment, computation, ambiguous))
    older = [a for a in amendments if set(a.changes) == {"other"}]
    if older:
        findings.append(_older(f, older, listed[1] if listed else retro.STATUTE))
    note = said("guideline.manual_uncertain") if ambiguous else None
    sides = GuidelineSides(j, f.where, then, now,
                           amendments_applied=[retro.name(a) for a in amendments if set(a.changes) - {"other"}],
                           unverified=f.trace.unverified() if explaining() else [],  # (only a reader reads it)
                           presumptions=f.presumptions, settled=f.settled, note=note)
    return sides, findings


def _unchanged(then: Side, steps: list[Step], manual: date) -> Side:
    """`then` as the range today, with its own steps and Manual: `dataclasses.replace(then, steps=..., manual=...)`
    (sharing the other fields' values, as it does) without its checks of every field, a third of the cost."""
    now = object.__new__(Side)
    now.__dict__.update(then.__dict__)
    now.steps = steps
    now.manual = manual
    return now


def _lowers(then: GuidelineRange, amended: GuidelineRange) -> bool:
    return (months_key(amended.low), months_key(amended.high)) < (months_key(then.low), months_key(then.high)) and \
        months_key(amended.low) <= months_key(then.low) and months_key(amended.high) <= months_key(then.high)


@dataclass
class _Draft:
    """A 3582(c)(2) finding being written: its ground, reasons, citations and the figures beside them."""

    f: Facts
    then: Side
    ground: str
    named: Said  # the amendment, as words
    eligible_from: date
    reasons: list[ReasonLike]
    citations: list[str]
    figures: AmendmentFigures

    def says(self, summary: str, **values: Any) -> Said:
        """The finding's summary, a `guide.summary.*` message about this amendment."""
        return said(f"guide.summary.{summary}", ground=self.named, **values)

    def make(self, status: Status, summary: str, missing: list[str] | None = None, **values: Any) -> Finding:
        return Finding(AVENUE, self.ground, status, self.says(summary, **values), self.reasons, self.citations,
                       [question(self.f.where, k) for k in missing or []],
                       self.eligible_from if status == "eligible" else None,
                       {"offense_level_then": self.then.offense_level, "category_then": self.then.category},
                       extra=Extra(amendment=self.figures))


def _finding(f: Facts, then: Side, variant: Side, now: Side, amendment: CoveredAmendment, computation: Computation,
             ambiguous: bool) -> Finding:
    ground = retro.name(amendment)
    figures = AmendmentFigures(range_with_this_amendment_only_months=variant.range.as_list() if variant.range
                               else None)
    reasons: list[ReasonLike] = [said("guide.took_effect", ground=_amendment_said(amendment),
                                      what=quoted("amend.what.", amendment.what), effective=amendment.effective,
                                      manual=then.manual), *(step.said for step in variant.steps)]
    if not amendment.verified_dates:
        reasons.append(said("guide.unverified", ground=_amendment_said(amendment)))
    d = _Draft(f, then, ground, _amendment_said(amendment), amendment.orders_from or amendment.effective, reasons,
               [retro.STATUTE, f"USSG §1B1.10(d) ({ground})", retro.ELIGIBILITY, retro.METHOD], figures)
    early = _not_comparable(d, variant, ambiguous)
    if early is not None:
        return early
    return _compared(d, variant, now, computation)


def _not_comparable(d: _Draft, variant: Side, ambiguous: bool) -> Finding | None:
    """The finding when the ranges cannot be compared: the Manual, the career offender guideline, an unsettled
    reading or a missing fact decides it first."""
    f, then, ground = d.f, d.then, d.ground
    if ambiguous:
        return d.make("needs_facts", "exact_date", ["imposed_on"])
    if f.g.career_offender and then.offense_level is not None and variant.offense_level == then.offense_level \
            and variant.category == then.category:
        d.reasons.append(said("guide.career_offender"))
        return d.make("not_eligible", "career_offender")
    if variant.review:
        return Finding(AVENUE, ground, "needs_review", d.says("unsettled"),
                       [*d.reasons, *variant.review], d.citations, [], None, extra=Extra(amendment=d.figures),
                       positions=[
                           Position("either fact alone disqualifies", "the 2024 text of §4C1.1(a)(10)-(11) says so",
                                    ("USSG §4C1.1(a)(10), (11) (2024)",)),
                           Position("both facts are needed", "the 2023 text joined them with 'and'",
                                    ("USSG §4C1.1(a)(10) (2023)",))])
    if then.range is None or variant.range is None:
        missing = [m for m in [*then.missing, *variant.missing] if m]
        if then.range is None and not missing:
            missing = ["total_offense_level"]
        if then.category is None and "criminal_history_points" not in missing and not f.g.career_offender:
            missing.append("criminal_history_category")
        return d.make("needs_facts", "facts_not_stated",
                      list(dict.fromkeys(missing)))
    return None


def _compared(d: _Draft, variant: Side, now: Side, computation: Computation) -> Finding:
    """The ranges compared, then the lowest term the court may impose."""
    f, then = d.f, d.then
    assert then.range is not None and variant.range is not None
    # The original range as the statutory limits left it (the minimum the court departed from). Whether the
    # government moved for substantial assistance matters only for a term below that minimum: then the ranges
    # compared are computed without §5G1.1/§5G1.2 (§1B1.10(c), comment. n.4(B)) and the lowest term is a comparable
    # reduction ((b)(2)(B)). Unstated, it is asked for.
    then_range = then.range
    sentence = _sentence(f)
    below_range = sentence is not None and months_key(sentence) < months_key(then_range.low)
    lowers_plain = _lowers(then_range, variant.range)
    lowers_without_limits = _lowers(then.unrestricted_range or then_range, variant.unrestricted_range or variant.range)
    if f.g.substantial_assistance is None and (lowers_plain or lowers_without_limits) and (
            below_range or (sentence is None and not lowers_plain)):
        d.reasons.append(said("guide.substantial_assistance", comparable=retro.COMPARABLE,
                              minimum=retro.MANDATORY_MINIMUM))
        return d.make("needs_facts", "substantial_assistance",
                      ["substantial_assistance"] if sentence is not None else ["sentence", "substantial_assistance"])
    sa = bool(f.g.substantial_assistance)
    then_compared = (then.unrestricted_range or then_range) if sa else then_range
    amended = (variant.unrestricted_range or variant.range) if sa else variant.range
    if not _lowers(then_compared, amended):
        return _not_lowered(d, variant, sa)
    combined = (now.unrestricted_range or now.range) if sa else now.range
    assert combined is not None
    d.figures.amended_range_months = combined.as_list()
    d.reasons.append(said("guide.falls", then=_range_said(then.range), amended=_range_said(variant.range))
                     if combined == variant.range else
                     said("guide.falls_combined", then=_range_said(then.range), amended=_range_said(variant.range),
                          combined=_range_said(combined)))
    floor = _lowest(f, then_range, combined, sa, d.reasons)
    d.figures.lowest_sentence_months = floor
    d.citations.append(retro.COMPARABLE if sa else retro.FLOOR)
    if sa:
        d.citations.append(retro.MANDATORY_MINIMUM)
    d.citations.append(retro.TIME_SERVED)
    if sentence is None:
        return d.make("needs_facts", "term_needed", ["sentence"])
    if floor is None:
        return d.make("needs_facts", "floor_needed", ["sentence"])
    return _reduced_term(d, combined, floor, sentence, computation)


def _not_lowered(d: _Draft, variant: Side, sa: bool) -> Finding:
    then = d.then
    if not sa and then.table_range and variant.table_range and _lowers(then.table_range, variant.table_range):
        d.reasons.append(said("guide.table_falls", then=_range_said(then.table_range),
                              amended=_range_said(variant.table_range), applicable=_range_said(variant.range)))
        return d.make("not_eligible", "minimum_holds")
    d.reasons.append(said("guide.stays", range=_range_said(then.range), then_level=then.offense_level,
                          then_category=then.category, level=variant.offense_level, category=variant.category))
    if variant.missing:
        # e.g. a §4C1.1 criterion not stated: the range stays only because the reduction was not applied
        d.reasons.append(said("guide.stays_unstated"))
        return d.make("needs_facts", "facts_not_stated",
                      list(dict.fromkeys(variant.missing)))
    return d.make("not_eligible", "not_lowered")


def _reduced_term(d: _Draft, combined: GuidelineRange, floor: Months, sentence: Months,
                  computation: Computation) -> Finding:
    """The lowest term, never below the time served ((b)(2)(C)), against the sentence imposed."""
    served = computation.time_served_days
    if served is not None and floor != "life":
        # whole months at or above the time served: a term rounded down would fall below it ((b)(2)(C))
        per_month = law().value("guidelines.retroactive_amendments.days_per_month_served", d.f.as_of)
        months = math.ceil(served / per_month)
        if months > floor:
            d.reasons.append(said("guide.time_served", served=served, months=months, citation=retro.TIME_SERVED))
            floor = months
            d.figures.lowest_sentence_months = floor
    if months_key(floor) >= months_key(sentence):
        d.reasons.append(said("guide.at_or_below", sentence=_months(sentence), floor=_months(floor)))
        return d.make("not_eligible", "not_below_sentence")
    if computation.released_by(computation.as_of):
        # Released, the whole term has been served: no reduced term may fall below it ((b)(2)(C)).
        released = computation.projected_release_date or (computation.latest.projected_release
                                                          if computation.latest else None)
        d.reasons.append(said("guide.released", released=released, time_served=retro.TIME_SERVED,
                              supervised=retro.SUPERVISED_RELEASE, early=retro.EARLY_TERMINATION))
        d.citations.extend([retro.EARLY_TERMINATION, retro.SUPERVISED_RELEASE])
        return d.make("not_eligible", "already_served")
    return d.make("eligible", "lowers", range=_range_said(combined), floor=floor, day=d.eligible_from)


def _lowest(f: Facts, then_range: GuidelineRange, amended: GuidelineRange, sa: bool,
            reasons: list[ReasonLike]) -> Months | None:
    """USSG §1B1.10(b)(2): not below the amended minimum, or a comparable reduction after substantial assistance."""
    if amended.low == "life":
        return "life"
    if not sa:
        reasons.append(said("guide.floor", minimum=amended.low, citation=retro.FLOOR))
        return amended.low
    sentence = _sentence(f)
    if sentence is None or sentence == "life" or then_range.low == "life" or then_range.low == 0:
        return None
    if months_key(sentence) >= months_key(then_range.low):
        reasons.append(said("guide.not_below", sentence=_months(sentence), range=_range_said(then_range),
                            minimum=amended.low, citation=retro.FLOOR))
        return amended.low
    floor = retro.comparable_reduction(sentence, then_range.low, amended.low)
    reasons.append(said("guide.comparable", sentence=sentence, low=then_range.low, minimum=amended.low, floor=floor,
                        comparable=retro.COMPARABLE, mandatory=retro.MANDATORY_MINIMUM))
    return floor


def _amendment_said(amendment: CoveredAmendment) -> Said:
    """'Amendment 782', 'Amendment 821 (Part A)' (retro.name), as words."""
    if amendment.parts:
        return said("guide.amendment_parts", n=amendment.amendment, parts=quoted("amend.parts.", amendment.parts))
    return said("guide.amendment", n=amendment.amendment)


def _range_said(value: GuidelineRange | None) -> Said:
    """A guideline range as words: '70-87 months', '360 months to life', 'life' (as GuidelineRange prints it)."""
    return value.words() if value is not None else said("term.unknown")


def _months(value: Months | None) -> Any:
    """A number of months as the reasons print it ('life' in words)."""
    return said("term.life") if value == "life" else value


def _older(f: Facts, older: list[CoveredAmendment], citation: str) -> Finding:
    names = ", ".join(a.amendment for a in older)
    return Finding(AVENUE, "earlier amendments in §1B1.10(d)", "needs_review",
                   said("guide.summary.older_one" if len(older) == 1 else "guide.summary.older_many", names=names),
                   [*(said("guide.older" if a.verified_dates else "guide.older_unverified",
                           n=a.amendment, what=quoted("amend.what.", a.what), effective=a.effective) for a in older),
                    said("guide.check_one" if len(older) == 1 else "guide.check_many")],
                   [retro.STATUTE, citation])
