"""Results are typed inside the engine (issue 13): no `dict[str, Any]` field on the computation's or the current-law
comparison's result, nor on any result block reachable from them; JSON is made only at the edge (`as_json`)."""

from __future__ import annotations

import dataclasses
import re
import sys
from typing import Any

from reprieve.assess.computation import Computation
from reprieve.assess.current_law_result import CurrentLaw
from reprieve.assess.current_law_summary import Summary

_NAME = re.compile(r"\b[A-Z]\w*")
MESSAGES = {"Said"}  # a words message: its values are numbers, dates and messages of any kind, rendered by the catalog


def _blocks(root: type) -> dict[str, dict[str, str]]:
    """Every public dataclass reachable from `root` through its fields' annotations: {class: {field: annotation}}."""
    seen: dict[str, dict[str, str]] = {}
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls.__name__ in seen:
            continue
        fields = {f.name: str(f.type) for f in dataclasses.fields(cls)}
        seen[cls.__name__] = fields
        namespace: dict[str, Any] = vars(sys.modules[cls.__module__])
        for annotation in fields.values():
            for name in _NAME.findall(annotation):
                found = namespace.get(name)
                if found is None:  # imported for type checking only: look in the modules of the engine
                    found = next((vars(m)[name] for m in list(sys.modules.values())
                                  if getattr(m, "__name__", "").startswith("reprieve.") and name in vars(m)), None)
                if isinstance(found, type) and dataclasses.is_dataclass(found) and not name.startswith("_") \
                        and name not in MESSAGES:
                    todo.append(found)
    return seen


def test_no_result_block_has_a_dict_of_any() -> None:
    found = {**_blocks(Computation), **_blocks(CurrentLaw)}
    assert found["CurrentLaw"]["summary"] == Summary.__name__
    assert {"GoodConduct", "FsaCredits", "RdapReduction", "Reconciled", "PriorToday", "Aggregate", "RangeSide",
            "Alternative", "CountLaw", "Summary", "AtBottom"} <= set(found)
    untyped = {f"{cls}.{name}": annotation for cls, fields in found.items() for name, annotation in fields.items()
               if "dict[str, Any]" in annotation.replace("typing.", "") or annotation in ("Any", "dict")}
    assert untyped == {}


def test_the_check_sees_a_dict_of_any() -> None:
    @dataclasses.dataclass
    class Loose:
        rows: dict[str, Any]

    assert _blocks(Loose) == {"Loose": {"rows": "dict[str, Any]"}}
