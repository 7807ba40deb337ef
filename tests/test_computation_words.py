"""The BOP computation's uncertain facts and refusals are words messages: English as the JSON has always had them,
and a Spanish reader gets them in Spanish (the web's answer page lists them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reprieve.assess.computation import compute
from reprieve.intake import parse_case
from tests.test_relief_words import ENGLISH

AS_OF = date(2026, 11, 28)


def _case(custody: dict[str, Any], imposed: str = "2015-06") -> Any:
    data = {"format": 1, "person": {"final_removal_order": True},
            "judgments": [{"imposed_on": imposed, "counts": [
                {"count": "1", "statute": "18 U.S.C. § 2113(a)", "months": 120}]}],
            "custody": custody}
    return parse_case(data, "words", warnings=False).case


def _spanish_left(text: str) -> list[str]:
    return ENGLISH.findall(text)


def test_uncertain_facts_read_in_spanish_with_no_english_left() -> None:
    cases = [_case({"commenced_on": "2015-06", "arrested_on": "2014"}),
             _case({"continuous_since_arrest": True}),
             _case({"served": {"months": 60, "as_of": "2020-06-01"}}),
             _case({})]
    seen: set[str] = set()
    for case in cases:
        for item in compute(case, AS_OF).uncertain:
            english, spanish = item.why_text(), item.why_text("es")
            assert spanish != english, english
            assert not _spanish_left(spanish), spanish
            seen.add(item.field)
    assert {"custody.commenced_on", "judgments[0].imposed_on", "person.final_removal_order"} <= seen, seen


def test_a_refusal_reads_in_spanish_and_names_the_first_day_the_law_data_covers() -> None:
    """Sentencing Reform Act of 1984, Pub. L. 98-473, § 235: in force Nov. 1, 1987; reprieve's law data starts there."""
    refusal = compute(_case({"commenced_on": "1980-01-02"}, imposed="1980-01-02"), date(1985, 1, 1)).refusals[0]
    assert refusal.code == "AS_OF_OUT_OF_RANGE"
    assert refusal.message_text() == ("1985-01-01 is before the first date reprieve's law data covers (the Sentencing "
                                      "Reform Act, 1987-11-01)")
    assert "1 de noviembre de 1987" in refusal.message_text("es")
    assert not _spanish_left(refusal.message_text("es"))
