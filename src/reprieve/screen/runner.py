"""Screen a population: read rows, assess each person with the single-case engine, rank, write.

The rules are not copied: every row goes through `parse_case` and `assess` exactly as a case file does. Speed comes
from running rows in worker processes across the machine's cores, in chunks, with the law data loaded once per
worker. A bad row is reported with its row number and field and skipped; it never stops the run.
"""

from __future__ import annotations

import hashlib
import hmac
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reprieve.screen.columns import ColumnError, compact, parse_path, unflatten

CHUNK = 1000


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class Screened:
    parts: list[Any] = field(default_factory=list)  # polars frames, one per chunk
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def frame(self) -> Any:
        """Every person's row, in input order (unranked)."""
        import polars as pl

        if not self.parts:
            return pl.DataFrame()
        return pl.concat(self.parts, how="diagonal_relaxed")

    @property
    def rows(self) -> list[dict[str, Any]]:
        return list(self.frame.iter_rows(named=True))


def person_id(row: dict[str, Any], row_number: int) -> str:
    for column in ("id", "person.register_number"):
        value = row.get(column)
        if value not in (None, ""):
            return str(value)
    return f"row-{row_number}"


def hash_id(value: str, key: bytes) -> str:
    """A keyed hash: the same person gets the same code within a run (or across runs with the same key), and the
    8-digit register-number space cannot be searched without the key."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:16]


# --- the work one process does ---------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init_worker(as_of: date, law_change: dict[str, Any] | None, keep_ids: bool, key: bytes,
                 columns: list[str]) -> None:
    from reprieve.law.params import Law

    _STATE.update(law=Law.at(as_of, law_change), as_of=as_of, keep_ids=keep_ids, key=key, columns=columns,
                  paths={c: parse_path(c) for c in columns if c != "id"})


def _reset() -> None:
    """After screening in this process, nothing of the run stays."""
    _STATE.clear()


def _assess_chunk(chunk: list[tuple[int, tuple[Any, ...]]]) -> tuple[Any, list[RowError]]:
    from reprieve.assess.report import assess
    from reprieve.intake import CaseFileError, parse_case
    from reprieve.screen.rows import person_row, to_frame

    columns: list[str] = _STATE["columns"]
    rows: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for number, values in chunk:
        raw = dict(zip(columns, values, strict=True))
        try:
            data = compact(unflatten(raw, _STATE["paths"]))
            case = parse_case(data, f"row {number}", warnings=False).case
        except CaseFileError as exc:
            errors.extend(RowError(number, p.path, p.message) for p in exc.problems)
            continue
        except ColumnError as exc:
            errors.append(RowError(number, exc.column, exc.message))
            continue
        ident = person_id(raw, number)
        shown = ident if _STATE["keep_ids"] else hash_id(ident, _STATE["key"])
        rows.append(person_row(shown, number, assess(case, _STATE["as_of"], law=_STATE["law"])))
    return to_frame(rows), errors


# --- reading ------------------------------------------------------------------------------------------------------

READ_BATCH = 50_000


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[Any, ...]], int]:
    """The columns, the rows (read a batch at a time, so a large file is never whole in memory as Python objects
    or as a table) and how many there are."""
    import polars as pl

    suffix = path.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise ValueError(f"{path}: the input must be .csv, .parquet or a folder of case files")

    def unreadable(exc: Exception) -> ValueError:
        return ValueError(f"{path}: cannot be read as {suffix[1:].upper()}: {str(exc).splitlines()[0]}")

    try:
        lazy = pl.scan_parquet(path) if suffix == ".parquet" else pl.scan_csv(path, infer_schema=False)
        columns = lazy.collect_schema().names()
        height = int(lazy.select(pl.len()).collect().item())
    except pl.exceptions.PolarsError as exc:
        raise unreadable(exc) from None

    def rows() -> Iterator[tuple[Any, ...]]:
        for offset in range(0, height, READ_BATCH):
            try:
                batch = lazy.slice(offset, READ_BATCH).collect()
            except pl.exceptions.PolarsError as exc:
                raise unreadable(exc) from None
            yield from batch.iter_rows()

    return columns, rows(), height


def screen(path: Path, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
           id_key: bytes | None = None, workers: int | None = None,
           progress: Callable[[int], None] | None = None) -> Screened:
    """Assess every person in a CSV or Parquet table (rows numbered from 2, the header being row 1)."""
    columns, rows, _ = read_table(path)
    out = Screened()
    bad = []
    from reprieve.case.model import Case

    for column in columns:
        if column == "id":
            continue
        try:
            top = parse_path(column)[0]
        except ColumnError as exc:
            bad.append(column)
            out.warnings.append(str(exc))
            continue
        if top not in Case.model_fields:
            bad.append(column)
            out.warnings.append(f"{column}: is not a case-file field")
    keep = [c for c in columns if c not in bad]
    index = [columns.index(c) for c in keep]
    key = id_key or os.urandom(32)
    numbered = ((n, tuple(values[i] for i in index)) for n, values in enumerate(rows, start=2))
    chunks = _chunks(numbered, CHUNK)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    init_args = (as_of, law_change, keep_ids, key, keep)
    if workers <= 1:
        _init_worker(*init_args)
        try:
            _collect(map(_assess_chunk, chunks), out, progress)
        finally:
            _reset()
    else:
        with _pool(workers, init_args) as pool:
            _collect(_bounded_map(pool, _assess_chunk, chunks, 2 * workers), out, progress)
    return out


def _pool(workers: int, init_args: tuple[Any, ...]) -> ProcessPoolExecutor:
    """Worker processes are spawned, not forked: polars' thread pool does not survive a fork."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=init_args,
                               mp_context=multiprocessing.get_context("spawn"))


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable[[Any], Any], items: Iterator[Any],
                 in_flight: int) -> Iterator[Any]:
    """`pool.map` without reading the whole input first: at most `in_flight` chunks wait or run at once, so the
    memory a run needs does not grow with the population (results still come back in input order)."""
    pending: deque[Future[Any]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _collect(results: Iterator[tuple[Any, list[RowError]]], out: Screened,
             progress: Callable[[int], None] | None) -> None:
    for frame, errors in results:
        if frame.height:
            out.parts.append(frame)
        out.errors.extend(errors)
        if progress:
            progress(frame.height + len({e.row for e in errors}))


def _chunks(items: Iterator[tuple[int, tuple[Any, ...]]], size: int) -> Iterator[list[tuple[int, tuple[Any, ...]]]]:
    chunk: list[tuple[int, tuple[Any, ...]]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _assess_files(paths: list[tuple[int, str]]) -> tuple[Any, list[RowError]]:
    from reprieve.assess.report import assess
    from reprieve.intake import CaseFileError, load_case
    from reprieve.screen.rows import person_row, to_frame

    rows: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for number, path in paths:
        try:
            loaded = load_case(path)
        except CaseFileError as exc:
            errors.extend(RowError(number, f"{Path(path).name}: {p.path}", p.message) for p in exc.problems)
            continue
        register = loaded.case.person.register_number
        ident = register or Path(path).stem
        shown = ident if _STATE["keep_ids"] else hash_id(ident, _STATE["key"])
        rows.append(person_row(shown, number, assess(loaded.case, _STATE["as_of"], law=_STATE["law"])))
    return to_frame(rows), errors


def screen_folder(folder: Path, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
                  id_key: bytes | None = None, workers: int | None = None,
                  progress: Callable[[int], None] | None = None) -> Screened:
    """Assess every case file (.yaml, .yml, .json) in a folder; 'row' is the file's position in name order."""
    files = [str(p) for p in sorted(folder.iterdir()) if p.suffix.lower() in (".yaml", ".yml", ".json")]
    numbered = list(enumerate(files, start=1))
    out = Screened()
    chunks = [numbered[i:i + CHUNK // 10 or 1] for i in range(0, len(numbered), CHUNK // 10 or 1)]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    init_args: tuple[Any, ...] = (as_of, law_change, keep_ids, id_key or os.urandom(32), [])
    if workers <= 1 or len(files) < 200:
        _init_worker(*init_args)
        try:
            _collect(map(_assess_files, chunks), out, progress)
        finally:
            _reset()
    else:
        with _pool(workers, init_args) as pool:
            _collect(_bounded_map(pool, _assess_files, iter(chunks), 2 * workers), out, progress)
    return out
