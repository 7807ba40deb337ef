"""Human output: rich tables of dates, a short "how we got here" list and citations (no colour-only meaning)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from reprieve.assess.computation import Computation
from reprieve.assess.guidelines import GuidelineSides
from reprieve.assess.reconcile import Reconciled
from reprieve.assess.report import STATUS_RANK, Assessment
from reprieve.words import join_citations


def _d(value: date | str | None) -> str:
    if value is None:
        return "unknown"
    return value.isoformat() if isinstance(value, date) else value


def _span(result: Computation, key: str, point: Any, unit: str = "") -> str:
    """A value with its unit, or the range the facts allow ('between X and Y', one value when the ends agree)."""
    span = result.ranges.get(key)
    if not span:
        text = _d(point) if not isinstance(point, (int, float)) or point is None else str(point)
        return f"{text}{unit}" if point is not None else text
    lo, hi = span.low, span.high
    low = f"{lo}{unit}" if lo is not None else None
    high = f"{hi}{unit}" if hi is not None else None
    # An open end is said as a bound, never as "between unknown and X".
    if low is None and high is None:
        text = "unknown"
    elif low is None:
        text = f"{'no later than' if span.dates else 'at most'} {high}"
    elif high is None:
        text = f"{'no earlier than' if span.dates else 'at least'} {low}"
    else:
        text = low if low == high else f"between {low} and {high}"
    if point is None:
        return text
    value = f"{_d(point) if isinstance(point, date) else point}{unit}"
    return value if value == text else f"{value} ({text})"


def print_computation(result: Computation, source: str, disclaimer: str) -> None:
    console = Console(highlight=False)
    console.print(f"[bold]Sentence computation[/bold] for {source}, as of {result.as_of}")
    if disclaimer:
        console.print(disclaimer, style="italic")
    for refusal in result.refusals:
        console.print(f"[bold]NOT COMPUTED[/bold] ({refusal.code}): {refusal.message_text()} ({refusal.citation})")

    table = Table(show_header=True, header_style="bold")
    table.add_column("What")
    table.add_column("Date or amount")
    term = result.total_term
    table.add_row("Total term in effect", str(term) if term else "unknown")
    table.add_row("Sentence commenced", _d(result.commenced_on))
    table.add_row("Prior custody (jail) credit", "unknown" if result.prior_custody_days is None
                  else f"{result.prior_custody_days} days")
    table.add_row("Full term date", _span(result, "full_term_date", result.full_term_date))
    if result.gct.days is not None:
        table.add_row("Good conduct time", f"{result.gct.days} days (maximum {result.gct.max_days})")
    elif result.earliest and result.latest:
        least = result.latest.gct_max - result.latest.gct_lost
        most = result.earliest.gct_max - result.earliest.gct_lost
        table.add_row("Good conduct time", f"{least} days" if least == most else f"between {least} and {most} days")
    table.add_row("Statutory (GCT) release date", _span(result, "statutory_release_date",
                                                       result.statutory_release_date))
    fsa = result.fsa
    if fsa:
        eligible = {True: "eligible", False: "not eligible", None: "not determined"}[fsa.eligible]
        line = f"{eligible}"
        if fsa.credit_days is not None:
            line += (f"; {fsa.credit_days} days of credit, {fsa.applied_to_release_days} toward release, "
                     f"{fsa.prerelease_days} in prerelease custody")
        table.add_row("FSA time credits", line)
    table.add_row("Projected release date", _span(result, "projected_release_date", result.projected_release_date)
                  + (f" via {result.release_method}" if result.release_method else ""))
    if result.home_detention_eligibility_date:
        table.add_row("Home detention eligibility (3624(c)(2))", _d(result.home_detention_eligibility_date))
    served = _span(result, "time_served_days", result.time_served_days, " days")
    percent = _span(result, "percent_of_term_served", result.percent_of_term_served, "%")
    table.add_row(f"Time served as of {result.as_of}", f"{served}; {percent} of the term")
    console.print(table)

    if result.uncertain:
        console.print("[bold]What is uncertain, and what would narrow it[/bold]")
        for item in result.uncertain:
            console.print(f"  - {item.field}: {item.why_text()}")
    if result.reconciliation:
        print_reconciliation(console, result.reconciliation)
    console.print("[bold]How we got here[/bold]")
    for n, step in enumerate(result.steps, start=1):
        cite = f" ({step.citation})" if step.citation else ""
        console.print(f"  {n}. {step.detail}{cite}", markup=False)
        if step.note:
            console.print(f"     note: {step.note}", style="dim")


_RECONCILED = {
    "computation_began_on": "Computation began", "jail_credit_days": "Jail credit (days)",
    "full_term_date": "Full term date", "gct_days": "Good conduct time (days)",
    "statutory_release_date": "Statutory (GCT) release date", "fsa_credits_days": "FSA credits toward release",
    "projected_release_date": "Projected release date", "release_method": "Release method",
    "home_detention_date": "Home detention eligibility",
}


def print_reconciliation(console: Console, rows: list[Reconciled]) -> None:
    """reprieve's figures beside the BOP's, field by field, then the most likely reason for each difference."""
    table = Table(title="Compared with the BOP's own computation", show_header=True, header_style="bold")
    table.add_column("What")
    table.add_column("BOP")
    table.add_column("reprieve")
    table.add_column("Agree?")
    reasons = []
    for row in rows:
        if row.agrees is True:
            verdict = "yes"
        elif row.agrees is False:
            verdict = "NO, within range" if row.within_range else "NO"
        elif row.within_range:
            verdict = "within range"
        else:
            verdict = "cannot tell"
        what = _RECONCILED.get(row.field, row.field)
        if row.likely_reason is not None and (reason := row.likely_reason.render()):
            reasons.append(f"{what}: {reason}")
            verdict += f" ({len(reasons)})"
        ours = row.reprieve_json()
        table.add_row(what, str(row.as_json()["bop"]), "unknown" if ours is None else str(ours), verdict)
    console.print(table)
    for n, reason in enumerate(reasons, start=1):
        console.print(f"  ({n}) {reason}")


def print_guidelines(console: Console, guidelines: GuidelineSides | None) -> None:
    """The guideline range found at sentencing and with today's retroactive amendments (USSG §1B1.10)."""
    if guidelines is None or guidelines.then is None:
        return
    console.print()
    table = Table(title="Guideline range then and now (USSG §1B1.10)", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("Offense level")
    table.add_column("Criminal history")
    table.add_column("Range")
    table.add_column("Zone")
    for label, key in (("At sentencing", "then"), ("With retroactive amendments", "now")):
        side = guidelines.side(key)
        if side is None:
            table.add_row(label, "unknown", "unknown", "unknown", "")
            continue
        history = side.category or "unknown"
        if side.points is not None:
            history += f" ({side.points} points)"
        level = side.offense_level
        table.add_row(label, "unknown" if level is None else str(level), history,
                      str(side.range) if side.range else "unknown", side.zone or "")
    console.print(table)
    applied = guidelines.amendments_applied or []
    if applied:
        console.print("Amendments substituted: " + ", ".join(applied), style="dim")


# Words carry the meaning; colour only repeats it.
_STATUS = {
    "eligible": ("OPEN", "green", "the facts establish it"),
    "needs_review": ("ARGUABLE", "yellow", "the law allows it; a court or the BOP must weigh it"),
    "needs_facts": ("NEEDS FACTS", "cyan", "the answer turns on facts not yet stated"),
    "not_eligible": ("CLOSED", "red", "not available on these facts and this date"),
}
_RANK = STATUS_RANK


def _label(status: str) -> str:
    word, colour, _ = _STATUS[status]
    return f"[bold {colour}]{word}[/bold {colour}]"


def print_assessment(result: Assessment, source: str, disclaimer: str) -> None:
    console = Console(highlight=False)
    circuit = f"{result.circuit} Circuit" if result.circuit else "circuit unknown"
    console.print(f"[bold]What reprieve finds[/bold] for {source}, as of {result.as_of} ({circuit})")
    console.print(disclaimer, style="italic")
    table = Table(show_header=True, header_style="bold")
    table.add_column("Avenue")
    table.add_column("Verdict")
    table.add_column("Why")
    for avenue, f in result.verdicts():
        when = f" From {f.eligible_from}." if f.eligible_from else ""
        table.add_row(avenue, _label(f.status), f"{f.summary_text()}{when}")
    console.print(table)
    console.print("Verdicts: " + "; ".join(f"{word} = {meaning}" for word, _, meaning in _STATUS.values()),
                  style="dim")

    console.print()
    print_computation(result.computation, source, "")
    from reprieve.cli.render_current_law import print_current_law
    print_current_law(console, result.current_law)
    print_guidelines(console, result.guidelines)

    console.print()
    console.print("[bold]Every finding, with its reasons and citations[/bold]")
    for f in sorted(result.findings, key=lambda f: _RANK[f.status]):
        console.print(f"{_label(f.status)} {f.avenue} - {f.ground}: {f.summary_text()}")
        for reason in f.reason_texts():
            console.print(f"    - {reason}")
        if f.positions:
            for p in f.positions:
                console.print(f"    position '{p.position}': {p.holding} ({'; '.join(p.authorities)})")
        if f.citations:
            console.print(f"    ({join_citations(f.citations)})", style="dim", markup=False)

    console.print()
    from reprieve.cli.render_questions import print_assumptions, print_questions
    print_questions(console, result.questions, result.language)
    console.print()
    # in the language of the questions, as they are (the presumptions are what the questions would settle)
    print_assumptions(console, result.presumptions(result.language, whole=False), result.language)


# --- many cases --------------------------------------------------------------------------------------------------

MAIN_AVENUE = "3582(c)(1)(A)"
SHORT = {"BOP reduction in sentence (PS 5050.50)": "BOP criteria", "commutation": "clemency",
         "34 U.S.C. 60541(g)": "elderly home detention", "FSA time credits": "FSA credits"}


def _others(verdicts: dict[str, str]) -> str:
    """The other avenues that are open or arguable, by short name (the CSV and --json hold every verdict)."""
    return ", ".join(f"{SHORT.get(a, a)} ({_STATUS[v][0].lower()})" for a, v in verdicts.items()
                     if a not in (MAIN_AVENUE, "custody") and v in ("eligible", "needs_review")) or "-"


def _main_verdict(verdicts: dict[str, str]) -> str:
    word = _label(verdicts[MAIN_AVENUE]) if MAIN_AVENUE in verdicts else ""
    if verdicts.get("custody") == "not_eligible":
        word += " (release date passed?)"
    return word


def print_folder_verdicts(rows: list[dict[str, Any]], disclaimer: str) -> None:
    """`reprieve assess FOLDER`: a row per case file: compassionate release, the other avenues open or arguable."""
    console = Console(highlight=False)
    table = Table(show_header=True, header_style="bold", title="Verdicts by case file")
    table.add_column("Case file", overflow="fold")
    table.add_column("Compassionate release")
    table.add_column("Also open or arguable")
    for row in rows:
        if "error" in row:
            error = row["error"]
            table.add_row(Path(row["file"]).name, "cannot be read", f"{error['field']}: {error['message']}")
            continue
        verdicts = row.get("verdicts") or {}
        table.add_row(Path(row["file"]).name, _main_verdict(verdicts), _others(verdicts))
    console.print(table)
    console.print("Verdicts: " + "; ".join(f"{word} = {meaning}" for word, _, meaning in _STATUS.values()),
                  style="dim")
    console.print("Every finding of one case: reprieve assess CASE; of all: reprieve assess FOLDER --json.",
                  style="dim")
    console.print(disclaimer, style="italic")


def print_packet_summary(results: list[Any], summary: Any) -> None:
    """`reprieve draft packet FOLDER`: what was written for each case, and its verdicts (all of them in the CSV)."""
    console = Console(highlight=False, stderr=True)
    table = Table(show_header=True, header_style="bold", title="Packets written")
    table.add_column("Case file", overflow="fold")
    table.add_column("Release")
    table.add_column("Compassionate release")
    table.add_column("Also open or arguable")
    table.add_column("To complete in the motion")
    for r in results:
        if r.error:
            table.add_row(Path(r.file).name, "", "not written", r.error, "")
            continue
        table.add_row(Path(r.file).name, r.release, _main_verdict(r.verdicts), _others(r.verdicts), str(r.to_complete))
    console.print(table)
    console.print(f"Each packet is in the folder named after its case file; every verdict is in {summary}.")
