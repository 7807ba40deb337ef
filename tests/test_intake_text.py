"""What people hand reprieve as a case file (issue 14): a Word document renamed .yaml, a PDF or a photo, a file
Windows saved as "ANSI", keys spelled the way people spell them. Each gets a message that says what it is and what to
do; Windows-1252 is read when it can be read only one way."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reprieve.cli.main import app
from reprieve.intake import CaseFileError, load_case

CASE = "format: 1\njudgments:\n  - imposed_on: 2010-03-01\n    counts:\n      - count: '1'\n" \
       "        statute: 21 U.S.C. § 846\n        months: 120\n"


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "what"), [
    (_docx_bytes(), "looks like a Word document (.docx), not a case file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "looks like a photo (JPEG)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "looks like an older Microsoft Office file"),
    (b"{\\rtf1\\ansi format: 1}", "looks like a rich-text (RTF) document"),
])
def test_a_file_that_is_not_text_says_what_it_is_and_what_to_do(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["assess", str(path)])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert f"{path}: (file): this {what if what.startswith('looks') else 'looks like ' + what}" in message
    assert "reprieve intake" in message
    assert "Traceback" not in result.output


def test_a_word_document_is_told_to_be_saved_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(_docx_bytes())
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert "save it as plain text" in str(caught.value)


def test_windows_1252_is_read_when_it_decodes_one_way_only(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(CASE.encode("cp1252"))  # "§" is the single byte 0xA7
    assert b"\xa7" in path.read_bytes()
    loaded = load_case(path)
    assert loaded.case.judgments[0].counts[0].statute == "21 U.S.C. § 846"
    assert loaded.warnings[0].path == "(file)"
    assert "read as Windows-1252" in loaded.warnings[0].message and "§" in loaded.warnings[0].message


def test_a_file_mixing_encodings_is_refused_rather_than_guessed(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_bytes(CASE.encode("utf-8") + "person: {name: Jos\xe9}\n".encode("cp1252"))
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert "cannot be read one way only" in str(caught.value)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "case.yaml"
    encoding = "utf-8" if bom == codecs.BOM_UTF8 else "utf-16-le"
    path.write_bytes(bom + CASE.encode(encoding))
    loaded = load_case(path)
    assert loaded.case.judgments[0].counts[0].months == 120 and loaded.warnings == []


@pytest.mark.parametrize(("yaml_text", "path", "hint"), [
    ("judgments:\n  - counts:\n      - sentence: 250\n", "judgments[0].counts[0].sentence", "months"),
    ("judgments:\n  - counts:\n      - statue: 21 U.S.C. § 846\n", "judgments[0].counts[0].statue", "statute"),
    ("person:\n  dob: 1960-02-02\n", "person.dob", "born"),
    ("person:\n  Register Number: 12345-678\n", "person.Register Number", "register_number"),
    ("person:\n  docket: 1:18-cr-00417\n", "person.docket", "court.docket"),
    ("custody:\n  jail_credit: 30\n", "custody.jail_credit", "prior_custody_days"),
])
def test_an_unknown_key_warns_with_the_key_it_likely_meant(tmp_path: Path, yaml_text: str, path: str,
                                                           hint: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\n" + yaml_text)
    warnings = load_case(case).warnings
    assert [(w.path, w.message) for w in warnings] == [
        (path, f"unknown key (kept, not used); did you mean '{hint}'?")]


def test_an_unknown_key_with_nothing_close_says_only_that_it_is_unknown(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\nperson:\n  favourite_colour: red\n")
    assert [w.message for w in load_case(case).warnings] == ["unknown key (kept, not used)"]


def test_on_and_yes_read_as_a_person_writes_them(tmp_path: Path) -> None:
    """YAML 1.1 reads a bare `on` as true: the risk assessment's key `on` stays a key, and `yes` is still true."""
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\ncustody:\n  continuous_since_arrest: yes\n  fsa:\n    risk_levels:\n"
                    "      - on: 2023-01-01\n        level: low\n")
    loaded = load_case(case)
    assert loaded.warnings == []
    assert loaded.case.custody.continuous_since_arrest is True
    assert str(loaded.case.custody.fsa.risk_levels[0].on) == "2023-01-01"  # type: ignore[union-attr]
