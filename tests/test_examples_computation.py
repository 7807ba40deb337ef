"""Every worked example of law.md G1-G4, as case files with their expected outputs and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.examples_runner import check, example_files, load_example, run_example

FILES = example_files("computation")


def test_there_are_examples_for_every_section() -> None:
    names = {p.name[:2] for p in FILES}
    assert {"g1", "g2", "g3", "g4"} <= names


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example(path: Path) -> None:
    example = load_example(path)
    failures = check(run_example(example, path.name), example["expect"])
    assert not failures, "\n".join([f"{path.name} ({example['source']})", *failures])
