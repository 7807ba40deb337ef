"""Reading inputs: case files (YAML, JSON)."""

from reprieve.intake.casefile import CaseFileError, LoadedCase, load_case, parse_case

__all__ = ["CaseFileError", "LoadedCase", "load_case", "parse_case"]
