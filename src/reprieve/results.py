"""The parts every result shares: the steps that show the arithmetic, what is uncertain, and refusals.

An explanation is data, not text: a `Said` is a message key of the words layer (reprieve/words/en.yaml, es.yaml) and
the values that fill it, formatted only when a reader asks for it (`render(language)`); a `Step` is a rule id, the key
of its authority in law/authorities.yaml, the pinpoint citation printed, and what it says. A screen that keeps a few
fields never pays for the prose; a Spanish reader gets the same explanation from the Spanish catalog.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from reprieve.dates import PartialDate
from reprieve.words import DEFAULT, catalog, constant, in_text, template

Bound = date | int | float | None

# Whether the rules running now explain their answers (the default) or only decide them: a screening row reads each
# finding's status, dates and the fields it asks for, never its reasons, summaries or worded questions, so a screen
# evaluates the same rules without building those (`explained(False)`, bound by `assess` from `Options.explain`).
_EXPLAIN: ContextVar[bool] = ContextVar("reprieve_explain", default=True)


def explaining() -> bool:
    """Are the answers worked out now to be explained (reasons, summaries, steps), or only decided?"""
    return _EXPLAIN.get()


class explained:
    """Explain (True) or only decide (False) the answers worked out inside the block, in this thread or task (a
    class, not a generator: entered once per assessment, it costs a third as much)."""

    __slots__ = ("_on", "_token")

    def __init__(self, on: bool) -> None:
        self._on = on

    def __enter__(self) -> None:
        self._token = _EXPLAIN.set(self._on)

    def __exit__(self, *exc: object) -> None:
        _EXPLAIN.reset(self._token)


@dataclass(eq=False, slots=True)  # not frozen: a frozen dataclass is slow to make, and the engine makes hundreds
class Said:
    """A message of the words layer and its values (a value may itself be a `Said`, rendered in the same language).
    Values are the numbers and dates themselves, from the case and the law data: the catalog says how they read."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        args = self.args
        if not args:  # a message without values reads the same every time: worded once per language
            return constant(self.key, language)
        for value in args.values():
            if isinstance(value, _WORDED):  # a message or a date inside: word it in the same language first
                args = {k: (v.render(language) if isinstance(v, _NESTED) else in_text(v, language))
                        if isinstance(v, _WORDED) else v for k, v in args.items()}
                break
        return template(self.key, language).format_map(args)

    def whole(self) -> bool:
        """Whether every word comes from the catalog (False: a part is text given verbatim, in English)."""
        return self.key != "verbatim" and all(v.whole() for v in self.args.values() if isinstance(v, Said | Joined))

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True, eq=False)
class Joined:
    """Several messages read one after the other, joined with `sep` (punctuation, the same in every language)."""

    items: tuple[Said, ...]
    sep: str = " "

    def render(self, language: str | None = None) -> str:
        return self.sep.join(item.render(language) for item in self.items)

    def whole(self) -> bool:
        return all(item.whole() for item in self.items)


_NESTED = (Said, Joined)
_WORDED = (Said, Joined, date, PartialDate)


Text = str | Said | Joined  # words: a text given as it is (a value the case or the law data states), or a message


def text_of(value: Text, language: str | None = None) -> str:
    return value if isinstance(value, str) else value.render(language)


def whole_text(value: Text) -> bool:
    """Whether a text reads in every language (False: English given as it is)."""
    return not isinstance(value, str) and value.whole()


_USC = re.compile(r"(\d+) U\.S\.C\. §+ ?(\w+)")


def statute_key(citation: str) -> str | None:
    """The registry key of the first U.S. Code section a printed citation names ('21 U.S.C. § 841(b)(1)(A)' ->
    'usc_21_841'), for a step whose citation comes from the law data."""
    found = _USC.search(citation)
    return f"usc_{found.group(1)}_{found.group(2).lower()}" if found else None


def said(key: str, **args: Any) -> Said:
    """`said("step.full_term", commenced=day, ...)`: the message, not yet formatted (one without values is made
    once and shared: a message is never changed once made)."""
    if not args:
        return _plain(key)
    # made without calling the dataclass's __init__ (`Said(key, args)`): the engine makes some 170 messages a
    # person, even for a screening row that never reads them (they carry what some rules compare: their keys and
    # values), and the call of __init__ is a fifth of the cost
    message = _new(Said)
    message.key = key
    message.args = args
    return message


_new = object.__new__


@cache
def _plain(key: str) -> Said:
    return Said(key, {})


