"""The `reprieve` command (contract: ../shared/spec/cli.md).

Exit 0 on success, 1 when the input is bad (the message names the file and the field), 2 on usage errors.
Heavy modules are imported inside the commands so that `reprieve --help` and cold starts stay fast.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Federal sentence computation and sentence-reduction screening, with citations. "
    "Information, not legal advice.",
    pretty_exceptions_enable=False,
)

DISCLAIMER = "Information, not legal advice. Check every date against the BOP's own computation."


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None


AsOf = Annotated[str | None, typer.Option("--as-of", help="assess on this date, YYYY-MM-DD (default: the case "
                                                              "file's as_of, else today)")]
AsJson = Annotated[bool, typer.Option("--json", help="print one JSON document to stdout")]
CasePath = Annotated[Path, typer.Argument(help="case file, YAML or JSON (../shared/spec/case-format.md)",
                                          show_default=False)]


def _load(path: Path) -> Any:
    from reprieve.intake import CaseFileError, load_case

    try:
        loaded = load_case(path)
    except CaseFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    for warning in loaded.warnings:
        typer.echo(f"{loaded.source}: warning: {warning.path}: {warning.message}", err=True)
    return loaded


def _resolve_as_of(flag: str | None, case: Any) -> date:
    chosen = _as_of(flag)
    if chosen is not None:
        return chosen
    if case.as_of is not None and case.as_of.exact is not None:
        return case.as_of.exact  # type: ignore[no-any-return]
    return date.today()


@app.command()
def compute(case: CasePath, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The BOP-style sentence computation: terms, credits, GCT, FSA time credits, release dates."""
    loaded = _load(case)
    day = _resolve_as_of(as_of, loaded.case)
    from reprieve.assess.computation import compute as run

    result = run(loaded.case, day)
    if as_json:
        json.dump(result.as_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    from reprieve.cli.render import print_computation

    print_computation(result, loaded.source, DISCLAIMER)


@app.command()
def assess(
    case: CasePath,
    as_of: AsOf = None,
    as_json: AsJson = False,
    at_bottom_of_range: Annotated[bool, typer.Option(
        "--at-bottom-of-range", help="date the current-law release from the bottom of the recomputed guideline "
        "range instead of the statutory minimum")] = False,
) -> None:
    """Everything reprieve can say: the computation, current law, the guidelines and every avenue of relief."""
    loaded = _load(case)
    day = _resolve_as_of(as_of, loaded.case)
    from reprieve.assess.report import Options
    from reprieve.assess.report import assess as run

    result = run(loaded.case, day, Options(at_bottom_of_range=at_bottom_of_range))
    if as_json:
        json.dump(result.as_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    from reprieve.cli.render import print_assessment

    print_assessment(result, loaded.source, DISCLAIMER)


@app.command()
def screen(
    source: Annotated[Path, typer.Argument(help="CSV or Parquet, one person per row (docs/screening.md), or a folder "
                                                "of case files", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV or Parquet, one ranked row per person")],
    as_of: AsOf = None,
    explain: Annotated[str | None, typer.Option("--explain", help="print the full assessment of one person (id, "
                                                                   "register number or row number)")] = None,
    law_change: Annotated[Path | None, typer.Option("--law-change", help="YAML of hypothetical changes to the "
                                                                          "dated law data (what-if)")] = None,
    keep_ids: Annotated[bool, typer.Option("--keep-ids", help="write ids as given (default: keyed hashes)")] = False,
    id_key: Annotated[str | None, typer.Option("--id-key", envvar="REPRIEVE_ID_KEY",
                                               help="key for the id hashes, to match ids across runs")] = None,
    id_key_file: Annotated[Path | None, typer.Option(
        "--id-key-file", metavar="FILE", envvar="REPRIEVE_ID_KEY_FILE",
        help="the clinic's key file for the id hashes, made on first use (default: "
        "~/.config/reprieve/screen-id.key)")] = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", metavar="MAPPING",
        help="the file's own column names: \"Reg No=register_number,Sentence=judgments[0].counts[0].months\", or "
        "a saved YAML mapping file")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="processes (default: one per core)")] = None,
) -> None:
    """Screen a population: every person assessed by the same rules as `reprieve assess`, ranked, explained."""
    from reprieve.screen.command import run_screen

    day = _as_of(as_of) or date.today()
    raise typer.Exit(run_screen(source, output, day, explain=explain, law_change=law_change, keep_ids=keep_ids,
                                id_key=id_key, id_key_file=id_key_file, columns=columns, workers=workers))


@app.command()
def synth(
    count: Annotated[int, typer.Argument(help="how many synthetic people", min=1)],
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV or Parquet")],
    seed: Annotated[int, typer.Option("--seed", help="random seed (the same seed gives the same people)")] = 1,
    as_of: AsOf = None,
) -> None:
    """Write a synthetic population (never real people) whose shape follows published USSC and BOP statistics."""
    from reprieve.screen.synth import write_population

    write_population(count, output, seed, _as_of(as_of) or date.today())


@app.command()
def draft(
    kind: Annotated[str, typer.Argument(help="warden-request, motion, ao250, exhibits, memo, summary, or packet "
                                             "(all six into the folder -o)", show_default=False)],
    case: CasePath,
    output: Annotated[Path, typer.Option("-o", "--output", help="the file to write (.docx, .pdf, .md or .txt), or "
                                                                "for a packet the folder")],
    as_of: AsOf = None,
    fmt: Annotated[str, typer.Option("--format", help="a packet's format: pdf, docx, md or txt")] = "pdf",
    no_redact: Annotated[bool, typer.Option(
        "--no-redact", help="print identifiers in full (a filing under seal, Fed. R. Crim. P. 49.1(d)); default: "
        "redacted")] = False,
    at_bottom_of_range: Annotated[bool, typer.Option(
        "--at-bottom-of-range", help="compare with the bottom of the recomputed guideline range")] = False,
) -> None:
    """Draft filings and a plain-language summary from the case and its assessment (information, not legal
    advice)."""
    from reprieve.documents.draft import KINDS, PACKET, DraftError, format_of

    if kind not in (*KINDS, PACKET):
        raise typer.BadParameter(f"{kind!r} is not a document reprieve drafts: use one of "
                                 f"{', '.join((*KINDS, PACKET))}", param_hint="KIND")
    suffix = f".{fmt.lower().lstrip('.')}"
    try:
        format_of(Path(f"x{suffix}") if kind == PACKET else output)
    except DraftError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format" if kind == PACKET else "-o") from None
    loaded = _load(case)
    day = _resolve_as_of(as_of, loaded.case)
    from reprieve.assess.report import Options
    from reprieve.documents.draft import draft as build
    from reprieve.documents.draft import warnings_for, write, write_packet
    from reprieve.documents.render import notes_text

    options = Options(at_bottom_of_range=at_bottom_of_range)
    try:
        if kind == PACKET:
            written = write_packet(loaded.case, day, output, suffix, redact=not no_redact, options=options)
        else:
            doc = build(kind, loaded.case, day, redact=not no_redact, options=options)
            write(doc, output)
            written = [(output, doc)]
    except OSError as exc:
        typer.echo(f"{output}: cannot write: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    for path, doc in written:
        if doc.notes and kind != PACKET:
            typer.echo(f"{doc.notes_title}:\n{notes_text(doc)}", err=True)
        for warning in warnings_for(doc, path):
            typer.echo(f"{path}: warning: {warning}", err=True)
        typer.echo(f"wrote {path}", err=True)
    typer.echo(DISCLAIMER, err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the case file."""
    from reprieve.case.model import case_json_schema

    json.dump(case_json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")


def run() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    run()
