"""USSG §5G1.1 and §5G1.2: a statutory minimum or maximum limits the guideline range (law.md E9, G6).

§5G1.1: (a) a statutory maximum below the range's minimum is the guideline sentence; (b) a statutory minimum above
the range's maximum is the guideline sentence; (c) otherwise the range, within the statutory limits. For several
counts (§5G1.2) the limits are the highest statutory minimum and the total of the maximums (consecutive terms to
the extent needed, §5G1.2(d)); a 924(c) term runs consecutively and is outside the range (§5G1.2(a)).
"""

from __future__ import annotations

from reprieve.law.guidelines.sentencing_table import GuidelineRange, Months, months_key

SINGLE = "USSG §5G1.1"
MULTIPLE = " (applied to the total punishment, USSG §5G1.2(b), (d))"  # said after §5G1.1's subsection


def _cite(subsection: str, several_counts: bool) -> str:
    """'USSG §5G1.1(b)', or for several counts 'USSG §5G1.1(b) (applied to the total punishment, ...)'."""
    return f"{SINGLE}{subsection}{MULTIPLE if several_counts else ''}"


def restrict(found: GuidelineRange, minimum: Months | None, maximum: Months | None,
             several_counts: bool = False) -> tuple[GuidelineRange, str | None]:
    """The range as the statutory limits leave it, and a sentence saying what changed (None if nothing did)."""
    low, high = found.low, found.high
    if maximum is not None and months_key(maximum) < months_key(low):
        return GuidelineRange(maximum, maximum, _cite("(a)", several_counts)), (
            f"the statutory maximum ({maximum} months) is below the range's minimum: it is the guideline sentence "
            f"({_cite('(a)', several_counts)})")
    if minimum is not None and months_key(minimum) > months_key(high):
        return GuidelineRange(minimum, minimum, _cite("(b)", several_counts)), (
            f"the statutory minimum ({minimum} months) is above the range's maximum: it is the guideline sentence "
            f"({_cite('(b)', several_counts)})")
    notes = []
    if minimum is not None and months_key(minimum) > months_key(low):
        low = minimum
        notes.append(f"the statutory minimum ({minimum} months) raises the bottom")
    if maximum is not None and months_key(maximum) < months_key(high):
        high = maximum
        notes.append(f"the statutory maximum ({maximum} months) lowers the top")
    if not notes:
        return found, None
    citation = _cite("(c)", several_counts)
    return GuidelineRange(low, high, citation), f"{' and '.join(notes)} ({citation})"
