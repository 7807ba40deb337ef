"""The question registry (reprieve.assess.questions): one wording per fact, in English and Spanish, plain language,
typed by the JSON Schema; every `missing` in every output is one of its questions, asked once, most decisive first."""

from __future__ import annotations

import copy
import random
import re
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml

from reprieve.assess.questions import (
    LANGUAGES,
    UNREGISTERED,
    AnswerError,
    answer_type,
    known,
    questions_for,
    registry,
    set_answer,
    text,
)
from reprieve.assess.report import Options, assess
from reprieve.intake import CaseFileError, load_case, parse_case
from reprieve.intake.casefile import _Loader
from reprieve.screen.synth import people

ROOT = Path(__file__).parent.parent
PLACEHOLDERS = {"count", "judgment", "prior", "request", "condition", "relative"}
VAILES = ROOT / "examples" / "vailes.yaml"


def _placeholders(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


@pytest.mark.parametrize("key", sorted(registry()))
def test_every_question_is_complete_in_every_language(key: str) -> None:
    found = registry()[key]
    for part in ("question", "where_to_find", "would_change"):
        texts = getattr(found, part)
        assert set(texts) == set(LANGUAGES), f"{key}.{part}: needs {LANGUAGES}"
        assert all(t.strip() for t in texts.values())
        assert _placeholders(texts["en"]) == _placeholders(texts["es"]) <= PLACEHOLDERS
    assert found.question["en"] != found.question["es"]


@pytest.mark.parametrize("key", sorted(registry()))
def test_every_question_is_a_case_file_field_and_plain_english(key: str) -> None:
    answer_type(key)  # raises if the schema has no such field
    words = re.sub(r"'[^']*'|§\S+|\d+\(\S+\)", "it", registry()[key].question["en"])
    assert textstat.flesch_kincaid_grade(words) <= 8, f"{key}: {registry()[key].question['en']}"


def test_answer_types_come_from_the_schema() -> None:
    conduct = answer_type("judgments[0].counts[1].firearm_conduct")
    assert (conduct.kind, conduct.choices) == ("choice", ("possess", "brandish", "discharge"))
    assert answer_type("judgments[0].counts[0].months").kind == "months"
    assert answer_type("person.born").kind == "partial_date"
    assert answer_type("circumstances.family[2].only_available_caregiver").kind == "yes_no"
    assert answer_type("judgments[0].counts[0].statutory_minimum_months").kind == "months_or_life"
    assert answer_type("judgments[0].counts[0].quantity").kind == "quantity"
    assert answer_type("requests[0].grounds_raised").kind == "choices"
    medical = answer_type("circumstances.medical")
    assert medical.kind == "list" and ("terminal", "yes_no") in medical.parts
    served = answer_type("custody.served")
    assert served.kind == "group" and {name for name, _ in served.parts} >= {"as_of", "months", "days", "percent"}


def _vailes() -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(VAILES.read_text(encoding="utf-8"), Loader=_Loader)
    return data


def test_an_answer_is_stored_at_its_field_converted_by_its_type() -> None:
    data = _vailes()
    updated = set_answer(data, "circumstances.family[0].only_available_caregiver", "sí")
    assert updated["circumstances"]["family"][0]["only_available_caregiver"] is True
    assert "only_available_caregiver" not in data["circumstances"]["family"][0]  # the input is not changed
    updated = set_answer(updated, "priors[0].served_months", "30")
    updated = set_answer(updated, "circumstances.medical", "no")
    updated = set_answer(updated, "requests[1].received_on", "2023-02-01")
    assert updated["priors"][0]["served_months"] == 30
    assert updated["circumstances"]["medical"] == []
    assert updated["requests"][1] == {"received_on": "2023-02-01"}
    parse_case(updated)  # still a valid case file


@pytest.mark.parametrize(("field", "value"), [
    ("judgments[0].counts[0].firearm_conduct", "waved it"), ("person.born", "yesterday"),
    ("circumstances.family[0].only_available_caregiver", "maybe"), ("priors[0].served_months", "-3"),
    ("as_of", "2023-07")])
def test_an_answer_that_does_not_fit_names_the_field(field: str, value: str) -> None:
    with pytest.raises(AnswerError) as raised:
        set_answer(_vailes(), field, value)
    assert raised.value.field == field


def test_answering_the_first_question_moves_to_the_next_one() -> None:
    """The guided interview: ask, answer, re-assess; a question answered is not asked again."""
    data = _vailes()
    asked: list[str] = []
    for _ in range(4):
        case = parse_case(data).case
        first = assess(case, date(2023, 7, 6)).questions[0]
        assert first.field not in asked
        asked.append(first.field)
        answer: Any = {"yes_no": "no", "list": "none", "partial_date": "1960-01-10", "months": "10",
                       "number": "2", "choice": (first.answer_type.choices or ("",))[0]}.get(first.answer_type.kind)
        data = set_answer(data, first.field, answer)
    assert len(set(asked)) == 4


def test_questions_in_spanish_when_the_person_reads_spanish() -> None:
    data = _vailes()
    data["person"]["language"] = "es"
    result = assess(parse_case(data).case, date(2023, 7, 6))
    assert result.language == "es"
    spanish = {q.field: q.question for q in result.questions}
    english = {q.field: q.question for q in questions_for(result, "en")}
    assert spanish.keys() == english.keys()
    assert spanish["person.born"] == "¿Cuál es su fecha de nacimiento?"
    assert english["person.born"] == "What is your date of birth?"
    assert "su hermano o hermana" in spanish["circumstances.family[0].only_available_caregiver"]
    assert assess(parse_case(_vailes()).case, date(2023, 7, 6), Options(language="es")).language == "es"


def test_questions_name_the_count_and_the_family_member() -> None:
    case = load_case(VAILES).case
    assert text("circumstances.family[0].situation", "en", case).startswith("What happened? Is your brother or sister")
    assert "for count 2" in text("judgments[0].counts[1].months", "en", None)


# --- a few hundred synthetic cases, with facts taken away at random ---------------------------------------------------

def _drop_some(node: Any, rng: random.Random, share: float) -> Any:
    if isinstance(node, dict):
        return {k: _drop_some(v, rng, share) for k, v in node.items() if k in ("format", "id") or rng.random() > share}
    if isinstance(node, list):
        return [_drop_some(v, rng, share) for v in node]
    return node


def _walk_missing(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "missing" and isinstance(value, list):
                found += [item["field"] if isinstance(item, dict) else item for item in value]
            else:
                found += _walk_missing(value)
    elif isinstance(node, list):
        for value in node:
            found += _walk_missing(value)
    return found


def _synthetic_cases(count: int) -> list[dict[str, Any]]:
    rng = random.Random(12)
    out = []
    for person in people(count, 7, date(2026, 11, 28)):
        person.pop("id", None)
        out.append(_drop_some(copy.deepcopy(person), rng, rng.choice([0.0, 0.1, 0.25, 0.4])))
    return out


SYNTHETIC = _synthetic_cases(240)


def test_every_missing_fact_in_every_output_is_a_registry_question_asked_once() -> None:
    checked = 0
    for data in [*SYNTHETIC, _vailes()]:
        try:
            case = parse_case(data).case
        except CaseFileError:
            continue
        result = assess(case, date(2026, 11, 28))
        output = result.as_json()
        unknown = sorted({f for f in _walk_missing(output) if not known(f)})
        assert not unknown, f"not in the registry: {unknown}"
        questions = output["questions"]
        assert not [q for q in questions if q["question"].startswith(UNREGISTERED)]
        fields = [q["field"] for q in questions]
        assert len(fields) == len(set(fields)), "a field asked twice"
        texts = {text(q["field"], "en", case) for q in questions}
        assert {q["question"] for q in questions} <= texts
        for f in result.findings:
            assert all(q.question == text(q.field, "en", case) for q in f.missing)
        checked += 1
    assert checked >= 200


def test_reprieve_questions_prints_them_for_a_person_and_as_json() -> None:
    import json

    from typer.testing import CliRunner

    from reprieve.cli.main import app

    runner = CliRunner()
    printed = runner.invoke(app, ["questions", str(VAILES), "--as-of", "2023-07-06"])
    assert printed.exit_code == 0, printed.output
    assert "1. " in printed.stdout and "What is your date of birth?" in printed.stdout
    as_json = runner.invoke(app, ["questions", str(VAILES), "--as-of", "2023-07-06", "--json", "--language", "es"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    assert data["language"] == "es"
    first = data["questions"][0]
    assert set(first) >= {"field", "question", "answer_type", "choices", "where_to_find", "would_change"}
    assessed = json.loads(runner.invoke(app, ["assess", str(VAILES), "--as-of", "2023-07-06", "--json"]).stdout)
    assert [q["field"] for q in assessed["questions"]] == [q["field"] for q in data["questions"]]


def test_every_missing_fact_in_every_example_output_is_a_registry_question() -> None:
    from tests.golden import capture

    unknown: set[str] = set()
    for subject in capture.subjects():
        output = capture.outputs(subject)
        unknown |= {f for f in _walk_missing(output) if not known(f)}
        assert not [q for q in output["assess"]["questions"] if q["question"].startswith(UNREGISTERED)]
    assert not unknown, f"not in the registry: {sorted(unknown)}"
