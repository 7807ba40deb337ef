"""Capture the JSON of `compute` and `assess` for every example file, one gzipped JSON document per group.

    .venv/bin/python -m tests.golden.capture              # rewrite tests/golden/*.json.gz
    .venv/bin/python -m tests.golden.capture --out DIR    # write elsewhere (e.g. to compare two versions)

Groups: each folder of tests/examples (at each example's own as_of), tests/documents_cases (as of DOCUMENTS_AS_OF,
the date tests/test_documents.py drafts on) and examples/vailes.yaml (at VAILES_DATES). A document maps each case's
name to {as_of, compute, assess}. Run it from the repository root; regenerate the goldens whenever a change to the
outputs is intended (and say in the commit which kinds of change it makes: see tests/golden/compare.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent
EXAMPLES = ROOT / "tests" / "examples"
DOCUMENTS_CASES = ROOT / "tests" / "documents_cases"
DOCUMENTS_AS_OF = date(2026, 11, 29)
VAILES = ROOT / "examples" / "vailes.yaml"
VAILES_DATES = (date(2023, 7, 6), date(2026, 11, 28))


@dataclass(frozen=True)
class Subject:
    group: str
    name: str
    case: dict[str, Any]
    as_of: date
    at_bottom_of_range: bool = False


def _yaml(path: Path) -> Any:
    from reprieve.intake.casefile import _Loader  # dates stay text, as the case reader reads them

    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def subjects() -> Iterator[Subject]:
    for folder in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.yaml")):
            data = _yaml(path)
            yield Subject(f"examples_{folder.name}", path.stem, data["case"], date.fromisoformat(str(data["as_of"])),
                          bool(data.get("at_bottom_of_range", False)))
    for path in sorted(DOCUMENTS_CASES.glob("*.yaml")):
        yield Subject("documents_cases", path.stem, _yaml(path), DOCUMENTS_AS_OF)
    for day in VAILES_DATES:
        yield Subject("vailes", f"vailes@{day}", _yaml(VAILES), day)


_OUTPUTS: dict[tuple[str, str], dict[str, Any]] = {}


def outputs(subject: Subject) -> dict[str, Any]:
    """The JSON of `compute` and `assess` for one subject, as the CLI prints them (through json); computed once per
    process (tests that read every example's output share it)."""
    key = (subject.group, subject.name)
    if key not in _OUTPUTS:
        _OUTPUTS[key] = _outputs(subject)
    return _OUTPUTS[key]


def _outputs(subject: Subject) -> dict[str, Any]:
    from reprieve.assess.computation import compute
    from reprieve.assess.report import Options, assess
    from reprieve.intake import parse_case

    case = parse_case(subject.case, subject.name, warnings=False).case
    computed = compute(case, subject.as_of).as_json()
    assessed = assess(case, subject.as_of, Options(at_bottom_of_range=subject.at_bottom_of_range)).as_json()
    return json.loads(json.dumps({"as_of": subject.as_of.isoformat(), "compute": computed, "assess": assessed}))


def path_of(folder: Path, group: str) -> Path:
    return folder / f"{group}.json.gz"


def load_group(folder: Path, group: str) -> dict[str, Any]:
    with gzip.open(path_of(folder, group), "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def groups(folder: Path = GOLDEN) -> list[str]:
    return sorted(p.name.removesuffix(".json.gz") for p in folder.glob("*.json.gz"))


def capture(out: Path) -> dict[str, int]:
    by_group: dict[str, dict[str, Any]] = {}
    for subject in subjects():
        by_group.setdefault(subject.group, {})[subject.name] = outputs(subject)
    out.mkdir(parents=True, exist_ok=True)
    for group, data in by_group.items():
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        # mtime=0: the same outputs give the same bytes, so an unchanged golden is no change in git
        with path_of(out, group).open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
            handle.write(text.encode("utf-8"))
    return {group: len(data) for group, data in by_group.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=GOLDEN, help="folder to write the *.json.gz files to")
    args = parser.parse_args()
    for group, count in capture(args.out).items():
        print(f"{path_of(args.out, group)}: {count} cases")


if __name__ == "__main__":
    main()
