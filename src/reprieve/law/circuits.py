"""Which circuit's law governs: the district court's circuit under 28 U.S.C. 41.

A district is read as written in the case file (`W.D.N.C.`, `D. Md.`, `Western District of North Carolina`): first
against courts-db's district courts, then as a Bluebook abbreviation.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pydantic import RootModel

from reprieve.law.params import law, law_cache

_DIVISION = re.compile(r"^\s*([NSEWMC])\.?\s*D\.?\s*", re.IGNORECASE)
_DISTRICT_OF = re.compile(r"^\s*D\.?\s*", re.IGNORECASE)


class StateCircuits(RootModel[dict[str, str]]):
    pass


class Abbreviations(RootModel[dict[str, str]]):
    pass


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


@lru_cache(maxsize=1)
def _courts_db_districts() -> dict[str, str]:
    """Normalized citation string -> state, for district courts still sitting."""
    from courts_db import courts

    out: dict[str, str] = {}
    for court in courts:
        if court.get("system") != "federal" or "District Court" not in court.get("name", ""):
            continue
        if (court.get("dates") or [{}])[-1].get("end"):
            continue
        citation = court.get("citation_string") or ""
        if citation:
            out[_squash(citation)] = court["location"]
    return out


@law_cache(maxsize=512)
def state_of_district(district: str, on: date) -> str | None:
    """The state or territory of a federal district court named as in a case file."""
    found = _courts_db_districts().get(_squash(district))
    if found:
        return found
    abbreviations: dict[str, str] = law().value("circuits.state_abbreviations", on)
    rest = _DIVISION.sub("", district, count=1) if _DIVISION.match(district) else _DISTRICT_OF.sub("", district, 1)
    squashed = _squash(rest)
    for abbreviation, state in abbreviations.items():
        if _squash(abbreviation) == squashed or _squash(state) == squashed:
            return state
    from courts_db import courts, find_court

    ids = find_court(district)
    for court in courts:
        if court["id"] in ids and court.get("system") == "federal":
            return str(court["location"])
    return None


def circuit_of(district: str | None, on: date) -> tuple[str | None, str]:
    """The circuit ('4th', 'D.C.', ...) and the citation that places the district in it; None if unknown."""
    if not district:
        return None, ""
    state = state_of_district(district, on)
    if state is None:
        return None, ""
    entry = law().entry("circuits.circuit_of_state", on)
    circuit = entry.value.get(state)
    return (str(circuit) if circuit else None), entry.citation
