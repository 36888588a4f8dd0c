"""Article alignment: the articles of two editions (`Document` × `Document`) → `Link`s between them.

Reads two parsed documents and lists their articles with the chapter (or section, §) that holds each. The
alignment pairs them in five passes: same eId with the same text, then identical text under another number,
then order and rapidfuzz similarity between the anchors, then similarity across the whole law (moves), then
the same eId whatever the text (restated articles). What is left over is matched by containment (split and
merged articles), or else is added, removed, or outside the excerpt that the other edition is. Produces one
`Link` per pair or left-over article, for `changes` to turn into `Change` records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from ..models import Document, Node
from ..numbers import number_key
from .redline import TOKEN_RE

__all__ = ["Art", "Extent", "Link", "align", "articles", "covered_ranges"]

# -- tuning ----------------------------------------------------------------------------------------------

SIM_MIN = 0.5  # token similarity (Indel, 0..1) for two differently numbered articles to be one article
EXACT_MIN_CHARS = 40  # shorter identical texts ("Исключена", "") only pair under the same number
CONTAIN_MIN = 0.8  # share of a left-over article's tokens found, in order, in a split/merge partner
CONTAIN_LOST = 0.5  # ... and at most this share still found in that partner's own counterpart
SPLIT_MIN_TOKENS = 8
WINDOW = 3  # articles either side searched for the source of a split or the target of a merge
CONTAINER_KINDS: frozenset[str] = frozenset({"book", "part", "section", "chapter", "subchapter"})

LinkKind = Literal["pair", "split", "merged", "removed", "added", "outside_excerpt"]


@dataclass(eq=False)
class Art:
    """An article of one edition: its place in the edition, its text and the container that holds it."""

    index: int
    node: Node
    text: str
    container: str | None
    # tokens are computed only for the articles that the exact passes leave over
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
        """The tokens as integers shared by both editions (rapidfuzz compares int lists fastest)."""
        if self._ids is None:
            self._ids = [vocab.setdefault(t, len(vocab)) for t in self.words()]
        return self._ids


def articles(doc: Document) -> list[Art]:
    """The articles of `doc` in document order, each with the eId of its innermost container."""
    out: list[Art] = []

    def walk(node: Node, container: str | None) -> None:
        for child in node.children:
            if child.kind == "article":
                out.append(Art(len(out), child, child.full_text(), container))
            elif child.kind in CONTAINER_KINDS:
                walk(child, child.eid)
            else:
                walk(child, container)

    walk(doc.tree, None)
    return out


NumKey = tuple[tuple[int, str], ...]


def _num_key(num: str | None) -> NumKey | None:
    """The article number's place in the natural order; None when it does not start with a digit."""
    if not num or not num[:1].isdigit():
        return None
    return number_key(num)


@dataclass
class Link:
    kind: LinkKind
    old: Art | None
    new: Art | None
    similarity: float | None = None


class _Carved(NamedTuple):
    source: Art  # the article of the other edition that the piece came from or went into
    share: float  # the share of the piece's tokens found, in order, in it


class _Candidate(NamedTuple):
    """A possible pair of the global pass; tuples of this order sort the best pair first."""

    minus_similarity: float
    other_eid: bool  # the same eId wins a tie
    not_next_to_a_pair: bool  # then a neighbour of an existing pair
    index_sum: int  # then the earlier articles
    distance: int
    old: int
    new: int
    similarity: float


