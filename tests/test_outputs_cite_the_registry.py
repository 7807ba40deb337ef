"""What every output says is for its reader: every citation in the JSON of `compute` and `assess` for every example
file resolves to an entry of the authorities registry (law/authorities.yaml), and no finding, reason, unverified list
or drafted document says how a value was found (the tools, the copies read, the project's own reference file)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from reprieve.assess.report import assess
from reprieve.documents.draft import KINDS, build
from reprieve.documents.render import notes_document, to_text
from reprieve.intake import parse_case
from reprieve.law.authorities import cited_in
from reprieve.law.params import for_readers
from tests.golden import capture
from tests.unchanged.capture import _case_files

PROVENANCE = re.compile(r"search tool|github\.com|law\.md|\.\./shared|shared/reference|mirrored in|wikisource",
                        re.IGNORECASE)
CITATION_KEYS = ("citation", "citations")


def _strings(node: Any, key: str | None = None) -> Iterator[tuple[str | None, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif isinstance(node, str):
        yield key, node


def _outputs() -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(name, JSON of compute and assess, the case as written) for every example file."""
    for subject in capture.subjects():
        yield f"{subject.group}/{subject.name}", capture.outputs(subject), subject.case
    for name, data, day in _case_files():
        case = parse_case(data, name, warnings=False).case
        yield f"examples/{name}", {"assess": assess(case, day).as_json()}, data


OUTPUTS = list(_outputs())


def test_every_citation_in_every_output_is_a_registered_authority() -> None:
    unresolved: dict[str, str] = {}
    seen: dict[str, list[Any]] = {}  # the same sentence recurs across outputs: read each once (eyecite is slow)
    for name, output, case in OUTPUTS:
        written = repr(case)  # the person's own statutes, echoed back, are theirs, not reprieve's citations
        for key, text in _strings(output):
            found = seen.get(text)
            if found is None:
                found = seen[text] = cited_in(text)
            unknown = [c.text for c in found if c.authority is None and c.text not in written]
            if key in CITATION_KEYS and text.strip() and not found:
                unknown.append(f"(nothing a registry entry matches in {text!r})")
            for item in unknown:
                unresolved.setdefault(item, f"{name}: {text[:160]!r}")
    assert not unresolved, "\n".join(f"{k} <- {v}" for k, v in sorted(unresolved.items()))


def test_no_output_says_how_a_value_was_found() -> None:
    told = {text[:200]: name for name, output, _ in OUTPUTS for _, text in _strings(output) if PROVENANCE.search(text)}
    assert not told, "\n".join(f"{name}: {text!r}" for text, name in list(told.items())[:20])


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_drafted_document_says_how_a_value_was_found(kind: str) -> None:
    for name, data, day in _case_files():
        case = parse_case(data, name, warnings=False).case
        doc = build(kind, case, assess(case, day))
        notes = notes_document(doc)
        text = to_text(doc) + (to_text(notes) if notes is not None else "")
        assert not PROVENANCE.search(text), f"{name} {kind}: {PROVENANCE.search(text)}"


def test_a_note_keeps_what_was_read_and_loses_how() -> None:
    note = ("Read in the 2016 Manual (the Commission's file mirrored in github.com/x/y): \"(B) Age\". District "
            "courts' division is law.md C4 (secondary). The decisions were not read with the search tool.")
    assert for_readers(note) == ("Read in the 2016 Manual: \"(B) Age\". District courts' division is secondary "
                                 "sources. The decisions were not read.")
