"""The engine from source against its mypyc build (issue 17; `make compiled`): CPU per person of the assessment and
of a whole `reprieve screen`, each figure and the ratio from one run.

    .venv/bin/python benchmarks/bench_compiled.py [PEOPLE]   # also run by `make bench`

Every figure is taken in fresh processes, from source (REPRIEVE_COMPILED=0) and compiled, in alternating rounds
(ABAB...) so that other work on a shared machine weighs on both alike; each figure is the median of its rounds.
The assessment figures are bench_engine.py's (process CPU per person, parsed cases); the screen is
benchmarks/screen_once.py on `reprieve synth 20000 --seed 7` (main process and workers' CPU, no kept results).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEOPLE = 300
SCREENED = 20_000
ROUNDS = 2


def _engine(compiled: bool, people: int) -> dict[str, float]:
    code = ("import json, sys; from benchmarks.bench_engine import main; "
            "print(json.dumps({what: value for what, value, _, _ in main(int(sys.argv[1]))[:3]}))")
    out = subprocess.run([sys.executable, "-c", code, str(people)], check=True, capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "REPRIEVE_COMPILED": "1" if compiled else "0"})
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _screen(compiled: bool, source: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="reprieve-bench-") as folder:
        out = subprocess.run([sys.executable, "-m", "benchmarks.screen_once", str(source),
                              str(Path(folder) / "ranked.csv"), "--no-cache"], check=True, capture_output=True,
                             text=True, cwd=ROOT, env={**os.environ, "REPRIEVE_COMPILED": "1" if compiled else "0"})
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return float(figures["main_cpu_s"] + figures["workers_cpu_s"]) / SCREENED * 1e6


def main(people: int = PEOPLE) -> list[tuple[str, float, str, float | None]]:
    from reprieve import compiled

    if compiled.status != "compiled":
        return [(f"compiled modules not in use ({compiled.status}): nothing to compare", 0.0, "", None)]
    from benchmarks.bench_screen import _population

    engine: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    screen: dict[bool, list[float]] = {False: [], True: []}
    population = _population(SCREENED, 7)
    for _ in range(ROUNDS):
        for mode in (False, True):
            engine[mode].append(_engine(mode, people))
            screen[mode].append(_screen(mode, population))
    rows: list[tuple[str, float, str, float | None]] = []
    for what in engine[False][0]:
        source = statistics.median(r[what] for r in engine[False])
        built = statistics.median(r[what] for r in engine[True])
        rows += [(f"{what}: from source", source, "us CPU", None), (f"{what}: compiled", built, "us CPU", None),
                 ("  compiled speed-up", source / built, "x faster", None)]
    source, built = statistics.median(screen[False]), statistics.median(screen[True])
    rows += [(f"screen of {SCREENED:,} people, per person: from source", source, "us CPU", None),
             (f"screen of {SCREENED:,} people, per person: compiled", built, "us CPU", None),
             ("  compiled speed-up", source / built, "x faster", None)]
    return rows


if __name__ == "__main__":
    for what, value, unit, _ in main(int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE):
        print(f"{what:70} {value:10.1f} {unit}")
