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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reprieve.screen.columns import ID_COLUMNS, RowBuilder, parse_path
from reprieve.screen.ids import hasher, person_id
from reprieve.screen.source import Table, open_table, read_rows, read_rows_at

CHUNK = 1000  # rows per task: large enough that reading a slice costs little, small enough to keep both cores busy
# A what-if that reaches fewer people than this re-assesses them in this process and in processes forked from it,
# which share its imports and law (`_reassess_here`): spawned worker processes each import the engine and load the
# law (about 2.5 s of CPU each), which costs more than it saves unless the reach is large (then the rows are read
# by the workers, a slice each, rather than held here: 10,000 people at about 4 ms take 20 s on each of two cores).
SMALL_REACH = 10_000
SHARE_MIN = 8  # people a forked process takes at least: forking costs about 50 ms, the time of some 10 people


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class Screened:
    parts: list[Any] = field(default_factory=list)  # polars frames, one per chunk: the results under the law asked
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    base_parts: list[Any] = field(default_factory=list)  # with a what-if: the same people under the shipped law

    @property
    def frame(self) -> Any:
        """Every person's row, in input order (unranked)."""
        return _concat(self.parts)

    @property
    def base(self) -> Any:
        """With a what-if law, every person's row under the shipped law (with `READS` when traced)."""
        return _concat(self.base_parts)


def _concat(parts: list[Any]) -> Any:
    import polars as pl

    if not parts:
        return pl.DataFrame()
    return pl.concat(parts, how="diagonal_relaxed")


READS = "law reads"  # the law a person's result read (`LawSnapshot.read`), one read a line: a what-if's guide


@dataclass(frozen=True)
class Settings:
    as_of: date
    law_change: dict[str, Any] | None
    keep_ids: bool
    key: bytes
    file: str = ""  # the table's Parquet file
    columns: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    trace: bool = False  # record, beside each row under the shipped law, the law parameters it read (`READS`)


