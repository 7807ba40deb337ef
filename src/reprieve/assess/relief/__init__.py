"""Every avenue of relief on a date: compassionate release and its grounds, the BOP's own criteria, FSA time
credits, elderly home detention and commutation. (FSA section 404 and 3582(c)(2) come from the penalties and
guidelines engines; `reprieve.assess.report` gathers them all: custody, compassionate release, then the others.)"""

from __future__ import annotations

from reprieve.assess.findings import Finding
from reprieve.assess.relief import compassionate_release, other_avenues
from reprieve.assess.relief.situation import Situation
from reprieve.results import said


def custody(situation: Situation) -> list[Finding]:
    """A person already released is told so first."""
    if not situation.released:
        return []
    release = situation.computation.projected_release_date or (
        situation.computation.latest.projected_release if situation.computation.latest else None)
    return [Finding("custody", "released", "not_eligible",
                    said("relief.custody.released", release=release, as_of=situation.as_of),
                    [said("relief.custody.check")], ["18 U.S.C. § 3624(a)"])]


def besides_the_court(situation: Situation) -> list[Finding]:
    """The avenues other than compassionate release: the BOP's own criteria, FSA time credits, elderly home
    detention and commutation. None reads the compassionate-release findings, so a what-if assessment reuses them
    when they read nothing it changes (`report.again`)."""
    return [*other_avenues.bop_criteria(situation), other_avenues.fsa_time_credits(situation),
            other_avenues.elderly_home_detention(situation), other_avenues.commutation(situation)]


__all__ = ["Situation", "besides_the_court", "compassionate_release", "custody"]
