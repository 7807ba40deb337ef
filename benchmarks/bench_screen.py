"""Population screening: every figure and ratio of issue 17 from one run (`make bench`, or
`python benchmarks/run.py bench_screen`).

- CPU time per person on the 155,000 people of `reprieve synth 155000 --seed 7` (main process + workers; target
  <= 300 us), and the wall time on 2 cores (<= 30 s). CPU time per person is the steadier figure on a shared
  machine: other work on the cores stretches the wall time far more than the CPU time.
- 1,000,000 people: wall time (<= 200 s) and peak memory (<= 2 GB); only with REPRIEVE_BENCH_MILLION=1 (minutes).
- `--law-change` against a plain screen of the same 20,000 people (<= 1.2x): after that screen (its results kept, so
  only the people the change can reach are assessed again) and without kept results (`--no-cache`).
- What-if in seconds: after the screening of the 155,000, the 851-enhanced minimums as they were before First Step
  Act section 401 (<= 5 s), and how many people it assessed again.
- Ratios kept as figures, not goals: against a row-by-row pandas `.apply` of the same rules (overhead only), and
  against the time polars takes just to read the file.
- A clinic's roster as a 50 MB CSV (190,000 people): rows per second end to end and the main process's memory.

REPRIEVE_BENCH_PARTS (comma-separated, default "155k,whatif,20k,roster") chooses the parts; "million" adds the
1,000,000 (as REPRIEVE_BENCH_MILLION=1 does); "memory" measures the main process's peak memory at 155,000, 310,000
and 1,000,000 people with the assessments replaced by a screening's kept rows (benchmarks/screen_memory.py), so
whether memory grows with the population is seen without assessing a million people. Results kept for what-ifs go
to a temporary folder.

Every run is the whole `reprieve screen` (read, assess, rank, write the table, errors and report) in a fresh
process. Synthetic populations are cached in benchmarks/.cache (never real people).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
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
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "benchmarks.screen_once", str(source),
                              str(Path(folder) / "ranked.csv"), *extra], check=True, capture_output=True, text=True,
                             cwd=ROOT)
        process_seconds = time.perf_counter() - start
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_seconds"] = process_seconds  # the whole process: Python's start and the imports included
    figures["cpu_s"] = figures["main_cpu_s"] + figures["workers_cpu_s"]
    again = re.search(r"(\d+) of (\d+) people assessed again", " ".join(out.stderr.split()))
    if again:
        figures["again"] = float(again.group(1))
    return figures


def _repeal_401(folder: Path) -> Path:
    """The 841(b)(1)(A)-(D) table as it was before First Step Act section 401 (the 851-enhanced minimums of 20 years
    and life), from the Act's date of enactment on."""
    import yaml

    from reprieve.law.params import shipped_law

    table = "drug_penalties.trafficking_penalties"
    path = folder / "repeal401.yaml"
    path.write_text(yaml.safe_dump({"description": "the 851-enhanced minimums before First Step Act section 401",
                                    "changes": [{"parameter": table, "from": "2018-12-21",
                                                 "value": shipped_law().parameter(table).values[0].value}]}))
    return path


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


def _memory(folder: Path) -> list[tuple[str, float, str, float | None]]:
    """The main process's peak memory as the population grows, the assessments replaced by the kept rows of a
    screening of 20,000 people (benchmarks/screen_memory.py): the workers' own does not grow with it."""
    sample = _population(20_000, seed=7)
    if not list(folder.glob("reprieve/screenings/*.parquet")):
        _screen(sample)  # kept in `folder` (XDG_CACHE_HOME)
    kept = max(folder.glob("reprieve/screenings/*.parquet"), key=lambda p: p.stat().st_mtime)
    rows: list[tuple[str, float, str, float | None]] = []
    for count in (155_000, 310_000, 1_000_000):
        with tempfile.TemporaryDirectory(prefix="reprieve-bench-") as out:
            run = subprocess.run([sys.executable, "-m", "benchmarks.screen_memory", str(sample), str(kept),
                                  str(count), str(Path(out) / "ranked.csv")], check=True, capture_output=True,
                                 text=True, cwd=ROOT)
        figures = json.loads(run.stdout.strip().splitlines()[-1])
        rows += [(f"main process peak memory, {count:,} people (assessing replaced by kept rows)",
                  figures["main_gb"] * 1024, "MB", None),
                 ("  its time without assessing (read, rank, keep, write the table and report)", figures["seconds"],
                  "s", None)]
    return rows


def main() -> list[tuple[str, float, str, float | None]]:
    parts = set(os.environ.get("REPRIEVE_BENCH_PARTS", "155k,whatif,20k,roster").split(","))
    if os.environ.get("REPRIEVE_BENCH_MILLION"):
        parts.add("million")
    with tempfile.TemporaryDirectory(prefix="reprieve-bench-cache-") as cache:
        os.environ["XDG_CACHE_HOME"] = cache  # the screenings' kept results, for the what-ifs (the workers inherit)
        return _figures(parts, Path(cache))


