"""The project is self-contained (issue 14): the case format is documented in the repository, from the models, with
a complete example and a blank template; every property of the schema says what it means; nothing a user reads
points to a file outside the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reprieve.case.model import case_json_schema
from reprieve.case.reference import generated, regions
from reprieve.case.schema_paths import all_paths
from reprieve.case.template import blank_template
from reprieve.cli.main import app
from reprieve.intake import load_case

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = [("Case", name, prop) for name, prop in schema["properties"].items()]
    for model, node in schema["$defs"].items():
        out += [(model, name, prop) for name, prop in (node.get("properties") or {}).items()]
    return out


def test_every_property_of_the_schema_has_a_description() -> None:
    properties = _properties(case_json_schema())
    missing = [f"{model}.{name}" for model, name, prop in properties if not prop.get("description", "").strip()]
    assert missing == []
    assert len(properties) >= 193
    months = case_json_schema()["$defs"]["Count"]["properties"]["months"]["description"]
    assert "months" in months and "\n" not in months


def test_the_case_format_page_is_the_one_the_models_write() -> None:
    """docs/case-format.md cannot drift: its tables, example and template are regenerated and compared (after a
    change to the models run `python -m reprieve.case.reference`)."""
    page = (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8")
    assert regions(page) == generated(ROOT)
    for path in all_paths():  # every field has its row
        name = path.rpartition(".")[2]
        assert f"| `{name}` |" in page, path


def _paths(node: Any, path: str = "") -> set[str]:
    out: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            out |= {child} | _paths(value, child)
    elif isinstance(node, list):
        for value in node:
            out |= _paths(value, f"{path}[]")
    return out


def test_the_complete_example_uses_every_field_and_reads_without_a_warning() -> None:
    loaded = load_case(ROOT / "examples" / "complete.yaml")
    assert loaded.warnings == []
    used = _paths(loaded.case.model_dump(exclude_unset=True))  # the keys the file states, null ones included
    assert [p for p in all_paths() if p not in used] == []


def test_reprieve_new_writes_a_commented_template_that_is_a_valid_case_file(tmp_path: Path) -> None:
    out = tmp_path / "case.yaml"
    result = runner.invoke(app, ["new", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text == blank_template()
    loaded = load_case(out)
    assert loaded.warnings == []
    assert loaded.case.judgments[0].counts[0].months is None  # empty is unknown, never zero
    lines = text.splitlines()
    keys = [(n, line) for n, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line)]
    assert len(keys) >= 40
    for n, line in keys:  # every key but `format` has a comment above it saying what it means
        assert line.startswith("format:") or lines[n - 1].strip().startswith("#"), line
    # what it means and where on the judgment to find it
    flat = re.sub(r"\n\s*# ", " ", text)  # comments as one text, whatever their wrapping
    assert "# The prison term on this count, in months" in text
    assert "Where to find it: Page 2 of the judgment (form AO 245B), 'Imprisonment'" in flat
    assert "'Date of Imposition of Judgment'" in flat and "'Jail Credit'" in flat


def test_reprieve_new_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "case.yaml"
    out.write_text("format: 1\n")
    result = runner.invoke(app, ["new", str(out)])
    assert result.exit_code == 2
    assert "exists; use --force" in " ".join(result.output.replace("│", " ").split())
    assert out.read_text() == "format: 1\n"
    assert runner.invoke(app, ["new", str(out), "--force"]).exit_code == 0
    assert out.read_text() == blank_template()


def _user_facing_texts() -> dict[str, str]:
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
             for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]}
    commands = ["", "compute", "assess", "screen", "synth", "draft", "new", "schema"]
    for command in commands:
        result = runner.invoke(app, [*([command] if command else []), "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        texts[f"reprieve {command} --help"] = result.output
    texts["reprieve schema"] = json.dumps(case_json_schema())
    return texts


@pytest.mark.parametrize("needle", ["../shared", "law.md", "shared/spec"])
def test_nothing_a_user_reads_points_outside_the_repository(needle: str) -> None:
    found = [name for name, text in _user_facing_texts().items() if needle in text]
    assert found == []


def test_the_help_points_to_the_format_in_the_repository() -> None:
    texts = _user_facing_texts()
    assert "docs/case-format.md" in texts["reprieve assess --help"]
    assert "docs/case-format.md" in texts["README.md"]
