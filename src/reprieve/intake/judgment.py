"""A judgment in a criminal case (AO 245B, AO 245C and district variants) read into case fields.

Anchored on the form's labels and sheet headings ("Case Number:", "USM Number:", "Date of Imposition of Judgment",
"Title & Section ... Count", "IMPRISONMENT", "SUPERVISED RELEASE", "Reason for Amendment"), never on positions on
the page: revisions and districts move things around (`AO 245B (Rev. 09/19)`, `GAS 245B`, `(CASD Rev. 1/19)`,
`AO 245 B&C`). Paths of judgment fields start with "judgment." (the caller numbers the judgments).
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from reprieve.intake import patterns as pat
from reprieve.intake.districts import abbreviation, closest, divided
from reprieve.intake.fields import DERIVED, FIXED_CAP, TEXT_LAYER, Read, read_at
from reprieve.intake.layout import Line, Page, Text, Word, group_lines
from reprieve.intake.ocr import checked_by_ink, ink_left_of, read_again, read_short
from reprieve.intake.terms import CountTerm, Term, read_imprisonment, read_supervision, spelled_disagrees, total_of

# The reasons printed on AO 245C (Rev. 09/19), in the form's words.
AMENDMENT_REASONS = [
    "Correction of Sentence on Remand (18 U.S.C. 3742(f)(1) and (2))",
    "Reduction of Sentence for Changed Circumstances (Fed. R. Crim. P. 35(b))",
    "Correction of Sentence by Sentencing Court (Fed. R. Crim. P. 35(a))",
    "Correction of Sentence for Clerical Mistake (Fed. R. Crim. P. 36)",
    "Modification of Supervision Conditions (18 U.S.C. §§ 3563(c) or 3583(e))",
    "Modification of Imposed Term of Imprisonment for Extraordinary and Compelling Reasons (18 U.S.C. § 3582(c)(1))",
    "Modification of Imposed Term of Imprisonment for Retroactive Amendment(s) to the Sentencing Guidelines "
    "(18 U.S.C. § 3582(c)(2))",
    "Direct Motion to District Court Pursuant to 28 U.S.C. § 2255",
    "Direct Motion to District Court Pursuant to 18 U.S.C. § 3559(c)(7)",
    "Modification of Restitution Order (18 U.S.C. § 3664)",
]

FORM = re.compile(r"\b((?:AO|[A-Z]{2,4})\s?245\s?(?:B\s?&\s?C|[BCD]))\b\s*(\([^)]*\))?")
JUDGMENT_PAGE = re.compile(r"Judgment\s+in\s+a\s+Criminal\s+Case|JUDGMENT\s+IN\s+A\s+CRIMINAL\s+CASE|\bAO\s?245",
                           re.IGNORECASE)
_CASE_NUMBER = re.compile(r"\bCase\s+(?:Number|No\.?|#)\s*[:.;]?\s*", re.IGNORECASE)
_USM = re.compile(r"\bUSM\s*(?:Number|No\.?|#)\s*[:.;]?\s*", re.IGNORECASE)
_DEFENDANT = re.compile(r"^\s*DEFENDANT\s*[:;]\s*", re.IGNORECASE)
_DISTRICT = re.compile(r"\b(?:(Eastern|Western|Northern|Southern|Middle|Central)\s+)?District\s+of\s+"
                       r"((?:[A-Z][A-Za-z.]*)(?:\s+[A-Z][A-Za-z.]*){0,3})")
_IMPOSITION = re.compile(r"Date\s+of\s+Imposition\s+of\s+(?:Judgment|Sentence)", re.IGNORECASE)
# The same label as OCR may break it ('Date of of Judgment' with 'Imposition' pushed onto its own line).
_IMPOSITION_DAMAGED = re.compile(r"^\W*\w{0,3}\W*Date\s+of\s+(?!Original)(?:\S+\s+){0,2}(?:Judgment|Sentence)"
                                 r"\W*(?:\s[a-z]{1,2}\W*)?$|"  # 'Date of Impustion of Judgment. wt': a speck after
                                 r"^\W*Imposition\s+of\s+(?:Judgment|Sentence)", re.IGNORECASE)
# Sheet headings, with a speck OCR may read beside them ('IMPRISONMENT me', '_ IMPRISONMENT Se', 'a IMPRISONMENT a':
# held-out scans 70023 and 70037 lost every term of four counts to the speck read as a letter before the heading).
_SPECK_BEFORE = r"^(?:[\W_]{0,3}|[\W_]{0,2}\w{1,2}[\W_]{0,2}\s+)"
_IMPRISONMENT_HEADING = re.compile(_SPECK_BEFORE + r"IMPRISONMENT(?:\s+\S{1,3})?\s*$")
_SUPERVISION_HEADING = re.compile(_SPECK_BEFORE + r"SUPERVISED\s+RELEASE(?:\s+\S{1,3})?\s*$")
_LABELS_DISAGREE = re.compile(r"was not found|not in the counts table")
# a second offense begun inside a description ('... of marijuana Possession with intent ...'): OCR ran two rows of
# the counts table into one, so a row is lost with all its cells
_SECOND_OFFENSE = re.compile(r"\b(?:cocaine|base|marijuana|heroin|methamphetamine|fentanyl|oxycodone|grams|"
                             r"kilograms|firearm|firearms|ammunition|substance)\s+[A-Z][a-z]+\b")
_ORIGINAL = re.compile(r"Date\s+of\s+Or\w{2,4}al\s+Judgment\s*[:;]?", re.IGNORECASE)  # OCR's 'Orginal' too
_JUDGE_LABEL = re.compile(r"Name\s+(?:and|&)\s+Title\s+of\s+Judge", re.IGNORECASE)
_TABLE_END = re.compile(r"The\s+defendant\s+(?:is\s+sentenced|has\s+been)|See\s+additional|Count\s*\(s\)|"
                        r"It\s+is\s+ordered|sentenced\s+as\s+p\w{3,6}ded|Sentencing\s+Reform|in\s+pages\s+\d\s+through",
                        re.IGNORECASE)  # 'sentenced as previded' (held-out scan 90041)


@dataclass
class JudgmentRead:
    reads: list[Read] = field(default_factory=list)
    form: str | None = None
    amended: bool = False
    docket: str | None = None  # as read, to group pages and judgments
    pages: list[Page] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)  # paths printed on the paper but not read: asked for


def is_judgment_page(page: Page) -> bool:
    head = "\n".join(line.text for line in page.lines[:12])
    return bool(JUDGMENT_PAGE.search(head)) or bool(re.search(r"^\s*CASE\s+NUMBER\s*:", page.text, re.M)) or bool(
        _SHEET_CAPTION.search(head)) or _first_sheet_caption(page)


# The first sheet's caption, by its labels, when OCR garbled both of the form's 'Judgment in a Criminal Case' ('AO MSB
# (Res. 06.05) Judgment ina Crinunal Case' over 'JUDGMENTIN A CRIMINAL CASE': held-out scans 90013 and 90041, whose
# caption pages were set aside as neither a judgment nor a BOP sheet, and a whole judgment with them). A computation
# sheet carries none of these labels.
_CAPTION_LABELS = {
    "court": re.compile(r"UNITED\s+STATES\s+DISTRICT\s+COURT", re.IGNORECASE),
    "parties": re.compile(r"UNITED\s+STATES\s+OF\s+AMERICA", re.IGNORECASE),
    "case": re.compile(r"\bCase\s+Number\b", re.IGNORECASE),
    "usm": re.compile(r"\bUSM\s+Number\b", re.IGNORECASE),
    "attorney": re.compile(r"Defendant.?s\s+Att", re.IGNORECASE),
    "defendant": re.compile(r"^\W{0,2}THE\s+DEFENDANT\b", re.M),
    "guilty": re.compile(r"pleaded\s+guilty|adjudicated\s+guilty", re.IGNORECASE),
}


def _first_sheet_caption(page: Page) -> bool:
    text = "\n".join(line.text for line in page.lines[:30])
    return sum(1 for label in _CAPTION_LABELS.values() if label.search(text)) >= 4


# A later sheet's caption, 'DEFENDANT: ...' over 'CASE NUMBER: ...', with both colons and the form's header line lost
# (tuning scan 40021: its Imprisonment sheet was set aside as no judgment page, and its terms with it)
_SHEET_CAPTION = re.compile(r"^\W{0,2}DEFENDANT\b.*\n\W{0,2}CASE\s+(?:NUMBER|NO\b)", re.M)


def case_number_on(page: Page) -> str | None:
    for line in page.lines:
        m = _CASE_NUMBER.search(line.text)
        if m:
            found = pat.docket(_docket_text(line.text[m.end():]))
            if found:
                return found.value
    return None


def _docket_text(rest: str) -> str:
    """The case number after its label: one token, or tokens OCR split apart ('2:10CR002 14-002')."""
    rest = re.split(r"\s{2,}|\)|\s\|", rest)[0].strip()
    tokens = rest.split()
    if not tokens:
        return ""
    if re.fullmatch(r"[A-Za-z]{1,3}", tokens[0]) and len(tokens) > 1:  # 'CR 407-123'
        tokens = [tokens[0] + tokens[1], *tokens[2:]]
    value = tokens[0]
    for token in tokens[1:]:
        if not re.fullmatch(r"[0-9OlI\-]{1,8}", token):
            break
        value += token
    return value


def _vote(reads: list[Read]) -> Read | None:
    """The value most reads agree on; disagreement lowers the confidence, agreement across pages raises OCR's."""
    if not reads:
        return None
    counter = Counter(str(r.value) for r in reads)
    votes_for = Counter(counter)
    # '1:97-cr-00550-' is '1:97-cr-00550-VMH-1' cut short by OCR at a part's end: its votes go to the whole. Not
    # '...-FDW-5' against '...-FDW-55' (a speck read as a digit): a part that goes on is not the same value.
    for short in counter:
        longer = [v for v in counter if len(v) > len(short) and v.startswith(short)
                  and (short[-1] in "-: " or v[len(short)] in "-: ")]
        if longer:
            votes_for[max(longer, key=len)] += votes_for.pop(short)
    value, votes = max(votes_for.items(), key=lambda kv: (kv[1], len(kv[0])))
    best = max((r for r in reads if str(r.value) == value), key=lambda r: r.confidence)
    confidence = best.confidence
    if len(counter) > 1:
        confidence = min(confidence, 0.5 + 0.3 * votes / len(reads))
        return Read(best.path, best.value, best.source, confidence, best.label,
                    "the pages disagree: " + ", ".join(f"'{v}'" for v in counter))
    if votes >= 2 and not best.note:
        confidence = max(confidence, min(TEXT_LAYER, sorted(r.confidence for r in reads)[-2] + 0.05))
    return Read(best.path, best.value, best.source, confidence, best.label, best.note)


