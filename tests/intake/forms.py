"""Render judgments (AO 245B, AO 245C and district variants) and BOP computation sheets from a case, for tests.

The layouts follow the public forms' structure (sheet headings, caption with the ')' column, the counts table
'Title & Section | Nature of Offense | Offense Ended | Count', checkboxes, the ECF stamp) and the BOP's fixed-width
"Sentence Monitoring Computation Data" screen. Values come from generated cases, so the right answer is known.
Nothing here is a real person's record.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = letter


@dataclass(frozen=True)
class Variant:
    """One revision or district template of the judgment form."""

    name: str
    header: str  # e.g. "AO 245B (Rev. 09/19)"
    title: str = "Judgment in a Criminal Case"
    imposition_label: str = "Date of Imposition of Judgment"
    old_wording: bool = False  # Rev. 06/05: "the defendant shall be on supervised release"
    date_style: str = "numeric"  # numeric 4/20/2009, long April 20, 2009
    ecf_stamp: bool = False
    count_words: bool = False  # "Count One" in the imprisonment text
    term_style: str = "words"  # words: "TWO HUNDRED FIFTY (250) MONTHS"; digits: "250 months"
    font: str = "Times-Roman"
    bold: str = "Times-Bold"


VARIANTS = [
    Variant("ao245b_0919", "AO 245B (Rev. 09/19)", ecf_stamp=True),
    Variant("ao245b_0605", "AO 245B (Rev. 06/05)", old_wording=True, date_style="numeric", term_style="digits"),
    Variant("ao245b_1125", "AO 245B (Rev. 11/25)", date_style="long", count_words=True),
    Variant("gas245b", "GAS 245B (Rev. 09/19)", date_style="long", ecf_stamp=True, term_style="digits"),
    Variant("casd", "AO 245B (CASD Rev. 1/19)", imposition_label="Date of Imposition of Sentence",
            term_style="digits", font="Helvetica", bold="Helvetica-Bold"),
    Variant("ao245bc", "AO 245 B&C (Rev. 09/19)", old_wording=True, ecf_stamp=True),
]
AMENDED = Variant("ao245c_0919", "AO 245C (Rev. 09/19)", title="Amended Judgment in a Criminal Case",
                  ecf_stamp=True)
BY_NAME = {v.name: v for v in [*VARIANTS, AMENDED]}

AMENDMENT_REASONS = [
    "Correction of Sentence on Remand (18 U.S.C. 3742(f)(1) and (2))",
    "Reduction of Sentence for Changed Circumstances (Fed. R. Crim. P. 35(b))",
    "Correction of Sentence by Sentencing Court (Fed. R. Crim. P. 35(a))",
    "Correction of Sentence for Clerical Mistake (Fed. R. Crim. P. 36)",
    "Modification of Supervision Conditions (18 U.S.C. §§ 3563(c) or 3583(e))",
    "Modification of Imposed Term of Imprisonment for Extraordinary and Compelling Reasons "
    "(18 U.S.C. § 3582(c)(1))",
    "Modification of Imposed Term of Imprisonment for Retroactive Amendment(s) to the Sentencing Guidelines "
    "(18 U.S.C. § 3582(c)(2))",
    "Direct Motion to District Court Pursuant to 28 U.S.C. § 2255",
]

_ONES = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
         "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN"]
_TENS = ["", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]
_COUNT_WORDS = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]


def number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    rest = n % 100
    return _ONES[n // 100] + " HUNDRED" + ("" if rest == 0 else " " + number_words(rest))


def us_date(value: str, style: str = "numeric") -> str:
    day = date.fromisoformat(value)
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    return f"{day.month}/{day.day}/{day.year}"


def _term(months: int | None, days: int | None, life: bool | None, style: str) -> str:
    if life:
        return "LIFE" if style == "words" else "life"
    text = f"{number_words(months or 0)} ({months}) MONTHS" if style == "words" else f"{months} months"
    if days:
        text += f" AND {number_words(days)} ({days}) DAY" if style == "words" else f" and {days} day"
        text += "S" if days > 1 and style == "words" else ("s" if days > 1 else "")
    return text


def _label(label: str, words: bool) -> str:
    digits = label.rstrip("s")
    if words and digits.isdigit() and int(digits) < len(_COUNT_WORDS) and digits == label:
        return _COUNT_WORDS[int(digits)]
    return label


def _join(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def imprisonment_text(judgment: dict[str, Any], variant: Variant) -> str:
    """The term as a judgment states it: a total, then what it consists of and how the terms run."""
    counts = judgment["counts"]
    style = variant.term_style
    total = _term(judgment.get("total_months"), judgment.get("total_days"), judgment.get("total_life"), style)
    if len(counts) == 1:
        text = f"{total}."
    else:
        parts = []
        for count in counts:
            label = _label(count["count"], variant.count_words)
            part = f"{_term(count.get('months'), count.get('days'), count.get('life'), style)} on Count {label}"
            if count.get("consecutive_to"):
                targets = [_label(t, variant.count_words) for t in count["consecutive_to"]]
                part += f", to run consecutively to the term imposed on Count{'s' if len(targets) > 1 else ''} " \
                        f"{_join(targets)}"
            parts.append(part)
        others = [c for c in counts if not c.get("consecutive_to")]
        tail = ", all such terms to run concurrently" if len(others) == len(counts) else \
            (", the terms on Counts " + _join([_label(c["count"], variant.count_words) for c in others])
             + " to run concurrently" if len(others) > 1 else "")
        text = f"{total}. This term consists of " + "; ".join(parts) + tail + "."
    if judgment.get("relation") == "consecutive":
        text += " This term shall run consecutively to any term of imprisonment previously imposed."
    elif judgment.get("relation") == "concurrent":
        text += " This term shall run concurrently with the undischarged term of imprisonment previously imposed."
    return text


def supervised_text(months: int, variant: Variant) -> str:
    if months % 12 == 0:
        years = months // 12
        amount = f"{number_words(years)} ({years}) YEARS" if variant.term_style == "words" else f"{years} years"
        if years == 1:
            amount = amount.replace("YEARS", "YEAR").replace("years", "year")
    else:
        amount = _term(months, None, None, variant.term_style)
    return amount


class Page:
    """A reportlab page with a cursor measured from the top."""

    def __init__(self, canvas: Canvas, variant: Variant) -> None:
        self.c = canvas
        self.v = variant

    def text(self, x: float, top: float, s: str, size: float = 10, bold: bool = False, right: bool = False,
             center: bool = False, font: str | None = None) -> None:
        self.c.setFont(font or (self.v.bold if bold else self.v.font), size)
        y = HEIGHT - top
        if right:
            self.c.drawRightString(x, y, s)
        elif center:
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def para(self, x: float, top: float, width: float, s: str, size: float = 10, leading: float = 12,
             bold: bool = False) -> float:
        font = self.v.bold if bold else self.v.font
        lines = simpleSplit(s, font, size, width)
        for n, line in enumerate(lines):
            self.text(x, top + n * leading, line, size, bold)
        return top + len(lines) * leading

    def box(self, x: float, top: float, checked: bool) -> None:
        self.c.rect(x, HEIGHT - top - 1.5, 8, 8)
        if checked:
            self.text(x + 1.2, top, "X", 9, font="Helvetica-Bold")

    def rule(self, x0: float, x1: float, top: float) -> None:
        self.c.line(x0, HEIGHT - top, x1, HEIGHT - top)


@dataclass
class JudgmentDoc:
    """What a judgment shows: the case's values plus the details a form prints."""

    district_name: str
    docket: str
    name: str
    register_number: str | None
    judge: str
    judgment: dict[str, Any]
    attorney: str = "Jane Q. Lawyer"
    extra: dict[str, Any] = field(default_factory=dict)


