"""No traceback on any input: the case loader and the screening row reader, fuzzed (hypothesis).

Real case files (the examples) are mutated at random - a value replaced by one of another type or size, a key
dropped or added, a list made a scalar - and read. Each must either load (and then compute and assess without an
exception) or be refused with problems that name a field.
"""

from __future__ import annotations

import copy
import csv
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reprieve.assess.computation import compute
from reprieve.assess.report import assess
from reprieve.intake import CaseFileError, parse_case
from reprieve.intake.casefile import _Loader
from reprieve.screen.columns import flatten
from reprieve.screen.runner import screen

ROOT = Path(__file__).parent.parent


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


SEEDS: list[dict[str, Any]] = [
    _read(ROOT / "examples" / "vailes.yaml"),
    *(_read(p) for p in sorted((ROOT / "tests" / "documents_cases").glob("*.yaml"))),
    *(_read(p)["case"] for group in ("computation", "penalties", "relief")
      for p in sorted((ROOT / "tests" / "examples" / group).glob("*.yaml"))[:6]),
]

ODD_VALUES = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.sampled_from([0, -1, 1, 12_000, 12_001, 365_251, 2**63, float("nan"), float("inf"), -0.5, 1e300]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "life", "2007", "2007-13", "2007-02-30", "0000-01-01", "9999-12-31", "1e9", "120",
                     "true", "1000 kg", "-5 g", "99999999999999999999 kg", "21 U.S.C. § 841(b)(1)(A)", "§",
                     "18 U.S.C. §§ 2113(a) and (d)", "[]", "{}", "\x00", "é" * 300]),
    st.text(max_size=40),
    st.lists(st.integers(min_value=-3, max_value=10**6), max_size=3),
    st.dictionaries(st.sampled_from(["on", "level", "months", "kind", "drug", "as_of", "x"]),
                    st.one_of(st.integers(), st.text(max_size=8)), max_size=3),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


@st.composite
def mutated_cases(draw: st.DrawFn) -> dict[str, Any]:
    case = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(case)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = case
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(ODD_VALUES)
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["months", "life", "total_months", "priors_at_least", "served", "age_on",
                                         "statutory_minimum_months", "drugs", "rulings", "home_confinement",
                                         "grounds_raised", "zzz"]))] = draw(ODD_VALUES)
    return case


def _loads_or_names_a_field(data: Any) -> Any:
    try:
        return parse_case(data, "fuzz").case
    except CaseFileError as exc:
        assert exc.problems and all(p.path and p.message for p in exc.problems)
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cases())
def test_the_case_loader_never_raises_anything_but_a_case_file_error(data: dict[str, Any]) -> None:
    case = _loads_or_names_a_field(data)
    if case is not None:
        compute(case, date(2026, 11, 28))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cases(), st.sampled_from([date(2019, 7, 19), date(2023, 7, 6), date(2026, 11, 28)]))
def test_a_case_that_loads_is_assessed_without_an_exception(data: dict[str, Any], as_of: date) -> None:
    case = _loads_or_names_a_field(data)
    if case is not None:
        assess(case, as_of).as_json()


COLUMNS = sorted({c for seed in SEEDS for c in flatten(seed)} | {
    "id", "judgments[0].counts[0].months", "judgments[99999999].counts[0].months", "person..born", "1abc",
    "judgments[0]", "custody.fsa.risk_levels[0].level", "priors[0].served_months", "judgments[0].counts[0][1]"})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=12, unique=True), st.data())
def test_the_screening_row_reader_never_raises(columns: list[str], data: st.DataObject) -> None:
    """One row of a CSV, read and assessed as `reprieve screen` does (the columns checked, the row unflattened, the
    case validated): a bad cell is a row error naming the column or field, never an exception."""
    cells = [data.draw(st.one_of(ODD_VALUES.filter(lambda v: not isinstance(v, (list, dict))),
                                 st.sampled_from(["1; 2", "[]", "nan"]))) for _ in columns]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerow(["" if v is None else str(v) for v in cells])
        try:
            result = screen(path, date(2026, 11, 28), keep_ids=True, workers=1)
        except ValueError as exc:  # a file that cannot be read as CSV is an error naming it, as the command says
            assert str(path) in str(exc)
            return
    assert all(e.field and e.message for e in result.errors)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cases())
def test_the_quick_walk_for_numbers_too_large_agrees_with_the_walk_that_names_them(data: dict[str, Any]) -> None:
    """`impossible_facts` first walks the case only to learn whether any number is over its bound
    (`_any_too_large`), and names the fields only then: the same answer as checking every number it names."""
    from pydantic import ValidationError

    from reprieve.case.checks import _any_too_large, _bound, _numbers, _too_large
    from reprieve.case.model import Case

    try:
        case = Case.model_validate(data)
    except ValidationError:
        return
    over = [n for _, name, n in _numbers(case, (), "") if n > _bound(name)[0]]
    assert _any_too_large(case, "") == bool(over)
    assert len(list(_too_large(case, ""))) == len(over)
