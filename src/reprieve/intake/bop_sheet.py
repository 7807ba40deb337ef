"""The BOP's "Sentence Monitoring Computation Data" printout (SENTRY), read into `custody.bop` and the facts it states.

The printout is a fixed-width screen of "LABEL.....: value" lines (labels as documents-and-users.md 1.2 lists them).
The BOP's own results (full term, statutory release, projected release and method, GCT earned) go to `custody.bop`
for reconciliation; the facts the computation starts from (the date it began, jail credit, GCT taken away) also go
to `custody`, as the BOP states them, so that reprieve's arithmetic can be checked against the BOP's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from reprieve.intake import patterns as pat
from reprieve.intake.fields import DERIVED, FIXED_CAP, Read, read_at
from reprieve.intake.layout import Line, Page, Text
from reprieve.intake.ocr import read_again

SHEET_PAGE = re.compile(r"SENTENCE\s+MONITORING|COMPUTATION\s+DATA|REGNO\s*\.*\s*:", re.IGNORECASE)
# The dot leader and colon after a label: OCR drops the colon or reads it as '?', '/', '*', ')' or '-', reads a
# speck among the dots as a character or two ('......4.....: 0'), and a speck at its end ('.....:\u00b0 45',
# '.....1 45') is not the value's.
_LEADER = (r"(?:[\s.,:;_'`?/*)\-\u2026\u00b0]|(?<=\.)[^\s.]{1,2}(?=\.))*"
           r"(?:(?<=[.:;/*)])[0-9!l|%\u00b0]{1,2}(?=\s+\d))?\s*")


def _label(words: str) -> re.Pattern[str]:
    return re.compile(r"^[\W_]{0,3}" + r"[\s.,]*".join(re.escape(w) for w in words.split()) + _LEADER, re.IGNORECASE)


# label on the sheet -> (case field, kind)
DATES = {
    "DATE COMPUTATION BEGAN": ["custody.bop.computation_began_on", "custody.commenced_on"],
    "STATUTORY RELEASE DATE PROJECTED": ["custody.bop.statutory_release_date"],
    "EXPIRATION FULL TERM DATE": ["custody.bop.full_term_date"],
    "PROJECTED SATISFACTION DATE": ["custody.bop.projected_release_date"],
    "HOME DETENTION ELIGIBILITY DATE": ["custody.bop.home_detention_date"],
}
NUMBERS = {
    "TOTAL PRIOR CREDIT TIME": ["custody.bop.jail_credit_days", "custody.prior_custody_days"],
    "TOTAL GCT EARNED AND PROJECTED": ["custody.bop.gct_earned_and_projected_days"],
    "TOTAL GCT EARNED": ["custody.bop.gct_earned_days"],
    "TOTAL GCT DISALLOWED": ["custody.bop.gct_disallowed_days", "custody.gct_disallowed_days"],
    "TOTAL GCT FORFEITED": ["custody.bop.gct_forfeited_days", "custody.gct_forfeited_days"],
    "FSA TIME CREDITS APPLIED": ["custody.bop.fsa_credits_days"],
}
# The sheet's other labels: a garbled label nearest one of these is not taken for one of the above.
OTHER_LABELS = ("PROJECTED SATISFACTION METHOD", "TOTAL TERM IN EFFECT", "TOTAL TERM IN EFFECT CONVERTED",
                "TOTAL INOPERATIVE TIME", "ELDERLY OFFENDER TWO THIRDS DATE", "EARLIEST DATE OF OFFENSE",
                "TIME SERVED", "PERCENTAGE OF FULL TERM SERVED", "PERCENT OF STATUTORY TERM SERVED", "JAIL CREDIT",
                "DATE OF OFFENSE", "DATE SENTENCED/PROBATION IMPOSED", "DATE COMMITTED", "TERM OF SUPERVISION",
                "SENTENCE IMPOSED/TIME TO SERVE", "SENTENCE PROCEDURE", "COURT OF JURISDICTION", "DOCKET NUMBER")
METHODS = ("GCT REL", "FSA REL", "3621E REL", "FULL TERM", "EXP FULL TERM", "GCT REL/FSA", "PAROLE", "MAND REL")
_AS_OF = re.compile(r"\bAS\s+OF\s+", re.IGNORECASE)
_REGNO = re.compile(r"^\s*REGNO\s*[.,]*\s*[:;]\s*", re.IGNORECASE)
_NAME = re.compile(r"\bNAME\s*[:;]\s*", re.IGNORECASE)
_PROJECTED = re.compile(r"PROJECTED\s+FOR\s+RELEASE\s*[:;]?\s*", re.IGNORECASE)


@dataclass
class SheetRead:
    reads: list[Read] = field(default_factory=list)
    docket: str | None = None
    asks: list[str] = field(default_factory=list)  # labels printed whose value could not be read: asked for
    offense_dates: list[str] = field(default_factory=list)  # each obligation's DATE OF OFFENSE, to check the judgment's
    obligations: int = 0  # "CURRENT OBLIGATION NO:" headings: one per count the computation holds


def is_sheet_page(page: Page) -> bool:
    return bool(SHEET_PAGE.search("\n".join(line.text for line in page.lines[:10])))


def read_sheet(pages: list[Page]) -> SheetRead:
    out = SheetRead()
    seen: set[str] = set()

    def add(read: Read) -> None:
        if read.path not in seen:
            seen.add(read.path)
            out.reads.append(read)

    labels_seen: set[str] = set()
    periods: list[tuple[Text, int, int, int]] = []  # jail credit: (line, start, end, days from and thru)
    for page in pages:
        for line in page.lines:
            text = Text.of([line])
            s = text.text
            period = _credit_period(s)
            if period is not None:
                periods.append((text, *period))
            if _OBLIGATION.search(s):
                out.obligations += 1
            # a label followed by words is the start of a longer one ('TOTAL GCT EARNED' + 'AND PROJECTED')
            anchors = {label: m.end() for label in (*DATES, *NUMBERS)
                       if (m := _label(label).search(s)) and not _WORD_NEXT.match(s, m.end())}
            if page.method == "ocr" and not anchors:
                anchors = _garbled_label(s)
                if not anchors:
                    out.asks += _resembled(s)
            labels_seen.update(anchors)
            m = _AS_OF.search(s)
            if m and "custody.bop.sheet_as_of" not in seen:
                found = pat.find_date(s, m.end())
                if found and found[2] - m.end() < 3:
                    add(read_at(text, found[2], found[3], "custody.bop.sheet_as_of", found[0].isoformat(),
                                label="AS OF", fixed=found[1]))
            m = _REGNO.search(s)
            if m:
                found_reg = pat.register_number(s[m.end():m.end() + 14])
                if found_reg:
                    add(read_at(text, m.end(), m.end() + 9, "person.register_number", found_reg.value,
                                label="REGNO", fixed=found_reg.fixed))
                name = _NAME.search(s, m.end())
                if name:
                    add(_name(text, name.end()))
            m = _PROJECTED.search(s)
            if m:
                _projected(text, m.end(), add)
            for label, paths in DATES.items():
                if label not in anchors:
                    continue
                end = anchors[label]
                found = pat.find_date(s, end)
                if found and found[2] - end < 3:
                    for path in paths:
                        add(read_at(text, found[2], found[3], path, found[0].isoformat(), label=label,
                                    fixed=found[1]))
                elif not re.match(r"\s*N/?A\b", s[end:], re.IGNORECASE):
                    again = None if _WORD_NEXT.match(s, end) else _again(page, line, end, "0123456789-/")
                    found = pat.find_date(again.text) if again else None
                    if again and found and found[2] < 3:
                        for path in paths:
                            add(read_at(again, found[2], found[3], path, found[0].isoformat(), label=label,
                                        fixed=found[1]))
                    else:
                        out.asks += paths
            for label, paths in NUMBERS.items():
                if label not in anchors:
                    continue
                end = anchors[label]
                value = re.match(rf"({pat.DIGITISH}{{1,5}})\b", s[end:])
                number_text, number_s, at = text, s, end
                if not (value and pat.digits(value.group(1)).value.isdigit()) and not _WORD_NEXT.match(
                        s, end) and (again := _again(page, line, end, "0123456789")):
                    number_text, number_s, at = again, again.text, 0
                    value = re.match(rf"({pat.DIGITISH}{{1,5}})\b", number_s)
                if not value or not pat.digits(value.group(1)).value.isdigit():
                    out.asks += paths
                if value:
                    number = pat.digits(value.group(1))
                    leader_junk = bool(re.search(r"[0-9!l|%\u00b0]", s[:end].split(".")[-1]))
                    if number.value.isdigit():
                        for path in paths:  # a colon read as a digit may be a digit of the value: asked
                            add(read_at(number_text, at, at + len(value.group(1)), path,
                                        int(number.value), label=label, fixed=number.fixed or leader_junk))
            m = _label("DATE OF OFFENSE").search(s)
            if m:
                found = pat.find_date(s, m.end())
                if found and found[2] - m.end() < 3:
                    out.offense_dates.append(found[0].isoformat())
            m = _label("PROJECTED SATISFACTION METHOD").search(s)
            if m:
                _method(text, m.end(), add)
            m = _label("DOCKET NUMBER").search(s)
            if m and out.docket is None:
                found_docket = pat.docket(s[m.end():].split()[0] if s[m.end():].split() else "")
                out.docket = found_docket.value if found_docket else None
    if any(page.method == "ocr" for page in pages) and "HOME DETENTION ELIGIBILITY DATE" not in labels_seen:
        out.asks += DATES["HOME DETENTION ELIGIBILITY DATE"]  # printed on every sheet (N/A when none): OCR lost it
    if periods:
        _check_credit(out, periods, add)
    _gct_by_the_dates(out, add)
    return out


_GCT = "custody.bop.gct_earned_and_projected_days"
_FULL, _SRD = "custody.bop.full_term_date", "custody.bop.statutory_release_date"


def _gct_by_the_dates(out: SheetRead, add: Callable[[Read], None]) -> None:
    """The statutory release date is the full term date less the GCT earned and projected (18 U.S.C. 3624(b); the
    sheet prints all three). When the total of GCT was not read, it is the days between the two dates, asked; when
    it was read one character away from that ('4069' for 409: a speck read as a digit, a digit lost or misread),
    the read is taken for an OCR slip and the days between the dates given instead, asked. A total further off is
    left as read (the dates may be the misread ones): the cross-check asks about all three. The dates a value is
    worked out from are asked too, since a misread date could be what made the sum come out."""
    reads = {r.path: r for r in out.reads}
    full, srd = reads.get(_FULL), reads.get(_SRD)
    if full is None or srd is None:
        return
    days = (date.fromisoformat(full.value) - date.fromisoformat(srd.value)).days
    if not 0 <= days <= 99_999:
        return
    gct = reads.get(_GCT)
    note = f"the full term date {full.value} less the statutory release date {srd.value}: {days} days"
    if gct is None:
        add(Read(_GCT, days, srd.source, min(DERIVED, full.confidence, srd.confidence), "TOTAL GCT EARNED AND "
                 "PROJECTED", f"not read; {note}"))
    elif gct.value != days and _one_slip(str(gct.value), str(days)):
        out.reads = [Read(_GCT, days, gct.source, min(FIXED_CAP, gct.confidence, full.confidence, srd.confidence),
                          gct.label, f"read as {gct.value}; {note}") if r is gct else r for r in out.reads]
    else:
        return
    out.reads = [Read(r.path, r.value, r.source, min(r.confidence, FIXED_CAP), r.label, r.note or
                      "the total of GCT was worked out from this date") if r is full or r is srd else r
                 for r in out.reads]


def _one_slip(read: str, value: str) -> bool:
    """`read` is `value` with one character added, lost or changed."""
    if len(read) == len(value):
        return sum(a != b for a, b in zip(read, value, strict=True)) == 1
    short, long = sorted((read, value), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


_CREDIT_PATHS = NUMBERS["TOTAL PRIOR CREDIT TIME"]
_CREDIT_CAP = 0.6


def _credit_period(line: str) -> tuple[int, int, int] | None:
    """A row of the JAIL CREDIT table ('01-19-2019   07-17-2019'): (start, end, days), the FROM and THRU dates
    both counted as days in custody; None for any other line (a line with words, or not two dates in order)."""
    if len(re.findall(r"[A-Za-z]", line)) > 2:
        return None
    first = pat.find_date(line)
    second = pat.find_date(line, first[3]) if first else None
    if not first or not second or second[0] < first[0]:
        return None
    return first[2], second[3], (second[0] - first[0]).days + 1


def _check_credit(out: SheetRead, periods: list[tuple[Text, int, int, int]], add: Callable[[Read], None]) -> None:
    """TOTAL PRIOR CREDIT TIME (the credit of 18 U.S.C. 3585(b)) is the sum of the JAIL CREDIT periods the sheet
    lists above it. A total OCR did not read is worked out from them, and asked; a total that differs from them is
    asked (a period row or a digit was misread: which one, the sum cannot say). Either way nothing is taken
    silently: a sheet that counted its periods otherwise would only bring questions."""
    total = sum(days for *_, days in periods)
    if not any(r.path in _CREDIT_PATHS for r in out.reads):
        text, start, end, _ = periods[0]
        for path in _CREDIT_PATHS:
            add(read_at(text, start, end, path, total, label="JAIL CREDIT", ceiling=DERIVED,
                        note="the sum of the jail credit periods the sheet lists (its total was not read)"))
        return
    out.reads = [r if r.path not in _CREDIT_PATHS or r.value == total or r.confidence <= _CREDIT_CAP else
                 Read(r.path, r.value, r.source, _CREDIT_CAP, r.label,
                      r.note or f"the jail credit periods the sheet lists add up to {total} days")
                 for r in out.reads]


_WORD_NEXT = re.compile(r"\s*[A-Za-z]{2,}")  # a longer label goes on ('TOTAL GCT EARNED' + 'AND PROJECTED')


def _again(page: Page, line: Line, at: int, whitelist: str) -> Text | None:
    """What follows the label (the line's text from `at`) read again on its own, when the page's reading gave no
    value there (a speck in the leader, a digit read as a letter): None without a page image or when nothing is read.
    The region starts where character `at` lies, estimated within its word (a leader and its speck are one word)."""
    if page.image is None:
        return None
    text = Text.of([line])
    at = min(at, len(text.text) - 1)
    box = text.boxes[at] if at >= 0 else None
    if box is None:
        return None
    start = at
    while start > 0 and text.boxes[start - 1] is box and not text.text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text.text) and text.boxes[end] is box and not text.text[end].isspace():
        end += 1
    left = box[0] + (box[2] - box[0]) * (at - start) / max(end - start, 1)
    height = line.bottom - line.top
    region = (left, line.top - 0.3 * height, max(w.x1 for w in line.words) + 0.6 * height,
              line.bottom + 0.3 * height)
    words = read_again(page.image, region, whitelist)
    return Text.of([Line(words, line.page, line.file)]) if words else None


_OBLIGATION = re.compile(r"OBLIGATION\s+NO", re.IGNORECASE)


_HEAD = re.compile(r"^[\W_]{0,3}([A-Za-z0-9][A-Za-z0-9 ,']*?)(?=\s*(?:\.{2,}|:))")


def _garbled_label(line: str) -> dict[str, int]:
    """{label: where its value starts} for a line whose label OCR garbled a letter or two ('DATE COMPYITATION
    BEGAN..........: 03-12-1996', 'TOTAL SCT FORFEITED......: 0'): the label its words are nearest to, when that
    one is near (letters alike at 0.9 or more) and no other label is (the next at least 0.1 further), since 'TOTAL
    GCT EARNED' and 'TOTAL GCT DISALLOWED' differ by one word. The value is then read as after its exact label."""
    head = _HEAD.match(line)
    if not head:
        return {}
    letters = re.sub(r"[^A-Z]", "", head.group(1).upper())
    if len(letters) < 8:
        return {}
    ratios = sorted(((difflib.SequenceMatcher(None, letters, re.sub(r"\W", "", label)).ratio(), label)
                     for label in (*DATES, *NUMBERS, *OTHER_LABELS)), reverse=True)
    (best, label), (second, _) = ratios[0], ratios[1]
    if best < 0.9 or best - second < 0.1 or label in OTHER_LABELS:
        return {}
    leader = re.compile(_LEADER).match(line, head.end())
    return {label: leader.end() if leader else head.end()}


def _resembled(line: str) -> list[str]:
    """The fields of a label an OCR'd line resembles but that its exact pattern did not find ('HOME DETENTTON
    ELIG1BILITY DATE'): asked for, since the value beside it was not read."""
    head = re.split(r"\.{2,}|:|\d", line, maxsplit=1)[0]
    letters = re.sub(r"[^A-Z]", "", head.upper())
    if len(letters) < 8:
        return []
    out: list[str] = []
    for label, paths in (*DATES.items(), *NUMBERS.items()):
        if difflib.SequenceMatcher(None, letters, label.replace(" ", "")).ratio() >= 0.75:
            out += paths
    return out


def _name(text: Text, at: int) -> Read:
    """'DOE, JOHN LEE' -> 'John Lee Doe'."""
    raw = text.text[at:].strip()
    last, _, first = raw.partition(",")
    name = pat.person_name(f"{first.strip()} {last.strip()}" if first else raw)
    return read_at(text, at, len(text.text), "person.name", name, label="NAME", ceiling=0.85,
                   note="the BOP prints 'LAST, FIRST': the order was turned around")


def _method(text: Text, at: int, add: object) -> None:
    """The release method, one of the few the BOP prints. OCR may garble a letter ('GCT PEL'): the one method
    within one letter of what was read, if only one is, with the value asked about (fixed)."""
    rest = " ".join(text.text[at:].split()).upper()
    for method in sorted(METHODS, key=len, reverse=True):
        if rest.startswith(method):
            add(read_at(text, at, at + len(method) + 2, "custody.bop.release_method", method,  # type: ignore[operator]
                        label="PROJECTED SATISFACTION METHOD"))
            return
    near = [m for m in METHODS if _one_slip(rest[:len(m)], m)]
    if len(near) == 1:
        add(read_at(text, at, at + len(near[0]) + 2, "custody.bop.release_method", near[0],  # type: ignore[operator]
                    label="PROJECTED SATISFACTION METHOD", fixed=True))


def _projected(text: Text, at: int, add: object) -> None:
    """'THE INMATE IS PROJECTED FOR RELEASE: 09-15-2025 VIA GCT REL' (the date and method again, in the header)."""
    found = pat.find_date(text.text, at)
    if not found:
        return
    add(read_at(text, found[2], found[3], "custody.bop.projected_release_date", found[0].isoformat(),  # type: ignore[operator]
                label="PROJECTED FOR RELEASE", fixed=found[1]))
    via = re.search(r"\bVIA[\s.,:]+", text.text[found[3]:], re.IGNORECASE)
    if via:
        _method(text, found[3] + via.end(), add)


# A letter or a staff response that states the date: "your projected release date is August 8, 2023, via good
# conduct time release". Prose, so asked about even when read cleanly.
_LETTER_DATE = re.compile(r"(?:projected|scheduled|anticipated)\s+(?:for\s+)?release(?:\s+date)?\s*(?:is|of|on|"
                          r"will\s+be|:)?\s*", re.IGNORECASE)
_LETTER_METHOD = re.compile(r"\bvia\s+(good\s+conduct\s+time|GCT|First\s+Step\s+Act|FSA)", re.IGNORECASE)
LETTER_PAGE = re.compile(r"Federal\s+Bureau\s+of\s+Prisons|U\.\s?S\.\s+Department\s+of\s+Justice", re.IGNORECASE)


def read_letter(pages: list[Page]) -> list[Read]:
    """The release date (and its method) a BOP letter states in a sentence."""
    for page in pages:
        text = Text.of(page.lines, " ")
        m = _LETTER_DATE.search(text.text)
        if not m:
            continue
        found = pat.find_date(text.text, m.end())
        if not found or found[2] - m.end() > 3:
            continue
        out = [read_at(text, found[2], found[3], "custody.bop.projected_release_date", found[0].isoformat(),
                       label="projected release date", ceiling=0.85, fixed=found[1],
                       note="stated in a letter, not on the computation sheet")]
        method = _LETTER_METHOD.search(text.text, found[3], found[3] + 40)
        if method:
            word = method.group(1).lower()
            value = "GCT REL" if word.startswith(("good", "gct")) else "FSA REL"
            out.append(read_at(text, method.start(1), method.end(1), "custody.bop.release_method", value,
                               label="release method", ceiling=0.85))
        return out
    return []
