"""The law data: strictly validated, and exactly one value in force on every date each parameter covers."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from reprieve.law.params import LawDataError, NotInForce, _load_file, law

NAMES = law().names()


@pytest.mark.parametrize("name", NAMES)
def test_exactly_one_value_in_force_on_every_covered_date(name: str) -> None:
    parameter = law().parameter(name)
    values = parameter.values
    for earlier, later in itertools.pairwise(values):
        assert earlier.to is not None, f"{name}: a value from {earlier.from_} never ends but another follows it"
        assert earlier.to + timedelta(days=1) == later.from_, \
            f"{name}: {earlier.to} -> {later.from_} leaves a gap or overlaps"
    first, last = parameter.covers()
    end = last or date(2100, 1, 1)
    # Every boundary and every day either side of it has exactly one value in force.
    probes = {first, end}
    for v in values:
        probes |= {v.from_, v.from_ - timedelta(days=1), v.from_ + timedelta(days=1)}
        if v.to:
            probes |= {v.to, v.to + timedelta(days=1)}
    for day in sorted(probes):
        in_force = [v for v in values if v.in_force(day)]
        if first <= day <= end:
            assert len(in_force) == 1, f"{name}: {len(in_force)} values in force on {day}"
            assert law().entry(name, day) == in_force[0]
        else:
            assert not in_force
            with pytest.raises(NotInForce):
                law().entry(name, day)


@pytest.mark.parametrize("name", NAMES)
def test_every_value_is_cited_and_unverified_rows_say_so(name: str) -> None:
    for value in law().parameter(name).values:
        assert len(value.citation) > 8
        if value.grade == "K":
            assert not value.verified, f"{name}: a value from general knowledge must be marked unverified"


@pytest.mark.parametrize("name", NAMES)
def test_the_verified_flag_and_the_note_agree(name: str) -> None:
    # A value marked verified must not say in its note that it is not (the audit found 12 that did); a value marked
    # unverified must say what is not verified and what was tried.
    for value in law().parameter(name).values:
        note = value.note or ""
        if value.verified:
            assert "UNVERIFIED" not in note.upper(), f"{name} ({value.from_}): verified, but the note says UNVERIFIED"
        else:
            assert len(note) > 20, f"{name} ({value.from_}): marked unverified without a note saying what was tried"


def test_a_verified_authority_does_not_say_it_is_unverified() -> None:
    from reprieve.law.authorities import registry

    for authority in registry().values():
        if authority.verified:
            assert "UNVERIFIED" not in (authority.note or "").upper(), authority.key


GOOD = """
source: test
parameters:
  rate:
    description: a rate
    type: int
    selected_by: computation_date
    values:
      - value: 54
        from: 2000-01-01
        citation: 18 U.S.C. § 3624(b)
        grade: P
"""


def test_a_well_formed_file_loads() -> None:
    loaded = _load_file("t", GOOD)
    assert loaded.parameters["rate"].values[0].value == 54


@pytest.mark.parametrize("broken, why", [
    (GOOD.replace("        grade: P", "        grade: P\n        effective: 2000-01-01"), "effective"),  # misplaced key
    (GOOD.replace("    type: int", "    type: int\n    units: days"), "units"),
    (GOOD.replace("value: 54", "value: fifty-four"), "not of type int"),
    (GOOD.replace("from: 2000-01-01", "from: 2000-01-01\n        to: 1999-01-01"), "before"),
    (GOOD.replace("        grade: P", "        grade: K"), "general knowledge"),
    (GOOD.replace("        citation: 18 U.S.C. § 3624(b)\n", ""), "citation"),
    (GOOD.replace("type: int", "type: table").replace("value: 54", "value: {a: 1}"), "schema"),
    (GOOD.replace("parameters:", "params:"), "parameters"),
])
def test_a_misplaced_or_wrong_value_is_an_error(broken: str, why: str) -> None:
    with pytest.raises(LawDataError) as error:
        _load_file("t", broken)
    assert why in str(error.value)


def test_juneteenth_is_a_holiday_only_from_2021() -> None:
    from reprieve.law.release_day import holiday_name

    assert holiday_name(date(2020, 6, 19)) is None
    assert holiday_name(date(2021, 6, 18)) is not None  # observed (June 19, 2021 was a Saturday)
    assert holiday_name(date(2022, 6, 20)) is not None  # observed (Sunday June 19)
    assert holiday_name(date(2023, 6, 19)) is not None


def test_the_level_12_minimum_names_only_substances_the_conversion_tables_know() -> None:
    # A misspelt substance would silently never raise a combination to level 12 (USSG §2D1.1, comment. n.8(D)).
    data = law()
    minimum = data.parameter("guidelines.converted_drug_weight.minimum_level")
    for value in minimum.values:
        known = set(data.value("guidelines.converted_drug_weight.per_gram_or_unit", value.from_))
        assert set(value.value["substances"]) <= known, value.from_
