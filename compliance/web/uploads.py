"""Laws given in the browser: uploaded files or pasted text → parsed documents in a job's folder.

Reads the bytes of each upload with the name the browser sent, and the corrections the user confirmed
(country, kind, language, title). Produces `Upload`s: each file is written under a name the server makes
(`01.md`, from a fixed list of suffixes), so no user-supplied path reaches the file system; the name the
user gave is only shown, and becomes the document's id as a file name does on the command line. Input that
cannot be used is `UploadError`, one line naming the file as the user knows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ComplianceError, UsageError
from ..models import Document
from ..parse import parse_file
from .jobs import Upload

# The suffixes the readers take; the stored file keeps one so that the format is detected as for a local file.
SUFFIXES = (".docx", ".doc", ".odt", ".pdf", ".rtf", ".html", ".htm", ".mht", ".mhtml", ".txt", ".md", ".markdown", ".xml", ".akn")
PASTED = "pasted-text.txt"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


class UploadError(UsageError):
    """An upload the app refuses: one line for the page, in the interface's words when `key` names them."""

    def __init__(self, reason: str, key: str | None = None, **values: object) -> None:
        super().__init__(reason)
        self.key = key
        self.values = values

    def message(self, words: dict[str, str]) -> str:
        return words[self.key].format(**self.values) if self.key else str(self)


@dataclass(frozen=True)
class Limits:
    files: int = 10
    file_mb: int = 20
    total_mb: int = 60

    @property
    def file_bytes(self) -> int:
        return self.file_mb * 1024 * 1024

    @property
    def total_bytes(self) -> int:
        return self.total_mb * 1024 * 1024


def display_name(filename: str | None) -> str:
    """The last part of a browser's file name, without control characters or separators, for showing only.

    >>> display_name("C:\\\\laws\\\\kodeks.docx"), display_name("../../etc/passwd"), display_name("")
    ('kodeks.docx', 'passwd', 'upload')
    """
    name = re.split(r"[/\\]", filename or "")[-1]
    name = _UNSAFE.sub("", name).strip(" .")
    return name[:120] or "upload"


def suffix_of(name: str) -> str | None:
    """The suffix the stored file gets, or None for a type the readers do not take.

    >>> suffix_of("Law.DOCX"), suffix_of("act.akn.xml"), suffix_of("scan.png")
    ('.docx', '.xml', None)
    """
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIXES else None


def store(folder: Path, given: list[tuple[str, bytes]], limits: Limits) -> list[Upload]:
    """Write each (name, bytes) into `folder` under a server-made name, parse it, and return the uploads."""
    if not given:
        raise UploadError("no file and no text", "error_no_input")
    if len(given) > limits.files:
        raise UploadError("too many files", "error_too_many", count=limits.files)
    out = []
    for i, (raw_name, data) in enumerate(given, start=1):
        name = display_name(raw_name)
        suffix = suffix_of(name)
        if suffix is None:
            raise UploadError(f"{name}: unsupported type", "error_type", name=name, types=" ".join(SUFFIXES))
        if len(data) > limits.file_bytes:
            raise UploadError(f"{name}: too big", "error_too_big", name=name, size=limits.file_mb)
        path = folder / f"{i:02d}{suffix}"
        path.write_bytes(data)
        out.append(Upload(name, path, _parse(path, name)))
    return out


def _parse(path: Path, name: str, language: str | None = None) -> Document:
    """Parse the stored file; errors name the file as the user knows it. A meta.yaml with the language, when
    the user corrected it, makes the reader build the tree with that language's vocabulary."""
    doc = _read(path, name)
    if language and language != doc.document.language:
        meta = doc.document.model_copy(update={"language": language, "path": path.name, "sha256": None})
        path.with_suffix(".meta.yaml").write_text(
            yaml.safe_dump(meta.model_dump(mode="json", exclude_none=True), allow_unicode=True), "utf-8")
        doc = _read(path, name)
    return doc


def _read(path: Path, name: str) -> Document:
    """`parse_file` of a stored upload, named (id, path, errors) as the user named it."""
    try:
        doc = parse_file(path)
    except ComplianceError as exc:
        raise UploadError(_one_line(str(exc).replace(str(path), name))) from None
    doc.document.id = name
    doc.document.path = name
    return doc


def _one_line(text: str) -> str:
    return " ".join(text.split())


def confirm(upload: Upload, country: str | None, kind: str | None, language: str | None, title: str | None) -> None:
    """Apply what the user confirmed or corrected to one upload, as `--country/--kind/--title` do on `check`."""
    from ..parse.meta import apply_options

    if language and language != upload.doc.document.language:
        upload.doc = _parse(upload.path, upload.name, language)
    apply_options(upload.doc.document, country or None, kind or None, title or None)
