"""On a phone-sized screen, a new user signs up, answers the interview for a Vailes-like case and downloads a
warden letter whose PDF names the person, the facility and the grounds; then the same in Spanish, by keyboard
alone (one run proves both)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pdfplumber

# United States v. Vailes, No. 3:07-CR-00162 (W.D.N.C.), public record (examples/vailes.yaml), as the family would
# answer; the facility and release plan are what a family member would add
ANSWERS: dict[str, Any] = {
    "person.name": "Valon Marcel Vailes",
    "person.facility": "FCI Butner",
    "court.district": "W.D.N.C.",
    "court.docket": "3:07-cr-00162",
    "judgments[0].imposed_on": ("2009", "", ""),
    "_counts": "2",
    "judgments[0].counts[0].statute": "21 U.S.C. § 846",
    "judgments[0].counts[0].months": "250",
    "judgments[0].counts[0].quantity": "1000 kg",
    "judgments[0].counts[1].statute": "21 U.S.C. § 841(a)(1)",
    "judgments[0].counts[1].months": "120",
    "judgments[0].counts[1].quantity": "100 lb",
    "_851": "1",
    "custody.arrested_on": ("2007", "7", ""),
    "custody.continuous_since_arrest": "yes",
    "judgments[0].counts[0].penalty": "21 U.S.C. § 841(b)(1)(A)",
    "judgments[0].counts[1].penalty": "21 U.S.C. § 841(b)(1)(D)",
    "judgments[0].counts[0].drug": "marijuana",
    "judgments[0].counts[1].drug": "marijuana",
    "judgments[0].counts[0].death_or_serious_bodily_injury": "no",
    "judgments[0].counts[1].death_or_serious_bodily_injury": "no",
    "requests": "no",
    "circumstances.medical": "no",
    "circumstances.age_related": "no",
    "circumstances.abuse": "no",
    "circumstances.other": "no",
    "circumstances.family": "yes",
    "circumstances.family[0].relation": "sibling",
    "circumstances.family[0].situation": "incapacitated",
    "circumstances.family[0].only_available_caregiver": "yes",
    "circumstances.family[0].description": "His brother has a serious mental illness and no one else can care for him.",
    "release_plan.residence": "Charlotte, North Carolina",
    "release_plan.household": "His mother and his brother",
    "release_plan.support": "A job offer at a family business",
}


def field_of(url: str) -> str | None:
    found = re.search(r"/q/(.+)/$", url)
    return unquote(found.group(1)) if found else None


def answer_on_screen(page: Any, value: Any) -> None:
    if page.locator("input[type=radio]").count():
        page.locator(f"input[type=radio][value='{value}']").check()
    elif page.locator("select#answer").count():
        page.select_option("select#answer", value)
    elif page.locator("#year").count():
        year, month, day = value
        page.fill("#year", year)
        page.select_option("#month", month)
        page.fill("#day", day)
    else:
        page.fill("#answer", value)
    page.click("button[name=save]")


def sign_up(page: Any, base: str, email: str) -> None:
    page.goto(base + "/")
    page.click("main a.button >> nth=0")  # start: make an account
    page.fill("#id_email", email)
    page.fill("#id_password1", "a long family passphrase 7")
    page.fill("#id_password2", "a long family passphrase 7")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/cases/$"))


def run_interview(page: Any, answer: Any) -> list[str]:
    keyboard = answer is answer_by_keyboard
    asked = []
    for _ in range(80):
        field = field_of(page.url)
        if field is None:
            break
        asked.append(field)
        assert page.locator("h1").count() == 1 and page.locator("button[name=dont_know]").count() == 1
        box = page.locator("button[name=save]").bounding_box()
        assert box is not None and box["height"] >= 48 and box["x"] + box["width"] <= 390  # a thumb can hit it
        if field in ANSWERS:
            answer(page, ANSWERS[field])
        elif keyboard:
            dont_know_by_keyboard(page)
        else:
            page.click("button[name=dont_know]")
        page.wait_for_load_state()
        assert page.locator(".error").count() == 0, f"{field} refused"
    assert page.url.endswith("/review/"), page.url
    return asked


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())


def test_phone_signup_interview_warden_letter(live_server: Any, phone: Any) -> None:
    page = phone
    sign_up(page, live_server.url, "sister@example.org")
    page.click("form[action$='/cases/new/'] button")
    page.wait_for_url(re.compile(r"/q/person\.name/$"))
    asked = run_interview(page, answer_on_screen)
    check_answer_and_letter(page, asked, "en")


def test_the_same_in_spanish_by_keyboard_only(live_server: Any, phone: Any) -> None:
    """Spanish from the language switch, and every step (sign-up, each answer, the letter) by keyboard alone:
    Tab to reach, type or arrows to answer, Enter or Space to act."""
    page = phone
    page.goto(live_server.url + "/")
    tab_to(page, "#language-select")
    page.keyboard.press("ArrowDown")  # Español: the switch submits itself (app.js)
    page.wait_for_selector("html[lang=es]")
    assert "¿Hay una manera" in page.inner_text("h1")
    tab_to(page, "main a.button >> nth=0")
    press_and_wait(page, "Enter")
    for selector, text in (("#id_email", "hermana@example.org"), ("#id_password1", "a long family passphrase 7"),
                           ("#id_password2", "a long family passphrase 7")):
        tab_to(page, selector)
        page.keyboard.type(text)
    press_and_wait(page, "Enter")
    tab_to(page, "form[action$='/cases/new/'] button")
    press_and_wait(page, "Enter")
    assert "nombre completo" in page.inner_text("h1")
    asked = run_interview(page, answer_by_keyboard)
    check_answer_and_letter(page, asked, "es", keyboard=True)


def check_answer_and_letter(page: Any, asked: list[str], language: str, keyboard: bool = False) -> None:
    assert asked[:2] == ["person.name", "person.facility"]
    assert "circumstances.family[0].relation" in asked
    assert page.locator("html").get_attribute("lang") == language
    # the answer: the then/now table with the 851 minimums (20 years then; 15 now if the prior is a serious drug
    # felony: 21 U.S.C. 841(b)(1)(A) before and after First Step Act § 401)
    act(page, "main .actions a.button", keyboard)
    page.wait_for_url(re.compile(r"/results/$"))
    months = "months" if language == "en" else "meses"
    body = page.inner_text("main")
    assert f"240 {months}" in body and f"180 {months}" in body
    act(page, "main .actions a.button >> nth=0", keyboard)  # make the letters
    if keyboard:
        choose_by_keyboard(page, "#kind", "warden-request")
        choose_by_keyboard(page, "#fmt", "pdf")
    else:
        page.select_option("#kind", "warden-request")
        page.select_option("#fmt", "pdf")
    act(page, "form[action$='/documents/'] button[type=submit]", keyboard)
    page.wait_for_url(re.compile(r"/documents/\d+/$"))
    with page.expect_download() as download_info:
        if keyboard:
            tab_to(page, "#progress a.button")
            page.keyboard.press("Enter")
        else:
            page.click("#progress a.button")
    download = download_info.value
    assert download.suggested_filename.startswith("warden-request-") and download.suggested_filename.endswith(".pdf")
    text = pdf_text(Path(download.path()).read_bytes())
    # the letter goes to a federal warden, in English, whatever language the family used
    assert "Valon Marcel Vailes" in text and "FCI Butner" in text
    assert "only available caregiver" in text.lower() and "3582(c)(1)(A)" in text
    assert "Charlotte, North Carolina" in text


def act(page: Any, selector: str, keyboard: bool) -> None:
    if keyboard:
        tab_to(page, selector)
        press_and_wait(page, "Enter")
    else:
        page.click(selector)


def choose_by_keyboard(page: Any, selector: str, value: str) -> None:
    tab_to(page, selector)
    select = page.locator(selector)
    for _ in range(150):
        if select.evaluate("el => el.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} cannot be chosen in {selector} by keyboard")


def answer_by_keyboard(page: Any, value: Any) -> None:
    if page.locator("input[type=radio]").count():
        tab_to(page, "input[type=radio] >> nth=0")
        target = page.locator(f"input[type=radio][value='{value}']")
        if not page.locator("input[type=radio]:checked").count():
            page.keyboard.press("Space")
        for _ in range(20):
            if target.is_checked():
                break
            page.keyboard.press("ArrowDown")
        assert target.is_checked()
        tab_to(page, "button[name=save]")
    elif page.locator("select#answer").count():
        choose_by_keyboard(page, "select#answer", value)
        tab_to(page, "button[name=save]")
    elif page.locator("#year").count():
        year, month, day = value
        if month:
            choose_by_keyboard(page, "#month", month)
        if day:
            tab_to(page, "#day")
            page.keyboard.type(day)
        tab_to(page, "#year")
        page.keyboard.type(year)
    elif page.locator("textarea#answer").count():
        tab_to(page, "#answer")
        page.keyboard.type(value)
        tab_to(page, "button[name=save]")
    else:
        tab_to(page, "#answer")
        page.keyboard.type(value)
    press_and_wait(page, "Enter")


def dont_know_by_keyboard(page: Any) -> None:
    tab_to(page, "button[name=dont_know]")
    press_and_wait(page, "Enter")


def press_and_wait(page: Any, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until the element has the focus; fails if the keyboard cannot reach it. A target in the main
    content is reached as a keyboard user would: Tab to the skip link, Enter, then Tab."""
    target = page.locator(selector).first
    if target.evaluate("el => !!el.closest('main') && !document.activeElement.closest('main')"):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('skip')"):
            page.keyboard.press("Enter")
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the Tab key")
