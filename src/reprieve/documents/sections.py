"""Passages several documents share, written once: the sentence, each ground's facts, the release plan, the record
the 18 U.S.C. 3553(a) factors and 3142(g) danger analysis draw on, and the notes every filing carries.

Each function states only what the case file and the assessment establish. What a filing needs and the case file
does not say becomes a line to write on and an item of `Facts.to_complete`, never text in brackets: a filing holds
only what its reader should read.
"""

from __future__ import annotations

from reprieve.documents.argument import sentenced_today, strongest
from reprieve.documents.facts import Facts, long_date
from reprieve.documents.grounds import Ground, family, has_facts
from reprieve.documents.model import Block, Bullets, Document, Lines, Notice, Para
from reprieve.documents.voice import Document as Voice

BOP_AVENUE = "BOP reduction in sentence (PS 5050.50)"
CHANGE_IN_LAW = "§1B1.13(b)(6)"
HEALTH = ("§1B1.13(b)(1)", "§1B1.13(b)(2)")


def sentence_lines(f: Facts) -> list[str]:
    lines = [f"Sentence: {f.term}, imposed {f.imposed}, in Case No. {f.docket} ({f.district})."]
    lines.extend(f"{offense}." for offense in f.offenses)
    if f.supervised_release:
        lines.append(f"Supervised release to follow: {f.supervised_release}.")
    if f.served:
        lines.append(f"Time served as of {long_date(f.as_of)}: {f.served}"
                     + (f", {f.percent_served} of the term." if f.percent_served else "."))
    if f.bop_release is not None:
        lines.append(f"Projected release date: {long_date(f.bop_release)} (Bureau of Prisons computation).")
    elif f.projected_release != "unknown":
        lines.append(f"Projected release date (with good conduct time, as computed): {f.projected_release}.")
    if f.full_term != "unknown":
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


def ground_facts(f: Facts, grounds: list[Ground], voice: Voice = "third") -> list[Block]:
    """The facts behind grounds of one paragraph (stated once), the elements each meets, and what is still open
    (asked in the notes, with ruled lines to write the answer on when the case file gives nothing to say)."""
    blocks: list[Block] = []
    paragraph = grounds[0].paragraph
    if paragraph == CHANGE_IN_LAW and voice == "first":
        return _change_in_law_first_person(f)
    facts = f.facts_for(paragraph, voice)
    if facts:
        blocks.append(Bullets(tuple(_sentence(fact) for fact in facts)))
    for ground in grounds:
        # the elements met (not those left to the court): a filing states the elements; the memo keeps the details
        met = [r.element_text() for r in ground.finding.elements(True) if not r.review]
        if met and ground.standing != "needs facts" and voice == "third":  # the elements' wording is third person
            blocks.append(Para(f"These facts meet {f.label(ground)}: " + "; ".join(met) + "."))
    sources = f.sources_for(paragraph)
    if sources:
        blocks.append(Para("Records: " + "; ".join(sources) + "."))
    open_questions = [q for ground in grounds if ground.standing == "needs facts" for q in ground.open_questions()]
    for ground in grounds:
        if ground.standing == "needs facts":
            label = f.label(ground)
            for question in ground.open_questions():
                f.todo(f"{label[0].upper()}{label[1:]}: {question}")
    unquoted_family = voice == "first" and paragraph.startswith("§1B1.13(b)(3)") and any(
        fact.description for fact in f.case.circumstances.family or [])
    if open_questions or not facts or unquoted_family:
        f.todo(f"{ground_title(grounds, with_cite=False)}: write the facts in your own words on the lines under "
               "that heading" + (" (the family's description is in the notes)" if unquoted_family else ""))
        blocks.append(Lines(4))
    return blocks


def _change_in_law_first_person(f: Facts) -> list[Block]:
    """The change in law in the signer's own words: sentenced today, I would already have been released."""
    blocks: list[Block] = []
    today = sentenced_today(f.assessment)
    if today is not None and today.lower:
        blocks.append(Para(" ".join(strongest(today, f.words, "first"))))
    if f.served_short:
        blocks.append(Para(f"I have served {f.served_short} of a sentence of {f.term}."))
    if not blocks:
        f.todo("Unusually long sentence and a change in law: write the facts in your own words on the lines under "
               "that heading")
        blocks.append(Lines(4))
    return blocks


def _sentence(text: str) -> str:
    """A fact as a sentence: a capital first letter and a full stop."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else f"{text}."


def bop_categories(f: Facts) -> list[str]:
    """The BOP's own categories (PS 5050.50) the facts meet: the standard the warden applies."""
    return [finding.ground for finding in f.findings(BOP_AVENUE) if finding.status == "eligible"]


