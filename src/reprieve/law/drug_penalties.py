"""Statutory ranges of the drug offenses: 21 U.S.C. 841(b), 844(a), 846, 960(b), 963 (law.md D1-D2).

The quantity of the drug that the jury found (or the plea admitted) sets the subsection: (A) and (B) by the
thresholds of 841(b)(1)(A)/(B) (960(b)(1)/(2)); below them (C) for Schedule I and II substances, or (D) for small
amounts of marijuana, hashish and hashish oil. The number of qualifying prior convictions charged under 21 U.S.C.
851 then picks the tier: "felony drug offense" before the First Step Act, "serious drug felony or serious violent
felony" after it for (A) and (B). Attempt and conspiracy (846, 963) carry the object offense's penalties.
Every threshold and term is in drug_penalties.yaml; this module only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from reprieve.case.model import Count
from reprieve.case.types import Quantity
from reprieve.law.guidelines.converted_drug_weight import weight
from reprieve.law.params import Value, law, read_path
from reprieve.law.penalty_ranges import Range, Trace, parsed
from reprieve.law.penalty_schemas import (
    CrackPossession,
    LowerLines,
    PenaltyTable,
    SamePenalties,
    SubsectionPenalty,
    ThresholdRow,
    Thresholds,
    parse_term,
)
from reprieve.law.statutes import Statute, parse_statute, parse_statutes
from reprieve.law.which_penalty_law import LawDates

Family = Literal["841", "960", "844"]
Level = Literal["A", "B", "C", "D", "E", "IV", "V", "possession"]
CRACK = "cocaine_base"

# The structure of the penalty provisions (which paragraph is which); the amounts are in the YAML.
_PROVISIONS: dict[str, dict[str, str]] = {
    "841": {"A": "21 U.S.C. 841(b)(1)(A)", "B": "21 U.S.C. 841(b)(1)(B)", "C": "21 U.S.C. 841(b)(1)(C)",
            "D": "21 U.S.C. 841(b)(1)(D)", "E": "21 U.S.C. 841(b)(1)(E)", "IV": "21 U.S.C. 841(b)(2)",
            "V": "21 U.S.C. 841(b)(3)"},
    "960": {"A": "21 U.S.C. 960(b)(1)", "B": "21 U.S.C. 960(b)(2)", "C": "21 U.S.C. 960(b)(3)",
            "D": "21 U.S.C. 960(b)(4)", "E": "21 U.S.C. 960(b)(5)", "IV": "21 U.S.C. 960(b)(6)",
            "V": "21 U.S.C. 960(b)(7)"},
    "844": {"possession": "21 U.S.C. 844(a)"},
}
_TABLE_OF_LEVEL = {"A": "trafficking_penalties", "B": "trafficking_penalties", "C": "trafficking_penalties",
                   "D": "trafficking_penalties", "E": "lower_schedule_penalties", "IV": "lower_schedule_penalties",
                   "V": "lower_schedule_penalties", "possession": "simple_possession"}
_841_PARAGRAPHS: dict[tuple[str, ...], Level] = {
    ("b", "1", "A"): "A", ("b", "1", "B"): "B", ("b", "1", "C"): "C", ("b", "1", "D"): "D",
    ("b", "1", "E"): "E", ("b", "2"): "IV", ("b", "3"): "V"}
_960_PARAGRAPHS: dict[tuple[str, ...], Level] = {
    ("b", "1"): "A", ("b", "2"): "B", ("b", "3"): "C", ("b", "4"): "D", ("b", "5"): "E", ("b", "6"): "IV",
    ("b", "7"): "V"}
QUANTITY_LEVELS: tuple[Level, ...] = ("A", "B", "C", "D")
_TABLE_OF_KEY = {key: _TABLE_OF_LEVEL[level] for family in _PROVISIONS.values() for level, key in family.items()}


@dataclass(frozen=True)
class DrugCount:
    """How the count reads: its family of penalty provisions and the paragraph the judgment states, if any."""

    family: Family | None
    stated: Level | None
    stated_clause: str | None
    citation_text: str


def substances(count: Count) -> list[tuple[str | None, Quantity | None]]:
    """Each substance of the count with its quantity: `drugs` (several) and `drug`/`quantity` (one)."""
    out: list[tuple[str | None, Quantity | None]] = [(d.drug, d.quantity) for d in count.drugs or []]
    if count.drug is not None and all(d != count.drug for d, _ in out):
        out.insert(0, (count.drug, count.quantity))
    return out or [(None, count.quantity)]


_RANK: dict[str, int] = {"A": 0, "B": 1, "C": 2, "D": 3, "E": 4, "IV": 5, "V": 6, "possession": 7}


def principal_substance(count: Count, family: Family, dates: LawDates,
                        trace: Trace) -> tuple[str | None, Quantity | None]:
    """The substance that sets a multi-substance count's range: the one whose quantity reaches the highest
    paragraph (quantities of different substances are not added for the statutory thresholds)."""
    found = substances(count)
    if len(found) == 1:
        return found[0]

    def rank(item: tuple[str | None, Quantity | None]) -> int:
        drug, quantity = item
        if drug is None or quantity is None:
            return 99
        level = classify(drug, quantity, family, dates, trace)
        return _RANK.get(level, 99) if level else 99

    return min(found, key=rank)


def provision(family: Family, level: Level) -> str:
    return _PROVISIONS[family][level]


def _statutes(count: Count) -> tuple[tuple[Statute, ...], tuple[Statute, ...]]:
    return parse_statutes(count.statute), parse_statutes(count.penalty)


_SAME: dict[int, tuple[Value, dict[tuple[str, str], tuple[str, str]]]] = {}


def _same_penalties(entry: Value) -> dict[tuple[str, str], tuple[str, str]]:
    """(title, section) of an offense -> that of the provision whose penalties it carries; once per law value."""
    hit = _SAME.get(id(entry))
    if hit is None or hit[0] is not entry:
        mapped = {(s.title, s.section): (t.title, t.section) for row in parsed(SamePenalties, entry).root
                  for s, t in [(parse_statute(row.statute), parse_statute(row.penalties_of))]}
        hit = _SAME[id(entry)] = (entry, mapped)
    return hit[1]


def read_count(count: Count, dates: LawDates, trace: Trace) -> DrugCount | None:
    """The drug family of the count (841, 960 or 844), or None if it is not a drug count reprieve covers."""
    offense, penalty = _statutes(count)
    entry = trace.entry("drug_penalties.same_penalty_statutes", dates.on("drug_penalties.same_penalty_statutes"))
    mapped = _same_penalties(entry) if entry else {}

    def family_of(statute: Statute) -> Family | None:
        key = mapped.get((statute.title, statute.section), (statute.title, statute.section))
        if key[0] == "21" and key[1] in ("841", "960", "844"):
            return key[1]  # type: ignore[return-value]
        return None

    for statute in penalty:
        fam = family_of(statute)
        if fam is None:
            continue
        level: Level | None = None
        clause = None
        if statute.section == "844" or fam == "844":
            level = "possession"
        else:
            table = _841_PARAGRAPHS if statute.section == "841" else _960_PARAGRAPHS if statute.section == "960" \
                else {}
            for prefix, name in table.items():
                if statute.subsections[: len(prefix)] == prefix:
                    level = name
                    rest = statute.subsections[len(prefix):]
                    clause = f"({rest[0]})" if rest else None
        return DrugCount(fam, level, clause, count.penalty or "")
    for statute in offense:
        fam = family_of(statute)
        if fam is not None:
            return DrugCount(fam, "possession" if fam == "844" else None, None, count.statute or "")
    return None


def threshold_row(drug: str, dates: LawDates, trace: Trace) -> ThresholdRow | None:
    if drug == CRACK:
        entry = trace.entry("drug_penalties.crack_thresholds", dates.on("drug_penalties.crack_thresholds"))
        return parsed(ThresholdRow, entry) if entry else None
    entry = trace.entry("drug_penalties.thresholds", dates.on("drug_penalties.thresholds"))
    if entry is None:
        return None
    rows = parsed(Thresholds, entry).root
    return next((row for row in rows if row.drug == drug), None)


def covered(dates: LawDates, trace: Trace) -> bool:
    """Whether reprieve's data covers an offense on this date at all."""
    return trace.entry("drug_penalties.thresholds", dates.on("drug_penalties.thresholds")) is not None


