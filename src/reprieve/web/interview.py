"""The guided interview: which question comes next, how an answer is read, where it goes in the case file.

It starts with the web's own first steps (upload the judgment; who the person is), then asks the engine's question
registry's questions in the registry's order (`questions.engine_questions`: re-assessed after every answer, so a
question the facts settle is never asked), and ends with the release plan the warden letter needs. It stops when
nothing left would change a verdict or a date: the registry lists only those.
"I don't know" is always an answer; it is remembered, so the question is not asked again, and the field stays
unset (a missing field means unknown).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reprieve.case.types import Quantity
from reprieve.dates import PartialDate
from reprieve.law.compassionate_release import exhaustion_lapse
from reprieve.web.engine import released
from reprieve.web.questions import AnswerType, Question, engine_questions, registry_keys, registry_question

__all__ = ["COUNTS", "GROUP_FIELDS", "PRIOR_NOTICE", "AnswerError", "Question", "apply_answer", "apply_dont_know",
           "get_path", "groups", "is_answered", "next_question", "paper_questions", "plan", "read_answer",
           "release_plan_questions", "set_path", "show"]

COUNTS = "_counts"  # how many counts the judgment lists: the interview's own question, kept in meta
PRIOR_NOTICE = "_851"  # the prosecutor's notice of prior drug convictions (21 U.S.C. 851): enhancements and priors
MAX_COUNTS = 20


@lru_cache(maxsize=1)
def districts() -> tuple[tuple[str, str], ...]:
    from courts_db import courts  # the district courts still sitting, as the engine reads them

    found: dict[str, str] = {}
    for c in courts:
        name = c.get("name", "")
        if (c.get("system") == "federal" and "District Court" in name and c.get("citation_string")
                and not (c.get("dates") or [{}])[-1].get("end")):
            found.setdefault(c["citation_string"], _district_name(name))
    return tuple(sorted(found.items(), key=lambda pair: (pair[1].rsplit(" of ", 1)[-1], pair[1])))


_DIVISIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}


def _district_name(name: str) -> str:
    """'District Court, W.D. North Carolina' or 'United States District Court for the Western District of North
    Carolina' -> 'Western District of North Carolina'."""
    name = name.removeprefix("United States District Court for the ").removeprefix("District Court, ")
    found = re.match(r"^([NSEWMC])\.D\. (.+)$", name)
    if found:
        return f"{_DIVISIONS[found.group(1)]} District of {found.group(2)}"
    return re.sub(r"^D\. ", "District of ", name)


def paper_questions() -> list[Question]:
    """The web's own first steps, before the engine's questions: who the person is and the case's number (the
    letters need them; no verdict turns on them, so the registry does not ask them). The judgment's upload is
    offered on the first of them."""
    return list(_paper(get_language() or "en"))


@lru_cache(maxsize=8)
def _paper(language: str) -> tuple[Question, ...]:
    return (
        Question("person.name", _("What is the full name of the person in prison?"), "text",
                 where_to_find=_("As it is written on the judgment.")),
        Question("person.facility", _("Which prison is this person in now?"), "text",
                 where_to_find=_("The BOP inmate locator, or the address on his or her letters. "
                                 "For example: FCI Butner.")),
        Question("person.register_number", _("What is the BOP register number?"), "text",
                 where_to_find=_("Eight digits, like 12345-678. It is on letters from the prison and on the "
                                 "BOP inmate locator.")),
        Question("court.docket", _("What is the case number?"), "text",
                 where_to_find=_("On the judgment, next to \"Case Number\". For example: 3:07-cr-00162.")),
    )


def own_screen(asked: Question) -> Question | None:
    """The web's screen for a registry question it asks its own way: the judgment's list of counts as how many
    (then the registry asks each count's facts), the 851 enhancements as how many earlier convictions the notice
    named, the district from the list of district courts. None: asked as the registry words it."""
    if asked.field == "judgments[0].counts":
        return Question(COUNTS, _("How many counts (crimes) does the judgment list with a prison term?"), "number",
                        where_to_find=_("On the judgment, the table with \"Title & Section\" and \"Count\"."),
                        would_change=asked.would_change)
    if asked.field == "judgments[0].enhancements":
        return Question(PRIOR_NOTICE, _("Did the prosecutor file a notice of earlier drug convictions (an "
                                        "\"851 information\") that raised the lowest sentence?"), "choice",
                        (("0", _("No")), ("1", _("Yes, for one earlier conviction")),
                         ("2", _("Yes, for two or more earlier convictions"))),
                        where_to_find=_("The docket, the judgment or the sentencing transcript. A lawyer from "
                                        "the case would know."),
                        would_change=_("The First Step Act of 2018 lowered these longer minimums."))
    if asked.field == "court.district":
        return replace(asked, answer_type="choice", choices=districts())
    return None