def verbatim(text: str) -> Said:
    """A text that is already words (a value the case file or the law data states, such as a reason the law data
    gives): printed as it is in every language."""
    return Said("verbatim", {"text": text})


def quoted(prefix: str, text: str) -> Said:
    """Words the law data states (a clause's description, a factor), in the reader's language: the catalog's message
    under `prefix` whose English is the law data's own text, else the text as it is (a what-if's new words)."""
    key = _quoted_keys(prefix).get(text)
    return _plain(key) if key is not None else verbatim(text)


@cache
def _quoted_keys(prefix: str) -> dict[str, str]:
    return {text: key for key, text in catalog(DEFAULT).items() if key.startswith(prefix)}


def identity(value: Any) -> Any:
    """What a text says, comparable without wording it: a message's key and values (nested messages by theirs)."""
    if isinstance(value, Said):
        return value.key, tuple((k, identity(v)) for k, v in value.args.items())
    if isinstance(value, Joined):
        return value.sep, tuple(identity(item) for item in value.items)
    return value


# Not frozen (like `Said`): a frozen dataclass sets each field through object.__setattr__, several times slower to
# make, and the engine makes dozens of steps a person. Never changed once made: `dataclasses.replace` makes another.
@dataclass(eq=False)
class Step:
    """One line of the arithmetic, as a person would check it against the BOP's computation sheet: the rule id, the
    authority (a key of law/authorities.yaml; None only for a step that applies no law), the pinpoint citation
    printed, and what it says (formatted when rendered)."""

    rule: str
    authority: str | None
    citation: str
    said: Said | Joined
    noted: Said | Joined | None = None

    @property
    def detail(self) -> str:
        return self.said.render()

    @property
    def note(self) -> str | None:
        return self.noted.render() if self.noted is not None else None

    def render(self, language: str | None = None) -> dict[str, Any]:
        out = {"rule": self.rule, "citation": self.citation, "detail": self.said.render(language)}
        if self.noted is not None:
            out["note"] = self.noted.render(language)
        return out

    def as_json(self) -> dict[str, Any]:
        return self.render()


@dataclass(frozen=True)
class Uncertainty:
    """A fact that is unknown or approximate, and what it could change (words formatted when rendered)."""

    field: str
    why: Text

    def why_text(self, language: str | None = None) -> str:
        return text_of(self.why, language)

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "why": text_of(self.why)}


@dataclass(frozen=True)
class Refusal:
    """Something the engine does not compute, with a stable code instead of a guessed answer (the message formatted
    when rendered)."""

    code: str
    message: Text
    citation: str

    def message_text(self, language: str | None = None) -> str:
        return text_of(self.message, language)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": text_of(self.message), "citation": self.citation}


@dataclass(frozen=True)
class Span:
    """Where a value lies on the facts stated: the earliest and latest of a date, or the least and most of an
    amount (`dates` says which); None at an end the facts leave unbounded."""

    low: Bound
    high: Bound
    dates: bool = True

    def as_json(self) -> dict[str, Any]:
        if self.dates:
            return {"earliest": _iso(self.low), "latest": _iso(self.high)}
        return {"least": self.low, "most": self.high}

    def ends_json(self) -> list[Any]:
        """[low, high] as JSON (ISO dates)."""
        return [_iso(self.low), _iso(self.high)]


def _iso(value: Bound) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True, eq=False)
class Conditions(Joined):
    """The facts an outcome assumes, as words: "if A and B or C" - each way it can arise (its facts joined by "and"),
    the ways joined by "or" - or, when there are too many ways to list, "depending on" the fields that decide it.
    A fact or a way is said once in the words of the language (the same fact reached from two counts is one). A
    `Joined` of its own kind, so that a message may hold it."""

    items: tuple[Said, ...] = ()
    ways: tuple[tuple[Said, ...], ...] = ()
    depending: tuple[str, ...] | None = None

    def render(self, language: str | None = None) -> str:
        if not self.ways:
            return ""
        if self.depending is not None:
            return template("cond.depending", language).format(fields=", ".join(self.depending))
        both, either = template("cond.and", language), template("cond.or", language)
        text = either.join(dict.fromkeys(both.join(dict.fromkeys(fact.render(language) for fact in way))
                                         for way in self.ways))
        return template("cond.if", language).format(text=text)

    def whole(self) -> bool:
        return all(fact.whole() for way in self.ways for fact in way)

    def __bool__(self) -> bool:
        return bool(self.ways)

    def __str__(self) -> str:
        return self.render()
