"""Scans and phone photos to words: find the page in a photo, flatten the light, straighten it, run Tesseract.

Tesseract (Debian's tesseract-ocr, English and Spanish data) reads the cleaned page; each word keeps Tesseract's
confidence (0-100, here 0-1), which becomes the confidence of every value read from it.
"""

from __future__ import annotations

import os
import re
import shutil

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from reprieve.intake.layout import Line, Word, group_lines

# Letter-size pages are read at about 300 dpi: Tesseract's accuracy falls off below ~20 px capital height.
TARGET_WIDTH = 2400
MAX_SKEW_DEGREES = 6.0
_JUNK = re.compile(r"[.,:;'`\"~_\-\u2014\u2013|!]{1,3}|[oO]{2}")


class OcrUnavailable(RuntimeError):
    """Tesseract is not installed (Debian: tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-spa)."""


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _page_quad(gray: Image.Image) -> tuple[float, ...] | None:
    """The page's four corners in a photo (a bright sheet on a darker background), or None if it fills the frame."""
    small = gray.reduce(8) if min(gray.size) > 800 else gray
    scale = gray.width / small.width
    a = np.asarray(small.filter(ImageFilter.MedianFilter(5)), dtype=np.float32)
    threshold = _otsu(a)
    mask = a > threshold
    if mask.mean() > 0.93 or mask.mean() < 0.25:
        return None
    # Each column/row of the sheet is mostly bright: drop specks of light in the background.
    ys, xs = np.nonzero(mask)
    s, d = xs + ys, xs - ys
    corners = [(xs[s.argmin()], ys[s.argmin()]), (xs[d.argmin()], ys[d.argmin()]),
               (xs[s.argmax()], ys[s.argmax()]), (xs[d.argmax()], ys[d.argmax()])]
    # top-left, bottom-left, bottom-right, top-right: PIL's QUAD order
    quad = (corners[0], corners[1], corners[2], corners[3])
    return tuple(float(v * scale) for point in quad for v in point)


def _otsu(a: np.ndarray) -> float:
    hist, edges = np.histogram(a, bins=64, range=(0, 255))
    total = a.size
    best, threshold = -1.0, 128.0
    cumulative = np.cumsum(hist)
    means = np.cumsum(hist * (edges[:-1] + edges[1:]) / 2)
    for i in range(1, 63):
        w0, w1 = cumulative[i], total - cumulative[i]
        if w0 == 0 or w1 == 0:
            continue
        m0, m1 = means[i] / w0, (means[-1] - means[i]) / w1
        between = w0 * w1 * (m0 - m1) ** 2
        if between > best:
            best, threshold = between, float(edges[i + 1])
    return threshold


def _flatten(gray: Image.Image) -> tuple[Image.Image, Image.Image]:
    """Divide by the blurred background so shadows and uneven light become white paper. Also the same page without
    its light greys whitened ('soft'): on a faint, blurred scan that whitening also takes thin strokes (the slashes of
    a date, the dots of 'U.S.C.'), so a cell read again is read from the soft page."""
    small = gray.reduce(4)
    background = small.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.GaussianBlur(12)).resize(gray.size)
    a = np.asarray(gray, dtype=np.float32)
    b = np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    out = np.clip(a / b * 255.0, 0, 255)
    soft = ImageOps.autocontrast(Image.fromarray(out.astype(np.uint8)), cutoff=1)
    out[out > 190] = 255  # paper, with its noise, becomes white
    return ImageOps.autocontrast(Image.fromarray(out.astype(np.uint8)), cutoff=1), soft


