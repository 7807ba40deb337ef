"""The change-in-law argument in words a person would use: what the engine computes as
`current_law.aggregate.release_date_if_sentenced_now` becomes "sentenced today, with good conduct time, he would
already have been released, on about <date>, <N> years ago".

The sentence is built from the assessment, never from a finding's own wording, and it claims only what holds under
every alternative the facts leave open: with several possible minimums today it uses the highest, and with a range
of release dates the latest ("no later than about ..."). When the counts the law did not change would keep their
term, the engine's `release_date_if_changed_counts_at_minimum` is the honest date and is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from reprieve.assess.report import Assessment
from reprieve.results import Conditions, Span
from reprieve.words import Words

Person = Literal["first", "second", "third"]


@dataclass(frozen=True)
class SentencedToday:
    then_months: int  # the mandatory minimum at sentencing
    now_months: tuple[int, ...]  # today's possible minimums, highest first
    conditions: tuple[Conditions | None, ...]  # the facts each assumes (None when there is one minimum)
    release: date | None  # release at the highest minimum today, with good conduct time (latest possible)
    exact: bool  # the release date is one day, not the end of a range
    others_as_imposed: bool  # the counts the law did not change keep their term
    as_of: date

    @property
    def is_past(self) -> bool:
        return self.release is not None and self.release <= self.as_of

    @property
    def lower(self) -> bool:
        return bool(self.now_months) and self.now_months[0] < self.then_months


def _release(point: date | None, span: Span | None) -> tuple[date | None, bool]:
    """The latest release the facts allow, and whether it is one exact day."""
    if span is not None and isinstance(span.high, date):
        return span.high, span.low == span.high
    return point, point is not None


def sentenced_today(assessment: Assessment) -> SentencedToday | None:
    """The then/now minimums and the release a sentence at today's minimum would have had; None when the current-
    law comparison cannot say (a minimum unknown, no lower minimum today, no release date)."""
    if assessment.current_law is None:
        return None
    aggregate = assessment.current_law.aggregate
    then = aggregate.then_min_months
    if not isinstance(then, int):
        return None
    alternatives = [a for a in aggregate.alternatives("now") if isinstance(a.min_months, int)]
    others_as_imposed = False
    if alternatives:
        alternatives.sort(key=lambda a: int(a.min_months or 0), reverse=True)
        now = tuple(int(a.min_months or 0) for a in alternatives)
        conditions: tuple[Conditions | None, ...] = tuple(a.condition for a in alternatives)
        release, exact = _release(alternatives[0].release_date, alternatives[0].release_date_range)
    elif isinstance(aggregate.now_min_months, int):
        now, conditions = (aggregate.now_min_months,), (None,)
        if aggregate.release_date_if_changed_counts_at_minimum or \
                aggregate.release_date_if_changed_counts_at_minimum_range:
            release, exact = _release(aggregate.release_date_if_changed_counts_at_minimum,
                                      aggregate.release_date_if_changed_counts_at_minimum_range)
            others_as_imposed = True
        else:
            release, exact = _release(aggregate.release_date_if_sentenced_now,
                                      aggregate.release_date_range or aggregate.release_date_if_sentenced_now_range)
    else:
        return None
    return SentencedToday(then, now, conditions, release, exact, others_as_imposed, assessment.as_of)


def _minimum_now(t: SentencedToday, w: Words, person: Person) -> str:
    """'15 years', or '15 years at most (10 years if the prior conviction is not ...)'; in plain words '15 years or
    less'."""
    first = w.years(t.now_months[0])
    if len(t.now_months) == 1:
        return first
    if person == "second":
        return w("arg.or_less", minimum=first)
    others = "; ".join(f"{w.years(m)} {c.render(w.language) if c else ''}".strip()
                       for m, c in zip(t.now_months[1:], t.conditions[1:], strict=True))
    return w("arg.at_most", minimum=first, others=others)


def _when(t: SentencedToday, w: Words) -> str:
    assert t.release is not None
    return w("arg.on_about" if t.exact else "arg.no_later_than", date=w.long_date(t.release))


def strongest(t: SentencedToday, w: Words, person: Person, name: str = "", pronoun: str = "he") -> list[str]:
    """The argument in two or three sentences, in the voice of the document: 'third' (a motion: `name` and
    `pronoun`), 'first' (a letter signed by the person), 'second' (the plain summary)."""
    if not t.lower or t.release is None:
        return []
    values = {"name": name, "pronoun": pronoun, "Pronoun": pronoun[:1].upper() + pronoun[1:],
              "now": _minimum_now(t, w, person), "then": w.years(t.then_months), "higher": w.years(t.now_months[0]),
              "when": _when(t, w), "ago": w.time_ago(t.release, t.as_of),
              "month": w.month_year(t.release)}
    values["in_month"] = w("arg.in_month" if t.exact else "arg.by_month", month=values["month"])
    values["others"] = w(f"arg.others_as_imposed.{person}", **values) if t.others_as_imposed else ""
    if len(t.now_months) > 1:
        values["even"] = w("arg.even_at" if person != "second" else "arg.even_at.second", higher=values["higher"],
                           which=w("arg.higher" if len(t.now_months) == 2 else "arg.highest"))
    else:
        values["even"] = ""
    sentence = w(f"arg.released.{person}" if t.is_past else f"arg.would_be.{person}", **values)
    return [w(f"arg.minimum.{person}", **values), sentence[0].upper() + sentence[1:]]
