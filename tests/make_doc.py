"""Word 97-2003 .doc files for the tests, built byte by byte (no Word here to save one): an OLE2 compound
file (version 3, 512-byte sectors, streams of 4096 bytes or more so that no mini stream is needed) holding a
`WordDocument` stream with the header fields the reader reads and a `1Table` stream with the piece table.
Written from the published formats ([MS-CFB], [MS-DOC]); olefile, an independent reader, opens them."""

from __future__ import annotations

import struct

_END, _FREE, _FATSECT, _NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_TEXT_AT = 0x800  # where the text pieces start in the WordDocument stream


def word_doc(pieces: list[tuple[str, bool]], *, tail: str = "", flags: int = 0x0200, n_fib: int = 0x00C1,
             ident: int = 0xA5EC, streams: tuple[str, ...] = ("WordDocument", "1Table"), lists: bool = False) -> bytes:
    """A .doc whose main text is `pieces`, each (text, compressed: one cp1252 byte a character, else UTF-16),
    followed by `tail` (the text of headers or footnotes, after the main text's characters)."""
    word = bytearray(_TEXT_AT)
    struct.pack_into("<HHHHHH", word, 0, ident, n_fib, 0, 0x0419, 0, flags)
    struct.pack_into("<H", word, 0x20, 14)  # csw
    struct.pack_into("<H", word, 0x3E, 22)  # cslw
    struct.pack_into("<H", word, 0x98, 0x5D)  # cbRgFcLcb
    cps, fcs = [0], []
    for text, compressed in [*pieces, (tail, False)] if tail else pieces:
        if compressed:
            fcs.append(0x40000000 | (len(word) * 2))
            word += text.encode("cp1252")
        else:
            fcs.append(len(word))
            word += text.encode("utf-16-le")
        cps.append(cps[-1] + len(text))
    struct.pack_into("<I", word, 0x4C, sum(len(t) for t, _ in pieces))  # ccpText: the main text only
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    clx = b"\x01\x02\x00\xaa\xbb" + b"\x02" + struct.pack("<I", len(plc)) + plc  # a Prc first, as Word writes
    table = bytearray(16) + clx
    struct.pack_into("<II", word, 0x1A2, 16, len(clx))  # fcClx, lcbClx
    if lists:  # fcPlfLfo, lcbPlfLfo: list instances somewhere in the table stream (their bytes are not read)
        struct.pack_into("<II", word, 0x2EA, 0, 28)
    return compound_file({name: data for name, data in zip(streams, (bytes(word), bytes(table)), strict=False)})


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file holding `streams` (each padded to 4096 bytes at least) under its root."""
    sectors: list[bytes] = []
    fat: list[int] = []
    starts = {}
    for name, data in streams.items():
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0")
        starts[name] = (len(sectors), len(data))
        n = len(data) // 512
        for i in range(n):
            sectors.append(data[512 * i : 512 * (i + 1)])
            fat.append(len(sectors) if i + 1 < n else _END)
    directory_at = len(sectors)
    entries = [_entry("Root Entry", 5, _END, 0, child=1 if streams else _NONE)]
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the order the format sorts names in
    for i, name in enumerate(names):  # a chain of right siblings, each name after the one before
        start, size = starts[name]
        entries.append(_entry(name, 2, start, size, right=i + 2 if i + 1 < len(names) else _NONE))
    directory = b"".join(entries).ljust(-(-len(entries) // 4) * 512, b"\0")
    for i in range(len(directory) // 512):
        sectors.append(directory[512 * i : 512 * (i + 1)])
        fat.append(len(sectors) if i + 1 < len(directory) // 512 else _END)
    fat_at = len(sectors)
    fat.append(_FATSECT)
    fat += [_FREE] * (128 - len(fat))
    sectors.append(struct.pack("<128I", *fat[:128]))
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, directory_at, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<109I", header, 76, fat_at, *([_FREE] * 108))
    return bytes(header) + b"".join(sectors)


def _entry(name: str, kind: int, start: int, size: int, *, child: int = _NONE, right: int = _NONE) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    out = bytearray(128)
    out[: len(encoded)] = encoded
    struct.pack_into("<HBBIII", out, 64, len(encoded), kind, 1, _NONE, right, child)
    struct.pack_into("<II", out, 116, start, size)
    return bytes(out)
