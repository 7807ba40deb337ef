"""The other avenues: the BOP's own criteria for a warden request (PS 5050.50), FSA time credits, elderly home
detention (34 U.S.C. 60541(g)) and commutation (informational).

The BOP's program-statement criteria govern the BOP's decision on a request; a court applies USSG §1B1.13. They are
kept apart on purpose: arguing the BOP criteria in court is a common reason pro se motions fail.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from reprieve.assess.findings import Finding, Reason
from reprieve.assess.questions import ask
from reprieve.assess.relief.situation import Element, Situation, finding
from reprieve.assess.relief.sunset import offered_while_open
from reprieve.law.params import Value, law
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.words import words

BOP = "BOP reduction in sentence (PS 5050.50)"


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
    for f in out:
        f.reasons.append("These are the BOP's criteria for deciding a request; a court applies USSG §1B1.13.")
    return out


def _terminal(s: Situation, entry: Value) -> Finding:
    medical = s.case.circumstances.medical
    months = int(entry.value)
    if medical is None:
        terminal = Element(f"life expectancy of {months} months or less", None, "no medical facts stated",
                           ask("circumstances.medical"))
    else:
        known = [m.life_expectancy_months for m in medical if m.life_expectancy_months is not None]
        if any(k <= months for k in known):
            terminal = Element(f"life expectancy of {months} months or less", True, f"{min(known)} months")
        elif known or medical == []:
            terminal = Element(f"life expectancy of {months} months or less", False,
                               f"{min(known)} months" if known else "no medical condition is listed")
        else:
            terminal = Element(f"life expectancy of {months} months or less", None, "no prognosis stated",
                               ask("circumstances.medical[0].life_expectancy_months"))
    return finding(BOP, "terminal medical condition", [terminal], [entry.citation],
                   summary_ok="Meets the BOP's terminal-condition category.",
                   summary_no="Does not meet the BOP's terminal-condition category.",
                   summary_facts="The BOP's terminal-condition category turns on the prognosis.")


def _debilitated(s: Situation, entry: Value) -> Finding:
    medical = s.case.circumstances.medical
    what = "completely disabled or confined to a bed or chair more than half of waking hours"
    if medical is None:
        confined = Element(what, None, "no medical facts stated", ask("circumstances.medical"))
    else:
        flags = [m.confined_to_bed_or_chair for m in medical]
        met = True if any(flags) else (None if any(f is None for f in flags) else False)
        confined = Element(what, met, "stated" if met else "not stated" if met is None else "no",
                           ask("circumstances.medical[0].confined_to_bed_or_chair") if met is None else None)
    return finding(BOP, "debilitated medical condition", [confined], [entry.citation],
                   summary_ok="Meets the BOP's debilitated-condition category.",
                   summary_no="Does not meet the BOP's debilitated-condition category.",
                   summary_facts="The BOP's debilitated-condition category turns on facts not yet stated.")


def _elderly(s: Situation, name: str, key: str, rule: Value) -> Finding:
    spec = rule.value
    elements = [s.age_element(f"at least {spec['age']}", int(spec["age"]), rule.citation)]
    if key == "other_elderly":  # the GREATER of 10 years or 75 percent
        elements.extend(_greater_of_years_or_share(s, spec, rule.citation))
    elif spec.get("years_served"):
        elements.append(s.served_months_element(f"{spec['years_served']} years served",
                                                int(spec["years_served"]) * 12, rule.citation))
    if spec.get("percent_served") and key == "elderly_with_medical_conditions":
        elements.append(s.served_share_element(f"{spec['percent_served']}% served", int(spec["percent_served"]),
                                               100, rule.citation))
        chronic = s.case.circumstances.age_related
        elements.append(Element("chronic or serious medical conditions related to aging",
                                None if chronic is None else bool(chronic), "stated" if chronic else "not stated",
                                ask("circumstances.age_related") if chronic is None else None))
    return finding(BOP, name, elements, [rule.citation],
                   summary_ok=f"Meets the BOP's '{name}' category.",
                   summary_no=f"Does not meet the BOP's '{name}' category.",
                   summary_facts=f"The BOP's '{name}' category depends on facts not yet stated.")


def _greater_of_years_or_share(s: Situation, spec: dict[str, Any], citation: str) -> list[Element]:
    """"The greater of" N years or P percent of the term served (the numbers are law data)."""
    years, percent = int(spec["years_served"]), int(spec["percent_served"])
    both = [s.served_months_element(f"{years} years served", years * 12, citation),
            s.served_share_element(f"{percent}% served", percent, 100, citation)]
    what = f"served the greater of {years} years or {percent}% of the term"
    if all(e.met for e in both):
        return [Element(what, True, "both reached")]
    if any(e.met is False for e in both):
        later = [e.from_date for e in both if e.met is False and e.from_date is not None]
        complete = len(later) == len([e for e in both if e.met is False])
        return [Element(what, False, "not yet (" + "; ".join(f"{e.name}: {e.detail}" for e in both
                                                              if e.met is False) + ")",
                        from_date=max(later) if later and complete else None)]
    return [e for e in both if e.met is None]


def fsa_time_credits(s: Situation) -> Finding:
    fsa = s.computation.fsa
    eligible = fsa.eligible if fsa else None
    reasons: list[str | Reason] = list(fsa.eligibility_reasons if fsa else [])
    citations = ["18 U.S.C. § 3632(d)(4)", "18 U.S.C. § 3624(g)", "28 C.F.R. §§ 523.40-.44"]
    if eligible is False:
        return Finding("FSA time credits", "3632(d)(4)(D) eligibility", "not_eligible",
                       "The offenses of conviction bar earning FSA time credits.", reasons, citations)
    missing = [ask(m) for m in s.computation.missing if "counts" in m]
    if eligible is None:
        return Finding("FSA time credits", "3632(d)(4)(D) eligibility", "needs_facts",
                       "Whether the offenses allow FSA time credits depends on facts not yet stated.", reasons,
                       citations, missing=missing)
    risk = fsa.risk_level if fsa else None
    release = fsa.release_date if fsa else None
    if risk is None:
        return Finding("FSA time credits", "3624(g) application", "needs_facts",
                       "Eligible to earn credits; applying them needs a minimum or low recidivism risk (PATTERN).",
                       reasons, citations, missing=[ask("custody.fsa.risk_levels")])
    if risk in ("medium", "high"):
        return Finding("FSA time credits", "3624(g) application", "not_eligible",
                       f"Eligible to earn credits, but at {risk} risk they cannot be applied until the risk is "
                       "minimum or low (or the warden approves a petition for prerelease custody).", reasons,
                       citations)
    summary = "Eligible to earn and apply FSA time credits" + (
        f"; projected FSA release {release}." if release else ".")
    return Finding("FSA time credits", "3624(g) application", "eligible", summary, reasons, citations,
                   facts_used={"custody.fsa.risk_levels": risk})


def elderly_home_detention(s: Situation) -> Finding:
    data = law()
    avenue = "34 U.S.C. 60541(g)"
    program = data.entry("elderly_home_detention.program", s.as_of)
    if program.value in ("none", "expired"):
        ended = words().short_date(program.from_ - timedelta(days=1))  # the last day of the program before
        summary = (f"The elderly offender home detention program expired on {ended} and has not been "
                   "reauthorized (as of reprieve's sources)." if program.value == "expired" else
                   "No elderly offender home detention program was authorized on this date.")
        return Finding(avenue, "program authority", "not_eligible", summary, [program.reader_note or program.citation],
                       [program.citation])
    pilot = program.value == "pilot"
    age_entry = data.entry(f"elderly_home_detention.{'pilot_' if pilot else ''}minimum_age", s.as_of)
    share_entry = data.entry(f"elderly_home_detention.{'pilot_' if pilot else ''}share_served", s.as_of)
    share = share_entry.value
    elements = [s.age_element(f"at least {age_entry.value} years old", int(age_entry.value), age_entry.citation)]
    served = s.served_share_element(f"served {share['numerator']}/{share['denominator']} of the term",
                                    int(share["numerator"]), int(share["denominator"]), share_entry.citation)
    if share.get("rule") == "greater" and share.get("or_years"):
        years = s.served_months_element(f"served {share['or_years']} years", int(share["or_years"]) * 12,
                                        share_entry.citation)
        elements.append(years)
    elements.append(served)
    term = s.term
    if term is not None:
        elements.append(Element("not serving a life sentence", not term.life, "life" if term.life else str(term)))
    excluded = [parse_statute(x) for x in data.value("elderly_home_detention.excluded_offenses", s.as_of)]
    statutes = [st for j in s.case.judgments for c in j.counts for st in
                (*parse_statutes(c.statute), *parse_statutes(c.penalty))]
    if any(st.within(x) for st in statutes for x in excluded):
        elements.append(Element("no conviction for a crime of violence, sex offense, terrorism or espionage", False,
                                "an offense of conviction is excluded"))
    else:
        elements.append(Element("no conviction (now or in the past) for a crime of violence, sex offense, terrorism "
                                "or espionage; no escape; the BOP finds net cost savings and no substantial risk",
                                None, "the BOP decides these", ask("priors")))
    result = finding(avenue, "eligible elderly offender", elements, [program.citation, age_entry.citation],
                     summary_ok="Eligible for elderly offender home detention.",
                     summary_no="Not eligible for elderly offender home detention.",
                     summary_facts="Elderly offender home detention depends on facts not yet stated.")
    return offered_while_open(result, "elderly_home_detention.program", lambda value: value in ("pilot", "fsa"),
                              s.as_of, "The program", "reauthorization by Congress (a new law extending 34 U.S.C. "
                              "60541(g))")


def commutation(s: Situation) -> Finding:
    data = law()
    factors = data.entry("clemency.commutation_factors", s.as_of)
    reasons: list[str | Reason] = [f"the Office of the Pardon Attorney weighs: {', '.join(factors.value)}"]
    if factors.reader_note:
        reasons.append(factors.reader_note)
    return Finding("commutation", "executive clemency", "needs_review",
                   "The President may commute a federal sentence at any time; it is an extraordinary remedy, "
                   "usually sought when court remedies are exhausted.", reasons,
                   ["U.S. Const. art. II, § 2", factors.citation, "28 C.F.R. §§ 1.1-1.11"])
