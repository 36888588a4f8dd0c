"""Reading bytes into text: encoding detection and the refusal of input that is not text.

Reads raw bytes (a file or standard input) and produces a `Source`: the decoded text, the encoding it was
read with, and a label for messages. UTF-8 (with or without BOM), UTF-16 with BOM, cp1251 and KOI8-R are
recognised; anything else that decodes only to control characters is refused with a one-line
`ParseError` naming the file and line. Word (.docx, .doc), OpenDocument (.odt), PDF, RTF and single-file web pages
(MHTML) are recognised by their first bytes and passed on undecoded (`Source.binary`) to their readers; a file named .docx or .pdf whose bytes are
neither is refused here with the reason.

UTF-8 with a few bad bytes (a file cut mid-character, a pasted paragraph in another encoding) stays UTF-8:
each bad byte becomes U+FFFD and `Source.warnings` names their lines. Input that is not UTF-8 at all is
given to charset-normalizer, constrained to the documented single-byte encodings (cp1251, KOI8-R); one it
finds to be Latin-1 or anything else is refused. Only regular files and "-" are read, and no more than
`max_input_bytes()` (200 MB, or `COMPLIANCE_MAX_INPUT_MB`): a FIFO or /dev/zero would be read forever.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ParseError

BinaryFormat = Literal["docx", "doc", "odt", "pdf", "rtf", "mhtml"]


@dataclass(frozen=True)
class Source:
    text: str
    encoding: str
    label: str  # file path or "<stdin>", for messages
    binary: BinaryFormat | None = None  # the input is a Word or PDF file: `data` holds it and `text` is empty
    # The bytes of a Word or PDF file; of a text, its bytes when `text` is exactly their UTF-8 (none repaired,
    # no byte order mark), so that a reader handing UTF-8 to a library (HTML: libxml2) need not encode it again.
    data: bytes | None = None
    warnings: tuple[tuple[int, str], ...] = ()  # (line, message): what decoding had to repair


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, max(index, 0)) + 1


# `charset=` of an HTML meta tag or `encoding=` of an XML declaration, in the first kilobytes.
_DECLARED = re.compile(rb"""(?i)\b(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""")
# The documented single-byte encodings, and the ones the detector is also offered so that a text in one of
# them is recognised and refused instead of being read as Cyrillic mojibake.
_SINGLE_BYTE = ("cp1251", "koi8_r")
_RECOGNISED = (*_SINGLE_BYTE, "latin_1", "cp1252", "iso8859_2", "cp1250", "mac_cyrillic", "cp866")


def _declared(data: bytes) -> str | None:
    """The single-byte Cyrillic encoding the input names for itself, if it names one Python knows."""
    m = _DECLARED.search(data, 0, 4096)
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return {"koi8-r": "koi8_r", "koi8-u": "koi8_r"}.get(name, name) if name in ("cp1251", "koi8-r", "koi8-u") else None


def _single_byte(data: bytes, label: str) -> str:
    """The documented single-byte encoding of `data`, by charset-normalizer; `ParseError` for any other."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_RECOGNISED)).best()
    name = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else None
    if name not in _SINGLE_BYTE:
        found = f"looks like {name}" if name else "no known encoding fits"
        raise ParseError(label, 1, f"unknown encoding ({found}): neither UTF-8, UTF-16, cp1251 nor KOI8-R (use --encoding)")
    return name


# UTF-8 input is kept as UTF-8 when its bad bytes are few beside the characters it decodes to: one bad
# byte per this many good non-ASCII characters at most (a cp1251 text decodes to almost none).
_GOOD_PER_BAD = 20
_MAX_BAD_LINES = 10  # lines named in the warning


def _utf8_repaired(data: bytes) -> tuple[str, list[int]] | None:
    """`data` as UTF-8 with each bad sequence replaced by U+FFFD, and their offsets; None when it is not UTF-8."""
    bad: list[int] = []
    pieces: list[str] = []
    view = memoryview(data)
    pos = 0
    while True:
        try:
            pieces.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            pieces.append(codecs.utf_8_decode(view[pos : pos + exc.start], "strict", True)[0])
            bad.append(pos + exc.start)
            pieces.append("\ufffd")
            pos += exc.end
            if len(bad) > 1000:  # a text in another encoding: no need to find every bad byte
                return None
    text = "".join(pieces)
    good = sum(1 for ch in text if ch > "\x7f") - len(bad)
    return (text, bad) if good >= _GOOD_PER_BAD * len(bad) else None


def _bad_bytes_warning(data: bytes, offsets: list[int]) -> tuple[int, str]:
    lines = sorted({_line_of(data, o) for o in offsets})
    shown = ", ".join(map(str, lines[:_MAX_BAD_LINES])) + (", …" if len(lines) > _MAX_BAD_LINES else "")
    return lines[0], (f"{len(offsets)} byte sequence(s) that are not UTF-8 replaced by U+FFFD "
                      f"(line{'s' if len(lines) > 1 else ''} {shown}): the text there is not the source's")


# First bytes of the files that are documents but not text. A .docx is a ZIP archive (its `word/document.xml`
# is checked by the Word reader, which can open the archive); a Word 97-2003 .doc is an OLE2 compound file.
_ZIP = b"PK\x03\x04"
_ODT = b"application/vnd.oasis.opendocument.text"
_PDF = b"%PDF-"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"
# A web page saved as one file (.mht, .mhtml) starts with the MIME headers of a multipart/related archive
# (Chrome writes "From: <Saved by Blink>", Internet Explorer "From: <Saved by Windows Internet Explorer 8>").
_MIME_VERSION = re.compile(rb"(?im)^MIME-Version:[ \t]*1\.0")
_RELATED = re.compile(rb"(?im)^Content-Type:[ \t]*multipart/related")


def _is_mhtml(data: bytes) -> bool:
    head = data[:4096]
    return head[:1].isalpha() and _MIME_VERSION.search(head) is not None and _RELATED.search(head) is not None


def binary_format(data: bytes, label: str) -> BinaryFormat | None:
    """"docx", "doc", "odt", "pdf", "rtf" or "mhtml" when the bytes are such a file (whatever its name), None for
    anything else. RTF and a saved web page (MHTML) are text, but read as text their control words or MIME
    headers would hide every heading: their readers read them.

    A file named .docx/.pdf whose bytes are not one is a `ParseError` saying so: read as text, it would be
    refused as "binary input" without the reason.

    >>> binary_format(b"%PDF-1.7 ...", "x"), binary_format("Статья 1".encode(), "x.txt")
    ('pdf', None)
    """
    if data.startswith(_PDF):
        return "pdf"
    if data.startswith(_ZIP):  # an OpenDocument text names its type first, in a file stored uncompressed
        return "odt" if data[30:38] == b"mimetype" and _ODT in data[38:120] else "docx"
    if data.startswith(_OLE2):  # a Word 97-2003 .doc, or another Office file the Word reader names
        return "doc"
    if data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_RTF):
        return "rtf"
    if _is_mhtml(data):
        return "mhtml"
    suffix = label.lower().rsplit(".", 1)[-1] if "." in label else ""
    if suffix == "docx":
        raise ParseError(label, 1, "named .docx but not a ZIP archive: not a Word document")
    if suffix == "pdf":
        raise ParseError(label, 1, "named .pdf but does not start with %PDF-: not a PDF file")
    return None


