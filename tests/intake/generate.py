"""Generated people (never real ones) and the papers they would hold: judgments and a BOP computation sheet.

`specimen(seed)` gives the case (in the project's format: the right answer) and the documents rendered from it.
`carried(case)` flattens the fields those documents carry into {field path: value}, the unit of accuracy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from tests.intake.forms import (
    AMENDED,
    AMENDMENT_REASONS,
    BY_NAME,
    VARIANTS,
    JudgmentDoc,
    Variant,
    bop_sheet_pdf,
    judgment_pdf,
)

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Rosa", "David", "Angela", "Carlos", "Tyrone", "Kevin",
         "Denise", "Luis", "Marcus", "Jamal", "Teresa", "Anthony", "Lakisha", "Jose", "Brian"]
MIDDLE = ["Lee", "Ann", "Marcel", "J.", "Antonio", "Renee", "Earl", "Louise", "", "", ""]
LAST = ["Walker", "Hernandez", "Johnson", "McDaniel", "O'Neal", "Washington", "Ramirez", "Brooks", "Carter",
        "Delgado", "Fitzgerald", "Holloway", "Nguyen", "Pettiford", "Sanchez", "Whitfield", "Young", "Abernathy"]
JUDGES = ["Frank D. Whitney", "Catherine C. Blake", "Robert J. Conrad", "Lisa Godbey Wood", "Roger T. Benitez",
          "Leonie M. Brinkema", "Reed O'Connor", "Virginia M. Hernandez Covington"]

# (full name on the judgment, the case file's abbreviation, docket style)
DISTRICTS = [
    ("Western District of North Carolina", "W.D.N.C.", "wdnc"),
    ("Southern District of Georgia", "S.D. Ga.", "gas"),
    ("Southern District of California", "S.D. Cal.", "casd"),
    ("District of Maryland", "D. Md.", "ecf"),
    ("Eastern District of Virginia", "E.D. Va.", "ecf"),
    ("Northern District of Texas", "N.D. Tex.", "ecf"),
    ("Middle District of Florida", "M.D. Fla.", "mdfl"),
    ("Eastern District of New York", "E.D.N.Y.", "ecf"),
    ("Northern District of Illinois", "N.D. Ill.", "ecf"),
    ("District of South Carolina", "D.S.C.", "ecf"),
]

# (statute as written, nature of offense, drug, quantity, penalty)
OFFENSES: list[tuple[str, str, str | None, str | None, str | None]] = [
    ("21 U.S.C. §§ 846 and 841(b)(1)(A)", "Conspiracy to possess with intent to distribute 1,000 kilograms or more "
     "of marijuana", "marijuana", "1000 kg", "21 U.S.C. § 841(b)(1)(A)"),
    ("21 U.S.C. §§ 841(a)(1) and 841(b)(1)(B)", "Possession with intent to distribute 28 grams or more of cocaine "
     "base", "cocaine_base", "28 g", "21 U.S.C. § 841(b)(1)(B)"),
    ("21 U.S.C. § 846", "Conspiracy to distribute and possess with intent to distribute 5 kilograms or more of "
     "cocaine", "cocaine", "5 kg", None),
    ("21 U.S.C. §§ 841(a)(1) and 841(b)(1)(C)", "Distribution of a quantity of heroin", "heroin", None,
     "21 U.S.C. § 841(b)(1)(C)"),
    ("21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)", "Possession with intent to distribute 50 grams or more of "
     "methamphetamine (actual)", "methamphetamine_actual", "50 g", "21 U.S.C. § 841(b)(1)(A)"),
    ("21 U.S.C. § 846", "Conspiracy to distribute 400 grams or more of fentanyl", "fentanyl", "400 g", None),
    ("18 U.S.C. §§ 922(g)(1) and 924(a)(2)", "Possession of a firearm by a convicted felon", None, None, None),
    ("18 U.S.C. § 1956(h)", "Conspiracy to commit money laundering", None, None, None),
    ("18 U.S.C. §§ 2113(a) and (d)", "Armed bank robbery", None, None, None),
    ("18 U.S.C. § 1343", "Wire fraud", None, None, None),
]
GUN = ("18 U.S.C. § 924(c)(1)(A)(i)", "Possession of a firearm in furtherance of a drug trafficking crime", None,
       None, "18 U.S.C. § 924(c)(1)(A)(i)")


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days))


def _docket(rng: random.Random, style: str, year: int, initials: str) -> str:
    yy = f"{year % 100:02d}"
    n = rng.randrange(1, 900)
    if style == "wdnc":
        return f"3:{yy}CR{n:05d}-{rng.randrange(1, 9):03d}"
    if style == "gas":
        return f"CR4{yy}-{n:05d}"
    if style == "casd":
        return f"3:{yy}-CR-{n:05d}-{initials}"
    if style == "mdfl":
        return f"8:{yy}-cr-{n}-T-{rng.randrange(17, 36)}{initials}"
    return f"1:{yy}-cr-{n:05d}-{initials}-{rng.randrange(1, 6)}"


def _variant(rng: random.Random, style: str) -> Variant:
    """District templates are used in their districts; the national revisions anywhere."""
    local = {"gas": "gas245b", "casd": "casd"}
    if style in local:
        return BY_NAME[local[style]]
    return rng.choice([v for v in VARIANTS if v.name not in local.values()])


@dataclass
class Specimen:
    case: dict[str, Any]
    documents: list[tuple[str, bytes]]
    variants: list[str] = field(default_factory=list)


def _counts(rng: random.Random, imposed: date) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    n = rng.choice([1, 1, 2, 2, 3, 4])
    suffix = rng.choice(["", "", "", "s"])
    offenses = rng.sample(OFFENSES, n)
    with_gun = n >= 2 and rng.random() < 0.35
    if with_gun:
        offenses[-1] = GUN
    counts = []
    for i, (statute, nature, drug, quantity, penalty) in enumerate(offenses, start=1):
        ended = imposed - timedelta(days=rng.randrange(200, 1100))
        count: dict[str, Any] = {"count": f"{i}{suffix}", "statute": statute, "nature_of_offense": nature,
                                 "offense_ended": ended.isoformat()}
        if penalty:
            count["penalty"] = penalty
        if drug:
            count["drug"] = drug
        if quantity:
            count["quantity"] = quantity
        if statute == GUN[0]:
            count["months"] = 60
            count["consecutive_to"] = [c["count"] for c in counts]
        elif rng.random() < 0.03 and not with_gun:
            count["life"] = True
        else:
            count["months"] = rng.choice([12, 24, 37, 46, 57, 60, 70, 84, 97, 120, 121, 151, 188, 210, 240, 250, 262,
                                          292, 300, 360])
            if rng.random() < 0.05:
                count["months"], count["days"] = 12, 1
        counts.append(count)
    judgment: dict[str, Any] = {"imposed_on": imposed.isoformat(), "counts": counts}
    if any(c.get("life") for c in counts):
        judgment["total_life"] = True
    else:
        base = max((c.get("months", 0), c.get("days", 0)) for c in counts if not c.get("consecutive_to"))
        extra = sum(c.get("months", 0) for c in counts if c.get("consecutive_to"))
        judgment["total_months"] = base[0] + extra
        if base[1]:
            judgment["total_days"] = base[1]
    judgment["supervised_release_months"] = rng.choice([24, 36, 36, 48, 60, 60, 96, 120])
    if rng.random() < 0.4:
        judgment["counts_dismissed"] = [str(n + k) for k in range(1, rng.choice([2, 3]))]
    return counts, judgment


def _bop(rng: random.Random, case: dict[str, Any], judgment: dict[str, Any], as_of: date) -> dict[str, Any]:
    """A computation sheet's figures (plausible, not a reprieve computation: the reader only copies them)."""
    imposed = date.fromisoformat(judgment["imposed_on"])
    began = imposed + timedelta(days=rng.choice([0, 0, 0, 14, 40]))
    months = judgment.get("total_months", 360)
    credit = min(rng.choice([0, 45, 180, 365, 641]), months * 30 // 4)  # never more than the term allows
    full = began + relativedelta(months=months) - timedelta(days=1 + credit)
    gct = months * 54 // 12
    lost = rng.choice([0, 0, 0, 27, 41])
    statutory = full - timedelta(days=gct - lost)
    fsa = rng.choice([None, None, 365, 120])
    projected = statutory - timedelta(days=fsa or 0)
    while projected.weekday() >= 5:
        projected -= timedelta(days=1)
    bop: dict[str, Any] = {
        "sheet_as_of": as_of.isoformat(), "computation_began_on": began.isoformat(), "jail_credit_days": credit,
        "full_term_date": full.isoformat(), "statutory_release_date": statutory.isoformat(),
        "projected_release_date": projected.isoformat(), "release_method": "FSA REL" if fsa else "GCT REL",
        "home_detention_date": (projected - timedelta(days=min(months * 3, 180))).isoformat(),
        "gct_earned_days": min(gct - lost, max(0, (as_of - began).days * 54 // 365)),
        "gct_earned_and_projected_days": gct - lost, "gct_disallowed_days": lost, "gct_forfeited_days": 0}
    if fsa:
        bop["fsa_credits_days"] = fsa
    return bop


def specimen(seed: int, *, bop_sheet: bool | None = None, judgments: int | None = None,
             variant: Variant | None = None) -> Specimen:
    rng = random.Random(seed)
    district_name, district, style = rng.choice(DISTRICTS)
    name = " ".join(part for part in (rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST)) if part)
    judge = rng.choice(JUDGES)
    initials = "".join(w[0] for w in judge.replace(".", "").split()[:3]).upper()
    imposed = _day(rng, date(1996, 1, 1), date(2024, 6, 30))
    docket = _docket(rng, style, imposed.year - rng.choice([0, 1]), initials)
    register = f"{rng.randrange(10000, 99999)}-{rng.randrange(0, 999):03d}"
    counts, judgment = _counts(rng, imposed)
    amended = rng.random() < 0.2
    chosen = variant or (AMENDED if amended else _variant(rng, style))
    if chosen is AMENDED:
        judgment["amended_on"] = (imposed + timedelta(days=rng.randrange(30, 2000))).isoformat()
        judgment["amendment_reason"] = rng.choice(AMENDMENT_REASONS)
    case: dict[str, Any] = {
        "format": 1,
        "person": {"name": name, "register_number": register},
        "court": {"district": district, "docket": docket, "judge": judge},
        "judgments": [judgment],
    }
    docs = [JudgmentDoc(district_name, docket, name, register, judge, judgment,
                        extra={"plea": rng.choice(["guilty", "guilty", "trial"]),
                               "penalties_page": rng.random() < 0.7,
                               "ecf_docket": docket.lower() if style == "ecf" else docket})]
    variants = [chosen.name]
    if judgments == 2 or (judgments is None and rng.random() < 0.1):
        later = imposed + timedelta(days=rng.randrange(200, 1500))
        district_name2, district2, style2 = rng.choice(DISTRICTS)
        docket2 = _docket(rng, style2, later.year, initials)
        _, judgment2 = _counts(rng, later)
        judgment2["relation"] = rng.choice(["consecutive", "concurrent"])
        judgment2["district"], judgment2["docket"] = district2, docket2
        judgment["district"], judgment["docket"] = district, docket
        case["judgments"].append(judgment2)
        variant2 = _variant(rng, style2)
        variants.append(variant2.name)
        docs.append(JudgmentDoc(district_name2, docket2, name, register, rng.choice(JUDGES), judgment2))
    documents = [(f"judgment{n + 1}.pdf", judgment_pdf(doc, BY_NAME[variants[n]])) for n, doc in enumerate(docs)]
    want_sheet = bop_sheet if bop_sheet is not None else rng.random() < 0.5
    if want_sheet and "total_months" in judgment:
        as_of = min(date(2026, 11, 30), imposed + timedelta(days=rng.randrange(400, 4000)))
        bop = _bop(rng, case, judgment, as_of)
        case["custody"] = {"commenced_on": bop["computation_began_on"], "prior_custody_days": bop["jail_credit_days"],
                           "gct_disallowed_days": bop["gct_disallowed_days"],
                           "gct_forfeited_days": bop["gct_forfeited_days"], "bop": bop}
        obligations = [{"code": "391", "offense": c["statute"].replace("U.S.C. §§ ", ":").replace("U.S.C. § ", ":")
                        .upper(), "months": c.get("months", 0), "offense_date": c["offense_ended"],
                        "supervision": f"{judgment['supervised_release_months'] // 12} YEARS"} for c in counts]
        sheet = {"bop": bop, "name": name, "register_number": register, "docket": docket,
                 "court_of_jurisdiction": district_name.upper(), "judge": judge, "imposed_on": judgment["imposed_on"],
                 "obligations": obligations, "total_months": judgment["total_months"],
                 "earliest_offense": min(c["offense_ended"] for c in counts),
                 "jail_credit_periods": [((date.fromisoformat(bop["computation_began_on"])
                                           - timedelta(days=bop["jail_credit_days"])).isoformat(),
                                          (date.fromisoformat(bop["computation_began_on"])
                                           - timedelta(days=1)).isoformat())] if bop["jail_credit_days"] else []}
        documents.append(("computation.pdf", bop_sheet_pdf(sheet)))
        variants.append("bop_smcd")
    return Specimen(case, documents, variants)


# --- what the documents carry, flattened ---------------------------------------------------------------------------

JUDGMENT_KEYS = ("imposed_on", "amended_on", "total_months", "total_days", "total_life", "supervised_release_months",
                 "relation", "counts_dismissed", "amendment_reason", "district", "docket")
COUNT_KEYS = ("count", "statute", "penalty", "nature_of_offense", "offense_ended", "drug", "quantity", "months",
              "days", "life", "consecutive_to")
CUSTODY_KEYS = ("commenced_on", "prior_custody_days", "gct_disallowed_days", "gct_forfeited_days")
BOP_KEYS = ("sheet_as_of", "computation_began_on", "jail_credit_days", "full_term_date", "statutory_release_date",
            "projected_release_date", "release_method", "home_detention_date", "gct_earned_days",
            "gct_earned_and_projected_days", "gct_disallowed_days", "gct_forfeited_days", "fsa_credits_days")


def carried(case: dict[str, Any]) -> dict[str, Any]:
    """{field path: value} for every field a judgment or computation sheet carries (names compared casefolded)."""
    out: dict[str, Any] = {}
    for key in ("name", "register_number"):
        if case.get("person", {}).get(key) is not None:
            out[f"person.{key}"] = case["person"][key]
    for key in ("district", "docket", "judge"):
        if case.get("court", {}).get(key) is not None:
            out[f"court.{key}"] = case["court"][key]
    for j, judgment in enumerate(case.get("judgments", [])):
        for key in JUDGMENT_KEYS:
            if judgment.get(key) is not None:
                out[f"judgments[{j}].{key}"] = judgment[key]
        for c, count in enumerate(judgment.get("counts", [])):
            for key in COUNT_KEYS:
                if count.get(key) is not None:
                    out[f"judgments[{j}].counts[{c}].{key}"] = count[key]
    custody = case.get("custody") or {}
    for key in CUSTODY_KEYS:
        if custody.get(key) is not None:
            out[f"custody.{key}"] = custody[key]
    for key in BOP_KEYS:
        if (custody.get("bop") or {}).get(key) is not None:
            out[f"custody.bop.{key}"] = custody["bop"][key]
    if "person.name" in out:
        out["person.name"] = str(out["person.name"]).casefold()
    return out
