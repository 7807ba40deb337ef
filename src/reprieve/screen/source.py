"""Where a screening's rows come from: a CSV or Parquet table whose columns are case-file paths (or are mapped to
them with `--columns`), checked once for the whole file before any person is assessed.

A CSV is read as UTF-8, else as Windows-1252 (what Excel writes by default in the U.S.), and copied once, a batch of
rows at a time, into Parquet parts in a private temporary folder (mode 0700, removed when the run ends). Worker
processes then read their own slices of rows from those parts (or from the Parquet input itself), so the main
process never holds more than one batch of rows, and the file is counted once.
"""

from __future__ import annotations

import codecs
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reprieve.screen.columns import ColumnError, RowBuilder, field_of, parse_mapping, parse_path, resolve_target

ROW_GROUP = 1000  # rows per Parquet row group of a CSV's copy: a slice reads only the groups it needs

TERM_COLUMNS = re.compile(r"^judgments\[\d+\]\.counts\[\d+\]\.(months|days|life)$")
START_COLUMNS = ("custody.commenced_on", "judgments[0].imposed_on")


class InputError(ValueError):
    """The input cannot be screened as it is; the message names the file and what to do."""


@dataclass
class Table:
    source: Path  # the file as given
    file: Path  # the Parquet file (or glob of parts) the rows are read from: the input, or a private copy of a CSV
    columns: list[str]  # the file's columns that are read, in order
    targets: list[str]  # for each, "id" or the case-file path it fills
    height: int
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_mapping(value: str) -> dict[str, str]:
    """`--columns`: `"Reg No=register_number,..."`, or a saved YAML file of `file column: field` lines."""
    if "=" not in value:
        path = Path(value)
        if not path.is_file():
            raise InputError(f"--columns: {value}: is neither COLUMN=field pairs nor a mapping file that exists")
        import yaml

        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(f"{path}: cannot be read as a column mapping: {str(exc).splitlines()[0]}") from None
        if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
            raise InputError(f"{path}: a column mapping is lines of `file column: case-file field`, e.g. "
                             "`Reg No: register_number`")
        try:
            return {k.strip(): resolve_target(v) for k, v in raw.items()}
        except ColumnError as exc:
            raise InputError(f"{path}: {exc}") from None
    try:
        return parse_mapping(value)
    except ColumnError as exc:
        raise InputError(f"--columns: {exc}") from None


@contextmanager
def open_table(path: Path, mapping: dict[str, str] | None = None) -> Iterator[Table]:
    """Check the file, its encoding and its columns; yield where and how its rows are read."""
    suffix = path.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise InputError(f"{path}: the input must be .csv, .parquet or a folder of case files")
    with tempfile.TemporaryDirectory(prefix="reprieve-screen-") as work:
        notes: list[str] = []
        file = path if suffix == ".parquet" else _csv_as_parquet(path, Path(work), notes)
        yield _table(path, file, mapping or {}, notes)


def _unreadable(path: Path, exc: Exception) -> InputError:
    kind = path.suffix.lower().removeprefix(".").upper()
    return InputError(f"{path}: cannot be read as {kind}: {str(exc).splitlines()[0]}")


def _table(source: Path, file: Path, mapping: dict[str, str], notes: list[str]) -> Table:
    import polars as pl

    try:
        lazy = pl.scan_parquet(file)
        names = lazy.collect_schema().names()
        height = int(lazy.select(pl.len()).collect().item())
    except pl.exceptions.PolarsError as exc:
        raise _unreadable(source, exc) from None
    absent = [c for c in mapping if c not in names]
    if absent:
        raise InputError(f"{source}: --columns names {', '.join(repr(c) for c in absent)}, not a column of the file "
                         f"(its columns: {', '.join(names)})")
    columns: list[str] = []
    targets: list[str] = []
    warnings: list[str] = []
    unknown: list[str] = []
    for name in names:
        target = mapping.get(name, name)
        if target != "id":
            try:
                known = field_of(parse_path(target))
            except ColumnError:
                known = False
            if not known:
                unknown.append(name)
                warnings.append(f"{name}: is not a case-file field (column ignored)")
                continue
        if target in targets:
            raise InputError(f"{source}: two columns fill {target}: {columns[targets.index(target)]!r} and {name!r}")
        columns.append(name)
        targets.append(target)
    try:  # columns that contradict each other (a field both a list and not): no row can be read
        RowBuilder([parse_path(t) for t in targets if t != "id"], [c for c, t in zip(columns, targets, strict=True)
                                                                   if t != "id"])
    except ColumnError as exc:
        raise InputError(f"{source}: {exc}") from None
    missing = []
    if not any(TERM_COLUMNS.match(t) for t in targets):
        missing.append("the term of a count (judgments[0].counts[0].months, .days or .life)")
    if not any(t in START_COLUMNS for t in targets):
        missing.append("when the sentence began (custody.commenced_on or judgments[0].imposed_on)")
    if missing:
        hint = (f" Columns not recognised: {', '.join(unknown)}. Name them with --columns, e.g. "
                f"--columns \"{unknown[0]}=judgments[0].counts[0].months\" (docs/screening.md lists the fields)."
                if unknown else "")
        raise InputError(f"{source}: required columns are missing: {'; '.join(missing)}.{hint}")
    return Table(source=source, file=file, columns=columns, targets=targets, height=height, warnings=warnings,
                 notes=notes)


