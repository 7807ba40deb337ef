"""Malformed case files: exit 1, a message naming the file and the field path, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reprieve.cli.main import app

BAD = Path(__file__).parent / "bad_cases"

# file -> (field path, words the message must contain)
EXPECTED = {
    "negative_months.yaml": ("judgments[0].counts[1].months", "must be >= 0"),
    "bad_date.yaml": ("custody.arrested_on", "must be a date"),
    "impossible_day.yaml": ("judgments[0].imposed_on", "not a real calendar day"),
    "bad_register.yaml": ("person.register_number", "12345-678"),
    "unknown_unit.yaml": ("judgments[0].counts[0].quantity", "unknown unit 'bricks'"),
    "counts_not_a_list.yaml": ("judgments[0].counts", "must be a list"),
    "gct_rate_60.yaml": ("custody.gct_rate", "must be one of"),
    "commenced_before_imposed.yaml": ("custody.commenced_on", "before the sentence was imposed"),
    "release_before_commencement.yaml": ("custody.bop.statutory_release_date", "before the sentence commenced"),
    "offense_ended_before_began.yaml": ("judgments[0].counts[0].offense_ended", "before offense_began"),
    "consecutive_to_unknown.yaml": ("judgments[0].counts[1].consecutive_to[0]", "names count '7'"),
    "enhancement_prior_missing.yaml": ("judgments[0].enhancements[0].priors[0]", "priors has 1 entries"),
    "received_before_submitted.yaml": ("requests[0].received_on", "before the request was submitted"),
    "served_more_than_sentence.yaml": ("priors[0].served_months", "more than the sentence"),
    "top_level_list.yaml": ("(top level)", "must be a mapping"),
    "broken_yaml.yaml": ("(file)", "is not valid YAML"),
    "format_2.yaml": ("format", "reads format 1"),
    "as_of_partial.yaml": ("as_of", "must be a full date"),
    "relation_invalid.yaml": ("judgments[1].relation", "must be one of"),
    "life_and_months.yaml": ("judgments[0].counts[0].life", "both a life term and"),
    "risk_level_invalid.yaml": ("custody.fsa.risk_levels[0].level", "must be one of"),
    "risk_level_without_date.yaml": ("custody.fsa.risk_levels[0].on", "is required"),
    "arrested_after_imposed.yaml": ("custody.arrested_on", "after the sentence was imposed"),
    "continuous_maybe.yaml": ("custody.continuous_since_arrest", "must be true or false"),
    "broken_json.json": ("(file)", "is not valid JSON"),
    "consecutive_circle.yaml": ("judgments[0].counts[0].consecutive_to", "in a circle"),
}


def test_every_bad_case_has_an_expectation() -> None:
    assert {p.name for p in BAD.iterdir()} == set(EXPECTED)
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["compute", "assess"])
def test_bad_case_exits_1_naming_the_field(name: str, command: str) -> None:
    path, words = EXPECTED[name]
    result = CliRunner().invoke(app, [command, str(BAD / name)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{BAD / name}: {path}: " in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_with_json_a_bad_case_is_a_json_error_naming_the_field(name: str) -> None:
    """cli.md: with --json an error is a JSON document too, {error: {file, field, message}}."""
    path, words = EXPECTED[name]
    result = CliRunner().invoke(app, ["assess", str(BAD / name), "--json"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error == {"file": str(BAD / name), "field": path, "message": error["message"]}
    assert words in error["message"]
    assert "Traceback" not in result.output


def test_missing_file_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["compute", "no/such/case.yaml"])
    assert result.exit_code == 1
    assert "no/such/case.yaml: (file): does not exist" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(app, ["compute"]).exit_code == 2
    assert CliRunner().invoke(app, ["compute", "examples/vailes.yaml", "--as-of", "2023-13-01"]).exit_code == 2
    assert CliRunner().invoke(app, ["frobnicate"]).exit_code == 2


def test_unknown_keys_warn_and_are_kept(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\nnickname: V\njudgments:\n  - imposed_on: 2010-03-01\n    counts:\n"
                    "      - {count: '1', months: 60, colour: red}\ncustody: {commenced_on: 2010-03-01, "
                    "prior_custody_days: 0}\n")
    result = CliRunner().invoke(app, ["compute", str(case), "--as-of", "2012-01-01"])
    assert result.exit_code == 0
    assert f"{case}: warning: nickname: unknown key" in result.stderr
    assert f"{case}: warning: judgments[0].counts[0].colour: unknown key" in result.stderr


def test_keys_not_read_are_named_again_below_the_report(tmp_path: Path) -> None:
    """A misspelt key means the answers went without that fact; the warning above a long report is easy to miss, so
    the keys not read are named again at the end, after the report."""
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\njudgments:\n  - sentenced_on: 2010-03-01\n    counts:\n"
                    "      - {count: '1', months: 60}\n")
    for command in ("compute", "assess", "questions"):
        result = CliRunner().invoke(app, [command, str(case), "--as-of", "2012-01-01"])
        assert result.exit_code == 0, result.output
        last = result.stderr.strip().splitlines()[-1]
        assert last == f"{case}: not read, so not used above: judgments[0].sentenced_on (did you mean 'imposed_on'?)"


def test_with_json_the_warnings_are_in_the_json(tmp_path: Path) -> None:
    """cli.md: with --json, warnings are in the document (`warnings`: list of {field, message})."""
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\njudgments:\n  - imposed_on: 2010-03-01\n    counts:\n"
                    "      - {count: '1', sentence: 60}\n")
    for command in ("compute", "assess"):
        result = CliRunner().invoke(app, [command, str(case), "--json", "--as-of", "2012-01-01"])
        assert result.exit_code == 0, result.output
        warnings = json.loads(result.stdout)["warnings"]
        assert warnings == [{"field": "judgments[0].counts[0].sentence",
                             "message": "unknown key (kept, not used); did you mean 'months'?"}]
        assert result.stderr == ""
