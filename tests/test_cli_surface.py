"""The command line as a new user meets it (issue 14): flags that look like flags, arguments that look like
arguments, `--version`, help that says what an option does, errors as JSON with `--json`, and many case files at
once for a lawyer with many clients."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reprieve import __version__
from reprieve.cli import main as cli
from reprieve.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "documents_cases"
EXAMPLE = ROOT / "examples" / "vailes.yaml"
COMMANDS = ["compute", "assess", "screen", "synth", "draft", "new", "schema"]
runner = CliRunner()


def _help(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    return result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"reprieve {__version__}\n"


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_flags_show_as_flags_and_arguments_in_capitals(command: str) -> None:
    text = _help(*([command] if command else []))
    assert "<bool>" not in text
    assert not re.search(r"\{[a-z]+\}", text)  # not "{case}"
    if command in ("compute", "assess", "draft"):
        assert re.search(rf"Usage: \S+ {command} \[OPTIONS\] (KIND )?CASE", text)


def test_json_is_a_flag() -> None:
    text = _help("assess")
    assert re.search(r"--json\s+print one JSON document", text)


@pytest.mark.parametrize("command", ["synth", "screen"])
def test_as_of_help_says_what_it_means_where_there_is_no_case_file(command: str) -> None:
    text = " ".join(_help(command).split())
    assert "case file's as_of" not in text
    assert "--as-of YYYY-MM-DD" in text and "(default: today)" in text


def test_with_json_a_usage_error_is_json_too(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    for argv, field in ((["assess", str(EXAMPLE), "--json", "--as-of", "2023-13-01"], "--as-of"),
                        (["assess", str(EXAMPLE), "--json", "--no-such-flag"], None)):
        monkeypatch.setattr(sys, "argv", ["reprieve", *argv])
        with pytest.raises(SystemExit) as exited:
            cli.run()
        assert exited.value.code == 2
        error = json.loads(capsys.readouterr().out)["error"]
        assert error["field"] == field and error["message"]


def test_assess_over_a_folder_prints_a_json_line_per_case_file(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    for name in ("terminal_illness.yaml", "age_66_deterioration.yaml"):
        (folder / name).write_text((CASES / name).read_text())
    (folder / "notes.txt").write_text("not a case file")
    (folder / "typo.yaml").write_text("format: 1\njudgments:\n  - counts:\n      - sentence: 60\n")
    (folder / "broken.yaml").write_text("format: 2\n")
    result = runner.invoke(app, ["assess", str(folder), "--json", "--as-of", "2026-11-29", "--workers", "2"])
    assert result.exit_code == 1  # one file could not be read
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["age_66_deterioration.yaml", "broken.yaml",
                                                     "terminal_illness.yaml", "typo.yaml"]
    by_name = {Path(x["file"]).name: x for x in lines}
    assert by_name["broken.yaml"]["error"]["field"] == "format"
    assert by_name["terminal_illness.yaml"]["circuit"] == "2d" and by_name["terminal_illness.yaml"]["warnings"] == []
    assert by_name["typo.yaml"]["warnings"][0]["message"].endswith("did you mean 'months'?")
    human = runner.invoke(app, ["assess", str(folder), "--as-of", "2026-11-29"], env={"COLUMNS": "200"})
    assert "Verdicts by case file" in human.stdout and "terminal_illness.yaml" in human.stdout


def test_the_example_is_assessed_the_day_before_the_2023_grant_by_default() -> None:
    """examples/vailes.yaml: the order granting compassionate release is dated July 6, 2023 (United States v. Vailes,
    No. 3:07-CR-00162-FDW (W.D.N.C.)); by default the example is assessed on July 5, 2023, in custody."""
    data = json.loads(runner.invoke(app, ["assess", str(EXAMPLE), "--json"]).stdout)
    assert data["as_of"] == "2023-07-05"
    assert not any(f["avenue"] == "custody" and f["ground"] == "released" for f in data["findings"])
    change = next(f for f in data["findings"] if f["ground"] == "§1B1.13(b)(6)")
    assert change["status"] in ("needs_review", "eligible")  # open in the Fourth Circuit then (McCoy)


def test_human_output_never_prints_a_range_whose_ends_agree_a_citation_twice_or_a_file_users_lack() -> None:
    for case in [*sorted(CASES.glob("*.yaml")), EXAMPLE, ROOT / "examples" / "complete.yaml"]:
        for command in ("compute", "assess"):
            result = runner.invoke(app, [command, str(case)], env={"COLUMNS": "300"})
            assert result.exit_code == 0, result.output
            text = " ".join(result.stdout.split())
            # a range whose ends agree ("between 5 years and 5 years"), not one whose high end goes on ("between 25
            # yr and 25 yr 6 mo", "between 20 years and 20 years and 6 months")
            repeated = re.search(r"\bbetween (\S+(?: \S+)?) and \1(?![\w%.-]| \d| and \d)", text)
            assert repeated is None, (case.name, command, repeated)
            doubled = re.search(r"(USSG §[\w.()]+|\d+ U\.S\.C\. § [\w.()]+); \1(?=[;)\]])", text)
            assert doubled is None, (case.name, command, doubled)
            assert "law.md" not in text and "../shared" not in text, (case.name, command)


def test_an_open_ended_range_is_said_as_a_bound_not_between_unknown(tmp_path: Path) -> None:
    # Sentenced 2008-03-10 to 250 months, commencement and jail credit not stated: the full term can end no
    # earlier than 250 months after imposition less the longest possible jail credit (since the 2007-06-01
    # arrest), and has no stated latest end (18 U.S.C. 3585(a), (b)).
    case = tmp_path / "case.yaml"
    case.write_text("format: 1\nperson: {name: A Person}\ncourt: {district: E.D. Va.}\n"
                    "judgments:\n  - imposed_on: 2008-03-10\n    counts:\n"
                    "      - {statute: 21 U.S.C. 846, drug: marijuana, quantity: 1000 kg, months: 250}\n"
                    "custody: {arrested_on: 2007-06-01}\n")
    result = runner.invoke(app, ["compute", str(case), "--as-of", "2026-12-01"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "unknown and" not in result.output and "and unknown" not in result.output
    assert "no earlier than 2028-04-01" in result.output
    assert "at most" in result.output
