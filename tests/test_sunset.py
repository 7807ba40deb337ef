"""An avenue that ends is not offered on a date after its end (34 U.S.C. 60541(g): "for each of fiscal years 2019
through 2023"): the plain summary says the program ends first, and what would change that."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from reprieve.documents.draft import draft
from reprieve.documents.render import to_text
from reprieve.intake import parse_case

RELIEF = Path(__file__).parent / "examples" / "relief"


def _summary(example: str) -> str:
    data = yaml.safe_load((RELIEF / example).read_text(encoding="utf-8"))
    case = parse_case(data["case"], example).case
    return " ".join(to_text(draft("summary", case, date.fromisoformat(data["as_of"]))).split())


def test_the_plain_summary_offers_no_date_after_the_program_ends() -> None:
    # The case: born 1965, as of July 5, 2023 - 60 only on Dec. 31, 2025, after Sept. 30, 2023.
    text = _summary("f1_home_detention_age_60_after_program_ends.yaml")
    assert "You may qualify from December 31, 2025" not in text
    assert "This program ends on September 30, 2023, before you would qualify" in text
    assert "new law from Congress" in text


def test_the_plain_summary_offers_the_last_day_of_the_program() -> None:
    text = _summary("f1_home_detention_age_60_on_last_day.yaml")
    assert "You may qualify from September 30, 2023" in text
