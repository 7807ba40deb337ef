"""The question registry: every fact reprieve may ask for, keyed by the case-file field that holds the answer.

One registry, one wording: a fact asked by several findings is asked once, in plain language (grade 8 or lower), in
English or Spanish, with where to find the answer and what it changes. The texts are data (`questions.yaml`,
beside this module); the type of answer comes from the case file's JSON Schema (`reprieve schema`).

The public interface, used by `reprieve assess` / `reprieve questions` and by the web app's guided interview:

- `Assessment.questions` (reprieve.assess.report): the questions still worth asking, most decisive first - a list
  of `Asked` (field, question, answer_type, choices, parts, where_to_find, would_change, affects, impact).
- `questions_for(assessment, language)`: the same list in another language ("en" or "es").
- `set_answer(case_data, field, value)`: a copy of a case-file mapping with the answer stored at `field`
  (converted by the answer type; `AnswerError` names the field when the answer does not fit). Re-assess the
  result (`reprieve.intake.parse_case` then `reprieve.assess.report.assess`) to get the next question.
- `entry(field)`, `answer_type(field)`, `text(field, language, case)`: one question's registry entry, answer type
  and wording.
- `ask(field, would_change)`: a `Question` for a finding's `missing` list (the rules use it; never free text).
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass
from dataclasses import field as default
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from reprieve.assess.findings import Question
from reprieve.case.model import Case, case_json_schema
from reprieve.dates import PartialDate
from reprieve.results import Text, text_of

if TYPE_CHECKING:
    from reprieve.assess.report import Assessment

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
_POSITION = re.compile(r"\[(\d+)\]")
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


class UnknownQuestion(KeyError):
    """A field with no question in the registry: a defect in the rules (every missing fact must be askable)."""


class AnswerError(ValueError):
    """An answer that does not fit the field's type; the message names the field."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}")
        self.field = field_path
        self.message = message


# --- the registry ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One question: its generic field path (`[]` for any list position) and its texts by language."""

    key: str
    question: dict[str, str]
    where_to_find: dict[str, str]
    would_change: dict[str, str]

    def words(self, part: str, language: str) -> str:
        texts: dict[str, str] = getattr(self, part)
        return texts.get(language) or texts[DEFAULT_LANGUAGE]


