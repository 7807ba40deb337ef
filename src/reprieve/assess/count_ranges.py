"""The statutory range of each count at sentencing ("then") and if sentenced on the as-of date ("now").

The rules are in `reprieve.law` (drug_penalties, firearm_penalties, other_penalties, prior_convictions,
which_penalty_law); this module reads the case's facts into them. A fact that decides the range but is unknown is
never guessed: the evaluation branches on it (a `Branch` names the fact, the value assumed and the case-file fields
that would settle it), and every branch is evaluated. "Then" trusts what the court found (the penalty provision of
the judgment, the priors charged under 851); "now" applies today's law to the same offense and facts, assuming the
government would rely on the same prior convictions.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from reprieve.case.model import Case, Count, Judgment
from reprieve.case.types import Quantity
from reprieve.dates import PartialDate
from reprieve.law import drug_penalties as drugs
from reprieve.law import firearm_penalties as guns
from reprieve.law import other_penalties, prior_convictions
from reprieve.law.params import Law, law, using
from reprieve.law.penalty_ranges import Range, Trace
from reprieve.law.safety_valve import SafetyValve
from reprieve.law.safety_valve import evaluate as safety_valve
from reprieve.law.which_penalty_law import (
    LawDates,
    boundaries,
    offense_day,
    period_label,
    periods,
    sentencing_date,
)
from reprieve.results import Joined, Said, Step, Text, explaining, identity, quoted, said

if TYPE_CHECKING:
    from reprieve.assess.presumptions import Presumed
    from reprieve.law.which_penalty_law import SentencingDate

MAX_SCENARIOS = 512


@dataclass(frozen=True)
class Branch:
    """An unknown fact, and the value this branch assumes for it. `presumption` names the presumption (in
    `reprieve.assess.presumptions`) that an unstated fact of this kind takes; `presumed` marks the branch with the
    value it presumes (the others are what would flip it)."""

    key: str
    value: str
    said: Said = field(compare=False)  # the fact assumed, in words (words/en.yaml cond.*), without "if"
    fields: tuple[str, ...] = ()
    presumption: str = ""
    presumed: bool = False
    words: str = ""  # for a presumption of the kind "tier": what is presumed, in plain words
    worded: Said | None = field(default=None, compare=False)  # the same, as a message of the words layer


class Chooser:
    """Walks every path of a decision tree: each run of the evaluation makes its choices through `choose`, and
    `advance` moves to the next combination not yet tried."""

    def __init__(self) -> None:
        self.path: list[int] = []
        self.sizes: list[int] = []
        self.position = 0
        self.memo: dict[str, Branch] = {}
        self.taken: list[Branch] = []

    def start(self) -> None:
        self.position = 0
        self.memo = {}
        self.taken = []

    def choose(self, key: str, options: list[Branch]) -> Branch:
        if key in self.memo:
            return self.memo[key]
        if len(options) == 1:
            return options[0]
        if self.position == len(self.path):
            self.path.append(0)
            self.sizes.append(len(options))
        picked = options[self.path[self.position]]
        self.position += 1
        self.memo[key] = picked
        self.taken.append(picked)
        return picked

    def advance(self) -> bool:
        del self.path[self.position:]
        del self.sizes[self.position:]
        while self.path:
            self.path[-1] += 1
            if self.path[-1] < self.sizes[-1]:
                return True
            self.path.pop()
            self.sizes.pop()
        return False


@dataclass(frozen=True)
class Scenario:
    branches: tuple[Branch, ...]
    then: Range | None
    now: Range | None
    then_detail: Text  # the basis of the range, or why there is none (words, formatted when rendered)
    now_detail: Text


@dataclass
class CountRanges:
    judgment: int
    index: int
    label: str
    where: str
    kind: str  # "drug", "924c", "922g", "other", "not_covered"
    count: Count
    scenarios: list[Scenario] = field(default_factory=list)
    presumptions: list[Presumed] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)  # alternatives the stated facts rule out, and why
    notes: list[Said] = field(default_factory=list)  # in the order of their English words (as the JSON has them)
    assumptions: list[Said] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    not_covered: Said | None = None
    missing: list[str] = field(default_factory=list)
    safety_valve: dict[str, SafetyValve] | None = None
    safety_valve_unverified: list[str] = field(default_factory=list)
    truncated: bool = False
    consecutive_rule: str | None = None  # 1028A: "to_every_other_kind_of_term" (1028A(b)(2), (4))

    @property
    def consecutive(self) -> bool:
        """924(c) terms run consecutively to every other term (924(c)(1)(D)(ii)); 1028A terms to every term but
        another 1028A term (1028A(b)(2), (4))."""
        return self.kind == "924c" or self.consecutive_rule is not None


def _data_start() -> date:
    return min(v.from_ for name in ("drug_penalties.thresholds", "firearm_penalties.section_924c_first")
               for v in law().parameter(name).values[:1])


@dataclass
class _Context:
    case: Case
    judgment: Judgment
    count: Count
    j: int
    c: int
    as_of: date
    where_judgment: str
    where_count: str
    trace: Trace
    label: str = ""
    shows: bool = False  # the words name the offense day by `OFFENSE_DAY`, filled in by `_core`
    notes: dict[Any, Said] = field(default_factory=dict)  # each said once (by what it says), worded when read
    assumptions: dict[Any, Said] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    def offense_said(self, dates: LawDates) -> date | _OffenseDay:
        """The offense day as the words name it."""
        return OFFENSE_DAY if self.shows else dates.offense

    def note(self, text: Said) -> None:
        self.notes.setdefault(identity(text), text)

    def assume(self, text: Said) -> None:
        self.assumptions.setdefault(identity(text), text)


def in_english_order(texts: Sequence[Said]) -> list[Said]:
    """Texts in the order of their English words, the order the JSON has always listed them in (a single one is
    not worded for it)."""
    return list(texts) if len(texts) < 2 else sorted(texts, key=lambda text: text.render())


def briefly(reason: Text) -> Text:
    """Why a count's range is not given, without the list of what reprieve's data covers."""
    if isinstance(reason, Said) and reason.key == "crange.not_covered":
        return said("crange.not_covered.short", **reason.args)
    return reason


def drug_name(drug: str) -> Said:
    """A drug of the case format (counts[].drug) as a sentence names it, in the reader's language."""
    return quoted("drug.", drug.replace("_", " "))


