"""The authorities registry: every case, statute, regulation, guideline, rule and program statement reprieve cites.

`authorities.yaml` (beside this module) lists each authority once, with the citation to print in a filing. It is a
law-data file like the others (one `list` parameter whose shape is `AuthorityList` below), so the same strict loader
validates it; `registry()` reads it once more into frozen `Authority` objects.

`cited_in(text)` finds every citation in a text and matches it to the registry: eyecite parses case reporters
(volume, reporter, page), short forms (volume, reporter, antecedent) and U.S.C., C.F.R., Pub. L., Stat. and Fed. Reg.
citations; compiled patterns find what eyecite does not parse: guideline sections (`USSG §1B1.13`, a bare `§4C1.1`),
amendments, `Fed. R. Crim. P. 49.1`, BOP program statements, the Justice Manual, the Constitution, proclamations,
docket numbers of slip opinions (`No. 24-820`), case names with only a court and year, U.S.C. and C.F.R. sections
written without `§` or after a comma (`21 U.S.C. § 846 and § 963`), and an Act's popular name with a section
(`First Step Act § 404`). `unknown(text)` is what a drafted filing must keep empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, model_validator

from reprieve.law.params import LawDataError, LawFile

Kind = Literal["case", "statute", "regulation", "guideline", "rule", "public_law", "program_statement", "other"]
Found = Literal["eyecite", "pattern"]
MatchKey = tuple[str, ...]

_PARAMETER = "registry"


class Authority(BaseModel):
    """One authority, as reprieve prints it in a filing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Kind
    name: str = Field(min_length=2)
    citation: str = Field(min_length=3, description="the full citation, as printed in a filing")
    short: str = Field(min_length=1, description="the short form, for later references")
    court: str | None = None
    decided: date | int | None = Field(default=None, description="a date, or only the year where the day is not known")
    reporter_citation: str | None = Field(default=None, description="volume, reporter and first page: '981 F.3d 271'")
    docket: str | None = Field(default=None, description="the docket number, for slip opinions: '24-820'")
    holding: str | None = None
    verified: bool
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Authority:
        if self.kind == "case":
            if self.court is None:
                raise ValueError(f"{self.key}: a case needs its court")
            if self.reporter_citation is not None:
                if _REPORTER_CITATION.fullmatch(self.reporter_citation) is None:
                    raise ValueError(f"{self.key}: reporter_citation {self.reporter_citation!r} is not "
                                     "'volume reporter page'")
                if self.reporter_citation not in self.citation:
                    raise ValueError(f"{self.key}: the citation does not contain {self.reporter_citation!r}")
            docket_cited = self.docket is not None and self.docket in self.citation
            if self.reporter_citation is None and not docket_cited and (self.docket is not None or self.year is None):
                raise ValueError(f"{self.key}: a case without a reporter citation is cited by its docket number "
                                     "(in the citation) or, failing that, by name, court and year")
        elif any(v is not None for v in (self.reporter_citation, self.docket, self.holding, self.decided)):
            raise ValueError(f"{self.key}: reporter_citation, docket, holding and decided are for cases only")
        if not self.verified and not self.note:
            raise ValueError(f"{self.key}: an unverified authority must say why in 'note'")
        return self

    @property
    def year(self) -> int | None:
        if isinstance(self.decided, date):
            return self.decided.year
        return self.decided


class AuthorityList(RootModel[list[Authority]]):
    """The shape of the `registry` parameter in authorities.yaml (named there as its `schema`)."""

    @model_validator(mode="after")
    def _unique(self) -> AuthorityList:
        seen: set[str] = set()
        for authority in self.root:
            if authority.key in seen:
                raise ValueError(f"authority key {authority.key!r} is listed twice")
            seen.add(authority.key)
        return self


@dataclass(frozen=True)
class Cited:
    """One citation found in a text: what it says, how it was found, and the registry entry (None: not in it)."""

    text: str
    found: Found
    authority: Authority | None
    span: tuple[int, int]


