"""What a clinic hit when it screened a roster as a new user would (issue 17): ids that stay the same from run to run
and lead back to a person, tables a person can act on, rosters with their own headers and encodings, private
outputs, and CSV cells that cannot run as spreadsheet formulas."""

from __future__ import annotations

import os
import re
import stat
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
from reprieve.screen.columns import flatten
from reprieve.screen.ids import default_key_file
from reprieve.screen.output import neutralise_formulas, spreadsheet_safe
from reprieve.screen.rows import person_row, rank, to_frame
from reprieve.screen.synth import write_population
from tests.test_screen import private_key_folder  # noqa: F401 (autouse: a fresh folder for the id key)

AS_OF = "2026-11-28"
EXAMPLES = Path(__file__).resolve().parent / "documents_cases"


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "people.csv"
    write_population(300, path, seed=5, as_of=date.fromisoformat(AS_OF))
    return path


def private_key_folder_path() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"])


def wire_fraud(born: str, start: str, months: int, **custody: Any) -> dict[str, Any]:
    """One count of 18 U.S.C. § 1343, in custody since the sentence began on `start` (a date, or a year)."""
    return {"format": 1, "person": {"born": born}, "court": {"district": "D. Md."},
            "judgments": [{"imposed_on": start, "counts": [
                {"count": "1", "statute": "18 U.S.C. § 1343", "penalty": "18 U.S.C. § 1343", "months": months,
                 "offense_ended": "2022-06-01"}]}],
            "custody": {"commenced_on": start, "arrested_on": start, "continuous_since_arrest": True,
                        "prior_custody_days": 0, "gct_disallowed_days": 0, **custody}}


def screen(*args: str) -> Any:
    return CliRunner().invoke(app, ["screen", *args, "--as-of", AS_OF, "--workers", "1"], env={"COLUMNS": "500"})


def said(result: Any) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


def write_rows(path: Path, cases: list[dict[str, Any]], encoding: str = "utf-8") -> Path:
    frame = pl.DataFrame([{k: None if v is None else str(v) for k, v in flatten(c).items()} for c in cases])
    path.write_bytes(frame.write_csv().encode(encoding))
    return path


# --- ids ------------------------------------------------------------------------------------------------------------


