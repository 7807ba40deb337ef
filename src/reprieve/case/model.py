"""The case file (format 1): one person, every judgment, the facts the rules need.

The names follow docs/case-format.md, a contract other tools rely on: fields are added, never renamed.
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
    name: str | None = Field(default=None, description="Full name as on the judgment.")
    register_number: str | None = Field(default=None, pattern=r"^\d{5}-\d{3}$",
                                        description="BOP register number, 12345-678")
    born: PDate | None = Field(default=None, description="date of birth, or the year only")
    sex: Literal["male", "female", "other"] | None = Field(
        default=None, description="male, female or other (decides how a motion refers to the person: 'Mr.', 'Ms.').")
    facility: str | None = Field(
        default=None, description="The BOP institution where the person is held now, e.g. 'FCI Cumberland'.")
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
    docket: str | None = Field(default=None, description="The case number, e.g. '3:07-cr-00162-FDW-3'.")
    judge: str | None = Field(default=None, description="The sentencing judge's name.")


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
    offense_began: PDate | None = Field(
        default=None, description="Date the offense began (the 15-year look-back of 21 U.S.C. 802(57) runs from it).")
    offense_ended: PDate | None = Field(default=None, description="Date the offense ended.")
    drug: str | None = Field(
        default=None, description="The controlled substance: marijuana, cocaine, cocaine_base, heroin, "
                                  "methamphetamine, methamphetamine_actual,\n"
                                  "fentanyl, fentanyl_analogue, pcp, lsd, mdma, ...")
    quantity: QuantityField | None = Field(
        default=None, description="The quantity that fixed the statutory range (the jury's finding or the plea), "
                                  "with its unit: '1000 kg',\n"
                                  "'280 g', '100 plants'.")
    months: NonNegInt | None = Field(
        default=None, description="The prison term on this count, in months ('12 months and 1 day': 12 here and 1 in "
                                  "days).")
    days: NonNegInt | None = Field(default=None, description="Days of the term on this count beyond whole months.")
    life: bool | None = Field(
        default=None, description="true when the term on this count is life imprisonment (then leave months unset).")
    concurrent_with: list[str] | None = Field(
        default=None, description="Labels of the counts this term runs at the same time as; unset: concurrent (18 "
                                  "U.S.C. 3584(a)).")
    consecutive_to: list[str] | None = Field(
        default=None, description="Labels of the counts this term follows ('consecutive to Count 1'); 924(c) terms "
                                  "are consecutive by statute.")
    second_or_subsequent: bool | None = Field(
        default=None, description="924(c) only: true if the court sentenced this count as a second or subsequent "
                                  "conviction (pre-2018 stacking).")
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
    nature_of_offense: str | None = Field(
        default=None, description="extension: the judgment's 'Nature of Offense' column, as written")
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
    kind: Literal["851", "career_offender", "acca"] = Field(
        description="'851' (an information under 21 U.S.C. 851 charging prior drug convictions), 'career_offender' "
                    "(USSG §4B1.1) or\n"
                    "'acca' (18 U.S.C. 924(e)).")
    priors: list[NonNegInt] | None = Field(
        default=None, description="For '851': the positions in `priors` (from 0) of the prior convictions the "
                                  "information named.")
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
    base_offense_level: Annotated[int, Field(ge=1, le=43)] | None = Field(
        default=None, description="Base offense level found at sentencing (presentence report).")
    total_offense_level: Annotated[int, Field(ge=1, le=43)] | None = Field(
        default=None, description="Total offense level found at sentencing (Statement of Reasons, part I).")
    criminal_history_points: NonNegInt | None = Field(
        default=None, description="Criminal history points found at sentencing, status points included.")
    status_points: NonNegInt | None = Field(
        default=None, description="Points for committing the offense under a criminal justice sentence (USSG "
                                  "§4A1.1(d), later (e)).")
    criminal_history_category: Literal["I", "II", "III", "IV", "V", "VI"] | None = Field(
        default=None, description="Criminal history category I to VI found at sentencing.")
    career_offender: bool | None = Field(
        default=None, description="true if the court found the person a career offender (USSG §4B1.1).")
    range_months: list[RangeEnd] | None = Field(default=None, min_length=2, max_length=2, description="The guideline "
        "range found at sentencing, [low, high] in months ('life' allowed): Statement of Reasons, part\n"
        "III.")
    departure_or_variance: str | None = Field(
        default=None, description="A departure or variance from the range, in words (e.g. 'downward variance to 180 "
                                  "months').")
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
    acceptance_additional_level: bool | None = Field(
        default=None, description="extension: the court granted the additional level of USSG §3E1.1(b) - the fact "
                                  "that decides it for a sentence from Nov. 1, 1992 to Apr. 29, 2003, when no "
                                  "government motion was needed")
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
    imposed_on: PDate | None = Field(default=None, description="Date the sentence was imposed.")
    amended_on: PDate | None = Field(
        default=None, description="Date of an amended judgment that changed the term, if any.")
    relation: Literal["concurrent", "consecutive"] | None = Field(
        default=None, description="How this judgment runs with the ones before it: 'concurrent' or 'consecutive' "
                                  "(unset: 18 U.S.C. 3584(a)).")
    counts: list[Count] = Field(default_factory=list, description="Every count of conviction with its term, in the "
        "judgment's order.")
    enhancements: list[Enhancement] | None = Field(
        default=None, description="Sentencing enhancements applied ('851', 'career_offender', 'acca'); an empty list "
                                  "means none.")
    supervised_release_months: NonNegInt | None = Field(
        default=None, description="Total term of supervised release, in months.")
    guidelines: SentencingGuidelines | None = Field(
        default=None, description="The guideline calculation as found at sentencing (Statement of Reasons, "
                                  "presentence report).")
    district: str | None = Field(
        default=None, description="extension: this judgment's court, when the case has judgments from more than one "
                                  "(as court.district).")
    docket: str | None = Field(default=None, description="extension: this judgment's case number (as court.docket).")
    counts_dismissed: list[str] | None = Field(
        default=None, description="extension: counts dismissed on the motion of the United States, as the judgment "
                                  "lists them.")
    amendment_reason: str | None = Field(
        default=None, description="extension: an amended judgment's reason for amendment (AO 245C), as written.")
    total_months: NonNegInt | None = Field(
        default=None, description="the total term as the judgment states it ('a total term of 420 months'): used "
                                  "when the term of each count is not known, and checked against the counts")
    total_days: NonNegInt | None = Field(default=None, description="days of the total term, beside total_months")
    total_life: bool | None = Field(default=None, description="the judgment's total term is life")


class Prior(Model):
    description: str | None = Field(
        default=None, description="The prior conviction in words, e.g. 'possession with intent to distribute "
                                  "cocaine, N.C. Superior Court'.")
    jurisdiction: str | None = Field(
        default=None, description="Where the prior conviction was entered: a state (e.g. 'NC') or 'federal'.")
    statute: str | None = Field(default=None, description="The statute of the prior conviction, as written.")
    kind: Literal["drug_felony", "violent_felony", "924c", "other_felony", "misdemeanor"] | None = Field(
        default=None, description="drug_felony, violent_felony, 924c, other_felony or misdemeanor.")
    convicted_on: PDate | None = Field(default=None, description="Date of the prior conviction.")
    final_on: PDate | None = Field(default=None, description="Date the prior conviction became final (no more appeal).")
    sentence_months: NonNegInt | None = Field(
        default=None, description="The prison term imposed for the prior, in months.")
    served_months: NonNegInt | None = Field(
        default=None, description="Time actually served for the prior, in months (more than 12 is needed for a "
                                  "'serious drug felony').")
    released_on: PDate | None = Field(
        default=None, description="Date of release from the prior's prison term (the 15-year look-back of 21 U.S.C. "
                                  "802(57)).")
    max_months: NonNegInt | None = Field(
        default=None, description="The statutory maximum of the prior offense, in months (decides 21 U.S.C. 802(57) "
                                  "and 18 U.S.C. 924(e)(2)).")
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
    on: PDate = Field(description="Date of the PATTERN risk assessment.")
    level: RiskLevel = Field(description="PATTERN recidivism risk level: minimum, low, medium or high.")


class Fsa(Model):
    eligible: bool | None = Field(
        default=None, description="Eligible to earn First Step Act time credits (unset: derived from the offenses of "
                                  "conviction, 18 U.S.C.\n"
                                  "3632(d)(4)(D)).")
    earning_since: PDate | None = Field(
        default=None, description="Date the person began earning FSA time credits, if the BOP states it.")
    risk_levels: list[RiskAssessment] | None = Field(
        default=None, description="Each PATTERN risk assessment with its date ('FSA Recidivism Risk Assessment' "
                                  "sheet).")
    programming_days: NonNegInt | None = Field(
        default=None, description="Days in eligible programs or productive activities, if known.")
    credits_days: NonNegInt | None = Field(
        default=None, description="FSA time credits earned, in days, as the BOP reports them ('FSA Time Credit "
                                  "Assessment').")
    applied_to_release_days: NonNegInt | None = Field(
        default=None, description="FSA time credits the BOP has applied toward early release, in days (at most 365).")


class Rdap(Model):
    completed_on: PDate | None = Field(
        default=None, description="Date the Residential Drug Abuse Program was completed.")
    reduction_months: Annotated[int, Field(ge=0, le=12)] | None = Field(
        default=None, description="Months of early release granted for RDAP (18 U.S.C. 3621(e)(2)(B); at most 12).")


class BopReported(Model):
    sheet_as_of: PDate | None = Field(
        default=None, description="The date the BOP's computation sheet (or letter) was printed: its figures are as "
                                  "of that day.")
    computation_began_on: PDate | None = Field(
        default=None, description="The BOP's 'Date Computation Began' (when the sentence commenced, 18 U.S.C. "
                                  "3585(a)).")
    jail_credit_days: NonNegInt | None = Field(
        default=None, description="Prior custody credit the BOP applied ('Jail Credit'), in days.")
    full_term_date: PDate | None = Field(default=None, description="The BOP's full term date.")
    statutory_release_date: PDate | None = Field(
        default=None, description="The BOP's release date with good conduct time (its 'statutory release date').")
    projected_release_date: PDate | None = Field(default=None, description="The BOP's projected release date.")
    release_method: str | None = Field(
        default=None, description="How the BOP projects release, as written on the sheet (e.g. 'GCT REL', 'FSA "
                                  "REL').")
    home_detention_date: PDate | None = Field(
        default=None, description="The BOP's home detention eligibility date ('Home Detention Eligibility Date').")
    gct_earned_days: NonNegInt | None = Field(
        default=None, description="Good conduct time the BOP counts as earned, in days ('Total GCT Earned').")
    gct_disallowed_days: NonNegInt | None = Field(
        default=None, description="Good conduct time the BOP reports as disallowed, in days.")
    fsa_credits_days: NonNegInt | None = Field(
        default=None, description="First Step Act time credits the BOP reports, in days.")
    gct_earned_and_projected_days: NonNegInt | None = Field(
        default=None, description="extension: 'TOTAL GCT EARNED AND PROJECTED' on the computation sheet, in days.")
    gct_forfeited_days: NonNegInt | None = Field(
        default=None, description="extension: good conduct time the BOP reports as forfeited, in days.")


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
    arrested_on: PDate | None = Field(
        default=None, description="Date of the arrest on the federal charge (YYYY-MM or YYYY when only that much is "
                                  "known).")
    continuous_since_arrest: bool | None = Field(
        default=None, description="true if in custody without a break from the arrest to the sentence (no bail, no "
                                  "release).")
    commenced_on: PDate | None = Field(
        default=None, description="Date the sentence commenced (18 U.S.C. 3585(a)); unset: the first judgment's "
                                  "imposed_on when in custody.")
    prior_custody_days: NonNegInt | None = Field(
        default=None, description="Jail credit: days in custody before the sentence began that count toward it (18 "
                                  "U.S.C. 3585(b)).")
    gct_disallowed_days: NonNegInt | None = Field(
        default=None, description="Good conduct time disallowed for discipline, in days.")
    gct_forfeited_days: NonNegInt | None = Field(
        default=None, description="Good conduct time forfeited for discipline, in days (FGCT).")
    gct_rate: Literal[54, 42] | None = Field(
        default=None, description="Good conduct time per year: 54 (the default) or 42 (no progress toward a GED, 28 "
                                  "C.F.R. 523.20(c)).")
    fsa: Fsa | None = Field(
        default=None, description="First Step Act time credits: eligibility, risk levels and credits as the BOP "
                                  "reports them.")

    @field_validator("gct_rate", mode="before")
    @classmethod
    def _rate_as_number(cls, value: Any) -> Any:
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value
    rdap: Rdap | None = Field(
        default=None, description="Residential Drug Abuse Program completion and the early release it earned.")
    bop: BopReported | None = Field(
        default=None, description="The BOP's own dates, as on its Sentence Monitoring Computation Data sheet, to "
                                  "compare with reprieve's.")
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
    in_custody_on: PDate | None = Field(
        default=None, description="extension: a day the person was known to be still in prison (for example today): "
                                  "it keeps the avenues that shorten imprisonment open when the projected release "
                                  "date has passed (good conduct time lost, another sentence)")


class Request(Model):
    to: Literal["warden", "regional_director", "general_counsel"] | None = Field(
        default=None, description="Who the request went to: warden, regional_director or general_counsel.")
    kind: Literal["reduction_in_sentence", "bp9", "bp10", "bp11"] | None = Field(
        default=None, description="reduction_in_sentence (the request to the warden), bp9, bp10 or bp11 "
                                  "(administrative remedy appeals).")
    submitted_on: PDate | None = Field(default=None, description="Date the request was sent or handed to staff.")
    received_on: PDate | None = Field(
        default=None, description="Date the warden received the request (the date stamped on it or on the response): "
                                  "the 30 days of 18 U.S.C.\n"
                                  "3582(c)(1)(A) run from it.")
    grounds: str | None = Field(
        default=None, description="The reasons the request gave, in its own words (some courts hold a motion to the "
                                  "grounds raised here).")
    response: Literal["denied", "approved", "none"] | None = Field(
        default=None, description="The answer: denied, approved, or none (no answer yet).")
    responded_on: PDate | None = Field(default=None, description="Date of the answer.")
    facility: str | None = Field(default=None, description="The institution the request was sent to.")
    grounds_raised: list[Literal["b1a", "b1b", "b1c", "b1d", "b2", "b3a", "b3b", "b3c", "b3d", "b4", "b5",
                                 "b6"]] | None = Field(
        default=None, description="the USSG §1B1.13(b) grounds the request raised (b1a ... b6): some courts require "
                                  "the motion to raise the same grounds (issue exhaustion)")


class Fact(Model):
    description: str | None = Field(
        default=None, description="The fact in words. Write it as a neutral statement ('needs help to walk; uses a "
                                  "walker'), not in someone's\n"
                                  "first person: documents quote it.")
    since: PDate | None = Field(default=None, description="Date the fact began.")
    source: str | None = Field(
        default=None, description="The record that proves it (e.g. 'BOP medical record of 2026-08-15'): it becomes "
                                  "an exhibit.")


class MedicalFact(Fact):
    condition: str | None = Field(
        default=None, description="The diagnosis in a doctor's words, e.g. 'metastatic pancreatic cancer'.")
    terminal: bool | None = Field(
        default=None, description="true if a doctor says the illness is terminal (an end-of-life trajectory).")
    life_expectancy_months: NonNegInt | None = Field(
        default=None, description="Life expectancy a doctor gave, in months.")
    self_care_diminished: bool | None = Field(
        default=None, description="true if the condition substantially diminishes the ability to provide self-care "
                                  "in prison.")
    care_not_provided: bool | None = Field(
        default=None, description="true if long-term or specialized care the person needs is not being provided.")
    diagnosed_on: PDate | None = Field(default=None, description="Date of the diagnosis.")
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
    serious_deterioration: bool | None = Field(
        default=None, description="true if physical or mental health is seriously deteriorating because of aging.")


class FamilyFact(Fact):
    relation: Literal["minor_child", "adult_child_incapacitated", "spouse", "partner", "parent", "sibling",
                      "grandchild", "grandparent", "other", "child"] | None = Field(
        default=None, description="Who the family member is to the person in prison: minor_child, "
                                  "adult_child_incapacitated, child (a child\n"
                                  "whose age is not stated), spouse, partner, parent, sibling, grandchild, "
                                  "grandparent, other.")
    situation: Literal["caregiver_died", "caregiver_incapacitated", "incapacitated"] | None = Field(
        default=None, description="What happened: caregiver_died (a child's caregiver died), "
                                  "caregiver_incapacitated, or incapacitated (the\n"
                                  "family member cannot care for themselves).")
    only_available_caregiver: bool | None = Field(
        default=None, description="true if the person in prison would be the only available caregiver.")
    name: str | None = Field(
        default=None, description="extension: the family member's name; a minor's is printed as initials only "
                                  "(Fed. R. Crim. P. 49.1(a)(3))")


class AbuseFact(Fact):
    kind: Literal["sexual", "physical"] | None = Field(
        default=None, description="sexual or physical (physical abuse resulting in serious bodily injury).")
    by_staff: bool | None = Field(
        default=None, description="true if the abuser was a correctional officer or other BOP employee or "
                                  "contractor.")
    established_by: Literal["conviction", "finding", "pending"] | None = Field(
        default=None, description="How the abuse is established: conviction, finding (an administrative finding), or "
                                  "pending.")


class Infraction(Model):
    on: PDate | None = Field(default=None, description="Date of the incident ('Chronological Disciplinary Record').")
    code: str | None = Field(default=None, description="The prohibited-act code, e.g. '305'.")
    severity: Literal["greatest", "high", "moderate", "low"] | None = Field(
        default=None, description="greatest, high, moderate or low (the code's severity level, 28 C.F.R. 541.3).")
    description: str | None = Field(default=None, description="The infraction in words.")


class ConductFact(Fact):
    infractions: list[Infraction] | None = Field(
        default=None, description="Each disciplinary infraction ('Chronological Disciplinary Record').")
    programs: list[str] | None = Field(
        default=None, description="Programs and classes completed ('Inmate Education Data Transcript').")
    education: str | None = Field(default=None, description="Education earned in prison, e.g. 'GED'.")
    work: str | None = Field(default=None, description="Prison work, e.g. 'UNICOR, 6 years, good evaluations'.")


class OtherFact(Fact):
    attacks_conviction: bool | None = Field(
        default=None, description="extension: the reason questions the validity of the conviction or sentence "
                                  "(innocence, trial or sentencing error): 28 U.S.C. 2255 territory (Fernandez)")


class Circumstances(Model):
    medical: list[MedicalFact] | None = Field(
        default=None, description="Illnesses and conditions: the facts behind USSG §1B1.13(b)(1).")
    age_related: list[AgeRelatedFact] | None = Field(
        default=None, description="Decline because of aging: USSG §1B1.13(b)(2).")
    family: list[FamilyFact] | None = Field(
        default=None, description="Family members who need the person as caregiver: USSG §1B1.13(b)(3).")
    abuse: list[AbuseFact] | None = Field(default=None, description="Abuse suffered in custody: USSG §1B1.13(b)(4).")
    conduct: list[ConductFact] | None = Field(
        default=None, description="The record in prison: infractions, programs, education, work (USSG §1B1.13(d); 18 "
                                  "U.S.C. 3553(a)).")
    other: list[OtherFact] | None = Field(
        default=None, description="Any other reason of similar gravity: USSG §1B1.13(b)(5).")


class ReleasePlan(Model):
    residence: str | None = Field(
        default=None, description="The full address where the person would live (drafts show only the city and "
                                  "state, Fed. R. Crim. P. 49.1).")
    household: str | None = Field(default=None, description="Who lives there and how they are related to the person.")
    support: str | None = Field(
        default=None, description="How the person would support themselves: a job offer, benefits, family.")
    medical_care: str | None = Field(
        default=None, description="For a health-based request: the doctor or clinic, and how care would be paid for "
                                  "(Medicaid, Medicare,\n"
                                  "insurance).")


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

    format: Literal[1] = Field(default=1, description="The case file format: 1.")
    as_of: PDate | None = Field(default=None, description="date to assess on (default: today); must be a full date")
    person: Person = Field(default_factory=Person, description="The person in prison.")
    court: Court = Field(default_factory=Court, description="The sentencing court.")
    judgments: list[Judgment] = Field(default_factory=list, description="Every federal judgment being served, in the "
        "order imposed.")
    priors: list[Prior] = Field(default_factory=list, description="Earlier convictions that matter for 21 U.S.C. "
        "851, 924(c), career offender and criminal history.")
    custody: Custody = Field(default_factory=Custody, description="The facts the BOP computation uses: arrest, "
        "commencement, credits, good conduct time, FSA, RDAP.")
    requests: list[Request] = Field(default_factory=list, description="Requests to the warden and administrative "
        "appeals, with their dates.")
    circumstances: Circumstances = Field(default_factory=Circumstances, description="The facts behind each ground: "
        "medical, age, family, abuse, conduct, other.")
    release_plan: ReleasePlan | None = Field(
        default=None, description="Where the person would live and how they would be supported.")
    rulings: list[Ruling] = Field(
        default_factory=list, description="what a court already decided in this case, which reprieve takes as settled")


def case_json_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "reprieve case file (format 1)"
    return _one_line_descriptions(schema)  # type: ignore[no-any-return]


def _one_line_descriptions(node: Any) -> Any:
    """A description written over several source lines (an attribute docstring) reads as one line."""
    if isinstance(node, dict):
        return {k: " ".join(v.split()) if k == "description" and isinstance(v, str) else _one_line_descriptions(v)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_one_line_descriptions(v) for v in node]
    return node