def decode(data: bytes, label: str, encoding: str | None = None) -> Source:
    """Decode `data`, detecting the encoding unless one is given; a Word or PDF file is passed on undecoded.

    >>> decode("Статья 1. Трудовой договор".encode("cp1251"), "x.txt").encoding
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
    warnings: tuple[tuple[int, str], ...] = ()
    if data.startswith(codecs.BOM_UTF8):
        enc, body = "utf-8-sig", data
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body = "utf-16", data
    else:
        enc, body = "utf-8", data
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        if enc == "utf-16":
            raise ParseError(label, _line_of(data, exc.start), f"invalid {enc} byte sequence") from None
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ParseError(label, _line_of(data, nul), "binary input (NUL byte): not a text file") from None
        repaired = _utf8_repaired(data)
        if repaired is not None:
            text, bad = repaired
            warnings = (_bad_bytes_warning(data, bad),)
        else:
            # A page that names its charset ("<meta charset=windows-1251>") is believed before the detector.
            enc = _declared(data) or _single_byte(data, label)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as bad_byte:  # cp1251 leaves one byte undefined: 0x98
                line = _line_of(data, bad_byte.start)
                raise ParseError(label, line, f"byte 0x{data[bad_byte.start]:02x} is not {enc} (use --encoding)") from None
    _refuse_binary(text, label)
    utf8 = data if enc == "utf-8" and not warnings else None
    return Source(text.removeprefix("\ufeff"), enc, label, data=utf8, warnings=warnings)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


def _refuse_binary(text: str, label: str) -> None:
    controls = [m.start() for m in _CONTROL.finditer(text, 0, 65536)]
    if controls and len(controls) > 0.01 * min(len(text), 65536):
        first = controls[0]
        raise ParseError(label, text.count("\n", 0, first) + 1, "binary input (control characters): not a text file")
    if not any(ch.isalnum() for ch in text):
        raise ParseError(label, 1, "no letters or digits: nothing to parse")


def max_input_bytes() -> int:
    """The largest input read: 200 MB, or `COMPLIANCE_MAX_INPUT_MB` megabytes."""
    try:
        return int(float(os.environ.get("COMPLIANCE_MAX_INPUT_MB", "200")) * 1_000_000)
    except ValueError:
        return 200_000_000


def _read_limited(stream_read: Callable[[int], bytes], label: str, size: int | None = None) -> bytes:
    """At most `max_input_bytes()` of a stream, else a `ParseError`; `size`: what a file says it holds.

    Asked for limit + 1 bytes, a file object makes a buffer that large (200 MB) whatever the file holds: a
    file is asked for one byte more than its size, and for the rest only if it grew since.
    """
    limit = max_input_bytes()
    wanted = limit + 1 if size is None else min(size, limit) + 1
    data = stream_read(wanted)
    if len(data) == wanted and wanted <= limit:  # the file grew since its size was read
        data += stream_read(limit + 1 - wanted)
    if len(data) > limit:
        raise ParseError(label, 1, f"larger than {limit // 1_000_000} MB (set COMPLIANCE_MAX_INPUT_MB to read it)")
    return data


def read(path: Path, encoding: str | None = None) -> Source:
    """Read a regular file (or, for "-", standard input) into a `Source`."""
    import sys

    if str(path) == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None or stdin.closed:
            raise ParseError("<stdin>", 1, "standard input is closed: no text to parse")
        try:
            return decode(_read_limited(stdin.read, "<stdin>"), "<stdin>", encoding)
        except OSError as exc:
            raise ParseError("<stdin>", 1, f"cannot read standard input: {exc.strerror or exc}") from None
    try:
        info = path.stat()
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise ParseError(str(path), 1, "is a folder; only a folder of chapter files (*.md) is read as one document")
        if not stat.S_ISREG(mode):
            raise ParseError(str(path), 1, "not a regular file (a pipe, device or socket): give a file or -")
        with path.open("rb") as f:
            data = _read_limited(f.read, str(path), info.st_size)
    except OSError as exc:
        raise ParseError(str(path), 1, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, str(path), encoding)
