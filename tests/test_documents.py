"""The filing packet, read back the way a clerk or a person would read it: every document for the example case and
five contrasting synthetic cases is rendered to DOCX, PDF and text, its text extracted, and checked for the facts,
dates and citations that must be there (from the case file and the statute) and for what must not: the closed
grounds, a bracket, "between X and X", a pointer to a file users do not have, a citation printed twice in a row, and
a description in someone else's words under the prisoner's name. The notes for the user are a document of their
own, never part of the draft.

The expected dates are the case file's own dates and the statute's arithmetic (18 U.S.C. § 3582(c)(1)(A): 30 days
after the warden's receipt; 18 U.S.C. §§ 3585, 3624(a), (b) for a release date), never values reprieve produced.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import docx
import pdfplumber
import pytest
import textstat
import yaml
from dateutil.relativedelta import relativedelta
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reprieve.assess.report import assess
from reprieve.cli.main import app
from reprieve.documents.draft import KINDS, build, draft, write
from reprieve.documents.model import Document
from reprieve.documents.redact import Redactor
from reprieve.documents.render import notes_document, render, to_html, to_text
from reprieve.documents.summary import TRULINCS_LIMIT
from reprieve.documents.voice import voice_of
from reprieve.intake import load_case
from reprieve.law.authorities import cited_in, unknown

ROOT = Path(__file__).parent.parent
CASES = Path(__file__).parent / "documents_cases"
TODAY = date(2026, 11, 29)
# What the person files or sends; the lawyer's memo reports every finding, the closed ones too.
FILINGS = ("warden-request", "motion", "ao250", "exhibits", "summary")
FIRST_PERSON = ("warden-request", "ao250")  # signed by the person in prison, in their voice


@dataclass(frozen=True)
class Extracted:
    body: str
    notes: str
    pages: tuple[str, ...] = ()  # a PDF's text page by page, as pdfplumber reads it


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2010", "-")).strip()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            parts.append(" ".join(t.text or "" for t in child.iter(qn("w:t"))))
    footers = " ".join(p.text for s in document.sections for p in s.footer.paragraphs)
    return _squash(" ".join(parts) + " " + footers)


def pdf_pages(data: bytes) -> tuple[str, tuple[str, ...]]:
    """A PDF's text read once (pdfplumber's parse is most of the documents tests' time): the whole text with every
    table cell also read whole, and each page's running text."""
    texts: list[str] = []
    pages: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (612, 792), "US Letter"
            text = page.extract_text() or ""
            # Table cells wrap side by side; read each cell whole as well as the page's running text.
            cells = [cell or "" for table in page.extract_tables() for row in table for cell in row]
            texts.append(" ".join([text, *cells]))
            pages.append(text)
    return _squash(" ".join(texts)), tuple(pages)


def pdf_text(data: bytes) -> tuple[str, int]:
    text, pages = pdf_pages(data)
    return text, len(pages)


def extract(doc: Document, fmt: str, data: bytes | None = None) -> Extracted:
    """The text of a draft as its reader gets it, and the text of the notes written beside it (read as text: their
    words are the same in every format, and the CLI tests render them to PDF)."""
    notes_document_ = notes_document(doc)
    notes = _squash(to_text(notes_document_)) if notes_document_ else ""
    if fmt == "pdf":
        body, pages = pdf_pages(data or render(doc, "pdf"))
        return Extracted(body, notes, pages)
    if fmt == "docx":
        return Extracted(docx_text(render(doc, "docx")), notes)
    return Extracted(_squash(to_text(doc)), notes)


@dataclass(frozen=True)
class Scenario:
    file: Path
    as_of: date
    present: dict[str, tuple[str, ...]]  # kind ("*" for all) -> strings the body must contain
    absent: tuple[str, ...]  # strings no body may contain
    notes: dict[str, tuple[str, ...]]  # kind -> strings the notes must contain
    rendered: tuple[str, ...] = tuple(KINDS)  # the kinds rendered and read back in every format


