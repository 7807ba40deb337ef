"""Screen one file in a fresh process and print its time and peak memory as JSON (used by bench_screen.py, so that
the memory figure is the screening run's alone: not the benchmark's other work, not generating the population).

    python -m benchmarks.screen_once POPULATION.parquet
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

AS_OF = date(2026, 11, 28)


def main(path: Path, workers: int | None = None) -> dict[str, float]:
    from reprieve.screen.rows import rank
    from reprieve.screen.runner import screen

    start = time.perf_counter()
    result = screen(path, AS_OF, id_key=b"benchmark", workers=workers)
    ranked = rank(result.frame)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker's peak
    count = workers or 2
    return {"seconds": seconds, "rows": ranked.height, "own_gb": own / 2**20, "worker_gb": worker / 2**20,
            # an upper bound: every worker at the largest worker's peak at the same moment as this process's peak
            "peak_gb": (own + count * worker) / 2**20}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
