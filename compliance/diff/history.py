"""History: every edition of a work in the corpus → a `History`, one timeline of events per article.

Reads the expressions of one work (from the corpus, oldest first, or given as parsed `Document`s): for one
article, the portion of each expression that holds it; for the whole work, each expression's portions read
as one document. Diffs each edition against the one before without running the checker, and follows each
article through the chain of diffs: in force, added, amended (with the word redline), renumbered, moved,
repealed, restored, removed, notes changed, split, merged, or outside an excerpt (an article that an excerpt
does not reach is compared again with the next edition that holds it). Each event names the amending acts
that the notes new in that edition record, and the act that made the edition where its metadata names it.
Given the checker (the caller's `compliance.check.check_document`), each edition of an article carries its
findings. Produces the `History` model; `render.render_history_text` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import AmendmentEvent, Document, Node
from .changes import diff_documents, notes_delta, rewritten_notes
from .findings import Checker, as_dict
from .models import (
    PRIMARY,
    ArticleEdition,
    ArticleFinding,
    ArticleTimeline,
    Change,
    History,
    TimelineEvent,
    TimelineKind,
)
from .redline import redline

__all__ = ["history"]

# "kz/trade-unions-law", optionally with an edition (ignored: the history takes them all) and a language
_LAW = re.compile(r"^(?P<country>[a-z]{2})/(?P<slug>[a-z0-9-]+)(?:@[\d-]+)?(?::(?P<lang>[A-Za-z-]+))?$")


def history(
    law: str,
    *,
    article: str | None = None,
    documents: Sequence[Document] | None = None,
    checker: Checker | None = None,
    unchecked: Callable[[Document], str | None] | None = None,
) -> History:
    """A timeline per article across every edition of the work `law` names in the corpus ("kz/criminal-code",
    or any id of one of its texts, e.g. "kz/criminal-code-art174").

    `documents` (oldest first) replaces reading the corpus, e.g. for tests that parsed them already.
    `unchecked` says why `checker`'s rules cannot be tried on an edition (`check.scope.not_analysed`).
    """
    m = _LAW.match(law.strip())
    base, gaps = (f"{m['country']}/{m['slug']}" if m else law), list[int]()
    if documents is not None:
        docs = list(documents)
    else:
        base, docs, gaps = _read_editions(law, m, article)
    reasons = {d.document.id: why for d in docs if checker is not None and unchecked and (why := unchecked(d))}
    timelines = _Timelines(docs, _findings(docs, checker) if checker is not None else None, set(reasons))
    for k in range(1, len(docs)):
        timelines.follow(k)
    out = timelines.result(article)
    if article is not None and not out:
        raise ValueError(f"{law}: no article {article} in any edition")
    return History(law=base, editions=[d.document for d in docs], articles=out, gaps=gaps, not_analysed=reasons)


def _read_editions(law: str, m: re.Match[str] | None, article: str | None) -> tuple[str, list[Document], list[int]]:
    """(the work, its editions oldest first, the years without one): for one article, the portion of each
    expression that holds it; else each expression read as one document."""
    # imported here: only a history read from the corpus needs the corpus and the parser
    from ..corpus import expression_document, work
    from ..parse import parse_file

    if not m:
        raise ValueError(f"{law}: expected a law of the corpus as country/slug, e.g. kz/trade-unions-law")
    w = work(law)
    lang = m["lang"]
    expressions = w.expressions if lang is None else tuple(x for x in w.translations if x.language == lang)
    docs: list[Document] = []
    for x in expressions:
        if article is None:
            doc = expression_document(x)
        else:
            held = (d for d in (parse_file(p.file) for p in x.portions) if d.tree.article(article) is not None)
            found = next(held, None)
            if found is None:
                continue
            doc = found
        if x.amended_by and not doc.document.amended_by:
            doc.document.amended_by = x.amended_by
        docs.append(doc)
    return w.id, docs, w.gaps()


def _findings(docs: Sequence[Document], checker: Checker) -> list[list[ArticleFinding]]:
    """The check's findings on each edition, in the history's terms."""
    out = []
    for doc in docs:
        found = [as_dict(f) for f in checker(doc)]
        out.append([ArticleFinding(
            rule_id=str(f.get("rule_id")), kind=f.get("kind"), severity=f.get("severity"),
            convention=f.get("convention"), convention_article=f.get("convention_article"), eid=f.get("eid"),
        ) for f in found])
    return out


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
    findings: list[list[ArticleFinding]] | None = None  # per edition, when the check ran
    unchecked: set[str] = field(default_factory=set)  # the ids of editions no rule could be tried on
    tracks: list[_Track] = field(default_factory=list)
    current: dict[str, _Track] = field(default_factory=dict)  # eid in the latest edition seen → track
    dormant: dict[str, _Track] = field(default_factory=dict)  # outside an excerpt for now, by eid

    def __post_init__(self) -> None:
        if self.docs:
            for node in self.docs[0].articles():
                self.current[node.eid] = self.start(0, node, "repealed" if node.repealed else "in_force")

    def start(self, doc_i: int, node: Node, event: TimelineKind, detail: str | None = None) -> _Track:
        """The track of an article first seen in edition `doc_i`, or seen again after editions that do not hold
        it (then compared with the last text that did)."""
        doc = self.docs[doc_i].document
        t = self.dormant.pop(node.eid, None) or _Track()
        if t.editions:
            self._resumed(t, doc_i, t.editions[-1].node, node)
            t.editions.append(_Seen(doc_i, node))
            return t
        self.tracks.append(t)
        t.editions.append(_Seen(doc_i, node))
        acts = _acts(node) if event == "added" else []
        acts = [e for e in acts if e.action in ("inserted", "restated", "amended")]
        t.events.append(TimelineEvent(event=event, edition=doc.edition, edition_id=doc.id, num=node.num, detail=detail,
                                      acts=acts, amended_by=doc.amended_by if event == "added" else None))
        return t

    def _resumed(self, t: _Track, k: int, old: Node, new: Node) -> None:
        """An article held again after a gap: amended or notes changed against the last text that held it."""
        ops = redline(old.full_text(), new.full_text())
        added, removed = notes_delta(old, new)
        amended, added, removed = rewritten_notes(removed, added)
        kind: TimelineKind | None = "amended" if ops else "notes_changed" if (added or removed or amended) else None
        if kind is None:
            return
        last = self.docs[t.editions[-1].doc_index].document
        detail = f"against the {last.edition} text; the editions between do not hold the article"
        meta = self.docs[k].document
        t.events.append(TimelineEvent(
            event=kind, edition=meta.edition, edition_id=meta.id, num=new.num, detail=detail,
            acts=_new_acts(old, new), amended_by=meta.amended_by, ops=ops, notes_amended=amended,
        ))

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
            t.events[-1].ops, t.events[-1].notes_amended = c.ops, c.notes_amended
        elif c.notes_changed and not c.text_changed and not c.repealed:
            self._event(t, k, c, "notes_changed", None, acts)
            t.events[-1].notes_amended = c.notes_amended

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
                event=kind, edition=meta.edition, edition_id=meta.id, num=c.new_num or c.old_num, detail=detail,
                acts=acts or [], amended_by=None if kind == "outside_excerpt" else meta.amended_by,
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
        found = None
        if self.findings is not None and meta.id not in self.unchecked:
            eid = s.node.eid
            found = [f for f in self.findings[s.doc_index] if f.eid == eid or (f.eid or "").startswith(eid + "__")]
        return ArticleEdition(edition=meta.edition, id=meta.id, eid=s.node.eid, num=s.node.num, repealed=s.node.repealed,
                              amended_by=meta.amended_by, text=s.node.full_text(), findings=found)
