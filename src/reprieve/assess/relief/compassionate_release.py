"""18 U.S.C. 3582(c)(1)(A) and USSG §1B1.13: exhaustion, each extraordinary and compelling ground, and the whole.

One function per ground, named for its paragraph. Each applies the law in force on the as-of date in the case's
circuit (law/compassionate_release.py) and returns a Finding. `eligible` means every element is established by
an explicit fact; evaluative elements ("similar in gravity", "gross disparity") leave the finding at needs_review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from reprieve.assess import rulings
from reprieve.assess.current_law_result import LowerToday
from reprieve.assess.findings import STATUS_RANK, Finding, Question, Reason, Status
from reprieve.assess.questions import ask
from reprieve.assess.relief.situation import Element, Situation, finding
from reprieve.assess.relief.sunset import offered_while_open
from reprieve.case.model import FamilyFact, MedicalFact
from reprieve.law import compassionate_release as cr
from reprieve.law.params import Value
from reprieve.law.statutes import Statute, parse_statutes
from reprieve.words import words

AVENUE = "3582(c)(1)(A)"
CITE_OLD = "USSG §1B1.13, comment. n.1 (Nov. 2018)"
_3559C = Statute("18", "3559", ("c",))

# Each ground: its paragraph, its name, and where it sat in the old commentary.
GROUNDS: dict[str, tuple[str, str]] = {
    "b1A": ("§1B1.13(b)(1)(A)", "terminal illness"),
    "b1B": ("§1B1.13(b)(1)(B)", "condition that substantially diminishes self-care"),
    "b1C": ("§1B1.13(b)(1)(C)", "long-term or specialized care not being provided"),
    "b1D": ("§1B1.13(b)(1)(D)", "infectious disease outbreak or public health emergency"),
    "b2": ("§1B1.13(b)(2)", "age"),
    "b3A": ("§1B1.13(b)(3)(A)", "caregiver of a minor or incapacitated adult child"),
    "b3B": ("§1B1.13(b)(3)(B)", "incapacitated spouse or registered partner"),
    "b3C": ("§1B1.13(b)(3)(C)", "incapacitated parent"),
    "b3D": ("§1B1.13(b)(3)(D)", "other immediate family member"),
    "b4": ("§1B1.13(b)(4)", "victim of abuse in custody"),
    "b5": ("§1B1.13(b)(5)", "other reasons of similar gravity"),
    "b6": ("§1B1.13(b)(6)", "unusually long sentence and a change in law"),
}
_OLD_NOTE = {"b1A": "n.1(A)(i)", "b1B": "n.1(A)(ii)", "b2": "n.1(B)", "b3A": "n.1(C)(i)", "b3B": "n.1(C)(ii)",
             "b5": "n.1(D)"}


def _cite(key: str, on_old: bool) -> str:
    paragraph = GROUNDS[key][0]
    if on_old and key in _OLD_NOTE:
        return f"{CITE_OLD.replace('n.1', _OLD_NOTE[key])}"
    return f"USSG {paragraph}"


# --- exhaustion --------------------------------------------------------------------------------------------------

def exhaustion(s: Situation) -> Finding:
    """3582(c)(1)(A): a defendant may move after fully exhausting appeals of the BOP's failure to move, or after 30
    days from the warden's receipt of the request, whichever is earlier."""
    lapse, cite = cr.exhaustion_lapse(s.as_of)
    n = lapse.days  # 3582(c)(1)(A): "the lapse of N days from the receipt of such a request by the warden"
    settled = rulings.of_kind(s.case, "exhaustion_satisfied")
    if settled:
        when = settled[0].on
        element = Element("exhaustion", True, f"the court found exhaustion satisfied{f' on {when}' if when else ''} "
                          "(rulings)", facts={"rulings.exhaustion_satisfied": str(when) if when else True})
        return finding(AVENUE, "exhaustion", [element], [cite], summary_ok="Exhaustion is met: the court has said "
                       "so.", summary_no="", summary_facts="")
    requests = cr.warden_requests(s.case)
    appeals = [r for r in s.case.requests if r.kind == "bp11" and r.response == "denied" and r.responded_on]
    citations = [cite]
    reasons: list[str | Reason] = []
    if appeals:
        done = min(r.responded_on.latest for r in appeals if r.responded_on)
        element = Element("administrative appeals fully exhausted", s.as_of >= done,
                          f"the General Counsel denied the appeal (BP-11) on {done}", from_date=done,
                          facts={"requests.bp11.responded_on": done})
        return finding(AVENUE, "exhaustion", [element], citations, summary_ok="Exhaustion is met: appeals are "
                       "exhausted.", summary_no="Not exhausted yet.", summary_facts="")
    if not requests:
        element = Element("request to the warden", None, "no request to the warden is on record",
                          ask("requests", f"you may file in court {n} days after the warden receives the request"))
        return finding(AVENUE, "exhaustion", [element], citations, summary_ok="", summary_no="",
                       summary_facts=f"Ask the warden first: you may file {n} days after the warden receives your "
                       "request.")
    best: Element | None = None
    for i, request in enumerate(requests):
        element = _request_element(i, request, lapse, s.as_of)
        if best is None or _rank(element) > _rank(best):
            best = element
        facility = request.facility
        if facility and s.case.person.facility and facility != s.case.person.facility:
            reasons.append(f"requests[{i}] went to {facility}, but the person is at {s.case.person.facility}: "
                           "courts have rejected requests sent to the wrong facility; send a new one")
        if request.grounds:
            reasons.append(f"requests[{i}] asked on these grounds: {request.grounds}. Some courts require the motion "
                           "to raise the same grounds (issue exhaustion): keep the request's text")
        if request.response == "denied":
            reasons.append(f"requests[{i}] was denied: the {n} days still run from receipt; an appeal (BP-9 to BP-11) "
                           "is the other way to exhaust")
    assert best is not None
    return finding(AVENUE, "exhaustion", [best], citations,
                   summary_ok=f"Exhaustion is met: {n} days have passed since the warden received the request.",
                   summary_no=f"Too early to file: {n} days have not passed since the warden received the request.",
                   summary_facts="Exhaustion turns on when the warden received the request.", extra_reasons=reasons)


