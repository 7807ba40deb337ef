"""Shapes of the guideline tables, so that a misplaced key or a malformed cell is an error at load time.

Ranges are written as printed in the Sentencing Table ("97-121", "360-life", "life"); quantities as the Drug Quantity
Table writes them ("90 kg", "500 mg"), read by the case file's own quantity parser.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from reprieve.case.types import Quantity

CATEGORIES = ("I", "II", "III", "IV", "V", "VI")
_RANGE = re.compile(r"^(\d+)-(\d+|life)$")


def parse_range(text: str) -> tuple[int | Literal["life"], int | Literal["life"]]:
    """`97-121` -> (97, 121); `360-life` -> (360, "life"); `life` -> ("life", "life")."""
    if text == "life":
        return "life", "life"
    match = _RANGE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a range ('97-121', '360-life' or 'life')")
    high = match.group(2)
    return int(match.group(1)), "life" if high == "life" else int(high)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SentencingTable(RootModel[dict[int, list[str]]]):
    """Offense level -> the six ranges of Criminal History Categories I-VI."""

    @field_validator("root")
    @classmethod
    def _cells(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(value) != list(range(1, 44)):
            raise ValueError("the table must have every offense level from 1 to 43")
        for level, cells in value.items():
            if len(cells) != len(CATEGORIES):
                raise ValueError(f"level {level}: six ranges (categories I-VI) are needed")
            for cell in cells:
                parse_range(cell)
        return value


class Zone(Strict):
    zone: Literal["A", "B", "C", "D"]
    minimum_from: int = Field(ge=0)


class Zones(RootModel[list[Zone]]):
    pass


class Category(Strict):
    category: Literal["I", "II", "III", "IV", "V", "VI"]
    points_from: int = Field(ge=0)


class Categories(RootModel[list[Category]]):
    pass


def _quantity(value: str) -> str:
    if not Quantity.parse(value).is_mass:
        raise ValueError(f"{value!r} must be a weight")
    return value


class DrugColumn(Strict):
    """One column of the Drug Quantity Table: the least quantity of each level, and the level below them all."""

    floor: int = Field(ge=1, le=43)
    at_least: dict[int, str]

    @field_validator("at_least")
    @classmethod
    def _weights(cls, value: dict[int, str]) -> dict[int, str]:
        for text in value.values():
            _quantity(text)
        return value


class DrugTable(Strict):
    floors: dict[str, int]
    columns: dict[str, dict[int, str]]

    @field_validator("columns")
    @classmethod
    def _weights(cls, value: dict[str, dict[int, str]]) -> dict[str, dict[int, str]]:
        for column in value.values():
            for text in column.values():
                _quantity(text)
        return value


class Names(RootModel[dict[str, str]]):
    pass


class Conversion(Strict):
    """Converted drug weight (in grams of marijuana) of one gram, or of one unit, of a substance."""

    per: Literal["gram", "unit"]
    converted_grams: float = Field(gt=0)
    schedule: Literal["III", "IV", "V"] | None = None


class Conversions(RootModel[dict[str, Conversion]]):
    pass


class MinimumLevel(Strict):
    """The lowest Drug Quantity Table level of any amount, alone or combined, that contains one of `substances`."""

    level: int = Field(ge=1, le=43)
    substances: list[str] = Field(min_length=1)


class ConversionCaps(Strict):
    schedule_v_grams: float = Field(gt=0)
    schedule_iv_grams: float = Field(gt=0)
    schedule_iii_iv_and_v_grams: float = Field(gt=0)


class RoleCapRow(Strict):
    """With a §3B1.2 mitigating-role adjustment, a Drug Quantity Table level of at least `level_from` is lowered by
    `minus` levels, or set to `set_to`."""

    level_from: int
    minus: int | None = None
    set_to: int | None = None


class RoleCap(Strict):
    rows: list[RoleCapRow]
    minimal_role_ceiling: int | None = None
    minimal_role_levels: int | None = None  # the §3B1.2(a) reduction that makes a role "minimal" (4 levels)


class MonthDay(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class CareerOffenderRow(Strict):
    """Offense statutory maximum of at least `maximum_from_months` ("life": a life maximum) -> offense level."""

    maximum_from_months: int | Literal["life"]
    level: int = Field(ge=1, le=43)


class CareerOffenderTable(RootModel[list[CareerOffenderRow]]):
    pass


class Firearm924cRow(Strict):
    acceptance_levels: int = Field(ge=0)
    range: str

    @field_validator("range")
    @classmethod
    def _range(cls, value: str) -> str:
        parse_range(value)
        return value


class Firearm924cTable(RootModel[list[Firearm924cRow]]):
    pass


class AcceptanceRule(Strict):
    """§3E1.1: `levels` under (a); `additional_levels` under (b) from `additional_from_level` (none before Nov. 1,
    1992), on the government's motion from Apr. 30, 2003 (before it, the court found the defendant's timely steps)."""

    levels: int = Field(ge=0)
    additional_levels: int = Field(ge=0)
    additional_from_level: int | None
    government_motion_required: bool = True


class StatusRule(Strict):
    points: int = Field(ge=0)
    requires_points_from: int = Field(ge=0)


class ZeroPointCriterion(Strict):
    """One condition of §4C1.1(a): every fact listed must be false (no points: `points` is zero). `unsettled`:
    the text joined two facts with "and", and whether one alone disqualifies was disputed."""

    id: str
    text: str
    facts: list[str] = Field(min_length=1)
    unsettled: bool = False


class ZeroPointCriteria(RootModel[list[ZeroPointCriterion]]):
    pass


Topic = Literal["drug_quantity", "cocaine_base", "status_points", "zero_point", "other"]


class CoveredAmendment(Strict):
    amendment: str
    parts: str | None = None
    effective: date
    orders_from: date | None = None
    changes: list[Topic] = Field(min_length=1)
    what: str
    verified_dates: bool = False
    # An amendment about one substance only (715: cocaine base combined with other controlled substances) cannot
    # lower a range on which that substance played no part.
    only_with_drug: str | None = None  # the substance in any form: "oxycodone" covers oxycodone_actual


class CoveredAmendments(RootModel[list[CoveredAmendment]]):
    pass
