"""The engine's questions, in the shape the interview asks them. THE ONE MODULE TO SWITCH when the engine's question
registry lands (issue 12): `assess(...)` then carries a top-level `questions` list, in the order to ask, each
{field, question, answer_type, choices, where_to_find, would_change} in English and Spanish; `engine_questions`
already reads it when present (`_from_registry`). Until then the questions are derived from the findings' `missing`
items (field, question, would_change), with the answer type read from the case model.

Nothing else in the web app looks at findings' `missing` or at the registry.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pydantic import BaseModel

from reprieve.case.model import Case
from reprieve.case.types import Quantity
from reprieve.dates import PartialDate

AnswerType = Literal["text", "long_text", "number", "date", "yes_no", "choice", "quantity", "group"]


@dataclass(frozen=True)
class Question:
    field: str  # a case-field path: judgments[0].counts[1].months
    question: str
    answer_type: AnswerType = "text"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    where_to_find: str = ""
    would_change: str = ""


def engine_questions(assessment: Any) -> list[Question]:
    """The questions still worth asking, in the order to ask them, in the active language."""
    registry = getattr(assessment, "questions", None)
    if registry is not None:
        return [_from_registry(q) for q in registry]
    return _derived(assessment)


def _text(value: Any) -> str:
    """A registry text: a plain string, or {language: text}."""
    if isinstance(value, dict):
        lang = (get_language() or "en")[:2]
        return str(value.get(lang) or value.get("en") or "")
    return str(value or "")


def _get(q: Any, key: str) -> Any:
    return q.get(key) if isinstance(q, dict) else getattr(q, key, None)


def _from_registry(q: Any) -> Question:
    field = str(_get(q, "field"))
    declared = _get(q, "answer_type")
    answer_type = declared if declared in typing.get_args(AnswerType) else field_type(field)[0]
    choices = tuple((str(_get(c, "value") if not isinstance(c, str) else c),
                     _text(_get(c, "label")) if not isinstance(c, str) else c) for c in (_get(q, "choices") or ()))
    return Question(field=field, question=_text(_get(q, "question")), answer_type=answer_type,
                    choices=choices or field_type(field)[1], where_to_find=_text(_get(q, "where_to_find")),
                    would_change=_text(_get(q, "would_change")))


def _derived(assessment: Any) -> list[Question]:
    seen: set[str] = set()
    out: list[Question] = []
    for finding in assessment.findings:
        for missing in finding.missing:
            if missing.field in seen:
                continue
            seen.add(missing.field)
            answer_type, choices = field_type(missing.field)
            # the engine's English text goes through the web's translation catalogue until the registry has Spanish
            question = _(missing.question) if not missing.question.startswith("Please provide") else ""
            out.append(Question(field=missing.field, question=question or _label(missing.field),
                                answer_type=answer_type, choices=choices,
                                would_change=_(missing.would_change) if missing.would_change else ""))
    return out


def _label(field: str) -> str:
    leaf = re.sub(r"\[\d+\]", "", field).rsplit(".", 1)[-1]
    return _("What is this: %(name)s?") % {"name": leaf.replace("_", " ")}


# --- the answer type of a case-field path, read from the case model -------------------------------------------

_TOKEN = re.compile(r"([a-z_0-9]+)|\[(\d+)\]")


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X; Annotated[X, ...] -> X (the partial date and quantity types are kept whole)."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            base = get_args(annotation)[0]
            if base in (PartialDate, Quantity):
                return base
            annotation = base
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def field_type(path: str) -> tuple[AnswerType, tuple[tuple[str, str], ...]]:
    node: Any = Case
    for name, index in _TOKEN.findall(path):
        if index:
            if get_origin(node) is list:
                node = _unwrap(get_args(node)[0])
            continue
        if get_origin(node) is list:
            node = _unwrap(get_args(node)[0])
        if not (isinstance(node, type) and issubclass(node, BaseModel)) or name not in node.model_fields:
            return "text", ()
        node = _unwrap(node.model_fields[name].annotation)
    if node is bool:
        return "yes_no", ()
    if node is int:
        return "number", ()
    if node is PartialDate:
        return "date", ()
    if node is Quantity:
        return "quantity", ()
    if get_origin(node) is Literal:
        return "choice", tuple((str(v), str(v).replace("_", " ")) for v in get_args(node))
    if get_origin(node) is list or (isinstance(node, type) and issubclass(node, BaseModel)):
        return "group", ()
    return "text", ()
