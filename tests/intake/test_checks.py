"""A value read wrong is asked about, never taken: cross-checks between values, and repairs of what OCR damaged.

The misreadings here are ones Tesseract made on the benchmark's scans and photos (benchmarks/bench_intake.py); the
right values are the printed ones. The cross-checks are the computation's definitions (18 U.S.C. 3585, 3624(b)).
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reprieve.intake import documents, patterns
from reprieve.intake.checks import cross_check
from reprieve.intake.districts import closest
from reprieve.intake.fields import CONFIRM_BELOW, Read, Source
from reprieve.intake.layout import Page
from reprieve.intake.pages import read_pages
from tests.intake.generate import specimen


def _fields(values: dict[str, Any]) -> dict[str, Read]:
    return {path: Read(path, value, Source("sheet.jpg", 1, ""), 0.95) for path, value in values.items()}


def _sheet(began: date, months: int, credit: int, gct: int) -> dict[str, Any]:
    """A computation by the definitions: full term = began + term - 1 day - prior credit (3585); statutory release
    = full term - GCT earned and projected (3624(b)); released by GCT on that date or the weekday before."""
    full = began + relativedelta(months=months) - timedelta(days=1 + credit)
    srd = full - timedelta(days=gct)
    projected = srd
    while projected.weekday() >= 5:
        projected -= timedelta(days=1)
    return {"judgments[0].imposed_on": began.isoformat(), "judgments[0].total_months": months,
            "custody.bop.computation_began_on": began.isoformat(), "custody.bop.jail_credit_days": credit,
            "custody.bop.full_term_date": full.isoformat(), "custody.bop.statutory_release_date": srd.isoformat(),
            "custody.bop.projected_release_date": projected.isoformat(), "custody.bop.release_method": "GCT REL",
            "custody.bop.gct_earned_and_projected_days": gct, "custody.bop.sheet_as_of": "2026-11-30"}


SHEETS = st.builds(_sheet, st.dates(date(1995, 1, 1), date(2020, 12, 31)), st.integers(12, 480),
                   st.integers(0, 900), st.integers(0, 1600))


@settings(max_examples=60, deadline=None)
@given(SHEETS)
def test_a_consistent_sheet_is_not_doubted(values: dict[str, Any]) -> None:
    fields = _fields(values)
    cross_check(fields)
    assert all(r.confidence == 0.95 for r in fields.values())


@settings(max_examples=200, deadline=None)
@given(SHEETS, st.sampled_from(["custody.bop.computation_began_on", "custody.bop.full_term_date",
                                "custody.bop.statutory_release_date", "custody.bop.jail_credit_days",
                                "custody.bop.gct_earned_and_projected_days", "judgments[0].total_months"]),
       st.data())
def test_one_digit_misread_on_the_sheet_is_asked(values: dict[str, Any], path: str, data: st.DataObject) -> None:
    """OCR's typical error: one digit of a date or a number read as another, with high confidence."""
    text = str(values[path])
    positions = [n for n, ch in enumerate(text) if ch.isdigit()]
    at = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != text[at]]))
    misread = text[:at] + digit + text[at + 1:]
    if isinstance(values[path], int):
        values[path] = int(misread)
    else:
        try:
            date.fromisoformat(misread)
        except ValueError:
            return  # not a date: the reader would not take it as one
        if path == "custody.bop.computation_began_on":
            # the month-end rule can hide a one-day misread: 2000-01-30 and 2000-01-31 plus 13 months both end on
            # 2001-02-28, so the sheet stays consistent and no cross-check can see it (the date's own OCR
            # confidence must)
            began = date.fromisoformat(misread)
            months, credit = values["judgments[0].total_months"], values["custody.bop.jail_credit_days"]
            try:
                hidden = _sheet(began, months, credit, 0)["custody.bop.full_term_date"] \
                    == values["custody.bop.full_term_date"]
            except (ValueError, OverflowError):  # a year misread past 9999 - 40: no date at all, never hidden
                hidden = False
            assume(not hidden)
        values[path] = misread
    fields = _fields(values)
    cross_check(fields)
    assert fields[path].confidence < CONFIRM_BELOW


def test_offense_after_judgment_is_asked() -> None:
    fields = _fields({"judgments[0].imposed_on": "2019-02-28", "judgments[0].counts[0].offense_ended": "2019-06-09"})
    cross_check(fields)
    assert fields["judgments[0].counts[0].offense_ended"].confidence < CONFIRM_BELOW


# --- repairs of what OCR damaged (as Tesseract read the benchmark's scans) -----------------------------------------

