"""The relief findings as data (issue 13): each element's name and detail, each summary and note is a message of the
words layer with the numbers and dates of the case and the law data, worded only when rendered. A Spanish reader
gets every one of them in Spanish (no English left but the case file's own words and the citations); a what-if
that changes a number of the law changes the words; a reason names its rule and an authority of the registry."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from reprieve.assess.findings import Finding, Reason, reason_text, reason_whole
from reprieve.assess.report import assess
from reprieve.documents.grounds import select
from reprieve.intake import parse_case
from reprieve.intake.casefile import _Loader
from reprieve.law.authorities import registry
from reprieve.law.params import Law, LawSnapshot

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RELIEF = ("custody", "3582(c)(1)(A)", "BOP reduction in sentence (PS 5050.50)", "FSA time credits",
          "34 U.S.C. 60541(g)", "commutation")
# words only English has (Spanish shares "no", "a", "de"...): one of them left in a Spanish sentence is English left
ENGLISH = re.compile(r"\b(the|is|are|of|and|or|not|with|served|years|months|days|court|request|since|unknown|stated|"
                     r"met|between|before|after|until|would|may|must|only|today|then|term|sentence|age|none|yes|"
                     r"listed|condition|family|member|facility|eligible|needs_facts|needs_review|not_eligible)\b")


def _data(name: str) -> dict[str, Any]:
    loaded = yaml.load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(loaded, dict)
    return loaded


def _strings(value: Any) -> list[str]:
    """Every text the case file states (its own words are quoted as they are, in any language)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _findings(name: str, day: date) -> tuple[list[Finding], list[str]]:
    data = _data(name)
    result = assess(parse_case(data, name, warnings=False).case, day)
    return [f for f in result.findings if f.avenue in RELIEF], _strings(data)


