"""The motion for a sentence reduction under 18 U.S.C. § 3582(c)(1)(A), in the order courts decide it: exhaustion,
extraordinary and compelling reasons (USSG §1B1.13(b) from Nov. 1, 2023; before that the circuit's law on the old
policy statement), the 18 U.S.C. § 3553(a) factors, danger (18 U.S.C. § 3142(g); USSG §1B1.13(a)(2)), the release
plan and the relief asked, then the declaration (28 U.S.C. § 1746) and the certificate of service.

Only grounds the law leaves open on the filing date are argued; the others are listed in the notes with the reason
(e.g. a non-retroactive change in law after Rutherford v. United States (2026)). The motion holds only text for the
court: what is missing is a line to write on, listed in the notes beside it.
"""

from __future__ import annotations

from reprieve.assess.relief.compassionate_release import SERVED_AT_LEAST
from reprieve.documents.argument import sentenced_today, strongest
from reprieve.documents.facts import BLANK, DISCLAIMER, Facts, long_date, partial_date
from reprieve.documents.grounds import Ground, grouped
from reprieve.documents.model import Block, Bullets, Caption, Document, Heading, Lines, Notice, Para, Signature
from reprieve.documents.sections import (
    bop_date_notes,
    finish,
    ground_facts,
    ground_title,
    left_out_notes,
    plan_gaps,
    record_lines,
    release_plan,
    released_notes,
    sentence_lines,
)
from reprieve.law import compassionate_release as cr
from reprieve.words import join_citations

CHANGE_IN_LAW = "§1B1.13(b)(6)"
PREPARED = "Prepared with the help of reprieve, software that is not a lawyer."


def caption(f: Facts, title: str) -> Caption:
    numbers = [f"Case No. {f.docket}"]
    if f.judge:
        numbers.append(f"Hon. {f.judge}")
    return Caption(court=("UNITED STATES DISTRICT COURT", f"FOR THE {f.district.upper()}"),
                   parties=("UNITED STATES OF AMERICA,", "v.", f"{f.name.upper()},", "Defendant."),
                   numbers=tuple(numbers), title=title)


def build(f: Facts) -> Document:
    doc = Document(kind="motion", title="Motion for a Reduction in Sentence", register_number=f.register,
                   footer=f"No. {f.docket} - Motion to reduce sentence")
    doc.add(caption(f, "Motion for a Reduction in Sentence under 18 U.S.C. § 3582(c)(1)(A)(i)"))
    doc.add(Para(f"{f.name}, Register No. {f.register}, moves the Court, without a lawyer, to reduce the sentence "
                 "to time served, or to a shorter term the Court finds sufficient, under 18 U.S.C. "
                 "§ 3582(c)(1)(A)(i). Extraordinary and compelling reasons warrant a reduction, the factors of "
                 "18 U.S.C. § 3553(a) support it, and release would pose no danger to any person or the community "
                 "(18 U.S.C. § 3142(g))."))
    doc.add(Heading("I. Background", 2), Bullets(tuple(sentence_lines(f))))
    doc.add(Heading("II. Exhaustion of administrative remedies", 2), *_exhaustion(f))
    doc.add(Heading("III. Extraordinary and compelling reasons", 2), *_reasons(f))
    doc.add(Heading("IV. The § 3553(a) factors support a reduction", 2), *_factors(f))
    doc.add(Heading("V. Not a danger to the safety of any person or the community", 2), *_danger(f))
    doc.add(Heading("VI. Release plan", 2), Bullets(tuple(release_plan(f))))
    doc.add(Heading("VII. Relief requested", 2), *_relief(f))
    doc.add(Para("Respectfully submitted,"),
            Signature((f.name, f"Register No. {f.register}", f.facility, "Defendant, pro se")),
            Heading("Declaration", 3),
            Para("I declare under penalty of perjury that the facts stated in this motion are true and correct "
                 "(28 U.S.C. § 1746)."),
            Signature((f.name,)),
            Heading("Certificate of service", 3),
            Para(f"I certify that on the date below I placed this motion in the mail system of {f.facility}, "
                 "first-class postage prepaid, addressed to the Clerk of Court and to the United States Attorney's "
                 f"Office for the {f.district}."),
            Signature((f.name, f"Register No. {f.register}")),
            Para(PREPARED, "small"))
    _notes(f, doc)
    finish(f, doc, "motion")
    return doc


