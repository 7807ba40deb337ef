"""'Did you mean ...?' for a key the case format does not have: the closest key at the same place (a misspelling,
or a word people use for it: `sentence` for a count's `months`), or the place where that key belongs (`docket`
under `person` belongs under `court`)."""

from __future__ import annotations

import difflib
import re
from functools import cache

from pydantic import BaseModel

from reprieve.case.schema_paths import tree

# Words people write for a field, by the model that has the field. Not law: the vocabulary of judgments and BOP papers.
SYNONYMS: dict[str, dict[str, str]] = {
    "Count": {"sentence": "months", "term": "months", "sentence_months": "months", "term_months": "months",
              "imprisonment": "months", "prison_months": "months", "charge": "statute", "offense": "statute",
              "offence": "statute", "title_and_section": "statute", "section": "statute", "amount": "quantity",
              "weight": "quantity", "substance": "drug", "drug_type": "drug", "count_number": "count",
              "number": "count", "label": "count", "offense_date": "offense_ended", "date_of_offense": "offense_ended",
              "consecutive": "consecutive_to", "concurrent": "concurrent_with", "life_sentence": "life"},
    "Person": {"dob": "born", "date_of_birth": "born", "birth_date": "born", "birthday": "born", "birth": "born",
               "register": "register_number", "reg_no": "register_number", "register_no": "register_number",
               "registration_number": "register_number", "usm": "register_number", "usm_number": "register_number",
               "bop_number": "register_number", "inmate_number": "register_number", "prison": "facility",
               "institution": "facility", "full_name": "name", "gender": "sex"},
    "Court": {"case_number": "docket", "case_no": "docket", "docket_number": "docket", "case": "docket",
              "judge_name": "judge", "court": "district"},
    "Judgment": {"sentenced_on": "imposed_on", "sentence_date": "imposed_on", "date_imposed": "imposed_on",
                 "sentencing_date": "imposed_on", "date": "imposed_on",
                 "supervised_release": "supervised_release_months", "supervision_months": "supervised_release_months"},
    "Custody": {"arrest_date": "arrested_on", "arrested": "arrested_on", "date_of_arrest": "arrested_on",
                "jail_credit": "prior_custody_days", "jail_credit_days": "prior_custody_days",
                "credit_days": "prior_custody_days", "computation_began": "commenced_on",
                "start_date": "commenced_on", "detained": "continuous_since_arrest"},
    "BopReported": {"release_date": "projected_release_date", "projected_release": "projected_release_date",
                    "full_term": "full_term_date", "gct_release_date": "statutory_release_date"},
    "Request": {"date": "submitted_on", "sent_on": "submitted_on", "date_received": "received_on",
                "received": "received_on", "reasons": "grounds", "reason": "grounds", "answer": "response",
                "warden_response": "response"},
    "ReleasePlan": {"address": "residence", "home": "residence", "lives_with": "household", "job": "support",
                    "income": "support", "doctor": "medical_care"},
}


def _normal(key: str) -> str:
    return re.sub(r"[\s\-]+", "_", key.strip().lower())


@cache
def _where_each_key_lives() -> dict[str, list[str]]:
    """Field name -> the paths of the mappings that have it ('docket' -> ['court'])."""
    out: dict[str, list[str]] = {}
    for node in tree():
        for f in node.fields:
            out.setdefault(f.name, []).append(node.path)
    return out


def suggestion(model: type[BaseModel], key: str) -> str | None:
    """The known key the writer most likely meant, as a hint ('months'; 'court.docket'), or None."""
    fields = list(model.model_fields)
    normal = _normal(key)
    if normal in fields:
        return normal
    synonym = SYNONYMS.get(model.__name__, {}).get(normal)
    if synonym in fields:
        return synonym
    close = difflib.get_close_matches(normal, fields, n=1, cutoff=0.75)
    if close:
        return close[0]
    elsewhere = _where_each_key_lives().get(normal)
    if elsewhere:
        # the case-wide place before a per-judgment one: `docket` belongs in `court`, and only a case with judgments
        # from several courts sets `judgments[].docket`
        single = [path for path in elsewhere if "[]" not in path] or elsewhere
        return "' or '".join(f"{path}.{normal}" if path else normal for path in single[:2])
    return None
