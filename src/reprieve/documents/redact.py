"""Fed. R. Crim. P. 49.1(a) redaction: what a court filing may show of personal identifiers.

- a Social Security or taxpayer-identification number: the last four digits only;
- a date of birth: the year only;
- a minor's name: the initials only;
- a financial-account number: the last four digits only;
- a home address: the city and state only.

Redaction is on by default. `--no-redact` turns it off for a lawyer filing under seal (Rule 49.1(d)).
Free text is scanned for number patterns; names of minors are taken from the case file (a family fact with
relation `minor_child` and a `name`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reprieve.case.model import Case

_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-(\d{4})(?![\w-])")
_SSN_PLAIN = re.compile(r"(?i)(?<=SSN )(\d{5})(\d{4})\b")
_EIN = re.compile(r"(?<![\w-])\d{2}-\d{3}(\d{4})(?![\w-])")
_ACCOUNT = re.compile(r"(?<![\w-])\d{4,}[ -]?\d*(\d{4})(?![\w-])")
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
_YEARS = re.compile(r"(?:19|20)\d\d[ -](?:19|20)\d\d")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def initials(name: str) -> str:
    return "".join(f"{part[0].upper()}." for part in name.split() if part and part[0].isalpha())


def city_and_state(address: str) -> str | None:
    """'45 Oak Avenue, Apt 3, Yonkers, NY 10701' -> 'Yonkers, NY'; None when no city and state can be read."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1].split()
    if last and _ZIP.match(last[-1]):
        last = last[:-1]
    if not last:
        parts, last = parts[:-1], parts[-2].split() if len(parts) >= 2 else []
    state = " ".join(last)
    city = parts[-2] if len(parts) >= 2 else ""
    if not state or not city or any(ch.isdigit() for ch in city) or any(ch.isdigit() for ch in state):
        return None
    return f"{city}, {state}"


@dataclass
class Redactor:
    on: bool = True
    born: date | None = None
    minors: dict[str, str] = field(default_factory=dict)  # name or first name -> initials

    @classmethod
    def for_case(cls, case: Case, on: bool = True) -> Redactor:
        born = case.person.born.exact if case.person.born is not None else None
        minors: dict[str, str] = {}
        for fact in case.circumstances.family or []:
            name = fact.name
            if fact.relation == "minor_child" and name and name.strip():
                short = initials(name)
                minors[name.strip()] = short
                minors.setdefault(name.split()[0], short)
        return cls(on=on, born=born, minors=minors)

    def __call__(self, text: str) -> str:
        if not self.on or not text:
            return text
        out = _SSN.sub(lambda m: f"XXX-XX-{m.group(1)}", text)
        out = _SSN_PLAIN.sub(lambda m: f"XXXXX{m.group(2)}", out)
        out = _EIN.sub(lambda m: f"XX-XXX{m.group(1)}", out)
        out = _ACCOUNT.sub(self._account, out)
        if self.born is not None:
            b = self.born
            for form in (b.isoformat(), f"{b.month}/{b.day}/{b.year}", f"{b.month:02d}/{b.day:02d}/{b.year}",
                         f"{_MONTHS[b.month - 1]} {b.day}, {b.year}"):
                out = out.replace(form, str(b.year))
        for name in sorted(self.minors, key=len, reverse=True):
            out = re.sub(rf"\b{re.escape(name)}\b", self.minors[name], out)
        return out

    @staticmethod
    def _account(m: re.Match[str]) -> str:
        whole = m.group(0)
        digits = re.sub(r"\D", "", whole)
        if len(digits) < 8:  # short numbers (years, amounts, docket parts) are not account numbers
            return whole
        if _YEARS.fullmatch(whole):  # "2012-2023" is a span of years
            return whole
        return "XXXX" + digits[-4:]

    def address(self, residence: str) -> str | None:
        """A home address as a court filing may show it (Rule 49.1(a)(5)): the city and state; None when they
        cannot be read from it."""
        if not self.on:
            return residence
        return city_and_state(residence)
