"""The other avenues: the BOP's own criteria for a warden request (PS 5050.50), FSA time credits, elderly home
detention (34 U.S.C. 60541(g)) and commutation (informational).

The BOP's program-statement criteria govern the BOP's decision on a request; a court applies USSG §1B1.13. They are
kept apart on purpose: arguing the BOP criteria in court is a common reason pro se motions fail.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from reprieve.assess.findings import Finding, ReasonLike
from reprieve.assess.questions import ask
from reprieve.assess.relief.compassionate_release import short_date
from reprieve.assess.relief.situation import Element, Situation, finding, remembered
from reprieve.assess.relief.sunset import offered_while_open
from reprieve.law.params import Value, law
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.results import Joined, explaining, quoted, said

BOP = "BOP reduction in sentence (PS 5050.50)"
AUTHORITY_BOP = "ps_5050_50"  # Program Statement 5050.50: the BOP's own criteria
AUTHORITY_ELDERLY = "usc_34_60541"  # 34 U.S.C. 60541(g): elderly offender home detention


def bop_criteria(s: Situation) -> list[Finding]:
    """The BOP's own categories for a reduction in sentence (Program Statement 5050.50), each a finding."""
    data = law()
    entry = data.maybe("bop_reduction_in_sentence.terminal_life_expectancy_months", s.as_of)
    if entry is None:
        return []
    out = [_terminal(s, entry),
           _debilitated(s, data.entry("bop_reduction_in_sentence.debilitated_percent_waking_hours", s.as_of))]
    for name, key in (("new law elderly", "elderly_new_law"), ("elderly with medical conditions",
                                                              "elderly_with_medical_conditions"),
                      ("other elderly", "other_elderly")):
        out.append(_elderly(s, name, key, data.entry(f"bop_reduction_in_sentence.{key}", s.as_of)))
    if explaining():
        for f in out:
            f.reasons.append(said("relief.bop.criteria_note"))
    return out


def _terminal(s: Situation, entry: Value) -> Finding:
    medical = s.case.circumstances.medical
    months = int(entry.value)
    name = said("relief.bop.terminal.element", months=months)
    if medical is None:
        terminal = Element(name, None, said("relief.no_medical_facts"), ask("circumstances.medical"))
    else:
        known = [m.life_expectancy_months for m in medical if m.life_expectancy_months is not None]
        if any(k <= months for k in known):
            terminal = Element(name, True, said("unit.months", n=min(known)))
        elif known or medical == []:
            terminal = Element(name, False, said("unit.months", n=min(known)) if known
                               else said("relief.cr.no_condition"))
        else:
            terminal = Element(name, None, said("relief.bop.no_prognosis"),
                               ask("circumstances.medical[0].life_expectancy_months"))
    return finding(BOP, "terminal medical condition", [terminal], [entry.citation],
                   summaries="relief.bop.terminal", authority=AUTHORITY_BOP)


def _debilitated(s: Situation, entry: Value) -> Finding:
    medical = s.case.circumstances.medical
    what = said("relief.bop.debilitated.element")
    if medical is None:
        confined = Element(what, None, said("relief.no_medical_facts"), ask("circumstances.medical"))
    else:
        flags = [m.confined_to_bed_or_chair for m in medical]
        met = True if any(flags) else (None if any(f is None for f in flags) else False)
        confined = Element(what, met, said("relief.stated" if met else "relief.not_stated" if met is None
                                           else "relief.no"),
                           ask("circumstances.medical[0].confined_to_bed_or_chair") if met is None else None)
    return finding(BOP, "debilitated medical condition", [confined], [entry.citation],
                   summaries="relief.bop.debilitated", authority=AUTHORITY_BOP)