def read_rows(file: Path, columns: list[str], offset: int, length: int) -> list[tuple[Any, ...]]:
    """One slice of rows: text cells trimmed, and empty text as no value (unknown)."""
    import polars as pl

    return _cells(pl.scan_parquet(file).select(columns).slice(offset, length).collect())


def read_rows_at(file: Path, columns: list[str], at: list[int]) -> list[tuple[Any, ...]]:
    """The rows at positions `at` (from 0, ascending), read in one pass, as `read_rows` reads them: a what-if that
    reaches a few people scattered through a large table reads only theirs."""
    import polars as pl

    return _cells(pl.scan_parquet(file).select(columns).with_row_index("_at")
                  .filter(pl.col("_at").is_in(at)).drop("_at").collect())


def _cells(frame: Any) -> list[tuple[Any, ...]]:
    import polars as pl

    text = [c for c, kind in frame.schema.items() if kind == pl.String]
    if text:
        frame = frame.with_columns(pl.col(text).str.strip_chars().replace("", None))
    rows: list[tuple[Any, ...]] = frame.rows()
    return rows


# --- CSV: encoding and the Parquet copy -------------------------------------------------------------------------

_BLOCK = 1 << 20


def _first_bad_byte(path: Path, encoding: str) -> tuple[int, int] | None:
    """(offset, byte) of the first byte that does not decode, or None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if encoding == "cp1252" and b"\x00" in block:  # text never holds NUL (UTF-16 without a byte-order mark)
                position = block.index(b"\x00")
                return offset + position, 0
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return offset + exc.start, block[exc.start]
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return offset + exc.start - len(exc.object), exc.object[exc.start]
    return None


CSV_BATCH = 5000  # rows read, as Python text, before they are written out as one Parquet part


def _encoding(path: Path, notes: list[str]) -> str:
    with path.open("rb") as handle:
        head = handle.read(2)
    if head in (b"\xff\xfe", b"\xfe\xff"):
        notes.append("read as UTF-16")
        return "utf-16"
    bad = _first_bad_byte(path, "utf-8")
    if bad is None:
        return "utf-8-sig"  # with or without a byte-order mark
    if _first_bad_byte(path, "cp1252") is None:
        notes.append("read as Windows-1252 (not UTF-8)")
        return "cp1252"
    where, byte = bad
    raise InputError(f"{path}: cannot be read: it is neither UTF-8 nor Windows-1252 text (byte 0x{byte:02X} at "
                     f"position {where:,} is not a character in UTF-8). Save it as \"CSV UTF-8\" and try again.")


def _csv_as_parquet(path: Path, work: Path, notes: list[str]) -> Path:
    """The CSV's rows, all as text, copied into numbered Parquet parts a batch at a time: however large the file,
    the main process holds one batch."""
    import csv

    import polars as pl

    parts = work / "rows"
    parts.mkdir()

    def unreadable(message: str) -> InputError:
        return InputError(f"{path}: cannot be read as CSV: {message}")

    try:
        with path.open(encoding=_encoding(path, notes), newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header:
                raise unreadable("the file is empty (no header row)")
            header = [name.strip() for name in header]
            doubled = sorted({name for name in header if header.count(name) > 1})
            if doubled or "" in header:
                raise unreadable(f"the header row names a column twice ({', '.join(doubled)})" if doubled
                                 else "a column of the header row has no name")
            schema = dict.fromkeys(header, pl.String)
            written = 0
            batch: list[list[str]] = []
            for row in reader:
                if not row:
                    continue  # a blank line
                if len(row) != len(header):
                    raise unreadable(f"line {reader.line_num} has {len(row)} fields, the header {len(header)}")
                batch.append(row)
                if len(batch) == CSV_BATCH:
                    _write_part(pl.DataFrame(batch, schema=schema, orient="row"), parts, written)
                    written, batch = written + 1, []
            if batch or not written:
                _write_part(pl.DataFrame(batch, schema=schema, orient="row"), parts, written)
    except csv.Error as exc:
        raise unreadable(str(exc)) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror}") from None
    return parts / "*.parquet"


def _write_part(frame: Any, parts: Path, number: int) -> None:
    frame.write_parquet(parts / f"{number:06d}.parquet", row_group_size=ROW_GROUP)