def _header(p: Page, doc: JudgmentDoc, sheet: str, page_no: int, pages: int) -> float:
    v = p.v
    if page_no > 1:
        page_no += doc.extra.get("page_offset", 0)
    if v.ecf_stamp:
        filed = us_date(doc.judgment["imposed_on"]) if not doc.judgment.get("amended_on") else \
            us_date(doc.judgment["amended_on"])
        p.text(WIDTH / 2, 22, f"Case {doc.extra.get('ecf_docket', doc.docket)}   Document {doc.extra.get('ecf', 88)}"
               f"   Filed {filed}   Page {page_no} of {pages}", 8, center=True, font="Helvetica")
    p.text(54, 44, f"{v.header}  {v.title}", 8)
    p.text(54, 54, sheet, 8)
    if page_no > 1:
        p.text(WIDTH - 54, 70, f"Judgment \u2014 Page {page_no} of {pages}", 9, right=True)
        p.text(54, 92, f"DEFENDANT: {doc.name.upper()}", 9)
        p.text(54, 104, f"CASE NUMBER: {doc.docket}", 9)
        return 130
    return 70


def _counts_table(p: Page, counts: list[dict[str, Any]], top: float) -> float:
    cols = (54, 170, 420, 520)
    widths = (110, 240, 90, 40)
    for x, label in zip(cols, ("Title & Section", "Nature of Offense", "Offense Ended", "Count"), strict=True):
        p.text(x, top, label, 9, bold=True)
        p.rule(x, x + p.c.stringWidth(label, p.v.bold, 9), top + 2)
    top += 16
    for count in counts:
        cells = [count.get("statute") or "", count.get("nature_of_offense") or "",
                 us_date(count["offense_ended"]) if count.get("offense_ended") else "", count.get("count") or ""]
        lines = [simpleSplit(cell, p.v.font, 9, w) for cell, w in zip(cells, widths, strict=True)]
        for x, cell_lines in zip(cols, lines, strict=True):
            for n, line in enumerate(cell_lines):
                p.text(x, top + n * 11, line, 9)
        top += 11 * max(len(cell_lines) for cell_lines in lines) + 6
    return top


