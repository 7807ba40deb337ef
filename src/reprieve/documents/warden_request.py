"""The request to the warden for a reduction in sentence: 28 C.F.R. § 571.61(a) (BOP Program Statement 5050.50).

The regulation asks for two things: the extraordinary or compelling circumstances, and the release plan (where the
person will live, how they will be supported, and, for a health-based request, where they will be treated and how it
is paid). The 30 days of 18 U.S.C. § 3582(c)(1)(A) run from the day the warden *receives* it, so the page ends with
a line for staff to write that date.

The letter is signed by the person in prison and written in their voice: a description from the case file is
quoted only when it is a neutral statement, never a family member's own words (the notes say what was left out).
"""

from __future__ import annotations

from reprieve.documents.facts import DISCLAIMER, Facts, long_date
from reprieve.documents.grounds import grouped
from reprieve.documents.model import Bullets, Document, FieldLine, Heading, Lines, Para, Signature
from reprieve.documents.sections import (
    bop_categories,
    bop_date_notes,
    finish,
    ground_facts,
    ground_title,
    left_out_notes,
    plan_gaps,
    release_plan,
    released_notes,
    sentence_lines,
)

CHANGE_IN_LAW = "§1B1.13(b)(6)"


def build(f: Facts) -> Document:
    doc = Document(kind="warden-request", title="Request for a Reduction in Sentence", register_number=f.register,
                   footer=f"Request to the Warden - {f.name}")
    doc.add(
        Para(long_date(f.as_of), "right"),
        Para(f"To: Warden, {f.facility}"),
        Para(f"From: {f.name}, Register No. {f.register}, {f.facility}"),
        Para("Re: Request for a reduction in sentence (compassionate release) under 18 U.S.C. § 3582(c)(1)(A) "
             "and 28 C.F.R. § 571.61", "bold"),
        Para("I ask the Warden to recommend that the Bureau of Prisons move the sentencing court to reduce my "
             "sentence under 18 U.S.C. § 3582(c)(1)(A). As 28 C.F.R. § 571.61(a) requires, this request states "
             "the extraordinary and compelling circumstances and my release plan. If the Bureau does not bring a "
             f"motion, the statute allows me to file my own motion once {f.lapse_days} days have passed from the day "
             "you receive this request."),
        Heading("1. Extraordinary and compelling circumstances", 2),
    )
    raised = f.selection.raised
    if not raised:
        f.todo("the circumstances, in your own words: illness, decline with age, a family member who needs you as "
               "the only caregiver, or other reasons of similar gravity")
        doc.add(Lines(8))
    for group in grouped(raised):
        doc.add(Heading(ground_title(group, with_cite=f.amended_policy), 3), *ground_facts(f, group, voice="first"))
    categories = bop_categories(f)
    if categories:
        doc.add(Para("Under Program Statement 5050.50 these facts also fit the Bureau's own categories: "
                     + "; ".join(categories) + "."))
    doc.add(Heading("2. Release plan", 2), Bullets(tuple(release_plan(f, voice="first"))))
    doc.add(Heading("3. My sentence", 2), Bullets(tuple(sentence_lines(f))))
    doc.add(
        Para("Please give me a written decision. If the request is denied, 28 C.F.R. § 571.63 requires the "
             "reasons in writing, and I may appeal through the Administrative Remedy Program (28 C.F.R. part 542)."),
        Signature((f.name, f"Register No. {f.register}", f.facility)),
        Heading("For staff", 3),
        FieldLine("Date this request was received"),
        FieldLine("Staff name and signature"),
    )
    _notes(f, doc)
    finish(f, doc, "letter")
    return doc


def _notes(f: Facts, doc: Document) -> None:
    doc.note(*released_notes(f, "A request to the Warden only serves someone still in prison. If you are still in "
                                "prison, give the last day you were known to be there (custody.in_custody_on) and "
                                "draft again."))
    doc.note(
        Para("How to send it: give it to your unit team or send it as a Request to Staff (a paper cop-out or an "
             "electronic request) addressed to the Warden. Keep a copy. Ask staff to write the date they receive "
             f"it, or keep the electronic receipt: the {f.lapse_days} days run from the day the Warden receives it."),
    )
    received = f.latest_request.received_on if f.latest_request else None
    if received is not None and f.lapse_date is not None:
        doc.note(Para(f"Your earlier request was received on {long_date(received.latest)}; the {f.lapse_days} days "
                      "lapse on "
                      f"{long_date(f.lapse_date)}."))
    doc.note(*bop_date_notes(f, "letter"))
    if plan_gaps(f):
        doc.note(Para("The Bureau will not act on a request without a release plan: complete part 2 (the items are "
                      "in the list above)."))
    doc.note(*left_out_notes(f, "Not included"))
    doc.note(Para("The Warden applies the Bureau's own criteria (Program Statement 5050.50); a court applies "
                  "USSG §1B1.13. A denial by the Warden does not decide what a court will do."),
             Para(DISCLAIMER))
