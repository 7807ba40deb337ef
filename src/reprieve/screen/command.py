"""`reprieve screen`: read, assess, rank, write the table, the errors and the HTML report; what-if comparisons."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reprieve.screen.ids import IdKey, IdKeyError, load_key
from reprieve.screen.output import write_parts, write_table, write_text
from reprieve.screen.runner import RowError, Screened, screen_folder, screen_table
from reprieve.screen.source import InputError, Table, load_mapping, open_table
from reprieve.screen.table import rank_order, ranked_rows

DISCLAIMER = "Information, not legal advice: every row is a screen for a person to check against the records."


def run_screen(source: Path, output: Path, as_of: date, *, explain: str | None = None,
               law_change: Path | None = None, keep_ids: bool = False, id_key: str | None = None,
               id_key_file: Path | None = None, columns: str | None = None, workers: int | None = None,
               cache: bool = True) -> int:
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
    try:
        mapping = load_mapping(columns) if columns else None
        key = _key(id_key, id_key_file, create=not keep_ids and explain is None, console=console)
        if explain is not None:
            return _explain(source, explain, as_of, change, mapping, key, console)
        if source.is_dir():
            return _screen(source, None, output, as_of, change, keep_ids, key, workers, cache, console)
        with open_table(source, mapping) as table:
            return _screen(source, table, output, as_of, change, keep_ids, key, workers, cache, console)
    except (InputError, IdKeyError) as exc:
        console.print(str(exc))
        return 1


def _key(text: str | None, path: Path | None, *, create: bool, console: Any) -> IdKey | None:
    """The key for the id hashes: given as text (--id-key), else the clinic's key file, made on first use."""
    if text:
        return IdKey(text.encode(), None)
    key = load_key(path, create=create)
    if key is not None and key.created:
        console.print(f"Created the id key {key.path} (readable only by you). Keep it: the same key gives the same "
                      "ids in every screening. It is never written into an output; do not send it with one.")
    if key is not None and key.shared:
        console.print(f"{key.path}: warning: other users of this machine can read the id key (chmod 600 it)")
    return key


def _screen(source: Path, table: Table | None, output: Path, as_of: date, change: dict[str, Any] | None,
            keep_ids: bool, key: IdKey | None, workers: int | None, keep: bool, console: Any) -> int:
    secret = key.secret if key else None
    if table is not None:
        for note in table.notes:
            console.print(f"{source}: {note}")
        for warning in table.warnings:
            console.print(f"{source}: warning: {warning}")

    from reprieve.screen.runner import case_files

    total = table.height if table else len(case_files(source))
    reused = ""
    if table is None:
        result = _with_progress("screening", total, lambda progress: screen_folder(
            source, as_of, law_change=change, keep_ids=keep_ids, id_key=secret, workers=workers, progress=progress),
            console)
        base = result.base
    else:
        result, base, reused = _screen_table(table, as_of, change, keep_ids, secret, workers, keep, console)
    frame = result.frame  # in input order; ranked as it is written
    what_if = None
    if change is not None:
        frame, what_if = _compare(base, frame, change)
    order = rank_order(frame)
    skipped = len({e.row for e in result.errors})
    errors_path = output.with_name(output.stem + ".errors.csv")
    report_path = output.with_name(output.stem + ".html")
    from reprieve.screen.report import render_report

    write_parts(frame.height, lambda start, length: ranked_rows(frame, order, start, length), output)
    _write_errors(result.errors, errors_path)
    write_text(report_path, render_report(frame, ranked_rows(frame, order, 0, 200), skipped, as_of,
                                          f"reprieve screening of {source.name}", what_if))
    for error in result.errors[:20]:
        console.print(f"{source}: row {error.row}: {error.field}: {error.message}")
    if len(result.errors) > 20:
        console.print(f"... {len(result.errors) - 20} more in {errors_path}")
    open_now = frame.filter(frame["best_status"] == "eligible").height if frame.height else 0
    console.print(f"{frame.height} people screened, {skipped} rows skipped; {open_now} with an avenue open now. "
                  f"Wrote {output}, {report_path}" + (f", {errors_path}" if result.errors else "") + ".")
    if reused:
        console.print(reused)
    if what_if:
        console.print(f"What-if ({what_if['description']}): reaches {what_if['people_reached']} people; removes "
                      f"up to {what_if['years_removed']} years of imprisonment.")
    console.print(DISCLAIMER, style="italic")
    return 0