def release_plan(f: Facts, voice: Voice = "third", full_address: bool = False) -> list[str]:
    """The release plan the warden (28 CFR 571.61(a)(2)) and the court expect, with a line to write on for each
    gap."""
    residence = f.residence(full=full_address)
    lines = [
        f"Residence: {residence or f.blank('where you will live after release (the address)')}.",
        "Living there: " + (f.plan("household", voice)
                            or f.blank("who lives at the residence and how they are related to you")) + ".",
        "Support: " + (f.plan("support", voice)
                       or f.blank("how you will support yourself: work, benefits, family")) + ".",
    ]
    if f.plan("medical_care", voice) or f.health_based:
        lines.append("Medical care and how it is paid for: " + (
            f.plan("medical_care", voice)
            or f.blank("the doctor or clinic after release, and Medicaid, Medicare or insurance")) + ".")
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
    """The record in prison: the 3553(a)(1)-(2) history and the 3142(g) danger factors draw on it. Empty when the
    case file says nothing about it (then it is on the list of things to complete)."""
    conduct = f.conduct
    lines: list[str] = []
    if not conduct["stated"]:
        f.todo("your disciplinary record, programs, education and work in prison")
        return []
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


# --- the notes every filing carries ------------------------------------------------------------------------------

def medical_not_included(f: Facts, text: str) -> list[str]:
    """For each medical condition the case file states that the document's text does not mention: 'not included,
    because ...' (never dropped in silence)."""
    out = []
    lowered = " ".join(text.lower().split())
    for m in f.case.circumstances.medical or []:
        condition = (m.condition or "").strip()
        if not condition or " ".join(condition.lower().split()) in lowered:
            continue
        out.append(f.words("notes.medical_not_included", condition=f.redact(condition), why=_why_no_health(f)))
    return out


def _why_no_health(f: Facts) -> str:
    left = [left for left in f.selection.left_out if left.paragraph.startswith(HEALTH)]
    if left:
        return f.words("notes.medical_why_closed", why="; ".join(f"{x.paragraph}: {x.reasons}" for x in left))
    if any(g.paragraph.startswith(HEALTH) for g in f.selection.raised):
        return f.words("notes.medical_why_voice")
    return f.words("notes.medical_why_silent")


def voice_notes(f: Facts, kind: str) -> list[str]:
    """What the document left unquoted because it is not in the document's voice, and what to do instead."""
    out = []
    for text, (what, voice) in f.unquoted.items():
        who = f"notes.voice_{voice}"  # first, second, third or neutral (a family description in a signed letter)
        out.append(f.words("notes.not_quoted", what=what, text=text, why=f.words(who), kind=kind))
    return out


def finish(f: Facts, doc: Document, kind_words: str) -> None:
    """Add to a filing's notes what every filing needs said: descriptions not quoted, medical conditions not
    included, and the list of things to complete (gathered while the document was built)."""
    from reprieve.documents.render import to_text  # late: render imports the model only

    notes = voice_notes(f, kind_words) + medical_not_included(f, to_text(doc))
    doc.notes[0:0] = [Para(n) for n in notes]
    doc.to_complete = list(f.to_complete)


def bop_date_notes(f: Facts, kind_words: str) -> list[Para]:
    """When the draft gives the BOP's own release date and reprieve's computation does not reach it, say so."""
    if f.bop_release is None or f.computed_release_agrees is not False:
        return []
    return [Para(f.words("notes.bop_differs", kind=kind_words, bop=long_date(f.bop_release),
                         computed=f.computed_release))]


def left_out_notes(f: Facts, label: str) -> list[Para]:
    """'Left out: <ground> (<paragraph>): why', for the grounds the case file states facts for (a medical ground
    only when no stated condition gets its own 'not included' note), and for the change in law when today's
    minimum is lower."""
    conditions = any(m.condition for m in f.case.circumstances.medical or [])
    out = []
    for left in f.selection.left_out:
        if left.paragraph == "§1B1.13(b)(6)":
            if not f.disparity():
                continue
        elif not has_facts(left.finding) or (conditions and left.paragraph.startswith(HEALTH)):
            continue
        out.append(Para(f"{label}: {left.name} ({left.paragraph}). {left.why}"))
    return out


def released_notes(f: Facts, consequence: str) -> list[Notice]:
    """'Check: <the custody finding> <consequence>' when the stated facts have the person released: these papers
    ask to shorten time in prison, which a released person no longer serves (USSG 1B1.10(b)(2)(C): never "less than
    the term of imprisonment the defendant has already served"). The draft is still made: the facts may be wrong."""
    return [] if f.released is None else [Notice("Check", f"{f.released.summary_text()} {consequence}")]