def _caption(p: Page, doc: JudgmentDoc, amended: bool) -> float:
    p.text(WIDTH / 2, 96, "UNITED STATES DISTRICT COURT", 13, bold=True, center=True)
    p.text(WIDTH / 2, 112, doc.district_name, 11, center=True)
    top = 140
    left = ["UNITED STATES OF AMERICA", "v.", doc.name.upper(), ""]
    right = ["AMENDED JUDGMENT IN A CRIMINAL CASE" if amended else "JUDGMENT IN A CRIMINAL CASE", "",
             f"Case Number: {doc.docket}"]
    right.append(f"USM Number: {doc.register_number}" if doc.register_number else "USM Number:")
    if amended:
        right += ["", f"Date of Original Judgment: {us_date(doc.judgment['imposed_on'], p.v.date_style)}",
                  "(Or Date of Last Amended Judgment)"]
    right += ["", doc.attorney, "Defendant's Attorney"]
    for n in range(max(len(left), len(right))):
        y = top + n * 13
        if n < len(left):
            p.text(90 if left[n] != "v." else 150, y, left[n], 10, bold=n == 0)
        p.text(300, y, ")", 10)
        if n < len(right):
            p.text(320, y, right[n], 10, bold=n == 0)
    return top + 13 * max(len(left), len(right)) + 8


def _amendment(p: Page, doc: JudgmentDoc, top: float) -> float:
    p.text(54, top, "Reason for Amendment:", 9, bold=True)
    top += 14
    chosen = doc.judgment.get("amendment_reason")
    half = (len(AMENDMENT_REASONS) + 1) // 2
    bottom = top
    for column, reasons in enumerate((AMENDMENT_REASONS[:half], AMENDMENT_REASONS[half:])):
        y = top
        x = 54 if column == 0 else 320
        for reason in reasons:
            p.box(x, y, reason == chosen)
            y = p.para(x + 12, y, 240, reason, 7.5, 9) + 2
        bottom = max(bottom, y)
    return bottom + 6


