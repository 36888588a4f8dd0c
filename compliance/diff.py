"""Diff stage: two editions of a law (`Document` × `Document`) → `Diff` (aligned articles, redlines, findings delta).

Reads two parsed documents and aligns their articles: same eId with the same text, then identical text
under another number, then order and rapidfuzz similarity between the anchors, then similarity across the
whole law (moves), then the same eId whatever the text (restated articles), then containment (split and
merged articles). Each pair gets a status — unchanged, amended, renumbered (old and new numbers), moved
(chapter changed) — and each article left over is added, removed, split, merged, or outside the excerpt
that the other edition is. Inside a changed article it computes a word-level redline (Russian, Kazakh and
Uzbek Latin tokens) as operations with offsets into both articles' `Node.full_text()`. Editorial notes
are compared apart: alone they never make an article amended. When the check stage is installed it runs
on both editions and the findings are matched across the alignment (introduced, resolved, persisting).
Produces the `Diff` model (`compliance/schemas/diff.schema.json`), rendered as JSON, self-contained HTML
or Markdown; `history` chains the diffs of every edition of a law in the corpus into a timeline per article.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from .models import AmendmentEvent, Document, DocumentMeta, Node, NoteKind

__all__ = [
    "Change",
    "Diff",
    "FindingsDelta",
    "History",
    "RedlineOp",
    "diff_documents",
    "diff_schema",
    "findings_delta",
    "history",
    "redline",
    "render_html",
    "render_markdown",
    "tokenize",
]

# -- tuning ----------------------------------------------------------------------------------------------

SIM_MIN = 0.5  # token similarity (Indel, 0..1) for two differently numbered articles to be one article
EXACT_MIN_CHARS = 40  # shorter identical texts ("Исключена", "") only pair under the same number
CONTAIN_MIN = 0.8  # share of a left-over article's tokens found, in order, in a split/merge partner
CONTAIN_LOST = 0.5  # ... and at most this share still found in that partner's own counterpart
SPLIT_MIN_TOKENS = 8
WINDOW = 3  # articles either side searched for the source of a split or the target of a merge
KEPT_NOTES: frozenset[str] = frozenset({"footnote", "amendment", "editorial"})  # not page noise
CONTAINER_KINDS: frozenset[str] = frozenset({"book", "part", "section", "chapter", "subchapter"})

# A word: letters/digits joined by hyphens ("136-1", "OʻRQ-586-sonli", "какой-либо"), apostrophes inside
# Uzbek words ("bo'lim", "o‘z", "ta’lim"; ʻ and ʼ are letters already) or dots between digits ("282.1",
# "13.11.2015"); anything else that is not a space is a token of its own.
TOKEN_RE = re.compile(r"\w+(?:(?:[-‐‑'’‘`]|(?<=\d)\.(?=\d))\w+)*|\S")


# -- the JSON contract -----------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


Status = Literal[
    "unchanged",  # same text (notes may differ: see notes_changed)
    "amended",  # same number, same chapter, text changed
    "renumbered",  # number changed (text may have changed too: see text_changed)
    "moved",  # chapter changed (number and text may have changed too)
    "added",  # only in the new edition
    "removed",  # only in the old edition
    "split",  # the new article was carved out of the old one, which lives on as another article
    "merged",  # the old article was folded into the new one, which continues another article
    "outside_excerpt",  # only in one edition, and the other edition is an excerpt that does not reach it
]
PRIMARY: frozenset[str] = frozenset({"unchanged", "amended", "renumbered", "moved"})


class RedlineOp(_Model):
    """One edit: the characters `old` [start, end) of the old article become `new` [start, end) of the new one.

    Offsets are into `Node.full_text()` of each article. A span starts where the previous token ends (the
    space before a word goes with it) and ends with its last token; an empty span marks the place of an
    insertion or deletion. Replacing each `old` span of the old text by its `new_text` gives the new text
    (up to differences in spacing alone, which the word-level comparison does not see).
    """

    op: Literal["delete", "insert", "replace"]
    old: tuple[int, int]
    new: tuple[int, int]
    old_text: str = Field(description="old_text[old[0]:old[1]] of the old article")
    new_text: str = Field(description="new_text[new[0]:new[1]] of the new article")


class NoteRef(_Model):
    eid: str = Field(description="The node that carries the note (the article or one of its parts).")
    kind: NoteKind
    text: str
    events: list[AmendmentEvent] = Field(default_factory=list)


class Change(_Model):
    status: Status
    old_eid: str | None = None
    new_eid: str | None = None
    old_num: str | None = None
    new_num: str | None = None
    old_heading: str | None = None
    new_heading: str | None = None
    similarity: float | None = Field(
        default=None,
        description="Token similarity of the two texts (1 = same words); for split/merged the share of the smaller "
        "article found in the larger; null for added, removed and outside_excerpt.",
    )
    text_changed: bool = False
    renumbered: bool = False
    moved: bool = False
    old_container: str | None = Field(default=None, description="eId of the chapter (or section, §) holding it.")
    new_container: str | None = None
    repealed: Literal["repealed", "restored"] | None = Field(
        default=None, description="The article was repealed (or brought back) between the editions."
    )
    notes_changed: bool = False
    notes_added: list[NoteRef] = Field(default_factory=list)
    notes_removed: list[NoteRef] = Field(default_factory=list)
    ops: list[RedlineOp] = Field(default_factory=list)
    old_text: str | None = Field(default=None, description="The old article's full_text() when text_changed.")
    new_text: str | None = Field(default=None, description="The new article's full_text() when text_changed.")


class Side(DocumentMeta):
    """Metadata of one edition, with what the diff needs to know about its extent."""

    articles: int = 0
    excerpt: bool = Field(default=False, description="The text is an excerpt (from the corpus provenance).")


class FindingChange(_Model):
    rule_id: str
    convention: str | None = None
    convention_article: str | None = None
    kind: str | None = None
    severity: str | None = None
    old_article: str | None = Field(default=None, description="eId of the old article the finding is in.")
    new_article: str | None = None
    old: dict[str, Any] | None = Field(default=None, description="The finding on the old edition.")
    new: dict[str, Any] | None = None


class RuleDelta(_Model):
    rule_id: str
    convention: str | None = None
    introduced: int = 0
    resolved: int = 0
    persisting: int = 0


class FindingsDelta(_Model):
    available: bool = Field(description="False when no checker findings were available (see reason).")
    reason: str | None = None
    introduced: list[FindingChange] = Field(default_factory=list)
    resolved: list[FindingChange] = Field(default_factory=list)
    persisting: list[FindingChange] = Field(default_factory=list)
    by_rule: list[RuleDelta] = Field(default_factory=list)


class Diff(_Model):
    old: Side
    new: Side
    summary: dict[str, int] = Field(description="Number of changes per status, and notes_changed.")
    changes: list[Change]
    findings_delta: FindingsDelta


def diff_schema() -> dict[str, Any]:
    """Schema of `compliance diff --format json`: {"old", "new", "summary", "changes", "findings_delta"}."""
    schema = Diff.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "diff.schema.json"
    return schema


# -- tokens and redline ----------------------------------------------------------------------------------


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Word and punctuation tokens with their offsets.

    >>> [t for t, _, _ in tokenize("Статья 136-1. O‘zbekiston bo'lim, 282.1 и т.д.")]
    ['Статья', '136-1', '.', 'O‘zbekiston', "bo'lim", ',', '282.1', 'и', 'т', '.', 'д', '.']
    >>> [t for t, _, _ in tokenize("OʻRQ-586-sonli Qonuni, gʻalla")]
    ['OʻRQ-586-sonli', 'Qonuni', ',', 'gʻalla']
    """
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _edits(a: Sequence[object], b: Sequence[object]) -> list[tuple[int, int, int, int]]:
    """Token edits (a[i1:i2] → b[j1:j2]) from the LCS alignment, small equalities between edits absorbed.

    An equal stretch no longer than the edits on both its sides ("и", "," between two rewritten phrases) is
    folded into one replacement, so that a restated passage reads as one deletion and one insertion.
    """
    runs: list[list[Any]] = []  # [equal?, i1, i2, j1, j2]
    for op in Indel.opcodes(a, b):
        eq = op.tag == "equal"
        if runs and not eq and not runs[-1][0]:
            runs[-1][2], runs[-1][4] = op.src_end, op.dest_end
        else:
            runs.append([eq, op.src_start, op.src_end, op.dest_start, op.dest_end])
    changed = True
    while changed:
        changed = False
        for k in range(1, len(runs) - 1):
            eq, i1, i2, j1, j2 = runs[k]
            left, right = runs[k - 1], runs[k + 1]
            if not eq or left[0] or right[0]:
                continue
            size = i2 - i1
            if size <= max(left[2] - left[1], left[4] - left[3]) and size <= max(
                right[2] - right[1], right[4] - right[3]
            ):
                runs[k - 1 : k + 2] = [[False, left[1], right[2], left[3], right[4]]]
                changed = True
                break
    return [(i1, i2, j1, j2) for eq, i1, i2, j1, j2 in runs if not eq]


