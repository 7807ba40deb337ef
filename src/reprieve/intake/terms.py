"""The imprisonment and supervised-release wording of a judgment, read into terms per count.

"a total term of TWO HUNDRED FIFTY (250) MONTHS. This term consists of 250 months on Count 1s and 120 months on
Count 2s, to run concurrently" -> total 250 months; count 1s: 250; count 2s: 120. A count "to run consecutively to"
named counts gets `consecutive_to`; "consecutive to any term previously imposed" is the judgment's relation to
earlier judgments (18 U.S.C. 3584(a)), not a count's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reprieve.intake.patterns import COUNT_WORDS, NUMBER_WORDS, count_label, words_to_number


@dataclass
class Term:
    months: int | None = None
    days: int | None = None
    life: bool = False
    start: int = 0  # where it was read, in the normalized text
    end: int = 0


@dataclass
class CountTerm:
    label: str  # '' where OCR lost it ('on Count' and no label)
    term: Term
    consecutive_to: list[str] = field(default_factory=list)


@dataclass
class Imprisonment:
    text: str  # the normalized text the spans refer to
    total: Term | None
    counts: list[CountTerm]
    relation: str | None  # to earlier judgments: "consecutive", "concurrent" or None
    relation_span: tuple[int, int] | None = None


def _substitute(text: str, where: list[int], pattern: re.Pattern[str],
                replace: Callable[[re.Match[str]], str | None]) -> tuple[str, list[int]]:
    """re.sub that keeps, for each character of the result, its index in the original text."""
    out: list[str] = []
    mapped: list[int] = []
    at = 0
    for m in pattern.finditer(text):
        value = replace(m)
        if value is None:
            continue
        out.append(text[at:m.start()])
        mapped.extend(where[at:m.start()])
        out.append(value)
        mapped.extend([where[m.start()]] * len(value))
        at = m.end()
    out.append(text[at:])
    mapped.extend(where[at:])
    return "".join(out), mapped


_WORDS_PAREN = re.compile(rf"\b({NUMBER_WORDS})\s*\(\s*(\d+|\d[\dSOlI|]*)\s*\)|\(\s*(\d+)\s*\)", re.IGNORECASE)
_WORDS_UNIT = re.compile(rf"\b({NUMBER_WORDS})(?=\s*[\u2018\u2019'`.:;_~]?\s*(?:months?|years?|days?)\b)",
                         re.IGNORECASE)
_COUNT_WORD = "|".join(COUNT_WORDS)
_COUNT_LIST = re.compile(rf"(?<=\bCount )({_COUNT_WORD})\b|(?<=\bCounts )((?:{_COUNT_WORD})(?:\s*(?:,\s*(?:and\s+)?|"
                         rf"and\s+|&\s*)(?:{_COUNT_WORD}))*)\b", re.IGNORECASE)


_SPECK_AFTER_NUMBER = re.compile(r"(?<=\d)[!|](?=\s*(?:months?|years?|days?)\b)", re.IGNORECASE)
_ONE_AS_BAR = re.compile(r"(?<=\band )[|lI!\]][|!.,']?(?=\s*days?\b)", re.IGNORECASE)  # '| day', '|! day'


def normalize(text: str) -> tuple[str, list[int]]:
    """Number words replaced by their digits ('FORTY-SIX (46)' -> '46'; 'Counts One and Two' -> 'Counts 1 and 2'),
    with a map from each character of the result back to the original text. OCR's '121! months' and '12 months and
    | day' are read as 121 months and 12 months and 1 day."""
    where = list(range(len(text)))
    text, where = _substitute(text, where, _SPECK_AFTER_NUMBER, lambda m: "")
    text, where = _substitute(text, where, _ONE_AS_BAR, lambda m: "1")
    def paren(m: re.Match[str]) -> str | None:
        if m.group(2) and not m.group(2).isdigit():  # 'FIVE (5S)': the words, since OCR damaged the digits
            number = words_to_number(m.group(1))
            return None if number is None else str(number)
        return m.group(2) or m.group(3)

    text, where = _substitute(text, where, _WORDS_PAREN, paren)

    def spelled(m: re.Match[str]) -> str | None:
        number = words_to_number(m.group(1))
        return None if number is None else str(number) + (" " if m.group(1).endswith(" ") else "")

    text, where = _substitute(text, where, _WORDS_UNIT, spelled)

    def counts(m: re.Match[str]) -> str:
        return re.sub(_COUNT_WORD, lambda w: COUNT_WORDS[w.group().lower()], m.group(), flags=re.IGNORECASE)

    return _substitute(text, where, _COUNT_LIST, counts)


