"""Benchmarks (not tests): print the figures the issues set targets for. Run with `make bench`.

Each benchmark module in this folder has a `main() -> list[tuple[str, float, str, float | None]]` returning rows of
(what, measured, unit, target); this script runs them all and prints a table.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))


def main() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    only = set(sys.argv[1:])
    print(f"{'benchmark':58} {'measured':>12} {'unit':10} {'target':>10}  ok")
    for name in names:
        if only and name not in only:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        for what, value, unit, target in module.main():
            ok = "" if target is None else ("yes" if _meets(value, target, unit) else "NO")
            print(f"{what:58} {value:12.3f} {unit:10} {'' if target is None else f'{target:10.3f}'}  {ok}")


def _meets(value: float, target: float, unit: str) -> bool:
    higher_is_better = unit.endswith("/s") or unit.startswith("x ")
    return value >= target if higher_is_better else value <= target


if __name__ == "__main__":
    main()
