"""The HTML report written beside a screening's output: counts by status and avenue, time served against the
current-law minimum, the eligible-from timeline, and the summary table. Self-contained (inline SVG, no scripts,
nothing fetched), printable, and readable without colour: every bar carries its number and its label."""

from __future__ import annotations

import html
from collections import Counter
from datetime import date
from typing import Any

from reprieve.screen.table import INFORMATIONAL, STATUSES

_STATUS_STYLE = {"eligible": ("#1b7f3b", "OPEN"), "needs_review": ("#b58900", "ARGUABLE"),
                 "needs_facts": ("#1f6f8b", "NEEDS FACTS"), "not_eligible": ("#a12a2a", "CLOSED")}


def _bars(title: str, counts: list[tuple[str, int]], width: int = 720) -> str:
    if not counts:
        return f"<h2>{html.escape(title)}</h2><p>No rows.</p>"
    top = max(v for _, v in counts) or 1
    row_h, label_w = 22, 330
    parts = [f'<svg role="img" aria-label="{html.escape(title)}" width="{width}" height="{row_h * len(counts) + 10}" '
             'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">']
    for i, (label, value) in enumerate(counts):
        y = 5 + i * row_h
        w = int((width - label_w - 60) * value / top)
        parts.append(f'<text x="0" y="{y + 14}">{html.escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{row_h - 6}" fill="#555"/>'
                     f'<text x="{label_w + w + 4}" y="{y + 14}">{value}</text>')
    parts.append("</svg>")
    return f"<h2>{html.escape(title)}</h2>" + "".join(parts)


