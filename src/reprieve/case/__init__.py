"""The case model: what a case file says, validated."""

from reprieve.case.model import Case, Count, Judgment, Prior, case_json_schema
from reprieve.case.types import Quantity

__all__ = ["Case", "Count", "Judgment", "Prior", "Quantity", "case_json_schema"]
