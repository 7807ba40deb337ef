"""Compile the engine's hot modules with mypyc into src/reprieve/.compiled/ (issue 17; `make compiled` runs it).

    python tools/build_compiled.py            # build (needs mypy, setuptools, a C compiler and Python's headers)
    python tools/build_compiled.py --sources  # the compiled sources, one a line (the Makefile's dependencies)

The modules are listed once, in pyproject.toml under [tool.reprieve.compiled]. Nothing is compiled in place: the
extensions and a manifest of the SHA-256 of each source they were built from go to src/reprieve/.compiled/, and
`reprieve.compiled` loads them only while every listed source still has that hash (see there why). The C code and
objects go to build/compiled/. The new set replaces the old one whole, manifest last, so a failed build leaves no
half-built set in use.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "reprieve"
OUT = PACKAGE / ".compiled"
WORK = ROOT / "build" / "compiled"


def sources() -> list[Path]:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["reprieve"]["compiled"]
    paths = [ROOT / name for name in listed["modules"]]
    missing = [str(p.relative_to(ROOT)) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"[tool.reprieve.compiled] modules lists files that do not exist: {', '.join(missing)}")
    return paths


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts)


def build(jobs: int) -> None:
    from mypyc.build import mypycify
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    paths = sources()
    # hashed before mypyc reads them: a source edited during the build makes the new set stale, never wrongly fresh
    hashes = {module_name(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # mypy reads [tool.mypy] from pyproject.toml (strict, the pydantic plugin)
    # its own mypy cache: mypyc's options differ from `make lint`'s, and sharing one cache would rebuild it each time
    extensions = mypycify(["--cache-dir", str(WORK / "mypy-cache"), *(str(p.relative_to(ROOT)) for p in paths)],
                          target_dir=str(WORK / "c"),
                          group_name="reprieve_compiled", opt_level="3", multi_file=True)
    generated = time.perf_counter()
    dist = Distribution({"name": "reprieve-compiled", "ext_modules": extensions})
    command = build_ext(dist)
    command.build_lib = str(WORK / "lib")
    command.build_temp = str(WORK / "obj")
    command.parallel = jobs
    command.ensure_finalized()
    command.run()
    staging = OUT.with_name(".compiled.new")
    shutil.rmtree(staging, ignore_errors=True)
    built: dict[str, str] = {}
    for extension in extensions:
        file = Path(command.get_ext_fullpath(extension.name))
        target = staging / file.relative_to(WORK / "lib")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)
        built[extension.name] = str(target.relative_to(staging))
    unbuilt = sorted(set(hashes) - set(built))
    if unbuilt:
        raise SystemExit(f"mypyc built no extension for {', '.join(unbuilt)}")
    manifest = {"python": sys.implementation.cache_tag, "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
                "sources": hashes, "extensions": built}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    shutil.rmtree(OUT, ignore_errors=True)
    staging.rename(OUT)
    print(f"compiled {len(hashes)} modules into {OUT.relative_to(ROOT)}: mypyc {generated - started:.0f} s, "
          f"C compiler {time.perf_counter() - generated:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["--sources"]:
        print("\n".join(str(p.relative_to(ROOT)) for p in sources()))
    else:
        build(jobs=os.cpu_count() or 1)