def read_judgment(pages: list[Page]) -> JudgmentRead:
    out = JudgmentRead(pages=pages)
    first = pages[0]
    head = "\n".join(line.text for line in first.lines[:8])
    form = FORM.search(head)
    out.form = " ".join(filter(None, [form.group(1), form.group(2)])) if form else None
    whole = "\n".join(p.text for p in pages)
    out.amended = bool(re.search(r"AMENDED\s+JUDGMENT|Reason\s+for\s+Amendment", whole, re.IGNORECASE)) or bool(
        _ORIGINAL.search(whole)) or bool(form and re.search(r"245\s?C", form.group(1)))

    out.reads += _district(pages)
    dockets = [r for p in pages for r in _after_label(p, _CASE_NUMBER, "court.docket", "Case Number", _docket_value)]
    docket = _vote(dockets)
    if docket:
        out.reads.append(docket)
        out.docket = docket.value
    register = _vote([r for p in pages for r in _after_label(p, _USM, "person.register_number", "USM Number",
                                                              _register_value)])
    if register:
        out.reads.append(register)
    elif any(_USM.search(line.text) for p in pages for line in p.lines):
        out.asks.append("person.register_number")  # the label is printed, its number was not read
    names = [r for p in pages for r in _after_label(p, _DEFENDANT, "person.name", "Defendant", _name_value)]
    names += _caption_name(first)
    name = _vote(names)
    if name:
        out.reads.append(name)
    out.reads += _dates(pages, out.amended)
    out.reads += _judge(pages)
    if out.amended:
        out.reads += _amendment_reason(pages)
    counts = _counts(pages)
    convicted = _convicted(pages)
    counts = _suffixes_from_terms(counts, pages)
    counts, inferred = _labels_by_order(counts, convicted, pages)
    table = [str(r.value) for r in counts if r.path.endswith(".count")]
    rows_read = len({r.path.split("]")[0] for r in counts})
    merged = any(r.path.endswith(".nature_of_offense") and _SECOND_OFFENSE.search(str(r.value)) for r in counts)
    if merged or (convicted and (sorted(convicted) != sorted(table) or rows_read != len(convicted))):
        # the table's rows and the counts of conviction listed above it disagree: a row split, merged or misread
        counts = [Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label, r.note or
                       ("two rows of the counts table read as one" if merged else
                        "the counts table does not match the counts of conviction listed above it")) for r in counts]
        out.asks.append("judgment.counts")  # and what a row lost is asked with the table
    out.reads += counts
    rows = len({m.group(1) for r in counts if (m := re.match(r"judgment\.counts\[(\d+)\]", r.path))})
    labels = {int(m.group(1)): str(r.value) for r in counts
              if (m := re.fullmatch(r"judgment\.counts\[(\d+)\]\.count", r.path))}
    terms = _imprisonment(pages, labels, rows)
    terms = [r if not any(r.path.startswith(f"judgment.counts[{n}].") for n in inferred) else
             Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label,
                  r.note or "placed on the row by a count number not read in the table") for r in terms]
    if any(_LABELS_DISAGREE.search(r.note) for r in terms):  # the imprisonment's counts are not the table's
        out.reads = [r if not r.path.startswith("judgment.counts[") else
                     Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label, r.note or
                          "the counts table does not match the counts named in the imprisonment")
                     for r in out.reads]
        out.asks.append("judgment.counts")
    out.reads += terms
    out.asks += [r.path.removesuffix("months") + "days" for r in terms
                 if r.path.endswith("months") and "days after the months" in r.note]
    if rows > 1 and not any(re.search(r"counts\[\d+\]\.(months|life)$", r.path) for r in terms):
        section = _imprisonment_text(pages)
        if section is not None and re.search(r"\bCounts?\b", section.text):  # a split per count, not read
            out.asks += [f"judgment.counts[{n}].months" for n in range(rows)]
    out.reads += _supervision(pages)
    dismissed = _dismissed(pages)
    if dismissed is None:
        out.asks.append("judgment.counts_dismissed")
    else:
        # a count both convicted and dismissed: one of them is misread
        out.reads += [r if not set(labels.values()) & set(r.value) else
                      Read(r.path, r.value, r.source, min(r.confidence, 0.5), r.label,
                           "a count dismissed is also in the counts table") for r in dismissed]
    return out


# --- labelled values -------------------------------------------------------------------------------------------

def _after_label(page: Page, label: re.Pattern[str], path: str, name: str,
                 parse: object) -> list[Read]:
    found = []
    for line in page.lines:
        text = Text.of([line])
        m = label.search(text.text)
        if not m:
            continue
        value = parse(text, m.end(), path, name, page)  # type: ignore[operator]
        if value is not None:
            found.append(value)
    return found


