"""A full assessment (computation, current law, guidelines, every finding): target <= 5 ms per case in-process."""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

import yaml

from reprieve.assess.report import assess
from reprieve.intake import load_case, parse_case

ROOT = Path(__file__).resolve().parent.parent


def _per_case_ms(cases: list, as_of: date, rounds: int = 5) -> float:
    for case in cases:
        assess(case, as_of)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for case in cases:
            assess(case, as_of)
        timings.append((time.perf_counter() - start) / len(cases))
    return statistics.median(timings) * 1000


def main() -> list[tuple[str, float, str, float | None]]:
    vailes = load_case(ROOT / "examples" / "vailes.yaml").case
    examples = [parse_case(yaml.safe_load(p.read_text())["case"]).case
                for group in ("computation", "relief")
                for p in sorted((ROOT / "tests" / "examples" / group).glob("*.yaml"))]
    return [
        ("assess, example case", _per_case_ms([vailes] * 50, date(2026, 11, 28)), "ms/case", 5.0),
        ("assess, example cases of law.md G1-G5", _per_case_ms(examples * 3, date(2026, 11, 28)), "ms/case", 5.0),
    ]
