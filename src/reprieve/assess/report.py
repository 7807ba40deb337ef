"""Everything reprieve can say about a case on a date: `reprieve assess` (the keys of the CLI's JSON contract, which
`Assessment.as_json` writes and tests/test_cli_contract.py holds; the README lists the keys reprieve adds)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reprieve.assess.computation import Computation, compute
from reprieve.assess.current_law import current_law, fsa404_findings
from reprieve.assess.current_law_result import CurrentLaw
from reprieve.assess.findings import STATUS_RANK as STATUS_RANK  # the order other modules rank by
from reprieve.assess.findings import Finding, Question
from reprieve.assess.guidelines import GuidelineSides, assess_guidelines
from reprieve.assess.questions import Asked, ask, language_of, localize, questions_for
from reprieve.assess.relief import Situation, besides_the_court, compassionate_release, custody, moot_when_released
from reprieve.case.model import Case
from reprieve.law.circuits import circuit_of
from reprieve.law.params import LawSnapshot, Reach, using
from reprieve.law.sentence_aggregation import judgment_term
from reprieve.results import explained, explaining, said
from reprieve.words import words

COMBINED = "extraordinary and compelling reasons"


@dataclass(frozen=True)
class Options:
    at_bottom_of_range: bool = False  # release_date_if_sentenced_now at the bottom of the recomputed range
    language: str | None = None  # the language of the questions (default: the person's, else English)
    # False: the rules decide every status, date and field asked without building what explains them (reasons,
    # summaries, worded questions): all a screening row reads (`screen.rows.person_row`), never what a reader reads
    explain: bool = True


@dataclass
class Assessment:
    as_of: date
    circuit: str | None
    computation: Computation
    current_law: CurrentLaw | None = None
    guidelines: GuidelineSides | None = None
    findings: list[Finding] = field(default_factory=list)
    case: Case | None = None
    language: str = "en"
    essentials: list[str] = field(default_factory=list)  # fields without which no avenue is open or closed
    law: LawSnapshot | None = field(default=None, repr=False, compare=False)  # the law it was assessed under
    stages: Stages | None = field(default=None, repr=False, compare=False)  # assessed under a traced law: see `again`
    explained: bool = field(default=True, repr=False, compare=False)  # False: decided only (`Options.explain`)

    @property
    def assumptions(self) -> list[dict[str, Any]]:
        """The presumptions the answers rest on, once per field: {field, presumed, why, if_instead}."""
        return self.presumptions(whole=False)

    def presumptions(self, language: str | None = None, whole: bool = True) -> list[dict[str, Any]]:
        """`assumptions` in `language` (English by default); each also says, under `whole`, which of its texts come
        wholly from that language's catalog (False: a part is words of the law data or the case, in English)."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        w = words(language)
        sources = [*self.computation.assumptions, *(self.current_law.presumptions if self.current_law else []),
                   *(self.guidelines.presumptions if self.guidelines else [])]
        for p in sources:
            item = p.render(language)
            key = (item["field"], item["presumed"])
            if key not in out:
                out[key] = item
                if whole:
                    item["whole"] = {"presumed": p.presumes.whole(), "why": p.because.whole(),
                                     "if_instead": p.otherwise.whole()}
            elif item["if_instead"] not in out[key]["if_instead"]:  # one fact, several answers it would change
                out[key]["if_instead"] += w("presumed.and_also", text=item["if_instead"])
                if whole:
                    out[key]["whole"]["if_instead"] = out[key]["whole"]["if_instead"] and p.otherwise.whole()
        return list(out.values())

    @property
    def questions(self) -> list[Asked]:
        """The facts still worth asking, deduplicated, most decisive first (reprieve.assess.questions)."""
        with using(self.law):
            return questions_for(self)

    def verdicts(self) -> list[tuple[str, Finding]]:
        """One finding per avenue, the one that decides it: for 3582(c)(1)(A) the combined grounds, otherwise the
        most favourable finding of the avenue."""
        out: dict[str, Finding] = {}
        for f in self.findings:
            current = out.get(f.avenue)
            if current is None or (current.ground != COMBINED and (
                    f.ground == COMBINED or STATUS_RANK[f.status] < STATUS_RANK[current.status])):
                out[f.avenue] = f
        return list(out.items())

    def as_json(self) -> dict[str, Any]:
        if not self.explained:  # its findings carry no reasons: what it would write is not the assessment
            raise ValueError("a row-only assessment (Options(explain=False)) has nothing to explain: assess again")
        return {
            "as_of": self.as_of.isoformat(),
            "circuit": self.circuit,
            "computation": self.computation.as_json(),
            "current_law": self.current_law.as_json() if self.current_law is not None else None,
            "guidelines": self.guidelines.as_json() if self.guidelines is not None else None,
            "findings": [f.as_json() for f in self.findings],
            "language": self.language,
            "questions": [q.as_json() for q in self.questions],
            "assumptions": self.assumptions,
            "disclaimer": "Information, not legal advice.",
        }