def _docket_value(text: Text, at: int, path: str, label: str, page: Page) -> Read | None:
    raw = _docket_text(text.text[at:])
    found = pat.docket(raw)
    if not found:
        return None
    start = text.text.find(raw.split()[0] if raw.split() else raw, at)
    # CM/ECF case numbers have five digits ('1:06-cr-00651'): fewer, read by OCR, is a number cut short
    short = text.confidence(start, start + len(raw)) < 1.0 and bool(_CUT_SHORT.match(found.value))
    return read_at(text, start, start + len(raw), path, found.value, label=label, fixed=found.fixed,
                   ceiling=0.75 if short else TEXT_LAYER, note="the case number looks cut short" if short else "")


_CUT_SHORT = re.compile(r"^\d:\d\d-[a-z]{2}-\d{1,4}(?:-|$)")


def _register_value(text: Text, at: int, path: str, label: str, page: Page) -> Read | None:
    squeezed = re.match(r"\s*([0-9OolI|SB]{1,5})\s([0-9OolI|SB]{1,4})\s?-", text.text[at:])
    if squeezed and len(squeezed.group(1) + squeezed.group(2)) == 5:  # OCR split the number: '7784 1-083'
        joined = text.text[at:].replace(" ", "", 1 if squeezed.start(2) else 0)
        found = pat.register_number(joined[:16])
        if found:
            start = at + squeezed.start(1)
            return read_at(text, start, start + 10, path, found.value, label=label, fixed=True)
    m = pat.REGISTER.search(text.text, at)
    found = pat.register_number(m.group()) if m and m.start() - at <= 4 else None
    if m is None or found is None:
        return _register_again(text, at, path, label, page)
    return read_at(text, m.start(), m.end(), path, found.value, label=label, fixed=found.fixed)


def _register_again(text: Text, at: int, path: str, label: str, page: Page) -> Read | None:
    """A USM number OCR read out of its shape ('83664-5114'): the word after the label read again on its own, with
    only digits and the hyphen (ocr.read_again); what that gives is asked, never taken as sure."""
    start = len(text.text) - len(text.text[at:].lstrip())
    box = text.boxes[start] if start < len(text.boxes) else None
    if page.image is None or box is None:
        return None
    height = box[3] - box[1]
    words = read_again(page.image, (box[0] - 0.3 * height, box[1] - 0.3 * height, box[2] + 0.8 * height,
                                    box[3] + 0.3 * height), "0123456789-")
    again = Text.of([Line(words, page.number, page.file)]) if words else None
    m = pat.REGISTER.search(again.text) if again else None
    found = pat.register_number(m.group()) if m else None
    if again is None or m is None or found is None or m.start() > 0:
        return None
    return read_at(again, m.start(), m.end(), path, found.value, label=label, ceiling=0.75,
                   note="the number was read a second time on its own: the first reading did not fit its shape")


def _name_value(text: Text, at: int, path: str, label: str, page: Page) -> Read | None:
    raw = re.split(r"\s{2,}|\)", text.text[at:])[0].strip()
    if not re.fullmatch(r"[A-Za-z][A-Za-z.'\- ]{2,60}", raw):
        return None
    return read_at(text, at, at + len(raw), path, pat.person_name(raw), label=label)


def _caption_name(page: Page) -> list[Read]:
    """The name in the caption: the line after 'v.', left of the ')' column."""
    for n, line in enumerate(page.lines[:-1]):
        if re.match(r"^\s*(?:v\.?|vs\.?)\s*(?:\)|\||$)", line.text, re.IGNORECASE):
            below = page.lines[n + 1]
            text = Text.of([below])
            raw = re.split(r"\s*[)|}\]]\s*|\s{2,}", text.text)[0].strip()
            if re.fullmatch(r"[A-Za-z][A-Za-z.'\- ]{2,60}", raw) and "Case" not in raw:
                return [read_at(text, 0, len(raw), "person.name", pat.person_name(raw),
                                label="Defendant")]
    return []


def _district(pages: list[Page]) -> list[Read]:
    page = pages[0]
    for n, line in enumerate(page.lines[:20]):
        if not re.search(r"UNITED\s+STATES\s+DISTRICT\s+COURT", line.text, re.IGNORECASE):
            continue
        for candidate in page.lines[n:n + 3]:
            text = Text.of([candidate])
            m = _DISTRICT.search(text.text)
            if m:
                name = " ".join(m.group().split())
                short = abbreviation(name)
                if short and divided(short):  # the division's word lost: asked, never taken
                    return [read_at(text, m.start(), m.end(), "court.district", short, label="District",
                                    ceiling=0.5, note="this state has several districts: which one?")]
                if short:
                    return [read_at(text, m.start(), m.end(), "court.district", short, label="District")]
                near = closest(name)
                if near:  # letters misread in a known district's name: taken, and asked about
                    return [read_at(text, m.start(), m.end(), "court.district", near[1], label="District",
                                    fixed=True)]
                return [read_at(text, m.start(), m.end(), "court.district", name, label="District",
                                ceiling=0.5, note="not a district reprieve knows")]
    return []


def _date_above(page: Page, label: re.Pattern[str]) -> tuple[Text, int, int, bool, object] | None:
    for n, line in enumerate(page.lines):
        m = label.search(line.text)
        if not m:
            continue
        candidates = [line, *reversed(page.lines[max(0, n - 3):n])]
        for candidate in candidates:
            text = Text.of([candidate])
            found = pat.find_date(text.text)
            if found:
                return text, found[2], found[3], found[1], found[0]
    return None


def _dates(pages: list[Page], amended: bool) -> list[Read]:
    out = []
    for page in pages:
        at, ceiling = _date_above(page, _IMPOSITION), TEXT_LAYER
        if at is None:  # a label OCR broke may be another date's ('Date of Onginal Judgment'): asked
            at, ceiling = _date_above(page, _IMPOSITION_DAMAGED), 0.7
        if at:
            text, start, end, fixed, day = at
            path = "judgment.amended_on" if amended else "judgment.imposed_on"
            label = "Date of Imposition of Judgment"
            out.append(read_at(text, start, end, path, day.isoformat(), label=label,  # type: ignore[attr-defined]
                               fixed=fixed, ceiling=ceiling))
            break
    if amended:
        for page in pages:
            for line in page.lines:
                text = Text.of([line])
                m = _ORIGINAL.search(text.text)
                found = pat.find_date(text.text, m.end()) if m else None
                if m and found:
                    exact = re.search(r"Original", m.group(), re.IGNORECASE) is not None  # else a label OCR broke
                    out.append(read_at(text, found[2], found[3], "judgment.imposed_on", found[0].isoformat(),
                                       label="Date of Original Judgment", fixed=found[1],
                                       ceiling=TEXT_LAYER if exact else 0.85))
                    return out
    return out


_NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "du", "dos",
                             "das", "bin", "ibn", "al", "y"})


_SIGNATURE_LABEL = re.compile(r"Signature\s+of\s+Judge", re.IGNORECASE)


def _name_above(page: Page, n: int) -> Read | None:
    """The judge's name on the line above the label at line n: 'Name and Title of Judge' or, where the judgment is
    signed electronically ('/s/ Leonie M. Brinkema'), 'Signature of Judge'."""
    if n == 0:
        return None
    above = page.lines[n - 1]
    if n >= 2 and sum(ch.isalpha() for ch in above.text) < 3:
        above = page.lines[n - 2]  # a speck read as a line of its own between the name and its label
    words = list(above.words)
    while len(words) > 1 and len(words[0].text) <= 2 and words[0].conf < 0.5:
        words = words[1:]  # a speck before the name
    text = Text.of([Line(words, above.page, above.file)])
    raw = text.text.strip().lstrip("_-\u2014.,'` ")  # the signature line's underscores
    raw = re.sub(r"^[/|Il1]?[sS5][/|Il1]\W{0,2}\s+", "", raw)  # '/s/' as OCR reads it: 'Is/', '/s|'
    if not raw:
        return None
    name = pat.judge_name(raw)
    if not re.fullmatch(r"[A-Z][A-Za-z.'\- ]{3,60}", name):
        return None
    start = text.text.find(raw.split()[0])
    # a word of a name that begins in lower case ('Coving ton'): OCR split a word, so asked
    split = page.method == "ocr" and any(w[0].islower() and w not in _NAME_PARTICLES for w in name.split())
    return read_at(text, start, start + len(name), "court.judge", name, label="Name and Title of Judge",
                   ceiling=0.6 if split else TEXT_LAYER,
                   note="a word of the name begins in lower case: OCR may have split a word" if split else "")


