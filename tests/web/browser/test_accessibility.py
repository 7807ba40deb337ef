"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA): 0 violations on every page, for every role, at a phone's
width and a desktop's. With REPRIEVE_SCREENSHOTS=DIR each page is also saved as PNG at 390 px and 1280 px. A case whose
stated facts have the person released shows a note instead of the prison-only papers: its pages are checked too, in
English and Spanish, and the note's link to the still-in-prison question is reached by keyboard."""

from __future__ import annotations

import copy
import os
from datetime import date
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.web.browser.conftest import DESKTOP, PHONE, log_in_as

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# pages whose layout changes most between a phone and a desktop (tables become cards, columns): axe at both widths;
# every other page is checked by axe at the phone's width and for sideways scrolling at both
BOTH_WIDTHS = {"home", "q-text-first", "q-date-error", "q-in-custody", "results", "case", "organisation", "audit",
               "review", "reading-check", "case-released", "documents-released", "case-released-es",
               "documents-released-es"}
AXE = Axe()


def pages_for(world: Any, released: int) -> dict[str, list[tuple[str, str]]]:
    """(name, path) of every page each role can open; `released`: the pk of the owner's case whose stated facts have
    the person released."""
    case, pk = world.case, world.case.pk
    document, reading = case.documents.first(), case.readings.first()

    def q(field: str) -> str:
        return reverse("question", args=[pk, field])

    return {
        "anonymous": [("home", "/"), ("login", reverse("account_login")), ("signup", reverse("account_signup")),
                      ("password-reset", reverse("account_reset_password"))],
        "owner": [
            ("cases", reverse("case_list")), ("case", reverse("case_detail", args=[pk])),
            ("results", reverse("results", args=[pk])), ("review", reverse("review", args=[pk])),
            ("q-text-first", q("person.name")), ("q-date", q("judgments[0].imposed_on")),
            ("q-yes-no", q("custody.continuous_since_arrest")), ("q-select", q("court.district")),
            ("q-radio-choice", q("_851")), ("q-long-text", q("release_plan.residence")),
            ("q-group", q("circumstances.family")), ("documents", reverse("documents", args=[pk])),
            ("document-ready", reverse("document_status", args=[pk, document.pk])),
            ("exhibits", reverse("exhibits", args=[pk])), ("sharing", reverse("sharing", args=[pk])),
            ("papers", reverse("papers", args=[pk])), ("reading", reverse("reading", args=[pk, reading.pk])),
            ("reading-check", reverse("reading_check", args=[pk, reading.pk])),
            ("q-read-unsure", q("custody.bop.projected_release_date")),
            ("use-a-code", reverse("share_accept")), ("import", reverse("import_cases")),
            ("audit", reverse("case_audit", args=[pk])),
            ("q-registry", q("judgments[0].counts[0].offense_began")),
            ("q-in-custody", q("custody.in_custody_on")),
            ("q-registry-choice", q("judgments[0].counts[0].fsa404_motion")),
            ("case-released", reverse("case_detail", args=[released])),
            ("documents-released", reverse("documents", args=[released])),
            ("results-released", reverse("results", args=[released])),
            ("results-es", reverse("results", args=[pk]) + "?es"),
            # the language stays Spanish from here on
            ("reading-check-es", reverse("reading_check", args=[pk, reading.pk])),
            ("q-read-unsure-es", q("custody.bop.projected_release_date")),
            ("q-registry-es", q("judgments[0].counts[0].offense_began")),
            ("q-in-custody-es", q("custody.in_custody_on")),
            ("q-registry-choice-es", q("judgments[0].counts[0].fsa404_motion")),
            ("q-counts-es", q("_counts")), ("q-group-es", q("circumstances.family")),
            ("review-es", reverse("review", args=[pk])), ("case-es", reverse("case_detail", args=[pk])),
            ("case-released-es", reverse("case_detail", args=[released])),
            ("documents-released-es", reverse("documents", args=[released])),
        ],
        "lawyer": [("cases", reverse("case_list")), ("case", reverse("case_detail", args=[pk])),
                   ("results", reverse("results", args=[pk]))],
        "org_admin": [("organisation", reverse("organisation")), ("case", reverse("case_detail", args=[pk])),
                      ("audit", reverse("case_audit", args=[pk])),
                      ("member-remove", reverse("member_remove", args=[world.lawyer.memberships.get().pk])),
                      ("member-remove-es", reverse("member_remove", args=[world.lawyer.memberships.get().pk]) + "?es")],
        "site_admin": [("cases", reverse("case_list")), ("admin", "/admin/")],
    }


