"""The JSON of `compute`, `assess` and `screen` for every file in examples/ is what the code gave before issue 13's
restructuring (tests/unchanged/capture.py wrote it from that code): typed results, explanations as data and the law
passed explicitly change how the engine is built, not one value it outputs."""

from __future__ import annotations

from typing import Any

from tests.golden.compare import differences
from tests.unchanged.capture import outputs, stored


def test_every_example_output_is_unchanged() -> None:
    before = stored()
    now = outputs()
    assert sorted(now) == sorted(before)
    found: list[str] = []
    for name in sorted(before):
        found.extend(f"{name}: {d.where}: {d.old!r} -> {d.new!r}"[:400] for d in differences(before[name], now[name]))
    assert not found, f"{len(found)} differences:\n" + "\n".join(found[:25])


def test_the_comparison_sees_a_changed_value() -> None:
    before: dict[str, Any] = {"findings": [{"avenue": "x", "ground": "g", "status": "eligible"}]}
    after: dict[str, Any] = {"findings": [{"avenue": "x", "ground": "g", "status": "not_eligible"}]}
    assert list(differences(before, after))