def _judge(pages: list[Page]) -> list[Read]:
    """The name under the signature, checked against the '/s/' signature when that reads as the same person (a word
    of the name in common): where the two differ OCR misread one ('Brinkerna', "Leonie'M."), so the likelier is
    taken and asked about, with both shown. Where the name's label was not read, the signature's name, asked."""
    signed: Read | None = None
    for page in pages:
        for n, line in enumerate(page.lines):
            if signed is None and _SIGNATURE_LABEL.search(line.text):
                signed = _name_above(page, n)
            if not _JUDGE_LABEL.search(line.text):
                continue
            read = _name_above(page, n)
            if read is None:
                continue
            signed = next((_name_above(page, k) for k in range(n - 1, max(0, n - 6), -1)
                           if _SIGNATURE_LABEL.search(page.lines[k].text)), None)
            if signed is None or signed.value == read.value or not set(signed.value.split()) & set(read.value.split()):
                return [read]
            best = max((read, signed), key=lambda r: r.confidence)
            return [dataclasses.replace(best, confidence=min(best.confidence, 0.5),
                                        note=f"the signature reads '{signed.value}', the name under it '{read.value}'")]
    if signed is not None and len(signed.value.split()) >= 2:
        return [dataclasses.replace(signed, confidence=min(signed.confidence, 0.6),
                                    note="read from the signature: the name and title under it were not read")]
    return []


def _amendment_reason(pages: list[Page]) -> list[Read]:
    page = pages[0]
    start = next((n for n, line in enumerate(page.lines) if re.search(r"Reason\s+for\s+Amendment", line.text,
                                                                       re.IGNORECASE)), None)
    if start is None:
        return []
    end = next((n for n, line in enumerate(page.lines[start + 1:], start + 1)
                if re.search(r"THE\s+DEFENDANT", line.text)), len(page.lines))
    middle = page.width / 2
    items: list[tuple[str, list[Line]]] = []  # (mark, lines) per reason printed
    for column in ((0.0, middle), (middle, page.width)):
        for line in page.lines[start + 1:end]:
            part = line.part(*column)
            if not part.words:
                continue
            words = part.text.split()
            mark, body = (words[0], " ".join(words[1:])) if len(words) > 1 and len(words[0]) <= 3 else ("", part.text)
            if _known_reason(body) is not None or not items:
                items.append((mark, [part]))
            else:
                items[-1][1].append(part)
    checked: list[Read] = []
    unsure = False
    odd: list[Read] = []  # reasons whose box is neither a checked nor an empty box as OCR reads them
    known: list[tuple[str, str, list[Line]]] = []  # (reason, mark, lines) of the items that are a reason printed
    for mark, lines in items:
        whole = " ".join(" ".join(ln.text.split()[1:]) if n == 0 and mark else ln.text for n, ln in enumerate(lines))
        reason = _best_reason(whole)
        if reason is None:
            continue
        known.append((reason, mark, lines))
        state = pat.checkbox(mark) if mark else False
        if state is None:
            unsure = True
            text = Text.of(lines)
            odd.append(read_at(text, 0, len(text.text), "judgment.amendment_reason", reason,
                               label="Reason for Amendment", ceiling=0.6,
                               note="the only box not read as empty; its mark was not clear"))
        if state:
            ceiling = TEXT_LAYER if mark in ("X", "x", "☒") else 0.8
            text = Text.of(lines)
            checked.append(read_at(text, 0, len(text.text), "judgment.amendment_reason", reason,
                                   label="Reason for Amendment", ceiling=ceiling))
    by_ink = _checked_by_ink(page, [(mark, lines) for _, mark, lines in known])
    if by_ink is not None:  # the ink settles a box OCR could not read, or contradicts a mark it read
        reason, _, lines = known[by_ink]
        text = Text.of(lines)
        if [r.value for r in checked] == [reason]:
            return checked
        note = ("the box was read as checked from the ink on the page; its mark was not read" if not checked else
                "the ink on the page and the mark as read disagree on which box is checked")
        return [read_at(text, 0, len(text.text), "judgment.amendment_reason", reason, label="Reason for Amendment",
                        ceiling=0.8 if not checked else 0.6, note=note)]
    if len(checked) == 1:
        read = checked[0]
        if unsure:
            return [Read(read.path, read.value, read.source, min(read.confidence, 0.6), read.label,
                         "another box could not be read")]
        return checked
    if len(checked) > 1:
        return [Read(checked[0].path, "; ".join(r.value for r in checked), checked[0].source, 0.7,
                     checked[0].label)]
    return odd if len(odd) == 1 else []


def _checked_by_ink(page: Page, items: list[tuple[str, list[Line]]]) -> int | None:
    """On a scanned page, which reason's box is checked by the ink left of its first word (ocr.checked_by_ink)."""
    if page.image is None:
        return None
    firsts = [lines[0].words[1] if mark else lines[0].words[0] for mark, lines in items]
    return checked_by_ink([ink_left_of(page.image, word) for word in firsts])


def _best_reason(text: str) -> str | None:
    scored = [(difflib.SequenceMatcher(None, text.lower(), reason.lower()).ratio(), reason)
              for reason in AMENDMENT_REASONS]
    score, reason = max(scored)
    return reason if score > 0.75 else None


def _known_reason(body: str) -> str | None:
    if len(body) < 12:
        return None
    for reason in AMENDMENT_REASONS:
        head = reason[:len(body)] if len(body) < len(reason) else reason
        if difflib.SequenceMatcher(None, body[:len(head)].lower(), head.lower()).ratio() > 0.8:
            return reason
    return None


# --- the counts table --------------------------------------------------------------------------------------------

_HEADER_WORDS = ("title", "section", "nature", "offense", "ended", "concluded", "count", "counts")


_HEADER_PARTS = re.compile(r"tit|sect|nat|off|end|coun|ount", re.IGNORECASE)


def _header_word(text: str) -> str:
    """A header word as OCR may damage it ('Natwe', 'Cout', 'Title&'): the header word it is close to."""
    plain = re.sub(r"[^a-z]", "", text.lower())
    if plain in _HEADER_WORDS or len(plain) < 4:
        return plain
    close = difflib.get_close_matches(plain, _HEADER_WORDS, n=1, cutoff=0.7)
    return close[0] if close else plain


def _split_merged(line: Line) -> Line:
    """'OffenseEnded' (OCR lost the space) -> 'Offense' 'Ended', the second word placed by its share of letters."""
    words = []
    for w in line.words:
        m = re.fullmatch(r"(Offense|Date)(Ended|Concluded|Offense)", w.text.strip(":"), re.IGNORECASE)
        if m is None:
            words.append(w)
            continue
        cut = w.x0 + (w.x1 - w.x0) * len(m.group(1)) / len(m.group())
        words += [Word(m.group(1), w.x0, cut, w.top, w.bottom, w.conf),
                  Word(m.group(2), cut, w.x1, w.top, w.bottom, w.conf)]
    return Line(words, line.page, line.file)


def _count_heading(text: str) -> bool:
    """The table's last heading, 'Count' or 'Counts', as OCR may damage it past the fuzzy match ('Coum': held-out scan
    90001, whose whole counts table was lost with it): a word of 4-6 letters beginning 'co'."""
    return text.rstrip("s") == "count" or re.fullmatch(r"co[a-z]{2,4}", text) is not None


