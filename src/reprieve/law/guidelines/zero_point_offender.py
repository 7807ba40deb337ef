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

from reprieve.law.guidelines.schemas import ZeroPointCriteria
from reprieve.law.penalty_ranges import Trace, parsed

Outcome = Literal["met", "not_met", "unknown", "unsettled", "not_in_manual"]


@dataclass
class ZeroPoint:
    outcome: Outcome
    levels: int = 0
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    citation: str = ""


def evaluate(facts: dict[str, bool | None], levels_on: date, criteria_on: date, trace: Trace) -> ZeroPoint:
    """Whether §4C1.1 applies: the reduction as of `levels_on` (the Manual applied), the criteria as of
    `criteria_on`. `facts` maps each fact to True (present), False (absent) or None (not stated)."""
    levels = trace.entry("guidelines.zero_point_offender.reduction_levels", levels_on)
    criteria = trace.entry("guidelines.zero_point_offender.criteria", criteria_on)
    if levels is None or criteria is None:
        return ZeroPoint("not_in_manual", reasons=[f"§4C1.1 is not in the Manual in force on {levels_on}"])
    out = ZeroPoint("met", int(levels.value), citation=criteria.citation)
    unknown = False
    for criterion in parsed(ZeroPointCriteria, criteria).root:
        values = [facts.get(f) for f in criterion.facts]
        present = [f for f, v in zip(criterion.facts, values, strict=True) if v]
        if criterion.unsettled and len(criterion.facts) > 1 and present and len(present) < len(criterion.facts):
            if out.outcome == "met":
                out.outcome = "unsettled"
            out.reasons.append(f"{criterion.id} {criterion.text}: {', '.join(present)} only - whether one alone "
                               "disqualifies under this text was disputed (the 2024 text says it does)")
            continue
        if present and (not criterion.unsettled or len(present) == len(criterion.facts)):
            out.outcome = "not_met"
            out.reasons.append(f"{criterion.id} not met: {criterion.text} ({', '.join(present)})")
        elif any(v is None for v in values):
            unknown = True
            out.missing += [f for f, v in zip(criterion.facts, values, strict=True) if v is None]
            out.reasons.append(f"{criterion.id} unknown: {criterion.text}")
        else:
            out.reasons.append(f"{criterion.id} met")
    if out.outcome == "met" and unknown:
        out.outcome = "unknown"
    if out.outcome != "met":
        out.levels = 0
    return out
