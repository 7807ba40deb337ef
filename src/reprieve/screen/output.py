"""Writing a screening's files: private (mode 0600), whole or not at all, and safe to open in a spreadsheet.

A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula (and a leading tab or carriage return
can hide one), so a roster's text could make a clinic's spreadsheet fetch a link or run a command ("CSV
injection"). Every text cell of every CSV reprieve writes that begins with one of them is prefixed with `'`, which
spreadsheets show as text. Numbers are written as numbers and are not touched.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMULA = r"^[=+\-@\t\r]"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_RISKY = re.compile(FORMULA)


def spreadsheet_safe(cell: Any) -> Any:
    """One cell of a CSV written row by row (`csv.writer`): text a spreadsheet would run as a formula, prefixed
    with `'`; anything else as it is."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def neutralise_formulas(frame: Any) -> Any:
    """Text cells (and enumerations, as text) that a spreadsheet would read as a formula, prefixed with `'`. An
    enumeration none of whose values in the frame would is written as it is (not copied to text first); one none of
    whose possible values would (an Enum's fixed categories, such as the statuses) is not even looked at."""
    import polars as pl

    listed = [name for name, kind in frame.schema.items() if isinstance(kind, pl.Categorical) or (
        isinstance(kind, pl.Enum) and any(_RISKY.match(value) for value in kind.categories))]
    risky = frame.select(pl.col(listed).unique().implode().list.eval(pl.element().cast(pl.String)
                                                                     .str.contains(FORMULA).any()).list.first()) \
        if listed else None
    frame = frame.with_columns(pl.col(name).cast(pl.String) for name in listed if risky is not None and
                               risky[name].item() is not False)
    text = [name for name, kind in frame.schema.items() if kind == pl.String]
    if not text or not frame.height:
        return frame
    # only the text columns holding a risky cell are rewritten (most hold dates and numbers: none is copied)
    found = frame.select(pl.col(text).str.contains(FORMULA).any()).row(0)
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(FORMULA)).then(pl.lit("'") + pl.col(name)).otherwise(pl.col(name))
        .alias(name) for name, risky in zip(text, found, strict=True) if risky)


def write_private(path: Path, write: Callable[[str], Any]) -> None:
    """Write to a temporary file beside `path` (created with mode 0600), then rename it into place: nothing
    half-written is left behind, and no other user of the machine can read the file."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(handle)
    try:
        write(tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


CSV_BATCH = 20_000  # rows neutralised and written at a time: the copy made for writing stays small


def write_table(frame: Any, path: Path) -> None:
    """CSV (formulas neutralised) or Parquet, by the file's suffix."""
    write_parts(frame.height, lambda start, length: frame.slice(start, length), path)


def write_parts(height: int, part: Callable[[int, int], Any], path: Path) -> None:
    """A table of `height` rows whose rows `start .. start + length` are `part(start, length)`: as CSV, written a
    batch at a time (only one batch is ever copied for writing); as Parquet, gathered whole."""
    if path.suffix.lower() == ".parquet":
        write_private(path, part(0, height).write_parquet)
        return

    def write(tmp: str) -> None:
        with open(tmp, "wb") as out:
            for start in range(0, max(height, 1), CSV_BATCH):
                neutralise_formulas(part(start, CSV_BATCH)).write_csv(out, include_header=start == 0)

    write_private(path, write)


def write_text(path: Path, text: str) -> None:
    def write(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    write_private(path, write)
