"""Explanations are data (issue 13): every step of every example's computation and current-law comparison is a rule
id, a key of the authorities registry that the printed citation names, and a message of the words layer formatted
only when rendered; the Spanish catalog is a translation of the English one (the same keys, the same placeholders),
so a step reads in Spanish with no code of its own."""

from __future__ import annotations

import re
import string
from datetime import date
from functools import cache
from pathlib import Path

from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.law.authorities import cited_in, registry
from reprieve.results import Said, Step, said
from reprieve.words import catalog
from tests.unchanged.capture import _case_files

RULE = re.compile(r"^[A-Z0-9_]+$")


def _placeholders(template: str) -> set[tuple[str, str]]:
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


def test_every_english_message_has_a_spanish_one_with_the_same_placeholders() -> None:
    english, spanish = catalog("en"), catalog("es")
    assert sorted(set(english) - set(spanish)) == []
    differ = {key: (english[key], spanish[key]) for key in english
              if _placeholders(english[key]) != _placeholders(spanish[key])}
    assert differ == {}


def test_the_placeholder_check_sees_a_missing_value() -> None:
    assert _placeholders("{n} days of credit earned by {as_of}") != _placeholders("{n} días de crédito")
    assert _placeholders("{divisor:.3f}") != _placeholders("{divisor}")


@cache
def _cited_keys(citation: str) -> frozenset[str]:
    return frozenset(c.authority.key for c in cited_in(citation) if c.authority is not None)


def _steps() -> list[tuple[str, Step]]:
    out = []
    for name, data, day in _case_files():
        assessment = assess(parse_case(data, name, warnings=False).case, day)
        steps = list(assessment.computation.steps)
        if assessment.current_law is not None:
            steps += assessment.current_law.steps
        out += [(name, step) for step in steps]
    return out


STEPS = _steps()


def test_every_step_has_a_rule_id_and_an_authority_its_citation_names() -> None:
    known = registry()
    wrong = []
    for name, step in STEPS:
        if not RULE.match(step.rule):
            wrong.append(f"{name}: rule id {step.rule!r}")
        if step.authority is None:
            if step.citation:  # only a step that applies no law (the scenario shown) has no authority
                wrong.append(f"{name}: {step.rule} cites {step.citation!r} but names no authority")
            continue
        if step.authority not in known:
            wrong.append(f"{name}: {step.rule}: {step.authority!r} is not in authorities.yaml")
        elif step.authority not in _cited_keys(step.citation):
            wrong.append(f"{name}: {step.rule}: {step.authority!r} is not what {step.citation!r} cites")
    assert STEPS and not wrong, "\n".join(sorted(set(wrong))[:30])


def test_every_step_reads_in_spanish_from_the_catalog() -> None:
    """Rendering in Spanish uses only es.yaml: no placeholder is left, and the steps that are not the case's own
    words read differently from the English."""
    left, same = [], set()
    for name, step in STEPS:
        english, spanish = step.render("en"), step.render("es")
        if "{" in spanish["detail"] or "}" in spanish["detail"]:
            left.append(f"{name}: {spanish['detail']!r}")
        worded = not isinstance(step.said, Said) or step.said.key not in ("text", "verbatim")
        if worded and english["detail"] == spanish["detail"]:
            same.add(step.said.key if isinstance(step.said, Said) else step.rule)
        assert english == step.as_json()
    assert not left, left[:5]
    assert not same, sorted(same)


def test_a_message_is_formatted_only_when_rendered_and_in_the_language_asked() -> None:
    """28 C.F.R. 523.20 / BOP worked example shape: the step keeps the numbers, and each language words them."""
    step = Step("TIME_SERVED", "usc_18_3585", "18 U.S.C. § 3585(b)",
                said("step.time_served", as_of=date(2023, 3, 1), served=3650, credit=10, total=7300, percent=50.0))
    assert step.said.args["served"] == 3650
    assert step.detail == "as of 2023-03-01: 3650 days served (including 10 days of credit) of a 7300-day term = 50.0%"
    # a date inside a Spanish sentence is written as Spanish writes it, never as an ISO string
    assert step.render("es")["detail"].startswith("al 1 de marzo de 2023: 3650 días cumplidos")


