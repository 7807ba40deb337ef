"""The sentence computation: one case in-process (target <= 1 ms) and `reprieve compute` cold start (<= 0.5 s)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from reprieve.assess.computation import compute
from reprieve.intake import load_case, parse_case

ROOT = Path(__file__).resolve().parent.parent


def _per_case_ms(cases: list, as_of: date, rounds: int = 5) -> float:
    for case in cases:  # warm caches (law data, holidays)
        compute(case, as_of)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for case in cases:
            compute(case, as_of)
        timings.append((time.perf_counter() - start) / len(cases))
    return statistics.median(timings) * 1000


def main() -> list[tuple[str, float, str, float | None]]:
    vailes = load_case(ROOT / "examples" / "vailes.yaml").case
    examples = [parse_case(yaml.safe_load(p.read_text())["case"]).case
                for p in sorted((ROOT / "tests" / "examples" / "computation").glob("*.yaml"))]
    vailes_ms = _per_case_ms([vailes] * 200, date(2023, 7, 6))
    examples_ms = _per_case_ms(examples * 10, date(2026, 11, 28))
    exe = Path(sys.executable).parent / "reprieve"
    cold = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(exe), "compute", str(ROOT / "examples" / "vailes.yaml"), "--json"], check=True,
                       capture_output=True)
        cold.append(time.perf_counter() - start)
    return [
        ("compute, example case (3 scenarios: uncertain facts)", vailes_ms, "ms/case", 1.0),
        ("compute, law.md G1-G4 example cases", examples_ms, "ms/case", 1.0),
        ("compute, cases per second in-process", 1000 / examples_ms, "cases/s", 1000.0),
        ("reprieve compute cold start (median of 5)", statistics.median(cold), "s", 0.5),
    ]