def _skew(gray: Image.Image) -> float:
    """The angle that makes text rows sharpest (variance of the row profile), to a tenth of a degree."""
    small = gray.reduce(max(1, gray.width // 800))
    ink = ImageOps.invert(small).point(lambda v: 255 if v > 90 else 0)

    def score(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
        return float(np.var(np.diff(rows)))

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5), key=score)
    fine = max(np.arange(best - 0.4, best + 0.41, 0.1), key=score)
    return float(fine)


def prepare(image: Image.Image, photo: bool) -> Image.Image:
    """A clean, straight, grey page at about 300 dpi."""
    return prepared(image, photo)[0]


def prepared(image: Image.Image, photo: bool) -> tuple[Image.Image, Image.Image]:
    """The clean page (`prepare`) and the same page soft (`_flatten`), straightened alike."""
    gray = ImageOps.exif_transpose(image).convert("L")
    if photo:
        quad = _page_quad(gray)
        if quad is not None:
            width = max(quad[6] - quad[0], quad[4] - quad[2])
            height = max(quad[3] - quad[1], quad[5] - quad[7])
            gray = gray.transform((int(width), int(height)), Image.Transform.QUAD, quad,
                                  resample=Image.Resampling.BICUBIC)
    if gray.width < TARGET_WIDTH * 0.8 or gray.width > TARGET_WIDTH * 1.3:
        gray = gray.resize((TARGET_WIDTH, round(gray.height * TARGET_WIDTH / gray.width)),
                           Image.Resampling.LANCZOS)
    gray, soft = _flatten(gray.filter(ImageFilter.MedianFilter(3)))  # the median takes out a scanner's specks
    angle = _skew(gray)
    if abs(angle) >= 0.15:
        gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        soft = soft.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return gray, soft


def words_of(image: Image.Image, lang: str = "eng", config: str = "--psm 6") -> list[Word]:
    """Tesseract's words with their boxes (in the image's pixels) and confidences. `config`: the page segmentation
    (6, a block of text, for a page; 7, one line, for a value's region) and any character whitelist."""
    if not tesseract_available():
        raise OcrUnavailable("Tesseract OCR is not installed: install tesseract-ocr, tesseract-ocr-eng and "
                             "tesseract-ocr-spa (make does this)")
    import pytesseract

    # One thread: Tesseract's OpenMP threads cost four times the wall time on a busy two-core machine (measured).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(image, lang=lang, config=config + " -c tessedit_do_invert=0",
                                     output_type=pytesseract.Output.DICT)
    out = []
    for text, left, top, width, height, conf in zip(data["text"], data["left"], data["top"], data["width"],
                                                    data["height"], data["conf"], strict=True):
        text = text.strip()
        if not text or float(conf) < 0 or (float(conf) < 50 and _JUNK.fullmatch(text)):
            continue  # specks read as punctuation
        out.append(Word(text, float(left), float(left + width), float(top), float(top + height),
                        max(0.0, min(1.0, float(conf) / 100.0))))
    return out


def ocr_lines(image: Image.Image, page: int, photo: bool = False) -> tuple[list[Line], float, Image.Image,
                                                                          Image.Image]:
    """The page's lines, its width in the same units as the words' x positions, the prepared page they were read
    from (for a second reading of a value) and the same page soft (for a second reading of a table cell)."""
    clean, soft = prepared(image, photo)
    lines = group_lines(_second_looks(clean, words_of(clean)), page)
    return lines, float(clean.width), clean, soft


# A word that should be a date but does not read as one ('§/22/2005', '11-68-2021', a smudged '_es006') is read again
# on its own: its box enlarged twice, as a single word, with only the characters a date has. Tesseract's layout
# analysis of the whole page often mis-sizes a damaged word; alone and whitelisted it reads it right more often.
# What the second look gives is kept only when it is a valid date, and is asked about (below CONFIRM_BELOW): it rests
# on one reading that the first contradicted. At most this many words a page: each costs a few hundredths of a second.
MAX_SECOND_LOOKS = 12
SECOND_LOOK_CAP = 0.85
_DATE_WHITELIST = "0123456789/-"
_DATEISH = re.compile(r"^\W?[\w§$&]{1,2}[/\-.][\w§$&]{1,2}[/\-.]\w{2,4}\W?$|^\W?\w{0,3}\d{3,4}\W?$")
_CLEAN_DATE = re.compile(r"\d{1,2}([/\-])\d{1,2}\1(?:\d{4}|\d{2})")


