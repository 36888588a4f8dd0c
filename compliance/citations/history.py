"""The amending act a citation names: the text's own history, never the date the copy was taken.

Reads an article's notes (KZ footnotes "Сноска. … внесенными законами РК от 19.06.2024 № 94-VIII", RU
"(В редакции Федерального закона от …)", UZ "… OʻRQ-963-sonli Qonuni tahririda", KG "(В редакции Закона
КР от …)"), as the parse stage read them into `AmendmentEvent`s, and the document's header notes; produces
the latest amending act with a number and a date, and where it was named. None when no note names one: the
citation then says only "text as of <edition>".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Literal

from ..models import AmendmentEvent, Document, Node


@dataclass(frozen=True)
class Amendment:
    number: str
    date: _dt.date
    source: Literal["article", "document"]  # the article's own notes, or the document's header


def _latest(events: list[AmendmentEvent]) -> AmendmentEvent | None:
    dated = [e for e in events if e.act_number and e.date]
    return max(dated, key=lambda e: e.date or _dt.date.min) if dated else None


def _events(nodes: list[Node]) -> list[AmendmentEvent]:
    return [e for n in nodes for note in n.notes for e in note.events]


def header_nodes(doc: Document) -> list[Node]:
    """The document node and its preface: where a consolidated text lists every amending act."""
    return [doc.tree, *(c for c in doc.tree.children if c.kind == "preface")]


def last_amendment(doc: Document, article: Node | None) -> Amendment | None:
    """The article's latest amending act (the notes of the article and of its parts and points), else the
    document's latest (its header notes), else None."""
    if article is not None:
        found = _latest(_events(list(article.walk())))
        if found is not None and found.act_number and found.date:
            return Amendment(found.act_number, found.date, "article")
    found = _latest(_events(header_nodes(doc)))
    if found is not None and found.act_number and found.date:
        return Amendment(found.act_number, found.date, "document")
    return None
