"""Run one `reprieve screen` (read, assess, rank, write the table, errors and report) in a fresh process and print
its wall time, CPU time and peak memory as JSON: the figures are the run's alone, not the benchmark's other work
and not generating the population (used by bench_screen.py).

    python -m benchmarks.screen_once INPUT OUTPUT [--workers N] [--law-change FILE] [--no-cache]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from datetime import date
from pathlib import Path

AS_OF = date(2026, 11, 28)


def main(source: Path, output: Path, workers: int | None, law_change: Path | None, cache: bool) -> dict[str, float]:
    from reprieve.screen.command import run_screen

    start = time.perf_counter()
    code = run_screen(source, output, AS_OF, id_key="benchmark", workers=workers, law_change=law_change, cache=cache)
    seconds = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"reprieve screen exited with {code}")
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    count = workers or 2
    return {"seconds": seconds,
            "main_cpu_s": own.ru_utime + own.ru_stime,
            "workers_cpu_s": children.ru_utime + children.ru_stime,
            "main_gb": own.ru_maxrss / 2**20,  # KiB on Linux
            "worker_gb": children.ru_maxrss / 2**20,  # the largest worker's peak
            # an upper bound: every worker at the largest worker's peak at the moment of this process's peak
            "peak_gb": (own.ru_maxrss + count * children.ru_maxrss) / 2**20}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--law-change", type=Path, default=None)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    print(json.dumps(main(args.source, args.output, args.workers, args.law_change, not args.no_cache)))
