"""The last screenings' results, kept so that a what-if (`--law-change`) re-assesses only the people it can reach.

A screening of a table keeps every person's row under the shipped law and, beside it, the keys of the law parameters
that row read (`runner.READS`, the engine's read trace). A later what-if of the same table re-assesses only the
people whose rows read a parameter it changes and reuses every other row as it is (`runner.rescreen`).

A kept screening is found by a digest of everything its rows depend on: the input file's bytes, how its columns are
read (`--columns`), the day assessed, how ids are shown (the id key's fingerprint, never the key), and reprieve's own
code and law data. Anything else gives another digest, so a stale result is never reused.

The results are as private as the outputs: a folder only the user can open (mode 0700) in the user's cache folder,
files of mode 0600; the last few screenings are kept, older ones removed. Deleting the folder forgets them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reprieve.screen.output import write_private
from reprieve.screen.runner import READS, RowError
from reprieve.screen.source import Table

KEEP = 3  # screenings kept


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reprieve" / "screenings"


@cache
def code_digest() -> str:
    """reprieve's code and law data (the web app aside): a result from other rules is another result."""
    import reprieve

    root = Path(reprieve.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml", ".json") and "web" not in path.relative_to(root).parts[:1]:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def run_digest(table: Table, as_of: date, keep_ids: bool, key: bytes) -> str:
    digest = hashlib.sha256()
    with table.source.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    digest.update(json.dumps({"columns": table.columns, "targets": table.targets, "as_of": as_of.isoformat(),
                              "keep_ids": keep_ids, "code": code_digest(),
                              "key": hmac.new(key, b"reprieve screening cache", "sha256").hexdigest()}).encode())
    return digest.hexdigest()[:32]


def save(digest: str, base: Any, errors: list[RowError]) -> Path:
    """Keep a screening's rows under the shipped law (with the law each read) and its row errors."""
    import polars as pl

    folder = cache_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    rows = folder / f"{digest}.parquet"
    errors_path = folder / f"{digest}.errors.json"
    write_private(errors_path, lambda tmp: Path(tmp).write_text(json.dumps([asdict(e) for e in errors])))
    write_private(rows, (base if base.height else pl.DataFrame()).write_parquet)
    kept = sorted(folder.glob("*.parquet"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".errors.json").unlink(missing_ok=True)
    return rows


def load(digest: str) -> tuple[Any, list[RowError]] | None:
    """A kept screening's rows and errors, or None when there is none (or it cannot be read)."""
    import polars as pl

    folder = cache_folder()
    rows, errors_path = folder / f"{digest}.parquet", folder / f"{digest}.errors.json"
    if not rows.exists() or not errors_path.exists():
        return None
    try:
        frame = pl.read_parquet(rows)
        errors = [RowError(**e) for e in json.loads(errors_path.read_text())]
    except (OSError, ValueError, TypeError, pl.exceptions.PolarsError):
        return None
    if frame.height and READS not in frame.columns:
        return None
    return frame, errors
