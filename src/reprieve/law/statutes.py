"""Statute citations as written in judgments ("21 U.S.C. §§ 841(a)(1), 846") read into comparable parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TITLE = re.compile(r"(\d+)\s*U\.?\s*S\.?\s*C\.?\s*(?:A\.?)?\s*(?:§|Sec(?:tion)?s?\.?)*\s*", re.IGNORECASE)
_SECTION = re.compile(r"(\d+[a-z]?(?:-\d+)?)((?:\s*\([0-9A-Za-z]+\))*)")
_PAREN = re.compile(r"\(([0-9A-Za-z]+)\)")
_SUBSECTIONS = re.compile(r"((?:\s*\([0-9A-Za-z]+\))+)")
_SEPARATOR = re.compile(r"^\s*(?:,|and|&|;|§|or)+\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Statute:
    """`18 U.S.C. § 924(c)(1)(A)(ii)` is Statute("18", "924", ("c", "1", "A", "ii"))."""

    title: str
    section: str
    subsections: tuple[str, ...] = ()

    def within(self, other: Statute) -> bool:
        """True if this provision is `other` or one of its subdivisions."""
        return (self.title == other.title and self.section == other.section
                and self.subsections[: len(other.subsections)] == other.subsections)

    def __str__(self) -> str:
        return f"{self.title} U.S.C. § {self.section}" + "".join(f"({s})" for s in self.subsections)


@lru_cache(maxsize=4096)
def parse_statutes(text: str | None) -> tuple[Statute, ...]:
    """Every provision named in `text`; sections after the first share its title (`21 U.S.C. §§ 841, 846`)."""
    if not text:
        return ()
    found: list[Statute] = []
    for title_match in _TITLE.finditer(text):
        title = title_match.group(1)
        rest = text[title_match.end():]
        while True:
            section = _SECTION.match(rest)
            if not section:
                break
            subsections = tuple(_PAREN.findall(section.group(2)))
            found.append(Statute(title, section.group(1), subsections))
            rest = rest[section.end():]
            separator = _SEPARATOR.match(rest)
            if not separator or _TITLE.match(rest[separator.end():]):
                break
            rest = rest[separator.end():]
            # "2113(a) and (d)": more subsections of the same section
            while (more := _SUBSECTIONS.match(rest)) is not None:
                found.append(Statute(title, section.group(1), tuple(_PAREN.findall(more.group(1)))))
                rest = rest[more.end():]
                after = _SEPARATOR.match(rest)
                if not after:
                    return tuple(found)
                rest = rest[after.end():]
    return tuple(found)


def parse_statute(text: str) -> Statute:
    """Exactly one provision, for law data; raises ValueError otherwise."""
    found = parse_statutes(text)
    if len(found) != 1:
        raise ValueError(f"{text!r} is not one statute citation")
    return found[0]
