"""What a long-running stage tells whoever watches it: steps of known count, and busy phases.

Reads nothing; defines the `Progress` protocol the report, compare and evaluation stages accept, and
`Silent`, the watcher that shows nothing. Drawing it (a bar on a terminal, plain lines otherwise) is the
commands' business (`compliance.cli.bar`).
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Steps of known count, and a busy phase (of unknown length) until `done`."""

    def step(self, done: int, total: int, what: str) -> None: ...

    def busy(self, what: str) -> None: ...

    def done(self) -> None: ...


class Silent:
    """Shows nothing."""

    def step(self, done: int, total: int, what: str) -> None:
        pass

    def busy(self, what: str) -> None:
        pass

    def done(self) -> None:
        pass
