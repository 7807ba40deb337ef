"""The main process's peak memory in a `reprieve screen` of COUNT people, the assessments replaced by the rows of an
earlier screening (what the workers would send back), in a fresh process; printed as JSON (used by bench_screen.py).

The workers' memory does not grow with the population (each holds one slice of rows at a time); the main process
holds every person's typed result, to rank them, and writes the table a batch at a time. This measures that side at
sizes too long to assess on a small machine (1,000,000 people), from a screening of KEPT's population repeated.

    python -m benchmarks.screen_memory POPULATION KEPT COUNT OUTPUT
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.screen_once import AS_OF


def main(population: Path, kept: Path, count: int, output: Path) -> dict[str, float]:
    import polars as pl

    from reprieve.screen import command, runner

    people = pl.read_parquet(population)
    rows = pl.read_parquet(kept)  # rows numbered from 2, the header being row 1
    times = -(-count // people.height)
    with tempfile.TemporaryDirectory(prefix="reprieve-bench-") as folder:
        source = Path(folder) / "population.parquet"
        pl.concat([people] * times).head(count).write_parquet(source)
        del people

        def screened(table: Any, as_of: Any, **_: Any) -> runner.Screened:
            """The kept rows again and again, 1,000 at a time, each part its own buffers (as sent by a worker)."""
            out = runner.Screened()
            for offset in range(0, count, runner.CHUNK):
                part = pl.concat([rows.slice(0, 0), *_wrapped(rows, offset, min(runner.CHUNK, count - offset))])
                out.parts.append(part.with_columns(pl.int_range(offset + 2, offset + 2 + part.height)
                                                   .cast(pl.Int64).alias("row")).rechunk())
            return out

        command.screen_table = screened  # type: ignore[assignment]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        code = command.run_screen(source, output, AS_OF, id_key="benchmark")
        seconds = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"reprieve screen exited with {code}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"seconds": seconds, "main_gb": peak / 2**20, "before_gb": before / 2**20}


def _wrapped(rows: Any, offset: int, length: int) -> list[Any]:
    """`length` of the kept rows from `offset`, wrapping round to the first."""
    start = offset % rows.height
    parts = [rows.slice(start, length)]
    while sum(p.height for p in parts) < length:
        parts.append(rows.slice(0, length - sum(p.height for p in parts)))
    return parts


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("population", type=Path)
    parser.add_argument("kept", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    print(json.dumps(main(args.population, args.kept, args.count, args.output)))
