"""Reading scans and phone photos (OCR): a small representative sample; benchmarks/bench_intake.py runs 100.

What must hold on every one: a value read wrong is never taken silently (it is asked about: low confidence, or not
found), and most values are read right.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.bench_intake import score

from reprieve.intake.documents import read_documents
from reprieve.intake.fields import CONFIRM_BELOW
from tests.intake.degrade import degraded
from tests.intake.generate import specimen

UGLY = Path(__file__).parent / "ugly"


def _same(path: str, got: Any, want: Any) -> bool:
    return str(got).casefold() == str(want).casefold() if path == "person.name" else bool(got == want)


@pytest.mark.parametrize("name", ["lost_font_map.pdf", "photographed_sheet.jpg"])
def test_ugly_papers_read_right_or_asked(name: str) -> None:
    expected = yaml.safe_load((UGLY / f"{name}.expected.yaml").read_text())
    result = read_documents([UGLY / name])
    assert {d.method for d in result.documents} == {"ocr"}  # a lost character map is not trusted
    asked = {q["field"] for q in result.questions()}
    right = 0
    for path, want in expected["fields"].items():
        read = result.fields.get(path)
        if read is not None and _same(path, read.value, want):
            right += 1
        else:
            assert path in asked, f"{path}: read {read and read.value!r} for {want!r} without asking"
    assert right >= 0.8 * len(expected["fields"])


def test_a_scanned_judgment() -> None:
    made = specimen(20_003, bop_sheet=False, judgments=1)
    result = read_documents(degraded(made.documents, random.Random(3), "scan"))
    fields, wrong, silent = score(made.case, result)
    assert silent == 0
    assert wrong <= 0.1 * fields
    assert {d.method for d in result.documents} == {"ocr"}
    assert sum(r.confidence >= CONFIRM_BELOW for r in result.fields.values()) >= fields / 2  # not all asked
