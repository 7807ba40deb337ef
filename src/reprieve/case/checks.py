"""Facts that cannot all be true at once: each problem names the field that is impossible and why.

These run after the types are valid. A value that is merely unknown is never a problem here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from reprieve.case.model import Case, Count
from reprieve.dates import PartialDate


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


def _before(a: PartialDate | None, b: PartialDate | None) -> bool:
    """True only when `a` is certainly earlier than `b` whatever the unknown days are."""
    return a is not None and b is not None and a.latest < b.earliest


def impossible_facts(case: Case) -> list[Problem]:
    return list(_too_large(case, "")) + list(_problems(case))


# Bounds on numbers, not law: a count of months or days past these (1,000 years) is a typing slip, and the dates it
# would give fall off the calendar. Each number the case file holds is checked, by the unit its name gives.
MAX_MONTHS = 12_000
MAX_DAYS = 365_250
MAX_NUMBER = 1_000_000


@cache  # a few dozen field names
def _bound(name: str) -> tuple[int, str]:
    if name.endswith("months") or name == "range_months":
        return MAX_MONTHS, f"must be at most {MAX_MONTHS} months (1,000 years)"
    if name.endswith("days") or name == "days":
        return MAX_DAYS, f"must be at most {MAX_DAYS} days (1,000 years)"
    return MAX_NUMBER, f"must be at most {MAX_NUMBER}"


_WALKED = (BaseModel, list, int, float)  # what can hold a number these bounds apply to


def _too_large(node: object, path: str, name: str = "") -> Iterator[Problem]:
    # Walks every field of the case (once per assessment, so per person in a screen): first a quick walk that only
    # says whether any number is over its bound (almost never), and only then the walk that names where.
    if not _any_too_large(node, name):
        return
    for where, field_name, number in _numbers(node, (path,) if path else (), name):
        limit, message = _bound(field_name)
        if number > limit:
            yield Problem("".join(_path_text(where)), message)


def _any_too_large(node: object, name: str) -> bool:
    """Whether `_numbers` would find a number over its bound, without building where each number is, and passing
    over the fields whose type holds no number (text, dates): this runs for every person of a screen, so the values
    of the common exact types (a number, a list, a model of the case) are told apart by `type` and the bound of each
    field is looked up once per model (`_limits`); anything else goes the general way (`_any_over`)."""
    if not isinstance(node, BaseModel):
        return _any_over(node, name)
    values = node.__dict__
    for field_name, limit in _limits(type(node)):
        child = values.get(field_name)
        kind = type(child)
        if child is None or kind is str:
            continue
        if kind is int or kind is float:
            if child > limit:
                return True
        elif kind is list:
            for item in child:
                item_kind = type(item)
                if item_kind is int or item_kind is float:
                    if item > limit:
                        return True
                elif item is not None and item_kind is not str and _any_over(item, field_name):
                    return True
        elif _any_over(child, field_name):
            return True
    return False


def _any_over(node: object, name: str) -> bool:
    """`_any_too_large` for a value of any type: a model, a list, a number (a bool is no number), else nothing."""
    if isinstance(node, BaseModel):
        return _any_too_large(node, name)
    if isinstance(node, list):
        return any(isinstance(item, _WALKED) and _any_over(item, name) for item in node)
    return isinstance(node, (int, float)) and not isinstance(node, bool) and node > _bound(name)[0]


@cache
def _limits(model: type[BaseModel]) -> tuple[tuple[str, int], ...]:
    """The fields of `model` that may hold a number, each with the bound its name gives."""
    return tuple((name, _bound(name)[0]) for name in _fields_with_numbers(model))


@cache
def _fields_with_numbers(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if _may_hold_number(info.annotation))


def _may_hold_number(annotation: Any) -> bool:
    """Whether a value of this type can be (or hold) a number, a list or a model; when unsure, yes."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return any(isinstance(v, (int, float)) for v in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _may_hold_number(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return any(_may_hold_number(a) for a in typing.get_args(annotation))
    if origin is list:
        return any(_may_hold_number(a) for a in typing.get_args(annotation)) or not typing.get_args(annotation)
    if origin is not None:
        return True  # dict[...] and the like: walked (and passed over) as `_numbers` does
    if isinstance(annotation, type):  # a value of the field is an instance of it (the model's validation holds)
        return issubclass(annotation, _WALKED) and annotation is not bool
    return True


def _numbers(node: object, where: tuple[str | int, ...], name: str) -> Iterator[tuple[tuple[str | int, ...], str,
                                                                                      int | float]]:
    if isinstance(node, BaseModel):
        values = node.__dict__
        for field_name in type(node).model_fields:
            child = values.get(field_name)
            if isinstance(child, _WALKED):
                yield from _numbers(child, (*where, field_name), field_name)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _numbers(item, (*where, i), name)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield where, name, node


def _path_text(where: tuple[str | int, ...]) -> Iterator[str]:
    for i, part in enumerate(where):
        yield f"[{part}]" if isinstance(part, int) else (f".{part}" if i else part)


