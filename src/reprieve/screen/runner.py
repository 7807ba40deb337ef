"""Screen a population: assess each person with the single-case engine, in worker processes.

The rules are not copied: every row goes through `parse_case` and `assess` exactly as a case file does. Speed comes
from running slices of rows in worker processes across the machine's cores, each worker reading its own slice from
the table (the main process hands out only row numbers), with the law data loaded once per worker, and from
sending results back as typed columns. A bad row is reported with its row number and field and skipped; it never
stops the run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reprieve.screen.columns import ID_COLUMNS, RowBuilder, parse_path
from reprieve.screen.ids import hasher, person_id
from reprieve.screen.source import Table, open_table, read_rows

CHUNK = 1000  # rows per task: large enough that reading a slice costs little, small enough to keep both cores busy


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


@dataclass(frozen=True)
class Settings:
    as_of: date
    law_change: dict[str, Any] | None
    keep_ids: bool
    key: bytes
    file: str = ""  # the table's Parquet file
    columns: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


# --- the work one process does ---------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init_worker(settings: Settings) -> None:
    from reprieve.law.params import Law

    case_columns = [i for i, t in enumerate(settings.targets) if t != "id"]
    # the law resolved once per process for the whole run (a what-if law included), passed to every assessment
    _STATE.update(settings=settings, law=Law.at(settings.as_of, settings.law_change), case_columns=case_columns,
                  hash=hasher(settings.key),
                  builder=RowBuilder([parse_path(settings.targets[i]) for i in case_columns],
                                     [settings.columns[i] for i in case_columns]),
                  id_columns=[settings.targets.index(c) if c in settings.targets else None
                              for c in ID_COLUMNS])


def _reset() -> None:
    """After screening in this process, nothing of the run stays."""
    _STATE.clear()


def _shown_id(cells: tuple[Any, ...], number: int) -> str:
    settings: Settings = _STATE["settings"]
    given = {name: cells[i] for name, i in zip(ID_COLUMNS, _STATE["id_columns"], strict=True)
             if i is not None}
    ident = person_id(given, number)
    return ident if settings.keep_ids else _STATE["hash"](ident)


def _assess_slice(task: tuple[int, int]) -> tuple[Any, list[RowError]]:
    """Read rows `offset .. offset + length` of the table and assess each person (rows numbered from 2: the header
    is row 1)."""
    from reprieve.assess.report import assess
    from reprieve.intake import CaseFileError, parse_case
    from reprieve.screen.rows import person_row, to_frame

    offset, length = task
    settings: Settings = _STATE["settings"]
    builder: RowBuilder = _STATE["builder"]
    case_columns: list[int] = _STATE["case_columns"]
    rows: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for number, cells in enumerate(read_rows(Path(settings.file), list(settings.columns), offset, length),
                                   start=offset + 2):
        try:
            case = parse_case(builder.build([cells[i] for i in case_columns]), f"row {number}",
                              warnings=False).case
        except CaseFileError as exc:
            errors.extend(RowError(number, p.path, p.message) for p in exc.problems)
            continue
        rows.append(person_row(_shown_id(cells, number), number, assess(case, settings.as_of, law=_STATE["law"])))
    return to_frame(rows), errors


# --- running ------------------------------------------------------------------------------------------------------


def screen(path: Path, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
           id_key: bytes | None = None, workers: int | None = None, columns: dict[str, str] | None = None,
           progress: Callable[[int], None] | None = None) -> Screened:
    """Assess every person in a CSV or Parquet table (rows numbered from 2, the header being row 1)."""
    with open_table(path, columns) as table:
        return screen_table(table, as_of, law_change=law_change, keep_ids=keep_ids, id_key=id_key, workers=workers,
                            progress=progress)


def screen_table(table: Table, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
                 id_key: bytes | None = None, workers: int | None = None,
                 progress: Callable[[int], None] | None = None) -> Screened:
    out = Screened(warnings=list(table.warnings))
    settings = Settings(as_of, law_change, keep_ids, id_key or os.urandom(32), str(table.file),
                        tuple(table.columns), tuple(table.targets))
    tasks = ((offset, min(CHUNK, table.height - offset)) for offset in range(0, table.height, CHUNK))
    _run(_assess_slice, tasks, settings, workers, out, progress)
    return out


def _run(work: Callable[[Any], tuple[Any, list[RowError]]], tasks: Iterator[Any], settings: Settings,
         workers: int | None, out: Screened, progress: Callable[[int], None] | None) -> None:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1:
        _init_worker(settings)
        try:
            _collect(map(work, tasks), out, progress)
        finally:
            _reset()
    else:
        with _pool(workers, settings) as pool:
            _collect(_bounded_map(pool, work, tasks, 2 * workers), out, progress)


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    """Worker processes are spawned, not forked: polars' thread pool does not survive a fork."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,),
                               mp_context=multiprocessing.get_context("spawn"))


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable[[Any], Any], items: Iterator[Any],
                 in_flight: int) -> Iterator[Any]:
    """`pool.map` without queueing every task first: at most `in_flight` tasks wait or run at once, so the results
    waiting in memory do not grow with the population (they still come back in input order)."""
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


# --- a folder of case files ---------------------------------------------------------------------------------------


def case_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".yaml", ".yml", ".json")]


def folder_id(register: str | None, path: Path) -> str:
    return register or path.stem


def _assess_files(paths: list[tuple[int, str]]) -> tuple[Any, list[RowError]]:
    from reprieve.assess.report import assess
    from reprieve.intake import CaseFileError, load_case
    from reprieve.screen.rows import person_row, to_frame

    settings: Settings = _STATE["settings"]
    rows: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for number, path in paths:
        try:
            loaded = load_case(path)
        except CaseFileError as exc:
            errors.extend(RowError(number, f"{Path(path).name}: {p.path}", p.message) for p in exc.problems)
            continue
        ident = folder_id(loaded.case.person.register_number, Path(path))
        shown = ident if settings.keep_ids else _STATE["hash"](ident)
        rows.append(person_row(shown, number, assess(loaded.case, settings.as_of, law=_STATE["law"])))
    return to_frame(rows), errors


def screen_folder(folder: Path, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
                  id_key: bytes | None = None, workers: int | None = None,
                  progress: Callable[[int], None] | None = None) -> Screened:
    """Assess every case file (.yaml, .yml, .json) in a folder; 'row' is the file's position in name order."""
    numbered = [(n, str(p)) for n, p in enumerate(case_files(folder), start=1)]
    out = Screened()
    size = CHUNK // 10
    chunks = iter([numbered[i:i + size] for i in range(0, len(numbered), size)])
    settings = Settings(as_of, law_change, keep_ids, id_key or os.urandom(32))
    _run(_assess_files, chunks, settings, workers if len(numbered) >= 200 else 1, out, progress)
    return out