def _reaches(quantity: Quantity, thresholds: list[str]) -> bool | None:
    """At least one threshold in the quantity's unit is reached (None: none is in that unit)."""
    same_unit = [Quantity.parse(t) for t in thresholds if Quantity.parse(t).unit == quantity.unit]
    if not same_unit:
        return None
    return any(quantity.amount >= t.amount for t in same_unit)


def classify(drug: str, quantity: Quantity, family: Family, dates: LawDates, trace: Trace) -> Level | None:
    """841(b)(1)(A), (B), (C) or (D) for this drug and quantity (None: the data cannot say, e.g. a count of doses
    against thresholds in grams, or a drug with no listed thresholds)."""
    row = threshold_row(drug, dates, trace)
    if row is not None:
        high = row.a_960 if family == "960" and row.a_960 else row.a
        middle = row.b_960 if family == "960" and row.b_960 else row.b
        reaches_a = _reaches(quantity, high)
        if reaches_a:
            return "A"
        reaches_b = _reaches(quantity, middle)
        if reaches_b:
            return "B"
        if reaches_a is None or reaches_b is None:
            return None
    lower = _lower_line(drug, family, dates, trace)
    if lower is not None:
        below = _reaches(quantity, lower)
        if below is None or (below and row is None):
            return None  # at or above the (D) line with no (A)/(B) thresholds of its own: the data cannot say
        return "C" if below else "D"
    return "C" if row is not None else None


