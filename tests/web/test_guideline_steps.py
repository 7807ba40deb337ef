"""The answer page shows a 3582(c)(2) finding's guideline steps (the worksheet lines of the range with the amendment)
in the page's language: in Spanish from the words catalog, no longer marked as English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.utils import translation

from reprieve.assess.report import assess
from reprieve.intake import load_case
from reprieve.web.results import context

COMPLETE = Path(__file__).parents[2] / "examples" / "complete.yaml"


def test_the_guideline_steps_of_a_3582c2_finding_read_in_spanish_unmarked() -> None:
    """examples/complete.yaml: 5 kg of cocaine is level 30 under the Drug Quantity Table as Amendment 782 left it
    (USSG §2D1.1(c)(5), "At least 5 KG but less than 15 KG of Cocaine"), and the Sentencing Table gives level 30,
    Criminal History Category II 108-135 months."""
    assessment = assess(load_case(COMPLETE).case, date(2026, 11, 28))
    with translation.override("es"):
        page = context(assessment)
    finding = next(f for f in page["findings"] if f["ground"]["text"] == "Enmienda 782")  # its heading, in Spanish
    assert finding["ground"]["lang"] == ""
    reasons = {r["text"]: r["lang"] for r in finding["reasons"]}
    drug = next(text for text in reasons if text.startswith("5 kg de cocaína: nivel 30 (USSG §2D1.1(c)"))
    cell = next(text for text in reasons if text.startswith("nivel 30, categoría II: 108-135 meses (USSG"))
    assert reasons[drug] == reasons[cell] == ""  # Spanish: not marked lang="en"
    with translation.override("en"):
        english = [r["text"] for f in context(assessment)["findings"] if f["ground"]["text"] == "Amendment 782"
                   for r in f["reasons"]]
    assert any(text.startswith("5 kg of cocaine: level 30 (USSG §2D1.1(c)") for text in english)
    assert any(text.startswith("level 30, category II: 108-135 months (USSG") for text in english)
