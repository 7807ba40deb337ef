"""The sentence computation, as the Bureau of Prisons does it, as of any date (law.md sections A and B).

The rules are in `reprieve.law`; this module resolves the case's facts into the inputs they need and runs them.
Facts that are unknown or approximate are never guessed: the computation is run on the earliest and the latest
values the facts allow, and the point answer is given only when every fact it needs is known (or the BOP's own
projection convention supplies it, e.g. the maximum GCT not yet lost).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from reprieve.assess.presumptions import Presumed, presumption
from reprieve.assess.reconcile import Reconciled, reconcile
from reprieve.assess.rulings import with_rulings
from reprieve.case.model import Case, Infraction
from reprieve.dates import PartialDate, add_months, days_inclusive
from reprieve.law import fsa_time_credits as fsa
from reprieve.law import gct_loss, rdap
from reprieve.law.good_conduct_time import GoodConductTime, maximum_gct, rate_for
from reprieve.law.params import LawSnapshot, law, using
from reprieve.law.release_day import release_weekday
from reprieve.law.sentence_aggregation import Aggregate, Term, aggregate_term
from reprieve.results import Joined, Refusal, Said, Span, Step, Uncertainty, explaining, said

CITE_3585A = "18 U.S.C. § 3585(a)"
CITE_3585B = "18 U.S.C. § 3585(b)"
AUTHORITY_3585 = "usc_18_3585"
_DIPLOMA_WORDS = ("ged", "diploma", "high school", "hse", "hiset")
LOW_RISK = ("minimum", "low")


# The inputs of a scenario are named tuples, not frozen dataclasses: made several times a person, and a frozen
# dataclass sets each field through object.__setattr__. Immutable and hashable all the same (scenarios are keys).
class FsaInputs(NamedTuple):
    start: date
    low_risk: bool
    supervised_release: bool
    may_apply: bool
    reported: tuple[date, int] | None  # credits already earned as of a date
    future_earning: bool = True


class Scenario(NamedTuple):
    """Every input the rules need, each a single value."""

    commenced: date
    later_starts: tuple[date | None, ...]
    prior_custody_days: int
    gct_rate: int
    gct_loss: str  # "stated", "least" or "most"
    rdap_months: int
    fsa: FsaInputs | None


@dataclass
class Dates:
    term: Term
    full_term_no_credit: date | None
    full_term: date | None
    gct_max: int
    gct_lost: int
    statutory_release: date | None
    after_rdap: date | None
    fsa: fsa.Projection | None
    fsa_earned_to_date: int | None
    fsa_earned_to_date_max: int | None
    rdap_months: int
    release: date | None
    projected_release: date | None
    time_served_days: int
    percent_served: float | None
    home_detention: date | None
    steps: list[Step]
    custody_start: date | None = None  # commencement less prior custody credit: the first day counted as served


@dataclass
class GoodConduct:
    """Good conduct time (cli.md `gct`): the most the term earns, the days the case file says were disallowed or
    forfeited, the days lost in all (once computed) and the days that count."""

    max_days: int | None = None
    disallowed_days: int | None = None
    forfeited_days: int | None = None
    lost_days: int | None = None  # None until computed (and then absent from the JSON, as before the computation)
    days: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"max_days": self.max_days, "disallowed_days": self.disallowed_days,
                               "forfeited_days": self.forfeited_days}
        if self.lost_days is not None:
            out["lost_days"] = self.lost_days
        out["days"] = self.days
        return out


@dataclass
class FsaCredits:
    """First Step Act time credits (cli.md `fsa`): eligibility, and the credits earned and applied."""

    eligible: bool | None
    eligibility_reasons: list[Said]  # words, formatted when rendered
    risk_level: str | None = None
    earning_start: date | None = None
    earned_to_date_days: int | None = None
    earned_to_date_max_days: int | None = None
    credit_days: int | None = None
    applied_to_release_days: int | None = None
    prerelease_custody_date: date | None = None
    prerelease_days: int | None = None
    release_date: date | None = None
    note: str | None = None  # "credits earned but not applicable"

    def as_json(self) -> dict[str, Any]:
        out = {f.name: _iso(v) if isinstance(v := getattr(self, f.name), date) else v for f in fields(self)}
        out["eligibility_reasons"] = [r.render() for r in self.eligibility_reasons]
        if self.note is None:
            del out["note"]
        return out


@dataclass
class RdapReduction:
    """The RDAP reduction (18 U.S.C. 3621(e)) applied (cli.md `rdap`): its months and the release date after it."""

    months: int | None
    release_date: date | None

    def as_json(self) -> dict[str, Any]:
        return {"months": self.months, "release_date": _iso(self.release_date)}


@dataclass
class Computation:
    """The result of `reprieve compute`: the keys of the CLI's JSON contract (`as_json`) and more."""

    as_of: date
    total_term: Term | None = None
    commenced_on: date | None = None
    prior_custody_days: int | None = None
    full_term_date: date | None = None
    gct: GoodConduct = field(default_factory=GoodConduct)
    statutory_release_date: date | None = None
    fsa: FsaCredits | None = None
    projected_release_date: date | None = None
    release_method: str | None = None
    time_served_days: int | None = None
    percent_of_term_served: float | None = None
    home_detention_eligibility_date: date | None = None
    rdap: RdapReduction | None = None
    ranges: dict[str, Span] = field(default_factory=dict)  # beside each value the facts leave open
    uncertain: list[Uncertainty] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    reconciliation: list[Reconciled] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    presumed: Callable[[], list[Presumed]] | None = field(default=None, repr=False, compare=False)
    steps: list[Step] = field(default_factory=list)
    earliest: Dates | None = None
    latest: Dates | None = None
    point: Dates | None = None
    plan: _Plan | None = field(default=None, repr=False, compare=False)  # the scenarios (reused by `with_terms`)

    _assumptions: list[Presumed] | None = field(default=None, repr=False, compare=False)

    @property
    def assumptions(self) -> list[Presumed]:
        """The BOP's projection conventions the dates rest on, {field, presumed, why, if_instead}: worked out when
        first read (one of them is the release at the other good conduct time rate, a whole computation that a
        screening, which keeps no presumptions, never needs)."""
        if self._assumptions is None:
            self._assumptions = self.presumed() if self.presumed is not None else []
        return self._assumptions

    @property
    def last_possible_release(self) -> date | None:
        """The latest day the person may be released on the facts stated; None when no date can be computed. A day
        an avenue opens after it is no day to act on."""
        return self.latest.projected_release if self.latest else self.projected_release_date

    @property
    def projected_release_range(self) -> Span | None:
        return self.ranges.get("projected_release_date")

    def released_by(self, day: date) -> bool | None:
        """Is the projected release date on or before `day`? None when partial facts leave it open."""
        latest = self.latest.projected_release if self.latest else None
        earliest = self.earliest.projected_release if self.earliest else None
        point = self.projected_release_date
        if point is not None and not self.ranges.get("projected_release_date"):
            return point <= day
        if latest is not None and latest <= day:
            return True
        if earliest is not None and earliest > day:
            return False
        return None

    def as_json(self) -> dict[str, Any]:
        term = self.total_term
        out: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "total_term": None if term is None else {"months": None if term.life else term.months,
                                                     "days": None if term.life else term.days, "life": term.life},
            "commenced_on": _iso(self.commenced_on),
            "prior_custody_days": self.prior_custody_days,
            "full_term_date": _iso(self.full_term_date),
            "gct": self.gct.as_json(),
            "statutory_release_date": _iso(self.statutory_release_date),
            "fsa": self.fsa.as_json() if self.fsa is not None else {},
            "projected_release_date": _iso(self.projected_release_date),
            "release_method": self.release_method,
            "time_served_days": self.time_served_days,
            "percent_of_term_served": self.percent_of_term_served,
            "home_detention_eligibility_date": _iso(self.home_detention_eligibility_date),
            "rdap": self.rdap.as_json() if self.rdap is not None else {},
            "uncertain": [u.as_json() for u in self.uncertain],
            "refusals": [r.as_json() for r in self.refusals],
            "reconciliation": [r.as_json() for r in self.reconciliation],
            "missing": self.missing,
            "assumptions": [p.as_json() for p in self.assumptions],
            "steps": [s.as_json() for s in self.steps],
        }
        if self.ranges:
            release = self.projected_release_range
            out["projected_release_range"] = release.as_json() if release is not None else None
            out["ranges"] = {key: span.as_json() for key, span in self.ranges.items()}
        for key, span in self.ranges.items():  # `<key>_range` beside each value a missing fact left null (cli.md)
            if out.get(key) is None:
                out[f"{key}_range"] = span.ends_json()
        return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- facts -------------------------------------------------------------------------------------------------------

