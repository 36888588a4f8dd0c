"""The corpus index: every `*.meta.yaml` under the corpus folder → `CorpusEntry` (metadata + the text's path).

Reads `corpora/conventions/<NUMBER>.meta.yaml` and `corpora/national_laws/<iso2>/<slug>/<edition>[.<lang>].meta.yaml`,
validates each against `DocumentMeta` and pairs it with the text it describes (`path`, relative to the corpus
folder: a file, or a folder of chapter files). Produces the entries sorted by id (`load_entries`), each with
its base id, its work and its extent; the lookup by id and the works are in the package's other modules.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..bundled import bundled
from ..errors import CorpusError, ParseError
from ..models import DocumentMeta
from ..parse import read_meta
from ..parse.meta import extent_of_meta

__all__ = ["CORPUS_DIR", "LAW_REF", "CorpusEntry", "cached_entries", "law_id", "load_entries", "normalize_number"]

CORPUS_DIR = Path(os.environ.get("COMPLIANCE_CORPUS") or bundled("corpora"))

# A law's corpus id: "<country>/<slug>@<edition>[:<lang>]", or "<country>/<slug>[:<lang>]" for its newest
# edition. The one pattern of law references: where the caller knows the country, it may be left out
# (`report --country KZ --edition criminal-code-art174@2015-11-13`).
LAW_REF = re.compile(
    r"^(?:(?P<country>[a-z]{2})/)?(?P<slug>[a-z0-9-]+)(?:@(?P<edition>\d{4}-\d{2}-\d{2}))?(?::(?P<lang>[A-Za-z-]+))?$"
)


def law_id(text: str) -> tuple[str, re.Match[str]] | None:
    """A law reference with its country, as corpus ids are: (base "kz/slug", the match)."""
    m = LAW_REF.match(text)
    return (f"{m['country']}/{m['slug']}", m) if m and m["country"] else None

def normalize_number(ref: str) -> str:
    """ "c87", "C 87", "87" → "C087"; "P29" → "P029".

    >>> normalize_number("c87"), normalize_number("105"), normalize_number("P029")
    ('C087', 'C105', 'P029')
    """
    m = re.fullmatch(r"\s*([CPcp])?\s*0*(\d{1,3})\s*", ref)
    if not m:
        return ref.strip().upper()
    return f"{(m[1] or 'C').upper()}{int(m[2]):03d}"


@dataclass(frozen=True)
class CorpusEntry:
    meta: DocumentMeta
    file: Path  # absolute: the text file, or the folder of chapter files

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def base(self) -> str:
        """The id without edition and language: "kz/trade-unions-law", or the instrument number."""
        ref = law_id(self.meta.id)
        return ref[0] if ref else self.meta.id

    @property
    def work(self) -> str:
        """The work this text belongs to: its `work:` field ("kz/criminal-code" for an excerpt of the code), else its base."""
        return self.meta.work or self.base

    @property
    def extent(self) -> Literal["whole", "excerpt"] | None:
        """Whole law or excerpt, as its metadata says (`parse.meta.extent_of_meta`, the one reading)."""
        return extent_of_meta(self.meta)

    @property
    def second_language(self) -> str | None:
        """The language suffix of the id ("kk" in "...@2021-07-01:kk"), None for the main text."""
        ref = law_id(self.meta.id)
        return ref[1]["lang"] if ref else None


def _read_meta(meta_file: Path, root: Path) -> CorpusEntry:
    try:
        meta = read_meta(meta_file)
    except ParseError as exc:
        raise CorpusError(exc.reason, file=exc.file, line=exc.line) from exc
    if not meta.path:
        raise CorpusError(f"{meta_file}: no `path` to the text it describes")
    file = (root / meta.path).resolve()
    if not file.exists():
        raise CorpusError(f"{meta_file}: path {meta.path!r} does not exist under {root}")
    return CorpusEntry(meta=meta, file=file)


def load_entries(root: Path = CORPUS_DIR) -> list[CorpusEntry]:
    """Every document of the corpus under `root`, sorted by id; `CorpusError` names the first bad meta.yaml."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise CorpusError(f"{root}: corpus folder not found (set COMPLIANCE_CORPUS to point at it)")
    entries: dict[str, tuple[CorpusEntry, Path]] = {}
    for meta_file in sorted(root.rglob("*.meta.yaml")):
        entry = _read_meta(meta_file, root)
        if entry.id in entries:
            raise CorpusError(f"{meta_file}: id {entry.id!r} is already used by {entries[entry.id][1]}")
        entries[entry.id] = (entry, meta_file)
    return [entries[i][0] for i in sorted(entries)]


@functools.lru_cache(maxsize=4)
def _cached(root: Path) -> tuple[CorpusEntry, ...]:
    return tuple(load_entries(root))


def cached_entries(root: Path) -> tuple[CorpusEntry, ...]:
    return _cached(Path(root).resolve())