def test_two_runs_give_the_same_ids_from_a_private_key_file_never_written_out(
        tmp_path: Path, roster: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    result = screen(str(roster), "-o", str(first))
    assert result.exit_code == 0, result.output
    key_file = default_key_file()
    assert key_file.is_relative_to(private_key_folder_path())
    assert "Created the id key" in said(result) and str(key_file) in said(result)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert screen(str(roster), "-o", str(second)).exit_code == 0
    assert "Created the id key" not in said(screen(str(roster), "-o", str(second)))
    ids = pl.read_csv(first, infer_schema=False).sort("row")["id"]
    assert ids.to_list() == pl.read_csv(second, infer_schema=False).sort("row")["id"].to_list()
    assert not ids.str.starts_with("SYN-").any() and ids.n_unique() == 300
    secret = key_file.read_text().strip()
    for written in (first, first.with_suffix(".html")):
        assert secret not in written.read_text()
    # another key (another clinic, or --id-key-file) gives other ids
    other = tmp_path / "other.csv"
    assert screen(str(roster), "-o", str(other), "--id-key-file", str(tmp_path / "clinic.key")).exit_code == 0
    assert stat.S_IMODE((tmp_path / "clinic.key").stat().st_mode) == 0o600
    assert not set(pl.read_csv(other, infer_schema=False)["id"]) & set(ids)


def test_explain_accepts_any_id_the_outputs_show(tmp_path: Path, roster: Path) -> None:
    out = tmp_path / "ranked.csv"
    assert screen(str(roster), "-o", str(out)).exit_code == 0
    ranked = pl.read_csv(out, infer_schema=False)
    hashed, row = ranked.row(0, named=True)["id"], ranked.row(0, named=True)["row"]
    by_hash = screen(str(roster), "-o", str(out), "--explain", hashed)
    assert by_hash.exit_code == 0, by_hash.output
    assert f"row {row}" in said(by_hash) and "What reprieve finds" in by_hash.stdout
    by_row = screen(str(roster), "-o", str(out), "--explain", row)
    assert by_row.stdout == by_hash.stdout
    given = pl.read_csv(roster, infer_schema=False)["id"][int(row) - 2]
    assert screen(str(roster), "-o", str(out), "--explain", given).stdout == by_hash.stdout
    kept = tmp_path / "kept.csv"
    assert screen(str(roster), "-o", str(kept), "--keep-ids").exit_code == 0
    assert pl.read_csv(kept, infer_schema=False)["id"].str.starts_with("SYN-").all()
    missing = screen(str(roster), "-o", str(out), "--explain", "0123456789abcdef")
    assert missing.exit_code == 1 and "no row" in said(missing)


# --- the ranked table and the report --------------------------------------------------------------------------------


def _row(case_file: str, as_of: date) -> dict[str, Any]:
    import yaml

    case = parse_case(yaml.safe_load((EXAMPLES / case_file).read_text())).case
    return person_row("x", 2, assess(case, as_of))


def test_the_ranked_row_names_the_open_avenues_and_when_a_motion_may_be_filed() -> None:
    # Terminal illness (USSG §1B1.13(b)(1)(A); BOP PS 5050.50 terminal-condition category); the warden received the
    # request on 2026-09-22, so a motion may be filed after "the lapse of 30 days from the receipt of such a
    # request" (18 U.S.C. § 3582(c)(1)(A)): on 2026-10-22. The BOP's own reduction in sentence is open at once.
    before = _row("terminal_illness.yaml", date(2026, 10, 1))
    assert before["best_status"] == "eligible"
    assert before["open_avenues"].split("; ") == ["3582(c)(1)(A) from 2026-10-22",
                                                  "BOP reduction in sentence (PS 5050.50)"]
    assert before["soonest_eligible_from"] == "2026-10-01"  # open today
    after = _row("terminal_illness.yaml", date(2026, 11, 28))
    assert after["open_avenues"].split("; ") == ["3582(c)(1)(A)", "BOP reduction in sentence (PS 5050.50)"]
    assert after["soonest_eligible_from"] == "2026-11-28"


def test_a_ground_that_opens_only_after_release_is_no_soonest_date() -> None:
    # Born in 2000, 24 months from 2026-03-01: the age ground of §1B1.13(b)(2) (65) is decades after release.
    case = wire_fraud("2000-05-01", "2026-03-01", 24)
    assessment = assess(parse_case(case).case, date.fromisoformat(AS_OF))
    age_ground = next(f for f in assessment.findings if f.ground == "§1B1.13(b)(2)")
    assert age_ground.eligible_from == date(2065, 5, 1)  # the 65th birthday: the ground's own date is right
    row = person_row("x", 2, assessment)
    assert row["release_status"] == "in custody" and row["projected_release_latest"] < "2028-03-01"
    assert row["soonest_eligible_from"] is None


def test_soonest_dates_in_a_population_are_never_after_release_and_open_means_within_30_days(
        tmp_path: Path, roster: Path) -> None:
    out = tmp_path / "ranked.csv"
    assert screen(str(roster), "-o", str(out), "--keep-ids").exit_code == 0
    frame = pl.read_csv(out, infer_schema=False)
    dated = frame.filter(pl.col("soonest_eligible_from").is_not_null() & pl.col("projected_release_latest")
                         .is_not_null())
    assert dated.height > 0
    assert (dated["soonest_eligible_from"] <= dated["projected_release_latest"]).all()
    open_now = frame.filter((pl.col("best_status") == "eligible") & (pl.col("release_status") == "in custody"))
    assert open_now.height > 0 and open_now["soonest_eligible_from"].null_count() == 0
    assert (open_now["soonest_eligible_from"] >= AS_OF).all()
    assert (open_now["soonest_eligible_from"] <= "2026-12-28").all()  # at most the 30 days of 3582(c)(1)(A)
    avenues = [c for c in frame.columns if c.startswith("avenue: ") and "|" not in c and c != "avenue: commutation"]
    for r in frame.iter_rows(named=True):
        opened = {c.removeprefix("avenue: ") for c in avenues if r[c] == "eligible"}
        named = {a.split(" from ")[0] for a in (r["open_avenues"] or "").split("; ") if a}
        assert named == opened
        assert (r["best_status"] == "eligible") == bool(opened)
    assert frame.columns[:4] == ["rank", "id", "row", "best_status"]


def test_people_who_may_be_out_rank_after_everyone_in_custody_and_are_marked() -> None:
    # Commenced some day in 2023, 46 months, good conduct time of 54 days a year (18 U.S.C. § 3624(b)): out some
    # time from about April 2026 to about March 2027, so possibly out on 2026-11-28.
    case = wire_fraud("1970-01-01", "2023", 46, fsa={"eligible": False})
    maybe = person_row("maybe", 2, assess(parse_case(case).case, date.fromisoformat(AS_OF)))
    assert maybe["projected_release_earliest"] < AS_OF < maybe["projected_release_latest"]
    assert maybe["release_status"] == "possibly released"
    rows = [
        {"id": "maybe", "row": 2, "best_status": "eligible", "release_status": "possibly released",
         "soonest_eligible_from": AS_OF, "disparity_months": 120},
        {"id": "out", "row": 3, "best_status": "eligible", "release_status": "released",
         "soonest_eligible_from": AS_OF},
        {"id": "in", "row": 4, "best_status": "not_eligible", "release_status": "in custody"},
        {"id": "unknown", "row": 5, "best_status": "needs_facts", "release_status": None},
    ]
    assert rank(to_frame(rows))["id"].to_list() == ["unknown", "in", "maybe", "out"]


def test_the_report_shows_rows_avenues_and_charts_that_agree_with_their_headings(
        tmp_path: Path, roster: Path) -> None:
    out = tmp_path / "ranked.csv"
    assert screen(str(roster), "-o", str(out)).exit_code == 0
    page = out.with_suffix(".html").read_text()
    ranked = pl.read_csv(out, infer_schema=False)
    table = page[page.index("<table>"):]
    assert "<th>Row</th>" in table and "<th>Open now (or arguable)</th>" in table
    first = re.search(r"<tr><td>1</td><td>(\d+)</td><td>([0-9a-f]{16})</td>", table)
    assert first and (first.group(1), first.group(2)) == (ranked["row"][0], ranked["id"][0])
    avenues = page[page.index("Open or arguable, by avenue"):page.index("Time served against")]
    bars = re.findall(r'<text x="0" y="\d+">([^<]*)</text>', avenues)
    assert "commutation" in avenues.split("</h2>")[0]  # the heading says it is left out ...
    assert bars and not [b for b in bars if "commutation" in b]  # ... and it is
    scatter = page[page.index("Time served against"):page.index("When an avenue opens")]
    ticks = re.findall(r'text-anchor="(?:middle|end)">(\d+)</text>', scatter)
    assert {"0", "60", "120"} <= set(ticks) and len(ticks) >= 8
    assert "months served so far" in scatter and "(months)" in scatter


# --- rosters as clinics have them -----------------------------------------------------------------------------------


def _clinic_roster(path: Path) -> Path:
    path.write_text("Name,Reg No,Sentence,Sentenced,In custody since,District\n"
                    "Pat Example,12345-001,120,2019-05-10,2019-05-10,D. Md.\n"
                    "Sam Example,12345-002,60,2022-01-15,2022-03-01,W.D.N.C.\n")
    return path


def test_a_roster_without_the_required_columns_is_refused_naming_them(tmp_path: Path) -> None:
    source = _clinic_roster(tmp_path / "clinic.csv")
    out = tmp_path / "out.csv"
    result = screen(str(source), "-o", str(out))
    assert result.exit_code == 1
    text = said(result)
    assert "required columns are missing" in text
    assert "judgments[0].counts[0].months" in text and "judgments[0].imposed_on" in text
    assert "Reg No" in text and "--columns" in text
    assert not out.exists() and not out.with_suffix(".html").exists()


def test_a_column_mapping_inline_or_saved_screens_the_roster(tmp_path: Path) -> None:
    source = _clinic_roster(tmp_path / "clinic.csv")
    inline = tmp_path / "inline.csv"
    mapping = ("Reg No=register_number, Sentence=judgments[0].counts[0].months, Sentenced=imposed_on,"
               "In custody since=commenced_on,District=district")
    result = screen(str(source), "-o", str(inline), "--keep-ids", "--columns", mapping)
    assert result.exit_code == 0, result.output
    assert "Name: is not a case-file field" in said(result)  # the name is never used (nor written out)
    frame = pl.read_csv(inline, infer_schema=False).sort("row")
    assert frame["id"].to_list() == ["12345-001", "12345-002"]
    assert frame["projected_release_latest"].null_count() == 0  # the term and the start were read
    assert frame["circuit"].to_list() == ["4th", "4th"]
    saved = tmp_path / "columns.yaml"
    saved.write_text("Reg No: person.register_number\nSentence: judgments[0].counts[0].months\n"
                     "Sentenced: judgments[0].imposed_on\nIn custody since: custody.commenced_on\n"
                     "District: court.district\n")
    from_file = tmp_path / "from_file.csv"
    assert screen(str(source), "-o", str(from_file), "--keep-ids", "--columns", str(saved)).exit_code == 0
    assert pl.read_csv(from_file, infer_schema=False).equals(pl.read_csv(inline, infer_schema=False))
    explained = screen(str(source), "-o", str(inline), "--columns", mapping, "--explain", "12345-002")
    assert explained.exit_code == 0 and "row 3" in said(explained)


@pytest.mark.parametrize(("mapping", "message"), [
    ("Reg No=regnum", "regnum: is not a case-file field"),
    ("Reg No=statute", "names several case-file fields"),
    ("Reg Nr=register_number", "'Reg Nr', not a column of the file"),
    ("Reg No", "is neither COLUMN=field pairs nor a mapping file"),
    ("Reg No=", "is not COLUMN=field"),
])
def test_a_mapping_that_cannot_be_followed_is_an_error_naming_it(tmp_path: Path, mapping: str, message: str) -> None:
    source = _clinic_roster(tmp_path / "clinic.csv")
    result = screen(str(source), "-o", str(tmp_path / "out.csv"), "--columns", mapping)
    assert result.exit_code == 1
    assert message in said(result)


def test_a_windows_1252_roster_is_read_and_another_encoding_is_named(tmp_path: Path) -> None:
    person = {"id": "Peña-1", "person": {"name": "José Peña", "born": "1960-02-02"},
              "court": {"district": "D.N.M."}, "judgments": [{"imposed_on": "2016-04-01", "counts": [
                  {"statute": "18 U.S.C. § 1343", "penalty": "18 U.S.C. § 1343", "months": 120}]}],
              "custody": {"commenced_on": "2016-04-01"}}
    source = write_rows(tmp_path / "cp1252.csv", [person], encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        source.read_bytes().decode("utf-8")
    out = tmp_path / "out.csv"
    result = screen(str(source), "-o", str(out), "--keep-ids")
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in said(result)
    assert pl.read_csv(out, infer_schema=False)["id"].to_list() == ["Peña-1"]
    broken = tmp_path / "broken.csv"
    broken.write_bytes(source.read_bytes().replace(b"\xf1", b"\x81"))  # 0x81: a character in neither
    result = screen(str(broken), "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 1
    assert "neither UTF-8 nor Windows-1252" in said(result) and "0x81" in said(result)


# --- outputs ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_every_output_is_private(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "people.csv"
    write_population(30, source, seed=3, as_of=date.fromisoformat(AS_OF))
    rows = pl.read_csv(source, infer_schema=False)
    rows.with_columns(pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("2015-02-30"))
                      .otherwise(pl.col("judgments[0].imposed_on")).alias("judgments[0].imposed_on")).write_csv(source)
    out = tmp_path / f"ranked{suffix}"
    result = screen(str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    written = [out, out.with_name("ranked.html"), out.with_name("ranked.errors.csv")]
    assert all(p.exists() for p in written)
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    base = {"court": {"district": "D. Md."}, "judgments": [{"imposed_on": "2016-04-01", "counts": [
        {"statute": "18 U.S.C. § 1343", "penalty": "18 U.S.C. § 1343", "months": 120}]}],
            "custody": {"commenced_on": "2016-04-01"}}
    attacks = ['=HYPERLINK("http://x","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"]
    source = write_rows(tmp_path / "people.csv", [{"id": a, **base} for a in attacks])
    out = tmp_path / "ranked.csv"
    assert screen(str(source), "-o", str(out), "--keep-ids").exit_code == 0
    ids = pl.read_csv(out, infer_schema=False)["id"].to_list()
    assert sorted(ids) == sorted(f"'{a}" for a in attacks)
    assert "\n=HYPERLINK" not in out.read_text() and ",=HYPERLINK" not in out.read_text()
    # the errors file too: a case file's name is written into it
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "=cmd.yaml").write_text("judgments: [{counts: [{months: -1}]}]\n")
    errors_out = tmp_path / "folder.csv"
    assert screen(str(folder), "-o", str(errors_out)).exit_code == 0
    fields = pl.read_csv(errors_out.with_name("folder.errors.csv"), infer_schema=False)["field"].to_list()
    assert fields and all(f.startswith("'=cmd.yaml: ") for f in fields)
    # a tab or carriage return that would hide a formula, and numbers left as numbers
    frame = neutralise_formulas(pl.DataFrame({"text": ["\t=1", "\r=1", "plain", None], "n": [-1, 2, 3, 4]}))
    assert frame["text"].to_list() == ["'\t=1", "'\r=1", "plain", None]
    assert frame["n"].to_list() == [-1, 2, 3, 4]


_CELL = st.one_of(st.none(), st.sampled_from(["=1", "+a", "-2", "@x", "\t=1", "\r=1", "plain", "2026-01-01", ""]),
                  st.text(max_size=4))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_CELL, _CELL, st.sampled_from(["eligible", "=bad", "ok"])), max_size=6),
       st.booleans())
