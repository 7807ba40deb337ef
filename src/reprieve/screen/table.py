"""A screening's rows as a table: typed columns, the ranking, the columns a clinic reads first.

Apart from the engine (`rows.person_row` makes the rows): the main process of a screening ranks and writes the
table without importing the rules, which only its worker processes run.
"""

from __future__ import annotations

from typing import Any

INFORMATIONAL = {"commutation"}  # always for a person to weigh; never ranks anyone first
STATUSES = ("eligible", "needs_review", "needs_facts", "not_eligible")
_INTS = ("row", "then_min_months", "now_min_months", "disparity_months")
# Text that takes few values across a population, held once each (the list of missing facts alone would be half of
# a large screening's memory as plain text).
_REPEATED = ("circuit", "release_method", "open_avenues", "arguable_avenues", "missing_facts")


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
    if column in _REPEATED:
        return pl.Categorical
    return pl.String


def to_frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as a typed, columnar table (statuses as an enumeration: one byte each), built a column at a time."""
    import polars as pl

    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    series = []
    for name in names:
        kind = _kind(name)
        values = [row.get(name) for row in rows]
        if kind in (pl.String, pl.Categorical):  # a term in months or "life", a yes/no fact: written as text
            values = [v if v is None or type(v) is str else str(v) for v in values]
        series.append(pl.Series(name, values, dtype=kind))
    return pl.DataFrame(series)


LEADING = ("rank", "id", "row", "best_status", "open_avenues", "arguable_avenues", "soonest_eligible_from",
           "release_status", "projected_release_date", "projected_release_earliest", "projected_release_latest",
           "disparity_months", "missing_facts")
_RELEASE_ORDER = {"possibly released": 1, "released": 2}


def rank_order(frame: Any) -> Any:
    """The rows' positions in rank order: eligible now first, then by the soonest day an avenue is open, then the
    most months of disparity (then by status and row). People who may already be out (their earliest possible
    release day has passed) come after everyone still in custody, and those certainly released last, whatever their
    findings. Worked out on the keys alone, so a large table is never sorted (copied) whole."""
    import polars as pl

    if frame.height == 0:
        return pl.Series("at", [], pl.UInt32)

    def column(name: str, kind: Any) -> Any:
        return pl.col(name) if name in frame.columns else pl.lit(None, kind)

    keys = frame.select(
        column("release_status", pl.String).replace_strict(_RELEASE_ORDER, default=0, return_dtype=pl.Int8)
        .fill_null(0).alias("out"),
        (pl.col("best_status") != "eligible").alias("not_now"),
        column("soonest_eligible_from", pl.String).fill_null("9999-12-31").alias("soonest"),
        (-column("disparity_months", pl.Int64).fill_null(0)).alias("disparity"),
        pl.col("best_status").to_physical().alias("status"), pl.col("row")).with_row_index("at")
    return keys.sort(["out", "not_now", "soonest", "disparity", "status", "row"])["at"]


def ranked_rows(frame: Any, order: Any, start: int = 0, length: int | None = None) -> Any:
    """Ranks `start + 1 ..` of the ranking (all of them by default), with their rank, the columns a clinic reads
    first leading."""
    import polars as pl

    at = order.slice(start, length)
    part = frame[at] if frame.height else frame
    ranked = part.with_row_index("rank", offset=start + 1).with_columns(pl.col("rank").cast(pl.Int64))
    leading = [c for c in LEADING if c in ranked.columns]
    return ranked.select(*leading, pl.exclude(leading))


def rank(frame: Any) -> Any:
    """The whole table in rank order (`rank_order`), with its rank."""
    return ranked_rows(frame, rank_order(frame))
