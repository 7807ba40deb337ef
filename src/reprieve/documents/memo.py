"""The lawyer's memo: the verdict per avenue, the BOP-style computation step by step, the statutory ranges then and
now, the guideline ranges, every finding with its reasons and citations (both positions where the law is unsettled),
the open questions, and the risks, with the district's historical grant rate as context, never as a prediction.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from reprieve.assess.current_law_result import RangeSide
from reprieve.assess.findings import Finding
from reprieve.assess.report import STATUS_RANK
from reprieve.documents.argument import sentenced_today, strongest
from reprieve.documents.facts import DISCLAIMER, Facts, long_date
from reprieve.documents.model import Block, Bullets, Document, FieldLine, Heading, Notice, Para, Table
from reprieve.results import text_of
from reprieve.words import join_citations

STATUS_WORDS = {"eligible": "ELIGIBLE", "not_eligible": "NOT ELIGIBLE", "needs_review": "NEEDS REVIEW",
                "needs_facts": "NEEDS FACTS"}


@cache
def context() -> dict[str, Any]:
    text = (resources.files("reprieve.documents") / "context.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _months(value: Any) -> str:
    if value is None:
        return "unknown"
    if value == "life":
        return "life"
    return f"{value} mo." if isinstance(value, int) else str(value)


def _side(side: RangeSide) -> str:
    """A count's statutory range then or now: '240 mo. to life', or each alternative with its condition."""
    alternatives = side.alternatives or []
    if side.min_months is None and alternatives:
        return "; ".join(f"{_min_max(a)} {a.condition or ''}".strip() for a in alternatives)
    if side.min_months is None and side.max_months is None:
        return str(side.not_covered or side.reason or "not determined")
    return _min_max(side)


def _min_max(side: RangeSide) -> str:
    low, high = side.min_months, side.max_months
    if low is None:
        return f"minimum unknown, at most {_months(high)}"
    if low == 0:
        return f"no minimum, at most {_months(high)}"
    return f"{_months(low)} to {_months(high)}"


def _cites(citations: list[Any]) -> str:
    """Citations joined once each, in order (a citation never printed twice in a row)."""
    return join_citations([str(c) for c in citations if c])


def build(f: Facts) -> Document:
    doc = Document(kind="memo", title="Memorandum: sentence-reduction screen", register_number=f.register,
                   footer=f"No. {f.docket} - Memo")
    doc.add(Heading("Memorandum", 1),
            FieldLine("Re", f"United States v. {f.name}, No. {f.docket} ({f.district}); Reg. No. {f.register}"),
            FieldLine("Date of analysis", long_date(f.as_of)),
            FieldLine("Circuit", f.circuit_name or "unknown (the district is not stated)"),
            Notice("Note", "Prepared by reprieve for counsel. " + DISCLAIMER))
    doc.add(Heading("1. Summary", 2), _verdicts(f))
    doc.add(Heading("2. Sentence computation (as the BOP computes it)", 2), *_computation(f))
    doc.add(Heading("3. Statutory penalties then and now", 2), *_current_law(f))
    guidelines = _guidelines(f)
    if guidelines:
        doc.add(Heading("4. Guideline ranges", 2), *guidelines)
    doc.add(Heading("5. Findings", 2), *_findings(f))
    doc.add(Heading("6. Open questions", 2), *_questions(f))
    doc.add(Heading("7. Risks and context", 2), *_risks(f))
    return doc


def _verdicts(f: Facts) -> Table:
    rows = []
    for avenue, finding in f.assessment.verdicts():
        when = long_date(finding.eligible_from) if finding.eligible_from else ""
        rows.append((avenue, STATUS_WORDS[finding.status], finding.summary_text(), when))
    return Table(("Avenue", "Status", "Why", "Possible from"), tuple(rows))


