"""What every command shares: writing its output, the plain-text tree, the progress bar, option values.

Reads a command's result (text or bytes, a parsed tree, an option string) and produces bytes on standard
output or in a file, the indented text view of an article tree, a one-line progress bar on a terminal,
and the normalised convention numbers an option names (`UsageError` for an unknown one).
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

from ..errors import UsageError
from ..models import Node
from ..output import write_file


def write_output(out: str | None, data: str | bytes) -> None:
    """Write to a file atomically (creating its folder) or, for None or "-", to standard output."""
    if out in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    write_file(Path(out), data if isinstance(data, bytes) else data.encode("utf-8"))


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
    from ..report.conventions import convention_info, normalize_number

    if not text:
        return None
    out = []
    for item in (c.strip() for c in text.split(",") if c.strip()):
        number = normalize_number(item)
        if convention_info(number) is None:
            raise UsageError(f"--conventions: {item!r} is not an ILO instrument in the corpus (corpora/conventions)")
        out.append(number)
    return sorted(dict.fromkeys(out))


class Progress:
    """A one-line progress bar on stderr when it is a terminal; silent when piped or quiet."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def for_stderr(cls, quiet: bool) -> Progress:
        return cls(not quiet and sys.stderr.isatty())

    def _line(self, text: str) -> None:
        width = shutil.get_terminal_size((100, 20)).columns - 1
        self.stream.write("\r" + text[:width].ljust(width))
        self.stream.flush()

    def step(self, done: int, total: int, what: str) -> None:
        if not self.enabled:
            return
        bar = 24
        filled = bar * done // max(total, 1)
        self._line(f"[{'#' * filled}{'.' * (bar - filled)}] {done}/{total} {what}")

    def busy(self, what: str) -> None:
        """An indeterminate step (the check stage): elapsed seconds tick until `done()`."""
        if not self.enabled:
            return
        self.done()
        stop = self._stop = threading.Event()
        start = time.monotonic()

        def tick() -> None:
            spin = "|/-\\"
            i = 0
            while not stop.wait(0.25):
                self._line(f"[{spin[i % 4]}] {what} {time.monotonic() - start:.0f}s")
                i += 1

        self._line(f"[|] {what}")
        self._thread = threading.Thread(target=tick, daemon=True)
        self._thread.start()

    def done(self) -> None:
        if self._stop is not None:
            self._stop.set()
            if self._thread is not None:
                self._thread.join()
            self._stop = self._thread = None
        if self.enabled:
            self._line("")
            self.stream.write("\r")
            self.stream.flush()
