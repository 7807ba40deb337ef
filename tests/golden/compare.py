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
from dataclasses import dataclass, field, replace
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
    old_root: Any = field(default=None, compare=False, repr=False)  # the whole subject ({as_of, compute, assess})
    new_root: Any = field(default=None, compare=False, repr=False)

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



# --- what presumptions and stated facts change (issue 12) -------------------------------------------------------------

def _presumes(root: Any) -> bool:
    """The subject's new output rests on a presumption or on an alternative the stated facts ruled out."""
    if not isinstance(root, dict):
        return False
    assessed = root.get("assess") or {}
    current = assessed.get("current_law") or {}
    return bool(assessed.get("assumptions") or (root.get("compute") or {}).get("assumptions")
                or any(c.get("settled") for c in current.get("counts") or [])
                or (assessed.get("guidelines") or {}).get("settled"))


def _presumed_fields(root: Any) -> set[str]:
    assessed = (root or {}).get("assess") or {}
    computed = (root or {}).get("compute") or {}
    return {a["field"] for a in [*(assessed.get("assumptions") or []), *(computed.get("assumptions") or [])]}


@kind("filled_by_presumption", "a value that was null (unknown) is now given, because the answer rests on a listed "
      "presumption or on the stated facts that rule out the other alternatives")
def _filled(d: Difference) -> bool:
    return d.old is None and d.new is not None and d.new is not ABSENT and _presumes(d.new_root)


_SINGLE = {"alternatives": ("min_months", "max_months"), "missing": ("min_months", "max_months"),
           "reason": ("min_months", "max_months"), "then_min_alternatives": ("then_min_months",),
           "now_min_alternatives": ("now_min_months",), "then_min_range_months": ("then_min_months",
                                                                                  "then_min_alternatives"),
           "now_min_range_months": ("now_min_months", "now_min_alternatives"),
           "notes": ("then_min_alternatives", "now_min_alternatives", "then_min_months", "now_min_months")}


@kind("alternatives_resolved", "the alternatives (and the facts they would need) beside a value are gone because the "
      "value is now given, or listed in full instead of bounded")
def _resolved(d: Difference) -> bool:
    if d.new is not ABSENT or not isinstance(d.new_parent, dict) or d.key() not in _SINGLE:
        return False
    return _presumes(d.new_root) and any(d.new_parent.get(k) is not None for k in _SINGLE[d.key()])


def _values(items: Any) -> set[Any]:
    return {x.get(k) for x in items or [] if isinstance(x, dict)
            for k in ("min_months", "then_min_months", "now_min_months")}


@kind("alternatives_narrowed", "fewer alternatives: those a presumption or a stated fact rules out are dropped")
def _narrowed(d: Difference) -> bool:
    if d.key() not in ("alternatives", "then_min_alternatives", "now_min_alternatives"):
        return False
    return isinstance(d.old, list) and isinstance(d.new, list) and len(d.new) < len(d.old) \
        and _values(d.new) <= _values(d.old) and _presumes(d.new_root)


@kind("fact_no_longer_open", "a fact is no longer listed as missing or uncertain: it is presumed (and listed in "
      "`assumptions`) or the other stated facts settle it")
def _no_longer_open(d: Difference) -> bool:
    if d.new is not ABSENT or not (d.under("missing") or d.under("uncertain")):
        return False
    item = d.old.get("field") if isinstance(d.old, dict) else d.old
    return isinstance(item, str) and _presumes(d.new_root)


def _at(root: Any, path: tuple[Segment, ...]) -> Any:
    """The new output's object at `path` (after the group and case name), or None."""
    node = root
    for part in path[2:]:
        if not isinstance(part, str) or not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


@kind("range_resolved", "a range of dates is gone because presumptions fix the single date (which lies within it)")
def _range_resolved(d: Difference) -> bool:
    if d.new is not ABSENT or not _presumes(d.new_root) or not isinstance(d.old, dict):
        return False
    key = d.key()
    inside_ranges = len(d.path) > 1 and d.path[-2] == "ranges"
    holder = _at(d.new_root, d.path[:-2] if inside_ranges else d.path[:-1])
    spans = d.old if key == "ranges" else {key: d.old}
    for name, span in spans.items():
        point_key = {"projected_release_range": "projected_release_date",
                     "release_date_range": "release_date_if_sentenced_now"}.get(name, name)
        point = holder.get(point_key) if isinstance(holder, dict) else None
        lo, hi = span.get("earliest", span.get("least")), span.get("latest", span.get("most"))
        if point is None or lo is None or hi is None or not lo <= point <= hi:
            return False
    return True


@kind("no_gct_no_rate_question", "the good conduct time rate is no longer called uncertain where no good conduct time "
      "is earned at all (a life term, or a term of a year or less)")