_NOT_A_NUMBER_WORD = re.compile(r"([A-Za-z][A-Za-z-]{2,})\s*\(\s*\d+\s*\)\s*(?:months?|years?|days?)\b",
                                re.IGNORECASE)


def spelled_disagrees(text: str) -> list[tuple[int, int]]:
    """Where a number is written in words and in digits ('FORTY-SIX (46) MONTHS') and the two do not agree: OCR lost
    or misread part of one of them ('FORTY (46)', 'FORTY-SIX (40)'), and which one is right cannot be told. A word
    before the parentheses that is no number word ('FQRTY-SIX (46) MONTHS') leaves the digits unchecked: also
    returned. Spans of `text`, to ask about every term read from them."""
    out = []
    for m in _WORDS_PAREN.finditer(text):
        if m.group(1) and m.group(2):
            number = words_to_number(m.group(1))
            if number is None or not m.group(2).isdigit() or number != int(m.group(2)):
                out.append(m.span())
    for m in _NOT_A_NUMBER_WORD.finditer(text):
        word = m.group(1)
        if not re.fullmatch(NUMBER_WORDS, word + " ", re.IGNORECASE) and word.isupper():
            out.append(m.span())
    return out


# between a number and its unit, a speck OCR read as a quote or a point ('(292) ‘MONTHS' where the unit began a line:
# held-out scan 70030 placed no term on Count 1)
_UNIT_GAP = r"\s*[\u2018\u2019'`.:;_~]?\s*"
_TERM = re.compile(rf"\b(\d+){_UNIT_GAP}(months?|years?)(?:\s*(?:and|,)?\s*(\d+){_UNIT_GAP}days?)?\b|"
                   rf"\b(\d+){_UNIT_GAP}days?\b|\b(life)\b", re.IGNORECASE)
_LABEL = r"(?:\d+|[lI\]|])\d*[a-z]{0,3}"
# 'Count' and its label, with the space between them as OCR may read it: a speck ('Count.2', 'Count,2') or nothing
# ('Count2'). Held-out scan 70001: '60 MONTHS on Count.2' placed no term on the count.
_COUNT_NOUN = r"Counts?(?:\s*[.,:;'`\u2018\u2019]\s*|\s+|(?=\d))"
# labels listed, a comma OCR read as a point where no space follows ('Counts 1.2 and 3': held-out scan 70037)
_LABELS = rf"(?:{_LABEL})(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\.(?=\d)){_LABEL})*"
_ON_COUNTS = re.compile(rf"^\W*(?:imposed\s+)?(?:on|as\s+to|for|in|under)\W*\s+(?:[a-z]\W*\s+)?(?:each\s+of\s+)?"
                        rf"(?:the\s+)?{_COUNT_NOUN}"
                        rf"({_LABELS})", re.IGNORECASE)
_COUNT_FIRST = re.compile(rf"{_COUNT_NOUN}({_LABELS})\s*[:\-]\s*$", re.IGNORECASE)
_CONSECUTIVE_TO = re.compile(rf"consecutive(?:ly)?\s+(?:to|with)\s+(?:the\s+)?(?:terms?\s+(?:imposed\s+)?(?:on|in|as\s+"
                             rf"to|for)\s+)?{_COUNT_NOUN}({_LABELS})", re.IGNORECASE)
# '57 MONTHS on Count THREE HUNDRED (300) MONTHS on Count 2': the first count's label (and the ';' after it) lost
# (held-out scan 70022); CountTerm.label '' for it
_LABEL_LOST = re.compile(r"^\W*(?:imposed\s+)?(?:on|as\s+to|for|in|under)\W*\s+(?:the\s+)?Counts?\W*$", re.IGNORECASE)
_CONSECUTIVE = re.compile(r"\bconsecutive(?:ly)?\b", re.IGNORECASE)
_OTHER_JUDGMENT = re.compile(r"(consecutive(?:ly)?|concurrent(?:ly)?)\s+(?:to|with)\s+(?:any|the|all)?\s*(?:other\s+|"
                             r"undischarged\s+)?(?:terms?|sentences?)\s+(?:of\s+imprisonment\s+)?(?:previously\s+"
                             r"imposed|imposed\s+in\s+(?:case|docket)|in\s+(?:case|docket))", re.IGNORECASE)