# --- the work one process does ---------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init_worker(settings: Settings) -> None:
    from reprieve.law.params import Law, shipped_law

    case_columns = [i for i, t in enumerate(settings.targets) if t != "id"]
    # the law resolved once per process for the whole run (a what-if law included), passed to every assessment
    changed = Law.at(settings.as_of, settings.law_change) if settings.law_change else None
    _STATE.update(settings=settings, law=Law.at(settings.as_of), changed=changed, reads_text={},
                  reach=changed.change.reach(shipped_law()) if changed is not None and changed.change else None,
                  case_columns=case_columns,
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


Task = tuple[int, int, tuple[int, ...] | None]  # rows offset .. offset + length of the table, or only these rows


def _assess_slice(task: Task) -> tuple[Any, Any, list[RowError]]:
    """Read rows `offset .. offset + length` of the table (rows numbered from 2: the header is row 1) and assess each
    person, or read and assess only the rows `only` names (in ascending order).

    Without a what-if: each row under the shipped law (with the law it read, when traced). With a what-if: each row
    under the what-if law, and under the shipped law beside it; a person whose result under the shipped law read
    none of the parameters the what-if changes is not assessed again (the result would be the same: see
    `LawSnapshot.read`). With `only`, the rows named are re-assessed under the what-if law alone (their results
    under the shipped law are known from an earlier screening)."""
    from reprieve.screen.table import to_frame

    offset, length, only = task
    settings: Settings = _STATE["settings"]
    file, columns = Path(settings.file), list(settings.columns)
    numbered = zip(range(offset + 2, offset + 2 + length), read_rows(file, columns, offset, length), strict=True) \
        if only is None else zip(only, read_rows_at(file, columns, [n - 2 for n in only]), strict=True)
    base, changed, reads, errors = _assess_cells(numbered, only is not None)
    base_frame = to_frame(base) if only is None else None
    if base_frame is not None and settings.trace:
        import polars as pl

        base_frame = base_frame.with_columns(pl.Series(READS, reads, dtype=pl.Categorical))
    return base_frame, to_frame(changed) if settings.law_change else None, errors


Rows = list[dict[str, Any]]


def _assess_cells(numbered: Iterable[tuple[int, tuple[Any, ...]]], changed_only: bool = False) \
        -> tuple[Rows, Rows, list[str], list[RowError]]:
    """Each numbered row's cells made a case and assessed (`_assess_one`): the rows under the shipped law and under
    the what-if law, the law each read (when traced), and the rows that are no case. Plain Python objects only (no
    polars: a forked process runs it, see `_reassess_here`)."""
    from reprieve.intake import CaseFileError, parse_case

    builder: RowBuilder = _STATE["builder"]
    case_columns: list[int] = _STATE["case_columns"]
    base: Rows = []
    changed: Rows = []
    reads: list[str] = []
    errors: list[RowError] = []
    for number, cells in numbered:
        try:
            case = parse_case(builder.build([cells[i] for i in case_columns]), f"row {number}",
                              warnings=False).case
        except CaseFileError as exc:
            errors.extend(RowError(number, p.path, p.message) for p in exc.problems)
            continue
        _assess_one(case, _shown_id(cells, number), number, changed_only, base, changed, reads)
    return base, changed, reads, errors


def _reassessed(numbered: list[tuple[int, tuple[Any, ...]]]) -> tuple[Rows, list[RowError]]:
    """The numbered rows under the what-if law alone (their rows under the shipped law are known)."""
    _, changed, _, errors = _assess_cells(numbered, changed_only=True)
    return changed, errors


def _assess_one(case: Any, shown: str, number: int, changed_only: bool, base: list[dict[str, Any]],
                changed: list[dict[str, Any]], reads: list[str]) -> None:
    from reprieve.assess.report import again, assess
    from reprieve.screen.rows import ROW_ONLY, person_row

    as_of = _STATE["settings"].as_of
    what_if = _STATE["changed"]
    if changed_only:
        changed.append(person_row(shown, number, assess(case, as_of, ROW_ONLY, law=what_if)))
        return
    traced = _STATE["law"].traced() if _STATE["settings"].trace or what_if is not None else _STATE["law"]
    result = assess(case, as_of, ROW_ONLY, law=traced, stages=what_if is not None)  # stages only for `again`
    row = person_row(shown, number, result)
    base.append(row)
    if _STATE["settings"].trace:
        reads.append(_reads_text(traced.read))
    if what_if is not None:  # assessed again only if the what-if reaches it, and then only the stages it reaches
        changed.append(person_row(shown, number, again(result, what_if, _STATE["reach"], ROW_ONLY))
                       if _STATE["reach"](traced.read) else row)


def _reads_text(read: frozenset[str]) -> str:
    known: dict[frozenset[str], str] = _STATE["reads_text"]  # a few hundred different sets in a population
    text = known.get(read)
    if text is None:
        text = known[read] = "\n".join(sorted(read))
    return text


# --- running ------------------------------------------------------------------------------------------------------


def screen(path: Path, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
           id_key: bytes | None = None, workers: int | None = None, columns: dict[str, str] | None = None,
           progress: Callable[[int], None] | None = None) -> Screened:
    """Assess every person in a CSV or Parquet table (rows numbered from 2, the header being row 1)."""
    with open_table(path, columns) as table:
        return screen_table(table, as_of, law_change=law_change, keep_ids=keep_ids, id_key=id_key, workers=workers,
                            progress=progress)


def screen_table(table: Table, as_of: date, *, law_change: dict[str, Any] | None = None, keep_ids: bool = False,
                 id_key: bytes | None = None, workers: int | None = None, trace: bool = False,
                 progress: Callable[[int], None] | None = None) -> Screened:
    """Every person of the table, under the shipped law or, with `law_change`, under the what-if law (and under the
    shipped law beside it, as `Screened.base`). `trace`: each row under the shipped law carries the law it read
    (`READS`), so a later what-if re-assesses only the people a change can reach (`rescreen`)."""
    out = Screened(warnings=list(table.warnings))
    settings = Settings(as_of, law_change, keep_ids, id_key or os.urandom(32), str(table.file),
                        tuple(table.columns), tuple(table.targets), trace)
    tasks = ((offset, min(CHUNK, table.height - offset), None) for offset in range(0, table.height, CHUNK))
    _run(_assess_slice, tasks, settings, workers, out, progress)
    return out


def rescreen(table: Table, base: Any, errors: list[RowError], as_of: date, law_change: dict[str, Any], *,
             keep_ids: bool = False, id_key: bytes | None = None, workers: int | None = None,
             progress: Callable[[int], None] | None = None) -> tuple[Screened, int]:
    """A what-if from an earlier screening of the same table under the shipped law (`base`, with `READS`): only the
    people whose results read a parameter the what-if changes are assessed again; everyone else's row is reused as
    it is. The same rows, cell for cell, as `screen_table(table, as_of, law_change=law_change)`. Returns the
    screening (its `base`: the earlier rows, without `READS`) and how many people were assessed again."""
    import polars as pl

    from reprieve.law.params import LawChange, shipped_law

    reach = LawChange.model_validate(law_change).reach(shipped_law())
    # a few hundred different traces in a population, of a few hundred different reads: a trace is reached when one
    # of its reads is (`Reach`), so each read is judged once, and each trace with the rows that read it
    traces = [(str(reads).split("\n"), rows) for reads, rows in base.group_by(READS).agg(pl.col("row")).iter_rows()] \
        if base.height else []
    reached = {read for read in {read for reads, _ in traces for read in reads} if reach((read,))}
    again = sorted(row for reads, rows in traces if not reached.isdisjoint(reads) for row in rows)
    tasks = ((0, 0, tuple(again[i:i + CHUNK])) for i in range(0, len(again), CHUNK))
    out = Screened(warnings=list(table.warnings), errors=list(errors))
    if progress:
        progress(base.height - len(again) + len({e.row for e in errors}))  # the rows reused are done
    settings = Settings(as_of, law_change, keep_ids, id_key or os.urandom(32), str(table.file),
                        tuple(table.columns), tuple(table.targets))
    if len(again) < SMALL_REACH:
        _reassess_here(again, settings, workers, out, progress)
    else:
        _run(_assess_slice, tasks, settings, workers, out, progress)
    base = base.drop(READS, strict=False)
    kept = base.filter(~pl.col("row").is_in(again)) if again else base
    out.parts = [_concat([kept, *out.parts]).sort("row")] if out.parts else [kept]
    out.base_parts = [base]
    return out, len(again)


def _reassess_here(rows: list[int], settings: Settings, workers: int | None, out: Screened,
                   progress: Callable[[int], None] | None) -> None:
    """Re-assess the table's `rows` under the what-if law in this process and, with more workers, in processes forked
    from it once the engine is imported and the law resolved: a fork shares both and starts in milliseconds, where a
    spawned worker imports the engine and loads the law again (about 2.5 s of CPU). The rows are read here, in one
    pass, before forking; a forked process runs no polars (its thread pool does not survive a fork) and sends back
    plain rows."""
    from reprieve.assess import report  # noqa: F401 (imported before forking: the forked processes share it)
    from reprieve.screen.table import to_frame

    workers = min(workers if workers is not None else (os.cpu_count() or 1), max(len(rows) // SHARE_MIN, 1))
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1
    _init_worker(settings)
    try:
        cells = read_rows_at(Path(settings.file), list(settings.columns), [n - 2 for n in rows])
        numbered = list(zip(rows, cells, strict=True))
        done = _shared_out([numbered[i::workers] for i in range(workers)], progress)  # interleaved: each as mixed
    finally:
        _reset()
    changed = sorted((row for share_rows, _ in done for row in share_rows), key=lambda r: int(r["row"]))
    out.errors.extend(sorted((e for _, errors in done for e in errors), key=lambda e: e.row))
    if changed:
        out.parts.append(to_frame(changed))


def _shared_out(shares: list[list[tuple[int, tuple[Any, ...]]]],
                progress: Callable[[int], None] | None) -> list[tuple[Rows, list[RowError]]]:
    """The first share re-assessed here, each other in a process forked from this one."""
    import gc
    import warnings

    # the first person here, before forking: the engine's lazy loads and memos (about 0.25 s of CPU: the holiday
    # calendars, the words catalogs) are then made once, and shared
    done = [_reassessed(shares[0][:1])]
    gc.freeze()  # the forked processes' collections then leave the shared pages alone
    with warnings.catch_warnings():  # (Python 3.12 warns of forking a process with threads: polars', unused there)
        warnings.filterwarnings("ignore", r".*multi-threaded.*fork", DeprecationWarning)
        pool = multiprocessing.get_context("fork").Pool(len(shares) - 1) if len(shares) > 1 else None
    gc.unfreeze()
    with pool or nullcontext():
        pending = [pool.apply_async(_reassessed, (share,)) for share in shares[1:]] if pool else []
        done.append(_reassessed(shares[0][1:]))
        if progress:
            progress(len(shares[0]))
        for share, result in zip(shares[1:], pending, strict=True):
            done.append(result.get())
            if progress:
                progress(len(share))
    return done


def _run(work: Callable[[Any], tuple[Any, Any, list[RowError]]], tasks: Iterator[Any], settings: Settings,
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


def _collect(results: Iterator[tuple[Any, Any, list[RowError]]], out: Screened,
             progress: Callable[[int], None] | None) -> None:
    """Each task's rows under the shipped law and under a what-if law (either can be None): the what-if's are the
    screening's, the shipped law's its base; without a what-if, the shipped law's are the screening's."""
    for base, changed, errors in results:
        result = changed if changed is not None else base
        if result is not None and result.height:
            out.parts.append(result)
        if changed is not None and base is not None and base.height:
            out.base_parts.append(base)
        out.errors.extend(errors)
        if progress:
            progress((result.height if result is not None else 0) + len({e.row for e in errors}))


# --- a folder of case files ---------------------------------------------------------------------------------------


def case_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".yaml", ".yml", ".json")]


def folder_id(register: str | None, path: Path) -> str:
    return register or path.stem


def _assess_files(paths: list[tuple[int, str]]) -> tuple[Any, Any, list[RowError]]:
    from reprieve.intake import CaseFileError, load_case
    from reprieve.screen.table import to_frame

    settings: Settings = _STATE["settings"]
    base: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for number, path in paths:
        try:
            loaded = load_case(path)
        except CaseFileError as exc:
            errors.extend(RowError(number, f"{Path(path).name}: {p.path}", p.message) for p in exc.problems)
            continue
        ident = folder_id(loaded.case.person.register_number, Path(path))
        shown = ident if settings.keep_ids else _STATE["hash"](ident)
        _assess_one(loaded.case, shown, number, False, base, changed, [])
    return to_frame(base), to_frame(changed) if settings.law_change else None, errors


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
