"""The on-disk cache of what start-up builds: validated rules and compiled rule sets, kept between runs.

Reads and writes pickles in the user's cache directory (platformdirs; `COMPLIANCE_CACHE_DIR` overrides it,
`COMPLIANCE_CACHE_DIR=off` turns the cache off), each named by a hash of everything it was built from:
the inputs (rule files' bytes, the rules and the language), this package's code and vocabularies, and the
versions of the libraries that build it (spaCy, pymorphy3 and its dictionaries, pydantic, PyYAML, Python).
Any change gives a new name, so a stale entry is never read, only rebuilt; an entry that cannot be read
is rebuilt too. Only the oldest entries beyond `KEEP` are removed. The files are this user's own, written
by this program: they are read back with pickle.

A regular expression is stored with the code Python's `re` compiled it into, and read back from that code:
`re` would parse and compile it again, and spaCy's tokenizer alone has three patterns of up to 28,000
characters (about 60 ms of a one-article check). The entry is keyed by Python's version, and the code is
checked when it is written (the restored pattern must equal the original) and again by `_sre` when read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

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
            _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, path)
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a full disk, a read-only folder: the run goes on uncached
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


class _Pickler(pickle.Pickler):
    """Pickle's own, except for regular expressions (`_reduce_pattern`)."""

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is re.Pattern:
            return _reduce_pattern(obj)
        return NotImplemented


def _reduce_pattern(pattern: re.Pattern[Any]) -> Any:
    """`pattern` as the arguments `_sre.compile` builds it from, or pickle's own way (the pattern's text,
    compiled again) when this Python's `re` gives it otherwise."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        names = parsed.state.groupdict
        by_number: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            by_number[number] = name
        code = [int(op) for op in _compiler._code(parsed, pattern.flags)]  # opcodes are int subclasses
        state = (pattern.pattern, pattern.flags, code, parsed.state.groups - 1, names, tuple(by_number))
        if _from_code(*state) == pattern:  # equal flags, text and code
            return _restore_pattern, state
    except Exception:  # noqa: BLE001, S110 - another Python's internals: pickle's own way below
        pass
    return NotImplemented


def _from_code(text: str | bytes, flags: int, code: list[int], groups: int, names: dict[str, int],
               by_number: tuple[str | None, ...]) -> re.Pattern[Any]:
    import _sre  # type: ignore[import-not-found]

    return _sre.compile(text, flags, code, groups, names, by_number)  # type: ignore[no-any-return]


def _restore_pattern(text: str | bytes, flags: int, *state: Any) -> re.Pattern[Any]:
    try:
        return _from_code(text, flags, *state)
    except Exception:  # noqa: BLE001 - code _sre refuses: compiled from the text instead
        return re.compile(text, flags)
