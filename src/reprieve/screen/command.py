"""`reprieve screen`: read, assess, rank, write the table, the errors and the HTML report; what-if comparisons."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from reprieve.screen.rows import rank
from reprieve.screen.runner import RowError, Screened, screen, screen_folder

DISCLAIMER = "Information, not legal advice: every row is a screen for a person to check against the records."


def run_screen(source: Path, output: Path, as_of: date, *, explain: str | None = None,
               law_change: Path | None = None, keep_ids: bool = False, id_key: str | None = None,
               workers: int | None = None) -> int:
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    if output.suffix.lower() not in (".csv", ".parquet"):
        console.print(f"{output}: the output must end in .csv or .parquet")
        return 2
    if not source.exists():
        console.print(f"{source}: (file): does not exist")
        return 1
    change = None
    if law_change is not None:
        change = _read_change(law_change, console)
        if change is None:
            return 1
    if explain is not None:
        try:
            return _explain(source, explain, as_of, change, console)
        except ValueError as exc:
            console.print(str(exc))
            return 1
    key = id_key.encode() if id_key else os.urandom(32)
    try:
        result = _run(source, as_of, change, keep_ids, key, workers, console, "screening")
        baseline = _run(source, as_of, None, keep_ids, key, workers, console, "baseline (law as it is)") \
            if change is not None else None
    except ValueError as exc:
        console.print(str(exc))
        return 1
    frame = rank(result.frame)
    what_if = None
    if baseline is not None and change is not None:
        frame, what_if = _compare(baseline.frame, frame, change)
    _write_table(frame, output)
    errors_path = output.with_name(output.stem + ".errors.csv")
    _write_errors(result.errors, errors_path)
    report_path = output.with_name(output.stem + ".html")
    from reprieve.screen.report import write_report

    write_report(frame, len({e.row for e in result.errors}), str(report_path), as_of,
                 f"reprieve screening of {source.name}", what_if)
    for warning in result.warnings:
        console.print(f"{source}: warning: {warning} (column ignored)")
    for error in result.errors[:20]:
        console.print(f"{source}: row {error.row}: {error.field}: {error.message}")
    if len(result.errors) > 20:
        console.print(f"... {len(result.errors) - 20} more in {errors_path}")
    open_now = frame.filter(frame["best_status"] == "eligible").height if frame.height else 0
    console.print(f"{frame.height} people screened, {len({e.row for e in result.errors})} rows skipped; "
                  f"{open_now} with an avenue open now. Wrote {output}, {report_path}"
                  + (f", {errors_path}" if result.errors else "") + ".")
    if what_if:
        console.print(f"What-if ({what_if['description']}): reaches {what_if['people_reached']} people; removes "
                      f"up to {what_if['years_removed']} years of imprisonment.")
    console.print(DISCLAIMER, style="italic")
    return 0


def _read_change(path: Path, console: Any) -> dict[str, Any] | None:
    import yaml

    from reprieve.law.params import LawChange, LawDataError, changed, shipped_law

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        change = LawChange.model_validate(raw)
        changed(shipped_law(), change)  # validate against the data before starting any worker
    except FileNotFoundError:
        console.print(f"{path}: (file): does not exist")
        return None
    except (yaml.YAMLError, ValueError, LawDataError) as exc:
        console.print(f"{path}: {exc}")
        return None
    return change.model_dump(by_alias=True)


def _run(source: Path, as_of: date, change: dict[str, Any] | None, keep_ids: bool, key: bytes,
         workers: int | None, console: Any, label: str) -> Screened:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    total = _count_rows(source)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), console=console,
                  transient=False) as progress:
        task = progress.add_task(label, total=total, rate="-")

        def advance(done: int) -> None:
            progress.advance(task, done)
            elapsed = progress.tasks[0].elapsed or 0
            if elapsed:
                progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:,.0f}")

        if source.is_dir():
            return screen_folder(source, as_of, law_change=change, keep_ids=keep_ids, id_key=key, workers=workers,
                                 progress=advance)
        return screen(source, as_of, law_change=change, keep_ids=keep_ids, id_key=key, workers=workers,
                      progress=advance)


def _count_rows(source: Path) -> int | None:
    if source.is_dir():
        return sum(1 for p in source.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json"))
    from reprieve.screen.runner import read_table

    return read_table(source)[2]  # a file that cannot be read raises ValueError naming it


def _compare(before: Any, after: Any, change: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Who the change reaches (a finding newly open or arguable) and the imprisonment it could remove."""
    import polars as pl

    findings = [c for c in after.columns if c.startswith("finding: ")]
    open_ = ("eligible", "needs_review")
    old = before.select("id", *[pl.col(c).alias(f"before {c}") for c in findings if c in before.columns])
    joined = after.join(old, on="id", how="left")
    newly = [pl.when(pl.col(c).is_in(open_) & ~pl.col(f"before {c}").is_in(open_).fill_null(False))
             .then(pl.lit(c.removeprefix("finding: "))) for c in findings if f"before {c}" in joined.columns]
    joined = joined.with_columns(pl.concat_str(newly, separator="; ", ignore_nulls=True).alias("what_if: newly_open")
                                 if newly else pl.lit("").alias("what_if: newly_open"))
    reached = joined.filter(pl.col("what_if: newly_open") != "")
    release = pl.coalesce(pl.col("projected_release_date"), pl.col("projected_release_latest")).str.to_date()
    days = reached.select((release - pl.col("as_of").str.to_date()).dt.total_days().clip(0)).to_series()
    summary = {"description": change["description"], "people_reached": reached.height,
               "years_removed": round(float(days.fill_null(0).sum()) / 365.25, 1),
               "how": "years removed = for each person reached, the time left until the projected release as of the "
                      "screening date (release now); an upper bound, since a court may grant less"}
    return joined.drop([c for c in joined.columns if c.startswith("before ")]), summary


