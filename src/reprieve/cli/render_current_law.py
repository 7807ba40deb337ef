"""Human output for the current-law comparison: a side-by-side then/now table and the claim in one plain sentence.

Meaning is never carried by colour alone: every cell says in words what changed.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from reprieve.assess.current_law_result import Aggregate, CurrentLaw, RangeSide


def _months(value: Any) -> str:
    if value is None:
        return "unknown"
    if value == "life":
        return "life"
    if not isinstance(value, int):
        return str(value)
    if value == 0:
        return "none"
    years, months = divmod(value, 12)
    parts = [f"{years} yr" if years else "", f"{months} mo" if months else ""]
    return " ".join(p for p in parts if p)


def _range(side: RangeSide) -> str:
    low, high = side.min_months, _months(side.max_months)
    if side.min_days:
        return f"minimum {side.min_days} days, at most {high}"
    if low == 0:
        return f"no minimum, at most {high}"
    return f"minimum {_months(low)}, at most {high}"


def _side(side: RangeSide) -> str:
    if side.not_covered:
        return f"not covered: {side.not_covered}"
    alternatives = side.alternatives
    if alternatives:
        lines = [f"{_range(a)} {a.condition or ''}".strip() for a in alternatives]
        return "depends on facts not stated:\n" + "\n".join(f"- {line}" for line in lines)
    if side.min_months is None and side.max_months is None:
        return f"unknown: {side.reason if 'reason' in side.keys else 'facts missing'}"
    citation = f"\n[{side.citation}]" if side.citation else ""
    return f"{_range(side)}{citation}"


def _changed(value: Any) -> str:
    return {True: "CHANGED", False: "same", None: "depends"}.get(value, "depends")


def print_current_law(console: Console, current_law: CurrentLaw | None) -> None:
    """The then/now table, the aggregate minimum, the release date if sentenced now, and the plain sentence."""
    if current_law is None:
        return
    console.print()
    console.print("[bold]Statutory penalties then and now[/bold] (the law at sentencing, and if sentenced on "
                  f"{current_law.as_of.isoformat()} for the same offense)")
    counts = current_law.counts
    aggregate = current_law.aggregate
    if counts:
        table = Table(show_header=True, header_style="bold")
        table.add_column("Count")
        table.add_column("Then: at sentencing")
        table.add_column("Now: if sentenced today")
        table.add_column("Change")
        for c in counts:
            label = f"{c.count}" + (f" (judgment {c.judgment + 1})" if c.judgment else "")
            if c.consecutive:
                label += "\n924(c): consecutive"
            table.add_row(label, _side(c.then), _side(c.now), _changed(c.changed))
        table.add_row("Aggregate minimum", _aggregate(aggregate, "then"), _aggregate(aggregate, "now"),
                      "LOWER TODAY" if _lower(aggregate) else "")
        console.print(table)
    _print_release(console, aggregate)
    if current_law.summary:
        console.print(f"[bold]In plain words:[/bold] {current_law.summary}")
    for c in counts:
        then, now = (c.safety_valve.side("then"), c.safety_valve.side("now")) if c.safety_valve else (None, None)
        if now is not None and now.status != "not_applicable":
            was = (then.status if then else "unknown").replace("_", " ")
            console.print(f"  Safety valve (18 U.S.C. 3553(f)), count {c.count}: then {was}, now "
                          f"{now.status.replace('_', ' ')}")
    if current_law.missing:
        console.print("  Facts that would settle it: " + ", ".join(current_law.missing))
    for assumption in current_law.assumptions:
        console.print(f"  assumes: {assumption}", style="dim")
    if current_law.unverified:
        console.print(f"  {len(current_law.unverified)} rule(s) used here rest on sources marked UNVERIFIED (see "
                      "--json 'unverified')", style="dim")


def _print_release(console: Console, aggregate: Aggregate) -> None:
    release = aggregate.release_date_if_sentenced_now
    if release:
        past = aggregate.release_date_if_sentenced_now_is_past
        console.print(f"Release if sentenced now: {release}"
                      + (" (already past)" if past else " (not yet reached)" if past is False else ""))
    elif aggregate.release_date_range:
        span = aggregate.release_date_range
        console.print(f"Release if sentenced now: between {span.low} and {span.high}")
    bottom = aggregate.at_bottom_of_range
    for note in (bottom.note if bottom else ""), aggregate.release_note or "":
        if note:
            console.print(f"  note: {note}", style="dim")


def _aggregate(aggregate: Aggregate, which: str) -> str:
    value = aggregate.then_min_months if which == "then" else aggregate.now_min_months
    if value is not None:
        return _months(value)
    alternatives = aggregate.alternatives(which)
    if alternatives:
        return "depends:\n" + "\n".join(f"- {_months(a.min_months)} {a.condition}".rstrip() for a in alternatives)
    span = aggregate.min_span(which)
    if span:
        return f"between {_months(span.low)} and {_months(span.high)}"
    return "unknown"


def _lower(aggregate: Aggregate) -> bool:
    then, now = aggregate.then_min_months, aggregate.now_min_months
    if isinstance(then, int) and isinstance(now, int):
        return now < then
    if then == "life" and isinstance(now, int):
        return True
    values = [a.min_months for a in aggregate.alternatives("now")]
    if isinstance(then, int) and values and all(isinstance(v, int) and v < then for v in values):
        return True
    return then == "life" and bool(values) and all(isinstance(v, int) for v in values)
