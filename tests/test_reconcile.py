"""reprieve's computation against the BOP's own figures: agreement, and the likely reason for each difference.

The base case is law.md's worked example G3 (60 months, 30 days of jail credit: full term 2030-12-01, statutory
release 2030-03-06, from 18 U.S.C. 3624(b), 28 C.F.R. 523.20 and 3585(b)); the limits the reasons cite are the
statutes' own: FSA time credits advance release by at most 12 months (18 U.S.C. 3624(g)(3)), RDAP by at most 12
(18 U.S.C. 3621(e)(2)(B)).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from reprieve.assess.computation import compute
from reprieve.cli.main import app
from reprieve.intake.casefile import load_case, parse_case

EXAMPLE = Path(__file__).parent / "examples" / "computation" / "g3_60_months_30_days_credit.yaml"
VAILES = Path(__file__).resolve().parent.parent / "examples" / "vailes.yaml"


def _rows(bop: dict[str, Any]) -> dict[str, dict[str, Any]]:
    example = yaml.safe_load(EXAMPLE.read_text())
    case = example["case"]
    case["custody"]["bop"] = bop
    result = compute(parse_case(case).case, date.fromisoformat(example["as_of"]))
    return {row.field: row.as_json() for row in result.reconciliation}


def test_the_bops_own_dates_agree() -> None:
    rows = _rows({"computation_began_on": "2026-01-01", "jail_credit_days": 30, "full_term_date": "2030-12-01",
                  "statutory_release_date": "2030-03-06"})
    assert {name: row["agrees"] for name, row in rows.items()} == {
        "computation_began_on": True, "jail_credit_days": True, "full_term_date": True, "gct_days": True,
        "statutory_release_date": True}
    assert all(row["likely_reason"] is None for row in rows.values())
    assert all({"field", "bop", "reprieve", "agrees", "likely_reason"} <= set(row) for row in rows.values())


def test_more_jail_credit_explains_an_earlier_full_term() -> None:
    rows = _rows({"jail_credit_days": 40, "full_term_date": "2030-11-21"})
    assert rows["full_term_date"]["difference_days"] == -10
    assert "explained by jail credit" in rows["full_term_date"]["likely_reason"]
    assert "3585(b)" in rows["full_term_date"]["likely_reason"]


def test_a_later_statutory_release_is_gct_taken_away() -> None:
    rows = _rows({"full_term_date": "2030-12-01", "statutory_release_date": "2030-04-02"})  # 27 days later
    assert rows["statutory_release_date"]["difference_days"] == 27
    reason = rows["statutory_release_date"]["likely_reason"]
    assert "27 days less good conduct time" in reason and "disallowed or forfeited" in reason
    assert "42-day rate" in reason  # 28 C.F.R. 523.20(d)(2)(ii): no GED progress
    assert rows["gct_days"]["difference_days"] == -27


def test_an_earlier_release_within_12_months_is_fsa_credits() -> None:
    rows = _rows({"statutory_release_date": "2030-03-06", "projected_release_date": "2029-03-06",
                  "release_method": "FSA REL"})
    projected = rows["projected_release_date"]
    assert projected["agrees"] is False
    assert "consistent with FSA time credits applied toward release" in projected["likely_reason"]
    assert "3624(g)(3)" in projected["likely_reason"]
    assert rows["release_method"]["agrees"] is False


def test_more_than_12_months_earlier_needs_more_than_fsa_credits() -> None:
    rows = _rows({"projected_release_date": "2028-09-06"})  # 18 months before the statutory release date
    reason = rows["projected_release_date"]["likely_reason"]
    assert "more than FSA time credits alone" in reason and "3621(e)(2)(B)" in reason
    reason = _rows({"projected_release_date": "2027-09-06"})["projected_release_date"]["likely_reason"]
    assert "more than FSA time credits and RDAP together can explain" in reason


def test_vailes_stated_bop_date_against_reprieves_range() -> None:
    """examples/vailes.yaml: the BOP's 2023-08-08 (as the 2023 order summarized it) against the range the partial
    facts allow; the reason must say how far, and what could and could not close the gap."""
    loaded = load_case(VAILES)
    result = compute(loaded.case, date(2023, 7, 6))
    row = next(r.as_json() for r in result.reconciliation if r.field == "projected_release_date")
    assert row["bop"] == "2023-08-08"
    assert row["within_range"] is False and row["agrees"] is False
    assert row["reprieve"] == f"{result.ranges['projected_release_date'].low} to " \
                              f"{result.ranges['projected_release_date'].high}"
    reason = row["likely_reason"]
    earliest_srd = result.ranges["statutory_release_date"].low
    assert isinstance(earliest_srd, date)
    assert f"{(earliest_srd - date(2023, 8, 8)).days} to" in reason
    assert "3624(g)(3)" in reason and "3621(e)(2)(B)" in reason and "prerelease custody" in reason


def test_the_human_output_is_a_table_with_reasons() -> None:
    result = CliRunner().invoke(app, ["compute", str(VAILES), "--as-of", "2023-07-06"])
    assert result.exit_code == 0
    assert "Compared with the BOP's own computation" in result.stdout
    assert "NO (1)" in result.stdout and "(1) Projected release date:" in result.stdout
    assert "field:" not in result.stdout  # no raw dict print


def _official(path: Path) -> tuple[dict[str, Any], date, dict[str, str]]:
    example = yaml.safe_load(path.read_text())
    dates = {key: value for key, value in example["expect"].items()
             if key in ("full_term_date", "statutory_release_date", "projected_release_date") and value}
    return example["case"], date.fromisoformat(example["as_of"]), dates


OFFICIAL = [p for p in sorted((EXAMPLE.parent).glob("*.yaml")) if _official(p)[2]]


def test_the_official_examples_reconcile_with_their_own_dates() -> None:
    """Every worked example with official dates (law.md, BOP manual): given those dates as the BOP's, each row
    agrees and gives no reason; a day off is a difference with a reason."""
    assert len(OFFICIAL) >= 10
    for path in OFFICIAL:
        case, as_of, dates = _official(path)
        case.setdefault("custody", {})["bop"] = dates
        rows = [r.as_json() for r in compute(parse_case(case).case, as_of).reconciliation]
        assert {r["field"] for r in rows} >= set(dates), path.name
        for row in rows:
            if row["field"] in dates:
                assert row["agrees"] is True and row["likely_reason"] is None, (path.name, row)
        field, value = next(iter(dates.items()))
        case["custody"]["bop"] = {field: (date.fromisoformat(value).replace(day=1)).isoformat()
                                  if date.fromisoformat(value).day != 1 else f"{value[:8]}02"}
        row = compute(parse_case(case).case, as_of).reconciliation[0].as_json()
        assert row["agrees"] is False and row["likely_reason"], (path.name, row)


def test_the_likely_reason_reads_in_the_readers_language() -> None:
    """The same 27 days of GCT taken away (G3: statutory release 2030-03-06 by reprieve's computation, 2030-04-02 by
    the BOP's), in Spanish: the days, the 42-day rate of 28 C.F.R. 523.20(d)(2)(ii) and the dates in Spanish words.
    A release 12 months early (18 U.S.C. 3624(g)(3)) names the statutory release date as a date, never as ISO text."""
    example = yaml.safe_load(EXAMPLE.read_text())
    case = example["case"]
    case["custody"]["bop"] = {"full_term_date": "2030-12-01", "statutory_release_date": "2030-04-02",
                              "projected_release_date": "2029-03-06"}
    rows = {r.field: r for r in compute(parse_case(case).case, date.fromisoformat(example["as_of"])).reconciliation}
    gct = rows["statutory_release_date"].likely_reason
    assert gct is not None
    assert "27 days less good conduct time" in gct.render()
    assert "27 días menos de tiempo de buena conducta" in gct.render("es") and "42 días" in gct.render("es")
    projected = rows["projected_release_date"].likely_reason
    assert projected is not None
    assert "(2030-03-06)" in projected.render()
    assert "6 de marzo de 2030" in projected.render("es") and "2030-03-06" not in projected.render("es")
