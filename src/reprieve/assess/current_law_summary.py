"""The current-law comparison in one plain sentence: "Under today's law the minimum would be 15 years, not 20 years;
with good conduct time, at today's minimum, he would have been released on ...".

The sentence is data until it is read: `Summary` keeps the typed aggregate and the person's pronoun, and `render`
words it in the reader's language (words/en.yaml `law.summary.*`): numbers and dates stay values to the end, so a
Spanish reader gets Spanish words and dates, and a screen that never reads the sentence never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reprieve.assess.current_law_result import Aggregate, Alternative
from reprieve.law.penalty_ranges import described
from reprieve.law.sentence_aggregation import Term
from reprieve.results import Said, Span, said
from reprieve.words import Words, in_text, words

MAX_LISTED = 3  # more alternatives than this are said as a range (as current_law's conditions are)


def months_said(months: Any) -> Said:
    """A minimum in months ("life"; None unknown) as words."""
    if months is None:
        return said("term.unknown")
    return said("term.life") if months == "life" else described(Term(int(months)))


def _order(value: Any) -> int:
    return 10**9 if value == "life" else value if isinstance(value, int) else -1


@dataclass(frozen=True)
class Summary:
    """The plain sentence of the comparison, worded when rendered."""

    aggregate: Aggregate
    sex: str | None

    def render(self, language: str | None = None) -> str:
        return _Wording(self.aggregate, words(language), language).sentence(self.sex)

    def __str__(self) -> str:
        return self.render()

    def __bool__(self) -> bool:
        return True

    def as_json(self) -> str:
        return self.render()


class _Wording:
    def __init__(self, aggregate: Aggregate, w: Words, language: str | None) -> None:
        self.a, self.w, self.language = aggregate, w, language

    def months(self, months: Any) -> str:
        return months_said(months).render(self.language)

    def day(self, day: date | int | float | None) -> Any:
        return in_text(day, self.language) if isinstance(day, date) else day

    def sentence(self, sex: str | None) -> str:
        a, w = self.a, self.w
        if a.reason:
            return w("law.summary.none", reason=a.reason.render(self.language))
        then, now = a.then_min_months, a.now_min_months
        then_text = self.months(then) if then is not None else self.alternatives("then") or \
            self.range_of("then") or w("term.unknown")
        if now is not None:
            now_text = self.months(now)
        elif a.now_min_alternatives:
            now_text = self.alternatives("now")
        elif a.min_span("now") is not None:
            now_text = self.range_of("now")
        else:
            return w("law.summary.now_unknown", then=then_text) + self.missing() + w("law.summary.end")
        if (then is not None and now is not None and then == now) or then_text == now_text:
            text = w("law.summary.same", then=then_text)
        elif then is None and not a.then_min_alternatives and a.min_span("then") is None:
            text = w("law.summary.then_unknown", now=now_text)
        else:
            text = w("law.summary.lower", now=now_text, then=then_text)
        release = self.release(w(f"pronoun.{sex if sex in ('male', 'female') else 'person'}"))
        if release:
            text += w("law.summary.and", text=release)
        if a.safety_valve_today:
            text += w("law.summary.safety_valve", counts=", ".join(a.safety_valve_today))
        return text + self.missing() + w("law.summary.end")

    def range_of(self, which: str) -> str:
        span = self.a.min_span(which)
        if span is None:
            return ""
        # bounded by the counts reprieve covers: the sentence ends with why (the count not covered), not "facts"
        key = "law.summary.between_uncovered" if self.a.not_covered else "law.summary.between"
        return self.w(key, low=self.months(span.low), high=self.months(span.high))

    def alternatives(self, which: str) -> str:
        listed = self.a.alternatives(which)
        if len(listed) > MAX_LISTED:
            known = [a.min_months for a in listed if a.min_months is not None]
            if not known:
                return self.w("term.unknown")
            return self.w("law.summary.between", low=self.months(min(known, key=_order)),
                          high=self.months(max(known, key=_order)))
        return self.w("cond.or").join(self.w("law.summary.alternative", minimum=self.months(a.min_months),
                                             condition=a.condition.render(self.language)) for a in listed)

    def verb(self, past: bool | None) -> str:
        return self.w("law.summary.would_have_been" if past else "law.summary.would_be" if past is False else
                      "law.summary.would_be_or_have_been")

    def when(self, day: date | None, span: Span | None) -> str:
        if day:
            return self.w("law.summary.on", day=self.day(day))
        if span and span.low == span.high:  # a range whose ends agree is one date
            return self.w("law.summary.on", day=self.day(span.low))
        if span:
            return self.w("law.summary.on_between", low=self.day(span.low), high=self.day(span.high))
        return ""

    def release(self, pronoun: str) -> str:
        a, w = self.a, self.w
        basis = w("law.summary.at_bottom" if a.basis == "bottom_of_range" else "law.summary.at_minimum")
        past = a.release_date_if_sentenced_now_is_past
        listed = a.alternatives("now")
        if len(listed) > MAX_LISTED:
            days = [d for alt in listed for d in _days(alt) if d]
            if not days:
                return ""
            return w("law.summary.released_between", basis=basis, pronoun=pronoun, verb=self.verb(past),
                     low=self.day(min(days)), high=self.day(max(days)))
        if listed:
            parts = [w("law.summary.release_of", when=self.when(alt.release_date, alt.release_date_range),
                       minimum=self.months(alt.min_months))
                     for alt in listed if alt.release_date or alt.release_date_range]
            if not parts:
                return ""
            return w("law.summary.released_either" if past else "law.summary.released_one_of", basis=basis,
                     pronoun=pronoun, verb=self.verb(past), when=w("cond.or").join(parts))
        place = self.when(a.release_date_if_sentenced_now, a.release_date_range)
        if not place:
            return a.release_note.render(self.language) if a.release_note is not None else ""
        return w("law.summary.released_past" if past else "law.summary.released", basis=basis, pronoun=pronoun,
                 verb=self.verb(past), when=place)

    def missing(self) -> str:
        missing = self.a.missing or []
        return self.w("law.summary.missing", fields=", ".join(missing)) if missing else ""


def _days(alternative: Alternative) -> tuple[Any, ...]:
    span = alternative.release_date_range
    return (alternative.release_date, *((span.low, span.high) if span is not None else ()))