def _needs_second_look(word: Word) -> bool:
    if not _DATEISH.match(word.text) or sum(ch.isdigit() for ch in word.text) < 3:
        return False
    if word.conf < 0.6:
        return True
    text = word.text.strip(".,;:")
    if _CLEAN_DATE.fullmatch(text):
        return not _valid(text)  # '11-68-2021'
    return re.search(r"[/\-]", text) is not None  # '§/22/2005'



def _valid(text: str) -> bool:
    from reprieve.intake.patterns import find_date

    found = find_date(text)
    return found is not None and not found[1] and found[3] - found[2] >= len(text) - 1


def _second_looks(page: Image.Image, words: list[Word]) -> list[Word]:
    out = list(words)
    looked = 0
    for n, word in enumerate(words):
        if looked >= MAX_SECOND_LOOKS or not _needs_second_look(word):
            continue
        looked += 1
        height = word.bottom - word.top
        box = (int(max(0, word.x0 - 0.4 * height)), int(max(0, word.top - 0.3 * height)),
               int(min(page.width, word.x1 + 0.4 * height)), int(min(page.height, word.bottom + 0.3 * height)))
        if box[2] - box[0] < 6 or box[3] - box[1] < 6:
            continue
        for band in _bands(page.crop(box)):
            band = band.resize((band.width * 2, band.height * 2), Image.Resampling.LANCZOS)
            again = words_of(band, config=f"--psm 7 -c tessedit_char_whitelist={_DATE_WHITELIST}")
            text = "".join(w.text for w in again)
            if _CLEAN_DATE.fullmatch(text) and _valid(text):
                conf = min([w.conf for w in again] + [SECOND_LOOK_CAP])
                out[n] = Word(text, word.x0, word.x1, word.top, word.bottom, conf)
                break
    return out


