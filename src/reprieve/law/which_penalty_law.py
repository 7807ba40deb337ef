"""Which version of the penalty statutes governs a sentence.

- Penalties are those in force when the sentence is imposed, except that a harsher change reaches only offenses
  committed after it (Ex Post Facto Clause): each law parameter says whether the offense date or the sentencing
  date selects its value (`selected_by`).
- The Fair Sentencing Act of 2010 governs every sentence imposed from 2010-08-03, even for earlier offenses
  (Dorsey v. United States, 567 U.S. 260 (2012)).
- First Step Act sections 401 and 403 govern offenses committed before 2018-12-21 only if no sentence had been
  imposed by then (401(c), 403(b)); a sentence later vacated does not count, so a plenary resentencing gets them
  (Hewitt v. United States, 2025). A 3582(c) reduction is not a resentencing.
- "Now" means: sentenced on the as-of date for the same offense, on the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from reprieve.case.model import Count, Judgment
from reprieve.dates import PartialDate
from reprieve.law.params import Law, law
from reprieve.results import Said, Step, said, verbatim

FILES = ("drug_penalties", "firearm_penalties", "other_penalties", "prior_convictions", "safety_valve")


@dataclass(frozen=True)
class LawDates:
    """The dates whose law governs: the offense, the sentencing, and any parameter fixed to another date."""

    offense: date
    sentencing: date
    overrides: Mapping[str, date] = field(default_factory=dict)

    def on(self, name: str) -> date:
        """The date that selects the value of parameter `name` (its `selected_by`)."""
        if name in self.overrides:
            return self.overrides[name]
        basis = law().selected_by(name)
        return self.offense if basis == "offense_date" else self.sentencing


@dataclass(frozen=True)
class SentencingDate:
    """The sentencing whose law governs a count, and the case-file field it comes from."""

    value: PartialDate | None
    field: str
    step: Step


def sentencing_date(judgment: Judgment, count: Count, where_judgment: str, where_count: str) -> SentencingDate:
    """The date the sentence now in force on `count` was imposed: a resentencing after vacatur (Hewitt), else the
    judgment's date. An amended judgment (`amended_on`) may be a reduction, which does not change the law that
    governs, so it is not used."""
    if count.resentenced_on is not None:
        rule = law().entry("which_penalty_law.vacated_sentence_is_not_imposed", count.resentenced_on.latest) \
            if count.resentenced_on.latest >= _first_step_act_date() else None
        citation = rule.citation if rule else "18 U.S.C. § 3553"
        note = rule.reader_note if rule else None
        return SentencingDate(count.resentenced_on, f"{where_count}.resentenced_on", Step(
            "PENALTY_LAW", "hewitt_2025" if rule else "usc_18_3553", citation,
            said("step.penalty_law.resentenced", on=count.resentenced_on), verbatim(note) if note else None))
    imposed = judgment.imposed_on
    detail = said("step.penalty_law.sentenced", on=imposed) if imposed else said("step.penalty_law.not_stated")
    return SentencingDate(imposed, f"{where_judgment}.imposed_on",
                          Step("PENALTY_LAW", "dorsey_2012", "Dorsey v. United States, 567 U.S. 260 (2012); First "
                               "Step Act of 2018, §§ 401(c), 403(b)", said("step.penalty_law", when=detail)))


def _first_step_act_date() -> date:
    entry = law().parameter("which_penalty_law.first_step_act_sentences_from").values[0]
    return entry.value  # type: ignore[no-any-return]


def offense_day(count: Count) -> PartialDate | None:
    """When the offense was committed: a continuing offense is governed by when it ended."""
    return count.offense_ended or count.offense_began


def boundaries(basis: str, files: Iterable[str] = FILES) -> tuple[date, ...]:
    """Every date on which a penalty parameter selected by `basis` changes value."""
    return _boundaries(law().law, basis, tuple(files))


@lru_cache(maxsize=64)
def _boundaries(data: Law, basis: str, files: tuple[str, ...]) -> tuple[date, ...]:
    """Once per law (a what-if law is another `Law`) and question: it depends on nothing else."""
    cuts: set[date] = set()
    for file_name in files:
        law_file = data.files.get(file_name)
        if law_file is None:
            continue
        for parameter in law_file.parameters.values():
            if parameter.selected_by == basis:
                cuts.update(v.from_ for v in parameter.values)
    return tuple(sorted(cuts))


def periods(earliest: date, latest: date, cuts: Sequence[date]) -> list[tuple[date, date]]:
    """[earliest, latest] split at every cut (a cut starts a new period)."""
    out: list[tuple[date, date]] = []
    start = earliest
    for cut in cuts:
        if start < cut <= latest:
            out.append((start, date.fromordinal(cut.toordinal() - 1)))
            start = cut
    out.append((start, latest))
    return out


def period_label(start: date, end: date, earliest: date, latest: date) -> Said:
    """A period of days, as words (words/en.yaml period.*): 'between A and B', 'before C', 'on or after A'."""
    if start == earliest and end == latest:
        return said("period.between", start=start, end=end)
    if start == earliest:
        return said("period.before", day=date.fromordinal(end.toordinal() + 1))
    if end == latest:
        return said("period.on_or_after", day=start)
    return said("period.between", start=start, end=end)
