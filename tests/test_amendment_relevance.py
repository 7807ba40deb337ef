"""USSG §1B1.10(d) lists amendments a court may apply under 18 U.S.C. 3582(c)(2); reprieve computes some and lists the
rest for a lawyer's review. Amendment 715 (effective 2008-05-01) concerns cocaine base combined with other
controlled substances, so it is listed only when cocaine base may have played a part: not for a sentence whose drug
counts name only marijuana, but still when a count names cocaine base or does not say what the drug was.

Amendment 657 (effective 2003-11-01) is about oxycodone alone: "The term 'Oxycodone (actual)' refers to the weight of
the controlled substance, itself, contained in the pill, capsule, or mixture" and, in the Drug Equivalency Tables,
"striking '1 gm of Oxycodone = 500 gm of marihuana' and inserting '1 gm of Oxycodone (actual) = 6700 gm of
marihuana'" (USSG App. C, amend. 657). A count naming only a class of drug ("schedule_ii") could hide either
substance, so it keeps both listed."""

from __future__ import annotations

from datetime import date
from typing import Any

from reprieve.assess.report import assess
from reprieve.intake import parse_case

# sentenced 2008-03-10: the Manual applied was the Nov. 1, 2007 Manual, before Amendment 715 (2008-05-01)
AS_OF = date(2026, 12, 1)


def _review(count: dict[str, Any], imposed_on: str = "2008-03-10") -> list[str]:
    data = {"format": 1, "person": {"name": "A Person"}, "court": {"district": "E.D. Va."},
            "judgments": [{"imposed_on": imposed_on, "counts": [{"statute": "21 U.S.C. 846", "months": 250,
                                                                    **count}]}]}
    findings = assess(parse_case(data, "case", warnings=False).case, AS_OF).findings
    return [r for f in findings if f.ground == "earlier amendments in §1B1.10(d)" for r in f.reason_texts()]


def test_715_is_not_listed_for_marijuana_only() -> None:
    assert not any("Amendment 715" in r for r in _review({"drug": "marijuana", "quantity": "1000 kg"}))


def test_715_is_listed_when_cocaine_base_is_among_the_drugs() -> None:
    drugs = [{"drug": "marijuana", "quantity": "1000 kg"}, {"drug": "cocaine_base", "quantity": "50 g"}]
    assert any("Amendment 715" in r for r in _review({"drugs": drugs}))


def test_715_is_listed_when_the_drug_is_not_stated() -> None:
    assert any("Amendment 715" in r for r in _review({}))


def test_715_is_listed_when_a_count_names_only_a_class_of_drug() -> None:
    assert any("Amendment 715" in r for r in _review({"drug": "schedule_ii", "quantity": "1 kg"}))


# sentenced 2002-06-03, under the Nov. 1, 2001 Manual: before Amendment 657 (2003-11-01)
BEFORE_657 = "2002-06-03"


def test_657_is_not_listed_for_marijuana_only() -> None:
    assert not any("Amendment 657" in r for r in _review({"drug": "marijuana", "quantity": "1000 kg"}, BEFORE_657))


def test_657_is_listed_when_a_count_names_oxycodone_in_either_form() -> None:
    for drug in ("oxycodone", "oxycodone_actual"):
        assert any("Amendment 657" in r for r in _review({"drug": drug, "quantity": "500 g"}, BEFORE_657)), drug


def test_657_is_listed_when_a_count_names_only_a_class_of_drug() -> None:
    assert any("Amendment 657" in r for r in _review({"drug": "schedule_ii", "quantity": "500 g"}, BEFORE_657))