def stated(data: dict[str, Any], case: Any = None) -> list[Question]:
    """A screen for each fact the case file states that the registry asks about (in the registry's order), so the
    review lists what an imported case already says and each can be changed."""
    out = []
    for key in registry_keys():
        for path in _positions_of(key, data):
            value = get_path(data, path)
            if value is None or isinstance(value, (list, dict)):
                continue
            q = screen_for(path, case)
            if q is not None and q.answer_type != "group":
                out.append(q)
    return out


def _positions_of(key: str, data: dict[str, Any]) -> list[str]:
    """`judgments[].counts[].months` -> the paths of every count of every judgment in `data`."""
    if "[]" not in key:
        return [key]
    head, tail = key.split("[]", 1)
    items = get_path(data, head)
    if not isinstance(items, list):
        return []
    return [p for i in range(len(items)) for p in _positions_of(f"{head}[{i}]{tail}", data)]


def screen_of(field: str) -> str | None:
    """The screen that states a fact the engine presumed (the answer page links to it), or None when the web has
    none (a list left to a lawyer)."""
    mine = {"judgments[0].counts": COUNTS, "judgments[0].enhancements": PRIOR_NOTICE}.get(field, field)
    return mine if screen_for(mine) is not None else None


def screen_for(field: str, case: Any = None) -> Question | None:
    """The screen for a field whatever the engine asks now (a presumption to correct from the answer page, an
    earlier answer to change): the web's own, else the registry's."""
    own = {COUNTS: "judgments[0].counts", PRIOR_NOTICE: "judgments[0].enhancements"}.get(field)
    asked = registry_question(own or field, case)
    if asked is None:
        return None
    shaped = own_screen(asked)
    if shaped is not None:
        return shaped
    if asked.answer_type != "group":
        return asked
    group = groups().get(field)
    return _gate(group, asked) if group is not None else None


def _gate(group: Group, asked: Question) -> Question:
    """A list's yes/no screen: the web's question, the registry's where-to-find."""
    return replace(group.gate, where_to_find=asked.where_to_find,
                   would_change=group.gate.would_change or asked.would_change)


def release_plan_questions() -> list[Question]:
    why = _("The warden will not act on a request without a release plan (28 C.F.R. § 571.61).")
    return [
        Question("release_plan.residence", _("If released, where would this person live?"), "long_text",
                 where_to_find=_("A city and state is enough here. The letter lists the full address later."),
                 would_change=why),
        Question("release_plan.household", _("Who lives there, and how are they related to this person?"),
                 "long_text", would_change=why),
        Question("release_plan.support", _("How would this person pay for food and rent: a job, family help, "
                                           "benefits?"), "long_text", would_change=why),
    ]


@dataclass(frozen=True)
class Group:
    """A registry question about a whole list (a kind of circumstance, the warden request): a yes/no screen; on yes
    the list gets an item, the registry asks the item's facts that matter, and `details` are what the letters need
    that no verdict turns on (the story in the person's words)."""

    gate: Question
    on_yes: list[dict[str, Any]] | None  # the list's value on yes (details follow), or None: only remembered
    on_no: list[dict[str, Any]] | None
    details: list[Question] = field(default_factory=list)


GROUP_FIELDS = frozenset({"requests", "circumstances.medical", "circumstances.family", "circumstances.age_related",
                          "circumstances.abuse", "circumstances.other"})


def groups() -> dict[str, Group]:
    return _groups(get_language() or "en")


def _lapse_days() -> int:
    """The days after the warden's receipt a defendant may move (18 U.S.C. 3582(c)(1)(A)), from the law data."""
    return exhaustion_lapse(date.today())[0].days


