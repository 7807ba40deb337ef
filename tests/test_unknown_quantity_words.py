"""A marijuana count whose quantity is not stated: 21 U.S.C. 841(b)(1)(A)(vii) sets a 10-year minimum for "1000
kilograms or more of a mixture or substance containing a detectable amount of marihuana" and (b)(1)(B)(vii) a 5-year
minimum for "100 kilograms or more"; neither changed between 2008 and today. The plain sentence says the minimum is
the same then and now (it said "10 years ... or 5 years ..., not 10 years ... or 5 years ...") and names the
thresholds as the statute does, in kilograms (it said "1000000 g"; the statute writes "1000 kilograms")."""

from __future__ import annotations

from datetime import date

from reprieve.assess.report import assess
from reprieve.intake import parse_case


def _summary() -> str:
    data = {"format": 1, "person": {"name": "A Person"}, "court": {"district": "E.D. Va."},
            "judgments": [{"imposed_on": "2008-03-10", "counts": [
                {"statute": "21 U.S.C. 846", "drug": "marijuana", "months": 250, "offense_ended": "2007-07-01"}]}]}
    result = assess(parse_case(data, "case", warnings=False).case, date(2026, 12, 1))
    assert result.current_law is not None
    return result.current_law.summary.render()


def test_the_same_minimums_then_and_now_are_said_to_be_the_same() -> None:
    summary = _summary()
    assert summary.startswith("Today's law gives the same minimum as at sentencing"), summary
    assert ", not " not in summary


def test_thresholds_are_named_in_kilograms() -> None:
    summary = _summary()
    assert "at least 1000 kg" in summary and "at least 100 kg and less than 1000 kg" in summary, summary
    assert "000 g" not in summary
