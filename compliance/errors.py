"""The errors a user can cause: one base, `ComplianceError`, and one subclass per kind of bad input.

Every stage raises these for input it cannot use (a file, a rule, a corpus id, a country code, an
argument); anything else that escapes is a bug. The command line (`compliance.cli`) prints a
`ComplianceError` as one line on stderr, `file:line: reason`, and exits 2; any other exception exits 1.
The subclasses also derive from `ValueError`, as the errors they replace did, so callers that catch
`ValueError` keep working.
Some errors are neither the input's nor a bug, but the machine's or the network's (`RunStopped`): a worker
process of a parallel run that the system killed (`WorkerLost`), a Dask scheduler lost during a batch
(`SchedulerLost`). The command line prints one as one line and exits 1.

>>> str(ComplianceError("no document 'x'", file="cases.yaml", line=3))
"cases.yaml:3: no document 'x'"
>>> str(RuleError("rules/c087.yaml:1: empty rule file"))
'rules/c087.yaml:1: empty rule file'
"""

from __future__ import annotations

from typing import Any

INTERNAL_HINT = "a bug, not a problem with your input: please report it with the command you ran"


class ComplianceError(Exception):
    """Input the program cannot use. `reason` says what is wrong; `file` and `line` say where, when known."""

    def __init__(self, reason: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        return f"{where}: {self.reason}" if where else self.reason

    def __reduce__(self) -> tuple[Any, ...]:
        # subclasses have their own constructor arguments; rebuild from the attributes instead
        return _rebuild, (type(self), self.reason, self.file, self.line)


def _rebuild(cls: type[ComplianceError], reason: str, file: str | None, line: int | None) -> ComplianceError:
    error = cls.__new__(cls)
    ComplianceError.__init__(error, reason, file=file, line=line)
    return error


class ParseError(ComplianceError, ValueError):
    """Input the parser cannot read at all. The message is one line: `file:line: what is wrong`."""

    def __init__(self, label: str, line: int, message: str) -> None:
        super().__init__(message, file=label, line=line)

    @property
    def label(self) -> str:
        """The file name, or "<stdin>", "<text>": what the input was called."""
        return self.file or ""


class RuleError(ComplianceError, ValueError):
    """A rule file that cannot be used. The message is one line: `file:line: field: what is wrong`."""


class CorpusError(ComplianceError, ValueError):
    """A corpus that cannot be read (malformed meta.yaml, missing text) or a reference to no document."""


class UnknownReference(CorpusError):
    """A corpus id, law or edition that names no document of the corpus."""


class UnknownCountry(CorpusError):
    """A country code with nothing about it in the corpus: no laws and no recorded ratifications."""


class RatificationError(ComplianceError, ValueError):
    """A ratifications file that cannot be read: `file:line: what is wrong`."""


class CasesError(ComplianceError, ValueError):
    """An evaluation cases file that cannot be used: `file: what is wrong`."""


class InputErrors(ComplianceError, ValueError):
    """Several inputs of one run that cannot be used, each told on a line of its own (`file:line: reason`), all
    at once: a run over many laws with three bad files is not stopped three times, once for each."""

    def __init__(self, errors: list[ComplianceError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def raise_all(errors: list[ComplianceError]) -> None:
    """Nothing when `errors` is empty; else the one error, or all of them (`InputErrors`), in their order."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


class UsageError(ComplianceError, ValueError):
    """Arguments that do not fit together or name nothing usable (an option's value, a missing input)."""


class RunStopped(Exception):
    """A run the machine or the network stopped: not bad input, and not a bug."""


class WorkerLost(RunStopped):
    """A worker process of a parallel run (`--jobs`) ended without its answer: the system killed it, most
    often for lack of memory. Not bad input, and not a bug: the run stops, since its output would lack
    that worker's laws."""

    def __init__(self, processes: int) -> None:
        super().__init__(
            f"a worker process ended abruptly (killed by the system, most often for lack of memory) while "
            f"{processes} ran at once; nothing was written: run again with fewer --jobs"
        )
        self.processes = processes

    def __reduce__(self) -> tuple[Any, ...]:
        return WorkerLost, (self.processes,)


class SchedulerLost(RunStopped):
    """`batch` lost its Dask scheduler (stopped, or the network between them broken) during the run; the
    laws done so far are kept in the output folder, and the same command run again resumes."""

    def __init__(self, scheduler: str, why: str, done: int, laws: int, out: object) -> None:
        kept = f", kept in {out}" if done else ""
        super().__init__(f"--scheduler {scheduler}: the Dask scheduler was lost ({why}) with {done} of {laws} "
                         f"laws done{kept}: run the same command again to check the rest")