def release_at(commenced: date, months: int, credit_days: int) -> date:
    """A term's release with good conduct time, by the statutes' arithmetic: the full term ends the day before the
    same date `months` later, less prior custody credit (18 U.S.C. § 3585(a), (b)); good conduct time is 54 days
    for each year of the sentence imposed (18 U.S.C. § 3624(b)(1), for a whole number of years); a release on a
    weekend moves to the preceding weekday (18 U.S.C. § 3624(a))."""
    assert months % 12 == 0
    full_term = commenced + relativedelta(months=months) - timedelta(days=1 + credit_days)
    release = full_term - timedelta(days=54 * months // 12)
    while release.weekday() >= 5:
        release -= timedelta(days=1)
    return release


# tests/documents_cases/vailes_like_complete.yaml, sentenced today at the 15-year minimum (21 U.S.C. 841(b)(1)(A) as
# amended by First Step Act § 401 for one serious drug felony): commenced 2009-04-20, in custody since 2007-07-18.
SENTENCED_TODAY = release_at(date(2009, 4, 20), 180, (date(2009, 4, 20) - date(2007, 7, 18)).days)
SENTENCED_TODAY_TEXT = f"{SENTENCED_TODAY:%B} {SENTENCED_TODAY.day}, {SENTENCED_TODAY.year}"

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
                 "ao250": ("☒ Medical condition", "☐ Age of the defendant", "September 22, 2026",
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
                 "ao250": ("☒ Age of the defendant",),
                 # the release plan written about him ("his daughter") reads in his own voice in his letter
                 "warden-request": ("elderly with medical conditions", "my daughter, Carla Test Keller"),
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
                 "ao250": ("☒ Other reasons", "Incapacitated parent (USSG §1B1.13(b)(3)(C))"),
                 "memo": ("Rutherford", "18 U.S.C. § 924(c)", "§1B1.13(b)(6): NOT ELIGIBLE"),
                 "summary": ("your parent is disabled",)},
        absent=("88 Linden Road", "change in law (", "§1B1.13(b)(6))", "Change in law", "384 months"),
        notes={"motion": ("Rutherford", "§1B1.13(b)(6)"), "warden-request": ("Rutherford",)}),
    # A family's own words ("I work full time ...") never go into the mother's letter; her diabetes is not a ground
    # and the notes say so; the BOP's own release date is the one the letter gives.
    "caregiver_words": Scenario(
        CASES / "caregiver_words.yaml", TODAY,
        present={"*": ("Denise Test Carter", "56789-408"),
                 "warden-request": ("February 12, 2027 (Bureau of Prisons computation)", "my sister, Tanya Test Carter",
                                    "The caregiver of my child, J.T.C., has been incapacitated since March 10, 2026",
                                    "I am the only available caregiver"),
                 "motion": ("USSG §1B1.13(b)(3)(A)", "District of Arizona", "October 31, 2026",
                            "Ms. Carter is the only available caregiver"),
                 "summary": ("The BOP says your release date is February 12, 2027", "type 2 diabetes"),
                 "memo": ("February 12, 2027",)},
        absent=("I work full time", "can't look after", "Jada", "1200 Example Road", "I will help her"),
        notes={"warden-request": ("Not included: type 2 diabetes, because", "Not quoted",
                                  "how you will support yourself"),
               "motion": ("Not included: type 2 diabetes, because",)}),
    # Every deciding fact stated: the motion says what a lawyer would, from release_date_if_sentenced_now.
    "vailes_like_complete": Scenario(
        CASES / "vailes_like_complete.yaml", date(2023, 3, 1),
        present={"motion": (f"would already have been released, on about {SENTENCED_TODAY_TEXT}, nearly three years "
                            "ago", "mandatory minimum of 15 years, not 20 years",
                            "United States v. McCoy, 981 F.3d 271 (4th Cir. 2020)"),
                 "warden-request": (f"I would already have been released, on about {SENTENCED_TODAY_TEXT}",),
                 "memo": (f"on about {SENTENCED_TODAY_TEXT}",),
                 "summary": (f"released in {SENTENCED_TODAY:%B} {SENTENCED_TODAY.year}",)},
        absent=("Left out",),
        notes={}),
    # The example case on the eve of its 2023 motion (4th Cir., McCoy): the change-in-law ground is argued.
    "vailes_2023": Scenario(
        ROOT / "examples" / "vailes.yaml", date(2023, 3, 1),
        present={"motion": ("Western District of North Carolina", "3:07-cr-00162", "VALON MARCEL VAILES",
                            "United States v. McCoy, 981 F.3d 271 (4th Cir. 2020)", "15 years", "20 years",
                            "would already have been released", "Unusually long sentence and a change in law"),
                 "memo": ("180 mo. to life if the prior conviction is a serious drug felony",)},
        absent=("§1B1.13(b)(6)", "USSG §1B1.13(d)"),
        notes={}),
    # The same case today: Rutherford closes the ground; the motion leaves it out and says why.
    "vailes_today": Scenario(
        ROOT / "examples" / "vailes.yaml", TODAY,
        present={"motion": ("Valon Marcel Vailes",)},
        absent=("Unusually long sentence and a change in law", "McCoy"),
        notes={"motion": ("Rutherford v. United States", "Left out")}),
    # The same case in 2040: even the full term has run (18 U.S.C. 3624(a)), so the papers that ask to shorten time
    # in prison are still drafted (the facts may be wrong) but their notes first say they serve no one released.
    "vailes_released": Scenario(
        ROOT / "examples" / "vailes.yaml", date(2040, 1, 1),
        present={"warden-request": ("Valon Marcel Vailes",),
                 "summary": ("If you are still in prison, say so, with the last day you know you were there",)},
        absent=(),
        rendered=("warden-request", "ao250", "motion", "summary"),  # the papers whose notes change; the rest as today
        notes={kind: ("The projected release date (2025-05-01) is on or before 2040-01-01", *then)
               for kind, then in (("warden-request", ("only serves someone still in prison", "custody.in_custody_on")),
                                  ("ao250", ("only serves someone still in prison", "custody.in_custody_on")),
                                  ("motion", ("A motion to reduce imprisonment may be moot",)))}),
}