# --- loading -------------------------------------------------------------------------------------------------------

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def load_authorities(text: str) -> dict[str, Authority]:
    """Parse and strictly validate an authorities file (the law-data format with one `registry` list)."""
    try:
        law_file = LawFile.model_validate(yaml.load(text, Loader=_Loader))
        parameter = law_file.parameters.get(_PARAMETER)
        if parameter is None or len(law_file.parameters) != 1 or len(parameter.values) != 1:
            raise LawDataError(f"authorities: expected exactly one parameter {_PARAMETER!r} with one value")
        entries = AuthorityList.model_validate(parameter.values[0].value).root
    except (yaml.YAMLError, ValidationError) as exc:
        raise LawDataError(f"authorities: {exc}") from None
    return {a.key: a for a in entries}


@cache
def registry() -> dict[str, Authority]:
    """Every authority reprieve cites, by key (loaded and validated once)."""
    text = resources.files("reprieve.law").joinpath("authorities.yaml").read_text(encoding="utf-8")
    return load_authorities(text)


def get(key: str) -> Authority:
    try:
        return registry()[key]
    except KeyError:
        raise KeyError(f"no authority with key {key!r}") from None


def cite(key: str, short: bool = False) -> str:
    """The string to print in a filing: the full citation, or its short form."""
    authority = get(key)
    return authority.short if short else authority.citation


# --- patterns (compiled once) --------------------------------------------------------------------------------------

_REPORTER_CITATION = re.compile(r"(\d+) ([A-Za-z][\w. ']*?) (\d+)")
_SUBDIVISION = r"\([0-9A-Za-z]{1,4}\)"
_PINS = rf"(?:{_SUBDIVISION})*"
_PIN_LIST = rf"{_PINS}(?:\s?[-–]\s?{_SUBDIVISION}{_PINS})?"

