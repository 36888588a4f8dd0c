"""Word 97-2003 reader: the bytes of a .doc file → lines of its main text.

A .doc is an OLE2 compound file (read with olefile); its text is in pieces of the `WordDocument` stream,
listed by the piece table (the `Clx` in the `0Table` or `1Table` stream, as the file's header says). Each
piece is UTF-16 or, "compressed", one byte a character in cp1252. The main document is the first `ccpText`
characters: headers, footers, footnotes and comments follow it there and are not read, as the Word reader
leaves them out of a .docx. In that text a paragraph mark, a line break, a page or column break and the end
of a table cell or row each end a line; a field's result is kept and its instructions ("HYPERLINK …") left
out; the marks of pictures, drawings, footnote and comment references are no text. Character formatting
(superscripts) and list numbering are in other tables the reader does not read: "Статья 85¹" reads "851", as
in a plain text, and the parser's unflattening applies; a number Word prints for a list item is not read
(the .docx reader reads both), and a file with lists says so in a warning. What the reader cannot take is a
one-line `ParseError`: a damaged file, an Office file that is not a Word document, an encrypted one, one from
Word 6 or 95.
"""

from __future__ import annotations

import io
import re
import struct

from ..errors import ParseError
from .readers import Decoded, read_text

_WIDENT = 0xA5EC
_WORD97 = 101  # nFib of the oldest file in this format (Word 97 writes 193)
_ENCRYPTED, _TABLE1 = 0x0100, 0x0200  # FibBase flags: fEncrypted, fWhichTblStm
# FibBase, then FibRgW97 and FibRgLw97 (ccpText is its fourth value), then FibRgFcLcb97 (Clx is pair 33)
_CCP_TEXT, _FC_CLX, _LCB_CLX = 0x4C, 0x1A2, 0x1A6
_LCB_PLF_LFO = 0x2EE  # the size of the list instances (PlfLfo, pair 74): 0 when no paragraph is in a list
_BREAKS = {"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-"}
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_FIELD_MARK = re.compile("[\x13\x14\x15]")
# every other control character marks no text (a picture, a drawing, a footnote or comment reference)
_TRANSLATE = str.maketrans({**_BREAKS, **{chr(c): None for c in range(0x20) if c != 0x09 and chr(c) not in _BREAKS}})


def read_doc(data: bytes, label: str) -> Decoded:
    """A Word 97-2003 file's main text as lines; a warning when it has numbered lists, whose numbers are not
    read (a law numbering its articles so would lose them)."""
    raw, lists = _main_text(data, label)
    text = _clean(raw)
    if not any(ch.isalnum() for ch in text):
        raise ParseError(label, 1, "a Word 97-2003 .doc with no text in its body: nothing to parse")
    decoded = read_text(text)
    if lists:
        decoded.warnings.append((1, "the .doc has lists whose numbers Word prints but does not store in the text; "
                                    "they are not read: if articles or points are numbered so, save it as .docx"))
    return decoded


def _main_text(data: bytes, label: str) -> tuple[str, bool]:
    """The document's main text, and whether it has list instances."""
    try:
        word, table = _streams(data, label)
    except ParseError:
        raise
    except Exception:  # noqa: BLE001 - olefile raises OSError and others on a damaged container
        raise ParseError(label, 1, "a damaged Word 97-2003 .doc (OLE2) file: it cannot be read") from None
    clx = table[_u32(word, _FC_CLX) : _u32(word, _FC_CLX) + _u32(word, _LCB_CLX)]
    lists = len(word) >= _LCB_PLF_LFO + 4 and _u32(word, _LCB_PLF_LFO) > 0
    return _pieces_text(word, clx, _u32(word, _CCP_TEXT), label), lists


def _streams(data: bytes, label: str) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names."""
    import olefile  # type: ignore[import-untyped]

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        if not ole.exists("WordDocument"):
            raise ParseError(label, 1, "an OLE2 file with no Word document in it (an Excel or other Office file?)")
        word = ole.openstream("WordDocument").read()
        if len(word) < _LCB_CLX + 4 or _u16(word, 0) != _WIDENT:
            raise ParseError(label, 1, "not a Word 97-2003 document: its WordDocument stream has no Word header")
        if _u16(word, 2) < _WORD97:
            raise ParseError(label, 1, "a Word 6 or Word 95 .doc: save it as .docx or PDF first")
        flags = _u16(word, 0x0A)
        if flags & _ENCRYPTED:
            raise ParseError(label, 1, "an encrypted (password-protected) .doc: save it without a password first")
        table_name = "1Table" if flags & _TABLE1 else "0Table"
        if not ole.exists(table_name):
            raise ParseError(label, 1, f"a damaged .doc: its {table_name} stream is missing")
        return word, ole.openstream(table_name).read()


def _pieces_text(word: bytes, clx: bytes, ccp_text: int, label: str) -> str:
    """The first `ccp_text` characters of the document, from the pieces the piece table lists."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: formatting the pieces refer to, skipped
        pos += 3 + _u16(clx, pos + 1)
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise ParseError(label, 1, "a damaged .doc: its piece table cannot be found")
    size = _u32(clx, pos + 1)
    plc = clx[pos + 5 : pos + 5 + size]
    count = (len(plc) - 4) // 12  # n + 1 character positions of 4 bytes, n descriptors of 8
    if count < 1:
        raise ParseError(label, 1, "a damaged .doc: its piece table lists no text")
    cps = struct.unpack_from(f"<{count + 1}I", plc)
    out, length = [], 0
    for i in range(count):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if end <= start:
            continue
        fc = _u32(plc, 4 * (count + 1) + 8 * i + 2)
        n = end - start
        if fc & 0x40000000:  # compressed: a byte a character, at half the offset
            offset = (fc & 0x3FFFFFFF) // 2
            piece = word[offset : offset + n].decode("cp1252", errors="replace")
        else:
            piece = word[fc : fc + 2 * n].decode("utf-16-le", errors="replace")
        out.append(piece)
        length += len(piece)
        if length >= ccp_text:
            break
    return "".join(out)[:ccp_text]


def _clean(text: str) -> str:
    """Word's marks made text: breaks into line breaks, marks of objects out; a field's instructions out, its
    result kept."""
    if _FIELD_BEGIN in text:
        text = _field_results(text)
    return text.translate(_TRANSLATE)


def _field_results(text: str) -> str:
    """`text` without the instructions of its fields (nested ones too) and without the fields' marks."""
    kept: list[str] = []
    fields: list[bool] = []  # for each open field, whether its result has begun
    pos = 0
    for m in _FIELD_MARK.finditer(text):
        if all(fields):  # outside fields, or in the results of all those open
            kept.append(text[pos : m.start()])
        mark = m.group()
        if mark == _FIELD_BEGIN:
            fields.append(False)
        elif fields and mark == _FIELD_SEPARATOR:
            fields[-1] = True
        elif fields:
            fields.pop()
        pos = m.end()
    if all(fields):
        kept.append(text[pos:])
    return "".join(kept)


def _u16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "little")


def _u32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "little")