@pytest.fixture(scope="module")
def drafts() -> dict[tuple[str, str], Document]:
    out: dict[tuple[str, str], Document] = {}
    for name, scenario in SCENARIOS.items():
        case = load_case(scenario.file).case
        assessment = assess(case, scenario.as_of)  # one assessment per case, as a packet does
        for kind in KINDS:
            out[name, kind] = build(kind, case, assessment)
    return out


@pytest.fixture(scope="module")
def pdfs(drafts: dict[tuple[str, str], Document]) -> dict[tuple[str, str], bytes]:
    return {(name, kind): render(doc, "pdf") for (name, kind), doc in drafts.items()
            if kind in SCENARIOS[name].rendered}


@pytest.fixture(scope="module")
def rendered(drafts: dict[tuple[str, str], Document],
             pdfs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str, str], Extracted]:
    out: dict[tuple[str, str, str], Extracted] = {}
    for (name, kind), doc in drafts.items():
        if kind not in SCENARIOS[name].rendered:
            continue
        out[name, kind, "docx"] = extract(doc, "docx")
        out[name, kind, "pdf"] = extract(doc, "pdf", pdfs[name, kind])
        out[name, kind, "txt"] = extract(doc, "txt")
    return out


PARAMS = [(name, kind, fmt) for name, scenario in SCENARIOS.items() for kind in scenario.rendered
          for fmt in ("docx", "pdf")]


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
    assert "not legal advice" in everything or "not a lawyer" in everything


_REPEATED_RANGE = re.compile(r"\bbetween (.+?) and \1(?![\w%])")


def _doubled_citations(text: str) -> list[str]:
    """Citations printed twice in a row ('X; X'), as a reader would see them."""
    cited = cited_in(text)
    return [b.text for a, b in pairwise(cited)
            if a.text == b.text and re.fullmatch(r"[\s;,]*", text[a.span[1]:b.span[0]])]


def _descriptions(case_file: Path) -> tuple[list[str], list[str]]:
    """The family members' descriptions, and every description written in someone's first person."""
    case = load_case(case_file).case
    redact = Redactor.for_case(case)
    c = case.circumstances
    family = [redact(f.description) for f in c.family or [] if f.description]
    texts = [x.description for group in (c.medical, c.age_related, c.family, c.abuse, c.other, c.conduct)
             for x in group or [] if x.description]
    plan = case.release_plan
    texts += [v for v in (plan.household, plan.support, plan.medical_care) if v] if plan else []
    return family, [redact(t) for t in texts if voice_of(t) == "first"]


