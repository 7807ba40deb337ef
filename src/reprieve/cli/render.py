"""Human output: rich tables of dates, a short "how we got here" list and citations (no colour-only meaning)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from reprieve.assess.computation import Computation
from reprieve.assess.report import Assessment


def _d(value: date | str | None) -> str:
    if value is None:
        return "unknown"
    return value.isoformat() if isinstance(value, date) else value


def _span(result: Computation, key: str, point: Any) -> str:
    span = result.ranges.get(key)
    if not span:
        return _d(point) if not isinstance(point, (int, float)) or point is None else str(point)
    lo = span.get("earliest", span.get("least"))
    hi = span.get("latest", span.get("most"))
    text = f"between {lo if lo is not None else 'unknown'} and {hi if hi is not None else 'unknown'}"
    return text if point is None else f"{_d(point) if isinstance(point, date) else point} ({text})"


def print_computation(result: Computation, source: str, disclaimer: str) -> None:
    console = Console(highlight=False)
    console.print(f"[bold]Sentence computation[/bold] for {source}, as of {result.as_of}")
    console.print(disclaimer, style="italic")
    for refusal in result.refusals:
        console.print(f"[bold]NOT COMPUTED[/bold] ({refusal.code}): {refusal.message} [{refusal.citation}]")

    table = Table(show_header=True, header_style="bold")
    table.add_column("What")
    table.add_column("Date or amount")
    term = result.total_term
    table.add_row("Total term in effect", str(term) if term else "unknown")
    table.add_row("Sentence commenced", _d(result.commenced_on))
    table.add_row("Prior custody (jail) credit", "unknown" if result.prior_custody_days is None
                  else f"{result.prior_custody_days} days")
    table.add_row("Full term date", _span(result, "full_term_date", result.full_term_date))
    if result.gct:
        table.add_row("Good conduct time", f"{result.gct.get('days')} days (maximum {result.gct.get('max_days')})")
    table.add_row("Statutory (GCT) release date", _span(result, "statutory_release_date",
                                                       result.statutory_release_date))
    fsa = result.fsa
    if fsa:
        eligible = {True: "eligible", False: "not eligible", None: "not determined"}[fsa.get("eligible")]
        line = f"{eligible}"
        if fsa.get("credit_days") is not None:
            line += (f"; {fsa['credit_days']} days of credit, {fsa['applied_to_release_days']} toward release, "
                     f"{fsa['prerelease_days']} in prerelease custody")
        table.add_row("FSA time credits", line)
    table.add_row("Projected release date", _span(result, "projected_release_date", result.projected_release_date)
                  + (f" via {result.release_method}" if result.release_method else ""))
    if result.home_detention_eligibility_date:
        table.add_row("Home detention eligibility (3624(c)(2))", _d(result.home_detention_eligibility_date))
    served = _span(result, "time_served_days", result.time_served_days)
    percent = _span(result, "percent_of_term_served", result.percent_of_term_served)
    table.add_row(f"Time served as of {result.as_of}", f"{served} days; {percent} % of the term")
    console.print(table)

    if result.uncertain:
        console.print("[bold]What is uncertain, and what would narrow it[/bold]")
        for item in result.uncertain:
            console.print(f"  - {item.field}: {item.why}")
    if result.reconciliation:
        console.print("[bold]Compared with the BOP's own dates[/bold]")
        for row in result.reconciliation:
            console.print("  - " + ", ".join(f"{k}: {v}" for k, v in row.items()))
    console.print("[bold]How we got here[/bold]")
    for n, step in enumerate(result.steps, start=1):
        cite = f" [{step.citation}]" if step.citation else ""
        console.print(f"  {n}. {step.detail}{cite}")
        if step.note:
            console.print(f"     note: {step.note}", style="dim")


def print_assessment(result: Assessment, source: str, disclaimer: str) -> None:
    print_computation(result.computation, source, disclaimer)