def _screen_table(table: Table, as_of: date, change: dict[str, Any] | None, keep_ids: bool, secret: bytes | None,
                  workers: int | None, keep: bool, console: Any) -> tuple[Screened, Any, str]:
    """The screening, its rows under the shipped law (for a what-if) and a note of what was reused. A screening
    under the shipped law is kept (`cache`); a what-if of the same table re-assesses only the people it can reach."""
    from reprieve.screen import cache
    from reprieve.screen.runner import READS, rescreen

    digest = cache.run_digest(table, as_of, keep_ids, b"" if keep_ids else secret or b"") if keep else ""
    kept = cache.load(digest) if keep and change is not None else None
    if change is not None and kept is not None:
        base_rows, errors = kept
        reach: list[int] = []

        def again(progress: Callable[[int], None]) -> Screened:
            result, count = rescreen(table, base_rows, errors, as_of, change, keep_ids=keep_ids, id_key=secret,
                                     workers=workers, progress=progress)
            reach.append(count)
            return result

        result = _with_progress("what-if (the people it can reach)", table.height, again, console)
        return result, result.base, (f"Reused the earlier screening of {table.source.name} on the law as it is: "
                                     f"{reach[0]} of {table.height} people assessed again (the others' results "
                                     "read nothing the what-if changes).")
    result = _with_progress("screening", table.height, lambda progress: screen_table(
        table, as_of, law_change=change, keep_ids=keep_ids, id_key=secret, workers=workers, trace=keep,
        progress=progress), console)
    base = result.base if change is not None else result.frame
    if keep:
        cache.save(digest, base, result.errors)
        base = base.drop(READS)
        if change is None:
            result.parts = [base]
    return result, base, ""


def _with_progress(label: str, total: int, go: Callable[[Callable[[int], None]], Screened],
                   console: Any) -> Screened:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), console=console,
                  transient=False) as progress:
        task = progress.add_task(label, total=total, rate="-")

        def advance(done: int) -> None:
            progress.advance(task, done)
            elapsed = progress.tasks[0].elapsed or 0
            if elapsed:
                progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:,.0f}")

        return go(advance)


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


def _compare(before: Any, after: Any, change: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Who the change reaches (a finding newly open or arguable) and the imprisonment it could remove."""
    import polars as pl

    findings = [c for c in after.columns if c.startswith("finding: ")]
    open_ = ("eligible", "needs_review")
    old = before.select("row", *[pl.col(c).alias(f"before {c}") for c in findings if c in before.columns])
    joined = after.join(old, on="row", how="left", maintain_order="left")
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


def _write_errors(errors: list[RowError], path: Path) -> None:
    if not errors:
        if path.exists():
            path.unlink()
        return
    import polars as pl

    write_table(pl.DataFrame({"row": [e.row for e in errors], "field": [e.field for e in errors],
                              "message": [e.message for e in errors]}), path)


# --- --explain ----------------------------------------------------------------------------------------------------


def _explain(source: Path, wanted: str, as_of: date, change: dict[str, Any] | None, mapping: dict[str, str] | None,
             key: IdKey | None, console: Any) -> int:
    from reprieve.law.params import Law, using

    with using(Law.at(as_of, change)):  # the assessment and its printing, under the what-if law
        return _explain_one(source, wanted.strip(), as_of, mapping, key, console)


def _shown(ident: str, number: int, hash_of: Callable[[str], str] | None) -> set[str]:
    """Every way a row can be named in an output or by the user: the id as given, its keyed hash, the row number."""
    names = {ident, str(number), f"row-{number}"}
    if hash_of is not None:
        names.add(hash_of(ident))
    return names


def _explain_one(source: Path, wanted: str, as_of: date, mapping: dict[str, str] | None, key: IdKey | None,
                 console: Any) -> int:
    from reprieve.assess.report import assess
    from reprieve.cli.render import print_assessment
    from reprieve.intake import CaseFileError, load_case, parse_case
    from reprieve.screen.columns import ID_COLUMNS, RowBuilder, parse_path
    from reprieve.screen.ids import hasher, person_id
    from reprieve.screen.runner import case_files, folder_id
    from reprieve.screen.source import read_rows

    hash_of = hasher(key.secret) if key is not None else None
    if source.is_dir():
        for number, path in enumerate(case_files(source), start=1):
            try:
                loaded = load_case(path)
            except CaseFileError as exc:
                if wanted in (path.stem, path.name, str(number)):
                    console.print(str(exc))
                    return 1
                continue
            register = loaded.case.person.register_number
            names = _shown(folder_id(register, path), number, hash_of) | {path.stem, path.name, register or path.stem}
            if wanted in names:
                print_assessment(assess(loaded.case, as_of), str(path), DISCLAIMER)
                return 0
        console.print(f"{source}: no case file with the id, name, register number or row number {wanted}")
        return 1
    with open_table(source, mapping) as table:
        case_at = [i for i, t in enumerate(table.targets) if t != "id"]
        builder = RowBuilder([parse_path(table.targets[i]) for i in case_at], [table.columns[i] for i in case_at])
        ids = {t: table.targets.index(t) for t in ID_COLUMNS if t in table.targets}
        batch = 50_000
        for offset in range(0, table.height, batch):
            for number, cells in enumerate(read_rows(table.file, table.columns, offset, batch), start=offset + 2):
                given: dict[str, Any] = {t: cells[i] for t, i in ids.items()}
                names = _shown(person_id(given, number), number, hash_of)
                if given.get("person.register_number"):
                    names.add(str(given["person.register_number"]))
                if wanted not in names:
                    continue
                try:
                    case = parse_case(builder.build([cells[i] for i in case_at]), f"{source} row {number}").case
                except CaseFileError as exc:
                    console.print(str(exc))
                    return 1
                print_assessment(assess(case, as_of), f"{source} row {number}", DISCLAIMER)
                return 0
    console.print(f"{source}: no row with the id, register number or row number {wanted}")
    sys.stdout.flush()
    return 1
