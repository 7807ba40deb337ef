"""The guided interview through the test client: papers first, then the engine's questions; 'I don't know' is an
answer; every answer saved; a review page with change links; bad answers refused with nothing saved."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.web.conftest import make_user


@pytest.fixture
def family(db: Any) -> tuple[Client, Any]:
    from reprieve.web.models import Case

    client = Client()
    user = make_user("sister@example.org")
    client.force_login(user)
    response = client.post(reverse("case_new"))
    case = Case.objects.get(owner=user)
    assert response["Location"] == reverse("interview", args=[case.pk])
    return client, case


def next_field(client: Client, case: Any) -> str:
    response = client.get(reverse("interview", args=[case.pk]))
    assert response.status_code == 302
    prefix = f"/cases/{case.pk}/q/"
    if not response["Location"].startswith(prefix):
        return "(review)"
    return unquote(response["Location"][len(prefix):-1])


def answer(client: Client, case: Any, field: str, **form: str) -> Any:
    return client.post(reverse("question", args=[case.pk, field]), form)


# United States v. Vailes, No. 3:07-CR-00162 (W.D.N.C.); 369 F. App'x 450 (4th Cir. 2010): the facts as the family
# would answer them, by case-field path (the interview's own screens: `_counts`, `_851`)
VAILES: dict[str, dict[str, str]] = {
    "court.district": {"value": "W.D.N.C."},
    "judgments[0].imposed_on": {"year": "2009"},
    "_counts": {"value": "2"},
    "judgments[0].counts[0].statute": {"value": "21 U.S.C. § 846"},
    "judgments[0].counts[0].months": {"value": "250"},
    "judgments[0].counts[0].quantity": {"value": "1000 kg"},
    "judgments[0].counts[1].statute": {"value": "21 U.S.C. § 841(a)(1)"},
    "judgments[0].counts[1].months": {"value": "120"},
    "judgments[0].counts[1].quantity": {"value": "100 lb"},
    "judgments[0].counts[0].penalty": {"value": "21 U.S.C. § 841(b)(1)(A)"},
    "judgments[0].counts[1].penalty": {"value": "21 U.S.C. § 841(b)(1)(D)"},
    "judgments[0].counts[0].drug": {"value": "marijuana"},
    "judgments[0].counts[1].drug": {"value": "marijuana"},
    "judgments[0].counts[0].offense_ended": {"year": "2007", "month": "7"},
    "judgments[0].counts[1].offense_ended": {"year": "2007", "month": "7"},
    "custody.arrested_on": {"year": "2007", "month": "7"},
    "custody.continuous_since_arrest": {"value": "yes"},
    "circumstances.family": {"value": "yes"},
    "circumstances.family[0].relation": {"value": "sibling"},
    "circumstances.family[0].situation": {"value": "incapacitated"},
    "circumstances.family[0].only_available_caregiver": {"value": "yes"},
    "circumstances.family[0].description": {"value": "His brother has a serious mental illness."},
}


def test_first_steps_then_the_registrys_questions(family: tuple[Client, Any]) -> None:
    from reprieve.assess.questions import text
    from reprieve.web.models import Case

    client, case = family
    assert next_field(client, case) == "person.name"
    page = client.get(reverse("question", args=[case.pk, "person.name"])).content.decode()
    assert "I don't know" in page and "Upload the judgment" in page
    for field, form in [("person.name", {"value": "Valon Marcel Vailes"}), ("person.facility", {"value": "FCI Butner"}),
                        ("person.register_number", {"dont_know": "1"}), ("court.docket", {"value": "3:07-cr-00162"})]:
        assert next_field(client, case) == field
        assert answer(client, case, field, **form).status_code == 302, field
    asked = []
    for _ in range(80):
        field = next_field(client, case)
        if field == "(review)":
            break
        asked.append(field)
        page = client.get(reverse("question", args=[case.pk, field])).content.decode()
        if field == "judgments[0].counts[0].months":  # in the registry's words
            assert text(field) in page.replace("&#x27;", "'")
        if field in VAILES:
            response = answer(client, case, field, **VAILES[field])
        elif (field.startswith("circumstances.") and "[" not in field) or field == "requests":
            response = answer(client, case, field, value="no")
        else:
            response = answer(client, case, field, dont_know="1")
        assert response.status_code == 302, (field, response.content[:500])
    assert field == "(review)", "the interview must end"
    # the registry's order: the essential first (the counts and their terms), then what decides a verdict
    assert asked[:3] == ["_counts", "judgments[0].counts[0].months", "judgments[0].counts[1].months"]
    assert asked.index("circumstances.family") < asked.index("circumstances.family[0].situation")
    assert "requests" in asked and asked[-3:] == ["release_plan.residence", "release_plan.household",
                                                   "release_plan.support"]
    assert len(asked) == len(set(asked)), "no question is asked twice"
    assert "custody.bop.projected_release_date" not in asked  # no verdict turns on it here
    case = Case.objects.get(pk=case.pk)
    assert case.data["judgments"][0]["counts"][0]["months"] == 250
    assert case.data["judgments"][0]["counts"][0]["statute"] == "21 U.S.C. § 846"
    assert case.data["circumstances"]["family"] == [{"relation": "sibling", "situation": "incapacitated",
                                                     "only_available_caregiver": True,
                                                     "description": "His brother has a serious mental illness."}]
    assert case.data["circumstances"]["medical"] == []
    # the review lists every answer with a link to change it
    review = client.get(reverse("review", args=[case.pk])).content.decode()
    assert "FCI Butner" in review and "Brother or sister" in review and "I don&#x27;t know" in review
    change = reverse("question", args=[case.pk, "person.facility"]) + "?review=1"
    assert change in review
    response = client.post(reverse("question", args=[case.pk, "person.facility"]),
                           {"value": "FCI Butner Medium II", "review": "1"})
    assert response["Location"] == reverse("review", args=[case.pk])
    # the answer page names what it presumed, and links to say otherwise: no 851 information was presumed, so the
    # minimum then is 10 years (21 U.S.C. 841(b)(1)(A) as in force in 2007)
    results = client.get(reverse("results", args=[case.pk])).content.decode()
    assert "Compassionate release" in results and "no information under 21 U.S.C. 851 was filed" in results
    assert "240 months" not in results
    link = reverse("question", args=[case.pk, "_851"]) + "?results=1"
    assert link in results
    # on a Spanish page the presumption reads in Spanish (the engine's words catalog), no longer marked as English
    spanish = client.get(reverse("results", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "no se presentó un escrito de acusación (information) bajo 21 U.S.C. 851" in spanish
    assert "no information under 21 U.S.C. 851 was filed" not in spanish and '<strong lang="en">' not in spanish
    # and so do the relief findings (the engine's words catalogs), not marked English either
    assert "Cambio en la ley:" in spanish and "Change in law:" not in spanish
    assert "Estos son los criterios del BOP" in spanish and "These are the BOP&#x27;s criteria" not in spanish
    assert '<li lang="en">met' not in spanish and "se cumple" in spanish
    heads = re.findall(r"— <span[^>]*>([^<]*)</span></summary>", spanish)
    assert "§1B1.13(b)(2) (edad)" in heads and "agotamiento de la vía administrativa" in heads, heads
    response = client.post(reverse("question", args=[case.pk, "_851"]), {"value": "1", "results": "1"})
    assert response["Location"] == reverse("results", args=[case.pk])
    # one prior felony drug offense: 20 years then; 15 years now if the prior is a serious drug felony (21 U.S.C.
    # 841(b)(1)(A) before and after First Step Act § 401)
    results = client.get(reverse("results", args=[case.pk])).content.decode()
    assert "240 months" in results and "180 months" in results
    # the then/now table says the facts each range assumes in the page's language (the engine's words catalog)
    spanish = client.get(reverse("results", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "180 meses a cadena perpetua (<span>si " in spanish
    assert "es un delito grave de drogas o un delito grave violento" in spanish
    assert "serious drug felony or serious violent felony" not in spanish


def test_the_registrys_spanish(family: tuple[Client, Any]) -> None:
    """A question the registry words is asked in its Spanish."""
    from reprieve.assess.questions import text

    client, case = family
    answer(client, case, "_counts", value="1")
    page = client.get(reverse("question", args=[case.pk, "judgments[0].counts[0].months"]),
                      HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert text("judgments[0].counts[0].months", "es") in page
    assert "¿Cuántos meses de prisión le dio el juez por el cargo 1?" in page


def test_bad_answers_are_refused_and_nothing_is_saved(family: tuple[Client, Any]) -> None:
    client, case = family
    bad = [
        ("person.name", {"value": "  "}, "Type an answer"),
        ("judgments[0].imposed_on", {"year": "09"}, "four digits"),
        ("judgments[0].imposed_on", {"year": "2009", "month": "2", "day": "30"}, "does not exist"),
        ("_counts", {"value": "-3"}, "whole number"),
        ("custody.continuous_since_arrest", {"value": "maybe"}, "yes or no"),
        ("court.district", {"value": "Narnia"}, "Choose one"),
        ("_counts", {"value": "0"}, "from 1 to"),
    ]
    for field, form, message in bad:
        response = answer(client, case, field, **form)
        assert response.status_code == 400, field
        assert message in response.content.decode(), field
    case.refresh_from_db()
    assert case.data == {"format": 1} and case.revision == 0


def test_an_answer_that_contradicts_the_case_is_refused(family: tuple[Client, Any]) -> None:
    """The engine's own check names the problem: the arrest cannot come after the sentence."""
    client, case = family
    assert answer(client, case, "judgments[0].imposed_on", year="2009", month="3", day="2").status_code == 302
    response = answer(client, case, "custody.arrested_on", year="2010", month="1", day="5")
    assert response.status_code == 400
    case.refresh_from_db()
    assert "arrested_on" not in case.data.get("custody", {})


