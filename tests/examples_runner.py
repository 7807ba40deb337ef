"""Run the worked examples in tests/examples: one YAML file each, holding its source, the case and what to expect.

Adding an official example is adding a file. `expect` maps dotted paths into the JSON output (as in
../shared/spec/cli.md) to the value the source gives; a value "@other.path" means "equal to that output".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

EXAMPLES = Path(__file__).parent / "examples"


def example_files(group: str) -> list[Path]:
    return sorted((EXAMPLES / group).glob("*.yaml"))


def load_example(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"source", "command", "case", "expect"} <= set(data), f"{path.name}: needs source, command, case, expect"
    assert len(str(data["source"])) > 10, f"{path.name}: say where the expected values come from"
    return data


def lookup(output: Any, dotted: str) -> Any:
    node = output
    for part in dotted.split("."):
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node:
                raise KeyError(f"{dotted}: no key {part!r} in the output")
            node = node[part]
        else:
            raise KeyError(f"{dotted}: cannot look inside {node!r}")
    return node


def normalize(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def check(output: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    failures = []
    for path, wanted in expect.items():
        wanted = normalize(wanted)
        if isinstance(wanted, str) and wanted.startswith("@"):
            wanted = lookup(output, wanted[1:])
        got = lookup(output, path)
        if got != wanted:
            failures.append(f"{path}: expected {wanted!r}, got {got!r}")
    return failures


def run_example(example: dict[str, Any], name: str) -> dict[str, Any]:
    """The JSON output of the example's command (`compute` or `assess`) on its case and date."""
    from reprieve.assess.computation import compute
    from reprieve.assess.report import Options, assess
    from reprieve.intake import parse_case

    loaded = parse_case(example["case"], name)
    assert not loaded.warnings, loaded.warnings
    as_of = date.fromisoformat(normalize(example["as_of"]))
    if example["command"] == "compute":
        return compute(loaded.case, as_of).as_json()
    if example["command"] == "assess":
        options = Options(at_bottom_of_range=bool(example.get("at_bottom_of_range", False)))
        return assess(loaded.case, as_of, options).as_json()
    raise AssertionError(f"{name}: unknown command {example['command']!r}")
