"""Shapes of the structured (table and list) law parameters, so that a misplaced key inside one is an error too.

A parameter of type `table` or `list` names its shape with `schema:`: one of the names in SCHEMAS below, or a
pydantic model anywhere as `module.path:ClassName` (so a rule module can keep its shapes beside it). The loader
validates every value against it.
"""

from __future__ import annotations

import importlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatuteList(RootModel[list[str]]):
    """Statutes written as `21 U.S.C. 841` or with subsections `18 U.S.C. 924(c)`."""


class Words(RootModel[list[str]]):
    pass


class IneligibleOffense(Strict):
    clause: str
    what: str
    statutes: list[str] = Field(min_length=1)
    drugs: list[str] | None = None
    requires: Literal["death_or_serious_bodily_injury", "aggravating_role"] | None = None


class IneligibleOffenses(RootModel[list[IneligibleOffense]]):
    pass


class RdapTier(Strict):
    max_term_months: int | None
    cap_months: int = Field(ge=0)


class RdapTiers(RootModel[list[RdapTier]]):
    pass


class SeverityDays(Strict):
    greatest: int = Field(ge=0)
    high: int = Field(ge=0)
    moderate: int = Field(ge=0)
    low: int = Field(ge=0)


class FactorByRate(RootModel[dict[int, float]]):
    pass


SCHEMAS: dict[str, type[BaseModel]] = {
    "statute_list": StatuteList,
    "words": Words,
    "ineligible_offenses": IneligibleOffenses,
    "rdap_tiers": RdapTiers,
    "severity_days": SeverityDays,
    "factor_by_rate": FactorByRate,
}


def resolve(schema: str) -> type[BaseModel]:
    if schema in SCHEMAS:
        return SCHEMAS[schema]
    module_name, _, class_name = schema.partition(":")
    if not class_name:
        raise ValueError(f"unknown schema {schema!r}: use one of {sorted(SCHEMAS)} or 'module.path:ClassName'")
    try:
        found = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"schema {schema!r} cannot be found: {exc}") from None
    if not (isinstance(found, type) and issubclass(found, BaseModel)):
        raise ValueError(f"schema {schema!r} is not a pydantic model")
    return found


def validate_structured(schema: str, value: Any) -> None:
    resolve(schema).model_validate(value)