@lru_cache(maxsize=8)
def _groups(language: str) -> dict[str, Group]:
    yes_no: AnswerType = "yes_no"
    return {
        "requests": Group(
            Question("requests", _("Has the warden received a written request (from this person or someone for "
                                   "him or her) to ask the court for compassionate release?"), yes_no,
                     would_change=_("A court can hear the motion %(days)s days after the warden receives the "
                                    "request. If not yet, reprieve makes the letter for you.")
                     % {"days": _lapse_days()}),
            [{"to": "warden", "kind": "reduction_in_sentence"}], None, [
                Question("requests[0].grounds", _("What reasons did the request give?"), "long_text"),
                Question("requests[0].response", _("What did the warden answer?"), "choice",
                         (("denied", _("Denied")), ("approved", _("Approved")), ("none", _("No answer yet")))),
            ]),
        "circumstances.medical": Group(
            Question("circumstances.medical", _("Does this person have a serious illness or a health problem "
                                                "that makes it hard to care for himself or herself in prison?"),
                     yes_no), [{}], [], [
                Question("circumstances.medical[0].description", _("Describe the illness and the care in a few "
                                                                   "words."), "long_text"),
            ]),
        "circumstances.family": Group(
            Question("circumstances.family", _("Does a close family member need this person to care for them? "
                                               "(For example: a child whose caregiver died, or a parent, brother "
                                               "or sister who cannot care for themselves.)"), yes_no),
            [{}], [], [
                Question("circumstances.family[0].description", _("In a few words: what care is needed, and why "
                                                                  "no one else can give it?"), "long_text"),
            ]),
        "circumstances.age_related": Group(
            Question("circumstances.age_related", _("Has this person's health seriously gotten worse because of "
                                                    "age?"), yes_no),
            [{"serious_deterioration": True}], [{"serious_deterioration": False}], [
                Question("circumstances.age_related[0].description", _("Describe how health has declined."),
                         "long_text")]),
        "circumstances.abuse": Group(
            Question("circumstances.abuse", _("While serving this sentence, was this person sexually abused, or "
                                              "physically abused with serious injury, by prison staff?"), yes_no),
            [{"by_staff": True}], []),
        "circumstances.other": Group(
            Question("circumstances.other", _("Is there any other reason as serious as these (a terminal illness, "
                                              "old age with failing health, a family member with no one else to "
                                              "care for them)?"), yes_no), [{}], [], [
                Question("circumstances.other[0].description", _("Describe the reason."), "long_text")]),
    }


def plan(data: dict[str, Any], meta: dict[str, Any], assessment: Any) -> list[Question]:
    """Every question of this case in the order to ask them, as the facts stand now: the web's first steps, then
    the registry's questions in the registry's order (re-read after every answer: a question the facts settle is
    gone), then the release plan the warden letter needs."""
    out = paper_questions()
    known = groups()
    gates = meta.get("gates", {})
    for q in engine_questions(assessment):
        own = own_screen(q)
        if own is not None:
            out.append(own)
        elif q.answer_type == "group":
            group = known.get(q.field)
            if group is None:
                continue  # a list the interview cannot ask about one screen at a time: left to a lawyer
            out.append(_gate(group, q))
            if gates.get(q.field) == "yes":
                out.extend(group.details)
        else:
            out.append(q)
    for gate, state in gates.items():  # the details of a yes stay in the plan once the engine is satisfied
        if state == "yes" and gate in known and not any(q.field == gate for q in out):
            out.append(known[gate].gate)
            out.extend(known[gate].details)
    if released(assessment) is None:  # a released person needs no release plan for the warden
        out.extend(release_plan_questions())
    seen: set[str] = set()
    unique = []
    for q in out:
        if q.field not in seen:
            seen.add(q.field)
            unique.append(q)
    return unique


def is_answered(q: Question, data: dict[str, Any], meta: dict[str, Any]) -> bool:
    if q.field in meta.get("unknown", []) or q.field in meta.get("answered", []):
        return True
    if q.field == COUNTS:
        return meta.get("counts") is not None
    if q.field == PRIOR_NOTICE:
        return ((data.get("judgments") or [{}])[0]).get("enhancements") is not None
    if q.answer_type == "group" or q.field in GROUP_FIELDS:
        return q.field in meta.get("gates", {})
    return get_path(data, q.field) is not None


