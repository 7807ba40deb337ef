"""What every document draws on: the case facts, the assessment and its findings, phrased once.

Dates are written the way courts write them ("May 28, 2026"). An unknown fact a filing needs becomes a line to
write on ("__________"), never a guess, and is listed in `to_complete`, which the notes and the terminal show: the
filing itself holds only text meant for its reader. Everything personal passes through the Rule 49.1 redactor
before it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reprieve.assess.computation import Computation
from reprieve.assess.findings import Finding
from reprieve.assess.report import Assessment
from reprieve.case.model import Case, FamilyFact, Request
from reprieve.dates import PartialDate
from reprieve.documents.grounds import Ground, Selection, select
from reprieve.documents.redact import Redactor
from reprieve.documents.voice import Document as DocumentVoice
from reprieve.documents.voice import first_person, fits, voice_of
from reprieve.law import compassionate_release as cr
from reprieve.law.circuits import state_of_district
from reprieve.words import Words

DISCLAIMER = ("Information, not legal advice. reprieve is software, not a lawyer; using it creates no "
              "attorney-client relationship. Check every date and fact before you sign or send anything.")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DIVISIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}
_DIVISION = re.compile(r"^\s*([NSEWMC])\.?\s*D\.?\s*", re.IGNORECASE)
BLANK = "____________"  # a line to write on


_CIRCUIT_WORDS = {"1st": "First", "2d": "Second", "3d": "Third", "4th": "Fourth", "5th": "Fifth", "6th": "Sixth",
                  "7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth", "11th": "Eleventh"}
_RELATION = {"minor_child": "child", "adult_child_incapacitated": "adult child", "spouse": "spouse",
             "partner": "partner", "parent": "parent", "sibling": "sibling", "grandchild": "grandchild",
             "grandparent": "grandparent", "child": "child"}


def long_date(value: date | None, blank: str = BLANK) -> str:
    if value is None:
        return blank
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def partial_date(value: PartialDate | None, blank: str = BLANK) -> str:
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
        return f"{BLANK} District of {BLANK}"
    if "district" in district.lower():
        return district.strip()
    state = state_of_district(district, on)
    if state is None:
        return district
    m = _DIVISION.match(district)
    return f"{_DIVISIONS[m.group(1).upper()]} District of {state}" if m else f"District of {state}"


def years_months(days: int) -> str:
    return Words().years_and_months(days)


@dataclass
class Facts:
    case: Case
    assessment: Assessment
    redact: Redactor
    language: str | None = None  # what the person reads (the summary): this language, else the person's
    selection: Selection = field(init=False)
    words: Words = field(init=False)  # filings go to a court or a warden: English
    reader: Words = field(init=False)  # the person's own language, for the plain summary
    to_complete: dict[str, None] = field(init=False, default_factory=dict)  # ordered, without repeats
    unquoted: dict[str, tuple[str, str]] = field(init=False, default_factory=dict)  # text -> (what, its voice)

    def __post_init__(self) -> None:
        self.selection = select(self.assessment)
        self.words = Words()
        self.reader = Words(self.language or getattr(self.case.person, "language", None))

    def blank(self, what: str) -> str:
        """A line to write on in a filing; `what` goes on the list of things to complete before it is used."""
        self.todo(what)
        return BLANK

    def todo(self, what: str) -> None:
        self.to_complete.setdefault(what, None)

    # --- who and where ---------------------------------------------------------------------------------------
    @property
    def as_of(self) -> date:
        return self.assessment.as_of

    @property
    def computation(self) -> Computation:
        return self.assessment.computation

    @property
    def name(self) -> str:
        return self.case.person.name or self.blank("your full name, as on the judgment")

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
    def pronoun(self) -> str:
        """'he' or 'she' as the case file states the person's sex; otherwise the name again."""
        return {"male": "he", "female": "she"}.get(self.case.person.sex or "", self.ref)

    @property
    def Ref(self) -> str:
        return self.ref[0].upper() + self.ref[1:]

    @property
    def register(self) -> str:
        return self.case.person.register_number or self.blank("your BOP register number (12345-678)")

    @property
    def facility(self) -> str:
        return self.case.person.facility or self.blank("the name of the prison (e.g. FCI Butner)")

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
        if not self.case.court.district:
            self.todo("the court's district (the heading of the judgment)")
        return district_name(self.case.court.district, self.as_of)

    @property
    def docket(self) -> str:
        return self.case.court.docket or self.blank("the case number (first page of the judgment)")

    @property
    def judge(self) -> str | None:
        return self.case.court.judge

    @property
    def circuit(self) -> str | None:
        return self.assessment.circuit

    @property
    def circuit_name(self) -> str | None:
        """'Fourth Circuit', as courts write it in prose ('4th Cir.' is for citations)."""
        if not self.circuit:
            return None
        return f"{_CIRCUIT_WORDS.get(self.circuit, self.circuit)} Circuit"

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
    def bounds(self, key: str, point: Any) -> tuple[Any, Any] | None:
        """The earliest and latest value of a computed date or amount (equal when the facts fix it)."""
        rng = self.computation.ranges.get(key)
        if rng:
            lo, hi = rng.low, rng.high
            if lo is not None and hi is not None:
                return lo, hi
            point = point if point is not None else (lo if lo is not None else hi)
        return None if point is None else (point, point)

    def span(self, key: str, point: Any, fmt: Any = long_date) -> str:
        """'May 29, 2028', or 'between April 29, 2028 and May 29, 2028' (never 'between X and X')."""
        found = self.bounds(key, point)
        if found is None:
            return "unknown"
        return self.words.one_or_between(str(fmt(found[0])), str(fmt(found[1])))

    def when(self, key: str, point: Any) -> str | None:
        """A date after a verb: 'on May 29, 2028' or 'between April 29, 2028 and May 29, 2028'; None if unknown."""
        found = self.bounds(key, point)
        if found is None:
            return None
        return self.words.on_or_between(long_date(found[0]), long_date(found[1]))

    @property
    def bop_release(self) -> date | None:
        """The release date the BOP itself projects, when the case file states it (custody.bop)."""
        bop = self.case.custody.bop
        day = bop.projected_release_date if bop is not None else None
        return day.exact if day is not None else None

    @property
    def computed_release(self) -> str:
        """reprieve's own projected release, after 'gives': 'April 8, 2027' or 'a date between X and Y'."""
        text = self.projected_release
        return f"a date {text}" if text.startswith("between") else text

    @property
    def computed_release_agrees(self) -> bool | None:
        """Whether reprieve's projected release (or its range) holds the BOP's own date; None without one."""
        found = self.bounds("projected_release_date", self.computation.projected_release_date)
        bop = self.bop_release
        if bop is None or found is None:
            return None
        return bool(found[0] <= bop <= found[1])

    @property
    def term(self) -> str:
        term = self.computation.total_term
        return str(term) if term is not None else self.blank("the total prison term (page 2 of the judgment)")

    @property
    def term_months(self) -> int | None:
        term = self.computation.total_term
        return None if term is None or term.life else term.months

    @property
    def imposed(self) -> str:
        judgments = self.case.judgments
        if judgments and judgments[0].imposed_on is not None:
            return partial_date(judgments[0].imposed_on)
        return self.blank("the date the sentence was imposed (first page of the judgment)")

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
        """Time served as of the as-of date, counting jail credit: 'about 19 years and 3 months (7,808 days,
        counting jail credit)', or 'at least 15 years and 11 months' when the facts leave a range (what a filing
        may claim is the least of it)."""
        found = self.bounds("time_served_days", self.computation.time_served_days)
        if found is None:
            return None
        low, high = years_months(int(found[0])), years_months(int(found[1]))
        if low != high:
            return f"at least {low}"
        return f"about {low} ({int(found[1]):,} days, counting jail credit)"

    @property
    def served_range(self) -> str | None:
        """Time served for the lawyer's memo: one value, or 'between X and Y'."""
        found = self.bounds("time_served_days", self.computation.time_served_days)
        if found is None:
            return None
        return self.words.one_or_between(f"{int(found[0]):,} days ({years_months(int(found[0]))})",
                                         f"{int(found[1]):,} days ({years_months(int(found[1]))})")

    @property
    def served_short(self) -> str | None:
        """Time served without the days: 'about 16 years', 'at least 15 years and 11 months'."""
        served = self.served
        return None if served is None else served.split(" (")[0]

    @property
    def percent_served(self) -> str | None:
        found = self.bounds("percent_of_term_served", self.computation.percent_of_term_served)
        if found is None:
            return None
        low, high = f"{found[0]:.0f}%", f"{found[1]:.0f}%"
        return low if low == high else f"at least {low}"

    @property
    def percent_range(self) -> str | None:
        found = self.bounds("percent_of_term_served", self.computation.percent_of_term_served)
        if found is None:
            return None
        return self.words.one_or_between(f"{found[0]:.2f}%", f"{found[1]:.2f}%")

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
                statute = count.statute or self.blank("the statute of each count ('Title & Section' on the "
                                                      "judgment)")
                out.append(f"{label}{statute}" + (f", {term}" if term else ""))
        return out

    # --- exhaustion ------------------------------------------------------------------------------------------
    @property
    def warden_requests(self) -> list[Request]:
        return cr.warden_requests(self.case)

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
    def lapse_days(self) -> int:
        """How many days after the warden's receipt a defendant may move (18 U.S.C. 3582(c)(1)(A); law data)."""
        return cr.exhaustion_lapse(self.as_of)[0].days

    @property
    def lapse_date(self) -> date | None:
        """The day the days from the warden's receipt lapse (18 U.S.C. 3582(c)(1)(A))."""
        request = self.latest_request
        if request is None or request.received_on is None:
            return None
        return request.received_on.latest + cr.exhaustion_lapse(self.as_of)[0]

    @property
    def exhausted(self) -> bool:
        f = self.selection.exhaustion
        return f is not None and f.status == "eligible"

    # --- circumstances ---------------------------------------------------------------------------------------
    def quoted(self, text: str | None, voice: DocumentVoice, what: str) -> str:
        """A description from the case file, redacted, when it fits the document's voice (in a letter signed by the
        person, a description of them is put in their first person when that is safe: 'his daughter' -> 'my
        daughter'); otherwise empty, and the notes say it was left out and why: never someone else's words under
        the prisoner's name."""
        if not text:
            return ""
        if fits(text, voice):
            return self.redact(text)
        if voice == "first":
            mine = first_person(text, self.case.person.sex)
            if mine is not None:
                return self.redact(mine)
        self.unquoted.setdefault(self.redact(text), (what, voice_of(text)))
        return ""

    def facts_for(self, paragraph: str, voice: DocumentVoice = "third") -> list[str]:
        """The facts behind a ground: the structured fields in words, and the case file's descriptions where they
        fit the document's voice ('first': a letter signed by the person in prison; 'third': a filing about them)."""
        c = self.case.circumstances
        out: list[str] = []
        if paragraph.startswith("§1B1.13(b)(1)"):
            for m in c.medical or []:
                what = m.condition or "the medical condition"
                bits = [self.quoted(m.condition, voice, "the medical condition"),
                        self.quoted(m.description, voice, f"the description of {what}")]
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
                out.append(text.lstrip("; "))
        elif paragraph == "§1B1.13(b)(2)":
            for a in c.age_related or []:
                described = self.quoted(a.description, voice, "the description of the decline with age")
                out.append((described or "serious deterioration in health because of aging")
                           + (f" (since {partial_date(a.since)})" if a.since else ""))
            for m in c.medical or []:
                what = m.condition or "the medical condition"
                out.append("; ".join(b for b in (self.quoted(m.condition, voice, "the medical condition"),
                                                 self.quoted(m.description, voice, f"the description of {what}"))
                                     if b))
        elif paragraph.startswith("§1B1.13(b)(3)"):
            for fact in c.family or []:
                out.extend(self.family_lines(fact, voice))
        elif paragraph == "§1B1.13(b)(4)":
            for abuse in c.abuse or []:
                out.append(self.quoted(abuse.description, voice, "the description of the abuse")
                           or (f"{abuse.kind} abuse" if abuse.kind else ""))
        elif paragraph == "§1B1.13(b)(5)":
            out.extend(self.quoted(o.description, voice, "the description of the other reason")
                       for o in c.other or [] if not o.attacks_conviction)
        return [x for x in out if x]

    def family_lines(self, fact: FamilyFact, voice: DocumentVoice) -> list[str]:
        """A family member's situation in the document's voice, from the structured fields. In a letter signed by
        the person in prison a description is never quoted: whoever wrote it, it is not the signer's own words."""
        relation = _RELATION.get(fact.relation or "", "family member")
        name = f", {self.redact(fact.name)}," if fact.name else ""
        whose = "my" if voice == "first" else f"{self.ref}'s"
        who = f"{whose} {relation}{name}"
        since = f" since {partial_date(fact.since)}" if fact.since else ""
        state = "has been" if fact.since else "is"
        lines: list[str] = []
        if voice == "third":
            described = self.quoted(fact.description, voice, f"the description of {whose} {relation}")
            if described:
                lines.append(described)
        elif fact.description:
            self.unquoted.setdefault(self.redact(fact.description),
                                     (f"the description of your {relation}", voice_of(fact.description)))
        situation = {
            "incapacitated": f"{who} {state} incapacitated{since}, unable to care for themselves",
            "caregiver_died": f"the caregiver of {who} died" + (f" on {partial_date(fact.since)}" if fact.since
                                                                 else ""),
            "caregiver_incapacitated": f"the caregiver of {who} {state} incapacitated{since}",
        }.get(fact.situation or "")
        if situation:
            lines.append((situation[0].upper() + situation[1:]).replace(",,", ","))
        if fact.only_available_caregiver:
            lines.append("I am the only available caregiver" if voice == "first"
                         else f"{self.Ref} is the only available caregiver")
        return lines

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
        if full:
            return self.redact(plan.residence)
        place = self.redact.address(plan.residence)
        if place is None:
            return self.blank("the city and state where you will live (a filing shows only these, Fed. R. Crim. P. "
                              "49.1(a)(5), and they could not be read from the address given)")
        return place

    def plan(self, key: str, voice: DocumentVoice = "third") -> str | None:
        plan = self.case.release_plan
        value = getattr(plan, key, None) if plan is not None else None
        if not isinstance(value, str) or not value:
            return None
        return self.quoted(value, voice, f"the release plan's '{key.replace('_', ' ')}'") or None

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
        if law_now is None:
            return None
        aggregate = law_now.aggregate
        then = aggregate.then_min_months
        nows: list[int] = []
        now = aggregate.now_min_months
        if isinstance(now, int):
            nows = [now]
        else:
            nows = [a.min_months for a in aggregate.alternatives("now") if isinstance(a.min_months, int)]
        if not isinstance(then, int) or not nows or min(nows) >= then:
            return None
        return {"then": then, "now": sorted(set(nows), reverse=True), "summary": law_now.summary}
