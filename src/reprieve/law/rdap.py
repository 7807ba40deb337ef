"""Residential Drug Abuse Program early release: 18 U.S.C. 3621(e)(2)(B); 28 C.F.R. 550.55 (law.md A7).

Up to one year off for a nonviolent offense, capped by the length of the term (PS 5331.02), applied before FSA
time credits.
"""

from __future__ import annotations

from datetime import date

from reprieve.law.params import law
from reprieve.law.sentence_aggregation import Term
from reprieve.results import Step, said

CITE = "18 U.S.C. § 3621(e)(2)(B); 28 C.F.R. § 550.55"
AUTHORITY = "usc_18_3621"


def cap_months(term: Term, on: date) -> tuple[int, str]:
    data = law()
    statutory = int(data.value("rdap.maximum_reduction_months", on))
    tiers = data.maybe("rdap.reduction_tiers", on)
    if tiers is None or term.life:
        return statutory, CITE
    for tier in tiers.value:
        limit = tier["max_term_months"]
        if limit is None or not term.exceeds(limit):
            return min(statutory, int(tier["cap_months"])), f"{CITE}; {tiers.citation}"
    return statutory, CITE  # pragma: no cover - the last tier has no upper bound


def reduction(term: Term, stated_months: int | None, on: date) -> tuple[int, Step]:
    cap, cite = cap_months(term, on)
    if stated_months is None:
        return cap, Step("RDAP", AUTHORITY, cite, said("step.rdap.not_stated", cap=cap, term=term))
    allowed = min(stated_months, cap)
    detail = said("step.rdap.capped", allowed=allowed, stated=stated_months, term=term, cap=cap) \
        if stated_months > cap else said("step.rdap", allowed=allowed)
    return allowed, Step("RDAP", AUTHORITY, cite, detail, said("step.rdap.note"))
