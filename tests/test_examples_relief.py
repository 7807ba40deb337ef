"""law.md G5 and the circuit examples (C4) as case files with their expected findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.examples_runner import check, example_files, load_example, run_example

FILES = example_files("relief")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example(path: Path) -> None:
    example = load_example(path)
    failures = check(run_example(example, path.name), example["expect"])
    assert not failures, "\n".join([f"{path.name} ({example['source']})", *failures])
