"""Dated, cited law data: every number a rule uses, with when it took effect, when it ended and where it comes from.

Each `*.yaml` file in the `reprieve.law` package (beside the module that applies it; subpackages give dotted
names, e.g. `guidelines/sentencing_table.yaml` is `guidelines.sentencing_table`) holds parameters of one legal
source. A parameter is a list of values; each value is in
force from `from` to `to` (both inclusive; `to: null` = still in force) and carries its citation, the grade of the
source it was read from (law.md section 0: P primary, S secondary, K general knowledge) and whether it is verified.
The loader is strict: a key it does not know is an error, so a misplaced value can never be silently ignored.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar, Token
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reprieve.law.schemas import SCHEMAS, validate_structured

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

ValueType = Literal["int", "number", "text", "date", "bool", "table", "list"]
SelectedBy = Literal[
    "computation_date",  # the day the computation is made (the BOP's method in force then)
    "offense_date",  # the date of the offense of conviction
    "sentencing_date",  # the date the sentence was imposed
    "commencement_date",  # the date the sentence commenced
    "decision_date",  # the date a court decides (or, for a screen, the as-of date)
]


class LawDataError(Exception):
    """The law data is malformed. Raised at load time, never at use."""


class Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    value: Any
    from_: date = Field(alias="from")
    to: date | None = None
    citation: str = Field(min_length=3)
    grade: Literal["P", "S", "K"]
    verified: bool = True
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Value:
        if self.to is not None and self.to < self.from_:
            raise ValueError(f"'to' ({self.to}) is before 'from' ({self.from_})")
        if self.grade == "K" and self.verified:
            raise ValueError("a value from general knowledge (grade K) cannot be marked verified")
        return self

    def in_force(self, on: date) -> bool:
        return self.from_ <= on and (self.to is None or on <= self.to)

    @property
    def reader_note(self) -> str | None:
        """The note as a reader of an output gets it: without how the value was found (the tools and copies it was
        read in, the project's own reference), which only the data's auditors need."""
        return for_readers(self.note) if self.note else None


# How a value was found, in a note: for the data's auditors, never for a reader of an output.
_PROVENANCE = r"law\.md|search tool|github\.com|mirrored|wikisource|govinfo\.gov|USC-2023|\.\./shared"
_PROVENANCE_PARENTHESIS = re.compile(r"\s*\((?:[^()]|\([^()]*\))*?(?:" + _PROVENANCE + r")(?:[^()]|\([^()]*\))*\)")
_REWORDED = [(re.compile(pattern), words) for pattern, words in (
    (r"\blaw\.md(?: [A-Z]?[0-9][0-9.]*)? \(secondary\)", "secondary sources"),
    (r"\b(?:was |were )?reached with the search tool", "was read"),
    (r"\bthe search tool reached", "the sources read reached"),
    (r"\s*with the search tool\b", ""),
    (r"\blaw\.md(?:\s+(?:section\s+)?[A-Z]?[0-9][0-9.]*(?:(?:,|\s+and)\s+[A-Z]?[0-9][0-9.]*)*)?(?:\s+(?:states|says))?"
     r"\s*", ""),
    (r"\bthe 2023 (?:US Code )?snapshot", "the 2023 U.S. Code"),
    (r"\(2023 snapshot\)", "(as in force in 2023)"),
    (r"\bthe snapshot\b", "the 2023 text"),
    (r"\(\s*[,;]?\s*\)", ""),
    (r"\s+([,.;:])", r"\1"),
    (r"\s{2,}", " "),
)]


@lru_cache(maxsize=2048)
def for_readers(note: str) -> str:
    """`note` without its provenance: parentheses naming where a text was read, the tools used, the project's
    reference file; what was read and what was not stays."""
    text = _PROVENANCE_PARENTHESIS.sub("", note)
    for pattern, words in _REWORDED:
        text = pattern.sub(words, text)
    text = text.strip().lstrip("-– ").strip()
    return text[:1].upper() + text[1:] if text else text


_PY_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "number": (int, float),
    "text": (str,),
    "date": (date,),
    "bool": (bool,),
    "table": (list, dict),
    "list": (list,),
}


class Parameter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    description: str
    type: ValueType
    schema_: str | None = Field(default=None, alias="schema", description="shape of a table or list (schemas.py)")
    unit: str | None = None
    selected_by: SelectedBy
    values: list[Value] = Field(min_length=1)

    @model_validator(mode="after")
    def _typed_and_sorted(self) -> Parameter:
        expected = _PY_TYPES[self.type]
        for v in self.values:
            bad_bool = isinstance(v.value, bool) and self.type in ("int", "number")
            if not isinstance(v.value, expected) or bad_bool:
                raise ValueError(f"value {v.value!r} (from {v.from_}) is not of type {self.type}")
        if self.type in ("table", "list"):
            if self.schema_ is None:
                raise ValueError(f"a {self.type} must name its shape with 'schema:' (one of {sorted(SCHEMAS)} or "
                                 "'module.path:ClassName')")
            for v in self.values:
                validate_structured(self.schema_, v.value)
        elif self.schema_ is not None:
            raise ValueError("'schema' applies only to table and list parameters")
        if [v.from_ for v in self.values] != sorted(v.from_ for v in self.values):
            raise ValueError("values must be listed in the order they took effect")
        return self

    def covers(self) -> tuple[date, date | None]:
        return self.values[0].from_, self.values[-1].to


class LawFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    parameters: dict[str, Parameter]


class NotInForce(LookupError):
    """No value of a parameter is in force on the date asked."""


class Law:
    """All parameters, looked up by `file.parameter` name and date."""

    def __init__(self, files: dict[str, LawFile]) -> None:
        self.files = files
        self._params: dict[str, Parameter] = {}
        self._starts: dict[str, list[date]] = {}
        for file_name, law_file in files.items():
            for name, parameter in law_file.parameters.items():
                key = f"{file_name}.{name}"
                self._params[key] = parameter
                self._starts[key] = [v.from_ for v in parameter.values]

    @staticmethod
    def at(as_of: date, changes: LawChange | dict[str, Any] | None = None) -> LawSnapshot:
        """The law one assessment applies: the shipped data as of `as_of` with the what-if `changes` spliced in,
        resolved once (`LawSnapshot`; pass it to `compute` or `assess`)."""
        return law_at(as_of, changes)

    def names(self) -> list[str]:
        return sorted(self._params)

    def parameter(self, name: str) -> Parameter:
        try:
            return self._params[name]
        except KeyError:
            raise KeyError(f"no law parameter named {name!r}") from None

    def entry(self, name: str, on: date) -> Value:
        parameter = self.parameter(name)
        index = bisect.bisect_right(self._starts[name], on) - 1
        if index >= 0:
            candidate = parameter.values[index]
            if candidate.in_force(on):
                return candidate
        first, last = parameter.covers()
        raise NotInForce(f"{name}: no value in force on {on} (the data covers {first} to {last or 'today'})")

    def value(self, name: str, on: date) -> Any:
        return self.entry(name, on).value

    def same_since(self, names: tuple[str, ...], on: date) -> date:
        """The first day of the period around `on` in which none of the parameters `names` changes value (each has
        the same value in force, or none, on every day from it to `on`): a result that depends only on their values
        on `on` is the same computed on this day, so a memo keyed by it serves every day of the period."""
        days = _changes_of(self, names)
        at = bisect.bisect_right(days, on) - 1
        return days[at] if at >= 0 else on

    def maybe(self, name: str, on: date) -> Value | None:
        """The value in force, or None outside the period the parameter covers."""
        try:
            return self.entry(name, on)
        except NotInForce:
            return None


@lru_cache(maxsize=64)
def _changes_of(data: Law, names: tuple[str, ...]) -> list[date]:
    """The days on which one of the parameters `names` takes a new value or stops having one, in order."""
    days = {d for name in names for v in data.parameter(name).values
            for d in (v.from_, *((v.to + timedelta(days=1),) if v.to is not None and v.to < date.max else ()))}
    return sorted(days)


def _load_file(name: str, text: str) -> LawFile:
    try:
        raw = yaml.load(text, Loader=_Loader)
        return LawFile.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise LawDataError(f"law data {name!r}: {exc}") from None


@cache
def shipped_law() -> Law:
    """The law data shipped with reprieve, loaded and validated once."""
    files: dict[str, LawFile] = {}
    root = resources.files("reprieve.law")

    def walk(folder: Traversable, prefix: str) -> None:
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_dir() and not item.name.startswith(("_", ".")):
                walk(item, f"{prefix}{item.name}.")
            elif item.name.endswith(".yaml"):
                name = prefix + item.name.removesuffix(".yaml")
                files[name] = _load_file(name, item.read_text(encoding="utf-8"))

    walk(root, "")
    return Law(files)



class Change(BaseModel):
    """One hypothetical change: from `from` (to `to`, or for good) the parameter takes `value`."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    parameter: str
    value: Any
    from_: date = Field(alias="from")
    to: date | None = None
    citation: str = "hypothetical change (what-if analysis)"
    note: str | None = None


class LawChange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    changes: list[Change] = Field(min_length=1)

    @property
    def parameters(self) -> frozenset[str]:
        """The keys of the parameters this what-if changes (see `LawSnapshot.read`)."""
        return frozenset(c.parameter for c in self.changes)

    def reach(self, base: Law) -> Reach:
        """Which read traces this what-if of `base` can change (see `Reach`)."""
        return Reach.of(base, changed(base, self), self.parameters)


def read_path(name: str, *path: str | int) -> str:
    """The trace of reading only a part of a parameter's value: `read_path("f.table", "row", "tiers", 0)` is
    `f.table[row][tiers][0]` (a row of a table, a field of it, an item of a list). A rule that reads only a part
    records it (`LawSnapshot.note`), so a what-if that changes other parts does not reach it (`Reach`)."""
    return name + "".join(f"[{part}]" for part in path)


def _prefixes(read: str) -> Iterator[str]:
    """`f.t[a][b]` -> `f.t`, `f.t[a]` (the reads that hold it)."""
    at = read.find("[")
    while at != -1:
        yield read[:at]
        at = read.find("[", at + 1)


def differing_parts(a: Any, b: Any, path: str, out: set[str]) -> None:
    """Add to `out` the smallest parts (`read_path` from `path`) in which two values differ: a key of a table (one
    missing from a table included), an item of lists of the same length, else the whole."""
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            differing_parts(a.get(key, _MISSING), b.get(key, _MISSING), read_path(path, key), out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            differing_parts(x, y, read_path(path, i), out)
    else:
        out.add(path)


class Reach:
    """The reads a what-if can change. A read (`"file.parameter"`, or a part of it, `read_path`) is reached when
    the two laws' values differ, on some day, inside what it read or in all of it: the part read holds a part that
    differs, or lies inside one. A result whose trace holds no read reached is the same under the what-if, its
    explanation's words (citations, notes) aside: its figures and findings come only from what it read."""

    __slots__ = ("_judged", "changed", "holding")
    _JUDGED_LIMIT = 100_000  # traces remembered (a population has a few hundred different ones per stage)

    def __init__(self, changed: frozenset[str]) -> None:
        self.changed = changed  # the smallest parts that differ
        self.holding = frozenset(p for c in changed for p in (c, *_prefixes(c)))  # and every read that holds one
        self._judged: dict[frozenset[str], bool] = {}

    @staticmethod
    def of(base: Law, what_if: Law, keys: Iterable[str]) -> Reach:
        changed: set[str] = set()
        for key in keys:
            periods = [[(v.from_, v.to) for v in law_.parameter(key).values] for law_ in (base, what_if)]
            if periods[0] != periods[1]:  # a new day the value changes on splits the periods a rule looks at
                changed.add(key)  # (`which_penalty_law.boundaries`): every reader of it is reached
                continue
            # the values are constant between these days, so comparing on each of them compares on every day
            days = {d for law_ in (base, what_if) for v in law_.parameter(key).values
                    for d in (v.from_, *((v.to + timedelta(days=1),) if v.to is not None and v.to < date.max else ()))}
            for day in days:
                a, b = base.maybe(key, day), what_if.maybe(key, day)
                differing_parts(a.value if a else _MISSING, b.value if b else _MISSING, key, changed)
        return Reach(frozenset(changed))

    def __call__(self, reads: Iterable[str]) -> bool:
        """Can a result that read `reads` (its trace, `LawSnapshot.read`) differ under the what-if? A trace given as a
        frozenset (a stage's, `LawSnapshot.read`) is judged once: a frozenset keeps its hash."""
        if isinstance(reads, frozenset):
            known = self._judged.get(reads)
            if known is None:
                if len(self._judged) >= self._JUDGED_LIMIT:
                    self._judged.clear()
                known = self._judged[reads] = self._reaches(reads)
            return known
        return self._reaches(reads)

    def _reaches(self, reads: Iterable[str]) -> bool:
        return any(read in self.holding or any(p in self.changed for p in _prefixes(read)) for read in reads)


def changed(base: Law, change: LawChange) -> Law:
    """A copy of `base` with each change spliced into its parameter's dated values (strictly validated)."""
    files = dict(base.files)
    for item in change.changes:
        file_name, _, name = item.parameter.rpartition(".")
        if file_name not in files or name not in files[file_name].parameters:
            raise LawDataError(f"law change: no parameter named {item.parameter!r}")
        parameter = files[file_name].parameters[name]
        kept: list[Value] = []
        for v in parameter.values:
            if v.from_ < item.from_:  # the part before the change
                end = item.from_ - timedelta(days=1)
                kept.append(v if v.to is not None and v.to <= end else v.model_copy(update={"to": end}))
            if item.to is not None and (v.to is None or v.to > item.to):  # the part after a temporary change
                start = item.to + timedelta(days=1)
                kept.append(v if v.from_ >= start else v.model_copy(update={"from_": start}))
        new = Value.model_validate({"value": item.value, "from": item.from_, "to": item.to,
                                    "citation": item.citation, "grade": "K", "verified": False, "note": item.note})
        values = sorted([*kept, new], key=lambda v: v.from_)
        try:
            updated = Parameter.model_validate({**parameter.model_dump(by_alias=True), "values": [
                v.model_dump(by_alias=True) for v in values]})
        except ValidationError as exc:
            raise LawDataError(f"law change {item.parameter}: {exc}") from None
        params = dict(files[file_name].parameters)
        params[name] = updated
        files[file_name] = files[file_name].model_copy(update={"parameters": params})
    return Law(files)


# --- the law for one assessment: a snapshot, passed explicitly ---------------------------------------------------

_MISSING = object()


@lru_cache(maxsize=16)
def _changed_law(change_json: str) -> Law:
    """The shipped law with a change spliced in, built once per distinct change (a `Law` is never modified)."""
    return changed(shipped_law(), LawChange.model_validate_json(change_json))


class LawSnapshot:
    """The law one assessment applies: the shipped data (or a what-if version of it) as of a date, resolved once.

    Build one with `Law.at(as_of, changes)`, pass it to `compute(case, as_of, law=...)` or `assess(..., law=...)`;
    the rules inside read it (`law()`) for the duration of that call only, so two threads assessing under two
    different snapshots at the same time each apply their own. A snapshot answers the same questions as `Law`
    (`entry`, `value`, `maybe`, `parameter`, `names`, `files`); a lookup depends only on (parameter, date), so each
    is memoized and a snapshot reused for many people (a population screen) resolves each lookup once.

    Read trace: `traced = snapshot.traced()` is the same snapshot (same law, same memo) that also records the key
    of every parameter a computation reads; after `assess(case, as_of, law=traced)`, `traced.read` is the set of
    keys (`"file.parameter"`, e.g. `"drug_penalties.trafficking_penalties"`) the result depends on. A result whose
    keys include none of a what-if's changed parameters (`LawChange.parameters`) is the same under that what-if.
    Values the rules cache across calls record their keys again on every hit (`law_cache`), so the trace is
    complete however often a value was looked up before. A rule that reads only part of a table records that part
    (`maybe(name, on, record=False)`, then `note(read_path(name, row, field))`), and a what-if reaches it only if
    that part changes (`LawChange.reach`).
    """

    __slots__ = ("_memo", "_read", "as_of", "change", "law")
    _MEMO_LIMIT = 500_000  # lookups kept; a larger memo is cleared (a screen of millions sees many offense dates)

    def __init__(self, law: Law, as_of: date, change: LawChange | None = None,
                 memo: dict[tuple[str, date], Value | None] | None = None, read: set[str] | None = None) -> None:
        self.law = law
        self.as_of = as_of
        self.change = change
        self._memo: dict[tuple[str, date], Value | None] = {} if memo is None else memo
        self._read = read

    def traced(self) -> LawSnapshot:
        """This snapshot, recording the keys read through it (see the class's docstring)."""
        return LawSnapshot(self.law, self.as_of, self.change, self._memo, set())

    @property
    def is_traced(self) -> bool:
        return self._read is not None

    @property
    def read(self) -> frozenset[str]:
        """The keys of the parameters read through this snapshot (empty unless it is `traced()`)."""
        return frozenset(self._read or ())

    def reading(self, work: Callable[[], R]) -> tuple[R, frozenset[str]]:
        """`work()` (run with this snapshot bound) and the keys it read through this traced snapshot, which records
        them as read too: the trace of one part of a stage, at the cost of two sets (no snapshot or binding)."""
        outer = self._read
        assert outer is not None, "reading() needs a traced snapshot"
        self._read = set()
        try:
            result = work()
            read = frozenset(self._read)
        finally:
            outer.update(self._read)
            self._read = outer
        return result, read

    def note(self, keys: Iterable[str]) -> None:
        """Record keys as read (a cached result replaying what it read when it was computed)."""
        if self._read is not None:
            self._read.update(keys)

    @property
    def files(self) -> dict[str, LawFile]:
        return self.law.files

    def names(self) -> list[str]:
        return self.law.names()

    def parameter(self, name: str) -> Parameter:
        if self._read is not None:
            self._read.add(name)
        return self.law.parameter(name)

    def selected_by(self, name: str) -> SelectedBy:
        """The date that selects a value of parameter `name`: part of the data's structure, which a what-if does not
        change, so not a read."""
        return self.law.parameter(name).selected_by

    def maybe(self, name: str, on: date, record: bool = True) -> Value | None:
        """The value in force, or None outside the period the parameter covers. `record=False`: the caller records
        the parts of it that it reads (`note(read_path(...))`) instead of the whole."""
        if record and self._read is not None:
            self._read.add(name)
        key = (name, on)
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            if len(self._memo) >= self._MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = self.law.maybe(name, on)
        return found  # type: ignore[return-value]

    def entry(self, name: str, on: date) -> Value:
        # `maybe` written out: the rules look up dozens of values a person
        if self._read is not None:
            self._read.add(name)
        found = self._memo.get((name, on))
        if found is None:
            found = self.maybe(name, on, record=False)
            if found is None:
                return self.law.entry(name, on)  # raises NotInForce, naming the period the data covers
        return found

    def value(self, name: str, on: date) -> Any:
        return self.entry(name, on).value


def law_at(as_of: date, changes: LawChange | dict[str, Any] | None = None) -> LawSnapshot:
    """The shipped law as of `as_of`, with a what-if `changes` (a `LawChange` or its YAML/JSON form) spliced in."""
    change = changes if isinstance(changes, LawChange) or changes is None else LawChange.model_validate(changes)
    return LawSnapshot(shipped_law() if change is None else _changed_law(change.model_dump_json()), as_of,
                       change)


_CURRENT: ContextVar[LawSnapshot | None] = ContextVar("reprieve_law", default=None)
_SHIPPED: list[LawSnapshot] = []


def law() -> LawSnapshot:
    """The law the rules apply now: the snapshot bound by the `compute` or `assess` call running in this thread or
    task (`using`), else the shipped law."""
    current = _CURRENT.get()
    if current is not None:
        return current
    if not _SHIPPED:
        _SHIPPED.append(LawSnapshot(shipped_law(), date.today()))
    return _SHIPPED[0]


class using:
    """Apply `snapshot` to every rule called inside the block, in this thread or task only (a context variable:
    other threads keep their own). None keeps the law in use. A class, not a generator: an assessment enters
    half a dozen of these, and a generator's context manager costs three times as much."""

    __slots__ = ("_snapshot", "_token")

    def __init__(self, snapshot: LawSnapshot | None) -> None:
        self._snapshot = snapshot
        self._token: Token[LawSnapshot | None] | None = None

    def __enter__(self) -> LawSnapshot:
        if self._snapshot is None:
            return law()
        self._token = _CURRENT.set(self._snapshot)
        return self._snapshot

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _CURRENT.reset(self._token)


R = TypeVar("R")


_LAW_CACHES: list[Callable[[], None]] = []  # every `law_cache` memo's emptier (`clear_law_caches`)


def clear_law_caches() -> None:
    """Empty every `law_cache` memo (tests compare an assessment with warm memos to one worked out afresh)."""
    for clear in _LAW_CACHES:
        clear()


def law_cache(maxsize: int) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """An LRU cache for a function of law data: keyed by its arguments and the law in use (a what-if law is another
    law), and replaying into a traced snapshot the keys the first call read, so the read trace stays complete."""

    def decorate(fn: Callable[..., R]) -> Callable[..., R]:
        @lru_cache(maxsize=maxsize)
        def inner(data: Law, *args: Any) -> tuple[R, frozenset[str]]:  # the Law itself: no id reused after GC
            traced = law().traced()
            with using(traced):
                result = fn(*args)
            return result, traced.read

        def wrapper(*args: Any) -> R:
            current = law()
            result, keys = inner(current.law, *args)
            current.note(keys)
            return result

        wrapper.__doc__ = fn.__doc__
        wrapper.__name__ = fn.__name__
        wrapper.cache_clear = inner.cache_clear  # type: ignore[attr-defined]  # (tests empty the memos)
        _LAW_CACHES.append(inner.cache_clear)
        return wrapper

    return decorate
