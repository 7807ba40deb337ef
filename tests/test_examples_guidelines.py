"""Guidelines then and now and the 3582(c)(2) screen: law.md G6 and G7 (and E4, E5, E8) as case files with their
expected outputs and sources, run through `reprieve assess`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.examples_runner import check, example_files, load_example, run_example

FILES = example_files("guidelines")


def test_there_are_examples_of_every_table() -> None:
    names = {p.stem for p in FILES}
    assert {"g6_n3_sentence_70_not_below_51", "g6_n3_substantial_assistance_56_to_41", "g6_n4a_defendant_a_81",
            "g6_n4b_defendant_b_65", "g7_zero_point_all_11_met_ol30_to_28"} <= names
    assert len([n for n in names if n.startswith("g7_zero_point_fails_")]) == 11


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example(path: Path) -> None:
    example = load_example(path)
    failures = check(run_example(example, path.name), example["expect"])
    assert not failures, "\n".join([f"{path.name} ({example['source']})", *failures])
