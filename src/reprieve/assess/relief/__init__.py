"""Every avenue of relief on a date: compassionate release and its grounds, the BOP's own criteria, FSA time
credits, elderly home detention and commutation. (FSA section 404 and 3582(c)(2) come from the penalties and
guidelines engines; `reprieve.assess.report` gathers them all.)"""

from __future__ import annotations

from reprieve.assess.findings import Finding
from reprieve.assess.relief import compassionate_release, other_avenues
from reprieve.assess.relief.situation import Situation
from reprieve.results import said


def relief_findings(situation: Situation) -> list[Finding]:
    out: list[Finding] = []
    if situation.released:
        release = situation.computation.projected_release_date or (
            situation.computation.latest.projected_release if situation.computation.latest else None)
        out.append(Finding("custody", "released", "not_eligible",
                           said("relief.custody.released", release=release, as_of=situation.as_of),
                           [said("relief.custody.check")], ["18 U.S.C. § 3624(a)"]))
    out.extend(compassionate_release.findings(situation))
    out.extend(other_avenues.bop_criteria(situation))
    out.append(other_avenues.fsa_time_credits(situation))
    out.append(other_avenues.elderly_home_detention(situation))
    out.append(other_avenues.commutation(situation))
    return out


__all__ = ["Situation", "relief_findings"]
