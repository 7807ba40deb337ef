"""Everything reprieve can say about a case on a date: `reprieve assess` (keys in ../shared/spec/cli.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reprieve.assess.computation import Computation, compute
from reprieve.assess.current_law import current_law, fsa404_findings
from reprieve.assess.findings import Finding
from reprieve.assess.guidelines import assess_guidelines
from reprieve.assess.questions import Asked, language_of, localize, questions_for
from reprieve.assess.relief import Situation, relief_findings
from reprieve.case.model import Case
from reprieve.law.circuits import circuit_of

STATUS_RANK = {"eligible": 0, "needs_review": 1, "needs_facts": 2, "not_eligible": 3}
COMBINED = "extraordinary and compelling reasons"


@dataclass(frozen=True)
class Options:
    at_bottom_of_range: bool = False  # release_date_if_sentenced_now at the bottom of the recomputed range
    language: str | None = None  # the language of the questions (default: the person's, else English)


@dataclass
class Assessment:
    as_of: date
    circuit: str | None
    computation: Computation
    current_law: dict[str, Any] | None = None
    guidelines: dict[str, Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    case: Case | None = None
    language: str = "en"
    essentials: list[str] = field(default_factory=list)  # fields without which no avenue is open or closed

    @property
    def assumptions(self) -> list[dict[str, Any]]:
        """The presumptions the answers rest on, once per field: {field, presumed, why, if_instead}."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        sources = [*self.computation.assumptions, *((self.current_law or {}).get("presumptions") or []),
                   *((self.guidelines or {}).get("presumptions") or [])]
        for item in sources:
            key = (item["field"], item["presumed"])
            if key not in out:
                out[key] = dict(item)
            elif item["if_instead"] not in out[key]["if_instead"]:  # one fact, several answers it would change
                out[key]["if_instead"] += f"; and {item['if_instead']}"
        return list(out.values())

    @property
    def questions(self) -> list[Asked]:
        """The facts still worth asking, deduplicated, most decisive first (reprieve.assess.questions)."""
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
        return {
            "as_of": self.as_of.isoformat(),
            "circuit": self.circuit,
            "computation": self.computation.as_json(),
            "current_law": self.current_law,
            "guidelines": self.guidelines,
            "findings": [f.as_json() for f in self.findings],
            "language": self.language,
            "questions": [q.as_json() for q in self.questions],
            "assumptions": self.assumptions,
            "disclaimer": "Information, not legal advice.",
        }


def assess(case: Case, as_of: date, options: Options | None = None) -> Assessment:
    options = options or Options()
    computation = compute(case, as_of)
    circuit, circuit_citation = circuit_of(case.court.district, as_of)
    result = Assessment(as_of=as_of, circuit=circuit, computation=computation)
    result.guidelines, guideline_findings = assess_guidelines(case, as_of, computation)
    result.findings.extend(guideline_findings)
    result.current_law = current_law(case, as_of, computation, options.at_bottom_of_range, result.guidelines)
    situation = Situation(case, as_of, circuit, circuit_citation, computation, result.current_law)
    result.findings = relief_findings(situation) + result.findings
    result.findings.extend(fsa404_findings(case, as_of, computation))
    result.case = case
    result.language = language_of(case, options.language)
    for finding in result.findings:  # worded by the registry, for this case (labels, names)
        finding.missing = [localize(q, case) for q in finding.missing]
    return result
