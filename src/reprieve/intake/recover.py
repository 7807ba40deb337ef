"""Parts of a scan the first reading lost, read again: a judgment whose counts table was not read, or read without
its rows' labels, has the page that should carry it read by OCR again with other preparation (`pages.read_again`),
and the better of the two readings is kept, by a score of what the table gave (its rows, each row's cells, labels
that are counts of conviction). Only pages that failed are read again: a page's OCR costs seconds.

A value the second reading gives that the first did not give alike is capped below CONFIRM_BELOW and asked: it rests
on one reading of a page whose other reading said something else (or nothing).
"""

from __future__ import annotations

import re

from reprieve.intake import bop_sheet, judgment
from reprieve.intake.fields import Read
from reprieve.intake.layout import Page
from reprieve.intake.ocr import SECOND_LOOK_CAP
from reprieve.intake.pages import read_again

_COURT = re.compile(r"UNITED\s+STATES\s+DISTRICT\s+COURT", re.IGNORECASE)
_ROW = re.compile(r"judgment\.counts\[(\d+)\]\.(\w+)$")
_LABEL = re.compile(r"\d{1,3}s{0,3}")
NOTE = "read from a second reading of the page, the first having lost the counts table"


def table_score(read: judgment.JudgmentRead, convicted: list[str]) -> float:
    """How much of the counts table a reading gave: each row's cells by their confidence, and each row whose label
    is a count's label (one of the counts of conviction, when the page lists them) once more."""
    score = 0.0
    for r in read.reads:
        m = _ROW.match(r.path)
        if m is None:
            continue
        score += r.confidence
        if m.group(2) == "count" and _LABEL.fullmatch(str(r.value)) and (not convicted or r.value in convicted):
            score += 1.0
    return score


def table_failed(read: judgment.JudgmentRead, convicted: list[str]) -> bool:
    """No row read; fewer rows than counts of conviction listed; or a row without a count's label."""
    rows: dict[int, str | None] = {}
    for r in read.reads:
        m = _ROW.match(r.path)
        if m is not None:
            n = int(m.group(1))
            rows.setdefault(n, None)
            if m.group(2) == "count":
                rows[n] = str(r.value)
    if not rows or len(rows) < len(convicted):
        return True
    return any(label is None or not _LABEL.fullmatch(label) for label in rows.values())


def recover_tables(groups: list[list[Page]], reads: list[judgment.JudgmentRead]) -> list[Page]:
    """Each judgment whose counts table failed (`table_failed`) with its table's page read again; where the second
    reading scores better, that judgment's reading (in `reads`) and page (in its group) are replaced. The pages read
    again and kept."""
    kept: list[Page] = []
    for k, group in enumerate(groups):
        first = reads[k]
        convicted = judgment._convicted(group)
        if not table_failed(first, convicted):
            continue
        at = _table_page(group, first)
        again = read_again(group[at])
        if again is None:
            continue
        again = _with_header(again, group[at])
        tried = [*group[:at], again, *group[at + 1:]]
        second = judgment.read_judgment(tried)
        if table_score(second, convicted or judgment._convicted(tried)) <= table_score(first, convicted):
            continue
        # the table (rows and their terms) from the second reading; the rest as the first read it, and what only
        # the second read
        seen = {(r.path, repr(r.value)) for r in first.reads}
        paths = {r.path for r in first.reads}
        table = [r for r in second.reads if _ROW.match(r.path)]
        second.reads = [r for r in first.reads if not _ROW.match(r.path)] + [
            r if (r.path, repr(r.value)) in seen or r.confidence < SECOND_LOOK_CAP
            else Read(r.path, r.value, r.source, SECOND_LOOK_CAP, r.label, r.note or NOTE)
            for r in table + [r for r in second.reads if not _ROW.match(r.path) and r.path not in paths]]
        reads[k], groups[k] = second, tried
        kept.append(again)
    return kept


def _table_page(group: list[Page], read: judgment.JudgmentRead) -> int:
    """The page the counts table is on: where a row of it was read, else the judgment's first sheet (its caption
    page: the table follows the caption on every revision of the form)."""
    for r in read.reads:
        if _ROW.match(r.path):
            for n, page in enumerate(group):
                if page.file == r.source.file and page.number == r.source.page:
                    return n
    return next((n for n, page in enumerate(group) if _COURT.search("\n".join(ln.text for ln in page.lines[:15]))
                 or judgment._first_sheet_caption(page)), 0)


def _with_header(again: Page, first: Page) -> Page:
    """The second reading with the first reading's table header where the second garbled it (on scan 90001 the
    first read 'Tithe & Section Nature of Offense Sc Offense Ended Coum', the second 'Tic & Section NetwrectOffeme
    iene Ended Soot'): both readings are of the same image, so the header's columns hold for the rows below it."""
    if any(judgment._header_columns(line) for line in again.lines):
        return again
    header = next((line for line in first.lines if judgment._header_columns(line)), None)
    if header is None:
        return again
    lines = [line for line in again.lines if line.bottom < header.top or line.top > header.bottom]
    lines.append(header)
    return Page(again.file, again.number, sorted(lines, key=lambda ln: ln.top), again.method, again.width,
                again.image, again.soft)


PAGE_NOTE = "read from a second reading of a page the first reading could not tell as a judgment or computation sheet"


def recover_page(page: Page) -> Page | None:
    """A scanned page the first reading could tell as neither a judgment, a computation sheet nor the BOP's letter,
    read again (`pages.read_again`): the second reading when it tells the page, else None. Every value read from it
    is asked (`ask_recovered`): the page's other reading read none of it."""
    if judgment.is_judgment_page(page) or bop_sheet.is_sheet_page(page) or bop_sheet.read_letter([page]):
        return None
    again = read_again(page)
    if again is None or not (judgment.is_judgment_page(again) or bop_sheet.is_sheet_page(again)):
        return None
    return again


def ask_recovered(fields: dict[str, Read], recovered: set[tuple[str, int]]) -> None:
    """Values read from pages `recover_page` gave, capped below CONFIRM_BELOW: asked."""
    for path, r in list(fields.items()):
        if (r.source.file, r.source.page) in recovered and r.confidence > SECOND_LOOK_CAP:
            fields[path] = Read(r.path, r.value, r.source, SECOND_LOOK_CAP, r.label, r.note or PAGE_NOTE)