def _bounds(tokens: Sequence[tuple[str, int, int]], start: int) -> list[int]:
    """Where the span of token k begins: the end of token k-1 (the space before a token goes with it), or
    the start of the region for the first one; the last entry is the end of the last token."""
    return [start] + [e for _, _, e in tokens]


def redline(old_text: str, new_text: str) -> list[RedlineOp]:
    """Word-level edits turning `old_text` into `new_text`, with character offsets into both.

    The edits are computed in one canonical orientation, so `redline(b, a)` is exactly the inverse of
    `redline(a, b)` (deletions become insertions, offsets swap).

    >>> [(o.op, o.old_text, o.new_text) for o in redline("до трехсот часов", "до двухсот часов")]
    [('replace', ' трехсот', ' двухсот')]
    >>> [(o.op, o.old, o.new) for o in redline("a b c", "a c")]
    [('delete', (1, 3), (1, 1))]
    >>> [(o.op, o.old_text, o.new_text) for o in redline("лет либо", "лет, либо")]
    [('insert', '', ',')]
    """
    if old_text == new_text:
        return []
    # only the stretch between the common beginning and end needs tokens: cut both at a space
    a, b = old_text, new_text
    common = _common_prefix(a, b)
    p = common
    while p > 0 and not (p < common and a[p].isspace()):
        p -= 1
    q = _common_prefix(a[::-1], b[::-1], min(len(a), len(b)) - common)
    qa, qb = len(a) - q, len(b) - q
    while qa < len(a) and not a[qa].isspace():
        qa, qb = qa + 1, qb + 1
    ta = [(t, s + p, e + p) for t, s, e in tokenize(old_text[p:qa])]
    tb = [(t, s + p, e + p) for t, s, e in tokenize(new_text[p:qb])]
    return _redline(ta, old_text, tb, new_text, (p, qa), (p, qb))