def _exhaustion(f: Facts) -> list[Block]:
    request = f.latest_request
    if request is None:
        f.todo("the date you asked the Warden to bring this motion, and the date the Warden received the request "
               f"(the motion may be filed {f.lapse_days} days after that)")
        return [Para(f"{f.Ref} asked the Warden of {f.facility} on {BLANK} to move for a reduction in sentence. The "
                     f"Warden received the request on {BLANK}. Since then, {f.lapse_days} days have passed (18 U.S.C. "
                     "§ 3582(c)(1)(A)).")]
    sent = f" on {partial_date(request.submitted_on)}" if request.submitted_on else ""
    where = request.facility or f.facility
    text = f"{f.Ref} asked the Warden of {where}{sent} to move for a reduction in sentence"
    if request.grounds:  # the request's own words, quoted as such
        text += f", on these grounds: \u201c{f.redact(request.grounds).rstrip('.')}.\u201d"
    text += "" if request.grounds else "."
    if request.received_on is not None:
        text += f" The Warden received the request on {partial_date(request.received_on)}."
    else:
        text += f" The Warden received the request on {f.blank('the date the Warden received your request')}."
    if request.response == "denied":
        text += " The Warden denied it" + (f" on {partial_date(request.responded_on)}." if request.responded_on
                                             else ".")
    elif request.response == "none":
        text += " The Warden has not responded."
    blocks: list[Block] = [Para(text)]
    lapse = long_date(f.lapse_date) if f.lapse_date is not None else BLANK
    blocks.append(Para(f"Thirty days lapsed on {lapse}, before this motion was filed. The motion is properly before "
                       "the Court: a defendant may move after full exhaustion of administrative appeals or \"the "
                       "lapse of 30 days from the receipt of such a request by the warden of the defendant's "
                       "facility, whichever is earlier\" (18 U.S.C. § 3582(c)(1)(A))."))
    return blocks


def _standard(f: Facts) -> Para:
    if f.amended_policy:
        return Para("The Court may reduce a term of imprisonment when extraordinary and compelling reasons warrant "
                    "it and the reduction is consistent with the Sentencing Commission's policy statement "
                    "(18 U.S.C. § 3582(c)(1)(A)(i)). The policy statement, USSG §1B1.13 (Nov. 1, 2023), describes "
                    "the reasons in §1B1.13(b); any one of them, or a combination, may suffice. Rehabilitation "
                    "alone is not enough, but it may be considered with other reasons (USSG §1B1.13(d)).")
    circuit = f" as the law of the {f.circuit_name} allows" if f.circuit_name else ""
    return Para("The Court may reduce a term of imprisonment when extraordinary and compelling reasons warrant it "
                "(18 U.S.C. § 3582(c)(1)(A)(i)). On a defendant's own motion the Court considers the reasons the "
                f"defendant presents{circuit}; rehabilitation alone is not enough (28 U.S.C. § 994(t)).")


def _ground_heading(f: Facts, letter: str, group: list[Ground]) -> Heading:
    return Heading(f"{letter}. {ground_title(group, with_cite=f.amended_policy)}", 3)


def _authorities(group: list[Ground]) -> Para | None:
    cases = [c for c in join_citations([c for g in group for c in g.finding.citations]).split("; ") if " v. " in c]
    if not cases:
        return None
    return Para("Authority: " + "; ".join(cases) + ".")