def _rank(e: Element) -> int:
    return {True: 3, None: 2, False: 1}[e.met] if e.met is not False or e.from_date is None else 1


def _request_element(i: int, request: Any, days: timedelta, as_of: date) -> Element:
    n = days.days
    lapsed = f"{n} days since the warden received the request"
    received = request.received_on
    question = ask(f"requests[{i}].received_on", f"you may file {n} days after that date")
    if received is not None:
        first, last = received.earliest + days, received.latest + days
        facts = {f"requests[{i}].received_on": str(received)}
        if as_of >= last:
            return Element(lapsed, True,
                           f"received {received}; {n} days lapsed on {last}", facts=facts)
        if as_of < first:
            return Element(lapsed, False,
                           f"received {received}; you may file from {last}", from_date=last, facts=facts)
        return Element(lapsed, None,
                       f"received {received}: the {n} days end between {first} and {last}", question, facts=facts)
    if request.submitted_on is not None:
        earliest = request.submitted_on.earliest + days
        if as_of < earliest:
            return Element(lapsed, False,
                           f"submitted {request.submitted_on}; the warden cannot have received it before then, so "
                           f"filing is possible no earlier than {earliest}", question=question)
        return Element(lapsed, None,
                       f"submitted {request.submitted_on}; the date the warden received it is not stated", question)
    return Element(lapsed, None,
                   "a request is on record without dates", question)


# --- extraordinary and compelling grounds ---------------------------------------------------------------------

def _medical(s: Situation) -> list[MedicalFact] | None:
    return s.case.circumstances.medical


def _no_facts(key: str, fld: str) -> Element:
    return Element(GROUNDS[key][1], None, "the case file says nothing about this", ask(fld))


def _bool_element(name: str, value: bool | None, yes: str, no: str, question: Question, facts: dict[str, Any],
                  review: bool = False) -> Element:
    if value is None:
        return Element(name, None, "not stated", question, facts=facts)
    return Element(name, value, yes if value else no, facts=facts, review=review)


def _best_over(facts: list[Any], build: Callable[[int, Any], list[Element]]) -> list[Element]:
    """Several facts may support a ground: use the one that comes closest to establishing it."""
    best: list[Element] | None = None
    best_score = -1
    for i, fact in enumerate(facts):
        elements = build(i, fact)
        score = 0 if any(e.met is False for e in elements) else 1 if any(e.met is None for e in elements) else 2
        if score > best_score:
            best, best_score = elements, score
    return best or []