BODIES = [(name, kind, fmt) for name, scenario in SCENARIOS.items() for kind in scenario.rendered
          for fmt in ("docx", "pdf", "txt")]


@pytest.mark.parametrize(("name", "kind", "fmt"), BODIES, ids=["-".join(p) for p in BODIES])
def test_no_draft_reads_wrong(rendered: dict[tuple[str, str, str], Extracted], name: str, kind: str,
                              fmt: str) -> None:
    """issue 14's list: no bracket, no 'between X and X', no law.md, no citation twice in a row, and never a family
    member's description in a letter signed by the prisoner (nor anyone's first-person words in any filing)."""
    got = rendered[name, kind, fmt]
    where = f"{name}/{kind}.{fmt}"
    brackets = re.findall(r".{0,40}[\[\]].{0,40}", got.body)
    assert brackets == [], f"{where}: {brackets}"
    for text in (got.body, got.notes):
        assert not _REPEATED_RANGE.search(text), f"{where}: {_REPEATED_RANGE.search(text)}"
        assert "law.md" not in text and "../shared" not in text, where
        assert "reprieve draft exhibits" not in text, where
    assert _doubled_citations(got.body) == [], where
    family, first_person = _descriptions(SCENARIOS[name].file)
    for text in family if kind in FIRST_PERSON else ():
        assert _squash(text) not in got.body, f"{where}: a family member's description under the prisoner's name"
    for text in first_person if kind in FILINGS else ():
        assert _squash(text) not in got.body, f"{where}: someone's own words in a filing"


def test_the_notes_are_never_part_of_the_draft(drafts: dict[tuple[str, str], Document],
                                                rendered: dict[tuple[str, str, str], Extracted]) -> None:
    """A person who prints and mails the draft files only text meant for the court (issue 14)."""
    for (name, kind), doc in drafts.items():
        if kind not in SCENARIOS[name].rendered:
            continue
        for fmt in ("docx", "pdf", "txt"):
            body = rendered[name, kind, fmt].body
            assert "Notes for you" not in body and "not part of what you file" not in body, (name, kind, fmt)
            assert "Complete these before" not in body, (name, kind, fmt)
        if doc.to_complete:  # a draft with anything to complete says so in its notes
            assert "not ready to file" in rendered[name, kind, "txt"].notes, (name, kind)


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_pdf_page_is_numbered_and_carries_the_register_number(
        drafts: dict[tuple[str, str], Document], rendered: dict[tuple[str, str, str], Extracted], name: str) -> None:
    for kind in SCENARIOS[name].rendered:
        pages = rendered[name, kind, "pdf"].pages
        assert pages, kind
        for number, text in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in text, f"{kind}: page {number}"
            assert f"Reg. No. {drafts[name, kind].register_number}" in text, f"{kind}: page {number}"


def test_the_summary_reads_at_grade_8_or_lower_and_fits_one_trulincs_message(
        drafts: dict[tuple[str, str], Document]) -> None:
    for name in SCENARIOS:
        text = to_text(drafts[name, "summary"])
        assert len(text) <= TRULINCS_LIMIT, name
        assert textstat.flesch_kincaid_grade(text) <= 8, name
        assert text.startswith("!! WARNING: Prison e-mail (TRULINCS) is not private."), name


