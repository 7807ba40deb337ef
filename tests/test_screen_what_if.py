"""What-if screenings in seconds: a screening keeps the law each person's result read, and a what-if re-assesses
only the people whose results read a parameter it changes. The guarantee: the same rows, cell for cell, as assessing
everyone again under the changed law.

The change is a real one, undone: First Step Act § 401 (Pub. L. 115-391) lowered the 21 U.S.C. 841(b)(1)(A) minimum
after one prior "serious drug felony" from "not less than 20 years" to "not less than 15 years" (the 851-enhanced
minimums); the what-if restores the table in force before the Act from its date of enactment on. The second is
hypothetical: the age ground of USSG § 1B1.13(b)(2) at 60 instead of 65.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from reprieve.assess.report import assess
from reprieve.cli.main import app
from reprieve.intake import parse_case
from reprieve.law.params import Law, LawChange, shipped_law
from reprieve.screen.rows import person_row, to_frame
from reprieve.screen.runner import READS, rescreen, screen_table
from reprieve.screen.source import open_table
from reprieve.screen.synth import generate, write_population
from tests.test_screen import private_key_folder  # noqa: F401 (autouse: fresh folders for the key and the cache)

AS_OF = date(2026, 11, 28)
TABLE = "drug_penalties.trafficking_penalties"


def repeal_401() -> dict[str, Any]:
    before_the_act = shipped_law().parameter(TABLE).values[0]
    assert before_the_act.to == date(2018, 12, 20)  # the Act was enacted on 2018-12-21
    return {"description": "First Step Act § 401 undone (the 851-enhanced minimums before the Act)",
            "changes": [{"parameter": TABLE, "value": before_the_act.value, "from": date(2018, 12, 21)}]}


AGE_60 = {"description": "the age ground of USSG 1B1.13(b)(2) at 60", "changes": [
    {"parameter": "compassionate_release.age_minimum_years", "value": 60, "from": date(2026, 1, 1)}]}


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 synthetic people, one of them with a day that does not exist (a row error)."""
    path = tmp_path_factory.mktemp("whatif") / "people.csv"
    write_population(300, path, seed=5, as_of=AS_OF)
    rows = pl.read_csv(path, infer_schema=False)
    rows.with_columns(pl.when(pl.int_range(pl.len()) == 7).then(pl.lit("2015-02-30"))
                      .otherwise(pl.col("judgments[0].imposed_on")).alias("judgments[0].imposed_on")).write_csv(path)
    return path


