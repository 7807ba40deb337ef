"""The JSON of `compute` and `assess` for every example file, compared with the goldens in tests/golden.

A change may differ from the goldens only in the kinds of change this test permits (tests/golden/compare.py defines
each kind). When a change is meant to alter the outputs, regenerate the goldens (`python -m tests.golden.capture`)
in the same commit and say which kinds of change it makes.
"""

from __future__ import annotations

from tests.golden.compare import KINDS, classify, compare_all

PERMITTED: list[str] = []  # issue 13: the goldens are the outputs of the restructured engine


def test_the_outputs_differ_from_the_goldens_only_in_permitted_kinds() -> None:
    assert all(name in KINDS for name in PERMITTED)
    unexplained = [d for d in compare_all() if classify(d, PERMITTED) is None]
    shown = "\n".join(f"{d.where}: {d.old!r} -> {d.new!r}"[:500] for d in unexplained[:25])
    assert not unexplained, f"{len(unexplained)} differences of no permitted kind:\n{shown}"


def test_the_comparison_finds_a_changed_value_an_added_key_and_a_dropped_finding() -> None:
    from tests.golden.compare import ABSENT, differences

    old = {"a": 1, "findings": [{"avenue": "x", "ground": "g", "status": "needs_facts"}], "l": ["p", "q"]}
    new = {"a": 2, "b": 3, "findings": [], "l": ["q"]}
    found = {(d.where, repr(d.old), repr(d.new)) for d in differences(old, new)}
    assert ("a", "1", "2") in found
    assert ("b", repr(ABSENT), "3") in found
    assert ("findings[avenue=x,ground=g]", repr(old["findings"][0]), repr(ABSENT)) in found
    assert ("l/(item)", "'p'", repr(ABSENT)) in found
    assert [classify(d, list(KINDS)) for d in differences(old, new) if d.where == "b"] == ["added_key"]
    assert [classify(d, ["added_key"]) for d in differences(old, new) if d.where == "a"] == [None]
