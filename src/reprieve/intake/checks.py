"""Cross-checks between values read: arithmetic the BOP's sheet must satisfy and dates that must come in order.

OCR can misread a digit with high confidence ('11/27' as '01/27'). A value that fails a cross-check is asked about
(its confidence capped below CONFIRM_BELOW), together with every value the check rests on, since the check cannot
say which one was misread. The checks are the computation's own definitions:

- the full term date is the date the computation began plus the term, less one day and the prior custody credit
  (18 U.S.C. 3585(a), (b); one judgment, a term in months);
- the statutory release date is the full term date less the good conduct time earned and projected (3624(b));
- the projected release date is not after the statutory release date, and by GCT release it is that date or the
  weekday before it (3624(a): a release date on a weekend or holiday moves to the preceding weekday); by FSA release
  it is that date less the FSA credits applied, or the weekday before (3624(g));
- no more GCT is earned than is earned and projected; the offense ends before the judgment, the computation does not
  begin before it, and the sheet is printed after the computation began.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from reprieve.intake.fields import Read

CAP = 0.6
_WEEKEND_SLACK = 4  # a Monday holiday after a weekend: up to four days earlier


def _plus(began: date, months: int, credit: int) -> date | None:
    """The full term date by 3585; None when a misread year puts it past the calendar (year 9999)."""
    try:
        return began + relativedelta(months=months) - timedelta(days=1 + credit)
    except (ValueError, OverflowError):
        return None


def _minus(day: date, days: int) -> date | None:
    try:
        return day - timedelta(days=days)
    except OverflowError:
        return None


def cross_check(fields: dict[str, Read]) -> None:
    """Cap, in place, the confidence of the values that fail a cross-check."""
    value = {path: read.value for path, read in fields.items()}

    def day(path: str) -> date | None:
        v = value.get(path)
        try:
            return date.fromisoformat(v) if isinstance(v, str) else None
        except ValueError:
            return None

    def number(path: str) -> int | None:
        v = value.get(path)
        return v if isinstance(v, int) and not isinstance(v, bool) else None

    def fail(paths: list[str], note: str) -> None:
        for path in paths:
            read = fields.get(path)
            if read is not None and read.confidence > CAP:
                fields[path] = Read(read.path, read.value, read.source, CAP, read.label, read.note or note)

    bop = "custody.bop."
    began, full, srd = day(bop + "computation_began_on"), day(bop + "full_term_date"), day(
        bop + "statutory_release_date")
    projected, as_of = day(bop + "projected_release_date"), day(bop + "sheet_as_of")
    credit, gct, earned = number(bop + "jail_credit_days"), number(bop + "gct_earned_and_projected_days"), number(
        bop + "gct_earned_days")
    fsa = number(bop + "fsa_credits_days")
    several = any(path.startswith("judgments[1]") for path in fields)
    months = None if several or "judgments[0].total_days" in fields else number("judgments[0].total_months")

    if began and full and credit is not None and months is not None and \
            _plus(began, months, credit) != full:
        fail([bop + "computation_began_on", "custody.commenced_on", bop + "jail_credit_days",
              "custody.prior_custody_days", bop + "full_term_date", "judgments[0].total_months"],
             "the full term date is not the term from the date the computation began, less the prior credit")
    if full and srd and gct is not None and _minus(full, gct) != srd:
        fail([bop + "full_term_date", bop + "statutory_release_date", bop + "gct_earned_and_projected_days"],
             "the statutory release date is not the full term date less the GCT earned and projected")
    if srd and projected:
        method = value.get(bop + "release_method")
        target = (_minus(srd, fsa or 0) or srd) if method == "FSA REL" else srd
        if method in ("GCT REL", "FSA REL") and not 0 <= (target - projected).days <= _WEEKEND_SLACK:
            fail([bop + "projected_release_date", bop + "statutory_release_date", bop + "release_method",
                  bop + "fsa_credits_days"],
                 "the projected release date does not follow from the statutory release date and the method")
        elif projected > srd:
            fail([bop + "projected_release_date", bop + "statutory_release_date"],
                 "the projected release date is after the statutory release date")
    if earned is not None and gct is not None and earned > gct:
        fail([bop + "gct_earned_days", bop + "gct_earned_and_projected_days"],
             "more GCT earned than earned and projected")
    if began and as_of and as_of < began:
        fail([bop + "sheet_as_of", bop + "computation_began_on", "custody.commenced_on"],
             "the sheet is dated before the computation began")
    home = day(bop + "home_detention_date")
    if home and projected and home > projected:
        fail([bop + "home_detention_date", bop + "projected_release_date"],
             "home detention eligibility after the projected release")
    for j in range(10):
        prefix = f"judgments[{j}]."
        imposed = day(prefix + "imposed_on")
        if imposed is None:
            if not any(p.startswith(prefix) for p in fields):
                break
            continue
        if j == 0 and began and began < imposed:
            fail([bop + "computation_began_on", "custody.commenced_on", prefix + "imposed_on"],
                 "the computation began before the judgment")
        for c in range(40):
            ended = day(f"{prefix}counts[{c}].offense_ended")
            if ended and ended >= imposed:
                fail([f"{prefix}counts[{c}].offense_ended", prefix + "imposed_on"],
                     "the offense ended after the judgment")
        amended = day(prefix + "amended_on")
        if amended and amended <= imposed:
            fail([prefix + "amended_on", prefix + "imposed_on"], "the amended judgment is not after the original")