def next_question(questions: list[Question], data: dict[str, Any], meta: dict[str, Any]) -> Question | None:
    return next((q for q in questions if not is_answered(q, data, meta)), None)


# --- reading an answer --------------------------------------------------------------------------------------

class AnswerError(ValueError):
    pass


def read_answer(q: Question, form: Any) -> Any:
    """The value an answer form gives for a question, or AnswerError with a message for the person."""
    kind = "yes_no" if q.field in GROUP_FIELDS else q.answer_type
    if kind == "date":
        year, month, day = (str(form.get(k, "")).strip() for k in ("year", "month", "day"))
        if not re.fullmatch(r"\d{4}", year):
            raise AnswerError(_("Type the year with four digits, like 2009."))
        text = year
        if month:
            if not month.isdigit() or not 1 <= int(month) <= 12:
                raise AnswerError(_("Choose a month."))
            text += f"-{int(month):02d}"
            if day:
                if not day.isdigit():
                    raise AnswerError(_("Type the day as a number, like 15."))
                text += f"-{int(day):02d}"
        elif day:
            raise AnswerError(_("Choose the month too, or leave the day empty."))
        try:
            PartialDate.parse(text)
        except (ValueError, TypeError):
            raise AnswerError(_("This date does not exist. Check the day and the month.")) from None
        return text
    value = str(form.get("value", "")).strip()
    if not value:
        raise AnswerError(_("Type an answer, or choose \"I don't know\"."))
    if kind == "months_or_life":
        if value.lower() in {"life", _("life").lower()}:
            return "life"
        kind = "number"
    if kind == "number":
        if not value.isdigit():
            raise AnswerError(_("Type a whole number, like 240."))
        number = int(value)
        if q.field == COUNTS and not 1 <= number <= MAX_COUNTS:
            raise AnswerError(_("Type a number from 1 to %(max)s.") % {"max": MAX_COUNTS})
        return number
    if kind == "yes_no":
        if value not in ("yes", "no"):
            raise AnswerError(_("Choose yes or no."))
        return value == "yes"
    if kind == "choice":
        if value not in {v for v, _label in q.choices}:
            raise AnswerError(_("Choose one of the answers."))
        return value
    if kind == "quantity":
        try:
            Quantity.parse(value)
        except (ValueError, TypeError):
            raise AnswerError(_("Type an amount with its unit, like 1000 kg or 280 g.")) from None
        return value
    if len(value) > 4000:
        raise AnswerError(_("Please shorten this answer to 4,000 characters."))
    return value


Facts = dict[str, Any]


def apply_answer(q: Question, value: Any, data: Facts, meta: Facts) -> tuple[Facts, Facts]:
    """New (data, meta) with the answer in place; the inputs are not changed."""
    data, meta = copy.deepcopy(data), copy.deepcopy(meta)
    _forget(q.field, meta)
    known = groups()
    if q.field == COUNTS:
        meta["counts"] = value
        counts = _ensure_counts(data)
        del counts[value:]
        counts.extend({} for _ in range(value - len(counts)))
    elif q.field == PRIOR_NOTICE:
        _set_prior_notice(data, int(value))
    elif q.field in known:
        group = known[q.field]
        meta.setdefault("gates", {})[q.field] = "yes" if value else "no"
        chosen = group.on_yes if value else group.on_no
        if chosen is None:
            if not value:
                meta.setdefault("answered", []).append(q.field)
        elif not (value and get_path(data, q.field)):  # yes again keeps the details already given
            set_path(data, q.field, copy.deepcopy(chosen))
    else:
        set_path(data, q.field, value)
    return data, meta


def apply_dont_know(q: Question, data: Facts, meta: Facts) -> tuple[Facts, Facts]:
    data, meta = copy.deepcopy(data), copy.deepcopy(meta)
    _forget(q.field, meta)
    meta.setdefault("unknown", []).append(q.field)
    if q.field == COUNTS:
        meta["counts"] = None
    elif q.field == PRIOR_NOTICE:
        pass  # remembered as unknown; the enhancements stay unset
    elif q.field in GROUP_FIELDS:
        meta.setdefault("gates", {})[q.field] = "unknown"
    else:
        delete_path(data, q.field)
    return data, meta


