"""The `reprieve` command (its contract: command names, flags, exit codes and JSON keys, as in README.md).

Exit 0 on success, 1 when the input is bad (the message names the file and the field), 2 on usage errors. With
`--json`, warnings are inside the JSON document and an error is a JSON document too: {error: {file, field, message}}.
Heavy modules are imported inside the commands so that `reprieve --help` and cold starts stay fast.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from reprieve import __version__


class _FlagHelp:
    """--help is a flag: no '<bool>' beside it in the help."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
        return option


class Group(_FlagHelp, TyperGroup):
    pass


class Command(_FlagHelp, TyperCommand):
    """Arguments in the usage line as CASE and KIND (typer writes '{case}'); flags without '<bool>'."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = (param.metavar or param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


app = typer.Typer(
    cls=Group,
    rich_markup_mode="markdown",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DISCLAIMER = "Information, not legal advice. Check every date against the BOP's own computation."
CASE_HELP = "case file, YAML or JSON (docs/case-format.md; `reprieve new` writes a blank one)"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reprieve {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, metavar="",
                                               help="print the version and exit")] = False) -> None:
    """Federal sentence computation and sentence-reduction screening, with citations.

    Information, not legal advice. The case file format is described in docs/case-format.md; `reprieve new
    CASE.yaml` writes a blank one to fill in."""


def _usage_error(message: str, hint: str, as_json: bool) -> NoReturn:
    """Exit 2 with a message naming the option (as JSON with --json)."""
    if as_json:
        json.dump({"error": {"file": None, "field": hint, "message": message}}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        raise typer.Exit(2)
    raise typer.BadParameter(message, param_hint=hint)


def _as_of(value: str | None, as_json: bool = False) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _usage_error(f"{value!r} is not a date (YYYY-MM-DD)", "--as-of", as_json)


AsOf = Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help="assess on this date (default: the "
                                                                                 "case file's as_of, else today)")]
AsJson = Annotated[bool, typer.Option("--json", metavar="", help="print one JSON document to stdout (for a folder: "
                                                                  "one JSON line per case file)")]
CasePath = Annotated[Path, typer.Argument(metavar="CASE", help=CASE_HELP, show_default=False)]
Workers = Annotated[int | None, typer.Option("--workers", metavar="N", help="processes for a folder of case files "
                                                                           "(default: one per core)")]
BottomOfRange = Annotated[bool, typer.Option(
    "--at-bottom-of-range", metavar="", help="date the current-law release from the bottom of the recomputed "
    "guideline range instead of the statutory minimum")]
Language = Annotated[str | None, typer.Option("--language", metavar="LANG", help="the language of the questions: en "
                                                "or es (default: the case file's person.language, else en)")]


def _load(path: Path, as_json: bool = False) -> Any:
    """The case file, or exit 1 with its problems (as JSON with --json); warnings go to stderr unless --json."""
    from reprieve.intake import CaseFileError, load_case

    try:
        loaded = load_case(path)
    except CaseFileError as exc:
        if as_json:
            from reprieve.cli.batch import error_json

            json.dump(error_json(exc.source, exc.problems), sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if not as_json:
        for warning in loaded.warnings:
            typer.echo(f"{loaded.source}: warning: {warning.path}: {warning.message}", err=True)
    return loaded


def _remind_unread(loaded: Any) -> None:
    """Repeat, below a long report, the keys of the case file that were not read: a warning above the tables is
    easy to miss, and a misspelt key (`sentenced_on`) means the answers above went without that fact."""
    from reprieve.intake.casefile import UNKNOWN_KEY

    unread = [w for w in loaded.warnings if w.message.startswith(UNKNOWN_KEY)]
    if unread:
        def named(warning: Any) -> str:
            hint = warning.message.partition("; ")[2]
            return f"{warning.path} ({hint})" if hint else warning.path

        typer.echo(f"{loaded.source}: not read, so not used above: {', '.join(named(w) for w in unread)}", err=True)


def _print_json(data: dict[str, Any], loaded: Any) -> None:
    from reprieve.cli.batch import warnings_json

    json.dump({**data, "warnings": warnings_json(loaded.warnings)}, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _resolve_as_of(flag: date | None, case: Any) -> date:
    from reprieve.cli.batch import resolve_as_of

    return resolve_as_of(flag, case)


@app.command(cls=Command)
def compute(case: CasePath, as_of: AsOf = None, as_json: AsJson = False) -> None:
    """The BOP-style sentence computation: terms, credits, GCT, FSA time credits, release dates."""
    day_flag = _as_of(as_of, as_json)
    loaded = _load(case, as_json)
    day = _resolve_as_of(day_flag, loaded.case)
    from reprieve.assess.computation import compute as run

    result = run(loaded.case, day)
    if as_json:
        _print_json(result.as_json(), loaded)
        return
    from reprieve.cli.render import print_computation

    print_computation(result, loaded.source, DISCLAIMER)
    _remind_unread(loaded)


@app.command(cls=Command)
def assess(
    case: Annotated[Path, typer.Argument(metavar="CASE", help=f"{CASE_HELP}, or a folder of case files",
                                         show_default=False)],
    as_of: AsOf = None,
    as_json: AsJson = False,
    at_bottom_of_range: BottomOfRange = False,
    workers: Workers = None,
    language: Language = None,
) -> None:
    """Everything reprieve can say: the computation, current law, the guidelines and every avenue of relief."""
    from reprieve.assess.report import Options

    day_flag = _as_of(as_of, as_json)
    options = Options(at_bottom_of_range=at_bottom_of_range, language=language)
    if case.is_dir():
        raise typer.Exit(_assess_folder(case, day_flag, options, as_json, workers))
    loaded = _load(case, as_json)
    day = _resolve_as_of(day_flag, loaded.case)
    from reprieve.assess.report import assess as run

    result = run(loaded.case, day, options)
    if as_json:
        _print_json(result.as_json(), loaded)
        return
    from reprieve.cli.render import print_assessment

    print_assessment(result, loaded.source, DISCLAIMER)
    _remind_unread(loaded)


def _assess_folder(folder: Path, as_of: date | None, options: Any, as_json: bool, workers: int | None) -> int:
    """Every case file in a folder: one JSON line each with --json, else a table of verdicts. Exit 1 if any case
    file could not be read."""
    from reprieve.cli.batch import assess_folder, case_files

    if not case_files(folder):
        _usage_error(f"{folder} holds no case files (.yaml, .yml or .json)", "CASE", as_json)
    failed = False
    rows: list[dict[str, Any]] = []
    for data in assess_folder(folder, as_of, options, workers):
        failed = failed or "error" in data
        if as_json:
            sys.stdout.write(json.dumps(data) + "\n")
        else:
            rows.append(data)
    if not as_json:
        from reprieve.cli.render import print_folder_verdicts

        print_folder_verdicts(rows, DISCLAIMER)
    return 1 if failed else 0


@app.command(cls=Command)
def questions(case: CasePath, as_of: AsOf = None, as_json: AsJson = False, language: Language = None) -> None:
    """The facts still worth asking, most decisive first: what the guided interview asks, one at a time."""
    loaded = _load(case, as_json)
    day_flag = _as_of(as_of, as_json)
    day = _resolve_as_of(day_flag, loaded.case)
    from reprieve.assess.questions import questions_for
    from reprieve.assess.report import Options
    from reprieve.assess.report import assess as run

    result = run(loaded.case, day, Options(language=language))
    asked = questions_for(result, language)
    if as_json:
        json.dump({"as_of": day.isoformat(), "language": result.language,
                   "questions": [q.as_json() for q in asked]}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    from rich.console import Console

    from reprieve.cli.render_questions import print_questions

    console = Console(highlight=False)
    console.print(f"{loaded.source}, as of {day}. {DISCLAIMER}", style="italic")
    print_questions(console, asked, result.language)
    _remind_unread(loaded)


@app.command(cls=Command)
def screen(
    source: Annotated[Path, typer.Argument(metavar="INPUT", help="CSV or Parquet, one person per row "
                                           "(docs/screening.md), or a folder of case files", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUTPUT",
                                         help="CSV or Parquet, one ranked row per person")],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                              help="assess everyone on this date (default: today)")] = None,
    explain: Annotated[str | None, typer.Option("--explain", metavar="ID", help="print the full assessment of one "
                                                "person (id, register number or row number)")] = None,
    law_change: Annotated[Path | None, typer.Option("--law-change", metavar="YAML", help="hypothetical changes to "
                                                    "the dated law data (what-if)")] = None,
    keep_ids: Annotated[bool, typer.Option("--keep-ids", metavar="", help="write ids as given (default: keyed "
                                                                         "hashes)")] = False,
    id_key: Annotated[str | None, typer.Option("--id-key", metavar="KEY", envvar="REPRIEVE_ID_KEY",
                                               help="key for the id hashes, to match ids across runs")] = None,
    id_key_file: Annotated[Path | None, typer.Option(
        "--id-key-file", metavar="FILE", envvar="REPRIEVE_ID_KEY_FILE",
        help="the clinic's key file for the id hashes, made on first use (default: "
        "~/.config/reprieve/screen-id.key)")] = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", metavar="MAPPING",
        help="the file's own column names: \"Reg No=register_number,Sentence=judgments[0].counts[0].months\", or "
        "a saved YAML mapping file")] = None,
    workers: Annotated[int | None, typer.Option("--workers", metavar="N", help="processes (default: one per "
                                                                              "core)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", metavar="", help="neither keep this screening's results "
                                           "nor reuse kept ones (by default they are kept, privately, so a what-if "
                                           "of the same file re-assesses only the people it reaches)")] = False,
) -> None:
    """Screen a population: every person assessed by the same rules as `reprieve assess`, ranked, explained."""
    from reprieve.screen.command import run_screen

    day = _as_of(as_of) or date.today()
    raise typer.Exit(run_screen(source, output, day, explain=explain, law_change=law_change, keep_ids=keep_ids,
                                id_key=id_key, id_key_file=id_key_file, columns=columns, workers=workers,
                                cache=not no_cache))


@app.command(cls=Command)
def synth(
    count: Annotated[int, typer.Argument(metavar="COUNT", help="how many synthetic people", min=1)],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUTPUT", help="CSV or Parquet")],
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="random seed (the same seed gives the same "
                                                                  "people)")] = 1,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help="the date the population is "
                                              "drawn for: ages, time served and releases (default: today)")] = None,
) -> None:
    """Write a synthetic population (never real people) whose shape follows published USSC and BOP statistics."""
    from reprieve.screen.synth import write_population

    write_population(count, output, seed, _as_of(as_of) or date.today())


@app.command(cls=Command)
def draft(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="warden-request, motion, ao250, exhibits, memo, "
                                        "summary, or packet (all six into the folder -o)", show_default=False)],
    case: Annotated[Path, typer.Argument(metavar="CASE", help=f"{CASE_HELP}; for a packet, also a folder of case "
                                         "files (a packet per case in OUT/)", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="OUT", help="the file to write (.docx, .pdf, "
                                         ".md or .txt), or for a packet the folder")],
    as_of: AsOf = None,
    fmt: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help="pdf, docx, md or txt (default: "
                                            "OUT's suffix; for a packet, pdf)")] = None,
    no_redact: Annotated[bool, typer.Option(
        "--no-redact", metavar="", help="print identifiers in full (a filing under seal, Fed. R. Crim. P. 49.1(d)); "
        "default: redacted")] = False,
    at_bottom_of_range: BottomOfRange = False,
    workers: Workers = None,
) -> None:
    """Draft filings and a plain-language summary (information, not legal advice).

    The notes for you, and what is left to complete, go to a file beside the draft (motion-notes.pdf beside
    motion.pdf; notes.pdf in a packet): file the draft, never the notes."""
    from reprieve.cli.drafting import run_draft

    raise typer.Exit(run_draft(kind, case, output, _as_of(as_of), fmt, redact=not no_redact,
                               at_bottom_of_range=at_bottom_of_range, workers=workers))


@app.command(cls=Command)
def new(
    case: Annotated[Path, typer.Argument(metavar="CASE", help="the case file to write, e.g. case.yaml",
                                         show_default=False)],
    force: Annotated[bool, typer.Option("--force", metavar="", help="replace the file if it exists")] = False,
) -> None:
    """Write a blank case file to fill in, each field with what it means and where to find it.

    Every common field is in it, with a comment saying what it means and where on the judgment (or the BOP's
    computation sheet) to find it. An empty field means "unknown"."""
    from reprieve.case.template import blank_template

    if case.suffix.lower() not in (".yaml", ".yml"):
        raise typer.BadParameter(f"{case.name}: a new case file is YAML: name it with .yaml", param_hint="CASE")
    if case.exists() and not force:
        raise typer.BadParameter(f"{case} exists; use --force to replace it", param_hint="CASE")
    try:
        case.parent.mkdir(parents=True, exist_ok=True)
        case.write_text(blank_template(), encoding="utf-8")
    except OSError as exc:
        typer.echo(f"{case}: cannot write: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {case}: fill in what you know, then run `reprieve assess {case}`", err=True)


@app.command(cls=Command)
def intake(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="the judgment(s) and the BOP's computation "
                                                "sheet: PDF, scanned PDF, or photos (JPEG, PNG), one page per photo",
                                                show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="CASE",
                                                help="the case file to write (YAML)")] = None,
    as_json: AsJson = False,
    lang: Annotated[str, typer.Option("--lang", metavar="LANG", help="language of the questions: en or es")] = "en",
) -> None:
    """Read a judgment (AO 245B and variants) and the BOP's computation sheet into a case file, with where each
    value came from and how sure the reading is; what is unsure or missing becomes a question."""
    from reprieve.intake.documents import IntakeError, read_documents
    from reprieve.intake.text import LANGUAGES
    from reprieve.intake.write import CaseNotWritten, write_case

    if lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang!r} is not a language reprieve speaks: use en or es", param_hint="--lang")
    try:
        result = read_documents(files)
    except IntakeError as exc:
        if as_json:
            json.dump({"error": {"file": exc.file, "field": None, "message": exc.message}}, sys.stdout)
            sys.stdout.write("\n")
        else:
            typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if output is not None:
        try:
            write_case(result, output, [str(f) for f in files])
        except CaseNotWritten as exc:
            typer.echo(f"{output}: cannot write: {exc}", err=True)
            raise typer.Exit(1) from None
    if as_json:
        json.dump(result.as_json(lang), sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
        return
    from reprieve.cli.render_intake import print_intake

    print_intake(result, output, lang, DISCLAIMER)


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of the case file (every field with its description)."""
    from reprieve.case.model import case_json_schema

    json.dump(case_json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    db: Annotated[str | None, typer.Option(help="database URL (default: $DATABASE_URL, else SQLite in ./var)")] = None,
    demo: Annotated[bool, typer.Option(help="create a demo account and load the example case")] = False,
) -> None:
    """The web app: applies migrations, starts the background worker and serves on HOST:PORT."""
    from reprieve.web.serve import main

    raise typer.Exit(main(host, port, db, demo))


def run() -> None:
    """The console script. With --json, a usage error the parser finds is a JSON document too (exit 2)."""
    if "--json" not in sys.argv[1:]:
        app()
        return
    try:
        code = app(standalone_mode=False)
    except Exception as exc:  # the parser's usage errors (typer's ClickException family)
        message = getattr(exc, "format_message", None)
        if message is None or not hasattr(exc, "exit_code"):
            raise
        json.dump({"error": {"file": None, "field": None, "message": message()}}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        sys.exit(int(exc.exit_code))
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()
