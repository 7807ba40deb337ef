"""The case model's field descriptions are written as `Field(description=...)`, not attribute docstrings (pydantic's
`use_attribute_docstrings` re-reads and parses the module's source at import: ~0.2 s of CPU at every process start,
every screen worker and CLI run). The schema a user reads must not change with it: these are descriptions and the
count of the schema generated before the change (at commit 49d4fee; the whole schema was compared equal then)."""

from __future__ import annotations

from typing import Any

from reprieve.case.model import Case, Model


def _descriptions(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for value in node for d in _descriptions(value)]
    return []


def test_the_schema_keeps_every_description() -> None:
    schema = Case.model_json_schema()
    assert len(_descriptions(schema)) >= 275  # 274 at 49d4fee, then custody.in_custody_on
    undescribed = [(name, key) for name, model in [("Case", schema), *schema["$defs"].items()]
                   for key, prop in model.get("properties", {}).items() if "description" not in prop]
    assert undescribed == []  # every field says what it means (docs/case-format.md and `reprieve schema` show it)
    models = schema["$defs"]
    # formerly attribute docstrings: the text pydantic derived (inspect.cleandoc; a line break of the source kept)
    assert models["Person"]["properties"]["facility"]["description"] == (
        "The BOP institution where the person is held now, e.g. 'FCI Cumberland'.")
    assert models["Count"]["properties"]["drug"]["description"] == (
        "The controlled substance: marijuana, cocaine, cocaine_base, heroin, methamphetamine, methamphetamine_actual,"
        "\nfentanyl, fentanyl_analogue, pcp, lsd, mdma, ...")
    assert models["Enhancement"]["properties"]["kind"]["description"] == (
        "'851' (an information under 21 U.S.C. 851 charging prior drug convictions), 'career_offender' (USSG §4B1.1) "
        "or\n'acca' (18 U.S.C. 924(e)).")
    # always a Field description
    assert models["Person"]["properties"]["register_number"]["description"] == "BOP register number, 12345-678"


def test_no_model_reads_its_source_at_import() -> None:
    assert not Model.model_config.get("use_attribute_docstrings")
