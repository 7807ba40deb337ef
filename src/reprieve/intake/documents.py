"""Read the papers a person holds (judgments, the BOP's computation sheet) into a case, with where each value came
from, how sure the reading is, and the questions that confirm it. Nothing read is used silently.

The library entry point, for the CLI (`reprieve intake`) and the web app's upload step::

    from reprieve.intake.documents import read_documents
    result = read_documents(["judgment.pdf", "computation.jpg"])      # paths, or (file name, bytes) pairs
    result.case          # dict in the case-file format (format 1), ready for `parse_case` / YAML
    result.fields        # {field path: Read(value, source=Source(file, page, text), confidence)}
    result.questions("es")   # list of {field, question, answer_type, where_to_find, would_change, kind, read,
                             #          confidence, source, why}: low-confidence reads ("confirm", `why` they are
                             #          unsure, in words) and fields not found
                             #          ("missing"), in the shape of the engine's questions
    result.confirmations("en")  # every field read, high confidence or not, as a question to confirm
    result.as_json()     # {case, fields, questions, documents, warnings}
    read_documents(files, progress=lambda done, total: ...)  # told after each page of each file (0 < done <= total)

Confidence is 0-1; a value below `CONFIRM_BELOW` (0.9) is asked about. A text-layer PDF gives 0.98 for a value in
its expected shape; OCR gives the least Tesseract confidence of the value's characters; a value that needed an OCR
fix, that pages disagree on, or that fails a cross-check (the counts' terms against the total, the judgment's USM
number against the BOP's register number) is capped lower.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reprieve.intake import bop_sheet, judgment
from reprieve.intake import patterns as pat
from reprieve.intake.checks import cross_check
from reprieve.intake.fields import CONFIRM_BELOW, Read
from reprieve.intake.layout import Page
from reprieve.intake.ocr import OcrUnavailable
from reprieve.intake.pages import UnreadableFile, read_pages
from reprieve.intake.recover import ask_recovered, recover_page, recover_tables
from reprieve.intake.second import reread
from reprieve.intake.text import field_words, say, why_words

Input = str | Path | tuple[str, bytes]


class IntakeError(Exception):
    """A file cannot be read at all (missing, not a PDF or image): names the file."""

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        self.message = message
        super().__init__(f"{file}: {message}")


@dataclass
class DocumentRead:
    file: str
    pages: int
    method: str  # "text", "ocr" or "text+ocr"
    kinds: list[str]  # "judgment", "bop_sheet", "unknown" per page

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "pages": self.pages, "method": self.method, "kinds": self.kinds}


@dataclass
class IntakeResult:
    case: dict[str, Any]
    fields: dict[str, Read]
    missing: list[str] = field(default_factory=list)  # fields the papers should carry but were not found
    documents: list[DocumentRead] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def low_confidence(self) -> list[Read]:
        return [r for r in self.fields.values() if r.confidence < CONFIRM_BELOW]

    def questions(self, lang: str = "en") -> list[dict[str, Any]]:
        """What to ask: every value read with low confidence, then every expected value not found."""
        out = [_confirm(r, lang) for r in self.low_confidence()]
        out += [_missing(path, lang) for path in self.missing]
        return out

    def confirmations(self, lang: str = "en") -> list[dict[str, Any]]:
        """Every value read, as a question to confirm (the web app shows them all; nothing is used silently)."""
        return [_confirm(r, lang) for r in self.fields.values()]

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {"case": self.case, "fields": {path: r.as_json() for path, r in self.fields.items()},
                "questions": self.questions(lang), "documents": [d.as_json() for d in self.documents],
                "warnings": self.warnings}


Progress = Callable[[float, int], None]


def read_documents(inputs: Sequence[Input] | Iterable[Input], progress: Progress | None = None) -> IntakeResult:
    """Read judgments and BOP computation sheets (PDF, scanned PDF, JPEG/PNG photos; any order, several pages or
    files per document) into a case. Raises IntakeError for a file that cannot be read at all. `progress(done,
    total)` is told after each page: `done` counts files read, with the current file's share of pages read as a
    fraction (OCR of a photo takes seconds: the web app shows it)."""
    items = list(inputs)
    pages: list[Page] = []
    documents: list[DocumentRead] = []
    recovered: set[tuple[str, int]] = set()
    for index, item in enumerate(items):
        name, data = _load(item)

        def page_done(page: int, of: int, index: int = index) -> None:
            if progress is not None:
                progress(index + page / max(of, 1), len(items))

        try:
            read = read_pages(name, data, page_done)
        except (UnreadableFile, OcrUnavailable) as exc:
            raise IntakeError(name, str(exc)) from None
        for n, page in enumerate(read):  # a page told as nothing, read again
            again = recover_page(page)
            if again is not None:
                read[n] = again
                recovered.add((again.file, again.number))
        pages += read
        methods = sorted({p.method for p in read})
        kinds = ["judgment" if judgment.is_judgment_page(p) else "bop_sheet" if bop_sheet.is_sheet_page(p)
                 else "unknown" for p in read]
        documents.append(DocumentRead(name, len(read), "+".join(methods), kinds))
    judgment_pages = [p for p in pages if judgment.is_judgment_page(p) and not bop_sheet.is_sheet_page(p)]
    sheet_pages = [p for p in pages if bop_sheet.is_sheet_page(p)]
    placed = {id(p) for p in judgment_pages + sheet_pages}
    other = [p for p in pages if id(p) not in placed]
    letter = bop_sheet.read_letter(other)
    warnings = [f"{d.file}: page {n} is neither a judgment nor a BOP computation sheet: not read"
                for d in documents for n, kind in enumerate(d.kinds, start=1) if kind == "unknown"
                and not any(r.source.file == d.file and r.source.page == n for r in letter)]
    groups, placed_surely = _group(judgment_pages)
    # A judgment whose caption page was not read would have its pages put in another judgment and vanish: pages
    # carrying more case numbers than there are judgments say one is missing, and it is asked for.
    another = _case_numbers(judgment_pages) > len(groups)
    placed_surely = placed_surely and not another
    judgments = [judgment.read_judgment(group) for group in groups]
    for again in recover_tables(groups, judgments):  # a counts table the first reading lost, read again
        pages = [again if (p.file, p.number) == (again.file, again.number) else p for p in pages]
    _in_order(judgments)
    # A page whose judgment is a guess (its case number unlike the captions', or not read among several judgments),
    # or several judgments one of whose dates was not read (their order is by date), may put a value in the wrong
    # judgment: everything of every judgment is asked.
    unsure_which = not placed_surely or (len(judgments) > 1 and any(
        not any(r.path == "judgment.imposed_on" for r in j.reads) for j in judgments))
    sheet = bop_sheet.read_sheet(sheet_pages) if sheet_pages else None
    if letter:
        sheet = sheet or bop_sheet.SheetRead()
        sheet.reads += [r for r in letter if r.path not in {x.path for x in sheet.reads}]
    for j in judgments:
        j.reads = reread(j.reads, pages)
    if sheet is not None:
        sheet.reads = reread(sheet.reads, pages)
    result = _assemble(judgments, sheet, documents, warnings, full_sheet=bool(sheet_pages))
    ask_recovered(result.fields, recovered)
    if unsure_which:
        _ask_every_judgment(result, len(judgments))
    if another:
        result.missing.append(f"judgments[{len(judgments)}]")
    return result


def _in_order(judgments: list[judgment.JudgmentRead]) -> None:
    """Judgments in the order they were imposed. When a date of imposition was not read, by the years their case
    numbers were filed in, if each has a different one (a later case is filed later); the order is then a guess and
    every judgment is asked about (below). Otherwise one whose date was not read goes last."""
    def value(j: judgment.JudgmentRead, path: str) -> Any:
        return next((r.value for r in j.reads if r.path == path), None)

    dates = [value(j, "judgment.imposed_on") for j in judgments]
    years = [pat.docket_year(str(value(j, "court.docket") or "")) for j in judgments]
    if None in dates and None not in years and len(set(years)) == len(years):
        judgments.sort(key=lambda j: pat.docket_year(str(value(j, "court.docket"))) or 0)
        return
    judgments.sort(key=lambda j: str(value(j, "judgment.imposed_on") or "9999"))


_PER_JUDGMENT = re.compile(r"judgments\[\d+\]\.|court\.(district|docket|judge)$")


def _ask_every_judgment(result: IntakeResult, count: int) -> None:
    for path, read in list(result.fields.items()):
        if _PER_JUDGMENT.match(path) and read.confidence > 0.6:
            result.fields[path] = Read(read.path, read.value, read.source, 0.6, read.label,
                                       read.note or "the pages of the judgments may not have been told apart")
    result.missing += [f"judgments[{i}]" for i in range(count) if f"judgments[{i}]" not in result.missing]


def _load(item: Input) -> tuple[str, bytes]:
    if isinstance(item, tuple):
        return item[0], item[1]
    path = Path(item)
    try:
        return str(path), path.read_bytes()
    except FileNotFoundError:
        raise IntakeError(str(path), "does not exist") from None
    except OSError as exc:
        raise IntakeError(str(path), f"cannot be read: {exc.strerror or exc}") from None


_FIRST_SHEET = re.compile(r"UNITED\s+STATES\s+DISTRICT\s+COURT", re.IGNORECASE)


def _group(pages: list[Page]) -> tuple[list[list[Page]], bool]:
    """Pages into judgments: each caption page starts one; every other page joins the judgment whose case number is
    closest to its own (OCR may misread a character of it), or, without a readable one, the judgment before it.
    Photos may come in any order. Also whether every page was placed by its case number."""
    captions = [n for n, page in enumerate(pages)
                if _FIRST_SHEET.search("\n".join(line.text for line in page.lines[:15]))]
    if not captions:
        return ([pages] if pages else []), True
    groups = [[pages[n]] for n in captions]
    surely = True
    numbers = [judgment.case_number_on(pages[n]) for n in captions]
    for n, page in enumerate(pages):
        if n in captions:
            continue
        number = judgment.case_number_on(page)
        scores = [_likeness(number, known) for known in numbers]
        best = max(range(len(groups)), key=lambda k: scores[k])
        if scores[best] < 0.75:
            before = [k for k, c in enumerate(captions) if c < n]
            best = before[-1] if before else 0
            # another judgment's page (its case number unlike every caption's, whose own caption was not read), or
            # a page with no case number read among several judgments: which judgment it belongs to is a guess
            surely = surely and len(groups) == 1 and (not number or not numbers[0])
        groups[best].append(page)
    return groups, surely


def _case_numbers(pages: list[Page]) -> int:
    """How many different case numbers the pages carry (one misread by a character or two counts as the same)."""
    distinct: list[str] = []
    for page in pages:
        number = judgment.case_number_on(page)
        if number and all(_likeness(number, known) < 0.75 for known in distinct):
            distinct.append(number)
    return len(distinct)


def _likeness(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, re.sub(r"\W", "", a).lower(), re.sub(r"\W", "", b).lower()).ratio()


# --- the case ------------------------------------------------------------------------------------------------------

# What each judgment must carry; absent, it is asked for.
_NEEDED = ("court.district", "court.docket", "court.judge", "person.name", "judgment.imposed_on",
           "judgment.supervised_release_months")
_NEEDED_AMENDED = ("judgment.amended_on", "judgment.amendment_reason")


def _assemble(judgments: list[judgment.JudgmentRead], sheet: bop_sheet.SheetRead | None,
              documents: list[DocumentRead], warnings: list[str], full_sheet: bool = True) -> IntakeResult:
    fields: dict[str, Read] = {}
    missing: list[str] = []
    several = len(judgments) > 1
    for i, j in enumerate(judgments):
        prefix = f"judgments[{i}]."
        for r in j.reads:
            if r.path.startswith("judgment."):
                path = prefix + r.path.removeprefix("judgment.")
            elif r.path in ("court.district", "court.docket") and several:
                path = prefix + r.path.removeprefix("court.")
                if i == 0:
                    fields[r.path] = r
            elif i > 0:
                if r.path != "court.judge":  # each judgment has its own judge; the case names the first
                    _cross_check(fields, r)
                continue
            else:
                path = r.path
            fields[path] = Read(path, r.value, r.source, r.confidence, r.label, r.note)
        read_paths = {r.path for r in j.reads}
        missing += [prefix + p.removeprefix("judgment.") if p.startswith("judgment.") else p for p in j.asks]
        for need in _NEEDED + (_NEEDED_AMENDED if j.amended else ()):
            if need not in read_paths and (i == 0 or need.startswith("judgment.")):
                missing.append(need.replace("judgment.", prefix))  # an amended one: its Date of Original Judgment
        missing += [prefix + p.removeprefix("judgment.") for p in _missing_in_counts(read_paths, j.reads)]
        if not any(p.startswith("judgment.counts[") for p in read_paths):
            missing.append(prefix + "counts")
            if not {"judgment.total_months", "judgment.total_life"} & read_paths:
                missing += [prefix + "total_months", prefix + "total_life"]
        elif not any(re.search(r"\.(months|life)$", p) for p in read_paths) and "judgment.total_months" \
                not in read_paths and "judgment.total_life" not in read_paths:
            # no term read at all: each count's is asked too, in months or life
            missing += [prefix + "total_months", prefix + "total_life"]
            rows = sorted({int(m.group(1)) for p in read_paths if (m := re.match(r"judgment\.counts\[(\d+)\]", p))})
            missing += [f"{prefix}counts[{n}].{key}" for n in rows for key in ("months", "life")]
    if not judgments and sheet is None:
        warnings.append("no judgment and no BOP computation sheet was found in the files")
    if sheet is not None:
        found = {r.path for r in sheet.reads}
        if sheet.offense_dates and len(judgments) == 1:
            _check_offense_dates(fields, set(sheet.offense_dates))
        table_rows = {m.group(1) for p in fields if (m := re.match(r"judgments\[0\]\.counts\[(\d+)\]", p))}
        if len(judgments) == 1 and len(table_rows) < sheet.obligations:
            missing.append("judgments[0].counts")  # the sheet holds an obligation per count: a row was lost
        missing += [path for path in sheet.asks if path not in found]
        for path in _SHEET_NEEDED if full_sheet else ():
            if path not in found:  # the fact the BOP's figure also fills (custody.prior_custody_days, ...) too
                twins = next((paths for paths in (*bop_sheet.DATES.values(), *bop_sheet.NUMBERS.values())
                              if paths[0] == path), [path])
                missing += [twin for twin in twins if twin not in found]
        for r in sheet.reads:
            if r.path in fields:
                _cross_check(fields, r)
            else:
                fields[r.path] = r
        if "court.docket" not in fields and sheet.docket and not judgments:
            warnings.append(f"the BOP sheet names docket {sheet.docket}; give the judgment to read the case")
    cross_check(fields)
    if judgments or sheet is not None:  # every judgment (USM No.) and computation sheet (REG NO) prints it
        missing.append("person.register_number")  # (dropped below when it was read)
    # a count's term not read leaves the total term unchecked: asked when it was not read either
    missing += [m.group(1) + "total_months" for p in missing if (m := re.match(r"(judgments\[\d+\]\.)counts\[\d+\]"
                                                                            r"\.months$", p))
                and m.group(1) + "total_months" not in fields and m.group(1) + "total_life" not in fields]
    # a term in months not read may have had days, been life, or run consecutively: those are asked with it
    missing += [p.removesuffix("months") + key for p in missing if p.endswith("months")
                for key in ("days", "life", "consecutive_to") if key != "consecutive_to" or ".counts[" in p]
    missing = [p for p in dict.fromkeys(missing) if p not in fields]
    case = _valid_case(fields, missing, warnings)
    return IntakeResult(case, fields, missing, documents, warnings)


def _valid_case(fields: dict[str, Read], missing: list[str], warnings: list[str]) -> dict[str, Any]:
    """The case, loadable: a value the case model rejects (an impossible date order, a malformed number) is kept
    out of the case, asked for again, and named in a warning with the model's reason."""
    from reprieve.intake.casefile import CaseFileError, parse_case

    for _ in range(len(fields) + 1):
        case = _case(fields)
        try:
            parse_case(case, "intake", warnings=False)
            return case
        except CaseFileError as exc:
            dropped = False
            for problem in exc.problems:
                bad = [p for p in fields if p == problem.path or p.startswith(problem.path + ".")
                       or p.startswith(problem.path + "[")]
                for path in bad:
                    read = fields.pop(path)
                    warnings.append(f"{path}: read '{read.value}' but {problem.message}: asked instead")
                    missing.append(path)
                    dropped = True
            if not dropped:
                warnings.append("; ".join(f"{p.path}: {p.message}" for p in exc.problems))
                return case
    return _case(fields)