def _elderly(s: Situation, name: str, key: str, rule: Value) -> Finding:
    spec = rule.value
    elements = [s.age_element(said("relief.at_least", n=spec["age"]), int(spec["age"]), rule.citation)]
    if key == "other_elderly":  # the GREATER of 10 years or 75 percent
        elements.extend(_greater_of_years_or_share(s, spec, rule.citation))
    elif spec.get("years_served"):
        elements.append(s.served_months_element(said("relief.years_served", years=spec["years_served"]),
                                                int(spec["years_served"]) * 12, rule.citation))
    if spec.get("percent_served") and key == "elderly_with_medical_conditions":
        elements.append(s.served_share_element(said("relief.percent_served", percent=spec["percent_served"]),
                                               int(spec["percent_served"]), 100, rule.citation))
        chronic = s.case.circumstances.age_related
        elements.append(Element(said("relief.bop.chronic"), None if chronic is None else bool(chronic),
                                said("relief.stated" if chronic else "relief.not_stated"),
                                ask("circumstances.age_related") if chronic is None else None))
    return finding(BOP, name, elements, [rule.citation], summaries="relief.bop.elderly",
                   summary_args={"category": said(f"relief.bop.category.{key}")}, authority=AUTHORITY_BOP)


def _greater_of_years_or_share(s: Situation, spec: dict[str, Any], citation: str) -> list[Element]:
    """"The greater of" N years or P percent of the term served (the numbers are law data)."""
    years, percent = int(spec["years_served"]), int(spec["percent_served"])
    both = [s.served_months_element(said("relief.years_served", years=years), years * 12, citation),
            s.served_share_element(said("relief.percent_served", percent=percent), percent, 100, citation)]
    what = said("relief.bop.greater_of", years=years, percent=percent)
    if all(e.met for e in both):
        return [Element(what, True, said("relief.bop.both_reached"))]
    if any(e.met is False for e in both):
        later = [e.from_date for e in both if e.met is False and e.from_date is not None]
        complete = len(later) == len([e for e in both if e.met is False])
        short = Joined(tuple(said("relief.name_detail", name=e.name, detail=e.detail) for e in both
                             if e.met is False), "; ")
        return [Element(what, False, said("relief.bop.not_yet", which=short),
                        from_date=max(later) if later and complete else None)]
    return [e for e in both if e.met is None]


FSA = "FSA time credits"
ELDERLY = "34 U.S.C. 60541(g)"


def fsa_time_credits(s: Situation) -> Finding:
    fsa = s.computation.fsa
    eligible = fsa.eligible if fsa else None
    reasons: list[ReasonLike] = list(fsa.eligibility_reasons if fsa else [])
    citations = ["18 U.S.C. § 3632(d)(4)", "18 U.S.C. § 3624(g)", "28 C.F.R. §§ 523.40-.44"]
    if eligible is False:
        return Finding(FSA, "3632(d)(4)(D) eligibility", "not_eligible", said("relief.fsa.barred"), reasons,
                       citations)
    missing = [ask(m) for m in s.computation.missing if "counts" in m]
    if eligible is None:
        return Finding(FSA, "3632(d)(4)(D) eligibility", "needs_facts", said("relief.fsa.depends"), reasons,
                       citations, missing=missing)
    risk = fsa.risk_level if fsa else None
    release = fsa.release_date if fsa else None
    if risk is None:
        return Finding(FSA, "3624(g) application", "needs_facts", said("relief.fsa.needs_risk"), reasons,
                       citations, missing=[ask("custody.fsa.risk_levels")])
    if risk in ("medium", "high"):
        return Finding(FSA, "3624(g) application", "not_eligible",
                       said("relief.fsa.risk_too_high", risk=said(f"relief.risk_code.{risk}")), reasons, citations)
    summary = said("relief.fsa.eligible_release", day=release) if release else said("relief.fsa.eligible")
    return Finding(FSA, "3624(g) application", "eligible", summary, reasons, citations,
                   facts_used={"custody.fsa.risk_levels": risk})