def _computation(f: Facts) -> list[Block]:
    c = f.computation
    term = c.total_term
    imposed = f.case.judgments[0].imposed_on if f.case.judgments else None
    rows = [
        ("Total term", str(term) if term is not None else "unknown"),
        ("Sentence imposed", long_date(imposed.exact) if imposed is not None and imposed.exact else
         str(imposed) if imposed is not None else "unknown"),
        ("Full term date", f.full_term),
        ("Statutory release date (good conduct time)", f.gct_release),
        ("Projected release date (reprieve)", f.projected_release),
    ]
    if f.bop_release is not None:
        agrees = {True: "within reprieve's range", False: "differs from reprieve's computation",
                  None: ""}[f.computed_release_agrees]
        rows.append(("Projected release date (BOP)", long_date(f.bop_release) + (f" ({agrees})" if agrees else "")))
    rows += [("Time served", f.served_range or "unknown"),
             ("Percent of term served", f.percent_range or "unknown")]
    blocks: list[Block] = [Table(("Item", "Value"), tuple(rows))]
    steps = tuple((s.rule, s.detail, s.citation) for s in c.steps)
    if steps:
        blocks.append(Heading("Steps", 3))
        blocks.append(Table(("Rule", "Arithmetic", "Authority"), steps))
    if c.uncertain:
        blocks.append(Heading("Uncertain facts", 3))
        blocks.append(Bullets(tuple(f"{u.field}: {u.why_text()}" for u in c.uncertain)))
    for refusal in c.refusals:
        blocks.append(Notice("Not computed", f"{refusal.code}: {refusal.message_text()}"))
    return blocks


def _current_law(f: Facts) -> list[Block]:
    law_now = f.assessment.current_law
    if law_now is None:
        return [Para("No current-law comparison was possible for this case.")]
    rows = []
    for count in law_now.counts:
        then, now = count.then, count.now
        rows.append((str(count.count or ""), str(count.penalty or count.statute or "not stated"),
                     _side(then), _side(now),
                     _cites([then.citation, now.citation, *(a.citation for a in now.alternatives or [])])))
    blocks: list[Block] = []
    if rows:
        blocks.append(Table(("Count", "Penalty provision", "Range then", "Range now", "Authority"), tuple(rows)))
    today = sentenced_today(f.assessment)
    if today is not None and today.lower:
        blocks.append(Para(" ".join(strongest(today, f.words, "third", f.Ref, f.pronoun))))
        if f.finding("3582(c)(1)(A)", "§1B1.13(b)(6)") is not None and not any(
                g.paragraph == "§1B1.13(b)(6)" for g in f.selection.raised):
            blocks.append(Para("On this date the change in law is not an extraordinary and compelling reason in this "
                               "circuit (see the §1B1.13(b)(6) finding); the figure is context for § 3553(a)."))
    elif law_now.summary:
        blocks.append(Para(law_now.summary.render()))
    unverified = sorted({_unverified(u) for count in law_now.counts for u in count.unverified or []})
    if unverified:
        blocks.append(Para("These ranges rest on values of reprieve's law data not yet verified against the primary "
                           "text; check them before relying on the figures:"))
        blocks.append(Bullets(tuple(unverified)))
    return blocks


_GRADES = {"P": "primary text", "S": "secondary source", "K": "general knowledge"}


def _unverified(item: str) -> str:
    """'UNVERIFIED (drug_penalties.x, in force 1988-11-18 to today; grade K): <developer note>' -> the value, its
    period and the grade of its source (the developer's note stays in the data and in --json)."""
    match = re.match(r"UNVERIFIED \(([^,]+), in force (\S+) to (\S+); grade (\w)\)", item)
    if match is None:
        return item.split(": ", 1)[0]
    name, start, end, grade = match.groups()
    return f"{name}, in force {start} to {end} (source: {_GRADES.get(grade, grade)})"


def _range(span: list[Any] | None) -> str:
    if isinstance(span, list) and len(span) == 2:
        return f"{_months(span[0])} to {_months(span[1])}"
    return "not determined"


