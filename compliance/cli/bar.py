"""Progress of a long command on stderr: a bar (rich) on a terminal, one plain line per step otherwise.

Reads the steps and busy phases a stage reports through `compliance.steps.Progress`, and produces either
a transient rich progress bar (a spinner with the elapsed time for a phase of unknown length) when stderr
is a terminal, or plain `compliance: …` lines when it is a pipe or a file, so a log shows what a 30-second
run was doing; `--quiet` shows nothing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

Mode = Literal["bar", "lines", "off"]


class StderrProgress:
    """`compliance.steps.Progress` drawn on `stream` (default stderr) in the given mode."""

    def __init__(self, mode: Mode, stream: TextIO | None = None) -> None:
        self.mode: Mode = mode
        self.stream = stream or sys.stderr
        self._bar: RichProgress | None = None
        self._task: int | None = None
        self._last: str | None = None

    @classmethod
    def for_stderr(cls, quiet: bool) -> StderrProgress:
        return cls("off" if quiet else ("bar" if sys.stderr.isatty() else "lines"))

    def _rich(self) -> RichProgress:
        # rich is imported only once a bar is drawn: a pipe, a file or --quiet never pay for it
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        if self._bar is None:
            console = Console(file=self.stream, force_terminal=True)
            self._bar = RichProgress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                     MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
            self._bar.start()
        return self._bar

    def _line(self, text: str) -> None:
        if text != self._last:
            self.stream.write(f"compliance: {text}\n")
            self.stream.flush()
            self._last = text

    def step(self, done: int, total: int, what: str) -> None:
        if self.mode == "lines" and done < total:
            self._line(f"{what} ({done + 1}/{total})")
        elif self.mode == "bar":
            bar = self._rich()
            if self._task is None:
                self._task = bar.add_task(what, total=total)
            bar.update(self._task, description=what, completed=done, total=total)  # type: ignore[arg-type]

    def busy(self, what: str) -> None:
        if self.mode == "lines":
            self._line(f"{what}…")
        elif self.mode == "bar":
            self.done()
            self._task = self._rich().add_task(what, total=None)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._task = None