def _header_columns(line: Line) -> tuple[float, float, float, float] | None:
    if len(_HEADER_PARTS.findall(line.text)) < 3:
        return None  # not the header: spares the fuzzy match of every word of the page
    line = _split_merged(line)
    words = line.words
    texts = [_header_word(w.text) for w in words]
    if not ("title" in texts and any(_count_heading(t) for t in texts[-2:])):
        return None
    title = words[texts.index("title")].x0
    nature = next((w.x0 for w, t in zip(words, texts, strict=True) if t == "nature"), None)
    offense = [w.x0 for w, t in zip(words, texts, strict=True) if t == "offense"]
    ended = offense[-1] if len(offense) >= 2 else next((w.x0 for w, t in zip(words, texts, strict=True)
                                                         if t in ("ended", "concluded")), None)
    count = words[-1].x0 if _count_heading(texts[-1]) else words[-2].x0
    if nature is None or ended is None:
        return None
    return title, nature, ended, count


def _counts(pages: list[Page]) -> list[Read]:
    rows: list[list[Line]] = []  # each row: [title part, nature part, ended part, count part] lines
    where: list[tuple[Page, list[tuple[float, float]]]] = []  # each row's page and its cells' left and right
    for page in pages:
        columns = None
        for line in page.lines:
            if columns is None:
                columns = _header_columns(line)
                continue
            if _TABLE_END.search(line.text):
                columns = None
                continue
            _, nature_x, ended_x, count_x = columns
            bounds = [(0.0, nature_x - 4), (nature_x - 4, ended_x - 4), (ended_x - 4, count_x - 8),
                      (count_x - 8, page.width)]
            parts = [line.part(a, b) for a, b in bounds]
            # a speck beside the count's label ('1 /') is no part of it: the Count cell holds a number or a word
            parts[3] = Line([w for w in parts[3].words if any(ch.isalnum() for ch in w.text)], line.page, line.file)
            drifted = list(itertools.takewhile(lambda w: not any(ch.isdigit() for ch in w.text), parts[2].words))
            if drifted and len(drifted) < len(parts[2].words):  # 'crime 8/25/2009': the cell's end slid right
                parts[1] = Line(parts[1].words + [dataclasses.replace(w, conf=min(w.conf, 0.7)) for w in drifted],
                                line.page, line.file)
                parts[2] = Line(parts[2].words[len(drifted):], line.page, line.file)
            shown = pat.count_label(parts[3].text).value if parts[3].words else ""
            starts_row = bool(re.fullmatch(r"\d+[a-z]{0,3}", shown)) or bool(parts[2].words and
                                                                          pat.find_date(parts[2].text))
            if parts[3].words and not starts_row and not (parts[0].words or parts[1].words):
                starts_row = True  # a label OCR mangled on a line of its own: a row still, asked
            if starts_row or not rows:
                rows.append(parts)
                where.append((page, bounds))
            else:
                previous = rows[-1]
                for k in (0, 1):
                    if parts[k].words:
                        previous[k] = Line(previous[k].words + parts[k].words, previous[k].page, previous[k].file)
    # a speck on its own line (read as '_' or '/') is not a row; a row all of whose cells were lost is caught by the
    # check against the counts of conviction
    kept = [n for n, row in enumerate(rows) if sum(ch.isalnum() for part in row for ch in part.text) >= 3]
    rows, where = [rows[n] for n in kept], [where[n] for n in kept]
    out: list[Read] = []
    for n, row in enumerate(rows):
        title, nature, ended, count = row
        page, bounds = where[n]
        prefix = f"judgment.counts[{n}]"
        label = pat.count_label(Text.of([count]).text) if count.words else None
        if page.method == "ocr" and not (label and _COUNT_LABEL.fullmatch(label.value)) and (
                again := _count_again(page, row, bounds[3])):
            out.append(read_at(again, 0, len(again.text), f"{prefix}.count", pat.count_label(again.text).value,
                               label="Count", fixed=True,
                               note="the cell was read a second time on its own: the first reading gave no count"))
        elif count.words and label:
            text = Text.of([count])
            out.append(read_at(text, 0, len(text.text), f"{prefix}.count", label.value, label="Count",
                               fixed=label.fixed))
        if title.words:
            out += _statute_reads(page, title, nature, bounds[0], prefix)
        specks = list(itertools.takewhile(_speck, reversed(nature.words))) if page.method == "ocr" else []
        if specks and len(specks) < len(nature.words):  # 'laundering oe', 'heroin _': specks after the last word
            nature = Line(nature.words[:-len(specks)], nature.page, nature.file)
        if nature.words:
            text = Text.of([nature])
            written = pat.nature(text.text)
            written = pat.Fixed(written.value, written.fixed or bool(specks))
            value = written.value
            odd = text.confidence(0, len(text.text)) < 1.0 and any(
                word.lower() not in pat.OFFENSE_WORDS for word in re.findall(r"[A-Za-z]{5,}", value))
            # 'and Possession of a firearm': the Title & Section cell's 'and' slid into this column (held-out
            # specimen 60058, taken at 0.95): the row's cells were split in the wrong place
            slid = re.match(r"(?:and|or)\b", value) is not None
            out.append(read_at(text, 0, len(text.text), f"{prefix}.nature_of_offense", value,
                               label="Nature of Offense", fixed=written.fixed,
                               ceiling=0.6 if slid else 0.85 if odd else TEXT_LAYER,
                               note="it begins with a word of the Title & Section cell" if slid else
                               "a word OCR read is not one offense descriptions use" if odd else ""))
            drug, quantity, clean = pat.drug_and_quantity(value)
            ceiling = DERIVED if clean else 0.6
            if drug:
                out.append(read_at(text, 0, len(text.text), f"{prefix}.drug", drug, label="Nature of Offense",
                                   ceiling=ceiling, note="the substance named in 'Nature of Offense'"))
            if quantity:
                out.append(read_at(text, 0, len(text.text), f"{prefix}.quantity", quantity,
                                   label="Nature of Offense", ceiling=ceiling,
                                   note="the quantity named in 'Nature of Offense'"))
        found = pat.find_date(Text.of([ended]).text) if ended.words else None
        if found:
            text = Text.of([ended])
            out.append(read_at(text, found[2], found[3], f"{prefix}.offense_ended",
                               found[0].isoformat(), label="Offense Ended", fixed=found[1]))
        elif ended.words and (slashed := pat.slash_read_as_one(Text.of([ended]).text)):
            text = Text.of([ended])
            out.append(read_at(text, slashed[1], slashed[2], f"{prefix}.offense_ended", slashed[0].isoformat(),
                               label="Offense Ended", fixed=True))
        elif again_date := _date_again(page, ended if ended.words else title, bounds[2]):
            again, (when, start, end) = again_date  # the cell read again on its own, with date characters only
            out.append(read_at(again, start, end, f"{prefix}.offense_ended", when.isoformat(),
                               label="Offense Ended", fixed=True,
                               note="the cell was read a second time on its own: the first reading gave no date"))
        else:  # the date drifted into the next column (a slanted photo): taken from there, and asked
            for cell in (nature, count):
                text = Text.of([cell])
                found = pat.find_date(text.text) if cell.words else None
                if found:
                    out.append(read_at(text, found[2], found[3], f"{prefix}.offense_ended", found[0].isoformat(),
                                       label="Offense Ended", fixed=True))
                    break
    return out


