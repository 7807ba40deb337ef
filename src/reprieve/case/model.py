"""The case file (format 1): one person, every judgment, the facts the rules need.

The names follow ../shared/spec/case-format.md, a contract other tools rely on: fields are added, never renamed.
A missing or null value means "unknown", never zero or no; only an explicit value is a fact.
Fields marked "extension" are reprieve's additions to the format.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from reprieve.case.types import PDate, QuantityField

NonNegInt = Annotated[int, Field(ge=0)]


class Model(BaseModel):
    """Unknown keys are kept (and reported as warnings by the reader), not rejected."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_yes_for_a_number(cls, value: Any, info: ValidationInfo) -> Any:
        """`months: yes` is a wrong type, not 1 month: a number field never takes true or false."""
        if isinstance(value, bool) and info.field_name is not None:
            annotation = str(cls.model_fields[info.field_name].annotation)
            if "int" in annotation and "bool" not in annotation:
                raise ValueError("must be a whole number, not true or false")
        return value


StatedMonths = Annotated[int, Field(ge=0)] | Literal["life"]


class AgeOn(Model):
    date: PDate = Field(description="the date the age was stated (e.g. the date of a court order)")
    age: Annotated[int, Field(ge=0, le=130)] = Field(description="the age in years on that date")


class Person(Model):
    name: str | None = None
    register_number: str | None = Field(default=None, pattern=r"^\d{5}-\d{3}$",
                                        description="BOP register number, 12345-678")
    born: PDate | None = Field(default=None, description="date of birth, or the year only")
    sex: Literal["male", "female", "other"] | None = None
    facility: str | None = None
    final_removal_order: bool | None = Field(
        default=None, description="extension: subject to a final order of removal (18 U.S.C. 3632(d)(4)(E))")
    age_on: AgeOn | None = Field(
        default=None, description="an age stated at a date, when the birth date is not known: {date, age}")
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
        description="the language the person reads best, as a code: 'en', 'es', ... (questions are asked in it when "
                    "reprieve has it)")


class Court(Model):
    district: str | None = Field(default=None, description="e.g. W.D.N.C., D. Md., S.D.N.Y.; the circuit is derived")
    docket: str | None = None
    judge: str | None = None


def _labels(value: Any) -> Any:
    if value is None or isinstance(value, list):
        return value
    return [value]


class CountDrug(Model):
    drug: str = Field(description="as in counts[].drug: marijuana, cocaine, cocaine_base, heroin, ...")
    quantity: QuantityField | None = Field(default=None, description="the quantity of this substance that fixed the "
                                                                     "statutory range, with unit")


