"""Per-person CPU of the engine on `reprieve synth` people (issue 13): the assessment with its explanations formatted
(the JSON a reader gets) and not formatted (the result objects only, as a screen that keeps a few fields uses
them), the BOP computation alone, with the law snapshot resolved once per run (`Law.at`) or per person, and a
screening row (the row-only assessment a screen makes, issue 17).

    .venv/bin/python benchmarks/bench_engine.py [PEOPLE]     # prints each figure; also run by `make bench`

CPU is process time (one core), the median of three rounds after a warm-up round; cases are parsed before timing.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AS_OF = date(2026, 11, 28)
PEOPLE = 400


def _people(n: int) -> list[Any]:
    from reprieve.intake import parse_case
    from reprieve.screen.synth import generate

    return [parse_case({k: v for k, v in row.items() if k != "id"}, "person", warnings=False).case
            for row in generate(n, seed=7, as_of=AS_OF)]


def _us_per_person(cases: list[Any], work: Callable[[Any], object], rounds: int = 3) -> float:
    for case in cases[: max(1, len(cases) // 4)]:
        work(case)
    timings = []
    for _ in range(rounds):
        start = time.process_time()
        for case in cases:
            work(case)
        timings.append((time.process_time() - start) / len(cases))
    return statistics.median(timings) * 1e6


def main(n: int = PEOPLE) -> list[tuple[str, float, str, float | None]]:
    from reprieve.assess.computation import compute
    from reprieve.assess.report import assess

    cases = _people(n)
    rows: list[tuple[str, float, str, float | None]] = [
        ("engine: compute (BOP computation) per person", _us_per_person(cases, lambda c: compute(c, AS_OF)),
         "us CPU", None),
        ("engine: assess, explanations not formatted", _us_per_person(cases, lambda c: assess(c, AS_OF)),
         "us CPU", None),
        ("engine: assess, explanations formatted (as_json)",
         _us_per_person(cases, lambda c: assess(c, AS_OF).as_json()), "us CPU", None),
    ]
    from reprieve.law.params import Law

    if not hasattr(Law, "at"):  # before the law snapshot (issue 13)
        return rows
    law = Law.at(AS_OF)
    rows.append(("engine: assess, one law snapshot per run, not formatted",
                 _us_per_person(cases, lambda c: assess(c, AS_OF, law=law)), "us CPU", None))
    rows.append(("engine: assess, one law snapshot per run, formatted",
                 _us_per_person(cases, lambda c: assess(c, AS_OF, law=law).as_json()), "us CPU", None))
    from reprieve.assess import report

    if hasattr(report.Options(), "explain"):  # since the row-only assessment (issue 17)
        from reprieve.screen.rows import ROW_ONLY, person_row

        rows.append(("engine: a screening row (row-only assessment, traced law, person_row)",
                     _us_per_person(cases, lambda c: person_row("p", 2, assess(c, AS_OF, ROW_ONLY, law=law.traced(),
                                                                                stages=False))), "us CPU", None))
    unknown = _quantity_unknown(n)
    times = sorted(_ms_each(unknown, lambda c: assess(c, AS_OF).as_json()))
    rows += [(f"drug known, quantity unknown ({len(unknown)} cases): median, formatted", statistics.median(times),
              "ms CPU", None),
             ("  95th percentile (the web app's distinct cases)", times[int(0.95 * (len(times) - 1))], "ms CPU", None),
             ("  worst single assessment", times[-1], "ms CPU", None)]
    return rows


def _quantity_unknown(n: int) -> list[Any]:
    """The drug counts of `n` synthetic people with every quantity taken out: the drug is known, its quantity not
    (the slow path: the quantity bands of each penalty law are worked out)."""
    from reprieve.intake import parse_case
    from reprieve.screen.synth import generate

    out = []
    for row in generate(n, seed=7, as_of=AS_OF):
        counts = [c for j in row.get("judgments") or [] for c in j.get("counts") or []]
        if not any(c.get("drug") or c.get("drugs") for c in counts):
            continue
        for count in counts:
            count.pop("quantity", None)
            for drug in count.get("drugs") or []:
                drug.pop("quantity", None)
        out.append(parse_case({k: v for k, v in row.items() if k != "id"}, "person", warnings=False).case)
    return out


def _ms_each(cases: list[Any], work: Callable[[Any], object]) -> list[float]:
    """Each case's CPU time once, in a process that has assessed others (the web app's distinct cases)."""
    out = []
    for case in cases:
        start = time.process_time()
        work(case)
        out.append((time.process_time() - start) * 1e3)
    return out


if __name__ == "__main__":
    for what, value, unit, _ in main(int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE):
        print(f"{what:60} {value:10.1f} {unit}")
