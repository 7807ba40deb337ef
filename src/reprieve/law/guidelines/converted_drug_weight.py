"""USSG §2D1.1 comment. n.8(B)-(D): converted drug weight (law.md E3, G6).

Each substance is converted to its converted drug weight (grams of marijuana), the weights are added and the total
is read on the converted-drug-weight column of the Drug Quantity Table. Schedule III-V substances are counted by
unit and capped: Schedule V at 2.49 kg, Schedule IV at 9.99 kg and Schedule III-V together at 79.99 kg, as the
worked example of n.8(C)(iv) applies the caps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reprieve.law.guidelines.schemas import ConversionCaps, Conversions, MinimumLevel
from reprieve.law.guidelines.worksheet import drug_said, line
from reprieve.law.params import law
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Said, Step, said

_NAME = "guidelines.converted_drug_weight.per_gram_or_unit"
RULE = "CONVERTED_DRUG_WEIGHT"
AUTHORITY = "ussg_2d1_1"


def minimum_level(drugs: set[str], on: date, trace: Trace) -> tuple[int, list[str], str] | None:
    """The level a combination containing `drugs` may not fall below (the n.8(D) footnote), the substances that set
    it, and its citation; None when none of them carries the minimum."""
    entry = trace.entry("guidelines.converted_drug_weight.minimum_level", on)
    if entry is None:
        return None
    rule = parsed(MinimumLevel, entry)
    listed = sorted(drugs & set(rule.substances))
    return (rule.level, listed, entry.citation) if listed else None


def substances(on: date, trace: Trace) -> frozenset[str]:
    """The substances the conversion table in force on `on` names (empty when none is in force)."""
    entry = trace.entry(_NAME, on)
    return frozenset(parsed(Conversions, entry).root) if entry is not None else frozenset()


@dataclass
class Total:
    grams: Decimal | None
    steps: list[Step] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    problem: Said | None = None


def _kg(grams: Decimal) -> str:
    return f"{(grams / 1000).quantize(Decimal('0.001')).normalize():f} kg"


def weight(grams: Decimal) -> str:
    """`1500` -> `1.5 kg`; `0.25` -> `250 mg`; `80` -> `80 g`."""
    if grams >= 1000:
        return f"{(grams / 1000).normalize():f} kg"
    if grams < 1:
        return f"{(grams * 1000).normalize():f} mg"
    return f"{grams.normalize():f} g"


def convert(drug: str, grams: Decimal | None, units: Decimal | None, on: date,
            trace: Trace) -> tuple[Decimal, str | None] | None:
    """The converted drug weight in grams of an amount, and the schedule it is capped under (None: no factor)."""
    entry = trace.entry(_NAME, on)
    if entry is None:
        return None
    factor = parsed(Conversions, entry).root.get(drug)
    if factor is None:
        return None
    amount = units if factor.per == "unit" else grams
    if amount is None:
        return None
    return amount * Decimal(str(factor.converted_grams)), factor.schedule


def total(weights: list[tuple[str, Decimal | None, Decimal | None]], on: date, trace: Trace) -> Total:
    """Add up the converted drug weights of (drug, grams, units) amounts, with the Schedule III-V caps."""
    entry = trace.entry(_NAME, on)
    caps_entry = trace.entry("guidelines.converted_drug_weight.caps", on)
    if entry is None or caps_entry is None:
        first = law().parameter(_NAME).values[0].from_
        return Total(None, problem=said("guideline.cdw.no_data", on=on, first=first))
    out = Total(None, citations=[entry.citation])
    by_schedule: dict[str | None, Decimal] = {}
    items: list[tuple[str | None, Decimal]] = []
    for drug, grams, units in weights:
        converted = convert(drug, grams, units, on, trace)
        if converted is None:
            return Total(None, out.steps, problem=said("guideline.cdw.no_factor", drug=drug_said(drug)))
        value, schedule = converted
        amount = {"units": units} if units is not None else {"amount": weight(grams or Decimal(0))}
        out.steps.append(line(RULE, AUTHORITY, "cdw.units" if units is not None else "cdw.weight", drug=drug_said(drug),
                              converted=_kg(value), **amount))
        by_schedule[schedule] = by_schedule.get(schedule, Decimal(0)) + value
        items.append((schedule, value))
    caps = parsed(ConversionCaps, caps_entry)
    for schedule, cap in (("V", caps.schedule_v_grams), ("IV", caps.schedule_iv_grams)):
        limit = Decimal(str(cap))
        if by_schedule.get(schedule, Decimal(0)) > limit:
            out.steps.append(line(RULE, AUTHORITY, "cdw.capped", caps_entry.citation, schedule=schedule,
                                  converted=_kg(by_schedule[schedule]), cap=_kg(limit)))
            by_schedule[schedule] = limit
    lower = sum((by_schedule.get(s, Decimal(0)) for s in ("III", "IV", "V")), Decimal(0))
    limit = Decimal(str(caps.schedule_iii_iv_and_v_grams))
    grams = sum(by_schedule.values(), Decimal(0))
    if len(weights) > 1:
        shown = [_kg(v) for s, v in items if s is None] + [_kg(by_schedule[s]) for s in ("III", "IV", "V")
                                                            if s in by_schedule]
        out.steps.append(line(RULE, AUTHORITY, "cdw.combined", parts=" + ".join(shown), total=_kg(grams)))
    if lower > limit:
        out.steps.append(line(RULE, AUTHORITY, "cdw.capped_together", caps_entry.citation, converted=_kg(lower),
                              cap=_kg(limit)))
        grams = grams - lower + limit
    out.grams = grams
    return out
