"""Read a case file (YAML or JSON) into a validated `Case`.

Every problem is reported as `FILE: field.path[0].name: what is wrong`; unknown keys are kept and reported as warnings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from reprieve.case.checks import Problem, impossible_facts
from reprieve.case.model import Case
from reprieve.intake.suggest import suggestion
from reprieve.intake.textfile import NotText, decode

try:  # the C loader is several times faster; fall back where libyaml is absent
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc]
    """Dates stay text, so that an impossible date is reported with its field path by the case model. Only `true`
    and `false` are booleans (as in YAML 1.2): the key `on` of a risk assessment stays the word "on", and a value
    such as `yes` reaches the model, which reads it as true."""


_BOOL = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", _BOOL)]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class CaseFileError(Exception):
    """The case file cannot be used as it is. `problems` name each field."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{self.source}: {p.path}: {p.message}" for p in self.problems)


@dataclass
class LoadedCase:
    case: Case
    source: str
    warnings: list[Problem] = field(default_factory=list)


def load_case(path: str | Path) -> LoadedCase:
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(source, [Problem("(file)", "does not exist")]) from None
    except IsADirectoryError:
        raise CaseFileError(source, [Problem("(file)", "is a folder, not a case file")]) from None
    except OSError as exc:
        raise CaseFileError(source, [Problem("(file)", f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        decoded = decode(data)
    except NotText as exc:
        raise CaseFileError(source, [Problem("(file)", str(exc))]) from None
    loaded = parse_case(_parse_text(decoded.text, source, json_only=path.suffix.lower() == ".json"), source)
    if decoded.warning:
        loaded.warnings.insert(0, Problem("(file)", decoded.warning))
    return loaded


def _parse_text(text: str, source: str, json_only: bool) -> Any:
    if json_only:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CaseFileError(source, [Problem("(file)", f"is not valid JSON: {exc.msg} at line {exc.lineno}")]) \
                from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 1}, column {mark.column + 1}"
        problem = getattr(exc, "problem", None) or "syntax error"
        raise CaseFileError(source, [Problem("(file)", f"is not valid YAML: {problem}{where}")]) from None


def parse_case(data: Any, source: str = "<case>", *, warnings: bool = True) -> LoadedCase:
    """Validate already-parsed data (a mapping) as a case file; `warnings=False` skips looking for unknown keys."""
    if not isinstance(data, dict):
        raise CaseFileError(source, [Problem("(top level)", "must be a mapping of keys to values")])
    if data.get("format", 1) != 1:
        raise CaseFileError(source, [Problem("format", f"is {data.get('format')!r}; this reprieve reads format 1")])
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(source, _problems_from(exc)) from None
    problems = impossible_facts(case)
    if problems:
        raise CaseFileError(source, problems)
    found = [_unknown(path, model, key) for path, model, key in _unknown_keys(case, "")] if warnings else []
    return LoadedCase(case=case, source=source, warnings=found)


UNKNOWN_KEY = "unknown key (kept, not used)"


def _unknown(path: str, model: type[BaseModel], key: str) -> Problem:
    hint = suggestion(model, key)
    return Problem(path, UNKNOWN_KEY + (f"; did you mean '{hint}'?" if hint else ""))


# --- pydantic errors as field paths ---------------------------------------------------------------------------

_TYPE_TAGS = {"int", "str", "bool", "float", "list", "dict", "none", "constrained-int", "date"}


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _TYPE_TAGS or not part.replace("_", "").isalnum():
            continue  # the member of a union that failed, not a field
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = error["loc"]
    if kind == "missing":
        return "is required"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be >{'=' if kind.endswith('equal') else ''} {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be <{'=' if kind.endswith('equal') else ''} {ctx.get('le', ctx.get('lt'))}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "must be a whole number"
    if kind in ("bool_parsing", "bool_type"):
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of: {ctx.get('expected')}"
    if kind == "string_type":
        return "must be text"
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "register_number":
            return "must look like 12345-678 (five digits, a hyphen, three digits)"
        return f"must match the pattern {ctx.get('pattern')}"
    if kind == "list_type":
        return "must be a list"
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length", ctx.get("max_length"))
        return f"must have {'at least' if kind == 'too_short' else 'at most'} {bound} items"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a mapping of keys to values"
    message = str(error.get("msg", "is invalid"))
    return message.removeprefix("Value error, ")


def _problems_from(exc: ValidationError) -> list[Problem]:
    merged: dict[str, list[str]] = {}
    for error in exc.errors():
        messages = merged.setdefault(_path(error["loc"]), [])
        message = _message(error)
        if message not in messages:
            messages.append(message)
    return [Problem(path, " or ".join(messages)) for path, messages in merged.items()]


def _unknown_keys(node: Any, path: str) -> Iterator[tuple[str, type[BaseModel], str]]:
    if isinstance(node, BaseModel):
        for key in node.model_extra or {}:
            yield (f"{path}.{key}" if path else key), type(node), key
        for name in type(node).model_fields:
            child = getattr(node, name)
            yield from _unknown_keys(child, f"{path}.{name}" if path else name)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _unknown_keys(item, f"{path}[{i}]")
