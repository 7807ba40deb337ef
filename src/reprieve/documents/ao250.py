"""The contents of AO 250, "Motion for Sentence Reduction Under 18 U.S.C. § 3582(c)(1)(A) (Compassionate
Release)", the judiciary's pro se form, in the form's order and filled from the case (documents-and-users.md 1.3).

The form predates the Nov. 1, 2023 §1B1.13: it names medical, age, family and "other" reasons. A ground the form does
not name (a parent's incapacity, abuse in custody, an unusually long sentence, ...) goes under "other reasons" with
the §1B1.13(b) paragraph it rests on written out. The question wording follows the form's structure; a court that
requires the official form gets these answers copied onto it.
"""

from __future__ import annotations

from reprieve.documents.facts import DISCLAIMER, Facts, long_date, partial_date
from reprieve.documents.grounds import AO250_LISTED, Ground, grouped
from reprieve.documents.model import Block, Bullets, Document, FieldLine, Heading, Lines, Para, Signature
from reprieve.documents.motion import PREPARED, caption
from reprieve.documents.sections import (
    finish,
    ground_facts,
    ground_title,
    left_out_notes,
    plan_gaps,
    record_lines,
    release_plan,
    released_notes,
)

BOXES = (("medical", "Medical condition of the defendant (terminal illness; a serious condition or impairment that "
                     "substantially diminishes the ability to provide self-care in prison)"),
         ("age", "Age of the defendant (at least 65, serious deterioration because of aging, and at least 10 years "
                 "or 75% of the term served)"),
         ("family", "Family circumstances (death or incapacitation of the caregiver of a minor child; incapacitation "
                    "of a spouse or registered partner when the defendant is the only available caregiver)"),
         ("other", "Other reasons"),
         ("statutory", "Age 70 or older, at least 30 years served, sentenced under 18 U.S.C. § 3559(c) "
                       "(18 U.S.C. § 3582(c)(1)(A)(ii))"))


def _box(ticked: bool, text: str) -> str:
    """A box on the form, ticked or not (the glyphs of the form, never brackets)."""
    return f"{'☒' if ticked else '☐'} {text}"


def _boxes(*boxes: tuple[bool, str]) -> list[Block]:
    """The form's boxes, one to a line (the box is the marker: no bullet beside it)."""
    return [Para(_box(ticked, text), "indent") for ticked, text in boxes]


def _category(ground: Ground) -> str:
    return AO250_LISTED.get(ground.paragraph, "other")


def build(f: Facts) -> Document:
    doc = Document(kind="ao250", title="AO 250 Motion for Sentence Reduction (Compassionate Release)",
                   register_number=f.register, footer=f"No. {f.docket} - AO 250")
    doc.add(caption(f, "Motion for Sentence Reduction Under 18 U.S.C. § 3582(c)(1)(A) (Compassionate Release)"))
    doc.add(Heading("Part 1. Defendant information", 2),
            FieldLine("Name", f.name), FieldLine("Register number", f.register),
            FieldLine("Institution", f.facility),
            *_boxes((False, "I have a lawyer for this motion. Lawyer's name:"),
                    (True, "I do not have a lawyer. I ask the Court to appoint one.")))
    doc.add(Heading("Part 2. Request to the Warden (exhaustion)", 2), *_exhaustion(f))
    doc.add(Heading("Part 3. Extraordinary and compelling reasons", 2), *_grounds(f))
    doc.add(Heading("Part 4. Release plan", 2), Bullets(tuple(release_plan(f, voice="first"))))
    doc.add(Heading("Part 5. Why release is consistent with 18 U.S.C. § 3553(a) and public safety", 2))
    record = record_lines(f)
    if record:
        doc.add(Bullets(tuple(record)))
    if f.served:
        doc.add(Para(f"Time served: {f.served}" + (f" ({f.percent_served} of the term)." if f.percent_served
                                                   else ".")))
    doc.add(Heading("Part 6. Declaration and signature", 2),
            Para("I declare under penalty of perjury that the information in this motion is true and correct "
                 "(28 U.S.C. § 1746)."),
            Signature((f.name, f"Register No. {f.register}", f.facility)),
            Heading("Certificate of mailing", 3),
            Para(f"I placed this motion in the mail system of {f.facility}, first-class postage prepaid, on the date "
                 "written below."),
            FieldLine("Date placed in the institution's mail system"),
            Signature((f.name,), date_line=False),
            Para(PREPARED, "small"))
    doc.note(*released_notes(f, "Form AO 250 asks the court to reduce imprisonment: it only serves someone still in "
                                "prison. If the person is still in prison, give the last day they were known to be "
                                "there (custody.in_custody_on) and draft again."))
    if plan_gaps(f):
        doc.note(Para("Courts want a verified release plan: complete Part 4 (the items are in the list above)."))
    doc.note(Para("This is the content of form AO 250, question by question, for a motion to the court; a request "
                  "to the Bureau of Prisons has its own requirements (the request to the Warden)."))
    doc.note(*left_out_notes(f, "Not checked"))
    doc.note(Para("The official form is at uscourts.gov (AO 250). Copy these answers onto it if your court requires "
                  "the form itself; attach the Warden request and response, and the records listed in the exhibit "
                  "checklist."), Para(DISCLAIMER))
    finish(f, doc, "form")
    return doc


def _exhaustion(f: Facts) -> list[Block]:
    request = f.latest_request
    blocks: list[Block] = _boxes(
        (request is not None, "Yes, I submitted a request for compassionate release to the Warden."),
        (request is None, "No, I did not submit a request to the Warden. Explain why:"))
    if request is None:
        return blocks
    if request.submitted_on is None:
        f.todo("the date you sent your request to the Warden")
    if request.received_on is None:
        f.todo("the date the Warden received your request")
    blocks.extend([
        FieldLine("Date I submitted the request", partial_date(request.submitted_on, "")),
        FieldLine("Date the Warden received it", partial_date(request.received_on, "")),
        FieldLine("Institution", request.facility or f.facility),
        FieldLine("Grounds stated in the request", f.redact(request.grounds or "")),
    ])
    response = {"denied": "Denied", "approved": "Approved", "none": "No response"}.get(request.response or "", "")
    if request.response == "denied" and request.responded_on:
        response += f" on {partial_date(request.responded_on)}"
    blocks.append(FieldLine("Warden's response", response))
    if f.lapse_date is not None:
        blocks.append(FieldLine(f"{f.lapse_days} days after receipt", long_date(f.lapse_date)))
    appeals = [a for a in f.appeals]
    if appeals:
        blocks.append(Bullets(tuple(f"Appeal {a.kind.upper() if a.kind else ''} filed "
                                    f"{partial_date(a.submitted_on)}" for a in appeals)))
    return blocks


def _grounds(f: Facts) -> list[Block]:
    raised = f.selection.raised
    ticked = {_category(g) for g in raised}
    blocks: list[Block] = _boxes(*((key in ticked, text) for key, text in BOXES))
    by_category = [[g for g in group if _category(g) == key] for group in grouped(raised) for key, _ in BOXES]
    for group in (g for g in by_category if g):
        category = _category(group[0])
        label = dict(BOXES)[category].split(" (")[0]
        if category == "other":
            label = f"Other reasons: {ground_title(group, with_cite=f.amended_policy)}"
        blocks.append(Heading(label, 3))
        blocks.extend(ground_facts(f, group, voice="first"))
    if not raised:
        f.todo("the reasons, and the facts that show them")
        blocks.append(Lines(8))
    return blocks
