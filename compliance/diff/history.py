"""History: every edition of a law in the corpus → a `History`, one timeline of events per article.

Reads the editions of one law (from the corpus, oldest first, or given as parsed `Document`s), diffs each
edition against the one before without running the checker, and follows each article through the chain of
diffs: in force, added, amended, renumbered, moved, repealed, restored, removed, notes changed, split,
merged, or outside an excerpt (an article that an excerpt does not reach is picked up again when a later
edition has it). Each event names the amending acts that the notes new in that edition record. Produces the
`History` model; `render.render_history_text` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import AmendmentEvent, Document, Node
from .changes import diff_documents
from .models import (
    PRIMARY,
    ArticleEdition,
    ArticleTimeline,
    Change,
    History,
    TimelineEvent,
    TimelineKind,
)

__all__ = ["history"]

# "kz/trade-unions-law", optionally with an edition (ignored: the history takes them all) and a language
_LAW = re.compile(r"^(?P<country>[a-z]{2})/(?P<slug>[a-z0-9-]+)(?:@[\d-]+)?(?::(?P<lang>[A-Za-z-]+))?$")


def history(
    law: str,
    *,
    article: str | None = None,
    documents: Sequence[Document] | None = None,
) -> History:
    """A timeline per article across every edition of `law` in the corpus ("kz/trade-unions-law").

    `documents` (oldest first) replaces reading the corpus, e.g. for tests that parsed them already.
    """
    m = _LAW.match(law.strip())
    docs = list(documents) if documents is not None else _read_editions(law, m)
    timelines = _Timelines(docs)
    for k in range(1, len(docs)):
        timelines.follow(k)
    out = timelines.result(article)
    if article is not None and not out:
        raise ValueError(f"{law}: no article {article} in any edition")
    base = f"{m['country']}/{m['slug']}" if m else law
    return History(law=base, editions=[d.document for d in docs], articles=out)


def _read_editions(law: str, m: re.Match[str] | None) -> list[Document]:
    # imported here: only a history read from the corpus needs the corpus and the parser
    from ..corpus import editions
    from ..parse import parse_file

    if not m:
        raise ValueError(f"{law}: expected a law of the corpus as country/slug, e.g. kz/trade-unions-law")
    entries = editions(m["country"], m["slug"], m["lang"])
    if not entries:
        raise ValueError(f"{law}: no editions in the corpus (`compliance corpus list` shows every id)")
    return [parse_file(e.file) for e in entries]


class _ActKey(NamedTuple):
    """One amending act's action on one target; tuples of this order sort by date."""

    date: str
    act_number: str
    action: str
    target: str


def _act_key(e: AmendmentEvent) -> _ActKey:
    return _ActKey(e.date.isoformat() if e.date else "", e.act_number or "", e.action, e.target or "")


def _acts(node: Node) -> list[AmendmentEvent]:
    return [e for n in node.walk() for note in n.notes for e in note.events]


def _new_acts(old: Node | None, new: Node) -> list[AmendmentEvent]:
    """The acts the notes of `new` name that the notes of `old` did not, once each, by date."""
    seen = {_act_key(e) for e in _acts(old)} if old is not None else set()
    out: dict[_ActKey, AmendmentEvent] = {}
    for e in _acts(new):
        if _act_key(e) not in seen:
            out.setdefault(_act_key(e), e)
    return [out[k] for k in sorted(out)]


class _Seen(NamedTuple):
    doc_index: int
    node: Node


@dataclass
class _Track:
    """One article followed across the editions."""

    editions: list[_Seen] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)


