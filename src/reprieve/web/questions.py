"""The engine's question registry (reprieve.assess.questions), in the shape the interview asks it.

The registry words every fact once (English and Spanish), says where to find it and what it changes, and types the
answer from the case file's JSON Schema; `Assessment.questions` lists the facts still worth asking, deduplicated,
most decisive first. This module turns those into the web's screens (`Question`) in the active language, and types
any case-field path for the screens about values read from the papers. Nothing else in the web app reads the
registry or the findings' `missing` items.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from reprieve.assess import questions as registry

AnswerType = Literal["text", "long_text", "number", "months_or_life", "date", "yes_no", "choice", "quantity",
                     "group"]

# the registry's kinds of answer -> the web's screens; a list or a group of fields is "group" (the interview asks a
# known list as a yes/no screen and its items one field at a time, and leaves the others to a lawyer); several
# choices at once ("choices": the grounds a request raised) have no screen yet and are left to a lawyer too
_SCREENS: dict[str, AnswerType] = {
    "text": "text", "number": "number", "months": "number", "months_or_life": "months_or_life",
    "date": "date", "partial_date": "date", "yes_no": "yes_no", "choice": "choice", "quantity": "quantity",
    "group": "group", "list": "group", "choices": "group",
}


@dataclass(frozen=True)
class Question:
    field: str  # a case-field path: judgments[0].counts[1].months
    question: str
    answer_type: AnswerType = "text"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    where_to_find: str = ""
    would_change: str = ""


def language() -> str:
    """The registry's language for the page's: Spanish or English."""
    lang = (get_language() or "en")[:2]
    return lang if lang in registry.LANGUAGES else registry.DEFAULT_LANGUAGE


def engine_questions(assessment: Any) -> list[Question]:
    """The questions still worth asking, in the registry's order (most decisive first), in the active language."""
    return [_screen(a.field, a.question, a.answer_type, a.where_to_find, a.would_change)
            for a in registry.questions_for(assessment, language())]


def registry_keys() -> list[str]:
    """Every field the registry words, generic (`judgments[].counts[].months`), in the registry's order."""
    return list(registry.registry())


def registry_question(field: str, case: Any = None) -> Question | None:
    """The registry's question for a field the engine no longer asks (a presumption to correct, an earlier answer
    to change), worded for the case; None when the registry has none."""
    if not registry.known(field):
        return None
    lang = language()
    return _screen(field, registry.text(field, lang, case), registry.answer_type(field),
                   registry.text(field, lang, case, "where_to_find"), registry.text(field, lang, case, "would_change"))


def _screen(field: str, question: str, kind: registry.AnswerType, where: str, would: str) -> Question:
    screen = _SCREENS.get(kind.kind, "text")
    choices = tuple((value, choice_label(field, value)) for value in kind.choices or ()) if screen == "choice" else ()
    return Question(field, question, screen, choices, where, would)


def field_type(path: str) -> tuple[AnswerType, tuple[tuple[str, str], ...]]:
    """The screen for any case-field path (from the case file's JSON Schema, through the registry)."""
    try:
        kind = registry.answer_type(path)
    except registry.UnknownQuestion:
        return "text", ()
    screen = _SCREENS.get(kind.kind, "text")
    choices = tuple((v, choice_label(path, v)) for v in kind.choices or ()) if screen == "choice" else ()
    return screen, choices


def choice_label(field: str, value: str) -> str:
    """A choice as a person reads it, in the active language (the case file's value when the web has no words)."""
    leaf = registry.generic(field).rsplit(".", 1)[-1]
    if leaf == "gct_rate":  # the rate is the case format's own value (18 U.S.C. 3624(b)): said, not repeated here
        return _("%(days)s days a year") % {"days": value}
    labels = _labels(language()).get(leaf, {})
    return labels.get(value) or value.replace("_", " ")


@lru_cache(maxsize=4)
def _labels(language: str) -> dict[str, dict[str, str]]:  # `language`: the cache key (the words are gettext's)
    return {
        "relation": {
            "minor_child": _("A child under 18"),
            "adult_child_incapacitated": _("An adult child who cannot care for himself or herself"),
            "child": _("A child"), "spouse": _("Husband or wife"), "partner": _("Partner"),
            "parent": _("Mother or father"), "sibling": _("Brother or sister"), "grandchild": _("Grandchild"),
            "grandparent": _("Grandparent"), "other": _("Someone else"),
            "concurrent": _("At the same time as the other sentence (concurrent)"),
            "consecutive": _("After the other sentence (consecutive)"),
        },
        "situation": {
            "incapacitated": _("The family member cannot care for himself or herself"),
            "caregiver_died": _("The person who cared for them died"),
            "caregiver_incapacitated": _("The person who cared for them can no longer do it"),
        },
        "kind": {"sexual": _("Sexual"), "physical": _("Physical, with serious injury"),
                 "drug_felony": _("A drug felony"), "violent_felony": _("A violent felony"),
                 "924c": _("A gun charge under 18 U.S.C. § 924(c)"), "other_felony": _("Another felony"),
                 "misdemeanor": _("A misdemeanor")},
        "established_by": {"conviction": _("The staff member was convicted"),
                           "finding": _("An official finding says it happened"),
                           "pending": _("Not yet: a case or complaint is open")},
        "fsa404_motion": {"none": _("No motion was filed"), "granted": _("Filed and granted"),
                          "denied_on_merits": _("Filed and denied after the judge weighed it"),
                          "denied_not_on_merits": _("Filed and denied for another reason")},
        "firearm_conduct": {"possess": _("Had or carried it"), "brandish": _("Showed it (brandished)"),
                            "discharge": _("Fired it (discharged)")},
        "primary_jurisdiction": {"federal": _("Federal"), "state": _("A state")},
        "mitigating_role_levels": {"0": _("No reduction"), "2": _("2 levels (minor role)"),
                                   "3": _("3 levels"), "4": _("4 levels (minimal role)")},
    }