def _reasons(f: Facts) -> list[Block]:
    blocks: list[Block] = [_standard(f)]
    raised = f.selection.raised
    if not raised:
        f.todo("the extraordinary and compelling reasons, and the facts that show them")
        blocks.append(Lines(8))
    groups = grouped(raised)
    for letter, group in zip("ABCDEFGHIJKLMNOP", groups, strict=False):
        blocks.append(_ground_heading(f, letter, group))
        if group[0].paragraph == CHANGE_IN_LAW:
            blocks.extend(_change_in_law(f, group[0]))
        else:
            blocks.extend(ground_facts(f, group))
        authority = _authorities(group)
        if authority is not None:
            blocks.append(authority)
    if len(groups) > 1:
        blocks.append(Para("Each reason is sufficient; together they are compelling (USSG §1B1.13(b): \"any one or "
                           "a combination\")." if f.amended_policy
                           else "Each reason is sufficient; together they are compelling."))
    rehabilitation = f.selection.rehabilitation
    if rehabilitation is not None and f.conduct["stated"] and raised:
        cites = rehabilitation.citations if f.amended_policy else [
            c for c in rehabilitation.citations if not c.startswith("USSG §1B1.13(d)")]
        blocks.append(Para(f"{f.Ref}'s rehabilitation is not offered alone, but it may be weighed with the reasons "
                           "above (" + join_citations(cites) + ")."))
    return blocks


def _change_in_law(f: Facts, ground: Ground) -> list[Block]:
    """The argument a lawyer makes from the then/now comparison: sentenced today, he would already be home."""
    blocks: list[Block] = []
    today = sentenced_today(f.assessment)
    if today is not None and today.lower:
        blocks.append(Para(" ".join(strongest(today, f.words, "third", f.Ref, f.pronoun))))
    served = f.served_short
    # §1B1.13(b)(6) exists from Nov. 1, 2023; its years-served threshold is dated law data
    years, cite = cr.threshold("unusually_long_years_served", f.as_of) if f.amended_policy else (0, "")
    long_enough = any(r.rule == SERVED_AT_LEAST and not r.review for r in ground.finding.elements(True))
    if served:
        text = f"{f.Ref} has served {served} of a sentence of {f.term}"
        if f.amended_policy and long_enough:
            text += f", more than the {f.words.number(years)} years {cite} requires"
        blocks.append(Para(text + "."))
    if today is not None and today.lower:
        gap = f.words.years(today.then_months - today.now_months[0])
        blocks.append(Para(f"The minimum that bound the Court at sentencing is {gap} longer than the minimum the law "
                           "now sets for the same offense. That is a gross disparity between the sentence being "
                           "served and the sentence likely to be imposed today, and it makes this sentence unusually "
                           "long."))
    if f.amended_policy:
        blocks.append(Para(f"{cite} allows the Court to consider such a change in the law where the defendant "
                           f"received an unusually long sentence and has served at least {f.words.number(years)} "
                           "years, and the change produces a gross disparity between the sentence being served and "
                           "the sentence likely to be imposed at the time the motion is filed, after full "
                           "consideration of the defendant's individualized circumstances."))
    elif f.circuit_name:
        blocks.append(Para(f"In the {f.circuit_name}, a court may consider the disparity created by a change in the "
                           "law, together with the defendant's individual circumstances, in deciding whether "
                           "extraordinary and compelling reasons warrant a reduction."))
    return blocks