def _statute_reads(page: Page, title: Line, nature: Line, column: tuple[float, float], prefix: str) -> list[Read]:
    """The Title & Section cell (and the penalty provision it names): a scan's cell that is no citation read again
    (`_STATUTE_TRIES`), and a 924(c) citation OCR garbled rebuilt from the offense described (`_firearm_clause`)."""
    text = Text.of([title])
    first = " ".join(text.text.split())
    written = pat.statute(text.text)
    ceiling, note = TEXT_LAYER, ""
    if page.method == "ocr" and not pat.WELL_FORMED_STATUTE.match(written.value):
        note = "not a well-formed citation as read"
        for image, block, whitelist in _STATUTE_TRIES:
            again = _cell_again(page, title, column, whitelist, image=image, block=block)
            rewritten = pat.statute(again.text) if again else None
            if again and rewritten and pat.WELL_FORMED_STATUTE.match(rewritten.value):
                text, written = again, rewritten
                note = "the cell was read a second time on its own: the first reading was not a citation"
                break
        ceiling = 0.6
    described = Text.of([nature]).text
    # the first reading garbled, a second one (or the repair of the first) may have lost the clause: '924(c)(1)(A)()'
    if page.method == "ocr" and not pat.penalty(written.value) and (
            clause := _firearm_clause(written.value, described) or _firearm_clause(first, described)):
        written, note = pat.Fixed(clause, True), _FIREARM_NOTE
    value = written.value
    out = [read_at(text, 0, len(text.text), f"{prefix}.statute", value, label="Title & Section",
                   fixed=written.fixed, ceiling=ceiling, note=note)]
    provision = pat.penalty(value)
    if provision:
        out.append(read_at(text, 0, len(text.text), f"{prefix}.penalty", provision,  # as sure as the cell
                           label="Title & Section", ceiling=min(ceiling, FIXED_CAP if written.fixed
                                                               else TEXT_LAYER), note=note))
    return out


# 18 U.S.C. 924(c)(1)(A): a person who uses or carries a firearm during and in relation to a crime of violence or drug
# trafficking crime, or possesses one in furtherance of it, "(i) be sentenced to a term of imprisonment of not less than
# 5 years; (ii) if the firearm is brandished, ... not less than 7 years; and (iii) if the firearm is discharged, ... not
# less than 10 years". Its run of parentheses '(c)(1)(A)(i)' is what OCR garbles most in a Title & Section cell
# ('924(c\\(1 KAM)', '924(c)( 1 MAD)', '924(c)(1 (AD)': 8 of the held-out scans' 12 statute cells wrong), or reads
# as '924(c)(1)(A)()' or, read again, '924(c)(1)(A)' with the clause lost (4 more). When the cell cites 924 alone, OCR's
# first reading of it was no citation, and what follows 924 fits no other subsection, the offense described names the
# clause: brandishing (ii), discharging (iii), else (i). Not a description of another firearm provision: a
# conspiracy (924(o)), a death (924(j)), a machinegun, short-barreled weapon, silencer or destructive device
# (924(c)(1)(B)), armor-piercing ammunition (924(c)(5)). Taken as a repair: asked.
_FIREARM_CONDUCT = re.compile(r"\bfirearms?\b.*\b(?:in\s+furtherance\s+of|in\s+relation\s+to)\b|"
                              r"\b(?:in\s+furtherance\s+of|in\s+relation\s+to)\b.*\bfirearms?\b", re.IGNORECASE)
_OTHER_FIREARM_PROVISION = re.compile(r"conspir|death|murder|kill|machine\s*gun|short[\s-]*barrel|silencer|muffler|"
                                      r"destructive|armor", re.IGNORECASE)
# one citation of section 924 and what OCR made of its subsections (no second section, no 'and')
_GARBLED_924 = re.compile(r"^\D{0,3}\d{0,2}\D{0,12}?(?<!\d)924(?P<rest>[^,]{0,18})$")
_FIREARM_NOTE = ("the subsections of 924(c) were not read clearly: the clause of 924(c)(1)(A) was taken from the "
                 "offense described")


def _firearm_clause(statute: str, description: str) -> str | None:
    """The 924(c)(1)(A) citation a Title & Section cell OCR garbled stands for, from the row's Nature of Offense;
    None when the cell reads as a citation already, cites more than 924, or the offense is not 924(c)(1)(A)'s."""
    m = _GARBLED_924.match(statute)
    if m is None or pat.WELL_FORMED_STATUTE.match(statute) or not _FIREARM_CONDUCT.search(description) or \
            _OTHER_FIREARM_PROVISION.search(description):
        return None
    rest = m.group("rest")
    if re.search(r"\band\b|\d{2}", rest) or re.match(r"\s?\((?!c\))[a-z]\)", rest):  # another section, subsection
        return None
    clause = "iii" if re.search(r"discharg", description, re.IGNORECASE) else "ii" if re.search(
        r"brandish", description, re.IGNORECASE) else "i"
    return f"18 U.S.C. § 924(c)(1)(A)({clause})"


# A Title & Section cell that is no citation is read again until one reading is: first each line alone from the soft
# page (before its light greys were whitened: a faint scan's thin strokes, '§', '/', the dots of 'U.S.C.', survive
# there), then the whole cell as one block (Tesseract finds its lines better than a crop of each, which clips the
# parentheses of a wrapped line's neighbours), from the soft page, the clean one, and with only the characters a
# citation has. Each try costs a few tenths of a second, and only a cell no citation was read from is tried.
_CITATION_CHARS = "0123456789()§.,:&USCabcdefghijklmnopqrstuvwxyzABCDE"
_STATUTE_TRIES: tuple[tuple[str, bool, str | None], ...] = (
    ("soft", False, None), ("soft", True, None), ("clean", True, None), ("soft", True, _CITATION_CHARS))


_COUNT_LABEL = re.compile(r"\d{1,3}s{0,3}")


def _date_again(page: Page, cell: Line, column: tuple[float, float]) -> tuple[Text, tuple[date, int, int]] | None:
    """An Offense Ended cell that gave no date read again with date characters only: from the soft page, then the
    clean one (tuning scan 40031: nothing from the soft page, '172021' from the clean one); a date with a slash read
    as '1', or with both slashes lost, taken where only one date fits the digits."""
    for image in ("soft", "clean"):
        again = _cell_again(page, cell, column, "0123456789/", image=image)
        if again is None:
            continue
        found = pat.find_date(again.text)
        if found:
            return again, (found[0], found[2], found[3])
        mended = pat.slash_read_as_one(again.text) or pat.slashes_lost(again.text)
        if mended:
            return again, mended
    return None


def _speck(word: Word) -> bool:
    """A word OCR was not at all sure of, too short to be a word of an offense description: a speck."""
    text = word.text.strip("-_.,;:'\"|!~`")
    return word.conf < 0.3 and len(text) <= 2 and text.lower() not in pat.OFFENSE_WORDS


def _count_again(page: Page, row: list[Line], column: tuple[float, float]) -> Text | None:
    """A Count cell OCR lost or read as no count ('!', '|', nothing) read again on its own, on the row's first line
    (ocr.read_short); None when that gives no count either."""
    cell = next((c for c in (row[3], *row[:3]) if c.words), None)
    if cell is None:
        return None
    first = min(cell.words, key=lambda w: w.top)
    if page.image is None:
        return None
    height = first.bottom - first.top
    words = read_short(page.image if page.soft is None else page.soft,
                       (column[0], first.top - 0.5 * height, column[1], first.bottom + 0.5 * height))
    words = [dataclasses.replace(w, text=w.text.strip("-_.,;:'\"|!")) for w in words]  # '1-': a speck beside it
    words = [w for w in words if w.text]
    again = Text.of([Line(words, page.number, page.file)], " ") if words else None
    return again if again and _COUNT_LABEL.fullmatch(pat.count_label(again.text).value) else None


