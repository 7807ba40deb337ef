"""A Spanish-speaking family member reads the answer page in Spanish: the words of the law data (other_penalties.yaml's
tiers, retroactive_amendments.yaml's descriptions and parts, elderly_home_detention.yaml's note) reach the page through
the catalog, and no English of those sources is left on it. The cases: the example case, a drug case with an
other-penalty tier (21 U.S.C. 843(d)(1): "not more than 8 years" after a prior drug felony conviction), a fraud case
whose tier is presumed absent, and an Amendment 782 case (the Vailes record)."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from reprieve.intake.casefile import _Loader
from reprieve.law.params import law
from reprieve.words import catalog
from tests.web.conftest import make_user

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 28)


def _other_tiers() -> set[str]:
    """Every tier's `when` in other_penalties.yaml, as the law data states it."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "when" in node and "fact" in node:
                found.add(str(node["when"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load((ROOT / "src" / "reprieve" / "law" / "other_penalties.yaml").read_text(encoding="utf-8")))
    return found


def _amendment_words() -> set[str]:
    data = yaml.safe_load((ROOT / "src" / "reprieve" / "law" / "guidelines" / "retroactive_amendments.yaml")
                          .read_text(encoding="utf-8"))
    words: set[str] = set()
    for value in data["parameters"]["covered"]["values"]:
        for amendment in value["value"]:
            words |= {str(amendment["what"])} | ({str(amendment["parts"])} if amendment.get("parts") else set())
    return words


def _program_notes() -> set[str]:
    """The notes of elderly_home_detention.yaml's program where none is in force (what the finding gives)."""
    entries = law().parameter("elderly_home_detention.program").values
    return {e.reader_note for e in entries if e.value in ("none", "expired") and e.reader_note}


def test_every_law_data_text_a_spanish_page_shows_has_its_message() -> None:
    """A tier, an amendment's description or parts, a program note read in Spanish only if the catalog has the law
    data's own English for them, under its prefix: every one has it, and its Spanish (so that a change to the data
    is a change to the catalog too)."""
    english, spanish = catalog("en"), catalog("es")
    for prefix, texts in (("otherpen.when.", _other_tiers()), ("amend.", _amendment_words()),
                          ("ehd.note.", _program_notes())):
        keys = {text: key for key, text in english.items() if key.startswith(prefix)}
        assert texts, prefix
        missing = sorted(texts - set(keys))
        assert not missing, f"{prefix}: no message whose English is {missing}"
        assert all(spanish.get(keys[t]) and spanish[keys[t]] != t for t in texts), prefix


def _visible(page: str) -> str:
    """The text a reader sees (scripts, styles and tags taken out)."""
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "\n", page))


