"""The bundled corpus: ILO instruments and national laws shipped in `corpora/`, found by id.

Reads every `*.meta.yaml` under the corpus folder (`corpora/conventions/<NUMBER>.meta.yaml`,
`corpora/national_laws/<iso2>/<law-slug>/<edition>[.<lang>].meta.yaml`), validates each against
`DocumentMeta` and pairs it with the text it describes (`path`, relative to the corpus folder: a file, or
a folder of chapter files for a law split over several files). Produces `CorpusEntry` objects, looked up
by id: "C087" for an ILO instrument, "kz/trade-unions-law@2020-05-04" for one edition of a national law,
"kz/trade-unions-law@2021-07-01:kk" for the same edition in a second language, and "kz/trade-unions-law"
for its newest edition. The texts are byte-for-byte copies of their sources; `sha256_of` (in `parse.meta`)
checks that.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .bundled import bundled
from .errors import CorpusError, ParseError, UnknownReference
from .models import Document, DocumentMeta
from .parse import parse_file, read_meta
from .parse.meta import sha256_of

__all__ = ["CORPUS_DIR", "CorpusEntry", "CorpusError", "editions", "find", "format_table", "instrument",
           "load_document", "load_entries", "sha256_of"]

CORPUS_DIR = Path(os.environ.get("COMPLIANCE_CORPUS") or bundled("corpora"))

# A law's corpus id: "<country>/<slug>@<edition>[:<lang>]", or "<country>/<slug>[:<lang>]" for its newest
# edition. The one pattern of law references: where the caller knows the country, it may be left out
# (`report --country KZ --edition criminal-code-art174@2015-11-13`).
LAW_REF = re.compile(
    r"^(?:(?P<country>[a-z]{2})/)?(?P<slug>[a-z0-9-]+)(?:@(?P<edition>\d{4}-\d{2}-\d{2}))?(?::(?P<lang>[A-Za-z-]+))?$"
)


def _law_id(text: str) -> tuple[str, re.Match[str]] | None:
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
        ref = _law_id(self.meta.id)
        return ref[0] if ref else self.meta.id

    @property
    def second_language(self) -> str | None:
        """The language suffix of the id ("kk" in "...@2021-07-01:kk"), None for the main text."""
        ref = _law_id(self.meta.id)
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


def _entries(root: Path) -> tuple[CorpusEntry, ...]:
    return _cached(Path(root).resolve())


def _editions(entries: tuple[CorpusEntry, ...], base: str, language: str | None) -> list[CorpusEntry]:
    found = [e for e in entries if e.base == base and e.second_language == language]
    return sorted(found, key=lambda e: e.meta.edition or _dt.date.min)


def find(ref: str, root: Path = CORPUS_DIR) -> CorpusEntry:
    """The document `ref` names: an id, an instrument number ("C87" = "C087"), or a law without edition (newest)."""
    ref = ref.strip()
    entries = _entries(root)
    by_id = {e.id: e for e in entries}
    if ref in by_id:
        return by_id[ref]
    number = normalize_number(ref)
    if number in by_id:
        return by_id[number]
    law = _law_id(ref)
    if law and not law[1]["edition"]:
        found = _editions(entries, law[0], law[1]["lang"])
        if found:
            return found[-1]
    names = sorted(set(by_id) | {e.base for e in entries})
    close = difflib.get_close_matches(ref, names, n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}" if close else "; `compliance corpus list` shows every id"
    raise UnknownReference(f"no document {ref!r} in the corpus at {Path(root)}{hint}")


def editions(country: str, slug: str, language: str | None = None, root: Path = CORPUS_DIR) -> list[CorpusEntry]:
    """The editions of one law, oldest first: the main text, or the `language` text ("kk") if given."""
    return _editions(_entries(root), f"{country.lower()}/{slug}", language)


def format_table(entries: list[CorpusEntry]) -> str:
    """A plain-text table (id, country, language, kind, edition, title), one document per line."""
    header = ("id", "country", "language", "kind", "edition", "title")
    rows = [header] + [
        (
            e.id,
            e.meta.country or "-",
            e.meta.language or "-",
            e.meta.kind or "-",
            e.meta.edition.isoformat() if e.meta.edition else "-",
            e.meta.title or e.meta.short_title or "-",
        )
        for e in entries
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join([*(c.ljust(w) for c, w in zip(r, widths)), r[-1]]).rstrip() for r in rows]
    return "\n".join(lines)


@functools.cache
def instrument(number: str) -> Document | None:
    """The parsed text of an ILO instrument in the corpus ("C105"), parsed once per process; None if absent.

    The rule loader (which convention articles exist) and the reports (quoting them) read the same texts.
    """
    try:
        entry = find(number)
    except CorpusError:
        return None
    return parse_file(entry.file) if entry.meta.number else None


def load_document(ref: str, fmt: str | None = None) -> Document:
    """A file, a folder of chapter files, "-" (standard input) or a corpus id → the parsed document.

    One place for every command that accepts "a law": `check`, `report`, `diff`.
    """
    if ref == "-" or Path(ref).exists():
        return parse_file(ref, fmt)  # type: ignore[arg-type]
    try:
        entry = find(ref)
    except CorpusError as exc:
        raise UnknownReference(f"{ref}: no such file, and not a corpus id ({exc})") from None
    return parse_file(entry.file, fmt)  # type: ignore[arg-type]