def offense_date(case: Case) -> PartialDate | None:
    """The latest offense date stated (continuing offenses are governed by when they ended)."""
    dates = [c.offense_ended or c.offense_began for j in case.judgments for c in j.counts]
    known = [d for d in dates if d is not None]
    return max(known, key=lambda d: d.latest) if known else None


def _infractions(case: Case) -> list[Infraction] | None:
    conduct = case.circumstances.conduct
    if not conduct or all(fact.infractions is None for fact in conduct):
        return None
    return [i for fact in conduct for i in (fact.infractions or [])]


def _has_diploma(case: Case) -> bool | None:
    for fact in case.circumstances.conduct or []:
        text = " ".join(filter(None, [fact.education, *(fact.programs or [])])).lower()
        if any(word in text for word in _DIPLOMA_WORDS):
            return True
    return None


def _supervised_release(case: Case) -> bool | None:
    terms = [j.supervised_release_months for j in case.judgments]
    if any(t for t in terms if t):
        return True
    if terms and all(t == 0 for t in terms):
        return False
    return None


def _risk_level(case: Case, on: date) -> str | None:
    levels = case.custody.fsa.risk_levels if case.custody.fsa else None
    if not levels:
        return None
    dated = sorted((r for r in levels if r.on.earliest <= on), key=lambda r: r.on.earliest)
    return dated[-1].level if dated else None


# --- the engine --------------------------------------------------------------------------------------------------

@dataclass
class _Plan:
    """The three sets of inputs: the point (None if a needed fact is unknown), the earliest and the latest."""

    point: Scenario | None
    early: Scenario | None
    late: Scenario | None
    uncertain: list[Uncertainty]
    missing: list[str]
    steps: list[Step]
    fsa_eligibility: fsa.Eligibility | None = None
    risk: str | None = None
    rate_flip: tuple[int, str] | None = None  # the GCT rate (and its citation) if the presumed full rate is wrong
    loss_presumed: bool = False  # GCT already disallowed is not stated
    reads_terms: bool = False  # the first day of custody was read back from the term (custody_window)


def compute(case: Case, as_of: date, *, explain: bool = True, law: LawSnapshot | None = None) -> Computation:
    """The computation on `as_of`, under `law` (`Law.at(as_of, changes)`; default: the law in use, the shipped law
    unless a caller bound another). `explain=False` leaves out what only a reader needs (the answer if a
    presumption is wrong), for computations of hypothetical terms."""
    with using(law):
        return _compute(case, as_of, explain)


def _compute(case: Case, as_of: date, explain: bool) -> Computation:
    result = Computation(as_of=as_of)
    case = with_rulings(case)  # a resentencing or reduction a court already ordered sets the term in force
    _refusals(case, as_of, result)
    if any(r.code in _STOPPING for r in result.refusals):
        return result
    result.plan = _plan(case, as_of)
    return _from_plan(case, as_of, result.plan, result, explain)


def with_terms(computation: Computation, case: Case, point_only: bool = False) -> Computation:
    """The computation of `case` - the case `computation` was made of, the counts' terms aside (the release if
    sentenced now) - reusing the scenarios `computation` planned, which do not turn on the terms unless the first
    day of custody was read back from the term (then the case is computed anew). Explanations left out; with
    `point_only`, the earliest and latest too (the dates on the facts as stated alone)."""
    plan = computation.plan
    if plan is None or plan.reads_terms:
        return compute(case, computation.as_of, explain=False)
    if point_only:
        plan = replace(plan, early=None, late=None)
    result = Computation(as_of=computation.as_of, plan=plan)
    case = with_rulings(case)
    _refusals(case, result.as_of, result)
    # A scenario whose terms aggregate to the same term as in `computation` gives the same dates: nothing else of
    # the case changed (the offense dates, custody and conduct are the same), and the law is the one it was planned
    # under, as for the plan itself.
    known = {s: d for s, d in ((plan.point, computation.point), (plan.early, computation.earliest),
                               (plan.late, computation.latest)) if s is not None and d is not None}
    return _from_plan(case, result.as_of, plan, result, explain=False, known=known)