def terminal_illness(s: Situation) -> list[Element]:
    medical = _medical(s)
    if medical is None:
        return [_no_facts("b1A", "circumstances.medical")]
    if not medical:
        return [Element("terminal illness", False, "no medical condition is listed")]
    def named(m: MedicalFact) -> bool | None:
        """Stated terminal, or named as one of the policy statement's own examples of a terminal illness."""
        if m.terminal is not None:
            return m.terminal
        found = cr.named_terminal_example(" ".join(filter(None, [m.condition, m.description])), s.as_of)
        return True if found else None

    return _best_over(medical, lambda i, m: [_bool_element(
        "a serious and advanced illness with an end-of-life trajectory", named(m),
        f"{m.condition or m.description or 'condition'} is terminal" + (
            f" (life expectancy {m.life_expectancy_months} months; no prognosis is required)"
            if m.life_expectancy_months is not None else " (no specific prognosis is required)") + (
            "" if m.terminal else f": {_example(m, s.as_of)}"),
        f"{m.condition or m.description or 'condition'} is not terminal",
        ask(f"circumstances.medical[{i}].terminal"), {f"circumstances.medical[{i}].terminal": m.terminal})])


def _example(m: MedicalFact, on: date) -> str:
    found = cr.named_terminal_example(" ".join(filter(None, [m.condition, m.description])), on)
    return f"the policy statement names {found[0]} as a terminal illness ({found[1]})" if found else ""


def self_care(s: Situation) -> list[Element]:
    medical = _medical(s)
    if medical is None:
        return [_no_facts("b1B", "circumstances.medical")]
    if not medical:
        return [Element("self-care", False, "no medical condition is listed")]
    return _best_over(medical, lambda i, m: [
        _bool_element("substantially diminished ability to provide self-care in prison", m.self_care_diminished,
                      "self-care is substantially diminished", "self-care is not substantially diminished",
                      ask(f"circumstances.medical[{i}].self_care_diminished"),
                      {f"circumstances.medical[{i}].self_care_diminished": m.self_care_diminished}),
        _bool_element("not expected to recover", None if m.recovery_expected is None else not m.recovery_expected,
                      "no recovery is expected", "recovery is expected",
                      ask(f"circumstances.medical[{i}].recovery_expected"),
                      {f"circumstances.medical[{i}].recovery_expected": m.recovery_expected}),
    ])


def care_not_provided(s: Situation) -> list[Element]:
    medical = _medical(s)
    if medical is None:
        return [_no_facts("b1C", "circumstances.medical")]
    if not medical:
        return [Element("care not provided", False, "no medical condition is listed")]
    return _best_over(medical, lambda i, m: [
        _bool_element("long-term or specialized medical care is not being provided", m.care_not_provided,
                      "the needed care is not being provided", "the care is being provided",
                      ask(f"circumstances.medical[{i}].care_not_provided"),
                      {f"circumstances.medical[{i}].care_not_provided": m.care_not_provided}),
        _bool_element("without it, at risk of serious deterioration in health or death", m.risk_without_care,
                      "without the care there is a risk of serious deterioration or death", "no such risk",
                      ask(f"circumstances.medical[{i}].risk_without_care"),
                      {f"circumstances.medical[{i}].risk_without_care": m.risk_without_care}),
    ])


def outbreak(s: Situation) -> list[Element]:
    medical = _medical(s)
    if medical is None:
        return [_no_facts("b1D", "circumstances.medical")]
    if not medical:
        return [Element("outbreak", False, "no medical condition is listed")]
    return _best_over(medical, lambda i, m: [
        _bool_element("(i) the facility is affected or at imminent risk of an ongoing outbreak or public health "
                      "emergency", m.outbreak_at_facility, "yes", "no",
                      ask(f"circumstances.medical[{i}].outbreak_at_facility"),
                      {f"circumstances.medical[{i}].outbreak_at_facility": m.outbreak_at_facility}),
        _bool_element("(ii) personal risk factors for severe complications or death", m.personal_risk_factors,
                      "yes", "no", ask(f"circumstances.medical[{i}].personal_risk_factors"),
                      {f"circumstances.medical[{i}].personal_risk_factors": m.personal_risk_factors}),
        _bool_element("(iii) the risk cannot be adequately mitigated in a timely manner", m.risk_not_mitigable,
                      "yes", "no", ask(f"circumstances.medical[{i}].risk_not_mitigable"),
                      {f"circumstances.medical[{i}].risk_not_mitigable": m.risk_not_mitigable}),
    ])


