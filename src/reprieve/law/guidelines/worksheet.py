"""A line of the guideline worksheet as data: the rule that wrote it, the key of its authority in
law/authorities.yaml, the pinpoint citation from the law data, and a `guideline.*` message of the words layer
(reprieve/words/en.yaml, es.yaml) with the numbers of the case and the law data, worded only when read."""

from __future__ import annotations

from typing import Any

from reprieve.results import Joined, Said, Step, said, verbatim
from reprieve.words import catalog


def line(rule: str, authority: str | None, key: str, citation: str = "", **args: Any) -> Step:
    """`line("ACCEPTANCE", "ussg_3e1_1", "acceptance.none")`: the message `guideline.<key>`, its values, and the
    citation (also a value: a message that prints it says `{citation}`)."""
    return Step(rule, authority, citation, said(f"guideline.{key}", citation=citation, **args))


def drug_said(code: str) -> Said:
    """A substance by its case-file code, as words (`guideline.drug.<code>`; a code the catalog does not name is
    given as it is)."""
    key = f"guideline.drug.{code}"
    return said(key) if key in catalog("en") else verbatim(code)


def drugs_said(codes: list[str]) -> Joined:
    return Joined(tuple(drug_said(code) for code in codes), sep=", ")