# What a computation sheet prints (FSA credits and home detention only for some people: not asked when absent).
_SHEET_NEEDED = ("custody.bop.sheet_as_of", "custody.bop.computation_began_on", "custody.bop.jail_credit_days",
                 "custody.bop.full_term_date", "custody.bop.statutory_release_date",
                 "custody.bop.projected_release_date", "custody.bop.release_method", "custody.bop.gct_earned_days",
                 "custody.bop.gct_earned_and_projected_days", "custody.bop.gct_disallowed_days",
                 "custody.bop.gct_forfeited_days")


_DRUG_OFFENSE = re.compile(r"distribut|possess\w*\s+with\s+intent|manufactur|controlled\s+substance|grams|"
                           r"kilograms|pounds", re.IGNORECASE)
_AMOUNT_WORD = re.compile(r"grams|kilo|pounds|\bkg\b|\bg\b|\bmore\b", re.IGNORECASE)
# Title 21's trafficking offenses (841, 846, 952, 960, 963): the row's drug and quantity matter to its penalty.
_DRUG_STATUTE = re.compile(r"\b21\b.*\b(?:841|846|952|960|963)\b")


def _missing_in_counts(paths: set[str], reads: list[Read]) -> list[str]:
    """Each row of the counts table needs its label, statute, description and date; its term, once any count has
    one; and, for a drug offense, the drug and quantity whenever the evidence for them is weak: the description was
    not read, read poorly, or names an amount ('5 kilograms or more') none was taken from. A value not read where
    the papers may print one is asked, never left out silently."""
    rows = sorted({int(m.group(1)) for p in paths if (m := re.match(r"judgment\.counts\[(\d+)\]", p))})
    termed = any(re.search(r"\.counts\[\d+\]\.(months|life)$", p) for p in paths)
    natures = {r.path: r for r in reads if r.path.endswith(".nature_of_offense")}
    statutes = {r.path: r for r in reads if r.path.endswith(".statute")}
    out = []
    for n in rows:
        row = f"judgment.counts[{n}]."
        out += [row + key for key in ("count", "statute", "offense_ended", "nature_of_offense")
                if row + key not in paths]
        if termed and row + "months" not in paths and row + "life" not in paths:
            out.append(row + "months")
        statute = statutes.get(row + "statute")
        if statute is not None and statute.confidence < CONFIRM_BELOW and row + "penalty" not in paths:
            out.append(row + "penalty")  # a statute read poorly may hide its penalty provision
        nature = natures.get(row + "nature_of_offense")
        drug_row = (nature is not None and _DRUG_OFFENSE.search(str(nature.value))) or (
            statute is not None and _DRUG_STATUTE.search(str(statute.value)))
        if not drug_row:
            continue
        weak = nature is None or nature.confidence < CONFIRM_BELOW
        amount_unread = nature is not None and bool(_AMOUNT_WORD.search(str(nature.value)))
        if (weak or amount_unread) and row + "quantity" not in paths:
            out.append(row + "quantity")
        if weak and row + "drug" not in paths:
            out.append(row + "drug")
    return out