def _english_left(text: str, finding: Finding, quoted: list[str]) -> list[str]:
    """The English words of `text` once the case file's own words and the citations are taken out."""
    for part in sorted({*quoted, *finding.citations, *(c for c in _registry_citations() if c in text)}, key=len,
                       reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", " ", text)
    # a field path, a section, a citation, and a name quoted as the BOP or the law writes it ('other elderly')
    text = re.sub(r"requests\[\d+\]|§[\w.()-]+|\b\d+ U\.S\.C\.[^;)]*|USSG[^;)]*|PS \d+\.\d+|'[^']*'", " ", text)
    return ENGLISH.findall(text)


def _registry_citations() -> list[str]:
    return [a.citation for a in registry().values()] + [a.name for a in registry().values()]


@pytest.mark.parametrize(("name", "day"), [("vailes", date(2023, 7, 6)), ("vailes", date(2026, 11, 28)),
                                          ("complete", date(2026, 11, 28))])
def test_a_spanish_reader_gets_every_relief_summary_and_reason_in_spanish(name: str, day: date) -> None:
    findings, quoted = _findings(name, day)
    left, worded = [], 0
    for f in findings:
        for text in (f.summary, *f.reasons):
            if not reason_whole(text):  # words of the law data given as they are: marked English on the page
                continue
            worded += 1
            spanish = reason_text(text, "es")
            assert spanish != reason_text(text, "en") or not ENGLISH.search(spanish), spanish
            found = _english_left(spanish, f, quoted)
            if found:
                left.append(f"{f.ground}: {found}: {spanish}")
    assert worded > 60, worded  # nearly every text of these findings is the catalog's
    assert not left, "\n".join(left[:10])


def test_the_check_finds_english_left_in_a_spanish_sentence() -> None:
    finding = Finding("x", "y", "needs_facts", "")
    assert _english_left("se cumple: served 10 years", finding, []) == ["served", "years"]
    assert _english_left("cumplió 10 años el 30 de julio de 2017 (USSG §1B1.13(b)(2))", finding, []) == []
    assert _english_left("menor", finding, ["men"]) == []  # a case's word is taken out only where it is a word


def test_the_english_rendering_has_the_dates_as_the_json_always_had_them_and_spanish_words_them() -> None:
    findings, _ = _findings("vailes", date(2023, 7, 6))
    age = next(f for f in findings if f.ground == "§1B1.13(b)(2)")
    served = age.elements(True)[0]
    assert served.detail_text() == "10 years served by 2017-07-30 (USSG §1B1.13, comment. n.1(B) (Nov. 2018))"
    assert served.detail_text("es") == ("cumplió 10 años el 30 de julio de 2017 (USSG §1B1.13, comment. n.1(B) "
                                        "(Nov. 2018))")


def _words(findings: list[Finding], ground: str, language: str = "en") -> str:
    f = next(f for f in findings if f.ground == ground)
    return " | ".join([f.summary_text(language), *f.reason_texts(language)])


def test_a_what_if_that_changes_a_number_of_the_law_changes_the_words() -> None:
    """PS 5050.50 § 3(a): a terminal condition with "a life expectancy of eighteen (18) months or less"; 18 U.S.C.
    3582(c)(1)(A)(ii): "at least 70 years of age" and "at least 30 years in prison". A what-if of 24 months and of
    68 years changes each sentence that says them, in both languages."""
    day = date(2026, 11, 28)
    case = parse_case(_data("complete"), "complete", warnings=False).case
    shipped = [f for f in assess(case, day, law=Law.at(day)).findings if f.avenue in RELIEF]
    changed = Law.at(day, {"description": "24 months, age 68", "changes": [
        {"parameter": "bop_reduction_in_sentence.terminal_life_expectancy_months", "value": 24, "from": "2019-01-17"},
        {"parameter": "compassionate_release.elderly_statutory_age", "value": 68, "from": "2018-12-21"}]})
    what_if = [f for f in assess(case, day, law=changed).findings if f.avenue in RELIEF]
    assert "life expectancy of 18 months or less" in _words(shipped, "terminal medical condition")
    assert "life expectancy of 24 months or less" in _words(what_if, "terminal medical condition")
    assert "18 meses" not in _words(what_if, "terminal medical condition", "es")
    assert "esperanza de vida de 24 meses o menos" in _words(what_if, "terminal medical condition", "es")
    assert _words(shipped, "3582(c)(1)(A)(ii)").startswith("Age 70 / 30 years under a 3559(c) sentence")
    assert _words(what_if, "3582(c)(1)(A)(ii)").startswith("Age 68 / 30 years under a 3559(c) sentence")
    assert "at least 68 years old" in _words(what_if, "3582(c)(1)(A)(ii)")


def test_every_relief_reason_names_its_rule_and_an_authority_of_the_registry() -> None:
    known = registry()
    for name, day in (("vailes", date(2023, 7, 6)), ("complete", date(2026, 11, 28))):
        findings, _ = _findings(name, day)
        elements = [r for f in findings for r in f.reasons if isinstance(r, Reason)]
        assert elements
        for reason in elements:
            assert reason.rule, reason.render()
            assert reason.authority in known, (reason.rule, reason.authority)
            assert reason.citation == known[reason.authority].citation
    rutherford = next(r for f in _findings("complete", date(2026, 11, 28))[0] if f.ground == "§1B1.13(b)(6)"
                      for r in f.elements(False))
    assert rutherford.authority == "rutherford_2026"  # the Supreme Court's decision, linked from its reason
    assert rutherford.detail_text().startswith("Rutherford v. United States (May 28, 2026)")


def test_the_drafts_name_the_statutory_ground_with_the_law_s_age_and_years() -> None:
    """18 U.S.C. 3582(c)(1)(A)(ii): "at least 70 years of age, has served at least 30 years in prison". The drafts
    name the ground with those numbers from the law data: a what-if of 68 years names 68."""
    day = date(2026, 11, 28)
    case = parse_case(_data("complete"), "complete", warnings=False).case
    changed = Law.at(day, {"description": "age 68", "changes": [
        {"parameter": "compassionate_release.elderly_statutory_age", "value": 68, "from": "2018-12-21"}]})

    def named(law: LawSnapshot) -> str:
        chosen = select(assess(case, day, law=law))
        return next(g.name for g in [*chosen.raised, *chosen.left_out] if g.paragraph == "3582(c)(1)(A)(ii)")

    assert named(Law.at(day)) == "age 70 and 30 years served under 18 U.S.C. § 3559(c)"
    assert named(changed) == "age 68 and 30 years served under 18 U.S.C. § 3559(c)"


@pytest.mark.parametrize(("name", "day"), [("vailes", date(2026, 11, 28)), ("complete", date(2026, 11, 28))])
def test_a_spanish_reader_gets_the_section_404_summaries_in_spanish(name: str, day: date) -> None:
    data = _data(name)
    findings = [f for f in assess(parse_case(data, name, warnings=False).case, day).findings if f.avenue == "FSA 404"]
    assert findings
    for f in findings:
        assert reason_whole(f.summary), f.summary_text()
        spanish = f.summary_text("es")
        assert spanish != f.summary_text("en")
        assert not _english_left(spanish, f, _strings(data)), spanish
