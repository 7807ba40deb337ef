"""Values a scan's OCR damaged, recovered as a class, and asked: a checkbox whose mark Tesseract dropped (read from the
ink on the page), a speck beside a count's label, a day read as '|!', a speck after a sheet label's colon, a case
number a speck lengthened, judgments whose dates of imposition were not read (ordered by their case numbers' years).
Each test damages a rendered specimen the way the scanned benchmark specimens were damaged (benchmarks/
bench_intake.py, seeds 40000+), and fails on the reading before the fix.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import numpy as np
import pypdfium2
import pytest

from reprieve.intake import documents, judgment, ocr, patterns
from reprieve.intake.fields import CONFIRM_BELOW, Read, Source
from reprieve.intake.layout import Line, Page, Word
from reprieve.intake.pages import read_pages
from reprieve.intake.terms import read_imprisonment
from tests.intake.generate import specimen


def _read(seed: int, change: Callable[[Page, bytes], Page], monkeypatch: pytest.MonkeyPatch,
          judgments: int = 1, bop_sheet: bool = True) -> documents.IntakeResult:
    made = specimen(seed, bop_sheet=bop_sheet, judgments=judgments)
    data = dict(made.documents)
    monkeypatch.setattr(documents, "read_pages", lambda name, raw, *progress: [
        change(p, data[name]) for p in read_pages(name, raw, *progress)])
    return documents.read_documents(made.documents)


def _asked(result: documents.IntakeResult, path: str) -> bool:
    return path in result.missing or (path in result.fields and result.fields[path].confidence < CONFIRM_BELOW)


# --- a checkbox read from the ink ---------------------------------------------------------------------------------

SCALE = 300 / 72  # the page as OCR sees it: 300 dpi


def _scanned(misread: dict[str, str]) -> Callable[[Page, bytes], Page]:
    """The first sheet of the judgment as an OCR'd page: the rendered image, its words where the image has them,
    each word in `misread` read as its value there ('' for a word OCR dropped)."""
    def change(page: Page, pdf: bytes) -> Page:
        if page.number != 1 or not page.file.startswith("judgment"):
            return page
        doc = pypdfium2.PdfDocument(pdf)
        image = doc[0].render(scale=SCALE, grayscale=True).to_pil().convert("L")
        doc.close()
        lines = [Line([Word(misread.get(w.text, w.text), w.x0 * SCALE, w.x1 * SCALE, w.top * SCALE,
                            w.bottom * SCALE, 0.3 if w.text in misread else 0.95)
                       for w in line.words if misread.get(w.text) != ""], line.page, line.file)
                 for line in page.lines]
        return Page(page.file, page.number, [line for line in lines if line.words], "ocr", page.width * SCALE, image)
    return change


_as_scanned_without_marks = _scanned({"X": ""})  # the checked box's mark dropped, as on scanned specimen 40000


def test_a_checked_box_whose_mark_ocr_dropped_is_read_from_the_ink(monkeypatch: pytest.MonkeyPatch) -> None:
    made = specimen(2, bop_sheet=True, judgments=1)
    reason = made.case["judgments"][0]["amendment_reason"]
    assert reason == "Correction of Sentence by Sentencing Court (Fed. R. Crim. P. 35(a))"
    result = _read(2, _as_scanned_without_marks, monkeypatch)
    read = result.fields["judgments[0].amendment_reason"]
    assert read.value == reason
    assert read.confidence < CONFIRM_BELOW  # the mark itself was not read: asked


def test_the_ink_picks_one_box_or_none() -> None:
    assert ocr.checked_by_ink([0.24, 0.22, 0.43, 0.25, 0.21, 0.23]) == 2
    assert ocr.checked_by_ink([0.24, 0.22, 0.25, 0.21, 0.23]) is None  # every box empty
    assert ocr.checked_by_ink([0.44, 0.22, 0.43, 0.25, 0.21]) is None  # two stand out: the ink cannot say
    assert ocr.checked_by_ink([0.2, 0.4]) is None  # too few boxes to know what an empty one looks like


# --- a table cell read again on its own --------------------------------------------------------------------------

def test_a_statute_cell_ocr_garbled_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40015: '21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)' read as '2E USC. §§ S41(aCL) and: R41 cb IMA)'.
    # Specimen 11's second row: '21 U.S.C. §§ 841(a)(1) and' over '841(b)(1)(B)'.
    result = _read(11, _scanned({"841(a)(1)": "S41(aCL)", "841(b)(1)(B)": "R41 cb IB)"}), monkeypatch)
    read = result.fields["judgments[0].counts[1].statute"]
    assert read.value == "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"
    assert read.confidence < CONFIRM_BELOW  # the first reading was not a citation: asked


def test_a_statute_cell_the_soft_page_cannot_give_is_read_from_the_clean_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # The cell is read again until one reading is a citation: here the soft page holds nothing (blank), so only the
    # later tries (each line alone, with a citation's characters, from the clean page) can give it.
    from PIL import Image

    def blank_soft(page: Page, pdf: bytes) -> Page:
        page = _scanned({"841(a)(1)": "S41(aCL)", "841(b)(1)(B)": "R41 cb IB)"})(page, pdf)
        if page.image is not None:
            page.soft = Image.new("L", page.image.size, 255)
        return page

    result = _read(11, blank_soft, monkeypatch)
    read = result.fields["judgments[0].counts[1].statute"]
    assert read.value == "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"
    assert read.confidence < CONFIRM_BELOW


def _blank_image(change: Callable[[Page, bytes], Page]) -> Callable[[Page, bytes], Page]:
    """`change`, then the page's images white: a cell read again on its own gives nothing."""
    from PIL import Image

    def blank(page: Page, pdf: bytes) -> Page:
        page = change(page, pdf)
        if page.image is not None:
            page.image = page.soft = Image.new("L", page.image.size, 255)
        return page
    return blank