def check(page: Any, role: str, name: str, found: list[str]) -> None:
    shots = os.environ.get("REPRIEVE_SCREENSHOTS")
    for size, label in ((PHONE, "390"), (DESKTOP, "1280")):
        page.set_viewport_size(size)
        overflow = page.evaluate("document.documentElement.scrollWidth") - size["width"]
        if overflow > 0:
            found.append(f"{role}/{name} at {label}px: {overflow}px wider than the screen (sideways scrolling)")
        if size is DESKTOP and name not in BOTH_WIDTHS and not shots:
            continue
        result = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        for violation in result.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            found.append(f"{role}/{name} at {label}px: {violation['id']} ({violation['impact']}) {targets}")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{role}-{name}-{label}.png", full_page=True)


def released_case(world: Any) -> Any:
    """The owner's Vailes-like case in 2040, with no day stated in prison: even the full 250 months (in custody since
    July 2007) have run (18 U.S.C. 3624(a)), so the prison-only papers are not offered."""
    from reprieve.web.models import Case
    from reprieve.web.tasks import refresh

    data = copy.deepcopy(world.case.data)
    data["custody"].pop("in_custody_on")
    case = Case.objects.create(owner=world.owner, data=data, as_of=date(2040, 1, 1),
                               meta={"unknown": [], "answered": [], "gates": {}, "counts": 2})
    refresh(case)
    return case


def test_axe_every_page_every_role(live_server: Any, browser: Any, world: Any) -> None:
    from reprieve.web.models import Case

    case = Case.objects.get(pk=world.case.pk)  # the notes, the as-of form and every part of a full case
    case.data = {**case.data, "release_plan": {"residence": "Charlotte, North Carolina"}}
    case.meta = {**case.meta, "gates": {"circumstances.family": "yes"}}
    case.save()
    released = released_case(world)
    found: list[str] = []
    for role, pages in pages_for(world, released.pk).items():
        context = browser.new_context(viewport=PHONE, locale="en-US")
        if role != "anonymous":
            log_in_as(context, getattr(world, role), live_server.url)
        page = context.new_page()
        for name, path in pages:
            if name.endswith("-es"):
                context.add_cookies([{"name": "django_language", "value": "es", "url": live_server.url}])
                path = path.removesuffix("?es")  # the cookie is set: every page after it is in Spanish
            response = page.goto(live_server.url + path)
            assert response is not None and response.status < 400, f"{role}/{name}: {response and response.status}"
            check(page, role, name, found)
            if name.startswith(("case-released", "documents-released")):
                reach_the_still_in_prison_question(page, released.pk, f"{role}/{name}", found)
        if role == "owner":  # pages that show an error, after a wrong answer
            page.goto(live_server.url + reverse("question", args=[case.pk, "judgments[0].imposed_on"]))
            page.fill("#year", "09")
            page.click("button[name=save]")
            check(page, role, "q-date-error", found)
            page.goto(live_server.url + reverse("exhibits", args=[case.pk]))
            page.set_input_files("#file", files=[{"name": "x.pdf", "mimeType": "application/pdf",
                                                  "buffer": b"not a pdf"}])
            page.click("main form[enctype] button[type=submit]")
            check(page, role, "exhibits-error", found)
        context.close()
    assert not found, "\n".join(found)


def reach_the_still_in_prison_question(page: Any, pk: int, name: str, found: list[str]) -> None:
    """The released note's link, by keyboard alone at a phone's width: Tab to the skip link, Enter, then Tab until the
    link has the focus (with a visible outline); Enter opens the still-in-prison question."""
    page.set_viewport_size(PHONE)
    url = page.url
    link = page.locator("#released-note a")
    if link.count() != 1:
        found.append(f"{name}: no link to the still-in-prison question in the released note")
        return
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.classList.contains('skip')"):
        page.keyboard.press("Enter")
    for _ in range(40):
        if link.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        found.append(f"{name}: the still-in-prison link cannot be reached with the Tab key")
        return
    if link.evaluate("el => getComputedStyle(el).outlineStyle") == "none":
        found.append(f"{name}: the still-in-prison link has no visible focus outline")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if reverse("question", args=[pk, "custody.in_custody_on"]) not in page.url:
        found.append(f"{name}: Enter on the still-in-prison link opened {page.url}")
    page.goto(url)