class _OffenseDay:
    """Where the words of a count's range name its offense day, in a range worked out once for every offense day of
    the same law period (`_core`); the count's own day is put in its place when the range is given out."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<the offense day>"


OFFENSE_DAY = _OffenseDay()


@dataclass(frozen=True)
class _Core:
    """A count's alternatives before the stated facts settle them (`_work_out`), and what was said on the way."""

    kind: str
    consecutive_rule: str | None
    not_covered: Said | None
    scenarios: tuple[Scenario, ...]
    notes: tuple[Said, ...] = ()
    assumptions: tuple[Said, ...] = ()
    missing: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    truncated: bool = False
    shows: bool = False  # its words name the offense day by `OFFENSE_DAY`


def evaluate_count(case: Case, j: int, c: int, as_of: date,
                   hypothetical: Callable[[LawDates], LawDates] | None = None) -> CountRanges:
    """The count's range then and now. `hypothetical` replaces "now" with another version of the law, given the
    dates of the sentencing (e.g. First Step Act § 404: the sentencing's law with the Fair Sentencing Act's
    provisions in effect)."""
    judgment = case.judgments[j]
    count = judgment.counts[c]
    where_judgment = f"judgments[{j}]"
    where_count = f"{where_judgment}.counts[{c}]"
    label = count.count or f"#{c + 1}"
    ctx = _Context(case, judgment, count, j, c, as_of, where_judgment, where_count, Trace(), label)
    sd = sentencing_date(judgment, count, where_judgment, where_count)
    core, key = _core(ctx, sd, hypothetical)
    out = CountRanges(j, c, label, where_count, core.kind, count, list(core.scenarios), steps=[sd.step],
                      not_covered=core.not_covered, consecutive_rule=core.consecutive_rule)
    if core.not_covered is not None:
        return out
    out.scenarios, out.presumptions, out.settled = _settled(ctx, out.scenarios, key)
    out.notes = list(core.notes)
    out.assumptions = list(core.assumptions)
    out.missing = list(core.missing)
    out.unverified = list(core.unverified)
    out.truncated = core.truncated
    if core.kind == "drug" and explaining():  # (a reader's: what a screening decides never rests on it)
        valve_trace = Trace()
        out.safety_valve = _safety_valves(ctx, sd.value, valve_trace)
        out.safety_valve_unverified = valve_trace.unverified()
    return out


def _work_out(ctx: _Context, sentenced: PartialDate | None, sentenced_field: str,
              hypothetical: Callable[[LawDates], LawDates] | None) -> _Core:
    """Every alternative of the count (each unknown fact that decides its range branched on), before the stated
    facts settle any: what `_core` memoizes."""
    kind, evaluator = _kind(ctx.count, ctx.as_of, ctx.trace)
    if evaluator is None:
        count = ctx.count
        reason = said("crange.not_covered", what=count.penalty or count.statute or said("crange.this_count"))
        return _Core(kind, None, reason, (Scenario((), None, None, reason, reason),))
    rule = other_penalties.consecutive_rule(ctx.count, ctx.as_of) if kind == "other" else None
    scenarios: list[Scenario] = []
    truncated = False
    chooser = Chooser()
    while True:
        chooser.start()
        then_dates, now_dates = _dates(ctx, sentenced, sentenced_field, chooser)
        if hypothetical is not None:
            now_dates = hypothetical(then_dates)
        then, now, then_detail, now_detail = evaluator(ctx, then_dates, now_dates, chooser)
        scenarios.append(Scenario(tuple(chooser.taken), then, now, then_detail, now_detail))
        if len(scenarios) >= MAX_SCENARIOS:
            truncated = True
            break
        if not chooser.advance():
            break
    return _Core(kind, rule, None, tuple(scenarios), tuple(in_english_order(list(ctx.notes.values()))),
                 tuple(in_english_order(list(ctx.assumptions.values()))), tuple(sorted(ctx.missing)),
                 tuple(ctx.trace.unverified()), truncated)


Evaluator = Callable[[_Context, LawDates, LawDates, Chooser], tuple[Range | None, Range | None, Text, Text]]


def _kind(count: Count, as_of: date, trace: Trace) -> tuple[str, Evaluator | None]:
    if guns.is_924c(count):
        return "924c", _firearm_924c
    if guns.is_922g(count):
        return "922g", _felon_in_possession
    if drugs.read_count(count, LawDates(as_of, as_of), Trace()) is not None:
        return "drug", _drug
    if other_penalties.listed(count):
        return "other", _other
    return "not_covered", None


# --- dates -------------------------------------------------------------------------------------------------------

def _dates(ctx: _Context, sentenced: PartialDate | None, sentenced_field: str,
           chooser: Chooser) -> tuple[LawDates, LawDates]:
    """The sentencing and offense dates whose law governs, branching where a partial or missing date straddles a
    change in the law."""
    offense = offense_day(ctx.count)
    offense_field = f"{ctx.where_count}.offense_ended" if ctx.count.offense_ended or not ctx.count.offense_began \
        else f"{ctx.where_count}.offense_began"
    start = _data_start()
    if sentenced is not None:
        s_early, s_late = sentenced.earliest, sentenced.latest
    else:
        s_early = offense.earliest if offense else start
        s_late = ctx.as_of
    sentencing = _pick(chooser, sentenced_field, s_early, s_late, boundaries("sentencing_date"),
                       lambda period: said("cond.sentenced", period=period), sentenced is not None)
    if offense is not None:
        o_early, o_late = offense.earliest, offense.latest
    else:
        o_early, o_late = start, max(start, sentencing)
    offense_rep = _pick(chooser, offense_field, o_early, o_late, boundaries("offense_date"),
                        lambda period: said("cond.offense_committed", label=ctx.label, period=period),
                        offense is not None)
    return LawDates(offense_rep, sentencing), LawDates(offense_rep, ctx.as_of)


