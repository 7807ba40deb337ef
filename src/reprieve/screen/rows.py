"""One output row per person, built from the same `Assessment` that `reprieve assess` prints.

This is the only place an assessment becomes a screening row: the screener and the single-case engine share it, and
a test proves that the screener's rows equal `person_row(assess(case))` field for field.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from reprieve.assess.relief.situation import released_on_the_facts
from reprieve.assess.report import COMBINED, STATUS_RANK, Assessment, Options

# the table's own functions, where the callers of the rows (tests, benchmarks) find them too
from reprieve.screen.table import INFORMATIONAL as INFORMATIONAL
from reprieve.screen.table import LEADING as LEADING
from reprieve.screen.table import STATUSES as STATUSES
from reprieve.screen.table import rank as rank
from reprieve.screen.table import rank_order as rank_order
from reprieve.screen.table import ranked_rows as ranked_rows
from reprieve.screen.table import to_frame as to_frame

# How a screening assesses: the findings decided, not explained (no reasons, summaries or worded questions), which
# `person_row` never reads; its rows equal those of a full assessment (tests/test_screen*.py hold it)
ROW_ONLY = Options(explain=False)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@cache  # the same few dozen names for every person of a population
def finding_column(avenue: str, ground: str) -> str:
    return f"finding: {avenue} | {ground}"


@cache
def avenue_columns(avenue: str) -> tuple[str, str]:
    return f"avenue: {avenue}", f"avenue: {avenue} | eligible_from"


def person_row(person_id: str, row_number: int, a: Assessment) -> dict[str, Any]:
    c = a.computation
    row = _release_columns(person_id, row_number, a)
    law_now = a.current_law.aggregate if a.current_law is not None else None
    then_min = law_now.then_min_months if law_now else None
    now_min = law_now.now_min_months if law_now else None
    row["then_min_months"] = then_min if isinstance(then_min, int) else None
    row["now_min_months"] = now_min if isinstance(now_min, int) else None
    row["current_law_release_date"] = _iso(law_now.release_date_if_sentenced_now if law_now else None)
    row["disparity_months"] = then_min - now_min if isinstance(then_min, int) and isinstance(now_min, int) else None

    verdicts = a.verdicts()
    for avenue, f in verdicts:
        status_column, from_column = avenue_columns(avenue)
        row[status_column] = f.status
        day = f.eligible_from
        row[from_column] = day.isoformat() if day is not None else None
    # A day after the person's last possible release day is no day to act on: an age threshold decades away, or
    # an avenue open for someone already out.
    last_day = c.last_possible_release
    opening: list[date] = []
    missing: set[str] = set()
    for f in a.findings:  # (a person has a few dozen findings: the loop reads each field once)
        status = f.status
        row[finding_column(f.avenue, f.ground)] = status
        if status == "not_eligible":
            if f.eligible_from and f.avenue not in INFORMATIONAL and f.ground != COMBINED:
                opening.append(f.eligible_from)
        elif status == "needs_facts":
            for q in f.missing:
                missing.add(q.field)
    counted = [(avenue, f) for avenue, f in verdicts if avenue not in INFORMATIONAL]
    best = min((f.status for _, f in counted), key=STATUS_RANK.__getitem__) if counted else "not_eligible"
    row["best_status"] = best
    row["open_avenues"] = "; ".join(
        avenue + (f" from {f.eligible_from}" if f.eligible_from and f.eligible_from > a.as_of else "")
        for avenue, f in counted if f.status == "eligible")
    row["arguable_avenues"] = "; ".join(avenue for avenue, f in counted if f.status == "needs_review")
    # The first day an avenue is open: today when one is open now (or the day its last requirement, such as the
    # 30 days after a request to the warden, is met), else the first day a closed ground opens.
    opening += [max(f.eligible_from or a.as_of, a.as_of) for _, f in counted if f.status == "eligible"]
    row["soonest_eligible_from"] = _iso(min((d for d in opening if last_day is None or d <= last_day), default=None))
    row["missing_facts"] = "; ".join(sorted(missing))
    return row


def _release_columns(person_id: str, row_number: int, a: Assessment) -> dict[str, Any]:
    """The row's first columns: the person, the term and the release (the ranges' ends read as `Span.as_json`
    writes them, without making its dictionaries)."""
    c = a.computation
    projected = _iso(c.projected_release_date)
    span = c.ranges.get("projected_release_date")
    earliest, latest = (_iso(span.low), _iso(span.high)) if span is not None and span.dates else (projected, projected)
    served = c.ranges.get("percent_of_term_served")
    term = c.total_term
    released = released_on_the_facts(c, a.case.custody.in_custody_on if a.case else None, a.as_of)
    return {
        "id": person_id,
        "row": row_number,
        "as_of": a.as_of.isoformat(),
        "circuit": a.circuit,
        "total_term_months": None if term is None else ("life" if term.life else term.months),
        "commenced_on": _iso(c.commenced_on),
        "projected_release_date": projected,
        "projected_release_earliest": earliest,
        "projected_release_latest": latest,
        "release_method": c.release_method,
        "percent_of_term_served": c.percent_of_term_served if c.percent_of_term_served is not None
        else (served.low if served is not None and not served.dates else None),
        "fsa_eligible": c.fsa.eligible if c.fsa else None,
        "released": released,
        "release_status": _release_status(c, a.as_of, released),
    }


def _release_status(c: Any, as_of: date, released: bool | None) -> str | None:
    """released / possibly released (the earliest possible release day has passed, the latest has not) / in custody;
    None when no release date could be computed."""
    if released is not None:
        return "released" if released else "in custody"
    earliest = c.earliest.projected_release if c.earliest else None
    return "possibly released" if earliest is not None and earliest <= as_of else None