def _lower_line(drug: str, family: Family, dates: LawDates, trace: Trace) -> list[str] | None:
    entry = trace.entry("drug_penalties.lower_lines", dates.on("drug_penalties.lower_lines"))
    if entry is None:
        return None
    for line in parsed(LowerLines, entry).root:
        if line.drug == drug:
            return line.below_960 if family == "960" and line.below_960 else line.below
    return None


def quantity_cuts(drug: str, family: Family, dates_list: list[LawDates], trace: Trace) -> list[Quantity]:
    """Representative quantities, one per band between all thresholds in force on any of the dates (by weight),
    so that an unknown quantity can be answered band by band."""
    cuts: set[Decimal] = {Decimal(0)}
    for dates in dates_list:
        row = threshold_row(drug, dates, trace)
        lists: list[list[str]] = []
        if row is not None:
            lists += [row.a, row.b, row.a_960 or [], row.b_960 or []]
        lower = _lower_line(drug, family, dates, trace)
        if lower:
            lists.append(lower)
        for items in lists:
            for text in items:
                q = Quantity.parse(text)
                if q.is_mass:
                    cuts.add(q.amount)
    return [Quantity(amount, "g", weight(amount)) for amount in sorted(cuts)]



def has_thresholds(drug: str | None, dates: LawDates, trace: Trace) -> bool:
    return drug is not None and threshold_row(drug, dates, trace) is not None


@dataclass(frozen=True)
class Provision:
    """A penalty provision as its table gives it, and the rows it was read from (a row that is 'same_as' another:
    both). A rule records in the law's read trace only the fields it uses (`uses`), so a what-if that changes other
    fields or other rows of the table does not reach its result (`LawChange.reach`)."""

    penalty: SubsectionPenalty
    rows: tuple[tuple[str, str], ...]  # (table parameter, row)

    def uses(self, *path: str | int) -> None:
        law().note(read_path(table, row, *path) for table, row in self.rows)


def subsection(key: str, dates: LawDates, trace: Trace) -> Provision | None:
    """The penalty provision `key` in force (following 'sentenced under' references) and where it was read. The
    citation is words of the explanation (the figures never turn on it): it is not recorded as read."""
    table_name = _TABLE_OF_KEY.get(key)
    if table_name is None:
        return None
    name = f"drug_penalties.{table_name}"
    entry = trace.entry(name, dates.on(name), record=False)
    if entry is None:
        law().note((name,))  # no table in force: any table a what-if puts there reaches the result
        return None
    table = parsed(PenaltyTable, entry).root
    if key not in table:
        law().note((read_path(name, key),))
        return None
    found = table[key]
    law().note((read_path(name, key, "same_as"),))
    if found.same_as:
        target = subsection(found.same_as, dates, trace)
        if target is None:
            return None
        return Provision(target.penalty.model_copy(update={"citation": f"{found.citation}; {target.penalty.citation}"}),
                         ((name, key), *target.rows))
    return Provision(found, ((name, key),))