def _pick(chooser: Chooser, key: str, early: date, late: date, cuts: Sequence[date], what: Callable[[Said], Said],
          stated: bool) -> date:
    spans = periods(early, late, cuts)
    if len(spans) == 1:
        return spans[0][0] if stated else late
    options = [Branch(key, f"{a}..{b}", what(period_label(a, b, early, late)), (key,)) for a, b in spans]
    chosen = chooser.choose(key, options)
    return next(a for (a, _), option in zip(spans, options, strict=True) if option.value == chosen.value)


# --- drug counts -------------------------------------------------------------------------------------------------

def _drug(ctx: _Context, then_dates: LawDates, now_dates: LawDates,
          chooser: Chooser) -> tuple[Range | None, Range | None, Text, Text]:
    trace = ctx.trace
    if not drugs.covered(then_dates, trace):
        text = said("crange.drug_not_covered", day=ctx.offense_said(then_dates))
        return None, None, text, text
    read = drugs.read_count(ctx.count, then_dates, trace)
    assert read is not None and read.family is not None
    family = read.family
    drug, quantity = drugs.principal_substance(ctx.count, family, then_dates, trace)
    level, quantity_fits, unknown = _level_then(ctx, chooser, read, drug, quantity, then_dates, now_dates)
    if level is None:
        return None, None, unknown, unknown
    now_level = _level_now(ctx, chooser, read, level, drug, quantity, quantity_fits, then_dates, now_dates)

    # 844(a) cocaine base before 2010: its own mandatory minimum.
    if family == "844":
        return _possession(ctx, chooser, then_dates, now_dates)

    then_key = drugs.provision(family, level)
    now_key = drugs.provision(family, now_level)
    injury = _injury(ctx, chooser, then_key, then_dates, now_key, now_dates)
    priors_then = _priors_charged(ctx, chooser, then_key, then_dates)
    priors_now = _priors_now(ctx, chooser, priors_then, then_key, then_dates, now_key, now_dates)
    then = drugs.penalty_range(then_key, len(priors_then), bool(injury), then_dates, trace)
    now = drugs.penalty_range(now_key, priors_now, bool(injury), now_dates, trace)
    then_text = said("crange.at_sentencing", provision=drugs.describe_level(family, level, drug, then_dates, trace))
    now_text = said("crange.in_force_on", provision=drugs.describe_level(family, now_level, drug, now_dates, trace),
                    day=now_dates.sentencing)
    if now_level != level:
        now_text = said("crange.thresholds_changed", basis=now_text, level=now_level,
                        quantity=str(quantity) if quantity else said("crange.the_quantity"))
    return then, now, then_text, now_text


def _level_then(ctx: _Context, chooser: Chooser, read: drugs.DrugCount, drug: str | None, quantity: Quantity | None,
                then_dates: LawDates, now_dates: LawDates) -> tuple[drugs.Level | None, bool, Text]:
    """The paragraph at sentencing: as the judgment states it, else from the drug and quantity; whether the
    quantity fits the stated paragraph; why it is unknown, when it is."""
    trace, wc, family = ctx.trace, ctx.where_count, read.family
    assert family is not None
    level = read.stated
    if level is not None and level in drugs.QUANTITY_LEVELS and drug and quantity is not None:
        found = drugs.classify(drug, quantity, family, then_dates, trace)
        if found is not None and found != level:
            ctx.note(said("crange.provision_mismatch", citation=read.citation_text, quantity=str(quantity),
                          drug=drug_name(drug), found=found))
            return level, False, ""
    if level is not None:
        return level, True, ""
    if drug is None:
        ctx.missing.update({f"{wc}.penalty", f"{wc}.drug"})
        return None, True, said("crange.no_provision_no_drug")
    if quantity is not None:
        level = drugs.classify(drug, quantity, family, then_dates, trace)
    elif drugs.has_thresholds(drug, then_dates, trace):
        level = _quantity_band(ctx, chooser, drug, family, then_dates, now_dates, None)
    if level is None:
        ctx.missing.update({f"{wc}.penalty", f"{wc}.quantity"})
        return None, True, said("crange.quantity_undecided", drug=drug_name(drug),
                                quantity=str(quantity) if quantity else said("crange.the_quantity"))
    return level, True, ""


def _level_now(ctx: _Context, chooser: Chooser, read: drugs.DrugCount, level: drugs.Level, drug: str | None,
               quantity: Quantity | None, quantity_fits: bool, then_dates: LawDates,
               now_dates: LawDates) -> drugs.Level:
    """The paragraph today: the same, unless the thresholds for this drug changed (cocaine base, 2010)."""
    assert read.family is not None
    if level in drugs.QUANTITY_LEVELS and drug and drugs.has_thresholds(drug, now_dates, ctx.trace):
        if quantity is not None and quantity_fits:
            return drugs.classify(drug, quantity, read.family, now_dates, ctx.trace) or level
        if read.stated is not None:
            return _quantity_band(ctx, chooser, drug, read.family, then_dates, now_dates, level) or level
    return level


def _injury(ctx: _Context, chooser: Chooser, then_key: str, then_dates: LawDates, now_key: str,
            now_dates: LawDates) -> bool | None:
    """Death or serious bodily injury, as found, else chosen (both ways) where either side's penalty turns on it."""
    injury = ctx.count.death_or_serious_bodily_injury
    if injury is None and (drugs.has_injury_terms(then_key, then_dates, ctx.trace)
                           or drugs.has_injury_terms(now_key, now_dates, ctx.trace)):
        field_ = f"{ctx.where_count}.death_or_serious_bodily_injury"
        injury = chooser.choose(field_, [
            Branch(field_, "no", said("cond.no_injury", label=ctx.label), (field_,), "death_or_injury", True),
            Branch(field_, "yes", said("cond.injury", label=ctx.label), (field_,), "death_or_injury"),
        ]).value == "yes"
    return injury