def elderly_home_detention(s: Situation) -> Finding:
    data = law()
    avenue = ELDERLY
    program = data.entry("elderly_home_detention.program", s.as_of)
    if program.value in ("none", "expired"):  # the same for everyone on the date: worked out once
        return remembered(("elderly home detention closed", s.as_of), lambda: _no_program(program))
    pilot = program.value == "pilot"
    age_entry = data.entry(f"elderly_home_detention.{'pilot_' if pilot else ''}minimum_age", s.as_of)
    share_entry = data.entry(f"elderly_home_detention.{'pilot_' if pilot else ''}share_served", s.as_of)
    elements = [s.age_element(said("relief.at_least_years_old", years=age_entry.value), int(age_entry.value),
                              age_entry.citation), *_elderly_served(s, share_entry)]
    term = s.term
    if term is not None:
        elements.append(Element(said("relief.elderly.not_life"), not term.life, term.said()))
    excluded = [parse_statute(x) for x in data.value("elderly_home_detention.excluded_offenses", s.as_of)]
    statutes = [st for j in s.case.judgments for c in j.counts for st in
                (*parse_statutes(c.statute), *parse_statutes(c.penalty))]
    if any(st.within(x) for st in statutes for x in excluded):
        elements.append(Element(said("relief.elderly.excluded"), False, said("relief.elderly.excluded.yes")))
    else:
        elements.append(Element(said("relief.elderly.bop_decides"), None, said("relief.elderly.bop_decides.detail"),
                                ask("priors")))
    result = finding(avenue, "eligible elderly offender", elements, [program.citation, age_entry.citation],
                     summaries="relief.elderly", authority=AUTHORITY_ELDERLY)
    return offered_while_open(result, "elderly_home_detention.program", lambda value: value in ("pilot", "fsa"),
                              s.as_of, said("relief.elderly.the_program"), said("relief.elderly.reauthorization"))


def _no_program(program: Value) -> Finding:
    """Elderly home detention when no program is authorized (`program`: the law data's value on the date)."""
    ended = short_date(program.from_ - timedelta(days=1))  # the last day of the program before
    summary = said("relief.elderly.expired", day=ended) if program.value == "expired" else said("relief.elderly.none")
    # the note as the law data words it, in the reader's language where the catalog has it (ehd.note.*)
    note = quoted("ehd.note.", program.reader_note) if program.reader_note else program.citation
    return Finding(ELDERLY, "program authority", "not_eligible", summary, [note], [program.citation])


def _elderly_served(s: Situation, share_entry: Value) -> list[Element]:
    """The share of the term served (and, where the law data says "the greater of", the years too)."""
    share = share_entry.value
    served = s.served_share_element(said("relief.served_fraction", numerator=share["numerator"],
                                         denominator=share["denominator"]),
                                    int(share["numerator"]), int(share["denominator"]), share_entry.citation)
    if share.get("rule") == "greater" and share.get("or_years"):
        years = s.served_months_element(said("relief.served_years", years=share["or_years"]),
                                        int(share["or_years"]) * 12, share_entry.citation)
        return [years, served]
    return [served]


def commutation(s: Situation) -> Finding:
    """Executive clemency: the factors the law data lists on the date (the same for everyone: worked out once)."""
    on = s.as_of
    return remembered(("commutation", on), lambda: _commutation(on))


def _commutation(on: date) -> Finding:
    factors = law().entry("clemency.commutation_factors", on)
    # the factors and the note as the law data words them, in the reader's language where the catalog has them
    listed = Joined(tuple(quoted("clemency.factor.", str(factor)) for factor in factors.value), ", ")
    reasons: list[ReasonLike] = [said("relief.clemency.factors", factors=listed)]
    if factors.reader_note:
        reasons.append(quoted("clemency.note", factors.reader_note))
    return Finding("commutation", "executive clemency", "needs_review", said("relief.clemency.summary"), reasons,
                   ["U.S. Const. art. II, § 2", factors.citation, "28 C.F.R. §§ 1.1-1.11"])