# --- the summary in Spanish -----------------------------------------------------------------------------------

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre")
# What each Spanish summary must say: the same facts as the English one (the case file's dates and the statute's
# arithmetic), in Spanish words and dates.
SPANISH = {
    "terminal_illness": ("Los 30 días terminaron el 22 de octubre de 2026", "Su razón: una enfermedad terminal"),
    "age_66_deterioration": ("su edad, con una salud que empeora por la edad",),
    "stacked_924c_after_rutherford": ("su padre o su madre tiene una discapacidad",),
    "caregiver_words": ("Según el BOP, su fecha de salida es el 12 de febrero de 2027",
                        "Su problema de salud (type 2 diabetes) todavía no es una razón aquí"),
    "vailes_like_complete": (f"habría salido en {MESES[SENTENCED_TODAY.month - 1]} de {SENTENCED_TODAY.year}",
                             "la condena más corta posible sería de 15 años, no de 20 años"),
    # the questions still open are asked in Spanish too (the question registry's words), not only counted
    "vailes_2023": ("Su condena es de 250 meses", "¿En qué fecha recibió el director su solicitud?"),
    "vailes_today": ("La condena completa termina entre el 29 de abril de 2028 y el 29 de mayo de 2028",),
    # released on the facts: no letter to the warden, no motion; asked whether still in prison
    "vailes_released": ("Si todavía está en prisión, dígalo",),
}
ENGLISH_WORDS = re.compile(r"\b(the|your|you|and|with|is|are|not|date|sentence|judge|may|can)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def spanish() -> dict[str, Document]:
    out = {}
    for name, scenario in SCENARIOS.items():
        case = load_case(scenario.file).case
        out[name] = build("summary", case, assess(case, scenario.as_of), language="es")
    return out


def test_the_summary_in_spanish_says_the_same_facts_plainly(spanish: dict[str, Document]) -> None:
    """Grade 6-8 in Spanish: the Fernández-Huerta index at 70 or more (7th grade or easier); one TRULINCS message;
    the e-mail warning first; no English left but what the case file itself says (a condition, a name) and the
    legal words the papers use, given in brackets."""
    textstat.set_lang("es")
    try:
        for name, doc in spanish.items():
            text = to_text(doc)
            flat = _squash(text)
            assert text.startswith("!! AVISO: El correo de la prisión (TRULINCS) no es privado."), name
            assert len(text) <= TRULINCS_LIMIT, name
            assert textstat.fernandez_huerta(text) >= 70, name
            for expected in SPANISH[name]:
                assert expected in flat, (name, expected)
            case = load_case(SCENARIOS[name].file).case
            own = [case.person.name or "", *(m.condition or "" for m in case.circumstances.medical or [])]
            for words in own:
                flat = flat.replace(words, "")
            flat = re.sub(r"\([^)]*\)", "", flat)  # the English terms in brackets: (warden), (case manager)
            assert not ENGLISH_WORDS.findall(flat), (name, ENGLISH_WORDS.findall(flat))
    finally:
        textstat.set_lang("en_US")


def test_the_spanish_summary_pdf_says_page_and_register_number_in_spanish(spanish: dict[str, Document]) -> None:
    doc = spanish["terminal_illness"]
    text, pages = pdf_text(render(doc, "pdf"))
    assert f"Página 1 de {pages}" in text and "N.º de registro 12345-054" in text
    assert "Su condena y lo que puede pedir" in text and "Page 1" not in text
    assert 'lang="es"' in to_html(doc)


def test_filings_stay_in_english_for_a_spanish_reader() -> None:
    """A case whose person reads Spanish (person.language: es) gets the summary in Spanish by default; the letter to
    the warden and the motion stay in English, the court's and the BOP's language."""
    case = load_case(CASES / "vailes_like_complete.yaml").case
    case.person.language = "es"  # type: ignore[attr-defined]
    assessment = assess(case, date(2023, 3, 1))
    assert to_text(build("summary", case, assessment)).startswith("!! AVISO")
    letter = _squash(to_text(build("warden-request", case, assessment)))
    motion = _squash(to_text(build("motion", case, assessment)))
    assert f"I would already have been released, on about {SENTENCED_TODAY_TEXT}" in letter
    assert "would already have been released" in motion
    assert "habría" not in letter + motion and "Con la ley de hoy" not in letter + motion


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


def test_cli_drafts_each_format_with_its_notes_beside_it(tmp_path: Path) -> None:
    case = str(CASES / "age_66_deterioration.yaml")
    for suffix in (".docx", ".pdf", ".md", ".txt"):
        out = tmp_path / f"motion{suffix}"
        result = runner.invoke(app, ["draft", "motion", case, "-o", str(out), "--as-of", "2026-11-29"])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
        assert (tmp_path / f"motion-notes{suffix}").stat().st_size > 0
    assert (tmp_path / "motion.pdf").read_bytes().startswith(b"%PDF")
    assert "Notes for you" not in pdf_text((tmp_path / "motion.pdf").read_bytes())[0]
    assert "Notes for you" in pdf_text((tmp_path / "motion-notes.pdf").read_bytes())[0]


def test_a_draft_with_things_to_complete_says_so_on_the_terminal_and_in_the_notes(tmp_path: Path) -> None:
    out = tmp_path / "motion.pdf"
    result = runner.invoke(app, ["draft", "motion", str(ROOT / "examples" / "vailes.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Not ready to file or send: 9 things to complete (listed in motion-notes.pdf)" in result.stderr
    assert "the date the Warden received your request" in result.stderr  # the example states no date
    notes = pdf_text((tmp_path / "motion-notes.pdf").read_bytes())[0]
    assert "not ready to file" in notes and "the date the Warden received your request" in notes
    assert "the date the Warden received your request" not in pdf_text(out.read_bytes())[0]


def test_cli_drafts_a_packet_into_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "packet"
    result = runner.invoke(app, ["draft", "packet", str(CASES / "terminal_illness.yaml"), "-o", str(out),
                                 "--as-of", "2026-11-29", "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{kind}.docx" for kind in KINDS] + ["summary.txt", "notes.docx"])
    assert docx_text((out / "motion.docx").read_bytes()).startswith("UNITED STATES DISTRICT COURT")
    assert (out / "summary.txt").read_text().startswith("!! WARNING: Prison e-mail (TRULINCS) is not private.")
    notes = docx_text((out / "notes.docx").read_bytes())
    assert "Motion for a Reduction in Sentence" in notes and "Request for a Reduction in Sentence" in notes


def test_cli_drafts_a_packet_for_every_case_in_a_folder_with_a_table_of_verdicts(tmp_path: Path) -> None:
    cases = tmp_path / "clients"
    cases.mkdir()
    for name in ("terminal_illness.yaml", "caregiver_words.yaml"):
        (cases / name).write_text((CASES / name).read_text())
    (cases / "broken.yaml").write_text("format: 1\njudgments: 3\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["draft", "packet", str(cases), "-o", f"{out}/", "--as-of", "2026-11-29",
                                 "--format", "md", "--workers", "2"])
    assert result.exit_code == 1  # one case file could not be read; the others are written
    assert sorted(p.name for p in out.iterdir()) == ["caregiver_words", "terminal_illness", "verdicts.csv"]
    assert (out / "terminal_illness" / "motion.md").exists() and (out / "terminal_illness" / "notes.md").exists()
    table = (out / "verdicts.csv").read_text().splitlines()
    assert table[0].startswith("case file,folder,name,register number,projected release,3582(c)(1)(A)")
    rows = {Path(line.split(",")[0]).name: line for line in table[1:]}
    assert set(rows) == {"broken.yaml", "caregiver_words.yaml", "terminal_illness.yaml"}
    assert "judgments: must be a list" in rows["broken.yaml"]
    assert ",2027-02-12 (BOP),OPEN," in rows["caregiver_words.yaml"]  # the BOP's own date, and the verdict
    assert "Packets written" in result.stderr


@pytest.mark.parametrize(("args", "code", "message"), [
    (["draft", "packet", "CASE", "--format", "rtf", "-o", "out"], 2, "unknown format '.rtf'"),
    (["draft", "letter", "CASE", "-o", "x.docx"], 2, "'letter' is not a document reprieve drafts"),
    (["draft", "motion", "CASE", "-o", "x.rtf"], 2, "unknown format '.rtf'"),
    (["draft", "motion", "MISSING", "-o", "x.docx"], 1, "MISSING"),
    # contradictions are refused, never guessed (issue 14)
    (["draft", "packet", "CASE", "-o", "pk.pdf"], 2, "a packet is a folder of documents, and pk.pdf names a .pdf"),
    (["draft", "motion", "CASE", "--format", "docx", "-o", "m.pdf"], 2, "--format docx contradicts -o m.pdf"),
    (["draft", "motion", "CASE", "-o", "motion"], 2, "motion has no suffix"),
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


def test_format_and_a_suffixless_name_make_the_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", "summary", str(CASES / "terminal_illness.yaml"), "-o",
                                 str(tmp_path / "summary"), "--format", "txt", "--as-of", "2026-11-29"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "summary.txt").read_text().startswith("!! WARNING")


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


# --- words --------------------------------------------------------------------------------------------------------

def test_clemency_is_for_the_president_not_a_judge(drafts: dict[tuple[str, str], Document]) -> None:
    for name in SCENARIOS:
        text = _squash(to_text(drafts[name, "summary"]))
        assert "Clemency (asking the President): MAYBE: the President decides" in text, name
        assert "a judge or a lawyer must decide" not in text, name


def test_the_summary_never_says_on_between(drafts: dict[tuple[str, str], Document]) -> None:
    """'The full sentence ends on between April 29, 2028 and May 29, 2028' (issue 14): a range reads 'between X and
    Y' without 'on'; a range whose ends agree is one date."""
    for name in SCENARIOS:
        text = _squash(to_text(drafts[name, "summary"]))
        assert "on between" not in text and "is between X" not in text, name
    vailes = _squash(to_text(drafts["vailes_today", "summary"]))
    assert "The full sentence ends between April 29, 2028 and May 29, 2028." in vailes  # arrest day unknown
    keller = _squash(to_text(drafts["age_66_deterioration", "summary"]))
    assert re.search(r"The full sentence ends on \w+ \d+, \d{4}\.", keller)


def test_the_memo_gives_each_range_in_words(drafts: dict[tuple[str, str], Document]) -> None:
    """'Range now: - to life' (issue 14): a minimum that depends on facts is given for each alternative."""
    for name in SCENARIOS:
        memo = _squash(to_text(drafts[name, "memo"]))
        assert "- to " not in memo and " to -" not in memo, name
    memo = _squash(to_text(drafts["vailes_2023", "memo"]))
    assert ("120 mo. to life if the prior conviction is not a serious drug felony or serious violent felony"
            in memo)


def test_a_neutral_family_description_is_left_out_of_the_signed_letter_with_a_note(tmp_path: Path) -> None:
    """'brother with a serious mental illness' has no pronoun, but whoever wrote it, it is not the signer's own
    words: the letter states the ground from the structured fields and the notes say why the text was left out."""
    case = yaml.safe_load((ROOT / "examples" / "vailes.yaml").read_text())
    case["circumstances"] = {"family": [{"relation": "sibling", "situation": "incapacitated",
                                         "only_available_caregiver": True,
                                         "description": "brother with a serious mental illness"}]}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case))
    result = runner.invoke(app, ["draft", "warden-request", str(path), "-o", str(tmp_path / "letter.txt")])
    assert result.exit_code == 0, result.output
    letter = (tmp_path / "letter.txt").read_text()
    notes = " ".join((tmp_path / "letter-notes.txt").read_text().split())
    assert "I am the only available caregiver" in letter and "serious mental illness" not in letter
    assert '("brother with a serious mental illness")' in notes and "your own words" in notes


def test_a_released_persons_motion_leads_with_its_mootness_not_with_the_wait(
        rendered: dict[tuple[str, str, str], Extracted]) -> None:
    """In 2040 the example case's 250 months have run even in full (18 U.S.C. 3624(a)): a motion to reduce
    imprisonment may be moot, and that check is the one alarm; the 30 days of 3582(c)(1)(A) are said only for the case
    the person is in fact still in prison. In 2023, in prison and not yet exhausted, the wait is the alarm."""
    notes = _squash(rendered["vailes_released", "motion", "txt"].notes)
    assert "CHECK: The projected release date" in notes and "A motion to reduce imprisonment may be moot" in notes
    assert "WAIT:" not in notes
    wait = notes.index("If the person is still in prison, wait: courts dismiss motions filed before 30 days")
    assert notes.index("may be moot") < wait
    in_prison = _squash(rendered["vailes_2023", "motion", "txt"].notes)
    assert "WAIT: Courts dismiss motions filed before 30 days" in in_prison and "may be moot" not in in_prison


def test_a_released_persons_summary_sends_no_letter_to_the_warden_and_no_motion(
        drafts: dict[tuple[str, str], Document]) -> None:
    """In 2040 the example case's 250 months have run even in full (18 U.S.C. 3624(a)): the summary's next steps ask
    whether the person is still in prison instead of sending them to the warden (28 C.F.R. 571.61) or the court."""
    text = to_text(drafts["vailes_released", "summary"])
    steps = text.split("What to do next")[1].split("Words to know")[0]
    assert "If you are still in prison, say so" in steps
    assert "warden" not in steps.lower() and "AO 250" not in steps
