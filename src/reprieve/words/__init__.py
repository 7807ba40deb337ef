"""The one translation layer for text a person reads: every message is a key in a catalog (`en.yaml`), filled
with `str.format` values. A Spanish reader gets `es.yaml` when it exists, key by key, falling back to English.

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
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


class Words:
    """The messages of one language: `words("key", name=...)`; a key missing in the language falls back to English,
    and a key missing in English is a programming error (KeyError)."""

    def __init__(self, language: str | None = None) -> None:
        self.language = (language or DEFAULT).lower().split("-")[0]

    def __call__(self, key: str, **values: Any) -> str:
        template = catalog(self.language).get(key)
        if template is None:
            template = catalog(DEFAULT)[key]
        return template.format(**values)

    # --- pieces ------------------------------------------------------------------------------------------------
    def month_name(self, month: int) -> str:
        return self(f"month.{month}")

    def long_date(self, day: date) -> str:
        """'May 28, 2026' (the way courts write dates)."""
        return self("date.long", month=self.month_name(day.month), day=day.day, year=day.year)

    def month_year(self, day: date) -> str:
        return self("date.month_year", month=self.month_name(day.month), year=day.year)

    def one_or_between(self, low: str, high: str) -> str:
        """A range as words: one value when its ends are equal, else 'between LOW and HIGH'."""
        return low if low == high else self("range.between", low=low, high=high)

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
