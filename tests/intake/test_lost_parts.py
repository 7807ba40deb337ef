"""Whole parts of a scan the first reading lost, recovered: a first sheet whose form title OCR garbled (read as no
judgment page, and the judgment with it), a counts table whose Count heading OCR garbled, and a counts table whose
rows OCR ran into garble, read again from the page with other preparation (the better table kept, and asked).
Each test damages a rendered specimen the way held-out scans 90001, 90013 and 90041 were damaged, and fails on the
reading before the fix.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest

from reprieve.intake import documents, judgment, recover
from reprieve.intake.fields import CONFIRM_BELOW
from reprieve.intake.layout import Line, Page, Word
from tests.intake.generate import specimen
from tests.intake.test_recovered import _blank_image, _read, _scanned


def _title_garbled(page: Page, pdf: bytes) -> Page:
    """The judgment's first sheet with both of the form's titles garbled as on held-out scan 90041 ('AO MSB (Res.
    06.05) Judgment ina Crinunal Case' over 'JUDGMENTIN A CRIMINAL CASE')."""
    if page.number != 1 or not page.file.startswith("judgment"):
        return page

    def garbled(word: Word) -> Word:
        text = re.sub(r"(?i)criminal", "Crinunal", re.sub(r"245", "MS", word.text))
        return dataclasses.replace(word, text=text)

    lines = [Line([garbled(w) for w in line.words], line.page, line.file) for line in page.lines]
    return dataclasses.replace(page, lines=lines)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_first_sheet_whose_form_title_ocr_garbled_is_read(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    made = specimen(seed, bop_sheet=False, judgments=1)
    truth = made.case["judgments"][0]
    result = _read(seed, _title_garbled, monkeypatch, bop_sheet=False)
    assert result.documents[0].kinds[0] == "judgment"
    assert result.fields["court.docket"].value == made.case["court"]["docket"]
    assert [result.fields[f"judgments[0].counts[{n}].statute"].value for n in range(len(truth["counts"]))] == [
        c["statute"] for c in truth["counts"]]


def test_a_computation_sheet_is_no_first_sheet_of_a_judgment() -> None:
    def page(*texts: str) -> Page:
        return Page("sheet.pdf", 1, [Line([Word(text, 0, 50, 20.0 * n, 20.0 * n + 10, 0.9)], 1, "sheet.pdf")
                                     for n, text in enumerate(texts)], "ocr", 600.0, None)

    assert not judgment.is_judgment_page(page("SENTENCE MONITORING COMPUTATION DATA", "REGNO..: 12345-678",
                                              "NAME: DELGADO, MICHAEL", "THE DEFENDANT IS IN CUSTODY"))
    assert judgment.is_judgment_page(page("UNITED STATES DISTRICT COURT", "UNITED STATES OF AMERICA )",
                                          "DENISE HOLLOWAY ) Case Number: 1:21-cr-00752-RJC-2",
                                          ") USM Number: 84185-310", "THE DEFENDANT:"))


@pytest.mark.parametrize("count", ["Count", "Counts", "Cout", "Coum", "Coun"])
def test_a_count_heading_ocr_damaged_still_marks_the_table(count: str) -> None:
    # Held-out scan 90001: 'Tithe & Section Nature of Offense Sc Offense Ended Coum': the table's four rows were lost
    texts = ["Tithe", "&", "Section", "Nature", "of", "Offense", "Sc", "Offense", "Ended", count]
    line = Line([Word(t, 100.0 * n, 100.0 * n + 80, 0, 10) for n, t in enumerate(texts)], 1)
    columns = judgment._header_columns(line)
    assert columns is not None and columns[3] == 900.0


def _rows_garbled(keep_header: bool) -> Callable[[Page, bytes], Page]:
    """The first sheet as OCR'd, its counts table's rows run into garble as on held-out scan 90001 (keep_header) or its
    header garbled instead, as the second reading of that page read it ('Tic & Section NetwrectOffeme iene Ended
    Soot')."""
    def change(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        if page.number != 1 or not page.file.startswith("judgment"):
            return page
        lines, in_table = [], False
        for line in page.lines:
            if judgment._header_columns(line):
                in_table = True
                if not keep_header:
                    line = Line([dataclasses.replace(w, text="Soot" if n else "Tic")
                                 for n, w in enumerate(line.words)], line.page, line.file)
            elif judgment._TABLE_END.search(line.text):
                in_table = False
            elif in_table and keep_header:
                line = Line([dataclasses.replace(w, text="gs", conf=0.2) for w in line.words], line.page, line.file)
            lines.append(line)
        return dataclasses.replace(page, lines=lines, soft=page.image)
    return change


def test_a_counts_table_ocr_ran_into_garble_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    seed = 11
    truth = specimen(seed, bop_sheet=False, judgments=1).case["judgments"][0]["counts"]
    made = specimen(seed, bop_sheet=False, judgments=1)
    second = {name: _rows_garbled(keep_header=False) for name, _ in made.documents}
    data = dict(made.documents)
    read_again_calls: list[int] = []

    def read_again(page: Page) -> Page:
        read_again_calls.append(page.number)
        from reprieve.intake.pages import read_pages

        fresh = next(p for p in read_pages(page.file, data[page.file]) if p.number == page.number)
        return second[page.file](fresh, data[page.file])

    monkeypatch.setattr(recover, "read_again", read_again)
    result = _read(seed, _blank_image(_rows_garbled(keep_header=True)), monkeypatch, bop_sheet=False)
    assert read_again_calls == [1]  # only the page whose table failed
    for n, count in enumerate(truth):
        read = result.fields[f"judgments[0].counts[{n}].statute"]
        assert read.value == count["statute"]
        assert read.confidence < CONFIRM_BELOW  # the first reading said otherwise: asked
        assert result.fields[f"judgments[0].counts[{n}].count"].value == count["count"]


def test_a_second_reading_no_better_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # The page read again as badly: the first reading stands, its rows asked as before (nothing half-recovered).
    garble = _rows_garbled(keep_header=True)
    made = specimen(11, bop_sheet=False, judgments=1)
    data = dict(made.documents)
    monkeypatch.setattr(recover, "read_again", lambda page: garble(page, data[page.file]))
    result = _read(11, _blank_image(garble), monkeypatch, bop_sheet=False)
    first = documents.read_documents  # the reading without a second look gives the same
    monkeypatch.setattr(recover, "read_again", lambda page: None)
    alone = first(made.documents)
    assert {p: r.value for p, r in result.fields.items()} == {p: r.value for p, r in alone.fields.items()}


def test_a_page_told_as_nothing_is_read_again_and_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # A first sheet OCR read as garble is told as no judgment page, and its judgment's caption, table and dates are
    # lost with it: the page is read again, and what the second reading gives is asked.
    made = specimen(11, bop_sheet=False, judgments=1)
    data = dict(made.documents)

    def garbled(page: Page, pdf: bytes) -> Page:
        page = _scanned({})(page, pdf)
        if page.number != 1 or not page.file.startswith("judgment"):
            return page
        lines = [Line([dataclasses.replace(w, text="~a", conf=0.1) for w in line.words], line.page, line.file)
                 for line in page.lines]
        return dataclasses.replace(page, lines=lines, soft=page.image)

    def read_again(page: Page) -> Page:
        from reprieve.intake.pages import read_pages

        return _scanned({})(next(p for p in read_pages(page.file, data[page.file]) if p.number == page.number),
                            data[page.file])

    monkeypatch.setattr(recover, "read_again", read_again)
    result = _read(11, garbled, monkeypatch, bop_sheet=False)
    assert result.documents[0].kinds[0] == "judgment"
    assert result.fields["court.docket"].value == made.case["court"]["docket"]  # page 2 prints it too
    imposed = result.fields["judgments[0].imposed_on"]  # the first sheet's alone
    assert imposed.value == made.case["judgments"][0]["imposed_on"] and imposed.confidence < CONFIRM_BELOW
    statute = result.fields["judgments[0].counts[0].statute"]
    assert statute.value == made.case["judgments"][0]["counts"][0]["statute"]
    assert statute.confidence < CONFIRM_BELOW


def test_the_counts_table_ends_at_a_garbled_sentencing_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Held-out scan 90041: 'The defendant ts: sentenced as previded in pages 2 through 4 ... Sentencing Refonn' did
    # not end the table, and the sentence ran into the last row's description.
    made = specimen(11, bop_sheet=False, judgments=1)
    last = made.case["judgments"][0]["counts"][-1]
    result = _read(11, _scanned({"is": "ts:", "provided": "previded", "Reform": "Refonn"}), monkeypatch,
                   bop_sheet=False)
    n = len(made.case["judgments"][0]["counts"]) - 1
    assert result.fields[f"judgments[0].counts[{n}].nature_of_offense"].value == last["nature_of_offense"]
