"""What every command shares: writing its output, the plain-text tree, progress (`bar.py`), option values.

Reads a command's result (text or bytes, a parsed tree, an option string) and produces bytes on standard
output or in a file, the indented text view of an article tree, and the normalised convention numbers
an option names (`UsageError` for an unknown one).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError
from ..models import Document, Node
from ..output import write_file
from .bar import StderrProgress as Progress

__all__ = ["Progress", "conventions_option", "inputs_of", "render_text", "write_output"]


def write_output(out: str | None, data: str | bytes, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write to a file atomically (creating its folder) or, for None or "-", to standard output.

    A file that is one of `inputs` (the files the command read) is refused, `file:1: reason`, never overwritten.
    """
    if out in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    write_file(Path(out), data if isinstance(data, bytes) else data.encode("utf-8"),
               inputs=[Path(p) for p in inputs if str(p) != "-"])


def inputs_of(docs: Iterable[Document]) -> list[str]:
    """The files the parse stage read for these documents: what a command's `-o` may not overwrite."""
    return [f for doc in docs for f in doc.document.read_files]


def render_text(tree: Node) -> str:
    """The tree as indented plain text: one line per unit, then its text and notes, for reading and diffs."""
    lines: list[str] = []

    def emit(node: Node, depth: int) -> None:
        pad = "  " * depth
        head = " ".join(p for p in (node.label, node.heading) if p)
        flag = " [repealed]" if node.repealed else ""
        lines.append(f"{pad}[{node.eid}]{flag} {head}".rstrip())
        lines.extend(f"{pad}  {t}" for t in node.text.splitlines())
        lines.extend(f"{pad}  ({note.kind}) {note.text}" for note in node.notes)
        for child in node.children:
            emit(child, depth + 1)

    for child in tree.children:
        emit(child, 0)
    lines.extend(f"({note.kind}) {note.text}" for note in tree.notes)
    return "\n".join(lines) + "\n"


def conventions_option(text: str | None) -> list[str] | None:
    """`--conventions c87,C105` → ["C087", "C105"] (sorted, once each); None when not given.

    An item that is not an ILO instrument of the corpus is refused: filtering on it would silently check nothing.
    """
    if not text:
        return None
    from ..report.conventions import convention_info, normalize_number

    out = []
    for item in (c.strip() for c in text.split(",") if c.strip()):
        number = normalize_number(item)
        if convention_info(number) is None:
            raise UsageError(f"--conventions: {item!r} is not an ILO instrument in the corpus (corpora/conventions)")
        out.append(number)
    return sorted(dict.fromkeys(out))
