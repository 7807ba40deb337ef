"""District names as judgments print them ("Western District of North Carolina") to the case file's abbreviation
("W.D.N.C."). The districts are courts-db's (ended ones too: some of its end dates are wrong); the state
abbreviations are the Bluebook's (law/circuits.yaml), since courts-db's own citation strings are uneven
('D. Maryland', 'E.D.N.Y')."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_PREFIX = {"E": "Eastern", "W": "Western", "N": "Northern", "S": "Southern", "M": "Middle", "C": "Central"}


def _compose(division: str, state: str) -> str:
    """'W.D.' + 'N.C.' -> 'W.D.N.C.'; 'D.' + 'Md.' -> 'D. Md.' (Bluebook: no space before a one-letter part)."""
    return division + state if re.match(r"^[A-Z]\.", state) else f"{division} {state}"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    from courts_db import courts

    from reprieve.law.params import law

    states = {state: abbr for abbr, state in law().value("circuits.state_abbreviations", date.today()).items()}
    out: dict[str, str] = {"districtofcolumbia": "D.D.C."}
    for court in courts:
        if court.get("system") != "federal" or "District Court" not in court.get("name", ""):
            continue
        citation = (court.get("citation_string") or "").strip()
        location = court.get("location") or ""
        if location not in states:
            continue
        m = re.match(r"^([EWNSMC])\.\s?D\.", citation)
        if m:
            out.setdefault(_key(f"{_PREFIX[m.group(1)]} District of {location}"),
                           _compose(f"{m.group(1)}.D.", states[location]))
        elif citation.startswith("D."):
            out.setdefault(_key(f"District of {location}"), _compose("D.", states[location]))
    return out


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def abbreviation(name: str) -> str | None:
    """'Western District of North Carolina' -> 'W.D.N.C.'; None for a name no district has."""
    return _table().get(_key(name))


def divided(short: str) -> bool:
    """Whether a district without a division ('D. Tex.') names a state that has divided districts ('N.D. Tex.'):
    OCR that loses the word 'Northern' reads 'District of Texas', a court that ended in 1857."""
    if not short.startswith("D.") or short.startswith("D.D.C."):
        return False
    state = re.escape(short[len("D."):].strip())
    return any(re.fullmatch(r"[EWNSMC]\.D\.\s?" + state, other) for other in _table().values())


def closest(name: str) -> tuple[str, str] | None:
    """A district name OCR damaged ('Northern District of Hlinois') -> (the district's name key, abbreviation) of the
    one district whose state is close to the one read, with the same division; None when none is, or two are."""
    import difflib

    m = re.match(r"^(?:(\w+)\s+)?District\s+of\s+(.+)$", name.strip(), re.IGNORECASE)
    if not m:
        return None
    division = m.group(1) or ""
    close_division = difflib.get_close_matches(division.title(), list(_PREFIX.values()), n=1, cutoff=0.75)
    head = _key((close_division[0] if division and close_division else "") + "districtof")
    state = _key(m.group(2))
    # letters OCR reads as one ('Hhnois' for 'Illinois': 'Il' and 'li' as 'H' and 'h'; 'm' for 'rn'): each read
    # compared as it is and with them spelled out, the best of the readings counting
    readings = {state, state.replace("h", "li"), state.replace("h", "ll"), state.replace("m", "rn"),
                state.replace("rn", "m")}

    def ratio(known: str) -> float:
        return max(difflib.SequenceMatcher(None, read, known).ratio() for read in readings)

    scored = sorted(((ratio(known[len(head):]), known) for known in _table()
                     if known.startswith(head) and (division or known.startswith("districtof"))), reverse=True)
    if not scored or scored[0][0] < 0.7 or (len(scored) > 1 and scored[1][0] > scored[0][0] - 0.1):
        return None
    return scored[0][1], _table()[scored[0][1]]
