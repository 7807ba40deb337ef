"""Which prior convictions raise a drug sentence: 21 U.S.C. 802(44), (57), (58) and 18 U.S.C. 924(e)(2)(A).

- "Felony drug offense" (802(44)): punishable by more than one year under a law restricting conduct relating to
  narcotic drugs, marihuana, anabolic steroids, or depressant or stimulant substances. Before the First Step Act it
  alone raised 841(b)(1)(A) and (B); it still raises (C), (D) and the lower schedules.
- "Serious drug felony" (802(57)): an offense described in 924(e)(2) (a federal drug offense, or a state
  manufacturing, distribution or intent-to-distribute offense, with a maximum of ten years or more) for which the
  offender served more than 12 months and was released from any term of imprisonment within 15 years of the
  commencement of the instant offense.
- "Serious violent felony" (802(58)): an offense described in 18 U.S.C. 3559(c)(2) (or a felony under 18 U.S.C.
  113 in the special maritime and territorial jurisdiction) for which the offender served more than 12 months.

Each answer is True, False, or None with the facts that would decide it; nothing missing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reprieve.case.model import Prior
from reprieve.dates import PartialDate, add_months
from reprieve.law.penalty_ranges import Trace
from reprieve.law.statutes import parse_statute, parse_statutes
from reprieve.results import Said, said

CITE_FDO = "21 U.S.C. § 802(44)"
CITE_SDF = "21 U.S.C. § 802(57); 18 U.S.C. § 924(e)(2)(A)"
CITE_SVF = "21 U.S.C. § 802(58); 18 U.S.C. § 3559(c)(2)"
Element = tuple[bool | None, Said, list[str]]
_FEDERAL_WORDS = ("federal", "united states", "u.s.", "usa", "u.s.a.")


@dataclass
class Qualifies:
    answer: bool | None
    reasons: list[Said] = field(default_factory=list)  # words, formatted when rendered
    missing: list[str] = field(default_factory=list)
    citation: str = ""

    def as_json(self) -> dict[str, object]:
        return {"answer": self.answer, "reasons": [r.render() for r in self.reasons], "missing": self.missing,
                "citation": self.citation}


def _combine(parts: list[Element], citation: str) -> Qualifies:
    """All elements must be met: any unmet element decides 'no'; otherwise any unknown leaves it open."""
    reasons = [said("pconv.el", status=said("reason.met" if ok else "reason.not_met" if ok is False else
                                            "reason.unknown"), text=text) for ok, text, _ in parts]
    if any(ok is False for ok, _, _ in parts):
        return Qualifies(False, reasons, [], citation)
    missing = [m for ok, _, fields in parts if ok is None for m in fields]
    if missing or any(ok is None for ok, _, _ in parts):
        return Qualifies(None, reasons, sorted(set(missing)), citation)
    return Qualifies(True, reasons, [], citation)


def is_drug_offense(prior: Prior, where: str) -> Element:
    if prior.kind == "drug_felony" or prior.drug_related:
        return True, said("pconv.drug"), []
    if prior.drug_related is False or prior.kind in ("violent_felony", "924c"):
        return False, said("pconv.not_drug"), []
    return None, said("pconv.drug.unknown"), [f"{where}.kind", f"{where}.drug_related"]


def felony_drug_offense(prior: Prior, where: str, on: date, trace: Trace) -> Qualifies:
    """21 U.S.C. 802(44). A prior recorded as a drug felony is taken to be punishable by more than one year unless
    its stated maximum says otherwise."""
    entry = trace.entry("prior_convictions.felony_drug_offense_punishable_more_than_months", on)
    if entry is None:
        return Qualifies(None, [said("pconv.not_covered", day=on)], [], CITE_FDO)
    limit = int(entry.value)
    drug = is_drug_offense(prior, where)
    punish: Element
    if prior.max_months is not None:
        punish = (prior.max_months > limit, said("pconv.punishable", months=prior.max_months, limit=limit), [])
    elif prior.kind == "drug_felony":
        punish = (True, said("pconv.recorded_felony"), [])
    else:
        punish = (None, said("pconv.max.unknown"), [f"{where}.max_months"])
    return _combine([drug, punish], entry.citation)


def _is_federal(prior: Prior) -> bool | None:
    if prior.jurisdiction:
        text = prior.jurisdiction.lower()
        return any(word in text for word in _FEDERAL_WORDS) or text.strip() in ("us", "fed")
    if parse_statutes(prior.statute):
        return parse_statutes(prior.statute)[0].title in ("21", "46")
    return None


def _described_in_924e2(prior: Prior, where: str, on: date, trace: Trace) -> Element:
    """18 U.S.C. 924(e)(2)(A): (i) a federal drug offense, or (ii) a state manufacturing/distribution/intent
    offense, either with a maximum of at least ten years."""
    floor_entry = trace.entry("prior_convictions.serious_drug_offense_max_at_least_months", on)
    listed = trace.entry("prior_convictions.federal_drug_offenses", on)
    if floor_entry is None or listed is None:
        return None, said("pconv.not_covered", day=on), []
    floor = int(floor_entry.value)
    drug, _, drug_missing = is_drug_offense(prior, where)
    if drug is False:
        return False, said("pconv.not_drug_offense"), []
    if prior.max_months is not None and prior.max_months < floor:
        return False, said("pconv.max_below", months=prior.max_months, floor=floor), []
    federal = _is_federal(prior)
    conduct: bool | None
    if federal:
        statutes = parse_statutes(prior.statute)
        federal_list = [parse_statute(s) for s in listed.value]
        if statutes and any(s.within(f) for s in statutes for f in federal_list):
            conduct, text, missing = True, said("pconv.federal_drug"), []
        else:
            conduct, text, missing = None, said("pconv.federal_unlisted"), [f"{where}.statute"]
    elif prior.trafficking is True:
        conduct, text, missing = True, said("pconv.trafficking"), []
    elif prior.trafficking is False:
        return False, said("pconv.not_trafficking"), []
    else:
        conduct, text, missing = None, said("pconv.trafficking.unknown"), [f"{where}.trafficking"]
        if federal is None:
            missing.append(f"{where}.jurisdiction")
    if prior.max_months is None:
        return None, said("pconv.max.unknown_floor", text=text, floor=floor), \
            [*missing, f"{where}.max_months", *drug_missing]
    if conduct is None or drug is None:
        return None, said("pconv.max", text=text, months=prior.max_months), [*missing, *drug_missing]
    return True, said("pconv.max_floor", text=text, months=prior.max_months, floor=floor), []


def _served(prior: Prior, where: str, limit: int) -> Element:
    if prior.served_months is not None:
        return prior.served_months > limit, said("pconv.served", months=prior.served_months, limit=limit), []
    if prior.sentence_months is not None and prior.sentence_months <= limit:
        return False, said("pconv.sentenced_to", months=prior.sentence_months, limit=limit), []
    return None, said("pconv.served.unknown", limit=limit), [f"{where}.served_months"]


def serious_drug_felony(prior: Prior, where: str, commencement: PartialDate | None, commencement_field: str,
                        on: date, trace: Trace) -> Qualifies:
    """21 U.S.C. 802(57): described in 924(e)(2), more than 12 months served, released within 15 years of the
    commencement of the instant offense."""
    served_entry = trace.entry("prior_convictions.serious_felony_served_more_than_months", on)
    years_entry = trace.entry("prior_convictions.serious_drug_felony_release_within_years", on)
    if served_entry is None or years_entry is None:
        return Qualifies(None, [said("pconv.sdf.not_in_force", day=on)], [], CITE_SDF)
    years = int(years_entry.value)
    parts = [_described_in_924e2(prior, where, on, trace), _served(prior, where, int(served_entry.value))]
    parts.append(_released_within(prior, where, commencement, commencement_field, years))
    return _combine(parts, CITE_SDF)


def _released_within(prior: Prior, where: str, commencement: PartialDate | None, commencement_field: str,
                     years: int) -> Element:
    released = prior.released_on
    if released is None or commencement is None:
        missing = ([f"{where}.released_on"] if released is None else []) + \
            ([commencement_field] if commencement is None else [])
        return None, said("pconv.release.unknown", years=years), missing
    # Within `years` of commencement: released on or after the day `years` years before the offense began.
    limit_early = add_months(commencement.earliest, -12 * years)
    limit_late = add_months(commencement.latest, -12 * years)
    text = said("pconv.released", released=released, began=commencement)
    if released.earliest >= limit_late:
        return True, said("pconv.released.within", text=text, years=years), []
    if released.latest < limit_early:
        return False, said("pconv.released.before", text=text, years=years), []
    missing = ([f"{where}.released_on"] if not released.is_exact else []) + \
        ([commencement_field] if not commencement.is_exact else [])
    return None, said("pconv.released.decides", text=text, years=years), missing


def serious_violent_felony(prior: Prior, where: str, on: date, trace: Trace) -> Qualifies:
    """21 U.S.C. 802(58): an offense described in 3559(c)(2) (or a 113 felony), more than 12 months served."""
    served_entry = trace.entry("prior_convictions.serious_felony_served_more_than_months", on)
    if served_entry is None:
        return Qualifies(None, [said("pconv.svf.not_in_force", day=on)], [], CITE_SVF)
    described: Element
    if prior.described_in_3559c2 is not None:
        described = (prior.described_in_3559c2, said("pconv.3559c2" if prior.described_in_3559c2 else
                                                     "pconv.not_3559c2"), [])
    elif prior.kind in ("drug_felony", "misdemeanor"):
        described = (False, said(f"pconv.not_violent.{prior.kind}"), [])
    else:
        described = (None, said("pconv.3559c2.unknown"), [f"{where}.described_in_3559c2"])
    return _combine([described, _served(prior, where, int(served_entry.value))], CITE_SVF)


def serious_felony(prior: Prior, where: str, commencement: PartialDate | None, commencement_field: str, on: date,
                   trace: Trace) -> Qualifies:
    """Either a serious drug felony or a serious violent felony (841(b)(1)(A), (B) after the First Step Act)."""
    drug = serious_drug_felony(prior, where, commencement, commencement_field, on, trace)
    violent = serious_violent_felony(prior, where, on, trace)
    if drug.answer or violent.answer:
        chosen = drug if drug.answer else violent
        return Qualifies(True, chosen.reasons, [], chosen.citation)
    reasons = [said("pconv.as_sdf", reason=r) for r in drug.reasons] + \
        [said("pconv.as_svf", reason=r) for r in violent.reasons]
    citation = f"{CITE_SDF}; {CITE_SVF}"
    if drug.answer is False and violent.answer is False:
        return Qualifies(False, reasons, [], citation)
    missing = sorted(set(drug.missing if drug.answer is None else []) |
                     set(violent.missing if violent.answer is None else []))
    return Qualifies(None, reasons, missing, citation)
