"""Run the worked examples in tests/examples: one YAML file each, holding its source, the case and what to expect.

Adding an official example is adding a file. `expect` maps dotted paths into the JSON output (as in
../shared/spec/cli.md) to the value the source gives; a value "@other.path" means "equal to that output".
"""

from __future__ import annotations

import re
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


_PART = re.compile(r"([^.\[]+)(?:\[([^\]]*)\])?")


def _parts(dotted: str) -> list[tuple[str, str | None]]:
    """`findings[ground=§1B1.13(b)(2)].status` -> [("findings", "ground=§1B1.13(b)(2)"), ("status", None)]."""
    out = []
    position = 0
    while position < len(dotted):
        match = _PART.match(dotted, position)
        if not match:
            raise KeyError(f"cannot read the path {dotted!r}")
        out.append((match.group(1), match.group(2)))
        position = match.end() + 1
    return out


def lookup(output: Any, dotted: str) -> Any:
    """Follow a dotted path; `list[key=value]` picks the first item whose key equals value (`,` before another
    `key=` joins keys)."""
    node = output
    for part, selector in _parts(dotted):
        node = _step(node, part, dotted)
        if selector is not None:
            # `,` joins keys; a value may itself hold a comma ("Amendment 821 (Part B, subpart 1)")
            wanted = dict(pair.split("=", 1) for pair in re.split(r",(?=\s*[A-Za-z_]+=)", selector))
            matches = [item for item in node if all(str(item.get(k)) == v for k, v in wanted.items())]
            if not matches:
                raise KeyError(f"{dotted}: no item with {selector}")
            node = matches[0]
    return node


def _step(node: Any, part: str, dotted: str) -> Any:
    if isinstance(node, list):
        return node[int(part)]
    if isinstance(node, dict):
        if part not in node:
            raise KeyError(f"{dotted}: no key {part!r} in the output")
        return node[part]
    raise KeyError(f"{dotted}: cannot look inside {node!r}")


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
