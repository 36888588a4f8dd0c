"""Reading bytes into text: encoding detection and the refusal of input that is not text.

Reads raw bytes (a file or standard input) and produces a `Source`: the decoded text, the encoding it was
read with, and a label for messages. UTF-8 (with or without BOM), UTF-16 with BOM, cp1251 and KOI8-R are
recognised; anything else that decodes only to control characters is refused with a one-line
`ParseError` naming the file and line. Word (.docx) and PDF files are recognised by their first bytes and
passed on undecoded (`Source.binary`) to their readers; a Word 97-2003 .doc, or a file named .docx or .pdf
whose bytes are neither, is refused here with the reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ParseError

BinaryFormat = Literal["docx", "pdf"]

# Letters that are frequent in Russian and Kazakh text; the single-byte encoding that decodes the input into
# more of them wins. cp1251 and KOI8-R map the same bytes to different Cyrillic letters, so this separates them.
_FREQUENT = set("оеаинтсрвлкмдпуяыьгзбчйжшюцщэфёъхОЕАИНТСРВЛКМДПУ")


@dataclass(frozen=True)
class Source:
    text: str
    encoding: str
    label: str  # file path or "<stdin>", for messages
    binary: BinaryFormat | None = None  # the input is a Word or PDF file: `data` holds it and `text` is empty
    data: bytes | None = None


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, max(index, 0)) + 1


# `charset=` of an HTML meta tag or `encoding=` of an XML declaration, in the first kilobytes.
_DECLARED = re.compile(rb"""(?i)\b(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""")
_SINGLE_BYTE = {"cp1251", "koi8-r", "koi8-u"}


def _declared(data: bytes) -> str | None:
    """The single-byte Cyrillic encoding the input names for itself, if it names one Python knows."""
    m = _DECLARED.search(data, 0, 4096)
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return name if name in _SINGLE_BYTE else None


def _single_byte_guess(data: bytes) -> str:
    def score(enc: str) -> int:
        return sum(ch in _FREQUENT for ch in data.decode(enc, errors="replace"))

    return max(("cp1251", "koi8_r"), key=score)


# First bytes of the files that are documents but not text. A .docx is a ZIP archive (its `word/document.xml`
# is checked by the Word reader, which can open the archive); a Word 97-2003 .doc is an OLE2 compound file.
_ZIP = b"PK\x03\x04"
_PDF = b"%PDF-"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def binary_format(data: bytes, label: str) -> BinaryFormat | None:
    """"docx" or "pdf" when the bytes are such a file (whatever its name), None for anything else.

    A .doc, or a file named .docx/.pdf whose bytes are not one, is a `ParseError` saying so: read as text,
    it would only be refused as "binary input" without the reason.

    >>> binary_format(b"%PDF-1.7 ...", "x"), binary_format("Статья 1".encode(), "x.txt")
    ('pdf', None)
    """
    if data.startswith(_PDF):
        return "pdf"
    if data.startswith(_ZIP):
        return "docx"
    if data.startswith(_OLE2):
        raise ParseError(label, 1, "a Word 97-2003 .doc (OLE2) file: save it as .docx or PDF first")
    suffix = label.lower().rsplit(".", 1)[-1] if "." in label else ""
    if suffix == "docx":
        raise ParseError(label, 1, "named .docx but not a ZIP archive: not a Word document")
    if suffix == "pdf":
        raise ParseError(label, 1, "named .pdf but does not start with %PDF-: not a PDF file")
    return None


def decode(data: bytes, label: str, encoding: str | None = None) -> Source:
    """Decode `data`, detecting the encoding unless one is given; a Word or PDF file is passed on undecoded.

    >>> decode("Статья 1".encode("cp1251"), "x.txt").encoding
    'cp1251'
    """
    if not data or data.isspace():  # not data.strip(): that copies a 50 MB input once more
        raise ParseError(label, 1, "empty input: no text to parse")
    binary = binary_format(data, label)
    if binary is not None:
        return Source("", binary, label, binary=binary, data=data)
    if encoding:
        try:
            return Source(data.decode(encoding), encoding, label)
        except (UnicodeDecodeError, LookupError) as exc:
            pos = getattr(exc, "start", 0)
            raise ParseError(label, _line_of(data, pos), f"cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        enc, body = "utf-8-sig", data
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body = "utf-16", data
    else:
        enc, body = "utf-8", data
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        if enc != "utf-8":
            raise ParseError(label, _line_of(data, exc.start), f"invalid {enc} byte sequence") from None
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ParseError(label, _line_of(data, nul), "binary input (NUL byte): not a text file") from None
        best = _single_byte_guess(data)
        # A page that names its charset ("<meta charset=windows-1251>") is believed before letter counts.
        tries = (_declared(data), best, "koi8_r" if best == "cp1251" else "cp1251")
        for enc in dict.fromkeys(e for e in tries if e):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError as bad:
                pos = bad.start
        else:
            raise ParseError(
                label, _line_of(data, pos), "unknown encoding: neither UTF-8, UTF-16, cp1251 nor KOI8-R (use --encoding)"
            ) from None
    _refuse_binary(text, label)
    return Source(text.removeprefix("\ufeff"), enc, label)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


def _refuse_binary(text: str, label: str) -> None:
    controls = [m.start() for m in _CONTROL.finditer(text, 0, 65536)]
    if controls and len(controls) > 0.01 * min(len(text), 65536):
        first = controls[0]
        raise ParseError(label, text.count("\n", 0, first) + 1, "binary input (control characters): not a text file")
    if not any(ch.isalnum() for ch in text):
        raise ParseError(label, 1, "no letters or digits: nothing to parse")


def read(path: Path, encoding: str | None = None) -> Source:
    """Read a file (or, for "-", standard input) into a `Source`."""
    import sys

    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>", encoding)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ParseError(str(path), 1, "is a folder; only a folder of chapter files (*.md) is read as one document") from None
    except OSError as exc:
        raise ParseError(str(path), 1, f"cannot read: {exc.strerror}") from None
    return decode(data, str(path), encoding)