@dataclass
class _Aligner:
    old: list[Art]
    new: list[Art]
    vocab: dict[str, int] = field(default_factory=dict)
    o2n: dict[int, int] = field(default_factory=dict)
    n2o: dict[int, int] = field(default_factory=dict)
    sim: dict[tuple[int, int], float] = field(default_factory=dict)
    # articles numbered outside the other edition's extent (an excerpt): it cannot hold them, under any number
    outside_old: set[int] = field(default_factory=set)
    outside_new: set[int] = field(default_factory=set)

    def pair(self, i: int, j: int, s: float) -> None:
        self.o2n[i], self.n2o[j], self.sim[(i, j)] = j, i, s

    def free_old(self) -> list[int]:
        return [a.index for a in self.old if a.index not in self.o2n and a.index not in self.outside_old]

    def free_new(self) -> list[int]:
        return [a.index for a in self.new if a.index not in self.n2o and a.index not in self.outside_new]

    def similarity(self, i: int, j: int) -> float:
        return float(Indel.normalized_similarity(self.old[i].ids(self.vocab), self.new[j].ids(self.vocab)))

    def run(self) -> None:
        self.same_eid_same_text()
        self.same_text()
        self.in_order_between_anchors()
        self.most_similar()
        self.same_eid()

    def same_eid_same_text(self) -> None:
        new_by_eid = {a.eid: a for a in self.new}
        for a in self.old:
            b = new_by_eid.get(a.eid)
            if b is not None and a.text == b.text:
                self.pair(a.index, b.index, 1.0)

    def same_text(self) -> None:
        """The same text under another number (long enough to be unambiguous); duplicates in order."""
        old, new = self.old, self.new
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

    def in_order_between_anchors(self) -> None:
        """Between two anchors in order, as many left-over old articles as new ones: pair them in order."""
        anchors = sorted(self.o2n.items())
        for (ai, aj), (bi, bj) in zip([(-1, -1), *anchors], [*anchors, (len(self.old), len(self.new))]):
            if bj <= aj:
                continue  # crossing anchors: something moved, left to the global pass
            olds = [i for i in range(ai + 1, bi) if i not in self.o2n]
            news = [j for j in range(aj + 1, bj) if j not in self.n2o]
            if olds and len(olds) == len(news):
                for i, j in zip(olds, news):
                    s = self.similarity(i, j)
                    if s >= SIM_MIN:
                        self.pair(i, j, s)

    def most_similar(self) -> None:
        """The rest against the rest, best similarity first (moved or reordered articles)."""
        fo, fn = self.free_old(), self.free_new()
        if not (fo and fn):
            return
        matrix = process.cdist(
            [self.old[i].ids(self.vocab) for i in fo],
            [self.new[j].ids(self.vocab) for j in fn],
            scorer=Indel.normalized_similarity,
            score_cutoff=SIM_MIN,
            workers=1 if len(fo) * len(fn) < 10_000 else -1,
        )
        cands = []
        for x, i in enumerate(fo):
            for y, j in enumerate(fn):
                s = float(matrix[x][y])
                if s >= SIM_MIN:
                    same = self.old[i].eid == self.new[j].eid
                    near = self.o2n.get(i - 1) == j - 1 or self.o2n.get(i + 1) == j + 1
                    cands.append(_Candidate(-round(s, 9), not same, not near, i + j, abs(i - j), i, j, s))
        for c in sorted(cands):
            if c.old not in self.o2n and c.new not in self.n2o:
                self.pair(c.old, c.new, c.similarity)

    def same_eid(self) -> None:
        """The same eId, however much the text changed (a restated article keeps its number)."""
        new_free = {self.new[j].eid: j for j in self.free_new()}
        for i in self.free_old():
            j = new_free.get(self.old[i].eid)
            if j is not None:
                self.pair(i, j, self.similarity(i, j))

    def containment(self, short: Art, long: Art) -> float:
        n = len(short.ids(self.vocab))
        return LCSseq.similarity(short.ids(self.vocab), long.ids(self.vocab)) / n if n else 0.0

    def carved(self, piece: Art, side: list[Art], mine: dict[int, int], theirs: list[Art]) -> _Carved | None:
        """The article of `side` that `piece` (left over on the other side) was carved out of or folded into.

        `mine` maps `side` indices to the partner indices in `theirs` (the side `piece` is on)."""
        if len(piece.words()) < SPLIT_MIN_TOKENS:
            return None
        partner_of = {v: k for k, v in mine.items()}  # piece-side index → side index
        before = next((partner_of[k] for k in range(piece.index - 1, -1, -1) if k in partner_of), None)
        after = next((partner_of[k] for k in range(piece.index + 1, len(theirs)) if k in partner_of), None)
        anchors = [x for x in (before, after) if x is not None] or [0, len(side) - 1]
        lo, hi = max(0, min(anchors) - WINDOW), min(len(side) - 1, max(anchors) + WINDOW)
        best: _Carved | None = None
        for k in range(lo, hi + 1):
            c = self.containment(piece, side[k])
            if c >= CONTAIN_MIN and (best is None or c > best.share):
                best = _Carved(side[k], c)
        if best is None:
            return None
        partner = mine.get(best.source.index)
        if partner is not None and self.containment(piece, theirs[partner]) >= CONTAIN_LOST:
            return None  # the text is still where it was: a new article that resembles an old one
        return best