def _no_gct(d: Difference) -> bool:
    if d.new is not ABSENT or not d.under("uncertain") or not isinstance(d.old, dict):
        return False
    computation = _at(d.new_root, d.path[:-1])
    if d.old.get("field") != "custody.gct_rate" or not isinstance(computation, dict):
        return False
    term = computation.get("total_term") or {}
    return bool(term.get("life")) or (computation.get("gct") or {}).get("max_days") in (0, None)


@kind("change_in_law_compares_life", "the change-in-law ground compares a minimum of life then and now (it said the "
      "minimums could not be determined, because they were not numbers of months)")
def _life_compared(d: Difference) -> bool:
    if not any(isinstance(p, str) and p.startswith("findings[") and "§1B1.13(b)(6)" in p for p in d.path):
        return False
    aggregate = _at(d.new_root, (None, None, "assess", "current_law", "aggregate")) or {}  # type: ignore[arg-type]
    values = (aggregate.get("then_min_months"), aggregate.get("now_min_months"))
    return None not in values and "life" in values


_COVERAGE_WORDS = ("other_penalties", "does not cover", "no change in law affects this offense",
                   "as in force for an offense on")


@kind("statute_data_quoted", "the ranges of robbery and the other offenses outside the drug and firearm tables now "
      "come from data quoted from the Code (other_penalties.yaml): the same numbers, with a new basis, coverage note "
      "and UNVERIFIED note")
def _statute_data(d: Difference) -> bool:
    if d.key() not in ("basis", "not_covered", "detail", "note") and not d.under("unverified"):
        return False
    texts = [t for t in (d.old, d.new) if isinstance(t, str)]
    return bool(texts) and any(word in t for t in texts for word in _COVERAGE_WORDS)


@kind("explanation_follows", "the steps, summary and reasons that explain a value changed with it, in a case whose "
      "answer now rests on presumptions or on stated facts that settle it")
def _explanation(d: Difference) -> bool:
    return (d.under("steps") or d.key() in ("summary", "notes")) and _presumes(d.new_root)


@kind("finding_follows", "a finding's reasons, questions, dates or status follow the values it rests on; a status "
      "changes only from needs_facts")
def _finding(d: Difference) -> bool:
    if not d.path or not any(isinstance(p, str) and p.startswith("findings[") for p in d.path):
        return False
    if d.key() == "status" and d.old != "needs_facts":
        return False
    return _presumes(d.new_root)


_BOUND_MARKERS = ("at the earliest (credited custody begins no earlier than the offense",
                  "is shorter than", "which requires life imprisonment")


def _new_finding(d: Difference) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The new finding a difference lies in (None if not in one), and all the new findings."""
    findings = ((d.new_root or {}).get("assess") or {}).get("findings") or []
    for part in d.path:
        match = re.fullmatch(r"findings\[avenue=(.*?),ground=(.*)\]", part) if isinstance(part, str) else None
        if match:
            found = [f for f in findings if (f.get("avenue"), f.get("ground")) == match.groups()]
            return (found[0] if found else None), findings
    return None, findings


def _bound(finding: dict[str, Any] | None) -> bool:
    return finding is not None and any(m in r for r in finding.get("reasons") or [] for m in _BOUND_MARKERS)


@kind("served_bounded_by_stated_facts", "with commencement unknown, an element on time served is decided by what is "
      "stated: credited custody begins no earlier than the offense (18 U.S.C. 3585(b)), so a threshold cannot yet "
      "be reached; the whole term is shorter than the threshold; a count sentenced to a term of years was not "
      "sentenced under 3559(c) (which requires life). The finding drops the questions it no longer needs; a status "
      "changes only from needs_facts")
def _served_bounded(d: Difference) -> bool:
    finding, findings = _new_finding(d)
    if finding is None:
        return False
    if d.key() == "status" and d.old != "needs_facts":
        return False
    if _bound(finding):
        return True
    # the summary finding of an avenue lists its grounds' statuses
    if isinstance(d.old, str) and d.new is ABSENT and d.old.endswith(": needs_facts"):
        named = d.old.rsplit(":", 1)[0]
        return any(_bound(f) and named.startswith(f.get("ground", "")) for f in findings)
    return False


@kind("not_yet_says_why", "the BOP's 'greater of 10 years or 75%' element, not yet met, says which part is not met "
      "and when it will be ('not yet (75% served: ... will be served on ...)') instead of 'not yet'")
def _not_yet_says_why(d: Difference) -> bool:
    finding, _ = _new_finding(d)
    if finding is None or d.path[-2:] != ("reasons", "(item)"):
        return False
    reasons = finding.get("reasons") or []
    if isinstance(d.old, str) and d.new is ABSENT and d.old.endswith(": not yet"):
        return any(r.startswith(d.old + " (") for r in reasons)
    return isinstance(d.new, str) and d.old is ABSENT and ": not yet (" in d.new


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
            for d in differences(old[name], new, (group, name)):
                yield replace(d, old_root=old[name], new_root=new)


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