def _own_words(value: Any) -> list[str]:
    """Every text the case file states (a family's own words stay as they wrote them)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _own_words(v)]
    if isinstance(value, list):
        return [t for v in value for t in _own_words(v)]
    return [value] if isinstance(value, str) and " " in value else []


# English words of the sources above and of their sentences, each a whole word a Spanish sentence never has
SOURCE_ENGLISH = re.compile(
    r"\b(Amendment|amended by|Part [AB]|parts A and C|subpart|covered offense|earlier amendments|violation|affected|"
    r"financial institution|declared disaster|prior conviction|resulted|Drug Quantity Table|lowered|"
    r"zero-point|offender|reduction|early amendment|not:|followed|charged under|pilot|fiscal years|reauthorized|"
    r"Re-check|the|was|were|and|or|with|not|is)\b")
# citations, which read the same in every language ("(USSG §1B1.10(d) (Amendment 782))", "21 U.S.C. § 843(d)(1)")
CITED = re.compile(r"\((?:[^()]|\([^()]*\))*(?:U\.S\.C\.|USSG|C\.F\.R\.|Guidelines Manual|Pub\. L\.|v\.)"
                   r"(?:[^()]|\([^()]*\))*\)|USSG [^\n;]*|\d+ U\.S\.C\. §* ?[\w()]+(?: \((?:[^()]|\([^()]*\))*\))?|"
                   r"First Step Act of 2018[^\n]*|as amended by First Step Act[^\n]*|BOP Program Statement[^\n]*|"
                   # the BOP's names of its categories, given in English beside the Spanish as the papers write them
                   r"elderly with medical conditions|new law elderly|other elderly")


def _case(counts: list[dict[str, Any]], enhancements: list[Any] | None) -> dict[str, Any]:
    judgment: dict[str, Any] = {"imposed_on": "2015-06-01", "counts": [
        {"count": str(i + 1), "offense_ended": "2014-06-01", **c} for i, c in enumerate(counts)]}
    if enhancements is not None:
        judgment["enhancements"] = enhancements
    return {"format": 1, "as_of": DAY.isoformat(), "court": {"district": "D. Md."}, "judgments": [judgment],
            "priors": [{"kind": "drug_felony"}],
            "custody": {"commenced_on": "2015-06-01", "prior_custody_days": 0}}


def _example(name: str) -> dict[str, Any]:
    from reprieve.web.uploads import _dates_as_text

    data = yaml.load((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    return {**_dates_as_text(data), "as_of": DAY.isoformat()}


CASES = {
    "example": lambda: _example("complete"),
    "amendment 782": lambda: _example("vailes"),
    # a phone count (21 U.S.C. 843(b)) whose 843(d)(1) tier turns on an 851 information: not stated, then stated
    "drug tier unstated": lambda: _case([{"statute": "21 U.S.C. § 843(b)", "months": 60}], None),
    "drug tier charged": lambda: _case([{"statute": "21 U.S.C. § 843(b)", "months": 60}],
                                       [{"kind": "851", "priors": [0]}]),
    # wire fraud: the financial-institution tier presumed absent (an element the judgment would cite)
    "fraud tier presumed": lambda: _case([{"statute": "18 U.S.C. § 1343", "months": 100}], []),
}


def _engine_spanish(data: dict[str, Any]) -> list[str]:
    from reprieve.assess.findings import reason_text
    from reprieve.web.engine import assess_data

    assessment = assess_data(data, DAY)
    texts = []
    for count in assessment.current_law.counts if assessment.current_law else []:
        for side in (count.then, count.now):
            texts += [t for t in (side.basis, side.reason, side.not_covered) if t]
            for a in side.alternatives or []:
                texts += [t for t in (a.basis, a.reason, a.condition) if t]
    out = [reason_text(t, "es") for t in texts]  # type: ignore[arg-type]
    out += [str(v) for p in assessment.presumptions("es", whole=False) for v in p.values()]
    out += [reason_text(r, "es") for f in assessment.findings for r in (f.summary, *f.reasons)]
    own = _own_words(data)
    for i, text in enumerate(out):
        for words in own:
            text = text.replace(words, " ")
        out[i] = text
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_a_spanish_answer_page_has_no_english_of_the_law_data(db: Any, name: str) -> None:
    from reprieve.web.models import Case
    from reprieve.web.tasks import refresh

    client = Client()
    user = make_user("hija@example.org")
    client.force_login(user)
    data = CASES[name]()
    case = Case.objects.create(owner=user, data=data, meta={"unknown": [], "answered": [], "gates": {}})
    refresh(case)
    english = client.get(reverse("results", args=[case.pk])).content.decode()
    page = client.get(reverse("results", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Lo que es posible" in page  # the page is the Spanish one
    text = CITED.sub(" ", _visible(page))
    for own in _own_words(data):
        text = text.replace(own, " ")
    left = [line.strip() for line in text.splitlines() if SOURCE_ENGLISH.search(line)]
    assert not left, "\n".join(left)
    # the engine's own Spanish of the same case: each count's basis and alternatives (the CLI's and documents'
    # words), the presumptions and every finding's reasons
    engine = [CITED.sub(" ", t) for t in _engine_spanish(data)]
    left = [t for t in engine if SOURCE_ENGLISH.search(t)]
    assert not left, "\n".join(left)
    if name == "amendment 782":  # the heading and the description, in English and in Spanish
        assert "Amendment 782" in english and "the Drug Quantity Table lowered by 2 levels" in english
        assert "Enmienda 782" in page and "la Tabla de Cantidades de Drogas bajó 2 niveles" in page
    if name == "fraud tier presumed":
        assert "in count 1, not: the violation affected a financial institution" in english
        assert "en el cargo 1, no pasó esto: el delito afectó a una institución financiera" in page


def test_the_audit_of_a_case_reads_in_spanish(world: Any) -> None:
    """Who saw or changed the case: the action and the record named in the page's language (English as before)."""
    client = Client()
    client.force_login(world.owner)
    client.get(reverse("results", args=[world.case.pk]))  # an access, logged
    english = _visible(client.get(reverse("case_audit", args=[world.case.pk])).content.decode())
    spanish = _visible(client.get(reverse("case_audit", args=[world.case.pk]), HTTP_ACCEPT_LANGUAGE="es")
                       .content.decode())
    assert "\naccess\n" in english and f"\ncase {world.case.pk}\n" in english
    assert "\nvio\n" in spanish and f"\ncaso {world.case.pk}\n" in spanish
    assert not re.search(r"\n(create|update|access|case \d+|share \d+)\n", spanish), spanish


# English a Spanish reader met on the case, documents, answer and organisation pages: the prose of the law data's
# citations, the BOP's category names alone, the language of a summary made, organisation members in the audit log
KNOWN_ENGLISH = ("as amended by", "(effective ", "applied to the total punishment", "Criminal History Category",
                 ", level ", "authority through fiscal year", "no reauthorization found", "'elderly with medical",
                 "'new law elderly'", "'other elderly'", "(elderly with", " in Legal Aid (", "(lawyer)", "(admin)",
                 "English")
