"""Changes: the aligned articles of two editions (`Link`s) → `Change` records, and `diff_documents`, the `Diff`.

Reads the links of `align` and the two documents; produces one `Change` per link with its status (the most
structural change first: moved, renumbered, amended, unchanged), the flags that keep the others, the word
redline of a changed text, whether the article was repealed or restored, and the editorial notes added,
removed and rewritten (a note of the same node and kind with mostly the same words, with its own word
redline). Notes alone never make an article amended: an article whose only change is in its notes has the
status "notes_changed". `diff_documents` assembles these with the summary, both
editions' metadata and the findings delta into the `Diff`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..models import Document, Node
from .align import Art, Link, align, articles, covered_ranges
from .findings import Checker, FindingLike, checked_delta, findings_delta
from .models import STATUSES, Change, Diff, FindingsDelta, NoteChange, NoteRef, Side
from .redline import TOKEN_RE, redline

__all__ = ["diff_documents", "notes_delta", "rewritten_notes"]

KEPT_NOTES: frozenset[str] = frozenset({"footnote", "amendment", "editorial"})  # not page noise
NOTE_SIM_MIN = 0.5  # token similarity for a removed and an added note of one node to be one note rewritten


def diff_documents(
    old: Document,
    new: Document,
    *,
    old_findings: Sequence[FindingLike] | None = None,
    new_findings: Sequence[FindingLike] | None = None,
    checker: Checker | None = None,
    run_checker: bool = True,
    unchecked: Callable[[Document], str | None] | None = None,
) -> Diff:
    """Compare two editions.

    Findings given as dicts are matched across the alignment; without them `checker` (the check stage's
    `check_document`, passed by the caller) runs on both editions, unless `run_checker=False`. Without
    findings or checker the delta says that the check was not run; when `unchecked` says why the checker's
    rules cannot be tried on an edition (`check.scope.not_analysed`), it says that.
    """
    oa, na = articles(old), articles(new)
    links = _ordered(align(old, new, oa, na))
    moved_ok = _container_pairs(links)
    changes = [_change(link, moved_ok) for link in links]
    if old_findings is not None and new_findings is not None:
        delta = findings_delta(old_findings, new_findings, changes)
    elif checker is None or not run_checker:
        delta = FindingsDelta(available=False, reason="the check was not run")
    elif unchecked and (why := [w for doc in (old, new) if (w := unchecked(doc))]):
        delta = FindingsDelta(available=False, reason="; ".join(dict.fromkeys(why)))  # no finding would say nothing
    else:
        delta = checked_delta(checker, old, new, changes)
    return Diff(
        old=_side(old, oa), new=_side(new, na), summary=_summary(changes), changes=changes, findings_delta=delta
    )


def _summary(changes: Sequence[Change]) -> dict[str, int]:
    """Changes per status (every status, in the contract's order), then the articles whose notes changed
    (whatever their status) and those whose text changed."""
    by_status: Counter[str] = Counter(c.status for c in changes)
    counts = {s: by_status.get(s, 0) for s in STATUSES}
    counts["with_notes_changed"] = sum(c.notes_changed for c in changes)
    counts["text_changed"] = sum(c.text_changed for c in changes)
    return counts


def _side(doc: Document, arts: Sequence[Art]) -> Side:
    excerpt = doc.document.extent == "excerpt"
    covers = covered_ranges([a.node.num for a in arts]) if excerpt else []
    return Side(**doc.document.model_dump(), articles=len(arts), excerpt=excerpt, covers=[list(r) for r in covers])


class _Vote(NamedTuple):
    """A chapter's best partner; tuples of this order prefer more articles, then the same eId."""

    articles: int
    same_eid: bool
    container: str


def _container_pairs(links: Iterable[Link]) -> set[tuple[str, str]]:
    """Chapters paired by where their articles went: mutual majority (renamed or renumbered chapters stay paired)."""
    votes: Counter[tuple[str, str]] = Counter()
    for link in links:
        if link.kind == "pair" and link.old and link.new and link.old.container and link.new.container:
            votes[(link.old.container, link.new.container)] += 1
    none = _Vote(0, False, "")
    best_new: dict[str, _Vote] = {}
    best_old: dict[str, _Vote] = {}
    for (co, cn), count in votes.items():
        best_new[co] = max(best_new.get(co, none), _Vote(count, co == cn, cn))
        best_old[cn] = max(best_old.get(cn, none), _Vote(count, co == cn, co))
    return {(co, cn) for (co, cn) in votes if best_new[co].container == cn and best_old[cn].container == co}


class _PrintedNote(NamedTuple):
    kind: str
    text: str


def _printed_notes(node: Node | None) -> list[_PrintedNote]:
    """The kept notes of an article and its parts as printed: enough to see whether any changed."""
    if node is None:
        return []
    return [_PrintedNote(note.kind, note.text) for n in node.walk() for note in n.notes if note.kind in KEPT_NOTES]


def _notes(node: Node | None) -> list[NoteRef]:
    if node is None:
        return []
    return [
        NoteRef(eid=n.eid, kind=note.kind, text=note.text, events=list(note.events))
        for n in node.walk()
        for note in n.notes
        if note.kind in KEPT_NOTES
    ]


def _only_in(xs: list[NoteRef], ys: list[NoteRef]) -> list[NoteRef]:
    """The notes of `xs` not printed in `ys`, as a multiset (a note printed twice counts twice)."""
    left = Counter(_PrintedNote(n.kind, n.text) for n in ys)
    out = []
    for n in xs:
        key = _PrintedNote(n.kind, n.text)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(n)
    return out


def notes_delta(old: Node | None, new: Node | None) -> tuple[list[NoteRef], list[NoteRef]]:
    """Notes only in the new article (added) and only in the old one (removed), compared as printed."""
    if _printed_notes(old) == _printed_notes(new):
        return [], []  # the common case, without building NoteRefs
    a, b = _notes(old), _notes(new)
    return _only_in(b, a), _only_in(a, b)


def _change(link: Link, moved_ok: set[tuple[str, str]]) -> Change:
    o, n = link.old, link.new
    on, nn = (o.node if o else None), (n.node if n else None)
    ch = Change(
        status="unchanged",
        old_eid=on.eid if on else None,
        new_eid=nn.eid if nn else None,
        old_num=on.num if on else None,
        new_num=nn.num if nn else None,
        old_heading=on.heading if on else None,
        new_heading=nn.heading if nn else None,
        similarity=None if link.similarity is None else round(link.similarity, 4),
        old_container=o.container if o else None,
        new_container=n.container if n else None,
    )
    if link.kind != "pair":
        ch.status = link.kind
        if link.kind in ("split", "merged"):
            ch.renumbered = bool(on and nn and on.num != nn.num)
        return ch
    assert o is not None and n is not None
    _compare_pair(ch, o, n, moved_ok)
    return ch


def _compare_pair(ch: Change, o: Art, n: Art, moved_ok: set[tuple[str, str]]) -> None:
    """Fill in what differs between two paired articles: text, number, chapter, repeal, notes, status."""
    ops = redline(o.text, n.text)
    ch.text_changed = bool(ops)
    if ops:
        ch.ops, ch.old_text, ch.new_text = ops, o.text, n.text
    elif ch.similarity is not None:
        ch.similarity = 1.0  # the same words (the texts may differ in spacing, which the redline does not see)
    ch.renumbered = o.node.num != n.node.num
    ch.moved = bool(o.container and n.container and (o.container, n.container) not in moved_ok)
    if o.node.repealed != n.node.repealed:
        ch.repealed = "repealed" if n.node.repealed else "restored"
    added, removed = notes_delta(o.node, n.node)
    ch.notes_amended, ch.notes_added, ch.notes_removed = rewritten_notes(removed, added)
    ch.notes_changed = bool(ch.notes_added or ch.notes_removed or ch.notes_amended)
    # one status, the most structural change first; the flags keep the others
    ch.status = (
        "moved" if ch.moved else "renumbered" if ch.renumbered else "amended" if ch.text_changed
        else "notes_changed" if ch.notes_changed else "unchanged"
    )


def rewritten_notes(removed: list[NoteRef], added: list[NoteRef]) -> tuple[list[NoteChange], list[NoteRef], list[NoteRef]]:
    """Removed and added notes of the same node and kind paired when mostly the same words, most similar
    first: (rewritten notes, notes only added, notes only removed). Ties and the order of the pairs go by the
    two texts, whichever side each is on, so that the reverse diff pairs the same notes."""
    cands: list[tuple[float, str, str, int, int]] = []
    for i, a in enumerate(removed):
        for j, b in enumerate(added):
            if (a.eid, a.kind) == (b.eid, b.kind):
                sim = Indel.normalized_similarity(TOKEN_RE.findall(a.text), TOKEN_RE.findall(b.text))
                if sim >= NOTE_SIM_MIN:
                    low, high = sorted((a.text, b.text))
                    cands.append((-sim, low, high, i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for *_, i, j in sorted(cands):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    changed = [NoteChange(old=removed[i], new=added[j], ops=redline(removed[i].text, added[j].text))
               for i, j in sorted(pairs, key=lambda p: sorted((removed[p[0]].text, added[p[1]].text)))]
    return (changed, [b for j, b in enumerate(added) if j not in used_new],
            [a for i, a in enumerate(removed) if i not in used_old])


def _ordered(links: list[Link]) -> list[Link]:
    """New-document order; what only the old edition has comes after its old predecessor's counterpart."""
    partner = {link.old.index: link.new.index for link in links if link.kind == "pair" and link.old and link.new}

    def anchor(i: int) -> int:
        return next((partner[k] for k in range(i - 1, -1, -1) if k in partner), -1)

    def key(link: Link) -> tuple[int, int, int]:
        if link.new is not None and link.kind != "merged":
            return (link.new.index, 0 if link.kind == "pair" else 1, link.old.index if link.old else -1)
        assert link.old is not None
        return (anchor(link.old.index), 2, link.old.index)

    return sorted(links, key=key)