def _page_one(p: Page, doc: JudgmentDoc, pages: int) -> None:
    v = p.v
    j = doc.judgment
    amended = bool(j.get("amended_on"))
    _header(p, doc, "Sheet 1", 1, pages)
    top = _caption(p, doc, amended)
    if amended:
        top = _amendment(p, doc, top)
    labels = [c["count"] for c in j["counts"]]
    p.text(54, top, "THE DEFENDANT:", 10, bold=True)
    top += 14
    plea = doc.extra.get("plea", "guilty")
    for key, text in (("guilty", "pleaded guilty to count(s)"), ("nolo", "pleaded nolo contendere to count(s)"),
                      ("trial", "was found guilty on count(s)")):
        p.box(60, top, plea == key)
        p.text(74, top, text + (f"  {', '.join(labels)}" if plea == key else ""), 9)
        top += 12
    p.text(74, top, "after a plea of not guilty.", 9)
    top += 16
    p.text(54, top, "The defendant is adjudicated guilty of these offenses:", 9)
    split = doc.extra.get("sheet_1a_from")
    top = _counts_table(p, j["counts"][:split], top + 16)
    top = p.para(54, top + 4, 500, f"The defendant is sentenced as provided in pages 2 through {pages} of this "
                 "judgment. The sentence is imposed pursuant to the Sentencing Reform Act of 1984.", 9, 11) + 6
    p.box(60, top, False)
    p.text(74, top, "The defendant has been found not guilty on count(s)", 9)
    top += 13
    dismissed = j.get("counts_dismissed")
    p.box(60, top, bool(dismissed))
    p.text(74, top, f"Count(s)  {_join(dismissed) if dismissed else ''}", 9)
    p.box(260, top, bool(dismissed) and len(dismissed) == 1)
    p.text(272, top, "is", 9)
    p.box(290, top, bool(dismissed) and len(dismissed) > 1)
    p.text(302, top, "are dismissed on the motion of the United States.", 9)
    top = p.para(54, top + 18, 500, "It is ordered that the defendant must notify the United States attorney for "
                 "this district within 30 days of any change of name, residence, or mailing address until all fines, "
                 "restitution, costs, and special assessments imposed by this judgment are fully paid.", 8, 10) + 18
    when = j["amended_on"] if amended else j["imposed_on"]
    p.text(330, top, us_date(when, v.date_style), 10)
    p.rule(320, WIDTH - 54, top + 3)
    p.text(320, top + 13, v.imposition_label, 8)
    p.text(330, top + 40, "/s/ " + doc.judge, 11, font="Times-Italic")
    p.rule(320, WIDTH - 54, top + 43)
    p.text(320, top + 53, "Signature of Judge", 8)
    p.text(330, top + 75, f"{doc.judge}, United States District Judge", 10)
    p.rule(320, WIDTH - 54, top + 78)
    p.text(320, top + 88, "Name and Title of Judge", 8)
    signed = date.fromisoformat(when) + timedelta(days=doc.extra.get("signed_after", 3))
    p.text(330, top + 108, us_date(signed.isoformat(), v.date_style), 10)
    p.rule(320, WIDTH - 54, top + 111)
    p.text(320, top + 121, "Date", 8)


def _page_additional_counts(p: Page, doc: JudgmentDoc, pages: int) -> None:
    """Sheet 1A: the counts that did not fit on the first sheet, under the table's header again."""
    offset = doc.extra.pop("page_offset", 0)
    top = _header(p, doc, "Sheet 1A", 2, pages)  # the second page; the sheets after it are one page later
    doc.extra["page_offset"] = offset
    p.text(WIDTH / 2, top, "ADDITIONAL COUNTS OF CONVICTION", 11, bold=True, center=True)
    _counts_table(p, doc.judgment["counts"][doc.extra["sheet_1a_from"]:], top + 24)


def _page_imprisonment(p: Page, doc: JudgmentDoc, pages: int) -> None:
    top = _header(p, doc, "Sheet 2 \u2014 Imprisonment", 2, pages)
    p.text(WIDTH / 2, top, "IMPRISONMENT", 11, bold=True, center=True)
    bureau = "United States Bureau of Prisons" if p.v.old_wording else "Federal Bureau of Prisons"
    top = p.para(54, top + 20, 500, f"The defendant is hereby committed to the custody of the {bureau} to be "
                 "imprisoned for a total term of:", 10, 12)
    printed = doc.extra.get("printed_term") or imprisonment_text(doc.judgment, p.v)
    start = top + 6
    top = p.para(72, start, 480, printed, 10, 12) + 10
    if doc.extra.get("handwritten_term"):  # the printed term struck through, the new one written beside it
        for y in range(int(start), int(top - 10), 12):
            p.c.line(70, HEIGHT - y + 3.5, 552, HEIGHT - y + 3.5)
        picture = handwriting(doc.extra["handwritten_term"])
        p.c.drawInlineImage(picture, 300, HEIGHT - top - 34, width=picture.width * 0.24, height=picture.height * 0.24)
        top += 40
    p.box(60, top, True)
    top = p.para(74, top, 470, "The court makes the following recommendations to the Bureau of Prisons: that the "
                 "defendant be designated to a facility as close to his home as possible and that he participate in "
                 "the Residential Drug Abuse Program.", 9, 11) + 6
    p.box(60, top, True)
    p.text(74, top, "The defendant is remanded to the custody of the United States Marshal.", 9)
    top += 13
    p.box(60, top, False)
    p.text(74, top, "The defendant shall surrender to the United States Marshal for this district:", 9)
    top += 30
    p.text(WIDTH / 2, top, "RETURN", 11, bold=True, center=True)
    p.text(54, top + 20, "I have executed this judgment as follows:", 9)
    p.text(54, top + 80, "Defendant delivered on ________________ to ______________________________", 9)
    p.text(54, top + 100, "at ______________________, with a certified copy of this judgment.", 9)
    p.text(WIDTH - 54, top + 140, "UNITED STATES MARSHAL", 9, right=True)


