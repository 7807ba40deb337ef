"""Issue 13: a rule is a small function a reader can check against its citation, so no function in assess/ or law/
runs over 60 lines (a merge once left one at 63)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[1] / "src" / "reprieve"
LIMIT = 60


def test_no_function_in_the_rules_is_longer_than_the_limit() -> None:
    long = []
    for folder in ("assess", "law"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    lines = (node.end_lineno or node.lineno) - node.lineno + 1
                    if lines > LIMIT:
                        long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert not long, "\n".join(long)