def _bands(crop: Image.Image) -> list[Image.Image]:
    """The crop, then each band of text in it: a damaged word's box often takes in a rule under it and the line
    below ('1/28/2006' over '____' over 'Date of Imposition'), which a one-line reading cannot take."""
    a = np.asarray(crop, dtype=np.uint8)
    dark = (a < 128).mean(axis=1)
    ink = (dark > 0.01) & (dark < 0.5)  # a rule (dark across) separates bands like blank paper
    bands: list[Image.Image] = [crop]
    start = None
    for y, on in enumerate([*ink.tolist(), False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= 8 and (start > 0 or y < len(ink)):
                bands.append(crop.crop((0, max(0, start - 3), crop.width, min(crop.height, y + 3))))
            start = None
    return bands if len(bands) > 2 else bands[:1]


def _second_look(crop: Image.Image, config: str) -> list[Word]:
    """Tesseract on a small region read again; nothing when Tesseract fails on it (held-out scan 70033: Tesseract
    died of a floating-point exception, signal 8, on a Count cell's crop, and took the whole intake with it). A
    second look is only ever extra: what it would have read stays asked."""
    import pytesseract

    try:
        return words_of(crop, config=config)
    except pytesseract.TesseractError:
        return []


def read_again(image: Image.Image, box: tuple[float, float, float, float], whitelist: str | None, *,
               scale: float = 2.0, psm: int = 7) -> list[Word]:
    """The words in a region of a prepared page read again on their own: enlarged (twice), as one line (psm 7; a
    table cell reads better as a block, psm 6, enlarged 1.5 times: tried on a page at 300 dpi), with only the
    characters the value can have (a label's value the page's reading lost or garbled; None: any). Words in the page's
    coordinates, their confidence at most SECOND_LOOK_CAP: one reading against another, so asked."""
    left, top, right, bottom = (int(max(0, box[0])), int(max(0, box[1])), int(min(image.width, box[2])),
                                int(min(image.height, box[3])))
    if right - left < 6 or bottom - top < 6:
        return []
    crop = image.crop((left, top, right, bottom))
    crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS)
    config = f"--psm {psm}" + (f" -c tessedit_char_whitelist={whitelist}" if whitelist else "")
    return [Word(w.text, left + w.x0 / scale, left + w.x1 / scale, top + w.top / scale, top + w.bottom / scale,
                 min(w.conf, SECOND_LOOK_CAP))
            for w in _second_look(crop, config)]


def read_short(image: Image.Image, box: tuple[float, float, float, float]) -> list[Word]:
    """A short value alone in its region (a count's label: '1', '2s') read again: Tesseract reads a lone digit on a
    noisy page poorly, often not at all (a '1' in the Count column of scanned specimen 40017), so the region is
    smoothed, its paper whitened (above 215, where the soft page's noise stays), padded with white and read as one
    line; words Tesseract is not at all sure of (below 0.3: a speck read as 'a') are left out."""
    left, top, right, bottom = (int(max(0, box[0])), int(max(0, box[1])), int(min(image.width, box[2])),
                                int(min(image.height, box[3])))
    if right - left < 6 or bottom - top < 6:
        return []
    crop = image.crop((left, top, right, bottom)).filter(ImageFilter.GaussianBlur(0.8))
    crop = ImageOps.expand(crop.point(lambda v: 255 if v > 215 else 0), 30, fill=255)
    crop = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
    return [Word(w.text, left + (w.x0 / 2 - 30), left + (w.x1 / 2 - 30), top + (w.top / 2 - 30),
                 top + (w.bottom / 2 - 30), min(w.conf, SECOND_LOOK_CAP))
            for w in _second_look(crop, "--psm 7") if w.conf >= 0.3]


# A checkbox is read from the ink on the page, not only from the character OCR makes of it: Tesseract often drops a
# box's mark altogether (it is not a letter), or reads an empty box as 'oO' and a checked one as 'C1'. The box lies
# just left of its label's first word, about one word-height square; an 'X' in it roughly doubles the dark share of
# that region (measured on the generated scans and photos: empty 0.21-0.27, checked 0.42-0.43).
CHECKED_INK_RATIO = 1.4


def ink_left_of(image: Image.Image, word: Word) -> float:
    """The share of dark pixels in the region just left of `word` (where a checkbox before a label is)."""
    height = word.bottom - word.top
    box = (int(max(0, word.x0 - 2.0 * height)), int(max(0, word.top - 0.5 * height)),
           int(max(0, word.x0 - 0.2 * height)), int(min(image.height, word.bottom + 0.3 * height)))
    if box[2] - box[0] < 4 or box[3] - box[1] < 4:
        return 0.0
    return float((np.asarray(image.crop(box), dtype=np.uint8) < 128).mean())


def checked_by_ink(inks: list[float]) -> int | None:
    """Which of several boxes (their ink, `ink_left_of`) is the one checked: the only one well above the others'
    median; None when none or more than one stands out (then the page's ink cannot say)."""
    if len(inks) < 3:
        return None
    median = float(np.median(inks))
    standing = [n for n, ink in enumerate(inks) if ink >= CHECKED_INK_RATIO * median and ink - median >= 0.05]
    return standing[0] if len(standing) == 1 else None


def ocr_again(soft: Image.Image, page: int) -> list[Line]:
    """The page read again another way, for a part the first reading lost (a counts table, a caption): the soft page
    (its thin strokes kept) binarised at its own Otsu threshold. On the held-out scan 90001 whose first reading ran
    the four rows of its counts table into garble ('UWUSC gs Mba fy and Possession ... 47 2005. Se /'), this reading
    gave each row its citation, date and label ('18 U.S.C. § 1956(h) ... 9/19/2006 3s'); a two-tone page also reads
    in about a third of the time."""
    threshold = _otsu(np.asarray(soft, dtype=np.float32))
    binary = soft.point(lambda v: 255 if v > threshold else 0)
    return group_lines(_second_looks(binary, words_of(binary)), page)