def _page_supervision(p: Page, doc: JudgmentDoc, pages: int) -> None:
    top = _header(p, doc, "Sheet 3 \u2014 Supervised Release", 3, pages)
    p.text(WIDTH / 2, top, "SUPERVISED RELEASE", 11, bold=True, center=True)
    months = doc.judgment.get("supervised_release_months")
    who = "the defendant shall be" if p.v.old_wording else "you will be"
    text = f"Upon release from imprisonment, {who} on supervised release for a term of: " + \
        (supervised_text(months, p.v) + "." if months else "")
    top = p.para(54, top + 20, 500, text, 10, 12) + 14
    p.text(WIDTH / 2, top, "MANDATORY CONDITIONS", 10, bold=True, center=True)
    top += 16
    for n, cond in enumerate(["You must not commit another federal, state or local crime.",
                              "You must not unlawfully possess a controlled substance.",
                              "You must refrain from any unlawful use of a controlled substance. You must submit to "
                              "one drug test within 15 days of release from imprisonment and at least two periodic "
                              "drug tests thereafter, as determined by the court.",
                              "You must cooperate in the collection of DNA as directed by the probation officer."],
                             start=1):
        top = p.para(72, top, 470, f"{n}.  {cond}", 9, 11) + 4


def _page_penalties(p: Page, doc: JudgmentDoc, pages: int) -> None:
    top = _header(p, doc, "Sheet 5 \u2014 Criminal Monetary Penalties", pages, pages)
    p.text(WIDTH / 2, top, "CRIMINAL MONETARY PENALTIES", 11, bold=True, center=True)
    top = p.para(54, top + 20, 500, "The defendant must pay the total criminal monetary penalties under the schedule "
                 "of payments on Sheet 6.", 9, 11) + 8
    assessment = 100 * len(doc.judgment["counts"])
    for x, label in zip((70, 160, 250, 340, 440), ("Assessment", "Restitution", "Fine", "AVAA Assessment*",
                                                    "JVTA Assessment**"), strict=True):
        p.text(x, top, label, 9, bold=True)
    p.text(54, top + 14, "TOTALS", 9, bold=True)
    for x, value in zip((70, 160, 250, 340, 440), (f"$ {assessment}.00", "$ 0.00", "$ 0.00", "$", "$"), strict=True):
        p.text(x, top + 14, value, 9)


