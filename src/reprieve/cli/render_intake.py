"""Human output of `reprieve intake`: every value read, where it came from and how sure, then the questions."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from reprieve.intake.documents import IntakeResult
from reprieve.intake.fields import CONFIRM_BELOW


def print_intake(result: IntakeResult, output: Path | None, lang: str, disclaimer: str) -> None:
    console = Console(highlight=False)
    read = ", ".join(f"{Path(d.file).name} ({d.pages} page{'s' if d.pages != 1 else ''}, {d.method})"
                     for d in result.documents)
    console.print(f"[bold]Read[/bold] {read}")
    console.print(disclaimer, style="italic")
    table = Table(show_header=True, header_style="bold")
    table.add_column("Field", overflow="fold")
    table.add_column("Value read")
    table.add_column("Sure?")
    table.add_column("Where")
    several = len(result.documents) > 1
    for path, r in result.fields.items():
        sure = f"{r.confidence:.2f}" + ("" if r.confidence >= CONFIRM_BELOW else " CHECK")
        where = f"{Path(r.source.file).name} p.{r.source.page}" if several else f"p.{r.source.page}"
        table.add_row(path, escape(str(r.value)), sure, where)
    console.print(table)
    for warning in result.warnings:
        console.print(f"warning: {warning}")
    questions = result.questions(lang)
    if questions:
        console.print(f"[bold]Please check ({len(questions)})[/bold]")
        for q in questions:
            console.print(f"  - {escape(q['question'])} " + escape(f"[{q['field']}]"), style=None)
    if output is not None:
        console.print(f"wrote {output}: every value above is in it; confirm them before relying on the case")
