"""USSG Chapter 5, Part A: the Sentencing Table, its zones and the criminal history categories (law.md E1, E4).

A range is (low, high) in months; "life" at either end as printed ("360-life"; level 43 is "life").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from reprieve.law.guidelines.schemas import CATEGORIES, Categories, SentencingTable, Zones, parse_range
from reprieve.law.params import Value
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.results import Said, said

Months = int | Literal["life"]
LIFE = 10**6  # orders "life" after every term in months


def months_key(value: Months) -> int:
    return LIFE if value == "life" else value


@dataclass(frozen=True)
class GuidelineRange:
    low: Months
    high: Months
    citation: str

    def as_list(self) -> list[Months]:
        return [self.low, self.high]

    def __str__(self) -> str:
        if self.low == "life":
            return "life"
        if self.low == self.high:  # a statutory limit is the guideline sentence (§5G1.1(a), (b))
            return f"{self.low} months"
        return f"{self.low}-{self.high} months" if self.high != "life" else f"{self.low} months to life"

    def words(self) -> Said:
        """The range as words, read as `str` prints it in English: '70-87 months', '360 months to life', 'life'."""
        if self.low == "life":
            return said("term.life")
        if self.high == "life":
            return said("guide.range_to_life", low=self.low)
        if self.low == self.high:
            return said("guide.months", n=self.low)
        return said("guide.range", low=self.low, high=self.high)


_CELLS: dict[int, tuple[Value, dict[int, list[tuple[Months, Months]]]]] = {}


def _cells(entry: Value) -> dict[int, list[tuple[Months, Months]]]:
    hit = _CELLS.get(id(entry))
    if hit is None or hit[0] is not entry:
        table = parsed(SentencingTable, entry).root
        hit = (entry, {level: [parse_range(cell) for cell in cells] for level, cells in table.items()})
        _CELLS[id(entry)] = hit
    return hit[1]


def guideline_range(level: int, category: str, on: date, trace: Trace) -> GuidelineRange | None:
    """The range of `level` (1-43; higher levels are treated as 43, Ch. 5 Pt. A comment. n.2) in `category`."""
    entry = trace.entry("guidelines.sentencing_table.table", on)
    if entry is None or category not in CATEGORIES:
        return None
    row = _cells(entry)[min(max(level, 1), 43)]
    low, high = row[CATEGORIES.index(category)]
    return GuidelineRange(low, high, f"{entry.citation}, level {level}, Criminal History Category {category}")


def category_for_points(points: int, on: date, trace: Trace) -> tuple[str, str] | None:
    """The criminal history category of `points` and its citation."""
    entry = trace.entry("guidelines.sentencing_table.criminal_history_categories", on)
    if entry is None:
        return None
    found = [c.category for c in parsed(Categories, entry).root if points >= c.points_from]
    return found[-1], entry.citation


def zone(low: Months, on: date, trace: Trace) -> str | None:
    """The zone of a range with minimum `low` (None before zones existed)."""
    entry = trace.entry("guidelines.sentencing_table.zones", on)
    if entry is None:
        return None
    minimum = months_key(low)
    return [z.zone for z in parsed(Zones, entry).root if minimum >= z.minimum_from][-1]


def category_index(category: str) -> int:
    return CATEGORIES.index(category)