def _cross_check(fields: dict[str, Read], other: Read) -> None:
    """Two papers give the same field: agreeing raises confidence; disagreeing asks."""
    mine = fields.get(other.path)
    if mine is None:
        fields[other.path] = other
        return
    same = str(mine.value).casefold() == str(other.value).casefold()
    if other.path == "person.name" and not same:
        same = _same_person(str(mine.value), str(other.value))
    if same:
        confidence = max(mine.confidence, min(0.98, max(mine.confidence, other.confidence) + 0.05))
        fields[other.path] = Read(mine.path, mine.value, mine.source, confidence, mine.label, mine.note)
    else:
        note = f"{other.source.file} says '{other.value}'"
        fields[other.path] = Read(mine.path, mine.value, mine.source, min(mine.confidence, 0.5), mine.label, note)


def _check_offense_dates(fields: dict[str, Read], on_sheet: set[str]) -> None:
    """Each count's Offense Ended is one of the dates of offense the BOP's sheet lists: one that is not is asked."""
    for path, read in list(fields.items()):
        if re.fullmatch(r"judgments\[0\]\.counts\[\d+\]\.offense_ended", path) and read.value not in on_sheet:
            fields[path] = Read(read.path, read.value, read.source, min(read.confidence, 0.6), read.label,
                                read.note or "not among the dates of offense on the BOP's sheet")