def _problems(case: Case) -> Iterator[Problem]:
    if case.as_of is not None and not case.as_of.is_exact:
        yield Problem("as_of", "must be a full date (YYYY-MM-DD): it is the day the case is assessed on")

    custody = case.custody
    first_imposed = case.judgments[0].imposed_on if case.judgments else None

    for j, judgment in enumerate(case.judgments):
        base = f"judgments[{j}]"
        labels = [c.count for c in judgment.counts if c.count is not None]
        seen: set[str] = set()
        for label in labels:
            if label in seen:
                yield Problem(f"{base}.counts", f"count label '{label}' appears twice")
            seen.add(label)
        if _before(judgment.amended_on, judgment.imposed_on):
            yield Problem(f"{base}.amended_on", "is before the judgment was imposed (imposed_on)")
        for c, count in enumerate(judgment.counts):
            path = f"{base}.counts[{c}]"
            if _before(count.offense_ended, count.offense_began):
                yield Problem(f"{path}.offense_ended", "is before offense_began")
            if _before(judgment.imposed_on, count.offense_began):
                yield Problem(f"{base}.imposed_on", f"is before the offense in counts[{c}] began")
            if count.life and (count.months or count.days):
                yield Problem(f"{path}.life", "a count cannot carry both a life term and a term of months/days")
            for key in ("consecutive_to", "concurrent_with"):
                for k, target in enumerate(getattr(count, key) or []):
                    if target not in labels:
                        yield Problem(f"{path}.{key}[{k}]", f"names count '{target}', which is not in this judgment")
                    elif target == count.count:
                        yield Problem(f"{path}.{key}[{k}]", "a count cannot be related to itself")
        cycle = _consecutive_cycle(judgment.counts)
        if cycle is not None:
            yield Problem(f"{base}.counts[{cycle}].consecutive_to", "the counts are consecutive to each other in a "
                                                                     "circle")
        for e, enhancement in enumerate(judgment.enhancements or []):
            for p, index in enumerate(enhancement.priors or []):
                if index >= len(case.priors):
                    yield Problem(f"{base}.enhancements[{e}].priors[{p}]",
                                  f"is {index}, but priors has {len(case.priors)} entries (indexes start at 0)")
        if j > 0 and _before(judgment.imposed_on, case.judgments[j - 1].imposed_on):
            yield Problem(f"{base}.imposed_on", "judgments must be listed in the order imposed")

    if _before(custody.commenced_on, first_imposed):
        yield Problem("custody.commenced_on",
                      "is before the sentence was imposed (judgments[0].imposed_on); a federal sentence cannot "
                      "commence before it is imposed")
    if _before(first_imposed, custody.arrested_on):
        yield Problem("custody.arrested_on", "is after the sentence was imposed (judgments[0].imposed_on)")
    if _before(custody.commenced_on, custody.arrested_on):
        yield Problem("custody.commenced_on", "is before the arrest (custody.arrested_on)")
    if custody.arrived_at_facility_on is not None and _before(custody.arrived_at_facility_on, custody.commenced_on):
        yield Problem("custody.arrived_at_facility_on", "is before the sentence commenced (custody.commenced_on)")
    if _before(custody.arrested_on, case.person.born):
        yield Problem("custody.arrested_on", "is before the person was born (person.born)")
    if custody.bop is not None:
        bop = custody.bop
        if _before(bop.statutory_release_date, custody.commenced_on):
            yield Problem("custody.bop.statutory_release_date", "is before the sentence commenced")
        if _before(bop.full_term_date, bop.statutory_release_date):
            yield Problem("custody.bop.full_term_date", "is before the statutory release date")
    if custody.rdap is not None and _before(custody.rdap.completed_on, custody.commenced_on):
        yield Problem("custody.rdap.completed_on", "is before the sentence commenced")

    for r, request in enumerate(case.requests):
        if _before(request.received_on, request.submitted_on):
            yield Problem(f"requests[{r}].received_on", "is before the request was submitted (submitted_on)")
        if _before(request.responded_on, request.submitted_on):
            yield Problem(f"requests[{r}].responded_on", "is before the request was submitted (submitted_on)")

    for p, prior in enumerate(case.priors):
        if _before(prior.released_on, prior.convicted_on):
            yield Problem(f"priors[{p}].released_on", "is before the conviction (convicted_on)")
        if _before(prior.final_on, prior.convicted_on):
            yield Problem(f"priors[{p}].final_on", "is before the conviction (convicted_on)")
        if (prior.served_months is not None and prior.sentence_months is not None
                and prior.served_months > prior.sentence_months):
            yield Problem(f"priors[{p}].served_months", "is more than the sentence (sentence_months)")


def _consecutive_cycle(counts: list[Count]) -> int | None:
    """The index of a count that is (through others) consecutive to itself, if any."""
    index = {c.count: i for i, c in enumerate(counts) if c.count is not None}
    edges = {i: [index[t] for t in (c.consecutive_to or []) if t in index] for i, c in enumerate(counts)}
    state: dict[int, int] = {}  # 1 visiting, 2 done

    def visit(i: int) -> bool:
        state[i] = 1
        for j in edges[i]:
            if state.get(j) == 1 or (j not in state and visit(j)):
                return True
        state[i] = 2
        return False

    for i in edges:
        if i not in state and visit(i):
            return i
    return None
