"""The safety valve: 18 U.S.C. 3553(f) (USSG §5C1.2), before and after First Step Act section 402 (law.md D5).

For 841, 844, 846, 960 and 963 offenses (and, after 2018, 46 U.S.C. 70503 and 70506) the court sentences under the
guidelines without regard to the mandatory minimum if all five conditions are met:
(1) criminal history - before the First Step Act, not more than 1 point; after it, the defendant does not have
    (A) more than 4 points excluding 1-point offenses, (B) a prior 3-point offense, or (C) a prior 2-point violent
    offense; under Pulsifer v. United States, 601 U.S. 124 (2024), having any one of them disqualifies;
(2) no violence, credible threat or dangerous weapon; (3) no death or serious bodily injury; (4) no aggravating role
    and no continuing criminal enterprise; (5) truthful disclosure by the sentencing hearing.
Answers are eligible / not eligible / needs facts, with the facts that would decide them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from reprieve.case.model import Case, Count, Judgment
from reprieve.law.firearm_penalties import is_924c
from reprieve.law.penalty_ranges import Trace, parsed
from reprieve.law.penalty_schemas import SafetyValveRule
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.results import Said, identity, said

Status = Literal["eligible", "not_eligible", "needs_facts", "not_applicable"]
Met = Literal["met", "not_met", "unknown"]


@dataclass
class SafetyValve:
    status: Status
    f1: Met
    reasons: list[Said] = field(default_factory=list)  # words, formatted when rendered
    missing: list[str] = field(default_factory=list)
    citation: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "f1": self.f1, "reasons": [r.render() for r in self.reasons],
                "missing": self.missing, "citation": self.citation}

    def same_as(self, other: SafetyValve) -> bool:
        """The same answer for the same reasons (compared without wording them)."""
        return (self.status, self.f1, self.missing, self.citation, [identity(r) for r in self.reasons]) == \
            (other.status, other.f1, other.missing, other.citation, [identity(r) for r in other.reasons])


def rule_on(on: date, trace: Trace) -> SafetyValveRule | None:
    entry = trace.entry("safety_valve.regime", on)
    return parsed(SafetyValveRule, entry) if entry else None


def applies_to(count: Count, rule: SafetyValveRule) -> bool:
    statutes = (*parse_statutes(count.statute), *parse_statutes(count.penalty))
    listed = [parse_statute(s) for s in rule.statutes]
    return any(s.within(t) for s in statutes for t in listed)


def _violent(kind: str | None, crime_of_violence: bool | None) -> bool | None:
    if crime_of_violence is not None:
        return crime_of_violence
    if kind == "violent_felony":
        return True
    if kind in ("drug_felony", "misdemeanor"):
        return False
    return None


@dataclass
class _History:
    """What the case states of criminal history, and what (A)-(C) found so far."""

    total: int | None
    status: int | None
    points: list[tuple[int, int | None, bool | None]]  # (prior index, its points, a crime of violence)
    known: list[tuple[int, int, bool | None]]
    all_known: bool
    points_field: str
    reasons: list[Said] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: bool = False
    unknown: bool = False

    def not_stated(self, reason: Said) -> None:
        self.unknown = True
        self.reasons.append(reason)
        self.missing += [f"priors[{i}].history_points" for i, pts, _ in self.points if pts is None] or [
            self.points_field]


def criminal_history(case: Case, judgment: Judgment, where: str, rule: SafetyValveRule) -> tuple[Met, list[Said],
                                                                                                   list[str]]:
    """3553(f)(1) as `rule` states it, from the judgment's points and each prior's points (USSG §4A1.1)."""
    guidelines = judgment.guidelines
    points = [(i, p.history_points, _violent(p.kind, p.crime_of_violence)) for i, p in enumerate(case.priors)]
    known = [(i, pts, v) for i, pts, v in points if pts is not None]
    h = _History(guidelines.criminal_history_points if guidelines else None,
                 guidelines.status_points if guidelines else None, points, known, False,
                 f"{where}.guidelines.criminal_history_points")
    h.all_known = len(known) == len(points) and (
        h.total is None or sum(pts for _, pts, _ in known) + (h.status or 0) == h.total)
    if rule.max_points is not None:
        return _before_402(h, rule.max_points)
    if rule.max_points_excluding_one_point_offenses is not None:
        _more_than_points(h, rule.max_points_excluding_one_point_offenses, rule.excluded_offense_points or 0)
    if rule.disqualifying_prior_points is not None:
        _prior_offense_of(h, rule.disqualifying_prior_points)
    if rule.disqualifying_violent_prior_points is not None:
        _violent_prior_offense_of(h, rule.disqualifying_violent_prior_points)
    if h.failed:
        h.reasons.append(said("sv.pulsifer"))
        return "not_met", h.reasons, []
    if h.unknown:
        return "unknown", h.reasons, sorted(set(h.missing))
    return "met", h.reasons, []


def _before_402(h: _History, limit: int) -> tuple[Met, list[Said], list[str]]:
    """3553(f)(1) before the First Step Act: "not more than 1 criminal history point" (the limit is law data)."""
    if h.total is not None:
        return ("met" if h.total <= limit else "not_met"), [said("sv.points", total=h.total, limit=limit)], []
    if sum(pts for _, pts, _ in h.known) > limit:
        return "not_met", [said("sv.priors_alone", limit=limit)], []
    return "unknown", [said("sv.points.unknown")], [h.points_field]


def _more_than_points(h: _History, limit: int, excluded: int) -> None:
    """(A) "more than 4 criminal history points, excluding any criminal history points resulting from a 1-point
    offense" (both numbers are law data)."""
    if h.total is not None and h.total <= limit:
        h.reasons.append(said("sv.a.met_in_all", total=h.total, limit=limit, excluded=excluded))
    elif h.all_known:
        counted = sum(pts for _, pts, _ in h.known if pts != excluded) + (h.status or 0)
        if counted > limit:
            h.failed = True
            h.reasons.append(said("sv.a.not_met", counted=counted, limit=limit, excluded=excluded))
        else:
            h.reasons.append(said("sv.a.met", counted=counted, limit=limit, excluded=excluded))
    else:
        h.not_stated(said("sv.a.unknown"))


