"""Words, lines and pages as read from a document, each word with how sure the reader is of it.

A text layer gives words with confidence 1.0; OCR gives Tesseract's per-word confidence. `Text` joins lines into
one string and keeps, per character, the confidence and the line it came from, so that a value found by a pattern
anywhere in it carries the least confidence of its characters and the line it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    conf: float = 1.0


@dataclass
class Line:
    words: list[Word]
    page: int
    file: str = ""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    def part(self, x_from: float, x_to: float) -> Line:
        """The words whose middle lies in [x_from, x_to)."""
        return Line([w for w in self.words if x_from <= (w.x0 + w.x1) / 2 < x_to], self.page, self.file)


@dataclass
class Page:
    file: str
    number: int  # 1-based
    lines: list[Line]
    method: str  # "text" (the PDF's text layer) or "ocr"
    width: float
    image: Any = field(default=None, repr=False, compare=False)  # OCR: the prepared page, for a second reading
    soft: Any = field(default=None, repr=False, compare=False)  # OCR: the same page soft, for a cell read again

    def __post_init__(self) -> None:
        for line in self.lines:
            line.file = self.file

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words into lines: a word joins the line whose vertical band holds its middle; lines read top to bottom."""
    lines: list[tuple[float, float, list[Word]]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        for n, (top, bottom, members) in enumerate(lines):
            if top <= middle <= bottom:
                members.append(word)
                lines[n] = (min(top, word.top), max(bottom, word.bottom), members)
                break
        else:
            lines.append((word.top, word.bottom, [word]))
    return [Line(sorted(members, key=lambda w: w.x0), page) for _, _, members in sorted(lines, key=lambda t: t[0])]


@dataclass
class Text:
    """Lines joined into one string, with each character's confidence and source line."""

    text: str = ""
    conf: list[float] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)  # index into `lines` per character
    lines: list[Line] = field(default_factory=list)
    boxes: list[Box | None] = field(default_factory=list)  # the box of each character's word

    @classmethod
    def of(cls, lines: list[Line], joiner: str = "\n") -> Text:
        out = cls()
        for line in lines:
            if out.text:
                out._add(joiner, 1.0, len(out.lines) - 1)
            out.lines.append(line)
            for n, word in enumerate(line.words):
                if n:
                    out._add(" ", 1.0, len(out.lines) - 1)
                out._add(word.text, word.conf, len(out.lines) - 1, (word.x0, word.top, word.x1, word.bottom))
        return out

    def _add(self, s: str, conf: float, origin: int, box: Box | None = None) -> None:
        self.text += s
        self.conf.extend([conf] * len(s))
        self.origin.extend([origin] * len(s))
        self.boxes.extend([box] * len(s))

    def box(self, start: int, end: int) -> Box | None:
        """Where the span [start, end) is on its page: the box around its words (None if on several lines)."""
        boxes = [b for b in self.boxes[start:end] if b is not None]
        if not boxes or len({self.origin[i] for i in range(start, min(end, len(self.origin)))}) > 1:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))

    def confidence(self, start: int, end: int) -> float:
        values = [c for c, ch in zip(self.conf[start:end], self.text[start:end], strict=True) if not ch.isspace()]
        return min(values) if values else 0.0

    def source(self, start: int, end: int) -> tuple[str, int, str]:
        """The file, the page and the text of the lines the span [start, end) was read from."""
        if not self.lines:
            return "", 0, ""
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[max(min(end, len(self.origin)) - 1, 0)]
        lines = self.lines[first:last + 1]
        return lines[0].file, lines[0].page, " / ".join(line.text for line in lines)
