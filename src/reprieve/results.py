"""The parts every result shares: the steps that show the arithmetic, what is uncertain, and refusals."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

Bound = date | int | float | None


@dataclass(frozen=True)
class Step:
    """One line of the arithmetic, as a person would check it against the BOP's computation sheet."""

    rule: str
    citation: str
    detail: str
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        if out["note"] is None:
            del out["note"]
        return out


@dataclass(frozen=True)
class Uncertainty:
    """A fact that is unknown or approximate, and what it could change."""

    field: str
    why: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Refusal:
    """Something the engine does not compute, with a stable code instead of a guessed answer."""

    code: str
    message: str
    citation: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Span:
    """Where a value lies on the facts stated: the earliest and latest of a date, or the least and most of an
    amount (`dates` says which); None at an end the facts leave unbounded."""

    low: Bound
    high: Bound
    dates: bool = True

    def as_json(self) -> dict[str, Any]:
        if self.dates:
            return {"earliest": _iso(self.low), "latest": _iso(self.high)}
        return {"least": self.low, "most": self.high}

    def ends_json(self) -> list[Any]:
        """[low, high] as JSON (ISO dates)."""
        return [_iso(self.low), _iso(self.high)]


def _iso(value: Bound) -> Any:
    return value.isoformat() if isinstance(value, date) else value
