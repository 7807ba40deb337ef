"""How a person is named in a screening's outputs: the id as given (`--keep-ids`), or a keyed hash of it.

The key is the clinic's: a file created on first use (mode 0600, in the user's configuration folder unless
`--id-key-file` names another), never written into any output. The same key gives the same ids in every run, so
two screenings of a roster can be compared and `--explain` finds a person from an id in the report; without the
key, the 8-digit space of register numbers cannot be searched for a match.
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reprieve.screen.columns import ID_COLUMNS


class IdKeyError(ValueError):
    """The key file cannot be used; the message names it."""


def default_key_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "reprieve" / "screen-id.key"


@dataclass(frozen=True)
class IdKey:
    secret: bytes
    path: Path | None  # the key file, or None for a key given as text (--id-key)
    created: bool = False
    shared: bool = False  # the file can be read by other users of the machine


def load_key(path: Path | None = None, *, create: bool = True) -> IdKey | None:
    """The key in `path` (default: the user's key file), created there when absent and `create`; None when absent
    and not created."""
    path = path or default_key_file()
    if not path.exists():
        if not create:
            return None
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another run created it a moment ago
            return load_key(path, create=False)
        except OSError as exc:
            raise IdKeyError(f"{path}: the id key cannot be created: {exc.strerror}") from None
        with os.fdopen(handle, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
        return IdKey(_read(path), path, created=True)
    mode = path.stat().st_mode
    return IdKey(_read(path), path, shared=bool(mode & (stat.S_IRWXG | stat.S_IRWXO)))


def _read(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError):
        raise IdKeyError(f"{path}: is not a reprieve id key (64 hexadecimal digits); move it away to have a new "
                        "one made, knowing that ids made with the old key will no longer match") from None
    if len(secret) < 16:
        raise IdKeyError(f"{path}: the id key is too short (at least 32 hexadecimal digits)")
    return secret


def person_id(row: dict[str, Any], row_number: int) -> str:
    """The id column, else the register number, else `row-N`."""
    for column in ID_COLUMNS:
        value = row.get(column)
        if value not in (None, ""):
            return str(value)
    return f"row-{row_number}"


def hash_id(value: str, key: bytes) -> str:
    """A keyed hash (HMAC-SHA-256, 64 bits shown): the same person gets the same code with the same key."""
    return hasher(key)(value)


def hasher(key: bytes) -> Callable[[str], str]:
    """`hash_id` with the key's HMAC state prepared once, for a population."""
    keyed = hmac.new(key, digestmod="sha256")

    def shown(value: str) -> str:
        one = keyed.copy()
        one.update(value.encode())
        return one.hexdigest()[:16]

    return shown
