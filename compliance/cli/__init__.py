"""The `compliance` command: one entry point, one module per sub-command, on top of the stages.

Reads the command line and calls the stage a sub-command names (`parse`, `check`, `report`, `diff`,
`cite`, `comments`, `history`, `progress`, `compare`, `ratifications`, `corpus`, `eval`, `serve`, `batch`); the stages know nothing of argparse or exit codes.
Input the program cannot use (any `ComplianceError`) is one line on stderr, `compliance: file:line: reason`,
and exit code 2; a closed pipe exits 0; Ctrl-C is one line and exit 130; a run the machine stopped
(`RunStopped`: a worker process the system killed, a Dask scheduler lost) is one line and exit 1; anything
else is a bug: one line with a hint to report it, exit 1. A sub-command's module is imported only when it
runs (`COMMANDS` lists them all for `--help`), and it imports its stage only then, so that start-up pays for
one command.
"""

from __future__ import annotations

import argparse
import gc
import sys
from contextlib import AbstractContextManager, nullcontext
from importlib import import_module
from typing import NamedTuple, NoReturn

from ..errors import INTERNAL_HINT, ComplianceError, RunStopped, UsageError
from .common import render_text, write_output

__all__ = ["COMMANDS", "UsageError", "build_parser", "main", "render_text", "run", "write_output"]


class Command(NamedTuple):
    module: str  # of this package: its `add_parser(sub, summary)` adds the options and the function to run
    summary: str  # the line `compliance --help` shows


# The sub-commands, in the order of `compliance --help`. A command's module is imported only when that command
# is asked for: `check` then loads neither the web app nor the report writer nor Dask.
COMMANDS: dict[str, Command] = {
    "parse": Command("parse", "parse a law into an article tree"),
    "check": Command("check", "check laws against the ILO rule sets"),
    "cite": Command("cite", "paste-ready citations of the findings on an article"),
    "comments": Command("comments", "ILO supervisory comments on a country's laws"),
    "compare": Command("compare", "matrix of rules × countries"),
    "ratifications": Command("ratifications", "a country's ratifications with evidence"),
    "diff": Command("diff", "compare two editions of a law"),
    "history": Command("history", "timeline of each article across every edition of a law in the corpus"),
    "progress": Command("progress", "a country's compliance across the editions of its laws"),
    "eval": Command("eval", "score the rules against expert-labelled cases"),
    "corpus": Command("corpus", "the bundled corpus"),
    "report": Command("report", "annotated gap report on a country's laws or your own files"),
    "serve": Command("serve", "local web app: drop a law in the browser, get the gap report"),
    "batch": Command("batch", "parse and check thousands of laws on Dask (Parquet out, resumable)"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the `compliance` command: every sub-command listed; with all their options, or, when
    `command` is given, only that one's (the others' modules are then not imported)."""
    parser = argparse.ArgumentParser(
        prog="compliance",
        description="Check national labour and criminal legislation against ILO conventions.",
        epilog="example: compliance parse law.md --format json -o law.json",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module, summary) in COMMANDS.items():
        if command is None or name == command:
            import_module(f"{__name__}.{module}").add_parser(sub, summary)
        else:
            sub.add_parser(name, help=summary)
    return parser


def _jobs(args: argparse.Namespace) -> AbstractContextManager[None]:
    """The commands that check take `--jobs` (default: every core)."""
    if not hasattr(args, "jobs"):
        return nullcontext()
    from ..parallel import using_jobs

    return using_jobs(args.jobs)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # the sub-command comes first (the only option before it is --help); anything else lists them all
    named = argv[0] if argv and argv[0] in COMMANDS else ""
    args = build_parser(named).parse_args(argv)
    try:
        with _jobs(args):
            return int(args.func(args))
    except ComplianceError as exc:
        for line in str(exc).splitlines():  # one line each: several bad inputs are `InputErrors`
            print(f"compliance: {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except RunStopped as exc:  # the machine, not the input nor the program: no hint to report a bug
        print(f"compliance: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # temporaries were removed on the way out (compliance.output)
        print("compliance: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(f"compliance: internal error: {type(exc).__name__}: {str(exc)[:300]} ({INTERNAL_HINT})", file=sys.stderr)
        return 1


def run() -> NoReturn:
    """The console command (`compliance`, `python -m compliance.cli`): `main`, then the exit.

    The interpreter's last garbage collection walks every object still alive (the compiled rules, spaCy's
    vocabulary), about a tenth of a second of a one-article check; frozen objects are left to the operating
    system. Exit handlers still run, and the command's files are closed by then (`with` blocks)."""
    code = main()
    gc.freeze()
    sys.exit(code)
