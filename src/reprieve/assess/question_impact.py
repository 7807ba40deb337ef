"""Where each open question comes from in an assessment, and how much its answer can move.

Every `missing` in the output is one occurrence of a field: in a finding (it can decide a verdict, or a finding),
in the then/now comparison (it moves a statutory minimum by some months), in the guideline range, or in the
computation (it moves a date by some days). `reprieve.assess.questions.questions_for` merges them by field and
asks the most decisive first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as default
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.assess.findings import STATUS_RANK
from reprieve.assess.questions import DATE, ESSENTIAL, FINDING, GUIDELINES, MINIMUM, VERDICT

if TYPE_CHECKING:
    from reprieve.assess.current_law_result import CurrentLaw
    from reprieve.assess.findings import Finding
    from reprieve.assess.guidelines import GuidelineSides
    from reprieve.assess.report import Assessment

LIFE_MONTHS = 1200  # to compare a life minimum with a number of months: longer than any term of years


@dataclass(frozen=True)
class Occurrence:
    field: str
    rank: int
    magnitude: int = 0
    affects: dict[str, Any] = default(default_factory=dict)


def occurrences(a: Assessment) -> Iterator[Occurrence]:
    for name in a.essentials:
        yield Occurrence(name, ESSENTIAL, 0, {"essential": True})
    yield from _from_findings(a)
    if a.current_law is not None:
        yield from _from_current_law(a.current_law, set(a.computation.missing))
    if a.guidelines is not None:
        yield from _from_guidelines(a.guidelines)
    yield from _from_computation(a)


def _from_findings(a: Assessment) -> Iterator[Occurrence]:
    verdicts = {avenue: f for avenue, f in a.verdicts()}
    for f in a.findings:
        if not f.missing:
            continue
        decides = verdicts.get(f.avenue) is f or (f.status == "needs_facts" and _could_flip(f, verdicts.get(f.avenue)))
        rank = VERDICT if decides else FINDING
        # Among findings that could flip a verdict, the one nearest to established first: fewest open elements.
        closeness = 100 - len(f.missing)
        for question in f.missing:
            yield Occurrence(question.field, rank, closeness, {"avenue": f.avenue, "ground": f.ground})




def _could_flip(f: Finding, verdict: Finding | None) -> bool:
    """A finding still open could turn its avenue's verdict only where the verdict is not already 'eligible'."""
    return verdict is None or STATUS_RANK[verdict.status] > STATUS_RANK["eligible"]


def _months(value: Any) -> int | None:
    if value == "life":
        return LIFE_MONTHS
    return value if isinstance(value, int) else None


def _spread(values: list[Any]) -> int:
    known_values = [m for m in (_months(v) for v in values) if m is not None]
    return max(known_values) - min(known_values) if len(known_values) > 1 else 0


def _from_current_law(current: CurrentLaw, dates: set[str]) -> Iterator[Occurrence]:
    """`dates`: the facts the release date needs; in the comparison they move the release date if sentenced today,
    not a minimum."""
    for which in ("then", "now"):
        alternatives = current.aggregate.alternatives(which)
        spread = _spread([x.min_months for x in alternatives])
        for alternative in alternatives:
            for name in alternative.missing:
                yield Occurrence(name, MINIMUM, spread, {"current_law": f"{which} minimum"})
    for count in current.counts:
        for which in ("then", "now"):
            side = count.side(which)
            spread = _spread([x.min_months for x in side.alternatives or []])
            for name in side.missing or []:
                yield Occurrence(name, MINIMUM, spread, {"current_law": f"count {count.count}, {which}"})
    for name in current.missing:
        if name in dates:
            yield Occurrence(name, DATE, 0, {"current_law": "release date if sentenced today"})
        else:
            yield Occurrence(name, MINIMUM, 0, {"current_law": "the comparison"})


def _from_guidelines(guidelines: GuidelineSides) -> Iterator[Occurrence]:
    for item in guidelines.missing or []:
        yield Occurrence(item.field, GUIDELINES, 0, {"guidelines": "the sentencing date"})
    for which in ("then", "now"):
        for name in guidelines.missing_fields(which):
            yield Occurrence(name, GUIDELINES, 0, {"guidelines": which})


def _from_computation(a: Assessment) -> Iterator[Occurrence]:
    span = a.computation.ranges.get("projected_release_date")
    days = 0
    if span is not None and isinstance(span.low, date) and isinstance(span.high, date):
        days = (span.high - span.low).days
    for name in a.computation.missing:
        yield Occurrence(name, DATE, days, {"computation": "release date"})