def _ratios(people: Path, seconds: float) -> list[tuple[str, float, str, float | None]]:
    """The screening of `people` (in `seconds`) against polars reading the file and a pandas `.apply`."""
    read = _read_seconds(people)
    rows: list[tuple[str, float, str, float | None]] = [
        ("  polars read of the same file", read, "s", None),
        ("  screening time / polars read time", seconds / read, "ratio", None)]
    if importlib.util.find_spec("pandas") is None:  # a figure, not a goal: the others are not lost for it
        print("pandas is not installed (`make bench` installs it): no pandas .apply figure", file=sys.stderr)
        return rows
    baseline = _pandas_apply_rate(people)
    return [*rows, ("  pandas row-by-row .apply of the same rules (1 core)", baseline, "rows/s", None),
            ("  screening (2 cores) / pandas .apply", 155_000 / seconds / baseline, "x faster", None)]


def _figures(parts: set[str], folder: Path) -> list[tuple[str, float, str, float | None]]:
    rows: list[tuple[str, float, str, float | None]] = [
        (f"load average when starting (2 cores; {os.cpu_count()} seen)", os.getloadavg()[0], "procs", None)]
    people = _population(155_000, seed=7)
    if "155k" in parts or "whatif" in parts:
        run = _screen(people)
        rows += [
            ("screen 155,000 people (synth --seed 7), CPU per person", run["cpu_s"] / 155_000 * 1e6, "us", 300.0),
            ("  wall time on 2 cores", run["seconds"], "s", 30.0),
            ("  rows per second", 155_000 / run["seconds"], "rows/s", None),
            ("  main process CPU", run["main_cpu_s"], "s", None),
            ("  peak memory (main + 2 x largest worker)", run["peak_gb"], "GB", None),
            ("  load average after it", os.getloadavg()[0], "procs", None),
        ]
    if "whatif" in parts:
        repeal = _screen(people, "--law-change", str(_repeal_401(folder)))
        rows += [("what-if after it: 851-enhanced minimums before FSA 401, wall time", repeal["seconds"], "s", 5.0),
                 ("  the whole process (Python's start-up and the engine's import included)",
                  repeal["process_seconds"], "s", None),
                 ("  people assessed again (read the drug penalty table)", repeal.get("again", -1), "people", None),
                 ("  CPU", repeal["cpu_s"], "s", None),
                 ("  load average after it", os.getloadavg()[0], "procs", None)]
    if "155k" in parts:
        rows += _ratios(people, run["seconds"])

    if "20k" in parts:
        sample = _population(20_000, seed=7)
        change = folder / "age60.yaml"
        change.write_text(AGE_60)
        plain = _screen(sample)
        kept = _screen(sample, "--law-change", str(change))
        fresh = _screen(sample, "--law-change", str(change), "--no-cache")
        rows += [("--law-change / plain screen, 20,000 people, after it (CPU time)", kept["cpu_s"] / plain["cpu_s"],
                  "ratio", 1.2),
                 ("  the same, wall time", kept["seconds"] / plain["seconds"], "ratio", 1.2),
                 ("  people assessed again (age 60: read by everyone)", kept.get("again", -1), "people", None),
                 ("  without kept results (--no-cache), CPU time", fresh["cpu_s"] / plain["cpu_s"], "ratio", None),
                 ("  without kept results, wall time", fresh["seconds"] / plain["seconds"], "ratio", None),
                 ("  plain screen of the 20,000: CPU per person", plain["cpu_s"] / 20_000 * 1e6, "us", None),
                 ("  load average after them", os.getloadavg()[0], "procs", None)]

    if "roster" in parts:
        roster = _population(190_000, seed=3, suffix=".csv")
        clinic = _screen(roster)
        rows += [(f"50 MB roster ({roster.stat().st_size / 1e6:.0f} MB CSV, 190,000 rows): rows per second",
                  190_000 / clinic["seconds"], "rows/s", None),
                 ("  CPU per person", clinic["cpu_s"] / 190_000 * 1e6, "us", None),
                 ("  main process peak memory", clinic["main_gb"] * 1024, "MB", None)]

    if "memory" in parts:
        rows += _memory(folder)

    if "million" in parts:
        million = _screen(_population(1_000_000, seed=7))
        rows += [("screen 1,000,000 people, wall time", million["seconds"], "s", 200.0),
                 ("  CPU per person", million["cpu_s"] / 1_000_000 * 1e6, "us", None),
                 ("  peak memory (main + 2 x largest worker)", million["peak_gb"], "GB", 2.0)]
    rows.append(("load average when done", os.getloadavg()[0], "procs", None))
    return rows
