"""docs/case-format.md, written from the models: one table per mapping of the case file (key, value, meaning, where
to find it), the complete example (examples/complete.yaml) and the blank template (`reprieve new`).

The page's prose is written by hand; the parts between the markers are generated. A test compares them with what
this module writes, so the page cannot drift from the models: after changing a field, run
`python -m reprieve.case.reference` from the repository root.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reprieve.case.schema_paths import tree
from reprieve.case.template import COMMON, Entry, blank_template

BEGIN = "<!-- BEGIN GENERATED: {part} (python -m reprieve.case.reference) -->"
END = "<!-- END GENERATED: {part} -->"


def _where() -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(entry: Entry) -> None:
        if entry.where:
            out[entry.path] = entry.where
        for child in entry.children:
            walk(child)

    for entry in COMMON:
        walk(entry)
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def fields_markdown() -> str:
    """One table per mapping, top level first."""
    where = _where()
    parts: list[str] = []
    for node in tree():
        heading = f"`{node.path}`" if node.path else "Top level"
        parts.append(f"### {heading}\n")
        parts.append("| key | value | meaning | where to find it |")
        parts.append("|---|---|---|---|")
        for f in node.fields:
            value = f"see [`{f.child}`](#{_anchor(f.child)})" if f.child else f.kind
            parts.append(f"| `{f.name}` | {_cell(value)} | {_cell(f.description)} | {_cell(where.get(f.path, ''))} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _anchor(path: str) -> str:
    """GitHub's anchor for a heading `### \\`judgments[].counts[]\\``: lower case, punctuation dropped."""
    return re.sub(r"[^a-z0-9_ -]", "", path.lower()).replace(" ", "-")


def example_yaml(root: Path) -> str:
    return (root / "examples" / "complete.yaml").read_text(encoding="utf-8")


def generated(root: Path) -> dict[str, str]:
    """Each generated part of docs/case-format.md, by name."""
    return {
        "fields": fields_markdown(),
        "example": f"```yaml\n{example_yaml(root)}```\n",
        "template": f"```yaml\n{blank_template()}```\n",
    }


def regions(text: str) -> dict[str, str]:
    """The generated parts a page holds now."""
    out = {}
    for match in re.finditer(r"<!-- BEGIN GENERATED: (\w+) [^>]*-->\n(.*?)<!-- END GENERATED: \1 -->", text, re.S):
        out[match.group(1)] = match.group(2)
    return out


def rewrite(text: str, parts: dict[str, str]) -> str:
    for part, body in parts.items():
        pattern = re.compile(rf"(<!-- BEGIN GENERATED: {part} [^>]*-->\n).*?(<!-- END GENERATED: {part} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"the page has no generated part {part!r}")
        text = pattern.sub(lambda m: m.group(1) + body + m.group(2), text)  # noqa: B023 (used at once)
    return text


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    page = root / "docs" / "case-format.md"
    page.write_text(rewrite(page.read_text(encoding="utf-8"), generated(root)), encoding="utf-8")
    print(f"wrote {page}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
