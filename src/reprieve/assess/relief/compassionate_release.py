"""18 U.S.C. 3582(c)(1)(A) and USSG §1B1.13: exhaustion, each extraordinary and compelling ground, and the whole.

One function per ground, named for its paragraph. Each applies the law in force on the as-of date in the case's
circuit (law/compassionate_release.py) and returns a Finding. `eligible` means every element is established by
an explicit fact; evaluative elements ("similar in gravity", "gross disparity") leave the finding at needs_review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from reprieve.assess import rulings
from reprieve.assess.current_law_result import LowerToday
from reprieve.assess.findings import STATUS_RANK, Finding, Position, Question, ReasonLike, Status
from reprieve.assess.questions import ask
from reprieve.assess.relief.situation import Element, Situation, finding, frozen_facts, remembered
from reprieve.assess.relief.sunset import offered_while_open
from reprieve.case.model import AbuseFact, FamilyFact, MedicalFact, OtherFact
from reprieve.law import authorities
from reprieve.law import compassionate_release as cr
from reprieve.law.params import Value
from reprieve.law.statutes import Statute, parse_statutes
from reprieve.results import Joined, Said, explaining, said, verbatim

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


AUTHORITY = "usc_18_3582"  # 18 U.S.C. 3582(c)(1)(A): exhaustion, the (ii) ground and the whole avenue
AUTHORITY_GROUNDS = "ussg_1b1_13"  # USSG §1B1.13: each extraordinary and compelling ground


def _ground_name(key: str) -> Said:
    return said(f"relief.cr.ground.{key}")


def any_of(items: Sequence[Said | int]) -> Said | int:
    """'a or b or c', as the language joins alternatives (each one said in turn)."""
    head, *rest = items
    return head if not rest else said("term.or", first=head, then=any_of(rest))


def _any_said(items: Sequence[Said]) -> Said:
    found = any_of(items)
    assert isinstance(found, Said)
    return found


def _strings(items: object) -> list[str]:
    return [str(x) for x in items] if isinstance(items, list | tuple) else []


CIRCUITS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "D.C.")


def _circuit(circuit: str | None) -> Said:
    """'the 4th Circuit' (its name in the reader's language)."""
    return said(f"relief.circuit.{circuit}") if circuit in CIRCUITS else verbatim(f"{circuit} Circuit")


def short_date(day: date) -> Said:
    """'Nov. 1, 2023': a date as running prose abbreviates it, in the reader's language."""
    return said("date.long", month=said(f"month.short.{day.month}"), day=day.day, year=day.year)


# --- exhaustion --------------------------------------------------------------------------------------------------

def exhaustion(s: Situation) -> Finding:
    """3582(c)(1)(A): a defendant may move after fully exhausting appeals of the BOP's failure to move, or after 30
    days from the warden's receipt of the request, whichever is earlier. Worked out once per (rulings of exhaustion,
    requests, the facility when explained, date): most people of a population have made no request."""
    settled = rulings.of_kind(s.case, "exhaustion_satisfied")
    requests, to_warden = s.case.requests, cr.warden_requests(s.case)
    facility = s.case.person.facility if explaining() else None  # (read only to explain)
    on = s.as_of
    return remembered(("exhaustion", frozen_facts(settled), frozen_facts(requests), facility, on),
                      lambda: _exhaustion(settled, requests, to_warden, facility, on))


def _exhaustion(settled: list[Any], all_requests: list[Any], requests: list[Any], facility: str | None,
                on: date) -> Finding:
    """Exhaustion on `on`, from the rulings that it is satisfied, every request and those to the warden."""
    lapse, cite = cr.exhaustion_lapse(on)
    n = lapse.days  # 3582(c)(1)(A): "the lapse of N days from the receipt of such a request by the warden"
    if settled:
        when = settled[0].on
        element = Element(said("relief.cr.exhaustion"), True, said("relief.cr.exhaustion.ruled_on", day=when) if when
                          else said("relief.cr.exhaustion.ruled"),
                          facts={"rulings.exhaustion_satisfied": str(when) if when else True})
        return finding(AVENUE, "exhaustion", [element], [cite], summary_ok=said("relief.cr.exhaustion.ok_ruled"),
                       summary_no="", summary_facts="", authority=AUTHORITY)
    appeals = [r for r in all_requests if r.kind == "bp11" and r.response == "denied" and r.responded_on]
    if appeals:
        done = min(r.responded_on.latest for r in appeals if r.responded_on)
        element = Element(said("relief.cr.exhaustion.appeals"), on >= done,
                          said("relief.cr.exhaustion.appeal_denied", day=done), from_date=done,
                          facts={"requests.bp11.responded_on": done})
        return finding(AVENUE, "exhaustion", [element], [cite], summary_ok=said("relief.cr.exhaustion.ok_appeals"),
                       summary_no=said("relief.cr.exhaustion.not_yet"), summary_facts="", authority=AUTHORITY)
    if not requests:
        element = Element(said("relief.cr.exhaustion.request"), None, said("relief.cr.exhaustion.no_request"),
                          ask("requests", said("relief.cr.exhaustion.may_file_in_court", days=n)))
        return finding(AVENUE, "exhaustion", [element], [cite], summary_ok="", summary_no="",
                       summary_facts=said("relief.cr.exhaustion.ask_warden_first", days=n), authority=AUTHORITY)
    best: Element | None = None
    for i, request in enumerate(requests):
        element = _request_element(i, request, lapse, on)
        if best is None or _rank(element) > _rank(best):
            best = element
    assert best is not None
    return finding(AVENUE, "exhaustion", [best], [cite],
                   summary_ok=said("relief.cr.exhaustion.ok_days", days=n),
                   summary_no=said("relief.cr.exhaustion.too_early", days=n),
                   summary_facts=said("relief.cr.exhaustion.turns_on_receipt"),
                   extra_reasons=_request_notes(facility, requests, n) if explaining() else None,
                   authority=AUTHORITY)


def _request_notes(here: str | None, requests: list[Any], days: int) -> list[ReasonLike]:
    """What each request to the warden risks: the wrong facility (`here`: the person's), grounds it did not raise, a
    denial."""
    notes: list[ReasonLike] = []
    for i, request in enumerate(requests):
        facility = request.facility
        if facility and here and facility != here:
            notes.append(said("relief.cr.request.wrong_facility", i=i, facility=facility, here=here))
        if request.grounds:
            notes.append(said("relief.cr.request.grounds", i=i, grounds=request.grounds))
        if request.response == "denied":
            notes.append(said("relief.cr.request.denied", i=i, days=days))
    return notes


def _rank(e: Element) -> int:
    return {True: 3, None: 2, False: 1}[e.met] if e.met is not False or e.from_date is None else 1


def _request_element(i: int, request: Any, days: timedelta, as_of: date) -> Element:
    n = days.days
    lapsed = said("relief.cr.exhaustion.lapsed", days=n)
    received = request.received_on
    question = ask(f"requests[{i}].received_on", said("relief.cr.exhaustion.may_file_after", days=n))
    if received is not None:
        first, last = received.earliest + days, received.latest + days
        facts = {f"requests[{i}].received_on": str(received)}
        if as_of >= last:
            return Element(lapsed, True, said("relief.cr.received.lapsed", received=received, days=n, day=last),
                           facts=facts)
        if as_of < first:
            return Element(lapsed, False, said("relief.cr.received.from", received=received, day=last),
                           from_date=last, facts=facts)
        return Element(lapsed, None, said("relief.cr.received.between", received=received, days=n, low=first,
                                          high=last), question, facts=facts)
    if request.submitted_on is not None:
        earliest = request.submitted_on.earliest + days
        if as_of < earliest:
            return Element(lapsed, False, said("relief.cr.submitted.too_early", submitted=request.submitted_on,
                                               day=earliest), question=question)
        return Element(lapsed, None, said("relief.cr.submitted.receipt_unknown", submitted=request.submitted_on),
                       question)
    return Element(lapsed, None, said("relief.cr.request.no_dates"), question)


# --- extraordinary and compelling grounds ---------------------------------------------------------------------

def _no_facts(key: str, fld: str) -> Element:
    return Element(_ground_name(key), None, said("relief.cr.says_nothing"), ask(fld))


def _bool_element(name: Said, value: bool | None, yes: Said, no: Said, question: Question, facts: dict[str, Any],
                  review: bool = False) -> Element:
    if value is None:
        return Element(name, None, said("relief.not_stated"), question, facts=facts)
    return Element(name, value, yes if value else no, facts=facts, review=review)


def _yes_no(name: str, value: bool | None, i: int, fld: str) -> Element:
    """An element stated yes or no in circumstances.medical[i].<fld>."""
    path = f"circumstances.medical[{i}].{fld}"
    return _bool_element(said(name), value, said("relief.yes"), said("relief.no"), ask(path), {path: value})


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


def _none_listed(key: str) -> list[Element]:
    return [Element(_ground_name(key), False, said("relief.cr.no_condition"))]


def terminal_illness(medical: list[MedicalFact] | None, on: date) -> list[Element]:
    if medical is None:
        return [_no_facts("b1A", "circumstances.medical")]
    if not medical:
        return _none_listed("b1A")

    def named(m: MedicalFact) -> bool | None:
        """Stated terminal, or named as one of the policy statement's own examples of a terminal illness."""
        if m.terminal is not None:
            return m.terminal
        found = cr.named_terminal_example(" ".join(filter(None, [m.condition, m.description])), on)
        return True if found else None

    return _best_over(medical, lambda i, m: [_bool_element(
        said("relief.cr.b1A.element"), named(m), _terminal(m, on),
        said("relief.cr.b1A.not_terminal", condition=_condition(m)),
        ask(f"circumstances.medical[{i}].terminal"), {f"circumstances.medical[{i}].terminal": m.terminal})])


def _condition(m: MedicalFact) -> Said | str:
    return m.condition or m.description or said("relief.cr.condition")


def _terminal(m: MedicalFact, on: date) -> Said:
    """Why the condition is terminal: stated so (with the life expectancy, when stated), or named by the policy
    statement as an example of a terminal illness."""
    months = m.life_expectancy_months
    terminal = said("relief.cr.b1A.terminal", condition=_condition(m)) if months is None else \
        said("relief.cr.b1A.terminal_expectancy", condition=_condition(m), months=months)
    if m.terminal:
        return terminal
    found = cr.named_terminal_example(" ".join(filter(None, [m.condition, m.description])), on)
    if not found:
        return said("relief.cr.b1A.example_none", terminal=terminal)
    return said("relief.cr.b1A.example", terminal=terminal, example=verbatim(found[0]), citation=found[1])


def self_care(medical: list[MedicalFact] | None, _on: date) -> list[Element]:
    if medical is None:
        return [_no_facts("b1B", "circumstances.medical")]
    if not medical:
        return [Element(said("relief.cr.b1B.short"), False, said("relief.cr.no_condition"))]
    return _best_over(medical, lambda i, m: [
        _bool_element(said("relief.cr.b1B.element"), m.self_care_diminished,
                      said("relief.cr.b1B.yes"), said("relief.cr.b1B.no"),
                      ask(f"circumstances.medical[{i}].self_care_diminished"),
                      {f"circumstances.medical[{i}].self_care_diminished": m.self_care_diminished}),
        _bool_element(said("relief.cr.b1B.no_recovery"),
                      None if m.recovery_expected is None else not m.recovery_expected,
                      said("relief.cr.b1B.no_recovery.yes"), said("relief.cr.b1B.no_recovery.no"),
                      ask(f"circumstances.medical[{i}].recovery_expected"),
                      {f"circumstances.medical[{i}].recovery_expected": m.recovery_expected}),
    ])


def care_not_provided(medical: list[MedicalFact] | None, _on: date) -> list[Element]:
    if medical is None:
        return [_no_facts("b1C", "circumstances.medical")]
    if not medical:
        return [Element(said("relief.cr.b1C.short"), False, said("relief.cr.no_condition"))]
    return _best_over(medical, lambda i, m: [
        _bool_element(said("relief.cr.b1C.element"), m.care_not_provided,
                      said("relief.cr.b1C.yes"), said("relief.cr.b1C.no"),
                      ask(f"circumstances.medical[{i}].care_not_provided"),
                      {f"circumstances.medical[{i}].care_not_provided": m.care_not_provided}),
        _bool_element(said("relief.cr.b1C.risk"), m.risk_without_care,
                      said("relief.cr.b1C.risk.yes"), said("relief.cr.b1C.risk.no"),
                      ask(f"circumstances.medical[{i}].risk_without_care"),
                      {f"circumstances.medical[{i}].risk_without_care": m.risk_without_care}),
    ])


def outbreak(medical: list[MedicalFact] | None, _on: date) -> list[Element]:
    if medical is None:
        return [_no_facts("b1D", "circumstances.medical")]
    if not medical:
        return [Element(said("relief.cr.b1D.short"), False, said("relief.cr.no_condition"))]
    return _best_over(medical, lambda i, m: [
        _yes_no("relief.cr.b1D.i", m.outbreak_at_facility, i, "outbreak_at_facility"),
        _yes_no("relief.cr.b1D.ii", m.personal_risk_factors, i, "personal_risk_factors"),
        _yes_no("relief.cr.b1D.iii", m.risk_not_mitigable, i, "risk_not_mitigable"),
    ])


def age(s: Situation) -> list[Element]:
    years, cite = cr.threshold("age_minimum_years", s.as_of)
    served_years, _ = cr.threshold("age_years_served", s.as_of)
    percent, _ = cr.threshold("age_percent_served", s.as_of)
    elements = [s.age_element(said("relief.at_least_years_old", years=years), years, cite)]
    deteriorations = s.case.circumstances.age_related
    name = said("relief.cr.b2.deterioration")
    if deteriorations is None:
        elements.append(Element(name, None, said("relief.not_stated"), ask("circumstances.age_related")))
    else:
        flags = [f.serious_deterioration for f in deteriorations]
        met = True if any(flags) else (None if any(f is None for f in flags) or not flags else False)
        elements.append(Element(name, met, said("relief.established" if met else (
                                    "relief.not_established" if met is False else "relief.not_stated")),
                                ask("circumstances.age_related[0].serious_deterioration") if met is None
                                else None, facts={"circumstances.age_related.serious_deterioration": met}))
    ten = s.served_months_element(said("relief.served_years", years=served_years), served_years * 12, cite)
    share = s.served_share_element(said("relief.served_percent", percent=percent), percent, 100, cite)
    # "at least 10 years or 75 percent of his or her term of imprisonment, whichever is less"
    if ten.met or share.met:
        served = ten if ten.met else share
    elif ten.met is False and share.met is False:
        served = ten if (ten.from_date or date.max) <= (share.from_date or date.max) else share
    else:
        served = ten if ten.met is None else share
        other = share if served is ten else ten
        if other.met is False and explaining():  # the lesser may be the unknown one: say what is known of the other
            served = replace(served, detail=said("relief.and_other", detail=served.detail, name=other.name,
                                                 other=other.detail))
    # (a copy named for this rule: an element one rule asks is shared with the others that ask it, `decided_once`)
    elements.append(replace(served, name=said("relief.cr.b2.whichever_less", years=served_years, percent=percent))
                    if explaining() else served)
    return elements


_RELATIONS = ("minor_child", "adult_child_incapacitated", "spouse", "partner", "parent", "sibling", "grandchild",
              "grandparent", "other", "child")


def _family(family: list[FamilyFact] | None, key: str, relations: tuple[str, ...], situations: tuple[str, ...],
            only_caregiver: bool) -> list[Element]:
    what = _ground_name(key)
    if family is None:
        return [Element(what, None, said("relief.cr.family.none_stated"), ask("circumstances.family"))]
    # "child" with no age stated may be a minor child (or an incapacitated adult one): a candidate for (b)(3)(A)
    maybe = ("child",) if "minor_child" in relations else ()
    candidates = [(i, f) for i, f in enumerate(family) if f.relation in relations or f.relation is None
                  or f.relation in maybe]
    if not candidates:
        return [Element(what, False, said("relief.cr.family.none_is", relations=any_of(
            [said(f"relief.relation_code.{r}") for r in relations])))]
    kin = any_of([said(f"relief.relation.{r}") for r in relations])
    wanted = _any_said([said(f"relief.cr.family.wanted.{x}") for x in situations])

    def build(_: int, pair: tuple[int, FamilyFact]) -> list[Element]:
        i, f = pair
        elements = [Element(said("relief.cr.family.is_kin", kin=kin), True if f.relation in relations else None,
                            said(f"relief.relation_code.{f.relation}") if f.relation in _RELATIONS
                            else f.relation or said("relief.cr.family.relation_not_stated"),
                            ask(f"circumstances.family[{i}].relation"),
                            facts={f"circumstances.family[{i}].relation": f.relation})]
        met = None if f.situation is None else f.situation in situations
        situation = said(f"relief.situation_code.{f.situation}") if f.situation else said("relief.not_stated")
        elements.append(Element(wanted, met, said("relief.cr.family.situation", situation=situation),
                                ask(f"circumstances.family[{i}].situation"),
                                facts={f"circumstances.family[{i}].situation": f.situation}))
        if only_caregiver:
            elements.append(_bool_element(
                said("relief.cr.family.only_caregiver"), f.only_available_caregiver,
                said("relief.cr.family.only_caregiver.yes"), said("relief.cr.family.only_caregiver.no"),
                ask(f"circumstances.family[{i}].only_available_caregiver"),
                {f"circumstances.family[{i}].only_available_caregiver": f.only_available_caregiver}))
        return elements

    return _best_over(candidates, build)


def minor_child_caregiver(family: list[FamilyFact] | None, _on: date) -> list[Element]:
    return _family(family, "b3A", ("minor_child", "adult_child_incapacitated"),
                   ("caregiver_died", "caregiver_incapacitated"), only_caregiver=False)


def spouse(family: list[FamilyFact] | None, _on: date) -> list[Element]:
    return _family(family, "b3B", ("spouse", "partner"), ("incapacitated",), only_caregiver=True)


def parent(family: list[FamilyFact] | None, _on: date) -> list[Element]:
    return _family(family, "b3C", ("parent",), ("incapacitated",), only_caregiver=True)


def other_family(family: list[FamilyFact] | None, _on: date) -> list[Element]:
    return _family(family, "b3D", ("sibling", "grandchild", "grandparent", "other"), ("incapacitated",),
                   only_caregiver=True)


def abuse(facts: list[AbuseFact] | None, _on: date) -> list[Element]:
    if facts is None:
        return [Element(said("relief.cr.b4.short"), None, said("relief.not_stated"), ask("circumstances.abuse"))]
    if not facts:
        return [Element(said("relief.cr.b4.short"), False, said("relief.none_listed"))]

    def build(i: int, a: Any) -> list[Element]:
        established = None if a.established_by is None else a.established_by in ("conviction", "finding")
        return [
            Element(said("relief.cr.b4.kind"), None if a.kind is None else True,
                    said(f"relief.abuse_code.{a.kind}") if a.kind else said("relief.cr.b4.kind_not_stated"),
                    ask(f"circumstances.abuse[{i}].kind"), facts={f"circumstances.abuse[{i}].kind": a.kind}),
            _bool_element(said("relief.cr.b4.by"), a.by_staff, said("relief.cr.b4.by.yes"),
                          said("relief.cr.b4.by.no"), ask(f"circumstances.abuse[{i}].by_staff"),
                          {f"circumstances.abuse[{i}].by_staff": a.by_staff}),
            Element(said("relief.cr.b4.established"), established,
                    said(f"relief.established_code.{a.established_by}") if a.established_by
                    else said("relief.not_stated"),
                    ask(f"circumstances.abuse[{i}].established_by"),
                    review=a.established_by == "pending",
                    facts={f"circumstances.abuse[{i}].established_by": a.established_by}),
        ]

    elements = _best_over(facts, build)
    for e in elements:  # pending proceedings: the exception for undue delay or imminent danger is for the court
        if e.review and e.met is False:
            e.met, e.detail = True, said("relief.cr.b4.pending")
    return elements


def other_reasons(other: list[OtherFact] | None, _on: date) -> list[Element]:
    name = said("relief.cr.b5.element")
    if other is None:
        return [Element(name, None, said("relief.none_stated"), ask("circumstances.other"))]
    usable = [f for f in other if not f.attacks_conviction]
    if not usable:
        return [Element(said("relief.cr.b5.short"), False, said("relief.none_listed") if not other else
                        said("relief.cr.b5.attacks_conviction"))]
    listed = Joined(tuple(verbatim(f.description) if f.description else said("relief.cr.b5.a_circumstance")
                          for f in usable), "; ")
    return [Element(name, True, said("relief.cr.b5.for_the_court", circumstances=listed), review=True,
                    facts={"circumstances.other": len(usable)})]


# The grounds that read one kind of circumstance (and the date) only, with the field they read: each is a function
# of those facts, so the many people of a population who state the same ones (most state none) share one finding.
FACT_RULES: dict[str, tuple[str, Callable[[Any, date], list[Element]]]] = {
    "b1A": ("medical", terminal_illness), "b1B": ("medical", self_care), "b1C": ("medical", care_not_provided),
    "b1D": ("medical", outbreak), "b3A": ("family", minor_child_caregiver), "b3B": ("family", spouse),
    "b3C": ("family", parent), "b3D": ("family", other_family), "b4": ("abuse", abuse), "b5": ("other", other_reasons),
}
GROUND_ORDER = ("b1A", "b1B", "b1C", "b1D", "b2", "b3A", "b3B", "b3C", "b3D", "b4", "b5")  # (b)(6) apart

Raised = tuple[tuple[str, ...] | None, ...]  # each request's grounds raised (requests[].grounds_raised)


def _raised(s: Situation) -> Raised:
    return tuple(None if r.grounds_raised is None else tuple(r.grounds_raised) for r in s.case.requests)


def _issue_exhaustion(raised: Raised, key: str) -> list[ReasonLike]:
    """Requests that list the grounds they raised (requests[].grounds_raised): a ground none of them raised may
    meet an issue-exhaustion objection in some courts."""
    listed = [(i, grounds) for i, grounds in enumerate(raised) if grounds is not None]
    if not listed or any(key.lower() in (grounds or ()) for _, grounds in listed):
        return []
    where = ", ".join(f"requests[{i}]" for i, _ in listed)
    return [said("relief.cr.not_raised", where=where)]


def _old_statement(circuit: str | None, on: date, key: str, citations: list[str],
                   notes: list[ReasonLike]) -> list[Element]:
    """Before the amended policy statement: may the court consider a ground the old one does not list? It depends
    on whether the old statement binds a defendant's motion in the circuit."""
    listed, listed_entry = cr.grounds_in_force(on)
    out: list[Element] = []
    may = said("relief.cr.old.may_consider")
    binding = cr.old_statement_binds(circuit, on)
    if key not in listed:
        citations.append(listed_entry.citation)
        if circuit is None or binding is None:
            out.append(Element(may, None, said("relief.cr.circuit_unknown"), ask("court.district")))
        elif binding.answer == "binding":
            out.append(Element(may, False, said("relief.cr.old.binds", circuit=_circuit(circuit),
                                                citation=binding.citation)))
            citations.append(binding.citation)
        else:
            out.append(Element(may, True, said("relief.cr.old.not_binding", circuit=_circuit(circuit),
                                               citation=binding.citation) if binding.answer == "not_binding"
                               else said("relief.cr.old.unsettled", circuit=_circuit(circuit)), review=True))
            citations.append(binding.citation)
            notes.append(said("relief.cr.old.later_listed", day=short_date(cr.amended_from())))
    if key == "b5" and binding is not None and binding.answer == "binding":
        out.append(Element(said("relief.cr.old.other_reasons"), False,
                           said("relief.cr.old.other_reasons.bop_only", citation=binding.citation)))
    return out


def ground_finding(s: Situation, key: str) -> Finding:
    """One §1B1.13(b) ground under the law in force on the as-of date, in the case's circuit. A ground that reads
    one kind of circumstance (`FACT_RULES`) is worked out once per those facts, date, circuit and (explained) the
    grounds the requests raised: a function of them alone, as `_ground` is handed nothing else."""
    raised = _raised(s) if explaining() else ()  # (read only to explain)
    if key == "b2":
        return _ground(key, lambda: age(s), s.circuit, s.as_of, raised)
    field, rule = FACT_RULES[key]
    facts = getattr(s.case.circumstances, field)
    circuit, on = s.circuit, s.as_of
    return remembered(("ground", key, frozen_facts(facts), on, circuit, raised),
                      lambda: _ground(key, lambda: rule(facts, on), circuit, on, raised))


def _ground(key: str, rule: Callable[[], list[Element]], circuit: str | None, on: date, raised: Raised) -> Finding:
    """The ground `key` whose elements `rule()` gives, under the law in force on `on` in `circuit`."""
    paragraph = GROUNDS[key][0]
    old = cr.regime(on).value == "old_policy_statement"
    citations = [_cite(key, old)]
    elements = rule()
    notes: list[ReasonLike] = []
    if old:
        elements += _old_statement(circuit, on, key, citations, notes)
    if not explaining():  # (the notes below only explain)
        return finding(AVENUE, paragraph, elements, citations, authority=AUTHORITY_GROUNDS)
    notes += _issue_exhaustion(raised, key)
    title = said(f"relief.cr.ground_title.{key}")
    return finding(AVENUE, paragraph, elements, citations, summaries="relief.cr.ground", summary_args={"name": title},
                   extra_reasons=notes, authority=AUTHORITY_GROUNDS)


# --- (b)(6) and changes in law ----------------------------------------------------------------------------------

def _disparity(s: Situation) -> tuple[int | None, list[int], Said | None]:
    """(minimum then, possible minimums now, how they compare in words) from the current-law comparison."""
    if s.current_law is None:
        return None, [], None
    aggregate = s.current_law.aggregate
    then = aggregate.then_min_months
    now = aggregate.now_min_months
    options: list[int] = []
    if isinstance(now, int):
        options = [now]
    else:
        options = [a.min_months for a in aggregate.alternatives("now") if isinstance(a.min_months, int)]
    text = None
    if isinstance(then, int) and options:
        text = said("relief.cr.b6.minimums", then=then, now=any_of(options))
    return (then if isinstance(then, int) else None), options, text


_CLOSED_ANSWERS = ("closed", "prohibited", "b6_invalid")


def _reopened_by(closing: Value) -> Said:
    """What could reopen a change-in-law ground once closed: Rutherford read the statute, so only Congress."""
    if closing.value == "closed":
        return said("relief.cr.b6.reopened_by_congress")
    return said("relief.cr.b6.reopened_by_any")


def _months_said(value: Any) -> Said:
    if isinstance(value, int):
        return said("unit.months", n=value)
    return said("term.life") if value == "life" else verbatim(str(value))


def _span_words(span: list[Any] | None) -> Said:
    if not span:
        return said("term.unknown")
    low, high = span
    return _months_said(low) if low == high else said("relief.range", low=_months_said(low), high=_months_said(high))


LOWERED = "relief.cr.b6.lowered"  # the element: a change in law lowered the sentence that would be imposed today


def _lowered(s: Situation, then: int | None, options: list[int], text: Said | None) -> Element:
    """Whether today's law gives a lower minimum: the then/now minimums, else the comparison over alternatives."""
    lower = (s.current_law.aggregate.lower_today if s.current_law else None) or LowerToday()
    name = said(LOWERED)
    if (then is None or not options) and lower.answer is not None:
        spans = said("relief.cr.b6.spans", then=_span_words(lower.then_months_range),
                     now=_span_words(lower.now_months_range))
        return Element(name, bool(lower.answer), said("relief.cr.b6.lower_every" if lower.answer
                                                      else "relief.cr.b6.lower_none", spans=spans),
                       facts={"then_min_months_range": lower.then_months_range,
                              "now_min_months_range": lower.now_months_range})
    if then is None or not options or text is None:
        fields = lower.missing or (s.current_law.missing if s.current_law else [])
        return Element(name, None, said("relief.cr.b6.no_comparison" if s.current_law is None
                                        else "relief.cr.b6.no_minimums"),
                       ask(fields[0] if fields else "judgments[0].counts"))
    if min(options) >= then:
        return Element(name, False, said("relief.cr.b6.no_lower", minimums=text))
    if max(options) >= then:
        fields = lower.missing or (s.current_law.aggregate.missing if s.current_law else None) or ["priors"]
        return Element(name, None, text, ask(fields[0], said("relief.cr.b6.decides_lower")))
    return Element(name, True, text, facts={"then_min_months": then, "now_min_months": options})


ALLOWED = "relief.cr.b6.allowed"  # the element: the law allows a non-retroactive change in law to count


def _allowed(s: Situation, position: cr.CircuitLaw) -> Element:
    """Whether the circuit's law (or the Supreme Court's) lets a non-retroactive change count on this date."""
    answer = position.answer
    name = said(ALLOWED)
    if answer == "closed":  # Rutherford v. United States: its name and day from the registry and the law data
        return Element(name, False, said("relief.cr.b6.closed_rutherford", case=authorities.get(RUTHERFORD).name,
                                         day=said_long_date(cr.regime_from("after_rutherford")))
                       if explaining() else "", authority=RUTHERFORD)  # (row-only: no words)
    if answer in ("prohibited", "b6_invalid"):
        return Element(name, False, said("relief.cr.b6.closed_circuit", circuit=_circuit(s.circuit),
                                         citation=position.citation))
    if answer in ("unsettled", "b6_contested"):
        return Element(name, True, said("relief.cr.b6.unsettled_circuit", circuit=_circuit(s.circuit),
                                        citation=position.citation), review=True)
    # permitted, b6_applies
    return Element(name, True, said("relief.cr.b6.open_circuit", circuit=_circuit(s.circuit),
                                    citation=position.citation))


RUTHERFORD = "rutherford_2026"
SERVED_AT_LEAST = "relief.served_at_least_years"  # the rule id of (b)(6)'s years-served element (a draft reads it)


def said_long_date(day: date) -> Said:
    """'May 28, 2026', in the reader's language."""
    return said("date.long", month=said(f"month.{day.month}"), day=day.day, year=day.year)


def _disparity_elements(s: Situation, regime: Value, text: Said | None) -> tuple[str, list[Element]]:
    """The leading citation and what the regime on the date asks of the disparity: under §1B1.13(b)(6) ten years
    served and an unusually long sentence; before it, the disparity weighed with individual circumstances."""
    explain = explaining()  # (row-only: the court's part is decided, not worded)
    term = (s.term.said() if s.term is not None else said("relief.cr.b6.term_none")) if explain else ""
    disparity = (text or said("relief.cr.b6.disparity_unknown")) if explain else ""
    if regime.value in ("amended_policy_statement", "after_rutherford"):
        years, cite = cr.threshold("unusually_long_years_served", s.as_of)
        return cite, [
            s.served_months_element(said(SERVED_AT_LEAST, years=years), years * 12, cite),
            Element(said("relief.cr.b6.unusually_long"), True, said(
                "relief.cr.b6.unusually_long.for_the_court", term=term, disparity=disparity) if explain else "",
                    review=True)]
    return "18 U.S.C. § 3582(c)(1)(A)(i)", [
        Element(said("relief.cr.b6.weighed"), True, said("relief.cr.b6.weighed.for_the_court", term=term,
                                                        disparity=disparity) if explain else "",
                review=True, authority=AUTHORITY)]


def change_in_law(s: Situation) -> Finding:
    """A non-retroactive change in law as (part of) an extraordinary and compelling reason: the circuit's case law
    before Nov. 1, 2023; §1B1.13(b)(6) from then; closed by Rutherford from May 28, 2026."""
    position = cr.change_in_law(s.circuit, s.as_of)
    then, options, text = _disparity(s)
    elements: list[Element] = []
    citations: list[str] = []
    if s.circuit is None:
        elements.append(Element(said("relief.cr.b6.circuit_law"), None, said("relief.cr.b6.district_unknown"),
                                ask("court.district")))
    elements.append(_lowered(s, then, options, text))
    if position is not None:
        citations.append(position.citation)
        elements.append(_allowed(s, position))
    cite, weighed = _disparity_elements(s, cr.regime(s.as_of), text)
    citations.insert(0, cite)
    elements.extend(weighed)
    result = finding(AVENUE, GROUNDS["b6"][0], elements, citations,
                     summaries="relief.cr.b6", authority=AUTHORITY_GROUNDS)
    if position is not None and position.answer in ("unsettled", "b6_contested"):
        result.positions = [Position(str(p["position"]), str(p["holding"]), tuple(_strings(p["authorities"])))
                            for p in position.positions]
    if s.circuit is not None:  # a court may close the ground before the requirements are met
        offered_while_open(result, f"compassionate_release_circuits.change_in_law_{cr.circuit_key(s.circuit)}",
                           lambda answer: answer not in _CLOSED_ANSWERS, s.as_of, said("relief.cr.b6.this_ground"),
                           _reopened_by)
    if position is not None and position.answer == "closed":
        result.extra.note = said("relief.cr.b6.after_rutherford_note")
    return result


# --- the whole avenue ---------------------------------------------------------------------------------------------

def statutory_elderly(s: Situation) -> Finding:
    """3582(c)(1)(A)(ii): at least 70, at least 30 years served under a 3559(c) sentence, and the BOP Director's
    determination that the defendant is not a danger."""
    age_years, cite = cr.threshold("elderly_statutory_age", s.as_of)
    years, _ = cr.threshold("elderly_statutory_years_served", s.as_of)
    determination = s.case.custody.bop_not_danger_determination
    elements = [
        s.age_element(said("relief.at_least_years_old", years=age_years), age_years, cite),
        s.served_months_element(said("relief.served_at_least_years", years=years), years * 12, cite),
        _three_strikes(s),
        _bool_element(said("relief.cr.ii.not_danger"), determination, said("relief.cr.ii.determined"),
                      said("relief.cr.ii.not_determined"), ask("custody.bop_not_danger_determination"), {}),
    ]
    return finding(AVENUE, "3582(c)(1)(A)(ii)", elements, [cite, "USSG §1B1.13(a)(1)(B)"],
                   summaries="relief.cr.ii", summary_args={"age": age_years, "years": years}, authority=AUTHORITY)


def _three_strikes(s: Situation) -> Element:
    """Was a count sentenced under 18 U.S.C. 3559(c)?"""
    counts = [(j, c, count) for j, judgment in enumerate(s.case.judgments) for c, count in enumerate(judgment.counts)]
    under = [any(x.within(_3559C) for x in (*parse_statutes(c.statute), *parse_statutes(c.penalty)))
             for _, _, c in counts]
    # 3559(c)(1) requires life: a count sentenced to a term of years (as first imposed) was not sentenced under it.
    unsettled = [(j, c) for j, c, count in counts if not count.penalty and (count.life or count.months is None)]
    name = said("relief.cr.ii.3559c")
    if any(under):
        return Element(name, True, said("relief.cr.ii.3559c.yes"), authority="usc_18_3559")
    if counts and not unsettled:
        return Element(name, False, said("relief.cr.ii.3559c.no"), authority="usc_18_3559")
    j, c = unsettled[0] if unsettled else (0, 0)
    return Element(name, None, said("relief.cr.ii.3559c.unknown"), ask(f"judgments[{j}].counts[{c}].penalty"),
                   authority="usc_18_3559")


def rehabilitation(s: Situation) -> Finding:
    conduct = s.case.circumstances.conduct or []
    programs = [p for c in conduct for p in (c.programs or [])]
    infractions = [i for c in conduct for i in (c.infractions or [])]
    reasons: list[ReasonLike] = []
    if conduct:
        reasons.append(said("relief.cr.d.record", programs=len(programs), infractions=len(infractions),
                            descriptions="".join(f"; {c.description}" for c in conduct if c.description)))
    return Finding(AVENUE, "§1B1.13(d)", "not_eligible", said("relief.cr.d.summary"), reasons,
                   ["USSG §1B1.13(d)", "28 U.S.C. § 994(t)"], facts_used={"programs": len(programs)})


def defendant_may_move(s: Situation) -> Finding | None:
    regime = cr.regime(s.as_of)
    if regime.value != "bop_motion_only":
        return None
    first_day = (regime.to or s.as_of) + timedelta(days=1)  # the First Step Act let defendants move (law data)
    return Finding(AVENUE, "who may move", "not_eligible", said("relief.cr.bop_only", day=short_date(first_day)),
                   [regime.citation], [regime.citation], eligible_from=first_day)


def combined(s: Situation, exhausted: Finding, grounds: list[Finding]) -> Finding:
    """"Any one or a combination" of the grounds (§1B1.13(b)); rehabilitation alone never suffices (§1B1.13(d))."""
    usable = [g for g in grounds if g.ground != "§1B1.13(d)"]
    best = min(usable, key=lambda g: STATUS_RANK[g.status]) if usable else None
    status: Status = "not_eligible" if best is None or best.status == "not_eligible" else best.status
    eligible_from = exhausted.eligible_from if exhausted.status == "not_eligible" else None
    citations = ["18 U.S.C. § 3582(c)(1)(A)(i)", "USSG §1B1.13(a), (b)"]
    if not explaining():
        return Finding(AVENUE, "extraordinary and compelling reasons", status, "", [], citations,
                       eligible_from=eligible_from)
    reasons: list[ReasonLike] = [
        said("relief.cr.combined.ground", ground=g.ground, name=_ground_name(GROUND_KEYS[g.ground]),
             status=said(f"relief.status_code.{g.status}")) if g.ground in GROUND_KEYS else
        said("relief.cr.combined.ground_unnamed", ground=g.ground, status=said(f"relief.status_code.{g.status}"))
        for g in usable if g.status != "not_eligible"]
    reasons.append(said("relief.cr.combined.3553a"))
    home = s.case.custody.home_confinement
    if home is not None:
        authority = said(f"relief.cr.home.by.{home.authority}") if home.authority else ""
        reasons.append(said("relief.cr.home.since", day=home.since, by=authority) if home.since else
                       said("relief.cr.home", by=authority))
    for ruling in rulings.of_kind(s.case, "motion_denied", avenue=AVENUE):
        reasons.append(said("relief.cr.denied_on", day=ruling.on) if ruling.on else said("relief.cr.denied"))
    if exhausted.status != "eligible":
        reasons.append(said("relief.cr.combined.exhaustion", status=said(f"relief.status_code.{exhausted.status}"),
                            summary=exhausted.summary))
    return Finding(AVENUE, "extraordinary and compelling reasons", status, said(f"relief.cr.combined.{status}"),
                   reasons, citations, eligible_from=eligible_from)


GROUND_NAMES = {paragraph: name for paragraph, name in GROUNDS.values()}
GROUND_KEYS = {paragraph: key for key, (paragraph, _) in GROUNDS.items()}


def _worked_out(_name: str, work: Callable[[], Finding]) -> Finding:
    return work()


def findings(s: Situation, each: Callable[[str, Callable[[], Finding]], Finding] = _worked_out) -> list[Finding]:
    """Exhaustion, each ground and the grounds combined. `each(name, work)` gives each finding but the combined one
    (by default `work()`; a what-if assessment reuses one that read nothing the what-if changes: `report.again`)."""
    early = defendant_may_move(s)
    if early is not None:
        return [early]
    exhausted = each("exhaustion", lambda: exhaustion(s))
    grounds = [each(key, partial(ground_finding, s, key)) for key in GROUND_ORDER]
    grounds.append(each("change in law", lambda: change_in_law(s)))
    grounds.append(each("rehabilitation", lambda: rehabilitation(s)))
    elderly = each("3582(c)(1)(A)(ii)", lambda: statutory_elderly(s))
    whole = combined(s, exhausted, [*grounds, elderly])
    return [whole, exhausted, *grounds, elderly]