def _common_prefix(a: str, b: str, limit: int | None = None) -> int:
    """Length of the common beginning of two strings (binary search over C-level slice comparisons)."""
    lo, hi = 0, min(len(a), len(b)) if limit is None else max(0, min(len(a), len(b), limit))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _redline(
    ta: list[tuple[str, int, int]],
    a: str,
    tb: list[tuple[str, int, int]],
    b: str,
    ra: tuple[int, int],
    rb: tuple[int, int],
) -> list[RedlineOp]:
    """Edits between the tokens `ta` of a[ra] and `tb` of b[rb] (offsets already into `a` and `b`)."""
    wa, wb = [t for t, _, _ in ta], [t for t, _, _ in tb]
    if wa == wb:
        return []
    flip = wb < wa
    edits = _edits(wb, wa) if flip else _edits(wa, wb)
    if flip:
        edits = [(j1, j2, i1, i2) for i1, i2, j1, j2 in edits]
    ba, bb = _bounds(ta, ra[0]), _bounds(tb, rb[0])
    ops = []
    for i1, i2, j1, j2 in edits:
        # an empty side sits at the boundary before the next token (the end, after the last one)
        os_, oe = ba[i1], ba[i2]
        ns, ne = bb[j1], bb[j2]
        kind = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        ops.append(
            RedlineOp.model_construct(op=kind, old=(os_, oe), new=(ns, ne), old_text=a[os_:oe], new_text=b[ns:ne])
        )
    return ops


def redline_segments(old_text: str, new_text: str, ops: Sequence[RedlineOp]) -> list[tuple[str, str]]:
    """The redline as ("equal" | "del" | "ins", text) pieces in reading order, for HTML and Markdown."""
    out: list[tuple[str, str]] = []
    cursor = 0
    for op in ops:
        if op.new[0] > cursor:
            out.append(("equal", new_text[cursor : op.new[0]]))
        if op.old[1] > op.old[0]:
            out.append(("del", old_text[op.old[0] : op.old[1]]))
        if op.new[1] > op.new[0]:
            out.append(("ins", new_text[op.new[0] : op.new[1]]))
        cursor = op.new[1]
    if cursor < len(new_text):
        out.append(("equal", new_text[cursor:]))
    return out


# -- articles and alignment ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Art:
    index: int
    node: Node
    text: str
    container: str | None
    _words: list[str] | None = None
    _ids: list[int] | None = None

    @property
    def eid(self) -> str:
        return self.node.eid

    def words(self) -> list[str]:
        if self._words is None:
            self._words = TOKEN_RE.findall(self.text)
        return self._words

    def ids(self, vocab: dict[str, int]) -> list[int]:
        if self._ids is None:
            self._ids = [vocab.setdefault(t, len(vocab)) for t in self.words()]
        return self._ids


def _articles(doc: Document) -> list[_Art]:
    out: list[_Art] = []

    def walk(node: Node, container: str | None) -> None:
        for child in node.children:
            if child.kind == "article":
                out.append(_Art(len(out), child, child.full_text(), container))
            elif child.kind in CONTAINER_KINDS:
                walk(child, child.eid)
            else:
                walk(child, container)

    walk(doc.tree, None)
    return out


def _notes(node: Node) -> list[NoteRef]:
    return [
        NoteRef(eid=n.eid, kind=note.kind, text=note.text, events=list(note.events))
        for n in node.walk()
        for note in n.notes
        if note.kind in KEPT_NOTES
    ]


_NUM_RE = re.compile(r"\d+")


def _num_key(num: str | None) -> tuple[int, ...] | None:
    """ "136-1" → (136, 1), "282.1" → (282, 1); None when the number has no digits to order by."""
    if not num or not num[:1].isdigit():
        return None
    return tuple(int(x) for x in _NUM_RE.findall(num))


def is_excerpt(meta: DocumentMeta) -> bool:
    """A corpus text states its extent in `provenance`: "Complete law…" or "Excerpt: arts. 166–178…"."""
    prov = (meta.provenance or "").strip().lower()
    return bool(prov) and not prov.startswith("complete")


@dataclass
class _Link:
    kind: Literal["pair", "split", "merged", "removed", "added", "outside_excerpt"]
    old: _Art | None
    new: _Art | None
    similarity: float | None = None


