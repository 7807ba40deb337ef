"""The document model every renderer reads: a list of blocks (headings, paragraphs, lists, tables, a caption,
signature lines), plus the notes for the user that are never part of a filing.

Builders (one module per kind) produce a `Document`; renderers (`reprieve.documents.render`) turn it into DOCX,
PDF, Markdown or plain text. Text in blocks is plain: no markup, so a fact from a case file can never change the
layout of a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParaStyle = Literal["normal", "center", "bold", "small", "right", "indent"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    style: ParaStyle = "normal"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    checkbox: bool = False  # each item gets a box to tick: "[ ]" in text, a square on paper


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Caption:
    """The case caption: court, parties on the left, case number and judge on the right."""

    court: tuple[str, ...]
    parties: tuple[str, ...]
    numbers: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class FieldLine:
    """A line for a person to write on, e.g. 'Date received: ____'."""

    label: str
    value: str = ""


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]
    date_line: bool = True


@dataclass(frozen=True)
class Notice:
    """A boxed warning or notice; the word in `label` carries its meaning (never colour)."""

    label: str
    text: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Bullets | Table | Caption | FieldLine | Signature | Notice | PageBreak


@dataclass
class Document:
    kind: str
    title: str
    register_number: str  # printed on every page ("Reg. No. ____" when unknown)
    footer: str  # short name printed on every page
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)  # for the user only: never part of the filing
    notes_title: str = "Notes for you: not part of the document to file or send"
    plain_text_limit: int | None = None  # e.g. 13,000 characters for one TRULINCS message
    text_blocks: list[Block] | None = None  # a different body for plain text (e.g. the TRULINCS version)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def note(self, *blocks: Block) -> None:
        self.notes.extend(blocks)