def _quantity_band(ctx: _Context, chooser: Chooser, drug: str, family: drugs.Family, then_dates: LawDates,
                   now_dates: LawDates, stated: drugs.Level | None) -> drugs.Level | None:
    """The quantity is not stated (or does not match): branch on the bands between the thresholds. With a stated
    paragraph, only the bands that fit it at sentencing are possible; returns the paragraph today."""
    trace = ctx.trace
    field_ = f"{ctx.where_count}.quantity"
    cuts = drugs.quantity_cuts(drug, family, [then_dates, now_dates], trace)
    bands: list[tuple[drugs.Level, drugs.Level, str, Said]] = []
    for i, low in enumerate(cuts):
        then_level = drugs.classify(drug, low, family, then_dates, trace)
        now_level = drugs.classify(drug, low, family, now_dates, trace)
        if then_level is None or now_level is None or (stated is not None and then_level != stated):
            continue
        high = cuts[i + 1] if i + 1 < len(cuts) else None
        # the band's value (in `assumes`) is a code that reads as the band; its words come from the catalog
        span = (f"less than {high}" if not low.amount and high else
                f"at least {low}" + (f" and less than {high}" if high else ""))
        words = said("quantity.less_than", high=str(high)) if not low.amount and high else \
            said("quantity.band", low=str(low), high=str(high)) if high else said("quantity.at_least", low=str(low))
        bands.append((then_level, now_level, span, words))
    if not bands:
        return None
    wanted = {(t if stated is None else n) for t, n, _, _ in bands}
    if len(wanted) == 1:
        return wanted.pop()
    options = [Branch(field_, span, said("cond.quantity", label=ctx.label, span=words), (field_,))
               for _, _, span, words in bands]
    chosen = chooser.choose(field_, options)
    picked = next(b for b in bands if b[2] == chosen.value)
    return picked[0] if stated is None else picked[1]


def _priors_charged(ctx: _Context, chooser: Chooser, key: str, dates: LawDates) -> list[int | None]:
    """The prior convictions charged under 21 U.S.C. 851 at sentencing (indexes into priors; None where the
    judgment does not say which). An unstated list of enhancements is an unknown, not 'none'."""
    enhancements = ctx.judgment.enhancements
    top = drugs.most_priors_that_matter(key, dates, ctx.trace)
    field_ = f"{ctx.where_judgment}.enhancements"
    if enhancements is None:
        if top == 0:
            return []
        options = [Branch(field_, str(n), said("cond.no_851") if n == 0 else _charged_851(n, top), (field_,),
                          "no_851", n == 0) for n in range(top + 1)]
        return [None] * int(chooser.choose(field_, options).value)
    charged: list[int | None] = []
    for k, enhancement in enumerate(enhancements):
        if enhancement.kind != "851":
            continue
        if enhancement.priors is None and enhancement.priors_at_least is None:
            sub = f"{field_}[{k}].priors"
            options = [Branch(sub, str(n), _charged_851(n, top), (sub, f"{field_}[{k}].priors_at_least"),
                              "851_count", n == 1)
                       for n in range(1, max(top, 1) + 1)]
            charged += [None] * int(chooser.choose(sub, options).value)
        else:
            named = [i for i in enhancement.priors or [] if i not in charged]
            charged += named
            # "priors_at_least": as many more, not described, as the enhancement says beyond those it names
            charged += [None] * max(0, (enhancement.priors_at_least or 0) - len(named))
    return charged


def _charged_851(n: int, top: int) -> Said:
    """'2 or more prior convictions were charged under 21 U.S.C. 851' (the most that matter, 'or more')."""
    return said(f"cond.851.{'many' if n > 1 else 'one'}{'_or_more' if n == top else ''}", n=n)


def _priors_now(ctx: _Context, chooser: Chooser, charged: list[int | None], then_key: str, then_dates: LawDates,
                now_key: str, now_dates: LawDates) -> int:
    """How many of the charged priors raise the range today: the same number if the kind of prior that counts has
    not changed; otherwise those that are serious drug or violent felonies (First Step Act § 401)."""
    trace = ctx.trace
    if not charged:  # nothing charged: the kind of prior that counts is not read (nor traced)
        return 0
    then_kind = drugs.prior_kind(then_key, then_dates, trace)
    now_kind = drugs.prior_kind(now_key, now_dates, trace)
    if then_kind == now_kind or now_kind != "serious_drug_or_violent_felony":
        return len(charged)
    ctx.assume(said("crange.same_priors"))
    commencement = ctx.count.offense_began
    commencement_field = f"{ctx.where_count}.offense_began"
    qualifying = 0
    for n, index in enumerate(charged):
        if index is None or index >= len(ctx.case.priors):
            key = f"{ctx.where_judgment}.enhancements.serious[{n}]"
            # which prior it was decides whether it is serious: ask which the 851 information named
            k = next((i for i, e in enumerate(ctx.judgment.enhancements or []) if e.kind == "851"), None)
            fields: tuple[str, ...] = (f"{ctx.where_judgment}.enhancements[{k}].priors",) if k is not None else \
                (f"{ctx.where_judgment}.enhancements",)
            chosen = chooser.choose(key, [Branch(key, "yes", said("cond.serious", prior=said("prior.charged")), fields),
                                          Branch(key, "no", said("cond.not_serious", prior=said("prior.charged")),
                                                 fields)])
            qualifying += chosen.value == "yes"
            continue
        prior = ctx.case.priors[index]
        where = f"priors[{index}]"
        on = now_dates.on("prior_convictions.serious_felony_served_more_than_months")
        answer = prior_convictions.serious_felony(prior, where, commencement, commencement_field, on, trace)
        if answer.answer is None:
            # One fact about the prior, whichever count asks: the same key keeps the counts' alternatives consistent
            # (never "is a serious drug felony ... and ... is not"), though the 15-year look-back runs from each
            # count's own offense.
            key = f"{where}.serious_felony"
            fields = tuple(answer.missing)
            name = prior_name(ctx.case, index)
            chosen = chooser.choose(key, [
                Branch(key, "yes", said("cond.serious", prior=name), fields),
                Branch(key, "no", said("cond.not_serious", prior=name), fields)])
            qualifying += chosen.value == "yes"
        else:
            qualifying += bool(answer.answer)
            ctx.note(said("crange.prior_serious" if answer.answer else "crange.prior_not_serious", where=where,
                          reasons=Joined(tuple(answer.reasons), "; "), citation=answer.citation))
    return qualifying