@dataclass
class _Aligner:
    old: list[_Art]
    new: list[_Art]
    vocab: dict[str, int] = field(default_factory=dict)
    o2n: dict[int, int] = field(default_factory=dict)
    n2o: dict[int, int] = field(default_factory=dict)
    sim: dict[tuple[int, int], float] = field(default_factory=dict)

    def pair(self, i: int, j: int, s: float) -> None:
        self.o2n[i], self.n2o[j], self.sim[(i, j)] = j, i, s

    def free_old(self) -> list[int]:
        return [a.index for a in self.old if a.index not in self.o2n]

    def free_new(self) -> list[int]:
        return [a.index for a in self.new if a.index not in self.n2o]

    def similarity(self, i: int, j: int) -> float:
        return float(Indel.normalized_similarity(self.old[i].ids(self.vocab), self.new[j].ids(self.vocab)))

    def run(self) -> None:
        old, new = self.old, self.new
        # 1. the same eId and the same text
        new_by_eid = {a.eid: a for a in new}
        for a in old:
            b = new_by_eid.get(a.eid)
            if b is not None and a.text == b.text:
                self.pair(a.index, b.index, 1.0)
        # 2. the same text under another number (long enough to be unambiguous); duplicates in order
        groups: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i in self.free_old():
            if len(old[i].text) >= EXACT_MIN_CHARS:
                groups[old[i].text][0].append(i)
        for j in self.free_new():
            if len(new[j].text) >= EXACT_MIN_CHARS and new[j].text in groups:
                groups[new[j].text][1].append(j)
        for olds, news in groups.values():
            for i, j in zip(olds, news):
                self.pair(i, j, 1.0)
        # 3. between two anchors in order, as many left-over old articles as new ones: pair them in order
        anchors = sorted(self.o2n.items())
        for (ai, aj), (bi, bj) in zip([(-1, -1), *anchors], [*anchors, (len(old), len(new))]):
            if bj <= aj:
                continue  # crossing anchors: something moved, left to the global step
            olds = [i for i in range(ai + 1, bi) if i not in self.o2n]
            news = [j for j in range(aj + 1, bj) if j not in self.n2o]
            if olds and len(olds) == len(news):
                for i, j in zip(olds, news):
                    s = self.similarity(i, j)
                    if s >= SIM_MIN:
                        self.pair(i, j, s)
        # 4. the rest against the rest, best similarity first (moved or reordered articles)
        fo, fn = self.free_old(), self.free_new()
        if fo and fn:
            matrix = process.cdist(
                [old[i].ids(self.vocab) for i in fo],
                [new[j].ids(self.vocab) for j in fn],
                scorer=Indel.normalized_similarity,
                score_cutoff=SIM_MIN,
                workers=1 if len(fo) * len(fn) < 10_000 else -1,
            )
            cands = []
            for x, i in enumerate(fo):
                for y, j in enumerate(fn):
                    s = float(matrix[x][y])
                    if s >= SIM_MIN:
                        same = old[i].eid == new[j].eid
                        near = self.o2n.get(i - 1) == j - 1 or self.o2n.get(i + 1) == j + 1
                        cands.append((-round(s, 9), not same, not near, i + j, abs(i - j), i, j, s))
            for *_, i, j, s in sorted(cands):
                if i not in self.o2n and j not in self.n2o:
                    self.pair(i, j, s)
        # 5. the same eId, however much the text changed (a restated article keeps its number)
        new_free = {new[j].eid: j for j in self.free_new()}
        for i in self.free_old():
            j = new_free.get(old[i].eid)
            if j is not None:
                self.pair(i, j, self.similarity(i, j))

    def containment(self, short: _Art, long: _Art) -> float:
        n = len(short.ids(self.vocab))
        return LCSseq.similarity(short.ids(self.vocab), long.ids(self.vocab)) / n if n else 0.0

    def carved(
        self, piece: _Art, side: list[_Art], mine: dict[int, int], theirs: list[_Art]
    ) -> tuple[_Art, float] | None:
        """The article of `side` that `piece` (left over on the other side) was carved out of or folded into.

        `mine` maps `side` indices to the partner indices in `theirs` (the side `piece` is on)."""
        if len(piece.words()) < SPLIT_MIN_TOKENS:
            return None
        partner_of = {v: k for k, v in mine.items()}  # piece-side index → side index
        before = next((partner_of[k] for k in range(piece.index - 1, -1, -1) if k in partner_of), None)
        after = next((partner_of[k] for k in range(piece.index + 1, len(theirs)) if k in partner_of), None)
        anchors = [x for x in (before, after) if x is not None] or [0, len(side) - 1]
        lo, hi = max(0, min(anchors) - WINDOW), min(len(side) - 1, max(anchors) + WINDOW)
        best: tuple[float, int] | None = None
        for k in range(lo, hi + 1):
            c = self.containment(piece, side[k])
            if c >= CONTAIN_MIN and (best is None or c > best[0]):
                best = (c, k)
        if best is None:
            return None
        source = side[best[1]]
        partner = mine.get(source.index)
        if partner is not None and self.containment(piece, theirs[partner]) >= CONTAIN_LOST:
            return None  # the text is still where it was: a new article that resembles an old one
        return source, best[0]


def _align(old_doc: Document, new_doc: Document, old: list[_Art], new: list[_Art]) -> list[_Link]:
    al = _Aligner(old, new)
    al.run()
    links = [_Link("pair", old[i], new[j], al.sim[(i, j)]) for i, j in al.o2n.items()]
    used_old: set[int] = set()
    used_new: set[int] = set()
    left_new, left_old = al.free_new(), al.free_old()
    for j in left_new:
        found = al.carved(new[j], old, al.o2n, new)
        if found:
            links.append(_Link("split", found[0], new[j], round(found[1], 4)))
            used_old.add(found[0].index)
            used_new.add(j)
    for i in left_old:
        found = al.carved(old[i], new, al.n2o, old)
        if found:
            links.append(_Link("merged", old[i], found[0], round(found[1], 4)))
            used_old.add(i)
            used_new.add(found[0].index)
    old_range = _extent(old) if is_excerpt(old_doc.document) else None
    new_range = _extent(new) if is_excerpt(new_doc.document) else None
    for i in left_old:
        if i not in used_old:
            outside = _outside(old[i].node.num, new_range)
            links.append(_Link("outside_excerpt" if outside else "removed", old[i], None))
    for j in left_new:
        if j not in used_new:
            outside = _outside(new[j].node.num, old_range)
            links.append(_Link("outside_excerpt" if outside else "added", None, new[j]))
    return links


def _extent(arts: list[_Art]) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    keys = [k for k in (_num_key(a.node.num) for a in arts) if k is not None]
    return (min(keys), max(keys)) if keys else None


def _outside(num: str | None, extent: tuple[tuple[int, ...], tuple[int, ...]] | None) -> bool:
    key = _num_key(num)
    return extent is not None and key is not None and not (extent[0] <= key <= extent[1])


def _container_pairs(links: Iterable[_Link]) -> set[tuple[str, str]]:
    """Chapters paired by where their articles went: mutual majority (renamed or renumbered chapters stay paired)."""
    votes: Counter[tuple[str, str]] = Counter()
    for link in links:
        if link.kind == "pair" and link.old and link.new and link.old.container and link.new.container:
            votes[(link.old.container, link.new.container)] += 1
    best_new: dict[str, tuple[int, bool, str]] = {}
    best_old: dict[str, tuple[int, bool, str]] = {}
    for (co, cn), count in votes.items():
        best_new[co] = max(best_new.get(co, (0, False, "")), (count, co == cn, cn))
        best_old[cn] = max(best_old.get(cn, (0, False, "")), (count, co == cn, co))
    return {(co, cn) for (co, cn) in votes if best_new[co][2] == cn and best_old[cn][2] == co}


def _raw_notes(node: Node | None) -> list[tuple[str, str]]:
    if node is None:
        return []
    return [(note.kind, note.text) for n in node.walk() for note in n.notes if note.kind in KEPT_NOTES]