def _same_person(a: str, b: str) -> bool:
    """The BOP's 'LAST, FIRST MIDDLE' and the judgment's full name: same last and first names."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return bool(wa and wb) and wa[-1] == wb[-1] and wa[0] == wb[0]


def _case(fields: dict[str, Read]) -> dict[str, Any]:
    case: dict[str, Any] = {"format": 1}
    for path in sorted(fields, key=_order):
        _set(case, path, fields[path].value)
    return case


def _order(path: str) -> tuple[Any, ...]:
    top = ("format", "person", "court", "judgments", "custody")
    head = path.split(".", 1)[0].split("[", 1)[0]
    numbers = tuple(int(n) for n in re.findall(r"\[(\d+)\]", path))
    return (top.index(head) if head in top else len(top), numbers, path)


def _set(case: dict[str, Any], path: str, value: Any) -> None:
    node: Any = case
    parts = re.findall(r"[a-z_]+|\[\d+\]", path)
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        nxt = parts[n + 1] if not last else None
        if part.startswith("["):
            index = int(part[1:-1])
            while len(node) <= index:
                node.append({})
            if last:
                node[index] = value
            else:
                node = node[index]
        else:
            if last:
                node[part] = value
            else:
                node = node.setdefault(part, [] if nxt and nxt.startswith("[") else {})


# --- questions ---------------------------------------------------------------------------------------------------

_DATE_FIELDS = re.compile(r"(_on|_date|as_of|offense_ended)$")
_INT_FIELDS = re.compile(r"(months|days)$")


def answer_type(path: str) -> str:
    if _DATE_FIELDS.search(path):
        return "date"
    if _INT_FIELDS.search(path):
        return "integer"
    if path.endswith(("life", "total_life")):
        return "yes_no"
    if path.endswith(("consecutive_to", "counts_dismissed", "counts")):
        return "list"
    return "text"


def _where(path: str, label: str, lang: str) -> str:
    if path.startswith("custody"):
        return say("where_sheet", lang, place=label or field_words(path, lang))
    return say("where_judgment", lang, place=f"'{label}'" if label else field_words(path, lang))


def _would_change(path: str, lang: str) -> str:
    if path.startswith("custody.bop"):
        return say("would_change_bop", lang)
    if path.startswith("person"):
        return say("would_change_identity", lang)
    if path.startswith("court") or path.endswith(("district", "docket")):
        return say("would_change_court", lang)
    if re.search(r"(statute|penalty|drug|quantity|offense_ended|nature_of_offense)$", path):
        return say("would_change_law", lang)
    return say("would_change_dates", lang)


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is True:
        return say("yes", lang)
    return str(value)


def _why(read: Read) -> str:
    """Why a value is unsure, from the note its reader left (no note: OCR read its characters with low confidence)."""
    note = read.note
    for key, words in (("spelled", ("in words",)), ("second", ("second reading",)),
                       ("disagree", ("say", "disagree")), ("fixed", ("OCR",)), ("derived", ("Nature of Offense",)),
                       ("handwriting", ("handwriting",)), ("total", ("add up",)), ("district", ("district",))):
        if any(word in note for word in words):
            return key
    return "ocr"


def _confirm(read: Read, lang: str) -> dict[str, Any]:
    label = read.label or field_words(read.path, lang)
    file = Path(read.source.file).name
    why = ""
    if read.confidence < CONFIRM_BELOW:
        why = why_words(_why(read), lang)
        text = say("confirm_unsure", lang, what=field_words(read.path, lang), label=label,
                   value=_shown(read.value, lang), page=read.source.page, file=file, why=why)
    else:
        text = say("confirm", lang, what=field_words(read.path, lang), label=label, value=_shown(read.value, lang),
                   page=read.source.page, file=file)
    return {"field": read.path, "question": text, "answer_type": answer_type(read.path),
            "where_to_find": _where(read.path, read.label, lang), "would_change": _would_change(read.path, lang),
            "kind": "confirm", "read": read.value, "confidence": round(read.confidence, 3),
            "source": read.source.as_json(), "why": why}


def _missing(path: str, lang: str) -> dict[str, Any]:
    return {"field": path, "question": say("missing", lang, what=field_words(path, lang)),
            "answer_type": answer_type(path), "where_to_find": _where(path, "", lang),
            "would_change": _would_change(path, lang), "kind": "missing", "read": None, "confidence": 0.0, "why": "",
            "source": None}
