"""Statutory ranges of the firearm offenses: 18 U.S.C. 924(c), 922(g) and the Armed Career Criminal Act, 924(e)
(law.md D4).

924(c): a minimum by conduct (possessed, used or carried; brandished; discharged) and by weapon (short-barreled
rifle or shotgun or semiautomatic assault weapon; machinegun, destructive device or silencer), the higher of the
two; a second or subsequent violation carries 25 years (life with a machinegun-class weapon). Before the First Step
Act any second conviction, even in the same indictment, was "second or subsequent" (Deal); after it, only a
violation committed after an earlier 924(c) conviction became final (section 403). Every 924(c) term runs
consecutively to every other term.
922(g): at most 10 years before 2022-06-25 (924(a)(2)), 15 after (924(a)(8)); with three qualifying predicates,
the ACCA's 15-year minimum (924(e)).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reprieve.case.model import Count, Judgment
from reprieve.law.penalty_ranges import Range, Trace, parsed, term_key
from reprieve.law.penalty_schemas import Acca, First924c, SimpleRange, Subsequent924c, parse_term
from reprieve.law.sentence_aggregation import Term
from reprieve.law.statutes import Statute, parse_statutes
from reprieve.law.which_penalty_law import LawDates

Conduct = Literal["possess", "brandish", "discharge"]
Trigger = Literal["second_conviction", "prior_conviction_final"]
CONDUCTS: tuple[Conduct, ...] = ("possess", "brandish", "discharge")
# Which weapons 924(c)(1)(B)(i) and (ii) name (the structure of the statute; the terms are in the YAML).
WEAPON_CLASSES: dict[str, tuple[str, ...]] = {
    "B_i": ("short_barreled_rifle", "short_barreled_shotgun", "semiautomatic_assault_weapon"),
    "B_ii": ("machinegun", "destructive_device", "silencer"),
}
_924C = Statute("18", "924", ("c",))
_922G = Statute("18", "922", ("g",))
_924E = Statute("18", "924", ("e",))
_CITED: dict[tuple[str, ...], tuple[Conduct | None, str | None, bool]] = {
    ("c", "1", "A", "i"): ("possess", "firearm", False),
    ("c", "1", "A", "ii"): ("brandish", "firearm", False),
    ("c", "1", "A", "iii"): ("discharge", "firearm", False),
    ("c", "1", "B", "i"): (None, "B_i", False),
    ("c", "1", "B", "ii"): (None, "B_ii", False),
    ("c", "1", "C", "i"): (None, None, True),
    ("c", "1", "C", "ii"): (None, "B_ii", True),
}


def is_924c(count: Count) -> bool:
    """A count of conviction under 18 U.S.C. 924(c), by its statute or its penalty provision."""
    return any(s.within(_924C) for s in (*parse_statutes(count.statute), *parse_statutes(count.penalty)))


def is_922g(count: Count) -> bool:
    statutes = (*parse_statutes(count.statute), *parse_statutes(count.penalty))
    return any(s.within(_922G) for s in statutes) or any(s.within(_924E) for s in statutes)


@dataclass(frozen=True)
class Read924c:
    """What the count says about itself: conduct, weapon class ('firearm', 'B_i', 'B_ii') and whether the judgment
    cites the second-or-subsequent paragraph (C)."""

    conduct: Conduct | None
    weapon: str | None
    cited_subsequent: bool
    source: str
    kind: str | None = None  # the count's own firearm_type, where it states one (its class is `weapon`)


def read_924c(count: Count) -> Read924c:
    conduct: Conduct | None = count.firearm_conduct
    weapon: str | None = None
    if count.firearm_type is not None:
        weapon = next((name for name, kinds in WEAPON_CLASSES.items() if count.firearm_type in kinds), "firearm")
    cited_subsequent = False
    sources = []
    for statute in parse_statutes(count.penalty) or parse_statutes(count.statute):
        for prefix, (c, w, subsequent) in _CITED.items():
            if statute.title == "18" and statute.section == "924" and statute.subsections[: len(prefix)] == prefix:
                conduct = conduct or c
                weapon = weapon or w
                cited_subsequent = cited_subsequent or subsequent
                sources.append(str(statute))
    return Read924c(conduct, weapon, cited_subsequent, ", ".join(sources), count.firearm_type)


def first_violation(conduct: Conduct, weapon: str, dates: LawDates, trace: Trace,
                    kind: str | None = None) -> Range | None:
    """The minimum for a first 924(c) violation: the higher of the conduct's and the weapon's (924(c)(1)(A), (B)).
    A stated `kind` the table of that date does not name carries no weapon term: the semiautomatic-assault-weapon
    term of 924(c)(1)(B)(i) was repealed in 2004 though the Code still prints it (see the law data)."""
    name = "firearm_penalties.section_924c_first"
    entry = trace.entry(name, dates.on(name))
    if entry is None:
        return None
    rule = parsed(First924c, entry)
    rows = {row.kind: row for row in rule.rows}
    if conduct not in rows:
        return None
    candidates = [(parse_term(rows[conduct].minimum), rows[conduct].citation)]
    if kind is not None and weapon != "firearm":
        if kind in rows:
            candidates.append((parse_term(rows[kind].minimum), rows[kind].citation))
    elif weapon != "firearm":
        kinds = [rows[k] for k in WEAPON_CLASSES[weapon] if k in rows]
        if not kinds:
            return None
        lowest = min(kinds, key=lambda r: term_key(parse_term(r.minimum)))
        candidates.append((parse_term(lowest.minimum), lowest.citation))
    minimum, citation = max(candidates, key=lambda item: term_key(item[0]))
    maximum = Term(life=True) if rule.maximum == "life" else minimum
    return Range(minimum, maximum, citation)


def subsequent_violation(weapon: str, dates: LawDates, trace: Trace) -> Range | None:
    """The minimum for a second or subsequent 924(c) violation (924(c)(1)(C))."""
    name = "firearm_penalties.section_924c_subsequent_minimum"
    entry = trace.entry(name, dates.on(name))
    if entry is None:
        return None
    rule = parsed(Subsequent924c, entry)
    minimum = parse_term(rule.machinegun_class if weapon == "B_ii" else rule.ordinary)
    first = trace.entry("firearm_penalties.section_924c_first", dates.on("firearm_penalties.section_924c_first"))
    fixed = first is not None and parsed(First924c, first).maximum == "same_as_minimum"
    citation = rule.machinegun_class_citation if weapon == "B_ii" else rule.citation
    return Range(minimum, minimum if fixed else Term(life=True), citation)


def subsequent_trigger(dates: LawDates, trace: Trace) -> tuple[Trigger, str] | None:
    name = "firearm_penalties.section_924c_subsequent_trigger"
    entry = trace.entry(name, dates.on(name))
    if entry is None:
        return None
    rule: Trigger = entry.value
    return rule, entry.citation


def acca_applies(count: Count, judgment: Judgment) -> bool | None:
    """The ACCA applied if the judgment cites 924(e) or lists it as an enhancement; unknown if the judgment's
    enhancements are not stated."""
    if any(s.within(_924E) for s in (*parse_statutes(count.penalty), *parse_statutes(count.statute))):
        return True
    if judgment.enhancements is None:
        return None
    return any(e.kind == "acca" for e in judgment.enhancements)


def felon_in_possession(acca: bool, dates: LawDates, trace: Trace) -> Range | None:
    if acca:
        entry = trace.entry("firearm_penalties.acca", dates.on("firearm_penalties.acca"))
        if entry is None:
            return None
        rule = parsed(Acca, entry)
        return Range(parse_term(rule.minimum), parse_term(rule.maximum),
                     f"18 U.S.C. § 924(e)(1) ({rule.predicates} qualifying predicates)")
    entry = trace.entry("firearm_penalties.section_922g_maximum",
                        dates.on("firearm_penalties.section_922g_maximum"))
    if entry is None:
        return None
    plain = parsed(SimpleRange, entry)
    return Range(parse_term(plain.min), parse_term(plain.max), plain.citation)
