"""Value types of the case file: partial dates and quantities with units."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from reprieve.dates import PartialDate


def _validate_partial_date(value: Any) -> PartialDate:
    return PartialDate.parse(value)


PDate = Annotated[
    PartialDate,
    PlainValidator(_validate_partial_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "ISO date YYYY-MM-DD; YYYY-MM or YYYY when only that much is known (treated as uncertain)",
        }
    ),
]

# Grams per unit. These are units of measure (NIST Handbook 44), not law.
_MASS_UNITS_G: dict[str, Decimal] = {
    "mg": Decimal("0.001"),
    "g": Decimal("1"),
    "gram": Decimal("1"),
    "grams": Decimal("1"),
    "kg": Decimal("1000"),
    "kilogram": Decimal("1000"),
    "kilograms": Decimal("1000"),
    "lb": Decimal("453.59237"),
    "lbs": Decimal("453.59237"),
    "pound": Decimal("453.59237"),
    "pounds": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
    "ounce": Decimal("28.349523125"),
    "ounces": Decimal("28.349523125"),
}
_COUNT_UNITS = {"plant": "plants", "plants": "plants", "unit": "units", "units": "units", "dose": "doses",
                "doses": "doses", "pill": "units", "pills": "units", "tablet": "units", "tablets": "units"}
_QUANTITY = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]+)\s*$")


@dataclass(frozen=True)
class Quantity:
    """An amount as the judgment states it: a mass (held in grams) or a count (plants, units, doses)."""

    amount: Decimal
    unit: str  # "g" for every mass; "plants", "units" or "doses" for counts
    text: str

    @property
    def is_mass(self) -> bool:
        return self.unit == "g"

    @property
    def grams(self) -> Decimal:
        if not self.is_mass:
            raise ValueError(f"{self.text} is a count of {self.unit}, not a weight")
        return self.amount

    @classmethod
    def parse(cls, value: Any) -> Quantity:
        if isinstance(value, Quantity):
            return value
        if not isinstance(value, str):
            raise ValueError("must be a quantity with a unit, e.g. '1000 kg', '280 g', '100 plants'")
        return _parse_text(value)

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=4096)  # the same texts (the law's thresholds) are read thousands of times in one assessment
def _parse_text(value: str) -> Quantity:
    match = _QUANTITY.match(value)
    if not match:
        raise ValueError("must be a quantity with a unit, e.g. '1000 kg', '280 g', '100 plants'")
    number, unit = match.groups()
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise ValueError("is not a number") from exc
    unit = unit.lower()
    if unit in _MASS_UNITS_G:
        return Quantity(amount * _MASS_UNITS_G[unit], "g", value.strip())
    if unit in _COUNT_UNITS:
        return Quantity(amount, _COUNT_UNITS[unit], value.strip())
    known = ", ".join(sorted({*_MASS_UNITS_G, *_COUNT_UNITS}))
    raise ValueError(f"has an unknown unit '{unit}' (known: {known})")


QuantityField = Annotated[
    Quantity,
    PlainValidator(Quantity.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "amount with unit: '1000 kg', '280 g', '3,000 lb', '100 plants'"}),
]
