"""Good conduct time lost for misconduct: 28 C.F.R. 541.4 (law.md A6).

For offenses on or after 1996-04-26 (PLRA), each Greatest-severity act costs at least 41 days and each High act at
least 27; Moderate and Low acts cost GCT only when repeated within one GCT year. The actual amounts are the
Discipline Hearing Officer's; when the case file does not state them, reprieve bounds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reprieve.case.model import Infraction
from reprieve.law.params import law
from reprieve.results import Said, said

CITE = "28 C.F.R. § 541.4"
AUTHORITY = "cfr_28_541_4"


@dataclass(frozen=True)
class LossBounds:
    least: int
    most: int
    detail: Said  # how the bounds were found, in words (words/en.yaml step.gct_loss.*)


def loss_bounds(infractions: list[Infraction] | None, offense_date: date, yearly_gct: list[int],
                on: date) -> LossBounds:
    """Bounds on GCT lost when the amounts are not stated.

    `yearly_gct[k]` is the GCT available in the k-th GCT year (the last may be prorated). With no list of
    infractions at all, any year already begun by `on` could have lost all its GCT.
    """
    data = law()
    mandatory_from = data.value("gct_loss.mandatory_loss_from", on)
    if infractions is None:
        most = sum(yearly_gct)
        return LossBounds(0, most, said("step.gct_loss.no_record"))
    least = 0
    if offense_date >= mandatory_from:
        minimums = data.value("gct_loss.minimum_days_by_severity", offense_date)
        least = sum(int(minimums[i.severity]) for i in infractions if i.severity)
    # Each act can cost at most the GCT of the year it fell in; with unknown years, the richest years.
    most = sum(sorted(yearly_gct, reverse=True)[: len(infractions)])
    least = min(least, most)
    return LossBounds(least, most, said("step.gct_loss.infractions", n=len(infractions), least=least, most=most))
