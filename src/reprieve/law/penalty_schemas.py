"""Shapes of the statutory-penalty law data (drug_penalties, firearm_penalties, other_penalties, safety_valve,
prior_convictions, fair_sentencing_404), so that a misplaced key or a malformed amount is an error at load time.

Amounts are written as the statutes write them: terms as `10 years`, `15 days`, `life` or `0`; drug quantities as
`1 kg`, `280 g`, `1000 plants` (read by the case file's own quantity parser).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from reprieve.case.types import Quantity
from reprieve.law.sentence_aggregation import Term

_TERM = re.compile(r"^\s*(\d+)\s+(year|years|month|months|day|days)\s*$")


@lru_cache(maxsize=1024)  # the law data's few dozen penalty texts, read for every count (a Term is frozen)
def parse_term(text: str) -> Term:
    """`10 years` -> 120 months; `15 days`; `life`; `0` (no minimum)."""
    cleaned = text.strip().lower()
    if cleaned == "life":
        return Term(life=True)
    if cleaned == "0":
        return Term()
    match = _TERM.match(cleaned)
    if not match:
        raise ValueError(f"{text!r} is not a term ('10 years', '6 months', '15 days', 'life' or '0')")
    amount, unit = int(match.group(1)), match.group(2)
    if unit.startswith("year"):
        return Term(12 * amount)
    if unit.startswith("month"):
        return Term(amount)
    return Term(0, amount)


def _term_text(value: str) -> str:
    parse_term(value)
    return value


def _quantities(values: list[str]) -> list[str]:
    for value in values:
        Quantity.parse(value)
    return values


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PenaltyTier(Strict):
    """The range with at least `priors` qualifying prior convictions (and fewer than the next tier's)."""

    priors: int = Field(ge=0)
    min: str
    max: str
    supervised_release_min: str | None = None

    @field_validator("min", "max", "supervised_release_min")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


PriorKind = Literal["felony_drug_offense", "serious_drug_or_violent_felony", "drug_offense"]


class SubsectionPenalty(Strict):
    """One penalty provision: its ranges by number of qualifying priors, or `same_as` another provision."""

    citation: str = Field(min_length=3)
    prior_kind: PriorKind | None = None
    tiers: list[PenaltyTier] | None = None
    death_or_serious_bodily_injury: list[PenaltyTier] | None = None
    same_as: str | None = None
    note: str | None = None


class PenaltyTable(RootModel[dict[str, SubsectionPenalty]]):
    """Keyed by provision, e.g. `21 U.S.C. 841(b)(1)(A)`."""


class ThresholdRow(Strict):
    """The quantities that set (A) and (B) for one drug; any listed quantity (in its own unit) suffices."""

    drug: str
    clause: str
    clause_960: str
    a: list[str] = Field(min_length=1)
    b: list[str] = Field(min_length=1)
    a_960: list[str] | None = None
    b_960: list[str] | None = None

    @field_validator("a", "b", "a_960", "b_960")
    @classmethod
    def _amounts(cls, value: list[str] | None) -> list[str] | None:
        return value if value is None else _quantities(value)


class Thresholds(RootModel[list[ThresholdRow]]):
    pass


class LowerLine(Strict):
    """Below every listed quantity (compared in the same unit), the offense falls under 841(b)(1)(D)."""

    drug: str
    below: list[str] = Field(min_length=1)
    below_960: list[str] | None = None

    @field_validator("below", "below_960")
    @classmethod
    def _amounts(cls, value: list[str] | None) -> list[str] | None:
        return value if value is None else _quantities(value)


class LowerLines(RootModel[list[LowerLine]]):
    pass


class CrackPossessionTier(Strict):
    priors: int = Field(ge=0)
    more_than: str

    @field_validator("more_than")
    @classmethod
    def _amount(cls, value: str) -> str:
        Quantity.parse(value)
        return value


class CrackPossession(Strict):
    """The pre-2010 mandatory minimum for possessing cocaine base (21 U.S.C. 844(a)); no tiers once repealed."""

    citation: str
    tiers: list[CrackPossessionTier]
    min: str
    max: str

    @field_validator("min", "max")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


class SamePenalty(Strict):
    statute: str
    penalties_of: str


class SamePenalties(RootModel[list[SamePenalty]]):
    pass


WeaponKind = Literal["possess", "brandish", "discharge", "short_barreled_rifle", "short_barreled_shotgun",
                     "semiautomatic_assault_weapon", "machinegun", "destructive_device", "silencer"]


class Weapon924c(Strict):
    kind: WeaponKind
    minimum: str
    citation: str

    @field_validator("minimum")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


class First924c(Strict):
    """A first 924(c) violation: the minimum by conduct and by weapon (the higher applies)."""

    rows: list[Weapon924c] = Field(min_length=1)
    maximum: Literal["life", "same_as_minimum"]


class Subsequent924c(Strict):
    ordinary: str
    machinegun_class: str
    citation: str
    machinegun_class_citation: str

    @field_validator("ordinary", "machinegun_class")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


class Acca(Strict):
    minimum: str
    maximum: str
    predicates: int = Field(ge=1)

    @field_validator("minimum", "maximum")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


class SimpleRange(Strict):
    statute: str
    min: str
    max: str
    citation: str

    @field_validator("min", "max")
    @classmethod
    def _terms(cls, value: str | None) -> str | None:
        return value if value is None else _term_text(value)


class SimpleRanges(RootModel[list[SimpleRange]]):
    pass


class SafetyValveRule(Strict):
    """18 U.S.C. 3553(f)(1) as in force for a conviction; the statutes it applies to."""

    statutes: list[str] = Field(min_length=1)
    max_points: int | None = None
    max_points_excluding_one_point_offenses: int | None = None  # (A) "more than 4 criminal history points,
    excluded_offense_points: int | None = None  # "excluding any ... points resulting from a 1-point offense"
    disqualifying_prior_points: int | None = None  # (B) "a prior 3-point offense"
    disqualifying_violent_prior_points: int | None = None  # (C) "a prior 2-point violent offense"
    citation: str


class OffenseTier(Strict):
    """Another range of the same provision, when a further fact is so (e.g. "the violation affects a financial
    institution": 30 years instead of 20). `element`: a fact the jury must find or the plea admit, so the judgment
    would cite it - presumed not so when unstated."""

    when: str
    fact: str = Field(pattern=r"^[a-z_]+$")
    min: str
    max: str
    citation: str
    element: bool = True

    @field_validator("min", "max")
    @classmethod
    def _terms(cls, value: str) -> str:
        return _term_text(value)


class OffenseRange(Strict):
    """The range of one offense provision (listed most specific first), with the statute's own words."""

    statute: str
    min: str
    max: str
    citation: str
    quote: str | None = None
    tiers: list[OffenseTier] | None = None
    object_of: list[str] | None = None  # an attempt or conspiracy: the penalties of the object offense
    consecutive: Literal["to_every_other_term", "to_every_other_kind_of_term"] | None = None

    @field_validator("min", "max")
    @classmethod
    def _terms(cls, value: str) -> str:
        return _term_text(value)


class OffenseRanges(RootModel[list[OffenseRange]]):
    pass
