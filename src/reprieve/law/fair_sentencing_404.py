"""First Step Act section 404: retroactive Fair Sentencing Act relief (law.md D6).

A court may impose a reduced sentence "as if" sections 2 and 3 of the Fair Sentencing Act of 2010 were in effect
when a "covered offense" was committed: a violation of a statute whose penalties those sections modified (the
cocaine-base paragraphs of 841(b)(1)(A) and (B), 960(b)(1) and (2), and possession under 844(a)), committed before
2010-08-03 (404(a)). Eligibility turns on the statute of conviction, not the actual quantity (Wirsing; Davis); a
(b)(1)(C) cocaine-base offense is not covered (Terry v. United States, 593 U.S. 486 (2021)). No motion if the
sentence was imposed or reduced in accordance with the Fair Sentencing Act, or an earlier 404 motion was denied after
a complete review on the merits; no court is required to reduce (404(c)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reprieve.dates import PartialDate
from reprieve.law.params import Value
from reprieve.law.penalty_ranges import Trace
from reprieve.law.statutes import parse_statute
from reprieve.results import Said, quoted, said

CITE_404 = "First Step Act of 2018, Pub. L. 115-391, § 404"
CITE_TERRY = "Terry v. United States, 593 U.S. 486 (2021)"
AUTHORITY_404 = "publ_115_391"  # the First Step Act of 2018 in law/authorities.yaml


@dataclass
class Element:
    """One element of section 404 and how the facts meet it, in words formatted when rendered; `subsection` is the
    part of section 404 it comes from ("a": a covered offense, "c": the limits on a motion)."""

    name: Said
    met: bool | None
    detail: Said
    missing: list[str] = field(default_factory=list)
    subsection: str = "a"
    rule: str = ""


@dataclass
class Facts:
    """The facts of one count that section 404 looks at, with the case-file fields they come from."""

    provision: str | None  # the penalty provision of conviction, e.g. "21 U.S.C. 841(b)(1)(A)"
    provision_field: str
    drug: str | None
    drug_field: str
    crack_clause: bool  # the judgment cites the cocaine-base clause itself (841(b)(1)(A)(iii), 960(b)(1)(C))
    offense: PartialDate | None
    offense_field: str
    sentenced: PartialDate | None
    sentenced_field: str
    motion: str | None
    motion_field: str


def elements(facts: Facts, decided_on: date, trace: Trace) -> list[Element] | None:
    """Each element of 404 eligibility, or None before section 404 existed."""
    covered = trace.entry("fair_sentencing_404.covered_provisions", decided_on)
    before_entry = trace.entry("fair_sentencing_404.covered_offense_committed_before", decided_on)
    if covered is None or before_entry is None:
        return None
    before: date = before_entry.value
    return [_statute(facts, covered), _cocaine_base(facts), _committed(facts, before), _sentenced(facts, before),
            _no_earlier_motion(facts)]


def _statute(facts: Facts, covered: Value) -> Element:
    listed = [parse_statute(s) for s in covered.value]
    name = said("fsa404.el.statute")
    if facts.provision is None:
        return Element(name, None, said("fsa404.el.statute.unknown"), [facts.provision_field], rule="404A_STATUTE")
    statute = parse_statute(facts.provision)
    if any(statute.within(s) for s in listed):
        return Element(name, True, said("fsa404.el.statute.covered", provision=facts.provision,
                                        citation=covered.citation), rule="404A_STATUTE")
    return Element(name, False, said("fsa404.el.statute.not_covered", provision=facts.provision, case=CITE_TERRY),
                   rule="404A_STATUTE")


def _cocaine_base(facts: Facts) -> Element:
    name = said("fsa404.el.crack")
    if facts.drug == "cocaine_base" or (facts.drug is None and facts.crack_clause):
        return Element(name, True, said("fsa404.el.crack.yes"), rule="404A_COCAINE_BASE")
    if facts.drug is None:
        return Element(name, None, said("fsa404.el.crack.unknown"), [facts.drug_field], rule="404A_COCAINE_BASE")
    return Element(name, False, said("fsa404.el.crack.no", drug=quoted("drug.", facts.drug.replace("_", " "))),
                   rule="404A_COCAINE_BASE")


def _committed(facts: Facts, before: date) -> Element:
    offense = facts.offense
    name = said("fsa404.el.committed", day=before)
    if offense is None:
        return Element(name, None, said("fsa404.el.committed.unknown"), [facts.offense_field], rule="404A_BEFORE")
    if offense.latest < before:
        return Element(name, True, said("fsa404.el.committed.ended", day=offense), rule="404A_BEFORE")
    if offense.earliest >= before:
        return Element(name, False, said("fsa404.el.committed.ended", day=offense), rule="404A_BEFORE")
    return Element(name, None, said("fsa404.el.committed.decides", day=offense), [facts.offense_field],
                   rule="404A_BEFORE")


def _sentenced(facts: Facts, before: date) -> Element:
    sentenced = facts.sentenced
    name = said("fsa404.el.sentenced")
    if sentenced is None:
        return Element(name, None, said("fsa404.el.sentenced.unknown"), [facts.sentenced_field], "c",
                       "404C_NOT_UNDER_FSA")
    if sentenced.latest < before:
        return Element(name, True, said("fsa404.el.sentenced.before", day=sentenced), [], "c", "404C_NOT_UNDER_FSA")
    if sentenced.earliest >= before:
        return Element(name, False, said("fsa404.el.sentenced.after", day=sentenced), [], "c", "404C_NOT_UNDER_FSA")
    return Element(name, None, said("fsa404.el.sentenced.decides", day=sentenced), [facts.sentenced_field], "c",
                   "404C_NOT_UNDER_FSA")


_MOTION = {"none": (True, "none"), "denied_not_on_merits": (True, "not_on_merits"), "granted": (False, "granted"),
           "denied_on_merits": (False, "denied")}


def _no_earlier_motion(facts: Facts) -> Element:
    name = said("fsa404.el.motion")
    met, words = _MOTION.get(facts.motion or "", (None, "unknown"))
    return Element(name, met, said(f"fsa404.el.motion.{words}"), [facts.motion_field] if met is None else [], "c",
                   "404C_NO_EARLIER_MOTION")