def penalty_range(key: str, priors: int, death_or_injury: bool, dates: LawDates, trace: Trace) -> Range | None:
    """The range of provision `key` with `priors` qualifying prior convictions (851) and, if death or serious
    bodily injury resulted, its death-or-injury terms. None when reprieve's data does not cover the date."""
    found = subsection(key, dates, trace)
    if found is None:
        return None
    sub = found.penalty
    if death_or_injury:
        found.uses("death_or_serious_bodily_injury")
    injury = bool(death_or_injury and sub.death_or_serious_bodily_injury)
    which = "death_or_serious_bodily_injury" if injury else "tiers"
    tiers = sub.death_or_serious_bodily_injury if injury else sub.tiers
    if not tiers:
        found.uses(which)
        return None
    at = [i for i, t in enumerate(tiers) if t.priors <= priors][-1]
    for i in range(len(tiers)):  # which tier applies turns on every tier's number of priors (a list's length too)
        found.uses(which, i, "priors")
    found.uses(which, at)
    tier = tiers[at]
    extra = " (death or serious bodily injury resulted)" if injury else ""
    with_priors = f" with {tier.priors}{'+' if tier is tiers[-1] and tier.priors else ''} qualifying prior " \
        f"conviction{'s' if tier.priors != 1 else ''}" if tier.priors else ""
    return Range(parse_term(tier.min), parse_term(tier.max), f"{sub.citation}{with_priors}{extra}",
                 parse_term(tier.supervised_release_min) if tier.supervised_release_min else None)


def prior_kind(key: str, dates: LawDates, trace: Trace) -> str | None:
    found = subsection(key, dates, trace)
    if found is None:
        return None
    found.uses("prior_kind")
    return found.penalty.prior_kind


def most_priors_that_matter(key: str, dates: LawDates, trace: Trace) -> int:
    """The highest prior-conviction tier of the provision (more priors change nothing)."""
    found = subsection(key, dates, trace)
    if found is None:
        return 0
    tiers, injury = found.penalty.tiers or [], found.penalty.death_or_serious_bodily_injury or []
    if not tiers:
        found.uses("tiers")
        return 0
    if not injury:
        found.uses("death_or_serious_bodily_injury")
    for which, listed in (("tiers", tiers), ("death_or_serious_bodily_injury", injury)):
        for i in range(len(listed)):  # a list's length too: a tier added or removed reaches these reads
            found.uses(which, i, "priors")
    return max(t.priors for t in [*tiers, *injury])


def has_injury_terms(key: str, dates: LawDates, trace: Trace) -> bool:
    found = subsection(key, dates, trace)
    if found is None:
        return False
    found.uses("death_or_serious_bodily_injury")
    return bool(found.penalty.death_or_serious_bodily_injury)


def crack_possession_range(quantity: Quantity, priors: int, dates: LawDates, trace: Trace) -> Range | None:
    """The pre-2010 five-year minimum for possessing more than 5 g (3 g, 1 g with priors) of cocaine base under
    844(a); None if it does not apply (repealed for sentences from 2010-08-03, or below the amount)."""
    name = "drug_penalties.crack_possession"
    entry = trace.entry(name, dates.on(name))
    if entry is None:
        return None
    rule = parsed(CrackPossession, entry)
    fitting = [t for t in rule.tiers if t.priors <= priors]
    if not fitting or not quantity.is_mass:
        return None
    if quantity.amount > Quantity.parse(fitting[-1].more_than).amount:
        return Range(parse_term(rule.min), parse_term(rule.max),
                     f"{rule.citation} (more than {fitting[-1].more_than} of cocaine base)")
    return None


def crack_possession_cuts(dates_list: list[LawDates], trace: Trace) -> list[Quantity]:
    amounts: set[Decimal] = {Decimal(0)}
    for dates in dates_list:
        entry = trace.entry("drug_penalties.crack_possession", dates.on("drug_penalties.crack_possession"))
        if entry is None:
            continue
        for tier in parsed(CrackPossession, entry).tiers:
            # "more than": the first amount above the line is just over it
            amounts.add(Quantity.parse(tier.more_than).amount + Decimal("0.001"))
    return [Quantity(a, "g", f"{a} g") for a in sorted(amounts)]


def describe_level(family: Family, level: Level, drug: str | None, dates: LawDates, trace: Trace) -> str:
    """The provision with its drug clause where the data names one: `21 U.S.C. 841(b)(1)(A)(iii)`."""
    key = provision(family, level)
    if drug and level in ("A", "B"):
        row = threshold_row(drug, dates, trace)
        if row is not None:
            return key + (row.clause_960 if family == "960" else row.clause)
    return key


def json_quantity(q: Quantity | None) -> Any:
    return None if q is None else str(q)