@pytest.mark.parametrize(("read", "printed"), [
    ("21 U.S.C. §§ 841(aX 1) and 841(b)CI (A)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)"),
    ("21 U.S.C. §§ 841(a1) and 841(b)C IA)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)"),
    ("18 U.S.C. §§ 922(g)(1) and 924(ay(2)", "18 U.S.C. §§ 922(g)(1) and 924(a)(2)"),
    ("18 U.S.C. §§ 2113(a) and = (d)", "18 U.S.C. §§ 2113(a) and (d)"),
    ("21 U.S.C. § 846 . .", "21 U.S.C. § 846"),
    ("21 U.S.C. §§ 846 and 84] (b)(1)(A)", "21 U.S.C. §§ 846 and 841(b)(1)(A)"),
])
def test_statute_cells_repaired_and_flagged(read: str, printed: str) -> None:
    assert patterns.statute(read) == patterns.Fixed(printed, True)


@pytest.mark.parametrize(("read", "printed"), [  # as Tesseract read the tuning scans (seeds 30000-40064)
    ("21 U.S-C. §§ 841(a)(1) and 841(b)(1)(B)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),
    ("21 U:S.C. § 8§ 846 and 841(b)(1)(A)", "21 U.S.C. §§ 846 and 841(b)(1)(A)"),
    ("18.U.S.C. §.924(c)(1)(A)(i)", "18 U.S.C. § 924(c)(1)(A)(i)"),
    ("18 U.S.C. §'1956(h)", "18 U.S.C. § 1956(h)"),
    ("21 U.S.C. §§ 841(a)(1).and 841(b)(1)(C)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(C)"),
    ("21 U.S.C. §§ 846 and. 841(b)(1)(A)", "21 U.S.C. §§ 846 and 841(b)(1)(A)"),
    ("18 U.S.C. § 924(c)(1)(A)(i)_——_—-", "18 U.S.C. § 924(c)(1)(A)(i)"),
    # a title read as no number, or as one the section is not in: the section's title in the law data
    ("2EUSC. § 846", "21 U.S.C. § 846"),
    ("MUS. § 846", "21 U.S.C. § 846"),
    ("© 2 U.S.C. § 846", "21 U.S.C. § 846"),
    ("15 U.S.C. § 1343", "18 U.S.C. § 1343"),
    ("AR US.C.§ 1343", "18 U.S.C. § 1343"),
    ("$8 U.S.C. §§ 2113(a) and (d)", "18 U.S.C. §§ 2113(a) and (d)"),
    # the drug citation's penalty provision garbled: rebuilt from the tier letter at its end
    ("21 U.S.C. §§ 841(a)(1) and BADIA)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)"),
    ("21 U.S.C. §§ 841(a)(1) and B4N(DCIA)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)"),
    ("21 U.S.C. §§ 841(a)(1) and 841(bK INC)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(C)"),
    ("21 U.S.C. §§ 841(a)(1) and 841(b) 1 (1B)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),
    ("21 U.S.C. §% 846 and \"BADIM A)", "21 U.S.C. §§ 846 and 841(b)(1)(A)"),
])
def test_statute_cells_ocr_garbled_on_the_scans_repaired_and_flagged(read: str, printed: str) -> None:
    assert patterns.statute(read) == patterns.Fixed(printed, True)


@pytest.mark.parametrize(("read", "printed"), [  # as Tesseract read the tuning scans (seeds 30000-40064)
    ("Distribution of a quantity\u2019of heroin a", "Distribution of a quantity of heroin"),
    ("\u2014_Distribution of a quantity of heroin", "Distribution of a quantity of heroin"),
    ("Distnbution of a quantity of heroin", "Distribution of a quantity of heroin"),
    ("Possession of a firearm by a convicted felon 7", "Possession of a firearm by a convicted felon"),
    ("Wire fraud ee", "Wire fraud"),
    ("Possession with intent to distribute 28 grams or more of cocaine base.",
     "Possession with intent to distribute 28 grams or more of cocaine base"),
    ("Possession with intent to distribute $0 grams of more of methamphetamine (actual!)",
     "Possession with intent to distribute 50 grams or more of methamphetamine (actual)"),
    ("Possession with intent to distribute SO grams or more of methamphetamine (actual)",
     "Possession with intent to distribute 50 grams or more of methamphetamine (actual)"),
    ("Conspiracy to distribute 400 grains or more of fentanyl",
     "Conspiracy to distribute 400 grams or more of fentanyl"),
    ("Conspiracy to Possess with intent to distribute 1,000 kilograms or more of marijuana",
     "Conspiracy to possess with intent to distribute 1,000 kilograms or more of marijuana"),
    ("Possession of a firearm in furtherance of adrug trafficking enme",
     "Possession of a firearm in furtherance of a drug trafficking crime"),
])
def test_offense_descriptions_ocr_damaged_on_the_scans_repaired_and_flagged(read: str, printed: str) -> None:
    assert patterns.nature(read) == patterns.Fixed(printed, True)


@pytest.mark.parametrize("clean", ["Conspiracy to defraud the US", "Interference with commerce by robbery (Hobbs Act)",
                                   "Conspiracy to distribute 400 grams or more of fentanyl"])
def test_clean_offense_descriptions_untouched(clean: str) -> None:
    assert patterns.nature(clean) == patterns.Fixed(clean, False)


@pytest.mark.parametrize("unsure", [
    "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(K)",  # no tier letter: nothing to rebuild from
    "18 U.S.C. § 924(c I MA)",  # 924(c)'s clause (i)-(iii) lost: not guessed
    "24 U.S.C. §§ 46.",  # no section the law data knows
    "15 U.S.C. § 78j(b)",  # a title and section the law data does not hold: as read
])
def test_statute_cells_beyond_repair_stay_as_read(unsure: str) -> None:
    assert patterns.statute(unsure).value == unsure


@pytest.mark.parametrize("clean", ["21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)", "18 U.S.C. § 924(c)(1)(A)(i)",
                                   "18 U.S.C. §§ 2113(a) & (d)", "21 U.S.C. § 841(b)(1)(A)(viii)",
                                   "18 U.S.C. §§ 2113(a) and (d)", "21 U.S.C. §§ 952(a) and 960(b)(1)(B)(ii)"])
def test_clean_statute_cells_untouched(clean: str) -> None:
    assert patterns.statute(clean) == patterns.Fixed(clean, False)


@pytest.mark.parametrize(("read", "printed"), [
    ("Conspiracy to distribute 400 grams or. more of fentanyl!", "Conspiracy to distribute 400 grams or more of "
     "fentanyl"),
    ("Possession with intent to distribute 28 grams or more of cocaine / base", "Possession with intent to "
     "distribute 28 grams or more of cocaine base"),
    ("Possession of a firearm in furtherance of a drug trafficking crime 9/25/2001", "Possession of a firearm in "
     "furtherance of a drug trafficking crime"),
    ("Armed. bank robbery", "Armed bank robbery"),
])
def test_nature_of_offense_specks_removed_and_flagged(read: str, printed: str) -> None:
    assert patterns.nature(read) == patterns.Fixed(printed, True)


def test_damaged_district_names() -> None:
    assert closest("Northern District of Hlinois") == ("northerndistrictofillinois", "N.D. Ill.")
    assert closest("Middle District of Flonda") == ("middledistrictofflorida", "M.D. Fla.")
    assert closest("Northern District of Nowhere") is None


# --- a misread on the judgment: the tables and lists disagree, and everything they rest on is asked ----------------

def _tampered(made_documents: list[tuple[str, bytes]], old: str, new: str, monkeypatch: pytest.MonkeyPatch,
              on_line: str = "") -> documents.IntakeResult:
    """Read the papers as if OCR had read the word `old` as `new` (at full confidence) on the lines holding
    `on_line`."""

    def tamper(page: Page) -> Page:
        for line in page.lines:
            if on_line in line.text:
                line.words = [dataclasses.replace(w, text=new) if w.text == old else w for w in line.words]
        return page

    monkeypatch.setattr(documents, "read_pages",
                        lambda name, data, *progress: [tamper(p) for p in read_pages(name, data, *progress)])
    return documents.read_documents(made_documents)


def test_a_count_label_misread_in_the_table_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    made = specimen(2, judgments=1)
    count = made.case["judgments"][0]["counts"][1]
    ended = date.fromisoformat(count["offense_ended"])
    on_line = f"{ended.month}/{ended.day}/{ended.year}"  # the row of the counts table: its Offense Ended cell
    result = _tampered(made.documents, count["count"], "9", monkeypatch, on_line)
    # no count 9 was convicted: the label the counts of conviction list at this row's place, asked
    assert result.fields["judgments[0].counts[1].count"].value == count["count"]
    unsure = {r.path for r in result.low_confidence()} | set(result.missing)
    assert "judgments[0].counts[1].count" in unsure


def test_a_misread_date_on_the_sheet_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    made = specimen(5, bop_sheet=True, judgments=1)
    full = date.fromisoformat(made.case["custody"]["bop"]["full_term_date"])
    printed = full.strftime("%m-%d-%Y")
    wrong = (full + timedelta(days=10)).strftime("%m-%d-%Y")
    result = _tampered(made.documents, printed, wrong, monkeypatch)
    read = result.fields["custody.bop.full_term_date"]
    assert read.value != full.isoformat() and read.confidence < CONFIRM_BELOW


def test_a_year_misread_past_the_calendar_is_asked_not_a_crash() -> None:
    # hypothesis found it: the date the computation began misread as 01-01-9999; its term runs past year 9999
    values = _sheet(date(2009, 1, 1), 12, 0, 47)
    values["custody.bop.computation_began_on"] = "9999-01-01"
    fields = _fields(values)
    cross_check(fields)
    assert fields["custody.bop.computation_began_on"].confidence < CONFIRM_BELOW
