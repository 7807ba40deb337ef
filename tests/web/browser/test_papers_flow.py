"""On a phone, a family member uploads the judgment at the interview's first step, checks what was read part by part
by keyboard alone (correcting one value), confirms the values read unsure, and the interview goes on; the answer
shows the counts read. axe checks the check screen and a question about a value read. The judgment is the hand-made
fixture tests/intake/ugly/counts_over_two_sheets.pdf (a made-up defendant; what it prints is in its .expected.yaml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.web.browser.conftest import log_in_as
from tests.web.browser.test_accessibility import TAGS
from tests.web.browser.test_phone_flow import press_and_wait, tab_to
from tests.web.conftest import make_user

JUDGMENT = Path(__file__).parents[2] / "intake" / "ugly" / "counts_over_two_sheets.pdf"


def violations(page: Any) -> list[str]:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


def test_upload_the_judgment_check_it_and_the_interview_goes_on(live_server: Any, phone: Any, db: Any,
                                                                 tmp_path: Any, settings: Any) -> None:
    from reprieve.web.models import Case

    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}}}
    user = make_user("daughter@example.org")
    case = Case.objects.create(owner=user)
    log_in_as(phone.context, user, live_server.url)
    page = phone
    page.goto(live_server.url + reverse("interview", args=[case.pk]))
    page.wait_for_url(re.compile(r"/q/person\.name/$"))
    page.click("text=Upload the judgment")
    page.set_input_files("#files", str(JUDGMENT))
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/papers/\d+/$"))
    assert "Done. We read" in page.inner_text("#progress")
    page.click("text=Check what we read")

    found: list[str] = []
    titles = []
    for _ in range(10):
        if "/check/" not in page.url:
            break
        title = page.inner_text("h1")
        titles.append(title)
        if title == "The person and the court":
            found += violations(page)
            card = page.locator("dl.read > div", has_text="The case number")
            assert "1:12CR00398-1" in card.inner_text() and "Page 1 of counts_over_two_sheets.pdf says" in \
                card.inner_text()
            tab_to(page, "dl.read > div:has-text('The case number') a")  # not right: correct it
            press_and_wait(page, "Enter")
            assert page.input_value("#answer") == "1:12CR00398-1"
            tab_to(page, "#answer")
            page.keyboard.press("Control+A")
            page.keyboard.type("1:12-cr-00398")  # as the docket prints it
            press_and_wait(page, "Enter")
            assert page.url.endswith("/check/")
            assert "1:12-cr-00398" in page.inner_text("main")  # under "Already checked"
        box = page.locator("button[name=confirm]").bounding_box()
        assert box is not None and box["height"] >= 48 and box["x"] + box["width"] <= 390
        tab_to(page, "button[name=confirm]")
        press_and_wait(page, "Enter")
    assert titles == ["The person and the court", "The sentence", "Count 1s", "Count 2s", "Count 3s", "Count 5s",
                      "Count 6s"]

    # the drug and quantity worked out from 'Nature of Offense' are asked, the value read filled in
    for _ in range(6):
        assert re.search(r"counts%5B\d%5D\.(drug|quantity)/$", page.url), page.url
        assert "We read the" in page.inner_text("h1") and page.input_value("#answer")
        if not found:
            found += violations(page)
        page.click("button[name=save]")
        page.wait_for_load_state()
    assert page.url.endswith("/q/person.facility/"), page.url  # the interview goes on, past what the papers gave
    page.fill("#answer", "FCI Butner")
    page.click("button[name=save]")
    page.wait_for_load_state()

    page.goto(live_server.url + reverse("results", args=[case.pk]))
    table = page.locator("table.stack").inner_text()
    for count in ("1s", "2s", "3s", "5s", "6s"):
        assert re.search(rf"\b{count}\b", table), count
    assert "18 U.S.C. § 924(c)(1)(A)(i)" in table
    assert not found, "\n".join(found)
    case.refresh_from_db()
    assert case.data["court"]["docket"] == "1:12-cr-00398" and case.data["person"]["facility"] == "FCI Butner"