def _from_plan(case: Case, as_of: date, plan: _Plan, result: Computation, explain: bool,
               known: dict[Scenario, Dates] | None = None) -> Computation:
    """The computation's dates and findings from its planned scenarios (`known`: the dates of each scenario in a
    computation of the same case with other terms on the counts, `with_terms`)."""
    result.uncertain = plan.uncertain
    result.missing = sorted(set(plan.missing))
    off = offense_date(case)
    off_day = off.latest if off else as_of
    # When the facts are certain the three scenarios coincide: evaluate each distinct one once.
    done: dict[Scenario, Dates | None] = {}
    bases: dict[Scenario, _Base | Dates | None] = {}  # and the part before FSA credits once for those sharing it

    def run(scenario: Scenario | None) -> Dates | None:
        if scenario is None:
            return None
        if scenario not in done:
            done[scenario] = _evaluate(case, scenario, off_day, as_of, bases, known.get(scenario) if known else None)
        return done[scenario]

    try:
        point, early, late = run(plan.point), run(plan.early), run(plan.late)
    except OverflowError:  # consecutive terms that end past the calendar (year 9999)
        result.refusals.append(Refusal("TERM_BEYOND_CALENDAR", said("comp.refuse.beyond_calendar"),
                                       "18 U.S.C. § 3584(c)"))
        result.steps = plan.steps
        return result
    result.point, result.earliest, result.latest = point, early, late
    shown = point or late or early
    if shown is None:
        return _without_dates(case, as_of, plan, result)
    explained_ = explaining()  # decided only (a screening row): no steps, which only explain
    if explained_:
        result.steps = plan.steps + shown.steps
        if point is None:
            result.steps.insert(0, Step("SCENARIO", None, "", said("step.scenario")))
    scenario = plan.point or plan.late or plan.early
    assert scenario is not None
    if point or _same(early, late, "term"):
        result.total_term = shown.term
    elif (alone := _term_alone(case, as_of)) is not None:
        result.total_term = alone.term
    if point is not None:
        _fill_point(result, case, point, plan.point)  # type: ignore[arg-type]
    _fill_ranges(result, early, late)
    _fill_fsa(result, plan, point)
    if shown.term.life:
        result.refusals.append(Refusal("LIFE_TERM", said("comp.refuse.life"), "18 U.S.C. § 3624(b)(1)"))
    result.reconciliation = reconcile(case, result)
    if explained_:
        result.steps.sort(key=lambda step: _STEP_ORDER.get(step.rule, len(_STEP_ORDER)))
    if explain:
        snapshot = law()  # the law it was computed under, bound again when the presumptions are worked out

        def presumed() -> list[Presumed]:
            with using(snapshot):
                return _presumptions(case, plan, shown, scenario, off_day, as_of)
        result.presumed = presumed
    return result


def _without_dates(case: Case, as_of: date, plan: _Plan, result: Computation) -> Computation:
    """No scenario gives dates: the term alone, and whether the offenses allow FSA credits."""
    result.steps = plan.steps
    alone = _term_alone(case, as_of)
    if alone is not None:
        result.total_term = alone.term
        result.steps = plan.steps + alone.steps
    if plan.fsa_eligibility is not None:  # whether the offenses allow credits does not turn on the dates
        _fill_fsa(result, plan, None)
    result.steps.sort(key=lambda step: _STEP_ORDER.get(step.rule, len(_STEP_ORDER)))
    return result


def _presumptions(case: Case, plan: _Plan, shown: Dates, scenario: Scenario, offense_day: date,
                  as_of: date) -> list[Presumed]:
    """The BOP's projection conventions the dates rest on, each with the answer if it is wrong."""
    out: list[Presumed] = []
    eligibility = plan.fsa_eligibility
    for j, c, clause in dict.fromkeys(eligibility.presumed_absent if eligibility else []):
        words, why = presumption("death_or_injury", label=case.judgments[j].counts[c].count or c + 1)
        out.append(Presumed(f"judgments[{j}].counts[{c}].death_or_serious_bodily_injury", words, why,
                            said("presumed.fsa_bar", clause=clause)))
    if shown.release is None or shown.gct_max == 0:
        return out
    if plan.loss_presumed:
        least = shown.gct_lost
        out.append(Presumed("custody.gct_disallowed_days",
                            said("presumed.gct_disallowed.least" if least else "presumed.gct_disallowed", days=least),
                            said("presumed.gct_disallowed.why"), said("presumed.gct_disallowed.if_instead")))
    if plan.rate_flip is not None:
        rate, citation = plan.rate_flip
        flipped = _evaluate(case, scenario._replace(gct_rate=rate), offense_day, as_of)
        later = flipped.projected_release if flipped is not None else None
        out.append(Presumed(
            "custody.gct_rate", said("presumed.gct_rate", rate=scenario.gct_rate),
            said("presumed.gct_rate.why", citation=citation),
            said("presumed.gct_rate.if_instead_later", rate=rate, release=later,
                 days=(later - shown.projected_release).days) if later and shown.projected_release else
            said("presumed.gct_rate.if_instead", rate=rate)))
    return out


_STEP_ORDER = {rule: rank for rank, rule in enumerate((
    "SCENARIO", "COUNTS_AGGREGATED", "924C_CONSECUTIVE", "1028A_CONSECUTIVE", "JUDGMENTS_AGGREGATED", "COMMENCEMENT",
    "PRIOR_CUSTODY",
    "FULL_TERM", "GCT", "GCT_LOSS", "STATUTORY_RELEASE", "RDAP", "FSA_ELIGIBILITY", "FSA_CREDITS",
    "FSA_SUPERVISED_RELEASE", "FSA_PRERELEASE", "RELEASE", "RELEASE_DAY", "TIME_SERVED"))}


_STOPPING = ("OLD_LAW", "STATE_PRIMARY_JURISDICTION", "NO_JUDGMENT", "AS_OF_OUT_OF_RANGE")


def _term_alone(case: Case, as_of: date) -> Aggregate | None:
    """The aggregate term when it does not turn on the facts left unknown (commencement, jail credit): it does not
    unless a later judgment runs concurrently (then it runs from the first commencement to the latest end) or terms
    of months and of days compare differently by the month they begin in. None if it turns on them."""
    if any(j.relation == "concurrent" for j in case.judgments[1:]):
        return None
    first = case.judgments[0].imposed_on
    start = first.earliest if first is not None else as_of
    later: list[date | None] = [None] * (len(case.judgments) - 1)
    found = aggregate_term(case.judgments, start, later)
    if found.term is None or found.term.life:
        return found if found.term is not None else None
    # Months are not all the same length: the same term from each month of a leap-year cycle.
    for shift in range(1, 48):
        if aggregate_term(case.judgments, add_months(start, shift), later).term != found.term:
            return None
    return found


