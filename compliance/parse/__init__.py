"""Parse stage: a law or convention (file, folder of chapter files, or text) → `Document` (metadata + tree).

Reads bytes (`source.py`: encoding, refusal of non-text), splits them into lines by format (`readers.py`:
Markdown, HTML, plain text; `docx.py`, `doc.py`, `odt.py`, `pdf.py`, `rtf.py`, `mhtml.py`: Word, OpenDocument,
PDF and RTF files and saved web pages; Akoma Ntoso goes to `akn/`), builds the article tree from the
vocabulary (`structure.py`), and reads editorial notes into amendment events (`notes.py`). The language is
detected on the extracted text, never on markup (`language.py`). Metadata comes from a `<name>.meta.yaml`
beside the file when there is one (`meta.py`; the bundled corpus has one per document); a text without one
describes itself (`describe.py`: country, kind, title, act, edition, whole or excerpt), and the fields read
that way are listed in `DocumentMeta.inferred`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ParseError
from ..models import Document, DocumentMeta, Node, Warning_
from .describe import describe, extent_of
from .language import detect
from .meta import (
    _load_meta,
    alike,
    chapter_files,
    extent_of_meta,
    laws_in,
    meta_path,
    read_meta,
    sha256_of,
    sha256_of_files,
)
from .readers import Decoded, Format, detect_format, read
from .source import BinaryFormat, Source, decode
from .source import read as read_source
from .structure import build_tree, clean_num

__all__ = ["ParseError", "clean_num", "detect_format", "detect_language", "meta_path", "parse_file", "parse_text",
           "read_meta", "sha256_of"]

FORMATS: tuple[str, ...] = ("markdown", "html", "text", "akn", "docx", "doc", "odt", "pdf", "rtf", "mhtml")
BINARY_FORMATS = ("docx", "doc", "odt", "pdf", "rtf", "mhtml")  # read from the file's bytes, not from decoded text


def detect_language(text: str) -> str:
    """BCP-47 tag of the language of an extracted text (see `language.py` and `vocab/languages.yaml`).

    >>> detect_language("Статья 1. Цели"), detect_language("1-modda. Ushbu Kodeks"), detect_language("Article 1")
    ('ru', 'uz-Latn', 'en')
    """
    return detect(text)


def parse_text(
    text: str,
    fmt: Format | None = None,
    *,
    meta: DocumentMeta | None = None,
    label: str = "<text>",
) -> Document:
    """Parse text already decoded. Never refuses text: odd structure gives warnings, not errors.

    >>> doc = parse_text("Статья 1. Цель\\n1. Первая часть.\\n2. Вторая часть.")
    >>> [n.eid for n in doc.tree.walk()][1:]
    ['art_1', 'art_1__para_1', 'art_1__para_2']
    """
    return _parse_decoded(text, fmt, meta, label)


def _parse_decoded(
    text: str, fmt: Format | None, meta: DocumentMeta | None, label: str, utf8: bytes | None = None
) -> Document:
    """`parse_text` with the metadata and label of the file the text comes from (and its bytes, when `text` is
    exactly their UTF-8: see `Source.data`)."""
    fmt = fmt or detect_format(text, label)
    if fmt == "akn":
        from .akn import from_akn

        return from_akn(text, label=label)
    if fmt in BINARY_FORMATS:
        raise ParseError(label, 1, f"not a {fmt} file: its bytes are text (leave --from out)")
    with _cycle_collector_paused():
        decoded = read(text, fmt, label, utf8)
        # on the extracted text: an HTML page's markup is Latin letters whatever the law's language
        language = (meta.language if meta else None) or detect_language(decoded.text)
        tree, warnings = build_tree(decoded, language)
    return _document(decoded.text, tree, warnings, fmt, meta, label, language)


def read_binary(data: bytes, fmt: BinaryFormat, label: str) -> Decoded:
    """A Word (.docx, .doc), OpenDocument, PDF, RTF or saved web page's (MHTML) bytes as lines; `ParseError` (naming `label`) for a file that cannot be read."""
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, label)
    if fmt == "rtf":
        from .rtf import read_rtf

        return read_rtf(data, label)
    if fmt == "doc":
        from .doc import read_doc

        return read_doc(data, label)
    if fmt == "odt":
        from .odt import read_odt

        return read_odt(data, label)
    if fmt == "mhtml":
        from .mhtml import read_mhtml

        return read_mhtml(data, label)
    from .pdf import read_pdf

    return read_pdf(data, label)


