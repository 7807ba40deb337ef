"""The plain-language summary for the person and the family: your dates, what you can ask for, what to do next and
by when, and the words to know.

Written for a grade 6-8 reader (documents-and-users.md 4.2): short sentences, one idea each, legal words defined the
first time they appear. The plain-text version is the body of one TRULINCS message (at most 13,000 characters) and
starts with a warning that prison e-mail is not private; it carries no strategy and nothing from the PSR.
"""

from __future__ import annotations

from reprieve.assess.findings import Finding
from reprieve.documents.argument import sentenced_today, strongest
from reprieve.documents.facts import Facts, long_date
from reprieve.documents.model import Block, Bullets, Document, Heading, Notice, Para
from reprieve.documents.sections import HEALTH

TRULINCS_LIMIT = 13_000
NOT_ADVICE = "This is information, not legal advice. It was made by a computer program, not a lawyer."
EMAIL_WARNING = ("Prison e-mail (TRULINCS) is not private. Staff read it. Prosecutors can get copies. Do not write "
                 "about what you did or your plans for court in e-mail.")

# Each USSG §1B1.13(b) ground in everyday words.
PLAIN_GROUNDS = {
    "§1B1.13(b)(1)(A)": "a terminal illness (an illness that will end your life)",
    "§1B1.13(b)(1)(B)": "a health problem that makes it very hard to care for yourself in prison",
    "§1B1.13(b)(1)(C)": "medical care you need that the prison does not give",
    "§1B1.13(b)(1)(D)": "a disease outbreak at your prison that puts you at high risk",
    "§1B1.13(b)(2)": "your age, with health that is getting worse because of age",
    "§1B1.13(b)(3)(A)": "your child has no one else to care for them",
    "§1B1.13(b)(3)(B)": "your husband, wife or partner is disabled and you are the only one who can care for them",
    "§1B1.13(b)(3)(C)": "your parent is disabled and you are the only one who can care for them",
    "§1B1.13(b)(3)(D)": "another close family member needs you as their only caregiver",
    "§1B1.13(b)(4)": "you were abused by prison staff",
    "§1B1.13(b)(5)": "other serious reasons",
    "§1B1.13(b)(6)": "your sentence is very long and the law has changed",
    "3582(c)(1)(A)(ii)": "you are 70 or older and have served 30 years",
}
AVENUE_NAMES = {
    "3582(c)(1)(A)": "Compassionate release",
    "FSA time credits": "First Step Act time credits",
    "BOP reduction in sentence (PS 5050.50)": "The prison's own rules for early release",
    "34 U.S.C. 60541(g)": "Home detention for older people",
    "FSA 404": "The crack cocaine law (First Step Act, Section 404)",
    "3582(c)(2)": "A lower guideline range (changed rules for judges)",
    "commutation": "Clemency (asking the President)",
    "custody": "Your release",
}
STATUS_PLAIN = {
    "eligible": "YES: you seem to qualify.",
    "not_eligible": "NO: you do not qualify now.",
    "needs_review": "MAYBE: a judge must decide.",
    "needs_facts": "NOT SURE YET: we need more facts.",
}
# Who decides an avenue that is a judgment call: a judge, unless the law gives the decision to someone else.
DECIDER_PLAIN = {
    "commutation": "MAYBE: the President decides. A lawyer can help you ask.",
    "BOP reduction in sentence (PS 5050.50)": "MAYBE: the prison (the BOP) decides.",
    "FSA time credits": "MAYBE: the prison (the BOP) decides.",
    "34 U.S.C. 60541(g)": "MAYBE: the prison (the BOP) decides.",
}
WORDS = (
    ("Compassionate release", "when a judge cuts your sentence for very serious reasons, like illness, age or family."),
    ("Warden", "the person in charge of your prison."),
    ("Exhaustion", "asking the warden first and then waiting 30 days before you go to court."),
    ("Motion", "a written request to the judge."),
    ("Good time", "days taken off your sentence for good behavior."),
    ("Supervised release", "time after prison when a probation officer checks on you."),
    ("Release plan", "where you will live, how you will pay your way, and who will help you."),
)
MAX_QUESTIONS = 6


def _plain_ground(paragraph: str) -> str:
    return PLAIN_GROUNDS.get(paragraph, paragraph)


def _name(f: Facts) -> str:
    return f.case.person.name or "you"


def build(f: Facts) -> Document:
    name = _name(f)
    doc = Document(kind="summary", title="Your sentence and what you can ask for", register_number=f.register,
                   footer=f"Summary for {name}", plain_text_limit=TRULINCS_LIMIT)
    body = _body(f)
    doc.add(Heading("Your sentence and what you can ask for", 1), Notice("Please note", NOT_ADVICE), *body)
    doc.text_blocks = [Notice("Warning", EMAIL_WARNING), Heading(f"Summary for {name}", 1),
                       Para(NOT_ADVICE), *body]
    return doc


def _body(f: Facts) -> list[Block]:
    who = f"This page is about {f.case.person.name}" if f.case.person.name else "This page is about you"
    number = f", register number {f.case.person.register_number}" if f.case.person.register_number else ""
    blocks: list[Block] = [Para(f"{who}{number}. The facts are as of {long_date(f.as_of)}.")]
    blocks += [Heading("Your dates", 2), Bullets(tuple(_dates(f)))]
    blocks += [Heading("What you can ask for", 2), *_avenues(f)]
    blocks += [Heading("What to do next", 2), Bullets(tuple(_next_steps(f)), checkbox=True)]
    questions = _questions(f)
    if questions:
        blocks += [Heading("Questions that could change the answer", 2), Bullets(tuple(questions))]
    blocks += [Heading("Words to know", 2), Bullets(tuple(f"{word}: {meaning}" for word, meaning in WORDS))]
    return blocks


