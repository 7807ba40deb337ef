"""Renderers: one `Document` to DOCX (python-docx, real Word styles), PDF (WeasyPrint, US Letter, "Page X of Y"
and the register number in every page's footer), Markdown and plain text (Jinja2 templates in `templates/`).

A rendered document is only its body, the text meant for its reader. The notes for the user, and the list of what
to complete, are a document of their own (`notes_document`), written to a file beside the draft, so that a person
who prints and mails the draft never files the notes with it.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from reprieve.documents.model import (
    Block,
    Bullets,
    Caption,
    Document,
    FieldLine,
    Heading,
    Lines,
    Notice,
    PageBreak,
    Para,
    Signature,
    Table,
)
from reprieve.words import Words

WIDTH = 78
FORMATS = {".docx": "docx", ".pdf": "pdf", ".md": "markdown", ".txt": "text"}


def _wrap(text: str, prefix: str = "", center: bool = False) -> str:
    out: list[str] = []
    for line in str(text).split("\n"):
        if center and len(line) <= WIDTH:
            out.append(line.center(WIDTH).rstrip())
            continue
        wrapped = textwrap.wrap(line, WIDTH, initial_indent=prefix, subsequent_indent=" " * len(prefix),
                                break_long_words=False, break_on_hyphens=False)
        out.extend(wrapped or [prefix.rstrip()])
    return "\n".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _md(text: Any) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    return re.sub(r"^([#>+-]|\d+\.)(\s)", r"\\\1\2", escaped)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _css_string(text: str) -> Markup:
    """Text for a CSS string inside <style>: CSS escapes, not HTML entities (a style element is raw text), and no
    '<' so that case text can never close the element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    return Markup(escaped)


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("reprieve.documents", "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["wrap"] = _wrap
    env.filters["md"] = _md
    env.filters["cell"] = _cell
    env.filters["css"] = _css_string
    env.globals["width"] = WIDTH
    return env


@cache
def _css() -> Markup:
    return Markup((resources.files("reprieve.documents") / "templates" / "style.css").read_text(encoding="utf-8"))


def _as_dicts(blocks: list[Block]) -> list[dict[str, Any]]:
    return [{"type": type(b).__name__.lower(), **asdict(b)} for b in blocks]


def _squeeze(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# --- Markdown and text ---------------------------------------------------------------------------------------

def to_markdown(doc: Document) -> str:
    template = _env().get_template("document.md.j2")
    body = _squeeze(template.render(blocks=_as_dicts(doc.blocks)))
    return body + f"\n---\n\n*{_md(doc.footer)} · Reg. No. {_md(doc.register_number)}*\n"


def to_text(doc: Document) -> str:
    template = _env().get_template("document.txt.j2")
    blocks = doc.text_blocks if doc.text_blocks is not None else doc.blocks
    body = _squeeze(template.render(blocks=_as_dicts(blocks)))
    if doc.text_blocks is None:
        body += f"\n{doc.footer} - Reg. No. {doc.register_number}\n"
    return body


def notes_text(doc: Document) -> str:
    """The notes for the user alone, as plain text (empty when there are none): what the terminal shows."""
    notes = notes_document(doc)
    if notes is None:
        return ""
    return _squeeze(_env().get_template("document.txt.j2").render(blocks=_as_dicts(notes.blocks)))


# --- the notes beside a draft ----------------------------------------------------------------------------------

def _not_ready(words: Words, n: int) -> Notice:
    return Notice(words("notes.to_complete.label"),
                  words("notes.to_complete.filing_one" if n == 1 else "notes.to_complete.filing", n=n))


def _notes_blocks(doc: Document, words: Words) -> list[Block]:
    if not doc.to_complete:
        return [Para(words("notes.ready")), *doc.notes]
    blocks: list[Block] = [_not_ready(words, len(doc.to_complete)), Heading(words("notes.to_complete.heading"), 2),
                           Bullets(tuple(doc.to_complete), checkbox=True)]
    if doc.notes:
        blocks += [Heading(words("notes.more.heading"), 2), *doc.notes]
    return blocks


def notes_document(doc: Document, words: Words | None = None) -> Document | None:
    """The notes and the list of what to complete, as a document of their own (None when there are none)."""
    words = words or Words()
    if not doc.notes and not doc.to_complete:
        return None
    title = words("notes.title", title=doc.title)
    return Document(kind=f"{doc.kind}-notes", title=title, register_number=doc.register_number,
                    footer=words("notes.footer"), blocks=[Heading(title, 1), *_notes_blocks(doc, words)])


def packet_notes(docs: list[Document], words: Words | None = None) -> Document | None:
    """The notes of a packet in one document: what to complete, once for all the documents it affects, then each
    document's notes under its title."""
    words = words or Words()
    items: dict[str, list[str]] = {}
    for doc in docs:
        for item in doc.to_complete:
            items.setdefault(item, []).append(words(f"kind.{doc.kind}"))
    blocks: list[Block] = []
    if items:
        every = {kind for kinds in items.values() for kind in kinds}
        key = "notes.to_complete.packet_one" if len(items) == 1 else "notes.to_complete.packet"
        blocks += [Notice(words("notes.to_complete.label"), words(key, n=len(items))),
                   Heading(words("notes.to_complete.heading"), 2),
                   Bullets(tuple(item if set(kinds) == every else f"{item} (only {words.join_and(kinds)})"
                                 for item, kinds in items.items()), checkbox=True)]
    for doc in docs:
        if doc.notes:
            blocks += [Heading(doc.title, 2), *(_shift(b) for b in doc.notes)]
    if not blocks:
        return None
    title = words("notes.packet_title")
    return Document(kind="packet-notes", title=title, register_number=docs[0].register_number,
                    footer=words("notes.footer"), blocks=[Heading(title, 1), *blocks])


def _shift(block: Block) -> Block:
    return Heading(block.text, 3) if isinstance(block, Heading) else block


# --- PDF -------------------------------------------------------------------------------------------------------

def _keep_together(value: Any) -> Any:
    """'§ 3582' never breaks across lines on paper (a no-break space after the section sign)."""
    if isinstance(value, str):
        return value.replace("§ ", "§\u00a0").replace("§§ ", "§§\u00a0")
    if isinstance(value, dict):
        return {k: _keep_together(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_keep_together(v) for v in value]
    return value


def to_html(doc: Document) -> str:
    template = _env().get_template("document.html.j2")
    return template.render(
        title=doc.title, css=_css(), blocks=_keep_together(_as_dicts(doc.blocks)),
        footer_left=doc.footer, footer_right=f"Reg. No. {doc.register_number}",
        body_class="double" if doc.kind == "motion" else "")


def to_pdf(doc: Document) -> bytes:
    from weasyprint import HTML

    body = HTML(string=to_html(doc), base_url=".").render()
    body.metadata.title = doc.title
    body.metadata.authors = ["reprieve (information, not legal advice)"]
    out: bytes = body.write_pdf()
    return out


# --- DOCX ------------------------------------------------------------------------------------------------------

def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)
    run._r.append(fld("separate"))
    placeholder = paragraph.add_run("1")
    del placeholder
    end = paragraph.add_run()
    end._r.append(fld("end"))


def _cell_borders(cell: Any, **sides: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        value = sides.get(side, "nil")
        el.set(qn("w:val"), value)
        if value != "nil":
            el.set(qn("w:sz"), "8")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tc_pr.append(borders)


def _setup_styles(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 12), ("Title", 14)):
        style = styles[name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = name == "Heading 3"
        style.paragraph_format.keep_with_next = True
        if name == "Heading 1":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _footer(section: Any, left: str, right: str, numbered: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{left}    |    ")
    if numbered:
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        _field(paragraph, "SECTIONPAGES")
        paragraph.add_run("    |    ")
    paragraph.add_run(right)
    for run in paragraph.runs:
        run.font.size = Pt(9)


def _add_blocks(document: Any, blocks: list[Block]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Pt

    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for b in blocks:
        if isinstance(b, Heading):
            document.add_heading(b.text, level=min(b.level, 3))
        elif isinstance(b, Para):
            p = document.add_paragraph()
            run = p.add_run(b.text)
            run.bold = b.style == "bold"
            if b.style == "small":
                run.font.size = Pt(10)
            if b.style in align:
                p.alignment = align[b.style]
            if b.style == "indent":
                p.paragraph_format.left_indent = Inches(0.5)
        elif isinstance(b, Bullets):
            for item in b.items:
                if b.checkbox:  # a drawn box to tick, never brackets
                    p = document.add_paragraph(f"\u2610  {item}")
                    p.paragraph_format.left_indent = Inches(0.25)
                else:
                    document.add_paragraph(item, style="List Bullet")
        elif isinstance(b, Table):
            table = document.add_table(rows=1, cols=len(b.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b.header, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in b.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            document.add_paragraph()
        elif isinstance(b, Caption):
            for line in b.court:
                p = document.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(line).bold = True
            table = document.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            left.text = "\n".join(b.parties)
            right.text = "\n".join(b.numbers)
            _cell_borders(left, right="single", bottom="single")
            _cell_borders(right)
            document.add_paragraph()
            document.add_heading(b.title, level=1)
        elif isinstance(b, FieldLine):
            document.add_paragraph(f"{b.label}: {b.value or '_' * 30}")
        elif isinstance(b, Signature):
            p = document.add_paragraph("_" * 34)
            p.paragraph_format.left_indent = Inches(3.2)
            p.paragraph_format.space_before = Pt(18)
            for line in b.lines:
                q = document.add_paragraph(line)
                q.paragraph_format.left_indent = Inches(3.2)
                q.paragraph_format.space_after = Pt(0)
            if b.date_line:
                q = document.add_paragraph(f"Date: {'_' * 18}")
                q.paragraph_format.left_indent = Inches(3.2)
        elif isinstance(b, Notice):
            table = document.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            cell = table.rows[0].cells[0]
            cell.text = ""
            paragraph = cell.paragraphs[0]
            paragraph.add_run(f"{b.label.upper()}: ").bold = True
            paragraph.add_run(b.text)
            document.add_paragraph()
        elif isinstance(b, PageBreak):
            document.add_page_break()
        elif isinstance(b, Lines):
            for _ in range(b.count):
                p = document.add_paragraph("_" * 64)
                p.paragraph_format.space_before = Pt(10)


def to_docx(doc: Document) -> bytes:
    import docx
    from docx.shared import Inches

    document = docx.Document()
    _setup_styles(document)
    document.core_properties.title = doc.title
    document.core_properties.author = "reprieve (information, not legal advice)"
    first = document.sections[0]
    for section in (first,):
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
    _add_blocks(document, doc.blocks)
    _footer(first, doc.footer, f"Reg. No. {doc.register_number}", numbered=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "docx":
        return to_docx(doc)
    if fmt == "pdf":
        return to_pdf(doc)
    if fmt == "markdown":
        return to_markdown(doc).encode("utf-8")
    if fmt == "text":
        return to_text(doc).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
