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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reprieve.case.model import BopReported, Case
from reprieve.dates import PartialDate, add_months
from reprieve.law.params import law
from reprieve.results import Joined, Said, Span, said

if TYPE_CHECKING:
    from reprieve.assess.computation import Computation

Reason = Callable[[int], Said | Joined]


@dataclass
class Reconciled:
    """One row: the BOP's figure and reprieve's (a date, a span of dates, a number of days, a release method), whether
    they agree, the most likely reason they do not (worded when rendered, in the reader's language), and for dates
    and numbers the difference in days and whether the BOP's date is within reprieve's range."""

    field: str
    bop: date | int | str
    reprieve: date | Span | int | str | None
    agrees: bool | None = None
    likely_reason: Said | Joined | None = None
    within_range: bool | None = None  # only for a range of dates
    difference_days: int | None = None

    def reprieve_json(self) -> Any:
        """reprieve's figure as the contract writes it: an ISO date, 'EARLIEST to LATEST', days or a method."""
        value = self.reprieve
        if isinstance(value, Span):
            return f"{_iso(value.low)} to {_iso(value.high)}"
        return _iso(value)

    def as_json(self) -> dict[str, Any]:
        out = {"field": self.field, "bop": _iso(self.bop), "reprieve": self.reprieve_json(), "agrees": self.agrees,
               "likely_reason": self.likely_reason.render() if self.likely_reason is not None else None}
        if self.within_range is not None:
            out["within_range"] = self.within_range
        if self.difference_days is not None:
            out["difference_days"] = self.difference_days
        return out


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@dataclass
class _Span:
    """Reprieve's value: a point, or the earliest and latest the facts allow."""

    point: date | None
    low: date | None
    high: date | None

    @property
    def known(self) -> bool:
        return self.point is not None or (self.low is not None and self.high is not None)

    def value(self) -> date | Span | None:
        if self.point is not None:
            return self.point
        if self.low is not None and self.high is not None:
            return Span(self.low, self.high)
        return None


def _span(result: Computation, name: str) -> _Span:
    point: date | None = getattr(result, name)
    span = result.ranges.get(name)
    low = span.low if span is not None and isinstance(span.low, date) else point
    high = span.high if span is not None and isinstance(span.high, date) else point
    return _Span(point, low, high)


def _exact(value: PartialDate | None) -> date | None:
    return value.exact if value is not None else None


def _days(n: int) -> Said:
    return said("unit.day" if abs(n) == 1 else "unit.days", n=abs(n))


def reconcile(case: Case, result: Computation) -> list[Reconciled]:
    """The rows, in the order of the computation; none when the case states no BOP figures."""
    bop = case.custody.bop
    if bop is None:
        return []
    on = result.as_of
    rows: list[Reconciled] = []
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
        rows.append(_number_row("gct_days", gct_bop, result.gct.days, lambda d: _gct_reason(case, d, on)))
    statutory = _exact(bop.statutory_release_date)
    if statutory is not None:
        rows.append(_date_row("statutory_release_date", statutory, _span(result, "statutory_release_date"),
                              lambda d: _statutory_reason(case, bop, result, d, on)))
    if bop.fsa_credits_days is not None:
        applied = result.fsa.applied_to_release_days if result.fsa is not None else None
        rows.append(_number_row("fsa_credits_days", bop.fsa_credits_days, applied,
                                lambda d: said("recon.fsa.more" if d > 0 else "recon.fsa.fewer")))
    projected = _exact(bop.projected_release_date)
    if projected is not None:
        rows.append(_date_row("projected_release_date", projected, _span(result, "projected_release_date"),
                              lambda d: _projected_reason(case, bop, result, projected, on)))
    if bop.release_method:
        ours = result.release_method
        agrees = None if ours is None else _method(bop.release_method) == _method(ours)
        rows.append(Reconciled("release_method", bop.release_method, ours, agrees, None if agrees or ours is None
                               else said("recon.method", bop=bop.release_method, ours=ours)))
    home = _exact(bop.home_detention_date)
    if home is not None:
        ours_home = result.home_detention_eligibility_date
        rule = _home_detention_rule(on)
        rows.append(_date_row("home_detention_date", home, _Span(ours_home, ours_home, ours_home), lambda d: rule))
    return rows


def _home_detention_rule(on: date) -> Said:
    """How the home detention date follows the release date, worded from the law data in force on `on`."""
    data = law()
    percent = data.maybe("prerelease_custody.home_confinement_percent_of_term", on)
    months = data.maybe("prerelease_custody.home_confinement_max_months", on)
    if percent is None or months is None:
        return said("recon.home_rule.plain")
    return said("recon.home_rule", percent=int(percent.value), months=int(months.value))


def _method(text: str) -> str:
    return text.upper().split()[0] if text.split() else ""


def _bop_gct(bop: BopReported) -> int | None:
    """GCT the BOP applies: its full-term date less its statutory release date (or the total it prints)."""
    full, statutory = _exact(bop.full_term_date), _exact(bop.statutory_release_date)
    if full is not None and statutory is not None:
        return (full - statutory).days
    return bop.gct_earned_and_projected_days


def _date_row(name: str, bop: date, ours: _Span, reason: Reason) -> Reconciled:
    row = Reconciled(name, bop, ours.value())
    ranged = ours.low is not None and ours.high is not None and ours.low != ours.high
    inside = ranged and ours.low <= bop <= ours.high  # type: ignore[operator]
    if ranged:
        row.within_range = inside
    if ours.point is not None:
        difference = (bop - ours.point).days
        row.difference_days = difference
        row.agrees = difference == 0
        if difference:
            row.likely_reason = reason(difference)
    elif ranged and inside:
        row.likely_reason = said("recon.within_range")
    elif ranged:
        assert ours.low is not None and ours.high is not None
        row.difference_days = (bop - ours.low).days if bop < ours.low else (bop - ours.high).days
        row.agrees = False
        row.likely_reason = reason(row.difference_days)
    else:
        row.likely_reason = said("recon.cannot_compute")
    return row