def prior_name(case: Case, index: int) -> Said:
    return said("prior.the") if len(case.priors) == 1 else said("prior.numbered", n=index + 1, index=index)


def _possession(ctx: _Context, chooser: Chooser, then_dates: LawDates,
                now_dates: LawDates) -> tuple[Range | None, Range | None, Text, Text]:
    trace = ctx.trace
    key = drugs.provision("844", "possession")
    charged = _priors_charged(ctx, chooser, key, then_dates)
    count = ctx.count
    then = drugs.penalty_range(key, len(charged), False, then_dates, trace)
    now = drugs.penalty_range(key, len(charged), False, now_dates, trace)
    drug_field = f"{ctx.where_count}.drug"
    quantity_field = f"{ctx.where_count}.quantity"
    cuts = drugs.crack_possession_cuts([then_dates], trace)
    if len(cuts) > 1:  # the cocaine-base minimum was in force at sentencing
        drug = count.drug
        if drug is None:
            drug = chooser.choose(drug_field, [
                Branch(drug_field, "other", said("cond.not_crack", label=ctx.label), (drug_field,)),
                Branch(drug_field, drugs.CRACK, said("cond.crack", label=ctx.label), (drug_field,)),
            ]).value
        if drug == drugs.CRACK:
            quantity = count.quantity
            if quantity is None:
                options = [Branch(quantity_field, str(q), said("cond.quantity", label=ctx.label,
                                                               span=said("quantity.at_least", low=str(q))),
                                  (quantity_field,)) for q in cuts]
                chosen = chooser.choose(quantity_field, options)
                quantity = next(q for q in cuts if str(q) == chosen.value)
            special = drugs.crack_possession_range(quantity, len(charged), then_dates, trace)
            if special is not None:
                then = special
    return then, now, said("crange.at_sentencing", provision=key), said("crange.in_force_on", provision=key,
                                                                         day=now_dates.sentencing)


# --- firearm counts ----------------------------------------------------------------------------------------------

def _firearm_924c(ctx: _Context, then_dates: LawDates, now_dates: LawDates,
                  chooser: Chooser) -> tuple[Range | None, Range | None, Text, Text]:
    trace = ctx.trace
    read = guns.read_924c(ctx.count)
    wc = ctx.where_count
    conduct = read.conduct
    if conduct is None:
        field_ = f"{wc}.firearm_conduct"
        conduct = chooser.choose(field_, [
            Branch(field_, c, said("cond.firearm", label=ctx.label, conduct=said(f"conduct.{c}")), (field_,),
                   "firearm_conduct", c == "possess")
            for c in guns.CONDUCTS]).value  # type: ignore[assignment]
    weapon = read.weapon
    if weapon is None:
        field_ = f"{wc}.firearm_type"
        classes = ["firearm", "B_i"] if read.cited_subsequent else ["firearm", "B_i", "B_ii"]
        weapon = chooser.choose(field_, [
            Branch(field_, w, said("cond.weapon", label=ctx.label, weapon=said(f"weapon.{w}")), (field_,),
                   "firearm_type", w == "firearm")
            for w in classes]).value
    assert conduct is not None
    then_subsequent, then_why = _subsequent_then(ctx, read, then_dates, chooser)
    if then_subsequent:
        now_subsequent, now_why = _subsequent_after_final(ctx, now_dates, chooser)
    else:  # First Step Act § 403 only narrowed what counts as "second or subsequent"
        now_subsequent, now_why = False, said("crange.924c.not_then")
    then = guns.subsequent_violation(weapon, then_dates, trace) if then_subsequent else \
        guns.first_violation(conduct, weapon, then_dates, trace, read.kind)
    now = guns.subsequent_violation(weapon, now_dates, trace) if now_subsequent else \
        guns.first_violation(conduct, weapon, now_dates, trace, read.kind)
    kind = said("detail.firearm", conduct=said(f"conduct.{conduct}"), weapon=said(f"weapon.{weapon}"))
    return then, now, said("crange.firearm", kind=kind, why=then_why), said("crange.firearm", kind=kind, why=now_why)


def _subsequent_then(ctx: _Context, read: guns.Read924c, dates: LawDates,
                     chooser: Chooser) -> tuple[bool, Said]:
    trigger = guns.subsequent_trigger(dates, ctx.trace)
    if ctx.count.second_or_subsequent is not None:
        flag = ctx.count.second_or_subsequent
        return flag, said("crange.924c.stated_subsequent" if flag else "crange.924c.stated_first")
    if read.cited_subsequent:
        return True, said("crange.924c.cited_subsequent", source=read.source)
    if trigger is None:
        return False, said("crange.924c.no_rule")
    rule, citation = trigger
    if rule == "second_conviction":
        earlier = [k for k, other in enumerate(ctx.judgment.counts[: ctx.c]) if guns.is_924c(other)]
        priors = [i for i, p in enumerate(ctx.case.priors) if p.kind == "924c"]
        if earlier or priors:
            ctx.note(said("crange.924c.stacked_note", where=ctx.where_count, citation=citation))
            return True, said("crange.924c.stacked", citation=citation)
        return False, said("crange.924c.first")
    return _subsequent_after_final(ctx, dates, chooser)


