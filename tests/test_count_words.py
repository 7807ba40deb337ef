"""The count and other law text is words (issue 13): the basis of a count's range and why it is unknown, its notes and
assumptions, its safety valve's reasons, the aggregate's reason and notes, the First Step Act § 404 elements, the FSA
time-credit eligibility reasons and the clemency factors are messages of the words layer, worded only when read:
English as the JSON has always had them, and Spanish for a Spanish reader, with the numbers of the law data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from reprieve.assess.findings import reason_text, reason_whole
from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader
from reprieve.law.params import law
from reprieve.results import Joined, Said, Text, text_of, whole_text
from reprieve.words import catalog
from tests.test_relief_words import ENGLISH

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 11, 28)
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LAW_AVENUES = ("FSA 404", "FSA time credits", "commutation")
# a citation or a field path, which read the same in every language
CITED = re.compile(r"\[[^\]]*\]|\([^()]*(?:U\.S\.C\.|Act|C\.F\.R\.|v\.)[^()]*\)|\d+ U\.S\.C\. §* ?[\w()]+|"
                   r"priors\[\d+\]|judgments\[\d+\][\w.\[\]]*|§[\w.()-]+")


def _case(path: Path) -> Any:
    return parse_case(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader), path.name, warnings=False).case


def _texts(path: Path) -> list[Text]:
    """Every text of this area an assessment of the example gives."""
    assessment = assess(_case(path), DAY)
    current = assessment.current_law
    assert current is not None
    texts: list[Text] = []
    for count in current.counts:
        for side in (count.then, count.now):
            texts += [t for t in (side.basis, side.reason, side.not_covered) if t]
            texts += [t for a in side.alternatives or [] for t in (a.basis, a.reason) if t]
        texts += [*(count.notes or []), *(count.assumptions or [])]
        valves = count.safety_valve.sides.values() if count.safety_valve else []
        texts += [r for valve in valves for r in valve.reasons]
    aggregate = current.aggregate
    texts += [t for t in (aggregate.reason, aggregate.note) if t]
    texts += [*(aggregate.notes or []), *(aggregate.not_covered or []), *current.assumptions]
    texts += [r for f in assessment.findings if f.avenue in LAW_AVENUES for r in f.reasons]  # type: ignore[misc]
    return texts


def _english_left(spanish: str) -> list[str]:
    # the law data's citations, printed as the law data gives them
    for name in ("fair_sentencing_404.covered_provisions", "fsa_time_credits.ineligible_offenses"):
        spanish = spanish.replace(law().entry(name, DAY).citation, " ")
    return ENGLISH.findall(CITED.sub(" ", spanish))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_spanish_reader_gets_every_count_and_law_text_of_the_examples_in_spanish(path: Path) -> None:
    texts = _texts(path)
    assert len(texts) >= 8, texts
    left = []
    for text in texts:
        assert not isinstance(text, str), f"English built in code: {text!r}"
        assert reason_whole(text) if not isinstance(text, Said | Joined) else whole_text(text), reason_text(text)
        spanish = reason_text(text, "es")  # type: ignore[arg-type]
        if _english_left(spanish):
            left.append(spanish)
    assert not left, "\n".join(left)


def test_the_english_is_what_the_json_has() -> None:
    """The words are formatted from the messages when the JSON is written: the same text either way."""
    path = ROOT / "examples" / "complete.yaml"
    out = assess(_case(path), DAY).as_json()
    texts = {reason_text(t) for t in _texts(path)}  # type: ignore[arg-type]
    count = next(c for c in out["current_law"]["counts"] if "not_covered" in c["then"])
    assert count["then"]["not_covered"] in texts and count["then"]["not_covered"].startswith(
        "reprieve's penalty data does not cover 18 U.S.C. § 1791(b)(4) (it covers the drug offenses of 21 U.S.C. 841")
    assert out["current_law"]["aggregate"]["not_covered"] == [
        "count 1: reprieve's penalty data does not cover 18 U.S.C. § 1791(b)(4)"]
    assert set(out["computation"]["fsa"]["eligibility_reasons"]) <= texts


def test_the_841b1a_minimum_reads_as_the_statute_gives_it_in_both_languages() -> None:
    """21 U.S.C. 841(b)(1)(A)(ii): "5 kilograms or more of a mixture or substance containing a detectable amount of
    ... cocaine ... such person shall be sentenced to a term of imprisonment which may not be less than 10 years or
    more than life". The count's range and its basis (the clause, as in force on the day) in English and Spanish."""
    case = parse_case({"format": 1, "person": {"sex": "male"}, "priors": [], "judgments": [{
        "imposed_on": "2015-03-10", "enhancements": [], "counts": [{
            "count": "1", "statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(A)", "drug": "cocaine",
            "quantity": "5 kg", "months": 120, "offense_ended": "2014-07-01"}]}]}, "841", warnings=False).case
    current = assess(case, DAY).current_law
    assert current is not None
    then = current.steps[0]
    assert then.render("en")["detail"].startswith("count 1: at sentencing: 10 years to life [21 U.S.C. § 841(b)(1)(A)")
    assert then.render("en")["detail"].endswith("(21 U.S.C. 841(b)(1)(A)(ii) as in force at sentencing)")
    assert then.render("es")["detail"].startswith(
        "cargo 1: al dictar sentencia: de 10 años a cadena perpetua [21 U.S.C. § 841(b)(1)(A)")
    assert then.render("es")["detail"].endswith("(21 U.S.C. 841(b)(1)(A)(ii) vigente al dictarse la sentencia)")
    basis = current.counts[0].now.basis
    assert basis is not None and text_of(basis, "es") == "21 U.S.C. 841(b)(1)(A)(ii) vigente el 28 de noviembre de 2026"
    assert text_of(basis) == "21 U.S.C. 841(b)(1)(A)(ii) as in force on 2026-11-28"


