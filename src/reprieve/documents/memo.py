"""The lawyer's memo: the verdict per avenue, the BOP-style computation step by step, the statutory ranges then and
now, the guideline ranges, every finding with its reasons and citations (both positions where the law is unsettled),
the open questions, and the risks, with the district's historical grant rate as context, never as a prediction.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from reprieve.assess.findings import Finding
from reprieve.assess.report import STATUS_RANK
from reprieve.documents.facts import DISCLAIMER, Facts, long_date
from reprieve.documents.model import Block, Bullets, Document, FieldLine, Heading, Notice, Para, Table

STATUS_WORDS = {"eligible": "ELIGIBLE", "not_eligible": "NOT ELIGIBLE", "needs_review": "NEEDS REVIEW",
                "needs_facts": "NEEDS FACTS"}


@cache
def context() -> dict[str, Any]:
    text = (resources.files("reprieve.documents") / "context.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _months(value: Any) -> str:
    if value is None:
        return "-"
    if value == "life":
        return "life"
    return f"{value} mo." if isinstance(value, int) else str(value)


def build(f: Facts) -> Document:
    doc = Document(kind="memo", title="Memorandum: sentence-reduction screen", register_number=f.register,
                   footer=f"No. {f.docket} - Memo")
    doc.add(Heading("Memorandum", 1),
            FieldLine("Re", f"United States v. {f.name}, No. {f.docket} ({f.district}); Reg. No. {f.register}"),
            FieldLine("Date of analysis", long_date(f.as_of)),
            FieldLine("Circuit", f.circuit_name),
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
        rows.append((avenue, STATUS_WORDS[finding.status], finding.summary, when))
    return Table(("Avenue", "Status", "Why", "Possible from"), tuple(rows))


def _computation(f: Facts) -> list[Block]:
    c = f.computation
    blocks: list[Block] = [Table(("Item", "Value"), (
        ("Total term", f.term),
        ("Sentence imposed", f.imposed),
        ("Full term date", f.full_term),
        ("Statutory release date (good conduct time)", f.gct_release),
        ("Projected release date", f.projected_release),
        ("Time served", f.served or "unknown"),
        ("Percent of term served", f.percent_served or "unknown"),
    ))]
    steps = tuple((s.rule, s.detail, s.citation) for s in c.steps)
    if steps:
        blocks.append(Heading("Steps", 3))
        blocks.append(Table(("Rule", "Arithmetic", "Authority"), steps))
    if c.uncertain:
        blocks.append(Heading("Uncertain facts", 3))
        blocks.append(Bullets(tuple(f"{u.field}: {u.why}" for u in c.uncertain)))
    for refusal in c.refusals:
        blocks.append(Notice("Not computed", f"{refusal.code}: {refusal.message}"))
    return blocks


def _current_law(f: Facts) -> list[Block]:
    law_now = f.assessment.current_law
    if not law_now:
        return [Para("No current-law comparison was possible for this case.")]
    rows = []
    for count in law_now.get("counts") or []:
        then, now = count.get("then") or {}, count.get("now") or {}
        rows.append((str(count.get("count") or "-"), str(count.get("penalty") or count.get("statute") or "-"),
                     f"{_months(then.get('min_months'))} to {_months(then.get('max_months'))}",
                     f"{_months(now.get('min_months'))} to {_months(now.get('max_months'))}",
                     "; ".join(x for x in (then.get("citation"), now.get("citation")) if x)))
    blocks: list[Block] = []
    if rows:
        blocks.append(Table(("Count", "Penalty provision", "Range then", "Range now", "Authority"), tuple(rows)))
    if law_now.get("summary"):
        blocks.append(Para(str(law_now["summary"])))
    unverified = sorted({u for count in law_now.get("counts") or [] for u in count.get("unverified") or []})
    if unverified:
        blocks.append(Bullets(tuple(unverified)))
    return blocks


def _range(side: dict[str, Any]) -> str:
    span = side.get("range_months")
    if isinstance(span, list) and len(span) == 2:
        return f"{_months(span[0])} to {_months(span[1])}"
    return "-"


def _guidelines(f: Facts) -> list[Block]:
    g = f.assessment.guidelines
    if not g:
        return []
    rows = []
    for label in ("then", "now"):
        side = g.get(label)
        if isinstance(side, dict):
            rows.append((label, _or_dash(side.get("offense_level")),
                         _or_dash(side.get("category")), _range(side), _or_dash(side.get("zone"))))
    if not rows:
        return []
    blocks: list[Block] = [Table(("", "Offense level", "Criminal history category", "Range", "Zone"), tuple(rows))]
    steps = [str(step) for label in ("then", "now") for step in (g.get(label) or {}).get("steps") or []]
    if steps:
        blocks.append(Bullets(tuple(dict.fromkeys(steps))))
    return blocks


def _or_dash(value: Any) -> str:
    return "-" if value is None else str(value)


def _finding_blocks(finding: Finding) -> list[Block]:
    blocks: list[Block] = [Heading(f"{finding.ground}: {STATUS_WORDS[finding.status]}", 3),
                           Para(finding.summary)]
    if finding.reasons:
        blocks.append(Bullets(tuple(finding.reasons)))
    for position in finding.positions:
        side = position.get("position", "")
        holding = position.get("holding", "")
        cites = "; ".join(position.get("citations") or [])
        blocks.append(Para(f"Position ({side}): {holding}" + (f" [{cites}]" if cites else ""), "indent"))
    if finding.eligible_from:
        blocks.append(Para(f"Possible from {long_date(finding.eligible_from)}."))
    if finding.citations:
        blocks.append(Para("Authority: " + "; ".join(finding.citations), "small"))
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
    seen: dict[str, str] = {}
    for finding in f.assessment.findings:
        for q in finding.missing:
            text = q.question + (f" ({q.would_change})" if q.would_change else "")
            seen.setdefault(q.field, text)
    for field in f.computation.missing:
        seen.setdefault(field, f"{field}: not stated in the case file (the computation needs it)")
    if not seen:
        return [Para("None: the case file states every fact the rules asked for.")]
    return [Bullets(tuple(f"{text} [{field}]" for field, text in seen.items()))]


def _risks(f: Facts) -> list[Block]:
    points: list[str] = []
    exhaustion = f.selection.exhaustion
    if exhaustion is not None and exhaustion.status != "eligible":
        points.append("Exhaustion is not established: " + exhaustion.summary)
    request = f.latest_request
    if request is not None and request.grounds:
        points.append("Issue exhaustion: some courts hold a motion to the grounds raised with the Warden. The request "
                      f"raised: {f.redact(request.grounds)}.")
    arguable = [g for g in f.selection.raised if g.standing == "arguable"]
    for ground in arguable:
        points.append(f"{ground.cite} is arguable, not settled: {ground.finding.summary}")
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
