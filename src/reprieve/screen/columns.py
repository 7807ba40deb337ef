"""A person as one row: the case file's fields flattened to columns named by their paths.

`person.born`, `court.district`, `judgments[0].imposed_on`, `judgments[0].counts[1].months`,
`custody.fsa.risk_levels[0].level`, ... A column that is empty (or absent) is unknown, exactly as a missing field in
a case file. `id` names the person in the output (hashed unless --keep-ids). docs/screening.md lists the columns.
"""

from __future__ import annotations

import itertools
import math
import re
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

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


def _unwrap(annotation: Any) -> Any:
    """`Annotated[X, ...]` and `X | None` -> X (a union of several types is kept as it is: a leaf)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def field_of(path: list[str | int]) -> bool:
    """Does the path name a field of the case file (with list indexes where the field is a list)?"""
    from reprieve.case.model import Case

    node: Any = Case
    for step in path:
        if isinstance(step, int):
            if typing.get_origin(node) is not list:
                return False
            node = _unwrap(typing.get_args(node)[0])
            continue
        model = _model(node)
        if model is None or step not in model.model_fields:
            return False
        node = _unwrap(model.model_fields[step].annotation)
    return True


@cache
def field_paths() -> tuple[str, ...]:
    """Every field of the case file as a column name, lists numbered [0]."""
    from reprieve.case.model import Case

    out: list[str] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            path = f"{prefix}.{name}" if prefix else name
            annotation = _unwrap(info.annotation)
            if typing.get_origin(annotation) is list and (inner := _model(_unwrap(typing.get_args(annotation)[0]))):
                out.append(path)  # "[]": an empty list
                walk(inner, f"{path}[0]")
            elif (nested := _model(annotation)) is not None:
                walk(nested, path)
            elif name != "format":
                out.append(path)

    walk(Case, "")
    return tuple(out)


def resolve_target(name: str) -> str:
    """A column mapping's target: `id`, a case-file field path, or a field name found once in the case file
    (`register_number` -> `person.register_number`), or once outside the lists (`district` -> `court.district`)."""
    name = name.strip()
    if name == "id" or (("." in name or "[" in name) and field_of(parse_path(name))):
        return name
    found = [p for p in field_paths() if re.sub(r"\[\d+\]", "", p).rsplit(".", 1)[-1] == name]
    # the case-wide place before a per-judgment one, as a case file's 'did you mean' does: `district` is
    # `court.district`; only a case with judgments from several courts sets `judgments[0].district`
    case_wide = [p for p in found if "[" not in p]
    if len(found) == 1 or len(case_wide) == 1:
        return (case_wide or found)[0]
    if found:
        raise ColumnError(name, "names several case-file fields: write one of " + ", ".join(found))
    raise ColumnError(name, "is not a case-file field (docs/screening.md lists them)")


def parse_mapping(text: str) -> dict[str, str]:
    """`"Reg No=register_number, Sentence=judgments[0].counts[0].months"` -> {file column: case-file path}."""
    mapping: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        source, sep, target = item.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise ColumnError(item.strip(), "is not COLUMN=field (e.g. \"Reg No=register_number\")")
        mapping[source.strip()] = resolve_target(target)
    return mapping


def _cell(value: Any, listed: bool) -> Any:
    """A cell's value for the case file. Text arrives trimmed, with empty text as None (`source.read_rows`), and is
    left as text: the case model converts it with the same rules as a case file ("120" for a number of months,
    "true" for a yes/no fact). `[]` is an explicit empty list ("none", not the same as unknown); a list field's
    text is split on `;`. A whole number read as a float (a spreadsheet's 120.0) is an integer."""
    if type(value) is str:
        if value == "[]":
            return []
        return [v.strip() for v in value.split(";") if v.strip()] if listed else value
    if isinstance(value, float):
        return None if math.isnan(value) else int(value) if value.is_integer() else value
    return value


@cache
def list_fields() -> frozenset[str]:
    """Names of the fields whose value is a list of labels or numbers (a cell written "1; 2"), read from the case
    model so a field added to the format is split too."""
    from reprieve.case.model import Case

    names: set[str] = set()

    def walk(model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            annotation = _unwrap(info.annotation)
            if typing.get_origin(annotation) is list:
                inner = _unwrap(typing.get_args(annotation)[0])
                if (nested := _model(inner)) is not None:
                    walk(nested)
                else:
                    names.add(name)
            elif (nested := _model(annotation)) is not None:
                walk(nested)

    walk(Case)
    return frozenset(names)


_LEAF, _DICT, _LIST, _EITHER = 0, 1, 2, 3
_WHOLE = None  # the key, in a node of the tree, of a column naming the whole field (`requests` = `[]`)


class RowBuilder:
    """Builds a case-file mapping from one row's cells: the columns' paths are parsed and arranged as a tree once
    per file, so a row costs one walk of that tree. Empty cells are left out (unknown); a list whose items are all
    empty is left out, and holes in sparse numbering (counts[0] and counts[2] given) are closed. A column naming a
    whole list (`requests` = `[]`: none) is used when no column names one of its items."""

    def __init__(self, paths: list[list[str | int]], columns: list[str]) -> None:
        root: dict[Any, Any] = {}
        listed = list_fields()
        for index, (path, column) in enumerate(zip(paths, columns, strict=True)):
            node = root
            for here, nxt in itertools.pairwise(path):
                child = node.setdefault(here, {})
                if isinstance(child, tuple):
                    child = node[here] = {_WHOLE: child}
                kinds = {isinstance(k, int) for k in child if k is not _WHOLE}
                if kinds and kinds != {isinstance(nxt, int)}:
                    raise ColumnError(column, f"'{here}' is used both as a list and as a single field by the "
                                              "columns of this file")
                node = child
            leaf = (index, path[-1] in listed)
            existing = node.get(path[-1])
            if isinstance(existing, dict) and _WHOLE not in existing:
                existing[_WHOLE] = leaf
            elif existing is None:
                node[path[-1]] = leaf
            else:
                raise ColumnError(column, "names the same field as another column")
        self._tree = _compile(root)

    def build(self, cells: tuple[Any, ...] | list[Any]) -> dict[str, Any]:
        case = _build(self._tree, cells) or {}
        return {"format": 1, **case}


def _compile(node: Any) -> tuple[Any, ...]:
    if isinstance(node, tuple):
        return (_LEAF, *node)
    parts = {k: v for k, v in node.items() if k is not _WHOLE}
    if parts and all(isinstance(k, int) for k in parts):
        compiled: tuple[Any, ...] = (_LIST, [_compile(parts[k]) for k in sorted(parts)])
    else:
        compiled = (_DICT, [(k, _compile(v)) for k, v in parts.items()])
    return (_EITHER, compiled, _compile(node[_WHOLE])) if _WHOLE in node else compiled


def _build(node: tuple[Any, ...], cells: tuple[Any, ...] | list[Any]) -> Any:
    """The value of one node of the tree for a row, or None when every cell under it is empty. Leaves are read in
    their parent's loop: a row of 70 columns costs a few dozen calls, not hundreds."""
    kind = node[0]
    if kind == _DICT:
        out = {}
        for key, child in node[1]:
            if child[0] == _LEAF:
                value = cells[child[1]]
                if value is None or (value := _cell(value, child[2])) is None:
                    continue
            else:
                value = _build(child, cells)
                if value is None:
                    continue
            out[key] = value
        return out or None
    if kind == _LIST:
        items = []
        for child in node[1]:
            value = (None if cells[child[1]] is None else _cell(cells[child[1]], child[2])) if child[0] == _LEAF \
                else _build(child, cells)
            if value is not None:
                items.append(value)
        return items or None
    if kind == _LEAF:
        return None if cells[node[1]] is None else _cell(cells[node[1]], node[2])
    parts = _build(node[1], cells)
    return parts if parts is not None else _build(node[2], cells)


def flatten(case: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The inverse of `RowBuilder.build`, for writing case files as rows (the synthetic population)."""
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
