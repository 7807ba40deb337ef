"""Statutory penalties then and now: law.md D1-D4 and G8 as case files with their expected outputs and sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reprieve.assess.report import assess
from reprieve.intake import load_case
from tests.examples_runner import check, example_files, load_example, run_example

FILES = example_files("penalties")
ROOT = Path(__file__).parent.parent


def test_there_are_examples_for_every_table() -> None:
    prefixes = {p.name.split("_")[0] for p in FILES}
    assert {"d1", "d2", "d3", "d4", "d5", "g8", "fsa2010", "fsa2018"} <= prefixes


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example(path: Path) -> None:
    example = load_example(path)
    failures = check(run_example(example, path.name), example["expect"])
    assert not failures, "\n".join([f"{path.name} ({example['source']})", *failures])


def test_the_example_case_then_240_now_180_or_120_with_the_deciding_facts_named() -> None:
    """examples/vailes.yaml: one 851 prior, 1,000 kg marijuana (841(b)(1)(A)), sentenced 2009: 20 years then; today
    15 years if the prior is a serious drug felony, 10 if not - and the file does not say how long he served on it
    or when he was released (21 U.S.C. 802(57); law.md G8 row 1)."""
    case = load_case(ROOT / "examples" / "vailes.yaml").case
    result = assess(case, date(2026, 11, 28)).as_json()["current_law"]
    aggregate = result["aggregate"]
    assert aggregate["then_min_months"] == 240
    assert aggregate["now_min_months"] is None
    assert sorted(a["now_min_months"] for a in aggregate["now_min_alternatives"]) == [120, 180]
    assert {"priors[0].served_months", "priors[0].released_on"} <= set(aggregate["missing"])
    count = result["counts"][0]
    assert count["then"]["min_months"] == 240
    assert {a["min_months"] for a in count["now"]["alternatives"]} == {180, 120}
    assert "priors[0].served_months" in count["now"]["missing"]
    # Both release dates at today's minimums are long past: the claim of the seed case.
    assert aggregate["release_date_if_sentenced_now_is_past"] is True
    assert "Under today's law the minimum would be 15 years" in result["summary"]
    assert "not 20 years" in result["summary"]