def test_the_404_cutoff_is_the_fair_sentencing_acts_day_in_both_languages() -> None:
    """First Step Act § 404(a): a covered offense was "committed before August 3, 2010" (the Fair Sentencing Act's
    enactment, Pub. L. 111-220, approved Aug. 3, 2010); the element says that day from the law data."""
    path = ROOT / "examples" / "new_fields.yaml"
    finding = next(f for f in assess(_case(path), DAY).findings if f.avenue == "FSA 404")
    english, spanish = finding.reason_texts(), finding.reason_texts("es")
    assert "met: committed before 2010-08-03: the offense ended 2005-11-30" in english
    assert "se cumple: cometido antes del 3 de agosto de 2010: el delito terminó el 30 de noviembre de 2005" in spanish
    assert english == finding.as_json()["reasons"]


def test_a_924c_count_bars_time_credits_in_the_words_of_3632d4D_xxii_in_both_languages() -> None:
    """18 U.S.C. 3632(d)(4)(D)(xxii): a prisoner serving a sentence for "Section 924(c), relating to unlawful
    possession or use of a firearm during and in relation to any crime of violence or drug trafficking crime" is
    ineligible. How many clauses the statute lists comes from the law data."""
    path = ROOT / "examples" / "complete.yaml"
    reasons = assess(_case(path), DAY).computation.fsa
    assert reasons is not None
    spanish = [r.render("es") for r in reasons.eligibility_reasons]
    assert any(r.startswith("el cargo 3 (18 U.S.C. § 924(c)) figura en 3632(d)(4)(D)(xxii): uso, porte o posesión de "
                            "un arma de fuego") for r in spanish), spanish
    clauses = law().value("fsa_time_credits.ineligible_clauses", DAY)
    assert any(f"con las {clauses} cláusulas de 3632(d)(4)(D)" in r for r in spanish), spanish


def test_the_law_datas_own_words_have_their_messages() -> None:
    """A clause of 3632(d)(4)(D) and a clemency factor read in Spanish only if the catalog has the law data's own
    English for them: every one of them has it (so that a change to the data is a change to the catalog too)."""
    english = set(catalog("en").values())
    clauses = law().value("fsa_time_credits.ineligible_offenses", DAY)
    assert {str(c["what"]) for c in clauses} <= english
    factors = law().entry("clemency.commutation_factors", DAY)
    assert {*map(str, factors.value), factors.reader_note} <= english


def test_the_safety_valve_limits_read_as_3553f1_gives_them_in_both_languages() -> None:
    """18 U.S.C. 3553(f)(1) before the First Step Act: "the defendant does not have more than 1 criminal history
    point"; after § 402: "(A) more than 4 criminal history points, excluding any criminal history points resulting
    from a 1-point offense ... (B) a prior 3-point offense ... (C) a prior 2-point violent offense"."""
    path = ROOT / "examples" / "complete.yaml"
    current = assess(_case(path), DAY).current_law
    assert current is not None
    valves = next(c.safety_valve for c in current.counts if c.safety_valve is not None)
    assert valves is not None
    then, now = valves.sides["then"], valves.sides["now"]
    assert then.reasons[0].render() == "3 criminal-history points (at most 1 allowed)"
    assert then.reasons[0].render("es") == "3 puntos de antecedentes penales (se permiten como máximo 1)"
    spanish = [r.render("es") for r in now.reasons]
    assert "(A) se cumple: 3 puntos en total (se permiten como máximo 4, antes de excluir los delitos de 1 punto)" \
        in spanish
    assert "(C) se cumple: ningún delito violento anterior de 2 puntos" in spanish
    assert [r.render() for r in now.reasons] == valves.as_json()["now"]["reasons"]
