"""Saved web pages in one file (.mht, .mhtml: a browser's "Web page, single file" / "Web archive"): the page's
HTML taken out of its MIME archive, then read as any HTML page.

Reads the archive with the standard library's `email` parser: the page is the HTML part at the address the
archive was saved from (`Snapshot-Content-Location`, or the root part's `Content-Location`), else the first
HTML part; its transfer encoding (quoted-printable, base64) is undone and its bytes decoded as any file's
(`source.decode`: the charset the part names, the page's own <meta charset>, or detection). Style sheets,
images and frames are other parts and are not read. An archive with no HTML part is a `ParseError`.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from ..errors import ParseError
from .readers import Decoded, read_html
from .source import Source, decode


def read_mhtml(data: bytes, label: str) -> Decoded:
    """The archived page's HTML, read as HTML."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        page = _page(message)
    except RecursionError:  # the parser's call per level of nested parts: a hostile archive, not a page
        raise ParseError(label, 1, "a saved web page (MHTML) with parts nested too deep to read") from None
    if page is None:
        raise ParseError(label, 1, "a saved web page (MHTML) with no HTML page in it: nothing to parse")
    payload = page.get_payload(decode=True)
    source = _decoded(payload if isinstance(payload, bytes) else b"", _python_codec(page.get_content_charset()), label)
    decoded = read_html(source.text, label)
    # a line of the page is no line of the archive: what decoding repaired is said of the page
    decoded.warnings += [(1, f"the page in the archive, its line {line}: {message}") for line, message in source.warnings]
    return decoded


def _decoded(html: bytes, charset: str | None, label: str) -> Source:
    """The page's bytes decoded: in the charset its part names, else (a part damaged in that charset, or
    naming none) as any file's bytes are; a `ParseError` at the archive's line 1 when neither can."""
    try:
        return decode(html, label, charset)
    except ParseError as declared:
        try:
            return decode(html, label, None)
        except ParseError as exc:
            reason = (exc if charset is None else declared).reason
            raise ParseError(label, 1, f"the page in the saved web page (MHTML) cannot be read: {reason}") from None


def _page(message: Message) -> Message | None:
    """The archive's page: the HTML part saved from the archive's address, else its first HTML part."""
    parts = [p for p in message.walk() if p.get_content_type() in ("text/html", "application/xhtml+xml")]
    address = message.get("Snapshot-Content-Location") or message.get("Content-Location")
    at_address = [p for p in parts if address and p.get("Content-Location") == address]
    found = at_address or parts
    return found[0] if found else None


def _python_codec(charset: str | None) -> str | None:
    """The part's charset as Python names it; None when it names none Python knows (the bytes then decide)."""
    if not charset:
        return None
    import codecs

    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None
