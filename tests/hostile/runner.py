"""Running the command line on hostile input with a time bound, cheaply: a forked copy of the test process.

Reads a command line, optional standard input and environment; produces the exit code, standard output,
standard error and the seconds it took. The child is a fork of the test process, so the modules and the
compiled rules the parent has warmed are not loaded again; a child still running after `timeout` seconds
is killed and the case fails as a hang.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float


class Hung(AssertionError):
    pass


def run_cli(args: list[str], *, stdin: bytes | None = b"", env: dict[str, str] | None = None, timeout: float = 30,
            interrupt_after: float | None = None, cwd: Path | None = None) -> Run:
    """`compliance ARGS` in a forked child; `stdin=None` closes its standard input."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        files = {name: Path(tmp) / name for name in ("in", "out", "err")}
        files["in"].write_bytes(stdin or b"")
        files["out"].write_bytes(b"")
        files["err"].write_bytes(b"")
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 1
            try:
                code = _child(args, files, stdin is None, env, cwd)
            finally:
                os._exit(code)
        return _wait(pid, files, start, timeout, interrupt_after)


def _child(args: list[str], files: dict[str, Path], close_stdin: bool, env: dict[str, str] | None,
           cwd: Path | None) -> int:
    from compliance.cli import main

    signal.signal(signal.SIGINT, signal.default_int_handler)
    if env:
        os.environ.update(env)
    if cwd:
        os.chdir(cwd)
    stdin = os.open(files["in"], os.O_RDONLY)
    out = os.open(files["out"], os.O_WRONLY)
    err = os.open(files["err"], os.O_WRONLY)
    for fd, target in ((stdin, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
    sys.stdin = None if close_stdin else os.fdopen(0, "r", closefd=False)  # type: ignore[assignment]
    sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
    try:
        code = main(args)
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def _wait(pid: int, files: dict[str, Path], start: float, timeout: float, interrupt_after: float | None) -> Run:
    interrupted = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        elapsed = time.monotonic() - start
        if done:
            break
        if interrupt_after is not None and not interrupted and elapsed > interrupt_after:
            os.kill(pid, signal.SIGINT)
            interrupted = True
        if elapsed > timeout:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise Hung(f"still running after {timeout:.0f} s")
        time.sleep(0.02)
    code = os.waitstatus_to_exitcode(status)
    return Run(code, files["out"].read_text("utf-8", "replace"), files["err"].read_text("utf-8", "replace"), elapsed)