def test_a_number_in_the_prose_follows_the_law_data_under_a_law_change() -> None:
    """18 U.S.C. 3624(c)(2): home confinement for "the shorter of 10 percent of the term of imprisonment of that
    prisoner or 6 months". A what-if that makes it 12 months changes the words that explain the date; the amended
    policy statement's date is read from the data, not written in code."""
    from reprieve.assess.reconcile import _home_detention_rule
    from reprieve.law.compassionate_release import amended_from
    from reprieve.law.params import Law, using

    day = date(2024, 1, 2)
    with using(Law.at(day)):
        assert "the last 10% of the term or 6 months before release" in _home_detention_rule(day).render()
        assert amended_from() == date(2023, 11, 1)  # 88 Fed. Reg. 28254 (May 3, 2023): effective Nov. 1, 2023
    longer = Law.at(day, {"description": "12 months of home confinement", "changes": [
        {"parameter": "prerelease_custody.home_confinement_max_months", "value": 12, "from": "2020-01-01"}]})
    with using(longer):
        assert "the last 10% of the term or 12 months before release" in _home_detention_rule(day).render()


def test_the_drafts_count_the_exhaustion_days_the_law_data_gives() -> None:
    """18 U.S.C. 3582(c)(1)(A): "the lapse of 30 days from the receipt of such a request by the warden". The warden
    request and the plain summary say 30 days; a what-if of 45 days changes every place they say it."""
    from pathlib import Path

    import yaml

    from reprieve.documents.draft import build
    from reprieve.documents.render import notes_document, to_text
    from reprieve.intake.casefile import _Loader
    from reprieve.law.params import Law, LawSnapshot, using

    day = date(2026, 11, 28)
    path = Path(__file__).resolve().parents[1] / "examples" / "vailes.yaml"
    case = parse_case(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader), "vailes", warnings=False).case

    def texts(snapshot: LawSnapshot) -> str:
        with using(snapshot):
            assessment = assess(case, day)
            out = ""
            for kind in ("warden-request", "summary"):
                doc = build(kind, case, assessment)
                notes = notes_document(doc)
                out += to_text(doc) + (to_text(notes) if notes is not None else "")
            return out

    shipped = texts(Law.at(day))
    assert "30 days" in shipped and "45 days" not in shipped
    longer = texts(Law.at(day, {"description": "45 days", "changes": [
        {"parameter": "compassionate_release.exhaustion_lapse_days", "value": 45, "from": "2018-12-21"}]}))
    assert "45 days" in longer and "30 days" not in longer


def test_an_elements_reason_is_typed_and_worded_per_language() -> None:
    """A finding's element is data (met, element, detail), so a draft reads it instead of parsing 'met: ...' back;
    the words around it come from the catalog."""
    from reprieve.assess.findings import Reason

    assert str(Reason(True, "at least 65 years old", "born 1950")) == "met: at least 65 years old: born 1950"
    assert str(Reason(True, "x", "y", review=True)) == "met (for the court to weigh): x: y"
    assert Reason(False, "x", "y").render("es") == "no se cumple: x: y"
    texts = []
    for name, data, day in _case_files():
        for finding in assess(parse_case(data, name, warnings=False).case, day).findings:
            texts += [(name, r) for r in finding.reasons if isinstance(r, str)]
    as_text = [t for t in texts if re.match(r"^(met|not met|unknown)( \(for the court to weigh\))?: ", t[1])]
    assert not as_text, as_text[:5]


SOURCE = Path(__file__).parents[1] / "src" / "reprieve"
STEP_AUTHORITY = re.compile(r'Step\(\s*"[A-Z0-9_]+",\s*"([a-z0-9_]+)"|AUTHORITY\w* = "([a-z0-9_]+)"')


def test_every_authority_a_step_is_written_with_is_registered() -> None:
    """Also the steps no example reaches (a 1028A count's consecutive term named `usc_18_1028a`, which was missing)."""
    named = {key for path in SOURCE.rglob("*.py") for m in STEP_AUTHORITY.finditer(path.read_text(encoding="utf-8"))
             for key in m.groups() if key}
    assert "usc_18_1028a" in named and len(named) > 10
    assert named - set(registry()) == set()
