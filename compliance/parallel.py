"""Every core: an ordered map over worker processes, and the number of processes a run may use.

Reads a function, the state it needs (documents, rules) and the items to map it over; produces the
results in the items' order, whatever the number of processes, so that an output never depends on
`--jobs`. Workers are forked where the system can (they inherit the parsed documents and the compiled
rules instead of receiving copies); elsewhere they are spawned and receive the state once each. One
process, or one item, runs in this process: no pool is started for nothing. A worker that the system
kills (most often for lack of memory) stops the run with `WorkerLost`: a pool of `multiprocessing` would
wait for its answer for ever. An error in an item, or Ctrl-C, ends the other workers at once.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .errors import WorkerLost

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# The library checks in one process unless told; the command line sets the number of cores (`--jobs`).
_JOBS = 1


def cores() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def set_jobs(jobs: int | None) -> None:
    """The number of processes later checks use (None: every core)."""
    global _JOBS
    _JOBS = max(1, jobs if jobs is not None else cores())


def jobs() -> int:
    return _JOBS


@contextmanager
def using_jobs(jobs: int | None) -> Iterator[None]:
    """`set_jobs` for the duration of one command; the number before is restored after it."""
    before = _JOBS
    set_jobs(jobs)
    try:
        yield
    finally:
        set_jobs(before)


# The worker's function and state, set once per worker by the pool's initializer.
_WORK: tuple[Callable[[Any, Any], Any], Any] | None = None


def _init(fn: Callable[[Any, Any], Any], state: Any) -> None:
    global _WORK
    _WORK = (fn, state)


def _run(item: Any) -> Any:
    assert _WORK is not None
    fn, state = _WORK
    return fn(state, item)


def forks() -> bool:
    """Whether new processes start as forks of this one on this system (its default method: Linux)."""
    return multiprocessing.get_all_start_methods()[0] == "fork"


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@contextmanager
def inherited() -> Iterator[None]:
    """While workers forked in this block run, what they inherit (compiled rules, spaCy's vocabulary) is
    left out of garbage collection: each worker's collections would otherwise walk it again and copy the
    memory pages they touch (the use Python's documentation gives for `gc.freeze`)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def ordered_map(fn: Callable[[S, T], R], state: S, items: Sequence[T], processes: int | None = None,
                weights: Sequence[int] | None = None) -> list[R]:
    """`[fn(state, item) for item in items]` over up to `processes` worker processes (default `jobs()`).
    Items are handed out one at a time as workers free up, the heaviest first when `weights` says what
    each costs (so that the last one to finish is a small one, not a large one started late while the
    other workers idle); `fn` must be a module-level function (a spawned worker imports it)."""
    n = min(processes or jobs(), len(items))
    if n <= 1 or _WORK is not None or multiprocessing.current_process().daemon:  # a worker starts no pool
        return [fn(state, item) for item in items]
    order = sorted(range(len(items)), key=lambda i: -weights[i]) if weights else list(range(len(items)))
    with inherited():
        pool = ProcessPoolExecutor(n, _context(), initializer=_init, initargs=(fn, state))
        try:
            done: list[R] = list(pool.map(_run, [items[i] for i in order]))
        except BrokenProcessPool:
            raise WorkerLost(n) from None
        except BaseException:  # Ctrl-C or an error: what the workers would still give is not waited for
            _stop(pool)
            raise
        finally:
            pool.shutdown(cancel_futures=True)
    out: list[R] = [None] * len(items)  # type: ignore[list-item]
    for i, result in zip(order, done, strict=True):
        out[i] = result
    return out


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ends the pool's workers now, in the middle of their items."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    for process in list(pool._processes.values()):
        process.terminate()


def source_path(ref: str) -> Path | None:
    """The file or folder a law's reference names (a path, or a corpus id); None when it names none."""
    path = Path(ref)
    if path.exists():
        return path
    from .corpus import find
    from .errors import ComplianceError

    try:
        return find(ref).file
    except ComplianceError:
        return None


def named_laws(refs: Sequence[str]) -> dict[str, str]:
    """The laws `refs` name, each once, with the reference that named it first. A folder that is not one law
    in chapter files (a folder of Word, PDF or HTML laws, `parse.meta.one_law`) stands for the laws under it
    (`parse.meta.laws_in`); a file or folder named twice (`law.md` and `./dir/../law.md`) is read, checked
    and reported once. Corpus ids are told apart as written (a work's id names more than any one file)."""
    seen: set[str] = set()
    out: dict[str, str] = {}
    for ref in refs:
        for law in _laws_named(ref):
            key = str(Path(law).resolve()) if law != "-" and Path(law).exists() else law
            if key not in seen:
                seen.add(key)
                out[law] = ref
    return out


def law_refs(refs: Sequence[str]) -> list[str]:
    """The laws `refs` name, each once (`named_laws`)."""
    return list(named_laws(refs))


def _laws_named(ref: str) -> list[str]:
    from .parse.meta import laws_in, one_law

    path = Path(ref)
    if ref == "-" or not path.is_dir() or one_law(path, named_alike=False):
        return [ref]
    return [str(p) for p in laws_in(path)] or [ref]  # a folder with no law at all: its parse says so


def source_bytes(ref: str) -> int:
    """The size of a law's source on disk (a file, or a folder's files): what its parse and check cost
    grows with. 0 for standard input or a reference that names nothing."""
    path = None if ref == "-" else source_path(ref)
    if path is None:
        return 0
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def load_documents(refs: Sequence[str], fmt: str | None = None,
                   reading: Callable[[int, str], None] | None = None) -> list[Any]:
    """`corpus.load_document` of each reference (file, folder, corpus id), in order, in this process: a
    tree parsed in a worker comes back pickled, which costs more than the parse (8 RU codes: 3.0 s here,
    4.3 s over two processes), and a worker's standard input is closed. `reading(i, ref)` is told before
    each. Every reference is read: the input errors are raised at the end, all of them (`errors.raise_all`)."""
    from .corpus import load_document
    from .errors import ComplianceError, raise_all

    docs, errors = [], []
    for i, ref in enumerate(refs):
        if reading:
            reading(i, ref)
        try:
            docs.append(load_document(ref, fmt))
        except ComplianceError as exc:
            errors.append(exc)
    raise_all(errors)
    return docs
