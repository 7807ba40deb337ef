"""The words every output shares (issue 14): a range whose ends agree is one value, "between X and Y" never follows
"on", a citation is printed once, a case-file path reads as words, and whose voice a description is in."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reprieve.documents.voice import first_person, voice_of
from reprieve.words import Words, join_citations, readable_path, readable_paths

w = Words()


@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_a_range_is_one_value_when_its_ends_agree(low: str, high: str) -> None:
    assert w.one_or_between(low, low) == low
    assert w.on_or_between(low, low) == f"on {low}"
    if low != high:
        assert w.one_or_between(low, high) == f"between {low} and {high}"
        assert w.on_or_between(low, high) == f"between {low} and {high}"  # never "on between"


@pytest.mark.parametrize(("then", "now", "words"), [
    (date(2020, 4, 28), date(2023, 3, 1), "nearly three years ago"),
    (date(2020, 8, 27), date(2023, 7, 5), "nearly three years ago"),
    (date(2021, 1, 1), date(2023, 3, 1), "more than two years ago"),
    (date(2026, 5, 1), date(2026, 11, 29), "six months ago"),
    (date(2011, 3, 1), date(2023, 3, 1), "12 years ago"),
])
def test_how_long_ago_never_overstates(then: date, now: date, words: str) -> None:
    assert w.time_ago(then, now) == words


def test_months_read_as_years_when_whole() -> None:
    assert (w.years(240), w.years(180), w.years(151), w.years(12)) == ("20 years", "15 years", "151 months", "1 year")


def test_a_citation_is_printed_once() -> None:
    """'18 U.S.C. § 3582(c)(1)(A)(ii); USSG §1B1.13(a)(1)(B); USSG §1B1.13(a)(1)(B)' (the data holds a pair in one
    string and the rule adds the second again)."""
    joined = join_citations(["18 U.S.C. § 3582(c)(1)(A)(ii); USSG §1B1.13(a)(1)(B)", "USSG §1B1.13(a)(1)(B)"])
    assert joined == "18 U.S.C. § 3582(c)(1)(A)(ii); USSG §1B1.13(a)(1)(B)"


def test_a_case_file_path_reads_as_words() -> None:
    assert readable_path("judgments[0].counts[1].months") == "judgment 1, count 2, months"
    assert readable_paths("requests[0] asked; see circumstances.family[0].situation and custody.arrested_on") == \
        "request 1 asked; see circumstances, family member 1, situation and custody.arrested_on"


@pytest.mark.parametrize(("text", "voice"), [
    ("I work full time and cannot care for her", "first"),
    ("My mother had a stroke", "first"),
    ("your mother needs you", "second"),
    ("brother with a mental illness, for whom he would be the only available caregiver", "third"),
    ("stage IV pancreatic adenocarcinoma; chemotherapy stopped", "neutral"),
    ("type I diabetes; insulin twice a day", "neutral"),
    ("needs an I.V. line for hydration", "neutral"),
])
def test_whose_voice_a_description_is_in(text: str, voice: str) -> None:
    assert voice_of(text) == voice


@pytest.mark.parametrize(("text", "sex", "mine"), [
    ("his daughter, Carla Test Keller, her husband and their two adult sons", "male",
     "my daughter, Carla Test Keller, her husband and their two adult sons"),
    ("his mother's care at home; he has no serious medical needs", "male",
     "my mother's care at home; I have no serious medical needs"),
    ("the clinic agreed to see her in May", "female", "the clinic agreed to see me in May"),
    ("uses a walker", None, "uses a walker"),
    ("I work full time and cannot care for her", "female", None),  # someone else's "I": never rewritten
    ("his daughter", None, None),  # whose "his" it is cannot be known
    ("He sings in the choir", "male", None),  # a verb the rewriting does not know
])
def test_a_description_of_the_person_is_put_in_their_own_voice_only_when_safe(text: str, sex: str | None,
                                                                            mine: str | None) -> None:
    assert first_person(text, sex) == mine
