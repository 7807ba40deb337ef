"""The typed result of the current-law comparison (`reprieve.assess.current_law`): the then/now ranges per count and
the aggregate. Inside the engine consumers read attributes; `as_json()` gives the `current_law` block of
`reprieve assess` (cli.md) exactly.

A block of the contract carries some keys only in some cases (an alternative list, a note, a range beside a null
value), and some keys with a null value: each typed block keeps the keys it carries, in order (`keys`), so that its
JSON is the contract's, with nothing added and nothing dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.assess.presumptions import Presumed
from reprieve.law.prior_convictions import Qualifies
from reprieve.law.safety_valve import SafetyValve
from reprieve.results import Conditions, Joined, Said, Span, Step, Text

if TYPE_CHECKING:
    from reprieve.assess.current_law_summary import Summary

Months = int | str | None  # months, "life", or unknown


class _Keyed:
    """A block whose JSON carries only the keys its builder set, in the order set (`keys`). `put` sets a key as a dict
    would: a new key goes last, a key set again keeps its place."""

    keys: tuple[str, ...]

    def _attribute(self, key: str) -> str:
        return "condition" if key == "if" else key

    def put(self, key: str, value: Any) -> None:
        attribute = self._attribute(key)
        if attribute not in _settable(type(self)):
            raise ValueError(f"{type(self).__name__}: unknown key {key}")  # it would be dropped from the JSON
        setattr(self, attribute, value)
        if key not in self.keys:
            self.keys = (*self.keys, key)

    def has(self, key: str) -> bool:
        return key in self.keys


_SETTABLE: dict[type, frozenset[str]] = {}


def _settable(kind: type) -> frozenset[str]:
    """The attributes `put` may set on a block of class `kind`: looked up once per class (`put` runs a dozen times
    a person)."""
    found = _SETTABLE.get(kind)
    if found is None:
        found = _SETTABLE[kind] = frozenset(f.name for f in fields(kind)) - {"keys"}
    return found


def _keyed_json(block: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in block.keys:
        value = getattr(block, key)
        if isinstance(value, list) and value and hasattr(value[0], "as_json"):
            value = [v.as_json() for v in value]
        elif isinstance(value, list):  # notes and assumptions: words, worded here
            value = [v.render() if isinstance(v, Said | Joined) else v for v in value]
        out[key] = _edge(key, value)
    return out


def _edge(key: str, value: Any) -> Any:
    """A typed value as the contract writes it: a date as ISO text, a span of dates as {earliest, latest} (or, for
    `release_date_if_sentenced_now_range`, as [earliest, latest])."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Said | Joined):
        return value.render()
    if isinstance(value, Span):
        return value.ends_json() if key == "release_date_if_sentenced_now_range" else value.as_json()
    return value.as_json() if hasattr(value, "as_json") else value


@dataclass
class Alternative(_Keyed):
    """One way the aggregate minimum can come out, then or now, with the facts it assumes (`condition`, the words
    "if ...") and the fields that would settle it; for today's, the release date it would give."""

    which: str  # "then" or "now"
    min_months: Months
    condition: Conditions
    missing: list[str]
    release_date: date | None = None
    release_date_range: Span | None = None
    release_date_is_past: bool | None = None
    keys: tuple[str, ...] = field(default=(), repr=False)

    def _attribute(self, key: str) -> str:
        return {f"{self.which}_min_months": "min_months", "if": "condition"}.get(key, key)

    def as_json(self) -> dict[str, Any]:
        return {key: _edge(key, getattr(self, self._attribute(key))) for key in self.keys}


@dataclass
class RangeSide(_Keyed):
    """A count's statutory range on one side (then or now), or one alternative of it: the range, or null with the
    alternatives (each with the facts it assumes, `condition` being the words "if ...") and the missing facts."""

    min_months: Months = None
    max_months: Months = None
    citation: str | None = None
    min_days: int | None = None
    supervised_release_min_months: Months = None
    basis: Text | None = None  # words (the provision as in force on a day), formatted when rendered
    not_covered: Text | None = None
    reason: Text | None = None
    condition: Conditions | None = None
    assumes: dict[str, list[str]] | None = None
    alternatives: list[RangeSide] | None = None
    missing: list[str] | None = None
    min_months_range: list[Any] | None = None
    max_months_range: list[Any] | None = None
    keys: tuple[str, ...] = field(default=(), repr=False)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in self.keys:
            value = getattr(self, self._attribute(key))
            out[key] = [a.as_json() for a in value] if key == "alternatives" else _edge(key, value)
        return out


@dataclass
class LowerToday(_Keyed):
    """Whether today's law gives a lower aggregate minimum in every alternative (True), in none (False), or it
    depends (None); the then and now ranges over the alternatives, and the facts that decide it."""

    answer: bool | None = None
    then_months_range: list[Any] | None = None
    now_months_range: list[Any] | None = None
    missing: list[str] | None = None
    keys: tuple[str, ...] = field(default=("answer",), repr=False)

    def as_json(self) -> dict[str, Any]:
        return _keyed_json(self)


