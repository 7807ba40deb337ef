"""`reprieve draft KIND CASE -o OUT`: build one document from a case and its assessment and write it atomically;
`reprieve draft packet CASE -o FOLDER` writes all six from one assessment.

The format follows OUT's suffix (.docx, .pdf, .md, .txt). A file appears whole or not at all: it is written to a
temporary file in the same folder and renamed over OUT only when rendering has succeeded.
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
from reprieve.documents.model import Document
from reprieve.documents.redact import Redactor
from reprieve.documents.render import FORMATS, render, to_text
from reprieve.law.authorities import unknown

KINDS: dict[str, Callable[[Facts], Document]] = {
    "warden-request": warden_request.build,
    "motion": motion.build,
    "ao250": ao250.build,
    "exhibits": exhibits.build,
    "memo": memo.build,
    "summary": summary.build,
}


PACKET = "packet"


class DraftError(ValueError):
    """A request reprieve cannot draft (unknown kind or format); the message says which and what is allowed."""


def format_of(out: Path) -> str:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise DraftError(f"unknown format {out.suffix or '(no suffix)'!r}: use one of " + ", ".join(FORMATS))
    return fmt


def build(kind: str, case: Case, assessment: Assessment, redact: bool = True) -> Document:
    builder = KINDS.get(kind)
    if builder is None:
        raise DraftError(f"unknown document {kind!r}: use one of " + ", ".join(KINDS))
    return builder(Facts(case, assessment, Redactor.for_case(case, on=redact)))


def draft(kind: str, case: Case, as_of: date, redact: bool = True, options: Options | None = None) -> Document:
    return build(kind, case, assess(case, as_of, options), redact)


def write(doc: Document, out: Path) -> None:
    data = render(doc, format_of(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_packet(case: Case, as_of: date, folder: Path, suffix: str, redact: bool = True,
                 options: Options | None = None) -> list[tuple[Path, Document]]:
    """Every document for one case, from one assessment, as FOLDER/KIND.SUFFIX; with a printable format, the
    summary also as text for a TRULINCS message."""
    format_of(Path(f"x{suffix}"))
    assessment = assess(case, as_of, options)
    written: list[tuple[Path, Document]] = []
    for kind in KINDS:
        doc = build(kind, case, assessment, redact)
        path = folder / f"{kind}{suffix}"
        write(doc, path)
        written.append((path, doc))
        if kind == "summary" and suffix != ".txt":
            write(doc, folder / "summary.txt")
            written.append((folder / "summary.txt", doc))
    return written


def warnings_for(doc: Document, out: Path) -> list[str]:
    """What to check before a document is used: citations reprieve does not know; a text over its size limit."""
    text = to_text(doc)
    found = [f"{citation!r} is not in reprieve's authorities; check it before filing"
             for citation in unknown(" ".join(text.split()))]
    if doc.plain_text_limit is not None and out.suffix.lower() == ".txt" and len(text) > doc.plain_text_limit:
        found.append(f"{len(text):,} characters, over the {doc.plain_text_limit:,} one TRULINCS message holds")
    return found