def _prior_offense_of(h: _History, points: int) -> None:
    """(B) "a prior 3-point offense, as determined under the sentencing guidelines" (the points are law data)."""
    found = [i for i, pts, _ in h.known if pts == points]
    if found:
        h.failed = True
        h.reasons.append(said("sv.b.not_met", points=points, priors=", ".join(map(str, found))))
    elif h.all_known or (h.total is not None and h.total < points):
        h.reasons.append(said("sv.b.met", points=points))
    else:
        h.not_stated(said("sv.b.unknown", points=points))


def _violent_prior_offense_of(h: _History, points: int) -> None:
    """(C) "a prior 2-point violent offense, as determined under the sentencing guidelines" (the points are law
    data); violent: a crime of violence as defined in 18 U.S.C. 16."""
    violent = [i for i, pts, v in h.known if pts == points and v]
    undecided = [i for i, pts, v in h.known if pts == points and v is None]
    if violent:
        h.failed = True
        h.reasons.append(said("sv.c.not_met", points=points, priors=", ".join(map(str, violent))))
    elif undecided:
        h.unknown = True
        h.reasons.append(said("sv.c.undecided", points=points))
        h.missing += [f"priors[{i}].crime_of_violence" for i in undecided]
    elif h.all_known or (h.total is not None and h.total < points):
        h.reasons.append(said("sv.c.met", points=points))
    else:
        h.not_stated(said("sv.c.unknown"))


def other_criteria(count: Count, judgment: Judgment, where_count: str) -> tuple[Met, list[Said], list[str]]:
    """3553(f)(2)-(5): stated as one fact, or shown not met by a firearm conviction in the same judgment, a death or
    serious injury, or an aggravating-role finding."""
    reasons: list[Said] = []
    if any(is_924c(c) for c in judgment.counts):
        reasons.append(said("sv.2.not_met"))
    if count.death_or_serious_bodily_injury:
        reasons.append(said("sv.3.not_met"))
    if judgment.guidelines and judgment.guidelines.aggravating_role:
        reasons.append(said("sv.4.not_met"))
    if reasons:
        return "not_met", reasons, []
    if count.safety_valve_other_criteria_met is not None:
        ok = count.safety_valve_other_criteria_met
        return ("met" if ok else "not_met"), [said("sv.others.met" if ok else "sv.others.not_met")], []
    return "unknown", [said("sv.others.unknown")], [f"{where_count}.safety_valve_other_criteria_met"]


def evaluate(case: Case, judgment: Judgment, count: Count, where_judgment: str, where_count: str, on: date,
             trace: Trace) -> SafetyValve:
    """Whether 3553(f) lets the court sentence this count below its mandatory minimum, for a conviction on `on`."""
    rule = rule_on(on, trace)
    if rule is None:
        return SafetyValve("not_applicable", "unknown", [said("sv.none_on", day=on)])
    if not applies_to(count, rule):
        return SafetyValve("not_applicable", "unknown", [said("sv.not_this_statute")], [], rule.citation)
    f1, reasons, missing = criminal_history(case, judgment, where_judgment, rule)
    others, other_reasons, other_missing = other_criteria(count, judgment, where_count)
    reasons = [*reasons, *other_reasons]
    if f1 == "not_met" or others == "not_met":
        return SafetyValve("not_eligible", f1, reasons, [], rule.citation)
    if f1 == "unknown" or others == "unknown":
        return SafetyValve("needs_facts", f1, reasons, sorted(set(missing + other_missing)), rule.citation)
    return SafetyValve("eligible", f1, reasons, [], rule.citation)