def _same(a: Dates | None, b: Dates | None, name: str) -> bool:
    return a is not None and b is not None and getattr(a, name) == getattr(b, name)


def _refusals(case: Case, as_of: date, result: Computation) -> None:
    data = law()
    if not case.judgments or not any(j.counts for j in case.judgments):
        result.refusals.append(Refusal("NO_JUDGMENT", said("comp.refuse.no_judgment"),
                                       "18 U.S.C. § 3584"))
        result.missing.append("judgments[0].counts")
        return
    boundary = data.maybe("scope.new_law_offenses_from", as_of)
    if boundary is None:
        first = data.parameter("scope.new_law_offenses_from").values[0].from_
        result.refusals.append(Refusal("AS_OF_OUT_OF_RANGE", said("comp.refuse.as_of_early", as_of=as_of, first=first),
                                       "Pub. L. 98-473, § 235"))
        return
    for j, judgment in enumerate(case.judgments):
        for c, count in enumerate(judgment.counts):
            ended = count.offense_ended or count.offense_began
            if ended is not None and ended.latest < boundary.value:
                result.refusals.append(Refusal("OLD_LAW", said(
                    "comp.refuse.old_law_count", where=f"judgments[{j}].counts[{c}]", day=boundary.value),
                    boundary.citation))
                return
    imposed = case.judgments[0].imposed_on
    if imposed is not None and imposed.latest < boundary.value:
        result.refusals.append(Refusal("OLD_LAW", said("comp.refuse.old_law_imposed", day=boundary.value),
                                       boundary.citation))
        return
    if case.custody.primary_jurisdiction == "state":
        result.refusals.append(Refusal("STATE_PRIMARY_JURISDICTION", said("comp.refuse.state"), CITE_3585A))


def served_start(case: Case, term: Term | None) -> tuple[date, date] | None:
    """The first day of custody that the time served stated implies (custody.served), earliest and latest: months
    and days back from the day it was stated, or a share of the term (which needs the term)."""
    served = case.custody.served
    if served is None:
        return None
    if served.months is not None or served.days is not None:
        def back(day: date) -> date:
            return add_months(day, -(served.months or 0)) - timedelta(days=(served.days or 0) - 1)
        return back(served.as_of.earliest), back(served.as_of.latest)
    percent = served.percent
    if percent is not None and term is not None and not term.life:
        length = term

        def share(day: date) -> date:
            end = length.full_term_date(day)
            assert end is not None
            return day - timedelta(days=round(days_inclusive(day, end) * percent / 100) - 1)
        return share(served.as_of.earliest) - timedelta(days=1), share(served.as_of.latest) + timedelta(days=1)
    return None


def custody_window(case: Case, as_of: date) -> tuple[date, date, Said] | None:
    """The first day of custody, earliest and latest, when commencement is not known: from the time served stated,
    else from the BOP's projected release date (the term less good conduct time at the rate the BOP projects, and at
    most a year of First Step Act credits)."""
    reference = case.custody.served.as_of.latest if case.custody.served else as_of
    term = aggregate_term(case.judgments, reference, [None] * (len(case.judgments) - 1)).term \
        if all(j.relation != "concurrent" for j in case.judgments[1:]) else None
    served = served_start(case, term)
    if served is not None:
        stated = case.custody.served
        assert stated is not None
        amount = said("step.window.percent", percent=stated.percent) if stated.months is None and \
            stated.days is None else said("step.window.months_days", months=stated.months or 0, days=stated.days or 0)
        began = said("text", text=served[0]) if served[0] == served[1] else \
            said("step.window.between", low=served[0], high=served[1])
        return served[0], served[1], said("step.window.served", amount=amount, as_of=stated.as_of, began=began)
    bop = case.custody.bop
    projected = bop.projected_release_date.exact if bop and bop.projected_release_date else None
    if projected is None or term is None or term.life:
        return None
    off = offense_date(case)
    rate, _ = rate_for(off.latest if off else projected, True)
    start = projected
    for _ in range(3):  # the GCT of a term depends a little on where its partial year falls: settle it
        end = term.full_term_date(start)
        assert end is not None
        gct = maximum_gct(start, term, rate, off.latest if off else projected, as_of).days
        start = start - (end - timedelta(days=gct) - projected)
    if fsa.eligibility(case, as_of).eligible is False:
        return start, start, said("step.window.projected", projected=projected, term=term.said(), rate=rate)
    # Time credits move the release at most this much before the date without them (18 U.S.C. 3624(g)(3): "not
    # to exceed 12 months"), so the term began at most that much later than the projected date alone implies.
    cap = int(law().value("fsa_time_credits.supervised_release_max_months", as_of))
    latest = start + (add_months(projected, cap) - projected)
    return start, latest, said("step.window.projected_fsa" if cap == 12 else "step.window.projected_fsa_months",
                               projected=projected, term=term.said(), rate=rate, months=cap)