def test_dont_know_clears_an_answer_and_is_not_asked_again(family: tuple[Client, Any]) -> None:
    client, case = family
    answer(client, case, "person.name", value="A Person")
    answer(client, case, "person.name", dont_know="1")
    case.refresh_from_db()
    assert "name" not in case.data.get("person", {})
    assert next_field(client, case) == "person.facility"


def test_answers_from_two_devices_are_both_kept(family: tuple[Client, Any]) -> None:
    """A stale form (an older revision) is applied to the case as saved, not over it."""
    client, case = family
    form_revision = str(case.revision)
    answer(client, case, "person.name", value="A Person")
    client.post(reverse("question", args=[case.pk, "person.facility"]), {"value": "FCI Dublin",
                                                                       "revision": form_revision})
    case.refresh_from_db()
    assert case.data["person"] == {"name": "A Person", "facility": "FCI Dublin"}


def test_spanish_by_accept_language_and_by_the_switch(family: tuple[Client, Any]) -> None:
    client, case = family
    page = client.get(reverse("question", args=[case.pk, "person.name"]), HTTP_ACCEPT_LANGUAGE="es")
    text = page.content.decode()
    assert 'lang="es"' in text and "No sé" in text and "nombre completo" in text
    client.post(reverse("set_language"), {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="es")
    text = client.get(reverse("question", args=[case.pk, "person.name"]), HTTP_ACCEPT_LANGUAGE="es").content
    assert b"I don't know" in text


def test_the_group_screens_are_the_groups_known() -> None:
    from reprieve.web.interview import GROUP_FIELDS, groups

    assert set(groups()) == GROUP_FIELDS


def test_the_review_lists_what_an_imported_case_states(family: tuple[Client, Any]) -> None:
    """A case file brought in whole (examples/vailes.yaml: the public record) was never asked: the review still lists
    its facts, each with a link to change it."""
    import json
    from pathlib import Path

    import yaml

    client, case = family
    text = (Path(__file__).parents[2] / "examples" / "vailes.yaml").read_text()
    case.data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # as the import stores it
    case.save()
    review = client.get(reverse("review", args=[case.pk])).content.decode()
    assert "Western District of North Carolina" in review and "21 U.S.C. § 846" in review
    assert reverse("question", args=[case.pk, "judgments[0].counts[0].months"]) + "?review=1" in review
    assert reverse("question", args=[case.pk, "judgments[0].counts[1].quantity"]) + "?review=1" in review


def test_the_timeline_dots_stand_where_their_dates_are_in_every_language(world: Any) -> None:
    """SVG coordinates need a decimal point: on a Spanish page Django wrote cx="123,4", which a browser reads as no
    position at all, so every dot stood at the left edge, one on another."""
    client = Client()
    client.force_login(world.owner)
    for language in ("en", "es"):
        page = client.get(reverse("results", args=[world.case.pk]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        xs = re.findall(r'<circle class="dot-\w+" cx="([^"]*)"', page)
        assert len(xs) >= 3, language
        assert all(re.fullmatch(r"\d+(\.\d+)?", x) for x in xs), (language, xs)
        assert len(set(xs)) == len(xs), (language, xs)


def test_the_timeline_leaves_out_a_day_an_avenue_opens_after_the_last_possible_release() -> None:
    """Born 1972-06-30, the person turns 65 on 2037-06-30 (the BOP's elderly criteria, PS 5050.50), long after a
    250-month term commenced in 2009 can last (its full term ends in 2028): the page showed 'Eligible' in 2037 as a
    day to act on. The screen's ranking already left such a day out."""
    import copy

    from reprieve.web.engine import assess_data
    from reprieve.web.results import timeline
    from tests.web.conftest import VAILES_LIKE

    data = copy.deepcopy(VAILES_LIKE)
    data["person"]["born_on"] = "1972-06-30"
    assessment = assess_data(data, date(2024, 1, 1))  # still in prison: the earliest release is in 2024-04
    last = assessment.computation.last_possible_release
    assert last is not None and any(f.eligible_from and f.eligible_from > last for f in assessment.findings)
    drawn = timeline(assessment, assessment.computation.as_json())
    assert drawn is not None and [p for p in drawn["points"] if p["kind"] == "eligible"] == []


def test_the_timeline_starts_at_the_first_day_of_custody_when_commencement_is_not_known() -> None:
    """Vailes (examples/vailes.yaml): arrested in July 2007 and in custody since (United States v. Vailes, 369 F.
    App'x 450 (4th Cir. 2010)); only the year of sentencing (2009) is known. The page drew 'Sentence began:
    February 28, 2009', today less the days served, which stop at his release: a day no record gives."""
    from reprieve.assess.report import assess
    from reprieve.intake import load_case
    from reprieve.web.results import timeline

    case = load_case(Path("examples/vailes.yaml")).case
    assessment = assess(case, date(2026, 12, 1))
    for language, label, day in (("en", "In custody from, at the earliest", "July 1, 2007"),
                                 ("es", "Bajo custodia desde, como muy pronto", "1 de julio de 2007")):
        with translation.override(language):
            drawn = timeline(assessment, assessment.computation.as_json())
        assert drawn is not None
        start = drawn["points"][0]
        assert (start["kind"], start["label"], start["day"]) == ("start", label, day), language


def test_a_person_released_on_the_stated_facts_is_asked_whether_still_in_prison_not_for_a_release_plan() -> None:
    """Vailes-like facts (250 months, in custody since July 2007): by 2040 even the full term has run (18 U.S.C.
    3624(a)). The interview asks whether the person is still in prison; a release plan serves only a warden request
    (28 C.F.R. 571.61), which the released cannot make. Stated in prison on that day, the plan is asked again."""
    import copy

    from reprieve.web.engine import assess_data
    from reprieve.web.interview import plan
    from tests.web.conftest import VAILES_LIKE

    data = copy.deepcopy(VAILES_LIKE)
    del data["custody"]["in_custody_on"]
    asked = [q.field for q in plan(data, {}, assess_data(data, date(2040, 1, 1)))]
    assert "custody.in_custody_on" in asked and not any(f.startswith("release_plan.") for f in asked)
    data["custody"]["in_custody_on"] = "2040-01-01"
    asked = [q.field for q in plan(data, {}, assess_data(data, date(2040, 1, 1)))]
    assert "custody.in_custody_on" not in asked and "release_plan.residence" in asked


def test_the_prison_only_papers_are_not_offered_to_a_person_released_on_the_stated_facts(world: Any) -> None:
    """By 2040 the Vailes-like 250 months (in custody since July 2007) have run even in full (18 U.S.C. 3624(a)): the
    warden letter (28 C.F.R. 571.61), the 3582(c)(1)(A) motion, form AO 250 and its exhibit list ask to shorten time
    in prison. The case page says why they are not offered and links to the still-in-prison question; making one is
    refused; a paper made earlier stays downloadable. Stated in prison on that day, they are offered again."""
    from reprieve.web.models import Document

    case = world.case
    case.as_of = date(2040, 1, 1)
    case.data = {**case.data, "custody": {**case.data["custody"], "in_custody_on": None}}
    case.save()
    client = Client()
    client.force_login(world.owner)
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    offered = re.findall(r'<option value="([a-z0-9-]+)">', page.split('id="kind"')[1].split("</select>")[0])
    assert "summary" in offered and not {"warden-request", "motion", "ao250", "exhibits", "packet"} & set(offered)
    assert 'id="released-note"' in page and reverse("question", args=[case.pk, "custody.in_custody_on"]) in page
    assert 'id="language-hint"' not in page  # no letter or motion offered, so nothing is said of their language
    answer = client.get(reverse("results", args=[case.pk])).content.decode()
    actions = answer.split('class="actions"')[1].split("</div>")[0]
    assert "Make the letters" not in actions and "Still in prison? Say so here." in actions
    assert reverse("question", args=[case.pk, "custody.in_custody_on"]) in actions
    before = Document.objects.count()
    response = client.post(reverse("documents", args=[case.pk]), {"kind": "warden-request", "fmt": "pdf"})
    assert response.status_code == 403 and Document.objects.count() == before
    earlier = Document.objects.create(case=case, kind="warden-request", fmt="txt", status="done", progress=100,
                                      created_by=world.owner)
    earlier.file.save("w", ContentFile(b"letter"), save=True)
    assert client.get(reverse("document_download", args=[case.pk, earlier.pk])).status_code == 200

    case.data = {**case.data, "custody": {**case.data["custody"], "in_custody_on": "2040-01-01"}}
    case.save()
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert 'value="warden-request"' in page and 'id="released-note"' not in page and 'id="language-hint"' in page
    answer = client.get(reverse("results", args=[case.pk])).content.decode()
    assert "Make the letters" in answer.split('class="actions"')[1].split("</div>")[0]