def handwriting(text: str) -> Image.Image:
    """Text as a pen would write it: a slanted hand, uneven baseline, thick strokes (a picture, no text layer)."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf", 64)
    image = Image.new("L", (int(font.getlength(text)) + 60, 120), 255)
    ImageDraw.Draw(image).text((30, 20), text, font=font, fill=0)
    a = np.asarray(image)
    waved = np.full_like(a, 255)
    for x in range(a.shape[1]):
        waved[:, x] = np.roll(a[:, x], int(6 * math.sin(x / 37.0)))
    return Image.fromarray(waved).filter(ImageFilter.MinFilter(3)).rotate(3, fillcolor=255)


def judgment_pdf(doc: JudgmentDoc, variant: Variant) -> bytes:
    """A judgment of three or four pages: the caption and counts, imprisonment, supervised release, penalties
    (and Sheet 1A, more counts, when `extra['sheet_1a_from']` says where the first sheet's table stops)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter, invariant=1, pageCompression=0)
    sheets = [_page_one, _page_imprisonment, _page_supervision, _page_penalties]
    if not doc.extra.get("penalties_page", True):
        sheets.pop()
    if doc.extra.get("sheet_1a_from"):
        sheets.insert(1, _page_additional_counts)
        doc.extra["page_offset"] = 1
    for page in sheets:
        page(Page(canvas, variant), doc, len(sheets))
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def without_character_maps(pdf: bytes) -> bytes:
    """The same pages with a text layer whose character map is lost: each glyph is there, but maps to the wrong
    character (every letter and digit shifted by one: 'Judgment' reads 'Kvehnfou', as a subset font with a broken
    encoding gives). The page itself looks as before; only OCR reads it right."""
    import pypdfium2

    from reprieve.intake.pages import text_layer_words

    source = pypdfium2.PdfDocument(pdf)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter, invariant=1)
    shift = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                          "bcdefghijklmnopqrstuvwxyzaBCDEFGHIJKLMNOPQRSTUVWXYZA1234567890")
    for page in source:
        words = text_layer_words(page, HEIGHT)
        image = page.render(scale=200 / 72, grayscale=True).to_pil()
        canvas.drawInlineImage(image, 0, 0, width=WIDTH, height=HEIGHT)
        text = canvas.beginText()
        text.setTextRenderMode(3)  # invisible, like the text layer over a scan
        for word in words:
            text.setFont("Times-Roman", max(4.0, (word.bottom - word.top) * 0.8))
            text.setTextOrigin(word.x0, HEIGHT - word.bottom + 2)
            text.textOut(word.text.translate(shift))
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    source.close()
    return out.getvalue()


# --- the BOP's Sentence Monitoring Computation Data ----------------------------------------------------------------

def _bop_date(value: str | None) -> str:
    if not value:
        return "N/A"
    day = date.fromisoformat(value)
    return f"{day.month:02d}-{day.day:02d}-{day.year}"


def _dotted(label: str, value: str, width: int = 32) -> str:
    return f"{label}{'.' * max(width - len(label), 1)}: {value}"