def labels(text: str) -> list[str]:
    """'1, 2 and 3' -> ['1', '2', '3'], OCR's 'l' or ']' for 1 repaired as in the counts table."""
    parts = re.split(r"\s*(?:,\s*(?:and\s+)?|\band\b\s*|&|\.(?=\d))\s*", text.strip())
    return [count_label(p).value for p in parts if p]


def _term(m: re.Match[str]) -> Term:
    if m.group(5):
        return Term(life=True, start=m.start(), end=m.end())
    if m.group(4):
        return Term(0, int(m.group(4)), start=m.start(), end=m.end())
    amount = int(m.group(1))
    months = amount * 12 if m.group(2).lower().startswith("year") else amount
    days = int(m.group(3)) if m.group(3) else None
    return Term(months, days, start=m.start(), end=m.end())


def read_imprisonment(raw: str) -> Imprisonment:
    text, _ = normalize(raw)
    terms = list(_TERM.finditer(text))
    total: Term | None = None
    counts: list[CountTerm] = []
    for n, m in enumerate(terms):
        segment_end = terms[n + 1].start() if n + 1 < len(terms) else len(text)
        after = text[m.end():segment_end]
        before = text[terms[n - 1].end() if n else 0:m.start()]
        on = _ON_COUNTS.match(after)
        first = _COUNT_FIRST.search(before)
        found = labels(on.group(1)) if on else labels(first.group(1)) if first else []
        if not found:
            if _LABEL_LOST.match(after) and (counts or total is not None):
                counts.append(CountTerm("", _term(m)))  # a count's term whose label OCR lost: placed by the caller
            elif total is None and not counts:
                total = _term(m)
            continue
        rest = after[on.end():] if on else after
        to = _CONSECUTIVE_TO.search(rest)
        consecutive_to = labels(to.group(1)) if to else []
        if not to and _CONSECUTIVE.search(rest) and not _OTHER_JUDGMENT.search(rest):
            consecutive_to = [label for c in counts for label in [c.label] if label and label not in found]
        for label in found:
            counts.append(CountTerm(label, _term(m), consecutive_to))
    relation = None
    span = None
    other = _OTHER_JUDGMENT.search(text)
    if other:
        relation = "consecutive" if other.group(1).lower().startswith("consecutive") else "concurrent"
        span = other.span()
    return Imprisonment(text, total, counts, relation, span)


def read_supervision(raw: str) -> Term | None:
    text, _ = normalize(raw)
    at = re.search(r"term\s+of\s*:?", text, re.IGNORECASE)
    m = _TERM.search(text, at.end() if at else 0)
    return _term(m) if m else None


def total_of(counts: list[CountTerm]) -> Term | None:
    """The aggregate the counts make (concurrent unless consecutive), to check a stated total against."""
    if any(c.term.life for c in counts):
        return Term(life=True)
    if not counts or any(c.term.months is None for c in counts):
        return None
    by_label = {c.label: c for c in counts}
    memo: dict[str, int] = {}

    def end(label: str, seen: frozenset[str]) -> int:
        if label in memo:
            return memo[label]
        c = by_label[label]
        start = max((end(t, seen | {label}) for t in c.consecutive_to if t in by_label and t not in seen), default=0)
        memo[label] = start + (c.term.months or 0) * 31 + (c.term.days or 0)
        return memo[label]

    longest = max(counts, key=lambda c: end(c.label, frozenset()))
    months = 0
    days = 0
    label: str | None = longest.label
    while label is not None:
        c = by_label[label]
        months += c.term.months or 0
        days += c.term.days or 0
        label = max((t for t in c.consecutive_to if t in by_label), key=lambda t: memo.get(t, 0), default=None)
    return Term(months, days or None)
