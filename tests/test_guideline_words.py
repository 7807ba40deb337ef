"""The guideline worksheet as data (issue 13): each line of the then/now guideline calculation is a `guideline.*`
message of the words layer with the rule that wrote it and an authority of the registry, worded only when read. A
Spanish reader gets every line, review line and note of every example's calculation in Spanish (no English left but
the citations); the numbers come from the Manual's tables in the law data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from reprieve.assess.guidelines import GuidelineSides, question
from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader
from reprieve.law.authorities import registry
from reprieve.law.params import Law
from reprieve.results import Joined, Said, Step
from reprieve.words import catalog
from tests.test_relief_words import ENGLISH as RELIEF_ENGLISH

# words only English has, the relief findings' and the worksheet's own ('criminal' is Spanish too: empresa criminal)
ENGLISH = re.compile(RELIEF_ENGLISH.pattern + r"|\b(level|levels|category|points?|offense|range|table|quantity|drug|"
                     r"weight|capped|acceptance|career|offender|found|amendment|history|status|statutory|"
                     r"plants|doses|units|combined|schedule|greater|below|above|minimum|maximum|unknown|note)\b",
                     re.IGNORECASE)
ROOT = Path(__file__).resolve().parents[1]
# the example cases and the guideline examples (the drug cases among them)
EXAMPLES = [*sorted((ROOT / "examples").glob("*.yaml")),
            *sorted((ROOT / "tests" / "examples" / "guidelines").glob("*.yaml"))]
DAY = date(2026, 11, 28)
# A citation (the law data's, printed as it is in every language) and a case file's code ('aggravating_role').
# The zero-point criteria's case-file codes ('points', 'weapon'), named in brackets after a criterion not met.
_CODES = "|".join(sorted({re.escape(key.split(".")[-1]) for key in catalog("en")
                          if key.startswith("guideline.zero_point.criterion.")}))
_CITED = re.compile(r"\((?:USSG|\d+ U\.S\.C\.)[^()]*(?:\([^()]*\)[^()]*)*\)|USSG[^;)]*|§[\w.()-]+|\b\d+ U\.S\.C\.[^;)]*"
                    rf"|\b[a-z]+(?:_[a-z]+)+\b|\((?:{_CODES})(?:, (?:{_CODES}))*\)")


def _sides(path: Path) -> GuidelineSides | None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    raw, day = (data["case"], date.fromisoformat(str(data["as_of"]))) if "case" in data else (data, DAY)
    return assess(parse_case(raw, path.name, warnings=False).case, day).guidelines


def _texts(sides: GuidelineSides) -> list[Said | Any]:
    """Every worded text of the calculation: its lines, review lines, what each fact it asks for decides, what the
    facts settled and the note."""
    both = [side for side in (sides.then, sides.now) if side is not None]
    lines: list[Any] = [step.said for side in both for step in side.steps]
    lines += [said for side in both for said in side.review]
    lines += [asked for side in both for key in side.missing
              if isinstance(asked := question(sides.where, key).would_change, Said)]
    return lines + sides.settled + ([sides.note] if sides.note is not None else [])


def _given(text: Any) -> list[str]:
    """The law data's own words inside a message (`verbatim`: an amendment's parts, an untranslated criterion)."""
    if isinstance(text, Said):
        inner = [t for v in text.args.values() for t in _given(v)]
        return [str(text.args["text"]), *inner] if text.key == "verbatim" else inner
    return [t for item in text.items for t in _given(item)] if isinstance(text, Joined) else []


def _english_left(spanish: str, citations: list[str]) -> list[str]:
    # A step without a citation has ''; replacing '' would space out every letter and hide every English word.
    for citation in sorted(filter(None, citations), key=len, reverse=True):
        spanish = spanish.replace(citation, " ")
    return ENGLISH.findall(_CITED.sub(" ", spanish))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_spanish_reader_gets_every_guideline_line_in_spanish(path: Path) -> None:
    sides = _sides(path)
    if sides is None:
        return
    citations = [c for side in (sides.then, sides.now) if side is not None
                 for c in [*side.citations, *(s.citation for s in side.steps)]]
    left = []
    for text in _texts(sides):
        found = _english_left(text.render("es"), citations + _given(text))
        if found:
            left.append(f"{found}: {text.render('es')}")
    assert not left, "\n".join(left)


def test_every_example_with_a_guideline_calculation_was_read() -> None:
    """The test above reads real lines: most examples compute a guideline range, and the drug cases say quantities."""
    lines = [text.render("es") for path in EXAMPLES if (sides := _sides(path)) is not None for text in _texts(sides)]
    assert len(lines) > 400, len(lines)
    assert any(" de cocaína: nivel " in line for line in lines)
    assert any("de peso convertido" in line for line in lines)
    assert any(line.startswith("aceptación de responsabilidad: -") for line in lines)


def test_every_line_names_its_rule_and_an_authority_of_the_registry() -> None:
    known = registry()
    seen: set[str] = set()
    for path in EXAMPLES:
        sides = _sides(path)
        for side in (sides.then, sides.now) if sides is not None else ():
            if side is None:
                continue
            for step in side.steps:
                assert isinstance(step, Step) and step.rule, step
                assert step.said.key.startswith("guideline."), step.said.key
                assert (step.authority is None and step.rule == "AS_FOUND") or step.authority in known, step
                seen.add(step.rule)
    assert {"DRUG_QUANTITY", "ACCEPTANCE", "SENTENCING_TABLE", "CRIMINAL_HISTORY", "CAREER_OFFENDER",
            "ZERO_POINT", "STATUTORY_LIMITS", "CONVERTED_DRUG_WEIGHT", "AS_FOUND"} <= seen, seen


def _hashish(kg: int) -> Any:
    return parse_case({"format": 1, "person": {"sex": "male"}, "priors": [], "judgments": [{
        "imposed_on": "2016-12-01", "counts": [{
            "count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(D)",
            "offense_ended": "2016-06-01", "drug": "hashish", "months": 21, "death_or_serious_bodily_injury": False}],
        "guidelines": {"drug_quantities": [{"drug": "hashish", "quantity": f"{kg} kg"}], "weapon": False,
                       "violence": False, "safety_valve_reduction": False, "mitigating_role_levels": 0,
                       "other_adjustments": 0, "acceptance": False, "criminal_history_points": 0}}],
        "custody": {"commenced_on": "2016-12-01", "prior_custody_days": 0}}, "hashish", warnings=False).case


def test_a_drug_quantity_row_and_a_sentencing_table_cell_read_as_the_manual_prints_them_in_both_languages() -> None:
    """USSG §2D1.1(c)(12) (Guidelines Manual, Nov. 1, 2016): "At least 5 KG but less than 8 KG of Hashish" is
    Level 16; Ch. 5 Pt. A (Sentencing Table): offense level 16, Criminal History Category I is 21-27 months."""
    sides = assess(_hashish(5), DAY).guidelines
    assert sides is not None and sides.then is not None
    steps = sides.then.steps
    english = [s.detail for s in steps]
    spanish = [s.said.render("es") for s in steps]
    assert any(line.startswith("5 kg of hashish: level 16 (USSG §2D1.1(c)") for line in english), english
    assert any(line.startswith("5 kg de hachís: nivel 16 (USSG §2D1.1(c)") for line in spanish), spanish
    assert any(line.startswith("level 16, category I: 21-27 months (USSG") for line in english), english
    assert any(line.startswith("nivel 16, categoría I: 21-27 meses (USSG") for line in spanish), spanish
    assert sides.as_json()["then"]["steps"] == english  # the JSON keeps the English lines


def test_the_levels_a_line_names_follow_the_law_data() -> None:
    """USSG §2D1.1(a)(1)-(2): 43 with a prior similar conviction, else 38, when death or serious bodily injury
    resulted. A what-if of 40 for (a)(2) changes the line that asks about the prior conviction, in both languages."""
    case = _hashish(5)
    judgment = case.judgments[0]
    assert judgment.guidelines is not None
    guidelines = judgment.guidelines.model_copy(update={"death_or_serious_bodily_injury": True,
                                                        "prior_similar_conviction": None})
    case = case.model_copy(update={"judgments": [judgment.model_copy(update={"guidelines": guidelines})]})

    def asked(law: Law) -> tuple[str, str]:
        sides = assess(case, DAY, law=law).guidelines
        assert sides is not None and sides.then is not None
        step = next(s for s in sides.then.steps if s.said.key == "guideline.death.prior_not_stated")
        return step.detail, step.said.render("es")

    english, spanish = asked(Law.at(DAY))
    assert "makes it level 43 rather than 38" in english
    assert "lo sube al nivel 43 en vez de 38" in spanish
    forty = Law.at(DAY, {"description": "40", "changes": [
        {"parameter": "guidelines.drug_offense.base_level_death_or_injury", "value": 40, "from": "1987-11-01"}]})
    english, spanish = asked(forty)
    assert "makes it level 43 rather than 40" in english and "en vez de 40" in spanish
