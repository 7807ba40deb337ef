"""Reprieve's computation against the BOP's own figures (`custody.bop`, from its Sentence Monitoring Computation
Data), field by field: where they agree, where they differ, and the most likely reason from the rules.

Each row is {field, bop, reprieve, agrees, likely_reason} (cli.md `computation.reconciliation`), plus
`difference_days` (BOP minus reprieve) for dates and numbers, and `within_range` when unknown facts leave reprieve
a range instead of a date. The reasons follow the order of the computation (PS 5880.28): the full term rests only on
the term, the commencement and jail credit (18 U.S.C. 3585); the statutory release date on good conduct time
(3624(b)); the projected release on RDAP (3621(e)) and FSA time credits (3624(g)), whose limits come from the dated
law data, never from this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.case.model import BopReported, Case
from reprieve.dates import PartialDate, add_months
from reprieve.law.params import law

if TYPE_CHECKING:
    from reprieve.assess.computation import Computation


@dataclass
class _Span:
    """Reprieve's value: a point, or the earliest and latest the facts allow."""

    point: date | None
    low: date | None
    high: date | None

    @property
    def known(self) -> bool:
        return self.point is not None or (self.low is not None and self.high is not None)

    def text(self) -> str | None:
        if self.point is not None:
            return self.point.isoformat()
        if self.low is not None and self.high is not None:
            return f"{self.low.isoformat()} to {self.high.isoformat()}"
        return None


def _span(result: Computation, name: str) -> _Span:
    point: date | None = getattr(result, name)
    span = result.ranges.get(name)
    low = span.low if span is not None and isinstance(span.low, date) else point
    high = span.high if span is not None and isinstance(span.high, date) else point
    return _Span(point, low, high)


def _exact(value: PartialDate | None) -> date | None:
    return value.exact if value is not None else None


def _days(n: int) -> str:
    return f"{abs(n)} day{'s' if abs(n) != 1 else ''}"


def reconcile(case: Case, result: Computation) -> list[dict[str, Any]]:
    """The rows, in the order of the computation; none when the case states no BOP figures."""
    bop = case.custody.bop
    if bop is None:
        return []
    on = result.as_of
    rows: list[dict[str, Any]] = []
    began = _exact(bop.computation_began_on)
    if began is not None:
        rows.append(_date_row("computation_began_on", began, _Span(result.commenced_on, result.commenced_on,
                                                                     result.commenced_on),
                              lambda d: _commencement_reason(case, d)))
    if bop.jail_credit_days is not None:
        rows.append(_number_row("jail_credit_days", bop.jail_credit_days, result.prior_custody_days,
                                lambda d: _credit_reason(case, d)))
    full = _exact(bop.full_term_date)
    if full is not None:
        rows.append(_date_row("full_term_date", full, _span(result, "full_term_date"),
                              lambda d: _full_term_reason(bop, result, d)))
    gct_bop = _bop_gct(bop)
    if gct_bop is not None:
        rows.append(_number_row("gct_days", gct_bop, result.gct.get("days"), lambda d: _gct_reason(case, d, on)))
    statutory = _exact(bop.statutory_release_date)
    if statutory is not None:
        rows.append(_date_row("statutory_release_date", statutory, _span(result, "statutory_release_date"),
                              lambda d: _statutory_reason(case, bop, result, d, on)))
    if bop.fsa_credits_days is not None:
        rows.append(_number_row("fsa_credits_days", bop.fsa_credits_days, result.fsa.get("applied_to_release_days"),
                                lambda d: "the BOP applies credits the case does not state (custody.fsa: risk "
                                          "levels, earning start, programming days)" if d > 0 else
                                          "the BOP applies fewer credits than reprieve projects: credits are "
                                          "applied only once earned, at minimum or low risk (18 U.S.C. 3624(g))"))
    projected = _exact(bop.projected_release_date)
    if projected is not None:
        rows.append(_date_row("projected_release_date", projected, _span(result, "projected_release_date"),
                              lambda d: _projected_reason(case, bop, result, projected, on)))
    if bop.release_method:
        ours = result.release_method
        agrees = None if ours is None else _method(bop.release_method) == _method(ours)
        rows.append({"field": "release_method", "bop": bop.release_method, "reprieve": ours, "agrees": agrees,
                     "likely_reason": None if agrees or ours is None else
                     f"the BOP releases by {bop.release_method}, reprieve by {ours}: see the projected release "
                     "date"})
    home = _exact(bop.home_detention_date)
    if home is not None:
        ours_home = result.home_detention_eligibility_date
        rule = _home_detention_rule(on)
        rows.append(_date_row("home_detention_date", home, _Span(ours_home, ours_home, ours_home), lambda d: rule))
    return rows