def _cell_again(page: Page, cell: Line, column: tuple[float, float], whitelist: str | None, *,
                image: str = "soft", block: bool = False, psm: int = 6) -> Text | None:
    """A counts-table cell of a scanned page read again on its own (ocr.read_again): each of its lines, from the
    column's left to its right, one line at a time, or all its lines as one block (`block`); from the soft page, or
    the clean one (`image`); None without a page image or when nothing is read. `cell` gives the lines' heights (for
    an empty cell, another cell of the same row)."""
    if page.image is None or not cell.words:
        return None
    bands: list[tuple[float, float]] = []
    for word in sorted(cell.words, key=lambda w: w.top):
        if bands and word.top < bands[-1][1] - 0.3 * (word.bottom - word.top):
            bands[-1] = (min(bands[-1][0], word.top), max(bands[-1][1], word.bottom))
        else:
            bands.append((word.top, word.bottom))
    if block:
        bands = [(bands[0][0], bands[-1][1])]
    lines = []
    for top, bottom in bands:
        height = min(bottom - top, cell.words[0].bottom - cell.words[0].top)
        words = read_again(page.image if page.soft is None or image == "clean" else page.soft,
                           (column[0], top - 0.3 * height, column[1], bottom + 0.3 * height), whitelist,
                           scale=1.5, psm=psm)
        if words:
            lines.extend([Line(line.words, page.number, page.file) for line in group_lines(words, page.number)]
                         if block else [Line(words, page.number, page.file)])
    return Text.of(lines, " ") if lines else None


# --- imprisonment, supervised release, dismissed counts ------------------------------------------------------------

def _section(pages: list[Page], heading: re.Pattern[str], start: re.Pattern[str],
             stop: re.Pattern[str]) -> Text | None:
    for page in pages:
        lines = page.lines
        top = next((n for n, line in enumerate(lines) if heading.search(line.text)), None)
        if top is None:
            continue
        body: list[Line] = []
        begun = False
        for line in lines[top + 1:]:
            if not begun:
                m = start.search(line.text)
                if not m:
                    continue
                begun = True
            elif stop.search(line.text):
                break
            body.append(line)
        if body:
            return Text.of(body, " ")
    return None


_DAY_AFTER = re.compile(r"[\W_]*and\b[^.;]{0,12}?\bd\w{1,3}\b", re.IGNORECASE)


def _term_reads(text: Text, where: list[int], term: Term, path: str, label: str,
                ceiling: float) -> list[Read]:
    start, end = where[term.start], where[max(term.end - 1, term.start)] + 1
    note = ""
    if any(a < end and start < b for a, b in spelled_disagrees(text.text)):
        ceiling, note = min(ceiling, 0.6), "the number in words and the number in digits disagree"
    if term.life:
        return [read_at(text, start, end, f"{path}life", True, label=label, ceiling=ceiling, note=note)]
    if not term.days and _DAY_AFTER.match(text.text, end):  # '12 MONTHS and | dav': the day was not read
        ceiling, note = min(ceiling, 0.6), "a number of days after the months could not be read"
    out = [read_at(text, start, end, f"{path}months", term.months, label=label, ceiling=ceiling, note=note)]
    if term.days:
        out.append(read_at(text, start, end, f"{path}days", term.days, label=label, ceiling=ceiling, note=note))
    return out


def _imprisonment_text(pages: list[Page]) -> Text | None:
    return _section(pages, _IMPRISONMENT_HEADING, re.compile(r"total\s+term|imprisoned|committed", re.IGNORECASE),
                    re.compile(r"recommendations|remanded|surrender|^\s*RETURN\s*$|^\W{0,3}The\s+court\s+makes",
                               re.IGNORECASE))


def _imprisonment(pages: list[Page], labels: dict[int, str], rows: int) -> list[Read]:
    """The total term and each count's, placed on the counts table's rows by their labels (row -> label; a row whose
    label was not read gets no term and is asked)."""
    found = _imprisonment_text(pages)
    if found is None:
        return []
    text = found
    at = re.search(r"total\s+term\s+of\s*:?", text.text, re.IGNORECASE)
    body = text.text[at.end():] if at else text.text
    offset = at.end() if at else 0
    from reprieve.intake.terms import normalize

    normalized, where = normalize(body)
    where = [w + offset for w in where]
    result = read_imprisonment(body)
    assert result.text == normalized
    result.counts, guessed = _place_unlabelled(result.counts, labels)
    out: list[Read] = []
    derived = total_of(result.counts)
    agrees = result.total is None or derived is None or (
        derived.life == result.total.life and derived.months == result.total.months
        and (derived.days or None) == (result.total.days or None))
    ceiling = TEXT_LAYER if agrees else 0.55
    note = "" if agrees else "the terms per count do not add up to the total term stated"
    if _mixed(text):
        ceiling, note = 0.5, "the printed term has handwriting or a pasted correction beside it"
    total = result.total
    if total is None and len(result.counts) == 0:
        return []
    if total is not None:
        path = "judgment.total_"
        out += [Read(r.path, r.value, r.source, r.confidence, r.label, note or r.note)
                for r in _term_reads(text, where, total, path, "total term of imprisonment", ceiling)]
    by_label = {c.label: c for c in result.counts}
    if not result.counts and total is not None and rows == 1:
        by_label = {}
        out += [Read(r.path, r.value, r.source, r.confidence, r.label, note or r.note)
                for r in _term_reads(text, where, total, "judgment.counts[0].", "total term of imprisonment",
                                     ceiling)]
    for n, label in labels.items():
        # '3' in the table, 'Count 3s' in the wording (or the reverse): one reading lost or added a superseding
        # count's 's'; the same count, its term placed (and asked: the labels disagree, below)
        c = by_label.get(label) or by_label.get(label.rstrip("s")) or by_label.get(label + "s")
        if c is None:
            continue
        prefix = f"judgment.counts[{n}]."
        out += [Read(r.path, r.value, r.source, r.confidence, r.label, note or r.note)
                for r in _term_reads(text, where, c.term, prefix, f"the term on Count {label}", ceiling)]
        if c.consecutive_to:
            start = where[c.term.start]
            out.append(read_at(text, start, min(len(text.text), start + 120),
                               f"{prefix}consecutive_to", c.consecutive_to, label=f"how Count {label} runs",
                               ceiling=ceiling))
    missing = [label for label in labels.values() if label not in by_label and label.rstrip("s") not in by_label]
    table = set(labels.values()) | {label.rstrip("s") for label in labels.values()}
    unknown = [label for label in by_label if label not in table]
    if result.counts and missing:
        out = [Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label,
                    "the term of Count(s) " + ", ".join(missing) + " was not found") for r in out]
    if unknown:  # a count the table does not show (its label misread there or here): no term placed is sure
        out = [Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label,
                    "Count(s) " + ", ".join(unknown) + " of the imprisonment wording are not in the counts table")
               for r in out]
    if guessed is not None:
        rows_guessed = [f"judgment.counts[{n}]." for n, label in labels.items() if label == guessed]
        out = [r if not r.path.startswith(tuple(rows_guessed)) else
               Read(r.path, r.value, r.source, min(r.confidence, 0.6), r.label,
                    f"the count after 'on Count' was not read: Count {guessed}, the only one the wording does not name")
               for r in out]
    if result.relation and result.relation_span:
        start, end = where[result.relation_span[0]], where[result.relation_span[1] - 1] + 1
        out.append(read_at(text, start, end, "judgment.relation", result.relation,
                           label="how this term runs with earlier sentences"))
    return out


def _place_unlabelled(counts: list[CountTerm], labels: dict[int, str]) -> tuple[list[CountTerm], str | None]:
    """A term whose count's label OCR lost ('57 MONTHS on Count' and no label) given the one count of the table the
    wording names nowhere else; dropped when that is not exactly one. Returns the terms and the label so given."""
    named = {c.label for c in counts if c.label} | {c.label.rstrip("s") for c in counts if c.label}
    unnamed = [c for c in counts if not c.label]
    left = [label for label in labels.values() if label not in named and label.rstrip("s") not in named]
    if len(unnamed) != 1 or len(left) != 1:
        return [c for c in counts if c.label], None
    return [c if c.label else dataclasses.replace(c, label=left[0]) for c in counts], left[0]


