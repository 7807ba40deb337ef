"""The command-line contract (../shared/spec/cli.md): command names, flags, exit codes and JSON keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from reprieve.cli.main import app

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "vailes.yaml")

COMPUTE_KEYS = {"total_term", "commenced_on", "prior_custody_days", "full_term_date", "gct", "statutory_release_date",
                "fsa", "projected_release_date", "time_served_days", "percent_of_term_served", "uncertain", "steps"}


def run(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_compute_json_has_the_contract_keys() -> None:
    data = run("compute", EXAMPLE, "--as-of", "2023-07-06", "--json")
    assert set(data) >= COMPUTE_KEYS
    assert set(data["total_term"]) == {"months", "days", "life"}
    assert {"max_days", "disallowed_days", "forfeited_days", "days"} <= set(data["gct"])
    assert {"eligible", "credit_days", "applied_to_release_days", "release_date"} <= set(data["fsa"])
    # the example's arrest day is unknown: no point date, a range instead, and the fact that would narrow it
    assert data["projected_release_date"] is None
    assert set(data["projected_release_range"]) == {"earliest", "latest"}
    assert any(u["field"] == "custody.arrested_on" for u in data["uncertain"])
    assert all(set(step) >= {"rule", "citation", "detail"} for step in data["steps"])


def test_assess_json_has_the_contract_keys() -> None:
    data = run("assess", EXAMPLE, "--as-of", "2023-07-06", "--json")
    assert {"as_of", "circuit", "computation", "current_law", "guidelines", "findings"} <= set(data)
    assert data["circuit"] == "4th"
    statuses = {"eligible", "not_eligible", "needs_review", "needs_facts"}
    for finding in data["findings"]:
        assert {"avenue", "ground", "status", "summary", "reasons", "citations", "missing", "eligible_from"} <= set(
            finding)
        assert finding["status"] in statuses
    counts = data["current_law"]["counts"]
    assert all({"count", "then", "now"} <= set(c) for c in counts)
    aggregate = data["current_law"]["aggregate"]
    assert {"then_min_months", "now_min_months", "release_date_if_sentenced_now"} <= set(aggregate)


def test_schema_is_a_json_schema_of_the_case_file() -> None:
    data = run("schema")
    assert data["$schema"].startswith("https://json-schema.org/")
    for key in ("format", "as_of", "person", "court", "judgments", "priors", "custody", "requests", "circumstances",
                "release_plan"):
        assert key in data["properties"]


def test_human_output_says_information_not_legal_advice() -> None:
    for command in ("compute", "assess"):
        result = CliRunner().invoke(app, [command, EXAMPLE, "--as-of", "2023-07-06"])
        assert result.exit_code == 0
        assert "not legal advice" in result.stdout
        assert "Traceback" not in result.stdout
