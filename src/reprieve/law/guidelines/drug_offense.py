"""USSG §2D1.1(a) and (b): the drug offense level before Chapter Three (law.md E2).

(a)(1)-(2) override the Drug Quantity Table when death or serious bodily injury resulted (43 with a prior similar
conviction, else 38); (a)(5) takes the table's level, lowered for a §3B1.2 mitigating role (the cap). (b)(1) a
dangerous weapon possessed +2; (b)(2) violence +2; (b)(18) the safety-valve criteria met -2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reprieve.law.guidelines.schemas import RoleCap
from reprieve.law.guidelines.worksheet import line
from reprieve.law.params import law
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Step

_FILE = "guidelines.drug_offense"
AUTHORITY = "ussg_2d1_1"
_WITH_PRIOR, _WITHOUT_PRIOR = "base_level_death_or_injury_with_prior", "base_level_death_or_injury"


@dataclass
class Levels:
    """Levels added (or subtracted) and the arithmetic; `levels` None when a deciding fact is unknown."""

    levels: int | None
    steps: list[Step] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def override(death_or_injury: bool | None, prior_similar: bool | None, on: date, trace: Trace) -> Levels:
    """§2D1.1(a)(1)-(2): the base level when death or serious bodily injury resulted (None: the table applies;
    `levels` None and `missing` when unknown)."""
    if death_or_injury is False:
        return Levels(None)
    if death_or_injury is None:
        return Levels(None, [line("BASE_LEVEL", AUTHORITY, "death.not_stated")], ["death_or_serious_bodily_injury"])
    if prior_similar is None:  # the two levels it chooses between, from the law data
        with_prior, without = (law().maybe(f"{_FILE}.{name}", on) for name in (_WITH_PRIOR, _WITHOUT_PRIOR))
        step = line("BASE_LEVEL", AUTHORITY, "death.prior_not_stated", with_prior=with_prior.value,
                    without=without.value) if with_prior and without else _no_data(on)
        return Levels(None, [step], ["prior_similar_conviction"])
    entry = trace.entry(f"{_FILE}.{_WITH_PRIOR if prior_similar else _WITHOUT_PRIOR}", on)
    if entry is None:
        return Levels(None, [_no_data(on)])
    return Levels(int(entry.value), [line("BASE_LEVEL", AUTHORITY, "death.level", entry.citation,
                                          level=entry.value)])


def _no_data(on: date) -> Step:
    return line("BASE_LEVEL", AUTHORITY, "no_data", section="§2D1.1(a)", on=on)


def lowest_capped_level() -> int:
    """The lowest Drug Quantity Table level any version of the §2D1.1(a)(5) mitigating-role cap lowers."""
    values = law().parameter(f"{_FILE}.mitigating_role_cap").values
    return min(row.level_from for value in values for row in parsed(RoleCap, value).rows)


def role_cap(level: int, mitigating_levels: int | None, on: date, trace: Trace) -> Levels:
    """§2D1.1(a)(5): the table's level after the mitigating-role cap (levels = the resulting level)."""
    entry = trace.entry(f"{_FILE}.mitigating_role_cap", on)
    if entry is None:
        return Levels(None, [line("ROLE_CAP", AUTHORITY, "no_data", section="§2D1.1(a)(5)", on=on)])
    cap = parsed(RoleCap, entry)
    reached = [r for r in cap.rows if level >= r.level_from]
    if not reached:
        return Levels(level)
    if mitigating_levels is None:
        return Levels(None, [line("ROLE_CAP", AUTHORITY, "role.not_stated", level=level)], ["mitigating_role_levels"])
    if mitigating_levels == 0:
        return Levels(level)
    row = reached[-1]
    capped = row.set_to if row.set_to is not None else level - (row.minus or 0)
    steps = [line("ROLE_CAP", AUTHORITY, "role.capped", entry.citation, level=level, capped=capped)]
    minimal = cap.minimal_role_levels
    if cap.minimal_role_ceiling is not None and minimal is not None and mitigating_levels >= minimal \
            and capped > cap.minimal_role_ceiling:
        capped = cap.minimal_role_ceiling
        steps.append(line("ROLE_CAP", AUTHORITY, "role.minimal", entry.citation, levels=minimal, capped=capped))
    return Levels(capped, steps)


def specific_characteristics(weapon: bool | None, violence: bool | None, safety_valve: bool | None, on: date,
                             trace: Trace, base_level: int | None = None) -> Levels:
    """§2D1.1(b)(1), (b)(2), (b)(18): the levels they add together. From Nov. 1, 1995 to Oct. 31, 2001 the
    safety-valve reduction applied only if "the offense level determined above" (`base_level` with the
    characteristics before it) was level 26 or greater (Amendment 515, struck by Amendment 624)."""
    out = Levels(0)
    for fact, name, sign, subsection in ((weapon, "weapon_levels", 1, "(b)(1)"),
                                         (violence, "violence_levels", 1, "(b)(2)"),
                                         (safety_valve, "safety_valve_levels", -1, "(b)(18)")):
        entry = trace.entry(f"{_FILE}.{name}", on)
        if entry is None:
            continue  # the characteristic did not exist in that Manual
        if name == "safety_valve_levels" and _below_safety_valve_minimum(base_level, out, on, trace):
            continue
        if fact is None:
            out.missing.append(name.removesuffix("_levels"))
            out.steps.append(line("CHARACTERISTIC", AUTHORITY, "soc.not_stated", subsection=subsection))
            continue
        if fact:
            change = sign * int(entry.value)
            assert out.levels is not None
            out.levels += change
            out.steps.append(line("CHARACTERISTIC", AUTHORITY, f"soc.{name.removesuffix('_levels')}", entry.citation,
                                  change=change))
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
    so_far.steps.append(line("CHARACTERISTIC", AUTHORITY, "soc.safety_valve_minimum", minimum.citation, level=level,
                             minimum=minimum.value))
    return True
