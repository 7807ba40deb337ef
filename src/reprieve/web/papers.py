"""Papers read into a case: the judgment, and the BOP's computation sheet or release-date letter, read by
`reprieve.intake.documents.read_documents` in a background job (`tasks.read_papers`).

Nothing read enters the case unconfirmed. What a reading found waits in the interview state, `meta["intake"]`:

- `fields`: {path: {value, source: {file, page, text}, confidence, state}}; state is "pending" (to confirm on the
  check screens), "ask" (to ask as an interview question: read with low confidence, or the person chose to go
  through a section one value at a time), "confirmed", "corrected" or "unknown" (the person does not know);
- `missing`: fields the papers should carry but did not show; they are asked too;
- `texts`: {language: {path: {question, where_to_find, would_change, why}}}: the intake's own words, English and
  Spanish: a missing value's question, where to find each value, what it changes, why a value read is unsure;
- `reading`: the last reading installed.

The check screens show the sure values a section at a time (the person and the court, the sentence, each count,
the BOP's figures), each with the page and the words it was read from: the person confirms a section, corrects any
value in it, or asks to go through it one value at a time. The interview then asks the unsure and missing values
before its own questions.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reprieve.intake import bop_sheet
from reprieve.intake.documents import IntakeResult
from reprieve.intake.fields import CONFIRM_BELOW
from reprieve.intake.text import LANGUAGES, field_words
from reprieve.web import interview
from reprieve.web.questions import AnswerType, Question, field_type

PENDING, ASK, CONFIRMED, CORRECTED, UNKNOWN = "pending", "ask", "confirmed", "corrected", "unknown"
OPEN = (PENDING, ASK)
READABLE = ("application/pdf", "image/jpeg", "image/png")  # what the intake reads (reprieve.intake.pages)
LIST_FIELDS = ("consecutive_to", "concurrent_with", "counts_dismissed")
# Fields the interview asks in its own way: the number of counts is its own question, then each count's fields.
ASKED_BY_THE_INTERVIEW = re.compile(r"^judgments\[\d+\]\.counts$")
_COUNT = re.compile(r"^judgments\[(\d+)\]\.counts\[(\d+)\]\.")
_JUDGMENT = re.compile(r"^judgments\[(\d+)\]\.")


def result_json(result: IntakeResult) -> dict[str, Any]:
    """What a reading keeps: each value with its source and confidence, what is missing, and the questions' words in
    every language the intake speaks."""
    texts: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        asked = result.confirmations(lang) + [q for q in result.questions(lang) if q["kind"] == "missing"]
        texts[lang] = {q["field"]: {k: q[k] for k in ("question", "where_to_find", "would_change", "why")}
                       for q in asked}
    return {
        "fields": {path: {"value": r.value, "source": r.source.as_json(), "confidence": round(r.confidence, 3)}
                   for path, r in result.fields.items()},
        "missing": [p for p in result.missing if not ASKED_BY_THE_INTERVIEW.match(p)],
        "texts": texts,
        "documents": [d.as_json() for d in result.documents],
    }


def install(meta: dict[str, Any], reading: int, result: dict[str, Any]) -> dict[str, Any]:
    """The interview state with a reading's values waiting to be confirmed. A value already confirmed and read the
    same again stays confirmed; one read differently waits again (the check screen shows the answer it would
    replace). Values from earlier readings still waiting keep waiting."""
    meta = copy.deepcopy(meta)
    intake = meta.setdefault("intake", {"fields": {}, "missing": [], "texts": {}})
    fields = intake["fields"]
    for path, read in result.get("fields", {}).items():
        old = fields.get(path)
        if old is not None and old["state"] in (CONFIRMED, CORRECTED) and old["value"] == read["value"]:
            continue
        fields[path] = {**read, "state": ASK if read["confidence"] < CONFIRM_BELOW else PENDING}
    # the order read, kept apart: PostgreSQL's jsonb keeps an object's keys sorted by length, not as written
    intake["order"] = list(dict.fromkeys([*intake.get("order", []), *result.get("fields", {})]))
    intake["missing"] = [p for p in dict.fromkeys(intake.get("missing", []) + result.get("missing", []))
                         if p not in fields]
    for lang, texts in result.get("texts", {}).items():
        intake.setdefault("texts", {}).setdefault(lang, {}).update(texts)
    intake["reading"] = reading
    return meta


def _intake(meta: dict[str, Any]) -> dict[str, Any]:
    return meta.get("intake") or {"fields": {}, "missing": [], "texts": {}}


def _in_order(intake: dict[str, Any]) -> list[str]:
    """The paths of the values read, in the order read (see `install`)."""
    fields = intake["fields"]
    return [p for p in dict.fromkeys([*intake.get("order", []), *fields]) if p in fields]


def unchecked_reading(meta: dict[str, Any]) -> int | None:
    """The reading whose sure values still wait on the check screens, if any."""
    intake = _intake(meta)
    if any(f["state"] == PENDING for f in intake["fields"].values()):
        return int(intake["reading"])
    return None


# --- the check screens ---------------------------------------------------------------------------------------

@dataclass
class Section:
    key: str
    title: str
    paths: list[str]  # every value read in it


def _section_key(path: str) -> tuple[tuple[int, int, int], str]:
    count = _COUNT.match(path)
    if count:
        i, k = int(count.group(1)), int(count.group(2))
        return (1, i, k), f"count-{i}-{k}"
    judgment = _JUDGMENT.match(path)
    if judgment:
        i = int(judgment.group(1))
        return (1, i, -1), f"judgment-{i}"
    if path.startswith(("person.", "court.")):
        return (0, 0, 0), "person"
    if path.startswith("custody."):
        return (2, 0, 0), "bop"
    return (3, 0, 0), "other"


def sections(meta: dict[str, Any]) -> list[Section]:
    intake = _intake(meta)
    fields = intake["fields"]
    grouped: dict[str, tuple[tuple[int, int, int], list[str]]] = {}
    for path in _in_order(intake):
        order, key = _section_key(path)
        grouped.setdefault(key, (order, []))[1].append(path)
    several = _several(fields)
    out = []
    for key, (_order, paths) in sorted(grouped.items(), key=lambda item: item[1][0]):
        out.append(Section(key, _title(key, fields, several), paths))
    return out


def _several(fields: dict[str, Any]) -> bool:
    """Values read from more than one judgment."""
    return len({m.group(1) for p in fields if (m := _JUDGMENT.match(p))}) > 1


def _title(key: str, fields: dict[str, Any], several: bool) -> str:
    if key == "person":
        return _("The person and the court")
    if key == "bop":
        return _("The BOP's sentence computation")
    if key.startswith("judgment-"):
        n = int(key.split("-")[1]) + 1
        return _("Judgment %(n)s: the sentence") % {"n": n} if several else _("The sentence")
    if key.startswith("count-"):
        i, k = (int(x) for x in key.split("-")[1:])
        label = (fields.get(f"judgments[{i}].counts[{k}].count") or {}).get("value") or k + 1
        if several:
            return _("Judgment %(n)s, count %(label)s") % {"n": i + 1, "label": label}
        return _("Count %(label)s") % {"label": label}
    return _("Other")


def checked_on_screens(meta: dict[str, Any]) -> list[Section]:
    """The sections the check screens go through: those with a value read sure (the unsure ones are asked)."""
    fields = _intake(meta)["fields"]
    return [s for s in sections(meta) if any(fields[p]["confidence"] >= CONFIRM_BELOW for p in s.paths)]


def next_section(meta: dict[str, Any], wanted: str = "") -> Section | None:
    """The section to show: the one asked for if it still has values to confirm, else the first that has."""
    fields = _intake(meta)["fields"]
    found = [s for s in sections(meta) if any(fields[p]["state"] == PENDING for p in s.paths)]
    return next((s for s in found if s.key == wanted), found[0] if found else None)


def rows(meta: dict[str, Any], data: dict[str, Any], section: Section) -> dict[str, list[dict[str, Any]]]:
    """The section's values as the check screen shows them: `check` (sure, to confirm here), `asked` (unsure: asked
    next) and `done` (confirmed or corrected already)."""
    fields = _intake(meta)["fields"]
    out: dict[str, list[dict[str, Any]]] = {"check": [], "asked": [], "done": []}
    for path in section.paths:
        read = fields[path]
        now = interview.get_path(data, path)
        row = {"path": path, "label": label(path), "value": shown(path, read["value"]),
               "page": read["source"]["page"], "file": read["source"]["file"], "text": said(read["source"]["text"]),
               "now": shown(path, now) if now is not None and now != read["value"] else ""}
        if read["state"] == PENDING:
            out["check"].append(row)
        elif read["state"] == ASK:
            out["asked"].append(row)
        else:
            out["done"].append({**row, "value": shown(path, now) if now is not None else _("I don't know")})
    return out


def said(text: str) -> str:
    """The words a value was read from, without the form's column marks (the ')' between the caption's columns)."""
    return " ".join(word for word in text.split() if word not in (")", "|"))


def label(path: str) -> str:
    words = field_words(path, _language())
    return words[:1].upper() + words[1:]


def shown(path: str, value: Any) -> str:
    """A value as a person reads it: a district by name, a date in words, yes or no, a list with commas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if path == "court.district":
        return dict(interview.districts()).get(str(value), str(value))
    kind, _choices = field_type(path)
    if kind == "date" or re.search(r"(_on|_date|as_of|offense_ended)$", path):
        return interview.readable_date(str(value))
    if path.endswith(".drug"):
        return str(value).replace("_", " ")
    if isinstance(value, int) and path.endswith("months"):
        return _("%(n)s months") % {"n": value}
    if isinstance(value, int) and path.endswith("days"):
        return _("%(n)s days") % {"n": value}
    return str(value)


