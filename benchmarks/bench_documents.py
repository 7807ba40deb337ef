"""The filing packet: all six documents for one case, assessed and rendered; target <= 3 s per packet.

Measured in-process after one warm-up packet (fonts, templates and law data loaded once, as in a running app), for
PDF (WeasyPrint, the slow path) and for DOCX. The first, cold packet is reported too.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

from reprieve.assess.report import assess
from reprieve.documents.draft import KINDS, build
from reprieve.documents.render import render
from reprieve.intake import load_case

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "tests" / "documents_cases" / "terminal_illness.yaml"
AS_OF = date(2026, 11, 28)


def _packet(fmt: str) -> float:
    start = time.perf_counter()
    case = load_case(CASE).case
    assessment = assess(case, AS_OF)
    for kind in KINDS:
        render(build(kind, case, assessment), fmt)
    return time.perf_counter() - start


def main() -> list[tuple[str, float, str, float | None]]:
    cold = _packet("pdf")
    pdf = statistics.median(_packet("pdf") for _ in range(3))
    docx = statistics.median(_packet("docx") for _ in range(3))
    return [
        ("packet of 6 documents, PDF, first (cold)", cold, "s", None),
        ("packet of 6 documents, PDF", pdf, "s", 3.0),
        ("packet of 6 documents, DOCX", docx, "s", 3.0),
    ]
