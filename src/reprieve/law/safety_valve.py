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

Status = Literal["eligible", "not_eligible", "needs_facts", "not_applicable"]
Met = Literal["met", "not_met", "unknown"]


@dataclass
class SafetyValve:
    status: Status
    f1: Met
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    citation: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "f1": self.f1, "reasons": self.reasons, "missing": self.missing,
                "citation": self.citation}


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


def criminal_history(case: Case, judgment: Judgment, where: str, rule: SafetyValveRule) -> tuple[Met, list[str],
                                                                                                   list[str]]:
    """3553(f)(1) as `rule` states it, from the judgment's points and each prior's points (USSG §4A1.1)."""
    guidelines = judgment.guidelines
    total = guidelines.criminal_history_points if guidelines else None
    status = guidelines.status_points if guidelines else None
    points = [(i, p.history_points, _violent(p.kind, p.crime_of_violence)) for i, p in enumerate(case.priors)]
    known = [(i, pts, v) for i, pts, v in points if pts is not None]
    all_known = len(known) == len(points) and (
        total is None or sum(pts for _, pts, _ in known) + (status or 0) == total)
    points_field = f"{where}.guidelines.criminal_history_points"
    if rule.max_points is not None:
        if total is not None:
            ok = total <= rule.max_points
            return ("met" if ok else "not_met"), [f"{total} criminal-history points (at most {rule.max_points} "
                                                  "allowed)"], []
        if sum(pts for _, pts, _ in known) > rule.max_points:
            return "not_met", [f"the priors alone carry more than {rule.max_points} point(s)"], []
        return "unknown", ["the criminal-history points are not stated"], [points_field]
    reasons: list[str] = []
    missing: list[str] = []
    failed = False
    unknown = False
    # (A) more than N points, excluding points from 1-point offenses
    limit = rule.max_points_excluding_one_point_offenses
    if limit is not None:
        if total is not None and total <= limit:
            reasons.append(f"(A) met: {total} points in all (at most {limit} allowed, before excluding 1-point "
                           "offenses)")
        elif all_known:
            counted = sum(pts for _, pts, _ in known if pts != 1) + (status or 0)
            if counted > limit:
                failed = True
                reasons.append(f"(A) not met: {counted} points excluding 1-point offenses (more than {limit})")
            else:
                reasons.append(f"(A) met: {counted} points excluding 1-point offenses (at most {limit})")
        else:
            unknown = True
            reasons.append("(A) unknown: the points of each prior offense are not all stated")
            missing += [f"priors[{i}].history_points" for i, pts, _ in points if pts is None] or [points_field]
    # (B) a prior 3-point offense
    if rule.three_point_prior_disqualifies:
        three = [i for i, pts, _ in known if pts == 3]
        if three:
            failed = True
            reasons.append(f"(B) not met: prior 3-point offense(s) (priors {', '.join(map(str, three))})")
        elif all_known or (total is not None and total < 3):
            reasons.append("(B) met: no prior 3-point offense")
        else:
            unknown = True
            reasons.append("(B) unknown: whether any prior offense received 3 points is not stated")
            missing += [f"priors[{i}].history_points" for i, pts, _ in points if pts is None] or [points_field]
    # (C) a prior 2-point violent offense
    if rule.two_point_violent_prior_disqualifies:
        two_violent = [i for i, pts, v in known if pts == 2 and v]
        two_open = [i for i, pts, v in known if pts == 2 and v is None]
        if two_violent:
            failed = True
            reasons.append(f"(C) not met: prior 2-point violent offense(s) (priors "
                           f"{', '.join(map(str, two_violent))})")
        elif two_open:
            unknown = True
            reasons.append("(C) unknown: whether a 2-point prior was a crime of violence (18 U.S.C. 16) is not "
                           "stated")
            missing += [f"priors[{i}].crime_of_violence" for i in two_open]
        elif all_known or (total is not None and total < 2):
            reasons.append("(C) met: no prior 2-point violent offense")
        else:
            unknown = True
            reasons.append("(C) unknown: the points of each prior offense are not all stated")
            missing += [f"priors[{i}].history_points" for i, pts, _ in points if pts is None] or [points_field]
    if failed:
        reasons.append("having any one of (A), (B) or (C) makes the defendant ineligible (Pulsifer)")
        return "not_met", reasons, []
    if unknown:
        return "unknown", reasons, sorted(set(missing))
    return "met", reasons, []


def other_criteria(count: Count, judgment: Judgment, where_count: str) -> tuple[Met, list[str], list[str]]:
    """3553(f)(2)-(5): stated as one fact, or shown not met by a firearm conviction in the same judgment, a death or
    serious injury, or an aggravating-role finding."""
    reasons = []
    if any(is_924c(c) for c in judgment.counts):
        reasons.append("(2) not met: a 924(c) firearm conviction in the same judgment")
    if count.death_or_serious_bodily_injury:
        reasons.append("(3) not met: death or serious bodily injury resulted")
    if judgment.guidelines and judgment.guidelines.aggravating_role:
        reasons.append("(4) not met: an aggravating-role adjustment (USSG §3B1.1)")
    if reasons:
        return "not_met", reasons, []
    if count.safety_valve_other_criteria_met is not None:
        ok = count.safety_valve_other_criteria_met
        return ("met" if ok else "not_met"), [f"(2)-(5) {'met' if ok else 'not met'} (stated)"], []
    return "unknown", ["(2)-(5) (no violence or weapon, no death or injury, no aggravating role, truthful "
                       "disclosure) are not stated"], [f"{where_count}.safety_valve_other_criteria_met"]


def evaluate(case: Case, judgment: Judgment, count: Count, where_judgment: str, where_count: str, on: date,
             trace: Trace) -> SafetyValve:
    """Whether 3553(f) lets the court sentence this count below its mandatory minimum, for a conviction on `on`."""
    rule = rule_on(on, trace)
    if rule is None:
        return SafetyValve("not_applicable", "unknown", [f"no safety valve for a sentence imposed on {on}"])
    if not applies_to(count, rule):
        return SafetyValve("not_applicable", "unknown", ["the safety valve does not apply to this statute"], [],
                           rule.citation)
    f1, reasons, missing = criminal_history(case, judgment, where_judgment, rule)
    others, other_reasons, other_missing = other_criteria(count, judgment, where_count)
    reasons = [*reasons, *other_reasons]
    if f1 == "not_met" or others == "not_met":
        return SafetyValve("not_eligible", f1, reasons, [], rule.citation)
    if f1 == "unknown" or others == "unknown":
        return SafetyValve("needs_facts", f1, reasons, sorted(set(missing + other_missing)), rule.citation)
    return SafetyValve("eligible", f1, reasons, [], rule.citation)