@dataclass
class _Notes:
    """What planning finds along the way: the facts uncertain or missing, and the steps to show."""

    uncertain: list[Uncertainty] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def _plan(case: Case, as_of: date) -> _Plan:
    """The scenarios to compute: the point (every fact known), the earliest and the latest."""
    custody = case.custody
    notes = _Notes()
    uncertain, missing, steps = notes.uncertain, notes.missing, notes.steps
    early_c, late_c, point_c, starts_in_custody = _commencement(case, as_of, notes)

    later_early = tuple(j.imposed_on.earliest if j.imposed_on else None for j in case.judgments[1:])
    later_late = tuple(j.imposed_on.latest if j.imposed_on else None for j in case.judgments[1:])
    later_point = tuple(j.imposed_on.exact if j.imposed_on else None for j in case.judgments[1:])
    later_known = all(d is not None for d in later_point) or all(
        j.relation != "concurrent" for j in case.judgments[1:])

    def credit(commenced: date | None, which: str) -> int | None:
        return _prior_custody_credit(case, commenced, which, starts_in_custody)

    _prior_custody_steps(case, starts_in_custody, notes)
    rate_point, rate_flip = _gct_rate(case, as_of)
    rate_late = rate_point

    # GCT already lost (28 CFR 541.4): the BOP projects with none lost beyond what is disallowed; unstated, the least
    # the stated infractions require (each disallowed day a day later: a flip, not the latest bound).
    stated_loss = custody.gct_disallowed_days is not None or custody.gct_forfeited_days is not None
    loss_point = loss_late = "stated" if stated_loss else "least"

    rdap_given, rdap_point, rdap_early = _rdap_months(case, notes)

    # FSA time credits (none before the First Step Act).
    risk = _risk_level(case, as_of)
    if law().maybe("fsa_time_credits.period_days", as_of) is None:
        eligibility = fsa.Eligibility(None, [said("fsa.elig.not_yet")])
        fsa_point = fsa_early = fsa_late = None
    else:
        eligibility = fsa.eligibility(case, as_of)
        fsa_point, fsa_early, fsa_late = _plan_fsa(case, as_of, eligibility, risk, point_c, early_c, late_c,
                                                   uncertain)

    def scenario(c: date | None, which: str, later: tuple[date | None, ...], rate: int, loss: str, rdap_m: int,
                 fsa_in: FsaInputs | None) -> Scenario | None:
        j = credit(c, which)
        if c is None or j is None:
            return None
        return Scenario(c, later, j, rate, loss, rdap_m, fsa_in)

    point = scenario(point_c, "point", later_point, rate_point, loss_point, rdap_point, fsa_point) \
        if later_known else None
    early = scenario(early_c, "early", later_early, rate_point, "least" if not stated_loss else "stated",
                     rdap_early, fsa_early)
    late = scenario(late_c, "late", later_late, rate_late, loss_late, 0 if rdap_given is None else rdap_given,
                    fsa_late)
    return _Plan(point, early, late, uncertain, missing, steps, eligibility, risk, rate_flip, not stated_loss,
                 starts_in_custody)


def _gct_rate(case: Case, as_of: date) -> tuple[int, tuple[int, str] | None]:
    """The good conduct time rate of the computation (523.20(d)) and, when it is presumed, the rate if the
    presumption is wrong. The BOP projects at the full rate: 42 days only for one known to lack a GED and
    satisfactory progress toward one. That is a presumption (with its flip), not the latest bound."""
    if case.custody.gct_rate is not None:
        return int(case.custody.gct_rate), None
    first = case.judgments[0]
    off = offense_date(case)
    off_day = off.latest if off else (first.imposed_on.latest if first.imposed_on else as_of)
    rate, _ = rate_for(off_day, True)
    reduced = rate_for(off_day, _has_diploma(case) or False)
    return rate, reduced if reduced[0] != rate else None


def _rdap_months(case: Case, notes: _Notes) -> tuple[int | None, int, int]:
    """The RDAP reduction (3621(e)) stated, and the months of the point and of the earliest computation (-1: the
    cap, which depends on the term of each scenario)."""
    rdap_ = case.custody.rdap
    given = rdap_.reduction_months if rdap_ else None
    completed = rdap_ is not None and rdap_.completed_on is not None
    if completed and given is None:
        notes.uncertain.append(Uncertainty("custody.rdap.reduction_months", said("comp.unc.rdap")))
    return given, given if given is not None else 0, given if given is not None else (-1 if completed else 0)


def _commencement(case: Case, as_of: date, notes: _Notes) -> tuple[date | None, date | None, date | None, bool]:
    """When the sentence commenced (3585(a)): earliest, latest, exact (None if not known), and whether the first
    day of custody was read back from the time served or the BOP's date (custody_window)."""
    custody = case.custody
    uncertain, missing, steps = notes.uncertain, notes.missing, notes.steps
    first = case.judgments[0]
    starts_in_custody = False
    point_c: date | None
    early_c: date | None
    late_c: date | None
    if custody.commenced_on is not None:
        early_c, late_c, point_c = custody.commenced_on.earliest, custody.commenced_on.latest, \
            custody.commenced_on.exact
        steps.append(Step("COMMENCEMENT", AUTHORITY_3585, CITE_3585A,
                          said("step.commencement.stated", on=custody.commenced_on)))
        if point_c is None:
            missing.append("custody.commenced_on")
            uncertain.append(Uncertainty("custody.commenced_on", said(
                "comp.unc.commenced_partial", known=custody.commenced_on, low=early_c, high=late_c)))
    elif first.imposed_on is not None and custody.continuous_since_arrest:
        imposed = first.imposed_on
        early_c, late_c, point_c = imposed.earliest, imposed.latest, imposed.exact
        steps.append(Step("COMMENCEMENT", AUTHORITY_3585, CITE_3585A, said("step.commencement.imposed", on=imposed),
                          said("step.commencement.imposed.note")))
        if point_c is None:
            missing.append("judgments[0].imposed_on")
            uncertain.append(Uncertainty("judgments[0].imposed_on", said(
                "comp.unc.imposed_partial", known=imposed, low=early_c, high=late_c)))
    elif (window := custody_window(case, as_of)) is not None:
        # Neither commencement nor custody since sentencing is stated: the first day of custody is read back from
        # the time served stated, or from the BOP's own projected release date; jail credit is then within it.
        early_c, late_c, step_text = window
        point_c = early_c if early_c == late_c else None
        starts_in_custody = True
        steps.append(Step("COMMENCEMENT", AUTHORITY_3585, f"{CITE_3585A}; {CITE_3585B}", step_text))
        missing.append("custody.commenced_on")
        if point_c is None:
            uncertain.append(Uncertainty("custody.commenced_on", said(
                "comp.unc.window", low=early_c, high=late_c, how=step_text)))
    elif first.imposed_on is not None:
        early_c, late_c, point_c = first.imposed_on.earliest, None, None
        missing.append("custody.commenced_on")
        uncertain.append(Uncertainty("custody.commenced_on", said("comp.unc.no_commencement")))
    else:
        early_c = late_c = point_c = None
        missing.extend(["custody.commenced_on", "judgments[0].imposed_on"])

    return early_c, late_c, point_c, starts_in_custody


def _prior_custody_credit(case: Case, commenced: date | None, which: str, starts_in_custody: bool) -> int | None:
    """Prior custody credit (3585(b)) for the scenario `which` ('early', 'late' or 'point')."""
    custody = case.custody
    if commenced is None:
        return None
    if custody.prior_custody_days is not None:
        return custody.prior_custody_days
    if starts_in_custody:
        return 0  # the window is of the first day of custody: credit is inside it
    served = served_start(case, None)
    if served is not None and custody.arrested_on is None:  # the time served stated bounds the credit
        return max((commenced - served[1 if which == "late" else 0]).days, 0)
    arrest = custody.arrested_on
    if arrest is not None:
        day = {"early": arrest.earliest, "late": arrest.latest, "point": arrest.exact}[which]
        if day is None:
            return None
        derivable = custody.continuous_since_arrest and custody.time_credited_elsewhere is not True
        if derivable or which == "early":
            return max((commenced - day).days, 0)
        return 0 if which == "late" else None
    if which == "late":
        return 0
    return None


