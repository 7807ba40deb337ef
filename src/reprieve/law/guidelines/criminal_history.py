"""USSG §4A1.1: criminal history points and status points, before and after Amendment 821 Part A (law.md E4, G7).

Before 2023-11-01: 2 points whenever the offense was committed under a criminal justice sentence (K, UNVERIFIED).
From 2023-11-01: 1 point, and only if the other points (§4A1.1(a)-(d)) are 7 or more.
"""

from __future__ import annotations

from datetime import date

from reprieve.law.guidelines.schemas import StatusRule
from reprieve.law.penalty_ranges import Trace, parsed


def status_points(other_points: int, under_sentence: bool, on: date, trace: Trace) -> tuple[int, str] | None:
    """The status points for `other_points` under §4A1.1(a)-(d) and the criminal-justice-sentence fact."""
    entry = trace.entry("guidelines.criminal_history.status_points", on)
    if entry is None:
        return None
    rule = parsed(StatusRule, entry)
    if not under_sentence:
        return 0, entry.citation
    return (rule.points if other_points >= rule.requires_points_from else 0), entry.citation


def recency_points_counted(on: date, trace: Trace) -> bool:
    entry = trace.entry("guidelines.criminal_history.recency_points_counted", on)
    return bool(entry.value) if entry else False
