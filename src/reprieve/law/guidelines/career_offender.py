"""USSG §4B1.1: career offender (law.md E7, G6, G7).

The category is always VI (§4B1.1(b)). The offense level is the greater of the level otherwise applicable and the
table's level for the offense statutory maximum (including an 851 enhancement, comment. n.2), then §3E1.1 applies.
§4B1.1(c): for 924(c)/929(a) counts, 360-life, 292-365 (-2) or 262-327 (-3).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from reprieve.law.guidelines.schemas import CareerOffenderTable, Firearm924cTable, parse_range
from reprieve.law.guidelines.sentencing_table import GuidelineRange, Months, months_key
from reprieve.law.penalty_ranges import Trace, parsed

CATEGORY: Literal["VI"] = "VI"
CATEGORY_CITATION = "USSG §4B1.1(b) (a career offender's criminal history category is always VI)"


def offense_level(statutory_maximum: Months, on: date, trace: Trace) -> tuple[int, str] | None:
    """The §4B1.1(b) level for an offense statutory maximum (months or "life"), with its citation."""
    entry = trace.entry("guidelines.career_offender.offense_levels", on)
    if entry is None:
        return None
    maximum = months_key(statutory_maximum)
    rows = [r for r in parsed(CareerOffenderTable, entry).root if maximum >= months_key(r.maximum_from_months)]
    if not rows:
        return None
    return rows[-1].level, entry.citation


def firearm_range(acceptance_levels: int, on: date, trace: Trace) -> GuidelineRange | None:
    """§4B1.1(c)(3): the range for the 924(c)/929(a) counts of a career offender."""
    entry = trace.entry("guidelines.career_offender.firearm_924c_ranges", on)
    if entry is None:
        return None
    rows = [r for r in parsed(Firearm924cTable, entry).root if r.acceptance_levels <= acceptance_levels]
    low, high = parse_range(rows[-1].range)
    return GuidelineRange(low, high, entry.citation)