def _dates(f: Facts) -> list[str]:
    term = f.computation.total_term
    lines = [f"Your sentence is {term}." if term is not None else "We do not know your sentence yet. Add it to "
             "the case file: it is on page 2 of the judgment."]
    bop = f.bop_release
    if bop is not None and bop <= f.as_of:
        lines.append(f"The BOP's release date for you was {long_date(bop)}. That date has passed. If you are still "
                     "in prison, ask your case manager to check how your time was counted.")
    elif bop is not None:
        lines.append(f"The BOP says your release date is {long_date(bop)}.")
        if f.computed_release_agrees is False:
            lines.append(f"Our own count from the judgment gives {f.computed_release}. Ask your case manager "
                         "why the dates are not the same.")
    released = f.released
    if released is not None and bop is None:
        lines.append(f"By our count your release date has passed. It was {f.projected_release}.")
        lines.append("If you are still in prison, ask your case manager to check how your time was counted.")
        return lines
    if bop is None and f.projected_release != "unknown":
        lines.append(f"By our count your release date is {f.projected_release}. This counts good time and any "
                     "credits.")
    ends = f.when("full_term_date", f.computation.full_term_date)
    if ends:
        lines.append(f"The full sentence ends {ends}.")
    if f.served_short:
        lines.append(f"You have served {f.served_short}." + (f" That is {f.percent_served} of the sentence."
                                                              if f.percent_served else ""))
    return lines


def _avenues(f: Facts) -> list[Block]:
    blocks: list[Block] = []
    for avenue, finding in f.assessment.verdicts():
        if avenue == "custody":
            continue
        name = AVENUE_NAMES.get(avenue, avenue)
        status = STATUS_PLAIN[finding.status]
        if finding.status == "needs_review":
            status = DECIDER_PLAIN.get(avenue, status)
        blocks.append(Para(f"{name}: {status}", "bold"))
        blocks.extend(_avenue_detail(f, avenue, finding))
    return blocks


def _avenue_detail(f: Facts, avenue: str, finding: Finding) -> list[Block]:
    if avenue == "3582(c)(1)(A)":
        lines = []
        for ground in f.selection.raised:
            word = {"established": "Your reason", "arguable": "A reason a judge may accept",
                    "needs facts": "A reason that may fit"}[ground.standing]
            lines.append(f"{word}: {_plain_ground(ground.paragraph)}.")
        today = sentenced_today(f.assessment)
        argued = any(g.paragraph == "§1B1.13(b)(6)" for g in f.selection.raised)
        if today is not None and today.lower and (argued or f.disparity()):
            lines.extend(strongest(today, f.words, "second"))
        for left in f.selection.left_out:
            if left.paragraph == "§1B1.13(b)(6)" and f.disparity():
                lines.append("The law has changed since you were sentenced. But since May 28, 2026, the Supreme "
                             "Court says a judge cannot use that change as a reason for compassionate release.")
        lines.extend(_health_not_used(f))
        return [Bullets(tuple(lines))] if lines else []
    if finding.eligible_from:
        return [Para(f"You may qualify from {long_date(finding.eligible_from)}.")]
    if finding.extra.get("ends_on"):  # the avenue ends before the person would qualify (assess/relief/sunset.py)
        return [Para(f"This program ends on {long_date(finding.extra['ends_on'])}, before you would qualify. Only a "
                     "new law from Congress could change that.")]
    return []


def _health_not_used(f: Facts) -> list[str]:
    """A stated health problem that is not a reason here, and why, in plain words (never dropped in silence)."""
    if any(g.paragraph.startswith(HEALTH) for g in f.selection.raised):
        return []
    out = []
    for m in f.case.circumstances.medical or []:
        if m.condition:
            out.append(f"Your health problem ({f.redact(m.condition)}) is not a reason here yet. The rules ask more: "
                       "a doctor must say the illness will end your life, or that it keeps you from caring for "
                       "yourself in prison, or that you do not get the care you need.")
    return out


def _next_steps(f: Facts) -> list[str]:
    steps: list[str] = []
    request = f.latest_request
    if request is None:
        steps.append("Write to the warden and ask for compassionate release. Say why, and say where you will live. "
                     "Keep a copy. reprieve can write this letter.")
        steps.append("Wait 30 days after the warden gets your letter. Then you may ask the judge.")
    elif f.lapse_date is not None and f.lapse_date > f.as_of:
        received = request.received_on.latest if request.received_on else None
        steps.append(f"Wait. The warden got your letter on {long_date(received)}. "
                     f"You may ask the judge on or after {long_date(f.lapse_date)}.")
    elif f.lapse_date is not None:
        steps.append(f"The 30 days ended on {long_date(f.lapse_date)}. You may now ask the judge.")
    else:
        steps.append("Find out the date the warden got your letter. Write it down. The 30 days start that day.")
    if f.health_based:
        steps.append("Ask Health Services for a copy of your medical records. Judges want to see them.")
    steps.append("Get a letter from the person you will live with. It should give the address and say you can "
                 "live there.")
    steps.append("Ask the court to give you a lawyer. The Federal Defender in your district may help for free.")
    steps.append("Send the motion (form AO 250) to the court. Keep a copy of every page you send.")
    return steps


def _questions(f: Facts) -> list[str]:
    seen: dict[str, str] = {}
    for finding in f.assessment.findings:
        if finding.avenue not in ("3582(c)(1)(A)",) or finding.status != "needs_facts":
            continue
        if finding.ground not in [g.paragraph for g in f.selection.raised] and finding.ground != "exhaustion":
            continue
        for q in finding.missing:
            seen.setdefault(q.field, q.question)
    return list(seen.values())[:MAX_QUESTIONS]
