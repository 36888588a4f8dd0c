"""eIds: the units the structure pass built → the `Node` tree, each unit with its AKN-style identifier.

Reads the `_Unit`s of `structure.py` (and `vocab/structure.yaml`'s Latin letters for eIds); produces `Node`s
whose eIds are unique in the document (a unit numbered like one before it gets a suffix and a warning naming
both lines) and the warnings on articles out of order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Node, NodeKind, Note, Warning_, made_here
from . import notes as note_vocab
from .levels import vocabulary

ARTICLE_RANK = 60
# A piece of a unit's text: where it stands in the source when it is a stretch of it (most lines), else the
# text itself. Offsets hold no copy: a law's text is made once more only as its nodes' texts.
Piece = str | tuple[int, int]


@dataclass
class _Unit:
    """A node under construction (pydantic models are built once, at the end)."""

    kind: NodeKind
    rank: int
    alias: str
    start: int
    line: int
    label: str | None = None
    num: str | None = None
    heading: str | None = None
    text: list[Piece] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    repealed: bool = False
    end: int = 0
    children: list[_Unit] = field(default_factory=list)
    last_text_end_char: str = ""
    annex: bool = False  # its articles number afresh (a convention's annex, a code's glossary)


def _walk(unit: _Unit):  # type: ignore[no-untyped-def]
    yield unit
    for c in unit.children:
        yield from _walk(c)


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPTS}]+")
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")


def cited_num(num: str) -> str:
    """A unit's number as printed → as cited: a superscript flattened with an underscore (docs.cntd.ru) or
    copied as a character from a page that printed it is cited after a dot, as a marked one (<sup>) is.

    >>> cited_num("282_2"), cited_num("22¹"), cited_num("5²⁰"), cited_num("174")
    ('282.2', '22.1', '5.20', '174')
    """
    if "_" in num:
        num = num.replace("_", ".")
    if num[-1:] in _SUPERSCRIPTS:
        num = _SUPERSCRIPT.sub(lambda s: "." + s.group().translate(_SUPERSCRIPT_DIGITS), num)
    return num


def clean_num(num: str, translit: dict[str, str] | None = None) -> str:
    """A number as it may stand in an eId (AKN naming convention).

    >>> clean_num("282.1"), clean_num("288(1)"), clean_num("(a)"), clean_num("2-1")
    ('282-1', '288-1', 'a', '2-1')
    """
    table = translit if translit is not None else vocabulary().translit
    if num in table:
        return table[num]
    if num.isdigit() and num.isascii():  # most numbers: nothing to transliterate or replace
        return num
    out = "".join(table.get(ch, ch) for ch in num.strip().strip("().").lower())
    out = _NOT_EID.sub("-", out).strip("-")
    return out or "nn"


_NOT_EID = re.compile(r"[^0-9a-z]+")


def to_nodes(root: _Unit, src: str, warnings: list[Warning_], reader: note_vocab.NoteReader) -> Node:
    """The `Node` tree of the units under `root`; `src` is the text their pieces' offsets point into."""
    translit = vocabulary().translit
    seen: dict[str, tuple[int, int]] = {}  # eId → (units that wanted it, line of the first)

    def unique(eid: str, line: int) -> str:
        if eid not in seen:
            seen[eid] = (1, line)
            return eid
        count, first = seen[eid]
        seen[eid] = (count + 1, first)
        # The source numbers two units alike (an article repealed in one chapter and reused in the next): both
        # are kept, the later one under an eId that its place in the text fixes.
        warnings.append(Warning_(line=line, message=(
            f"duplicate identifier {eid}: the unit at line {line} has the number of the one at line {first};"
            f" it is identified as {eid}_{count + 1}")))
        return f"{eid}_{count + 1}"

    counters: dict[str, int] = {}
    # A unit that subdivides another ("1. Общие положения" in a §) numbers afresh in each: always under it.
    restarting = _restarting(root, translit) | {lv.alias for lv in vocabulary().headed}

    def convert(u: _Unit, parent_eid: str, scope: str) -> Node:
        if u.kind == "document":
            eid = "doc"
        elif u.kind == "preface":
            eid = unique("preface", u.line)
        elif u.rank <= ARTICLE_RANK:
            if u.num:
                local = f"{u.alias}_{clean_num(u.num, translit)}"
            else:
                counters[u.alias] = counters.get(u.alias, 0) + 1
                local = f"{u.alias}_nn_{counters[u.alias]}"
            # Articles are numbered through a whole code, so their eId needs no chapter prefix and stays the
            # same when an excerpt or a new edition regroups chapters; only annexes restart the numbering.
            # Containers too, unless their numbering restarts (§ 1 in each chapter): then under their parent.
            if u.kind == "article":
                local = f"{scope}__{local}" if scope else local
            elif u.alias in restarting and parent_eid != "doc":
                local = f"{parent_eid}__{local}"
            eid = unique(local, u.line)
        elif u.num:
            eid = unique(f"{parent_eid}__{u.alias}_{clean_num(u.num, translit)}", u.line)
        else:
            key = f"{parent_eid}__{u.alias}_nn"
            counters[key] = counters.get(key, 0) + 1
            eid = unique(f"{key}_{counters[key]}", u.line)
        child_scope = eid if u.annex else scope
        children = [convert(c, eid, child_scope) for c in u.children]
        u.children = []
        end = max([u.end] + [c.end for c in children])
        text = "\n".join(p if isinstance(p, str) else src[p[0] : p[1]] for p in u.text)
        u.text = []  # the pieces go as their node is made: a huge law is not held twice while converting
        notes = sorted(u.notes, key=lambda n: n.start)
        repealed = u.repealed or (
            u.rank >= ARTICLE_RANK and not text and not children and any(reader.repealed(n.text) for n in notes)
        )
        return made_here(Node, {
            "eid": eid,
            "kind": u.kind,
            "label": u.label,
            "num": u.num,
            "heading": u.heading,
            "text": text,
            "notes": notes,
            "repealed": repealed,
            "start": u.start,
            "end": end,
            "line": u.line,
            "children": children,
        })

    return convert(root, "", "")


def _restarting(root: _Unit, translit: dict[str, str]) -> set[str]:
    """Aliases of the containers whose numbers repeat in the document (each chapter starts its § at 1)."""
    seen: set[tuple[str, str]] = set()
    out: set[str] = set()
    for u in _walk(root):
        if u.rank < ARTICLE_RANK and u.kind != "preface" and u.num:
            key = (u.alias, clean_num(u.num, translit))
            if key in seen:
                out.add(u.alias)
            seen.add(key)
    return out


def check_order(tree: Node, warnings: list[Warning_]) -> None:
    prev: tuple[int, str, str] | None = None
    for art in tree.articles():
        m = re.match(r"\d+", art.num or "")
        if not m:
            continue
        key = int(m.group(0))
        # Articles under an annex or an approving law number afresh: order holds within one scope of eIds.
        scope = art.eid.rpartition("__")[0]
        if prev is not None and key < prev[0] and scope == prev[2]:
            warnings.append(Warning_(line=art.line, message=f"article {art.num} follows article {prev[1]}"))
        prev = (key, art.num or "", scope)