def age(s: Situation) -> list[Element]:
    years, cite = cr.threshold("age_minimum_years", s.as_of)
    served_years, _ = cr.threshold("age_years_served", s.as_of)
    percent, _ = cr.threshold("age_percent_served", s.as_of)
    elements = [s.age_element(f"at least {years} years old", years, cite)]
    deteriorations = s.case.circumstances.age_related
    if deteriorations is None:
        elements.append(Element("serious deterioration in physical or mental health because of aging", None,
                                "not stated", ask("circumstances.age_related")))
    else:
        flags = [f.serious_deterioration for f in deteriorations]
        met = True if any(flags) else (None if any(f is None for f in flags) or not flags else False)
        elements.append(Element("serious deterioration in physical or mental health because of aging", met,
                                "established" if met else ("not established" if met is False else "not stated"),
                                ask("circumstances.age_related[0].serious_deterioration") if met is None
                                else None, facts={"circumstances.age_related.serious_deterioration": met}))
    ten = s.served_months_element(f"served {served_years} years", served_years * 12, cite)
    share = s.served_share_element(f"served {percent}% of the term", percent, 100, cite)
    # "at least 10 years or 75 percent of his or her term of imprisonment, whichever is less"
    if ten.met or share.met:
        served = ten if ten.met else share
    elif ten.met is False and share.met is False:
        served = ten if (ten.from_date or date.max) <= (share.from_date or date.max) else share
    else:
        served = ten if ten.met is None else share
        other = share if served is ten else ten
        if other.met is False:  # the lesser may still be the unknown one: say what is known of the other
            served = replace(served, detail=f"{served.detail}; {other.name}: {other.detail}")
    served.name = f"served {served_years} years or {percent}% of the term, whichever is less"
    elements.append(served)
    return elements


def _family(s: Situation, key: str, relations: tuple[str, ...], situations: tuple[str, ...],
            only_caregiver: bool) -> list[Element]:
    family = s.case.circumstances.family
    what = GROUNDS[key][1]
    if family is None:
        return [Element(what, None, "no family circumstances are stated",
                        ask("circumstances.family"))]
    # "child" with no age stated may be a minor child (or an incapacitated adult one): a candidate for (b)(3)(A)
    maybe = ("child",) if "minor_child" in relations else ()
    candidates = [(i, f) for i, f in enumerate(family) if f.relation in relations or f.relation is None
                  or f.relation in maybe]
    if not candidates:
        return [Element(what, False, f"no family member listed is a {' or '.join(relations)}")]

    def build(_: int, pair: tuple[int, FamilyFact]) -> list[Element]:
        i, f = pair
        kin = " or ".join(r.replace("_", " ") for r in relations)
        elements = [Element(f"the family member is the defendant's {kin}", True if f.relation in relations else None,
                            f"{f.relation or 'relationship not stated'}",
                            ask(f"circumstances.family[{i}].relation"),
                            facts={f"circumstances.family[{i}].relation": f.relation})]
        met = None if f.situation is None else f.situation in situations
        wanted = {"caregiver_died": "the caregiver died", "caregiver_incapacitated": "the caregiver is incapacitated",
                  "incapacitated": "the family member is incapacitated"}
        elements.append(Element(" or ".join(wanted[x] for x in situations), met,
                                f"situation: {f.situation or 'not stated'}",
                                ask(f"circumstances.family[{i}].situation"),
                                facts={f"circumstances.family[{i}].situation": f.situation}))
        if only_caregiver:
            elements.append(_bool_element(
                "the defendant would be the only available caregiver", f.only_available_caregiver,
                "no one else is available to care for them", "someone else is available",
                ask(f"circumstances.family[{i}].only_available_caregiver"),
                {f"circumstances.family[{i}].only_available_caregiver": f.only_available_caregiver}))
        return elements

    return _best_over(candidates, build)


def minor_child_caregiver(s: Situation) -> list[Element]:
    return _family(s, "b3A", ("minor_child", "adult_child_incapacitated"),
                   ("caregiver_died", "caregiver_incapacitated"), only_caregiver=False)


def spouse(s: Situation) -> list[Element]:
    return _family(s, "b3B", ("spouse", "partner"), ("incapacitated",), only_caregiver=True)


def parent(s: Situation) -> list[Element]:
    return _family(s, "b3C", ("parent",), ("incapacitated",), only_caregiver=True)


def other_family(s: Situation) -> list[Element]:
    return _family(s, "b3D", ("sibling", "grandchild", "grandparent", "other"), ("incapacitated",),
                   only_caregiver=True)


