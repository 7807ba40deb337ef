"""Capture the JSON of `compute`, `assess` and `screen` for every file in examples/, to hold a refactoring to it.

    .venv/bin/python -m tests.unchanged.capture     # rewrite tests/unchanged/examples.json.gz (from the code as is)

Issue 13 restructures the engine without changing what it says: tests/test_unchanged.py compares the outputs of the
code as it is with the document this script wrote from the code before the change. Subjects: each case file in
examples/ on its own `as_of` (or AS_OF when it has none) and on AS_OF; examples/population.csv screened on AS_OF (ids
kept, one process), plainly and under a what-if law change (CHANGE); the folder examples/ screened as case files.
Regenerate only when a change to the outputs is intended, and say so in the commit. (The screening subjects were
captured again, with the code of issue 17's branch before issue 13 was merged into it, when the screening's rows
gained the columns of issue 17: `row`, `release_status`, `open_avenues`, ...)
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
STORED = Path(__file__).resolve().parent / "examples.json.gz"
AS_OF = date(2026, 11, 30)
# a what-if (the age ground of USSG 1B1.13(b)(2) at 60) so that the screen's law-change path is held too
CHANGE: dict[str, Any] = {"description": "the age ground of USSG 1B1.13(b)(2) at 60", "changes": [
    {"parameter": "compassionate_release.age_minimum_years", "value": 60, "from": date(2026, 1, 1)}]}


def _case_files() -> Iterator[tuple[str, dict[str, Any], date]]:
    import yaml

    from reprieve.intake.casefile import _Loader  # dates stay text, as the case reader reads them

    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        own = date.fromisoformat(str(data["as_of"])) if data.get("as_of") else AS_OF
        for day in sorted({own, AS_OF}):
            yield f"{path.name}@{day}", data, day


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def outputs() -> dict[str, Any]:
    """name -> JSON, for every subject (see the module's docstring)."""
    from reprieve.assess.computation import compute
    from reprieve.assess.report import assess
    from reprieve.intake import parse_case
    from reprieve.screen.runner import screen, screen_folder

    out: dict[str, Any] = {}
    for name, data, day in _case_files():
        case = parse_case(data, name, warnings=False).case
        out[f"compute {name}"] = _plain(compute(case, day).as_json())
        out[f"assess {name}"] = _plain(assess(case, day).as_json())
    out.update(screened(screen, screen_folder))
    return out


def screened(screen: Any, screen_folder: Any) -> dict[str, Any]:
    """The screening subjects: every row, in input order, as JSON."""
    key = b"0" * 32
    population = EXAMPLES / "population.csv"

    def rows(result: Any) -> Any:
        return _plain(result.frame.to_dicts())

    return {"screen population.csv": rows(screen(population, AS_OF, keep_ids=True, id_key=key, workers=1)),
            "screen population.csv with a law change": rows(
                screen(population, AS_OF, law_change=CHANGE, keep_ids=True, id_key=key, workers=1)),
            "screen examples/": rows(screen_folder(EXAMPLES, AS_OF, keep_ids=True, id_key=key, workers=1))}


def stored() -> dict[str, Any]:
    with gzip.open(STORED, "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def main() -> None:
    data = outputs()
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    with STORED.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    print(f"{STORED}: {len(data)} outputs")


if __name__ == "__main__":
    main()
