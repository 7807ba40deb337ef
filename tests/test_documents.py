"""The filing packet, read back the way a clerk or a person would read it: every document for the example case and
three contrasting synthetic cases is rendered to DOCX and PDF, its text extracted, and checked for the facts, dates
and citations that must be there (from the case file and the statute) and for the closed grounds that must not.

The expected dates are the case file's own dates and the statute's arithmetic (18 U.S.C. § 3582(c)(1)(A): 30 days
after the warden's receipt), never values reprieve produced.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pytest
import textstat
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reprieve.cli.main import app
from reprieve.documents.draft import KINDS, draft, write
from reprieve.documents.model import Document
from reprieve.documents.redact import Redactor
from reprieve.documents.render import render, to_text
from reprieve.documents.summary import TRULINCS_LIMIT
from reprieve.intake import load_case
from reprieve.law.authorities import cited_in, unknown

ROOT = Path(__file__).parent.parent
CASES = Path(__file__).parent / "documents_cases"
TODAY = date(2026, 11, 29)
NOTES_FOOTER = "Notes for you - not part of the filing"
# What the person files or sends; the lawyer's memo reports every finding, the closed ones too.
FILINGS = ("warden-request", "motion", "ao250", "exhibits", "summary")


@dataclass(frozen=True)
class Extracted:
    body: str
    notes: str
    pages: int = 0


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2010", "-")).strip()


def docx_text(data: bytes) -> Extracted:
    """Body and notes of a DOCX: the notes are the first section (ended by a section break) when present."""
    document = docx.Document(io.BytesIO(data))
    sections: list[list[str]] = [[]]
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            sections[-1].append("".join(t.text or "" for t in child.iter(qn("w:t"))))
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                sections.append([])
        elif child.tag == qn("w:tbl"):
            sections[-1].append(" ".join(t.text or "" for t in child.iter(qn("w:t"))))
    footers = " ".join(p.text for s in document.sections for p in s.footer.paragraphs)
    if len(sections) > 1:
        return Extracted(_squash(" ".join(sections[-1]) + " " + footers), _squash(" ".join(sections[0])))
    return Extracted(_squash(" ".join(sections[0]) + " " + footers), "")


def pdf_text(data: bytes) -> Extracted:
    body: list[str] = []
    notes: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (612, 792), "US Letter"
            text = page.extract_text() or ""
            # Table cells wrap side by side; read each cell whole as well as the page's running text.
            cells = [cell or "" for table in page.extract_tables() for row in table for cell in row]
            (notes if NOTES_FOOTER in text else body).append(" ".join([text, *cells]))
        pages = len(pdf.pages)
    return Extracted(_squash(" ".join(body)), _squash(" ".join(notes)), pages)


@dataclass(frozen=True)
class Scenario:
    file: Path
    as_of: date
    present: dict[str, tuple[str, ...]]  # kind ("*" for all) -> strings the body must contain
    absent: tuple[str, ...]  # strings no body may contain
    notes: dict[str, tuple[str, ...]]  # kind -> strings the notes must contain


SCENARIOS = {
    # Terminal illness, S.D.N.Y. (2d Cir.): received 2026-09-22, so the 30 days lapsed 2026-10-22.
    "terminal_illness": Scenario(
        CASES / "terminal_illness.yaml", TODAY,
        present={"*": ("Jordan Test Alvarez", "12345-054"),
                 "motion": ("1:18-cr-00417-ABC", "Southern District of New York", "September 22, 2026",
                            "October 22, 2026", "USSG §1B1.13(b)(1)(A)", "18 U.S.C. § 3582(c)(1)(A)",
                            "18 U.S.C. § 3142(g)", "28 U.S.C. § 1746", "Yonkers, NY", "hospice", "M.T.A.",
                            "metastatic pancreatic cancer", "Page 1 of"),
                 "warden-request": ("FMC Butner", "28 C.F.R. § 571.61", "Date this request was received",
                                    "Medicaid", "terminal medical condition"),
                 "ao250": ("[X] Medical condition", "[ ] Age of the defendant", "September 22, 2026",
                           "No response"),
                 "exhibits": ("medical records", "DOJ-361", "oncology consult"),
                 "memo": ("ELIGIBLE", "18 U.S.C. § 3584(a)", "18 U.S.C. § 3585(b)", "USSG §1B1.13(b)(1)(A)"),
                 "summary": ("terminal illness", "October 22, 2026", "Words to know")},
        absent=("45 Oak Avenue", "123-45-6789", "0012345678", "Maria", "March 14, 1968", "1968-03-14"),
        notes={}),
    # Age 66 with deterioration, E.D. Mich. (6th Cir.): received 2026-10-08 (lapse 2026-11-07), denied 2026-10-27.
    "age_66_deterioration": Scenario(
        CASES / "age_66_deterioration.yaml", TODAY,
        present={"*": ("Robert Test Keller", "23456-039"),
                 "motion": ("Eastern District of Michigan", "October 8, 2026", "November 7, 2026",
                            "October 27, 2026", "USSG §1B1.13(b)(2)", "walker", "Ypsilanti, MI", "Medicare"),
                 "ao250": ("[X] Age of the defendant",),
                 "warden-request": ("elderly with medical conditions",),
                 "exhibits": ("Proof of date of birth",),
                 "summary": ("your age",)},
        absent=("1210 Maple Street", "February 2, 1960", "1960-02-02", "§1B1.13(b)(6)"),
        notes={}),
    # Stacked 924(c) in the 4th Circuit after Rutherford (May 28, 2026): the change-in-law ground is closed;
    # the incapacitated-parent ground (§1B1.13(b)(3)(C)) stands.
    "stacked_924c_after_rutherford": Scenario(
        CASES / "stacked_924c_after_rutherford.yaml", TODAY,
        present={"*": ("Marcus Test Reed", "34567-037"),
                 "motion": ("District of Maryland", "August 5, 2026", "September 4, 2026",
                            "USSG §1B1.13(b)(3)(C)", "Parkinson", "Silver Spring, MD"),
                 "ao250": ("[X] Other reasons", "Incapacitated parent (USSG §1B1.13(b)(3)(C))"),
                 "memo": ("Rutherford", "18 U.S.C. § 924(c)", "§1B1.13(b)(6): NOT ELIGIBLE"),
                 "summary": ("your parent is disabled",)},
        absent=("88 Linden Road", "change in law (", "§1B1.13(b)(6))", "Change in law", "384 months"),
        notes={"motion": ("Rutherford", "§1B1.13(b)(6)"), "warden-request": ("Rutherford",)}),
    # The example case on the eve of its 2023 motion (4th Cir., McCoy): the change-in-law ground is argued.
    "vailes_2023": Scenario(
        ROOT / "examples" / "vailes.yaml", date(2023, 3, 1),
        present={"motion": ("Western District of North Carolina", "3:07-cr-00162", "VALON MARCEL VAILES",
                            "United States v. McCoy, 981 F.3d 271 (4th Cir. 2020)", "180 months", "240 months",
                            "Unusually long sentence and a change in law")},
        absent=("§1B1.13(b)(6)", "USSG §1B1.13(d)"),
        notes={}),
    # The same case today: Rutherford closes the ground; the motion leaves it out and says why.
    "vailes_today": Scenario(
        ROOT / "examples" / "vailes.yaml", TODAY,
        present={"motion": ("Valon Marcel Vailes",)},
        absent=("Unusually long sentence and a change in law", "McCoy"),
        notes={"motion": ("Rutherford v. United States", "Left out")}),
}


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, str], Document]:
    out: dict[tuple[str, str], Document] = {}
    for name, scenario in SCENARIOS.items():
        case = load_case(scenario.file).case
        for kind in KINDS:
            out[name, kind] = draft(kind, case, scenario.as_of)
    return out


@pytest.fixture(scope="module")
def pdfs(drafts: dict[tuple[str, str], Document]) -> dict[tuple[str, str], bytes]:
    return {key: render(doc, "pdf") for key, doc in drafts.items()}


@pytest.fixture(scope="module")
def rendered(drafts: dict[tuple[str, str], Document],
             pdfs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str, str], Extracted]:
    out: dict[tuple[str, str, str], Extracted] = {}
    for (name, kind), doc in drafts.items():
        out[name, kind, "docx"] = docx_text(render(doc, "docx"))
        out[name, kind, "pdf"] = pdf_text(pdfs[name, kind])
    return out


PARAMS = [(name, kind, fmt) for name in SCENARIOS for kind in KINDS for fmt in ("docx", "pdf")]


@pytest.mark.parametrize(("name", "kind", "fmt"), PARAMS, ids=["-".join(p) for p in PARAMS])
def test_document_reads_correctly(rendered: dict[tuple[str, str, str], Extracted], name: str, kind: str,
                                  fmt: str) -> None:
    scenario = SCENARIOS[name]
    got = rendered[name, kind, fmt]
    for needle in (*scenario.present.get("*", ()), *scenario.present.get(kind, ())):
        assert needle in got.body, f"{name}/{kind}.{fmt}: missing {needle!r}"
    for needle in scenario.absent if kind in FILINGS else ():
        assert needle not in got.body, f"{name}/{kind}.{fmt}: must not contain {needle!r}"
    for needle in scenario.notes.get(kind, ()):
        assert needle in got.notes, f"{name}/{kind}.{fmt}: notes lack {needle!r}"
    everything = (got.body + " " + got.notes).lower()
    assert "not legal advice" in everything


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_pdf_page_is_numbered_and_carries_the_register_number(drafts: dict[tuple[str, str], Document],
                                                                     pdfs: dict[tuple[str, str], bytes],
                                                                     name: str) -> None:
    for kind in KINDS:
        doc = drafts[name, kind]
        with pdfplumber.open(io.BytesIO(pdfs[name, kind])) as pdf:
            body = [p.extract_text() or "" for p in pdf.pages]
            body = [t for t in body if NOTES_FOOTER not in t]
            for number, text in enumerate(body, start=1):
                assert f"Page {number} of {len(body)}" in text, f"{kind}: page {number}"
                assert f"Reg. No. {doc.register_number}" in text, f"{kind}: page {number}"


def test_the_summary_reads_at_grade_8_or_lower_and_fits_one_trulincs_message(
        drafts: dict[tuple[str, str], Document]) -> None:
    for name in SCENARIOS:
        text = to_text(drafts[name, "summary"])
        assert len(text) <= TRULINCS_LIMIT, name
        assert textstat.flesch_kincaid_grade(text) <= 8, name
        assert text.startswith("!! WARNING: Prison e-mail (TRULINCS) is not private."), name


def test_the_summary_defines_legal_terms() -> None:
    text = to_text(draft("summary", load_case(CASES / "terminal_illness.yaml").case, TODAY))
    for term in ("Compassionate release:", "Exhaustion:", "Warden:", "Motion:", "Supervised release:"):
        assert term in text


def test_a_draft_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = draft("summary", load_case(CASES / "terminal_illness.yaml").case, TODAY)
    out = tmp_path / "summary.md"
    out.write_text("the earlier version")

    def broken(*_: object) -> bytes:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("reprieve.documents.draft.render", broken)
    with pytest.raises(RuntimeError):
        write(doc, out)
    assert out.read_text() == "the earlier version"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]


def test_no_redact_prints_the_full_address_for_a_sealed_filing() -> None:
    case = load_case(CASES / "terminal_illness.yaml").case
    text = to_text(draft("motion", case, TODAY, redact=False))
    assert "45 Oak Avenue, Apt 3, Yonkers, NY 10701" in text


runner = CliRunner()


def test_cli_drafts_each_format(tmp_path: Path) -> None:
    case = str(CASES / "age_66_deterioration.yaml")
    for suffix in (".docx", ".pdf", ".md", ".txt"):
        out = tmp_path / f"motion{suffix}"
        result = runner.invoke(app, ["draft", "motion", case, "-o", str(out), "--as-of", "2026-11-29"])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert (tmp_path / "motion.pdf").read_bytes().startswith(b"%PDF")


def test_cli_drafts_a_packet_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "packet"
    result = runner.invoke(app, ["draft", "packet", str(CASES / "terminal_illness.yaml"), "-o", str(out),
                                 "--as-of", "2026-11-29", "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{kind}.docx" for kind in KINDS] + ["summary.txt"])
    assert docx_text((out / "motion.docx").read_bytes()).body.startswith("UNITED STATES DISTRICT COURT")
    assert (out / "summary.txt").read_text().startswith("!! WARNING: Prison e-mail (TRULINCS) is not private.")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["draft", "packet", "CASE", "--format", "rtf", "-o", "out"], 2, "unknown format '.rtf'"),
    (["draft", "letter", "CASE", "-o", "x.docx"], 2, "'letter' is not a document reprieve drafts"),
    (["draft", "motion", "CASE", "-o", "x.rtf"], 2, "unknown format '.rtf'"),
    (["draft", "motion", "MISSING", "-o", "x.docx"], 1, "MISSING"),
])
def test_cli_rejects_bad_requests_clearly(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    case = str(CASES / "terminal_illness.yaml")
    args = [case if a == "CASE" else str(tmp_path / "missing.yaml") if a == "MISSING" else a for a in args]
    args[-1] = str(tmp_path / args[-1])
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message.replace("MISSING", "missing.yaml") in " ".join(result.output.replace("│", " ").split())
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())


@given(st.from_regex(r"\d{3}-\d{2}-\d{4}", fullmatch=True), st.from_regex(r"\d{8,16}", fullmatch=True))
def test_redaction_keeps_only_the_last_four_digits(ssn: str, account: str) -> None:
    """Fed. R. Crim. P. 49.1(a)(1), (4): a Social Security or account number shows only its last four digits."""
    out = Redactor()(f"SSN {ssn}; account no. {account}.")
    assert ssn not in out and ssn[-4:] in out
    assert account not in out and account[-4:] in out


def test_every_citation_in_every_draft_is_parsed_and_in_reprieves_data(
        drafts: dict[tuple[str, str], Document]) -> None:
    """Each citation eyecite (or, for what eyecite cannot parse - USSG, rules, slip opinions - the registry's
    patterns) finds in a draft names an authority in law/authorities.yaml; a case with a reporter citation is found
    by eyecite itself."""
    for (name, kind), doc in drafts.items():
        text = _squash(to_text(doc))  # line wrapping is layout, not text
        assert unknown(text) == [], f"{name}/{kind}"
        cited = cited_in(text)
        assert cited or kind == "summary", f"{name}/{kind}: no citations found"  # plain language cites nothing
        for c in cited:
            assert c.authority is not None
            if c.authority.kind == "case" and c.authority.reporter_citation and c.authority.reporter_citation in c.text:
                assert c.found == "eyecite", f"{name}/{kind}: {c.text}"
    motion = _squash(to_text(drafts["vailes_2023", "motion"]))
    assert any(c.authority is not None and c.authority.name == "United States v. McCoy" and c.found == "eyecite"
               for c in cited_in(motion))
