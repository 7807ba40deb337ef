"""The seed case (examples/vailes.yaml) on both sides of Rutherford, and its family ground."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reprieve.assess.report import assess
from reprieve.intake import load_case, parse_case

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "vailes.yaml"


def finding(result: Any, ground: str) -> Any:
    return next(f for f in result.findings if f.ground == ground)


@pytest.fixture(scope="module")
def case() -> Any:
    return load_case(EXAMPLE).case


def test_fourth_circuit_is_derived_from_the_district(case: Any) -> None:
    assert assess(case, date(2023, 7, 6)).circuit == "4th"


def test_change_in_law_was_open_in_the_fourth_circuit_in_july_2023(case: Any) -> None:
    found = finding(assess(case, date(2023, 7, 6)), "§1B1.13(b)(6)")
    assert found.status in ("needs_review", "eligible")
    assert any("McCoy" in c for c in found.citations)


def test_change_in_law_is_closed_after_rutherford(case: Any) -> None:
    found = finding(assess(case, date(2026, 11, 28)), "§1B1.13(b)(6)")
    assert found.status == "not_eligible"
    assert any("Rutherford" in c for c in found.citations)
    assert any("Rutherford" in r for r in found.reason_texts())


def test_the_sibling_ground_needs_the_facts_that_decide_it(case: Any) -> None:
    # on the day of the motion, in custody (by 2026 the stated facts have him released)
    found = finding(assess(case, date(2023, 7, 6)), "§1B1.13(b)(3)(D)")
    assert found.status == "needs_facts"
    questions = " ".join(q.question for q in found.missing)
    assert "unable to care for themselves" in questions  # incapacitation
    assert "only person who can care for" in questions  # the only available caregiver (the registry's words)
    fields = {q.field for q in found.missing}
    assert {"circumstances.family[0].situation", "circumstances.family[0].only_available_caregiver"} <= fields


def test_exhaustion_runs_from_the_date_the_warden_received_the_request() -> None:
    data: dict[str, Any] = __import__("yaml").safe_load(EXAMPLE.read_text())
    # The public sources do not give the request's dates; these are illustrative.
    data["requests"][0].update({"submitted_on": "2023-03-01", "received_on": "2023-03-06"})
    case = parse_case(data).case
    early = finding(assess(case, date(2023, 3, 20)), "exhaustion")
    assert early.status == "not_eligible" and early.eligible_from == date(2023, 4, 5)
    assert finding(assess(case, date(2023, 7, 6)), "exhaustion").status == "eligible"


def test_without_request_dates_exhaustion_asks_for_them(case: Any) -> None:
    found = finding(assess(case, date(2023, 7, 6)), "exhaustion")
    assert found.status == "needs_facts"
    assert any(q.field == "requests[0].received_on" for q in found.missing)  # when the warden got it
