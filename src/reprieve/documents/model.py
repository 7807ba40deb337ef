"""The document model every renderer reads: a list of blocks (headings, paragraphs, lists, tables, a caption,
signature lines), plus the notes for the user and the list of things to complete, which are never part of a filing:
they are written to a file of their own beside it (`notes_document`).

Builders (one module per kind) produce a `Document`; renderers (`reprieve.documents.render`) turn it into DOCX,
PDF, Markdown or plain text. Text in blocks is plain: no markup, so a fact from a case file can never change the
layout of a document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

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


@dataclass(frozen=True)
class Lines:
    """Ruled lines to write on, where the person must add what the case file does not say."""

    count: int = 3


Block = Heading | Para | Bullets | Table | Caption | FieldLine | Signature | Notice | PageBreak | Lines


@dataclass
class Document:
    kind: str
    title: str
    register_number: str  # printed on every page ("Reg. No. ____" when unknown)
    footer: str  # short name printed on every page
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)  # for the user only: never part of the filing
    to_complete: list[str] = field(default_factory=list)  # what the user must fill in or answer before using it
    plain_text_limit: int | None = None  # e.g. 13,000 characters for one TRULINCS message
    text_blocks: list[Block] | None = None  # a different body for plain text (e.g. the TRULINCS version)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def note(self, *blocks: Block) -> None:
        self.notes.extend(blocks)


def map_text(blocks: list[Block], change: Callable[[str], str]) -> list[Block]:
    """The blocks with `change` applied to every text they hold (a table's cells, a list's items, ...)."""

    def one(value: Any) -> Any:
        if isinstance(value, str):
            return change(value)
        if isinstance(value, tuple):
            return tuple(one(v) for v in value)
        return value

    out: list[Block] = []
    for b in blocks:
        changed: dict[str, Any] = {f.name: one(getattr(b, f.name)) for f in fields(b)}
        out.append(replace(b, **changed))
    return out