@cache
def registry() -> dict[str, Entry]:
    text = resources.files("reprieve.assess").joinpath("questions.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C loader when built with it
    out: dict[str, Entry] = {}
    for key, item in raw["questions"].items():
        out[key] = Entry(key, dict(item["question"]), dict(item["where_to_find"]), dict(item["would_change"]))
    return out


@lru_cache(maxsize=8192)  # the same few hundred paths for every person of a population
def generic(field_path: str) -> str:
    """`judgments[0].counts[1].months` -> `judgments[].counts[].months`."""
    return _POSITION.sub("[]", field_path)


def entry(field_path: str) -> Entry:
    try:
        return registry()[generic(field_path)]
    except KeyError:
        raise UnknownQuestion(f"no question in the registry for {field_path!r}") from None


def known(field_path: str) -> bool:
    return generic(field_path) in registry()


def language_of(case: Case | None, requested: str | None = None) -> str:
    """The language to ask in: the one requested, else the person's (when reprieve has it), else English."""
    for candidate in (requested, case.person.language if case is not None else None):
        if candidate:
            base = candidate.split("-")[0].lower()
            if base in LANGUAGES:
                return base
    return DEFAULT_LANGUAGE


# --- wording -----------------------------------------------------------------------------------------------------

_PARAMS: dict[str, dict[str, str]] = {
    "prior_one": {"en": "your earlier conviction", "es": "su condena anterior"},
    "prior_n": {"en": "earlier conviction {n}", "es": "la condena anterior número {n}"},
    "count": {"en": "count {label}", "es": "el cargo {label}"},
    "request_one": {"en": "your request", "es": "su solicitud"},
    "request_n": {"en": "request {n}", "es": "la solicitud número {n}"},
    "condition": {"en": "this health problem", "es": "este problema de salud"},
    "relative": {"en": "this family member", "es": "este familiar"},
    "judgment_one": {"en": "your judgment", "es": "su sentencia"},
    "judgment_n": {"en": "judgment {n}", "es": "la sentencia número {n}"},
}
_RELATIVES: dict[str, dict[str, str]] = {
    "minor_child": {"en": "your child", "es": "su hijo o hija"},
    "adult_child_incapacitated": {"en": "your adult child", "es": "su hijo o hija adulto"},
    "child": {"en": "your child", "es": "su hijo o hija"},
    "spouse": {"en": "your spouse", "es": "su cónyuge"},
    "partner": {"en": "your partner", "es": "su pareja"},
    "parent": {"en": "your parent", "es": "su padre o madre"},
    "sibling": {"en": "your brother or sister", "es": "su hermano o hermana"},
    "grandchild": {"en": "your grandchild", "es": "su nieto o nieta"},
    "grandparent": {"en": "your grandparent", "es": "su abuelo o abuela"},
}


def _positions(field_path: str) -> dict[str, int]:
    """The list positions a concrete path names: {"judgments": 0, "counts": 1, ...}."""
    out: dict[str, int] = {}
    for segment in field_path.split("."):
        match = _STEP.fullmatch(segment)
        if match and match.group(2):
            out[match.group(1)] = int(_POSITION.findall(match.group(2))[-1])
    return out


def _params(field_path: str, language: str, case: Case | None) -> dict[str, str]:
    where = _positions(field_path)

    def say(key: str, **values: Any) -> str:
        return _PARAMS[key][language].format(**values)

    j, c = where.get("judgments", 0), where.get("counts", 0)
    label = str(c + 1)
    if case is not None and j < len(case.judgments) and c < len(case.judgments[j].counts):
        label = case.judgments[j].counts[c].count or label
    several_judgments = case is not None and len(case.judgments) > 1
    prior = where.get("priors", 0)
    several_priors = case is None or len(case.priors) != 1
    request = where.get("requests", 0)
    several_requests = case is None or len(case.requests) != 1
    condition = say("condition")
    medical = case.circumstances.medical if case is not None else None
    if medical and where.get("medical", 0) < len(medical):
        fact = medical[where.get("medical", 0)]
        condition = fact.condition or fact.description or condition
    relative = say("relative")
    family = case.circumstances.family if case is not None else None
    if family and where.get("family", 0) < len(family):
        relation = family[where.get("family", 0)].relation
        relative = _RELATIVES.get(relation or "", {}).get(language, relative)
    return {
        "count": say("count", label=label),
        "judgment": say("judgment_n", n=j + 1) if several_judgments else say("judgment_one"),
        "prior": say("prior_n", n=prior + 1) if several_priors else say("prior_one"),
        "request": say("request_n", n=request + 1) if several_requests else say("request_one"),
        "condition": condition,
        "relative": relative,
    }


def text(field_path: str, language: str = DEFAULT_LANGUAGE, case: Case | None = None, part: str = "question") -> str:
    """One text of the field's question (`question`, `where_to_find` or `would_change`), in `language`."""
    if case is None:
        return _text_of_any_case(field_path, language, part)
    words = entry(field_path).words(part, language)
    return words.format(**_params(field_path, language, case)) if "{" in words else words


@lru_cache(maxsize=4096)
def _text_of_any_case(field_path: str, language: str, part: str) -> str:
    words = entry(field_path).words(part, language)
    return words.format(**_params(field_path, language, None)) if "{" in words else words


def ask(field_path: str, would_change: Text = "") -> Question:
    """The question a finding asks when `field_path` is not stated (worded by the registry, in English; the
    assessment words it again for the case and its language)."""
    question, where_to_find = _generic_words(field_path)
    # `Question(field_path, question, would_change, where_to_find)` without the frozen dataclass's __init__, which
    # sets each field through object.__setattr__: a person's findings ask a dozen questions
    asked = _new(Question)
    asked.__dict__.update(field=field_path, question=question, would_change=would_change, where_to_find=where_to_find)
    return asked


_new = object.__new__


@lru_cache(maxsize=4096)  # a dozen questions a person, of a few hundred fields
def _generic_words(field_path: str) -> tuple[str, str]:
    """The English question and where to find the answer, for any case (`ask`)."""
    return text(field_path), text(field_path, part="where_to_find")


def localize(question: Question, case: Case | None, language: str = DEFAULT_LANGUAGE) -> Question:
    """The question worded for this case in `language`; what it changes stays a message in English (worded when
    rendered: a screen never renders it)."""
    would_change = question.would_change if language == DEFAULT_LANGUAGE else text_of(question.would_change,
                                                                                        language)
    return Question(question.field, text(question.field, language, case), would_change,
                    text(question.field, language, case, "where_to_find"))


# --- answer types, from the JSON Schema ----------------------------------------------------------------------------

@dataclass(frozen=True)
class AnswerType:
    """How a field is answered: `kind` is one of choice, choices (several), yes_no, date, partial_date, months,
    months_or_life, number, quantity, text, group (`parts` name its fields), list (items with `parts`)."""

    kind: str
    choices: tuple[str, ...] | None = None
    parts: tuple[tuple[str, str], ...] = ()  # (field name, kind) of a group or of each item of a list

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"answer_type": self.kind, "choices": list(self.choices) if self.choices else None}
        if self.parts:
            out["parts"] = [{"field": name, "answer_type": kind} for name, kind in self.parts]
        return out


