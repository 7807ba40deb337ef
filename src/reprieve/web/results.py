"""The answer page's content: a verdict per avenue in words, colour and icon (never colour alone), the dates, the
then/now table, the presumptions made, each finding with its steps and citations, and a timeline of the sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from reprieve.assess.count_ranges import briefly
from reprieve.assess.current_law_result import RangeSide
from reprieve.assess.findings import Finding, ReasonLike, reason_text, reason_whole
from reprieve.assess.relief.compassionate_release import GROUND_KEYS
from reprieve.law.compassionate_release import exhaustion_lapse, threshold
from reprieve.law.params import using
from reprieve.results import Text, quoted, said, text_of, whole_text
from reprieve.web.engine import Assessment
from reprieve.web.interview import screen_of
from reprieve.words import catalog

# status -> (words, css class, icon): the words carry the meaning; colour and icon repeat it
VERDICTS = {
    "eligible": (gettext_lazy("Open: you can ask for this now"), "open", "✓"),
    "needs_review": (gettext_lazy("Maybe: a decision-maker must weigh it"), "maybe", "!"),
    "needs_facts": (gettext_lazy("More facts needed"), "facts", "?"),
    "not_eligible": (gettext_lazy("Not now"), "closed", "✕"),
}
AVENUES = {
    "custody": gettext_lazy("Still in prison?"),
    "3582(c)(1)(A)": gettext_lazy("Compassionate release (court motion)"),
    "BOP reduction in sentence (PS 5050.50)": gettext_lazy("The BOP asks the court (warden request)"),
    "FSA time credits": gettext_lazy("First Step Act time credits"),
    "34 U.S.C. 60541(g)": gettext_lazy("Elderly home detention"),
    "commutation": gettext_lazy("Clemency from the President"),
    "3582(c)(2)": gettext_lazy("Lower guideline range (retroactive amendment)"),
    "FSA 404": gettext_lazy("First Step Act section 404 (crack cocaine)"),
}


def avenue_name(avenue: str) -> str:
    return str(AVENUES.get(avenue, avenue))


def verdict_rows(avenues: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for avenue, v in avenues.items():
        words, css, icon = VERDICTS[v["status"]]
        rows.append({"avenue": avenue_name(avenue), "code": avenue, "words": words, "css": css, "icon": icon,
                     "eligible_from": _day(v.get("eligible_from"))})
    return rows


def change_lines(changes: list[dict[str, str]]) -> list[str]:
    out = []
    for c in changes:
        if c["kind"] == "opened":
            out.append(_("A new avenue is open: %(avenue)s") % {"avenue": avenue_name(c["avenue"])})
        elif c["kind"] == "closed":
            out.append(_("This avenue closed: %(avenue)s") % {"avenue": avenue_name(c["avenue"])})
        elif c["kind"] == "release":
            out.append(_("The release date moved to %(date)s") % {"date": _day(c["status"])})
        else:
            out.append(_("%(avenue)s is now: %(words)s") % {
                "avenue": avenue_name(c["avenue"]), "words": VERDICTS[c["status"]][0]})
    return out


def _day(value: Any) -> str:
    if not value:
        return ""
    try:
        return date_format(date.fromisoformat(str(value)), "DATE_FORMAT")
    except ValueError:
        return str(value)


def _months(value: Any) -> str:
    if value is None:
        return _("not known")
    if value == "life":
        return _("life")
    return _("%(n)s months") % {"n": value}


def _range(side: RangeSide, language: str) -> list[dict[str, str]]:
    """A count's range on one side, or each alternative with the facts it assumes, in the page's language; `lang`
    marks a condition that holds words of the law data given as they are (English), for a screen reader."""
    if side.min_months is None and side.alternatives:
        return [{"range": f"{_months(a.min_months)} {_('to')} {_months(a.max_months)}",
                 "condition": a.condition.render(language) if a.condition else "",
                 "lang": "en" if a.condition and not a.condition.whole() and language != "en" else ""}
                for a in side.alternatives]
    why = side.not_covered or side.reason  # a range reprieve cannot give, and why (the engine's words)
    if side.min_months is None and side.max_months is None and why:
        return [{"range": _("not known"), "condition": text_of(briefly(why), language),
                 "lang": "en" if not whole_text(why) and language != "en" else ""}]
    return [{"range": f"{_months(side.min_months)} {_('to')} {_months(side.max_months)}", "condition": "",
             "lang": ""}]


def _date_or_range(comp: dict[str, Any], key: str) -> str:
    if comp.get(key):
        return _day(comp[key])
    found = (comp.get("ranges") or {}).get(key)
    if found and found.get("earliest"):
        if found["earliest"] == found.get("latest"):
            return _day(found["earliest"])
        return _("between %(a)s and %(b)s") % {"a": _day(found["earliest"]), "b": _day(found.get("latest"))}
    return ""


@dataclass
class Mark:
    label: str
    day: date
    kind: str  # start, today, eligible, release


def _first(comp: dict[str, Any], key: str) -> date | None:
    value = comp.get(key) or ((comp.get("ranges") or {}).get(key) or {}).get("earliest")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def timeline(assessment: Assessment, comp: dict[str, Any]) -> dict[str, Any] | None:
    """Positions (percent of the width) of commencement, today, each eligible-from date and the release dates."""
    marks: list[Mark] = []
    start, began = _first(comp, "commenced_on"), _("Sentence began")
    if start is None:
        # commencement not known: the first day of custody counted, at the earliest (commencement less jail
        # credit). Today less the days served is not it: a released person's days stop at release.
        scenario = assessment.computation.earliest or assessment.computation.point
        start, began = (scenario.custody_start if scenario else None), _("In custody from, at the earliest")
    if start:
        marks.append(Mark(began, start, "start"))
    marks.append(Mark(_("Today") if assessment.as_of == date.today() else _("Date assessed"), assessment.as_of,
                      "today"))
    for key, label, earliest in (("projected_release_date", _("Projected release"), _("Earliest projected release")),
                                 ("full_term_date", _("Full term ends"), _("Full term ends, at the earliest"))):
        found = _first(comp, key)
        if found:
            marks.append(Mark(label if comp.get(key) else earliest, found, "release"))
    last_day = assessment.computation.last_possible_release
    for f in assessment.findings:
        if f.eligible_from and f.eligible_from > assessment.as_of and (last_day is None or f.eligible_from <= last_day):
            marks.append(Mark(_("Eligible: %(avenue)s") % {"avenue": avenue_name(f.avenue)}, f.eligible_from,
                              "eligible"))
    if len(marks) < 2:
        return None
    marks.sort(key=lambda m: m.day)
    unique: list[Mark] = []
    for m in marks:
        if not any(u.day == m.day and u.label == m.label for u in unique):
            unique.append(m)
    first, last = unique[0].day, unique[-1].day
    span = max((last - first).days, 1)
    # numbered dots on a line; the words for each number are a list under the picture (they wrap on a phone)
    width, left, right, axis = 400, 16, 16, 34
    points = []
    for i, m in enumerate(unique, start=1):
        x = left + (width - left - right) * (m.day - first).days / span
        # an SVG coordinate is written with a point in every language (Spanish formatting would write "123,4")
        points.append({"n": i, "x": f"{x:.1f}", "label": m.label, "day": _day(m.day.isoformat()), "kind": m.kind})
    return {"points": points, "width": width, "height": axis + 14, "axis_y": axis,
            "x1": left, "x2": width - right}


CITE_PHRASES = [key for key in catalog("en") if key.startswith("cite.phrase.")]
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def readable(text: str, language: str) -> str:
    """An engine text as the page writes it: each day written out as the page writes its dates (April 10, 2025), where
    the engine's English gives them as its JSON does (2025-04-10); and the prose of the law data's citations ("as
    amended by", "effective", "level 30, Criminal History Category II") in the page's language (the words catalogs'
    `cite.phrase.*`): the citation itself (the code and section, the act's name) stays as the law writes it."""
    text = ISO_DAY.sub(lambda day: _day(day.group()), text)
    if language == "en":
        return text
    english, own = catalog("en"), catalog(language)
    for key in CITE_PHRASES:
        if english[key] in text:
            text = text.replace(english[key], own.get(key, english[key]))
    return text


def _shown(text: Text | ReasonLike, language: str) -> dict[str, Any]:
    """A text of the engine in the page's language; `lang` marks English left in it (words of the law data or the
    case file, given as they are) for a screen reader."""
    whole = reason_whole(text)
    return {"text": readable(reason_text(text, language), language),
            "lang": "en" if not whole and language != "en" else ""}


_AMENDMENT = re.compile(r"Amendment (\d+)(?: \((.+)\))?")
_COUNT_404 = re.compile(r"count (.+): §404 covered offense")


def _ground(f: Finding, language: str, on: date) -> dict[str, Any]:
    """A relief finding's ground as the page heads it, in its language (the ground's code where there is no
    message for it: a guideline amendment, a count)."""
    key = GROUND_KEYS.get(f.ground)
    amendment, count = _AMENDMENT.fullmatch(f.ground), _COUNT_404.fullmatch(f.ground)
    if key is not None:  # a §1B1.13(b) paragraph and its name
        said_ = said("relief.ground_label.paragraph", paragraph=f.ground, name=said(f"relief.cr.ground.{key}"))
    elif amendment is not None:  # a guideline amendment, as retroactive_amendments.name gives it
        n, parts = amendment.groups()
        said_ = said("relief.ground_label.amendment_parts", n=n, parts=quoted("amend.parts.", parts)) if parts \
            else said("relief.ground_label.amendment", n=n)
    elif count is not None:  # a count's First Step Act section 404 finding
        said_ = said("relief.ground_label.count_404", label=count.group(1))
    elif f.ground == "3582(c)(1)(A)(ii)":  # its age and years from the law data (in force since the First Step Act)
        said_ = said(f"relief.ground_label.{f.ground}", age=threshold("elderly_statutory_age", on)[0],
                     years=threshold("elderly_statutory_years_served", on)[0])
    elif f"relief.ground_label.{f.ground}" in catalog("en"):
        said_ = said(f"relief.ground_label.{f.ground}")
    else:
        return {"text": f.ground, "lang": "en" if language != "en" else ""}
    return _shown(said_, language)


def _finding(f: Finding, language: str, on: date) -> dict[str, Any]:
    words, css, icon = VERDICTS[f.status]
    return {"avenue": avenue_name(f.avenue), "ground": _ground(f, language, on), "words": words, "css": css,
            "icon": icon,
            "summary": _shown(f.summary, language), "reasons": [_shown(r, language) for r in f.reasons],
            "citations": [readable(c, language) for c in f.citations],
            "eligible_from": _day(f.eligible_from.isoformat()) if f.eligible_from else "",
            "positions": f.positions}


def context(assessment: Assessment) -> dict[str, Any]:
    data = assessment.as_json()
    comp = data["computation"]
    language = (get_language() or "en")[:2]
    verdicts = []
    for avenue, f in assessment.verdicts():
        words, css, icon = VERDICTS[f.status]
        verdicts.append({"avenue": avenue_name(avenue), "code": avenue, "words": words, "css": css, "icon": icon,
                         "summary": _shown(f.summary, language), "eligible_from": _day(f.eligible_from.isoformat())
                         if f.eligible_from else ""})
    requests_received = None
    dates = [
        (_("Projected release"), _date_or_range(comp, "projected_release_date")),
        (_("Release with good conduct time"), _date_or_range(comp, "statutory_release_date")),
        (_("Full term ends"), _date_or_range(comp, "full_term_date")),
        (_("Home confinement possible from"), _date_or_range(comp, "home_detention_eligibility_date")),
    ]
    for f in assessment.findings:
        if f.ground == "exhaustion" and f.eligible_from:
            requests_received = _day(f.eligible_from.isoformat())
    if requests_received:
        with using(assessment.law):  # the days of 18 U.S.C. 3582(c)(1)(A)'s lapse, from the law data
            days = exhaustion_lapse(assessment.as_of)[0].days
        dates.append((_("You may file in court from (%(days)s days after the warden received the request)")
                      % {"days": days}, requests_received))
    current = assessment.current_law
    then_now = [{"count": c.count, "statute": c.statute, "then": _range(c.then, language),
                 "now": _range(c.now, language), "changed": c.changed} for c in (current.counts if current else [])]
    sentenced_now = current.aggregate.release_date_if_sentenced_now if current else None
    presumptions_shown = []
    for shown in assessment.presumptions(language):  # in the page's language, from the engine's words catalogs
        field = str(shown.get("field") or "")
        why = str(shown.get("why") or "").rstrip(". ")  # a sentence, so "If not:" starts the next one
        # a text with words of the law data in it stays English: marked so, for a screen reader
        english = {k: "en" for k, whole in shown["whole"].items() if not whole and language != "en"}
        shown = {**shown, **{k: readable(shown[k], language) for k in ("presumed", "if_instead") if shown.get(k)}}
        why = readable(why, language)
        presumptions_shown.append({**shown, "why": f"{why}." if why else "", "lang": english,
                                   "change": screen_of(field) if field else None})
    uncertain = [_shown(u.why, language) for u in assessment.computation.uncertain]
    with using(assessment.law):
        findings = [_finding(f, language, assessment.as_of) for f in assessment.findings]
    steps = [{key: readable(value, language) if key in ("detail", "citation", "note") and value else value
              for key, value in s.render(language).items()}  # the arithmetic, in the page's language
             for s in assessment.computation.steps]
    return {"verdicts": verdicts, "dates": [d for d in dates if d[1]], "then_now": then_now,
            "sentenced_now": _day(sentenced_now.isoformat() if sentenced_now else None),
            "presumptions": presumptions_shown, "uncertain": uncertain, "findings": findings, "steps": steps,
            "timeline": timeline(assessment, comp), "as_of": _day(assessment.as_of.isoformat()),
            "circuit": assessment.circuit}
