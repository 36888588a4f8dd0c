"""Metadata of a document: the `<name>.meta.yaml` beside its text, and the hash that pins the text.

Reads a meta.yaml file into `DocumentMeta` (`read_meta`; a bad file raises `ParseError` naming the file,
the line of the offending key and the field), finds where a text's metadata lives (`meta_path`), and
hashes a text file or folder of chapter files (`sha256_of`). The parse stage attaches this metadata to
the documents it reads; the corpus index reads every meta.yaml through here.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Literal

import yaml
from pydantic import ValidationError

from .. import yamlsafe
from ..errors import ParseError, UsageError
from ..models import DocumentMeta


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
    text = yamlsafe.read_text(meta_file)
    try:
        data = yamlsafe.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ParseError(str(meta_file), line, f"not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise ParseError(str(meta_file), 1, f"expected a mapping of fields, got {type(data).__name__}")
    where = data.get("path")
    if isinstance(where, str) and (PurePosixPath(where).is_absolute() or ".." in PurePosixPath(where).parts or "\\" in where):
        # the checksum line of a report says "matches the file": only a file of the corpus may be meant
        raise ParseError(str(meta_file), _line_of_key(text, "path") or 1, f"path: {where!r} leaves the corpus folder")
    for key, normal in (("kind", normal_kind), ("language", normal_language)):
        value = data.get(key)
        if isinstance(value, str):
            try:
                data[key] = normal(value)
            except ValueError as exc:
                raise ParseError(str(meta_file), _line_of_key(text, key) or 1, f"{key}: {exc}") from None
    try:
        return DocumentMeta.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        line = (_line_of_key(text, err["loc"][0]) if err["loc"] else None) or 1
        field = ".".join(str(p) for p in err["loc"]) or "(document)"
        raise ParseError(str(meta_file), line, f"{field}: {err['msg']}") from None


# "Excerpt: …", or a count of the units held: "39 of 41 chapters (arts. 1–288 and 301–366)"
_EXCERPT = re.compile(r"\s*(?:excerpt\b|\d+\s+of\s+\d+\s+(?:chapters|sections|articles|parts)\b)", re.IGNORECASE)


def extent_from_provenance(provenance: str | None) -> Literal["whole", "excerpt"] | None:
    """Whole law or excerpt, as a meta.yaml's provenance says it ("Complete code, …", "Excerpt: arts. 166–178").

    >>> extent_from_provenance("Complete law, edition after …"), extent_from_provenance("39 of 41 chapters (…)")
    ('whole', 'excerpt')
    """
    if not provenance:
        return None
    if re.match(r"\s*complete\b", provenance, re.IGNORECASE):
        return "whole"
    if _EXCERPT.match(provenance):
        return "excerpt"
    return None


def extent_of_meta(meta: DocumentMeta) -> Literal["whole", "excerpt"] | None:
    """The one reading of a text's extent from its metadata: `extent` when given, else what the provenance says.

    The parse stage fills `extent` this way (and from the numbering when both are silent), so a parsed
    document's `extent` is final; the corpus, the rules and the diff ask this function for unparsed metadata.
    """
    return meta.extent or extent_from_provenance(meta.provenance)


# Kinds the corpus gives its ILO instruments; the kinds of national law are those vocab/kinds.yaml names.
_INSTRUMENT_KINDS = ("convention", "protocol", "recommendation")
# ISO 639-2 codes some metadata writes, for the BCP-47 tags the languages vocabulary uses
_LANGUAGE_ALIASES = {"rus": "ru", "kaz": "kk", "kir": "ky", "tgk": "tg", "tuk": "tk", "eng": "en", "aze": "az",
                     "kat": "ka", "geo": "ka", "bel": "be", "ukr": "uk"}


def normal_kind(value: str) -> str:
    """A kind of law as rules name it: "Criminal  Code" → "criminal code"; `ValueError` for an unknown kind.

    >>> normal_kind(" Labour Code ")
    'labour code'
    """
    from .describe import _vocab

    kind = " ".join(value.lower().split())
    known = [*(k for k, _ in _vocab().kinds), *_INSTRUMENT_KINDS]
    if kind not in known:
        raise ValueError(f"unknown kind of law {value!r}; known: {', '.join(known)}")
    return kind


def normal_language(value: str) -> str:
    """A BCP-47 tag as the vocabulary writes it: "ru-RU" → "ru", "uz-latn-UZ" → "uz-Latn", "rus" → "ru";
    `ValueError` for a language the checker does not know (it would be checked against no rule, silently).

    >>> normal_language("ru-RU"), normal_language("UZ_latn"), normal_language("kaz")
    ('ru', 'uz-Latn', 'kk')
    """
    from .language import language_name

    parts = [p for p in value.strip().replace("_", "-").split("-") if p]
    if not parts:
        raise ValueError("empty language tag")
    lang = _LANGUAGE_ALIASES.get(parts[0].lower(), parts[0].lower())
    script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    for tag in ([f"{lang}-{script}"] if script else []) + [lang]:
        if language_name(tag) != tag:  # the vocabulary names it
            return tag
    hint = " (give the script: uz-Latn or uz-Cyrl)" if lang == "uz" else ""
    raise ValueError(f"unknown language {value!r}{hint}")


def apply_options(meta: DocumentMeta, country: str | None = None, kind: str | None = None,
                  title: str | None = None) -> None:
    """`--country`, `--kind`, `--title` given on the command line: they win over metadata and the text."""
    if kind is not None:
        try:
            kind = normal_kind(kind)
        except ValueError as exc:
            raise UsageError(f"--kind: {exc}") from None
    for name, value in (("country", country.upper() if country else None), ("kind", kind), ("title", title)):
        if value is not None:
            setattr(meta, name, value)
            meta.inferred = [f for f in meta.inferred if f != name]


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


# The files of a folder read as one document (its chapters), in name order: what is read is what is hashed.
CHAPTER_SUFFIXES = (".md", ".txt", ".markdown")
# The files that can be a law, and the notes on a folder's sources that never are (nor a chapter of one).
LAW_SUFFIXES = (*CHAPTER_SUFFIXES, ".html", ".htm", ".xml", ".docx", ".doc", ".odt", ".pdf", ".rtf", ".mht", ".mhtml")
NOT_LAWS = frozenset({"provenance.md", "readme.md"})


def _law_file(path: Path, suffixes: tuple[str, ...] = LAW_SUFFIXES) -> bool:
    return path.is_file() and path.suffix.lower() in suffixes and path.name.lower() not in NOT_LAWS


def chapter_files(folder: Path) -> list[Path]:
    """The chapter files of a folder read as one document, in name order."""
    return sorted(p for p in folder.iterdir() if _law_file(p, CHAPTER_SUFFIXES))


def one_law(folder: Path, *, named_alike: bool = True) -> bool:
    """Whether a folder is one law in chapter files: it holds chapter files and no other law file (a Word,
    PDF or HTML file is never a chapter). With `named_alike`, the chapters' names must also be the same but
    for their numbers (glava-01.md, glava-02.md, as Tajikistan's code): a folder of laws in Markdown holds
    files of other names."""
    laws = [p for p in folder.iterdir() if _law_file(p)]
    chapters = [p for p in laws if p.suffix.lower() in CHAPTER_SUFFIXES]
    return bool(chapters) and len(chapters) == len(laws) and (not named_alike or alike(chapters))


def alike(files: list[Path]) -> bool:
    """Whether the files' names are the same but for their numbers (glava-01.md, glava-02.md)."""
    return len({re.sub(r"\d+", "#", p.name.lower()) for p in files}) == 1


def laws_in(folder: Path) -> list[Path]:
    """The laws under a folder, in name order: a folder that is one law in chapters (`one_law`) counts once,
    any other law file once, and each subfolder's laws in their turn, but for the folder a browser saves
    beside a page ("law_files" beside "law.htm": its frames, images and style sheets are not laws)."""
    if one_law(folder):
        return [folder]
    out: list[Path] = []
    paths = sorted(folder.iterdir())
    pages = {p.stem for p in paths if p.is_file() and p.suffix.lower() in (".htm", ".html")}
    for path in paths:
        if path.is_dir():
            if not _saved_with_page(path.name, pages):
                out.extend(laws_in(path))
        elif _law_file(path):
            out.append(path)
    return out


# What browsers name the folder of a page saved whole: Chrome and Firefox "<page>_files", older Internet
# Explorer and Word in other languages "<page>.files", "<page>-Dateien", "<page>_fichiers" …
_SAVED_FOLDER = re.compile(r"(?i)^(?P<page>.+?)(?:_files|\.files|-dateien|_fichiers|_archivos|_file|\.fld)$")


def _saved_with_page(name: str, pages: set[str]) -> bool:
    m = _SAVED_FOLDER.match(name)
    return m is not None and m.group("page") in pages


def sha256_of(path: Path) -> str:
    """sha256 of a regular file's bytes, or of a folder's chapter files concatenated in name order.

    A pipe or device is a `ParseError`: hashing it would read forever.
    """
    path = Path(path)
    return sha256_of_files(chapter_files(path) if path.is_dir() else [path])


def sha256_of_files(files: list[Path]) -> str:
    """sha256 of the files' bytes concatenated in the order given (what the parse stage read, `read_files`)."""
    digest = hashlib.sha256()
    for f in files:
        if not f.is_file():
            raise ParseError(str(f), 1, "not a regular file: cannot be hashed")
        with f.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def unique_ids(metas: list[DocumentMeta]) -> None:
    """Give documents that share an id (two files named `law.md` in different folders) ids qualified by their
    folder, then by their whole path: findings and reports tell documents apart by id."""
    for qualify in (lambda p: f"{p.parent.name}/{p.name}", str):
        seen: dict[str, list[DocumentMeta]] = {}
        for meta in metas:
            seen.setdefault(meta.id, []).append(meta)
        for same in seen.values():
            paths = {m.path for m in same}
            if len(same) > 1 and len(paths) == len(same) and all(m.path and Path(m.path).name == m.id.rsplit("/", 1)[-1]
                                                                   for m in same):
                for meta in same:
                    meta.id = qualify(Path(meta.path or meta.id))