def _prior_custody_steps(case: Case, starts_in_custody: bool, notes: _Notes) -> None:
    """The step that states the prior custody credit, or what is uncertain or missing about it."""
    custody = case.custody
    uncertain, missing, steps = notes.uncertain, notes.missing, notes.steps
    if custody.prior_custody_days is not None:
        steps.append(Step("PRIOR_CUSTODY", AUTHORITY_3585, CITE_3585B,
                          said("step.prior_custody.stated", days=custody.prior_custody_days)))
    elif custody.arrested_on is not None and custody.continuous_since_arrest and \
            custody.time_credited_elsewhere is not True:
        steps.append(Step("PRIOR_CUSTODY", AUTHORITY_3585, CITE_3585B,
                          said("step.prior_custody.since_arrest", arrested=custody.arrested_on),
                          said("step.prior_custody.since_arrest.note")))
        if not custody.arrested_on.is_exact:
            missing.append("custody.arrested_on")
            uncertain.append(Uncertainty("custody.arrested_on", said("comp.unc.arrest_partial",
                                                                     known=custody.arrested_on)))
    elif not starts_in_custody:  # a first day of custody read back from time served has the credit inside it
        missing.append("custody.prior_custody_days")
        bound = said("comp.unc.jail_credit.since_arrest", arrested=custody.arrested_on) if custody.arrested_on \
            else said("comp.unc.jail_credit.unbounded")
        uncertain.append(Uncertainty("custody.prior_custody_days", said("comp.unc.jail_credit", bound=bound)))


def _earning_start(case: Case, first_day: date, commenced: date | None, which: str) -> date | None:
    """The day FSA credits begin to be earned in the point, earliest or latest computation: as stated, else at
    commencement or arrival at the designated facility (the law's rule then), never before the first day credits
    could be earned."""
    stated = case.custody.fsa
    if stated and stated.earning_since is not None:
        day = {"early": stated.earning_since.earliest, "late": stated.earning_since.latest,
               "point": stated.earning_since.exact}[which]
    elif commenced is None:
        return None
    else:
        rule = law().value("fsa_time_credits.earning_start_rule", max(commenced, first_day))
        arrival = case.custody.arrived_at_facility_on
        if rule == "commencement" or which == "early":
            day = commenced
        elif arrival is not None:
            day = {"late": arrival.latest, "point": arrival.exact}[which]
        else:
            day = None
    if day is None:
        return None
    return day if day > first_day else first_day


def _plan_fsa(case: Case, as_of: date, eligibility: fsa.Eligibility, risk: str | None, point_c: date | None,
              early_c: date | None, late_c: date | None, uncertain: list[Uncertainty],
              ) -> tuple[FsaInputs | None, FsaInputs | None, FsaInputs | None]:
    """FSA inputs for the point, earliest and latest computations."""
    if eligibility.eligible is False:
        return None, None, None
    data = law()
    first_day: date = data.value("fsa_time_credits.no_credit_before", as_of)
    stated = case.custody.fsa
    sr = _supervised_release(case)
    removal = case.person.final_removal_order
    may_apply = not removal if removal is not None else True
    if removal:
        uncertain.append(Uncertainty("person.final_removal_order", said("comp.unc.removal")))
    reported: tuple[date, int] | None = None
    if stated and stated.credits_days is not None:
        reported = (as_of, stated.credits_days)

    low = risk in LOW_RISK if risk else None
    reasons: list[Said] = []
    if eligibility.eligible is None:
        reasons.append(said("comp.fsa.depends", fields=", ".join(eligibility.missing)))
    if risk is None:
        reasons.append(said("comp.fsa.no_risk"))
    point_start = _earning_start(case, first_day, point_c, "point")
    if point_start is None and point_c is not None:
        reasons.append(said("comp.fsa.no_start"))

    point = None
    if eligibility.eligible and low is not None and point_start is not None:
        point = FsaInputs(point_start, low, bool(sr), may_apply, reported)
        if low and sr is None:
            uncertain.append(Uncertainty("judgments[0].supervised_release_months",
                                         said("comp.unc.no_supervised")))
    early_start = _earning_start(case, first_day, early_c, "early")
    early = FsaInputs(early_start, low is not False, True if sr is None else sr, may_apply, reported) \
        if early_start is not None else None
    late = None
    if point is not None:
        late = FsaInputs(point.start, point.low_risk, point.supervised_release, may_apply, reported, False)
        if low:
            uncertain.append(Uncertainty("custody.fsa.programming_days", said("comp.unc.continuous")))
    if reasons and (early is not None and early.low_risk):
        uncertain.append(Uncertainty("custody.fsa", said("comp.unc.fsa_not_in",
                                                         reasons=Joined(tuple(reasons), sep="; "))))
    return point, early, late


class _Base(NamedTuple):
    """What a scenario gives before FSA time credits: the term, full term, GCT, statutory release, RDAP. Scenarios
    that differ only in their FSA inputs (the point and the latest when every date is exact) share it."""

    term: Term
    full_no_credit: date
    full_term: date
    gct_max: int
    gct_lost: int
    statutory: date
    after_rdap: date
    rdap_months: int
    steps: tuple[Step, ...]


def _evaluate(case: Case, s: Scenario, offense_day: date, as_of: date,
              bases: dict[Scenario, _Base | Dates | None] | None = None, known: Dates | None = None) -> Dates | None:
    """One scenario's dates. `bases` (per computation) keeps the part before FSA credits for scenarios that share it;
    `known` is the scenario's dates with other terms on the counts, the same if they aggregate to the same term."""
    key = s._replace(fsa=None)
    if bases is not None and key in bases:
        base = bases[key]
    else:
        aggregate = aggregate_term(case.judgments, s.commenced, list(s.later_starts))
        if known is not None and aggregate.term == known.term:
            return replace(known, steps=[*aggregate.steps, *(step for step in known.steps if step.rule not in
                                                             _AGGREGATION_RULES)] if explaining() else [])
        base = _base(case, s, aggregate, offense_day, as_of)
        if bases is not None:
            bases[key] = base
    if base is None or isinstance(base, Dates):  # no term, or a life term (no credits apply)
        return base
    return _with_credits(case, s, base, as_of)