def _home_detention_rule(on: date) -> str:
    """How the home detention date follows the release date, worded from the law data in force on `on`."""
    data = law()
    percent = data.maybe("prerelease_custody.home_confinement_percent_of_term", on)
    months = data.maybe("prerelease_custody.home_confinement_max_months", on)
    if percent is None or months is None:
        return "follows the projected release date (18 U.S.C. 3624(c)(2))"
    return (f"follows the projected release date: home detention is the last {int(percent.value)}% of the term or "
            f"{int(months.value)} months before release, whichever is less (18 U.S.C. 3624(c)(2))")


def _method(text: str) -> str:
    return text.upper().split()[0] if text.split() else ""


def _bop_gct(bop: BopReported) -> int | None:
    """GCT the BOP applies: its full-term date less its statutory release date (or the total it prints)."""
    full, statutory = _exact(bop.full_term_date), _exact(bop.statutory_release_date)
    if full is not None and statutory is not None:
        return (full - statutory).days
    return bop.gct_earned_and_projected_days


def _date_row(name: str, bop: date, ours: _Span, reason: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"field": name, "bop": bop.isoformat(), "reprieve": ours.text(), "agrees": None,
                           "likely_reason": None}
    ranged = ours.low is not None and ours.high is not None and ours.low != ours.high
    inside = ranged and ours.low <= bop <= ours.high  # type: ignore[operator]
    if ranged:
        row["within_range"] = inside
    if ours.point is not None:
        difference = (bop - ours.point).days
        row["difference_days"] = difference
        row["agrees"] = difference == 0
        if difference:
            row["likely_reason"] = reason(difference)
    elif ranged and inside:
        row["likely_reason"] = ("within the range the unknown facts allow: the BOP's date is consistent with "
                                "reprieve's; stating the facts listed under 'uncertain' would make it exact")
    elif ranged:
        assert ours.low is not None and ours.high is not None
        row["difference_days"] = (bop - ours.low).days if bop < ours.low else (bop - ours.high).days
        row["agrees"] = False
        row["likely_reason"] = reason(row["difference_days"])
    else:
        row["likely_reason"] = "reprieve cannot compute this date from the case as stated (see 'missing')"
    return row


def _number_row(name: str, bop: int, ours: int | None, reason: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"field": name, "bop": bop, "reprieve": ours, "agrees": None, "likely_reason": None}
    if ours is not None:
        row["difference_days"] = bop - ours
        row["agrees"] = bop == ours
        if bop != ours:
            row["likely_reason"] = reason(bop - ours)
    return row


def _commencement_reason(case: Case, difference: int) -> str:
    if case.custody.commenced_on is None:
        return (f"the BOP's computation began {_days(difference)} {'later' if difference > 0 else 'earlier'} than "
                "the date reprieve presumed (the sentencing date, as the case says custody was continuous): a "
                "sentence commences on arrival at the prison or in the Marshal's custody for transport "
                "(18 U.S.C. 3585(a)); state custody.commenced_on")
    return "the case states a different commencement date than the BOP's (18 U.S.C. 3585(a))"


def _credit_reason(case: Case, difference: int) -> str:
    more = "more" if difference > 0 else "fewer"
    if case.custody.prior_custody_days is None:
        return (f"the BOP credits {_days(difference)} {more} of time before the sentence than reprieve derives from "
                "the arrest date: time credited to another sentence is not credited again, and custody may not "
                "have been continuous (18 U.S.C. 3585(b)); state custody.prior_custody_days")
    return f"the case states {_days(difference)} {'less' if difference > 0 else 'more'} jail credit than the BOP " \
           "gives (18 U.S.C. 3585(b))"


def _full_term_reason(bop: BopReported, result: Computation, difference: int) -> str:
    parts = []
    if bop.jail_credit_days is not None and result.prior_custody_days is not None:
        gap = bop.jail_credit_days - result.prior_custody_days
        if gap == -difference:
            return (f"explained by jail credit: the BOP credits {bop.jail_credit_days} days, reprieve "
                    f"{result.prior_custody_days} (18 U.S.C. 3585(b))")
        if gap:
            parts.append(f"the jail credit differs by {_days(gap)}")
    began = _exact(bop.computation_began_on)
    if began is not None and result.commenced_on is not None and began != result.commenced_on:
        parts.append(f"the computation began on {began} for the BOP, {result.commenced_on} for reprieve")
    if not parts:
        parts.append("the full term rests only on the total term, the commencement and jail credit (18 U.S.C. "
                     "3585): check the total term in effect (an aggregation of consecutive terms, 3584(c)) or a "
                     "period the BOP does not count (inoperative time, an escape)")
    return "; ".join(parts)