# words no Spanish sentence has, checked outside the citations (which keep the names the law gives: "First Step Act")
ENGLISH_WORDS = re.compile(r"\b(the|and|with|was|were|which|from|this|that|is|are|for|by|of|to|in)\b")
# an English name given as such: "(en inglés, 'other elderly')"
GIVEN_IN_ENGLISH = re.compile(r"\(en inglés, [^)]*\)")


# a language offered by its own name ("English", lang="en"), as language choosers do
OWN_NAME = re.compile(r'<option[^>]*\blang="en"[^>]*>English</option>')


def _left_in_english(page: str, data: dict[str, Any], names: list[str]) -> list[str]:
    text = GIVEN_IN_ENGLISH.sub(" ", _visible(OWN_NAME.sub(" ", page)))
    for own in [*_own_words(data), *names]:
        text = text.replace(own, " ")
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    known = [line for line in lines if any(phrase in line for phrase in KNOWN_ENGLISH)]
    words = [line for line in lines if ENGLISH_WORDS.search(CITED.sub(" ", line))]
    return known + words


def test_the_spanish_case_documents_and_answer_pages_leave_no_english(world: Any) -> None:
    """A Spanish-speaking family member opens the case, its documents, its answer and (an organisation's admin) the
    organisation page: no English but the case file's own words, names, e-mail addresses and the citations' names.
    The same pages in English show the phrases looked for (so the check sees them when they are there)."""
    import copy

    from reprieve.web.models import Case, Document, Membership
    from reprieve.web.tasks import refresh

    example = _example("complete")
    released = copy.deepcopy(world.case.data)
    released["custody"].pop("in_custody_on")
    cases = [world.case,
             Case.objects.create(owner=world.owner, data=example, meta={"unknown": [], "answered": [], "gates": {}}),
             Case.objects.create(owner=world.owner, data=released, as_of=date(2040, 1, 1),
                                 meta={"unknown": [], "answered": [], "gates": {}, "counts": 2})]
    for case in cases[1:]:
        refresh(case)
    for language, status in (("en", "done"), ("es", "done"), ("es", "failed")):
        Document.objects.create(case=cases[1], kind="summary", fmt="txt", language=language, status=status,
                                created_by=world.owner)
    Membership.objects.create(user=make_user("abogada@example.org"), organisation=world.org, role="lawyer").delete()
    names = ["Valon Marcel Vailes", "Dana Test Morales", "judgment.pdf", "Legal Aid", "reprieve", "YAML", "JSON"]
    owner, admin = Client(), Client()
    owner.force_login(world.owner)
    admin.force_login(world.org_admin)
    english, left = "", []
    for case in cases:
        for route in ("case_detail", "documents", "results"):
            url = reverse(route, args=[case.pk])
            english += owner.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
            page = owner.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
            assert "Cartas y documentos" in page or "Lo que es posible" in page, url  # the Spanish page
            left += [f"{route} {case.pk}: {line}" for line in _left_in_english(page, case.data, names)]
    page = admin.get(reverse("organisation"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    english += admin.get(reverse("organisation"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    emails = re.findall(r"[\w.+-]+@[\w.-]+", page)
    assert "abogada@example.org" in emails  # the member removed is in the log
    left += [f"organisation: {line}" for line in _left_in_english(page, {}, [*names, *emails])]
    assert not left, "\n".join(left)
    english = html.unescape(english)
    for phrase in ("as amended by", "Criminal History Category", "applied to the total punishment",
                   "'elderly with medical conditions'", "abogada@example.org in Legal Aid (lawyer)", "English"):
        assert phrase in english, phrase


def test_the_answer_page_writes_days_out_in_each_language(world: Any) -> None:
    """The engine's English gives days as its JSON does (2025-04-10); the answer page writes them as it writes its
    own dates, in English and in Spanish: the example case's person, born 1960-04-10, is 65 from April 10, 2025
    (USSG §1B1.13(b)(2)); Amendment 782 took effect on November 1, 2014 (USSG App. C, amend. 782)."""
    from reprieve.web.models import Case
    from reprieve.web.tasks import refresh

    case = Case.objects.create(owner=world.owner, data=_example("complete"),
                               meta={"unknown": [], "answered": [], "gates": {}})
    refresh(case)
    client = Client()
    client.force_login(world.owner)
    pages = {language: " ".join(_visible(client.get(reverse("results", args=[case.pk]),
                                                     HTTP_ACCEPT_LANGUAGE=language).content.decode()).split())
             for language in ("en", "es")}
    assert "65 or older since April 10, 2025" in pages["en"] and "(effective Nov. 1, 2014)" in pages["en"]
    assert "65 años o más desde el 10 de abril de 2025" in pages["es"]
    assert "(en vigor desde el 1 de noviembre de 2014)" in pages["es"]
    for language, page in pages.items():
        assert not re.findall(r"\b\d{4}-\d{2}-\d{2}\b", page), language
