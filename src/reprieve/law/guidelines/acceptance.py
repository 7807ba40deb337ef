"""USSG §3E1.1: acceptance of responsibility (law.md E6, G7).

(a) -2 if the defendant clearly demonstrates acceptance; (b) -1 more only if (a) applies, the offense level before
(a) is 16 or more, and the government moves (timely notice of a plea that spared it preparing for trial). The
additional level came with Amendment 459 (Nov. 1, 1992); until the PROTECT Act (Apr. 30, 2003) it needed no motion:
the court found that the defendant timely gave complete information or timely gave notice of a plea.
"""

from __future__ import annotations

from datetime import date

from reprieve.law.guidelines.drug_offense import Levels
from reprieve.law.guidelines.schemas import AcceptanceRule
from reprieve.law.guidelines.worksheet import line
from reprieve.law.params import Value, law
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Said, said

RULE = "ACCEPTANCE"
AUTHORITY = "ussg_3e1_1"
_NAME = "guidelines.acceptance.reduction"


def reduction(level_before: int, accepted: bool | None, government_motion: bool | None, on: date,
              trace: Trace, additional_granted: bool | None = None) -> Levels:
    """The levels subtracted (a positive number). `additional_granted`: the court granted the additional level,
    the fact that decides it under a Manual that asked for no government motion."""
    entry = trace.entry(_NAME, on)
    if entry is None:
        return Levels(None, [line(RULE, AUTHORITY, "no_data", section="§3E1.1", on=on)])
    rule = parsed(AcceptanceRule, entry)
    cite = entry.citation
    if accepted is None:
        return Levels(None, [line(RULE, AUTHORITY, "acceptance.not_stated")], ["acceptance"])
    if not accepted:
        return Levels(0, [line(RULE, AUTHORITY, "acceptance.none")])
    if not rule.additional_levels or rule.additional_from_level is None:
        return Levels(rule.levels, [line(RULE, AUTHORITY, "acceptance.no_additional", cite, levels=rule.levels)])
    if level_before < rule.additional_from_level:
        return Levels(rule.levels, [line(RULE, AUTHORITY, "acceptance.below_additional", cite, levels=rule.levels,
                                         needs=rule.additional_from_level, level=level_before)])
    if not rule.government_motion_required:
        if additional_granted is None:
            return Levels(None, [line(RULE, AUTHORITY, "acceptance.finding_unstated", cite, levels=rule.levels,
                                      additional=rule.additional_levels, motion_from=_motion_from(entry))],
                          ["acceptance_additional_level"])
        total = rule.levels + (rule.additional_levels if additional_granted else 0)
        key = "acceptance.finding_granted" if additional_granted else "acceptance.finding_refused"
        return Levels(total, [line(RULE, AUTHORITY, key, cite, total=total, level=level_before)])
    if government_motion is None:
        return Levels(None, [line(RULE, AUTHORITY, "acceptance.motion_unstated", levels=rule.levels,
                                  additional=rule.additional_levels)], ["acceptance_government_motion"])
    total = rule.levels + (rule.additional_levels if government_motion else 0)
    key = "acceptance.with_motion" if government_motion else "acceptance.without_motion"
    return Levels(total, [line(RULE, AUTHORITY, key, cite, total=total, level=level_before)])


def _motion_from(entry: Value) -> Said | None:
    """The day the additional level first needed the government's motion (the PROTECT Act), as citations write a
    date ('Apr. 30, 2003'): the first later version of the rule that asks for one (law data)."""
    for later in law().parameter(_NAME).values:
        if later.from_ > entry.from_ and parsed(AcceptanceRule, later).government_motion_required:
            day = later.from_
            return said("guideline.date", month=said(f"guideline.month.{day.month}"), day=day.day, year=day.year)
    return None