def _guidelines(f: Facts) -> list[Block]:
    g = f.assessment.guidelines
    if g is None:
        return []
    rows = []
    for label, title in (("then", "At sentencing"), ("now", "With retroactive amendments")):
        side = g.side(label)
        if side is not None:
            rows.append((title, _or_unknown(side.offense_level), _or_unknown(side.category),
                         _range(side.range.as_list() if side.range else None), _or_unknown(side.zone)))
    if not rows:
        return []
    blocks: list[Block] = [Table(("", "Offense level", "Criminal history category", "Range", "Zone"), tuple(rows))]
    steps = [step.detail for side in (g.then, g.now) if side is not None for step in side.steps]
    if steps:
        blocks.append(Bullets(tuple(dict.fromkeys(steps))))
    return blocks


def _or_unknown(value: Any) -> str:
    return "not determined" if value is None else str(value)


def _finding_blocks(finding: Finding) -> list[Block]:
    blocks: list[Block] = [Heading(f"{finding.ground}: {STATUS_WORDS[finding.status]}", 3),
                           Para(finding.summary_text())]
    if finding.reasons:
        blocks.append(Bullets(tuple(finding.reason_texts())))
    for position in finding.positions:
        side, holding, cites = position.position, position.holding, _cites(list(position.authorities))
        blocks.append(Para(f"Position ({side}): {holding}" + (f" ({cites})" if cites else ""), "indent"))
    if finding.eligible_from:
        blocks.append(Para(f"Possible from {long_date(finding.eligible_from)}."))
    if finding.citations:
        blocks.append(Para("Authority: " + _cites(finding.citations), "small"))
    return blocks


def _findings(f: Facts) -> list[Block]:
    blocks: list[Block] = []
    by_avenue: dict[str, list[Finding]] = {}
    for finding in f.assessment.findings:
        by_avenue.setdefault(finding.avenue, []).append(finding)
    for avenue, findings in by_avenue.items():
        blocks.append(Heading(avenue, 3))
        for finding in sorted(findings, key=lambda x: STATUS_RANK[x.status]):
            blocks.extend(_finding_blocks(finding))
    return blocks


def _questions(f: Facts) -> list[Block]:
    seen: dict[str, tuple[str, str]] = {}
    for finding in f.assessment.findings:
        for q in finding.missing:
            seen.setdefault(q.field, (q.question, text_of(q.would_change) or finding.ground))
    for field in f.computation.missing:
        seen.setdefault(field, ("Not stated in the case file.", "the sentence computation"))
    if not seen:
        return [Para("None: the case file states every fact the rules asked for.")]
    return [Table(("Question", "What it decides", "Case file field"),
                  tuple((question, decides, field) for field, (question, decides) in seen.items()))]


def _risks(f: Facts) -> list[Block]:
    points: list[str] = []
    exhaustion = f.selection.exhaustion
    if exhaustion is not None and exhaustion.status != "eligible":
        points.append("Exhaustion is not established: " + exhaustion.summary_text())
    request = f.latest_request
    if request is not None and request.grounds:
        points.append("Issue exhaustion: some courts hold a motion to the grounds raised with the Warden. The request "
                      f"raised: {f.redact(request.grounds)}.")
    arguable = [g for g in f.selection.raised if g.standing == "arguable"]
    for ground in arguable:
        points.append(f"{ground.cite} is arguable, not settled: {ground.finding.summary_text()}")
    points.append("Most merits denials rest on the § 3553(a) factors and danger (18 U.S.C. § 3142(g)); this memo "
                  "does not weigh them.")
    blocks: list[Block] = [Bullets(tuple(points))]
    rates = context()["compassionate_release_grant_rates"]
    national = rates["national"]
    district = rates["districts"].get(f.case.court.district or "")
    text = (f"Context, not a prediction: nationally {national['granted_percent']}% of {national['motions']:,} "
            f"motions were granted over {national['period']} ({national['source']}).")
    if district:
        text += f" In this district: about {district['granted_percent']}% ({district['source']})."
    else:
        text += " No figure for this district is on file."
    blocks.append(Para(text, "small"))
    return blocks
