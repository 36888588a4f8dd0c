"""Parse stage: a law or convention (file, folder of chapter files, or text) → `Document` (metadata + tree).

Reads bytes (`source.py`: encoding, refusal of non-text), splits them into lines by format (`readers.py`:
Markdown, HTML, plain text; Akoma Ntoso goes to `akn.py`, which also writes it), builds the article tree from the
vocabulary (`structure.py`), and reads editorial notes into amendment events (`notes.py`). Metadata comes
from a `<name>.meta.yaml` beside the file when there is one (`meta.py`; the bundled corpus has one per
document).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ParseError
from ..models import Document, DocumentMeta
from .meta import _load_meta, meta_path, read_meta, sha256_of
from .readers import Format, detect_format, read
from .source import Source, decode
from .source import read as read_source
from .structure import build_tree, clean_num

__all__ = ["ParseError", "clean_num", "detect_format", "detect_language", "meta_path", "parse_file", "parse_text",
           "read_meta", "sha256_of"]

FORMATS: tuple[str, ...] = ("markdown", "html", "text", "akn")


def detect_language(text: str) -> str:
    """BCP-47 tag from the letters used.

    >>> detect_language("Статья 1. Цели"), detect_language("1-modda. Ushbu Kodeks"), detect_language("Article 1")
    ('ru', 'uz-Latn', 'en')
    """
    sample = text[:200_000]
    cyr = len(re.findall(r"[А-Яа-яЁёІіӘәҒғҚқҢңӨөҰұҮүҺһ]", sample))
    lat = len(re.findall(r"[A-Za-z]", sample))
    if cyr > lat:
        kazakh = len(re.findall(r"[ӘәҒғҚқҢңӨөҰұҮүҺһ]", sample))
        return "kk" if kazakh > 0.005 * cyr else "ru"
    if re.search(r"(?m)^\d+-modda\.|\bbo[ʻ‘’`'ʼ]lim\b|[oOgG][ʻ‘’`ʼ]", sample):
        return "uz-Latn"
    return "en"


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
    return _parse_decoded(text, fmt, meta, label, None)


def _parse_decoded(
    text: str, fmt: Format | None, meta: DocumentMeta | None, label: str, utf8: bytes | None
) -> Document:
    """`parse_text`, with the input bytes when they are `text` in UTF-8 (see `Source.utf8`)."""
    fmt = fmt or detect_format(text, label)
    if fmt == "akn":
        from .akn import from_akn

        return from_akn(text, label=label)
    language = (meta.language if meta else None) or detect_language(text)
    with _cycle_collector_paused():
        decoded = read(text, fmt, utf8)
        tree, warnings = build_tree(decoded, language)
    meta = meta.model_copy() if meta else DocumentMeta(id=Path(label).name)
    meta.language = language
    meta.format = fmt
    return Document(document=meta, tree=tree, warnings=warnings, source_text=decoded.text)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a law is read and its tree built.

    That makes some 100,000 objects for the RU Labour Code and no reference cycles, and the collector's
    repeated passes over them cost a tenth of the parse (`make bench`). Reference counting frees garbage as
    usual; the collector resumes afterwards (if it was running) and catches anything left.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_folder(path: Path, encoding: str | None) -> Source:
    """A folder of chapter files (Tajikistan's code) is one document: the files in name order."""
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".md", ".txt", ".markdown"))
    if not files:
        raise ParseError(str(path), 1, "folder holds no .md or .txt chapter files")
    parts = [read_source(f, encoding) for f in files]
    text = "\n\n".join(p.text.rstrip("\n") for p in parts) + "\n"
    return Source(text, parts[0].encoding, str(path))


def parse_file(path: str | Path, fmt: Format | None = None, *, encoding: str | None = None) -> Document:
    """Parse a file, a folder of chapter files, or "-" (standard input).

    Raises `ParseError` (one line: file, line, reason) for input that is not text at all.
    """
    path = Path(path)
    src = _read_folder(path, encoding) if path.is_dir() else read_source(path, encoding)
    meta = _load_meta(path) if str(path) != "-" else None
    if fmt is None and path.is_dir():
        fmt = "markdown"
    text, label, encoding = src.text, src.label, src.encoding
    fmt = fmt or detect_format(text, label)
    # Only the HTML reader parses the bytes; for other formats they go now, not held through the parse.
    utf8 = src.utf8 if fmt == "html" else None
    del src
    doc = _parse_decoded(text, fmt, meta, label, utf8)
    doc.document.encoding = encoding
    doc.document.path = doc.document.path or str(path)
    if not doc.document.sha256 and str(path) != "-":
        doc.document.sha256 = sha256_of(path)
    return doc


def parse_bytes(data: bytes, fmt: Format | None = None, *, label: str = "<bytes>", encoding: str | None = None) -> Document:
    src = decode(data, label, encoding)
    return _parse_decoded(src.text, fmt, None, label, src.utf8)
