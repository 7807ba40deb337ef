"""The parts every result shares: the steps that show the arithmetic, what is uncertain, and refusals."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


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
