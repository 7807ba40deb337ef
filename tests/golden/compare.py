"""Compare the outputs of today's code with the goldens: every difference, and the kind of change it is.

    .venv/bin/python -m tests.golden.compare              # each kind of change, with counts and an example
    .venv/bin/python -m tests.golden.compare --all        # every difference, with the kind it was given

A `Kind` is a named, documented rule that accepts one difference (e.g. "a key the golden does not have"). A test
names the kinds it permits (tests/test_golden.py); a difference no permitted kind accepts fails it. A change meant
to leave the outputs unchanged permits no kind at all.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.golden import capture


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


ABSENT: Any = _Absent()
Segment = str | int


@dataclass(frozen=True)
class Difference:
    """One place where the new output differs: `old` or `new` is ABSENT for a key or item only one side has.
    `old_parent` and `new_parent` are the objects that hold it (for kinds that look at its neighbours)."""

    path: tuple[Segment, ...]
    old: Any
    new: Any
    old_parent: Any = field(default=None, compare=False, repr=False)
    new_parent: Any = field(default=None, compare=False, repr=False)

    @property
    def where(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else ("/" if out else "") + part
        return out

    def key(self) -> str:
        """The last key of the path that is a name (not a list position)."""
        return next((p for p in reversed(self.path) if isinstance(p, str)), "")

    def under(self, *names: str) -> bool:
        return any(isinstance(p, str) and p.split("[")[0] in names for p in self.path)


# --- differences --------------------------------------------------------------------------------------------------

_IDENTITY = (("avenue", "ground"), ("count", "judgment"), ("field",), ("prior",))


def _identity(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    for keys in _IDENTITY:
        if all(k in item for k in keys):
            return ",".join(f"{k}={item[k]}" for k in keys)
    return None


def differences(old: Any, new: Any, path: tuple[Segment, ...] = (), old_parent: Any = None,
                new_parent: Any = None) -> Iterator[Difference]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                yield Difference((*path, key), old[key], ABSENT, old, new)
            else:
                yield from differences(old[key], new[key], (*path, key), old, new)
        for key in new:
            if key not in old:
                yield Difference((*path, key), ABSENT, new[key], old, new)
        return
    if isinstance(old, list) and isinstance(new, list):
        yield from _list_differences(old, new, path)
        return
    if old != new or type(old) is not type(new):
        yield Difference(path, old, new, old_parent, new_parent)


def _list_differences(old: list[Any], new: list[Any], path: tuple[Segment, ...]) -> Iterator[Difference]:
    old_ids = [_identity(x) for x in old]
    new_ids = [_identity(x) for x in new]
    keyed = all(i is not None for i in old_ids + new_ids) and len(set(old_ids)) == len(old_ids) \
        and len(set(new_ids)) == len(new_ids)
    if keyed and (old or new):
        by_id = dict(zip(new_ids, new, strict=True))
        for ident, item in zip(old_ids, old, strict=True):
            label = f"{path[-1] if path else ''}[{ident}]"
            if ident in by_id:
                yield from differences(item, by_id[ident], (*path[:-1], label))
            else:
                yield Difference((*path[:-1], label), item, ABSENT)
        for ident, item in zip(new_ids, new, strict=True):
            if ident not in set(old_ids):
                yield Difference((*path[:-1], f"{path[-1] if path else ''}[{ident}]"), ABSENT, item)
        if [i for i in old_ids if i in set(new_ids)] != [i for i in new_ids if i in set(old_ids)]:
            yield Difference((*path, "(order)"), old_ids, new_ids)
        return
    if all(not isinstance(x, (dict, list)) for x in old + new):
        for item in old:
            if item not in new:
                yield Difference((*path, "(item)"), item, ABSENT)
        for item in new:
            if item not in old:
                yield Difference((*path, "(item)"), ABSENT, item)
        if [x for x in old if x in new] != [x for x in new if x in old]:
            yield Difference((*path, "(order)"), old, new)
        return
    if len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from differences(a, b, (*path, i))
        return
    yield Difference(path, old, new)


# --- kinds of change ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    accepts: Callable[[Difference], bool]


KINDS: dict[str, Kind] = {}


def kind(name: str, description: str) -> Callable[[Callable[[Difference], bool]], Callable[[Difference], bool]]:
    def register(test: Callable[[Difference], bool]) -> Callable[[Difference], bool]:
        KINDS[name] = Kind(name, description, test)
        return test
    return register


@kind("added_key", "a key the golden does not have (the contract grows by adding keys)")
def _added_key(d: Difference) -> bool:
    return d.old is ABSENT and not (d.path and str(d.path[-1]).startswith("("))


_PENALTY_NUMBERS = ("min_months", "min_days", "max_months", "supervised_release_min_months")


@kind("changed_flag_corrected", "a count's `changed` flag was true where the minimum, maximum and supervised "
      "release are the same then and now (only the citation differed): now false (issue 14)")
def _changed_flag(d: Difference) -> bool:
    if d.key() != "changed" or d.old is not True or d.new is not False or not isinstance(d.new_parent, dict):
        return False
    then, now = d.new_parent.get("then") or {}, d.new_parent.get("now") or {}
    return all(then.get(k) == now.get(k) for k in _PENALTY_NUMBERS) and then.get("min_months") is not None


@kind("one_key_per_prior", "in an alternative's `assumes`, the serious-felony fact about a prior is one key for "
      "every count (`priors[0].serious_felony`), not one per count's offense date (`...@2003`): the counts' "
      "alternatives stay consistent (issue 14)")
def _one_key_per_prior(d: Difference) -> bool:
    key = d.key()
    return d.under("assumes") and d.new is ABSENT and "@" in key and isinstance(d.new_parent, dict) \
        and d.new_parent.get(key.split("@")[0]) == d.old


_INWARD = {"earliest": 1, "least": 1, "latest": -1, "most": -1}


@kind("range_narrowed", "an end of a range of dates or days moved inward (the earliest later, the latest earlier): "
      "presumptions replace worst cases, and corrected arithmetic (the GCT method chosen after the GCT lost)")
def _range_narrowed(d: Difference) -> bool:
    end = d.key()
    if end not in _INWARD or d.old is ABSENT or d.new is ABSENT or d.old is None or d.new is None:
        return False
    if type(d.old) is not type(d.new) or not isinstance(d.old, (str, int, float)):
        return False
    return (d.new > d.old) if _INWARD[end] > 0 else (d.new < d.old)


@kind("registry_question_text", "a question in a `missing` list is worded by the question registry (one wording per "
      "field, plain language) instead of the text each rule wrote")
def _registry_question(d: Difference) -> bool:
    from reprieve.assess.questions import entry

    if d.key() != "question" or not d.under("missing") or not isinstance(d.new_parent, dict):
        return False
    template = entry(d.new_parent["field"]).words("question", "en")
    pattern = "".join(".+?" if i % 2 else re.escape(part) for i, part in enumerate(re.split(r"[{}]", template)))
    return isinstance(d.new, str) and re.fullmatch(pattern, d.new) is not None


def classify(d: Difference, permitted: list[str]) -> str | None:
    """The first permitted kind that accepts the difference, or None."""
    for name in permitted:
        if KINDS[name].accepts(d):
            return name
    return None


# --- running ------------------------------------------------------------------------------------------------------

def compare_all(golden: Path = capture.GOLDEN) -> Iterator[Difference]:
    """Every difference between the goldens in `golden` and the outputs of the code as it is now."""
    current = {}
    for subject in capture.subjects():
        current.setdefault(subject.group, {})[subject.name] = subject
    for group in capture.groups(golden):
        old = capture.load_group(golden, group)
        subjects = current.get(group, {})
        for name in sorted(set(old) | set(subjects)):
            if name not in subjects:
                yield Difference((group, name), old[name], ABSENT)
                continue
            new = capture.outputs(subjects[name])
            if name not in old:
                yield Difference((group, name), ABSENT, new)
                continue
            yield from differences(old[name], new, (group, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--golden", type=Path, default=capture.GOLDEN)
    parser.add_argument("--all", action="store_true", help="print every difference")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    examples: dict[str, Difference] = {}
    for d in compare_all(args.golden):
        name = classify(d, list(KINDS)) or "UNEXPLAINED"
        counts[name] += 1
        examples.setdefault(name, d)
        if args.all:
            print(f"{name}: {d.where}: {d.old!r} -> {d.new!r}"[:400])
    for name, count in counts.most_common():
        d = examples[name]
        print(f"{count:6d}  {name}: {KINDS[name].description if name in KINDS else ''}")
        print(f"        e.g. {d.where}: {d.old!r} -> {d.new!r}"[:300])
    if not counts:
        print("no differences")


if __name__ == "__main__":
    main()