def _notes_delta(old: Node | None, new: Node | None) -> tuple[list[NoteRef], list[NoteRef]]:
    """Notes only in the new article (added) and only in the old one (removed), compared as printed."""
    if _raw_notes(old) == _raw_notes(new):
        return [], []
    a = _notes(old) if old is not None else []
    b = _notes(new) if new is not None else []

    def only(xs: list[NoteRef], ys: list[NoteRef]) -> list[NoteRef]:
        left = Counter((n.kind, n.text) for n in ys)
        out = []
        for n in xs:
            if left[(n.kind, n.text)] > 0:
                left[(n.kind, n.text)] -= 1
            else:
                out.append(n)
        return out

    return only(b, a), only(a, b)


def _change(link: _Link, moved_ok: set[tuple[str, str]]) -> Change:
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
    assert o is not None and n is not None and on is not None and nn is not None
    ops = redline(o.text, n.text)
    ch.text_changed = bool(ops)
    if ops:
        ch.ops, ch.old_text, ch.new_text = ops, o.text, n.text
    elif link.similarity is not None:
        ch.similarity = 1.0
    ch.renumbered = on.num != nn.num
    ch.moved = bool(o.container and n.container and (o.container, n.container) not in moved_ok)
    if on.repealed != nn.repealed:
        ch.repealed = "repealed" if nn.repealed else "restored"
    ch.notes_added, ch.notes_removed = _notes_delta(on, nn)
    ch.notes_changed = bool(ch.notes_added or ch.notes_removed)
    # one status, the most structural change first; the flags keep the others
    ch.status = (
        "moved" if ch.moved else "renumbered" if ch.renumbered else "amended" if ch.text_changed else "unchanged"
    )
    return ch


def _ordered(links: list[_Link]) -> list[_Link]:
    """New-document order; what only the old edition has comes after its old predecessor's counterpart."""
    partner = {link.old.index: link.new.index for link in links if link.kind == "pair" and link.old and link.new}

    def anchor(i: int) -> int:
        return next((partner[k] for k in range(i - 1, -1, -1) if k in partner), -1)

    def key(link: _Link) -> tuple[int, int, int]:
        if link.new is not None and link.kind != "merged":
            return (link.new.index, 0 if link.kind == "pair" else 1, link.old.index if link.old else -1)
        assert link.old is not None
        return (anchor(link.old.index), 2, link.old.index)

    return sorted(links, key=key)


def _side(doc: Document, n_articles: int) -> Side:
    return Side(**doc.document.model_dump(), articles=n_articles, excerpt=is_excerpt(doc.document))


FindingLike = Mapping[str, Any]


def diff_documents(
    old: Document,
    new: Document,
    *,
    old_findings: Sequence[FindingLike] | None = None,
    new_findings: Sequence[FindingLike] | None = None,
    run_checker: bool = True,
) -> Diff:
    """Compare two editions. Findings given as dicts are matched across the alignment; without them the
    check stage runs on both editions when it is installed (`run_checker=False` skips it)."""
    oa, na = _articles(old), _articles(new)
    links = _ordered(_align(old, new, oa, na))
    moved_ok = _container_pairs(links)
    changes = [_change(link, moved_ok) for link in links]
    summary = Counter(c.status for c in changes)
    counts = {s: summary.get(s, 0) for s in Status.__args__}  # type: ignore[attr-defined]
    counts["notes_changed"] = sum(c.notes_changed for c in changes)
    counts["text_changed"] = sum(c.text_changed for c in changes)
    if old_findings is not None and new_findings is not None:
        delta = findings_delta(old_findings, new_findings, changes)
    elif not run_checker:
        delta = FindingsDelta(available=False, reason="the check was not run")
    else:
        delta = _checked_delta(old, new, changes)
    return Diff(old=_side(old, len(oa)), new=_side(new, len(na)), summary=counts, changes=changes, findings_delta=delta)


# -- compliance delta ------------------------------------------------------------------------------------


def _checker() -> Callable[[Document], Sequence[Any]] | None:
    """`compliance.check.check_document` when the check stage is installed, else None."""
    try:
        from compliance.check import check_document  # type: ignore[attr-defined]
    except ModuleNotFoundError as exc:
        if exc.name not in ("compliance.check", "compliance"):
            raise  # the checker is there but one of its own imports is missing: that is a bug to see
        return None
    except ImportError:  # the module exists but does not offer check_document yet
        return None
    return check_document  # type: ignore[no-any-return]


def _as_dict(finding: Any) -> dict[str, Any]:
    if isinstance(finding, Mapping):
        return dict(finding)
    return finding.model_dump(mode="json")  # type: ignore[no-any-return]


def _checked_delta(old: Document, new: Document, changes: Sequence[Change]) -> FindingsDelta:
    check = _checker()
    if check is None:
        reason = "no checker findings: the check stage (compliance.check) is not installed"
        return FindingsDelta(available=False, reason=reason)
    return findings_delta([_as_dict(f) for f in check(old)], [_as_dict(f) for f in check(new)], changes)


def _article_index(changes: Sequence[Change], side: Literal["old", "new"]) -> tuple[dict[str, int], dict[str, int]]:
    """eId → change index and num → change index of the articles on one side (primary pairs first)."""
    by_eid: dict[str, int] = {}
    by_num: dict[str, int] = {}
    order = sorted(range(len(changes)), key=lambda k: changes[k].status not in PRIMARY)
    for k in order:
        c = changes[k]
        eid, num = (c.old_eid, c.old_num) if side == "old" else (c.new_eid, c.new_num)
        if eid and eid not in by_eid:
            by_eid[eid] = k
        if num and num not in by_num:
            by_num[num] = k
    return by_eid, by_num


