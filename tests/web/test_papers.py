"""Reading the papers in the web app: the upload is kept as an exhibit and read in the background, with progress;
the check screens show every value read with the page and the words it was read from, and nothing enters the case
until the person confirms it; values read unsure, and values the papers did not show, are asked; then the interview
goes on with its own questions, and the answer shows the counts read.

The judgment is the hand-made fixture tests/intake/ugly/counts_over_two_sheets.pdf (the AO 245B layout, a made-up
defendant); what it prints is in its .expected.yaml beside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.web.conftest import make_user

UGLY = Path(__file__).parents[1] / "intake" / "ugly"
JUDGMENT = UGLY / "counts_over_two_sheets.pdf"
PRINTED = yaml.safe_load((UGLY / "counts_over_two_sheets.pdf.expected.yaml").read_text())["fields"]
SECTIONS = ["The person and the court", "The sentence", "Count 1s", "Count 2s", "Count 3s", "Count 5s", "Count 6s"]


@pytest.fixture
def family(db: Any, tmp_path: Any, settings: Any) -> tuple[Client, Any]:
    from reprieve.web.models import Case

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}}}
    client = Client()
    user = make_user("sister@example.org")
    client.force_login(user)
    client.post(reverse("case_new"))
    return client, Case.objects.get(owner=user)


def upload(client: Client, case: Any, *files: tuple[str, bytes]) -> Any:
    return client.post(reverse("papers", args=[case.pk]),
                       {"files": [SimpleUploadedFile(name, data) for name, data in files]})


def main(response: Any) -> str:
    page = response.content.decode()
    return page[page.index("<main"):page.index("</main>")]


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").replace("&quot;", '"').split())


def check_screen(client: Client, case: Any, reading: Any) -> Any:
    return client.get(reverse("reading_check", args=[case.pk, reading.pk]), follow=False)


def confirm_section(client: Client, case: Any, reading: Any, html: str, action: str = "confirm") -> Any:
    section = re.search(r'name="section" value="([^"]+)"', html)
    assert section is not None
    paths = re.findall(r'name="path" value="([^"]+)"', html)
    return client.post(reverse("reading_check", args=[case.pk, reading.pk]),
                       {"section": section.group(1), "path": paths, action: "1"})


def next_field(client: Client, case: Any) -> str:
    location = client.get(reverse("interview", args=[case.pk]))["Location"]
    return unquote(location.split("/q/", 1)[1][:-1]) if "/q/" in location else location


def test_upload_check_then_the_interview_goes_on_with_the_counts_read(family: tuple[Client, Any]) -> None:
    from reprieve.web.models import Case, Exhibit, Reading

    client, case = family
    first = main(client.get(reverse("question", args=[case.pk, "person.name"])))
    assert reverse("papers", args=[case.pk]) in first
    response = upload(client, case, (JUDGMENT.name, JUDGMENT.read_bytes()))
    reading = Reading.objects.get(case=case)
    assert response["Location"] == reverse("reading", args=[case.pk, reading.pk])
    exhibit = Exhibit.objects.get(case=case)
    assert (exhibit.name, exhibit.kind, exhibit.content_type) == (JUDGMENT.name, "judgment", "application/pdf")
    assert reading.status == "done" and reading.progress == 100
    assert reverse("reading_check", args=[case.pk, reading.pk]) in main(client.get(response["Location"]))
    case.refresh_from_db()
    assert case.data == {"format": 1}, "nothing read is used before the person confirms it"
    assert client.get(reverse("interview", args=[case.pk]))["Location"] == \
        reverse("reading_check", args=[case.pk, reading.pk])

    titles = []
    for _ in SECTIONS:
        screen = main(check_screen(client, case, reading))
        titles.append(text(re.search(r"<h1>(.*?)</h1>", screen).group(1)))  # type: ignore[union-attr]
        if titles[-1] == "The person and the court":  # each value with the page and the words it was read from
            assert "1:12CR00398-1" in screen
            assert "Page 1 of counts_over_two_sheets.pdf says: “ANTOINE MARQUIS WHITFIELD Case Number: " \
                   "1:12CR00398-1”" in screen
            assert "Middle District of North Carolina" in screen
        if titles[-1] == "Count 5s":
            assert "1s, 2s, 3s" in text(screen)  # consecutive to counts 1s, 2s and 3s
        if titles[-1] == "Count 1s":  # the drug worked out from 'Nature of Offense' is asked, not shown to confirm
            assert "We were not sure of 2 more things here" in text(screen)
            assert 'value="judgments[0].counts[0].drug"' not in screen
        confirm_section(client, case, reading, screen)
    assert titles == SECTIONS

    # the unsure values come next, as questions with the value read filled in
    assert next_field(client, case) == "judgments[0].counts[0].drug"
    question = main(client.get(reverse("question", args=[case.pk, "judgments[0].counts[0].drug"])))
    assert "We read the drug as “cocaine base”. Is that right?" in text(question)
    assert "Page 1 of counts_over_two_sheets.pdf says: “Conspiracy to distribute" in text(question)
    assert "Why we are not sure: We worked it out from the description of the offense." in text(question)
    assert 'value="cocaine base"' in question  # the engine's 'cocaine_base', as a person writes it
    for n, quantity in ((0, "280 g"), (1, "28 g"), (2, "28 g")):
        assert next_field(client, case) == f"judgments[0].counts[{n}].drug"
        client.post(reverse("question", args=[case.pk, f"judgments[0].counts[{n}].drug"]), {"value": "cocaine_base"})
        assert next_field(client, case) == f"judgments[0].counts[{n}].quantity"
        client.post(reverse("question", args=[case.pk, f"judgments[0].counts[{n}].quantity"]), {"value": quantity})
    # then the interview's own questions, skipping what the papers answered
    assert next_field(client, case) == "person.facility"

    case = Case.objects.get(pk=case.pk)
    from reprieve.web.interview import get_path

    for path, printed in PRINTED.items():
        got = get_path(case.data, path)
        assert (got.casefold() if path == "person.name" else got) == \
            (printed.casefold() if path == "person.name" else printed), path
    assert case.meta["counts"] == 5
    states = {f["state"] for f in case.meta["intake"]["fields"].values()}
    assert states == {"confirmed"}

    results = text(main(client.get(reverse("results", args=[case.pk]))))
    table = results[results.index("The law then and now"):]
    for count in ("1s", "2s", "3s", "5s", "6s"):
        assert re.search(rf"\b{count}\b", table), count
    assert "18 U.S.C. § 924(c)(1)(A)(i)" in table and "18 U.S.C. § 922(g)(1)" in table
    review = text(main(client.get(reverse("review", args=[case.pk]))))
    assert "Read from your papers" in review and "Catherine C. Blake" in review
    assert "Count 5s: the counts this term runs after 1s, 2s, 3s" in review


def test_a_value_corrected_a_section_asked_one_by_one_in_spanish(family: tuple[Client, Any]) -> None:
    from reprieve.web.models import Case, Reading

    client, case = family
    client.cookies["django_language"] = "es"
    upload(client, case, (JUDGMENT.name, JUDGMENT.read_bytes()))
    reading = Reading.objects.get(case=case)
    screen = main(check_screen(client, case, reading))
    assert "La persona y el tribunal" in screen and "La página 1 de counts_over_two_sheets.pdf dice" in screen
    correct = reverse("question", args=[case.pk, "court.docket"]) + f"?papers={reading.pk}"
    assert correct in screen.replace("&amp;", "&")
    question = main(client.get(correct))
    assert "Leímos el número de caso: «1:12CR00398-1». ¿Es correcto?" in text(question)
    assert 'value="1:12CR00398-1"' in question
    assert f'name="papers" value="{reading.pk}"' in question
    response = client.post(correct, {"value": "1:12-cr-00398", "papers": str(reading.pk)})
    assert response["Location"] == reverse("reading_check", args=[case.pk, reading.pk])
    case = Case.objects.get(pk=case.pk)
    assert case.data["court"]["docket"] == "1:12-cr-00398"
    assert case.meta["intake"]["fields"]["court.docket"]["state"] == "corrected"
    assert "person.name" not in case.data

    screen = main(check_screen(client, case, reading))
    assert 'value="court.docket"' not in screen and "Ya revisado" in screen
    confirm_section(client, case, reading, screen, action="each")  # the rest of this part, one at a time
    for _section in SECTIONS[1:]:
        confirm_section(client, case, reading, main(check_screen(client, case, reading)))
    assert next_field(client, case) == "court.district"
    question = main(client.get(reverse("question", args=[case.pk, "court.district"])))
    assert "Leímos el tribunal federal de distrito" in text(question)
    assert '<option value="M.D.N.C." selected>' in question
    client.post(reverse("question", args=[case.pk, "court.district"]), {"value": "M.D.N.C."})
    assert next_field(client, case) == "person.register_number"
    client.post(reverse("question", args=[case.pk, "person.register_number"]), {"dont_know": "1"})
    case = Case.objects.get(pk=case.pk)
    assert "person" not in case.data  # nothing of the person confirmed yet
    assert case.meta["intake"]["fields"]["person.register_number"]["state"] == "unknown"
    assert case.meta["intake"]["fields"]["court.district"]["state"] == "confirmed"
    assert next_field(client, case) == "person.name"


def test_a_file_that_cannot_be_read_says_which(family: tuple[Client, Any]) -> None:
    from reprieve.web.models import Case, Reading

    client, case = family
    response = upload(client, case, ("letter.docx", b"PK\x03\x04 not read"))
    assert response.status_code == 400 and "letter.docx cannot be read" in text(main(response))
    assert not Reading.objects.exists()
    response = upload(client, case, ("judgment.pdf", b"%PDF-1.4 not really"))
    reading = Reading.objects.get()
    assert reading.status == "failed"
    assert "We could not read judgment.pdf" in text(main(client.get(response["Location"])))
    assert check_screen(client, case, reading)["Location"] == reverse("reading", args=[case.pk, reading.pk])
    assert Case.objects.get(pk=case.pk).data == {"format": 1}


def test_progress_is_shown_while_reading(family: tuple[Client, Any]) -> None:
    from reprieve.web.models import Reading

    client, case = family
    reading = Reading.objects.create(case=case, status="running", progress=40)
    url = reverse("reading", args=[case.pk, reading.pk])
    page = main(client.get(url))
    assert "Reading 0 files: 40%" in text(page) and f'hx-get="{url}"' in page and 'value="40"' in page
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div id="progress"') and "<html" not in partial
    question = main(client.get(reverse("question", args=[case.pk, "person.name"])))
    assert "We are still reading your papers" in text(question) and url in question


def test_a_second_reading_keeps_what_was_confirmed_and_asks_again_what_differs() -> None:
    from reprieve.web import papers

    def result(docket: str, name: str) -> dict[str, Any]:
        source = {"file": "judgment.pdf", "page": 1, "text": "..."}
        return {"fields": {"court.docket": {"value": docket, "source": source, "confidence": 0.98},
                           "person.name": {"value": name, "source": source, "confidence": 0.98}},
                "missing": ["judgments[0].imposed_on"], "texts": {}}

    meta = papers.install({}, 1, result("3:07-cr-00162", "Valon Vailes"))
    data, meta = papers.confirm({"format": 1}, meta, ["court.docket", "person.name"])
    assert data["court"]["docket"] == "3:07-cr-00162" and data["person"]["name"] == "Valon Vailes"
    again = papers.install(meta, 2, result("3:07-cr-00162", "Valon Marcel Vailes"))
    fields = again["intake"]["fields"]
    assert fields["court.docket"]["state"] == "confirmed" and fields["person.name"]["state"] == "pending"
    assert papers.unchecked_reading(again) == 2 and again["intake"]["missing"] == ["judgments[0].imposed_on"]


def test_a_line_that_fills_two_fields_is_asked_once(family: tuple[Client, Any]) -> None:
    """The sheet's 'TOTAL PRIOR CREDIT TIME' is both the BOP's own jail credit and the jail credit the computation
    starts from: one question, the answer given to both."""
    from reprieve.intake.documents import IntakeResult
    from reprieve.intake.fields import Read, Source
    from reprieve.web import papers
    from reprieve.web.models import Case

    client, case = family
    line = Source("sheet.jpg", 1, "TOTAL PRIOR CREDIT TIME...: 293")
    read = IntakeResult({}, {path: Read(path, 293, line, 0.7, "TOTAL PRIOR CREDIT TIME")
                             for path in ("custody.bop.jail_credit_days", "custody.prior_custody_days")})
    case.meta = papers.install(case.meta, 1, papers.result_json(read))
    case.save()
    assert next_field(client, case) == "custody.bop.jail_credit_days"
    assert [q.field for q in papers.questions(case.meta, case.data)] == ["custody.bop.jail_credit_days"]
    client.post(reverse("question", args=[case.pk, "custody.bop.jail_credit_days"]), {"value": "239"})
    case = Case.objects.get(pk=case.pk)
    assert case.data["custody"] == {"bop": {"jail_credit_days": 239}, "prior_custody_days": 239}
    assert {f["state"] for f in case.meta["intake"]["fields"].values()} == {"corrected"}
    assert next_field(client, case) == "person.name"