def _set_prior_notice(data: dict[str, Any], how_many: int) -> None:
    """An 851 notice for N earlier convictions: the judgment's enhancement naming N priors. Before the First Step
    Act (2018-12-21) a notice could rest only on a "prior conviction for a felony drug offense" (21 U.S.C.
    841(b)(1)(A) as then in force), so the priors are drug felonies; after it, their kind is left unknown."""
    judgment = data.setdefault("judgments", [{}])[0]
    others = [e for e in judgment.get("enhancements") or [] if e.get("kind") != "851"]
    priors = data.setdefault("priors", [])
    if how_many:
        imposed = str(judgment.get("imposed_on") or "")
        before_fsa = bool(imposed) and imposed[:10] < "2018-12-21"
        while len(priors) < how_many:
            prior: dict[str, Any] = {"description": "earlier conviction named in the 21 U.S.C. 851 notice"}
            if before_fsa:
                prior["kind"] = "drug_felony"
            priors.append(prior)
        others.append({"kind": "851", "priors": list(range(how_many))})
    judgment["enhancements"] = others


def _forget(field: str, meta: dict[str, Any]) -> None:
    for key in ("unknown", "answered"):
        meta[key] = [f for f in meta.get(key, []) if f != field]
    meta.get("gates", {}).pop(field, None)


def _ensure_counts(data: dict[str, Any]) -> list[dict[str, Any]]:
    judgments = data.setdefault("judgments", [])
    if not judgments:
        judgments.append({})
    return judgments[0].setdefault("counts", [])


# --- case-field paths -----------------------------------------------------------------------------------------

_PART = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)|\[(\d+)\]")


def _parts(path: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _PART.findall(path)]


def get_path(data: Any, path: str) -> Any:
    node = data
    for part in _parts(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
        elif not isinstance(node, dict):
            return None
        node = node[part] if isinstance(part, int) else node.get(part)
        if node is None:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    parts = _parts(path)
    node: Any = data
    for part, following in pairwise(parts):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({} if not isinstance(following, int) else [])
            if node[part] is None:
                node[part] = empty
            node = node[part]
        else:
            if node.get(part) is None:
                node[part] = empty
            node = node[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def delete_path(data: dict[str, Any], path: str) -> None:
    parts = _parts(path)
    node = get_path(data, "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts[:-1]).lstrip("."))\
        if len(parts) > 1 else data
    last = parts[-1]
    if isinstance(node, dict) and isinstance(last, str):
        node.pop(last, None)
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = {}


def readable_date(text: str) -> str:
    """2009 -> 2009; 2007-07 -> July 2007; 2009-03-02 -> March 2, 2009 (in the active language)."""
    from datetime import date

    from django.utils.formats import date_format

    parts = text.split("-")
    try:
        if len(parts) == 2:
            return str(date_format(date(int(parts[0]), int(parts[1]), 1), "YEAR_MONTH_FORMAT"))
        if len(parts) == 3:
            return str(date_format(date.fromisoformat(text), "DATE_FORMAT"))
    except ValueError:
        pass
    return text


def show(q: Question, data: dict[str, Any], meta: dict[str, Any]) -> str:
    """An answer as the review page shows it."""
    if q.field in meta.get("unknown", []):
        return _("I don't know")
    if q.field == COUNTS:
        return str(meta.get("counts"))
    if q.field == PRIOR_NOTICE:
        enhancements = ((data.get("judgments") or [{}])[0]).get("enhancements") or []
        n = sum(len(e.get("priors") or []) for e in enhancements if e.get("kind") == "851")
        return str(dict(q.choices).get(str(min(n, 2)), ""))
    if q.field in GROUP_FIELDS:
        state = meta.get("gates", {}).get(q.field)
        return {"yes": _("Yes"), "no": _("No")}.get(state or "", "")
    value = get_path(data, q.field)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if q.answer_type == "date" and value:
        return readable_date(str(value))
    labels = dict(q.choices)
    return str(labels.get(str(value), value)) if value is not None else ""