def abuse(s: Situation) -> list[Element]:
    facts = s.case.circumstances.abuse
    if facts is None:
        return [Element("abuse in custody", None, "not stated", ask("circumstances.abuse"))]
    if not facts:
        return [Element("abuse in custody", False, "none is listed")]

    def build(i: int, a: Any) -> list[Element]:
        established = None if a.established_by is None else a.established_by in ("conviction", "finding")
        return [
            Element("sexual abuse (a 'sexual act') or physical abuse causing serious bodily injury", None
                    if a.kind is None else True, a.kind or "kind not stated",
                    ask(f"circumstances.abuse[{i}].kind"), facts={f"circumstances.abuse[{i}].kind": a.kind}),
            _bool_element("committed by a correctional officer, BOP employee or contractor, or someone with custody",
                          a.by_staff, "by staff", "not by staff", ask(f"circumstances.abuse[{i}].by_staff"),
                          {f"circumstances.abuse[{i}].by_staff": a.by_staff}),
            Element("established by a conviction, a civil finding or admission, or an administrative finding",
                    established, a.established_by or "not stated",
                    ask(f"circumstances.abuse[{i}].established_by"),
                    review=a.established_by == "pending",
                    facts={f"circumstances.abuse[{i}].established_by": a.established_by}),
        ]

    elements = _best_over(facts, build)
    for e in elements:  # pending proceedings: the exception for undue delay or imminent danger is for the court
        if e.review and e.met is False:
            e.met, e.detail = True, "proceedings pending: the court decides whether they are unduly delayed or the "\
                                    "defendant is in imminent danger"
    return elements


def other_reasons(s: Situation) -> list[Element]:
    other = s.case.circumstances.other
    if other is None:
        return [Element("other circumstances similar in gravity to (b)(1)-(4)", None, "none stated",
                        ask("circumstances.other"))]
    usable = [f for f in other if not f.attacks_conviction]
    if not usable:
        return [Element("other circumstances", False, "none is listed" if not other else
                        "the only reasons listed attack the conviction or sentence, which belong in a 28 U.S.C. "
                        "2255 motion")]
    return [Element("other circumstances similar in gravity to (b)(1)-(4)", True,
                    "; ".join(f.description or "a circumstance" for f in usable) + " - whether they are similar in "
                    "gravity is for the court", review=True, facts={"circumstances.other": len(usable)})]


GROUND_RULES: dict[str, Callable[[Situation], list[Element]]] = {
    "b1A": terminal_illness, "b1B": self_care, "b1C": care_not_provided, "b1D": outbreak, "b2": age,
    "b3A": minor_child_caregiver, "b3B": spouse, "b3C": parent, "b3D": other_family, "b4": abuse,
    "b5": other_reasons,
}


def _issue_exhaustion(s: Situation, key: str) -> list[str]:
    """Requests that list the grounds they raised (requests[].grounds_raised): a ground none of them raised may
    meet an issue-exhaustion objection in some courts."""
    listed = [(i, r) for i, r in enumerate(s.case.requests) if r.grounds_raised is not None]
    if not listed or any(key.lower() in (r.grounds_raised or []) for _, r in listed):
        return []
    where = ", ".join(f"requests[{i}]" for i, _ in listed)
    return [f"not raised in the request to the warden ({where}): some courts hold a motion to the grounds the "
            "request raised (issue exhaustion); others do not - a new request raising it avoids the question"]


def ground_finding(s: Situation, key: str) -> Finding:
    """One §1B1.13(b) ground under the law in force on the as-of date, in the case's circuit."""
    paragraph, name = GROUNDS[key]
    regime = cr.regime(s.as_of)
    listed, listed_entry = cr.grounds_in_force(s.as_of)
    old = regime.value == "old_policy_statement"
    citations = [_cite(key, old)]
    elements = GROUND_RULES[key](s)
    extra: list[str] = []
    positions: list[dict[str, Any]] = []
    if old and key not in listed:
        binding = cr.old_statement_binds(s.circuit, s.as_of)
        citations.append(listed_entry.citation)
        if s.circuit is None or binding is None:
            elements.append(Element("the court may consider this reason", None, "the circuit is unknown",
                                    ask("court.district")))
        elif binding.answer == "binding":
            elements.append(Element("the court may consider this reason", False, "the old policy statement binds "
                                    f"defendants' motions in the {s.circuit} Circuit and does not list it "
                                    f"({binding.citation})"))
            citations.append(binding.citation)
        else:
            elements.append(Element("the court may consider this reason", True,
                                    "the old policy statement does not list it; " + (
                                        f"in the {s.circuit} Circuit it does not limit a defendant's motion "
                                        f"({binding.citation})" if binding.answer == "not_binding" else
                                        f"whether it limits a defendant's motion was unsettled in the {s.circuit} "
                                        "Circuit"), review=True))
            citations.append(binding.citation)
            extra.append(f"The amended policy statement ({words().short_date(cr.amended_from())}) later listed this "
                         "ground.")
    if key == "b5" and old:
        binding = cr.old_statement_binds(s.circuit, s.as_of)
        if binding is not None and binding.answer == "binding":
            elements.append(Element("reasons other than the listed ones", False, "under the old policy statement "
                                    "only the BOP Director could find 'other reasons' in this circuit "
                                    f"({binding.citation})"))
    extra += _issue_exhaustion(s, key)
    result = finding(AVENUE, paragraph, elements, citations,
                     summary_ok=f"{name.capitalize()}: the facts establish this ground.",
                     summary_no=f"{name.capitalize()}: not met.",
                     summary_facts=f"{name.capitalize()}: depends on facts not yet stated.",
                     summary_review=f"{name.capitalize()}: arguable; the court must weigh it.",
                     extra_reasons=extra)
    result.positions = positions
    return result


