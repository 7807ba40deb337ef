"""Uploads: exhibits (judgment, BOP sheet, medical records, letters) and case files to import. Sizes are capped
and the type is read from the file's first bytes, not from its name."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import yaml
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.txt,.docx"
MAX_CASE_FILES = 500


class UploadError(ValueError):
    pass


@dataclass
class Checked:
    file: UploadedFile
    name: str
    content_type: str
    size: int


def max_mb() -> int:
    return int(settings.UPLOAD_MAX_BYTES // (1024 * 1024))


def sniff(head: bytes, name: str) -> str | None:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "image/heic"
    if head.startswith(b"PK\x03\x04") and name.lower().endswith(".docx"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if name.lower().endswith(".txt"):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "text/plain"
    return None


def check(upload: UploadedFile | None) -> Checked:
    if upload is None or not upload.size:
        raise UploadError(_("Choose a file first."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise UploadError(_("This file is too big. The limit is %(mb)s MB.") % {"mb": max_mb()})
    head = upload.read(2048)
    upload.seek(0)
    name = get_valid_filename(PurePosixPath(upload.name or "file").name)[:150] or "file"
    content_type = sniff(head, name)
    if content_type is None:
        raise UploadError(_("This kind of file cannot be added. Use a PDF, a photo (JPEG, PNG, HEIC), a Word "
                            "document or a text file."))
    return Checked(upload, name, content_type, upload.size)


def case_files(upload: UploadedFile | None) -> list[tuple[str, str]]:
    """(name, text) of each case file in an upload: one YAML or JSON file, or a zip of them."""
    if upload is None or not upload.size:
        raise UploadError(_("Choose a file first."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise UploadError(_("This file is too big. The limit is %(mb)s MB.") % {"mb": max_mb()})
    raw = upload.read()
    name = upload.name or "case.yaml"
    if raw.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
        except zipfile.BadZipFile:
            raise UploadError(_("This zip file cannot be opened.")) from None
        members = [m for m in archive.infolist() if not m.is_dir()
                   and m.filename.lower().endswith((".yaml", ".yml", ".json"))
                   and not PurePosixPath(m.filename).name.startswith(".")]
        if not members:
            raise UploadError(_("The zip file holds no case file (.yaml or .json)."))
        if len(members) > MAX_CASE_FILES or sum(m.file_size for m in members) > 10 * settings.UPLOAD_MAX_BYTES:
            raise UploadError(_("The zip file is too big."))
        return [(m.filename, _decode(m.filename, archive.read(m))) for m in members]
    return [(name, _decode(name, raw))]


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError(_("%(name)s: this is not a text case file (.yaml or .json).") % {"name": name}) from None


def parse_case_text(name: str, text: str) -> Any:
    try:
        data = json.loads(text) if name.lower().endswith(".json") else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError):
        raise UploadError(_("%(name)s: this file cannot be read as YAML or JSON.") % {"name": name}) from None
    if not isinstance(data, dict):
        raise UploadError(_("%(name)s: a case file is a list of keys and values.") % {"name": name})
    return _dates_as_text(data)


def _dates_as_text(node: Any) -> Any:
    """YAML reads 2009-03-02 as a date; the case file keeps dates as text (the engine reads partial dates)."""
    from datetime import date

    if isinstance(node, dict):
        return {k: _dates_as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(v) for v in node]
    if isinstance(node, date):
        return node.isoformat()
    return node
