"""The plain-language summary for the person and the family: your dates, what you can ask for, what to do next and
by when, and the words to know.

Written for a grade 6-8 reader (documents-and-users.md 4.2): short sentences, one idea each, legal words defined the
first time they appear. The plain-text version is the body of one TRULINCS message (at most 13,000 characters) and
starts with a warning that prison e-mail is not private; it carries no strategy and nothing from the PSR.

It is written in the reader's language (`Facts.reader`: English or Spanish), every sentence a key of the one
translation layer (reprieve.words: summary.*), dates and lengths of time as that language writes them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reprieve.assess import questions
from reprieve.assess.findings import Finding
from reprieve.documents.argument import sentenced_today, strongest
from reprieve.documents.facts import Facts
from reprieve.documents.model import Block, Bullets, Document, Heading, Notice, Para
from reprieve.documents.sections import HEALTH
from reprieve.law import compassionate_release as cr
from reprieve.words import Words

TRULINCS_LIMIT = 13_000

# Each USSG §1B1.13(b) ground in everyday words (the catalog's summary.ground.* keys).
PLAIN_GROUNDS = {
    "§1B1.13(b)(1)(A)": "terminal", "§1B1.13(b)(1)(B)": "self_care", "§1B1.13(b)(1)(C)": "care_not_given",
    "§1B1.13(b)(1)(D)": "outbreak", "§1B1.13(b)(2)": "age", "§1B1.13(b)(3)(A)": "child",
    "§1B1.13(b)(3)(B)": "spouse", "§1B1.13(b)(3)(C)": "parent", "§1B1.13(b)(3)(D)": "other_family",
    "§1B1.13(b)(4)": "abuse", "§1B1.13(b)(5)": "other", "§1B1.13(b)(6)": "long_sentence",
    "3582(c)(1)(A)(ii)": "seventy",
}
AVENUE_NAMES = {
    "3582(c)(1)(A)": "compassionate_release",
    "FSA time credits": "fsa_credits",
    "BOP reduction in sentence (PS 5050.50)": "bop_rule",
    "34 U.S.C. 60541(g)": "elderly_home",
    "FSA 404": "fsa_404",
    "3582(c)(2)": "guideline_amendment",
    "commutation": "clemency",
}
# Who decides an avenue that is a judgment call: a judge, unless the law gives the decision to someone else.
DECIDER = {
    "commutation": "president",
    "BOP reduction in sentence (PS 5050.50)": "bop",
    "FSA time credits": "bop",
    "34 U.S.C. 60541(g)": "bop",
}
WORDS = ("compassionate_release", "warden", "exhaustion", "motion", "good_time", "supervised_release",
         "release_plan")
STANDING = {"established": "established", "arguable": "arguable", "needs facts": "needs_facts"}
MAX_QUESTIONS = 6


def build(f: Facts) -> Document:
    w = f.reader
    name = f.case.person.name or w("summary.you")
    title = w("summary.title")
    doc = Document(kind="summary", title=title, register_number=f.register,
                   footer=w("summary.footer", name=name), plain_text_limit=TRULINCS_LIMIT, language=w.written_in)
    body = _body(f, w)
    doc.add(Heading(title, 1), Notice(w("summary.note_label"), w("summary.not_advice")), *body)
    doc.text_blocks = [Notice(w("summary.warning_label"), w("summary.email_warning")),
                       Heading(w("summary.footer", name=name), 1), Para(w("summary.not_advice")), *body]
    return doc


def _body(f: Facts, w: Words) -> list[Block]:
    person = f.case.person
    number = w("summary.about.number", number=person.register_number) if person.register_number else ""
    about = w("summary.about.named", name=person.name, number=number, date=w.long_date(f.as_of)) if person.name \
        else w("summary.about.you", number=number, date=w.long_date(f.as_of))
    blocks: list[Block] = [Para(about)]
    blocks += [Heading(w("summary.heading.dates"), 2), Bullets(tuple(_dates(f, w)))]
    blocks += [Heading(w("summary.heading.avenues"), 2), *_avenues(f, w)]
    blocks += [Heading(w("summary.heading.next"), 2), Bullets(tuple(_next_steps(f, w)), checkbox=True)]
    questions = _questions(f, w)
    if questions:
        blocks += [Heading(w("summary.heading.questions"), 2), Bullets(tuple(questions))]
    blocks += [Heading(w("summary.heading.words"), 2),
               Bullets(tuple(w("summary.word", word=w(f"summary.word.{k}"),
                               meaning=w(f"summary.meaning.{k}", days=f.lapse_days)) for k in WORDS))]
    return blocks


# --- dates in the reader's words ------------------------------------------------------------------------------

def _span(f: Facts, w: Words, key: str, point: Any) -> str | None:
    """'May 29, 2028', or 'between April 29, 2028 and May 29, 2028'."""
    found = f.bounds(key, point)
    return None if found is None else w.one_or_between(w.long_date(found[0]), w.long_date(found[1]))


def _when(f: Facts, w: Words, key: str, point: Any) -> str | None:
    """After a verb: 'on May 29, 2028', or 'between April 29, 2028 and May 29, 2028'."""
    found = f.bounds(key, point)
    return None if found is None else w.on_or_between(w.long_date(found[0]), w.long_date(found[1]))


def _served(f: Facts, w: Words) -> str | None:
    """'about 16 years', 'at least 15 years and 11 months' (what the facts allow at the least)."""
    found = f.bounds("time_served_days", f.computation.time_served_days)
    if found is None:
        return None
    low, high = w.years_and_months(int(found[0])), w.years_and_months(int(found[1]))
    return w("summary.at_least", value=low) if low != high else w("summary.about", value=low)


def _percent(f: Facts, w: Words) -> str | None:
    found = f.bounds("percent_of_term_served", f.computation.percent_of_term_served)
    if found is None:
        return None
    low, high = f"{found[0]:.0f}%", f"{found[1]:.0f}%"
    return low if low == high else w("summary.at_least", value=low)


def _dates(f: Facts, w: Words) -> list[str]:
    term = f.computation.total_term
    if term is None:
        lines = [w("summary.dates.no_term")]
    elif term.life:
        lines = [w("summary.dates.term_life")]
    else:
        months = w("unit.month" if term.months == 1 else "unit.months", n=term.months)
        days = w("unit.day" if term.days == 1 else "unit.days", n=term.days) if term.days else ""
        lines = [w("summary.dates.term", term=w("summary.dates.term_days", months=months, days=days) if days
                   else months)]
    bop = f.bop_release
    projected = _span(f, w, "projected_release_date", f.computation.projected_release_date)
    if bop is not None and bop <= f.as_of:
        lines.append(w("summary.dates.bop_passed", date=w.long_date(bop)))
    elif bop is not None:
        lines.append(w("summary.dates.bop", date=w.long_date(bop)))
        if f.computed_release_agrees is False:
            found = f.bounds("projected_release_date", f.computation.projected_release_date)
            assert found is not None  # the dates disagree, so reprieve has one
            low, high = w.long_date(found[0]), w.long_date(found[1])
            computed = w("range.one", value=low) if low == high else w("summary.dates.a_date_between", low=low,
                                                                        high=high)
            lines.append(w("summary.dates.ours_differs", computed=computed))
    if f.released is not None and bop is None:
        lines.append(w("summary.dates.ours_passed", date=projected or ""))
        lines.append(w("summary.dates.check_count"))
        return lines
    if bop is None and projected is not None:
        lines.append(w("summary.dates.ours", date=projected))
    ends = _when(f, w, "full_term_date", f.computation.full_term_date)
    if ends:
        lines.append(w("summary.dates.full_term", when=ends))
    served, percent = _served(f, w), _percent(f, w)
    if served:
        lines.append(w("summary.dates.served_percent", served=served, percent=percent) if percent
                     else w("summary.dates.served", served=served))
    return lines


# --- what the person can ask for ------------------------------------------------------------------------------

def _avenues(f: Facts, w: Words) -> list[Block]:
    blocks: list[Block] = []
    for avenue, finding in f.assessment.verdicts():
        if avenue == "custody":
            continue
        name = w(f"summary.avenue.{AVENUE_NAMES[avenue]}") if avenue in AVENUE_NAMES else avenue
        status = w(f"summary.status.{finding.status}")
        if finding.status == "needs_review" and avenue in DECIDER:
            status = w(f"summary.decider.{DECIDER[avenue]}")
        blocks.append(Para(w("summary.avenue_status", avenue=name, status=status), "bold"))
        blocks.extend(_avenue_detail(f, w, avenue, finding))
    return blocks


def _plain_ground(w: Words, paragraph: str, on: date) -> str:
    """A ground in everyday words; the ages and years it names come from the law data in force on `on`."""
    if paragraph not in PLAIN_GROUNDS:
        return paragraph
    return w(f"summary.ground.{PLAIN_GROUNDS[paragraph]}", age=cr.threshold("elderly_statutory_age", on)[0],
             years=cr.threshold("elderly_statutory_years_served", on)[0])


def _avenue_detail(f: Facts, w: Words, avenue: str, finding: Finding) -> list[Block]:
    if avenue == "3582(c)(1)(A)":
        lines = [w(f"summary.reason.{STANDING[ground.standing]}", ground=_plain_ground(w, ground.paragraph, f.as_of))
                 for ground in f.selection.raised]
        today = sentenced_today(f.assessment)
        argued = any(g.paragraph == "§1B1.13(b)(6)" for g in f.selection.raised)
        if today is not None and today.lower and (argued or f.disparity()):
            lines.extend(strongest(today, w, "second"))
        for left in f.selection.left_out:
            if left.paragraph == "§1B1.13(b)(6)" and f.disparity():
                lines.append(w("summary.rutherford", date=w.long_date(cr.regime_from("after_rutherford"))))
        lines.extend(_health_not_used(f, w))
        return [Bullets(tuple(lines))] if lines else []
    if finding.eligible_from:
        return [Para(w("summary.qualify_from", date=w.long_date(finding.eligible_from)))]
    if finding.extra.sunset:  # the avenue ends before the person would qualify (assess/relief/sunset.py)
        return [Para(w("summary.program_ends", date=w.long_date(finding.extra.sunset.ends_on)))]
    return []


def _health_not_used(f: Facts, w: Words) -> list[str]:
    """A stated health problem that is not a reason here, and why, in plain words (never dropped in silence)."""
    if any(g.paragraph.startswith(HEALTH) for g in f.selection.raised):
        return []
    return [w("summary.health_not_used", condition=f.redact(m.condition))
            for m in f.case.circumstances.medical or [] if m.condition]


def _next_steps(f: Facts, w: Words) -> list[str]:
    if f.released is not None:  # the warden letter and the motion only shorten time in prison
        return [w("summary.next.still_in_prison"), w("summary.next.lawyer")]
    steps: list[str] = []
    request = f.latest_request
    if request is None:
        steps += [w("summary.next.write_warden"), w("summary.next.wait_30", days=f.lapse_days)]
    elif f.lapse_date is not None and f.lapse_date > f.as_of:
        assert request.received_on is not None  # a lapse date counts from the warden's receipt
        steps.append(w("summary.next.waiting", received=w.long_date(request.received_on.latest),
                       date=w.long_date(f.lapse_date)))
    elif f.lapse_date is not None:
        steps.append(w("summary.next.may_ask", date=w.long_date(f.lapse_date), days=f.lapse_days))
    else:
        steps.append(w("summary.next.find_date", days=f.lapse_days))
    if f.health_based:
        steps.append(w("summary.next.records"))
    steps += [w("summary.next.housing_letter"), w("summary.next.lawyer"), w("summary.next.motion")]
    return steps


def _questions(f: Facts, w: Words) -> list[str]:
    """The engine's questions that could change the answer, worded by the question registry for this case in the
    reader's language."""
    seen: dict[str, str] = {}
    for finding in f.assessment.findings:
        if finding.avenue not in ("3582(c)(1)(A)",) or finding.status != "needs_facts":
            continue
        if finding.ground not in [g.paragraph for g in f.selection.raised] and finding.ground != "exhaustion":
            continue
        for q in finding.missing:
            seen.setdefault(q.field, questions.text(q.field, w.written_in, f.case))
    return list(seen.values())[:MAX_QUESTIONS]