# --- (b)(6) and changes in law ----------------------------------------------------------------------------------

def _disparity(s: Situation) -> tuple[int | None, list[int], str]:
    """(minimum then, possible minimums now, text) from the current-law comparison."""
    if s.current_law is None:
        return None, [], ""
    aggregate = s.current_law.aggregate
    then = aggregate.then_min_months
    now = aggregate.now_min_months
    options: list[int] = []
    if isinstance(now, int):
        options = [now]
    else:
        options = [a.min_months for a in aggregate.alternatives("now") if isinstance(a.min_months, int)]
    text = ""
    if isinstance(then, int) and options:
        text = f"the minimum was {then} months then; today it would be " + " or ".join(str(o) for o in options)
    return (then if isinstance(then, int) else None), options, text


_CLOSED_ANSWERS = ("closed", "prohibited", "b6_invalid")


def _reopened_by(closing: Value) -> str:
    """What could reopen a change-in-law ground once closed: Rutherford read the statute, so only Congress."""
    if closing.value == "closed":
        return "an Act of Congress"
    return "a Supreme Court decision, an Act of Congress or a new Sentencing Commission policy statement"


def _span_words(span: list[Any] | None) -> str:
    if not span:
        return "unknown"
    low, high = (f"{v} months" if isinstance(v, int) else str(v) for v in span)
    return low if low == high else f"{low} to {high}"


LOWERED = "a change in law lowered the sentence that would be imposed today"


def _lowered(s: Situation, then: int | None, options: list[int], text: str) -> Element:
    """Whether today's law gives a lower minimum: the then/now minimums, else the comparison over alternatives."""
    lower = (s.current_law.aggregate.lower_today if s.current_law else None) or LowerToday()
    if (then is None or not options) and lower.answer is not None:
        spans = f"the minimum then {_span_words(lower.then_months_range)}, today " \
                f"{_span_words(lower.now_months_range)}"
        return Element(LOWERED, bool(lower.answer), (f"lower today in every alternative: {spans}" if lower.answer
                                                     else f"not lower today in any alternative: {spans}"),
                       facts={"then_min_months_range": lower.then_months_range,
                              "now_min_months_range": lower.now_months_range})
    if then is None or not options:
        fields = lower.missing or (s.current_law.missing if s.current_law else [])
        return Element(LOWERED, None, "the current-law comparison is not available for this case"
                       if s.current_law is None else "the then/now minimums could not be determined",
                       ask(fields[0] if fields else "judgments[0].counts"))
    if min(options) >= then:
        return Element(LOWERED, False, f"no lower minimum today ({text})")
    if max(options) >= then:
        fields = lower.missing or (s.current_law.aggregate.missing if s.current_law else None) or ["priors"]
        return Element(LOWERED, None, text, ask(fields[0], "decides whether today's law gives a lower minimum"))
    return Element(LOWERED, True, text, facts={"then_min_months": then, "now_min_months": options})


ALLOWED = "the law allows a non-retroactive change in law to count"


def _allowed(s: Situation, position: cr.CircuitLaw) -> Element:
    """Whether the circuit's law (or the Supreme Court's) lets a non-retroactive change count on this date."""
    answer = position.answer
    if answer == "closed":
        return Element(ALLOWED, False, "Rutherford v. United States (May 28, 2026): a disparity created by a change "
                       "Congress did not make retroactive cannot be an extraordinary and compelling reason; "
                       "§1B1.13(b)(6) is invalid to that extent")
    if answer in ("prohibited", "b6_invalid"):
        return Element(ALLOWED, False, f"closed in the {s.circuit} Circuit on this date ({position.citation})")
    if answer in ("unsettled", "b6_contested"):
        return Element(ALLOWED, True, f"unsettled in the {s.circuit} Circuit on this date: courts are divided "
                       f"({position.citation})", review=True)
    # permitted, b6_applies
    return Element(ALLOWED, True, f"open in the {s.circuit} Circuit on this date ({position.citation})")


