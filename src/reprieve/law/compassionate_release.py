"""Compassionate release: 18 U.S.C. 3582(c)(1)(A) and USSG §1B1.13 as they stood on a date, in a circuit.

The data (compassionate_release.yaml, compassionate_release_circuits.yaml) holds the thresholds and, per circuit,
the answer on each date to the two questions that split the courts before the Supreme Court ruled in Rutherford:
may a non-retroactive change in law be considered, and did the old policy statement limit defendants' motions.
The grounds themselves are applied to a case in `reprieve.assess.relief.compassionate_release`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, RootModel

from reprieve.case.model import Case, Request
from reprieve.law.params import Value, law
from reprieve.law.penalty_ranges import parsed

Regime = Literal["bop_motion_only", "old_policy_statement", "amended_policy_statement", "after_rutherford"]
CITE_STATUTE = "18 U.S.C. § 3582(c)(1)(A)"


class Position(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    position: str
    holding: str
    authorities: list[str]


class Positions(RootModel[list[Position]]):
    pass


class AgeServed(BaseModel):
    """An age with a time-served requirement (BOP Program Statement 5050.50 categories)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int
    years_served: int | None
    percent_served: int | None


class ShareServed(BaseModel):
    """A share of the term served (34 U.S.C. 60541(g)): numerator/denominator, or the greater of it and years."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    numerator: int
    denominator: int
    or_years: int | None
    rule: Literal["share", "greater"]


def regime(on: date) -> Value:
    return law().entry("compassionate_release.regime", on)


def regime_from(which: Regime) -> date:
    """The day a regime began, from the law data: the amended policy statement (USSG §1B1.13, as amended), or
    Rutherford closing the change-in-law ground."""
    return next(v.from_ for v in law().parameter("compassionate_release.regime").values if v.value == which)


def amended_from() -> date:
    """The day the amended policy statement (USSG §1B1.13, as amended) took effect, from the law data."""
    return regime_from("amended_policy_statement")


def circuit_key(circuit: str) -> str:
    return "cadc" if circuit == "D.C." else "ca" + circuit.rstrip("stndrh")


@dataclass(frozen=True)
class CircuitLaw:
    """A circuit's answer on a date, with its authority; `unsettled` answers carry both positions."""

    answer: str
    citation: str
    note: str | None
    positions: list[dict[str, object]]


def change_in_law(circuit: str | None, on: date) -> CircuitLaw | None:
    """May a non-retroactive change in law be considered in `circuit` on `on`? None before defendants could move."""
    if circuit is None:
        return None
    entry = law().maybe(f"compassionate_release_circuits.change_in_law_{circuit_key(circuit)}", on)
    if entry is None:
        return None
    positions: list[dict[str, object]] = []
    if entry.value in ("unsettled", "b6_contested"):
        split = law().maybe("compassionate_release_circuits.split_positions", on)
        if split is not None:
            positions = [dict(p) for p in split.value]
    return CircuitLaw(str(entry.value), entry.citation, entry.reader_note, positions)


def old_statement_binds(circuit: str | None, on: date) -> CircuitLaw | None:
    if circuit is None:
        return None
    entry = law().maybe(f"compassionate_release_circuits.old_statement_binds_{circuit_key(circuit)}", on)
    if entry is None:
        return None
    return CircuitLaw(str(entry.value), entry.citation, entry.reader_note, [])


def warden_requests(case: Case) -> list[Request]:
    """The requests that start 3582(c)(1)(A)'s lapse "of 30 days from the receipt of such a request by the warden":
    those to the warden (or to no one named) for a reduction in sentence (or of no stated kind)."""
    return [r for r in case.requests if r.to in (None, "warden") and r.kind in (None, "reduction_in_sentence")]


def exhaustion_lapse(on: date) -> tuple[timedelta, str]:
    """How long after the warden's receipt of a request a defendant may move, and its citation (law data)."""
    days, citation = threshold("exhaustion_lapse_days", on)
    return timedelta(days=days), citation


def threshold(name: str, on: date) -> tuple[int, str]:
    entry = law().entry(f"compassionate_release.{name}", on)
    return int(entry.value), entry.citation


def grounds_in_force(on: date) -> tuple[list[str], Value]:
    entry = law().entry("compassionate_release.grounds_in_force", on)
    return list(entry.value), entry


class TerminalExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    example: str
    pattern: str


class TerminalExamples(RootModel[list[TerminalExample]]):
    """The policy statement's own examples of a terminal illness, with the words that name each."""


def named_terminal_example(condition: str, on: date) -> tuple[str, str] | None:
    """The example of §1B1.13(b)(1)(A) a condition's words name (e.g. 'end-stage renal disease' is 'end-stage organ
    disease'), with the citation; None when none does or the data does not cover the date."""
    entry = law().maybe("compassionate_release.terminal_illness_examples", on)
    if entry is None:
        return None
    text = condition.lower()
    for item in parsed(TerminalExamples, entry).root:
        if re.search(item.pattern, text):
            return item.example, entry.citation
    return None
