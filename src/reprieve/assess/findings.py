"""A finding: one avenue of relief (or one ground or requirement of it), its status and why.

Status is one of `eligible`, `not_eligible`, `needs_review` (the law is unsettled or a judgment call remains: both
positions are given) and `needs_facts` (the answer turns on facts the case file does not state: `missing` asks
for them as questions a person can answer). `eligible` is given only when every element of the rule is
established by an explicit fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from reprieve.results import Said, said, verbatim
from reprieve.words import template

Status = Literal["eligible", "not_eligible", "needs_review", "needs_facts"]
STATUSES: tuple[Status, ...] = ("eligible", "needs_review", "needs_facts", "not_eligible")
STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUSES)}  # most favourable first


@dataclass(frozen=True)
class Question:
    """A fact the case file lacks, asked as a person could answer it, with the field it fills."""

    field: str
    question: str
    would_change: str = ""
    where_to_find: str = ""

    def as_json(self) -> dict[str, str]:
        out = {"field": self.field, "question": self.question}
        if self.would_change:
            out["would_change"] = self.would_change
        if self.where_to_find:
            out["where_to_find"] = self.where_to_find
        return out


@dataclass(frozen=True, eq=False)
class Reason:
    """One element of a rule and how the facts meet it: met (True), not met (False), unknown (None), or met but for
    the court to weigh (`review`); formatted only when rendered ('met: <element>: <how>'). A reader of a finding
    (a draft) reads `met` and `element` instead of parsing the text back."""

    met: bool | None
    element: str
    detail: str
    review: bool = False

    @property
    def status_key(self) -> str:
        if self.met and self.review:
            return "reason.met_review"
        return "reason.met" if self.met else "reason.not_met" if self.met is False else "reason.unknown"

    def said(self) -> Said:
        return said("reason.element", status=said(self.status_key), element=verbatim(self.element),
                    detail=verbatim(self.detail))

    def render(self, language: str | None = None) -> str:
        return template("reason.element", language).format(status=template(self.status_key, language),
                                                            element=self.element, detail=self.detail)

    def __str__(self) -> str:
        return self.render()


def reason_text(reason: str | Reason, language: str | None = None) -> str:
    return reason if isinstance(reason, str) else reason.render(language)


@dataclass
class Finding:
    avenue: str  # e.g. "3582(c)(1)(A)", "3582(c)(2)", "FSA 404", "34 U.S.C. 60541(g)", "FSA time credits"
    ground: str  # the USSG 1B1.13(b) paragraph, the amendment number, or the requirement (e.g. "exhaustion")
    status: Status
    summary: str
    reasons: list[str | Reason] = field(default_factory=list)  # a Reason for each element of the rule
    citations: list[str] = field(default_factory=list)
    missing: list[Question] = field(default_factory=list)
    eligible_from: date | None = None
    facts_used: dict[str, Any] = field(default_factory=dict)
    positions: list[dict[str, Any]] = field(default_factory=list)  # needs_review: each side with its authority
    extra: dict[str, Any] = field(default_factory=dict)  # avenue-specific keys (e.g. amended_range_months)

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
            "summary": self.summary,
            "reasons": self.reason_texts(),
            "citations": self.citations,
            "missing": [q.as_json() for q in self.missing],
            "eligible_from": self.eligible_from.isoformat() if self.eligible_from else None,
            "facts_used": {k: v.isoformat() if isinstance(v, date) else v for k, v in self.facts_used.items()},
        }
        if self.positions:
            out["positions"] = self.positions
        out.update({k: v.isoformat() if isinstance(v, date) else v for k, v in self.extra.items()})
        return out