def _disparity_elements(s: Situation, regime: Value, text: str) -> tuple[str, list[Element]]:
    """The leading citation and what the regime on the date asks of the disparity: under §1B1.13(b)(6) ten years
    served and an unusually long sentence; before it, the disparity weighed with individual circumstances."""
    term = s.term
    if regime.value in ("amended_policy_statement", "after_rutherford"):
        years, cite = cr.threshold("unusually_long_years_served", s.as_of)
        return cite, [
            s.served_months_element(f"served at least {years} years", years * 12, cite),
            Element("an unusually long sentence, and a gross disparity with the sentence likely imposed today", True,
                    f"sentence {term}; {text or 'disparity unknown'} - whether it is unusually long and the disparity "
                    "gross, after the individual circumstances, is for the court", review=True)]
    return "18 U.S.C. § 3582(c)(1)(A)(i)", [
        Element("the disparity, with individual circumstances, is extraordinary and compelling", True,
                f"sentence {term}; {text or 'disparity unknown'} - for the court to weigh", review=True)]


def change_in_law(s: Situation) -> Finding:
    """A non-retroactive change in law as (part of) an extraordinary and compelling reason: the circuit's case law
    before Nov. 1, 2023; §1B1.13(b)(6) from then; closed by Rutherford from May 28, 2026."""
    key = "b6"
    position = cr.change_in_law(s.circuit, s.as_of)
    then, options, text = _disparity(s)
    elements: list[Element] = []
    citations: list[str] = []
    positions: list[dict[str, Any]] = []
    if s.circuit is None:
        elements.append(Element("the circuit's law", None, "the sentencing district is unknown",
                                ask("court.district")))
    elements.append(_lowered(s, then, options, text))
    if position is not None:
        citations.append(position.citation)
        if position.answer in ("unsettled", "b6_contested"):
            positions = position.positions
        elements.append(_allowed(s, position))
    cite, weighed = _disparity_elements(s, cr.regime(s.as_of), text)
    citations.insert(0, cite)
    elements.extend(weighed)
    result = finding(AVENUE, GROUNDS[key][0], elements, citations,
                     summary_ok="Change in law: open.",
                     summary_no="Change in law: not available.",
                     summary_facts="Change in law: depends on facts not yet stated.",
                     summary_review="Change in law: open and arguable; the court weighs the disparity.")
    result.positions = positions
    if s.circuit is not None:  # a court may close the ground before the requirements are met
        offered_while_open(result, f"compassionate_release_circuits.change_in_law_{cr.circuit_key(s.circuit)}",
                           lambda answer: answer not in _CLOSED_ANSWERS, s.as_of, "This ground", _reopened_by)
    if position is not None and position.answer == "closed":
        result.extra["note"] = ("After Rutherford, whether a change in law may still be weighed in deciding how much "
                                "to reduce a sentence (§1B1.13(c)) once another reason is established is unsettled.")
    return result


# --- the whole avenue ---------------------------------------------------------------------------------------------

def statutory_elderly(s: Situation) -> Finding:
    """3582(c)(1)(A)(ii): at least 70, at least 30 years served under a 3559(c) sentence, and the BOP Director's
    determination that the defendant is not a danger."""
    age_years, cite = cr.threshold("elderly_statutory_age", s.as_of)
    years, _ = cr.threshold("elderly_statutory_years_served", s.as_of)
    counts = [(j, c, count) for j, judgment in enumerate(s.case.judgments) for c, count in enumerate(judgment.counts)]
    under = [any(x.within(_3559C) for x in (*parse_statutes(c.statute), *parse_statutes(c.penalty)))
             for _, _, c in counts]
    # 3559(c)(1) requires life: a count sentenced to a term of years (as first imposed) was not sentenced under it.
    unsettled = [(j, c) for j, c, count in counts if not count.penalty and (count.life or count.months is None)]
    if any(under):
        sentence = Element("sentenced under 18 U.S.C. 3559(c)", True, "a count rests on 3559(c)")
    elif counts and not unsettled:
        sentence = Element("sentenced under 18 U.S.C. 3559(c)", False, "no count was sentenced under 3559(c) "
                           "(the 'three strikes' provision, which requires life imprisonment)")
    else:
        j, c = unsettled[0] if unsettled else (0, 0)
        sentence = Element("sentenced under 18 U.S.C. 3559(c)", None, "the penalty provision of a count is not stated",
                           ask(f"judgments[{j}].counts[{c}].penalty"))
    determination = s.case.custody.bop_not_danger_determination
    elements = [
        s.age_element(f"at least {age_years} years old", age_years, cite),
        s.served_months_element(f"served at least {years} years", years * 12, cite),
        sentence,
        _bool_element("the BOP Director determined the defendant is not a danger (3142(g))", determination,
                      "determined", "not determined", ask("custody.bop_not_danger_determination"), {}),
    ]
    return finding(AVENUE, "3582(c)(1)(A)(ii)", elements, [cite, "USSG §1B1.13(a)(1)(B)"],
                   summary_ok=f"Age {age_years} / {years} years under a 3559(c) sentence: met.",
                   summary_no=f"Age {age_years} / {years} years under a 3559(c) sentence: not met.",
                   summary_facts=f"Age {age_years} / {years} years under a 3559(c) sentence: depends on facts not yet "
                                 "stated.")


