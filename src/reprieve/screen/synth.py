"""Synthetic populations for tests and benchmarks: never real people.

The shape (ages, sex, offense mix, drug types, sentence lengths, mandatory minimums, 851 and 924(c) shares, risk
levels) follows the published statistics cited in population.yaml; the circumstances behind relief grounds (illness,
family, requests to the warden) are modelling assumptions, marked as such there. Ids are `SYN-000001`; no register
numbers are made up, so that no row can collide with a real person's.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from reprieve.dates import add_months
from reprieve.law.params import law
from reprieve.screen.columns import flatten


class Distribution(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    citation: str
    grade: str = Field(pattern="^[PSK]$")
    values: Any


class Population(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    distributions: dict[str, Distribution]

    def get(self, name: str) -> Any:
        return self.distributions[name].values


def population() -> Population:
    text = (resources.files("reprieve.screen") / "population.yaml").read_text(encoding="utf-8")
    return Population.model_validate(yaml.safe_load(text))


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _band(rng: random.Random, bands: list[dict[str, Any]], low: str, high: str) -> float:
    chosen = rng.choices(bands, weights=[b["share"] for b in bands])[0]
    return rng.uniform(chosen[low], chosen[high])


def person(rng: random.Random, n: int, as_of: date, pop: Population) -> dict[str, Any]:
    """One synthetic person as a case-file mapping."""
    age = _band(rng, pop.get("age_bands"), "low", "high")
    born = as_of - timedelta(days=int(age * 365.25))
    offense = _pick(rng, pop.get("offense_mix"))
    districts = pop.get("districts")
    counts: list[dict[str, Any]] = []
    priors: list[dict[str, Any]] = []
    enhancements: list[dict[str, Any]] = []
    minimum = 0
    band_months = _band(rng, pop.get("sentence_bands"), "low_months", "high_months")
    months = max(int(band_months), 13)
    served_fraction = rng.uniform(0.02, 0.88)
    # In custody since an arrest at 18 or later: the time served cannot reach back before that.
    adult_days = int((age - 18.5) * 365.25) - 900
    served_days = max(1, min(int(months * 30.44 * served_fraction), adult_days))
    commenced = as_of - timedelta(days=served_days)
    offense_ended = commenced - timedelta(days=rng.randint(120, 900))
    if offense == "drug":
        drug = _pick(rng, pop.get("drug_mix"))
        tiers = pop.get("drug_quantities")[drug]
        mandatory = rng.random() < pop.get("drug_mandatory_minimum_share")
        tier = rng.choice(["A", "B"]) if mandatory else "C"
        enhanced = mandatory and rng.random() < pop.get("drug_851_share_of_mandatory_minimum")
        minimum = {"A": 120, "B": 60, "C": 0}[tier] * (2 if enhanced else 1)
        counts.append({"count": "1", "statute": "21 U.S.C. § 846", "penalty": f"21 U.S.C. § 841(b)(1)({tier})",
                       "drug": drug, "quantity": tiers[tier], "death_or_serious_bodily_injury": False,
                       "offense_began": str(offense_ended.year - 1), "offense_ended": offense_ended.isoformat()})
        if enhanced:
            released = offense_ended - timedelta(days=rng.randint(200, 8000))
            served = rng.randint(3, 60)
            priors.append({"description": "synthetic prior drug felony", "kind": "drug_felony",
                           "statute": "state drug distribution", "sentence_months": served + rng.randint(0, 36),
                           "served_months": served, "released_on": released.isoformat(), "max_months": 180})
            enhancements.append({"kind": "851", "priors": [0]})
        if rng.random() < pop.get("drug_924c_share"):
            conduct = rng.choices(["i", "ii"], weights=[0.8, 0.2])[0]
            counts.append({"count": "2", "statute": "18 U.S.C. § 924(c)",
                           "penalty": f"18 U.S.C. § 924(c)(1)(A)({conduct})", "months": 60 if conduct == "i" else 84,
                           "offense_ended": offense_ended.isoformat()})
            if rng.random() < pop.get("stacked_share_of_924c"):
                # Sentenced before First Step Act § 403 applied, a second 924(c) count carried 25 years.
                stacked = commenced < law().value("which_penalty_law.first_step_act_sentences_from", as_of)
                counts.append({"count": "3", "statute": "18 U.S.C. § 924(c)",
                               "penalty": "18 U.S.C. § 924(c)(1)(C)(i)" if stacked else "18 U.S.C. § 924(c)(1)(A)(i)",
                               "second_or_subsequent": stacked, "months": 300 if stacked else 60,
                               "offense_ended": offense_ended.isoformat()})
    elif offense == "weapons":
        acca = rng.random() < pop.get("acca_share_of_weapons")
        minimum = 180 if acca else 0
        penalty = "18 U.S.C. § 924(e)" if acca else (
            "18 U.S.C. § 924(a)(8)" if offense_ended >= date(2022, 6, 25) else "18 U.S.C. § 924(a)(2)")
        counts.append({"count": "1", "statute": "18 U.S.C. § 922(g)(1)", "penalty": penalty,
                       "offense_ended": offense_ended.isoformat()})
        if not acca:
            months = min(months, 120)
    else:
        counts.append({"count": "1", "statute": "18 U.S.C. § 1343", "penalty": "18 U.S.C. § 1343",
                       "offense_ended": offense_ended.isoformat()})
        months = min(months, 240)
    counts[0]["months"] = max(months, minimum)
    custody: dict[str, Any] = {"commenced_on": commenced.isoformat(), "continuous_since_arrest": True,
                               "arrested_on": (commenced - timedelta(days=rng.randint(0, 500))).isoformat(),
                               "arrived_at_facility_on": (commenced + timedelta(days=rng.randint(20, 120))).isoformat()}
    if rng.random() < pop.get("gct_loss_share"):
        custody["gct_disallowed_days"] = rng.choice([14, 27, 41, 54, 81])
    else:
        custody["gct_disallowed_days"] = 0
    if rng.random() < pop.get("risk_level_known_share"):
        custody["fsa"] = {"risk_levels": [{"on": add_months(as_of, -rng.randint(1, 6)).isoformat(),
                                           "level": _pick(rng, pop.get("risk_levels"))}]}
    circumstances: dict[str, Any] = {"conduct": [{"infractions": [
        {"description": "synthetic infraction", "severity": rng.choice(["high", "moderate", "low"])}
        for _ in range(rng.choices([0, 1, 2, 3], weights=[0.6, 0.2, 0.12, 0.08])[0])]}]}
    assumptions = pop.get("circumstance_shares")
    if rng.random() < assumptions["medical_known"]:
        circumstances["medical"] = [] if rng.random() > assumptions["serious_condition"] else [{
            "condition": "synthetic serious condition", "terminal": rng.random() < assumptions["terminal"],
            "self_care_diminished": rng.random() < 0.4, "recovery_expected": rng.random() < 0.5}]
    if age >= 60 and rng.random() < assumptions["age_deterioration_known"]:
        circumstances["age_related"] = [{"serious_deterioration": rng.random() < 0.5}]
    if rng.random() < assumptions["family_known"]:
        circumstances["family"] = [] if rng.random() > assumptions["family_caregiving"] else [{
            "relation": rng.choice(["minor_child", "spouse", "parent", "sibling"]),
            "situation": rng.choice(["caregiver_died", "caregiver_incapacitated", "incapacitated"]),
            "only_available_caregiver": rng.random() < 0.5}]
    requests: list[dict[str, Any]] = []
    if rng.random() < assumptions["warden_request"]:
        received = as_of - timedelta(days=rng.randint(1, 400))
        requests.append({"to": "warden", "kind": "reduction_in_sentence",
                         "submitted_on": (received - timedelta(days=rng.randint(0, 10))).isoformat(),
                         "received_on": received.isoformat(), "response": rng.choice(["denied", "none"])})
    guidelines = {"criminal_history_category": _pick(rng, pop.get("criminal_history_categories"))}
    return {"id": f"SYN-{n:06d}", "person": {"born": born.isoformat(), "sex": "female" if rng.random() <
                                            pop.get("female_share") else "male"},
            "court": {"district": rng.choice(districts)},
            "judgments": [{"imposed_on": commenced.isoformat(), "counts": counts, "enhancements": enhancements,
                           "supervised_release_months": rng.choice([36, 48, 60, 96, 120]), "guidelines": guidelines}],
            "priors": priors, "custody": custody, "circumstances": circumstances, "requests": requests}


def people(count: int, seed: int, as_of: date) -> Iterator[dict[str, Any]]:
    """The synthetic people one at a time (the same seed gives the same people in the same order)."""
    rng = random.Random(seed)
    pop = population()
    for n in range(1, count + 1):
        yield person(rng, n, as_of, pop)


def generate(count: int, seed: int, as_of: date) -> list[dict[str, Any]]:
    return list(people(count, seed, as_of))


def write_population(count: int, output: Path, seed: int, as_of: date, batch: int = 50_000) -> None:
    """Write in batches: a batch of people as Python objects at a time, the rest as compact columns."""
    import polars as pl

    stream = people(count, seed, as_of)
    parts = []
    while rows := [flatten(p) for p in itertools.islice(stream, batch)]:
        columns: dict[str, None] = {}
        for row in rows:
            for key in row:
                columns.setdefault(key, None)
        parts.append(pl.DataFrame([[None if row.get(c) is None else str(row[c]) for c in columns] for row in rows],
                                  schema={c: pl.String for c in columns}, orient="row"))
    from reprieve.screen.output import write_table

    write_table(pl.concat(parts, how="diagonal"), output)