def _subsequent_after_final(ctx: _Context, dates: LawDates, chooser: Chooser) -> tuple[bool, Said]:
    """After First Step Act § 403: second or subsequent only if the violation followed a 924(c) conviction that had
    become final."""
    offense = offense_day(ctx.count)
    priors = [(i, p) for i, p in enumerate(ctx.case.priors) if p.kind == "924c"]
    if not priors:
        ctx.assume(said("crange.924c.none_listed", term=_subsequent_term(ctx, dates)))
        return False, said("crange.924c.none_final")
    for i, prior in priors:
        final = prior.final_on
        where = f"priors[{i}].final_on"
        if final is not None and offense is not None:
            if final.latest < offense.earliest:
                return True, said("crange.924c.final_on", index=i, day=final)
            if final.earliest >= offense.latest:
                continue
        fields: tuple[str, ...] = (where,) if final is None or not final.is_exact else ()
        if offense is None or not offense.is_exact:
            fields += (f"{ctx.where_count}.offense_ended",)
        key = f"{where}<{ctx.where_count}"
        chosen = chooser.choose(key, [
            Branch(key, "yes", said("cond.final_before", index=i, label=ctx.label), fields),
            Branch(key, "no", said("cond.not_final_before", index=i, label=ctx.label), fields)])
        if chosen.value == "yes":
            return True, said("crange.924c.final", index=i)
    return False, said("crange.924c.none_final")


