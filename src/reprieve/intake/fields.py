"""One value read from a document: where it goes in the case, where it came from, and how sure the reader is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reprieve.intake.layout import Box, Text

# Below this a value is asked about, not just shown for confirmation. Calibrated on the generated documents
# (benchmarks/bench_intake.py): every value read wrong there was below it.
CONFIRM_BELOW = 0.9
TEXT_LAYER = 0.98  # a value read from a PDF's text layer in the shape it must have
FIXED_CAP = 0.75  # a value that needed an OCR fix to fit its shape
DERIVED = 0.85  # a value worked out from prose (the drug in 'Nature of Offense'), not printed in a labelled place


@dataclass(frozen=True)
class Source:
    file: str
    page: int
    text: str
    box: Box | None = field(default=None, compare=False)  # where on the page (OCR: to read the value again)

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "page": self.page, "text": self.text}


@dataclass(frozen=True)
class Read:
    """`path` is the case-file field (e.g. 'judgments[0].counts[1].months'); `label` is what the form calls it."""

    path: str
    value: Any
    source: Source
    confidence: float
    label: str = ""
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "source": self.source.as_json(),
                               "confidence": round(self.confidence, 3)}
        if self.note:
            out["note"] = self.note
        return out


def read_at(text: Text, start: int, end: int, path: str, value: Any, *, label: str = "",
            fixed: bool = False, ceiling: float = TEXT_LAYER, note: str = "") -> Read:
    """A value found at text[start:end]: its confidence is the least of its characters', capped by how it was read."""
    file, page, line = text.source(start, end)
    confidence = min(text.confidence(start, end), ceiling)
    if fixed:
        confidence = min(confidence, FIXED_CAP)
        note = note or "corrected a likely OCR misreading to fit the expected shape"
    return Read(path, value, Source(file, page, line, text.box(start, end)), confidence, label, note)