def _parse_binary(src: Source, fmt: Format | None, meta: DocumentMeta | None) -> Document:
    """A Word or PDF file (`src.binary`): read from its bytes, then built like any other text."""
    assert src.binary is not None and src.data is not None
    if fmt is not None and fmt != src.binary:
        raise ParseError(src.label, 1, f"a {src.binary} file, not {fmt}: leave --from out")
    with _cycle_collector_paused():
        decoded = read_binary(src.data, src.binary, src.label)
        language = (meta.language if meta else None) or detect_language(decoded.text)
        tree, warnings = build_tree(decoded, language)
    warnings[:0] = [Warning_(line=line, message=message) for line, message in decoded.warnings]
    return _document(decoded.text, tree, warnings, src.binary, meta, src.label, language)


def _document(
    text: str, tree: Node, warnings: list[Warning_], fmt: Format, meta: DocumentMeta | None, label: str, language: str
) -> Document:
    if meta is not None:
        meta = meta.model_copy()
        meta.extent = extent_of_meta(meta)
        if meta.extent is None:
            meta.extent = extent_of(tree)
            meta.inferred = [*meta.inferred, "extent"] if meta.extent else meta.inferred
    else:
        meta = _described(text, tree, label)
    meta.language = language
    meta.format = fmt
    return Document(document=meta, tree=tree, warnings=warnings, source_text=text)


def _described(text: str, tree: Node, label: str) -> DocumentMeta:
    """Metadata of a text that has none beside it: what its heading, preface and notes say (see `describe`)."""
    found = describe(text, tree)
    return DocumentMeta(
        id=Path(label).name, country=found.country, kind=found.kind, extent=found.extent, title=found.title,
        act_number=found.act_number, adopted=found.adopted, edition=found.edition, amended_by=found.amended_by,
        inferred=found.found,
    )


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a law is read and its tree built.

    Reading makes some 100,000 objects for the RU Labour Code and no reference cycles, so the collector's
    passes over them find nothing. Reference counting frees garbage as usual; the collector resumes
    afterwards (if it was running) and catches anything left.
    """
    # Pays about 8 % of parse (median of paired runs on the RU Labour Code; `make bench`).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_folder(path: Path, files: list[Path], encoding: str | None) -> Source:
    """A folder of chapter files (Tajikistan's code) is one document: the files in name order."""
    if not files:
        laws = laws_in(path)
        raise ParseError(str(path), 1, f"a folder of {len(laws)} laws, not one law in chapter files: give one "
                         "of them (check, report and batch take the folder)" if laws else
                         "folder holds no .md or .txt chapter files")
    parts = [read_source(f, encoding) for f in files]
    text = "\n\n".join(p.text.rstrip("\n") for p in parts) + "\n"
    warnings = tuple((line, f"{Path(p.label).name}: {message}") for p in parts for line, message in p.warnings)
    if not alike(files):  # chapters are named alike (glava-01.md, glava-02.md …): these may be several laws
        warnings = ((1, f"read as one law in {len(files)} chapter files, which are not named alike "
                        f"({files[0].name}, {files[1].name} …): give the files to check them as separate laws"),
                    *warnings)
    return Source(text, parts[0].encoding, str(path), warnings=warnings)


def parse_file(path: str | Path, fmt: Format | None = None, *, encoding: str | None = None) -> Document:
    """Parse a file, a folder of chapter files, or "-" (standard input).

    Raises `ParseError` (one line: file, line, reason) for input that is not text at all.
    """
    path = Path(path)
    files = [] if str(path) == "-" else chapter_files(path) if path.is_dir() else [path]
    src = _read_folder(path, files, encoding) if path.is_dir() else read_source(path, encoding)
    meta = _load_meta(path) if str(path) != "-" else None
    if fmt is None and path.is_dir():
        fmt = "markdown"
    decoding = [Warning_(line=line, message=message) for line, message in src.warnings]
    if src.binary is not None:
        doc, encoding = _parse_binary(src, fmt, meta), None
    else:
        text, label, encoding = src.text, src.label, src.encoding
        fmt = fmt or detect_format(text, label)
        utf8 = src.data if fmt == "html" else None  # only the HTML reader reads bytes: the others' go now
        del src
        doc = _parse_decoded(text, fmt, meta, label, utf8)
    doc.warnings[:0] = decoding
    doc.document.encoding = encoding
    doc.document.path = doc.document.path or str(path)
    # what was read, never what metadata says: a meta.yaml's `path` may name another file than this one
    doc.document.read_files = [str(f) for f in files]
    doc.document.sha256_stated = bool(meta is not None and meta.sha256)
    if not doc.document.sha256 and files:
        doc.document.sha256 = sha256_of_files(files)
    return doc


def parse_bytes(data: bytes, fmt: Format | None = None, *, label: str = "<bytes>", encoding: str | None = None) -> Document:
    src = decode(data, label, encoding)
    doc = _parse_binary(src, fmt, None) if src.binary is not None else _parse_decoded(src.text, fmt, None, label, src.data)
    doc.warnings[:0] = [Warning_(line=line, message=message) for line, message in src.warnings]
    return doc
