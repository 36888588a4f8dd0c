"""Parse stage: a law or convention (file, folder of chapter files, or text) → `Document` (metadata + tree).

Reads bytes (`source.py`: encoding, refusal of non-text), splits them into lines by format (`readers.py`:
Markdown, HTML, plain text; `docx.py`, `pdf.py`: Word and PDF files; Akoma Ntoso goes to `compliance.akn`),
builds the article tree from the vocabulary (`structure.py`), and reads editorial notes into amendment events (`notes.py`). Metadata comes
from a `<name>.meta.yaml` beside the file when there is one (the bundled corpus has one per document).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..models import Document, DocumentMeta, Node, Warning_
from .readers import Format, detect_format, read, read_binary
from .source import ParseError, Source, decode
from .source import read as read_source
from .structure import build_tree, clean_num

__all__ = ["ParseError", "parse_file", "parse_text", "detect_format", "detect_language", "clean_num", "meta_path", "read_meta"]

FORMATS: tuple[str, ...] = ("markdown", "html", "text", "akn", "docx", "pdf")
BINARY_FORMATS = ("docx", "pdf")  # read from the file's bytes, not from decoded text


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


def meta_path(path: Path) -> Path:
    """Where the metadata of a corpus document lives: `2020-05-04.md` → `2020-05-04.meta.yaml`,
    `2021-07-01.kk.md` → `2021-07-01.kk.meta.yaml`, `C087.en.txt` → `C087.meta.yaml`, folder → `<folder>.meta.yaml`.
    """
    if path.is_dir():
        return path.parent / f"{path.name}.meta.yaml"
    stem = path.name.rsplit(".", 1)[0]
    first = path.parent / f"{stem}.meta.yaml"
    if first.is_file() or "." not in stem:
        return first
    return path.parent / f"{stem.rsplit('.', 1)[0]}.meta.yaml"


def _load_meta(path: Path) -> DocumentMeta | None:
    mp = meta_path(path)
    return read_meta(mp) if mp.is_file() else None


def read_meta(meta_file: Path) -> DocumentMeta:
    """A `<name>.meta.yaml` as `DocumentMeta`. Anything wrong raises `ParseError` naming the file, the line
    (of the offending key, for a bad field) and the field: the corpus index reads metadata through here too.
    """
    text = meta_file.read_text("utf-8")
    try:
        # the C loader where PyYAML has it (a third of a millisecond instead of three, for every parse)
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ParseError(str(meta_file), line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise ParseError(str(meta_file), 1, f"expected a mapping of fields, got {type(data).__name__}")
    try:
        return DocumentMeta.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        line = (_line_of_key(text, err["loc"][0]) if err["loc"] else None) or 1
        field = ".".join(str(p) for p in err["loc"]) or "(document)"
        raise ParseError(str(meta_file), line, f"{field}: {err['msg']}") from None


def _line_of_key(text: str, key: object) -> int | None:
    """1-based line of a top-level key in a YAML mapping, for error messages."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return int(key_node.start_mark.line) + 1
    return None


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
    text: str, fmt: Format | None, meta: DocumentMeta | None, label: str
) -> Document:
    """`parse_text` with the metadata and label of the file the text comes from."""
    fmt = fmt or detect_format(text, label)
    if fmt == "akn":
        from ..akn import from_akn

        return from_akn(text, label=label)
    if fmt in BINARY_FORMATS:
        raise ParseError(label, 1, f"not a {fmt} file: its bytes are text (leave --from out)")
    language = (meta.language if meta else None) or detect_language(text)
    with _cycle_collector_paused():
        decoded = read(text, fmt)
        tree, warnings = build_tree(decoded, language)
    return _document(decoded.text, tree, warnings, fmt, meta, label, language)


def _parse_binary(src: Source, fmt: Format | None, meta: DocumentMeta | None) -> Document:
    """A Word or PDF file (`src.binary`): read from its bytes, then built like any other text."""
    assert src.binary is not None and src.data is not None
    if fmt is not None and fmt != src.binary:
        raise ParseError(src.label, 1, f"a {src.binary} file, not {fmt}: leave --from out")
    with _cycle_collector_paused():
        decoded = read_binary(src.data, src.binary, src.label)
        language = (meta.language if meta else None) or detect_language(decoded.text)
        tree, warnings = build_tree(decoded, language)
    return _document(decoded.text, tree, warnings, src.binary, meta, src.label, language)


def _document(
    text: str, tree: Node, warnings: list[Warning_], fmt: Format, meta: DocumentMeta | None, label: str, language: str
) -> Document:
    meta = meta.model_copy() if meta else DocumentMeta(id=Path(label).name)
    meta.language = language
    meta.format = fmt
    return Document(document=meta, tree=tree, warnings=warnings, source_text=text)


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
    if src.binary is not None:
        doc, encoding = _parse_binary(src, fmt, meta), None
    else:
        text, label, encoding = src.text, src.label, src.encoding
        fmt = fmt or detect_format(text, label)
        del src
        doc = _parse_decoded(text, fmt, meta, label)
    doc.document.encoding = encoding
    doc.document.path = doc.document.path or str(path)
    if not doc.document.sha256 and str(path) != "-":
        from ..corpus import sha256_of

        doc.document.sha256 = sha256_of(path)
    return doc


def parse_bytes(data: bytes, fmt: Format | None = None, *, label: str = "<bytes>", encoding: str | None = None) -> Document:
    src = decode(data, label, encoding)
    if src.binary is not None:
        return _parse_binary(src, fmt, None)
    return _parse_decoded(src.text, fmt, None, label)