def _locate(f: FindingLike, by_eid: dict[str, int], by_num: dict[str, int]) -> tuple[int | None, str | None, str]:
    """(change index, article eId, the finding's eId below the article) of a finding."""
    eid = str(f.get("eid") or "")
    parts = eid.split("__")
    for cut in range(len(parts), 0, -1):  # the longest prefix that is an article: art_402 of art_402__para_1
        head = "__".join(parts[:cut])
        if head in by_eid:
            return by_eid[head], head, "__".join(parts[cut:])
    article = f.get("article")
    if article is not None and str(article) in by_eid:
        return by_eid[str(article)], str(article), ""
    if article is not None and str(article) in by_num:
        k = by_num[str(article)]
        return k, None, eid
    return None, None, eid


def findings_delta(
    old_findings: Sequence[FindingLike], new_findings: Sequence[FindingLike], changes: Sequence[Change]
) -> FindingsDelta:
    """Findings introduced, resolved and persisting between two editions, per rule and convention.

    A finding persists when the other edition has a finding of the same rule (and convention) in the
    aligned article — the pair of articles the diff matched, whatever their numbers — or, for findings
    tied to no article, anywhere in the document. Findings are plain dicts with at least rule_id,
    convention, convention_article, eid, article, kind and severity.
    """
    oe, on = _article_index(changes, "old")
    ne, nn = _article_index(changes, "new")
    groups: dict[tuple[str, str, int | str | None], tuple[list[Any], list[Any]]] = defaultdict(lambda: ([], []))
    for side, findings, by_eid, by_num in ((0, old_findings, oe, on), (1, new_findings, ne, nn)):
        for f in findings:
            k, art, rest = _locate(f, by_eid, by_num)
            anchor: int | str | None = k if k is not None else (f"eid:{rest}" if rest else None)
            key = (str(f.get("rule_id")), str(f.get("convention") or ""), anchor)
            groups[key][side].append((rest, str(f.get("convention_article") or ""), _canon(f), art, dict(f)))
    introduced, resolved, persisting = [], [], []
    for key in sorted(groups, key=lambda g: (g[0], g[1], str(g[2]))):
        olds, news = (sorted(x, key=lambda t: t[:3]) for x in groups[key])
        pairs: list[tuple[Any, Any]] = []
        for match in (lambda a, b: a[:2] == b[:2], lambda a, b: True):  # same place and article first
            for a in list(olds):
                b = next((b for b in news if match(a, b)), None)
                if b is not None:
                    pairs.append((a, b))
                    olds.remove(a)
                    news.remove(b)
        persisting += [_fchange(a, b) for a, b in pairs]
        resolved += [_fchange(a, None) for a in olds]
        introduced += [_fchange(None, b) for b in news]
    by_rule: dict[tuple[str, str], RuleDelta] = {}
    for name, items in (("introduced", introduced), ("resolved", resolved), ("persisting", persisting)):
        for fc in items:
            key = (fc.rule_id, fc.convention or "")
            rd = by_rule.setdefault(key, RuleDelta(rule_id=fc.rule_id, convention=fc.convention))
            setattr(rd, name, getattr(rd, name) + 1)
    return FindingsDelta(
        available=True,
        introduced=introduced,
        resolved=resolved,
        persisting=persisting,
        by_rule=[by_rule[k] for k in sorted(by_rule)],
    )


def _canon(f: FindingLike) -> str:
    return json.dumps(f, sort_keys=True, ensure_ascii=False, default=str)


def _fchange(a: Any, b: Any) -> FindingChange:
    fo, fn = (a[4] if a else None), (b[4] if b else None)
    base = fn if fn is not None else fo
    assert base is not None
    return FindingChange(
        rule_id=str(base.get("rule_id")),
        convention=base.get("convention"),
        convention_article=None if base.get("convention_article") is None else str(base.get("convention_article")),
        kind=base.get("kind"),
        severity=base.get("severity"),
        old_article=a[3] if a else None,
        new_article=b[3] if b else None,
        old=fo,
        new=fn,
    )


# -- rendering -------------------------------------------------------------------------------------------


def render_json(diff: Diff) -> str:
    return diff.model_dump_json(indent=1) + "\n"


def headline(diff: Diff) -> str:
    """ "2 conflicts resolved, 1 introduced" (findings of kind conflict), then the other kinds if any."""
    d = diff.findings_delta
    if not d.available:
        return f"No checker findings available ({d.reason}); the changes below are textual only."

    def count(items: list[FindingChange], *kinds: str) -> int:
        return sum(1 for f in items if (f.kind or "conflict") in kinds)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    text = f"{plural(count(d.resolved, 'conflict'), 'conflict')} resolved, {count(d.introduced, 'conflict')} introduced"
    extra = []
    for kind, word in (("concern", "concern"), ("requirement", "unmet requirement")):
        r, i = count(d.resolved, kind), count(d.introduced, kind)
        if r or i:
            extra.append(f"{plural(r, word)} resolved, {i} introduced")
    gained, lost = count(d.introduced, "implements"), count(d.resolved, "implements")
    if gained or lost:
        extra.append(f"{plural(gained, 'implementing provision')} gained, {lost} lost")
    extra.append(f"{plural(len(d.persisting), 'finding')} persisting")
    return text + "; " + "; ".join(extra)


def _title(side: Side) -> str:
    name = side.short_title or side.title or side.id
    return f"{name} ({side.edition.isoformat()})" if side.edition else name


def _cite(num: str | None, heading: str | None = None) -> str:
    if num is None:
        return "—"
    return f"Art. {num}" + (f" {heading}" if heading else "")


