"""Many case files at once, for a lawyer with many clients: `reprieve assess FOLDER --json` (one JSON line per case)
and `reprieve draft packet FOLDER -o OUT/` (a packet per case, in parallel, and a table of verdicts).

Each case is assessed on its own `as_of` unless `--as-of` is given. A case file that cannot be read is reported
with its problems and the others go on; the exit code says whether any failed.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from reprieve.assess.report import Options

CASE_SUFFIXES = (".yaml", ".yml", ".json")
VERDICT_WORDS = {"eligible": "OPEN", "needs_review": "ARGUABLE", "needs_facts": "NEEDS FACTS",
                 "not_eligible": "CLOSED"}

T = TypeVar("T")
R = TypeVar("R")


def case_files(folder: Path) -> list[Path]:
    """The case files directly in a folder (YAML or JSON), in name order; hidden files are skipped."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in CASE_SUFFIXES and not p.name.startswith("."))


def _parallel(work: Callable[[T], R], items: list[T], workers: int | None) -> Iterator[R]:
    """`work` over `items`, in order; in processes when there is more than a little to do."""
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(items) <= 2:
        yield from map(work, items)
        return
    with ProcessPoolExecutor(max_workers=min(count, len(items))) as pool:
        yield from pool.map(work, items, chunksize=max(1, len(items) // (count * 4)))


def error_json(source: str, problems: Iterable[Any]) -> dict[str, Any]:
    """The error document of the command-line contract: {error: {file, field, message}}, and every problem in
    `errors` when there are several."""
    listed = [{"file": source, "field": p.path, "message": p.message} for p in problems]
    out: dict[str, Any] = {"error": listed[0] if listed else {"file": source, "field": None, "message": "unknown"}}
    if len(listed) > 1:
        out["errors"] = listed
    return out


def warnings_json(warnings: Iterable[Any]) -> list[dict[str, str]]:
    return [{"field": w.path, "message": w.message} for w in warnings]


def resolve_as_of(flag: date | None, case: Any) -> date:
    if flag is not None:
        return flag
    if case.as_of is not None and case.as_of.exact is not None:
        return case.as_of.exact  # type: ignore[no-any-return]
    return date.today()


# --- assess ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _AssessJob:
    path: Path
    as_of: date | None
    options: Options


def _assess_one(job: _AssessJob) -> dict[str, Any]:
    from reprieve.assess.report import assess
    from reprieve.intake import CaseFileError, load_case

    source = str(job.path)
    try:
        loaded = load_case(job.path)
    except CaseFileError as exc:
        return {"file": source, **error_json(source, exc.problems)}
    result = assess(loaded.case, resolve_as_of(job.as_of, loaded.case), job.options)
    verdicts = {avenue: finding.status for avenue, finding in result.verdicts()}  # the deciding status per avenue
    return {"file": source, **result.as_json(), "verdicts": verdicts, "warnings": warnings_json(loaded.warnings)}


def assess_folder(folder: Path, as_of: date | None, options: Options, workers: int | None) -> Iterator[dict[str, Any]]:
    jobs = [_AssessJob(p, as_of, options) for p in case_files(folder)]
    yield from _parallel(_assess_one, jobs, workers)


# --- packets -----------------------------------------------------------------------------------------------------

@dataclass
class PacketResult:
    file: str
    folder: str = ""
    name: str = ""
    register: str = ""
    release: str = ""
    verdicts: dict[str, str] = field(default_factory=dict)  # avenue -> status
    to_complete: int = 0  # in the motion
    error: str = ""


@dataclass(frozen=True)
class _PacketJob:
    path: Path
    out: Path
    suffix: str
    as_of: date | None
    redact: bool
    options: Options


def _packet_one(job: _PacketJob) -> PacketResult:
    from reprieve.documents.draft import write_packet
    from reprieve.intake import CaseFileError, load_case

    result = PacketResult(file=str(job.path))
    try:
        loaded = load_case(job.path)
    except CaseFileError as exc:
        result.error = "; ".join(f"{p.path}: {p.message}" for p in exc.problems)
        return result
    case = loaded.case
    from reprieve.assess.report import assess

    day = resolve_as_of(job.as_of, case)
    assessment = assess(case, day, job.options)
    try:
        written = write_packet(case, day, job.out, job.suffix, redact=job.redact, options=job.options,
                               assessment=assessment)
    except OSError as exc:
        result.error = f"{job.out}: cannot write: {exc.strerror or exc}"
        return result
    motion = next(doc for _, doc in written if doc.kind == "motion")
    result.folder = str(job.out)
    result.name = case.person.name or ""
    result.register = case.person.register_number or ""
    result.to_complete = len(motion.to_complete)
    result.verdicts = {avenue: finding.status for avenue, finding in assessment.verdicts()}
    bop = case.custody.bop.projected_release_date if case.custody.bop is not None else None
    computed = assessment.computation.projected_release_date
    span = assessment.computation.ranges["projected_release_date"].as_json() \
        if "projected_release_date" in assessment.computation.ranges else {}
    if bop is not None:
        result.release = f"{bop} (BOP)"
    elif computed is not None:
        result.release = computed.isoformat()
    elif span.get("earliest") and span.get("latest"):
        result.release = span["earliest"] if span["earliest"] == span["latest"] else \
            f"{span['earliest']} to {span['latest']}"
    return result


def _folder_names(files: list[Path]) -> list[str]:
    """One output folder per case file: its name without the suffix, unless two files share it."""
    stems = [p.stem for p in files]
    return [p.stem if stems.count(p.stem) == 1 else p.name.replace(".", "-") for p in files]


def packets(folder: Path, out: Path, suffix: str, as_of: date | None, redact: bool, options: Options,
            workers: int | None) -> list[PacketResult]:
    files = case_files(folder)
    jobs = [_PacketJob(p, out / name, suffix, as_of, redact, options) for p, name in zip(files, _folder_names(files),
                                                                                          strict=True)]
    return list(_parallel(_packet_one, jobs, workers))


def avenues(results: list[PacketResult]) -> list[str]:
    seen: dict[str, None] = {}
    for r in results:
        for avenue in r.verdicts:
            seen.setdefault(avenue, None)
    return list(seen)


def write_summary(results: list[PacketResult], path: Path) -> None:
    """The table of verdicts, one row per case, as CSV (a spreadsheet opens it): private (mode 0600), and no cell
    that a spreadsheet would run as a formula (a name or a file name beginning with `=`)."""
    from reprieve.screen.output import spreadsheet_safe, write_private

    columns = avenues(results)
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: str) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["case file", "folder", "name", "register number", "projected release", *columns,
                             "to complete in the motion", "error"])
            for r in results:
                writer.writerow([spreadsheet_safe(cell) for cell in (
                    r.file, r.folder, r.name, r.register, r.release,
                    *(VERDICT_WORDS.get(r.verdicts.get(a, ""), "") for a in columns),
                    r.to_complete if not r.error else "", r.error)])

    write_private(path, write)
