"""Ranges of the offenses outside the drug and firearm tables: robbery, fraud and identity theft, immigration, child
exploitation, money laundering, racketeering, and drug-related offenses outside 841/844/960 (other_penalties.yaml,
each quoted from the Code). A provision may have further ranges when a further fact is so (`tiers`), take the
penalties of its object offense (an attempt or conspiracy, `object_of`), or run consecutively by statute
(`consecutive`: 18 U.S.C. 1028A(b)).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reprieve.case.model import Count
from reprieve.law.params import Law, Value, law, law_cache
from reprieve.law.penalty_ranges import Range, Trace, parsed
from reprieve.law.penalty_schemas import OffenseRange, OffenseRanges, OffenseTier, parse_term
from reprieve.law.statutes import Statute, parse_statute, parse_statutes
from reprieve.law.which_penalty_law import LawDates

FILE = "other_penalties"


def _statutes(count: Count) -> tuple[Statute, ...]:
    return (*parse_statutes(count.penalty), *parse_statutes(count.statute))


def _parameters() -> tuple[str, ...]:
    return _parameters_of(law().law)


@lru_cache(maxsize=16)
def _parameters_of(data: Law) -> tuple[str, ...]:
    """The file's parameters, once per law (a what-if law is another `Law`)."""
    law_file = data.files.get(FILE)
    return tuple(f"{FILE}.{name}" for name in law_file.parameters) if law_file else ()


_ROWS: dict[int, tuple[Value, tuple[tuple[Statute, OffenseRange], ...]]] = {}


def _rows(entry: Value) -> tuple[tuple[Statute, OffenseRange], ...]:
    """Each row with its statute read, once per law value."""
    hit = _ROWS.get(id(entry))
    if hit is None or hit[0] is not entry:
        hit = (entry, tuple((parse_statute(r.statute), r) for r in parsed(OffenseRanges, entry).root))
        _ROWS[id(entry)] = hit
    return hit[1]


_MATCHED: dict[tuple[tuple[Statute, ...], int], tuple[Value, OffenseRange | None]] = {}
_MATCHED_LIMIT = 20_000  # (statutes, law value) pairs kept: a population names a few hundred statutes


def _match(statutes: tuple[Statute, ...], entry: Value) -> OffenseRange | None:
    """The most specific row any of the count's statutes falls under (rows are listed most specific first); once
    per statutes and law value (a pure function of them)."""
    key = (statutes, id(entry))
    hit = _MATCHED.get(key)
    if hit is None or hit[0] is not entry:
        if len(_MATCHED) >= _MATCHED_LIMIT:
            _MATCHED.clear()
        found = next((row for statute, row in _rows(entry) if any(s.within(statute) for s in statutes)), None)
        hit = _MATCHED[key] = (entry, found)
    return hit[1]


def listed(count: Count) -> bool:
    """Whether the count's statute is one reprieve lists here (on any date)."""
    statutes = _statutes(count)
    return any(_match(statutes, value) for name in _parameters() for value in law().parameter(name).values)


def row(count: Count, dates: LawDates, trace: Trace) -> OffenseRange | None:
    """The provision's row in force for the count's offense, or None (not covered on that date)."""
    return row_for(_statutes(count), dates, trace)


def row_for(statutes: tuple[Statute, ...], dates: LawDates, trace: Trace) -> OffenseRange | None:
    for name in _parameters():
        entry = trace.entry(name, dates.on(name))
        if entry is not None:
            found = _match(statutes, entry)
            if found is not None:
                return found
    return None


def objects(count: Count, found: OffenseRange) -> tuple[list[Statute], Statute | None]:
    """An attempt or conspiracy's possible object offenses, and the one the count itself names (if any)."""
    options = [parse_statute(text) for text in found.object_of or []]
    named = next((s for s in _statutes(count) for o in options if s.within(o)), None)
    return options, named


def base_range(found: OffenseRange) -> Range:
    return Range(parse_term(found.min), parse_term(found.max), found.citation)


def tier_range(tier: OffenseTier) -> Range:
    return Range(parse_term(tier.min), parse_term(tier.max), tier.citation)


def consecutive_rule(count: Count, on: date) -> str | None:
    """'to_every_other_term', 'to_every_other_kind_of_term' (1028A: other 1028A terms may run with it) or None."""
    # the rows in force on `on` are those in force on the first day of its period: one memo entry per period
    return _consecutive(count.statute, count.penalty, law().law.same_since(_parameters(), on))


@law_cache(maxsize=1024)
def _consecutive(statute: str | None, penalty: str | None, on: date) -> str | None:
    """Cached by the statutes as written, the period of the law's rows and the law in use (a what-if law is another
    law)."""
    found = row_for((*parse_statutes(penalty), *parse_statutes(statute)), LawDates(on, on), Trace())
    return found.consecutive if found is not None else None
