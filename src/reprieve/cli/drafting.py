"""`reprieve draft`: which file or folder to write, refused with exit 2 when the request contradicts itself (a
packet into `pk.pdf`, `--format docx -o m.pdf`), then the drafts, their notes beside them, and on the terminal
what is left to complete before anything is filed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from reprieve.assess.report import Options
from reprieve.documents.draft import KINDS, PACKET, PACKET_NOTES, DraftError, format_of, notes_path
from reprieve.documents.model import Document
from reprieve.documents.render import FORMATS

DISCLAIMER = "Information, not legal advice. Check every date against the BOP's own computation."


def _suffix(fmt: str) -> str:
    suffix = f".{fmt.lower().lstrip('.')}"
    if suffix not in FORMATS:
        raise DraftError(f"unknown format {suffix!r}: use one of " + ", ".join(FORMATS), "--format")
    return suffix


def plan(kind: str, case: Path, output: Path, fmt: str | None) -> tuple[Path, str]:
    """The file (or packet folder) to write and its suffix; DraftError (usage, exit 2) when the request contradicts
    itself."""
    if kind not in (*KINDS, PACKET):
        raise DraftError(f"{kind!r} is not a document reprieve drafts: use one of {', '.join((*KINDS, PACKET))}",
                         "KIND")
    if kind == PACKET:
        suffix = _suffix(fmt or "pdf")
        if output.suffix.lower() in FORMATS:
            raise DraftError(f"a packet is a folder of documents, and {output.name} names a {output.suffix} file: "
                             f"use -o {output.with_suffix('')}/ (and --format {output.suffix.lstrip('.')} for that "
                             "format)")
        if output.exists() and not output.is_dir():
            raise DraftError(f"{output} is a file; a packet is written into a folder")
        return output, suffix
    if case.is_dir():
        raise DraftError(f"{case} is a folder: `reprieve draft packet {case} -o OUT/` drafts every case in it", "CASE")
    if output.suffix == "":
        if fmt is None:
            raise DraftError(f"{output.name} has no suffix: name the file .pdf, .docx, .md or .txt, or give --format")
        return output.with_suffix(_suffix(fmt)), _suffix(fmt)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        format_of(output)  # raises with the list of formats
    if fmt is not None and _suffix(fmt) != suffix:
        raise DraftError(f"--format {fmt} contradicts -o {output.name} (a {suffix} file): give one or make them agree",
                         "-o / --format")
    if output.is_dir():
        raise DraftError(f"{output} is a folder; -o names the file to write")
    return output, suffix


def run_draft(kind: str, case: Path, output: Path, as_of: date | None, fmt: str | None, redact: bool,
              at_bottom_of_range: bool, workers: int | None) -> int:
    try:
        out, suffix = plan(kind, case, output, fmt)
    except DraftError as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.hint) from None
    options = Options(at_bottom_of_range=at_bottom_of_range)
    if kind == PACKET and case.is_dir():
        return _packets(case, out, suffix, as_of, redact, options, workers)
    from reprieve.cli.main import _load, _resolve_as_of
    from reprieve.documents.draft import draft, warnings_for, write, write_packet

    loaded = _load(case)
    day = _resolve_as_of(as_of, loaded.case)
    try:
        if kind == PACKET:
            written = write_packet(loaded.case, day, out, suffix, redact=redact, options=options)
        else:
            doc = draft(kind, loaded.case, day, redact=redact, options=options)
            paths = write(doc, out)
            written = [(out, doc)]
            if len(paths) > 1:
                typer.echo(f"wrote {out}, and beside it {paths[1].name} (notes for you; do not file them)", err=True)
            else:
                typer.echo(f"wrote {out}", err=True)
    except OSError as exc:
        typer.echo(f"{out}: cannot write: {exc.strerror or exc}", err=True)
        return 1
    if kind == PACKET:
        typer.echo(f"wrote {len(written)} files into {out}/; {PACKET_NOTES}{suffix} holds the notes for you (do not "
                   "file it)", err=True)
    _say_what_to_complete(written, f"{PACKET_NOTES}{suffix}" if kind == PACKET else notes_path(out).name)
    for path, doc in written:
        if not doc.kind.endswith("notes"):
            for warning in warnings_for(doc, path):
                typer.echo(f"{path}: warning: {warning}", err=True)
    typer.echo(DISCLAIMER, err=True)
    return 0


def _say_what_to_complete(written: list[tuple[Path, Document]], where: str) -> None:
    """On the terminal: whether the drafts are ready, and what to complete, once for all the drafts it affects."""
    items: dict[str, list[str]] = {}
    for path, doc in written:
        for item in doc.to_complete:
            items.setdefault(item, []).append(path.name)
    if not items:
        return
    things = "1 thing" if len(items) == 1 else f"{len(items)} things"
    typer.echo(f"Not ready to file or send: {things} to complete (listed in {where}):", err=True)
    names = {name for files in items.values() for name in files}
    for item, files in items.items():  # which drafts, unless it is all of them
        typer.echo(f"  - {item}" + (f" (only {', '.join(files)})" if set(files) != names else ""), err=True)


def _packets(folder: Path, out: Path, suffix: str, as_of: date | None, redact: bool, options: Options,
             workers: int | None) -> int:
    from reprieve.cli.batch import case_files, packets, write_summary
    from reprieve.cli.render import print_packet_summary

    if not case_files(folder):
        raise typer.BadParameter(f"{folder} holds no case files (.yaml, .yml or .json)", param_hint="CASE")
    results = packets(folder, out, suffix, as_of, redact, options, workers)
    summary = out / "verdicts.csv"
    write_summary(results, summary)
    print_packet_summary(results, summary)
    typer.echo(DISCLAIMER, err=True)
    return 1 if any(r.error for r in results) else 0
