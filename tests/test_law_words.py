"""The law's words are data (issue 13): the facts each then/now alternative assumes and the current-law sentence are
messages of the words layer, worded when read, in the reader's language, with the numbers and dates of the law data;
the numbers a sentence says follow a what-if."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from reprieve.assess.computation import compute
from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader
from reprieve.law.params import Law, using

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 11, 28)
# Words of English prose (none is Spanish) and an ISO date inside a sentence.
ENGLISH = re.compile(r"\b(the|if|is|was|were|would|minimum|between|sentenced|and|or|count|today|not|released|"
                     r"prior|conviction|felony|serious|already|past|facts|with|good|conduct|time)\b|\d{4}-\d\d-\d\d")


def _vailes() -> Any:
    path = ROOT / "examples" / "vailes.yaml"
    return parse_case(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader), "vailes", warnings=False).case


def test_the_then_now_conditions_and_the_summary_read_in_spanish_with_no_english_left() -> None:
    """Vailes (law.md's worked example): 20 years then; today 15 or 10 years, as the prior conviction is or is not a
    serious drug felony (21 U.S.C. 841(b)(1)(A), First Step Act § 401). Every word of the Spanish then/now table's
    conditions and of the sentence is Spanish, and the dates are said in words."""
    law_now = assess(_vailes(), DAY).current_law
    assert law_now is not None
    conditions = [a.condition for c in law_now.counts for side in (c.then, c.now) for a in side.alternatives or []
                  if a.condition]
    assert conditions, "Vailes's range today depends on the prior conviction"
    english = [c.render("en") for c in conditions]
    assert "if the prior conviction is a serious drug felony or serious violent felony" in english
    spanish = [c.render("es") for c in conditions]
    assert "si la condena anterior es un delito grave de drogas o un delito grave violento" in spanish
    summary = law_now.summary.render("es")
    leftovers = [t for t in [*spanish, summary] if ENGLISH.search(t)]
    assert leftovers == []
    assert summary.startswith("Con la ley de hoy el mínimo sería 15 años (si la condena anterior es un delito grave")
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}", summary), summary
    english_summary = law_now.summary.render("en")
    assert english_summary.startswith("Under today's law the minimum would be 15 years (if the prior conviction is")
    assert english_summary == law_now.as_json()["summary"]


def test_the_second_or_subsequent_924c_term_is_said_from_the_law_data() -> None:
    """18 U.S.C. 924(c)(1)(C)(i): "a term of imprisonment of not less than 25 years". The assumption that no earlier
    924(c) conviction had become final names that term; a what-if of 30 years names 30."""
    path = ROOT / "tests" / "examples" / "penalties" / "d4_924c_brandish.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)["case"]
    case = parse_case(data, "924c", warnings=False).case

    def assumptions(snapshot: Law | Any) -> str:
        with using(snapshot):
            law_now = assess(case, DAY).current_law
            assert law_now is not None
            return " ".join(a.render() for a in law_now.assumptions)

    assert "would keep the 25-year term today" in assumptions(Law.at(DAY))
    longer = Law.at(DAY, {"description": "30 years", "changes": [{
        "parameter": "firearm_penalties.section_924c_subsequent_minimum", "from": "1998-11-13",
        "value": {"ordinary": "30 years", "machinegun_class": "life", "citation": "18 U.S.C. § 924(c)(1)(C)(i)",
                  "machinegun_class_citation": "18 U.S.C. § 924(c)(1)(C)(ii)"}}]})
    said = assumptions(longer)
    assert "would keep the 30-year term today" in said and "25-year" not in said


def test_the_custody_window_allows_the_time_credit_cap_of_the_law_data() -> None:
    """18 U.S.C. 3624(g)(3): transfer to supervised release "at an earlier date, not to exceed 12 months, based on
    the application of time credits". With commencement unknown and a BOP projected release of 2028-03-01, the term
    may have begun up to 12 months later than good conduct time alone implies (2028-03-01 to 2029-03-01: 365 days);
    a what-if of 6 months narrows it to 184 days (2028-03-01 to 2028-09-01) and the words say 6 months."""
    case = parse_case({"format": 1, "person": {"sex": "male"}, "priors": [], "judgments": [{
        "imposed_on": "2020-06-01", "enhancements": [], "counts": [{
            "count": "1", "statute": "18 U.S.C. § 1951", "penalty": "18 U.S.C. § 1951(a)",
            "offense_ended": "2019-06-01", "months": 120}]}],
        "custody": {"bop": {"projected_release_date": "2028-03-01"}}}, "window", warnings=False).case

    def window(snapshot: Law) -> tuple[int, str]:
        with using(snapshot):
            computation = compute(case, DAY)
        served = computation.ranges["time_served_days"]  # as of DAY: from the latest start to the earliest
        assert isinstance(served.low, int) and isinstance(served.high, int)
        words = next(s.detail for s in computation.steps if "First Step Act credits" in s.detail)
        return served.high - served.low, words

    days, words = window(Law.at(DAY))
    assert days == 365 and "at most a year of First Step Act credits" in words
    shorter = Law.at(DAY, {"description": "6 months", "changes": [
        {"parameter": "fsa_time_credits.supervised_release_max_months", "value": 6, "from": "2018-12-21"}]})
    days, words = window(shorter)
    assert days == 184 and "at most 6 months of First Step Act credits" in words


def test_a_3582c2_reason_reads_in_the_readers_language_with_the_manuals_numbers() -> None:
    """USSG §1B1.10, comment. (n.3): a sentence of 56 months, 20% below an original minimum of 70, allows a reduction
    to about 41 months, 20% below an amended minimum of 51. The reason keeps those numbers and reads in English (as
    the JSON has it) or in Spanish."""
    path = ROOT / "tests" / "examples" / "guidelines" / "g6_n3_substantial_assistance_56_to_41.yaml"
    example = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    case = parse_case(example["case"], path.name, warnings=False).case
    assessment = assess(case, date.fromisoformat(str(example["as_of"])))
    finding = next(f for f in assessment.findings if f.avenue == "3582(c)(2)" and f.ground == "Amendment 782")
    english, spanish = finding.reason_texts(), finding.reason_texts("es")
    assert any(r.startswith("substantial assistance: 56 of 70 months, the same share of the amended minimum 51 is "
                            "about 41 months") for r in english)
    assert any(r.startswith("cooperación sustancial: 56 de 70 meses; la misma proporción del mínimo enmendado 51 es "
                            "unos 41 meses") for r in spanish)
    assert "el rango baja de 70-87 meses a 57-71 meses con esta enmienda; con todas las enmiendas de la lista, " \
           "51-63 meses" in spanish
    assert english == finding.as_json()["reasons"]


def test_a_section_404_range_with_alternatives_is_json_with_its_conditions_in_words() -> None:
    """First Step Act § 404 for a cocaine-base count under 841(b)(1)(A) whose quantity is not stated: the range as if
    the Fair Sentencing Act applied depends on the quantity, (A) from 280 grams (21 U.S.C. 841(b)(1)(A)(iii) as
    amended), and the finding's JSON states that condition in words (it is a message inside the engine)."""
    import json

    case = parse_case({"format": 1, "person": {"sex": "male"}, "judgments": [{"imposed_on": "2008-03-10", "counts": [
        {"statute": "21 U.S.C. § 841(a)(1)", "penalty": "21 U.S.C. § 841(b)(1)(A)", "drug": "cocaine_base",
         "months": 240, "offense_ended": "2007-07-01"}]}]}, "404", warnings=False).case
    out = json.loads(json.dumps(assess(case, DAY).as_json()))
    finding = next(f for f in out["findings"] if f["avenue"] == "FSA 404")
    conditions = [a["if"] for a in finding["statutory_range_under_404"]["alternatives"]]
    assert "if the quantity in count #1 was at least 280 g" in conditions
