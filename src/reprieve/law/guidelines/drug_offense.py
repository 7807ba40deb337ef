"""USSG §2D1.1(a) and (b): the drug offense level before Chapter Three (law.md E2).

(a)(1)-(2) override the Drug Quantity Table when death or serious bodily injury resulted (43 with a prior similar
conviction, else 38); (a)(5) takes the table's level, lowered for a §3B1.2 mitigating role (the cap). (b)(1) a
dangerous weapon possessed +2; (b)(2) violence +2; (b)(18) the safety-valve criteria met -2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reprieve.law.guidelines.schemas import RoleCap
from reprieve.law.penalty_ranges import Trace, parsed

_FILE = "guidelines.drug_offense"


@dataclass
class Levels:
    """Levels added (or subtracted) and the arithmetic; `levels` None when a deciding fact is unknown."""

    levels: int | None
    steps: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def override(death_or_injury: bool | None, prior_similar: bool | None, on: date, trace: Trace) -> Levels:
    """§2D1.1(a)(1)-(2): the base level when death or serious bodily injury resulted (None: the table applies;
    `levels` None and `missing` when unknown)."""
    if death_or_injury is False:
        return Levels(None)
    if death_or_injury is None:
        return Levels(None, ["whether death or serious bodily injury resulted (§2D1.1(a)(1)-(2)) is not stated"],
                      ["death_or_serious_bodily_injury"])
    if prior_similar is None:
        return Levels(None, ["death or serious bodily injury resulted; whether a prior similar conviction makes "
                             "it level 43 rather than 38 is not stated"], ["prior_similar_conviction"])
    name = "base_level_death_or_injury_with_prior" if prior_similar else "base_level_death_or_injury"
    entry = trace.entry(f"{_FILE}.{name}", on)
    if entry is None:
        return Levels(None, [f"reprieve has no §2D1.1(a) data for a Manual in force on {on}"])
    return Levels(int(entry.value), [f"death or serious bodily injury resulted: base offense level {entry.value} "
                                     f"({entry.citation})"])


def role_cap(level: int, mitigating_levels: int | None, on: date, trace: Trace) -> Levels:
    """§2D1.1(a)(5): the table's level after the mitigating-role cap (levels = the resulting level)."""
    entry = trace.entry(f"{_FILE}.mitigating_role_cap", on)
    if entry is None:
        return Levels(None, [f"reprieve has no §2D1.1(a)(5) data for a Manual in force on {on}"])
    cap = parsed(RoleCap, entry)
    reached = [r for r in cap.rows if level >= r.level_from]
    if not reached:
        return Levels(level)
    if mitigating_levels is None:
        return Levels(None, [f"level {level} is reduced under §2D1.1(a)(5) if a mitigating role (§3B1.2) was found; "
                             "whether one was is not stated"], ["mitigating_role_levels"])
    if mitigating_levels == 0:
        return Levels(level)
    row = reached[-1]
    capped = row.set_to if row.set_to is not None else level - (row.minus or 0)
    steps = [f"mitigating role (§3B1.2): level {level} -> {capped} ({entry.citation})"]
    if cap.minimal_role_ceiling is not None and mitigating_levels >= 4 and capped > cap.minimal_role_ceiling:
        capped = cap.minimal_role_ceiling
        steps.append(f"a minimal role (4 levels): at most level {capped} ({entry.citation})")
    return Levels(capped, steps)


def specific_characteristics(weapon: bool | None, violence: bool | None, safety_valve: bool | None, on: date,
                             trace: Trace, base_level: int | None = None) -> Levels:
    """§2D1.1(b)(1), (b)(2), (b)(18): the levels they add together. From Nov. 1, 1995 to Oct. 31, 2001 the
    safety-valve reduction applied only if "the offense level determined above" (`base_level` with the
    characteristics before it) was level 26 or greater (Amendment 515, struck by Amendment 624)."""
    out = Levels(0)
    for fact, name, sign, what in ((weapon, "weapon_levels", 1, "(b)(1) a dangerous weapon was possessed"),
                                   (violence, "violence_levels", 1, "(b)(2) violence was used or threatened"),
                                   (safety_valve, "safety_valve_levels", -1, "(b)(18) the safety-valve criteria "
                                    "were met")):
        entry = trace.entry(f"{_FILE}.{name}", on)
        if entry is None:
            continue  # the characteristic did not exist in that Manual
        if name == "safety_valve_levels" and _below_safety_valve_minimum(base_level, out, on, trace):
            continue
        if fact is None:
            out.missing.append(name.removesuffix("_levels"))
            out.steps.append(f"§2D1.1{what.split(' ')[0]}: not stated whether it applied")
            continue
        if fact:
            change = sign * int(entry.value)
            assert out.levels is not None
            out.levels += change
            out.steps.append(f"§2D1.1{what}: {change:+d} ({entry.citation})")
    if out.missing:
        out.levels = None
    return out


def _below_safety_valve_minimum(base_level: int | None, so_far: Levels, on: date, trace: Trace) -> bool:
    """True when the Manual limits the safety-valve reduction to a minimum level that the offense level determined
    above it does not reach (a step says so); unknown levels never exclude it."""
    minimum = trace.entry(f"{_FILE}.safety_valve_minimum_level", on)
    if minimum is None or base_level is None or so_far.levels is None or so_far.missing:
        return False
    level = base_level + so_far.levels
    if level >= int(minimum.value):
        return False
    so_far.steps.append(f"§2D1.1(b) safety valve: no reduction - the offense level determined above is {level}, below "
                        f"level {minimum.value} ({minimum.citation})")
    return True
