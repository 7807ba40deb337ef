"""Which extraordinary and compelling grounds a motion raises on its filing date, and which it leaves out and why.

A motion cites only what the findings leave open: a ground that is `eligible` (every element established) or
`needs_review` (arguable; the court weighs it). A ground that `needs_facts` is raised only when the case file
states facts pointing to it, and then with the open questions marked for the person to answer. Everything else
is left out, with the finding's own reason (e.g. §1B1.13(b)(6) after Rutherford), for the notes to the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from reprieve.assess.findings import Finding
from reprieve.assess.relief.compassionate_release import AVENUE, GROUND_NAMES
from reprieve.assess.report import Assessment
from reprieve.law.compassionate_release import threshold
from reprieve.law.params import using
from reprieve.words import join_citations

Standing = Literal["established", "arguable", "needs facts"]
STATUTORY = "3582(c)(1)(A)(ii)"
ORDER = [*GROUND_NAMES, STATUTORY]
# Grounds the AO 250 form lists by name; the others go under "other reasons" with the paragraph named.
AO250_LISTED = {"§1B1.13(b)(1)(A)": "medical", "§1B1.13(b)(1)(B)": "medical", "§1B1.13(b)(2)": "age",
                "§1B1.13(b)(3)(A)": "family", "§1B1.13(b)(3)(B)": "family", "3582(c)(1)(A)(ii)": "statutory"}


def ground_name(paragraph: str, on: date) -> str:
    """The ground as a draft names it; the statutory ground's age and years are the law's on that date."""
    if paragraph == STATUTORY:
        age, years = threshold("elderly_statutory_age", on)[0], threshold("elderly_statutory_years_served", on)[0]
        return f"age {age} and {years} years served under 18 U.S.C. § 3559(c)"
    return GROUND_NAMES.get(paragraph, paragraph)


@dataclass(frozen=True)
class _OfFinding:
    finding: Finding
    name: str

    @property
    def paragraph(self) -> str:
        return self.finding.ground


@dataclass(frozen=True)
class Ground(_OfFinding):
    standing: Standing

    @property
    def cite(self) -> str:
        """The paragraph as a citation: 'USSG §1B1.13(b)(2)' or '18 U.S.C. § 3582(c)(1)(A)(ii)'."""
        if self.paragraph.startswith("§"):
            return f"USSG {self.paragraph}"
        return "18 U.S.C. § 3582(c)(1)(A)(ii)"

    def open_questions(self) -> list[str]:
        return [q.question for q in self.finding.missing]


@dataclass(frozen=True)
class LeftOut(_OfFinding):
    why: str

    @property
    def reasons(self) -> str:
        """The elements not met, without the citations: 'not terminal; self-care not diminished'."""
        failed = [f"{r.element_text()}: {r.detail_text()}" for r in self.finding.elements(False)]
        return "; ".join(failed) or self.finding.summary_text().rstrip(".")


@dataclass
class Selection:
    raised: list[Ground]
    left_out: list[LeftOut]
    silent: list[str]  # grounds the case file says nothing about (paragraphs)
    combined: Finding | None
    exhaustion: Finding | None
    rehabilitation: Finding | None

    @property
    def any_supported(self) -> bool:
        return any(g.standing in ("established", "arguable") for g in self.raised)


def family(paragraph: str) -> str:
    """The paragraph a ground belongs to: '§1B1.13(b)(1)(B)' -> '§1B1.13(b)(1)'. The grounds of one paragraph rest
    on the same facts (one illness; one family member), so a document argues them together."""
    parts = paragraph.split(")(")
    return paragraph if len(parts) < 3 else ")(".join(parts[:2]) + ")"


def grouped(grounds: list[Ground]) -> list[list[Ground]]:
    groups: dict[str, list[Ground]] = {}
    for ground in grounds:
        groups.setdefault(family(ground.paragraph), []).append(ground)
    return list(groups.values())


def has_facts(f: Finding) -> bool:
    """The case file states circumstances the finding looked at (not only the sentence or a date of birth)."""
    return any(k.startswith("circumstances.") and v is not None for k, v in f.facts_used.items())


def _why_not(f: Finding) -> str:
    """'Not met: <element>. <Why>.' for each element not met, then when it may be met and the authority."""
    parts = []
    for reason in f.elements(False):
        element, why = reason.element_text(), reason.detail_text()
        parts.append(f"Not met: {element}." + (f" {why[0].upper()}{why[1:]}." if why else ""))
    text = " ".join(parts) or f.summary_text()
    if f.eligible_from:
        text += f" Possible from {f.eligible_from.isoformat()}."
    note = f.extra.note
    return f"{text} ({join_citations(f.citations)})." + (f" {note.render()}" if note is not None else "")


def select(assessment: Assessment) -> Selection:
    findings = [f for f in assessment.findings if f.avenue == AVENUE]
    by_ground = {f.ground: f for f in findings}
    raised: list[Ground] = []
    left_out: list[LeftOut] = []
    silent: list[str] = []
    for paragraph in ORDER:
        f = by_ground.get(paragraph)
        if f is None:
            continue
        with using(assessment.law):  # the law it was assessed under (a what-if's age is its own)
            name = ground_name(paragraph, assessment.as_of)
        if f.status == "eligible":
            raised.append(Ground(f, name, "established"))
        elif f.status == "needs_review":
            raised.append(Ground(f, name, "arguable"))
        elif f.status == "needs_facts":
            if has_facts(f):
                raised.append(Ground(f, name, "needs facts"))
            else:
                silent.append(paragraph)
        else:
            left_out.append(LeftOut(f, name, _why_not(f)))
    return Selection(raised, left_out, silent, by_ground.get("extraordinary and compelling reasons"),
                     by_ground.get("exhaustion"), by_ground.get("§1B1.13(d)"))
