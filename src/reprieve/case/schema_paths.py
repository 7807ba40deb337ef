"""The case file's JSON Schema read as a tree of field paths (`judgments[].counts[].months`): what each field
holds and what it means. The reference page (docs/case-format.md) and the blank template (`reprieve new`) are
written from it, so that neither can drift from the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reprieve.case.model import case_json_schema


@dataclass
class Node:
    path: str  # "judgments[].counts[]" ("" for the top level)
    title: str  # the model's name, e.g. "Count"
    fields: list[Field] = field(default_factory=list)


@dataclass
class Field:
    name: str
    path: str  # "judgments[].counts[].months"
    kind: str  # in words: "date", "whole number", "text", "true or false", "one of: ...", "list of ..."
    description: str
    child: str | None = None  # the path of the mapping it holds ("judgments[]"), if any
    nullable: bool = True  # null ("unknown") is allowed; otherwise an absent list is an empty one


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str):
        return dict(schema["$defs"][ref.rsplit("/", 1)[1]])
    return node


def _without_null(node: dict[str, Any]) -> dict[str, Any]:
    options = node.get("anyOf")
    if isinstance(options, list):
        kept = [o for o in options if o.get("type") != "null"]
        if len(kept) == 1:
            return {**node, **kept[0], "anyOf": None}
    return node


def _words(schema: dict[str, Any], prop: dict[str, Any]) -> tuple[str, dict[str, Any] | None, bool]:
    """(the value in words, the object schema it holds or None, whether it is a list of objects)."""
    prop = _without_null(prop)
    if "$ref" in prop:
        target = _resolve(schema, prop)
        if "enum" in target:
            return "one of: " + ", ".join(str(v) for v in target["enum"]), None, False
        return "mapping", target, False
    if "const" in prop:
        return f"{prop['const']}", None, False
    if "enum" in prop:
        return "one of: " + ", ".join(str(v) for v in prop["enum"]), None, False
    if prop.get("anyOf"):
        parts = [_words(schema, option)[0] for option in prop["anyOf"] if option.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts)), None, False
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items") or {}
        if prop.get("minItems") == 2 and prop.get("maxItems") == 2:
            inner, _, _ = _words(schema, items)
            return f"[low, high]: {inner}", None, False
        inner, held, _ = _words(schema, items)
        if held is not None:
            return "list of mappings", held, True
        return f"list of {inner}", None, False
    if kind == "string":
        if str(prop.get("pattern", "")).startswith(r"^\d{4}(-\d{2}"):
            return "date", None, False
        if "amount with unit" in str(prop.get("description", "")) or prop.get("title") == "Quantity":
            return "quantity with unit", None, False
        return "text", None, False
    if kind == "integer":
        low = prop.get("minimum")
        return "whole number" + (f" ({low} or more)" if low not in (None, 0) else " (0 or more)" if low == 0 else ""),\
            None, False
    if kind == "number":
        return "number", None, False
    if kind == "boolean":
        return "true or false", None, False
    return "value", None, False


@cache
def tree() -> tuple[Node, ...]:
    """Every mapping of the case file, top level first, each child after its parent (depth first)."""
    schema = case_json_schema()
    out: list[Node] = []

    def visit(path: str, title: str, obj: dict[str, Any]) -> None:
        node = Node(path, title)
        out.append(node)
        children: list[tuple[str, str, dict[str, Any]]] = []
        for name, prop in (obj.get("properties") or {}).items():
            kind, target, is_list = _words(schema, prop)
            full = f"{path}.{name}" if path else name
            child = None
            if target is not None:
                child = f"{full}[]" if is_list else full
                children.append((child, str(target.get("title", name)), target))
            nullable = any(option.get("type") == "null" for option in prop.get("anyOf") or [])
            node.fields.append(Field(name, full, kind, str(prop.get("description", "")).strip(), child,
                                     nullable or ("default" in prop and prop["default"] is None)))
        for child_path, child_title, target in children:
            visit(child_path, child_title, target)

    visit("", "Case", schema)
    return tuple(out)


def node(path: str) -> Node:
    for n in tree():
        if n.path == path:
            return n
    raise KeyError(path)


def field_at(path: str) -> Field:
    """`judgments[].counts[].months` -> its Field."""
    parent, _, name = path.rpartition(".")
    for f in node(parent).fields:
        if f.name == name:
            return f
    raise KeyError(path)


def all_paths() -> list[str]:
    return [f.path for n in tree() for f in n.fields]