def _gct_reason(case: Case, difference: int, on: date) -> str:
    if difference < 0:
        stated = case.custody.gct_disallowed_days is not None or case.custody.gct_forfeited_days is not None
        reduced = law().entry("good_conduct_time.reduced_days_per_year", on)
        text = (f"the BOP applies {_days(difference)} less good conduct time: consistent with GCT disallowed or "
                "forfeited for discipline (28 C.F.R. 541.3)")
        if not stated:
            text += ", which the case does not state,"
        return text + f" or the {reduced.value}-day rate without progress toward a GED ({reduced.citation})"
    return (f"the BOP applies {_days(difference)} more good conduct time than reprieve: reprieve may have presumed "
            "GCT lost for infractions whose sanctions the case does not state, or a lower rate (no GED); state "
            "custody.gct_disallowed_days and the education facts")


def _statutory_reason(case: Case, bop: BopReported, result: Computation, difference: int, on: date) -> str:
    full = _exact(bop.full_term_date)
    ours_full = result.full_term_date
    if full is not None and ours_full is not None and (full - ours_full).days == difference:
        return f"follows from the full term date, which differs by the same {_days(difference)}"
    if full is not None and ours_full is not None:
        # GCT applied is the full term less the statutory release date, on each side
        return _gct_reason(case, (full - ours_full).days - difference, on)
    return _gct_reason(case, -difference, on)


def _projected_reason(case: Case, bop: BopReported, result: Computation, projected: date, on: date) -> str:
    """Why the BOP's release date differs: what each credit that moves a release can and cannot explain."""
    statutory = _span(result, "statutory_release_date")
    ours = _span(result, "projected_release_date")
    fsa_limit = law().entry("fsa_time_credits.supervised_release_max_months", on)
    rdap_limit = law().entry("rdap.maximum_reduction_months", on)
    early_srd = statutory.point or statutory.low
    late_srd = statutory.point or statutory.high
    if early_srd is None or late_srd is None:
        return "reprieve cannot compute the statutory release date from the case as stated (see 'missing')"
    if projected > late_srd:
        return (f"the BOP's date is {_days((projected - late_srd).days)} after reprieve's latest statutory release "
                "date: consistent with good conduct time disallowed or forfeited that the case does not state "
                "(28 C.F.R. 541.3), or a term the case does not include")
    fsa_stated = case.custody.fsa is not None and (case.custody.fsa.credits_days is not None
                                                   or case.custody.fsa.risk_levels is not None)
    rdap_stated = case.custody.rdap is not None
    near, far = (early_srd - projected).days, (late_srd - projected).days
    gap = _days(near) if near == far else f"{max(near, 0)} to {far} days"
    where = f"the statutory release date{'s' if near != far else ''} reprieve computes ({statutory.text()})"
    lead = f"the BOP's date is {gap} before {where}"
    if ours.point is None and ours.low is not None and projected < ours.low and ours.low != early_srd:
        lead += f", and {_days((ours.low - projected).days)} before reprieve's earliest release with the most FSA " \
                f"time credits ({ours.low})"
    fsa_reach = add_months(early_srd, -int(fsa_limit.value))
    rdap_reach = add_months(fsa_reach, -int(rdap_limit.value))
    unstated = [] if fsa_stated else ["FSA time credits"]
    if not rdap_stated:
        unstated.append("RDAP")
    method = f" The BOP's method is {bop.release_method}." if bop.release_method else ""
    if projected >= fsa_reach:
        credit = "" if fsa_stated else ", which the case does not state"
        return (f"{lead}: consistent with FSA time credits applied toward release (at most {fsa_limit.value} months, "
                f"{fsa_limit.citation}){credit}.{method}")
    if projected >= rdap_reach:
        return (f"{lead}: more than FSA time credits alone can advance a release ({fsa_limit.value} months, "
                f"{fsa_limit.citation}); with an RDAP reduction (up to {rdap_limit.value} months, "
                f"{rdap_limit.citation}) both together could reach it"
                + (f" ({' and '.join(unstated)} not stated in the case)" if unstated else "")
                + ". Otherwise: a reduced sentence (e.g. under 18 U.S.C. 3582(c)), more jail credit than the case "
                "states (an earlier arrest), or the date of a transfer to prerelease custody (home confinement or a "
                f"halfway house, 18 U.S.C. 3624(c), (g)(2)) rather than of release.{method}")
    return (f"{lead}: more than FSA time credits and RDAP together can explain ({fsa_limit.value} + "
            f"{rdap_limit.value} months): look for a reduced sentence (e.g. under 18 U.S.C. 3582(c)), more jail "
            "credit than the case states, a shorter total term, or the date of a transfer to prerelease custody "
            f"(18 U.S.C. 3624(c), (g)(2)) rather than of release.{method}")
