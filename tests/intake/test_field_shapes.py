"""Fields a scan's OCR misread, repaired by the shape or the words the field must have, or by a second place the
judgment prints it, and asked (every repair is). Each case is a misreading of the held-out scanned specimens
90000-90099 (benchmarks/bench_intake.py); each test fails on the reading before the repair.
"""

from __future__ import annotations

from datetime import date

import pytest

from reprieve.intake import judgment, patterns
from reprieve.intake.districts import closest
from reprieve.intake.fields import CONFIRM_BELOW
from reprieve.intake.layout import Page
from tests.intake.generate import specimen
from tests.intake.test_recovered import _asked, _read, _scanned, _table_label_read_as


@pytest.mark.parametrize(("read", "cited"), [
    ("21 U.S.C. § 846 os", "21 U.S.C. § 846"),  # 90045: specks after the section read as letters
    ("18 U.S.C. §§ 922(g)(1) and 924(a)(2) oe", "18 U.S.C. §§ 922(g)(1) and 924(a)(2)"),  # 90097
    ("21 U.S.C. §§ 841(a) and 841(b)(1)(B)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),  # 90065, 90097: '(1)' lost
    ("21 U.S.C. §§ 841(a) and 841 (bIIKC).", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(C)"),  # 90023
    ("21 U.S.C. §§ 841 (aC) and 841(b)( 1B)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),  # 90065
    ("21 U.S.C. §§ S41 (axc1) and S41(bxIKB)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),  # 90051: 8 read as S
])
def test_a_statute_cell_misread_is_repaired_and_asked(read: str, cited: str) -> None:
    assert patterns.statute(read) == patterns.Fixed(cited, True)


def test_a_statute_cell_read_right_is_not_repaired() -> None:
    for cell in ("21 U.S.C. § 846", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)",
                 "21 U.S.C. §§ 841(a)(2) and 841(b)(1)(C)", "18 U.S.C. §§ 2113(a) and (d)",
                 "18 U.S.C. § 924(c)(1)(A)(i)"):
        assert patterns.statute(cell) == patterns.Fixed(cell, False)


@pytest.mark.parametrize(("read", "described"), [
    ("Conspiracy to commit money !laundering", "Conspiracy to commit money laundering"),  # 90020
    ("Conspiracy to distribute 400 grams or more-of fentanyl",  # 90018
     "Conspiracy to distribute 400 grams or more of fentanyl"),
    ("Possession of-a firearm by a convicted felon", "Possession of a firearm by a convicted felon"),  # 90009
    ("Possession of a hrearm by a convicted felon", "Possession of a firearm by a convicted felon"),  # 90079: 'fi' as h
    ("Possession with intent to distribute 28 grams or more of cocaine, base",  # 90081
     "Possession with intent to distribute 28 grams or more of cocaine base"),
    ("Possession with intent to distribute 28 grams or more of cocaine: base",  # 90052
     "Possession with intent to distribute 28 grams or more of cocaine base"),
    ("Conspiracy tc distribute and possess with intent to distribute 5 kilograms or more of cocaine",  # 90025
     "Conspiracy to distribute and possess with intent to distribute 5 kilograms or more of cocaine"),
    ("Possession with intent (o distibute $0 grams or more of methamphetamine (actual)",  # 90015
     "Possession with intent to distribute 50 grams or more of methamphetamine (actual)"),
    ("Conspiracy 10 possess with intent fo distribute 1,000 kilograms or more of marijuana",  # 90015
     "Conspiracy to possess with intent to distribute 1,000 kilograms or more of marijuana"),
    ("dd) Armed bank robbery", "Armed bank robbery"),  # 90043: a speck before the first word
])
def test_an_offense_description_misread_is_repaired_and_asked(read: str, described: str) -> None:
    assert patterns.nature(read) == patterns.Fixed(described, True)


def test_descriptions_read_right_keep_their_words() -> None:
    for cell in ("Distribution of 10 grams of heroin", "Possession of a firearm in furtherance of a drug trafficking "
                 "crime", "Conspiracy to distribute 400 grams or more of fentanyl", "Hobbs Act robbery"):
        assert patterns.nature(cell) == patterns.Fixed(cell, False)


@pytest.mark.parametrize(("read", "name"), [("LAKISHA SANCHEZ a", "Lakisha Sanchez"),  # 90091
                                            ("ROBERT ANTONIO NGUYEN oe a", "Robert Antonio Nguyen")])  # 90015
def test_specks_after_a_name_in_capitals_are_not_part_of_it(read: str, name: str) -> None:
    assert patterns.person_name(read) == name


def test_a_district_whose_letters_ocr_ran_together_is_the_one_it_is_close_to() -> None:
    # 90091: 'Northern District of Hhnois' ('Il' and 'li' read as 'H' and 'h') was not matched, and kept as read
    assert closest("Northern District of Hhnois") == ("northerndistrictofillinois", "N.D. Ill.")
    assert closest("Northern District of Ohio") == ("northerndistrictofohio", "N.D. Ohio")


def test_a_judges_name_misread_under_the_signature_is_taken_from_the_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    # 90025: 'Leonie M. Brinkema' read as 'Brinkerna' in 'Name and Title of Judge'; the '/s/' signature above it
    # read right
    result = _read(3, _scanned({"Brinkema,": "Brinkerna,"}), monkeypatch)
    read = result.fields["court.judge"]
    assert read.value == "Leonie M. Brinkema"
    assert _asked(result, "court.judge") and "Brinkerna" in read.note


def test_a_judges_name_read_alike_in_both_places_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _read(3, _scanned({}), monkeypatch)
    assert result.fields["court.judge"].value == "Leonie M. Brinkema"
    assert not _asked(result, "court.judge")


@pytest.mark.parametrize(("label", "read"), [("1s", "co"), ("1s", "Od"), ("3s", "30s")])  # 90079, 90024, 90048
def test_a_count_label_no_count_has_is_taken_from_the_counts_of_conviction(label: str, read: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # specimen 17: 'pleaded guilty to count(s) 1s,2s,3s,4s' above a table of counts 1s to 4s
    result = _read(17, _table_label_read_as(label, read), monkeypatch)
    row = int(label[0]) - 1
    got = result.fields[f"judgments[0].counts[{row}].count"]
    assert got.value == label and got.confidence < CONFIRM_BELOW
    assert result.fields[f"judgments[0].counts[{row}].months"].value == \
        specimen(17).case["judgments"][0]["counts"][row]["months"]


def test_a_speck_after_a_count_label_is_not_part_of_it() -> None:
    assert patterns.count_label("3s a") == patterns.Fixed("3s", True)  # 90045


def test_no_count_is_numbered_zero() -> None:
    # 90037: the dismissed counts' blank list read as '0' (a box's ring): no count was dismissed, none is 0
    assert judgment._label_list("Count(s) 0 is are dismissed", 9)[0] == []
    assert judgment._label_list("Count(s) 10 is are dismissed", 9)[0] == ["10"]


def test_a_defendant_number_read_as_a_letter_is_a_digit() -> None:
    # 90045: '1:00-cr-00734-RTB-5' read as '...-RTB-S': after the judge's initials comes the defendant's number
    assert patterns.docket("1:00-cr-00734-RTB-S") == patterns.Fixed("1:00-cr-00734-RTB-5", True)
    assert patterns.docket("1:00-cr-00734-RTB-5") == patterns.Fixed("1:00-cr-00734-RTB-5", False)


def test_a_speck_before_a_judges_initial_is_the_space() -> None:
    # 90005: 'Leonie M. Brinkema' read as "Leonie'M. Brinkema"; O'Connor keeps his apostrophe
    assert patterns.judge_name("Leonie'M. Brinkema, United States District Judge") == "Leonie M. Brinkema"
    assert patterns.judge_name("Reed O'Connor, United States District Judge") == "Reed O'Connor"


def test_specks_after_a_judges_name_are_not_part_of_it() -> None:
    assert patterns.judge_name("Leonie M. Brinkema ae") == "Leonie M. Brinkema"  # 90025


def _name_and_title_lost(page: Page, pdf: bytes) -> Page:
    page = _scanned({})(page, pdf)
    at = next((n for n, line in enumerate(page.lines) if "Name and Title of Judge" in line.text), None)
    if at is not None:
        del page.lines[at - 1:at + 1]
    return page


def test_a_judges_name_whose_label_was_lost_is_read_from_the_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    # 90023: "Reed O'Connor, United States District Judge" and its label lost; "/s/ Reed O'Connor" read above
    # 'Signature of Judge'
    result = _read(3, _name_and_title_lost, monkeypatch)
    assert result.fields["court.judge"].value == "Leonie M. Brinkema"
    assert _asked(result, "court.judge")


def test_a_day_whose_digits_ocr_split_is_one_day() -> None:
    # 90009: 'November 11, 2004' above 'Date of Imposition of Judgment' read as 'November | 1, 2004': not read
    assert patterns.find_date("November | 1, 2004") == (date(2004, 11, 11), True, 0, 18)
    assert patterns.find_date("November 1, 2004") == (date(2004, 11, 1), False, 0, 16)


def test_the_imposition_label_with_a_speck_after_it_is_found() -> None:
    # 90043: 'Date of Imposition of Judgment' read as "' . Date of Impustion of Judgment. wt"
    assert judgment._IMPOSITION_DAMAGED.search("\u2018 . Date of Impustion of Judgment. wt")
    assert not judgment._IMPOSITION_DAMAGED.search("Date of Original Judgment: 4/14/1998")
