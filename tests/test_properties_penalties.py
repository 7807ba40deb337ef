"""Invariants of the statutory-penalty rules, checked on generated counts (hypothesis).

- Adding a qualifying prior conviction (charged under 851) never lowers a minimum (21 U.S.C. 841(b), 960(b)).
- Adding a final earlier 924(c) conviction never lowers a 924(c) minimum.
- Today's minimum is never higher than the minimum at sentencing for the same facts: every change since 1988 in
  the data either lowered a minimum (Fair Sentencing Act, First Step Act) or applies only to later offenses.
- Whatever facts are missing, the block is produced, JSON-serializable, and each minimum is months, "life" or null.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reprieve.assess.computation import compute
from reprieve.assess.count_ranges import evaluate_count
from reprieve.assess.current_law import current_law
from reprieve.intake import parse_case
from reprieve.law.penalty_ranges import term_key
from reprieve.law.sentence_aggregation import Term

AS_OF = date(2026, 11, 28)
DRUGS = ["heroin", "cocaine", "cocaine_base", "pcp", "pcp_actual", "lsd", "fentanyl", "fentanyl_analogue",
         "marijuana", "methamphetamine", "methamphetamine_actual"]
PROVISIONS = [None, "21 U.S.C. § 841(b)(1)(A)", "21 U.S.C. § 841(b)(1)(B)", "21 U.S.C. § 841(b)(1)(C)"]


def qualifying_prior(offense_began: date) -> dict[str, Any]:
    """A prior that is a felony drug offense, a serious drug felony (802(57)) and charged under 851."""
    return {"kind": "drug_felony", "jurisdiction": "Virginia", "trafficking": True, "max_months": 240,
            "sentence_months": 48, "served_months": 30, "released_on": str(offense_began - timedelta(days=400))}


@st.composite
def drug_facts(draw: st.DrawFn) -> dict[str, Any]:
    sentenced = draw(st.dates(min_value=date(1991, 1, 1), max_value=date(2026, 11, 1)))  # data from 1988-11-18
    began = sentenced - timedelta(days=draw(st.integers(min_value=30, max_value=700)))
    drug = draw(st.sampled_from(DRUGS))
    grams = draw(st.sampled_from([1, 4, 5, 9, 27, 28, 49, 50, 99, 100, 279, 280, 399, 400, 499, 500, 999, 1000,
                                  4999, 5000, 49999, 50000, 99999, 100000, 999999, 1000000, 2000000]))
    statute = draw(st.sampled_from(["21 U.S.C. § 841(a)(1)", "21 U.S.C. § 846", "21 U.S.C. § 963"]))
    return {"sentenced": sentenced, "began": began, "drug": drug, "quantity": f"{grams} g", "statute": statute,
            "penalty": draw(st.sampled_from(PROVISIONS)) if statute != "21 U.S.C. § 963" else None,
            "injury": draw(st.booleans())}


def drug_case(facts: dict[str, Any], charged: int, total_priors: int = 2) -> dict[str, Any]:
    count: dict[str, Any] = {"count": "1", "statute": facts["statute"], "drug": facts["drug"],
                             "quantity": facts["quantity"], "offense_began": str(facts["began"]),
                             "offense_ended": str(facts["began"]), "months": 240,
                             "death_or_serious_bodily_injury": facts["injury"]}
    if facts["penalty"]:
        count["penalty"] = facts["penalty"]
    return {"format": 1, "judgments": [{"imposed_on": str(facts["sentenced"]), "counts": [count],
                                         "enhancements": [{"kind": "851", "priors": list(range(charged))}]}],
            "priors": [qualifying_prior(facts["began"]) for _ in range(total_priors)]}


def minimums(data: dict[str, Any], which: str) -> list[Term]:
    case = parse_case(data).case
    result = evaluate_count(case, 0, 0, AS_OF)
    out = []
    for s in result.scenarios:
        chosen = s.then if which == "then" else s.now
        assert chosen is not None, (which, data, s)
        out.append(chosen.minimum)
    return out


@settings(max_examples=150, deadline=None)
@given(drug_facts(), st.integers(min_value=0, max_value=1))
def test_adding_a_qualifying_prior_never_lowers_a_minimum(facts: dict[str, Any], charged: int) -> None:
    for which in ("then", "now"):
        fewer = minimums(drug_case(facts, charged), which)
        more = minimums(drug_case(facts, charged + 1), which)
        assert len(fewer) == len(more)
        if facts["penalty"] is None:
            assert len(fewer) == 1, "every fact is stated, so there is one answer"
        for low, high in zip(fewer, more, strict=True):  # the same branches (a stated provision that does not fit
            assert term_key(high) >= term_key(low), (which, facts, charged, fewer, more)  # the quantity)


@settings(max_examples=150, deadline=None)
@given(drug_facts(), st.integers(min_value=0, max_value=2))
def test_todays_drug_minimum_is_never_higher_than_at_sentencing(facts: dict[str, Any], charged: int) -> None:
    data = drug_case(facts, charged)
    case = parse_case(data).case
    for s in evaluate_count(case, 0, 0, AS_OF).scenarios:
        assert s.then is not None and s.now is not None
        assert term_key(s.now.minimum) <= term_key(s.then.minimum), (facts, charged, s.then, s.now)


@st.composite
def gun_case(draw: st.DrawFn) -> dict[str, Any]:
    sentenced = draw(st.dates(min_value=date(1999, 1, 1), max_value=date(2026, 11, 1)))
    ended = sentenced - timedelta(days=draw(st.integers(min_value=30, max_value=700)))
    n = draw(st.integers(min_value=1, max_value=4))
    counts = []
    for k in range(n):
        row: dict[str, Any] = {"count": str(k + 1), "statute": "18 U.S.C. § 924(c)", "offense_ended": str(ended),
                               "months": 60, "firearm_conduct": draw(st.sampled_from(["possess", "brandish",
                                                                                       "discharge"])),
                               "firearm_type": draw(st.sampled_from(["firearm", "short_barreled_rifle",
                                                                     "machinegun"]))}
        if draw(st.booleans()):
            row["second_or_subsequent"] = k > 0
        counts.append(row)
    priors = []
    if draw(st.booleans()):
        priors.append({"kind": "924c", "final_on": str(ended - timedelta(days=draw(st.integers(1, 3000))))})
    return {"format": 1, "judgments": [{"imposed_on": str(sentenced), "counts": counts, "enhancements": []}],
            "priors": priors}


@settings(max_examples=120, deadline=None)
@given(gun_case())
def test_todays_924c_minimum_is_never_higher_than_at_sentencing(data: dict[str, Any]) -> None:
    case = parse_case(data).case
    for c in range(len(case.judgments[0].counts)):
        for s in evaluate_count(case, 0, c, AS_OF).scenarios:
            assert s.then is not None and s.now is not None
            assert term_key(s.now.minimum) <= term_key(s.then.minimum), (data, c, s.then, s.now)


@settings(max_examples=120, deadline=None)
@given(gun_case())
def test_a_final_earlier_924c_conviction_never_lowers_a_minimum(data: dict[str, Any]) -> None:
    without = dict(data, priors=[])
    ended = date.fromisoformat(data["judgments"][0]["counts"][0]["offense_ended"])
    with_prior = dict(data, priors=[{"kind": "924c", "final_on": str(ended - timedelta(days=365))}])
    for c in range(len(data["judgments"][0]["counts"])):
        for which in ("then", "now"):
            low = [s.then if which == "then" else s.now
                   for s in evaluate_count(parse_case(without).case, 0, c, AS_OF).scenarios]
            high = [s.then if which == "then" else s.now
                    for s in evaluate_count(parse_case(with_prior).case, 0, c, AS_OF).scenarios]
            assert all(r is not None for r in low + high)
            assert min(term_key(r.minimum) for r in high if r) >= min(term_key(r.minimum) for r in low if r)


# From 1989: a sentence commenced before 1987-11-01 with no offense date is outside the BOP computation's data.
PARTIAL = st.one_of(st.none(), st.sampled_from(["2005", "2010", "2010-08", "2018-12", "2018", "2022-06"]),
                    st.dates(min_value=date(1989, 1, 1), max_value=date(2026, 11, 1)).map(str))


@st.composite
def messy_case(draw: st.DrawFn) -> dict[str, Any]:
    counts = []
    for k in range(draw(st.integers(min_value=1, max_value=3))):
        row: dict[str, Any] = {"count": str(k + 1)}
        for key, strategy in (
                ("statute", st.sampled_from(["21 U.S.C. § 846", "21 U.S.C. § 841(a)(1)", "18 U.S.C. § 924(c)",
                                             "18 U.S.C. § 922(g)(1)", "18 U.S.C. § 1951", "21 U.S.C. § 844(a)",
                                             "18 U.S.C. § 1343"])),
                ("penalty", st.sampled_from(["21 U.S.C. § 841(b)(1)(A)", "21 U.S.C. § 841(b)(1)(C)",
                                             "18 U.S.C. § 924(c)(1)(C)(i)", "21 U.S.C. § 960(b)(4)"])),
                ("drug", st.sampled_from([*DRUGS, "mdma"])),
                ("quantity", st.sampled_from(["50 g", "3 kg", "120 plants", "2,000 lb", "10 units"])),
                ("death_or_serious_bodily_injury", st.booleans()),
                ("firearm_conduct", st.sampled_from(["possess", "brandish", "discharge"])),
                ("offense_ended", PARTIAL), ("offense_began", PARTIAL)):
            if draw(st.booleans()):
                value = draw(strategy)
                if value is not None:
                    row[key] = value
        row["months"] = draw(st.integers(min_value=1, max_value=600))
        counts.append(row)
    judgment: dict[str, Any] = {"counts": counts}
    imposed = draw(PARTIAL)
    if imposed:
        judgment["imposed_on"] = imposed
    if draw(st.booleans()):
        judgment["enhancements"] = draw(st.sampled_from([[], [{"kind": "851", "priors": [0]}], [{"kind": "851"}],
                                                         [{"kind": "acca"}]]))
    priors = [{"kind": draw(st.sampled_from(["drug_felony", "violent_felony", "924c"]))}] if draw(st.booleans()) \
        else []
    return {"format": 1, "judgments": [judgment], "priors": priors,
            "custody": {"commenced_on": imposed or "2012-01-01", "prior_custody_days": 0}}


def _ok(value: Any) -> bool:
    return value is None or value == "life" or (isinstance(value, int) and value >= 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_case())
def test_missing_facts_never_crash_and_give_months_life_or_null(data: dict[str, Any]) -> None:
    try:
        case = parse_case(data).case
    except Exception:  # an impossible case is rejected by intake, which has its own tests
        return
    block = current_law(case, AS_OF, compute(case, AS_OF)).as_json()
    json.dumps(block)
    for count in block["counts"]:
        for side in ("then", "now"):
            assert _ok(count[side]["min_months"]) and _ok(count[side]["max_months"])
            for alternative in count[side].get("alternatives", []):
                assert _ok(alternative["min_months"])
            if count[side]["min_months"] is None and not count[side].get("not_covered") and \
                    count[side].get("alternatives"):
                assert count[side]["missing"], "an unknown answer names the facts that would settle it"
    assert _ok(block["aggregate"]["then_min_months"]) and _ok(block["aggregate"]["now_min_months"])
    assert isinstance(block["summary"], str) and block["summary"]
