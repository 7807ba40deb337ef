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
from reprieve.results import Said

CITE_404 = "First Step Act of 2018, Pub. L. 115-391, § 404"
CITE_TERRY = "Terry v. United States, 593 U.S. 486 (2021)"


@dataclass
class Element:
    name: str
    met: bool | None
    detail: str | Said  # words: the law's own text, or a message of the words layer
    missing: list[str] = field(default_factory=list)


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
    if facts.provision is None:
        return Element("a covered statute of conviction", None, "the penalty provision of conviction is not stated",
                       [facts.provision_field])
    statute = parse_statute(facts.provision)
    if any(statute.within(s) for s in listed):
        return Element("a covered statute of conviction", True,
                       f"{facts.provision}: its penalties were modified by the Fair Sentencing Act "
                       f"({covered.citation})")
    return Element("a covered statute of conviction", False,
                   f"{facts.provision} is not a provision the Fair Sentencing Act modified ({CITE_TERRY} for "
                   "(b)(1)(C))")


def _cocaine_base(facts: Facts) -> Element:
    if facts.drug == "cocaine_base" or (facts.drug is None and facts.crack_clause):
        return Element("a cocaine-base offense", True, "cocaine base (crack)")
    if facts.drug is None:
        return Element("a cocaine-base offense", None, "the drug is not stated", [facts.drug_field])
    return Element("a cocaine-base offense", False, f"the drug is {facts.drug.replace('_', ' ')}")


def _committed(facts: Facts, before: date) -> Element:
    offense = facts.offense
    name = f"committed before {before}"
    if offense is None:
        return Element(name, None, "the offense date is not stated", [facts.offense_field])
    if offense.latest < before:
        return Element(name, True, f"the offense ended {offense}")
    if offense.earliest >= before:
        return Element(name, False, f"the offense ended {offense}")
    return Element(name, None, f"the offense ended {offense}: the exact date decides", [facts.offense_field])


def _sentenced(facts: Facts, before: date) -> Element:
    sentenced = facts.sentenced
    name = "404(c): the sentence was not imposed under the Fair Sentencing Act"
    if sentenced is None:
        return Element(name, None, "the sentencing date is not stated", [facts.sentenced_field])
    if sentenced.latest < before:
        return Element(name, True, f"sentenced {sentenced}, before the Fair Sentencing Act")
    if sentenced.earliest >= before:
        return Element(name, False, f"sentenced {sentenced}: the Fair Sentencing Act already applied "
                       "(Dorsey v. United States, 567 U.S. 260 (2012))")
    return Element(name, None, f"sentenced {sentenced}: the exact date decides", [facts.sentenced_field])


def _no_earlier_motion(facts: Facts) -> Element:
    name = "404(c): no earlier 404 motion granted, or denied after a complete review on the merits"
    if facts.motion in ("none", "denied_not_on_merits"):
        return Element(name, True, "no earlier motion" if facts.motion == "none" else
                       "an earlier motion was denied without a review on the merits")
    if facts.motion in ("granted", "denied_on_merits"):
        return Element(name, False, "an earlier 404 motion was " + (
            "granted (the sentence was already reduced)" if facts.motion == "granted"
            else "denied after a complete review on the merits"))
    return Element(name, None, "whether an earlier 404 motion was filed is not stated", [facts.motion_field])
