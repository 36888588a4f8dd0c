"""The on-disk cache of what start-up builds: validated rules and compiled rule sets, kept between runs.

Reads and writes pickles in the user's cache directory (platformdirs; `COMPLIANCE_CACHE_DIR` overrides it,
`COMPLIANCE_CACHE_DIR=off` turns the cache off), each named by a hash of everything it was built from:
the inputs (rule files' bytes, the rules and the language), this package's code and vocabularies, and the
versions of the libraries that build it (spaCy, pymorphy3 and its dictionaries, pydantic, PyYAML, Python).
Any change gives a new name, so a stale entry is never read, only rebuilt; an entry that cannot be read
is rebuilt too. Only the oldest entries beyond `KEEP` are removed. The files are this user's own, written
by this program: they are read back with pickle.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV = "COMPLIANCE_CACHE_DIR"
KEEP = 32  # entries: a few rule sets × languages × versions of the program
_LIBRARIES = ("spacy", "spacy-lookups-data", "pymorphy3", "pymorphy3-dicts-ru", "pydantic", "PyYAML")


def directory() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    where = os.environ.get(ENV)
    if where is not None:
        return None if where.strip().lower() in ("", "off", "0", "none") else Path(where)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ilo-compliance-checker"))


@cache
def code_version() -> str:
    """A hash of this package's code and data files and of the libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(kind: str, parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256(kind.encode() + code_version().encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return f"{kind}-{digest.hexdigest()[:32]}"


def cached(name: str, build: Callable[[], T]) -> T:
    """The entry `name` (from `key`), or `build()` stored under it."""
    where = directory()
    if where is None:
        return build()
    path = where / f"{name}.pickle"
    try:
        with path.open("rb") as fh:
            found: T = pickle.load(fh)
        return found
    except Exception:  # noqa: BLE001 - missing, truncated, or from another version of a library: rebuild
        pass
    value = build()
    _store(where, path, value)
    return value


def _store(where: Path, path: Path, value: object) -> None:
    """Written whole or not at all (a temporary file renamed), and never an error: a cache is optional."""
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a full disk, a read-only folder: the run goes on uncached
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
