"""Population screening: every figure and ratio of issue 17 from one run (`make bench`, or
`python benchmarks/run.py bench_screen`).

- CPU time per person on the 155,000 people of `reprieve synth 155000 --seed 7` (main process + workers; target
  <= 300 us), and the wall time on 2 cores (<= 30 s). CPU time per person is the steadier figure on a shared
  machine: other work on the cores stretches the wall time far more than the CPU time.
- 1,000,000 people: wall time (<= 200 s) and peak memory (<= 2 GB); only with REPRIEVE_BENCH_MILLION=1 (minutes).
- `--law-change` against a plain screen of the same 20,000 people (<= 1.2x).
- Ratios kept as figures, not goals: against a row-by-row pandas `.apply` of the same rules (overhead only), and
  against the time polars takes just to read the file.
- A clinic's roster as a 50 MB CSV (190,000 people): rows per second end to end and the main process's memory.

Every run is the whole `reprieve screen` (read, assess, rank, write the table, errors and report) in a fresh
process. Synthetic populations are cached in benchmarks/.cache (never real people).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.screen_once import AS_OF

CACHE = Path(__file__).parent / ".cache"
ROOT = Path(__file__).parent.parent
AGE_60 = """description: lower the age ground of USSG 1B1.13(b)(2) to 60
changes:
  - parameter: compassionate_release.age_minimum_years
    value: 60
    from: 2026-01-01
"""


def _population(count: int, seed: int, suffix: str = ".parquet") -> Path:
    """`reprieve synth COUNT --seed SEED`, generated once in another process, then cached."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"population-{count}-seed{seed}{suffix}"
    if not path.exists():
        subprocess.run([str(Path(sys.executable).parent / "reprieve"), "synth", str(count), "-o", str(path), "--seed",
                        str(seed), "--as-of", AS_OF.isoformat()], check=True, cwd=ROOT)
    return path


def _screen(source: Path, *extra: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="reprieve-bench-") as folder:
        out = subprocess.run([sys.executable, "-m", "benchmarks.screen_once", str(source),
                              str(Path(folder) / "ranked.csv"), *extra], check=True, capture_output=True, text=True,
                             cwd=ROOT)
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    figures["cpu_s"] = figures["main_cpu_s"] + figures["workers_cpu_s"]
    return figures


def _pandas_apply_rate(path: Path, sample: int = 1000) -> float:
    """Rows per second of the same rules applied row by row with pandas `.apply` (one process)."""
    import pandas as pd

    from reprieve.assess.report import assess
    from reprieve.intake import parse_case
    from reprieve.screen.columns import RowBuilder, parse_path
    from reprieve.screen.rows import person_row

    frame = pd.read_parquet(path).head(sample)
    columns = [c for c in frame.columns if c != "id"]
    builder = RowBuilder([parse_path(c) for c in columns], columns)

    def one(row: pd.Series) -> dict[str, object]:
        cells = [None if pd.isna(v) or (isinstance(v, str) and not v.strip()) else v.strip() if isinstance(v, str)
                 else v for v in (row[c] for c in columns)]
        case = parse_case(builder.build(cells)).case
        return person_row(str(row["id"]), int(row.name), assess(case, AS_OF))

    start = time.perf_counter()
    frame.apply(one, axis=1)
    return sample / (time.perf_counter() - start)


def _read_seconds(path: Path) -> float:
    import polars as pl

    start = time.perf_counter()
    pl.read_parquet(path)
    return time.perf_counter() - start


def main() -> list[tuple[str, float, str, float | None]]:
    rows: list[tuple[str, float, str, float | None]] = []
    load = os.getloadavg()[0]
    rows.append((f"load average when starting (2 cores; {os.cpu_count()} seen)", load, "procs", None))

    people = _population(155_000, seed=7)
    run = _screen(people)
    rows += [
        ("screen 155,000 people (synth --seed 7), CPU per person", run["cpu_s"] / 155_000 * 1e6, "us", 300.0),
        ("  wall time on 2 cores", run["seconds"], "s", 30.0),
        ("  rows per second", 155_000 / run["seconds"], "rows/s", None),
        ("  main process CPU", run["main_cpu_s"], "s", None),
        ("  peak memory (main + 2 x largest worker)", run["peak_gb"], "GB", None),
    ]
    read = _read_seconds(people)
    rows += [("  polars read of the same file", read, "s", None),
             ("  screening time / polars read time", run["seconds"] / read, "ratio", None)]
    baseline = _pandas_apply_rate(people)
    rows += [("  pandas row-by-row .apply of the same rules (1 core)", baseline, "rows/s", None),
             ("  screening (2 cores) / pandas .apply", 155_000 / run["seconds"] / baseline, "x faster", None)]

    sample = _population(20_000, seed=7)
    with tempfile.TemporaryDirectory(prefix="reprieve-bench-") as folder:
        change = Path(folder) / "age60.yaml"
        change.write_text(AGE_60)
        plain = _screen(sample)
        what_if = _screen(sample, "--law-change", str(change))
    rows += [("--law-change / plain screen, 20,000 people (CPU time)", what_if["cpu_s"] / plain["cpu_s"], "ratio",
              1.2),
             ("  the same, wall time", what_if["seconds"] / plain["seconds"], "ratio", 1.2)]

    roster = _population(190_000, seed=3, suffix=".csv")
    clinic = _screen(roster)
    rows += [(f"50 MB roster ({roster.stat().st_size / 1e6:.0f} MB CSV, 190,000 rows): rows per second",
              190_000 / clinic["seconds"], "rows/s", None),
             ("  CPU per person", clinic["cpu_s"] / 190_000 * 1e6, "us", None),
             ("  main process peak memory", clinic["main_gb"] * 1024, "MB", None)]

    if os.environ.get("REPRIEVE_BENCH_MILLION"):
        million = _screen(_population(1_000_000, seed=7))
        rows += [("screen 1,000,000 people, wall time", million["seconds"], "s", 200.0),
                 ("  CPU per person", million["cpu_s"] / 1_000_000 * 1e6, "us", None),
                 ("  peak memory (main + 2 x largest worker)", million["peak_gb"], "GB", 2.0)]
    rows.append(("load average when done", os.getloadavg()[0], "procs", None))
    return rows
