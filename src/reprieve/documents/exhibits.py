"""The evidence checklist per ground and the exhibit index for the motion (documents-and-users.md 2.3: most motions
fail for want of the warden request, medical records or a verified release plan).

What to gather lives in `evidence.yaml`. The index letters follow the checklist; an item the case file already
points to (a `source` on a fact, a dated request) is marked "on file", everything else "to get".
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from reprieve.documents.facts import DISCLAIMER, Facts, long_date
from reprieve.documents.model import Bullets, Document, Heading, Notice, Para, Table
from reprieve.documents.sections import ground_title


@cache
def evidence() -> dict[str, Any]:
    text = (resources.files("reprieve.documents") / "evidence.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _items_for(paragraph: str) -> list[str]:
    grounds: dict[str, list[str]] = evidence()["grounds"]
    for prefix, items in grounds.items():
        if paragraph == prefix or paragraph.startswith(prefix + "("):
            return items
    return []


def _letters() -> list[str]:
    single = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    return single + [a + b for a in single for b in single]


def build(f: Facts) -> Document:
    doc = Document(kind="exhibits", title="Exhibit checklist and index", register_number=f.register,
                   footer=f"No. {f.docket} - Exhibits")
    doc.add(Heading("Exhibit checklist and index", 1),
            Para(f"United States v. {f.name}, Case No. {f.docket} ({f.district}). Motion under 18 U.S.C. "
                 f"§ 3582(c)(1)(A). Prepared {long_date(f.as_of)}."))
    rows: list[tuple[str, str, str, str]] = []
    letters = iter(_letters())
    request = f.latest_request
    for item in evidence()["always"]:
        status = "to get"
        if item.startswith("The request to the Warden") and request is not None and request.received_on is not None:
            status = f"on file (received {long_date(request.received_on.latest)})"
        if item.startswith("The Warden's response") and request is not None and request.response in ("denied",
                                                                                                        "approved"):
            status = "on file"
        rows.append((next(letters), item, "all grounds", status))
    for ground in f.selection.raised:
        sources = f.sources_for(ground.paragraph)
        for item in _items_for(ground.paragraph):
            rows.append((next(letters), item, f.label(ground), "to get"))
        for source in sources:
            rows.append((next(letters), source, f.label(ground), "on file (named in the case file)"))
    doc.add(Heading("Index", 2), Table(("Exhibit", "Document", "Supports", "Status"), tuple(rows)))
    doc.add(Heading("Checklist before filing", 2),
            Bullets(tuple(f"Exhibit {letter}: {item}" for letter, item, _, status in rows
                          if status == "to get"), checkbox=True))
    if f.selection.raised:
        doc.add(Heading("What each ground needs", 2))
        for ground in f.selection.raised:
            items = _items_for(ground.paragraph)
            if items:
                doc.add(Heading(ground_title([ground], with_cite=f.amended_policy), 3),
                        Bullets(tuple(items), checkbox=True))
    doc.add(Notice("Do not attach", " ".join(evidence()["never"])),
            Para("Medical records: ask the court for leave to file them under seal (Fed. R. Crim. P. 49.1(d)), and "
                 "keep copies of everything you send."),
            Para(DISCLAIMER, "small"))
    doc.to_complete = list(f.to_complete)
    return doc
