"""Passages several documents share, written once: the sentence, each ground's facts, the release plan, the record
the 18 U.S.C. 3553(a) factors and 3142(g) danger analysis draw on.

Each function returns blocks; each states only what the case file and the assessment establish and leaves a
bracketed blank for what they do not.
"""

from __future__ import annotations

from reprieve.documents.facts import Facts, long_date
from reprieve.documents.grounds import Ground, family
from reprieve.documents.model import Block, Bullets, Para

BOP_AVENUE = "BOP reduction in sentence (PS 5050.50)"


def sentence_lines(f: Facts) -> list[str]:
    lines = [f"Sentence: {f.term}, imposed {f.imposed}, in Case No. {f.docket} ({f.district})."]
    lines.extend(f"{offense}." for offense in f.offenses)
    if f.supervised_release:
        lines.append(f"Supervised release to follow: {f.supervised_release}.")
    if f.served:
        lines.append(f"Time served as of {long_date(f.as_of)}: {f.served}"
                     + (f", {f.percent_served} of the term." if f.percent_served else "."))
    lines.append(f"Projected release date (with good conduct time and credits as computed): {f.projected_release}.")
    lines.append(f"Full term date: {f.full_term}.")
    return lines


def ground_title(grounds: list[Ground], with_cite: bool = True) -> str:
    """'Terminal illness; condition that substantially diminishes self-care (USSG §1B1.13(b)(1)(A), (B))'."""
    names = "; ".join(g.name for g in grounds)
    names = names[0].upper() + names[1:]
    if not with_cite:
        return names
    first = grounds[0].cite
    rest = [g.paragraph[len(family(g.paragraph)):] for g in grounds[1:]]
    return f"{names} ({', '.join([first, *rest])})"


def ground_facts(f: Facts, grounds: list[Ground]) -> list[Block]:
    """The facts behind grounds of one paragraph (stated once), the elements each meets, and what is still open."""
    blocks: list[Block] = []
    paragraph = grounds[0].paragraph
    facts = f.facts_for(paragraph)
    if facts:
        blocks.append(Bullets(tuple(fact if fact.endswith(".") else f"{fact}." for fact in facts)))
    for ground in grounds:
        # "met: <element>: <how the facts meet it>": a filing states the elements; the memo keeps the details.
        met = [r.split(": ")[1] for r in ground.finding.reasons if r.startswith("met: ") and r.count(": ") >= 2]
        if met and ground.standing != "needs facts":
            blocks.append(Para(f"These facts meet {f.label(ground)}: " + "; ".join(met) + "."))
    sources = f.sources_for(paragraph)
    if sources:
        blocks.append(Para("Records: " + "; ".join(sources) + "."))
    for ground in grounds:
        if ground.standing == "needs facts":
            blocks.append(Para(f"[To complete before relying on {f.label(ground)}: " + " ".join(ground.open_questions())
                               + "]"))
    return blocks


def bop_categories(f: Facts) -> list[str]:
    """The BOP's own categories (PS 5050.50) the facts meet: the standard the warden applies."""
    return [finding.ground for finding in f.findings(BOP_AVENUE) if finding.status == "eligible"]


def release_plan(f: Facts, full_address: bool = False) -> list[str]:
    """The release plan the warden (28 CFR 571.61(a)(2)) and the court expect, with a blank for each gap."""
    residence = f.residence(full=full_address)
    lines = [
        f"Residence: {residence or '[address where you will live]'}.",
        f"Living there: {f.plan('household') or '[who lives there and how they are related to you]'}.",
        f"Support: {f.plan('support') or '[how you will support yourself: work, benefits, family]'}.",
    ]
    care = f.plan("medical_care")
    if care or f.health_based:
        lines.append("Medical care and how it is paid for: "
                     f"{care or '[doctor or clinic, and Medicaid, Medicare or insurance]'}.")
    return lines


def plan_gaps(f: Facts) -> list[str]:
    """What the release plan lacks; AO 248 lets a court stay release up to 14 days to verify one."""
    gaps = []
    if not f.residence():
        gaps.append("where you will live (the address, and a letter from the person who lives there)")
    if not f.plan("household"):
        gaps.append("who lives at the residence")
    if not f.plan("support"):
        gaps.append("how you will support yourself")
    if f.health_based and not f.plan("medical_care"):
        gaps.append("where you will get medical care and how it will be paid for (28 C.F.R. § 571.61(a)(2))")
    return gaps


def record_lines(f: Facts) -> list[str]:
    """The record in prison: the 3553(a)(1)-(2) history and the 3142(g) danger factors draw on it."""
    conduct = f.conduct
    lines: list[str] = []
    if not conduct["stated"]:
        return ["[Your disciplinary record, programs, education and work in prison.]"]
    count = conduct["infractions"]
    if count == 0:
        lines.append("No disciplinary infractions.")
    else:
        last = conduct["last_infraction"]
        lines.append(f"{count} disciplinary infraction{'s' if count != 1 else ''}"
                     + (f", the most recent on {long_date(last)}" if last else "") + ".")
    if conduct["programs"]:
        lines.append("Programs completed: " + ", ".join(conduct["programs"]) + ".")
    if conduct["education"]:
        lines.append("Education: " + "; ".join(conduct["education"]) + ".")
    if conduct["work"]:
        lines.append("Work: " + "; ".join(conduct["work"]) + ".")
    return lines


def disclaimer_para(text: str) -> Para:
    return Para(text, "small")