@dataclass(frozen=True)
class Stages:
    """The first stages of an assessment under a traced law (`LawSnapshot.traced`), each with the law it read: the
    BOP computation, the guideline ranges (and their findings, as first found), the current-law comparison, the
    First Step Act section 404 findings (as first found), the findings of the avenues besides compassionate release
    (as first found). The same assessment under a what-if law reuses each stage that read nothing the what-if
    changes and that rests only on reused stages (`again`): a stage is a function of the case, the date, the law it
    reads and the stages before it."""

    computation: frozenset[str]
    guidelines: frozenset[str]
    current_law: frozenset[str]
    guideline_findings: tuple[Finding, ...]
    fsa404: frozenset[str] = frozenset()
    fsa404_findings: tuple[Finding, ...] = ()
    others: frozenset[str] = frozenset()  # the avenues besides compassionate release (`besides_the_court`)
    other_findings: tuple[Finding, ...] = ()
    grounds: dict[str, tuple[frozenset[str], Finding]] = field(default_factory=dict)  # compassionate release's


def assess(case: Case, as_of: date, options: Options | None = None, *, law: LawSnapshot | None = None,
           stages: bool = True) -> Assessment:
    """Everything reprieve can say about `case` on `as_of`, under `law` (`Law.at(as_of, changes)`, built once and
    reused for many people; default: the shipped law). The assessment keeps its law: what it works out later (its
    questions) is worked out under the same law. Under a traced law it keeps what each stage read (`stages`), for
    `again`; `stages=False` only records what the whole read (the law's trace), for a caller that never calls
    `again` with it (a screening keeping what each row read)."""
    options = options or Options()
    with using(law) as applied, explained(options.explain):
        result = _assess(case, as_of, options, applied, keep_stages=stages)
        result.law = applied
        return result


def again(base: Assessment, law: LawSnapshot, reach: Reach, options: Options | None = None) -> Assessment:
    """`base` (assessed under a traced law) assessed again under the what-if `law`, whose changes `reach` (see
    `LawChange.reach`): the same as `assess(base.case, base.as_of, options, law=law)`, reusing each first stage
    that read nothing the what-if changes (`Stages`); the findings are always worked out again."""
    assert base.case is not None
    options = options or Options(explain=base.explained)
    if base.stages is None or (options.explain and not base.explained):  # (its stages would not explain)
        return assess(base.case, base.as_of, options, law=law)
    with using(law) as applied, explained(options.explain):
        result = _assess(base.case, base.as_of, options, applied, (base, reach))
        result.law = applied
        return result


def _stage(snapshot: LawSnapshot, traced: bool) -> LawSnapshot:
    """The law a stage runs under: its own trace (sharing the memo) when the assessment is traced."""
    return snapshot.traced() if traced else snapshot


