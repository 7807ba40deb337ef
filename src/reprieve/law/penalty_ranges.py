"""A statutory range of imprisonment and the law data behind it, shared by the penalty modules.

A range is a minimum and a maximum term (`Term`: months and days, or life) with the provision it comes from. The
`Trace` collects every dated law value a rule used, so that the output can say which of them are UNVERIFIED.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from reprieve.law.params import Value, law
from reprieve.law.sentence_aggregation import Term
from reprieve.results import Said, said

M = TypeVar("M", bound=BaseModel)
_PARSED: dict[tuple[type, int], tuple[Value, BaseModel]] = {}


def parsed(model: type[M], entry: Value) -> M:
    """`entry.value` read into `model`, once per law value (the loader has validated it already)."""
    key = (model, id(entry))
    hit = _PARSED.get(key)
    if hit is None or hit[0] is not entry:
        hit = (entry, model.model_validate(entry.value))
        _PARSED[key] = hit
    return hit[1]  # type: ignore[return-value]


def term_key(term: Term) -> tuple[int, int, int]:
    """Orders terms by length, life last."""
    return (1, 0, 0) if term.life else (0, term.months, term.days)


def months_or_life(term: Term) -> int | str:
    """The JSON form of a term in whole months (the days, if any, are given separately)."""
    return "life" if term.life else term.months


def described(term: Term) -> Said:
    """`describe`, as a message formatted when rendered (in the reader's language)."""
    if term.life:
        return said("term.life")
    if term.months == 0 and term.days == 0:
        return said("term.no_minimum")
    years, months = divmod(term.months, 12)
    parts = [said(f"unit.{unit}" if n == 1 else f"unit.{unit}s", n=n)
             for unit, n in (("year", years), ("month", months), ("day", term.days)) if n]
    out = parts[0]
    for part in parts[1:]:
        out = said("term.and", first=out, then=part)
    return out


def describe(term: Term) -> str:
    """`240 months` -> `20 years`; `84 months` -> `7 years`; `15 days`; `life`; `0` -> `no minimum`."""
    if term.life:
        return "life"
    if term.months == 0 and term.days == 0:
        return "no minimum"
    parts = []
    years, months = divmod(term.months, 12)
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if term.days:
        parts.append(f"{term.days} day{'s' if term.days != 1 else ''}")
    return " and ".join(parts)


@dataclass(frozen=True)
class Range:
    """A statutory range of imprisonment (both ends inclusive)."""

    minimum: Term
    maximum: Term
    citation: str
    supervised_release_min: Term | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"min_months": months_or_life(self.minimum),
                               "max_months": months_or_life(self.maximum), "citation": self.citation}
        if self.minimum.days and not self.minimum.life:
            out["min_days"] = self.minimum.days
        if self.supervised_release_min is not None:
            out["supervised_release_min_months"] = months_or_life(self.supervised_release_min)
        return out

    def same_penalty(self, other: Range | None) -> bool:
        """The same minimum, maximum and supervised-release minimum: a different citation for the same numbers (the
        provision as amended, the same tier reached another way) is not a change."""
        return other is not None and (self.minimum, self.maximum, self.supervised_release_min) == (
            other.minimum, other.maximum, other.supervised_release_min)

    def __str__(self) -> str:
        low = describe(self.minimum)
        if self.minimum == self.maximum:
            return f"{low} (fixed) [{self.citation}]"
        return f"{low} to {describe(self.maximum)} [{self.citation}]"


@dataclass
class Trace:
    """The law values a rule used; unverified ones are reported with their notes."""

    used: dict[tuple[str, date], Value] = field(default_factory=dict)

    def entry(self, name: str, on: date, record: bool = True) -> Value | None:
        """The value of `name` in force `on` (None outside the data); `record=False`: the caller records the parts it
        reads in the law's read trace (`LawSnapshot.maybe`)."""
        value = law().maybe(name, on, record)
        if value is not None:
            self.used[(name, value.from_)] = value
        return value

    def unverified(self) -> list[str]:
        out = []
        for (name, _), value in sorted(self.used.items(), key=lambda item: (item[0][0], item[0][1])):
            if not value.verified:
                out.append(f"UNVERIFIED ({name}, in force {value.from_} to {value.to or 'today'}; grade "
                           f"{value.grade}): {value.reader_note or value.citation}")
        return out