def rehabilitation(s: Situation) -> Finding:
    conduct = s.case.circumstances.conduct or []
    programs = [p for c in conduct for p in (c.programs or [])]
    infractions = [i for c in conduct for i in (c.infractions or [])]
    summary = ("Rehabilitation alone is not an extraordinary and compelling reason; it can be weighed with another "
               "ground and under 3553(a).")
    reasons: list[str | Reason] = []
    if conduct:
        reasons.append(f"record: {len(programs)} program entries, {len(infractions)} infraction(s)"
                       + "".join(f"; {c.description}" for c in conduct if c.description))
    return Finding(AVENUE, "§1B1.13(d)", "not_eligible", summary, reasons,
                   ["USSG §1B1.13(d)", "28 U.S.C. § 994(t)"], facts_used={"programs": len(programs)})


def defendant_may_move(s: Situation) -> Finding | None:
    regime = cr.regime(s.as_of)
    if regime.value != "bop_motion_only":
        return None
    return Finding(AVENUE, "who may move", "not_eligible",
                   "Before the First Step Act (Dec. 21, 2018) only the BOP Director could ask the court; a request "
                   "to the warden was the only path.", [regime.citation], [regime.citation],
                   eligible_from=(regime.to or s.as_of) + timedelta(days=1))


def combined(s: Situation, exhausted: Finding, grounds: list[Finding]) -> Finding:
    """"Any one or a combination" of the grounds (§1B1.13(b)); rehabilitation alone never suffices (§1B1.13(d))."""
    usable = [g for g in grounds if g.ground != "§1B1.13(d)"]
    best = min(usable, key=lambda g: STATUS_RANK[g.status]) if usable else None
    status: Status
    if best is None or best.status == "not_eligible":
        status = "not_eligible"
        summary = "No extraordinary and compelling reason is established on these facts."
    else:
        status = best.status
        summary = {"eligible": "At least one extraordinary and compelling reason is established.",
                   "needs_review": "An extraordinary and compelling reason is arguable; the court must weigh it.",
                   "needs_facts": "Whether there is an extraordinary and compelling reason depends on facts not yet "
                                  "stated."}[status]
    reasons: list[str | Reason] = [f"{g.ground} {GROUND_NAMES.get(g.ground, '')}: {g.status}".replace("  ", " ")
                                   for g in usable if g.status != "not_eligible"]
    reasons.append("The court must also consider the 3553(a) factors and find no danger to the community "
                   "(18 U.S.C. 3142(g)); those are not decided here.")
    home = s.case.custody.home_confinement
    if home is not None:
        authority = {"cares_act": " (CARES Act)", "3624c": " (18 U.S.C. 3624(c))"}.get(home.authority or "", "")
        reasons.append(f"serving the sentence in home confinement{f' since {home.since}' if home.since else ''}"
                       f"{authority}: the sentence is still being served, and a reduction would end it")
    for ruling in rulings.of_kind(s.case, "motion_denied", avenue=AVENUE):
        reasons.append(f"a court denied an earlier motion{f' on {ruling.on}' if ruling.on else ''}: a new motion "
                       "should show what has changed since")
    if exhausted.status != "eligible":
        reasons.append(f"exhaustion: {exhausted.status} - {exhausted.summary}")
    citations = ["18 U.S.C. § 3582(c)(1)(A)(i)", "USSG §1B1.13(a), (b)"]
    return Finding(AVENUE, "extraordinary and compelling reasons", status, summary, reasons, citations,
                   eligible_from=exhausted.eligible_from if exhausted.status == "not_eligible" else None)


GROUND_NAMES = {paragraph: name for paragraph, name in GROUNDS.values()}


def findings(s: Situation) -> list[Finding]:
    early = defendant_may_move(s)
    if early is not None:
        return [early]
    exhausted = exhaustion(s)
    grounds = [ground_finding(s, key) for key in GROUND_RULES]
    grounds.append(change_in_law(s))
    grounds.append(rehabilitation(s))
    elderly = statutory_elderly(s)
    whole = combined(s, exhausted, [*grounds, elderly])
    return [whole, exhausted, *grounds, elderly]
