"""USSG §4C1.1: the zero-point offender reduction (Amendment 821 Part B subpart 1, amended 2024; law.md E5, G7).

-2 levels if every criterion is met. Each criterion names facts that must all be false ("points": the defendant
received criminal history points). Under the 2023 text, criterion (10) joined the aggravating-role adjustment and a
continuing criminal enterprise with "and"; whether either alone disqualified was disputed until the 2024 text split
them into (10) and (11), so a case with only one of them is `unsettled` under the 2023 text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from reprieve.law.guidelines.schemas import ZeroPointCriteria, ZeroPointCriterion
from reprieve.law.params import Value, law
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Said, said, verbatim
from reprieve.words import catalog

Outcome = Literal["met", "not_met", "unknown", "unsettled", "not_in_manual"]
Kind = Literal["met", "not_met", "unknown", "disputed", "absent"]
_CRITERIA = "guidelines.zero_point_offender.criteria"


@dataclass(frozen=True)
class CriterionReason:
    """How one criterion (or the Manual) decides: `kind`, and what it says (a `guideline.zero_point.*` message)."""

    kind: Kind
    said: Said


@dataclass
class ZeroPoint:
    outcome: Outcome
    levels: int = 0
    reasons: list[CriterionReason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    citation: str = ""

    def of_kind(self, kind: Kind) -> list[Said]:
        return [r.said for r in self.reasons if r.kind == kind]


def evaluate(facts: dict[str, bool | None], levels_on: date, criteria_on: date, trace: Trace) -> ZeroPoint:
    """Whether §4C1.1 applies: the reduction as of `levels_on` (the Manual applied), the criteria as of
    `criteria_on`. `facts` maps each fact to True (present), False (absent) or None (not stated)."""
    levels = trace.entry("guidelines.zero_point_offender.reduction_levels", levels_on)
    criteria = trace.entry(_CRITERIA, criteria_on)
    if levels is None or criteria is None:
        return ZeroPoint("not_in_manual", reasons=[CriterionReason("absent", said(
            "guideline.zero_point.not_in_manual", on=levels_on))])
    out = ZeroPoint("met", int(levels.value), citation=criteria.citation)
    unknown = False
    for criterion in parsed(ZeroPointCriteria, criteria).root:
        values = [facts.get(f) for f in criterion.facts]
        present = [f for f, v in zip(criterion.facts, values, strict=True) if v]
        text = _text(criterion)
        if criterion.unsettled and len(criterion.facts) > 1 and present and len(present) < len(criterion.facts):
            if out.outcome == "met":
                out.outcome = "unsettled"
            out.reasons.append(CriterionReason("disputed", said(
                "guideline.zero_point.disputed", id=criterion.id, text=text, present=", ".join(present),
                settled=_settled_from(criteria))))
            continue
        if present and (not criterion.unsettled or len(present) == len(criterion.facts)):
            out.outcome = "not_met"
            out.reasons.append(CriterionReason("not_met", said("guideline.zero_point.not_met", id=criterion.id,
                                                               text=text, present=", ".join(present))))
        elif any(v is None for v in values):
            unknown = True
            out.missing += [f for f, v in zip(criterion.facts, values, strict=True) if v is None]
            out.reasons.append(CriterionReason("unknown", said("guideline.zero_point.unknown", id=criterion.id,
                                                               text=text)))
        else:
            out.reasons.append(CriterionReason("met", said("guideline.zero_point.met", id=criterion.id)))
    if out.outcome == "met" and unknown:
        out.outcome = "unknown"
    if out.outcome != "met":
        out.levels = 0
    return out


def _text(criterion: ZeroPointCriterion) -> Said:
    """The criterion's words: the law data's text, read in another language from the catalog's
    `guideline.zero_point.criterion.<facts>` - only while the catalog's English is that very text (a criterion
    the data rewords is given as the data says it until its translation follows)."""
    key = "guideline.zero_point.criterion." + "+".join(criterion.facts)
    return said(key) if catalog("en").get(key) == criterion.text else verbatim(criterion.text)


def _settled_from(criteria: Value) -> int | None:
    """The year of the first later text of the criteria in which none is unsettled (the 2024 text split (a)(10))."""
    for later in law().parameter(_CRITERIA).values:
        if later.from_ > criteria.from_ and not any(c.unsettled for c in parsed(ZeroPointCriteria, later).root):
            return later.from_.year
    return None
