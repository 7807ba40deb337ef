"""The screening's table apart from the engine: the main process of `reprieve screen` ranks and writes the rows
without importing the rules (only its worker processes run them), in the engine's order of statuses."""

from __future__ import annotations

import subprocess
import sys


def test_the_screen_command_imports_no_rule() -> None:
    code = ("import sys, reprieve.screen.command, reprieve.screen.report, reprieve.screen.table; "
            "print(sorted(m for m in sys.modules if m.startswith('reprieve.assess')))")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert loaded == "[]"


def test_the_table_ranks_statuses_in_the_engines_order() -> None:
    from reprieve.assess.findings import STATUSES
    from reprieve.screen import table

    assert table.STATUSES == STATUSES
