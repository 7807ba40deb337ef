"""First Step Act time credits: 18 U.S.C. 3632(d)(4), 3624(g); 28 C.F.R. 523.40-.44 (law.md section B).

Eligibility comes from the offenses of conviction (3632(d)(4)(D)); credits are earned per full 30-day period of
successful participation (10, plus 5 at minimum/low risk); they move release to supervised release by at most 12
months and the rest of them into prerelease custody (3624(g)). The projection follows the BOP's published model
(law.md B4), which reproduces the BOP's own handout examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from reprieve.case.model import Case, Count, Judgment
from reprieve.dates import add_months
from reprieve.law.params import law, law_cache
from reprieve.law.statutes import Statute, parse_statute, parse_statutes, sections
from reprieve.results import Said, Step, quoted, said

CITE_ELIGIBILITY = "18 U.S.C. § 3632(d)(4)(D)"
CITE_EARNING = "18 U.S.C. § 3632(d)(4)(A); 28 C.F.R. § 523.42"
CITE_APPLICATION = "18 U.S.C. § 3624(g); 28 C.F.R. § 523.44"
AUTHORITY_ELIGIBILITY = AUTHORITY_EARNING = "usc_18_3632"
AUTHORITY_APPLICATION = "usc_18_3624"


@dataclass
class Eligibility:
    eligible: bool | None
    reasons: list[Said] = field(default_factory=list)  # words, formatted when rendered
    missing: list[str] = field(default_factory=list)
    citation: str = CITE_ELIGIBILITY
    presumed_absent: list[tuple[int, int, str]] = field(default_factory=list)  # (judgment, count, clause) whose
    # death-or-injury element is presumed absent


@dataclass(frozen=True)
class CountFacts:
    """What the clauses of 3632(d)(4)(D) read of a count: its statute and penalty provision, the drugs it names,
    whether death or serious bodily injury resulted, and its judgment's aggravating-role finding. Whether the clauses
    reach a count is a function of these, its place in the case and the law (`count_verdict`): a population has a
    few hundred different ones, so each is worked out once."""

    statute: str | None
    penalty: str | None
    drugs: frozenset[str]
    death_or_serious_bodily_injury: bool | None
    aggravating_role: bool | None

    @staticmethod
    def of(count: Count, judgment: Judgment) -> CountFacts:
        named = {d.drug for d in count.drugs or []} | ({count.drug} if count.drug else set())
        return CountFacts(count.statute, count.penalty, frozenset(named), count.death_or_serious_bodily_injury,
                          judgment.guidelines.aggravating_role if judgment.guidelines else None)


def _count_statutes(count: CountFacts) -> tuple[Statute, ...]:
    return (*parse_statutes(count.statute), *parse_statutes(count.penalty))


@lru_cache(maxsize=256)
def _rule_statutes(texts: tuple[str, ...]) -> tuple[Statute, ...]:
    return tuple(parse_statute(str(s)) for s in texts)


@lru_cache(maxsize=8192)
def _within_any(statutes: tuple[Statute, ...], rules: tuple[Statute, ...]) -> bool:
    """Is any of a count's statutes one of the rule's (or a subdivision of one)? Once per pair: a population
    names a few hundred statutes, each checked against every clause."""
    return any(s.within(r) for s in statutes for r in rules)


def _clause_applies(rule: dict[str, object], count: CountFacts, where: str, on: date,
                    presumed: list[str] | None = None) -> tuple[bool | None, str]:
    """Does clause `rule` reach this count? True / False / None (a deciding fact is missing: named in the text).
    Death or serious bodily injury, unstated, is presumed not to have resulted (an element the judgment would name):
    its field is added to `presumed`."""
    rule_statutes = _rule_statutes(tuple(rule["statutes"]))  # type: ignore[arg-type]
    statutes = _count_statutes(count)
    matched = _within_any(statutes, rule_statutes)
    if not matched:
        # A drug conspiracy whose penalty provision is not stated could rest on the listed subsection.
        if count.penalty is not None:
            return False, ""
        drug = sections(tuple(law().value("fsa_time_credits.drug_penalty_sections", on)))
        drug_rule = all((r.title, r.section) in drug for r in rule_statutes)
        vague = any((s.title, s.section) in drug for s in statutes)
        if not (drug_rule and vague):
            return False, ""
    unknown: list[str] = []
    if not matched:
        unknown.append(f"{where}.penalty")
    drugs = rule.get("drugs")
    if drugs:
        named = count.drugs
        if not named:
            unknown.append(f"{where}.drug")
        elif not named & set(drugs):  # type: ignore[call-overload]
            return False, ""
    requires = rule.get("requires")
    if requires == "death_or_serious_bodily_injury":
        if count.death_or_serious_bodily_injury is None and presumed is not None:
            presumed.append(f"{where}.death_or_serious_bodily_injury")
            return False, ""
        if count.death_or_serious_bodily_injury is None:
            unknown.append(f"{where}.death_or_serious_bodily_injury")
        elif not count.death_or_serious_bodily_injury:
            return False, ""
    elif requires == "aggravating_role":
        role = count.aggravating_role
        if role is None:
            unknown.append(f"{where.split('.counts')[0]}.guidelines.aggravating_role")
        elif not role:
            return False, ""
    if unknown:
        return None, ", ".join(unknown)
    return True, ""


@dataclass(frozen=True)
class CountVerdict:
    """What the clauses say of one count: whether one reaches it, the reasons and the undecided fields (in the
    order found), and the clauses whose death-or-injury element is presumed absent."""

    listed: bool
    reasons: tuple[Said, ...]
    undecided: tuple[str, ...]
    presumed_absent: tuple[str, ...]


@law_cache(maxsize=4096)  # a few hundred different counts in a population (the law read replayed on each hit)
def count_verdict(facts: CountFacts, where: str, label: str, on: date) -> CountVerdict:
    """The clauses of 3632(d)(4)(D) in force on `on` applied to a count (`facts`) at `where`, named `label`."""
    data = law()
    statutes = _count_statutes(facts)
    if not statutes:
        return CountVerdict(False, (), (f"{where}.statute",), ())
    checked = _rule_statutes(tuple(data.value("fsa_time_credits.checked_statutes", on)))
    listed = False
    reasons: list[Said] = []
    undecided: list[str] = []
    presumed_absent: list[str] = []
    for rule in data.value("fsa_time_credits.ineligible_offenses", on):
        presumed: list[str] = []
        applies, missing = _clause_applies(rule, facts, where, on, presumed)
        if presumed:
            presumed_absent.append(str(rule["clause"]))
        what = quoted("fsa.clause.", str(rule["what"]))
        if applies:
            listed = True
            reasons.append(said("fsa.elig.listed", label=label, statute=str(statutes[0]), clause=rule["clause"],
                                what=what))
        elif applies is None:
            undecided.append(missing)
            reasons.append(said("fsa.elig.may_fall", label=label, clause=rule["clause"], what=what))
    if not any(s.within(k) for s in statutes for k in checked):
        undecided.append(f"{where}.statute")
        reasons.append(said("fsa.elig.unchecked", label=label, statute=str(statutes[0]),
                            clauses=data.value("fsa_time_credits.ineligible_clauses", on)))
    return CountVerdict(listed, tuple(reasons), tuple(undecided), tuple(presumed_absent))


def eligibility(case: Case, on: date) -> Eligibility:
    """Whether the offenses of conviction allow earning time credits (an aggregate with a listed offense does not)."""
    data = law()
    rules_entry = data.entry("fsa_time_credits.ineligible_offenses", on)
    data.value("fsa_time_credits.checked_statutes", on)  # read (and traced) whatever the counts, as it always was
    stated = case.custody.fsa.eligible if case.custody.fsa else None
    out = Eligibility(eligible=None, citation=rules_entry.citation)
    undecided: list[str] = []
    for j, judgment in enumerate(case.judgments):
        for c, count in enumerate(judgment.counts):
            verdict = count_verdict(CountFacts.of(count, judgment), f"judgments[{j}].counts[{c}]",
                                    count.count or str(c + 1), on)
            if verdict.listed:
                out.eligible = False
            out.reasons.extend(verdict.reasons)
            undecided.extend(verdict.undecided)
            out.presumed_absent.extend((j, c, clause) for clause in verdict.presumed_absent)
    _conclude(out, undecided, stated)
    return out


def _conclude(out: Eligibility, undecided: list[str], stated: bool | None) -> None:
    """Eligible when no offense is listed and none is undecided; a stated eligibility fills in what the offenses
    cannot decide, and is flagged where it contradicts them."""
    if out.eligible is False:
        out.reasons.append(said("fsa.elig.aggregate"))
    elif undecided:
        out.missing = sorted(set(", ".join(undecided).split(", ")))
    else:
        out.eligible = True
        out.reasons.append(said("fsa.elig.none_listed"))
    if stated is not None and stated != out.eligible:
        if out.eligible is None:
            out.eligible = stated
            out.reasons.append(said("fsa.elig.stated", stated=stated))
            out.missing = []
        else:
            out.reasons.append(said("fsa.elig.conflict", stated=stated, derived=out.eligible))


@dataclass(frozen=True)
class EarningModel:
    """The BOP projection model: base credits for the first periods, base + bonus afterwards at minimum/low risk."""

    period_days: int
    base: int
    bonus: int
    base_periods: int
    low_risk: bool

    @classmethod
    def on(cls, day: date, low_risk: bool) -> EarningModel:
        # the model in force on `day` is the one in force on the first day of its period: one memo entry a period
        return _model_on(law().law.same_since(_MODEL_PARAMETERS, day), low_risk)

    def periods(self, days: int) -> int:
        return max(days, 0) // self.period_days

    def credits(self, periods: int) -> int:
        if not self.low_risk:
            return self.base * periods
        early = min(periods, self.base_periods)
        return self.base * early + (self.base + self.bonus) * (periods - early)

    def statutory_max(self, periods: int) -> int:
        """Credits if the bonus applied from the first period (two earlier minimum/low assessments)."""
        return (self.base + self.bonus if self.low_risk else self.base) * periods


_MODEL_PARAMETERS = ("fsa_time_credits.period_days", "fsa_time_credits.base_days_per_period",
                     "fsa_time_credits.bonus_days_per_period", "fsa_time_credits.projection_base_periods")


@law_cache(maxsize=256)  # a few periods of the law, two risk levels (the law read replayed on each hit)
def _model_on(day: date, low_risk: bool) -> EarningModel:
    data = law()
    period, base, bonus, base_periods = (int(data.value(name, day)) for name in _MODEL_PARAMETERS)
    return EarningModel(period, base, bonus, base_periods, low_risk)


@dataclass(frozen=True)
class Projection:
    earning_start: date
    credits_at_transfer: int
    transfer_date: date  # first day of prerelease custody, or of supervised release if no prerelease
    release_date: date  # to supervised release, or the unchanged date when there is no SR term
    applied_to_release_days: int
    prerelease_days: int
    steps: tuple[Step, ...]


def project(start: date, release_before_credits: date, model: EarningModel, supervised_release: bool,
            reported: tuple[date, int] | None = None) -> Projection:
    """Project the transfer and release dates (law.md B4).

    The transfer date D is the first day on which D + credits earned by D reaches the release date before
    credits; credits stop accruing then. With a supervised-release term, up to 12 months of them advance release
    (the BOP subtracts a calendar year); the rest are spent in prerelease custody from D.
    """
    target = release_before_credits

    def earned(day: date) -> int:
        n = model.periods((day - start).days)
        if reported is None:
            return model.credits(n)
        on, credits = reported
        if day <= on:
            return credits
        return credits + model.credits(n) - model.credits(model.periods((on - start).days))

    transfer = _transfer(start, target, model, earned)
    credits = earned(transfer) if transfer < target else 0
    steps: list[Step] = [Step("FSA_CREDITS", AUTHORITY_EARNING, CITE_EARNING, said(
        "step.fsa.earning", start=start, base=model.base, period=model.period_days, more=model.base + model.bonus,
        periods=model.base_periods, credits=credits, transfer=transfer, left=(target - transfer).days),
        said("step.fsa.earning.note"))]
    release, applied = _early_release(start, target, transfer, credits, supervised_release, steps)
    prerelease = _prerelease(model, transfer, release, credits, applied, steps)
    return Projection(start, credits, transfer, release, applied, prerelease, tuple(steps))


def _transfer(start: date, target: date, model: EarningModel, earned: Callable[[date], int]) -> date:
    """The first day D on which D + credits earned by D reaches `target`."""
    if start >= target:
        return target
    # Window n (days start+30n .. start+30n+29) holds the transfer if target - credits(n) falls inside it, i.e.
    # when 30n + credits(n) reaches (target - start) - 29; that sum grows with n, so search it by halving.
    period = model.period_days
    need = (target - start).days - (period - 1)
    low, high = 0, max((target - start).days // period, 0)
    while low < high:
        middle = (low + high) // 2
        if period * middle + earned(start + timedelta(days=period * middle)) >= need:
            high = middle
        else:
            low = middle + 1
    window_start = start + timedelta(days=period * low)
    if window_start < target:
        return max(window_start, target - timedelta(days=earned(window_start)))
    return target


def _early_release(start: date, target: date, transfer: date, credits: int, supervised_release: bool,
                   steps: list[Step]) -> tuple[date, int]:
    """The release date and the days of credit applied to it (only with a supervised-release term, at most the
    cap)."""
    if supervised_release and credits:
        cap_months = int(law().value("fsa_time_credits.supervised_release_max_months", start))
        release = max(target - timedelta(days=credits), add_months(target, -cap_months))
        release = max(release, transfer)
        applied = (target - release).days
        steps.append(Step("FSA_SUPERVISED_RELEASE", AUTHORITY_APPLICATION,
                          "18 U.S.C. § 3624(g)(3); 28 C.F.R. § 523.44(d)",
                          said("step.fsa.supervised_release", applied=applied, target=target, release=release,
                               cap=cap_months)))
        return release, applied
    if credits:
        steps.append(Step("FSA_SUPERVISED_RELEASE", "cfr_28_523_44", "28 C.F.R. § 523.44(d)(2)",
                          said("step.fsa.no_supervised_release")))
    return target, 0


def _prerelease(model: EarningModel, transfer: date, release: date, credits: int, applied: int,
                steps: list[Step]) -> int:
    """The days of credit toward prerelease custody.

    Prerelease custody fills the days from the transfer to the release. The BOP's handout dates it at the release
    less the credits left, which can precede the day they are earned by less than one 30-day period (law.md G2):
    that convention is kept. Credits beyond it are more than release needs and are not prerelease days; with
    no day left between transfer and release there is no prerelease custody at all."""
    prerelease = credits - applied
    available = max((release - transfer).days, 0)
    unused = prerelease - available if prerelease > available + model.period_days - 1 or not available else 0
    prerelease -= unused
    if unused:
        steps.append(Step("FSA_PRERELEASE", AUTHORITY_APPLICATION, CITE_APPLICATION,
                          said("step.fsa.unused", unused=unused, available=available, transfer=transfer,
                               release=release)))
    less_unused = f" - {unused}" if unused else ""
    if prerelease > 0:
        steps.append(Step("FSA_PRERELEASE", AUTHORITY_APPLICATION, "18 U.S.C. § 3624(g)(2); 28 C.F.R. § 523.44(c)",
                          said("step.fsa.prerelease", credits=credits, applied=applied, less_unused=less_unused,
                               prerelease=prerelease, transfer=transfer),
                          said("step.fsa.prerelease.note", period=model.period_days)
                          if (release - transfer).days != prerelease else None))
    return prerelease