_USC = re.compile(r"\b(\d{1,2}) U\.\s?S\.\s?C\.(?:A\.)?\s?(?:§§?\s?)?(\d+[a-zA-Z]{0,2})(?!\w|\.\d)")
_CFR = re.compile(r"\b(\d{1,2}) C\.\s?F\.\s?R\.\s?(?:§§?\s?)?(\d+\.\d+)")
_PUB_L = re.compile(r"\bPub\.\s?L\.(?:\s?No\.)?\s?(\d{2,3}[-–]\d{1,4})")
_STAT = re.compile(r"\b(\d{1,3}) Stat\. (\d+)")
_FED_REG = re.compile(r"\b(\d{1,3}) (?:Fed\.\s?Reg\.|FR) (\d+)")
# A following section of the same title: "21 U.S.C. § 841(b)(1)(A)(iii), (B)(iii), § 960(b)" or "§ 846 and § 963".
_SAME_TITLE = re.compile(
    rf"{_PIN_LIST}(?:,\s?{_SUBDIVISION}{_PIN_LIST})*(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)(§\s?(\d+[a-zA-Z]{{0,2}}(?:\.\d+)?))"
)
_USSG = re.compile(r"(?:\b(?:USSG|U\.S\.S\.G\.)\s?)?§\s?(\d[A-Z]\d\.\d{1,2})(?!\d)")
_USSG_PART = re.compile(r"\b(?:USSG|U\.S\.S\.G\.)\s?(?i:ch)\.\s?(\d),\s?(?i:pt)\.\s?([A-H])\b")
_AMENDMENT = re.compile(r"\b(?:USSG\s)?(?:App\.\s?C,?\s)?(?:[Aa]mendments?|[Aa]mend\.|[Aa]mdt\.)\s?(\d{3})\b")
_RULE = re.compile(r"\bFed\.\s?R\.\s?Crim\.\s?P\.\s?(\d+(?:\.\d+)?)")
_PROGRAM_STATEMENT = re.compile(r"\b(?:BOP\s)?(?:P\.\s?S\.|PS|Program Statement)\s?(?:No\.\s?)?(\d{4}\.\d{2})\b")
_JUSTICE_MANUAL = re.compile(r"\b(?:Justice Manual|JM)\s?(?:§\s?)?(\d-\d{1,3}\.\d{3})\b")
_CONSTITUTION = re.compile(r"\bU\.\s?S\.\s?Const\.\s?art\.\s?([IVX]+),\s?§\s?(\d+)")
_PROCLAMATION = re.compile(r"\bProclamation\s(?:No\.\s?)?(\d{4,5})\b")
_DOCKET = re.compile(r"(?<!L\.\s)(?<!L\.)\bNos?\.\s?(\d{2}-\d{1,5})(?:[-/][\dA-Za-z]+)*")
_PARTY = r"(?:United States|[A-Z][\w'&-]*\.?(?: (?:of |de |la )?[A-Z][\w'&-]*\.?){0,3})"
_CASE_NAME = re.compile(rf"(?<![\w.])({_PARTY} v\. {_PARTY}),? \((?:[^()]{{0,40}}?\s)?((?:1[89]|20)\d\d)\)")
_ACT = re.compile(r"\b((?:[A-Z][A-Za-z-]+\s)+?Act)(?:\sof\s(\d{4}))?,?\s§§?\s?\d")
_ACT_YEAR = re.compile(r"\sof\s\d{4}$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _act_key(name: str) -> MatchKey:
    return ("act", _ACT_YEAR.sub("", name).strip().lower())


# --- matching ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    key: MatchKey
    span: tuple[int, int]
    found: Found


def _law_hits(text: str) -> list[_Hit]:
    """The citations the patterns find (statutes and regulations too: eyecite misses some forms of them)."""
    hits: list[_Hit] = []

    def add(key: MatchKey, match: re.Match[str]) -> None:
        hits.append(_Hit(key, match.span(), "pattern"))

    for pattern, kind in ((_USC, "usc"), (_CFR, "cfr")):
        for m in pattern.finditer(text):
            title = m.group(1)
            add((kind, title, m.group(2)), m)
            end = m.end()
            while (more := _SAME_TITLE.match(text, end)) is not None:
                hits.append(_Hit((kind, title, more.group(2)), (more.start(1), more.end()), "pattern"))
                end = more.end()
    for m in _PUB_L.finditer(text):
        add(("publ", m.group(1).replace("–", "-")), m)
    for m in _STAT.finditer(text):
        add(("stat", m.group(1), m.group(2)), m)
    for m in _FED_REG.finditer(text):
        add(("fr", m.group(1), m.group(2)), m)
    for m in _USSG.finditer(text):
        add(("ussg", m.group(1)), m)
    for m in _USSG_PART.finditer(text):
        add(("ussg_part", m.group(1), m.group(2)), m)
    for m in _AMENDMENT.finditer(text):
        add(("amendment", m.group(1)), m)
    for m in _RULE.finditer(text):
        add(("frcrp", m.group(1)), m)
    for m in _PROGRAM_STATEMENT.finditer(text):
        add(("ps", m.group(1)), m)
    for m in _JUSTICE_MANUAL.finditer(text):
        add(("jm", m.group(1)), m)
    for m in _CONSTITUTION.finditer(text):
        add(("const", m.group(1), m.group(2)), m)
    for m in _PROCLAMATION.finditer(text):
        add(("proclamation", m.group(1)), m)
    for m in _DOCKET.finditer(text):
        add(("docket", m.group(1)), m)
    for m in _CASE_NAME.finditer(text):
        hits.append(_Hit(("name", m.group(1).lower(), m.group(2)), (m.start(1), m.end()), "pattern"))
    for m in _ACT.finditer(text):
        hits.append(_Hit(_act_key(m.group(1)), (m.start(1), m.end(1)), "pattern"))
    return hits


def _entry_keys(authority: Authority) -> list[MatchKey]:
    """The keys under which a citation of this authority is found."""
    if authority.kind == "case":
        keys: list[MatchKey] = []
        if authority.reporter_citation is not None:
            found = _REPORTER_CITATION.fullmatch(authority.reporter_citation)
            assert found is not None  # checked by the model
            keys.append(("case", found.group(1), _norm(found.group(2)), found.group(3)))
        if authority.docket is not None:
            keys.append(("docket", authority.docket.split("/")[0]))
        if authority.year is not None:
            keys.append(("name", authority.name.lower(), str(authority.year)))
        return keys
    keys = [hit.key for hit in _law_hits(authority.citation) if hit.key[0] not in ("name", "docket")]
    if authority.kind == "public_law":
        keys.append(_act_key(authority.name))
    # An authority's own citation may mention another (a program statement's title names a statute): keep only
    # the keys of its own kind.
    own = {"statute": ("usc",), "regulation": ("cfr", "fr"), "guideline": ("ussg", "ussg_part", "amendment"),
           "rule": ("frcrp",), "public_law": ("publ", "stat", "act"), "program_statement": ("ps",),
           "other": ("jm", "const", "proclamation")}[authority.kind]
    return [k for k in dict.fromkeys(keys) if k[0] in own]


@dataclass(frozen=True)
class _Index:
    by_key: dict[MatchKey, Authority]
    by_volume: dict[tuple[str, str], list[Authority]]  # short case citations: (volume, reporter)
    first_page: dict[str, int]
    by_name: dict[str, Authority | None]  # case name -> the case (None: two cases share the name)


@cache
def _index() -> _Index:
    by_key: dict[MatchKey, Authority] = {}
    by_volume: dict[tuple[str, str], list[Authority]] = {}
    first_page: dict[str, int] = {}
    ambiguous: set[MatchKey] = set()
    for authority in registry().values():
        keys = _entry_keys(authority)
        if not keys:
            raise LawDataError(f"authorities: {authority.key}: its citation {authority.citation!r} cannot be matched")
        for key in keys:
            if key[0] == "name" and (key in by_key or key in ambiguous):  # two cases of one name and year
                ambiguous.add(key)
                by_key.pop(key, None)
                continue
            if key in by_key:
                raise LawDataError(f"authorities: {authority.key} and {by_key[key].key} share the citation key {key}")
            by_key[key] = authority
            if key[0] == "case":
                by_volume.setdefault((key[1], key[2]), []).append(authority)
                first_page[authority.key] = int(key[3])
    by_name: dict[str, Authority | None] = {}
    for authority in registry().values():
        if authority.kind == "case":
            name = authority.name.lower()
            by_name[name] = None if name in by_name else authority
    return _Index(by_key, by_volume, first_page, by_name)


def _short_case(index: _Index, volume: str, reporter: str, page: str | None,
                antecedent: str | None) -> Authority | None:
    candidates = index.by_volume.get((volume, reporter), [])
    if antecedent:
        named = [a for a in candidates if antecedent.lower() in a.name.lower()]
        if len(named) == 1:
            return named[0]
    if page is not None and page.isdigit():
        before = [a for a in candidates if index.first_page[a.key] <= int(page)]
        if before:
            return max(before, key=lambda a: index.first_page[a.key])
    return candidates[0] if len(candidates) == 1 else None


def _untyped(citation: Any) -> Any:
    """eyecite's methods are not annotated."""
    return citation


def _span(citation: Any) -> tuple[int, int]:
    start, end = citation.span()
    return int(start), int(end)


def _eyecite_hits(text: str, index: _Index) -> list[tuple[_Hit, Authority | None]]:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullJournalCitation, FullLawCitation, ShortCaseCitation

    out: list[tuple[_Hit, Authority | None]] = []
    for c in get_citations(text):
        groups = c.groups
        is_case = isinstance(c, FullCaseCitation | ShortCaseCitation)
        reporter = _norm(str(_untyped(c).corrected_reporter())) if is_case else ""
        if isinstance(c, FullCaseCitation):
            if groups.get("page"):
                key: MatchKey = ("case", groups["volume"], reporter, groups["page"])
                out.append((_Hit(key, _span(c), "eyecite"), index.by_key.get(key)))
            else:  # "606 U.S. ___": no page yet; match the case name (and year, where two cases share a name)
                meta = c.metadata
                name = f"{meta.plaintiff or ''} v. {(meta.defendant or '').split(',')[0]}".strip(" *_").lower()
                key = ("name", name.replace("*", "").replace("_", ""), str(meta.year or ""))
                out.append((_Hit(key, _span(c), "eyecite"), index.by_key.get(key) or index.by_name.get(key[1])))
        elif isinstance(c, ShortCaseCitation):
            key = ("short", groups["volume"], reporter, groups.get("page") or "")
            found = _short_case(index, groups["volume"], reporter, groups.get("page"), c.metadata.antecedent_guess)
            out.append((_Hit(key, _span(c), "eyecite"), found))
        elif isinstance(c, FullLawCitation):
            law_reporter = groups.get("reporter", "")
            if law_reporter == "U.S.C.":
                key = ("usc", groups.get("title") or "", groups.get("section") or "")
            elif law_reporter == "C.F.R.":
                section = (groups.get("section") or "").split("-")[0]  # "1.1-1.11": the first of a range
                key = ("cfr", groups.get("chapter") or groups.get("title") or "", section)
            elif law_reporter == "Pub. L.":
                key = ("publ", groups.get("title") or "")
            elif law_reporter == "Stat.":
                key = ("stat", groups.get("volume") or "", groups.get("page") or "")
            elif law_reporter in ("Fed. Reg.", "FR"):
                key = ("fr", groups.get("volume") or "", groups.get("page") or "")
            else:
                key = ("law", law_reporter, *(f"{k}={v}" for k, v in sorted(groups.items()) if v))
            out.append((_Hit(key, _span(c), "eyecite"), index.by_key.get(key)))
        elif isinstance(c, FullJournalCitation):
            out.append((_Hit(("journal", str(_untyped(c).matched_text())), _span(c), "eyecite"), None))
        # Id., supra, reference and unknown citations ("§" alone) refer back to, or are, other citations.
    return out


def _without_leading_words(index: _Index, text: str, hit: _Hit) -> tuple[_Hit, Authority | None]:
    """'The First Step Act § 404', 'In United States v. Davis (2d Cir. 2020)': a sentence's first words may be caught
    with the name; drop them one at a time until the rest is a registered name."""
    start, end = hit.span
    words = text[start:end].split(" ")
    for drop in range(1, len(words) - 1):
        rest = " ".join(words[drop:])
        if hit.key[0] == "act":
            key = _act_key(rest)
        elif " v. " in rest:
            key = ("name", rest[:rest.index(" (")].rstrip(",").lower() if " (" in rest else rest.lower(), hit.key[2])
        else:
            break
        if key in index.by_key:
            return _Hit(key, (end - len(rest), end), "pattern"), index.by_key[key]
    return hit, None


def cited_in(text: str) -> list[Cited]:
    """Every citation in `text`, in order, each matched to the registry (authority None: not in it)."""
    index = _index()
    if not text.strip():
        return []
    found = _eyecite_hits(text, index)
    eyecite_spans = [(hit.span, hit.key) for hit, _ in found]
    for hit in _law_hits(text):
        overlapping = [k for (s, e), k in eyecite_spans if s < hit.span[1] and hit.span[0] < e]
        if hit.key in overlapping or (hit.key[0] == "name" and overlapping):
            continue  # eyecite found this one already
        if hit.key in index.by_key:
            found.append((hit, index.by_key[hit.key]))
        elif hit.key[0] in ("act", "name"):
            found.append(_without_leading_words(index, text, hit))
        else:
            found.append((hit, None))
    found.sort(key=lambda pair: pair[0].span)
    return [Cited(text[h.span[0]:h.span[1]], h.found, authority, h.span) for h, authority in found]


def unknown(text: str) -> list[str]:
    """The citations in `text` that are not in the registry."""
    return [c.text for c in cited_in(text) if c.authority is None]
