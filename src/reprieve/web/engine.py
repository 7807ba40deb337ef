"""The web app's only door to the engine: read a case file, assess it, draft documents, and the law data's version.

Everything goes through the engine's public API (`reprieve.intake`, `reprieve.assess.report`,
`reprieve.documents.draft`); the engine never imports the web app.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from reprieve import __version__
from reprieve.assess.findings import Finding
from reprieve.assess.report import Assessment, assess
from reprieve.case.model import Case
from reprieve.intake import CaseFileError, parse_case

__all__ = ["Assessment", "CaseFileError", "as_of_for", "assess", "assess_data", "cached", "case_of", "changes",
           "law_version", "released", "snapshot"]


def case_of(data: dict[str, Any]) -> Case:
    """The validated case; `CaseFileError` (problems by field path) when it is not a valid case file."""
    return parse_case(data, "case", warnings=False).case


def as_of_for(data: dict[str, Any], chosen: date | None = None) -> date:
    """The date to assess on: a lawyer's what-if date, else the case file's own `as_of`, else today."""
    if chosen:
        return chosen
    try:
        return date.fromisoformat(str(data.get("as_of")))
    except ValueError:
        return date.today()


_CACHE: OrderedDict[tuple[str, date, str], Assessment] = OrderedDict()
_CACHE_SIZE = 512
_LOCK = threading.Lock()


def _key(data: dict[str, Any], as_of: date | None) -> tuple[str, date, str]:
    on = as_of_for(data, as_of)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest(), on, law_version()


def cached(data: dict[str, Any], as_of: date | None = None) -> Assessment | None:
    """The assessment of these answers if this process has made it, else None (nothing is assessed)."""
    with _LOCK:
        return _CACHE.get(_key(data, as_of))


def assess_data(data: dict[str, Any], as_of: date | None = None) -> Assessment:
    """The assessment of a case file on a date. An answer re-assesses the case once: the pages that follow it reuse
    the result (kept by content, date and law data, so it can never be stale)."""
    key = _key(data, as_of)
    on = key[1]
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return found
    result = assess(case_of(data), on)
    with _LOCK:
        _CACHE[key] = result
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result


def released(assessment: Assessment) -> Finding | None:
    """The engine's custody finding when the stated facts have the person released (else None): the avenues that
    only shorten time in prison, and the papers that ask for them, are closed (see assess.relief.situation)."""
    return next((f for f in assessment.findings if f.avenue == "custody" and f.ground == "released"), None)


@lru_cache(maxsize=1)
def law_version() -> str:
    """A fingerprint of the law data shipped with this reprieve: it changes with every release of the rules' data,
    and every saved case is then re-assessed."""
    digest = hashlib.sha256(__version__.encode())
    root = resources.files("reprieve.law")
    stack = [root]
    files = []
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith((".yaml", ".py")):
                files.append(child)
    for child in sorted(files, key=lambda f: str(f)):
        digest.update(child.name.encode())
        digest.update(child.read_bytes())
    return digest.hexdigest()[:16]


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def snapshot(assessment: Assessment) -> dict[str, Any]:
    """What the case list shows and compares: the verdict of each avenue and the release date(s)."""
    comp = assessment.computation.as_json()
    ranges = comp.get("projected_release_range") or {}
    return {
        "as_of": assessment.as_of.isoformat(),
        "avenues": {avenue: {"status": f.status, "ground": f.ground, "eligible_from": _iso(f.eligible_from)}
                    for avenue, f in assessment.verdicts()},
        "release": comp.get("projected_release_date"),
        "release_range": [ranges.get("earliest"), ranges.get("latest")] if ranges else None,
    }


def changes(before: dict[str, Any], now: dict[str, Any]) -> list[dict[str, str]]:
    """What changed between two snapshots, as {kind, avenue, status, was}: kind is opened, closed, changed or
    release (the projected release date moved)."""
    if not before or not now:
        return []
    out: list[dict[str, str]] = []
    old = before.get("avenues", {})
    for avenue, verdict in now.get("avenues", {}).items():
        was = old.get(avenue, {}).get("status")
        status = verdict["status"]
        if was == status:
            continue
        if status == "eligible":
            kind = "opened"
        elif status == "not_eligible" and was is not None:
            kind = "closed"
        else:
            kind = "changed"
        out.append({"kind": kind, "avenue": avenue, "status": status, "was": was or ""})
    if before.get("release") != now.get("release") and now.get("release"):
        out.append({"kind": "release", "avenue": "", "status": str(now.get("release")),
                    "was": str(before.get("release") or "")})
    return out