def _subsequent_term(ctx: _Context, dates: LawDates) -> Said:
    """'25-year term': the second-or-subsequent minimum of 924(c)(1)(C)(i) on these dates, from the law data."""
    found = guns.subsequent_violation("firearm", dates, ctx.trace)
    minimum = found.minimum if found is not None else None
    if minimum is None or minimum.life or minimum.days or minimum.months % 12:
        return said("crange.924c.term")
    return said("crange.924c.term_years", years=minimum.months // 12)


def _felon_in_possession(ctx: _Context, then_dates: LawDates, now_dates: LawDates,
                         chooser: Chooser) -> tuple[Range | None, Range | None, Text, Text]:
    acca = guns.acca_applies(ctx.count, ctx.judgment)
    if acca is None:
        field_ = f"{ctx.where_judgment}.enhancements"
        acca = chooser.choose(field_, [
            Branch(field_, "no_acca", said("cond.no_acca"), (field_,), "acca", True),
            Branch(field_, "acca", said("cond.acca"), (field_,), "acca")]).value == "acca"
    then = guns.felon_in_possession(acca, then_dates, ctx.trace)
    now = guns.felon_in_possession(acca, now_dates, ctx.trace)
    if acca:
        ctx.note(said("crange.acca_note"))
    what = "crange.acca" if acca else "crange.922g"
    return then, now, said(what, day=ctx.offense_said(then_dates)), said(what, day=ctx.offense_said(now_dates))


def _other(ctx: _Context, then_dates: LawDates, now_dates: LawDates,
           chooser: Chooser) -> tuple[Range | None, Range | None, Text, Text]:
    then, then_text = _other_side(ctx, then_dates, chooser)
    now, now_text = _other_side(ctx, now_dates, chooser)
    return then, now, then_text, now_text


def _other_side(ctx: _Context, dates: LawDates, chooser: Chooser) -> tuple[Range | None, Said]:
    """The range of a provision in other_penalties.yaml on these dates: its object offense chosen (an attempt or
    conspiracy), then each further range whose fact is unstated branched on (an element presumed absent)."""
    found = other_penalties.row(ctx.count, dates, ctx.trace)
    if found is None:
        return None, said("crange.other_not_covered", statute=ctx.count.statute or ctx.count.penalty,
                          day=ctx.offense_said(dates))
    text = said("crange.other", citation=found.citation, day=ctx.offense_said(dates))
    if found.object_of:
        options, named = other_penalties.objects(ctx.count, found)
        target = named
        if target is None:
            field_ = f"{ctx.where_count}.statute"
            chosen = chooser.choose(f"{ctx.where_count}.object_offense", [
                Branch(f"{ctx.where_count}.object_offense", str(o), said("cond.object", label=ctx.label, object=str(o)),
                       (field_,)) for o in options])
            target = next(o for o in options if str(o) == chosen.value)
        object_row = other_penalties.row_for((target,), dates, ctx.trace)
        if object_row is None:
            return None, said("crange.object_not_covered", target=str(target))
        found, text = object_row, said("crange.object", citation=found.citation, target=str(target),
                                       object_citation=object_row.citation)
    result = other_penalties.base_range(found)
    for tier in found.tiers or []:
        if _tier_applies(ctx, chooser, tier):
            result = other_penalties.tier_range(tier)
            text = said("crange.tier", citation=tier.citation, when=_when(tier.when))
    return result, text


def _tier_applies(ctx: _Context, chooser: Chooser, tier: Any) -> bool:
    key = f"{ctx.where_count}.{tier.fact}"
    if tier.fact == "prior_drug_conviction":  # 843(d)(1): an earlier conviction raises it only through 851
        enhancements = ctx.judgment.enhancements
        if enhancements is not None:
            return any(e.kind == "851" for e in enhancements)
        key = f"{ctx.where_judgment}.enhancements"
    fields = (key,) if key.endswith("enhancements") else (f"{ctx.where_count}.statutory_maximum_months",
                                                          f"{ctx.where_count}.statutory_minimum_months")
    kind = ("no_851" if key.endswith("enhancements") else "tier") if tier.element else ""
    when = _when(tier.when)
    chosen = chooser.choose(key, [
        Branch(key, "no", said("cond.not_so", fact=when), fields, kind, bool(kind), f"not: {tier.when}",
               said("presumed.tier.not", fact=when)),
        Branch(key, "yes", when, fields, kind, False, tier.when, when)])
    return chosen.value == "yes"


def _when(text: str) -> Said:
    """A tier's `when` (other_penalties.yaml) in the reader's language: the catalog's otherpen.when.* whose English
    is the law data's own text."""
    return quoted("otherpen.when.", text)


# --- safety valve ------------------------------------------------------------------------------------------------

def _safety_valves(ctx: _Context, sentenced: PartialDate | None, trace: Trace) -> dict[str, SafetyValve]:
    out: dict[str, SafetyValve] = {}
    args = (ctx.case, ctx.judgment, ctx.count, ctx.where_judgment, ctx.where_count)
    if sentenced is None:
        out["then"] = SafetyValve("needs_facts", "unknown", [said("sv.sentencing_date.unknown")],
                                  [f"{ctx.where_judgment}.imposed_on"])
    else:
        early = safety_valve(*args, sentenced.earliest, trace)
        late = safety_valve(*args, sentenced.latest, trace)
        if early.same_as(late):
            out["then"] = early
        else:
            out["then"] = SafetyValve("needs_facts", "unknown", [said("sv.rule_changed", sentenced=sentenced)],
                                      [f"{ctx.where_judgment}.imposed_on"])
        if ctx.count.safety_valve_applied:
            out["then"] = SafetyValve("eligible", "met", [said("sv.applied")], [], out["then"].citation)
    now = safety_valve(*args, ctx.as_of, trace)
    if now.status != "not_applicable":
        now.reasons.append(said("sv.5.today"))
    out["now"] = now
    return out


# --- the memo of the alternatives ----------------------------------------------------------------------------------

# A population repeats its counts' facts (a few hundred different counts), and their dates matter to the law only
# through the period they fall in: the alternatives are worked out once per (facts, period), with the law read on
# the first day of each date's period and the offense day put back into the words. What the work reads (`_work_out`):
# the count, the judgment's enhancements and whether its earlier counts are 924(c) counts, the priors, the dates, the
# as-of date and the law. With priors (their dates are compared with the offense's) or an inexact offense or
# sentencing date (the words name its ends) the dates are keyed as they are; a hypothetical law (a function) is not
# memoized.
_CORES: dict[tuple[Any, ...], tuple[_Core, frozenset[str]] | None] = {}
_CORES_LIMIT = 20_000  # kept (in each memo); a larger memo is emptied (a population has a few hundred different
# counts, and a few per term imposed on them)
PERIOD_FILES = ("drug_penalties", "firearm_penalties", "other_penalties", "prior_convictions", "safety_valve",
                "which_penalty_law")  # the law the alternatives read (`_periods_of`: a read elsewhere is not keyed)


def _core(ctx: _Context, sd: SentencingDate,
          hypothetical: Callable[[LawDates], LawDates] | None) -> tuple[_Core, tuple[Any, ...] | None]:
    """`_work_out`, from the memo when the same facts were worked out under the same law, in the same periods; the
    law read is recorded in a traced law on every call, as if worked out afresh. And the key it is kept under."""
    if hypothetical is not None:
        return _work_out(ctx, sd.value, sd.field, hypothetical), None
    current = law()
    periods_ = _periods_of(current.law)
    days = _first_days(periods_, ctx.count, sd.value) if not ctx.case.priors else None
    key, found = _memo(ctx, sd, current.law, days, periods_) if days is not None else (None, None)
    if found is None:  # the dates as they are
        key, found = _memo(ctx, sd, current.law, None, periods_)
        days = None
    assert found is not None
    core, read = found
    current.note(read)
    offense = offense_day(ctx.count)
    if days is None or offense is None or not core.shows:
        return core, key
    return _with_offense_day(core, offense.earliest), key


def _memo(ctx: _Context, sd: SentencingDate, data: Law, days: dict[str, date] | None,
          periods_: _Periods) -> tuple[tuple[Any, ...], tuple[_Core, frozenset[str]] | None]:
    key = _key(ctx, sd, data, days)
    found = _CORES.get(key, _CORES)
    if found is _CORES:
        if len(_CORES) >= _CORES_LIMIT:
            _CORES.clear()
        found = _CORES[key] = _fresh(ctx, sd, days, periods_)
    return key, found  # type: ignore[return-value]


# What the alternatives never read of a count: its term and how it runs (the stated facts settle on them after,
# `settle_on`), the safety valve (`_safety_valves`). The work is given the count without them, so a rule that came to
# read one would read nothing (and the tests say so) rather than a memo answer for another term.
UNREAD = ("months", "days", "life", "concurrent_with", "consecutive_to", "safety_valve_applied",
          "safety_valve_other_criteria_met")
DATES = ("offense_began", "offense_ended", "resentenced_on")
SENTENCED = "sentenced"  # (`_first_days`: the date of the sentencing, the judgment's or a resentencing)


def _fresh(ctx: _Context, sd: SentencingDate, days: dict[str, date] | None,
           periods_: _Periods) -> tuple[_Core, frozenset[str]] | None:
    """`_work_out` on the count without what it never reads and, with `days`, the dates on the first days of their
    periods; and the law it read. None when it read law whose changes the periods do not follow, or named the
    offense day otherwise than in its words."""
    update: dict[str, Any] = dict.fromkeys(UNREAD)
    sentenced = sd.value
    if days is not None:
        update.update({name: PartialDate.parse(day) for name, day in days.items() if name in DATES})
        sentenced = PartialDate.parse(days[SENTENCED])
    work = replace(ctx, count=ctx.count.model_copy(update=update), shows=days is not None, trace=Trace(),
                   notes={}, assumptions={}, missing=set())
    traced = law().traced()
    with using(traced):
        core = _work_out(work, sentenced, sd.field, None)
    read = traced.read
    if days is not None and (any(_name(r) not in periods_.names for r in read) or any(
            OFFENSE_DAY in (*_values(b.said), *_values(b.worded)) for s in core.scenarios for b in s.branches)):
        return None
    texts = [t for s in core.scenarios for t in (s.then_detail, s.now_detail)] + [*core.notes, *core.assumptions]
    return replace(core, shows=any(OFFENSE_DAY in _values(t) for t in texts)), read


def _name(read: str) -> str:
    """The parameter of a read (`f.t[row][field]` is a read of `f.t`)."""
    at = read.find("[")
    return read if at == -1 else read[:at]


@dataclass(frozen=True)
class _Periods:
    """The days on which the law the alternatives read changes (a value begins or ends, or a date it holds), and
    the parameters whose changes they follow."""

    cuts: tuple[date, ...]
    names: frozenset[str]


@lru_cache(maxsize=16)
def _periods_of(data: Law) -> _Periods:
    """Once per law (a what-if law is another `Law`)."""
    names = {f"{f}.{name}" for f in PERIOD_FILES if f in data.files for name in data.files[f].parameters}
    cuts: set[date] = set()
    for name in names:
        for v in data.parameter(name).values:
            cuts.add(v.from_)
            if v.to is not None and v.to < date.max:
                cuts.add(v.to + timedelta(days=1))
            if isinstance(v.value, date):
                cuts.update((v.value, v.value + timedelta(days=1)))
    return _Periods(tuple(sorted(cuts)), frozenset(names))


def _first_days(periods_: _Periods, count: Count, sentenced: PartialDate | None) -> dict[str, date] | None:
    """The first day of the period each exact date of the count falls in, and the sentencing's (`SENTENCED`); None
    unless the offense and the sentencing are exact days (a partial date is a span, which the words name by its
    ends). A partial date the count also states (the year the offense began) is keyed as it is."""
    offense = offense_day(count)
    if sentenced is None or offense is None or not sentenced.is_exact or not offense.is_exact:
        return None
    days = {name: _first_day(periods_.cuts, day.earliest) for name in DATES
            if (day := getattr(count, name)) is not None and day.is_exact}
    days[SENTENCED] = _first_day(periods_.cuts, sentenced.earliest)
    return days


def _first_day(cuts: tuple[date, ...], day: date) -> date:
    at = bisect.bisect_right(cuts, day) - 1
    return cuts[at] if at >= 0 else date.min


def _key(ctx: _Context, sd: SentencingDate, data: Law, days: dict[str, date] | None) -> tuple[Any, ...]:
    """Everything `_work_out` reads, the dates by their periods' first days when `days` is given."""
    count = ctx.count
    at = days or {}
    fields = tuple(at.get(k, v) if type(v) in _PLAIN else _frozen(v) for k, v in count.__dict__.items()
                   if k not in UNREAD)
    dates: Any = days[SENTENCED] if days is not None else sd.value
    earlier = tuple(guns.is_924c(other) for other in ctx.judgment.counts[: ctx.c]) if ctx.c else ()
    enhancements = ctx.judgment.enhancements
    return (data, ctx.as_of, ctx.j, ctx.c, fields, _frozen(count.__pydantic_extra__),
            None if enhancements is None else _frozen(enhancements), earlier,
            _frozen(ctx.case.priors) if ctx.case.priors else (), dates, sd.field)


_PLAIN = frozenset({str, int, bool, float, Decimal, date, PartialDate, Quantity, type(None)})  # hashable as they are


def _frozen(value: Any) -> Any:
    """A case model's values, hashable (a model is a tuple of its fields, a list a tuple)."""
    if isinstance(value, BaseModel):
        return type(value).__name__, _frozen(value.__dict__), _frozen(value.__pydantic_extra__)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def _values(text: Any) -> list[Any]:
    """The values a text holds, those of the messages inside it too."""
    if isinstance(text, Said):
        return [v for value in text.args.values() for v in (value, *_values(value))]
    if isinstance(text, Joined):
        return [v for item in text.items for v in _values(item)]
    return []


def _filled(text: Any, day: date) -> Any:
    """`text` with the offense day in place of `OFFENSE_DAY`."""
    if text is OFFENSE_DAY:
        return day
    if isinstance(text, Said) and text.args:
        return Said(text.key, {k: day if v is OFFENSE_DAY else _filled(v, day) if isinstance(v, Said | Joined)
                               else v for k, v in text.args.items()})
    if isinstance(text, Joined):
        return Joined(tuple(_filled(item, day) for item in text.items), text.sep)
    return text


def _with_offense_day(core: _Core, day: date) -> _Core:
    """The alternatives worked out on the first day of the offense's period, with its own day in their words."""
    scenarios = tuple(Scenario(s.branches, s.then, s.now, _filled(s.then_detail, day), _filled(s.now_detail, day))
                      for s in core.scenarios)
    return _Core(core.kind, core.consecutive_rule, core.not_covered, scenarios,
                 tuple(_filled(n, day) for n in core.notes), tuple(_filled(a, day) for a in core.assumptions),
                 core.missing, core.unverified, core.truncated)


_SETTLED: dict[tuple[Any, ...], tuple[tuple[int, ...], tuple[Presumed, ...], tuple[str, ...]]] = {}


def _settled(ctx: _Context, scenarios: list[Scenario],
             key: tuple[Any, ...] | None) -> tuple[list[Scenario], list[Presumed], list[str]]:
    """`settle_on`, from the memo for the same alternatives (`key`: `_core`'s) and the same stated facts: what it
    keeps does not depend on the alternatives' words, only on their ranges and branches."""
    from reprieve.assess.presumptions import settle_on, stated_facts

    stated = stated_facts(ctx.case, ctx.judgment, ctx.count)
    if key is None:
        return settle_on(stated, ctx.j, ctx.label, scenarios)
    memo_key = (key, stated, ctx.label)
    found = _SETTLED.get(memo_key)
    if found is None:
        if len(_SETTLED) >= _CORES_LIMIT:
            _SETTLED.clear()
        kept, presumed, settled = settle_on(stated, ctx.j, ctx.label, scenarios)
        at = {id(s): n for n, s in enumerate(scenarios)}
        found = _SETTLED[memo_key] = (tuple(at[id(s)] for s in kept), tuple(presumed), tuple(settled))
    return [scenarios[n] for n in found[0]], list(found[1]), list(found[2])
