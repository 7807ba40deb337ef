"""The engine's hot modules compiled with mypyc (issue 17), used only when built from exactly the sources present.

`make` compiles the modules listed in pyproject.toml ([tool.reprieve.compiled]) with tools/build_compiled.py into
`.compiled/` beside this file, with a manifest of the SHA-256 of each source. Importing `reprieve` calls `use()`,
which puts a finder first on `sys.meta_path` that loads a listed module from its compiled extension instead of its
.py, but only while every listed source still has its manifest hash. Compiled modules call each other natively (a
compiled caller runs the compiled callee, never the .py), so one edited source makes the whole set stale: then every
module runs from its .py, with a warning, until `make` rebuilds it. Nothing is compiled in place, so an old binary
can never shadow an edited .py (Python would import an in-place .so before the .py of the same name).

Without a build (a pip install without a C compiler) everything runs from source, with the same results.
REPRIEVE_COMPILED=0 runs from source even when a fresh build exists (the test comparing the two engines uses it).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import sysconfig
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

FOLDER = Path(__file__).resolve().parent / ".compiled"
PACKAGE = Path(__file__).resolve().parent

# What `use()` found: "compiled", "not built", "disabled" (REPRIEVE_COMPILED=0) or why a build was not used.
status = "not imported"
# The modules loaded from compiled extensions (empty unless status is "compiled").
modules: frozenset[str] = frozenset()


class _CompiledFinder(importlib.abc.MetaPathFinder):
    def __init__(self, extensions: dict[str, Path]) -> None:
        self.extensions = extensions

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        file = self.extensions.get(fullname)
        if file is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, file, loader=importlib.machinery.ExtensionFileLoader(fullname, str(file)))


def _source(module: str) -> Path:
    return PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py")


def _stale(manifest: dict[str, object]) -> str | None:
    """Why the build cannot be used, or None when it was built from exactly the sources present, for this Python."""
    if manifest.get("python") != sys.implementation.cache_tag or \
            manifest.get("ext_suffix") != sysconfig.get_config_var("EXT_SUFFIX"):
        return f"built for {manifest.get('python')}, not this Python ({sys.implementation.cache_tag})"
    hashes = manifest.get("sources")
    assert isinstance(hashes, dict)
    for module, digest in hashes.items():
        source = _source(module)
        if not source.is_file() or hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            return f"{source.relative_to(PACKAGE.parent)} changed since it was compiled"
    return None


def use() -> None:
    """Load the compiled modules from now on if a fresh build exists (called once, by `import reprieve`)."""
    global status, modules
    if any(isinstance(finder, _CompiledFinder) for finder in sys.meta_path):
        return
    if os.environ.get("REPRIEVE_COMPILED") == "0":
        status = "disabled"
        return
    try:
        manifest = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        status = "not built"
        return
    reason = _stale(manifest)
    if reason is not None:
        status = f"not used: {reason}"
        warnings.warn(f"reprieve runs from source (slower, same results): {reason}; `make` compiles it again",
                      RuntimeWarning, stacklevel=2)
        return
    extensions = {name: FOLDER / file for name, file in manifest["extensions"].items()}
    loaded = sorted(set(manifest["sources"]) & set(sys.modules))
    if loaded:  # imported from source before this ran: mixing would run two copies of the same code
        status = f"not used: {', '.join(loaded)} already imported from source"
        return
    sys.meta_path.insert(0, _CompiledFinder(extensions))
    status = "compiled"
    modules = frozenset(manifest["sources"])
