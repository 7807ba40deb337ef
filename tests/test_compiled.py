"""The mypyc build of the engine's hot modules (issue 17): used when fresh, never when a source changed since it was
compiled, and giving the same rows as the engine run from source."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from datetime import date
from pathlib import Path

import pytest

import reprieve
from reprieve import compiled

AS_OF = date(2026, 11, 28)
BUILT = (compiled.FOLDER / "manifest.json").is_file()
# `make test` builds first and sets this: there the suite must run against the compiled modules, as they ship
EXPECTED = os.environ.get("REPRIEVE_EXPECT_COMPILED") == "1"
needs_build = pytest.mark.skipif(not BUILT and not EXPECTED, reason="no mypyc build (`make compiled`)")

# The rows of a small synthetic population through the single-case engine, as JSON, and which engine ran.
ROWS = f"""
import json, sys
from datetime import date
from reprieve import compiled
from reprieve.assess.report import assess
from reprieve.intake import parse_case
from reprieve.screen.rows import person_row
from reprieve.screen.synth import generate
as_of = date.fromisoformat("{AS_OF.isoformat()}")
rows = [person_row(p["id"], n, assess(parse_case({{k: v for k, v in p.items() if k != "id"}}).case, as_of))
        for n, p in enumerate(generate(int(sys.argv[1]), seed=5, as_of=as_of), start=2)]
print(json.dumps({{"status": compiled.status, "rows": rows}}, default=str))
"""


def _run(code: str, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)
    return done.stdout


@needs_build
def test_the_suite_runs_the_compiled_modules() -> None:
    assert compiled.status == "compiled", compiled.status
    from reprieve.assess import computation

    assert computation.__file__.endswith(sysconfig.get_config_var("EXT_SUFFIX"))
    assert "reprieve.assess.computation" in compiled.modules


@needs_build
def test_compiled_and_source_engines_give_identical_rows() -> None:
    from_source = json.loads(_run(ROWS, "150", env={"REPRIEVE_COMPILED": "0"}))
    from_build = json.loads(_run(ROWS, "150"))
    assert (from_source["status"], from_build["status"]) == ("disabled", "compiled")
    assert len(from_build["rows"]) == 150
    for mine, theirs in zip(from_build["rows"], from_source["rows"], strict=True):
        assert mine == theirs, mine["id"]


@needs_build
def test_an_edited_source_runs_from_source_never_its_old_binary(tmp_path: Path) -> None:
    """Python imports an extension before the .py of the same name; an edited .py must never run its old binary,
    and since compiled modules call each other natively, nothing of the build is used then."""
    package = tmp_path / "reprieve"
    shutil.copytree(Path(reprieve.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "web"))
    probe = ("import reprieve.assess.computation as c, reprieve.dates as d, reprieve.compiled as r; "
             "print(r.status); print(c.__file__); print(d.__file__)")
    fresh = _run(probe, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)}).splitlines()
    assert fresh[0] == "compiled" and all(line.endswith(".so") for line in fresh[1:])
    with (package / "dates.py").open("a", encoding="utf-8") as source:
        source.write("\nEDITED = True\n")
    done = subprocess.run([sys.executable, "-c", probe + "; import reprieve.dates; print(reprieve.dates.EDITED)"],
                          capture_output=True, text=True, check=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    status, computation_file, dates_file, edited = done.stdout.splitlines()
    assert status == "not used: reprieve/dates.py changed since it was compiled"
    assert computation_file.endswith("computation.py") and dates_file.endswith("dates.py") and edited == "True"
    assert "runs from source" in done.stderr and "reprieve/dates.py changed" in done.stderr


def test_a_build_for_another_python_is_not_used() -> None:
    assert compiled._stale({"python": "cpython-0", "ext_suffix": ".so", "sources": {}}) == \
        f"built for cpython-0, not this Python ({sys.implementation.cache_tag})"


def test_without_a_build_everything_runs_from_source(tmp_path: Path) -> None:
    package = tmp_path / "reprieve"
    shutil.copytree(Path(reprieve.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__", "web", ".compiled"))
    out = _run("import reprieve.compiled as r, reprieve.assess.computation as c; print(r.status); print(c.__file__)",
               cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)}).splitlines()
    assert out == ["not built", str(package / "assess" / "computation.py")]