def test_neutralising_a_frame_is_neutralising_each_cell(rows: list[tuple[Any, Any, str]], risky_enum: bool) -> None:
    """The frame-wide shortcuts (an enumeration whose categories cannot hold a formula is not looked at; only the
    text columns holding a risky cell are rewritten) give each cell what `spreadsheet_safe` gives it alone."""
    categories = ["eligible", "=bad", "ok"] if risky_enum else ["eligible", "ok"]
    statuses = [s if s in categories else "ok" for _, _, s in rows]
    frame = pl.DataFrame({"a": [r[0] for r in rows], "b": [r[1] for r in rows],
                          "status": pl.Series(statuses, dtype=pl.Enum(categories)),
                          "kind": pl.Series(statuses, dtype=pl.Categorical)}, schema_overrides={"a": pl.String,
                                                                                                "b": pl.String})
    got = neutralise_formulas(frame)
    for column in frame.columns:
        assert got[column].cast(pl.String).to_list() == [
            spreadsheet_safe(v) for v in frame[column].cast(pl.String).to_list()], column


def test_a_synthetic_csv_is_written_privately_and_neutralised(tmp_path: Path) -> None:
    out = tmp_path / "synth.csv"
    write_population(5, out, seed=1, as_of=date.fromisoformat(AS_OF))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not re.search(r"(^|,)[=+\-@]", out.read_text(), flags=re.MULTILINE)