_AGGREGATION_RULES = frozenset(("COUNTS_AGGREGATED", "924C_CONSECUTIVE", "1028A_CONSECUTIVE", "JUDGMENTS_AGGREGATED"))


def _base(case: Case, s: Scenario, aggregate: Aggregate, offense_day: date, as_of: date) -> _Base | Dates | None:
    """The scenario's dates before FSA credits, from the counts' terms aggregated (`aggregate`). Decided only (a
    screening row), without the steps, which only explain."""
    explained_ = explaining()
    steps: list[Step] = list(aggregate.steps) if explained_ else []
    if aggregate.term is None:
        return None
    term = aggregate.term
    full_no_credit = term.full_term_date(s.commenced)
    if full_no_credit is None:  # life
        if explained_:
            steps.append(Step("FULL_TERM", "usc_18_3584", "18 U.S.C. § 3584(c)", said("step.full_term.life")))
        return Dates(term, None, None, 0, 0, None, None, None, None, None, 0, None, None, _served(s, as_of, None),
                     None, None, steps, s.commenced - timedelta(days=s.prior_custody_days))

    full_term = max(full_no_credit - timedelta(days=s.prior_custody_days), s.commenced)
    if explained_:
        steps.append(Step("FULL_TERM", AUTHORITY_3585, f"{CITE_3585A}; {CITE_3585B}",
                          said("step.full_term", commenced=s.commenced, term=term.said(), full=full_no_credit,
                               credit=s.prior_custody_days, full_term=full_term)))

    def lost_of(available: int) -> int:
        return _gct_lost(case, s, available, s.gct_rate, term, offense_day, as_of)[0]

    # Which method applied turns on the release date after the GCT already lost, not the full GCT.
    gct = maximum_gct(s.commenced, term, s.gct_rate, offense_day, as_of,
                      lambda days: full_term - timedelta(days=days), lost_of)
    lost, loss_step = _gct_lost(case, s, gct.days, gct.rate, term, offense_day, as_of)
    if explained_:
        steps.append(gct.step)
        if loss_step:
            steps.append(loss_step)
    statutory = _statutory_release(s, full_term, gct, lost, steps if explained_ else None)
    after_rdap = statutory
    months = 0
    if s.rdap_months:
        months, rdap_step = rdap.reduction(term, None if s.rdap_months < 0 else s.rdap_months, as_of)
        after_rdap = add_months(statutory, -months)
        if explained_:
            steps.append(replace(rdap_step, said=said("step.rdap.applied", rdap=rdap_step.said,
                                                      statutory=statutory, months=months, after=after_rdap)))
    return _Base(term, full_no_credit, full_term, gct.days, lost, statutory, after_rdap, months, tuple(steps))


def _statutory_release(s: Scenario, full_term: date, gct: GoodConductTime, lost: int,
                       steps: list[Step] | None) -> date:
    """The full term less the GCT not lost (3624(b)), never before the First Step Act's method could apply nor
    before commencement (its steps added to `steps`, unless None)."""
    statutory = full_term - timedelta(days=gct.days - lost)
    if steps is not None:
        steps.append(Step("STATUTORY_RELEASE", "usc_18_3624", "18 U.S.C. § 3624(b); 28 C.F.R. § 523.20(b)(1)",
                          said("step.statutory_release", full_term=full_term, gct=gct.days, lost=lost,
                               release=statutory), said("step.statutory_release.note")))
    if gct.not_before is not None and statutory < gct.not_before:
        statutory = gct.not_before
        if steps is not None:
            steps.append(Step("STATUTORY_RELEASE", gct.step.authority, gct.step.citation,
                              said("step.statutory_release.not_before", release=statutory)))
    if statutory < s.commenced:
        statutory = s.commenced
        if steps is not None:
            steps.append(Step("STATUTORY_RELEASE", AUTHORITY_3585, CITE_3585B,
                              said("step.statutory_release.time_served", release=statutory)))
    return statutory


def _with_credits(case: Case, s: Scenario, b: _Base, as_of: date) -> Dates:
    """FSA time credits applied to the base, the release day (a weekend or holiday moves it), time served. Decided
    only (a screening row), without the steps, which only explain."""
    explained_ = explaining()
    steps = list(b.steps)
    projection = None
    earned_to_date = earned_max = None
    release = b.after_rdap
    if s.fsa is not None:
        model = fsa.EarningModel.on(s.fsa.start, s.fsa.low_risk)
        reported = s.fsa.reported
        if reported is None and case.custody.fsa and case.custody.fsa.programming_days is not None:
            reported = (as_of, model.credits(model.periods(case.custody.fsa.programming_days)))
        if not s.fsa.future_earning:
            earned_now = reported[1] if reported else 0
            reported = (b.after_rdap, earned_now)
        periods_to_date = model.periods((min(as_of, b.after_rdap) - s.fsa.start).days)
        earned_to_date = reported[1] if reported and reported[0] == as_of else model.credits(periods_to_date)
        earned_max = model.statutory_max(periods_to_date)
        if s.fsa.may_apply and s.fsa.low_risk:
            projection = fsa.project(s.fsa.start, b.after_rdap, model, s.fsa.supervised_release, reported)
            steps.extend(projection.steps if explained_ else ())
            release = projection.release_date
        elif explained_:
            steps.append(Step("FSA_CREDITS", fsa.AUTHORITY_APPLICATION, fsa.CITE_APPLICATION,
                              said("step.fsa.not_applicable", days=earned_to_date, as_of=as_of,
                                   why=said("step.fsa.removal" if not s.fsa.may_apply else "step.fsa.risk"))))
    if release < s.commenced:
        release = s.commenced
        if explained_:
            steps.append(Step("RELEASE", AUTHORITY_3585, CITE_3585A,
                              said("step.release.commencement", release=release)))
    day, weekend = release_weekday(release)
    if day < s.commenced:  # released the day the sentence commenced: there is no earlier weekday to move to
        day = release
    elif weekend and explained_:
        steps.append(weekend)
    total_days = days_inclusive(s.commenced, b.full_no_credit)
    served_days = min(_served(s, as_of, release), total_days)
    percent = round(100 * served_days / total_days, 2) if total_days > 0 else 100.0  # a term of no days: served
    if explained_:
        steps.append(Step("TIME_SERVED", AUTHORITY_3585, CITE_3585B,
                          said("step.time_served", as_of=as_of, served=served_days, credit=s.prior_custody_days,
                               total=total_days, percent=percent)))
    home = _home_detention(b.term, s.commenced, b.full_no_credit, release, as_of)
    return Dates(b.term, b.full_no_credit, b.full_term, b.gct_max, b.gct_lost, b.statutory, b.after_rdap, projection,
                 earned_to_date, earned_max, b.rdap_months, release, day, served_days, percent, home, steps,
                 s.commenced - timedelta(days=s.prior_custody_days))