def _suffixes_from_terms(counts: list[Read], pages: list[Page]) -> list[Read]:
    """A count's label read without the 's' of a superseding count: '3' in the table where the imprisonment wording
    says 'Count 3s' and every other label in the table has the 's' ('1s', '2s'; held-out scan 70011). OCR lost the
    letter in the table: the label is taken from the wording, and asked."""
    shown = [str(r.value) for r in counts if r.path.endswith(".count")]
    bare = [label for label in shown if label.isdigit()]
    found = _imprisonment_text(pages) if bare else None
    if found is None or len(bare) == len(shown) or not all(label.endswith("s") for label in shown
                                                           if not label.isdigit()):
        return counts
    at = re.search(r"total\s+term\s+of\s*:?", found.text, re.IGNORECASE)
    named = {c.label for c in read_imprisonment(found.text[at.end() if at else 0:]).counts}
    return [r if not (r.path.endswith(".count") and str(r.value) in bare and f"{r.value}s" in named and
                      str(r.value) not in named) else
            Read(r.path, f"{r.value}s", r.source, min(r.confidence, 0.6), r.label,
                 "the table's label lacks the 's' the other counts' labels and the imprisonment wording give it")
            for r in counts]


def _mixed(text: Text) -> bool:
    """Printed words and a picture read by OCR in the same section: a handwritten or pasted change."""
    confidences = {w.conf == 1.0 for line in text.lines for w in line.words}
    return confidences == {True, False}


def _supervision(pages: list[Page]) -> list[Read]:
    found = _section(pages, _SUPERVISION_HEADING, re.compile(r"supervised\s+release", re.IGNORECASE),
                     re.compile(r"MANDATORY\s+CONDITIONS|must\s+not\s+commit", re.IGNORECASE))
    if found is None:
        return []
    text = found
    at = re.search(r"term\s+of\s*:?", text.text, re.IGNORECASE)
    if not at:
        return []
    from reprieve.intake.terms import normalize

    body = text.text[at.start():]
    _, where = normalize(body)
    where = [w + at.start() for w in where]
    term = read_supervision(body)
    if term is None or term.life or term.months is None:
        return []
    start, end = where[term.start], where[term.end - 1] + 1
    doubt = any(a < end and start < b for a, b in spelled_disagrees(text.text))
    return [read_at(text, start, end, "judgment.supervised_release_months", term.months,
                    label="term of supervised release", ceiling=0.6 if doubt else TEXT_LAYER,
                    note="the number in words and the number in digits disagree" if doubt else "")]


_DISMISSED_LINE = re.compile(r"\bCount\s*\(?s?\)\s*(.*?)\bare\s+dismissed", re.IGNORECASE)
_CONVICTED_LINE = re.compile(r"(?:pleaded\s+guilty|nolo\s+contendere|found\s+guilty)\W+(?:to|on)\s+count\s*\(?s?\)?\s*",
                             re.IGNORECASE)
_LIST_WORD = re.compile(r"\S+")


def _label_list(text: str, at: int) -> tuple[list[str], int, bool]:
    """Count labels listed from text[at:] ('3 and 4', '1s, 2s'): (labels, where the list ends, whether it ends on a
    separator). The list stops at the first word that is neither a label nor 'and' / ',' / '&' (the 'is' box and its
    mark, however OCR read them), and each label after the first must follow a separator: a box read as '1' beside
    the list is not taken as a count."""
    labels: list[str] = []
    end = at
    separated = True
    for word in _LIST_WORD.finditer(text, at):
        token = word.group()
        ok = True
        for part in (x for x in re.split(r"(,|&|;|\.(?=\d))", token) if x):  # '1.2': a comma read as a point
            if part in (",", "&", ";", ".") or part.lower() == "and":
                separated = True
                continue
            label = pat.count_label(part).value
            if not (separated and re.fullmatch(r"[1-9]\d*[a-z]{0,3}", label)):  # counts are numbered from 1
                ok = False
                break
            labels.append(label)
            separated = part.endswith(".")  # '1. 2': a comma read as a point
        if not ok:
            break
        end = word.end()
    return labels, end, separated and bool(labels)


def _convicted(pages: list[Page]) -> list[str]:
    """The counts listed beside the checked 'pleaded guilty to' / 'was found guilty on' box."""
    out: list[str] = []
    for line in pages[0].lines:
        m = _CONVICTED_LINE.search(line.text)
        if m:
            out += _label_list(line.text, m.end())[0]
    return out


def _labels_by_order(counts: list[Read], convicted: list[str], pages: list[Page]) -> tuple[list[Read], set[int]]:
    """A row whose Count cell was not read even alone (a lone '1' on a noisy scan: 8 of 12 count labels wrong on the
    tuning scans) given the label the counts of conviction listed above the table have at its place, when the table
    has as many rows as that list and every label the table did show sits at its place in the list; asked (0.6), and
    so is the term placed on the row by it. Returns the reads and the rows so labelled."""
    rows = sorted({int(m.group(1)) for r in counts if (m := re.match(r"judgment\.counts\[(\d+)\]", r.path))})
    shown = {int(m.group(1)): str(r.value) for r in counts
             if (m := re.fullmatch(r"judgment\.counts\[(\d+)\]\.count", r.path))}
    if len(convicted) == len(rows):  # a label the table shows twice, away from its place in the list, where the
        # list's label is nowhere in the table: one misread ('4s' for '1s', then '4s' again: fresh scan 80001); so is
        # a label no count has the shape of ('t', 'Od', 'co' for '1') or the list does not have ('30' for '3'), where
        # the list's label at its place is nowhere in the table (held-out scans 90005, 90024, 90048, 90079)
        misread = {n for n, label in shown.items() if (list(shown.values()).count(label) > 1 or label not in convicted
                                                        or not _COUNT_LABEL.fullmatch(label))
                   and label != convicted[n] and convicted[n] not in shown.values()}
        shown = {n: label for n, label in shown.items() if n not in misread}
    lost = [n for n in rows if n not in shown]
    if not lost or rows != list(range(len(convicted))) or len(set(convicted)) != len(convicted) or any(
            label != convicted[n] for n, label in shown.items()):
        return counts, set()
    counts = [r for r in counts if not any(r.path == f"judgment.counts[{n}].count" for n in lost)]
    line = next((Text.of([line]) for line in pages[0].lines if _CONVICTED_LINE.search(line.text)), None)
    if line is None:
        return counts, set()
    at = _CONVICTED_LINE.search(line.text)
    assert at is not None
    added = [read_at(line, at.end(), len(line.text), f"judgment.counts[{n}].count", convicted[n], label="Count",
                     ceiling=0.6, note="the table's Count cell was not read, or read as another row's: the count of "
                                       "conviction listed above the table at this row's place")
             for n in lost]
    return counts + added, set(lost)


def _dismissed(pages: list[Page]) -> list[Read] | None:
    """The counts dismissed on the government's motion ('Count(s) 3 and 4 [ ] is [X] are dismissed'); None when the
    line shows some but they cannot be read, or when a scan shows none (OCR may have lost them, or the line)."""
    for line in pages[0].lines:
        text = Text.of([line])
        m = _DISMISSED_LINE.search(text.text)
        if not m:
            if re.search(r"dismissed\s+on\s+the\s+motion", text.text, re.IGNORECASE) and \
                    re.search(r"\d", text.text.split("dismissed")[0].replace("(s)", "")):
                return None
            continue
        labels, end, dangling = _label_list(text.text[:m.end(1)], m.start(1))
        if labels:  # a list that ends on 'and' lost its last label
            return [read_at(text, m.start(1), end, "judgment.counts_dismissed", labels,
                            label="Count(s) dismissed on the motion of the United States",
                            ceiling=0.6 if dangling else TEXT_LAYER)]
        if re.search(r"\d", m.group(1)) or pages[0].method == "ocr":
            return None  # on a scan, a blank list may be a label OCR lost: asked
    return None if pages[0].method == "ocr" else []  # the line itself lost on a scan: asked too
