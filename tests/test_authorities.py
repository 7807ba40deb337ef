"""The authorities registry: every citation in the law data is a registered authority, every registered citation is
parsed back to itself, and anything else is reported unknown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reprieve.law.authorities import Authority, cite, cited_in, get, load_authorities, registry, unknown
from reprieve.law.params import LawDataError

LAW = Path(__file__).resolve().parents[1] / "src" / "reprieve" / "law"
LAW_FILES = sorted(p for p in LAW.rglob("*.yaml") if p.name != "authorities.yaml")


def _strings(node: Any, keys: tuple[str, ...]) -> list[str]:
    """Every string under one of `keys`, anywhere in a loaded YAML document."""
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in keys and isinstance(v, str):
                found.append(v)
            else:
                found.extend(_strings(v, keys))
    elif isinstance(node, list):
        for v in node:
            found.extend(_strings(v, keys))
    return found


def _law_strings() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in LAW_FILES:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _strings(document, ("citation", "note", "source")):
            rows.append((str(path.relative_to(LAW)), text))
    return rows


LAW_STRINGS = _law_strings()
CASES = [a for a in registry().values() if a.kind == "case"]


def test_the_law_data_is_found_recursively() -> None:
    assert any(p.parent == LAW for p in LAW_FILES)
    assert len(LAW_STRINGS) > 100


@pytest.mark.parametrize("where, text", LAW_STRINGS, ids=[f"{w}:{i}" for i, (w, _) in enumerate(LAW_STRINGS)])
def test_every_citation_in_the_law_data_is_a_registered_authority(where: str, text: str) -> None:
    assert unknown(text) == [], f"{where}: {text!r} cites authorities missing from authorities.yaml"


def test_a_string_that_cites_nothing_finds_nothing() -> None:
    assert cited_in("no 4th Circuit decision yet; district courts divided (law.md C4)") == []
    assert cited_in("") == []


@pytest.mark.parametrize("authority", CASES, ids=[a.key for a in CASES])
def test_each_case_citation_is_parsed_by_eyecite_into_the_stored_volume_reporter_and_page(authority: Authority) -> None:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation

    parsed = [c for c in get_citations(authority.citation) if isinstance(c, FullCaseCitation)]
    if authority.reporter_citation is None:  # a slip opinion: its docket number; failing that, name, court and year
        assert parsed == []
        assert authority.note, f"{authority.key}: say why there is no reporter citation"
        if authority.docket is not None:
            assert f"No. {authority.docket}" in authority.citation or f"Nos. {authority.docket}" in authority.citation
        else:
            assert authority.citation == f"{authority.name} ({authority.court} {authority.year})"
        return
    assert len(parsed) == 1, authority.citation
    volume, rest = authority.reporter_citation.split(" ", 1)
    reporter, page = rest.rsplit(" ", 1)
    groups = parsed[0].groups
    assert (groups["volume"], parsed[0].corrected_reporter(), groups["page"]) == (volume, reporter, page)
    assert parsed[0].metadata.year == str(authority.year)


@pytest.mark.parametrize("key", sorted(registry()))
def test_the_registry_round_trips(key: str) -> None:
    found = [c.authority.key for c in cited_in(cite(key)) if c.authority is not None]
    assert key in found, f"{cite(key)!r} is not found as {key}"
    assert unknown(cite(key)) == []


@pytest.mark.parametrize("authority", CASES, ids=[a.key for a in CASES])
def test_short_case_forms_find_their_case(authority: Authority) -> None:
    if authority.reporter_citation is None and authority.docket is None:
        pytest.skip("cited by name only")
    found = [c.authority.key for c in cited_in(cite(authority.key, short=True)) if c.authority is not None]
    assert found == [authority.key]


def test_short_forms_in_one_volume_are_told_apart_by_name_and_page() -> None:
    # Aruda (797), Maumau (821) and Shkambi (388) are all in 993 F.3d.
    text = "See Maumau, 993 F.3d at 834; Aruda, 993 F.3d at 802; id. at 803; 993 F.3d at 390."
    assert [c.authority.key if c.authority else None for c in cited_in(text)] == [
        "maumau_2021", "aruda_2021", "shkambi_2021"]


def test_a_made_up_case_is_unknown() -> None:
    text = "United States v. Nobody, 999 F.4th 1 (4th Cir. 2024)."
    assert unknown(text) == ["999 F.4th 1"]
    assert unknown("Nobody, 999 F.4th at 3.") == ["999 F.4th at 3"]


@pytest.mark.parametrize("text, expected", [
    ("18 U.S.C. § 9999(a)", "18 U.S.C. § 9999"),
    ("USSG §9Z9.9", "USSG §9Z9.9"),
    ("Fed. R. Crim. P. 11(c)", "Fed. R. Crim. P. 11"),
    ("BOP Program Statement 1234.56", "BOP Program Statement 1234.56"),
    ("Smith v. Jones, No. 99-12345 (U.S. Jan. 1, 2026)", "No. 99-12345"),
    ("United States v. Nobody (3d Cir. 2019)", "United States v. Nobody (3d Cir. 2019)"),
    ("Pub. L. No. 1-2", "Pub. L. No. 1-2"),
    ("21 U.S.C. § 846 and § 9998", "§ 9998"),
])
def test_unregistered_citations_of_every_form_are_unknown(text: str, expected: str) -> None:
    assert unknown(text) == [expected]


def test_a_drafted_paragraph_is_matched_citation_by_citation() -> None:
    text = ("The Court may reduce the term under 18 U.S.C. 3582(c)(1)(A) and USSG §1B1.13(b)(2), after the "
            "§ 3553(a) factors. See United States v. McCoy, 981 F.3d 271, 286 (4th Cir. 2020); McCoy, 981 F.3d at 288; "
            "Id. at 287. But see Rutherford v. United States, No. 24-820 (U.S. May 28, 2026). The First Step Act § 404 "
            "and 21 U.S.C. § 846 and § 963 apply; Fed. R. Crim. P. 49.1(a)(3); BOP P.S. 5050.50; Hewitt v. United "
            "States, No. 23-1002, 606 U.S. ___ (2025); United States v. Davis (2d Cir. 2020).")
    keys = [c.authority.key for c in cited_in(text) if c.authority is not None]
    assert keys == ["usc_18_3582", "ussg_1b1_13", "mccoy_2020", "mccoy_2020", "rutherford_2026", "publ_115_391",
                    "usc_21_846", "usc_21_963", "frcrp_49_1", "ps_5050_50", "hewitt_2025", "hewitt_2025",
                    "davis_2d_2020"]
    assert unknown(text) == []
    found = {c.text: c.found for c in cited_in(text)}
    assert found["981 F.3d 271"] == "eyecite" and found["USSG §1B1.13"] == "pattern"


def test_get_and_cite() -> None:
    assert cite("mccoy_2020") == "United States v. McCoy, 981 F.3d 271 (4th Cir. 2020)"
    assert cite("mccoy_2020", short=True) == "McCoy, 981 F.3d at 271"
    assert get("rutherford_2026").citation == "Rutherford v. United States, No. 24-820 (U.S. May 28, 2026)"
    assert get("rutherford_2026").reporter_citation is None
    with pytest.raises(KeyError):
        get("no_such_authority")


def test_unverified_entries_say_why() -> None:
    assert all(a.verified or a.note for a in registry().values())


GOOD = """
source: test
parameters:
  registry:
    description: test
    type: list
    schema: reprieve.law.authorities:AuthorityList
    selected_by: decision_date
    values:
      - from: 1787-09-17
        citation: a test registry
        grade: S
        verified: false
        value:
          - key: mccoy
            kind: case
            name: United States v. McCoy
            citation: United States v. McCoy, 981 F.3d 271 (4th Cir. 2020)
            short: McCoy
            court: 4th Cir.
            decided: 2020
            reporter_citation: 981 F.3d 271
            verified: true
"""


def test_a_well_formed_registry_loads() -> None:
    assert load_authorities(GOOD)["mccoy"].reporter_citation == "981 F.3d 271"


@pytest.mark.parametrize("broken, why", [
    (GOOD.replace("            verified: true", "            verified: true\n            reporter: F.3d"), "reporter"),
    (GOOD.replace("        grade: S", "        grade: S\n        holding: misplaced"), "holding"),
    (GOOD.replace("kind: case", "kind: opinion"), "kind"),
    (GOOD.replace("reporter_citation: 981 F.3d 271", "reporter_citation: 981 F.3d 272"), "does not contain"),
    (GOOD.replace("            verified: true", "            verified: false"), "unverified"),
    (GOOD.replace("kind: case", "kind: statute"), "cases only"),
    (GOOD + GOOD[GOOD.index("          - key"):], "listed twice"),
])
def test_the_loader_rejects_a_misplaced_or_wrong_key(broken: str, why: str) -> None:
    with pytest.raises(LawDataError) as error:
        load_authorities(broken)
    assert why in str(error.value)
