"""A person as one row: the case file's fields flattened to columns named by their paths.

`person.born`, `court.district`, `judgments[0].imposed_on`, `judgments[0].counts[1].months`,
`custody.fsa.risk_levels[0].level`, ... A column that is empty (or absent) is unknown, exactly as a missing field in
a case file. `id` names the person in the output (hashed unless --keep-ids). docs/screening.md lists the columns.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")
ID_COLUMNS = ("id", "person.register_number")
MAX_INDEX = 999  # positions in a list: a larger one is a typing slip, not a 1,000th judgment


class ColumnError(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")
        self.column = column
        self.message = message


def parse_path(column: str) -> list[str | int]:
    """`judgments[0].counts[1].months` -> ["judgments", 0, "counts", 1, "months"]."""
    parts: list[str | int] = []
    for segment in column.split("."):
        match = _STEP.fullmatch(segment)
        if not match:
            raise ColumnError(column, "is not a case-file field path (e.g. judgments[0].counts[1].months)")
        parts.append(match.group(1))
        indexes = [int(i) for i in _INDEX.findall(match.group(2))]
        if any(i > MAX_INDEX for i in indexes):
            raise ColumnError(column, f"a list position above {MAX_INDEX} is not a case-file field")
        parts.extend(indexes)
    return parts


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))


def _scalar(value: Any) -> Any:
    """Cells arrive as text (CSV) or typed values (Parquet). Text is left as text: the case model converts it with
    the same rules as a case file ("120" for a number of months, "true" for a yes/no fact)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Columns whose cell is a list of labels or numbers, written "1; 2".
_LIST_FIELDS = {"consecutive_to", "concurrent_with", "priors", "programs", "range_months"}


def unflatten(row: dict[str, Any], paths: dict[str, list[str | int]]) -> dict[str, Any]:
    """Build a case-file mapping from one row. Empty cells are left out (unknown)."""
    case: dict[str, Any] = {"format": 1}
    for column, value in row.items():
        if column == "id" or _empty(value):
            continue
        path = paths[column]
        cell: Any = _scalar(value)
        if cell == "[]":  # an explicit empty list: "none", which is not the same as unknown
            cell = []
        elif path[-1] in _LIST_FIELDS and isinstance(cell, str):
            cell = [_scalar(v) for v in cell.split(";") if v.strip()]
        _set(case, path, cell, column)
    return case


def _holds(node: object, key: str | int) -> bool:
    """A list position needs a list and a field name a mapping (two columns can disagree about which)."""
    return isinstance(node, list) if isinstance(key, int) else isinstance(node, dict)


def _set(root: dict[str, Any], path: list[str | int], value: Any, column: str) -> None:
    node: Any = root
    for here, nxt in itertools.pairwise(path):
        if not _holds(node, here):
            raise ColumnError(column, "another column already gives a value where this one needs a list or fields")
        if isinstance(here, int):
            while len(node) <= here:
                node.append(None)
            if node[here] is None:
                node[here] = [] if isinstance(nxt, int) else {}
            node = node[here]
        else:
            if here not in node:
                node[here] = [] if isinstance(nxt, int) else {}
            node = node[here]
        if isinstance(nxt, int) and not isinstance(node, list):
            raise ColumnError(column, f"'{here}' is not a list")
    last = path[-1]
    if not _holds(node, last):
        raise ColumnError(column, "another column already gives a value where this one needs a list or fields")
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
        node[last] = value
    else:
        node[last] = value


def compact(value: Any) -> Any:
    """Drop list holes left by sparse numbering (counts[0] and counts[2] given, counts[1] empty)."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [compact(v) for v in value if v is not None]
    return value


def flatten(case: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The inverse of `unflatten`, for writing case files as rows (the synthetic population)."""
    out: dict[str, Any] = {}
    for key, value in case.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, path))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, item in enumerate(value):
                out.update(flatten(item, f"{path}[{i}]"))
        elif isinstance(value, list):
            out[path] = "; ".join(str(v) for v in value) if value else "[]"
        elif key != "format":
            out[path] = value
    return out