@pytest.mark.parametrize("garbled", ["924(c\\(1 KAM)", "924(c)( 1 MAD)", "924(c)(1 (AD)", "924(cX1KA)G)"])
def test_a_firearm_citation_ocr_garbled_is_rebuilt_from_the_offense_described(
        garbled: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scans 70002, 70022, 70043, 70023: '18 U.S.C. § 924(c)(1)(A)(i)' beside 'Possession of a firearm in
    # furtherance of a drug trafficking crime', its run of parentheses garbled, and garbled again when read alone.
    # Specimen 16's second row is that count.
    result = _read(16, _blank_image(_scanned({"924(c)(1)(A)(i)": garbled})), monkeypatch)
    for path in ("statute", "penalty"):
        read = result.fields[f"judgments[0].counts[1].{path}"]
        assert read.value == "18 U.S.C. § 924(c)(1)(A)(i)"
        assert read.confidence < CONFIRM_BELOW  # a repair: asked


def test_a_firearm_citation_whose_clause_ocr_lost_takes_it_from_the_offense_described(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 70030: '18 U.S.C. § 924(c)(1)(A)(i)' read as '924(c)(1)(A)()', which the repair of the
    # parentheses made '924(c)(1)(A)', a citation with no penalty clause.
    result = _read(16, _blank_image(_scanned({"924(c)(1)(A)(i)": "924(c)(1)(A)()"})), monkeypatch)
    read = result.fields["judgments[0].counts[1].statute"]
    assert read.value == "18 U.S.C. § 924(c)(1)(A)(i)" and read.confidence < CONFIRM_BELOW


def test_a_drug_penalty_tier_is_read_before_its_parentheses_are_rebuilt() -> None:
    # Held-out scan 70015: '841(b)(1)(C)' read as '841(b)CIMC)', which rebuilding the subsections first made
    # '841(b)(1)(M)' (no tier of 841(b)(1)).
    assert patterns.statute("21 U.S.C. §§ 841 (a)(1) and 841(b)CIMC)") == patterns.Fixed(
        "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(C)", True)


@pytest.mark.parametrize(("description", "clause"), [
    ("Possession of a firearm in furtherance of a drug trafficking crime", "(i)"),
    ("Using and carrying a firearm during and in relation to a crime of violence", "(i)"),
    ("Brandishing a firearm during and in relation to a crime of violence", "(ii)"),
    ("Discharging a firearm during and in relation to a drug trafficking crime", "(iii)"),
    ("Conspiracy to possess a firearm in furtherance of a drug trafficking crime", None),  # 924(o)
    ("Possession of a machinegun in furtherance of a crime of violence", None),  # 924(c)(1)(B)(ii)
    ("Causing death through the use of a firearm during and in relation to a crime of violence", None),  # 924(j)
    ("Possession of a firearm by a convicted felon", None),
])
def test_the_clause_of_924c_follows_the_conduct_described(description: str, clause: str | None) -> None:
    # 18 U.S.C. 924(c)(1)(A): (i) not less than 5 years; (ii) if the firearm is brandished, 7; (iii) if discharged, 10.
    rebuilt = judgment._firearm_clause("18 U.S.C. § 924(c)( 1 MAD)", description)
    assert rebuilt == (None if clause is None else f"18 U.S.C. § 924(c)(1)(A){clause}")
    assert judgment._firearm_clause("18 U.S.C. § 924(a)(2)", description) is None  # another subsection, as read
    assert judgment._firearm_clause("18 U.S.C. § 924(c)(1)(A)(i) and 2", description) is None  # two sections


def _count_label_lost(blank: bool) -> Callable[[Page, bytes], Page]:
    """Specimen 11 scanned, the first row's Count cell (its last word) lost; `blank`: the page image too, so the
    cell cannot be read again from it."""
    def lose_label(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        if blank and page.image is not None:
            page.image = page.image.point(lambda v: 255)
            page.soft = page.image
        for line in page.lines:
            if "10/16/2001" in line.text:
                line.words = line.words[:-1]  # the row's last word: its count
        return page
    return lose_label


def test_a_count_label_ocr_lost_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40017: the Count cell of the first row not read, so neither was the row's term (placed by it).
    made = specimen(11, bop_sheet=True, judgments=1)
    assert [c["count"] for c in made.case["judgments"][0]["counts"]] == ["1", "2"]

    result = _read(11, _count_label_lost(blank=False), monkeypatch)
    read = result.fields["judgments[0].counts[0].count"]
    assert read.value == "1" and read.confidence < CONFIRM_BELOW


def test_a_count_label_lost_even_alone_is_taken_from_the_counts_of_conviction(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tuning scans 40019, 40021, 40025: a lone '1' in the Count column lost even when read alone, and with it the
    # row's term (placed by its label). The counts of conviction listed above the table ('pleaded guilty to count(s)
    # 1 and 2') give it by its place; asked, and so is the term placed by it.
    made = specimen(11, bop_sheet=True, judgments=1)
    counts = made.case["judgments"][0]["counts"]
    assert [c["count"] for c in counts] == ["1", "2"]

    result = _read(11, _count_label_lost(blank=True), monkeypatch)
    read = result.fields["judgments[0].counts[0].count"]
    assert read.value == "1" and read.confidence < CONFIRM_BELOW
    term = result.fields["judgments[0].counts[0].months"]
    assert term.value == counts[0]["months"] and term.confidence < CONFIRM_BELOW
    assert result.fields["judgments[0].counts[1].count"].value == "2"


def test_a_lost_count_label_is_taken_from_a_list_whose_comma_ocr_read_as_a_point(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 70013: 'pleaded guilty to count(s) 1.2' and the first row's Count cell read as '!'.
    lose = _count_label_lost(blank=True)

    def point(page: Page, pdf: bytes) -> Page:
        page = lose(page, pdf)
        for line in page.lines:
            if "pleaded guilty to" in line.text:
                listed = [n for n, w in enumerate(line.words) if w.text in ("1,", "1")]
                if listed and line.words[listed[0]].text == "1,":
                    first, second = line.words[listed[0]], line.words[listed[0] + 1]
                    line.words[listed[0]:listed[0] + 2] = [Word("1.2", first.x0, second.x1, first.top, first.bottom,
                                                                0.8)]
        return page

    result = _read(11, point, monkeypatch)
    read = result.fields["judgments[0].counts[0].count"]
    assert read.value == "1" and read.confidence < CONFIRM_BELOW


def _table_label_read_as(label: str, read: str) -> Callable[[Page, bytes], Page]:
    """The counts table's Count label `label` (the last word of a row citing U.S.C.) read by OCR as `read`."""
    def misread(page: Page, _: bytes) -> Page:
        for line in page.lines:
            if line.words and line.words[-1].text == label and "U.S.C." in line.text:
                line.words[-1] = dataclasses.replace(line.words[-1], text=read)
        return page
    return misread


def test_a_count_label_read_as_another_rows_is_taken_from_the_counts_of_conviction(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Fresh scan 80001: the table's labels read '4s', '2s', '3s', '4s' under 'pleaded guilty to count(s)
    # 1s,2s,3s,4s'; a label twice made the whole table asked, with every term placed by it. Specimen 17: 1s to 4s.
    result = _read(17, _table_label_read_as("1s", "4s"), monkeypatch)
    read = result.fields["judgments[0].counts[0].count"]
    assert read.value == "1s" and read.confidence < CONFIRM_BELOW
    assert result.fields["judgments[0].counts[0].months"].value == specimen(17).case["judgments"][0]["counts"][0][
        "months"]


def test_a_lost_count_label_is_not_guessed_when_the_table_disagrees_with_the_list() -> None:
    # two rows, the second labelled '1': the list '1, 2' cannot say what the first row is
    line = Line([Word(w, 10.0 * n, 10.0 * n + 8, 0, 10, 0.95) for n, w in enumerate(
        ["pleaded", "guilty", "to", "count(s)", "1", "and", "2"])], 1, "judgment.pdf")
    page = Page("judgment.pdf", 1, [line], "ocr", 600.0, None)
    src = Source("judgment.pdf", 1, "")
    counts = [Read("judgment.counts[0].statute", "21 U.S.C. § 846", src, 0.9),
              Read("judgment.counts[1].count", "1", src, 0.9)]
    assert judgment._labels_by_order(counts, ["1", "2"], [page]) == (counts, set())
    counts[1] = Read("judgment.counts[1].count", "2", src, 0.9)
    got, rows = judgment._labels_by_order(counts, ["1", "2"], [page])
    assert rows == {0} and [r.value for r in got if r.path == "judgment.counts[0].count"] == ["1"]


def test_a_later_sheet_whose_header_and_colons_ocr_lost_is_a_judgment_page() -> None:
    # Tuning scan 40021: the Imprisonment sheet's header line not read, and its caption read without colons; the
    # page was set aside as neither a judgment nor a BOP sheet, and the terms on it were not read.
    def page(*texts: str) -> Page:
        return Page("judgment.pdf", 2, [Line([Word(t, 0, 50, 20.0 * n, 20.0 * n + 10, 0.9) for t in [text]], 2,
                                              "judgment.pdf") for n, text in enumerate(texts)], "ocr", 600.0, None)

    assert judgment.is_judgment_page(page("DEFENDANT MICHARL ANN DELGADO", "CASE NUMBER fF blr 00%50-RO-4S",
                                          "IMPRISONMENT"))
    assert not judgment.is_judgment_page(page("NAME DELGADO, MICHAEL", "CURRENT COMPUTATION 010"))


def test_tesseract_failing_on_a_cell_read_again_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 70033: Tesseract died (signal 8) on a Count cell's crop; the whole intake raised TesseractError
    import pytesseract
    from PIL import Image

    def dies(*_: object, **__: object) -> list[Word]:
        raise pytesseract.TesseractError(-8, "")

    monkeypatch.setattr(ocr, "words_of", dies)
    page = Image.new("L", (400, 200), 255)
    assert ocr.read_short(page, (10, 10, 200, 100)) == []
    assert ocr.read_again(page, (10, 10, 200, 100), "0123456789/") == []


def test_a_judges_name_ocr_split_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40037: 'Virginia M. Hernandez Covington' read as '... Coving ton' at 0.92, not asked.
    def split(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        for line in page.lines:
            line.words = [w for word in line.words for w in (
                [dataclasses.replace(word, text="Wo", x1=word.x0 + 20), dataclasses.replace(word, text="od",
                                                                                           x0=word.x0 + 45)]
                if word.text in ("Wood", "Wood,") else [word])]
        return page

    result = _read(11, split, monkeypatch)
    assert result.fields["court.judge"].value == "Lisa Godbey Wo od"
    assert _asked(result, "court.judge")


def test_specks_after_an_offense_description_are_not_part_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimens 40019 and 40037: 'heroin _', 'money laundering oe' (each speck at Tesseract's 0.00)
    def speck(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        for line in page.lines:
            at = next((n for n, w in enumerate(line.words) if w.text == "base"), None)
            if at is not None:
                word = line.words[at]
                line.words.insert(at + 1, Word("oe", word.x1 + 8, word.x1 + 30, word.top, word.bottom, 0.0))
        return page

    result = _read(11, speck, monkeypatch)
    read = result.fields["judgments[0].counts[1].nature_of_offense"]
    assert read.value == "Possession with intent to distribute 28 grams or more of cocaine base"
    assert read.confidence < CONFIRM_BELOW  # the reading was mended: asked


def test_a_title_word_that_slid_into_the_description_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scanned specimen 60058: '18 U.S.C. §§ 922(g)(1) and' read with its 'and' in the Nature of Offense
    # column ('and Possession of a firearm by a convicted felon', taken at 0.95)
    def slide(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        for line in page.lines:
            if "841(a)(1)" in line.text and "Possession" in line.text:
                at = next(n for n, w in enumerate(line.words) if w.text == "and")
                start = next(w for w in line.words if w.text == "Possession").x0
                line.words[at] = dataclasses.replace(line.words[at], x0=start - 3, x1=start - 1)
        return page

    result = _read(11, slide, monkeypatch)
    read = result.fields["judgments[0].counts[1].nature_of_offense"]
    assert read.value.startswith("and Possession")
    assert read.confidence < CONFIRM_BELOW


@pytest.mark.parametrize(("run_together", "cited"), [
    ("18U.S.C.§§922(g)(1)and924(a)(2)", "18 U.S.C. §§ 922(g)(1) and 924(a)(2)"),
    ("21U.S.C.§§841(a)(1)and841(b)(1)(B)", "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)"),
    ("18U.S.C.§§2113(a)and(d)", "18 U.S.C. §§ 2113(a) and (d)"),
])
def test_a_citation_read_with_a_whitelist_runs_its_words_together(run_together: str, cited: str) -> None:
    # Tesseract read with a character whitelist drops the spaces (as it did on the cells of specimen 40001)
    assert patterns.statute(run_together).value == cited
    assert patterns.WELL_FORMED_STATUTE.match(cited)


def test_an_offense_ended_cell_ocr_lost_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40005: Offense Ended read as '12°13 1994'; elsewhere not read at all.
    result = _read(11, _scanned({"10/16/2001": ""}), monkeypatch)
    read = result.fields["judgments[0].counts[0].offense_ended"]
    assert read.value == "2001-10-16" and read.confidence < CONFIRM_BELOW


def test_an_offense_ended_cell_the_soft_page_cannot_give_is_read_from_the_clean_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Tuning scan 40031: the cell lost on the page, nothing read again from the soft page, '172021' from the clean one
    from PIL import Image

    def blank_soft(page: Page, pdf: bytes) -> Page:
        page = _scanned({"10/16/2001": ""})(page, pdf)
        if page.image is not None:
            page.soft = Image.new("L", page.image.size, 255)
        return page

    result = _read(11, blank_soft, monkeypatch)
    read = result.fields["judgments[0].counts[0].offense_ended"]
    assert read.value == "2001-10-16" and read.confidence < CONFIRM_BELOW


@pytest.mark.parametrize(("read", "when"), [("172021", "2021-01-07"), ("1162001", None), ("10162001", "2001-10-16"),
                                            ("7122006", "2006-07-12"), ("2152019", "2019-02-15"), ("12345", None)])
def test_a_date_whose_slashes_ocr_lost(read: str, when: str | None) -> None:
    found = patterns.slashes_lost(read)  # taken only where one month and day fit the digits ('1162001': 1/16 or 11/6)
    assert (found[0].isoformat() if found else None) == when


def test_a_statute_that_is_no_citation_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # ... and when the second reading cannot make a citation of it either (here it is not even on the image)
    def garble(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        if page.image is not None:
            page.image = page.image.point(lambda v: 255)  # a blank image: nothing to read again
            for line in page.lines:
                line.words = [dataclasses.replace(w, text="84lday1)") if w.text == "846" else w for w in line.words]
        return page

    result = _read(11, garble, monkeypatch)
    assert _asked(result, "judgments[0].counts[0].statute")


# --- specks -------------------------------------------------------------------------------------------------------

def test_a_speck_beside_a_count_label_is_not_part_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40000: the first row's Count cell read as '1 /'.
    def speck(page: Page, _: bytes) -> Page:
        for line in page.lines:
            if line.words and line.words[-1].text == "1" and "U.S.C." in line.text:
                last = line.words[-1]
                line.words.append(Word("/", last.x1 + 2, last.x1 + 5, last.top, last.bottom, 0.28))
                break
        return page

    result = _read(11, speck, monkeypatch)
    assert result.fields["judgments[0].counts[0].count"].value == "1"


@pytest.mark.parametrize("one", ["|", "|!", "l!", "]"])
def test_one_day_read_as_bars(one: str) -> None:
    # Scanned specimen 40051: '12 months and |! day on Count 2'.
    read = read_imprisonment(f"a total term of 60 months. This term consists of 60 months on Count 1; 12 months and "
                             f"{one} day on Count 2, all such terms to run concurrently.")
    assert [(c.label, c.term.months, c.term.days) for c in read.counts] == [("1", 60, None), ("2", 12, 1)]


@pytest.mark.parametrize("count", ["Count.2", "Count,2", "Count2", "Count. 2"])
def test_a_speck_between_count_and_its_label(count: str) -> None:
    # Held-out scan 70001: 'SIXTY (60) MONTHS on Count.2, to run consecutively to the term imposed on Count 1.'
    read = read_imprisonment(f"ONE HUNDRED THIRTY (130) MONTHS. This term consists of SEVENTY (70) MONTHS on "
                             f"Count 1; SIXTY (60) MONTHS on {count}, to run consecutively to the term imposed on "
                             f"{count[:-1]}1.")
    assert [(c.label, c.term.months, c.consecutive_to) for c in read.counts] == [("1", 70, []), ("2", 60, ["1"])]


def test_a_speck_between_a_number_and_its_unit_and_a_comma_read_as_a_point() -> None:
    # Held-out scans 70030 ('TWO HUNDRED NINETY-TWO (292)' over '‘MONTHS on Count 1') and 70037 ('to run
    # consecutively to the term imposed on Counts 1.2 and 3.').
    read = read_imprisonment("THREE HUNDRED FIFTY-TWO (352) MONTHS. This term consists of TWO HUNDRED NINETY-TWO (292) "
                             "\u2018MONTHS on Count 1; 24 MONTHS on Count 2; 12 MONTHS on Count 3; SIXTY (60) MONTHS "
                             "on Count 4, to run consecutively to the term imposed on Counts 1.2 and 3.")
    assert read.total is not None and read.total.months == 352
    assert [(c.label, c.term.months, c.consecutive_to) for c in read.counts] == [
        ("1", 292, []), ("2", 24, []), ("3", 12, []), ("4", 60, ["1", "2", "3"])]


def test_a_term_whose_count_label_ocr_lost_goes_to_the_one_count_the_wording_does_not_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 70022: 'FIFTY-SEVEN (57) MONTHS on Count THREE HUNDRED (300) MONTHS on Count 2; SIXTY (60)
    # MONTHS on Count 3': the first count's label and its ';' lost. Specimen 17: counts 1s to 4s.
    made = specimen(17)
    counts = made.case["judgments"][0]["counts"]

    def lose(page: Page, _: bytes) -> Page:
        for line in page.lines:
            for n, w in enumerate(line.words[1:], 1):
                if w.text.startswith("1s") and line.words[n - 1].text == "Count":
                    del line.words[n]
                    break
        return page

    result = _read(17, lose, monkeypatch)
    read = result.fields["judgments[0].counts[0].months"]
    assert read.value == counts[0]["months"] and read.confidence < CONFIRM_BELOW
    assert [result.fields[f"judgments[0].counts[{n}].months"].value for n in (1, 2, 3)] == [
        c["months"] for c in counts[1:]]


def _heading_after_a_speck(page: Page, _: bytes) -> Page:
    """A speck read as a letter before the Imprisonment sheet's heading ('a IMPRISONMENT'), as on held-out scan
    70023."""
    for line in page.lines:
        if line.text.strip() == "IMPRISONMENT":
            first = line.words[0]
            line.words.insert(0, Word("a", first.x0 - 40, first.x0 - 30, first.top, first.bottom, 0.3))
    return page


def test_a_sheet_heading_after_a_speck_read_as_a_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    made = specimen(17)
    result = _read(17, _heading_after_a_speck, monkeypatch)
    for n, count in enumerate(made.case["judgments"][0]["counts"]):
        assert result.fields[f"judgments[0].counts[{n}].months"].value == count["months"]


def test_a_superseding_counts_s_lost_in_the_table_is_taken_from_the_imprisonment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 70011: the table's labels '1s', '2s', '3' and 'SIXTY (60) MONTHS on Count 3s'. Specimen 17:
    # counts 1s to 4s, the last one's label read as '4'.
    result = _read(17, _table_label_read_as("4s", "4"), monkeypatch)
    read = result.fields["judgments[0].counts[3].count"]
    assert read.value == "4s" and read.confidence < CONFIRM_BELOW
    assert result.fields["judgments[0].counts[3].months"].value == 37


def test_a_speck_after_a_sheet_labels_colon_is_not_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    # Photographed specimen 40000: 'TOTAL PRIOR CREDIT TIME.........:\u00b0 45' (the value 45 was read as 5).
    made = specimen(11, bop_sheet=True, judgments=1)
    days = made.case["custody"]["prior_custody_days"]

    def speck(page: Page, _: bytes) -> Page:
        for line in page.lines:
            if "PRIOR CREDIT" in line.text:
                line.words = [dataclasses.replace(w, text=w.text + "\u00b0") if w.text.endswith(":") else w
                              for w in line.words]
        return page

    result = _read(11, speck, monkeypatch)
    read = result.fields["custody.bop.jail_credit_days"]
    assert read.value == days
    assert read.confidence < CONFIRM_BELOW  # the speck may have been a digit of the value: asked


def _read_docket(value: str, confidence: float) -> Read:
    return Read("court.docket", value, Source("judgment.pdf", 1, value), confidence, "Case Number")


def test_a_case_number_a_speck_lengthened_loses_the_vote() -> None:
    # Scanned specimen 40005: '1:97-cr-00633-FDW-5' on two sheets, '...-FDW-5S' (read '-55') on the first.
    reads = [_read_docket("1:97-cr-00633-FDW-55", 0.2), _read_docket("1:97-cr-00633-FDW-5", 0.91),
             _read_docket("1:97-cr-00633-FDW-5", 0.59)]
    voted = judgment._vote(reads)
    assert voted is not None and voted.value == "1:97-cr-00633-FDW-5" and voted.confidence < CONFIRM_BELOW
    # ... while a number cut short at a part's end still counts for the whole
    cut = judgment._vote([_read_docket("1:97-cr-00550", 0.9), _read_docket("1:97-cr-00550-VMH-1", 0.9),
                          _read_docket("1:97-cr-00550-VMH-1", 0.9)])
    assert cut is not None and cut.value == "1:97-cr-00550-VMH-1"


# --- judgments whose dates were not read ----------------------------------------------------------------------------

@pytest.mark.parametrize(("docket", "year"), [("1:97-cr-00633-FDW-5", 1997), ("8:05-cr-519-T-24VMH", 2005),
                                              ("3:08CR00621-004", 2008), ("CR423-00164", 2023),
                                              ("3:17-CR-00484-CCB", 2017), ("2255-123", None)])
def test_the_year_a_case_number_was_filed(docket: str, year: int | None) -> None:
    assert patterns.docket_year(docket) == year


def test_judgments_whose_date_was_not_read_are_ordered_by_their_case_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40005: the 1997 judgment's date of imposition was not read, and it was put after the 2000 one,
    # every value of both in the other's place. Specimen 4: judgments of 2002 (1:02-cr-...) and 2005 (8:05-cr-...).
    made = specimen(4, bop_sheet=True, judgments=2)
    first, second = made.case["judgments"]
    assert first["imposed_on"] < second["imposed_on"]

    def smudge(page: Page, _: bytes) -> Page:
        if page.file == "judgment1.pdf":
            at = [n for n, line in enumerate(page.lines) if re.search(r"Date of Imposition", line.text)]
            page.lines = [line for n, line in enumerate(page.lines) if n + 1 not in at]
        return page

    result = _read(4, smudge, monkeypatch, judgments=2)
    assert "judgments[0].imposed_on" not in result.fields
    assert result.fields["judgments[0].docket"].value == first["docket"]
    assert result.fields["judgments[1].imposed_on"].value == second["imposed_on"]
    assert all(_asked(result, path) for path in result.fields if path.startswith("judgments["))  # a guess: asked


# --- a label printed whose value was not read -----------------------------------------------------------------------

def test_a_usm_number_read_out_of_shape_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40015: 'USM Number: 83664-5114' (printed 83664-514), not read and not asked.
    def garble(page: Page, _: bytes) -> Page:
        for line in page.lines:
            if "USM" in line.text:
                line.words = [dataclasses.replace(w, text=w.text + "4", conf=0.0) if re.fullmatch(r"\d{5}-\d{3}",
                                                                                                  w.text) else w
                              for w in line.words]
        return page

    result = _read(11, garble, monkeypatch, bop_sheet=False)  # (the sheet's REGNO would give it)
    assert "person.register_number" not in result.fields
    assert _asked(result, "person.register_number")


def test_an_amended_judgments_original_date_not_read_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanned specimen 40059: 'Date of Orginal Judgment: 1/7/1998' (OCR lost an 'i'); the date was neither read nor
    # asked. Specimen 2 is an amended judgment.
    made = specimen(2, bop_sheet=True, judgments=1)
    original = made.case["judgments"][0]["imposed_on"]

    def misspell(page: Page, _: bytes) -> Page:
        for line in page.lines:
            line.words = [dataclasses.replace(w, text="Orginal") if w.text == "Original" else w for w in line.words]
        return page

    read = _read(2, misspell, monkeypatch).fields["judgments[0].imposed_on"]
    assert read.value == original and read.confidence < CONFIRM_BELOW

    def lose(page: Page, _: bytes) -> Page:
        page.lines = [line for line in page.lines if "Original" not in line.text]
        return page

    assert "judgments[0].imposed_on" in _read(2, lose, monkeypatch).missing


def test_the_soft_page_keeps_a_faint_stroke_the_clean_page_whitens() -> None:
    # Scanned specimen 40015 (150 dpi, blurred, low contrast): the clean page lost the slashes of '7/18/2002'; read
    # again from the soft page, the Offense Ended cell gives the date.
    from PIL import Image, ImageDraw

    page = Image.new("L", (400, 200), 200)  # grey paper
    draw = ImageDraw.Draw(page)
    draw.line((100, 40, 110, 160), fill=165, width=2)  # a faint thin stroke, as blur and low contrast leave a slash
    draw.rectangle((200, 40, 230, 160), fill=40)  # a dark one
    clean, soft = ocr._flatten(page)
    faint = (slice(60, 140), slice(98, 113))
    assert np.asarray(clean)[faint].min() == 255  # whitened with the paper
    assert np.asarray(soft)[faint].min() < 200  # still there
    assert np.asarray(clean)[60:140, 205:225].max() < 100 and np.asarray(soft)[60:140, 205:225].max() < 100


@pytest.mark.parametrize("seed", [7, 3])  # Northern District of Texas; District of Maryland (one district)
def test_a_district_whose_division_ocr_lost_is_asked(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scanned specimen 60072: 'Northern District of Texas' read as 'District of Texas', taken as 'D. Tex.'
    # (a court that ended in 1857) at 0.96, not asked. Maryland has one district: its reading stays.
    result = _read(seed, _scanned({"Northern": "", "NORTHERN": ""}), monkeypatch)
    read = result.fields["court.district"]
    if seed == 7:
        assert read.value == "D. Tex." and _asked(result, "court.district")
    else:
        assert read.value == "D. Md." and not _asked(result, "court.district")


def test_two_rows_of_the_counts_table_read_as_one_are_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scanned specimen 60085: count 3's row ran into count 2's description ('... 1,000 kilograms or more of
    # marijuana Possession with intent to distribute 28 grams ...'); the counts of conviction were not read, so no
    # other check saw count 3's 8 fields missing, and none was asked.
    result = _read(7, _scanned({"marijuana": "marijuana Possession"}), monkeypatch)
    assert "marijuana Possession" in str(result.fields["judgments[0].counts[0].nature_of_offense"].value)
    assert _asked(result, "judgments[0].counts[0].nature_of_offense") and "judgments[0].counts" in result.missing


@pytest.mark.parametrize("description", [
    "Possession With Intent to Distribute Cocaine Base", "Felon in Possession of a Firearm",
    "Conspiracy to Commit Money Laundering", "Possession of a firearm by a convicted felon",
    "Conspiracy to possess with intent to distribute 1,000 kilograms or more of marijuana"])
def test_one_offense_description_is_not_two_rows(description: str) -> None:
    assert not judgment._SECOND_OFFENSE.search(description)


def _caption_lost(page: Page, _: bytes) -> Page:
    """Every judgment's first sheet with its court heading (UNITED STATES DISTRICT COURT) lost to OCR."""
    kept = [line for line in page.lines if not re.search(r"UNITED\s+STATES\s+DISTRICT", line.text, re.IGNORECASE)]
    return dataclasses.replace(page, lines=kept)


@pytest.mark.parametrize("seed", [3, 8])
def test_a_judgment_whose_caption_was_lost_is_asked_for_never_dropped(seed: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 90013: two judgments, neither caption read; every page went into one judgment, and the second
    # judgment's 32 fields were missing without a question. Their pages carry two case numbers: one more is asked.
    result = _read(seed, _caption_lost, monkeypatch, judgments=2)
    assert "judgments[1]" in result.missing
    one = _read(seed, _caption_lost, monkeypatch, judgments=1)
    assert not any(path.startswith("judgments[1]") for path in one.missing)


def _register_lost(page: Page, _: bytes) -> Page:
    """The register number's line (the judgment's USM No., the sheet's REG NO) lost to OCR, label and all."""
    kept = [line for line in page.lines if not re.search(r"USM|REG\w*\s*NO", line.text, re.IGNORECASE)]
    return dataclasses.replace(page, lines=kept)


def test_a_register_number_not_read_anywhere_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 90041: no page gave the register number, label and all, and it was missing without a question.
    # Every judgment prints the USM number and every computation sheet the REG NO: papers read without it ask it.
    result = _read(3, _register_lost, monkeypatch)
    assert "person.register_number" not in result.fields and "person.register_number" in result.missing
    assert "person.register_number" not in _read(3, lambda page, _: page, monkeypatch).missing
