"""One output row per person, built from the same `Assessment` that `reprieve assess` prints.

This is the only place an assessment becomes a screening row: the screener and the single-case engine share it, and
a test proves that the screener's rows equal `person_row(assess(case))` field for field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reprieve.assess.report import COMBINED, STATUS_RANK, Assessment

INFORMATIONAL = {"commutation"}  # always for a person to weigh; never ranks anyone first


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def finding_column(avenue: str, ground: str) -> str:
    return f"finding: {avenue} | {ground}"


def person_row(person_id: str, row_number: int, a: Assessment) -> dict[str, Any]:
    c = a.computation
    span = c.ranges["projected_release_date"].as_json() if "projected_release_date" in c.ranges else {}
    served = c.ranges["percent_of_term_served"].as_json() if "percent_of_term_served" in c.ranges else {}
    term = c.total_term
    row: dict[str, Any] = {
        "id": person_id,
        "row": row_number,
        "as_of": a.as_of.isoformat(),
        "circuit": a.circuit,
        "total_term_months": None if term is None else ("life" if term.life else term.months),
        "commenced_on": _iso(c.commenced_on),
        "projected_release_date": _iso(c.projected_release_date),
        "projected_release_earliest": span.get("earliest", _iso(c.projected_release_date)),
        "projected_release_latest": span.get("latest", _iso(c.projected_release_date)),
        "release_method": c.release_method,
        "percent_of_term_served": c.percent_of_term_served if c.percent_of_term_served is not None
        else served.get("least"),
        "fsa_eligible": c.fsa.get("eligible"),
        "released": c.released_by(a.as_of),
    }
    law_now = a.current_law.aggregate if a.current_law is not None else None
    then_min = law_now.then_min_months if law_now else None
    now_min = law_now.now_min_months if law_now else None
    row["then_min_months"] = then_min if isinstance(then_min, int) else None
    row["now_min_months"] = now_min if isinstance(now_min, int) else None
    row["current_law_release_date"] = _iso(law_now.release_date_if_sentenced_now if law_now else None)
    row["disparity_months"] = then_min - now_min if isinstance(then_min, int) and isinstance(now_min, int) else None

    soonest: date | None = None
    missing: set[str] = set()
    for avenue, f in a.verdicts():
        row[f"avenue: {avenue}"] = f.status
        row[f"avenue: {avenue} | eligible_from"] = _iso(f.eligible_from)
    for f in a.findings:
        row[finding_column(f.avenue, f.ground)] = f.status
        if f.status == "not_eligible" and f.eligible_from and f.avenue not in INFORMATIONAL \
                and f.ground != COMBINED and (soonest is None or f.eligible_from < soonest):
            soonest = f.eligible_from
        if f.status == "needs_facts":
            missing.update(q.field for q in f.missing)
    verdicts = [f.status for avenue, f in a.verdicts() if avenue not in INFORMATIONAL]
    best = min(verdicts, key=STATUS_RANK.__getitem__) if verdicts else "not_eligible"
    row["best_status"] = best
    row["soonest_eligible_from"] = _iso(soonest)
    row["missing_facts"] = "; ".join(sorted(missing))
    return row


STATUSES = ("eligible", "needs_review", "needs_facts", "not_eligible")
_INTS = ("row", "then_min_months", "now_min_months", "disparity_months")


def _kind(column: str) -> Any:
    import polars as pl

    if column in _INTS:
        return pl.Int64
    if column == "percent_of_term_served":
        return pl.Float64
    if column == "released":
        return pl.Boolean
    if column == "best_status" or (column.startswith(("avenue: ", "finding: ")) and
                                   not column.endswith("| eligible_from")):
        return pl.Enum(STATUSES)
    return pl.String


def to_frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as a typed, columnar table (statuses as an enumeration: one byte each)."""
    import polars as pl

    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key, None)
    schema = {c: _kind(c) for c in columns}
    return pl.DataFrame([[_cell(row.get(c), schema[c]) for c in columns] for row in rows], schema=schema,
                        orient="row")


def _cell(value: Any, kind: Any) -> Any:
    import polars as pl

    if value is None or kind in (pl.Int64, pl.Float64, pl.Boolean):
        return value
    return str(value)


def rank(frame: Any) -> Any:
    """Eligible now first, then the soonest eligible, then the most months of disparity (then by status and row);
    people whose projected release date has passed last, whatever their findings."""
    import polars as pl

    if frame.height == 0:
        return frame.with_columns(pl.lit(None, pl.Int64).alias("rank")).select("rank", pl.exclude("rank"))
    first = [pl.col("released").fill_null(False)] if "released" in frame.columns else []
    now = pl.col("best_status") == "eligible"
    soonest = pl.col("soonest_eligible_from") if "soonest_eligible_from" in frame.columns else pl.lit(None)
    disparity = pl.col("disparity_months") if "disparity_months" in frame.columns else pl.lit(0)
    ordered = frame.sort(
        by=[*first, ~now, pl.when(now).then(pl.lit("")).otherwise(soonest.fill_null("9999-12-31")),
            -disparity.fill_null(0), pl.col("best_status").to_physical(), pl.col("row")])
    return ordered.with_row_index("rank", offset=1).with_columns(pl.col("rank").cast(pl.Int64))