@dataclass
class AtBottom:
    """With --at-bottom-of-range: whether today's guideline range gave the terms, and the note that says so."""

    available: bool
    note: Said

    def as_json(self) -> dict[str, Any]:
        return {"available": self.available, "note": self.note.render()}


@dataclass
class Aggregate(_Keyed):
    """The aggregate minimum then and now (or the alternatives and what each assumes), and the release date if
    sentenced today (cli.md `current_law.aggregate`)."""

    then_min_months: Months = None
    now_min_months: Months = None
    release_date_if_sentenced_now: date | None = None
    release_date_if_sentenced_now_is_past: bool | None = None
    basis: str = "statutory_minimum"
    reason: Said | None = None
    note: Said | None = None
    notes: list[Said] | None = None
    not_covered: list[Said] | None = None
    then_min_months_range: list[Any] | None = None
    now_min_months_range: list[Any] | None = None
    then_min_range_months: Span | None = None
    now_min_range_months: Span | None = None
    then_min_alternatives: list[Alternative] | None = None
    now_min_alternatives: list[Alternative] | None = None
    missing: list[str] | None = None
    safety_valve_today: list[str] | None = None
    at_bottom_of_range: AtBottom | None = None
    release_date_range: Span | None = None
    release_note: Said | None = None
    release_date_if_changed_counts_at_minimum: date | None = None
    release_date_if_changed_counts_at_minimum_range: Span | None = None
    release_date_if_changed_counts_at_minimum_is_past: bool | None = None
    release_date_if_sentenced_now_range: Span | None = None
    lower_today: LowerToday | None = None
    keys: tuple[str, ...] = field(default=(), repr=False)

    def alternatives(self, which: str) -> list[Alternative]:
        """The then or now alternatives (empty when the minimum does not depend on unknown facts)."""
        return (self.then_min_alternatives if which == "then" else self.now_min_alternatives) or []

    def min_span(self, which: str) -> Span | None:
        """The least and most the then or now minimum can be when no single value or list of alternatives is given:
        too many unknown facts (`<which>_min_range_months`), or a count reprieve does not cover, bounded by the
        others (`<which>_min_months_range`). None when an end is unknown."""
        span = self.then_min_range_months if which == "then" else self.now_min_range_months
        if span is None:
            ends = self.then_min_months_range if which == "then" else self.now_min_months_range
            span = Span(ends[0], ends[1], dates=False) if ends else None
        return span if span is not None and span.low is not None and span.high is not None else None

    def as_json(self) -> dict[str, Any]:
        return _keyed_json(self)


@dataclass
class SafetyValves:
    """A count's safety valve (18 U.S.C. 3553(f)) at sentencing ("then") and today ("now"), and the rules it read
    that rest on UNVERIFIED sources."""

    sides: dict[str, SafetyValve]
    unverified: list[str] | None = None

    def side(self, which: str) -> SafetyValve | None:
        return self.sides.get(which)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: v.as_json() for k, v in self.sides.items()}
        if self.unverified:
            out["unverified"] = self.unverified
        return out


@dataclass
class CountLaw(_Keyed):
    """One count: the statutory range at sentencing (`then`) and if sentenced on the as-of date (`now`)."""

    count: str
    judgment: int
    statute: str | None
    penalty: str | None
    kind: str
    consecutive: bool
    then: RangeSide
    now: RangeSide
    changed: bool | None
    safety_valve: SafetyValves | None = None
    notes: list[Said] | None = None
    assumptions: list[Said] | None = None
    unverified: list[str] | None = None
    presumptions: list[Presumed] | None = None
    settled: list[str] | None = None
    keys: tuple[str, ...] = field(default=(), repr=False)

    def side(self, which: str) -> RangeSide:
        return self.then if which == "then" else self.now

    def as_json(self) -> dict[str, Any]:
        return _keyed_json(self)


@dataclass
class PriorToday:
    """How a prior conviction is classified today for 21 U.S.C. 851 (cli.md `current_law.priors`)."""

    prior: int
    description: str | None
    felony_drug_offense: Qualifies
    serious_drug_felony: Qualifies
    serious_violent_felony: Qualifies

    def as_json(self) -> dict[str, Any]:
        return {"prior": self.prior, "description": self.description,
                "felony_drug_offense": self.felony_drug_offense.as_json(),
                "serious_drug_felony": self.serious_drug_felony.as_json(),
                "serious_violent_felony": self.serious_violent_felony.as_json()}


@dataclass
class CurrentLaw:
    """The `current_law` block of `reprieve assess`."""

    as_of: date
    counts: list[CountLaw]
    aggregate: Aggregate
    priors: list[PriorToday]
    summary: Summary
    assumptions: list[Said]
    presumptions: list[Presumed]
    unverified: list[str]
    steps: list[Step]
    missing: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "counts": [c.as_json() for c in self.counts],
            "aggregate": self.aggregate.as_json(),
            "priors": [p.as_json() for p in self.priors],
            "summary": self.summary.render(),
            "assumptions": [a.render() for a in self.assumptions],
            "presumptions": [p.as_json() for p in self.presumptions],
            "unverified": self.unverified,
            "steps": [s.as_json() for s in self.steps],
            "missing": self.missing,
        }
