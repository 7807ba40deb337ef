"""Make the hand-made fixtures that imitate the ugliest real papers (run once; the files are committed).

    .venv/bin/python -m tests.intake.ugly.make

Each file has `<name>.expected.yaml` beside it: `fields` (what a careful reader takes from the paper) and `flagged`
(fields that must come out low-confidence or as questions, because no reader can be sure of them). The people are
invented.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import yaml

from tests.intake.degrade import _pages, photo_page
from tests.intake.forms import AMENDED, BY_NAME, JudgmentDoc, bop_sheet_pdf, judgment_pdf, without_character_maps

HERE = Path(__file__).parent


def _judgment(counts: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"imposed_on": "2011-05-17", "counts": counts, "supervised_release_months": 60}
    out.update(extra)
    return out


def lost_font_map() -> tuple[bytes, dict[str, Any], list[str]]:
    """A text layer whose fonts lost their character map: the page looks right, its text is gibberish."""
    counts = [{"count": "1", "statute": "21 U.S.C. § 846", "nature_of_offense": "Conspiracy to distribute 5 "
               "kilograms or more of cocaine", "offense_ended": "2010-03-02", "months": 168}]
    j = _judgment(counts, total_months=168)
    doc = JudgmentDoc("Eastern District of Virginia", "2:10CR00214-002", "Darnell Lee Pettiford", "77841-083",
                      "Leonie M. Brinkema", j, extra={"penalties_page": False})
    pdf = without_character_maps(judgment_pdf(doc, BY_NAME["ao245b_1125"]))
    fields = {"court.district": "E.D. Va.", "court.docket": "2:10CR00214-002", "person.name": "Darnell Lee Pettiford",
              "person.register_number": "77841-083", "judgments[0].imposed_on": "2011-05-17",
              "judgments[0].counts[0].count": "1", "judgments[0].counts[0].months": 168,
              "judgments[0].supervised_release_months": 60}
    return pdf, fields, []


def counts_over_two_sheets() -> tuple[bytes, dict[str, Any], list[str]]:
    """Five counts: the table runs onto Sheet 1A under its header again; cells wrap to three lines; the statutes
    in the '21:846' shorthand; count labels of a superseding indictment ('1s')."""
    nature = "Possession with intent to distribute and distribution of 28 grams or more of a mixture and substance " \
             "containing a detectable amount of cocaine base"
    counts = [
        {"count": "1s", "statute": "21:846 and 841(b)(1)(A)", "nature_of_offense": "Conspiracy to distribute and "
         "possess with intent to distribute 280 grams or more of cocaine base", "offense_ended": "2012-08-30",
         "months": 240},
        {"count": "2s", "statute": "21:841(a)(1) and 841(b)(1)(B)", "nature_of_offense": nature,
         "offense_ended": "2012-04-11", "months": 240},
        {"count": "3s", "statute": "21:841(a)(1) and 841(b)(1)(B)", "nature_of_offense": nature,
         "offense_ended": "2012-05-09", "months": 240},
        {"count": "5s", "statute": "18:924(c)(1)(A)(i)", "nature_of_offense": "Possession of a firearm in "
         "furtherance of a drug trafficking crime", "offense_ended": "2012-08-30", "months": 60,
         "consecutive_to": ["1s", "2s", "3s"]},
        {"count": "6s", "statute": "18:922(g)(1)", "nature_of_offense": "Possession of a firearm by a convicted "
         "felon", "offense_ended": "2012-08-30", "months": 120},
    ]
    j = _judgment(counts, imposed_on="2013-06-20", total_months=300, counts_dismissed=["4s"])
    doc = JudgmentDoc("Middle District of North Carolina", "1:12CR00398-1", "Antoine Marquis Whitfield",
                      "26011-057", "Catherine C. Blake", j, extra={"sheet_1a_from": 2})
    pdf = judgment_pdf(doc, BY_NAME["ao245b_0919"])
    fields = {"court.district": "M.D.N.C.", "court.docket": "1:12CR00398-1", "person.name": "Antoine Marquis Whitfield",
              "judgments[0].imposed_on": "2013-06-20", "judgments[0].total_months": 300,
              "judgments[0].counts_dismissed": ["4s"]}
    for n, c in enumerate(counts):
        fields[f"judgments[0].counts[{n}].count"] = c["count"]
        fields[f"judgments[0].counts[{n}].statute"] = "21 U.S.C. § " + c["statute"][3:] if c["statute"].startswith(
            "21:") else "18 U.S.C. § " + c["statute"][3:]
        fields[f"judgments[0].counts[{n}].offense_ended"] = c["offense_ended"]
        fields[f"judgments[0].counts[{n}].months"] = c["months"]
    fields["judgments[0].counts[3].consecutive_to"] = ["1s", "2s", "3s"]
    fields["judgments[0].counts[0].drug"] = "cocaine_base"
    fields["judgments[0].counts[0].quantity"] = "280 g"
    return pdf, fields, []


def handwritten_amendment() -> tuple[bytes, dict[str, Any], list[str]]:
    """An amended judgment whose printed term was struck through and a new one written in by hand."""
    counts = [{"count": "1", "statute": "21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)", "nature_of_offense":
               "Possession with intent to distribute 1 kilogram or more of heroin", "offense_ended": "2008-01-15",
               "months": 188}]
    j = _judgment(counts, imposed_on="2009-02-03", amended_on="2015-11-16", total_months=188,
                  amendment_reason="Modification of Imposed Term of Imprisonment for Retroactive Amendment(s) to "
                                   "the Sentencing Guidelines (18 U.S.C. § 3582(c)(2))")
    doc = JudgmentDoc("District of Maryland", "1:08-cr-00077-CCB-1", "Teresa Ann Holloway", "43390-037",
                      "Catherine C. Blake", j, extra={"printed_term": "TWO HUNDRED THIRTY-FIVE (235) MONTHS.",
                                                      "handwritten_term": "188 months *"})
    pdf = judgment_pdf(doc, AMENDED)
    fields = {"court.district": "D. Md.", "court.docket": "1:08-cr-00077-CCB-1", "person.name": "Teresa Ann Holloway",
              "person.register_number": "43390-037", "judgments[0].imposed_on": "2009-02-03",
              "judgments[0].amended_on": "2015-11-16",
              "judgments[0].amendment_reason": j["amendment_reason"]}
    # the printed 235 is struck out; whatever is read of the term must be asked, never taken silently
    return pdf, fields, ["judgments[0].total_months", "judgments[0].counts[0].months"]


def photographed_sheet() -> tuple[bytes, dict[str, Any], list[str]]:
    """A phone photo of the BOP sheet's computation page, at a slant, unevenly lit."""
    bop = {"sheet_as_of": "2024-02-14", "computation_began_on": "2013-06-20", "jail_credit_days": 293,
           "full_term_date": "2037-09-01", "statutory_release_date": "2033-12-06",
           "projected_release_date": "2032-12-06", "release_method": "FSA REL", "home_detention_date": "2032-06-06",
           "gct_earned_days": 540, "gct_earned_and_projected_days": 1350, "gct_disallowed_days": 0,
           "gct_forfeited_days": 0, "fsa_credits_days": 365}
    sheet = {"bop": bop, "name": "Antoine Marquis Whitfield", "register_number": "26011-057",
             "docket": "1:12CR398-1", "court_of_jurisdiction": "NORTH CAROLINA, MIDDLE DISTRICT",
             "judge": "Catherine C. Blake", "imposed_on": "2013-06-20",
             "obligations": [{"code": "391", "offense": "21:846 CONSPIRACY", "months": 240, "offense_date":
                              "2012-08-30", "supervision": "5 YEARS"}],
             "total_months": 300, "earliest_offense": "2012-04-11",
             "jail_credit_periods": [("2012-08-31", "2013-06-19")]}
    page = _pages(bop_sheet_pdf(sheet), 160)[1]
    out = io.BytesIO()
    photo_page(page, random.Random(16)).convert("RGB").save(out, "JPEG", quality=62)
    fields = {f"custody.bop.{key}": value for key, value in bop.items() if key not in ("home_detention_date",)}
    fields.update({"custody.commenced_on": "2013-06-20", "custody.prior_custody_days": 293,
                   "person.register_number": "26011-057"})
    return out.getvalue(), fields, []


MAKERS = {"lost_font_map.pdf": lost_font_map, "counts_over_two_sheets.pdf": counts_over_two_sheets,
          "handwritten_amendment.pdf": handwritten_amendment, "photographed_sheet.jpg": photographed_sheet}


def main() -> None:
    for name, make in MAKERS.items():
        data, fields, flagged = make()
        (HERE / name).write_bytes(data)
        expected = {"fields": fields, "flagged": flagged}
        (HERE / f"{name}.expected.yaml").write_text(yaml.safe_dump(expected, sort_keys=False, allow_unicode=True))
        print(f"wrote {name} ({len(data) // 1024} KB)")


if __name__ == "__main__":
    main()
