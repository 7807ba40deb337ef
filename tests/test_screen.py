"""Population screening: the same rules as a single case, bad rows skipped with their row and field, ranking,
privacy of ids, what-if changes to the law data."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reprieve.assess.report import assess
from reprieve.cli.main import app
from reprieve.intake import parse_case
from reprieve.screen.rows import person_row, rank, to_frame
from reprieve.screen.runner import screen
from reprieve.screen.synth import generate, write_population

AS_OF = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def private_key_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The id key a run creates goes to a fresh configuration folder, and the results it keeps to a fresh cache
    folder, never the user's own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("REPRIEVE_ID_KEY", raising=False)
    monkeypatch.delenv("REPRIEVE_ID_KEY_FILE", raising=False)
    return tmp_path / "config"


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    path = tmp_path_factory.mktemp("pop") / "people.csv"
    write_population(1000, path, seed=11, as_of=AS_OF)
    return path, generate(1000, seed=11, as_of=AS_OF)


def test_screening_equals_the_single_case_engine_field_for_field(
        population: tuple[Path, list[dict[str, Any]]]) -> None:
    path, people = population
    screened = screen(path, AS_OF, keep_ids=True, workers=2)
    assert not screened.errors
    expected = to_frame([
        person_row(person["id"], number, assess(parse_case({k: v for k, v in person.items() if k != "id"}).case,
                                                AS_OF))
        for number, person in enumerate(people, start=2)])
    got = screened.frame.sort("row")
    assert got.height == len(people) == 1000
    assert got.columns == expected.columns
    for mine, theirs in zip(got.iter_rows(named=True), expected.iter_rows(named=True), strict=True):
        assert mine == theirs, mine["id"]


def test_bad_rows_are_reported_with_row_and_field_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    pl.DataFrame({
        "id": ["a", "b", "c"],
        "judgments[0].imposed_on": ["2015-01-01", "2015-02-30", "2016-01-01"],
        "judgments[0].counts[0].months": ["120", "60", "-4"],
        "custody.commenced_on": ["2015-01-01", None, "2016-01-01"],
    }).write_csv(path)
    screened = screen(path, AS_OF, keep_ids=True, workers=1)
    assert screened.frame["id"].to_list() == ["a"]
    problems = {(e.row, e.field) for e in screened.errors}
    assert (3, "judgments[0].imposed_on") in problems  # the header is row 1
    assert (4, "judgments[0].counts[0].months") in problems


def test_ids_are_hashed_unless_kept(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    write_population(80, path, seed=11, as_of=AS_OF)  # the ids, not the rules: a small roster screened twice
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["screen", str(path), "-o", str(out), "--as-of", "2026-11-28", "--workers",
                                      "1"])
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(out, infer_schema=False)
    assert frame.height == 80
    assert not frame["id"].str.starts_with("SYN-").any()
    assert (tmp_path / "out.html").read_text().count("<svg") >= 3
    kept = tmp_path / "kept.parquet"
    assert CliRunner().invoke(app, ["screen", str(path), "-o", str(kept), "--as-of", "2026-11-28", "--keep-ids",
                                    "--workers", "1"]).exit_code == 0
    assert pl.read_parquet(kept)["id"].str.starts_with("SYN-").all()


def test_ranking_puts_eligible_now_first_then_soonest_then_disparity() -> None:
    rows = [
        {"id": "late", "row": 2, "best_status": "not_eligible", "soonest_eligible_from": "2030-01-01",
         "disparity_months": 0},
        {"id": "now", "row": 3, "best_status": "eligible", "soonest_eligible_from": None, "disparity_months": 0},
        {"id": "soon", "row": 4, "best_status": "needs_facts", "soonest_eligible_from": "2027-01-01",
         "disparity_months": 0},
        {"id": "gap", "row": 5, "best_status": "needs_review", "soonest_eligible_from": None, "disparity_months": 120},
        {"id": "none", "row": 6, "best_status": "needs_review", "soonest_eligible_from": None, "disparity_months": 0},
    ]
    ranked = rank(to_frame(rows))
    assert ranked["id"].to_list() == ["now", "soon", "late", "gap", "none"]
    assert ranked["rank"].to_list() == [1, 2, 3, 4, 5]


def test_people_already_released_rank_last_whatever_their_findings() -> None:
    rows = [
        {"id": "out", "row": 2, "best_status": "eligible", "release_status": "released", "disparity_months": 120},
        {"id": "in", "row": 3, "best_status": "not_eligible", "release_status": "in custody", "disparity_months": 0},
        {"id": "open", "row": 4, "best_status": "needs_facts", "release_status": None, "disparity_months": 0},
    ]
    assert rank(to_frame(rows))["id"].to_list() == ["open", "in", "out"]


def test_explain_prints_one_persons_assessment(population: tuple[Path, list[dict[str, Any]]]) -> None:
    path, people = population
    result = CliRunner().invoke(app, ["screen", str(path), "-o", "unused.csv", "--explain", people[0]["id"],
                                      "--as-of", "2026-11-28"])
    assert result.exit_code == 0
    assert "What reprieve finds" in result.stdout
    assert CliRunner().invoke(app, ["screen", str(path), "-o", "unused.csv", "--explain", "nobody"]).exit_code == 1


def test_a_what_if_change_reports_reach(tmp_path: Path) -> None:
    # Two people of 62 whose health declines with age, 10 years served (USSG 1B1.13(b)(2) asks 65): one still in
    # prison (300 months from 2012), one whose 120 months from 2000 have run: a lower age can reach only the first.
    path = tmp_path / "aging.csv"
    path.write_text("id,person.born,court.district,judgments[0].imposed_on,judgments[0].counts[0].count,"
                    "judgments[0].counts[0].statute,judgments[0].counts[0].months,custody.commenced_on,"
                    "custody.prior_custody_days,circumstances.age_related[0].serious_deterioration\n"
                    "inside,1964-06-01,D. Md.,2012-01-10,1,18 U.S.C. § 1951,300,2012-01-10,0,true\n"
                    "out,1964-06-01,D. Md.,2000-01-10,1,18 U.S.C. § 1951,120,2000-01-10,0,true\n")
    change = tmp_path / "age60.yaml"
    change.write_text("description: lower the age ground of USSG 1B1.13(b)(2) to 60\nchanges:\n"
                      "  - parameter: compassionate_release.age_minimum_years\n    value: 60\n    from: 2026-01-01\n")
    out = tmp_path / "whatif.csv"
    result = CliRunner().invoke(app, ["screen", str(path), "-o", str(out), "--as-of", "2026-11-28",
                                      "--law-change", str(change), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "reaches" in result.stderr
    frame = pl.read_csv(out, infer_schema=False)
    reached = frame.filter(pl.col("what_if: newly_open").str.contains("§1B1.13\\(b\\)\\(2\\)"))
    assert reached["row"].to_list() == ["2"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("description: x\nchanges:\n  - parameter: no.such_parameter\n    value: 1\n    from: 2026-01-01\n")
    assert CliRunner().invoke(app, ["screen", str(path), "-o", str(out), "--law-change", str(bad)]).exit_code == 1


def test_a_folder_of_case_files_can_be_screened(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "vailes.yaml"
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "vailes.yaml").write_text(example.read_text())
    (tmp_path / "cases" / "broken.yaml").write_text("judgments: [{counts: [{months: -1}]}]\n")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["screen", str(tmp_path / "cases"), "-o", str(out), "--as-of", "2023-07-06",
                                      "--keep-ids"])
    assert result.exit_code == 0, result.output
    assert pl.read_csv(out, infer_schema=False)["id"].to_list() == ["vailes"]
    assert "broken.yaml: judgments[0].counts[0].months" in result.stderr


@pytest.mark.parametrize(("name", "content"), [
    ("ragged.csv", "id,person.born\n1,1960-01-01\n2,1961-01-01,extra\n"),
    ("empty.csv", ""),
    ("garbage.parquet", "not a parquet file\n"),
])
def test_a_file_that_cannot_be_read_is_an_error_naming_it(tmp_path: Path, name: str, content: str) -> None:
    source = tmp_path / name
    source.write_text(content)
    output = tmp_path / "out.csv"
    # a console as wide as the message: at 80 columns a longer temporary folder wrapped the file's name in two
    result = CliRunner().invoke(app, ["screen", str(source), "-o", str(output), "--workers", "1"],
                                env={"COLUMNS": "400"})
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    said = " ".join(result.output.split())
    assert name in said and "cannot be read" in said
    assert not output.exists()


def test_slices_of_a_table_cover_every_row_once_in_order(
        monkeypatch: pytest.MonkeyPatch, population: tuple[Path, list[dict[str, Any]]]) -> None:
    from reprieve.screen import source
    from reprieve.screen.source import open_table, read_rows

    monkeypatch.setattr(source, "CSV_BATCH", 90)  # the CSV copied in 12 parts
    path, _ = population
    whole = pl.read_csv(path, infer_schema=False)
    with open_table(path) as table:
        assert table.columns == whole.columns and table.height == whole.height
        rows = [row for offset in range(0, table.height, 7) for row in read_rows(table.file, table.columns, offset, 7)]
    assert rows == whole.select(pl.col(pl.String).str.strip_chars().replace("", None)).rows()


def test_rows_read_by_position_are_the_rows_of_the_slices(population: tuple[Path, list[dict[str, Any]]]) -> None:
    """A what-if reads only the rows it reaches (`read_rows_at`): the same cells as reading the table slice by slice."""
    from reprieve.screen.source import open_table, read_rows, read_rows_at

    path, _ = population
    with open_table(path) as table:
        every = read_rows(table.file, table.columns, 0, table.height)

        @settings(max_examples=40, deadline=None)
        @given(st.sets(st.integers(0, table.height - 1), max_size=40))
        def same(at: set[int]) -> None:
            assert read_rows_at(table.file, table.columns, sorted(at)) == [every[i] for i in sorted(at)]

        same()


def test_a_row_becomes_the_case_file_it_flattens() -> None:
    from reprieve.screen.columns import ColumnError, RowBuilder, parse_path

    columns = ["judgments[0].counts[2].months", "judgments[0].counts[0].months", "requests", "requests[0].to",
               "circumstances.conduct[0].infractions", "judgments[0].counts[0].consecutive_to", "person.born"]
    builder = RowBuilder([parse_path(c) for c in columns], columns)
    assert builder.build([120.0, "60", "[]", None, "[]", "1; 2", None]) == {
        "format": 1, "judgments": [{"counts": [{"months": "60", "consecutive_to": ["1", "2"]}, {"months": 120}]}],
        "requests": [], "circumstances": {"conduct": [{"infractions": []}]}}  # holes closed, [] is "none"
    assert builder.build([None, None, "[]", "warden", None, None, None])["requests"] == [{"to": "warden"}]
    assert builder.build([None] * 7) == {"format": 1}  # every cell empty: nothing known
    for clash in (["judgments[0].imposed_on", "judgments.imposed_on"], ["person.born", "person.born"]):
        with pytest.raises(ColumnError):
            RowBuilder([parse_path(c) for c in clash], clash)


def test_every_list_field_of_the_case_format_is_split_on_semicolons() -> None:
    """Fields the format gained (the grounds raised in a request, dismissed counts) are lists in a row as well."""
    from reprieve.screen.columns import RowBuilder, parse_path

    columns = ["requests[0].grounds_raised", "judgments[0].counts_dismissed", "judgments[0].counts[0].months"]
    case = RowBuilder([parse_path(c) for c in columns], columns).build(["b1a; b3c", "2; 3", "120"])
    assert case["requests"] == [{"grounds_raised": ["b1a", "b3c"]}]
    assert case["judgments"][0]["counts_dismissed"] == ["2", "3"]
    parsed = parse_case(case).case
    assert parsed.requests[0].grounds_raised == ["b1a", "b3c"]
