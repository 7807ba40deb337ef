"""Every avenue of relief on a date: compassionate release and its grounds, the BOP's own criteria, FSA time
credits, elderly home detention and commutation. (FSA section 404 and 3582(c)(2) come from the penalties and
guidelines engines; `reprieve.assess.report` gathers them all: custody, compassionate release, then the others.)"""

from __future__ import annotations

from reprieve.assess import guidelines
from reprieve.assess.findings import Finding
from reprieve.assess.questions import ask
from reprieve.assess.relief import compassionate_release, other_avenues
from reprieve.assess.relief.situation import Situation
from reprieve.results import said

# The avenues that can only shorten a term of imprisonment: moot once it is served. 18 U.S.C. 3582(c)(1)(A) and (c)(2)
# "reduce the term of imprisonment" (USSG 1B1.10(b)(2)(C): "In no case shall the term of imprisonment be reduced
# ... to a term that is less than the term of imprisonment the defendant has already served"); the BOP's own
# request goes through the same motion; FSA time credits "shall be applied toward time in prerelease custody or
# supervised release" (18 U.S.C. 3632(d)(4)(C)), and time in prison is over. Not FSA 404 (a reduced sentence may
# shorten supervised release) nor commutation.
_SHORTEN_IMPRISONMENT = frozenset((compassionate_release.AVENUE, other_avenues.BOP, "FSA time credits",
                                   guidelines.AVENUE))


def custody(situation: Situation) -> list[Finding]:
    """A person already released is told so first, and asked the one fact that would undo it."""
    if not situation.released:
        return []
    release = situation.computation.projected_release_date or (
        situation.computation.latest.projected_release if situation.computation.latest else None)
    return [Finding("custody", "released", "not_eligible",
                    said("relief.custody.released", release=release, as_of=situation.as_of),
                    [said("relief.custody.check")], ["18 U.S.C. § 3624(a)"],
                    missing=[ask("custody.in_custody_on", said("relief.custody.would_change"))])]


def moot_when_released(situation: Situation, findings: list[Finding]) -> None:
    """Released on the stated facts, the avenues that only shorten imprisonment are closed on that presumption
    (named in each, with the one fact that flips it), and ask nothing else: no question they would ask changes an
    answer while the person is out."""
    if not situation.released:
        return
    for f in findings:
        if f.avenue not in _SHORTEN_IMPRISONMENT:
            continue
        f.eligible_from, f.missing = None, []  # a day it would open, or a fact it lacks, is past use
        if f.status != "not_eligible":
            f.status = "not_eligible"
            f.summary = said("relief.custody.moot")
            f.reasons.insert(0, said("relief.custody.presumed"))


def besides_the_court(situation: Situation) -> list[Finding]:
    """The avenues other than compassionate release: the BOP's own criteria, FSA time credits, elderly home
    detention and commutation. None reads the compassionate-release findings, so a what-if assessment reuses them
    when they read nothing it changes (`report.again`)."""
    return [*other_avenues.bop_criteria(situation), other_avenues.fsa_time_credits(situation),
            other_avenues.elderly_home_detention(situation), other_avenues.commutation(situation)]


__all__ = ["Situation", "besides_the_court", "compassionate_release", "custody", "moot_when_released"]