def test_explain_finds_a_case_file_of_a_folder_by_its_shown_id(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("terminal_illness", "age_66_deterioration"):
        (folder / f"{name}.yaml").write_text((EXAMPLES / f"{name}.yaml").read_text())
    out = tmp_path / "ranked.csv"
    assert screen(str(folder), "-o", str(out)).exit_code == 0
    ranked = pl.read_csv(out, infer_schema=False)
    assert not ranked["id"].str.contains("12345-054").any()  # the register number is hashed
    shown = ranked.filter(pl.col("row") == "2")["id"][0]  # the second file in name order: terminal_illness
    result = screen(str(folder), "-o", str(out), "--explain", shown)
    assert result.exit_code == 0 and "terminal_illness.yaml" in said(result)


def test_a_large_table_is_written_a_batch_at_a_time_whole_and_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reprieve.screen import output

    monkeypatch.setattr(output, "CSV_BATCH", 4)
    frame = pl.DataFrame({"id": [f"=p{i}" if i % 3 == 0 else f"p{i}" for i in range(11)], "n": list(range(11))})
    output.write_table(frame, tmp_path / "t.csv")
    back = pl.read_csv(tmp_path / "t.csv", infer_schema=False)
    assert back["n"].to_list() == [str(i) for i in range(11)]
    assert back["id"].to_list() == [f"'=p{i}" if i % 3 == 0 else f"p{i}" for i in range(11)]
    output.write_table(frame.clear(), tmp_path / "empty.csv")
    assert (tmp_path / "empty.csv").read_text() == "id,n\n"


def test_the_verdicts_table_of_a_folder_of_packets_is_private_and_spreadsheet_safe(tmp_path: Path) -> None:
    """`reprieve draft packet FOLDER` writes verdicts.csv: a client's name or a file's name cannot run as a formula."""
    from reprieve.cli.batch import PacketResult, write_summary

    path = tmp_path / "out" / "verdicts.csv"
    write_summary([PacketResult(file="=cmd|' /C calc'!A0.yaml", name='=HYPERLINK("http://x","click")',
                                register="12345-678", verdicts={"3582(c)(1)(A)": "eligible"}, to_complete=2),
                   PacketResult(file="b.yaml", error="-1 is not a number of months")], path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = pl.read_csv(path, infer_schema=False)
    assert rows["case file"].to_list() == ["'=cmd|' /C calc'!A0.yaml", "b.yaml"]
    assert rows["name"].to_list() == ["'=HYPERLINK(\"http://x\",\"click\")", None]
    assert rows["error"].to_list() == [None, "'-1 is not a number of months"]
    assert rows["3582(c)(1)(A)"].to_list() == ["OPEN", None] and rows["register number"][0] == "12345-678"


def test_a_large_roster_is_read_a_batch_at_a_time_end_to_end(
        tmp_path: Path, roster: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 50 MB roster ran at 510 MB in the main process when it was read whole: the CSV is copied a batch of rows at
    a time, each task reads only its own slice, and only a few tasks are ever in flight."""
    from concurrent.futures import Future

    from reprieve.screen import runner, source

    monkeypatch.setattr(source, "CSV_BATCH", 40)
    monkeypatch.setattr(runner, "CHUNK", 25)
    copied: list[int] = []
    real_part, real_read = source._write_part, runner.read_rows
    monkeypatch.setattr(source, "_write_part", lambda frame, parts, n: (copied.append(frame.height),
                                                                        real_part(frame, parts, n))[1])
    slices: list[int] = []
    monkeypatch.setattr(runner, "read_rows", lambda *a: (rows := real_read(*a), slices.append(len(rows)))[0])
    result = runner.screen(roster, date.fromisoformat(AS_OF), keep_ids=True, workers=1)
    assert result.frame.height == 300 and sum(copied) == sum(slices) == 300
    assert max(copied) <= 40 and max(slices) <= 25

    class Pool:  # counts the tasks submitted and not yet taken back
        waiting = most = 0

        def submit(self, fn: Any, item: Any) -> Future[Any]:
            Pool.waiting += 1
            Pool.most = max(Pool.most, Pool.waiting)
            done: Future[Any] = Future()
            done.set_result(fn(item))
            return done

    def take(item: int) -> int:
        return item

    taken = []
    for value in runner._bounded_map(Pool(), take, iter(range(100)), 4):  # type: ignore[arg-type]
        Pool.waiting -= 1
        taken.append(value)
    assert taken == list(range(100)) and Pool.most <= 4
