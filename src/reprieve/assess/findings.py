"""A finding: one avenue of relief (or one ground or requirement of it), its status and why.

Status is one of `eligible`, `not_eligible`, `needs_review` (the law is unsettled or a judgment call remains: both
positions are given) and `needs_facts` (the answer turns on facts the case file does not state: `missing` asks
for them as questions a person can answer). `eligible` is given only when every element of the rule is
established by an explicit fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from reprieve.law import authorities
from reprieve.results import Joined, Said, Text, text_of, whole_text
from reprieve.words import constant, template

if TYPE_CHECKING:
    from reprieve.assess.count_ranges import CountRanges

Status = Literal["eligible", "not_eligible", "needs_review", "needs_facts"]
STATUSES: tuple[Status, ...] = ("eligible", "needs_review", "needs_facts", "not_eligible")
STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUSES)}  # most favourable first


@dataclass(frozen=True)
class Question:
    """A fact the case file lacks, asked as a person could answer it, with the field it fills."""

    field: str
    question: str
    would_change: Text = ""  # what the answer decides (a message of the rule that asks, worded when rendered)
    where_to_find: str = ""

    def as_json(self) -> dict[str, str]:
        out = {"field": self.field, "question": self.question}
        if self.would_change:
            out["would_change"] = text_of(self.would_change)
        if self.where_to_find:
            out["where_to_find"] = self.where_to_find
        return out


@dataclass(eq=False)  # not frozen, and never changed once made: see `results.Step` (dozens a person)
class Reason:
    """One element of a rule and how the facts meet it: met (True), not met (False), unknown (None), or met but for
    the court to weigh (`review`); formatted only when rendered ('met: <element>: <how>'). Like a `Step`, it names
    its rule (an id) and the key of its authority in law/authorities.yaml, so a reader can link it. A reader of a
    finding (a draft) reads `met`, `rule` and the element's words instead of parsing the text back."""

    met: bool | None
    element: Text
    detail: Text
    review: bool = False
    rule: str = ""
    authority: str | None = None

    @property
    def status_key(self) -> str:
        if self.met and self.review:
            return "reason.met_review"
        return "reason.met" if self.met else "reason.not_met" if self.met is False else "reason.unknown"

    @property
    def citation(self) -> str:
        """The authority's citation, from the registry ('' when the reason names none)."""
        return authorities.cite(self.authority) if self.authority else ""

    def element_text(self, language: str | None = None) -> str:
        return text_of(self.element, language)

    def detail_text(self, language: str | None = None) -> str:
        return text_of(self.detail, language)

    def whole(self) -> bool:
        return whole_text(self.element) and whole_text(self.detail)

    def render(self, language: str | None = None) -> str:
        element, detail = self.element, self.detail
        return template("reason.element", language).format(
            status=constant(self.status_key, language),
            element=element if isinstance(element, str) else element.render(language),
            detail=detail if isinstance(detail, str) else detail.render(language))

    def __str__(self) -> str:
        return self.render()


ReasonLike = Text | Reason  # a reason that is not an element of a rule is words: a message, or a text given as is


def reason_text(reason: ReasonLike, language: str | None = None) -> str:
    return reason.render(language) if isinstance(reason, Reason | Said | Joined) else reason


def reason_whole(reason: ReasonLike) -> bool:
    return reason.whole() if isinstance(reason, Reason) else whole_text(reason)


@dataclass(frozen=True)
class Position:
    """One side of an unsettled question of law, with the authorities that hold it (the law data's words)."""

    position: str
    holding: str
    authorities: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"position": self.position, "holding": self.holding, "authorities": list(self.authorities)}


@dataclass
class AmendmentFigures:
    """3582(c)(2): the amended guideline range (with every listed amendment), the lowest term the court may impose,
    and the range with this amendment alone (months; None where not computed)."""

    amended_range_months: list[Any] | None = None
    lowest_sentence_months: int | str | None = None  # "life" where no term of years is the floor
    range_with_this_amendment_only_months: list[Any] | None = None

    def as_json(self) -> dict[str, Any]:
        return {"amended_range_months": self.amended_range_months,
                "lowest_sentence_months": self.lowest_sentence_months,
                "range_with_this_amendment_only_months": self.range_with_this_amendment_only_months}


