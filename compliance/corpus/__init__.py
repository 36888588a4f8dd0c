"""The bundled corpus: ILO instruments and national laws shipped in `corpora/`, found by id.

Reads every `*.meta.yaml` under the corpus folder (`entries`) and groups the national laws into works with
their expressions and portions (`works`). Looks a text up by id: "C087" for an ILO instrument,
"kz/trade-unions-law@2020-05-04" for one edition of a national law, "kz/trade-unions-law@2021-07-01:kk" for
the same edition in a second language, "kz/trade-unions-law" for its newest edition; a work ("kz/criminal-
code", whose stored files are excerpts such as "kz/criminal-code-art174") and `work@date` name the texts of
that expression. Produces `CorpusEntry` objects (`find`) and parsed documents (`load_document`, which joins
the portions of one expression into one document). The texts are byte-for-byte copies of their sources;
`sha256_of` (in `parse.meta`) checks that.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
from pathlib import Path

from ..errors import CorpusError, UnknownReference
from ..models import Document
from ..parse import parse_file
from ..parse.meta import sha256_of
from .entries import CORPUS_DIR, LAW_REF, CorpusEntry, cached_entries, load_entries, normalize_number
from .works import Expression, Work, extent_label, format_works, merge_portions, portions_named, works

__all__ = ["CORPUS_DIR", "LAW_REF", "CorpusEntry", "CorpusError", "Expression", "Work", "corpus_works", "editions",
           "expression_document", "extent_label", "find", "format_table", "format_works", "instrument", "load_document", "load_entries",
           "normalize_number", "resolve", "resolve_reference", "sha256_of", "work"]


def resolve(ref: str, root: Path = CORPUS_DIR) -> list[CorpusEntry]:
    """The texts `ref` names: one for an id or an instrument, the portions of an expression for a work.

    An unknown reference raises `UnknownReference` with the closest ids and works as suggestions.
    """
    ref = ref.strip()
    entries = cached_entries(root)
    by_id = {e.id: e for e in entries}
    if ref in by_id:
        return [by_id[ref]]
    number = normalize_number(ref)
    if number in by_id:
        return [by_id[number]]
    found = portions_named(ref, entries)
    if found:
        return found
    names = sorted(set(by_id) | {e.base for e in entries} | {e.work for e in entries})
    close = difflib.get_close_matches(ref, names, n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}" if close else "; `compliance corpus list` shows every id"
    raise UnknownReference(f"no document {ref!r} in the corpus at {Path(root)}{hint}")


def find(ref: str, root: Path = CORPUS_DIR) -> CorpusEntry:
    """The one text `ref` names: an id, an instrument number ("C87" = "C087"), a law or work without edition
    (newest). An expression stored in several portions is not one text: the error names them."""
    found = resolve(ref, root)
    if len(found) > 1:
        ids = ", ".join(e.id for e in found)
        raise UnknownReference(f"{ref!r} is stored in {len(found)} portions ({ids}): name one of them")
    return found[0]


def corpus_works(root: Path = CORPUS_DIR) -> list[Work]:
    """Every national law of the corpus as a work, with its expressions and portions."""
    return works(cached_entries(root))


def work(ref: str, root: Path = CORPUS_DIR) -> Work:
    """The work a reference belongs to: a work id, or any id of one of its texts ("kz/criminal-code-art174")."""
    entry = resolve(ref, root)[0]
    return next(w for w in corpus_works(root) if w.id == entry.work)


def editions(country: str, slug: str, language: str | None = None, root: Path = CORPUS_DIR) -> list[CorpusEntry]:
    """The editions of one stored law (file-level id), oldest first: the main text, or the `language` text ("kk")."""
    base = f"{country.lower()}/{slug}"
    found = [e for e in cached_entries(root) if e.base == base and e.second_language == language]
    return sorted(found, key=lambda e: e.meta.edition or _dt.date.min)


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


def expression_document(expression: Expression, fmt: str | None = None) -> Document:
    """The parsed text of one expression: its only portion, or its portions joined (`works.merge_portions`)."""
    docs = [parse_file(p.file, fmt) for p in expression.portions]  # type: ignore[arg-type]
    if len(docs) == 1:
        return docs[0]
    meta = docs[0].document.model_copy(update={
        "id": expression.id, "work": expression.work, "extent": expression.extent, "path": None, "sha256": None,
        "sha256_stated": False, "read_files": [f for d in docs for f in d.document.read_files],
        "provenance": " | ".join(f"{p.id}: {p.meta.provenance}" for p in expression.portions),
    })
    return merge_portions(docs, meta)


def resolve_reference(ref: str) -> list[CorpusEntry]:
    """The corpus entries `ref`, which names no file, stands for; `UnknownReference` when it names none."""
    try:
        return resolve(ref)
    except CorpusError as exc:
        raise UnknownReference(f"{ref}: no such file, and not a corpus id ({exc})") from None


def load_document(ref: str, fmt: str | None = None) -> Document:
    """A file, a folder of chapter files, "-" (standard input) or a corpus id → the parsed document.

    One place for every command that accepts "a law": `check`, `report`, `diff`. A work or `work@date` stored
    in several portions is read as one document holding them all.
    """
    if ref == "-" or Path(ref).exists():
        return parse_file(ref, fmt)  # type: ignore[arg-type]
    found = resolve_reference(ref)
    if len(found) == 1:
        return parse_file(found[0].file, fmt)  # type: ignore[arg-type]
    entry = found[0]
    expression = Expression(entry.work, entry.meta.edition, entry.second_language, tuple(found))
    return expression_document(expression, fmt)
