"""USSG §1B1.10: the amendments a court may apply under 18 U.S.C. 3582(c)(2), and the limits of a reduction
(law.md E8, G6).

Only a listed amendment that lowers the applicable range (before departures and variances) allows a reduction;
only it is substituted, every other decision stays ((b)(1)). The reduced term may not be below the amended range's
minimum ((b)(2)(A)), except a comparably reduced term after a substantial-assistance departure ((b)(2)(B)), for
which the amended range is computed without §5G1.1/§5G1.2 ((c)); never below the time already served ((b)(2)(C)).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from reprieve.law.guidelines.schemas import CoveredAmendment, CoveredAmendments
from reprieve.law.penalty_ranges import Trace, parsed

STATUTE = "18 U.S.C. § 3582(c)(2)"
ELIGIBILITY = "USSG §1B1.10(a)(2)(B), comment. n.1(A)"
METHOD = "USSG §1B1.10(b)(1)"
FLOOR = "USSG §1B1.10(b)(2)(A)"
COMPARABLE = "USSG §1B1.10(b)(2)(B)"
TIME_SERVED = "USSG §1B1.10(b)(2)(C)"
MANDATORY_MINIMUM = "USSG §1B1.10(c)"
# Time served bars a reduction the court would otherwise grant: it may weigh it on a motion to end supervised
# release early instead (the note since Amendment 548 (1997); numbered 8(B) when Amendment 835 amended it).
EARLY_TERMINATION = "USSG §1B1.10, comment. (n.8(B))"
SUPERVISED_RELEASE = "18 U.S.C. § 3583(e)(1)"


def covered(on: date, trace: Trace) -> tuple[list[CoveredAmendment], str] | None:
    """The list in force on the decision date, and its citation (None before reprieve's data)."""
    entry = trace.entry("guidelines.retroactive_amendments.covered", on)
    if entry is None:
        return None
    return parsed(CoveredAmendments, entry).root, entry.citation


def name(amendment: CoveredAmendment) -> str:
    return f"Amendment {amendment.amendment}" + (f" ({amendment.parts})" if amendment.parts else "")


def comparable_reduction(sentence: int, original_minimum: int, amended_minimum: int) -> int:
    """A term as far below the amended minimum, proportionally, as the sentence was below the original minimum
    (§1B1.10 comment. n.3, n.4: 56 of 70 -> 41 of 51), to the nearest month."""
    share = Decimal(sentence) / Decimal(original_minimum)
    return int((share * amended_minimum).quantize(Decimal(1), rounding=ROUND_HALF_UP))
