"""The `compliance` command: one entry point, one module per sub-command, on top of the stages.

Reads the command line and calls the stage a sub-command names (`parse`, `check`, `report`, `diff`,
`cite`, `comments`, `history`, `progress`, `compare`, `ratifications`, `corpus`, `eval`, `serve`, `batch`); the stages know nothing of argparse or exit codes.
Input the program cannot use (any `ComplianceError`) is one line on stderr, `compliance: file:line: reason`,
and exit code 2; a closed pipe exits 0; Ctrl-C is one line and exit 130; anything else is a bug: one line
with a hint to report it, exit 1. Sub-commands import
their stage when they run, so that `compliance --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import AbstractContextManager, nullcontext

from ..errors import INTERNAL_HINT, ComplianceError, UsageError
from . import (
    batch,
    check,
    cite,
    comments,
    compare,
    corpus,
    diff,
    history,
    parse,
    progress,
    ratifications,
    report,
    serve,
)
from . import eval as eval_  # not `eval`: that would hide the builtin in this module
from .common import render_text, write_output

__all__ = ["UsageError", "build_parser", "main", "render_text", "write_output"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compliance",
        description="Check national labour and criminal legislation against ILO conventions.",
        epilog="example: compliance parse law.md --format json -o law.json",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    # the order of `compliance --help`
    for command in (parse, check, cite, comments, compare, ratifications, diff, history, progress, eval_, corpus, report, serve, batch):
        command.add_parser(sub)
    return parser


def _jobs(args: argparse.Namespace) -> AbstractContextManager[None]:
    """The commands that check take `--jobs` (default: every core)."""
    if not hasattr(args, "jobs"):
        return nullcontext()
    from ..parallel import using_jobs

    return using_jobs(args.jobs)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with _jobs(args):
            return int(args.func(args))
    except ComplianceError as exc:
        print(f"compliance: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:  # temporaries were removed on the way out (compliance.output)
        print("compliance: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(f"compliance: internal error: {type(exc).__name__}: {str(exc)[:300]} ({INTERNAL_HINT})", file=sys.stderr)
        return 1