def _factors(f: Facts) -> list[Block]:
    blocks: list[Block] = [Para("The Court must consider the factors of 18 U.S.C. § 3553(a) to the extent they "
                                "apply, including the history and characteristics of the defendant and the need for "
                                "the sentence to reflect the seriousness of the offense, deter, and protect the "
                                "public.")]
    served = f.served
    if served:
        blocks.append(Para(f"{f.Ref} has served {served}"
                           + (f", {f.percent_served} of the sentence" if f.percent_served else "") + "."))
    if f.age:
        blocks.append(Para(f"{f.Ref} is {f.age} years old (born {f.born_year})."))
    record = record_lines(f)
    if record:
        blocks.append(Bullets(tuple(record)))
    if _disparity_may_be_weighed(f):
        today = sentenced_today(f.assessment)
        if today is not None and today.lower:
            blocks.append(Para(f"The need to avoid unwarranted sentence disparities (18 U.S.C. § 3553(a)(6)) also "
                               f"favors a reduction: the same offense now carries a minimum of "
                               f"{f.words.years(today.now_months[0])}, not {f.words.years(today.then_months)}."))
    return blocks


def _disparity_may_be_weighed(f: Facts) -> bool:
    change = f.finding("3582(c)(1)(A)", CHANGE_IN_LAW)
    return change is not None and change.status in ("eligible", "needs_review")


def _danger(f: Facts) -> list[Block]:
    blocks: list[Block] = [Para("A reduction requires that the defendant not be a danger to the safety of any other "
                                "person or the community, judged under 18 U.S.C. § 3142(g): the offense, the "
                                "history and characteristics of the person, and the danger release would pose.")]
    points = []
    if f.age:
        points.append(f"{f.Ref} is {f.age} years old.")
    points.extend(record_lines(f))
    if f.supervised_release:
        points.append(f"{f.Ref} will serve {f.supervised_release} of supervised release under the Court's "
                      "conditions.")
    if f.health_based:
        points.append(f"{f.Ref}'s illness and physical condition limit the ability to do harm.")
    if points:
        blocks.append(Bullets(tuple(points)))
    return blocks


def _relief(f: Facts) -> list[Block]:
    return [Para(f"{f.Ref} asks the Court to reduce the sentence to time served, or to a shorter term the Court "
                 "finds sufficient but not greater than necessary, followed by the term of supervised release "
                 "already imposed, with any conditions the Court sets, including home confinement."),
            Para(f"If the Court needs more information, {f.Ref} asks the Court to appoint counsel and to order the "
                 "government to respond.")]


def _notes(f: Facts, doc: Document) -> None:
    doc.note(*released_notes(f, "A motion to reduce imprisonment may be moot."))
    if not f.exhausted:
        when = f" Do not file before {long_date(f.lapse_date)}." if f.lapse_date else ""
        wait = (f"ourts dismiss motions filed before {f.lapse_days} days have passed from the day the Warden received "
                "the request (or before full exhaustion of appeals)." + when)
        # released on the facts, the motion may be moot (the check above leads): the wait matters only if the person
        # is in fact still in prison, so it is said on that condition, not as a second alarm
        doc.note(Notice("Wait", "C" + wait) if f.released is None
                 else Para("If the person is still in prison, wait: c" + wait))
    for ground in f.selection.raised:
        if ground.standing == "arguable":
            label = f.label(ground)
            doc.note(Para(f"{label[0].upper()}{label[1:]} is arguable, not settled: " + ground.finding.summary_text()))
    doc.note(*left_out_notes(f, "Left out"))
    if not _disparity_may_be_weighed(f) and f.disparity():
        doc.note(Para("The lower minimum under today's law is not argued: on this date a non-retroactive change in "
                      "law is not an extraordinary and compelling reason. A lawyer can advise whether it may still "
                      "be mentioned under § 3553(a)."))
    doc.note(*bop_date_notes(f, "motion"))
    if plan_gaps(f):
        doc.note(Para("Courts want a verified release plan: complete Part VI (the items are in the list above), "
                      "with a letter from the person you will live with."))
    doc.note(Para("You may add what else the Court should know: remorse, family support, plans, letters from "
                  "people who know you."),
             Para("Attach the exhibits in the exhibit checklist (exhibits in the packet): the request to the Warden "
                  "and any response, medical records for a health ground, and letters that confirm the release plan. "
                  "File medical records under seal if the court allows. Do not attach your presentence report."))
    doc.note(Para(DISCLAIMER))
