"""Calendar arithmetic: partial dates and month addition (checked against dateutil's relativedelta)."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from reprieve.dates import PartialDate, add_months, months_and_days_between


@given(st.dates(date(1900, 1, 1), date(2150, 12, 31)), st.integers(-1200, 1200))
def test_add_months_matches_relativedelta(day: date, months: int) -> None:
    """Fresh, then remembered (`add_months` keeps what it worked out): relativedelta's day both times."""
    expected = day + relativedelta(months=months)
    assert add_months.__wrapped__(day, months) == add_months(day, months) == add_months(day, months) == expected


@given(st.dates(date(1950, 1, 1), date(2100, 1, 1)), st.integers(0, 600), st.integers(0, 27))
def test_a_term_and_its_end_round_trip(start: date, months: int, days: int) -> None:
    from reprieve.law.sentence_aggregation import Term

    end = Term(months, days).full_term_date(start)
    assert end is not None
    back = months_and_days_between(start, end)
    assert Term(*back).full_term_date(start) == end


@pytest.mark.parametrize("text, earliest, latest, exact", [
    ("2007-07", date(2007, 7, 1), date(2007, 7, 31), None),
    ("2008-02", date(2008, 2, 1), date(2008, 2, 29), None),
    ("2009", date(2009, 1, 1), date(2009, 12, 31), None),
    ("2009-03-04", date(2009, 3, 4), date(2009, 3, 4), date(2009, 3, 4)),
])
def test_partial_dates_are_ranges(text: str, earliest: date, latest: date, exact: date | None) -> None:
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest, value.exact, str(value)) == (earliest, latest, exact, text)


@pytest.mark.parametrize("bad", ["2009-02-30", "2009-13", "July 2007", "", "20090101", 3.5])
def test_impossible_dates_are_errors(bad: object) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


@given(st.one_of(st.dates(date(1890, 1, 1), date(2210, 12, 31)).map(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4], f" {d.isoformat()} "])).flatmap(
    lambda s: s), st.text(alphabet="0123456789- ", max_size=11)))
def test_a_date_parsed_from_text_is_the_same_remembered_or_fresh(text: str) -> None:
    """`PartialDate.parse` remembers the dates it read from text (a population repeats them): the same date, or the
    same error, as reading the text afresh, every time."""
    def fresh() -> PartialDate | str:
        try:
            return PartialDate._from_text(text)
        except ValueError as exc:
            return str(exc)

    def remembered() -> PartialDate | str:
        try:
            return PartialDate.parse(text)
        except ValueError as exc:
            return str(exc)

    assert remembered() == fresh() == remembered()


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.sampled_from([4, 7, 10]))
def test_the_days_of_a_partial_date_are_the_same_read_once_or_again(day: date, length: int) -> None:
    """A partial date keeps its days once worked out (a shared instance is read dozens of times a person): the
    first and every later read give the calendar's days, and the fields alone decide equality."""
    import calendar

    text = day.isoformat()[:length]
    value = PartialDate.parse(text)
    month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    expected = {4: (date(day.year, 1, 1), date(day.year, 12, 31), None),
                7: (date(day.year, day.month, 1), month_end, None), 10: (day, day, day)}[length]
    for _ in range(2):
        assert (value.earliest, value.latest, value.exact) == expected
    assert value == PartialDate(*(int(part) for part in text.split("-"))) and value.is_exact == (length == 10)
