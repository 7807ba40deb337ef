"""Read a case file's bytes as text, or say plainly what the file is instead.

A case file is plain text. People hand reprieve other things with a .yaml name: a Word document, a PDF or a photo of
the judgment, a file Windows saved as "ANSI". Each gets a message saying what it looks like and what to do. Text that
is not UTF-8 is read as Windows-1252 only when that is the one sensible reading (no byte undefined in Windows-1252,
and no UTF-8 sequence in it that would make the file a mix of encodings), with a warning.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass

SAVE_AS_TEXT = "save it as plain text (UTF-8) with a .yaml name"
INTAKE = "or use `reprieve intake` to read a judgment or the BOP's computation sheet into a case file"

# (leading bytes, what the file is, what to do)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF", f"a case file is plain text: {INTAKE}, or type the facts into `reprieve new`'s template"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Microsoft Office file (Word .doc or Excel .xls)",
     f"{SAVE_AS_TEXT} (in Word: File > Save As > Plain Text), {INTAKE}"),
    (b"{\\rtf", "a rich-text (RTF) document from Word or WordPad",
     f"{SAVE_AS_TEXT} (in WordPad: Save as > Plain text document), {INTAKE}"),
    (b"\x89PNG", "a picture (PNG)", f"a case file is plain text: {INTAKE}"),
    (b"\xff\xd8\xff", "a photo (JPEG)", f"a case file is plain text: {INTAKE}"),
    (b"GIF8", "a picture (GIF)", f"a case file is plain text: {INTAKE}"),
    (b"II*\x00", "a scanned image (TIFF)", f"a case file is plain text: {INTAKE}"),
    (b"MM\x00*", "a scanned image (TIFF)", f"a case file is plain text: {INTAKE}"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class NotText(ValueError):
    """The bytes are not a text file reprieve can read; the message says what they look like and what to do."""


@dataclass(frozen=True)
class Text:
    text: str
    warning: str | None = None  # e.g. read as Windows-1252


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return "a ZIP archive"
    if "word/document.xml" in names:
        return "a Word document (.docx)"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook (.xlsx)"
    if "content.xml" in names:
        return "an OpenDocument file (LibreOffice or Google Docs export)"
    return "a ZIP archive"


def what_it_is(data: bytes) -> tuple[str, str] | None:
    """(what the bytes look like, what to do), or None when they may be text."""
    if data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind == "a ZIP archive":
            return kind, f"unzip it first; a case file is plain text: {INTAKE}"
        return kind, f"{SAVE_AS_TEXT} (in Word: File > Save As > Plain Text), {INTAKE}"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a photo (HEIC)", f"a case file is plain text: {INTAKE}"
    for lead, kind, todo in _SIGNATURES:
        if data.startswith(lead):
            return kind, todo
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "not a text file", f"{SAVE_AS_TEXT}, {INTAKE}"
    return None


def decode(data: bytes) -> Text:
    """The text of a case file: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
    unambiguous Windows-1252. Raises NotText with what to do otherwise."""
    found = what_it_is(data)
    if found is not None:
        kind, todo = found
        raise NotText(f"this looks like {kind}, not a case file: {todo}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise NotText(f"is not readable text (a broken UTF-16 file): {SAVE_AS_TEXT}") from None
    try:
        return Text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        position = exc.start
    if any(b in _CP1252_UNDEFINED for b in data) or _UTF8_SEQUENCE.search(data):
        line = data[:position].count(b"\n") + 1
        raise NotText(f"is not UTF-8 text (line {line}), and it cannot be read one way only (it mixes encodings, or "
                      "holds bytes no common encoding explains): open it in a text editor and save it as plain text "
                      "in UTF-8")
    text = data.decode("cp1252")
    odd = sorted({ch for ch in text if ord(ch) > 127})
    return Text(text, "is not UTF-8: read as Windows-1252 ('ANSI'), which gives " + " ".join(odd)
                + "; check them, and save the file as UTF-8 to be sure")
