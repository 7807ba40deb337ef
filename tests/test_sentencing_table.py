"""Every cell of the Sentencing Table (law.md E1) in the law data, checked against the official table typed as a
fixture (tests/fixtures/sentencing_table_2025.csv), and the point bands of the criminal history categories."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from reprieve.law.guidelines.sentencing_table import category_for_points, guideline_range, zone
from reprieve.law.penalty_ranges import Trace

FIXTURE = Path(__file__).parent / "fixtures" / "sentencing_table_2025.csv"
CATEGORIES = ("I", "II", "III", "IV", "V", "VI")


def _rows() -> list[list[str]]:
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.reader(lines))[1:]


CELLS = [(int(row[0]), category, cell) for row in _rows() for category, cell in zip(CATEGORIES, row[1:],
                                                                                         strict=True)]


def test_the_fixture_has_every_cell() -> None:
    assert len(CELLS) == 43 * 6


@pytest.mark.parametrize("on", [date(2025, 11, 1), date(2026, 11, 28), date(2014, 6, 1)])
@pytest.mark.parametrize("level, category, printed", CELLS)
def test_every_cell(level: int, category: str, printed: str, on: date) -> None:
    found = guideline_range(level, category, on, Trace())
    assert found is not None
    if printed == "life":
        assert (found.low, found.high) == ("life", "life")
        return
    low, high = printed.split("-")
    assert found.low == int(low)
    assert found.high == ("life" if high == "life" else int(high))


@pytest.mark.parametrize("points, category", [(0, "I"), (1, "I"), (2, "II"), (3, "II"), (4, "III"), (6, "III"),
                                              (7, "IV"), (9, "IV"), (10, "V"), (12, "V"), (13, "VI"), (30, "VI")])
def test_categories_by_points(points: int, category: str) -> None:
    """The table's header: I = 0-1, II = 2-3, III = 4-6, IV = 7-9, V = 10-12, VI = 13+ (law.md E4)."""
    found = category_for_points(points, date(2026, 1, 1), Trace())
    assert found is not None and found[0] == category


@pytest.mark.parametrize("level, expected", [(1, "A"), (8, "A"), (9, "B"), (11, "B"), (12, "C"), (13, "C"),
                                             (14, "D"), (43, "D")])
def test_printed_zones_of_category_one(level: int, expected: str) -> None:
    """Printed labels, Category I column: Zone A levels 1-8, B 9-11, C 12-13, D 14+ (law.md E1)."""
    found = guideline_range(level, "I", date(2026, 1, 1), Trace())
    assert found is not None
    assert zone(found.low, date(2026, 1, 1), Trace()) == expected
