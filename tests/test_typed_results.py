"""Results are typed inside the engine (issue 13): no `dict[str, Any]` field on the computation's or the current-law
comparison's result, nor on any result block reachable from them; JSON is made only at the edge (`as_json`)."""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
from datetime import date
from typing import Any

import pytest

from reprieve.assess import current_law as comparison
from reprieve.assess import current_law_result
from reprieve.assess.computation import Computation, compute
from reprieve.assess.count_ranges import evaluate_count
from reprieve.assess.current_law_result import Aggregate, CountLaw, CurrentLaw, LowerToday, RangeSide
from reprieve.assess.current_law_summary import Summary
from reprieve.case.model import Case
from reprieve.intake import parse_case
from reprieve.law.sentence_aggregation import Term

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


def test_the_current_law_blocks_are_built_typed_not_parsed_from_dicts() -> None:
    """No block of the comparison's result has a parser from a dict (`of`), and no builder of the comparison returns
    a `dict[str, Any]` but `side_json`, the JSON of one side for the 404 finding's own `as_json`."""
    blocks = [c for c in vars(current_law_result).values()
              if isinstance(c, type) and c.__module__ == current_law_result.__name__]
    assert {"RangeSide", "CountLaw", "Alternative", "Aggregate", "LowerToday"} <= {c.__name__ for c in blocks}
    assert [c.__name__ for c in blocks if hasattr(c, "of")] == []
    assert not hasattr(current_law_result, "_carried") and not hasattr(current_law_result, "_dates")
    functions = [(name, f) for name, f in inspect.getmembers(comparison, inspect.isfunction)
                 if f.__module__ == comparison.__name__]
    functions += [(f"{c.__name__}.{name}", f) for c in vars(comparison).values()
                  if isinstance(c, type) and c.__module__ == comparison.__name__
                  for name, f in inspect.getmembers(c, inspect.isfunction)]
    assert "lower_today" in dict(functions) and "_Release.release" in dict(functions)
    loose = [name for name, f in functions if "dict[str, Any]" in str(f.__annotations__.get("return", ""))]
    assert loose == ["side_json"]


def test_a_block_refuses_a_key_it_would_not_write() -> None:
    with pytest.raises(ValueError, match="unknown key"):
        RangeSide().put("minimum", 60)


def _crack_case(months: int) -> Case:
    """100 g of crack, offense 2014, sentenced 2015: 21 U.S.C. 841(b)(1)(B)(iii) as amended by the Fair Sentencing
    Act (28 grams or more), "not less than 5 years and not more than 40 years", the same then and now."""
    return parse_case({
        "format": 1, "person": {"sex": "female"},
        "judgments": [{"imposed_on": "2015-06-01", "enhancements": [], "counts": [
            {"count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(B)(iii)",
             "drug": "cocaine_base", "quantity": "100 g", "offense_began": "2014-01-01", "offense_ended": "2014-06-01",
             "death_or_serious_bodily_injury": False, "months": months}]}],
        "custody": {"commenced_on": "2015-06-01", "prior_custody_days": 30}}).case


def test_the_comparison_builders_give_typed_blocks() -> None:
    as_of = date(2026, 11, 28)
    case = _crack_case(240)
    results = [evaluate_count(case, 0, 0, as_of)]
    lower = comparison.lower_today(case, results)
    assert isinstance(lower, LowerToday)
    assert lower.answer is False and lower.then_months_range == [60, 60] and lower.now_months_range == [60, 60]
    count = comparison.count_law(results[0])
    assert isinstance(count, CountLaw) and isinstance(count.now, RangeSide)
    assert (count.then.min_months, count.now.min_months, count.now.max_months) == (60, 60, 480)
    released = comparison.release_if(case, as_of, results, [Term(60)])
    assert isinstance(released, comparison.Released)
    assert released.day == compute(_crack_case(60), as_of).projected_release_date
    block = comparison.current_law(case, as_of, compute(case, as_of))
    assert isinstance(block.aggregate, Aggregate) and isinstance(block.aggregate.lower_today, LowerToday)
    assert block.aggregate.release_date_if_sentenced_now == released.day