def align(old_doc: Document, new_doc: Document, old: list[Art], new: list[Art]) -> list[Link]:
    """Pairs of articles, then split and merged ones, then what only one edition has."""
    old_range, new_range = extent_of(old_doc, old), extent_of(new_doc, new)
    al = _Aligner(old, new)
    al.outside_old = {a.index for a in old if _outside(a.node.num, new_range)}
    al.outside_new = {a.index for a in new if _outside(a.node.num, old_range)}
    al.run()
    links = [Link("pair", old[i], new[j], al.sim[(i, j)]) for i, j in al.o2n.items()]
    used_old: set[int] = set()
    used_new: set[int] = set()
    left_new, left_old = al.free_new(), al.free_old()
    for j in left_new:
        found = al.carved(new[j], old, al.o2n, new)
        if found:
            links.append(Link("split", found.source, new[j], round(found.share, 4)))
            used_old.add(found.source.index)
            used_new.add(j)
    for i in left_old:
        found = al.carved(old[i], new, al.n2o, old)
        if found:
            links.append(Link("merged", old[i], found.source, round(found.share, 4)))
            used_old.add(i)
            used_new.add(found.source.index)
    links += [Link("removed", old[i], None) for i in left_old if i not in used_old]
    links += [Link("added", None, new[j]) for j in left_new if j not in used_new]
    links += [Link("outside_excerpt", old[i], None) for i in sorted(al.outside_old - set(al.o2n))]
    links += [Link("outside_excerpt", None, new[j]) for j in sorted(al.outside_new - set(al.n2o))]
    return links


Extent = list[tuple[NumKey, NumKey]]  # the ranges of article numbers an excerpt holds, first to last


def covered_ranges(nums: Sequence[str | None]) -> list[tuple[str, str]]:
    """The runs of article numbers a text holds: a jump of more than one in the leading number starts a new
    run (an excerpt made of two chapters, or the portions of one edition joined).

    >>> covered_ranges(["160", "174", "174-1", "175", "250", "295-1"])
    [('160', '160'), ('174', '175'), ('250', '250'), ('295-1', '295-1')]
    >>> covered_ranges(["166", "167", "168"])
    [('166', '168')]
    """
    runs: list[list[str]] = []
    last: int | None = None
    numbers = [n for n in nums if n]
    for num in sorted((n for n in numbers if _num_key(n) is not None), key=lambda n: _num_key(n) or ()):
        lead = _num_key(num)[0][0]  # type: ignore[index]
        if runs and last is not None and lead - last <= 1:
            runs[-1].append(num)
        else:
            runs.append([num])
        last = lead
    return [(r[0], r[-1]) for r in runs]


def extent_of(doc: Document, arts: list[Art]) -> Extent | None:
    """None for a whole law (every article is in it or not in the law); for an excerpt, the runs it holds."""
    if doc.document.extent != "excerpt":
        return None
    ranges = covered_ranges([a.node.num for a in arts])
    return [(k1, k2) for k1, k2 in ((_num_key(a), _num_key(b)) for a, b in ranges) if k1 is not None and k2 is not None]


def _outside(num: str | None, extent: Extent | None) -> bool:
    key = _num_key(num)
    return extent is not None and key is not None and not any(first <= key <= last for first, last in extent)
