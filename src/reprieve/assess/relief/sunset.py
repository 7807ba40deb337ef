"""Avenues that end. A date on which someone would first qualify is worth offering only if the avenue still exists
on that date: the elderly offender home detention program was authorized "for each of fiscal years 2019 through
2023" (34 U.S.C. 60541(g)), and a circuit's (or the Supreme Court's) ruling can close a ground of compassionate release.
When the law data say the avenue is closed on the date a finding would be met, the date is withdrawn and the finding
says instead when the avenue ends and what would have to change (`change`: e.g. reauthorization by Congress).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from reprieve.assess.findings import Finding, Sunset
from reprieve.law.params import Value, law
from reprieve.results import Said, said


def _closing(parameter: str, after: date, until: date, is_open: Callable[[object], bool]) -> Value | None:
    """The first value of `parameter` in force after `after` and on or before `until` under which the avenue is
    closed."""
    for value in law().parameter(parameter).values:
        if value.from_ > until or (value.to is not None and value.to <= after):
            continue
        if not is_open(value.value):
            return value
    return None


def offered_while_open(finding: Finding, parameter: str, is_open: Callable[[object], bool], as_of: date,
                       what: Said, change: Said | Callable[[Value], Said]) -> Finding:
    """`finding` unchanged unless it would be met only on a date when `parameter` says the avenue (`what`) no longer
    exists; then that date is withdrawn, no question is asked, and the finding says when the avenue ends and that
    only `change` (or `change(closing value)`) would reopen it."""
    when = finding.eligible_from
    if finding.status != "not_eligible" or when is None:
        return finding
    closing = _closing(parameter, as_of, when, is_open)
    if closing is None:
        return finding
    last_day = max(closing.from_, as_of + timedelta(days=1)) - timedelta(days=1)
    if not isinstance(change, Said):
        change = change(closing)
    summary = finding.summary
    if isinstance(summary, Said) and summary.key == "relief.not_before":  # the date withdrawn: the summary without it
        summary = summary.args["summary"]
    finding.eligible_from = None
    finding.missing = []
    finding.summary = said("relief.sunset.summary", summary=summary, what=what, last_day=last_day, day=when,
                           change=change)
    finding.reasons.append(said("relief.sunset.reason", what=what, last_day=last_day, citation=closing.citation,
                                day=when))
    finding.citations.append(closing.citation)
    finding.extra.sunset = Sunset(last_day, when)
    return finding