def _write_table(frame: Any, output: Path) -> None:
    import polars as pl

    flat = frame.with_columns(pl.col(pl.Enum).cast(pl.String)) if output.suffix.lower() == ".csv" else frame
    _atomic(output, lambda tmp: flat.write_parquet(tmp) if output.suffix.lower() == ".parquet" else flat.write_csv(tmp))


def _write_errors(errors: list[RowError], path: Path) -> None:
    if not errors:
        if path.exists():
            path.unlink()
        return
    import polars as pl

    frame = pl.DataFrame({"row": [e.row for e in errors], "field": [e.field for e in errors],
                          "message": [e.message for e in errors]})
    _atomic(path, frame.write_csv)


def _atomic(path: Path, write: Any) -> None:
    """Write to a temporary file beside `path`, then rename: nothing half-written is left behind."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(handle)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _explain(source: Path, wanted: str, as_of: date, change: dict[str, Any] | None, console: Any) -> int:
    from reprieve.law.params import Law, using

    with using(Law.at(as_of, change)):  # the assessment and its printing, under the what-if law
        return _explain_one(source, wanted, as_of, console)


def _explain_one(source: Path, wanted: str, as_of: date, console: Any) -> int:
    from reprieve.assess.report import assess
    from reprieve.cli.render import print_assessment
    from reprieve.intake import CaseFileError, load_case, parse_case
    from reprieve.screen.columns import compact, parse_path, unflatten
    from reprieve.screen.runner import person_id, read_table

    if source.is_dir():
        for path in sorted(source.iterdir()):
            if path.stem == wanted or path.name == wanted:
                try:
                    loaded = load_case(path)
                except CaseFileError as exc:
                    console.print(str(exc))
                    return 1
                print_assessment(assess(loaded.case, as_of), str(path), DISCLAIMER)
                return 0
        console.print(f"{source}: no case file named {wanted}")
        return 1
    columns, rows, _ = read_table(source)
    paths = {c: parse_path(c) for c in columns if c != "id"}
    for number, values in enumerate(rows, start=2):
        raw = dict(zip(columns, values, strict=True))
        if wanted in (person_id(raw, number), str(number)):
            try:
                case = parse_case(compact(unflatten(raw, paths)), f"{source} row {number}").case
            except CaseFileError as exc:
                console.print(str(exc))
                return 1
            print_assessment(assess(case, as_of), f"{source} row {number}", DISCLAIMER)
            return 0
    console.print(f"{source}: no row with id, register number or row number {wanted}")
    sys.stdout.flush()
    return 1
