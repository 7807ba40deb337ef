"""The blank case file `reprieve new CASE.yaml` writes: every common field, each with a comment saying what it
means (the model's own description) and where to find it (on the judgment, the BOP's computation sheet, ...).

An empty value means "unknown", so the blank file is itself a valid case file. Lists whose entries state facts
(prior convictions, requests, circumstances) hold a commented example entry instead of an empty one: an empty
entry would say "there is a request" when there is none.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from reprieve.case.schema_paths import field_at

WIDTH = 116


@dataclass(frozen=True)
class Entry:
    """One key of the template: its path in the case file, where to find the value, and its children."""

    path: str
    where: str = ""
    children: tuple[Entry, ...] = ()
    example: str | None = None  # a list whose entries are commented out: the example value shown
    value: str = ""  # a value written in (only `format: 1`)


def E(path: str, where: str = "", *children: Entry, example: str | None = None, value: str = "") -> Entry:
    return Entry(path, where, tuple(children), example, value)


JUDGMENT = "the judgment (form AO 245B)"
SHEET = "the BOP's Sentence Monitoring Computation Data sheet (ask your case manager)"

COMMON: tuple[Entry, ...] = (
    E("format", value="1"),
    E("as_of"),
    E("person", "",
      E("person.name", f"First page of {JUDGMENT}: 'United States of America v. NAME'."),
      E("person.register_number", f"First page of {JUDGMENT} ('USM Number'), or any BOP letter ('Reg. No.')."),
      E("person.born", "Any ID; the year alone (1968) is enough if that is all you know."),
      E("person.sex"),
      E("person.facility", "The BOP inmate locator at bop.gov/inmateloc, or the last letter from prison.")),
    E("court", "",
      E("court.district", f"Heading of {JUDGMENT}: 'Western District of North Carolina' is W.D.N.C."),
      E("court.docket", f"First page of {JUDGMENT}: 'Case Number'."),
      E("court.judge", f"Last page of {JUDGMENT}: 'Name and Title of Judge'.")),
    E("judgments", "",
      E("judgments[].imposed_on", f"First page of {JUDGMENT}: 'Date of Imposition of Judgment'."),
      E("judgments[].counts", "",
        E("judgments[].counts[].count", f"First page of {JUDGMENT}, column 'Count'."),
        E("judgments[].counts[].statute", f"First page of {JUDGMENT}, column 'Title & Section'."),
        E("judgments[].counts[].penalty", "The plea agreement, the verdict form or the presentence report."),
        E("judgments[].counts[].offense_ended", f"First page of {JUDGMENT}, column 'Offense Ended'."),
        E("judgments[].counts[].drug", f"First page of {JUDGMENT}, column 'Nature of Offense', or the indictment."),
        E("judgments[].counts[].quantity", "The verdict form or the plea agreement: the amount the jury found or "
                                            "the plea admitted."),
        E("judgments[].counts[].months", f"Page 2 of {JUDGMENT}, 'Imprisonment': '250 months as to Count 1'."),
        E("judgments[].counts[].consecutive_to", "Page 2, 'Imprisonment': 'to run consecutively to Count 1'.")),
      E("judgments[].enhancements", "The docket: an 'Information to establish prior conviction' under 21 U.S.C. "
                                    "851; or the Statement of Reasons.", example='- kind: "851"\n  priors: [0]'),
      E("judgments[].supervised_release_months", f"Page 3 of {JUDGMENT}, 'Supervised Release': '5 years' is 60.")),
    E("priors", "The presentence report ('Criminal History'), or the state court's records.",
      example="- description: possession with intent to distribute cocaine\n  kind: drug_felony\n"
              "  convicted_on: 2001-05-14\n  served_months: 18"),
    E("custody", "",
      E("custody.arrested_on", "The docket or the presentence report; 2007-07 is enough if the day is not known."),
      E("custody.continuous_since_arrest", "The docket: an 'Order of Detention' means no bail."),
      E("custody.commenced_on", f"{SHEET}: 'Computation Began'."),
      E("custody.prior_custody_days", f"{SHEET}: 'Jail Credit'."),
      E("custody.gct_disallowed_days", f"{SHEET}: 'Total GCT Disallowed'."),
      E("custody.bop", "",
        E("custody.bop.projected_release_date", f"{SHEET}, or bop.gov/inmateloc: 'Release Date'."),
        E("custody.bop.statutory_release_date", f"{SHEET}: 'Statutory Release Date'."),
        E("custody.bop.full_term_date", f"{SHEET}: 'Full Term Date'."))),
    E("requests", "Your copy of the request to the Warden (an 'Inmate Request to Staff') and the answer.",
      example="- to: warden\n  kind: reduction_in_sentence\n  submitted_on: 2026-09-20\n  received_on: 2026-09-22\n"
              "  grounds: terminal illness\n  response: none"),
    E("circumstances", "",
      E("circumstances.medical", "BOP medical records (ask Health Services for a copy).",
        example="- condition: metastatic pancreatic cancer\n  terminal: true\n  diagnosed_on: 2026-08-15\n"
                "  source: BOP oncology consult of 2026-08-15"),
      E("circumstances.family", "Letters and records from the family: a doctor's letter, a death certificate.",
        example="- relation: parent\n  situation: incapacitated\n  only_available_caregiver: true\n"
                "  description: Parkinson's disease; cannot live alone\n  source: neurologist's letter of 2026-06-02"),
      E("circumstances.conduct", "The Chronological Disciplinary Record and the Inmate Education Data Transcript.",
        example="- programs: [GED, Drug Education]\n  education: GED\n  infractions: []")),
    E("release_plan", "",
      E("release_plan.residence", "From the family: the full address (drafts print only the city and state)."),
      E("release_plan.household"),
      E("release_plan.support"),
      E("release_plan.medical_care")),
)

HEADER = """\
# reprieve case file (format 1). Fill in what you know and leave the rest empty.
# An empty value means "unknown": never write 0 or "no" for something you do not know.
# Dates are YYYY-MM-DD; write YYYY-MM or YYYY when that is all you know.
# Every field is described in docs/case-format.md; `reprieve schema` prints them all.
"""


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ", break_long_words=False, break_on_hyphens=False)


def _description(path: str) -> str:
    path = path.replace("[]", "") if path.endswith("[]") else path
    return field_at(path).description


def _lines(entry: Entry, indent: str, first_prefix: str | None = None) -> list[str]:
    key = entry.path.rsplit(".", 1)[-1]
    out = [""] if not indent else []
    if entry.path != "format":
        out += _comment(_description(entry.path), indent)
        if entry.where:
            out += _comment(f"Where to find it: {entry.where}", indent)
    head = first_prefix if first_prefix is not None else indent
    if entry.example is not None:
        out.append(f"{head}{key}:" + ("" if field_at(entry.path).nullable else " []"))
        out += _comment("To add one, remove the '# ' in front of these lines and fill them in:", indent)
        out += [f"{indent}#   {line}" for line in entry.example.splitlines()]
        return out
    if not entry.children:
        out.append(f"{head}{key}:{' ' + entry.value if entry.value else ''}")
        return out
    out.append(f"{head}{key}:")
    is_list = entry.path in ("judgments", "judgments[].counts")
    child_indent = indent + ("    " if is_list else "  ")
    for n, child in enumerate(entry.children):
        prefix = f"{indent}  - " if is_list and n == 0 else None
        block = _lines(child, child_indent)
        if prefix is not None:
            # the first key of a list entry carries the "- "; its comments stay above it
            for i, line in enumerate(block):
                if not line.lstrip().startswith("#"):
                    block[i] = prefix + line.lstrip()
                    break
        out += block
    return out


def blank_template() -> str:
    lines = HEADER.splitlines()
    for entry in COMMON:
        lines += _lines(entry, "")
    return "\n".join(lines).rstrip() + "\n"