def _number_row(name: str, bop: int, ours: int | None, reason: Reason) -> Reconciled:
    row = Reconciled(name, bop, ours)
    if ours is not None:
        row.difference_days = bop - ours
        row.agrees = bop == ours
        if bop != ours:
            row.likely_reason = reason(bop - ours)
    return row


def _commencement_reason(case: Case, difference: int) -> Said:
    if case.custody.commenced_on is None:
        return said("recon.began_later" if difference > 0 else "recon.began_earlier", days=_days(difference))
    return said("recon.began_stated")


def _credit_reason(case: Case, difference: int) -> Said:
    if case.custody.prior_custody_days is None:
        return said("recon.credit_more" if difference > 0 else "recon.credit_fewer", days=_days(difference))
    return said("recon.credit_stated_less" if difference > 0 else "recon.credit_stated_more", days=_days(difference))


def _full_term_reason(bop: BopReported, result: Computation, difference: int) -> Said | Joined:
    parts = []
    if bop.jail_credit_days is not None and result.prior_custody_days is not None:
        gap = bop.jail_credit_days - result.prior_custody_days
        if gap == -difference:
            return said("recon.full.credit", bop=bop.jail_credit_days, ours=result.prior_custody_days)
        if gap:
            parts.append(said("recon.full.credit_differs", days=_days(gap)))
    began = _exact(bop.computation_began_on)
    if began is not None and result.commenced_on is not None and began != result.commenced_on:
        parts.append(said("recon.full.began", bop=began, ours=result.commenced_on))
    if not parts:
        parts.append(said("recon.full.term"))
    return Joined(tuple(parts), "; ")


def _gct_reason(case: Case, difference: int, on: date) -> Said:
    if difference < 0:
        stated = case.custody.gct_disallowed_days is not None or case.custody.gct_forfeited_days is not None
        reduced = law().entry("good_conduct_time.reduced_days_per_year", on)
        return said("recon.gct.less" if stated else "recon.gct.less_unstated", days=_days(difference),
                    rate=reduced.value, citation=reduced.citation)
    return said("recon.gct.more", days=_days(difference))


def _statutory_reason(case: Case, bop: BopReported, result: Computation, difference: int, on: date) -> Said:
    full = _exact(bop.full_term_date)
    ours_full = result.full_term_date
    if full is not None and ours_full is not None and (full - ours_full).days == difference:
        return said("recon.statutory.follows", days=_days(difference))
    if full is not None and ours_full is not None:
        # GCT applied is the full term less the statutory release date, on each side
        return _gct_reason(case, (full - ours_full).days - difference, on)
    return _gct_reason(case, -difference, on)


def _projected_reason(case: Case, bop: BopReported, result: Computation, projected: date, on: date) -> Said:
    """Why the BOP's release date differs: what each credit that moves a release can and cannot explain."""
    statutory = _span(result, "statutory_release_date")
    fsa_limit = law().entry("fsa_time_credits.supervised_release_max_months", on)
    rdap_limit = law().entry("rdap.maximum_reduction_months", on)
    early_srd = statutory.point or statutory.low
    late_srd = statutory.point or statutory.high
    if early_srd is None or late_srd is None:
        return said("recon.projected.no_statutory")
    if projected > late_srd:
        return said("recon.projected.after", days=_days((projected - late_srd).days))
    fsa_stated = case.custody.fsa is not None and (case.custody.fsa.credits_days is not None
                                                   or case.custody.fsa.risk_levels is not None)
    rdap_stated = case.custody.rdap is not None
    lead = _lead(statutory, _span(result, "projected_release_date"), projected, early_srd, late_srd)
    fsa_reach = add_months(early_srd, -int(fsa_limit.value))
    rdap_reach = add_months(fsa_reach, -int(rdap_limit.value))
    unstated = ("fsa" if not fsa_stated else "") + ("rdap" if not rdap_stated else "")
    method = said("recon.method_is", method=bop.release_method) if bop.release_method else said("recon.no_method")
    limits = {"fsa": fsa_limit.value, "fsa_citation": fsa_limit.citation, "rdap": rdap_limit.value,
              "rdap_citation": rdap_limit.citation, "method": method}
    if projected >= fsa_reach:
        return said("recon.projected.fsa" if fsa_stated else "recon.projected.fsa_unstated", lead=lead, **limits)
    if projected >= rdap_reach:
        return said("recon.projected.rdap", lead=lead, unstated=said(f"recon.unstated.{unstated or 'none'}"),
                    **limits)
    return said("recon.projected.beyond", lead=lead, **limits)


def _lead(statutory: _Span, ours: _Span, projected: date, early_srd: date, late_srd: date) -> Said:
    """'the BOP's date is N days before the statutory release date reprieve computes (DATE)'."""
    near, far = (early_srd - projected).days, (late_srd - projected).days
    gap = _days(near) if near == far else said("recon.days_range", low=max(near, 0), high=far)
    where = said("recon.where.one", day=statutory.point) if statutory.point is not None else \
        said("recon.where.one_range" if near == far else "recon.where.many", low=statutory.low, high=statutory.high)
    if ours.point is None and ours.low is not None and projected < ours.low and ours.low != early_srd:
        return said("recon.lead.fsa", gap=gap, where=where, days=_days((ours.low - projected).days), day=ours.low)
    return said("recon.lead", gap=gap, where=where)