def _assess(case: Case, as_of: date, options: Options, applied: LawSnapshot,
            reuse: tuple[Assessment, Reach] | None = None, keep_stages: bool = True) -> Assessment:
    traced = applied.is_traced and keep_stages  # each stage's own trace kept (the whole's is kept by `applied`)
    base, reach = reuse if reuse is not None else (None, None)
    stages = base.stages if base is not None else None
    fresh = base is None or stages is None or reach is None

    def anew(reads: frozenset[str] | None) -> bool:
        """Is this stage worked out again (not reused)? Once one is, every later one is too (it rests on it)."""
        nonlocal fresh
        fresh = fresh or reads is None or reach is None or reach(reads)
        return fresh

    with using(_stage(applied, traced)) as computing:
        computation = compute(case, as_of) if anew(stages.computation if stages else None) or base is None \
            else base.computation
    circuit, circuit_citation = circuit_of(case.court.district, as_of)
    result = Assessment(as_of=as_of, circuit=circuit, computation=computation, explained=options.explain)
    with using(_stage(applied, traced)) as ranging:
        if anew(stages.guidelines if stages else None) or base is None or stages is None:
            result.guidelines, found = assess_guidelines(case, as_of, computation)
        else:  # copies: the findings are held or worded below, and the base's must stay as first found
            result.guidelines, found = base.guidelines, [_copy(f) for f in stages.guideline_findings]
    result.findings.extend(found)
    with using(_stage(applied, traced)) as comparing:
        result.current_law = current_law(case, as_of, computation, options.at_bottom_of_range, result.guidelines) \
            if anew(stages.current_law if stages else None) or base is None else base.current_law
    with using(_stage(applied, traced)) as weighing:
        fsa404 = fsa404_findings(case, as_of, computation) if anew(stages.fsa404 if stages else None) \
            or base is None or stages is None else [_copy(f) for f in stages.fsa404_findings]
    situation = Situation(case, as_of, circuit, circuit_citation, computation, result.current_law)
    with using(_stage(applied, traced)) as avenues:
        others = besides_the_court(situation) if anew(stages.others if stages else None) or base is None \
            or stages is None else [_copy(f) for f in stages.other_findings]
    grounds: dict[str, tuple[frozenset[str], Finding]] = {}

    def ground(name: str, work: Callable[[], Finding]) -> Finding:
        """A finding of compassionate release (exhaustion, a ground) reused when the what-if does not reach what it
        read and every stage before it is reused; under a traced law, kept with what it read."""
        earlier = stages.grounds.get(name) if stages is not None and not fresh and reach is not None else None
        if earlier is not None and reach is not None and not reach(earlier[0]):
            return _copy(earlier[1])
        if not traced:
            return work()
        made, read = applied.reading(work)  # (`applied` is the law bound while the findings are worked out)
        grounds[name] = (read, _copy(made))
        return made

    if traced:  # (`ground` below adds compassionate release's grounds)
        result.stages = Stages(computing.read, ranging.read, comparing.read, tuple(_copy(f) for f in found),
                               weighing.read, tuple(_copy(f) for f in fsa404), avenues.read,
                               tuple(_copy(f) for f in others), grounds)
        applied.note(computing.read | ranging.read | comparing.read | weighing.read | avenues.read)
    # the grounds combined are always worked out again (they weigh every ground)
    court = compassionate_release.findings(situation, ground) if traced or stages is not None else \
        compassionate_release.findings(situation)
    result.findings = [*custody(situation), *court, *others, *result.findings, *fsa404]
    moot_when_released(situation, result.findings)
    return _finish(result, case, options)


def _finish(result: Assessment, case: Case, options: Options) -> Assessment:
    """The findings held for missing essentials, and their questions worded for this case."""
    result.case = case
    result.language = language_of(case, options.language)
    result.essentials = essentials(case, result.computation)
    if result.essentials:
        _hold_verdicts(result)
    if not explaining():  # the questions keep their fields, in the registry's generic words
        return result
    worded: dict[Question, Question] = {}  # a question several findings ask is worded once
    for finding in result.findings:  # worded by the registry, for this case (labels, names)
        finding.missing = [worded.get(q) or worded.setdefault(q, localize(q, case)) for q in finding.missing]
    return result


def _copy(finding: Finding) -> Finding:
    """A finding kept as first found (or one made of it): later steps reword it and hold it (`_hold_verdicts`
    inserts into its reasons), which must not change the other. The shallow copy `dataclasses.replace` makes, with
    its own list of reasons, at a sixth of the cost (a traced screening copies about 20 findings a person)."""
    twin = object.__new__(type(finding))
    twin.__dict__.update(finding.__dict__)
    twin.reasons = list(finding.reasons)
    return twin


def essentials(case: Case, computation: Computation) -> list[str]:
    """The facts without which no avenue can be called open or closed: a judgment with its counts, and the term."""
    if not any(j.counts or j.total_months is not None or j.total_life for j in case.judgments):
        return ["judgments[0].counts"]
    refused = {r.code for r in computation.refusals}
    if computation.total_term is not None or refused - {"LIFE_TERM", "TERM_BEYOND_CALENDAR"}:
        return []
    return [name for j, judgment in enumerate(case.judgments)
            for name in judgment_term(judgment, j, computation.as_of).missing]


_DEPEND_ON_THE_OFFENSE = ("FSA 404", "FSA time credits", "3582(c)(2)")


def _hold_verdicts(result: Assessment) -> None:
    """Missing essentials come first, and no avenue is called open on them - nor closed where the answer rests on
    the offense of conviction, which without a judgment is unknown."""
    no_judgment = result.essentials == ["judgments[0].counts"]
    asked = [ask(name, said("relief.held.asked")) for name in result.essentials]
    for f in result.findings:
        if f.avenue == "3582(c)(1)(A)" and f.ground != COMBINED:
            continue  # a ground or exhaustion may well be established; the avenue's verdict is what waits
        closed_on_the_offense = f.status == "not_eligible" and no_judgment and f.avenue in _DEPEND_ON_THE_OFFENSE
        if f.status != "eligible" and not closed_on_the_offense:
            continue
        f.status = "needs_facts"
        f.eligible_from = None
        f.summary = said("relief.held.judgment" if no_judgment else "relief.held.term", avenue=f.avenue)
        f.reasons.insert(0, said("relief.held.no_judgment" if no_judgment else "relief.held.no_term"))
        f.missing = [*asked, *(q for q in f.missing if q.field not in result.essentials)]
