"""Every avenue the engine reports has a name in plain words on the answer page (and in Spanish), never the engine's
code: a released person's case led with the bare word "custody"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.utils import translation

from reprieve.assess.report import assess
from reprieve.intake import load_case
from reprieve.web.results import AVENUES, avenue_name

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("as_of", [date(2024, 1, 1), date(2026, 12, 1), date(2060, 1, 1)])
def test_every_avenue_of_every_example_has_a_plain_name(as_of: date) -> None:
    seen = set()
    for path in EXAMPLES:
        seen |= {f.avenue for f in assess(load_case(path).case, as_of).findings}
    assert seen - set(AVENUES) == set()
    if as_of.year == 2060:  # after every example's release date
        assert "custody" in seen


def test_the_custody_avenue_is_named_in_spanish() -> None:
    with translation.override("es"):
        assert avenue_name("custody") == "¿Sigue en prisión?"