@cache
def _schema() -> dict[str, Any]:
    return case_json_schema()


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref` and drop the `null` member of an optional field's `anyOf`."""
    defs = _schema()["$defs"]
    while True:
        if "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
            continue
        options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
        if len(options) == 1:
            # the field's description wins, but the value type's own ("amount with unit") is kept for _kind
            node = {**options[0], **{k: v for k, v in node.items() if k not in ("anyOf", "default")},
                    "value_description": options[0].get("description", "")}
            continue
        return node


def _node(field_path: str) -> dict[str, Any]:
    node = _resolve(_schema())
    for segment in generic(field_path).split("."):
        name, brackets = segment.removesuffix("[]" * segment.count("[]")), segment.count("[]")
        properties = node.get("properties", {})
        if name not in properties:
            raise UnknownQuestion(f"{field_path!r} is not a case-file field")
        node = _resolve(properties[name])
        for _ in range(brackets):
            node = _resolve(node.get("items", {}))
    return node


def _kind(name: str, node: dict[str, Any]) -> tuple[str, tuple[str, ...] | None]:
    options = node.get("anyOf")
    if options:
        kinds = {o.get("type") for o in options}
        consts = {o.get("const") for o in options}
        if "integer" in kinds and "life" in consts:
            return "months_or_life", None
        return "text", None
    if "enum" in node:
        return "choice", tuple(str(v) for v in node["enum"])
    kind = node.get("type")
    if kind == "boolean":
        return "yes_no", None
    if kind == "integer":
        return ("months", None) if name.endswith("months") else ("number", None)
    if kind == "number":
        return "number", None
    if kind == "string":
        if "pattern" in node and node["pattern"].startswith("^\\d{4}"):
            return ("date", None) if name == "as_of" else ("partial_date", None)
        if "amount with unit" in f"{node.get('value_description', '')} {node.get('description', '')}":
            return "quantity", None
        return "text", None
    if kind == "object":
        return "group", None
    if kind == "array":
        items = _resolve(node.get("items", {}))
        if "enum" in items:
            return "choices", tuple(str(v) for v in items["enum"])
        return "list", None
    return "text", None


@cache
def answer_type(field_path: str) -> AnswerType:
    key = generic(field_path)
    node = _node(key)
    name = key.rsplit(".", 1)[-1].removesuffix("[]")
    kind, choices = _kind(name, node)
    parts: tuple[tuple[str, str], ...] = ()
    target = _resolve(node.get("items", {})) if kind == "list" else node
    if kind in ("group", "list") and "properties" in target:
        parts = tuple((part, _kind(part, _resolve(sub))[0]) for part, sub in target["properties"].items())
    return AnswerType(kind, choices, parts)


# --- setting an answer -----------------------------------------------------------------------------------------------

_YES = {"yes", "y", "true", "sí", "si", "1"}
_NO = {"no", "n", "false", "0"}


def _convert(field_path: str, kind: AnswerType, value: Any) -> Any:
    if value is None:
        return None
    if kind.kind == "yes_no":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _YES or word in _NO:
            return word in _YES
        raise AnswerError(field_path, "must be yes or no")
    if kind.kind in ("months", "number"):
        try:
            number = float(value) if kind.kind == "number" and "." in str(value) else int(str(value).strip())
        except ValueError:
            raise AnswerError(field_path, "must be a number") from None
        if number < 0:
            raise AnswerError(field_path, "must be 0 or more")
        return number
    if kind.kind == "months_or_life":
        if str(value).strip().lower() == "life":
            return "life"
        return _convert(field_path, AnswerType("months"), value)
    if kind.kind in ("date", "partial_date"):
        try:
            parsed = PartialDate.parse(str(value).strip())
        except ValueError as exc:
            raise AnswerError(field_path, str(exc)) from None
        if kind.kind == "date" and not parsed.is_exact:
            raise AnswerError(field_path, "must be a full date (YYYY-MM-DD)")
        return str(parsed)
    if kind.kind == "choice":
        if kind.choices and str(value) not in kind.choices:
            raise AnswerError(field_path, f"must be one of: {', '.join(kind.choices)}")
        return str(value)
    if kind.kind == "choices":
        values = [value] if isinstance(value, str) else list(value)
        bad = [v for v in values if kind.choices and str(v) not in kind.choices]
        if bad:
            raise AnswerError(field_path, f"must be among: {', '.join(kind.choices or ())}")
        return [str(v) for v in values]
    if kind.kind == "list":
        if value is False or (isinstance(value, str) and value.strip().lower() in _NO | {"none", "ninguno"}):
            return []  # "no" to a list question: none, which is a fact (unlike unknown)
        if not isinstance(value, list):
            raise AnswerError(field_path, "must be a list (or 'none')")
        return copy.deepcopy(value)
    if kind.kind == "group":
        if not isinstance(value, dict):
            raise AnswerError(field_path, "must be a set of fields")
        return copy.deepcopy(value)
    return str(value)


def set_answer(case_data: dict[str, Any], field_path: str, value: Any) -> dict[str, Any]:
    """A copy of `case_data` (a case-file mapping) with `value` stored at `field_path`, converted by the field's
    answer type; list positions past the end are added. Validate the result with `reprieve.intake.parse_case`."""
    kind = answer_type(field_path)
    converted = _convert(field_path, kind, value)
    out = copy.deepcopy(case_data)
    steps: list[str | int] = []
    for segment in field_path.split("."):
        match = _STEP.fullmatch(segment)
        if not match:
            raise AnswerError(field_path, "is not a case-file field path")
        steps.append(match.group(1))
        steps.extend(int(i) for i in _POSITION.findall(match.group(2)))
    node: Any = out
    for here, following in itertools.pairwise(steps):
        container: Any = [] if isinstance(following, int) else {}
        if isinstance(here, int):
            while len(node) <= here:
                node.append({} if not isinstance(following, int) else [])
            if node[here] is None:
                node[here] = container
            node = node[here]
        else:
            if not isinstance(node, dict):
                raise AnswerError(field_path, f"'{here}' is not a set of fields in this case file")
            if node.get(here) is None:
                node[here] = container
            node = node[here]
    last = steps[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = converted
    return out


# --- the questions of an assessment --------------------------------------------------------------------------------

@dataclass
class Asked:
    """A question worth asking, with everything a person (or an interview) needs to answer it."""

    field: str
    question: str
    answer_type: AnswerType
    where_to_find: str
    would_change: str
    affects: list[dict[str, Any]] = default(default_factory=list)
    rank: int = 9
    magnitude: int = 0

    @property
    def impact(self) -> str:
        """What answering it can do, most first: essential, decides a verdict, decides a finding, moves a minimum,
        moves a guideline range, moves a date."""
        return {0: "essential", 1: "decides a verdict", 2: "decides a finding", 3: "moves a minimum",
                4: "moves a guideline range", 5: "moves a date"}.get(self.rank, "other")

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "question": self.question, **self.answer_type.as_json(),
                "where_to_find": self.where_to_find, "would_change": self.would_change, "impact": self.impact,
                "affects": self.affects}


def _asked(key: str, language: str, case: Case | None, occurrence: Any) -> Asked:
    try:
        return Asked(key, text(key, language, case), answer_type(key), text(key, language, case, "where_to_find"),
                     text(key, language, case, "would_change"), rank=occurrence.rank, magnitude=occurrence.magnitude)
    except UnknownQuestion:  # a defect the registry tests catch; a person still gets a question, never a crash
        return Asked(key, f"{UNREGISTERED} {key}", AnswerType("text"), "", "", rank=occurrence.rank,
                     magnitude=occurrence.magnitude)


UNREGISTERED = "Please give:"


# How much an answer can move: the rank of each kind of effect (lower asks first).
ESSENTIAL, VERDICT, FINDING, MINIMUM, GUIDELINES, DATE = range(6)


def questions_for(assessment: Assessment, language: str | None = None) -> list[Asked]:
    """The questions still worth asking, deduplicated by field, most decisive first: a fact that decides an
    avenue's verdict, then one that decides a finding, then one that moves a statutory minimum (by the most
    months first), a guideline range, and last a date (by the most days)."""
    from reprieve.assess.question_impact import occurrences

    chosen = language_of(assessment.case, language or assessment.language)
    found: dict[str, Asked] = {}
    order: list[str] = []
    for occurrence in occurrences(assessment):
        key = occurrence.field
        if key not in found:
            found[key] = _asked(key, chosen, assessment.case, occurrence)
            order.append(key)
        asked = found[key]
        if (occurrence.rank, -occurrence.magnitude) < (asked.rank, -asked.magnitude):
            asked.rank, asked.magnitude = occurrence.rank, occurrence.magnitude
        if occurrence.affects not in asked.affects:
            asked.affects.append(occurrence.affects)
    position = {key: i for i, key in enumerate(order)}
    return sorted(found.values(), key=lambda a: (a.rank, -a.magnitude, position[a.field]))
