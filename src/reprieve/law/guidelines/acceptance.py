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
from reprieve.law.penalty_ranges import Trace, parsed


def reduction(level_before: int, accepted: bool | None, government_motion: bool | None, on: date,
              trace: Trace, additional_granted: bool | None = None) -> Levels:
    """The levels subtracted (a positive number). `additional_granted`: the court granted the additional level,
    the fact that decides it under a Manual that asked for no government motion."""
    entry = trace.entry("guidelines.acceptance.reduction", on)
    if entry is None:
        return Levels(None, [f"reprieve has no §3E1.1 data for a Manual in force on {on}"])
    rule = parsed(AcceptanceRule, entry)
    if accepted is None:
        return Levels(None, ["whether the court granted acceptance of responsibility (§3E1.1) is not stated"],
                      ["acceptance"])
    if not accepted:
        return Levels(0, ["no reduction for acceptance of responsibility"])
    if not rule.additional_levels or rule.additional_from_level is None:
        return Levels(rule.levels, [f"acceptance: -{rule.levels} (§3E1.1(a); this Manual has no additional level) "
                                    f"({entry.citation})"])
    if level_before < rule.additional_from_level:
        return Levels(rule.levels, [f"acceptance: -{rule.levels} (§3E1.1(a)); the additional level needs an offense "
                                    f"level of {rule.additional_from_level} or more (it is {level_before}) "
                                    f"({entry.citation})"])
    if not rule.government_motion_required:
        if additional_granted is None:
            return Levels(None, [f"acceptance: -{rule.levels}; -{rule.additional_levels} more if the court found that "
                                 "the defendant timely gave complete information or timely gave notice of a guilty "
                                 "plea (§3E1.1(b); no government motion was needed before Apr. 30, 2003), which is "
                                 f"not stated ({entry.citation})"], ["acceptance_additional_level"])
        total = rule.levels + (rule.additional_levels if additional_granted else 0)
        why = "the court granted the additional level" if additional_granted else "no additional level"
        return Levels(total, [f"acceptance: -{total} ({why}; no government motion was needed; level before "
                              f"{level_before}) ({entry.citation})"])
    if government_motion is None:
        return Levels(None, [f"acceptance: -{rule.levels}; -{rule.additional_levels} more if the government moved "
                             "under §3E1.1(b), which is not stated"], ["acceptance_government_motion"])
    total = rule.levels + (rule.additional_levels if government_motion else 0)
    why = "with the government's motion" if government_motion else "without a government motion"
    return Levels(total, [f"acceptance: -{total} ({why}; level before {level_before}) ({entry.citation})"])