def _view(diff: Diff) -> dict[str, Any]:
    """What the HTML template needs, law text kept as plain strings (the template escapes them)."""
    changes = []
    for c in diff.changes:
        if c.status == "unchanged" and not c.notes_changed:
            continue
        segments = redline_segments(c.old_text or "", c.new_text or "", c.ops) if c.text_changed else []
        if c.status == "renumbered" or c.status == "moved" or c.old_num != c.new_num:
            title = f"{_cite(c.old_num)} → {_cite(c.new_num, c.new_heading)}"
        else:
            title = _cite(c.new_num or c.old_num, c.new_heading or c.old_heading)
        changes.append({"c": c, "title": title, "segments": segments, "anchor": c.new_eid or c.old_eid})
    unchanged = [c.new_num for c in diff.changes if c.status == "unchanged" and not c.notes_changed]
    return {
        "diff": diff,
        "headline": headline(diff),
        "old_title": _title(diff.old),
        "new_title": _title(diff.new),
        "changes": changes,
        "unchanged": unchanged,
        "summary": [(k, v) for k, v in diff.summary.items() if v],
    }


def render_html(diff: Diff) -> str:
    """A self-contained page (inline CSS, no scripts): headline, summary, then each change with its redline."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("compliance", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    return env.get_template("diff.html.j2").render(**_view(diff))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def render_markdown(diff: Diff) -> str:
    view = _view(diff)
    out = [f"# {_md(view['old_title'])} → {_md(view['new_title'])}", "", f"**{_md(view['headline'])}**", ""]
    out.append(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in view["summary"]) or "no articles")
    out.append("")
    d = diff.findings_delta
    if d.available:
        for name in ("introduced", "resolved", "persisting"):
            for fc in getattr(d, name):
                where = fc.new_article or fc.old_article or "document"
                out.append(f"- {name}: {_md(fc.rule_id)} ({_md(fc.convention or '')} {_md(fc.convention_article or '')}) in {_md(where)}")
        out.append("")
    for item in view["changes"]:
        c = item["c"]
        sim = f", similarity {c.similarity}" if c.similarity is not None else ""
        out.append(f"## {_md(item['title'])} — {c.status}{sim}")
        flags = [f for f in ("text_changed", "renumbered", "moved") if getattr(c, f) and f != c.status]
        if c.moved:
            flags.append(f"from {c.old_container} to {c.new_container}")
        if c.repealed:
            flags.append(c.repealed)
        if flags:
            out.append("")
            out.append("(" + "; ".join(_md(f.replace("_", " ")) for f in flags) + ")")
        if item["segments"]:
            out.append("")
            parts: list[str] = []
            for kind, text in item["segments"]:
                t = _md(text).replace("\n", "  \n")
                core = t.strip()
                lead, trail = t[: len(t) - len(t.lstrip())], t[len(t.rstrip()) :]
                if kind == "ins" and parts and parts[-1].endswith("~~"):
                    lead = lead or " "  # a replacement reads "~~old~~ **new**"
                mark = "~~" if kind == "del" else "**" if kind == "ins" else ""
                parts.append(f"{lead}{mark}{core}{mark}{trail}" if core else t)
            out.append("".join(parts).rstrip())
        for label, notes in (("note added", c.notes_added), ("note removed", c.notes_removed)):
            for note in notes:
                out.append("")
                out.append(f"> {label}: {_md(note.text)}")
        out.append("")
    if view["unchanged"]:
        out.append(f"Unchanged: {_md(', '.join(str(n) for n in view['unchanged']))}")
    return "\n".join(out).rstrip() + "\n"


# -- loading ---------------------------------------------------------------------------------------------


# -- history ---------------------------------------------------------------------------------------------


TimelineKind = Literal[
    "in_force",  # present in the first edition of the corpus that has it
    "added",
    "amended",
    "renumbered",
    "moved",
    "repealed",
    "restored",
    "removed",
    "notes_changed",
    "split",  # carved out of another article
    "merged",  # folded into another article
    "outside_excerpt",
]


class ArticleEdition(_Model):
    edition: _dt.date | None
    id: str
    eid: str
    num: str | None
    repealed: bool = False


class TimelineEvent(_Model):
    event: TimelineKind
    edition: _dt.date | None = Field(description="The edition in which the change is first seen.")
    edition_id: str
    num: str | None = None
    detail: str | None = None
    acts: list[AmendmentEvent] = Field(
        default_factory=list, description="Amending acts named by notes that are new in this edition."
    )


class ArticleTimeline(_Model):
    eid: str = Field(description="eId in the last edition that has the article.")
    num: str | None
    heading: str | None = None
    editions: list[ArticleEdition]
    events: list[TimelineEvent]
    amendments: list[AmendmentEvent] = Field(
        default_factory=list, description="Every amending act the notes name, in any edition, by date."
    )


class History(_Model):
    law: str
    editions: list[DocumentMeta]
    articles: list[ArticleTimeline]


def _events_key(e: AmendmentEvent) -> tuple[str, str, str, str]:
    return (e.date.isoformat() if e.date else "", e.act_number or "", e.action, e.target or "")


def _acts(node: Node) -> list[AmendmentEvent]:
    return [e for n in node.walk() for note in n.notes for e in note.events]


def _new_acts(old: Node | None, new: Node) -> list[AmendmentEvent]:
    seen = {_events_key(e) for e in _acts(old)} if old is not None else set()
    out: dict[tuple[str, str, str, str], AmendmentEvent] = {}
    for e in _acts(new):
        if _events_key(e) not in seen:
            out.setdefault(_events_key(e), e)
    return [out[k] for k in sorted(out)]


@dataclass
class _Track:
    editions: list[tuple[int, Node]] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)


def history(
    law: str,
    *,
    article: str | None = None,
    documents: Sequence[Document] | None = None,
) -> History:
    """A timeline per article across every edition of `law` in the corpus ("kz/trade-unions-law").

    `documents` (oldest first) replaces reading the corpus, e.g. for tests that parsed them already.
    """
    from .corpus import editions
    from .parse import parse_file

    m = re.match(r"^(?P<country>[a-z]{2})/(?P<slug>[a-z0-9-]+)(?:@[\d-]+)?(?::(?P<lang>[A-Za-z-]+))?$", law.strip())
    if documents is None:
        if not m:
            raise ValueError(f"{law}: expected a law of the corpus as country/slug, e.g. kz/trade-unions-law")
        entries = editions(m["country"], m["slug"], m["lang"])
        if not entries:
            raise ValueError(f"{law}: no editions in the corpus (`compliance corpus list` shows every id)")
        documents = [parse_file(e.file) for e in entries]
    docs = list(documents)
    base = f"{m['country']}/{m['slug']}" if m else law
    tracks: list[_Track] = []
    current: dict[str, _Track] = {}  # eid in the latest edition seen → track
    dormant: dict[str, _Track] = {}  # outside an excerpt for now, by eid

    def first(doc_i: int, node: Node, event: TimelineKind, detail: str | None = None) -> _Track:
        t = dormant.pop(node.eid, None) or _Track()
        if not t.editions:
            tracks.append(t)
        t.editions.append((doc_i, node))
        acts = _acts(node) if event == "added" else []
        doc = docs[doc_i].document
        acts = [e for e in acts if e.action in ("inserted", "restated", "amended")]
        t.events.append(TimelineEvent(event=event, edition=doc.edition, edition_id=doc.id, num=node.num, detail=detail, acts=acts))
        return t

    if docs:
        for node in docs[0].articles():
            current[node.eid] = first(0, node, "repealed" if node.repealed else "in_force")
    for k in range(1, len(docs)):
        diff = diff_documents(docs[k - 1], docs[k], run_checker=False)
        meta = docs[k].document
        old_nodes = {n.eid: n for n in docs[k - 1].articles()}
        new_nodes = {n.eid: n for n in docs[k].articles()}
        nxt: dict[str, _Track] = {}
        for c in diff.changes:
            on = old_nodes.get(c.old_eid or "")
            nn = new_nodes.get(c.new_eid or "")
            t = current.get(c.old_eid or "") if c.old_eid else None

            def ev(kind: TimelineKind, detail: str | None = None, acts: list[AmendmentEvent] | None = None) -> None:
                assert t is not None
                t.events.append(
                    TimelineEvent(
                        event=kind, edition=meta.edition, edition_id=meta.id, num=c.new_num or c.old_num, detail=detail, acts=acts or []
                    )
                )

            if c.status in PRIMARY and t is not None and nn is not None:
                t.editions.append((k, nn))
                nxt[nn.eid] = t
                acts = _new_acts(on, nn)
                if c.repealed:
                    ev(c.repealed, acts=[a for a in acts if a.action == "repealed"] or acts)
                if c.moved:
                    ev("moved", f"{c.old_container} → {c.new_container}")
                if c.renumbered:
                    ev("renumbered", f"{c.old_num} → {c.new_num}")
                if c.text_changed and not c.repealed:
                    ev("amended", f"similarity {c.similarity}", acts)
                elif c.notes_changed and not c.text_changed and not c.repealed:
                    ev("notes_changed", None, acts)
            elif c.status == "split" and nn is not None:
                nxt[nn.eid] = first(k, nn, "split", f"carved out of art. {c.old_num}")
            elif c.status == "merged" and t is not None:
                ev("merged", f"folded into art. {c.new_num}")
            elif c.status == "removed" and t is not None:
                ev("removed")
            elif c.status == "outside_excerpt" and c.old_eid and t is not None:
                ev("outside_excerpt", "the new edition is an excerpt that does not reach it")
                dormant[c.old_eid] = t
            elif c.status in ("added", "outside_excerpt") and nn is not None:
                nxt[nn.eid] = first(k, nn, "added" if c.status == "added" else "in_force")
        current = nxt
    out = []
    for t in tracks:
        last_i, last = t.editions[-1]
        if article is not None and not any(n.num == article or n.eid == article for _, n in t.editions):
            continue
        amendments: dict[tuple[str, str, str, str], AmendmentEvent] = {}
        for _, n in t.editions:
            for e in _acts(n):
                amendments.setdefault(_events_key(e), e)
        out.append(
            ArticleTimeline(
                eid=last.eid,
                num=last.num,
                heading=last.heading,
                editions=[
                    ArticleEdition(edition=docs[i].document.edition, id=docs[i].document.id, eid=n.eid, num=n.num, repealed=n.repealed)
                    for i, n in t.editions
                ],
                events=t.events,
                amendments=[amendments[key] for key in sorted(amendments)],
            )
        )
    if article is not None and not out:
        raise ValueError(f"{law}: no article {article} in any edition")
    return History(law=base, editions=[d.document for d in docs], articles=out)


def _acts_text(events: Sequence[AmendmentEvent]) -> str:
    """ "349-VI of 2020-06-26 (amended: Заголовок статьи 174; Статья 174)", one entry per act."""
    acts: dict[tuple[str, str], list[AmendmentEvent]] = {}
    for e in events:
        acts.setdefault((e.date.isoformat() if e.date else "", e.act_number or e.act or "act"), []).append(e)
    out = []
    for (date, number), evs in sorted(acts.items()):
        actions = ", ".join(dict.fromkeys(e.action for e in evs))
        out.append(f"{number}" + (f" of {date}" if date else "") + f" ({actions})")
    return "; ".join(out)


def render_history_text(h: History) -> str:
    dates = ", ".join(str(d.edition) for d in h.editions)
    lines = [f"History of {h.law}: {len(h.editions)} edition(s) in the corpus ({dates})", ""]
    for a in h.articles:
        lines.append(f"Art. {a.num} {a.heading or ''} [{a.eid}]".rstrip())
        for e in a.events:
            text = f"  {e.edition}  {e.event.replace('_', ' ')}"
            if e.detail:
                text += f" ({e.detail})"
            if e.acts:
                text += " — by " + _acts_text(e.acts)
            lines.append(text)
        if a.amendments:
            lines.append("  acts named in the notes: " + _acts_text(a.amendments))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
