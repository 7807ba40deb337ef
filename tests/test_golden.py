"""The JSON of `compute` and `assess` for every example file, compared with the goldens in tests/golden.

A change may differ from the goldens only in the kinds of change this test permits (tests/golden/compare.py defines
each kind). When a change is meant to alter the outputs, regenerate the goldens (`python -m tests.golden.capture`)
in the same commit and say which kinds of change it makes.
"""

from __future__ import annotations

from tests.golden.compare import KINDS, classify, compare_all

PERMITTED: list[str] = [
    # issue 12: the contract grows; presumptions and stated facts fill what was unknown
    "added_key", "filled_by_presumption", "alternatives_resolved", "alternatives_narrowed", "fact_no_longer_open",
    "range_narrowed", "range_resolved", "explanation_follows", "finding_follows", "registry_question_text",
    "no_gct_no_rate_question", "change_in_law_compares_life", "statute_data_quoted", "served_bounded_by_stated_facts",
    "not_yet_says_why",
    # issue 14 (taken with issue 12): then and now read right
    "changed_flag_corrected", "one_key_per_prior",
]


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