@dataclass(frozen=True)
class Ranges404:
    """FSA section 404: the count's ranges evaluated as if the Fair Sentencing Act had applied ('now' side) and at
    sentencing ('then'), written as the current-law comparison writes a side only in JSON."""

    ranges: CountRanges

    def as_json(self) -> dict[str, Any]:
        from reprieve.assess.current_law import side_json  # the comparison's JSON shape of one side

        return {"statutory_range_under_404": side_json(self.ranges, "now"),
                "statutory_range_at_sentencing": side_json(self.ranges, "then")}


@dataclass(frozen=True)
class Sunset:
    """The avenue ends (ends_on, its last day) before the day its requirements would first be met."""

    ends_on: date
    would_qualify_on: date

    def as_json(self) -> dict[str, Any]:
        return {"ends_on": self.ends_on.isoformat(), "would_qualify_on": self.would_qualify_on.isoformat()}


@dataclass
class Extra:
    """What some avenues say beside their reasons (each JSON key as before, at the finding's top level)."""

    amendment: AmendmentFigures | None = None
    ranges_404: Ranges404 | None = None
    sunset: Sunset | None = None
    note: Said | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in (self.amendment, self.ranges_404, self.sunset):
            if part is not None:
                out.update(part.as_json())
        if self.note is not None:
            out["note"] = self.note.render()
        return out


@dataclass
class Finding:
    avenue: str  # e.g. "3582(c)(1)(A)", "3582(c)(2)", "FSA 404", "34 U.S.C. 60541(g)", "FSA time credits"
    ground: str  # the USSG 1B1.13(b) paragraph, the amendment number, or the requirement (e.g. "exhaustion")
    status: Status
    summary: Text
    reasons: list[ReasonLike] = field(default_factory=list)  # a Reason for each element of the rule
    citations: list[str] = field(default_factory=list)
    missing: list[Question] = field(default_factory=list)
    eligible_from: date | None = None
    facts_used: dict[str, Any] = field(default_factory=dict)
    positions: list[Position] = field(default_factory=list)  # needs_review: each side with its authority
    extra: Extra = field(default_factory=Extra)  # avenue-specific figures and notes

    def copy(self) -> Finding:
        """Another finding saying the same, with its own lists, facts and extra: later steps change a finding (hold
        it, reword it, add a reason or a citation), which must not reach the one it was copied from (a memo's)."""
        fields = self.__dict__.copy()  # (each mutable field replaced by its own: a third of a dataclass's init)
        fields.update(reasons=list(self.reasons), citations=list(self.citations), missing=list(self.missing),
                      facts_used=dict(self.facts_used), positions=list(self.positions),
                      extra=Extra(self.extra.amendment, self.extra.ranges_404, self.extra.sunset, self.extra.note))
        twin = object.__new__(Finding)
        twin.__dict__ = fields
        return twin

    def summary_text(self, language: str | None = None) -> str:
        return text_of(self.summary, language)

    def reason_texts(self, language: str | None = None) -> list[str]:
        return [reason_text(r, language) for r in self.reasons]

    def elements(self, met: bool | None) -> list[Reason]:
        """The elements met (True), not met (False) or unknown (None); one for the court to weigh counts as met."""
        return [r for r in self.reasons if isinstance(r, Reason) and r.met is met]

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "avenue": self.avenue,
            "ground": self.ground,
            "status": self.status,
            "summary": self.summary_text(),
            "reasons": self.reason_texts(),
            "citations": self.citations,
            "missing": [q.as_json() for q in self.missing],
            "eligible_from": self.eligible_from.isoformat() if self.eligible_from else None,
            "facts_used": {k: v.isoformat() if isinstance(v, date) else v for k, v in self.facts_used.items()},
        }
        if self.positions:
            out["positions"] = [p.as_json() for p in self.positions]
        out.update(self.extra.as_json())
        return out