def confirm(data: dict[str, Any], meta: dict[str, Any], paths: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The values read at `paths`, still waiting, put in the case as confirmed."""
    fields = _intake(meta)["fields"]
    for path in paths:
        read = fields.get(path)
        if read is None or read["state"] != PENDING:
            continue
        data, meta = interview.apply_answer(Question(path, ""), copy.deepcopy(read["value"]), data, meta)
        meta["intake"]["fields"][path]["state"] = CONFIRMED
    return data, _count_counts(data, meta)


def ask_each(meta: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """The person will go through these one at a time, as questions."""
    meta = copy.deepcopy(meta)
    for path in paths:
        read = _intake(meta)["fields"].get(path)
        if read is not None and read["state"] == PENDING:
            read["state"] = ASK
    return meta


def _count_counts(data: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """Counts read from the judgment answer the interview's own "how many counts" question."""
    counts = ((data.get("judgments") or [{}])[0] or {}).get("counts") or []
    if counts and (meta.get("counts") or 0) < len(counts):
        meta["counts"] = len(counts)
        meta["unknown"] = [f for f in meta.get("unknown", []) if f != interview.COUNTS]
    return meta


# --- the interview's questions -------------------------------------------------------------------------------

def _language() -> str:
    lang = (get_language() or "en")[:2]
    return lang if lang in LANGUAGES else "en"


def _answer_type(path: str, value: Any) -> tuple[AnswerType, tuple[tuple[str, str], ...]]:
    if path == "court.district":
        return "choice", interview.districts()
    kind, choices = field_type(path)
    if kind in ("date", "number", "yes_no", "choice", "quantity"):
        return kind, choices
    if isinstance(value, bool) or path.endswith("life"):
        return "yes_no", ()
    if isinstance(value, int) or re.search(r"(months|days)$", path):
        return "number", ()
    if re.search(r"(_on|_date|as_of|offense_ended)$", path):
        return "date", ()
    return "text", ()


def _words(meta: dict[str, Any], path: str) -> dict[str, str] | None:
    texts = _intake(meta).get("texts", {})
    return (texts.get(_language()) or {}).get(path) or (texts.get("en") or {}).get(path)


def question_for(meta: dict[str, Any], path: str) -> Question | None:
    """The interview question for a value read ("We read the case number as “3:07-cr-00162”. Is that right?") or
    missing (the intake's "We could not find ... What is it?"), in the active language; None if the papers gave
    none."""
    intake = _intake(meta)
    read = intake["fields"].get(path)
    words = _words(meta, path)
    if (read is None and path not in intake["missing"]) or not words:
        return None
    if read is not None:
        what = field_words(path, _language())
        question = _("We read %(what)s as “%(value)s”. Is that right?") % {"what": what,
                                                                           "value": shown(path, read["value"])}
    else:
        question = words["question"]
    answer_type, choices = _answer_type(path, read["value"] if read else None)
    return Question(path, question, answer_type, choices, words["where_to_find"], words["would_change"])


def read_from(meta: dict[str, Any], path: str) -> dict[str, Any] | None:
    """Where a value waiting for the person was read, and why it is unsure (for its question's page)."""
    read = _intake(meta)["fields"].get(path)
    if read is None or read["state"] not in OPEN:
        return None
    why = (_words(meta, path) or {}).get("why") or ""
    return {**read["source"], "text": said(read["source"]["text"]), "why": why[:1].upper() + why[1:]}


def is_open(meta: dict[str, Any], path: str) -> bool:
    """A value read that waits for the person (on the check screens or as a question), or a missing one."""
    intake = _intake(meta)
    read = intake["fields"].get(path)
    return read["state"] in OPEN if read is not None else path in intake["missing"]


def twins(path: str) -> list[str]:
    """The other case fields the intake fills from the same printed line (the BOP's jail credit, and the jail credit
    the computation starts from): asked once, answered for all."""
    for paths in (*bop_sheet.DATES.values(), *bop_sheet.NUMBERS.values()):
        if path in paths:
            return [p for p in paths if p != path]
    return []


def questions(meta: dict[str, Any], data: dict[str, Any]) -> list[Question]:
    """What the interview asks first: the values read unsure, then those the papers should carry but did not show,
    unless answered meanwhile; a value and its twin once."""
    intake = _intake(meta)
    paths = [p for p in _in_order(intake) if intake["fields"][p]["state"] == ASK]
    paths += [p for p in intake["missing"] if p not in intake["fields"]]
    out: list[Question] = []
    for path in paths:
        q = question_for(meta, path)
        if q is None or any(x.field in twins(path) for x in out):
            continue
        if path in intake["fields"] or not interview.is_answered(q, data, meta):
            out.append(q)
    return out


def answer_twins(data: dict[str, Any], meta: dict[str, Any], path: str, value: Any, dont_know: bool
                 ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answer to a value read, given to its twins that still wait (see `twins`)."""
    for twin in twins(path):
        if not is_open(meta, twin):
            continue
        q = Question(twin, "")
        data, meta = interview.apply_dont_know(q, data, meta) if dont_know else interview.apply_answer(
            q, value, data, meta)
        meta = answered(data, meta, twin, value, dont_know)
    return data, meta


def prefill(meta: dict[str, Any], path: str) -> Any:
    """The value read, shown in the answer field while it waits to be confirmed (a list as 'a, b'); else None."""
    read = _intake(meta)["fields"].get(path)
    if read is None or read["state"] not in OPEN:
        return None
    value = read["value"]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return shown(path, value) if path.endswith(".drug") else value


def typed(path: str, value: Any) -> Any:
    """An answer typed as text as the case file holds it: a list field ('1, 2 and 3') as a list; a drug in the
    engine's words ('Cocaine base' -> 'cocaine_base')."""
    if isinstance(value, str) and path.rsplit(".", 1)[-1] in LIST_FIELDS:
        return [v for v in re.split(r"\s*(?:,|;|\band\b|\by\b)\s*", value) if v]
    if isinstance(value, str) and path.endswith(".drug"):
        return "_".join(value.lower().split())
    return value


def answered(data: dict[str, Any], meta: dict[str, Any], path: str, value: Any, dont_know: bool
             ) -> dict[str, Any]:
    """The interview state after the person answered a question about a value read (or any question: only values
    read change state)."""
    read = _intake(meta)["fields"].get(path)
    if read is None:
        return meta
    read["state"] = UNKNOWN if dont_know else CONFIRMED if value == read["value"] else CORRECTED
    return _count_counts(data, meta)


def confirmed_rows(meta: dict[str, Any], data: dict[str, Any], shown_elsewhere: set[str]) -> list[dict[str, Any]]:
    """The values from the papers the person confirmed or corrected, for the review page (those it does not already
    list as answers)."""
    out = []
    intake = _intake(meta)
    for path in _in_order(intake):
        read = intake["fields"][path]
        if read["state"] in OPEN or path in shown_elsewhere:
            continue
        value = interview.get_path(data, path)
        out.append({"path": path, "label": label_in_context(meta, path),
                    "value": shown(path, value) if value is not None else _("I don't know")})
    return out


def label_in_context(meta: dict[str, Any], path: str) -> str:
    """A value's name with the part of the papers it belongs to, where several parts have one ('Count 2s: the
    statute of conviction')."""
    _order, key = _section_key(path)
    if not key.startswith(("count-", "judgment-")):
        return label(path)
    fields = _intake(meta)["fields"]
    several = _several(fields)
    if key.startswith("judgment-") and not several:
        return label(path)
    return f"{_title(key, fields, several)}: {field_words(path, _language())}"
