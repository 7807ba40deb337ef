"""`reprieve draft KIND CASE -o OUT`: build one document from a case and its assessment and write it atomically;
`reprieve draft packet CASE -o FOLDER` writes all six from one assessment.

The format follows OUT's suffix (.docx, .pdf, .md, .txt). A file appears whole or not at all: it is written to a
temporary file in the same folder and renamed over OUT only when rendering has succeeded. The notes for the user and
the list of what to complete go to a file of their own beside the draft (`motion-notes.pdf` beside `motion.pdf`;
`notes.pdf` in a packet), never into the draft itself.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reprieve.assess.report import Assessment, Options, assess
from reprieve.case.model import Case
from reprieve.documents import ao250, exhibits, memo, motion, summary, warden_request
from reprieve.documents.facts import Facts
from reprieve.documents.model import Document, map_text
from reprieve.documents.redact import Redactor
from reprieve.documents.render import FORMATS, notes_document, packet_notes, render, to_text
from reprieve.law.authorities import unknown
from reprieve.words import readable_paths

KINDS: dict[str, Callable[[Facts], Document]] = {
    "warden-request": warden_request.build,
    "motion": motion.build,
    "ao250": ao250.build,
    "exhibits": exhibits.build,
    "memo": memo.build,
    "summary": summary.build,
}


PACKET = "packet"
PACKET_NOTES = "notes"


class DraftError(ValueError):
    """A request reprieve cannot draft (unknown kind or format); the message says which and what is allowed, and
    `hint` names the argument at fault."""

    def __init__(self, message: str, hint: str = "-o") -> None:
        super().__init__(message)
        self.hint = hint


def format_of(out: Path) -> str:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise DraftError(f"unknown format {out.suffix or '(no suffix)'!r}: use one of " + ", ".join(FORMATS))
    return fmt


def notes_path(out: Path) -> Path:
    """Where the notes of a draft go: beside it, `motion.pdf` -> `motion-notes.pdf`."""
    return out.with_name(f"{out.stem}-notes{out.suffix}")


def build(kind: str, case: Case, assessment: Assessment, redact: bool = True) -> Document:
    builder = KINDS.get(kind)
    if builder is None:
        raise DraftError(f"unknown document {kind!r}: use one of " + ", ".join(KINDS))
    doc = builder(Facts(case, assessment, Redactor.for_case(case, on=redact)))
    # A case-file path with a list index ("requests[0]") is for tools; a reader gets "request 1".
    doc.blocks = map_text(doc.blocks, readable_paths)
    doc.notes = map_text(doc.notes, readable_paths)
    doc.to_complete = [readable_paths(item) for item in doc.to_complete]
    if doc.text_blocks is not None:
        doc.text_blocks = map_text(doc.text_blocks, readable_paths)
    return doc


def draft(kind: str, case: Case, as_of: date, redact: bool = True, options: Options | None = None) -> Document:
    return build(kind, case, assess(case, as_of, options), redact)


def _write_whole(files: list[tuple[Path, bytes]]) -> None:
    """Write every file to a temporary name first and rename them only once all are written."""
    temporary: list[tuple[str, Path]] = []
    try:
        for out, data in files:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
            temporary.append((tmp, out))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        for tmp, out in temporary:
            os.replace(tmp, out)
    except BaseException:
        for tmp, _ in temporary:
            Path(tmp).unlink(missing_ok=True)
        raise


def write(doc: Document, out: Path) -> list[Path]:
    """Write the draft to OUT and its notes beside it; returns the files written (the draft first)."""
    fmt = format_of(out)
    files = [(out, render(doc, fmt))]
    notes = notes_document(doc)
    if notes is not None:
        files.append((notes_path(out), render(notes, fmt)))
    _write_whole(files)
    if notes is None:
        notes_path(out).unlink(missing_ok=True)  # an earlier draft's notes would no longer be true
    return [path for path, _ in files]


def write_packet(case: Case, as_of: date, folder: Path, suffix: str, redact: bool = True,
                 options: Options | None = None, assessment: Assessment | None = None) -> list[tuple[Path, Document]]:
    """Every document for one case, from one assessment, as FOLDER/KIND.SUFFIX, their notes in FOLDER/notes.SUFFIX;
    with a printable format, the summary also as text for a TRULINCS message."""
    fmt = format_of(Path(f"x{suffix}"))
    assessment = assessment or assess(case, as_of, options)
    written: list[tuple[Path, Document]] = []
    files: list[tuple[Path, bytes]] = []
    for kind in KINDS:
        doc = build(kind, case, assessment, redact)
        path = folder / f"{kind}{suffix}"
        files.append((path, render(doc, fmt)))
        written.append((path, doc))
        if kind == "summary" and suffix != ".txt":
            files.append((folder / "summary.txt", render(doc, "text")))
            written.append((folder / "summary.txt", doc))
    notes = packet_notes([doc for _, doc in written])
    if notes is not None:
        path = folder / f"{PACKET_NOTES}{suffix}"
        files.append((path, render(notes, fmt)))
        written.append((path, notes))
    _write_whole(files)
    return written


def warnings_for(doc: Document, out: Path) -> list[str]:
    """What to check before a document is used: citations reprieve does not know; a text over its size limit."""
    text = to_text(doc)
    found = [f"{citation!r} is not in reprieve's authorities; check it before filing"
             for citation in unknown(" ".join(text.split()))]
    if doc.plain_text_limit is not None and out.suffix.lower() == ".txt" and len(text) > doc.plain_text_limit:
        found.append(f"{len(text):,} characters, over the {doc.plain_text_limit:,} one TRULINCS message holds")
    return found