class Count(Model):
    count: str | None = Field(default=None, description="label in the judgment: '1', '1s', '3'")
    statute: str | None = Field(default=None, description="offense of conviction as written: 21 U.S.C. § 846")
    penalty: str | None = Field(default=None, description="penalty provision: 21 U.S.C. § 841(b)(1)(A)")
    offense_began: PDate | None = None
    offense_ended: PDate | None = None
    drug: str | None = None
    quantity: QuantityField | None = None
    months: NonNegInt | None = None
    days: NonNegInt | None = None
    life: bool | None = None
    concurrent_with: list[str] | None = None
    consecutive_to: list[str] | None = None
    second_or_subsequent: bool | None = None
    death_or_serious_bodily_injury: bool | None = Field(
        default=None, description="extension: death or serious bodily injury resulted (841(b)(1)(A)-(C))")
    firearm_conduct: Literal["possess", "brandish", "discharge"] | None = Field(
        default=None, description="extension: 924(c): the firearm was used, carried or possessed ('possess'), "
                                  "brandished or discharged (18 U.S.C. 924(c)(1)(A)(i)-(iii)); unset: read from "
                                  "the penalty provision when it says")
    firearm_type: Literal["firearm", "short_barreled_rifle", "short_barreled_shotgun", "semiautomatic_assault_weapon",
                          "machinegun", "destructive_device", "silencer"] | None = Field(
        default=None, description="extension: 924(c): the kind of weapon (18 U.S.C. 924(c)(1)(B)); 'firearm' for "
                                  "none of the listed kinds")
    resentenced_on: PDate | None = Field(
        default=None, description="extension: date of a plenary resentencing on this count after its earlier "
                                  "sentence was vacated (Hewitt v. United States, 2025); not a 3582(c) reduction")
    safety_valve_applied: bool | None = Field(
        default=None, description="extension: the court sentenced this count under the safety valve "
                                  "(18 U.S.C. 3553(f)), without regard to the mandatory minimum")
    safety_valve_other_criteria_met: bool | None = Field(
        default=None, description="extension: 18 U.S.C. 3553(f)(2)-(5) are met: no violence, threat or weapon; no "
                                  "death or serious bodily injury; no aggravating role or CCE; truthful disclosure")
    fsa404_motion: Literal["none", "granted", "denied_on_merits", "denied_not_on_merits"] | None = Field(
        default=None, description="extension: an earlier motion under First Step Act section 404 on this count and "
                                  "how it ended ('none' if there was none): section 404(c) limits")
    drugs: list[CountDrug] | None = Field(
        default=None, description="for a count over several substances: each {drug, quantity}, instead of drug and "
                                  "quantity (the substance with the highest penalty sets the range)")
    statutory_minimum_months: StatedMonths | None = Field(
        default=None, description="the statutory minimum as the court stated it for this count (months, or 'life'): "
                                  "a fact that settles the penalty alternatives")
    statutory_maximum_months: StatedMonths | None = Field(
        default=None, description="the statutory maximum as the court stated it for this count (months, or 'life')")

    @field_validator("concurrent_with", "consecutive_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return _labels(value)

    @field_validator("count", mode="before")
    @classmethod
    def _label_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Enhancement(Model):
    kind: Literal["851", "career_offender", "acca"]
    priors: list[NonNegInt] | None = None
    priors_at_least: NonNegInt | None = Field(
        default=None, description="for an 851 enhancement whose priors are not described: how many prior "
                                  "convictions it charged, at least")

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


RangeEnd = Annotated[int, Field(ge=0)] | Literal["life"]


class GuidelineDrug(Model):
    drug: str = Field(description="as in counts[].drug; also ice, pcp_actual, amphetamine(_actual), hashish, "
                                  "hashish_oil, mdma, oxycodone_actual, schedule_iii/iv/v (units), ...")
    quantity: QuantityField = Field(description="weight, marijuana plants, LSD doses, or units (Schedules III-V)")
    purity_percent: Annotated[float, Field(gt=0, le=100)] | None = Field(
        default=None, description="purity, for the 'actual' weight of methamphetamine, amphetamine, PCP")


class ZeroPointFacts(Model):
    terrorism_adjustment: bool | None = Field(default=None, description="§3A1.4 adjustment (§4C1.1(a)(2))")
    sex_offense: bool | None = Field(default=None, description="the instant offense is a sex offense ((a)(5))")
    substantial_financial_hardship: bool | None = Field(
        default=None, description="personally caused substantial financial hardship ((a)(6))")
    civil_rights_offense: bool | None = Field(default=None, description="covered by §2H1.1 ((a)(8))")
    victim_adjustment: bool | None = Field(default=None, description="§3A1.1 or §3A1.5 adjustment ((a)(9))")
    continuing_criminal_enterprise: bool | None = Field(
        default=None, description="engaged in a continuing criminal enterprise, 21 U.S.C. 848 ((a)(11))")


class SentencingGuidelines(Model):
    manual: int | None = Field(default=None, ge=1987, le=2100, description="year of the Guidelines Manual used")
    base_offense_level: Annotated[int, Field(ge=1, le=43)] | None = None
    total_offense_level: Annotated[int, Field(ge=1, le=43)] | None = None
    criminal_history_points: NonNegInt | None = None
    status_points: NonNegInt | None = None
    criminal_history_category: Literal["I", "II", "III", "IV", "V", "VI"] | None = None
    career_offender: bool | None = None
    range_months: list[RangeEnd] | None = Field(default=None, min_length=2, max_length=2)
    departure_or_variance: str | None = None
    aggravating_role: bool | None = Field(
        default=None, description="extension: §3B1.1 organizer/leader/manager/supervisor finding")
    drug_quantities: list[GuidelineDrug] | None = Field(
        default=None, description="extension: each substance and quantity the court found for the guideline "
                                  "calculation (USSG §2D1.1(c), relevant conduct §1B1.3), which may exceed the "
                                  "quantity that fixed the statutory range")
    death_or_serious_bodily_injury: bool | None = Field(
        default=None, description="extension: death or serious bodily injury resulted (USSG §2D1.1(a)(1)-(2), "
                                  "§4C1.1(a)(4)); unset: read from the counts")
    prior_similar_conviction: bool | None = Field(
        default=None, description="extension: with death or serious bodily injury, a prior conviction for a "
                                  "similar offense (USSG §2D1.1(a)(1), level 43)")
    weapon: bool | None = Field(
        default=None, description="extension: a dangerous weapon was possessed in connection with the offense "
                                  "(USSG §2D1.1(b)(1); §4C1.1(a)(7))")
    violence: bool | None = Field(
        default=None, description="extension: violence or a credible threat of violence (USSG §2D1.1(b)(2); "
                                  "§4C1.1(a)(3))")
    safety_valve_reduction: bool | None = Field(
        default=None, description="extension: the 2-level safety-valve reduction was applied (USSG §2D1.1(b)(18))")
    mitigating_role_levels: Literal[0, 2, 3, 4] | None = Field(
        default=None, description="extension: levels of a §3B1.2 mitigating-role adjustment (0 if none)")
    other_adjustments: int | None = Field(
        default=None, description="extension: net levels of every other Chapter Two and Three adjustment found "
                                  "(e.g. aggravating role +2 to +4, obstruction +2); 0 if none")
    acceptance: bool | None = Field(
        default=None, description="extension: the court granted acceptance of responsibility (USSG §3E1.1(a))")
    acceptance_government_motion: bool | None = Field(
        default=None, description="extension: the government moved for the additional level (USSG §3E1.1(b))")
    under_criminal_justice_sentence: bool | None = Field(
        default=None, description="extension: the offense was committed under a criminal justice sentence "
                                  "(probation, parole, supervised release, imprisonment, work release, escape): "
                                  "status points, USSG §4A1.1(d) before and (e) after Amendment 821")
    recency_points: NonNegInt | None = Field(
        default=None, description="extension: recency points (USSG §4A1.1(e) before Amendment 742, 2010)")
    zero_point_facts: ZeroPointFacts | None = Field(
        default=None, description="extension: the facts of USSG §4C1.1(a)(2), (5), (6), (8), (9), (11) not "
                                  "recorded elsewhere")
    substantial_assistance: bool | None = Field(
        default=None, description="extension: the sentence was below the range on a government motion for "
                                  "substantial assistance (USSG §5K1.1, 18 U.S.C. 3553(e), Rule 35(b)); "
                                  "USSG §1B1.10(b)(2)(B)")
    statutory_minimum_months: NonNegInt | None = Field(
        default=None, description="extension: the statutory minimum of the counts the range covers, if the "
                                  "judgment or presentence report states it; unset: derived from the counts")
    statutory_maximum_months: RangeEnd | None = Field(
        default=None, description="extension: the statutory maximum of the counts the range covers (months or "
                                  "'life'), if stated; unset: derived from the counts")


class Judgment(Model):
    imposed_on: PDate | None = None
    amended_on: PDate | None = None
    relation: Literal["concurrent", "consecutive"] | None = None
    counts: list[Count] = Field(default_factory=list)
    enhancements: list[Enhancement] | None = None
    supervised_release_months: NonNegInt | None = None
    guidelines: SentencingGuidelines | None = None
    total_months: NonNegInt | None = Field(
        default=None, description="the total term as the judgment states it ('a total term of 420 months'): used "
                                  "when the term of each count is not known, and checked against the counts")
    total_days: NonNegInt | None = Field(default=None, description="days of the total term, beside total_months")
    total_life: bool | None = Field(default=None, description="the judgment's total term is life")


class Prior(Model):
    description: str | None = None
    jurisdiction: str | None = None
    statute: str | None = None
    kind: Literal["drug_felony", "violent_felony", "924c", "other_felony", "misdemeanor"] | None = None
    convicted_on: PDate | None = None
    final_on: PDate | None = None
    sentence_months: NonNegInt | None = None
    served_months: NonNegInt | None = None
    released_on: PDate | None = None
    max_months: NonNegInt | None = None
    drug_related: bool | None = Field(
        default=None, description="extension: the offense related to controlled substances (21 U.S.C. 802(44); "
                                  "844(a)); implied by kind 'drug_felony'")
    trafficking: bool | None = Field(
        default=None, description="extension: the offense involved manufacturing, distributing, or possessing with "
                                  "intent to manufacture or distribute (18 U.S.C. 924(e)(2)(A)(ii))")
    described_in_3559c2: bool | None = Field(
        default=None, description="extension: the offense is one described in 18 U.S.C. 3559(c)(2), or would be a "
                                  "felony under 18 U.S.C. 113 in the special maritime and territorial jurisdiction "
                                  "(21 U.S.C. 802(58))")
    crime_of_violence: bool | None = Field(
        default=None, description="extension: a crime of violence as defined in 18 U.S.C. 16 (3553(f)(1)(C))")
    history_points: NonNegInt | None = Field(
        default=None, description="extension: criminal-history points this prior received at the sentencing "
                                  "(USSG §4A1.1), which decide 18 U.S.C. 3553(f)(1)")

    @field_validator("kind", mode="before")
    @classmethod
    def _kind_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


RiskLevel = Literal["minimum", "low", "medium", "high"]


class RiskAssessment(Model):
    on: PDate
    level: RiskLevel


class Fsa(Model):
    eligible: bool | None = None
    earning_since: PDate | None = None
    risk_levels: list[RiskAssessment] | None = None
    programming_days: NonNegInt | None = None
    credits_days: NonNegInt | None = None
    applied_to_release_days: NonNegInt | None = None


class Rdap(Model):
    completed_on: PDate | None = None
    reduction_months: Annotated[int, Field(ge=0, le=12)] | None = None


class BopReported(Model):
    full_term_date: PDate | None = None
    statutory_release_date: PDate | None = None
    projected_release_date: PDate | None = None
    release_method: str | None = None
    home_detention_date: PDate | None = None
    gct_earned_days: NonNegInt | None = None


class ServedStated(Model):
    as_of: PDate = Field(description="the date the time served was stated on")
    months: NonNegInt | None = Field(default=None, description="months served by then (with days)")
    days: NonNegInt | None = Field(default=None, description="days served by then, beside months")
    percent: Annotated[float, Field(ge=0, le=100)] | None = Field(
        default=None, description="or the share of the term served by then, in percent")


class HomeConfinement(Model):
    since: PDate | None = Field(default=None, description="the date home confinement began")
    authority: Literal["cares_act", "3624c"] | None = Field(
        default=None, description="'cares_act' (CARES Act § 12003(b)(2)) or '3624c' (prerelease home confinement, "
                                  "18 U.S.C. 3624(c)(2))")


class Custody(Model):
    arrested_on: PDate | None = None
    continuous_since_arrest: bool | None = None
    commenced_on: PDate | None = None
    prior_custody_days: NonNegInt | None = None
    gct_disallowed_days: NonNegInt | None = None
    gct_forfeited_days: NonNegInt | None = None
    gct_rate: Literal[54, 42] | None = None
    fsa: Fsa | None = None

    @field_validator("gct_rate", mode="before")
    @classmethod
    def _rate_as_number(cls, value: Any) -> Any:
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value
    rdap: Rdap | None = None
    bop: BopReported | None = None
    arrived_at_facility_on: PDate | None = Field(
        default=None,
        description="extension: arrival at the designated BOP facility (FSA credits start there before 2026-09-30)")
    primary_jurisdiction: Literal["federal", "state"] | None = Field(
        default=None,
        description="extension: sovereign with primary custody; 'state' is outside what reprieve computes")
    time_credited_elsewhere: bool | None = Field(
        default=None, description="extension: presentence time was credited against another sentence (3585(b))")
    bop_not_danger_determination: bool | None = Field(
        default=None, description="extension: the BOP Director has determined the person is not a danger to others "
                                  "or the community (18 U.S.C. 3582(c)(1)(A)(ii))")
    served: ServedStated | None = Field(
        default=None, description="time served as stated at a date, when commencement or jail credit is not known: "
                                  "{as_of, months, days} or {as_of, percent} ('19 years 8 months as of 2023-07-06')")
    home_confinement: HomeConfinement | None = Field(
        default=None, description="serving the sentence in home confinement: {since, authority}")


class Request(Model):
    to: Literal["warden", "regional_director", "general_counsel"] | None = None
    kind: Literal["reduction_in_sentence", "bp9", "bp10", "bp11"] | None = None
    submitted_on: PDate | None = None
    received_on: PDate | None = None
    grounds: str | None = None
    response: Literal["denied", "approved", "none"] | None = None
    responded_on: PDate | None = None
    facility: str | None = None
    grounds_raised: list[Literal["b1a", "b1b", "b1c", "b1d", "b2", "b3a", "b3b", "b3c", "b3d", "b4", "b5",
                                 "b6"]] | None = Field(
        default=None, description="the USSG §1B1.13(b) grounds the request raised (b1a ... b6): some courts require "
                                  "the motion to raise the same grounds (issue exhaustion)")


class Fact(Model):
    description: str | None = None
    since: PDate | None = None
    source: str | None = None


class MedicalFact(Fact):
    condition: str | None = None
    terminal: bool | None = None
    life_expectancy_months: NonNegInt | None = None
    self_care_diminished: bool | None = None
    care_not_provided: bool | None = None
    diagnosed_on: PDate | None = None
    recovery_expected: bool | None = Field(
        default=None, description="extension: expected to recover from the condition (§1B1.13(b)(1)(B))")
    risk_without_care: bool | None = Field(
        default=None, description="extension: without the care not being provided, at risk of serious deterioration "
                                  "in health or death (§1B1.13(b)(1)(C))")
    outbreak_at_facility: bool | None = Field(
        default=None, description="extension: the facility is affected or at imminent risk of an ongoing infectious "
                                  "disease outbreak or public health emergency (§1B1.13(b)(1)(D)(i))")
    personal_risk_factors: bool | None = Field(
        default=None, description="extension: personal health risk factors put the person at increased risk of "
                                  "severe complications or death from it (§1B1.13(b)(1)(D)(ii))")
    risk_not_mitigable: bool | None = Field(
        default=None, description="extension: that risk cannot be adequately mitigated in a timely manner "
                                  "(§1B1.13(b)(1)(D)(iii))")
    confined_to_bed_or_chair: bool | None = Field(
        default=None, description="extension: confined to a bed or chair more than half of waking hours "
                                  "(BOP PS 5050.50 'debilitated')")


class AgeRelatedFact(Fact):
    serious_deterioration: bool | None = None


class FamilyFact(Fact):
    relation: Literal["minor_child", "adult_child_incapacitated", "spouse", "partner", "parent", "sibling",
                      "grandchild", "grandparent", "other", "child"] | None = None
    situation: Literal["caregiver_died", "caregiver_incapacitated", "incapacitated"] | None = None
    only_available_caregiver: bool | None = None
    name: str | None = Field(
        default=None, description="extension: the family member's name; a minor's is printed as initials only "
                                  "(Fed. R. Crim. P. 49.1(a)(3))")


class AbuseFact(Fact):
    kind: Literal["sexual", "physical"] | None = None
    by_staff: bool | None = None
    established_by: Literal["conviction", "finding", "pending"] | None = None


class Infraction(Model):
    on: PDate | None = None
    code: str | None = None
    severity: Literal["greatest", "high", "moderate", "low"] | None = None
    description: str | None = None


class ConductFact(Fact):
    infractions: list[Infraction] | None = None
    programs: list[str] | None = None
    education: str | None = None
    work: str | None = None


class OtherFact(Fact):
    attacks_conviction: bool | None = Field(
        default=None, description="extension: the reason questions the validity of the conviction or sentence "
                                  "(innocence, trial or sentencing error): 28 U.S.C. 2255 territory (Fernandez)")


class Circumstances(Model):
    medical: list[MedicalFact] | None = None
    age_related: list[AgeRelatedFact] | None = None
    family: list[FamilyFact] | None = None
    abuse: list[AbuseFact] | None = None
    conduct: list[ConductFact] | None = None
    other: list[OtherFact] | None = None


class ReleasePlan(Model):
    residence: str | None = None
    household: str | None = None
    support: str | None = None
    medical_care: str | None = None


RulingKind = Literal["exhaustion_satisfied", "covered_offense_404", "resentenced", "motion_denied", "motion_granted",
                     "other"]


class Ruling(Model):
    kind: RulingKind = Field(description="what the court decided: exhaustion_satisfied, covered_offense_404, "
                                         "resentenced (a 404, 3582(c)(2) or other reduction), motion_denied, "
                                         "motion_granted, other")
    on: PDate | None = Field(default=None, description="the date of the ruling")
    court: str | None = Field(default=None, description="the court that ruled")
    description: str | None = Field(default=None, description="what the ruling says, in a sentence")
    new_months: NonNegInt | None = Field(
        default=None, description="for 'resentenced': the new total term in months (of the judgment, or of `count`)")
    count: str | None = Field(default=None, description="extension: the count label the ruling is about, if one")
    judgment: NonNegInt | None = Field(default=None, description="extension: which judgment (index), if not the "
                                                                 "first")
    avenue: Literal["3582(c)(1)(A)", "3582(c)(2)", "FSA 404", "2255", "other"] | None = Field(
        default=None, description="extension: the kind of motion a motion_denied or motion_granted ruling decided")

    @field_validator("count", mode="before")
    @classmethod
    def _label_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Case(Model):
    """One person, one file (case-format.md, format 1)."""

    format: Literal[1] = 1
    as_of: PDate | None = Field(default=None, description="date to assess on (default: today); must be a full date")
    person: Person = Field(default_factory=Person)
    court: Court = Field(default_factory=Court)
    judgments: list[Judgment] = Field(default_factory=list)
    priors: list[Prior] = Field(default_factory=list)
    custody: Custody = Field(default_factory=Custody)
    requests: list[Request] = Field(default_factory=list)
    circumstances: Circumstances = Field(default_factory=Circumstances)
    release_plan: ReleasePlan | None = None
    rulings: list[Ruling] = Field(
        default_factory=list, description="what a court already decided in this case, which reprieve takes as settled")


def case_json_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "reprieve case file (format 1)"
    return schema
