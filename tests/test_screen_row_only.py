"""A screening assesses each person without explaining the answers (`ROW_ONLY`: no reasons, summaries, worded
questions, comparison steps): the same rules decide every status, date and field asked, so each row equals the row
of the full single-case assessment. Held here on every worked example (each a case an official source decides) and
on synthetic people; tests/test_screen.py holds it for a whole screening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reprieve.assess.report import assess
from reprieve.intake import load_case, parse_case
from reprieve.law.params import Law
from reprieve.screen.rows import ROW_ONLY, person_row
from reprieve.screen.synth import generate
from tests.examples_runner import example_files, load_example, normalize

AS_OF = date(2026, 11, 28)
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [path for group in ("relief", "penalties", "guidelines", "computation") for path in example_files(group)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_row_only_assessment_gives_the_full_assessments_row_on_every_worked_example(path: Path) -> None:
    example = load_example(path)
    case = parse_case(example["case"], path.name).case
    as_of = date.fromisoformat(normalize(example["as_of"]))
    assert person_row("p", 2, assess(case, as_of, ROW_ONLY)) == person_row("p", 2, assess(case, as_of))


def test_a_row_only_assessment_gives_the_full_assessments_row_for_synthetic_people_under_a_traced_law() -> None:
    law = Law.at(AS_OF)
    for number, person in enumerate(generate(150, seed=23, as_of=AS_OF), start=2):
        case = parse_case({k: v for k, v in person.items() if k != "id"}, "person", warnings=False).case
        lean = assess(case, AS_OF, ROW_ONLY, law=law.traced(), stages=False)
        assert person_row(person["id"], number, lean) == person_row(person["id"], number, assess(case, AS_OF)), \
            person["id"]


@pytest.mark.parametrize("path", [*sorted((ROOT / "examples").glob("*.yaml")),
                                  *sorted((ROOT / "tests" / "cases").glob("*.yaml"))], ids=lambda p: p.stem)
def test_a_row_only_assessment_gives_the_full_assessments_row_for_the_example_cases(path: Path) -> None:
    case = load_case(path).case
    for as_of in (AS_OF, date(2019, 6, 1), date(2040, 1, 1)):
        assert person_row("p", 2, assess(case, as_of, ROW_ONLY)) == person_row("p", 2, assess(case, as_of))


def test_where_todays_minimum_has_alternatives_a_row_only_assessment_leaves_their_release_dates_out() -> None:
    """Vailes (the spec's worked case): 240 months then, 120 or 180 now depending on the prior. The row reads no
    single release date there, so a row-only assessment works out none; the row is the same."""
    case = load_case(ROOT / "examples" / "vailes.yaml").case
    full, lean = assess(case, AS_OF), assess(case, AS_OF, ROW_ONLY)
    assert full.current_law is not None and lean.current_law is not None
    assert sorted(a.min_months for a in full.current_law.aggregate.alternatives("now")) == [120, 180]
    assert all(a.has("release_date_range") for a in full.current_law.aggregate.alternatives("now"))
    assert not any(a.has("release_date_range") for a in lean.current_law.aggregate.alternatives("now"))
    assert person_row("p", 2, lean) == person_row("p", 2, full)


def test_a_row_only_assessment_builds_no_explanations_and_a_full_one_does() -> None:
    person = generate(1, seed=23, as_of=AS_OF)[0]
    case = parse_case({k: v for k, v in person.items() if k != "id"}, "person", warnings=False).case
    lean, full = assess(case, AS_OF, ROW_ONLY), assess(case, AS_OF)
    grounds = [f for f in lean.findings if f.ground.startswith("§1B1.13(b)")]
    assert len(grounds) >= 11 and not any(f.reasons or f.summary for f in grounds)
    assert lean.current_law is not None and not lean.current_law.steps
    assert all(f.reasons and f.summary for f in full.findings if f.ground.startswith("§1B1.13(b)"))
    assert full.current_law is not None and full.current_law.steps
    with pytest.raises(ValueError, match="row-only"):
        lean.as_json()
