"""What every document draws on: the case facts, the assessment and its findings, phrased once.

Dates are written the way courts write them ("May 28, 2026"); unknown facts become blanks to fill in
("[date the warden received the request]"), never guesses. Everything personal passes through the Rule 49.1
redactor before it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reprieve.assess.computation import Computation
from reprieve.assess.findings import Finding
from reprieve.assess.report import Assessment
from reprieve.case.model import Case, Request
from reprieve.dates import PartialDate
from reprieve.documents.grounds import Ground, Selection, select
from reprieve.documents.redact import Redactor
from reprieve.law import compassionate_release as cr
from reprieve.law.circuits import state_of_district

DISCLAIMER = ("Information, not legal advice. reprieve is software, not a lawyer; using it creates no "
              "attorney-client relationship. Check every date and fact before you sign or send anything.")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DIVISIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}
_DIVISION = re.compile(r"^\s*([NSEWMC])\.?\s*D\.?\s*", re.IGNORECASE)


def long_date(value: date | None, blank: str = "[date]") -> str:
    if value is None:
        return blank
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def partial_date(value: PartialDate | None, blank: str = "[date]") -> str:
    if value is None:
        return blank
    if value.exact is not None:
        return long_date(value.exact)
    if value.month is not None:
        return f"{_MONTHS[value.month - 1]} {value.year}"
    return str(value.year)


def district_name(district: str | None, on: date) -> str:
    """'W.D.N.C.' -> 'Western District of North Carolina' (for the caption)."""
    if not district:
        return "[District]"
    if "district" in district.lower():
        return district.strip()
    state = state_of_district(district, on)
    if state is None:
        return district
    m = _DIVISION.match(district)
    return f"{_DIVISIONS[m.group(1).upper()]} District of {state}" if m else f"District of {state}"


def years_months(days: int) -> str:
    years, rest = divmod(days, 365)
    months = round(rest / 30.44)
    if months == 12:
        years, months = years + 1, 0
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not parts:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " and ".join(parts)


@dataclass
class Facts:
    case: Case
    assessment: Assessment
    redact: Redactor
    selection: Selection = field(init=False)

    def __post_init__(self) -> None:
        self.selection = select(self.assessment)

    # --- who and where ---------------------------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        return self.assessment.as_of

    @property
    def computation(self) -> Computation:
        return self.assessment.computation

    @property
    def name(self) -> str:
        return self.case.person.name or "[Your full name]"

    @property
    def known_name(self) -> bool:
        return bool(self.case.person.name)

    @property
    def ref(self) -> str:
        """How the motion refers to the defendant: 'Mr. Reed', or the full name."""
        person = self.case.person
        if not person.name:
            return "the defendant"
        surname = person.name.split()[-1]
        honorific = {"male": "Mr.", "female": "Ms."}.get(person.sex or "")
        return f"{honorific} {surname}" if honorific else person.name

    @property
    def Ref(self) -> str:
        return self.ref[0].upper() + self.ref[1:]

    @property
    def register(self) -> str:
        return self.case.person.register_number or "__________"

    @property
    def facility(self) -> str:
        return self.case.person.facility or "[institution]"

    @property
    def born_year(self) -> str | None:
        born = self.case.person.born
        return None if born is None else str(born.year)

    @property
    def age(self) -> str | None:
        """Age on the as-of date: exact when the birth date is, else 'about N'."""
        born = self.case.person.born
        if born is None:
            return None
        exact = born.exact
        if exact is not None:
            years = self.as_of.year - exact.year - ((self.as_of.month, self.as_of.day) < (exact.month, exact.day))
            return str(years)
        return f"about {self.as_of.year - born.year}"

    @property
    def district(self) -> str:
        return district_name(self.case.court.district, self.as_of)

    @property
    def docket(self) -> str:
        return self.case.court.docket or "[case number]"

    @property
    def judge(self) -> str | None:
        return self.case.court.judge

    @property
    def circuit(self) -> str | None:
        return self.assessment.circuit

    @property
    def circuit_name(self) -> str:
        return f"{self.circuit} Circuit" if self.circuit else "[circuit]"

    @property
    def regime(self) -> str:
        return str(cr.regime(self.as_of).value)

    @property
    def amended_policy(self) -> bool:
        """USSG §1B1.13 as amended Nov. 1, 2023 governs (its paragraphs (b)(1)-(b)(6), (c)-(e) exist)."""
        return self.regime in ("amended_policy_statement", "after_rutherford")

    def label(self, ground: Ground) -> str:
        """How a document names a ground: its §1B1.13(b) paragraph from Nov. 1, 2023, before then its name."""
        return ground.cite if self.amended_policy else ground.name

    # --- the sentence ----------------------------------------------------------------------------------------
    def span(self, key: str, point: Any, fmt: Any = long_date) -> str:
        rng = self.computation.ranges.get(key)
        if rng:
            lo = rng.get("earliest", rng.get("least"))
            hi = rng.get("latest", rng.get("most"))
            if isinstance(lo, str):
                lo = date.fromisoformat(lo)
            if isinstance(hi, str):
                hi = date.fromisoformat(hi)
            if lo is not None and hi is not None and lo != hi:
                return f"between {fmt(lo)} and {fmt(hi)}"
            point = point if point is not None else (lo or hi)
        return str(fmt(point)) if point is not None else "unknown"

    @property
    def term(self) -> str:
        term = self.computation.total_term
        return str(term) if term is not None else "[term]"

    @property
    def term_months(self) -> int | None:
        term = self.computation.total_term
        return None if term is None or term.life else term.months

    @property
    def imposed(self) -> str:
        judgments = self.case.judgments
        return partial_date(judgments[0].imposed_on) if judgments else "[date]"

    @property
    def projected_release(self) -> str:
        c = self.computation
        return self.span("projected_release_date", c.projected_release_date)

    @property
    def full_term(self) -> str:
        c = self.computation
        return self.span("full_term_date", c.full_term_date)

    @property
    def gct_release(self) -> str:
        c = self.computation
        return self.span("statutory_release_date", c.statutory_release_date)

    @property
    def served(self) -> str | None:
        """Time served as of the as-of date, counting jail credit: '19 years and 3 months (7,808 days)'."""
        c = self.computation
        rng = c.ranges.get("time_served_days")
        if rng and rng.get("least") is not None and rng.get("most") is not None and rng["least"] != rng["most"]:
            return f"between {years_months(int(rng['least']))} and {years_months(int(rng['most']))}"
        days = c.time_served_days if c.time_served_days is not None else (rng or {}).get("least")
        if days is None:
            return None
        return f"about {years_months(int(days))} ({int(days):,} days, counting jail credit)"

    @property
    def percent_served(self) -> str | None:
        c = self.computation
        rng = c.ranges.get("percent_of_term_served")
        if rng and rng.get("least") is not None and rng["least"] != rng.get("most"):
            return f"between {rng['least']:.0f}% and {rng['most']:.0f}%"
        value = c.percent_of_term_served if c.percent_of_term_served is not None else (rng or {}).get("least")
        return None if value is None else f"{value:.0f}%"

    @property
    def supervised_release(self) -> str | None:
        months = [j.supervised_release_months for j in self.case.judgments if j.supervised_release_months]
        return f"{max(months)} months" if months else None

    @property
    def offenses(self) -> list[str]:
        out = []
        for judgment in self.case.judgments:
            for count in judgment.counts:
                label = f"Count {count.count}: " if count.count else ""
                term = "life" if count.life else f"{count.months or 0} months" if count.months is not None else ""
                out.append(f"{label}{count.statute or '[statute]'}" + (f", {term}" if term else ""))
        return out

    # --- exhaustion ------------------------------------------------------------------------------------------
    @property
    def warden_requests(self) -> list[Request]:
        return [r for r in self.case.requests if r.to in (None, "warden") and r.kind in (None,
                                                                                        "reduction_in_sentence")]

    @property
    def appeals(self) -> list[Request]:
        return [r for r in self.case.requests if r.kind in ("bp9", "bp10", "bp11")]

    @property
    def latest_request(self) -> Request | None:
        requests = self.warden_requests
        dated = [r for r in requests if r.received_on or r.submitted_on]
        if dated:
            return max(dated, key=lambda r: (r.received_on or r.submitted_on).latest)  # type: ignore[union-attr]
        return requests[-1] if requests else None

    @property
    def lapse_date(self) -> date | None:
        """The day the 30 days from the warden's receipt lapse (18 U.S.C. 3582(c)(1)(A))."""
        request = self.latest_request
        if request is None or request.received_on is None:
            return None
        days, _ = cr.threshold("exhaustion_lapse_days", self.as_of)
        return request.received_on.latest + timedelta(days=days)

    @property
    def exhausted(self) -> bool:
        f = self.selection.exhaustion
        return f is not None and f.status == "eligible"

    # --- circumstances ---------------------------------------------------------------------------------------
    def facts_for(self, paragraph: str) -> list[str]:
        """The case file's own descriptions behind a ground, redacted."""
        c = self.case.circumstances
        out: list[str] = []
        if paragraph.startswith("§1B1.13(b)(1)"):
            for m in c.medical or []:
                bits = [m.condition or "", m.description or ""]
                text = "; ".join(b for b in bits if b)
                if m.diagnosed_on:
                    text += f" (diagnosed {partial_date(m.diagnosed_on)})"
                if m.life_expectancy_months is not None:
                    text += f"; life expectancy about {m.life_expectancy_months} months"
                if m.self_care_diminished:
                    text += "; substantially diminished ability to provide self-care in prison"
                if m.recovery_expected is False:
                    text += "; recovery is not expected"
                if m.care_not_provided:
                    text += "; needed care is not being provided"
                out.append(text)
        elif paragraph == "§1B1.13(b)(2)":
            for a in c.age_related or []:
                out.append((a.description or "serious deterioration in health because of aging")
                           + (f" (since {partial_date(a.since)})" if a.since else ""))
            for m in c.medical or []:
                out.append("; ".join(b for b in (m.condition, m.description) if b))
        elif paragraph.startswith("§1B1.13(b)(3)"):
            for f in c.family or []:
                out.append(f.description or (f.relation or "family member").replace("_", " "))
        elif paragraph == "§1B1.13(b)(4)":
            out.extend(a.description or f"{a.kind or ''} abuse" for a in c.abuse or [])
        elif paragraph == "§1B1.13(b)(5)":
            out.extend(o.description or "" for o in c.other or [] if not o.attacks_conviction)
        return [self.redact(x) for x in out if x]

    def sources_for(self, paragraph: str) -> list[str]:
        c = self.case.circumstances
        groups: list[Any] = []
        if paragraph.startswith("§1B1.13(b)(1)"):
            groups = list(c.medical or [])
        elif paragraph == "§1B1.13(b)(2)":
            groups = list(c.age_related or []) + list(c.medical or [])
        elif paragraph.startswith("§1B1.13(b)(3)"):
            groups = list(c.family or [])
        elif paragraph == "§1B1.13(b)(4)":
            groups = list(c.abuse or [])
        elif paragraph == "§1B1.13(b)(5)":
            groups = list(c.other or [])
        return [self.redact(g.source) for g in groups if getattr(g, "source", None)]

    @property
    def conduct(self) -> dict[str, Any]:
        facts = self.case.circumstances.conduct or []
        infractions = [i for f in facts for i in (f.infractions or [])]
        dated = [i.on.latest for i in infractions if i.on is not None]
        return {
            "stated": bool(facts),
            "infractions": len(infractions),
            "last_infraction": max(dated) if dated else None,
            "infraction_lines": [self.redact(
                " ".join(b for b in (partial_date(i.on, "undated"), f"code {i.code}" if i.code else "",
                                     f"({i.severity} severity)" if i.severity else "", i.description or "") if b))
                for i in infractions],
            "programs": [self.redact(p) for f in facts for p in (f.programs or [])],
            "education": [self.redact(f.education) for f in facts if f.education],
            "work": [self.redact(f.work) for f in facts if f.work],
            "descriptions": [self.redact(f.description) for f in facts if f.description],
        }

    # --- release plan ----------------------------------------------------------------------------------------
    def residence(self, full: bool = False) -> str | None:
        plan = self.case.release_plan
        if plan is None or not plan.residence:
            return None
        return self.redact(plan.residence) if full else self.redact.address(plan.residence)

    def plan(self, key: str) -> str | None:
        plan = self.case.release_plan
        value = getattr(plan, key, None) if plan is not None else None
        return self.redact(value) if isinstance(value, str) and value else None

    @property
    def health_based(self) -> bool:
        return any(g.paragraph.startswith(("§1B1.13(b)(1)", "§1B1.13(b)(2)")) for g in self.selection.raised)

    # --- findings --------------------------------------------------------------------------------------------
    def findings(self, avenue: str | None = None) -> list[Finding]:
        return [f for f in self.assessment.findings if avenue is None or f.avenue == avenue]

    def finding(self, avenue: str, ground: str) -> Finding | None:
        return next((f for f in self.assessment.findings if f.avenue == avenue and f.ground == ground), None)

    @property
    def released(self) -> Finding | None:
        return self.finding("custody", "released")

    def disparity(self) -> dict[str, Any] | None:
        """The then/now minimums from the current-law comparison, when it shows a lower minimum today."""
        law_now = self.assessment.current_law
        if not law_now:
            return None
        aggregate = law_now.get("aggregate") or {}
        then = aggregate.get("then_min_months")
        nows: list[int] = []
        now = aggregate.get("now_min_months")
        if isinstance(now, int):
            nows = [now]
        else:
            nows = [a["now_min_months"] for a in aggregate.get("now_min_alternatives") or []
                    if isinstance(a, dict) and isinstance(a.get("now_min_months"), int)]
        if not isinstance(then, int) or not nows or min(nows) >= then:
            return None
        return {"then": then, "now": sorted(set(nows), reverse=True), "summary": law_now.get("summary")}