@dataclass
class _Timelines:
    docs: list[Document]
    tracks: list[_Track] = field(default_factory=list)
    current: dict[str, _Track] = field(default_factory=dict)  # eid in the latest edition seen → track
    dormant: dict[str, _Track] = field(default_factory=dict)  # outside an excerpt for now, by eid

    def __post_init__(self) -> None:
        if self.docs:
            for node in self.docs[0].articles():
                self.current[node.eid] = self.start(0, node, "repealed" if node.repealed else "in_force")

    def start(self, doc_i: int, node: Node, event: TimelineKind, detail: str | None = None) -> _Track:
        """The track of an article first seen in edition `doc_i` (or seen again after an excerpt's gap)."""
        t = self.dormant.pop(node.eid, None) or _Track()
        if not t.editions:
            self.tracks.append(t)
        t.editions.append(_Seen(doc_i, node))
        acts = _acts(node) if event == "added" else []
        acts = [e for e in acts if e.action in ("inserted", "restated", "amended")]
        doc = self.docs[doc_i].document
        t.events.append(
            TimelineEvent(event=event, edition=doc.edition, edition_id=doc.id, num=node.num, detail=detail, acts=acts)
        )
        return t

    def follow(self, k: int) -> None:
        """Move every track from edition k-1 to edition k along their diff."""
        diff = diff_documents(self.docs[k - 1], self.docs[k], run_checker=False)
        old_nodes = {n.eid: n for n in self.docs[k - 1].articles()}
        new_nodes = {n.eid: n for n in self.docs[k].articles()}
        nxt: dict[str, _Track] = {}
        for c in diff.changes:
            on = old_nodes.get(c.old_eid or "")
            nn = new_nodes.get(c.new_eid or "")
            t = self.current.get(c.old_eid or "") if c.old_eid else None
            if c.status in PRIMARY and t is not None and nn is not None:
                t.editions.append(_Seen(k, nn))
                nxt[nn.eid] = t
                self._paired(t, k, c, _new_acts(on, nn))
            elif c.status == "split" and nn is not None:
                nxt[nn.eid] = self.start(k, nn, "split", f"carved out of art. {c.old_num}")
            elif c.status == "merged" and t is not None:
                self._event(t, k, c, "merged", f"folded into art. {c.new_num}")
            elif c.status == "removed" and t is not None:
                self._event(t, k, c, "removed")
            elif c.status == "outside_excerpt" and c.old_eid and t is not None:
                self._event(t, k, c, "outside_excerpt", "the new edition is an excerpt that does not reach it")
                self.dormant[c.old_eid] = t
            elif c.status in ("added", "outside_excerpt") and nn is not None:
                nxt[nn.eid] = self.start(k, nn, "added" if c.status == "added" else "in_force")
        self.current = nxt

    def _paired(self, t: _Track, k: int, c: Change, acts: list[AmendmentEvent]) -> None:
        """The events of an article present in both editions; a repeal says it all about its text."""
        if c.repealed:
            self._event(t, k, c, c.repealed, acts=[a for a in acts if a.action == "repealed"] or acts)
        if c.moved:
            self._event(t, k, c, "moved", f"{c.old_container} → {c.new_container}")
        if c.renumbered:
            self._event(t, k, c, "renumbered", f"{c.old_num} → {c.new_num}")
        if c.text_changed and not c.repealed:
            self._event(t, k, c, "amended", f"similarity {c.similarity}", acts)
        elif c.notes_changed and not c.text_changed and not c.repealed:
            self._event(t, k, c, "notes_changed", None, acts)

    def _event(
        self,
        t: _Track,
        k: int,
        c: Change,
        kind: TimelineKind,
        detail: str | None = None,
        acts: list[AmendmentEvent] | None = None,
    ) -> None:
        meta = self.docs[k].document
        t.events.append(
            TimelineEvent(
                event=kind, edition=meta.edition, edition_id=meta.id, num=c.new_num or c.old_num, detail=detail, acts=acts or []
            )
        )

    def result(self, article: str | None) -> list[ArticleTimeline]:
        """The timelines, in the order the articles were first seen; only `article`'s when given."""
        out = []
        for t in self.tracks:
            if article is not None and not any(s.node.num == article or s.node.eid == article for s in t.editions):
                continue
            out.append(self._timeline(t))
        return out

    def _timeline(self, t: _Track) -> ArticleTimeline:
        last = t.editions[-1].node
        amendments: dict[_ActKey, AmendmentEvent] = {}
        for s in t.editions:
            for e in _acts(s.node):
                amendments.setdefault(_act_key(e), e)
        return ArticleTimeline(
            eid=last.eid,
            num=last.num,
            heading=last.heading,
            editions=[self._edition(s) for s in t.editions],
            events=t.events,
            amendments=[amendments[key] for key in sorted(amendments)],
        )

    def _edition(self, s: _Seen) -> ArticleEdition:
        meta = self.docs[s.doc_index].document
        return ArticleEdition(edition=meta.edition, id=meta.id, eid=s.node.eid, num=s.node.num, repealed=s.node.repealed)