def bop_sheet_lines(sheet: dict[str, Any]) -> list[list[str]]:
    """The screen's pages as fixed-width lines (labels as commonly printed; see documents-and-users.md 1.2)."""
    bop = sheet["bop"]
    as_of = _bop_date(bop["sheet_as_of"])
    name = sheet["name"]
    last, _, first = name.rpartition(" ")[2], None, " ".join(name.split()[:-1])
    who = f"{last.upper()}, {first.upper()}"

    def head(n: int, of: int) -> list[str]:
        return [f"  {sheet.get('facility', 'BSY')}   *         SENTENCE MONITORING          *       {as_of}",
                f"PAGE {n:03d} OF {of:03d} *      COMPUTATION DATA          *       08:49:11",
                f"                *       AS OF {as_of}         *", "",
                f"REGNO..: {sheet['register_number']} NAME: {who}", ""]

    one = [*head(1, 2),
        "FBI NO...........: 123456AB7        DATE OF BIRTH: 01-01-1970   AGE:      55",
        "ARS1.............: BSY A-DES",
        "UNIT.............: A UNIT           QUARTERS.....: A01-001L",
        "DETAINERS........: NO               NOTIFICATIONS: NO", "",
        f"FSA ELIGIBILITY STATUS IS: {sheet.get('fsa_status', 'ELIGIBLE')}",
        "THE FOLLOWING SENTENCE DATA IS FOR THE INMATE'S CURRENT COMMITMENT.",
        f"HOME DETENTION ELIGIBILITY DATE: {_bop_date(bop.get('home_detention_date'))}", "",
        f"THE INMATE IS PROJECTED FOR RELEASE: {_bop_date(bop['projected_release_date'])} VIA "
        f"{bop['release_method']}", "",
        "----------------------CURRENT JUDGMENT/WARRANT NO: 010 ------------------------", "",
        _dotted("COURT OF JURISDICTION", sheet["court_of_jurisdiction"]),
        _dotted("DOCKET NUMBER", sheet["docket"]),
        _dotted("JUDGE", sheet["judge"].split()[-1].upper()),
        _dotted("DATE SENTENCED/PROBATION IMPOSED", _bop_date(sheet["imposed_on"])),
        _dotted("DATE COMMITTED", _bop_date(bop["computation_began_on"])),
        _dotted("HOW COMMITTED", "US DISTRICT COURT COMMITMENT"),
        _dotted("PROBATION IMPOSED", "NO"), "",
        "                 FELONY ASSESS  MISDMNR ASSESS  FINES         COSTS",
        "NON-COMMITTED.:  $200.00        $00.00          $00.00        $00.00", "",
        "RESTITUTION...: PROPERTY: NO    SERVICES: NO    AMOUNT: $00.00", ""]
    for n, ob in enumerate(sheet["obligations"], start=1):
        one += [f"-------------------------CURRENT OBLIGATION NO: {n:03d}0 ---------------------------",
                f"OFFENSE CODE....: {ob['code']}",
                f"OFF/CHG: {ob['offense']}", "",
                _dotted(" SENTENCE PROCEDURE", "3559 PLRA SENTENCE", 32),
                _dotted(" SENTENCE IMPOSED/TIME TO SERVE.", f"    {ob['months']} MONTHS", 32),
                _dotted(" TERM OF SUPERVISION", f" {ob['supervision']}", 32),
                _dotted(" DATE OF OFFENSE", _bop_date(ob["offense_date"]), 32), ""]
    one.append("G0002       MORE PAGES TO FOLLOW . . .")
    credits = sheet.get("jail_credit_periods") or []
    years, months = divmod(sheet["total_months"], 12)
    two = [*head(2, 2),
        "-------------------------CURRENT COMPUTATION NO: 010 --------------------------", "",
        f"COMPUTATION 010 WAS LAST UPDATED ON {as_of} AT DSC AUTOMATICALLY",
        f"COMPUTATION CERTIFIED ON {_bop_date(bop['computation_began_on'])} BY DESIG/SENTENCE COMPUTATION CTR", "",
        "THE FOLLOWING JUDGMENTS, WARRANTS AND OBLIGATIONS ARE INCLUDED IN",
        "CURRENT COMPUTATION 010: 010 010, 010 020", "",
        _dotted("DATE COMPUTATION BEGAN", _bop_date(bop["computation_began_on"])),
        _dotted("TOTAL TERM IN EFFECT", f"    {sheet['total_months']} MONTHS"),
        _dotted("TOTAL TERM IN EFFECT CONVERTED", f"  {years} YEARS  {months} MONTHS"),
        _dotted("EARLIEST DATE OF OFFENSE", _bop_date(sheet["earliest_offense"])), "",
        _dotted("JAIL CREDIT", "FROM DATE    THRU DATE")]
    two += [" " * 34 + f"{_bop_date(a)}   {_bop_date(b)}" for a, b in credits]
    two += ["",
            _dotted("TOTAL PRIOR CREDIT TIME", str(bop["jail_credit_days"])),
            _dotted("TOTAL INOPERATIVE TIME", "0"),
            _dotted("TOTAL GCT EARNED AND PROJECTED", str(bop["gct_earned_and_projected_days"])),
            _dotted("TOTAL GCT EARNED", str(bop["gct_earned_days"])),
            _dotted("TOTAL GCT DISALLOWED", str(bop.get("gct_disallowed_days", 0))),
            _dotted("TOTAL GCT FORFEITED", str(bop.get("gct_forfeited_days", 0))),
            _dotted("STATUTORY RELEASE DATE PROJECTED", _bop_date(bop["statutory_release_date"])),
            _dotted("ELDERLY OFFENDER TWO THIRDS DATE", "N/A"),
            _dotted("EXPIRATION FULL TERM DATE", _bop_date(bop["full_term_date"]))]
    if bop.get("fsa_credits_days") is not None:
        two.append(_dotted("FSA TIME CREDITS APPLIED", str(bop["fsa_credits_days"])))
    two += [_dotted("TIME SERVED", sheet.get("time_served", " 10 YEARS  4 MONTHS  18 DAYS")),
            _dotted("PERCENTAGE OF FULL TERM SERVED", "61.2"),
            _dotted("PERCENT OF STATUTORY TERM SERVED", "70.3"), "",
            _dotted("PROJECTED SATISFACTION DATE", _bop_date(bop["projected_release_date"])),
            _dotted("PROJECTED SATISFACTION METHOD", bop["release_method"])]
    return [one, two]


def bop_sheet_pdf(sheet: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter, invariant=1, pageCompression=0)
    for lines in bop_sheet_lines(sheet):
        canvas.setFont("Courier", 8.6)
        for n, line in enumerate(lines):
            canvas.drawString(30, HEIGHT - 40 - n * 10.6, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
