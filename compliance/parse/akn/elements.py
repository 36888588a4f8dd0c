"""Akoma Ntoso XML at the element level: the namespaces, small lxml helpers shared by the export and the
import (child lookup, inline and block text, attributes that XML 1.0 cannot carry written JSON-escaped), and
safe parsing.

Reads and writes lxml elements; produces strings and elements, never a `Document`. The safe parser expands
no entities, loads no DTD and touches no network; `_refuse_dtd` turns away, with a one-line `ParseError`,
text whose DOCTYPE declares entities or names an external DTD before lxml sees it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

from ...errors import ParseError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
CC_NS = "https://ilo-compliance.example/ns/1"
_A = f"{{{AKN_NS}}}"
_C = f"{{{CC_NS}}}"
_NSMAP = {None: AKN_NS, "cc": CC_NS}

_BAD_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# -- small helpers --------------------------------------------------------------------------------------


def _xml_text(value: str) -> str:
    return _BAD_XML.sub("\ufffd", value)


def _put(el: etree._Element, name: str, value: str | None) -> None:
    """Set attribute `name` exactly: as is when XML can carry it, else JSON-escaped as `nameJson`."""
    if value is None:
        return
    if _BAD_XML.search(value):
        el.set(name + "Json", json.dumps(value))
    else:
        el.set(name, value)


def _has(el: etree._Element, name: str) -> bool:
    return name in el.attrib or name + "Json" in el.attrib


def _get(el: etree._Element, name: str) -> str | None:
    if name + "Json" in el.attrib:
        return str(json.loads(el.attrib[name + "Json"]))
    value = el.get(name)
    return None if value is None else str(value)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _A + tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        el.text = _xml_text(text)
    return el


def _lines(parent: etree._Element, text: str) -> None:
    for line in text.split("\n"):
        _sub(parent, "p", line)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (not names or _local(c) in names)]


def _kid(el: etree._Element, name: str) -> etree._Element | None:
    return next(iter(_kids(el, name)), None)



def _inline(el: etree._Element, notes: list[etree._Element] | None = None, cited: bool = False) -> str:
    """Text of an inline element. authorialNotes are skipped (and collected); `cited` writes a <sup> as
    ".1", the way an inserted number is cited."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            name = _local(child)
            if name == "authorialNote":
                if notes is not None:
                    notes.append(child)
            elif name != "noteRef":
                if cited and name == "sup":
                    out.append(".")
                out.append(_inline(child, notes, cited))
        out.append(child.tail or "")
    return "".join(out)


_BLOCK_CONTAINERS = frozenset({
    "blockList", "item", "list", "table", "tr", "td", "th", "ol", "ul", "li", "div", "blockContainer",
    "container", "foreign", "longTitle", "formula", "tblock", "embeddedStructure", "subFlow", "intro",
    "content", "wrapUp", "toc",
})


def _block_lines(el: etree._Element, notes: list[etree._Element]) -> list[str]:
    """One line per paragraph-like block under `el` (a foreign <content> may hold lists and tables)."""
    lines: list[str] = []
    for child in _kids(el):
        if _local(child) in _BLOCK_CONTAINERS and _kids(child):
            lines.extend(_block_lines(child, notes))
        elif _local(child) not in ("authorialNote", "noteRef"):
            lines.append(_inline(child, notes))
    return lines


# -- safe parsing ---------------------------------------------------------------------------------------------


def _safe_parser(**extra: Any) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **extra)

_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY\b", re.IGNORECASE)
_EXTERNAL = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _refuse_dtd(text: str, label: str) -> None:
    """Entity declarations (billion laughs, XXE) and external DTDs are refused before parsing."""
    m = _DOCTYPE.search(text)
    if not m:
        return
    ent = _ENTITY.search(text, m.start())
    if ent:
        raise ParseError(label, _line_at(text, ent.start()), "refused: the DOCTYPE declares entities (not allowed in Akoma Ntoso input)")
    if _EXTERNAL.match(text, m.start()):
        raise ParseError(label, _line_at(text, m.start()), "refused: the DOCTYPE names an external DTD")
