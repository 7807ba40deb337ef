"""The one translation layer for text a person reads: every message is a key in a catalog (`en.yaml`), filled
with `str.format` values. A Spanish reader gets `es.yaml` (the same keys, the same placeholders: a test checks),
key by key, falling back to English for a key not yet translated.

Language-dependent pieces that are not whole sentences (a date, a range, a list joined with "or", "N years ago")
are functions here too, so that a builder never assembles them by hand.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

DEFAULT = "en"


@cache
def catalog(language: str) -> dict[str, str]:
    """The messages of one language (empty when there is no catalog for it)."""
    folder = resources.files("reprieve.words")
    path = folder / f"{language}.yaml"
    if not path.is_file():
        return {}
    # libyaml's loader where it is built in: the catalogs are read at the first message, and the pure-Python loader
    # takes most of a second for them on a busy machine
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {str(k): str(v) for k, v in data.items()}


class Words:
    """The messages of one language: `words("key", name=...)`; a key missing in the language falls back to English,
    and a key missing in English is a programming error (KeyError)."""

    def __init__(self, language: str | None = None) -> None:
        self.language = (language or DEFAULT).lower().split("-")[0]

    @property
    def written_in(self) -> str:
        """The language its texts come out in: its own when there is a catalog for it, else English."""
        return self.language if catalog(self.language) else DEFAULT

    def __call__(self, key: str, **values: Any) -> str:
        return self._template(key).format(**values)

    def _template(self, key: str) -> str:
        found = catalog(self.language).get(key)
        return catalog(DEFAULT)[key] if found is None else found

    # --- pieces ------------------------------------------------------------------------------------------------
    def month_name(self, month: int) -> str:
        return self(f"month.{month}")

    def long_date(self, day: date) -> str:
        """'May 28, 2026' (the way courts write dates)."""
        return self("date.long", month=self.month_name(day.month), day=day.day, year=day.year)

    def short_date(self, day: date) -> str:
        """'Sept. 30, 2023' (months abbreviated as in running prose)."""
        return self("date.long", month=self(f"month.short.{day.month}"), day=day.day, year=day.year)

    def month_year(self, day: date) -> str:
        return self("date.month_year", month=self.month_name(day.month), year=day.year)

    def one_or_between(self, low: str, high: str) -> str:
        """A range (of dates, in a language other than English) as words: one value when its ends are equal, else
        'between LOW and HIGH' (Spanish puts the article in: 'el 8 de abril', 'entre el 1 y el 8 de abril')."""
        return self("range.one", value=low) if low == high else self("range.between", low=low, high=high)

    def on_or_between(self, low: str, high: str) -> str:
        """A date range after a verb: 'on X', or 'between X and Y' (never 'on between')."""
        return self("range.on", value=low) if low == high else self("range.between", low=low, high=high)

    def join_or(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return self("list.or", head=", ".join(items[:-1]), last=items[-1])

    def join_and(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return self("list.and", head=", ".join(items[:-1]), last=items[-1])

    def years(self, months: int) -> str:
        """240 -> '20 years'; 150 -> '150 months' (whole years read as years, the rest as months)."""
        if months % 12 == 0:
            n = months // 12
            return self("unit.year" if n == 1 else "unit.years", n=n)
        return self("unit.month" if months == 1 else "unit.months", n=months)

    def years_and_months(self, days: int) -> str:
        """A length of time given in days, in years and months rounded to the month: '16 years and 2 months'."""
        years, rest = divmod(days, 365)
        months = round(rest / 30.44)
        if months == 12:
            years, months = years + 1, 0
        parts = []
        if years:
            parts.append(self("unit.year" if years == 1 else "unit.years", n=years))
        if months or not parts:
            parts.append(self("unit.month" if months == 1 else "unit.months", n=months))
        return self.join_and(parts)

    def number(self, n: int) -> str:
        """Numbers one to ten in words, as prose writes them; larger ones in figures."""
        return self(f"number.{n}") if 1 <= n <= 10 else str(n)

    def time_ago(self, then: date, now: date) -> str:
        """How long ago `then` was, rounded down so that it never overstates: 'more than 2 years ago',
        'nearly 3 years ago', '5 months ago'."""
        days = (now - then).days
        if days < 0:
            return ""
        months = days * 12 // 365
        if months < 12:
            return self("ago.months", n=self.number(max(months, 1))) if months > 1 else self("ago.month")
        years, rest = divmod(months, 12)
        if rest >= 9:
            return self("ago.nearly_years", n=self.number(years + 1))
        if rest >= 1:
            return self("ago.more_than_years", n=self.number(years)) if years != 1 else self("ago.more_than_year")
        return self("ago.years", n=self.number(years)) if years != 1 else self("ago.year")


def words(language: str | None = None) -> Words:
    return Words(language)


@cache
def template(key: str, language: str | None = None) -> str:
    """The catalog's template for `key` in `language` (English where it has none): what `Words` fills, looked up
    once per key and language (an engine formatting thousands of explanations asks for the same few)."""
    return Words(language)._template(key)


@cache
def constant(key: str, language: str | None = None) -> str:
    """A message without values, as it reads in `language` (worded once: the same few are said thousands of times)."""
    return template(key, language).format()


def in_text(day: Any, language: str | None = None) -> str:
    """A date (or a partly known one) inside an engine sentence, as the language writes it (the catalog's
    `date.in_text`): 'iso' as the JSON outputs have always had it (2023-03-01, 2023-03), or 'long' (1 de marzo de
    2023, marzo de 2023); a year alone as it is."""
    month = getattr(day, "month", None)
    if month is None or template("date.in_text", language) == "iso":
        return str(day)
    known_day = getattr(day, "day", None)
    if known_day is None:
        return template("date.month_year", language).format(month=template(f"month.{month}", language), year=day.year)
    return template("date.long", language).format(month=template(f"month.{month}", language), day=known_day,
                                                  year=day.year)


def join_citations(citations: list[str] | tuple[str, ...]) -> str:
    """Citations joined with '; ', each once: an item that itself holds several ('A; B') is split first, so that a
    citation is never printed twice in a row."""
    seen: dict[str, None] = {}
    for item in citations:
        for part in str(item or "").split("; "):
            part = " ".join(part.split())
            if part:
                seen.setdefault(part, None)
    return "; ".join(seen)


_SINGULAR = {"judgments": "judgment", "counts": "count", "priors": "prior", "requests": "request",
             "enhancements": "enhancement", "risk_levels": "risk level", "family": "family member",
             "medical": "medical fact", "infractions": "infraction", "drug_quantities": "drug quantity",
             "conduct": "conduct entry", "age_related": "age-related fact", "abuse": "abuse fact",
             "other": "other fact", "drugs": "drug"}
_PATH = re.compile(r"\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*")


def readable_path(path: str) -> str:
    """A case-file field path as a person reads it: 'judgments[0].counts[1].months' -> 'judgment 1, count 2,
    months' (the paths themselves stay in --json)."""
    parts = []
    for part in path.split("."):
        match = re.fullmatch(r"([a-z_]+)\[(\d+)\]", part)
        parts.append(f"{_SINGULAR.get(match.group(1), match.group(1))} {int(match.group(2)) + 1}" if match else part)
    return ", ".join(parts)


def readable_paths(text: str) -> str:
    """Every field path with a list index in a text, made readable (see readable_path)."""
    return _PATH.sub(lambda m: readable_path(m.group(0)) if "[" in m.group(0) else m.group(0), text)
