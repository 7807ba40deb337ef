"""Values checked in December 2026 against the primary text, asserted as the text states them (each source is quoted
in the value's or the authority's note), so that a later edit of the data that departs from the text fails here."""

from __future__ import annotations

from datetime import date

import pytest

from reprieve.law.authorities import registry
from reprieve.law.params import law

# (key, decided, docket) as the syllabus of each opinion states them ("No. 91-8199. Argued March 1, 1993—Decided
# May 17, 1993", ...).
DECISIONS = [
    ("deal_1993", date(1993, 5, 17), "91-8199"),
    ("apprendi_2000", date(2000, 6, 26), "99-478"),
    ("castillo_2000", date(2000, 6, 5), "99-658"),
    ("burrage_2014", date(2014, 1, 27), "12-7515"),
    ("wilson_1992", date(1992, 3, 24), "90-1745"),
    ("dillon_2010", date(2010, 6, 17), "09-6338"),
    ("almendarez_torres_1998", date(1998, 3, 24), "96-6839"),
    ("dorsey_2012", date(2012, 6, 21), "11-5683"),
    ("alleyne_2013", date(2013, 6, 17), "11-9335"),
    ("johnson_2015", date(2015, 6, 26), "13-7120"),
    ("labonte_1997", date(1997, 5, 27), "95-1726"),
]


@pytest.mark.parametrize("key, decided, docket", DECISIONS, ids=[d[0] for d in DECISIONS])
def test_a_supreme_court_decision_has_the_date_and_docket_its_syllabus_states(key: str, decided: date,
                                                                             docket: str) -> None:
    authority = registry()[key]
    assert authority.decided == decided
    assert authority.docket == docket


def test_almendarez_torres_holds_only_that_the_prior_conviction_need_not_be_charged() -> None:
    # Syllabus: "Since it does not create a separate crime, the Government is not required to charge the fact of an
    # earlier conviction". The registry said "charged or proved to a jury" before December 2026.
    holding = registry()["almendarez_torres_1998"].holding or ""
    assert "charged in the indictment" in holding
    assert "jury" not in holding


def test_crack_quantities_before_the_fair_sentencing_act_are_the_1986_acts() -> None:
    # Dorsey (syllabus): the 1986 Act's 5-year minimum "was triggered by ... 5 grams of crack cocaine", the 10-year by
    # "50 grams of crack"; the Fair Sentencing Act, "which took effect on August 3, 2010", raised them to 28 and 280.
    before = law().value("drug_penalties.crack_thresholds", date(2010, 8, 2))
    after = law().value("drug_penalties.crack_thresholds", date(2010, 8, 3))
    assert (before["a"], before["b"]) == (["50 g"], ["5 g"])
    assert (after["a"], after["b"]) == (["280 g"], ["28 g"])


def test_922g_and_the_armed_career_criminal_act_as_the_supreme_court_stated_them_in_2015() -> None:
    # Johnson v. United States (2015): "the law punishes violation of this ban by up to 10 years' imprisonment.
    # §924(a)(2). But if the violator has three or more earlier convictions ... the Armed Career Criminal Act increases
    # his prison term to a minimum of 15 years and a maximum of life. §924(e)(1)".
    on = date(2015, 6, 26)
    assert law().value("firearm_penalties.section_922g_maximum", on)["max"] == "10 years"
    acca = law().value("firearm_penalties.acca", on)
    assert (acca["minimum"], acca["maximum"], acca["predicates"]) == ("15 years", "life", 3)


def test_924c_before_1998_as_the_supreme_court_quoted_it() -> None:
    # Deal (quoting § 924(c)(1), 1988 ed., Supp. III): "be sentenced to imprisonment for five years ... In the case of
    # his second or subsequent conviction ... for twenty years"; Castillo: "if the firearm is[, e.g.,] a machinegun,
    # ... to imprisonment for thirty years".
    on = date(1991, 6, 1)
    rows = {row["kind"]: row["minimum"] for row in law().value("firearm_penalties.section_924c_first", on)["rows"]}
    assert (rows["possess"], rows["machinegun"]) == ("5 years", "30 years")
    assert law().value("firearm_penalties.section_924c_subsequent_minimum", on)["ordinary"] == "20 years"


def test_gct_per_year_imposed_from_the_day_the_risk_and_needs_system_was_released() -> None:
    # BOP: "On Friday, July 19, 2019, Deputy Attorney General ... announced the release of the Attorney General's Risk
    # and Needs Assessment System report"; 28 C.F.R. 523.20(b)(1): "up to 54 days of GCT credit for each year of the
    # sentence imposed".
    assert law().value("good_conduct_time.method", date(2019, 7, 18)) == "per_year_served"
    assert law().value("good_conduct_time.method", date(2019, 7, 19)) == "per_year_imposed"