def _scatter(frame: Any, width: int = 640, height: int = 360, most: int = 2000) -> str:
    import polars as pl

    usable = frame.filter(pl.col("total_term_months").str.contains(r"^\d+$") & pl.col("percent_of_term_served")
                          .is_not_null() & pl.col("now_min_months").is_not_null()) \
        if {"total_term_months", "percent_of_term_served", "now_min_months"} <= set(frame.columns) else frame.clear()
    if usable.height > most:  # a readable chart, and a small file: an even sample
        usable = usable.gather_every(usable.height // most + 1)
    points = [(r["percent_of_term_served"], int(r["total_term_months"]), r["now_min_months"], r["best_status"])
              for r in usable.iter_rows(named=True)]
    title = "Time served against the current-law minimum"
    if not points:
        return (f"<h2>{title}</h2><p>No person has both a computed time served and a current-law minimum "
                "(the comparison needs the penalty facts of each count).</p>")
    served = [p * t / 100 for p, t, _, _ in points]
    minimums = [m for _, _, m, _ in points]
    step = _step(max(max(served), max(minimums), 1))
    top = step * (int(max(max(served), max(minimums), 1) // step) + 1)
    left, bottom = 56, 44
    plot_w, plot_h = width - left - 10, height - bottom - 10

    def x_of(months: float) -> float:
        return left + plot_w * months / top

    def y_of(months: float) -> float:
        return 10 + plot_h - plot_h * months / top

    parts = [f'<svg role="img" aria-label="{title}" width="{width}" height="{height}" '
             'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">']
    for tick in range(0, int(top) + 1, step):  # gridlines and numbers on both axes, in months
        parts.append(f'<line x1="{x_of(tick):.1f}" y1="10" x2="{x_of(tick):.1f}" y2="{y_of(0):.1f}" stroke="#eee"/>'
                     f'<line x1="{left}" y1="{y_of(tick):.1f}" x2="{x_of(top):.1f}" y2="{y_of(tick):.1f}" '
                     'stroke="#eee"/>'
                     f'<text x="{x_of(tick):.1f}" y="{y_of(0) + 14:.1f}" text-anchor="middle">{tick}</text>'
                     f'<text x="{left - 4}" y="{y_of(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    parts += [f'<line x1="{left}" y1="{y_of(0):.1f}" x2="{x_of(top):.1f}" y2="{y_of(0):.1f}" stroke="#000"/>',
              f'<line x1="{left}" y1="10" x2="{left}" y2="{y_of(0):.1f}" stroke="#000"/>',
              f'<line x1="{left}" y1="{y_of(0):.1f}" x2="{x_of(top):.1f}" y2="{y_of(top):.1f}" stroke="#999" '
              'stroke-dasharray="4"/>',
              f'<text x="{left + plot_w / 2:.0f}" y="{height - 6}" text-anchor="middle">months served so far</text>',
              f'<text transform="translate(12,{10 + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle">'
              "today's minimum for the same counts (months)</text>"]
    for (_, _, _, status), x_value, y_value in zip(points, served, minimums, strict=True):
        x, y = x_of(x_value), y_of(y_value)
        shape = {"eligible": "circle", "needs_review": "rect"}.get(status, "cross")
        if shape == "circle":
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1b7f3b"/>')
        elif shape == "rect":
            parts.append(f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="#b58900"/>')
        else:
            parts.append(f'<text x="{x - 3:.1f}" y="{y + 3:.1f}" fill="#555">+</text>')
    parts.append("</svg>")
    legend = ("<p>Each mark is a person: circle = an avenue is open now, square = arguable, + = other. Below the "
              "dashed line, the person has already served more than today's minimum for the same counts.</p>")
    return f"<h2>{title}</h2>" + "".join(parts) + legend


def _step(top: float) -> int:
    """A round tick interval (in months) giving at most 8 ticks."""
    for step in (6, 12, 24, 60, 120, 240, 600):
        if top / step <= 8:
            return step
    return 1200


_WHEN = "When an avenue opens (the soonest day, by year; open now counts in this year)"


def _timeline(frame: Any) -> str:
    import polars as pl

    if "soonest_eligible_from" not in frame.columns:
        return _bars(_WHEN, [])
    years = frame.filter(pl.col("soonest_eligible_from").is_not_null()).group_by(
        pl.col("soonest_eligible_from").str.slice(0, 4).alias("year")).len().sort("year")
    return _bars(_WHEN,
                 [(y, n) for y, n in years.iter_rows()])


def _avenues(row: dict[str, Any]) -> str:
    if row.get("open_avenues"):
        return html.escape(row["open_avenues"])
    if row.get("arguable_avenues"):
        return "arguable: " + html.escape(row["arguable_avenues"])
    return ""


def render_report(frame: Any, top: Any, errors: int, as_of: date, title: str,
                  what_if: dict[str, Any] | None = None) -> str:
    """`frame`: every person's row (in any order); `top`: the first people by rank, with their rank."""
    by_status = Counter(dict(frame.group_by("best_status").len().iter_rows())) if frame.height else Counter()
    status_counts = [(f"{_STATUS_STYLE[s][1]} ({s})", by_status.get(s, 0)) for s in STATUSES]
    avenue_counts: Counter[str] = Counter()
    for column in frame.columns:
        avenue = column.removeprefix("avenue: ")
        if column.startswith("avenue: ") and "|" not in column and avenue not in INFORMATIONAL:
            for value, n in frame.group_by(column).len().iter_rows():
                if value in ("eligible", "needs_review"):
                    avenue_counts[f"{avenue}: {_STATUS_STYLE[value][1]}"] += n
    table_rows = "".join(
        f"<tr><td>{r.get('rank')}</td><td>{r.get('row')}</td><td>{html.escape(str(r['id']))}</td>"
        f"<td>{_STATUS_STYLE[r['best_status']][1]}</td><td>{_avenues(r)}</td>"
        f"<td class=d>{r.get('soonest_eligible_from') or ''}</td><td>{_release(r)}</td>"
        f"<td>{r.get('disparity_months') if r.get('disparity_months') is not None else ''}</td></tr>"
        for r in top.iter_rows(named=True))
    what = ""
    if what_if:
        what = ("<h2>What-if</h2><p>" + html.escape(what_if["description"]) + "</p><ul>" + "".join(
            f"<li>{html.escape(k)}: {html.escape(str(v))}</li>" for k, v in what_if.items() if k != "description")
            + "</ul>")
    left_out = "commutation, always a matter for the President, is left out"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.2rem .5rem;text-align:left}}
td.d{{white-space:nowrap}}
@media print{{body{{margin:0}}}}</style></head><body>
<h1>{html.escape(title)}</h1>
<p>As of {as_of}. {frame.height} people assessed; {errors} rows skipped for bad input (see the errors file).
Information, not legal advice: each row is a screen, to be checked by a person against the records.</p>
{what}
{_bars(f"People by best status ({left_out})", status_counts)}
{_bars(f"Open or arguable, by avenue ({left_out})", sorted(avenue_counts.items(), key=lambda kv: (-kv[1], kv[0])))}
{_scatter(frame)}
{_timeline(frame)}
<h2>The first {top.height} people by rank</h2>
<p>"Row" is the person's row in the input file (the header is row 1). "Soonest" is the first day an avenue is open:
today when one is open now. People who may already be out (the earliest possible release day has passed) come
after everyone still in custody; check them first against the BOP's inmate locator.</p>
<table><thead><tr><th>Rank</th><th>Row</th><th>Id</th><th>Best status</th><th>Open now (or arguable)</th>
<th>Soonest</th><th>Projected release</th><th>Disparity (months)</th></tr></thead><tbody>{table_rows}</tbody></table>
</body></html>
"""


def _release(row: dict[str, Any]) -> str:
    day = row.get("projected_release_date") or (
        f"{row.get('projected_release_earliest')} to {row.get('projected_release_latest')}"
        if row.get("projected_release_earliest") else "")
    status = row.get("release_status")
    return f"{day} ({status})" if status in ("possibly released", "released") else str(day)
