"""A second, closer reading of a value OCR read: the value's own region of the page, enlarged, read as one line
with only the characters its shape allows.

Tesseract can misread a digit with high confidence ('11/27' as '01/27'), and no arithmetic on the papers checks
every number (an imposition date, a supervised-release term, a date of offense without a sheet). Reading the value's
region again, differently (the crop enlarged twice, page segmentation as a single line, a character whitelist for
dates and numbers), gives it a second witness: when the second reading gives another value, the value is asked
about; when it agrees, or cannot be parsed, the first reading stands as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PIL import Image

from reprieve.intake import ocr
from reprieve.intake import patterns as pat
from reprieve.intake.fields import CONFIRM_BELOW, Read
from reprieve.intake.layout import Page

CAP = 0.6
_DATE_CHARS = "0123456789/-.,"
_NUMBER_CHARS = "0123456789"
_DATE_PATH = re.compile(r"(_on|_date|as_of|offense_ended)$")
_DAYS_PATH = re.compile(r"custody\.(bop\.)?\w+_days$")
_MONTHS_PATH = re.compile(r"(months|days)$")


def _date(text: str) -> Any:
    found = pat.find_date(text)
    return found[0].isoformat() if found else None


def _number(text: str) -> Any:
    m = re.search(r"\d+", text)
    return int(m.group()) if m else None


def _term(text: str) -> Any:
    from reprieve.intake.terms import read_supervision

    term = read_supervision(text)
    return None if term is None or term.life else term.months


def _how(path: str, value: Any) -> tuple[str | None, Callable[[str], Any]] | None:
    """The whitelist and the parser for a field's second reading; None for fields it does not apply to."""
    if isinstance(value, bool):
        return None
    if _DATE_PATH.search(path) and isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return _DATE_CHARS, _date  # numeric dates; a long date ('April 20, 2009') is read with every character
    if _DAYS_PATH.search(path) and isinstance(value, int):
        return _NUMBER_CHARS, _number
    if path.endswith("months") and isinstance(value, int):
        return None, _term  # 'FORTY-SIX (46) MONTHS': words and digits
    return None


def reread(reads: list[Read], pages: list[Page]) -> list[Read]:
    """`reads` with each sure value from an OCR'd page read a second time; one the second reading contradicts is
    capped below CONFIRM_BELOW with a note saying what it gave."""
    images = {(p.file, p.number): p for p in pages if p.method == "ocr" and p.image is not None}
    out = []
    for read in reads:
        page = images.get((read.source.file, read.source.page))
        how = _how(read.path, read.value)
        box = read.source.box
        if page is None or how is None or box is None or read.confidence < CONFIRM_BELOW:
            out.append(read)
            continue
        whitelist, parse = how
        if whitelist == _DATE_CHARS and pat.LONG_DATE.search(read.source.text):
            whitelist = None  # 'April 20, 2009': the month's letters too
        second = _second(page.image, box, whitelist, parse)
        if second is not None and second != read.value:
            read = Read(read.path, read.value, read.source, min(read.confidence, CAP), read.label,
                        f"a second reading of the copy gave '{second}'")
        out.append(read)
    return out


def _second(image: Image.Image, box: tuple[float, float, float, float], whitelist: str | None,
            parse: Callable[[str], Any]) -> Any:
    left, top, right, bottom = box
    height = bottom - top
    pad_x, pad_y = 0.6 * height, 0.35 * height
    crop = image.crop((max(0, int(left - pad_x)), max(0, int(top - pad_y)),
                       min(image.width, int(right + pad_x)), min(image.height, int(bottom + pad_y))))
    if crop.width < 4 or crop.height < 4:
        return None
    crop = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
    config = "--psm 7"
    words = ocr.words_of(crop, config=config + (f" -c tessedit_char_whitelist={whitelist}" if whitelist else ""))
    return parse(" ".join(w.text for w in words))
