"""USSG §2D1.1(c): the Drug Quantity Table and its notes (law.md E2, G6, G7).

A quantity reaches the highest level whose "at least" quantity it equals or exceeds; below them all, the drug's
floor level applies. Notes: (A) the whole mixture is weighed; (B) for methamphetamine, amphetamine and PCP the
greater of the mixture's level and the level of the pure ("actual") substance; (C) "Ice" is weighed as
methamphetamine (actual); (E) each marijuana plant counts 100 g; (G) LSD counts 0.4 mg per dose. Several different
substances are combined by converted drug weight (comment. n.8(B); `converted_drug_weight`). The columns and the
cocaine base column are dated: the Manual used at sentencing (or, for a retroactive amendment, its own version).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reprieve.case.types import Quantity
from reprieve.law.guidelines import converted_drug_weight as cdw
from reprieve.law.guidelines.schemas import DrugColumn, DrugTable, Names
from reprieve.law.guidelines.worksheet import drug_said, drugs_said, line
from reprieve.law.params import Value
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Said, Step, said

CRACK = "cocaine_base"
CDW_COLUMN = "converted_drug_weight"
MG = Decimal("0.001")
RULE = "DRUG_QUANTITY"
AUTHORITY = "ussg_2d1_1"


@dataclass(frozen=True)
class DrugAmount:
    """One substance the court found, as the case file states it."""

    drug: str
    quantity: Quantity
    purity_percent: Decimal | None = None


@dataclass
class DrugLevel:
    """The Drug Quantity Table level of the substances, with the arithmetic; `level` None when it cannot be found
    (`problem` says why)."""

    level: int | None
    steps: list[Step] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    problem: Said | None = None


Column = tuple[int, list[tuple[int, Decimal]]]  # floor, [(level, least grams)] highest level first
_COLUMNS: dict[int, tuple[Value, dict[str, Column]]] = {}


def _read(entry: Value) -> dict[str, Column]:
    hit = _COLUMNS.get(id(entry))
    if hit is None or hit[0] is not entry:
        columns: dict[str, Column] = {}
        if entry.value.keys() >= {"floor", "at_least"}:
            column = parsed(DrugColumn, entry)
            columns[CRACK] = (column.floor, sorted(((lvl, Quantity.parse(q).grams) for lvl, q in
                                                   column.at_least.items()), reverse=True))
        else:
            table = parsed(DrugTable, entry)
            for drug, rows in table.columns.items():
                columns[drug] = (table.floors[drug], sorted(((lvl, Quantity.parse(q).grams) for lvl, q in
                                                            rows.items()), reverse=True))
        hit = (entry, columns)
        _COLUMNS[id(entry)] = hit
    return hit[1]


def column(drug: str, on: date, crack_on: date, trace: Trace) -> tuple[Column, str] | None:
    """The column of `drug` in the table in force on `on` (cocaine base: on `crack_on`) and its citation."""
    name = "guidelines.drug_quantity.cocaine_base" if drug == CRACK else "guidelines.drug_quantity.table"
    entry = trace.entry(name, crack_on if drug == CRACK else on)
    if entry is None:
        return None
    found = _read(entry).get(drug)
    return (found, entry.citation) if found else None


def level_in(col: Column, grams: Decimal) -> int:
    floor, rows = col
    for level, least in rows:
        if grams >= least:
            return level
    return floor


def band(col: Column, level: int) -> tuple[Decimal, Decimal | None] | None:
    """The quantities (grams) that give `level` in this column: [least, next level's least), None if no band."""
    floor, rows = col
    ordered = sorted(rows)
    if level == floor:
        return Decimal(0), ordered[0][1] if ordered else None
    for i, (lvl, least) in enumerate(ordered):
        if lvl == level:
            return least, ordered[i + 1][1] if i + 1 < len(ordered) else None
    return None


def _grams(amount: DrugAmount, on: date, trace: Trace) -> tuple[Decimal | None, Step | Said | None]:
    """The weight of the amount in grams: plants (note (E)) and LSD doses (note (G)) converted, with the step that
    converts them (or, without a weight, why)."""
    q = amount.quantity
    if q.is_mass:
        return q.grams, None
    if q.unit == "plants" and amount.drug == "marijuana":
        entry = trace.entry("guidelines.drug_quantity.grams_per_marijuana_plant", on)
        if entry is None:
            return None, said("guideline.dqt.no_plant_rule", on=on)
        grams = q.amount * Decimal(str(entry.value))
        return grams, line(RULE, AUTHORITY, "dqt.plants", entry.citation, n=q.amount, per=entry.value, grams=_g(grams))
    if q.unit == "doses" and amount.drug == "lsd":
        entry = trace.entry("guidelines.drug_quantity.milligrams_per_lsd_dose", on)
        if entry is None:
            return None, said("guideline.dqt.no_dose_weight", on=on)
        grams = q.amount * Decimal(str(entry.value)) * MG
        return grams, line(RULE, AUTHORITY, "dqt.doses", entry.citation, n=q.amount, per=entry.value, grams=_g(grams))
    return None, said("guideline.dqt.not_a_weight", quantity=q.text, drug=drug_said(amount.drug))


_g = cdw.weight


def _actual(drug: str, on: date, trace: Trace) -> str | None:
    entry = trace.entry("guidelines.drug_quantity.mixture_and_actual", on)
    return parsed(Names, entry).root.get(drug) if entry else None


def offense_level(amounts: list[DrugAmount], on: date, trace: Trace, crack_on: date | None = None) -> DrugLevel:
    """The Drug Quantity Table level of everything the court found, under the table in force on `on` (cocaine base
    under the column in force on `crack_on`, default `on`)."""
    crack_on = crack_on or on
    if not amounts:
        return DrugLevel(None, problem=said("guideline.dqt.no_quantity"))
    if len({a.drug for a in amounts}) > 1 or any(a.quantity.unit == "units" for a in amounts):
        # several substances, or one counted in units (Schedule III-V tablets): converted drug weight (n.8(B), (D))
        return _combined(amounts, on, crack_on, trace)
    out = DrugLevel(None)
    levels: list[int] = []
    drug = amounts[0].drug
    grams = Decimal(0)
    for amount in amounts:
        weight, step = _grams(amount, on, trace)
        if weight is None:
            return DrugLevel(None, problem=step if isinstance(step, Said) else None)
        if isinstance(step, Step):
            out.steps.append(step)
        grams += weight
    found = column(drug, on, crack_on, trace)
    purity = [a.purity_percent for a in amounts]
    if found is None:
        # A substance outside the table is weighed by its converted drug weight (n.8(D)).
        return _combined(amounts, on, crack_on, trace)
    col, citation = found
    level = level_in(col, grams)
    levels.append(level)
    out.steps.append(line(RULE, AUTHORITY, "dqt.level", citation, grams=_g(grams), drug=drug_said(drug), level=level))
    out.citations.append(citation)
    actual = _actual(drug, on, trace)
    if actual is not None and all(p is not None for p in purity):
        pure = sum((a.quantity.grams * (a.purity_percent or Decimal(0)) / 100 for a in amounts if a.quantity.is_mass),
                   Decimal(0))
        actual_col = column(actual, on, crack_on, trace)
        if actual_col is not None:
            actual_level = level_in(actual_col[0], pure)
            levels.append(actual_level)
            out.steps.append(line(RULE, AUTHORITY, "dqt.actual", grams=_g(grams), purity=purity[0], pure=_g(pure),
                                  drug=drug_said(actual), level=actual_level))
    out.level = max(levels)
    return out


def _combined(amounts: list[DrugAmount], on: date, crack_on: date, trace: Trace) -> DrugLevel:
    out = DrugLevel(None)
    weights: list[tuple[str, Decimal | None, Decimal | None]] = []
    for amount in amounts:
        if amount.quantity.unit == "units":
            weights.append((amount.drug, None, amount.quantity.amount))
            continue
        weight, step = _grams(amount, on, trace)
        if weight is None:
            return DrugLevel(None, problem=step if isinstance(step, Said) else None)
        if isinstance(step, Step):
            out.steps.append(step)
        purity = amount.purity_percent
        actual = _actual(amount.drug, on, trace)
        if actual is not None and purity is not None:
            mixture = cdw.convert(amount.drug, weight, None, on, trace)
            pure = cdw.convert(actual, weight * purity / 100, None, on, trace)
            if mixture is not None and pure is not None and pure[0] > mixture[0]:
                weights.append((actual, weight * purity / 100, None))
                continue
        weights.append((amount.drug, weight, None))
    total = cdw.total(weights, crack_on, trace)
    if total.grams is None:
        return DrugLevel(None, out.steps + total.steps, problem=total.problem)
    found = column(CDW_COLUMN, on, crack_on, trace)
    if found is None:
        return DrugLevel(None, out.steps + total.steps, problem=said("guideline.dqt.no_table", on=on))
    col, citation = found
    level = level_in(col, total.grams)
    out.steps += total.steps
    out.steps.append(line(RULE, AUTHORITY, "dqt.converted_level", citation, grams=_g(total.grams), level=level))
    out.citations += [*total.citations, citation]
    minimum = cdw.minimum_level({drug for drug, _, _ in weights}, crack_on, trace)
    if minimum is not None and minimum[0] > level:
        level = minimum[0]
        out.steps.append(line(RULE, AUTHORITY, "dqt.minimum_level", minimum[2], level=level,
                              drugs=drugs_said(minimum[1])))
        out.citations.append(minimum[2])
    out.level = level
    return out