def everyone_again(change: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Every person assessed under the changed law, one case at a time, as `reprieve assess` does."""
    law = Law.at(AS_OF, change)
    rows = []
    for number, person in enumerate(generate(300, seed=5, as_of=AS_OF), start=2):
        if number == 9:
            continue  # the row whose day does not exist
        case = parse_case({k: v for k, v in person.items() if k != "id"}).case
        rows.append(person_row(person["id"], number, assess(case, AS_OF, law=law)))
    return {r["row"]: r for r in to_frame(rows).iter_rows(named=True)}


def by_row(frame: Any) -> dict[int, dict[str, Any]]:
    return {r["row"]: r for r in frame.iter_rows(named=True)}


def same_rows(got: Any, expected: dict[int, dict[str, Any]]) -> None:
    mine = by_row(got)
    assert mine.keys() == expected.keys()
    for row, theirs in expected.items():
        cells = {k: v for k, v in mine[row].items() if v is not None}
        assert cells == {k: v for k, v in theirs.items() if v is not None}, row


@pytest.mark.parametrize("change", [repeal_401(), AGE_60], ids=["851 minimums (FSA 401 undone)", "age 60"])
def test_a_what_if_reassesses_only_the_people_it_reaches_and_equals_assessing_everyone_again(
        roster: Path, change: dict[str, Any]) -> None:
    with open_table(roster) as table:
        base = screen_table(table, AS_OF, keep_ids=True, workers=1, trace=True)
        assert [e.row for e in base.errors] == [9] and base.frame.height == 299
        assert base.frame[READS].null_count() == 0 and base.frame[READS].cast(pl.String).str.contains(
            "good_conduct_time.max_days_per_year").all()
        what_if, again = rescreen(table, base.frame, base.errors, AS_OF, change, keep_ids=True, workers=2)
        in_one_pass = screen_table(table, AS_OF, law_change=change, keep_ids=True, workers=1)
    expected = everyone_again(change)
    same_rows(what_if.frame, expected)
    same_rows(in_one_pass.frame, expected)
    assert what_if.frame["row"].to_list() == sorted(expected)  # in input order
    assert [e.row for e in what_if.errors] == [9]
    same_rows(what_if.base, by_row(base.frame.drop(READS)))
    reach = LawChange.model_validate(change).reach(shipped_law())
    reads = base.frame[READS].cast(pl.String).to_list()
    reached = {row for row, read in zip(base.frame["row"], reads, strict=True) if reach(read.split("\n"))}
    assert again == len(reached)
    before, after = by_row(base.frame.drop(READS)), by_row(what_if.frame)
    moved = [row for row in before if before[row] != after[row]]
    assert moved and set(moved) <= reached  # the change reached people, and only people whose results read it
    if change is not AGE_60:
        # the drug table is read part by part: only those who read the 851-enhanced tiers are assessed again, far
        # fewer than the drug cases that read the table at all
        table_readers = sum(TABLE in read for read in reads)
        assert 0 < again < table_readers / 4


def test_the_command_reuses_the_last_screening_and_writes_the_same_table(tmp_path: Path, roster: Path) -> None:
    change = tmp_path / "repeal.yaml"
    import yaml

    change.write_text(yaml.safe_dump(repeal_401()))

    def screen(*args: str) -> Any:
        return CliRunner().invoke(app, ["screen", str(roster), "--as-of", AS_OF.isoformat(), "--workers", "1",
                                        *args], env={"COLUMNS": "500"})

    plain = screen("-o", str(tmp_path / "plain.csv"))
    assert plain.exit_code == 0, plain.output
    kept = list((Path(tmp_path / "cache") / "reprieve" / "screenings").glob("*"))
    assert kept and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)
    assert stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700
    fast = screen("-o", str(tmp_path / "fast.csv"), "--law-change", str(change))
    assert fast.exit_code == 0, fast.output
    said = " ".join(fast.output.split())
    assert "Reused the earlier screening" in said and "of 300 people assessed again" in said
    full = screen("-o", str(tmp_path / "full.csv"), "--law-change", str(change), "--no-cache")
    assert full.exit_code == 0 and "Reused" not in full.output
    assert (tmp_path / "fast.csv").read_text() == (tmp_path / "full.csv").read_text()
    assert (tmp_path / "fast.errors.csv").read_text() == (tmp_path / "full.errors.csv").read_text()
    # another day assessed is another screening: nothing is reused
    other_day = CliRunner().invoke(app, ["screen", str(roster), "--as-of", "2026-12-01", "--workers", "1", "-o",
                                         str(tmp_path / "later.csv"), "--law-change", str(change)])
    assert other_day.exit_code == 0 and "Reused" not in other_day.output


def test_a_small_reach_is_reassessed_in_this_process_and_equals_the_workers_result(
        roster: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No worker process is spawned for a what-if that reaches few people (here the age ground: everyone of 299):
    they are re-assessed in this process and in processes forked from it; the rows are the same as in one process
    and as in spawned workers."""
    import multiprocessing

    from reprieve.screen import runner

    contexts: list[str | None] = []
    real = multiprocessing.get_context

    def spied(method: str | None = None) -> Any:
        contexts.append(method)
        return real(method)

    with open_table(roster) as table:
        base = screen_table(table, AS_OF, keep_ids=True, workers=1, trace=True)
        with monkeypatch.context() as patched:
            patched.setattr(runner, "_pool", lambda *_: pytest.fail("a worker pool was started"))
            patched.setattr(runner, "SHARE_MIN", 1)
            patched.setattr(multiprocessing, "get_context", spied)
            here, again = rescreen(table, base.frame, base.errors, AS_OF, AGE_60, keep_ids=True, workers=2)
        assert contexts == ["fork"]  # the share of the second worker went to a forked process
        alone, _ = rescreen(table, base.frame, base.errors, AS_OF, AGE_60, keep_ids=True, workers=1)
        assert 1 < again < runner.SMALL_REACH
        monkeypatch.setattr(runner, "SMALL_REACH", 0)
        pooled, _ = rescreen(table, base.frame, base.errors, AS_OF, AGE_60, keep_ids=True, workers=2)
    assert here.frame.equals(pooled.frame) and here.errors == pooled.errors
    assert here.frame.equals(alone.frame) and here.errors == alone.errors
    assert not here.frame.equals(base.frame.drop(READS))  # the what-if changed rows
