"""Word-level redline: two texts → `RedlineOp`s with character offsets into both, and reading-order segments.

Reads two strings (an article's `Node.full_text()` in two editions); produces the tokens of a text (Russian,
Kazakh and Uzbek Latin words, numbers such as "136-1" or "282.1", punctuation), the token edits between two
token lists, the `RedlineOp`s of a `Change`, and the ("equal" | "del" | "ins", text) pieces that HTML and
Markdown print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from rapidfuzz.distance import Indel

from .models import RedlineOp

__all__ = ["TOKEN_RE", "Edit", "Segment", "Token", "redline", "redline_segments", "token_edits", "tokenize"]

# A word: letters/digits joined by hyphens ("136-1", "OʻRQ-586-sonli", "какой-либо"), apostrophes inside
# Uzbek words ("bo'lim", "o‘z", "ta’lim"; ʻ and ʼ are letters already) or dots between digits ("282.1",
# "13.11.2015"); anything else that is not a space is a token of its own.
TOKEN_RE = re.compile(r"\w+(?:(?:[-‐‑'’‘`]|(?<=\d)\.(?=\d))\w+)*|\S")


class Token(NamedTuple):
    text: str
    start: int
    end: int


class Edit(NamedTuple):
    """Tokens a[old_start:old_end] become b[new_start:new_end]."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int

    def flipped(self) -> Edit:
        return Edit(self.new_start, self.new_end, self.old_start, self.old_end)


class Segment(NamedTuple):
    kind: Literal["equal", "del", "ins"]
    text: str


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens with their offsets.

    >>> [t for t, _, _ in tokenize("Статья 136-1. O‘zbekiston bo'lim, 282.1 и т.д.")]
    ['Статья', '136-1', '.', 'O‘zbekiston', "bo'lim", ',', '282.1', 'и', 'т', '.', 'д', '.']
    >>> [t for t, _, _ in tokenize("OʻRQ-586-sonli Qonuni, gʻalla")]
    ['OʻRQ-586-sonli', 'Qonuni', ',', 'gʻalla']
    """
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@dataclass
class _Run:
    """A stretch of the LCS alignment: equal tokens, or an edit."""

    equal: bool
    edit: Edit

    def old_size(self) -> int:
        return self.edit.old_end - self.edit.old_start

    def widest(self) -> int:
        return max(self.old_size(), self.edit.new_end - self.edit.new_start)


def token_edits(a: Sequence[object], b: Sequence[object]) -> list[Edit]:
    """Token edits (a[i1:i2] → b[j1:j2]) from the LCS alignment, small equalities between edits absorbed.

    An equal stretch no longer than the edits on both its sides ("и", "," between two rewritten phrases) is
    folded into one replacement, so that a restated passage reads as one deletion and one insertion.

    >>> token_edits("a x b y c".split(), "a X b Y c".split())
    [Edit(old_start=1, old_end=4, new_start=1, new_end=4)]
    """
    runs: list[_Run] = []
    for op in Indel.opcodes(a, b):
        equal = op.tag == "equal"
        if runs and not equal and not runs[-1].equal:  # a delete next to an insert: one replacement
            last = runs[-1].edit
            runs[-1].edit = last._replace(old_end=op.src_end, new_end=op.dest_end)
        else:
            runs.append(_Run(equal, Edit(op.src_start, op.src_end, op.dest_start, op.dest_end)))
    while _absorb_one(runs):
        pass
    return [r.edit for r in runs if not r.equal]


def _absorb_one(runs: list[_Run]) -> bool:
    """Fold the first small equal run between two edits into one edit; False when there is none left."""
    for k in range(1, len(runs) - 1):
        left, mid, right = runs[k - 1], runs[k], runs[k + 1]
        if not mid.equal or left.equal or right.equal:
            continue
        if mid.old_size() <= left.widest() and mid.old_size() <= right.widest():
            merged = Edit(left.edit.old_start, right.edit.old_end, left.edit.new_start, right.edit.new_end)
            runs[k - 1 : k + 2] = [_Run(False, merged)]
            return True
    return False


def _bounds(tokens: Sequence[Token], start: int) -> list[int]:
    """Where the span of token k begins: the end of token k-1 (the space before a token goes with it), or
    the start of the region for the first one; the last entry is the end of the last token."""
    return [start] + [t.end for t in tokens]


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
    ta = [Token(t, s + p, e + p) for t, s, e in tokenize(old_text[p:qa])]
    tb = [Token(t, s + p, e + p) for t, s, e in tokenize(new_text[p:qb])]
    return _redline(ta, old_text, tb, new_text, p)


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


def _redline(ta: list[Token], a: str, tb: list[Token], b: str, start: int) -> list[RedlineOp]:
    """Edits between the tokens `ta` of `a` and `tb` of `b`, both from offset `start` on."""
    wa, wb = [t.text for t in ta], [t.text for t in tb]
    if wa == wb:
        return []
    # one orientation for both directions, so that the reverse diff is the exact mirror
    flip = wb < wa
    edits = [e.flipped() for e in token_edits(wb, wa)] if flip else token_edits(wa, wb)
    ba, bb = _bounds(ta, start), _bounds(tb, start)
    ops = []
    for e in edits:
        # an empty side sits at the boundary before the next token (the end, after the last one)
        os_, oe = ba[e.old_start], ba[e.old_end]
        ns, ne = bb[e.new_start], bb[e.new_end]
        has_old, has_new = e.old_end > e.old_start, e.new_end > e.new_start
        kind = "replace" if has_old and has_new else ("delete" if has_old else "insert")
        # built without validation: the offsets and texts are correct by construction
        ops.append(
            RedlineOp.model_construct(op=kind, old=(os_, oe), new=(ns, ne), old_text=a[os_:oe], new_text=b[ns:ne])
        )
    return ops


def redline_segments(old_text: str, new_text: str, ops: Sequence[RedlineOp]) -> list[Segment]:
    """The redline as ("equal" | "del" | "ins", text) pieces in reading order, for HTML and Markdown."""
    out: list[Segment] = []
    cursor = 0
    for op in ops:
        if op.new[0] > cursor:
            out.append(Segment("equal", new_text[cursor : op.new[0]]))
        if op.old[1] > op.old[0]:
            out.append(Segment("del", old_text[op.old[0] : op.old[1]]))
        if op.new[1] > op.new[0]:
            out.append(Segment("ins", new_text[op.new[0] : op.new[1]]))
        cursor = op.new[1]
    if cursor < len(new_text):
        out.append(Segment("equal", new_text[cursor:]))
    return out