def _served(s: Scenario, as_of: date, release: date | None) -> int:
    """Days served by `as_of` (never beyond release), counting prior custody credit."""
    until = min(as_of, release) if release else as_of
    if until >= s.commenced:
        return days_inclusive(s.commenced, until) + s.prior_custody_days
    return max(0, s.prior_custody_days - (s.commenced - until).days + 1)


def _gct_lost(case: Case, s: Scenario, available: int, rate: int, term: Term, offense_day: date,
              as_of: date) -> tuple[int, Step | None]:
    custody = case.custody
    if s.gct_loss == "stated":
        lost = (custody.gct_disallowed_days or 0) + (custody.gct_forfeited_days or 0)
        return min(lost, available), Step("GCT_LOSS", gct_loss.AUTHORITY, gct_loss.CITE, said(
            "step.gct_loss.stated", disallowed=custody.gct_disallowed_days or 0,
            forfeited=custody.gct_forfeited_days or 0))
    years_begun = relativedelta(as_of, s.commenced).years + 1 if as_of >= s.commenced else 0
    full_years = term.months // 12
    yearly = [rate] * min(years_begun, full_years)
    if years_begun > full_years and available > rate * full_years:
        yearly.append(available - rate * full_years)
    bounds = gct_loss.loss_bounds(_infractions(case), offense_day, yearly, as_of)
    lost = bounds.least if s.gct_loss == "least" else bounds.most
    if bounds.most == 0:
        return 0, None
    return lost, Step("GCT_LOSS", gct_loss.AUTHORITY, gct_loss.CITE,
                      said("step.gct_loss.bounds", bounds=bounds.detail, lost=lost))


def _home_detention(term: Term, commenced: date, full_no_credit: date, release: date, as_of: date) -> date | None:
    data = law()
    entry = data.maybe("prerelease_custody.home_confinement_percent_of_term", as_of)
    if entry is None:
        return None
    percent = int(entry.value)
    months = int(data.value("prerelease_custody.home_confinement_max_months", as_of))
    tenth = days_inclusive(commenced, full_no_credit) * percent // 100
    by_months = (release - add_months(release, -months)).days
    return release - timedelta(days=min(tenth, by_months))


# --- filling the result ------------------------------------------------------------------------------------------

def _fill_point(result: Computation, case: Case, d: Dates, s: Scenario) -> None:
    result.commenced_on = s.commenced
    result.prior_custody_days = s.prior_custody_days
    result.full_term_date = d.full_term
    stated = s.gct_loss == "stated"
    result.gct = GoodConduct(d.gct_max, case.custody.gct_disallowed_days if stated else None,
                             case.custody.gct_forfeited_days if stated else None, d.gct_lost, d.gct_max - d.gct_lost)
    result.statutory_release_date = d.statutory_release
    result.projected_release_date = d.projected_release
    result.time_served_days = d.time_served_days
    result.percent_of_term_served = d.percent_served
    result.home_detention_eligibility_date = d.home_detention
    result.rdap = RdapReduction(d.rdap_months, d.after_rdap if d.rdap_months else None)
    if d.release is None:
        result.release_method = None
    elif d.fsa is not None and d.release < (d.after_rdap or d.release):
        result.release_method = "FSA REL"
    elif d.after_rdap != d.statutory_release:
        result.release_method = "3621E REL"
    else:
        result.release_method = "GCT REL"


def _fill_ranges(result: Computation, early: Dates | None, late: Dates | None) -> None:
    """Earliest and latest values whenever the facts leave room for more than one."""
    def pair(name: str) -> Span | None:
        lo = getattr(early, name) if early else None
        hi = getattr(late, name) if late else None
        if early is not None and late is not None and lo == hi and result.point is not None:
            return None
        return Span(lo, hi)

    for key, attr in (("projected_release_date", "projected_release"), ("full_term_date", "full_term"),
                      ("statutory_release_date", "statutory_release")):
        span = pair(attr)
        if span is not None:
            result.ranges[key] = span
    for key, attr in (("time_served_days", "time_served_days"), ("percent_of_term_served", "percent_served")):
        # Which scenario has served more depends on the date: once both are released, the later start may have
        # served longer. Order the values, not the scenarios.
        lo = getattr(late, attr) if late else None
        hi = getattr(early, attr) if early else None
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        if not (lo == hi and result.point is not None):
            result.ranges[key] = Span(lo, hi, dates=False)


def _fill_fsa(result: Computation, plan: _Plan, point: Dates | None) -> None:
    eligibility = plan.fsa_eligibility
    assert eligibility is not None
    projection = point.fsa if point else None
    result.fsa = FsaCredits(
        eligible=eligibility.eligible,
        eligibility_reasons=eligibility.reasons,
        risk_level=plan.risk,
        earning_start=projection.earning_start if projection else None,
        earned_to_date_days=point.fsa_earned_to_date if point else None,
        earned_to_date_max_days=point.fsa_earned_to_date_max if point else None,
        credit_days=projection.credits_at_transfer if projection else None,
        applied_to_release_days=projection.applied_to_release_days if projection else None,
        prerelease_custody_date=projection.transfer_date if projection and projection.prerelease_days else None,
        prerelease_days=projection.prerelease_days if projection else None,
        release_date=projection.release_date if projection else None,
    )
    if projection is None and point is not None and plan.point is not None and plan.point.fsa is not None:
        result.fsa.note = "credits earned but not applicable"
    if explaining():  # (no steps when decided only)
        result.steps.append(Step("FSA_ELIGIBILITY", fsa.AUTHORITY_ELIGIBILITY, eligibility.citation,
                                 Joined(tuple(eligibility.reasons), "; ") if eligibility.reasons else
                                 said("step.fsa_eligibility.not_determined")))
    if eligibility.missing:
        result.missing.extend(m for m in eligibility.missing if m not in result.missing)
