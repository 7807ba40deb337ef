"""Write what intake read as a case file: YAML in the project's format, with a header saying where it came from
and what to check. Written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from reprieve.intake.documents import IntakeResult


class CaseNotWritten(Exception):
    pass


def case_yaml(result: IntakeResult, sources: list[str]) -> str:
    lines = [f"# Read by `reprieve intake` from: {', '.join(Path(s).name for s in sources)}.",
             "# Check every value against the papers before relying on it: a reading can be wrong.",
             "# Information, not legal advice."]
    low = result.low_confidence()
    if low:
        lines.append("# Read with low confidence (please check):")
        for read in low:
            lines.append(f"#   {read.path}: {read.value!r} (confidence {read.confidence:.2f}; "
                         f"{Path(read.source.file).name} page {read.source.page}: {read.source.text[:80]!r})")
    if result.missing:
        lines.append("# Not found on the papers: " + ", ".join(result.missing))
    body = yaml.safe_dump(result.case, sort_keys=False, allow_unicode=True, width=120)
    return "\n".join(lines) + "\n" + body


def write_case(result: IntakeResult, path: Path, sources: list[str]) -> None:
    """Write the case atomically: a half-written file is never left behind."""
    text = case_yaml(result, sources)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        raise CaseNotWritten(exc.strerror or str(exc)) from None
