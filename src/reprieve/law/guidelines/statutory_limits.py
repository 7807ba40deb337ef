"""USSG §5G1.1 and §5G1.2: a statutory minimum or maximum limits the guideline range (law.md E9, G6).

§5G1.1: (a) a statutory maximum below the range's minimum is the guideline sentence; (b) a statutory minimum above
the range's maximum is the guideline sentence; (c) otherwise the range, within the statutory limits. For several
counts (§5G1.2) the limits are the highest statutory minimum and the total of the maximums (consecutive terms to
the extent needed, §5G1.2(d)); a 924(c) term runs consecutively and is outside the range (§5G1.2(a)).
"""

from __future__ import annotations

from reprieve.law.guidelines.sentencing_table import GuidelineRange, Months, months_key
from reprieve.results import Said, said

SINGLE = "USSG §5G1.1"
MULTIPLE = " (applied to the total punishment, USSG §5G1.2(b), (d))"  # said after §5G1.1's subsection


def _cite(subsection: str, several_counts: bool) -> str:
    """'USSG §5G1.1(b)', or for several counts 'USSG §5G1.1(b) (applied to the total punishment, ...)'."""
    return f"{SINGLE}{subsection}{MULTIPLE if several_counts else ''}"


def restrict(found: GuidelineRange, minimum: Months | None, maximum: Months | None,
             several_counts: bool = False) -> tuple[GuidelineRange, Said | None]:
    """The range as the statutory limits leave it, and a sentence saying what changed (None if nothing did): a
    `guideline.limits.*` message."""
    low, high = found.low, found.high
    if maximum is not None and months_key(maximum) < months_key(low):
        citation = _cite("(a)", several_counts)
        return GuidelineRange(maximum, maximum, citation), said("guideline.limits.maximum_is_sentence",
                                                                maximum=maximum, citation=citation)
    if minimum is not None and months_key(minimum) > months_key(high):
        citation = _cite("(b)", several_counts)
        return GuidelineRange(minimum, minimum, citation), said("guideline.limits.minimum_is_sentence",
                                                                minimum=minimum, citation=citation)
    raises = minimum is not None and months_key(minimum) > months_key(low)
    lowers = maximum is not None and months_key(maximum) < months_key(high)
    if not raises and not lowers:
        return found, None
    citation = _cite("(c)", several_counts)
    key = "raises_and_lowers" if raises and lowers else "raises" if raises else "lowers"
    limited = GuidelineRange(minimum if raises and minimum is not None else low,
                             maximum if lowers and maximum is not None else high, citation)
    return limited, said(f"guideline.limits.{key}", minimum=minimum, maximum=maximum, citation=citation)
