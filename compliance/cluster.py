"""Dask clusters for `batch`: a client of the local cluster this program starts, or of a running scheduler.

Reads a `--scheduler` value (local, processes, threads, or a scheduler's address) and a number of workers;
produces a connected Dask client for the time of a run. A local cluster's workers are forked where the
system can (they inherit this process's libraries), run with the settings of `LOCAL_CLUSTER`, and leave
Ctrl-C to this process, which stops them at once. A running scheduler is asked whether each of its workers
runs this version of the program (`cache.code_version`) before any task is sent: one `UsageError` line if
not, or if no scheduler answers at the address.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import UsageError
from .parallel import forks, inherited

# Settings of the cluster this command starts (a cluster of the user's keeps its own).
LOCAL_CLUSTER = {
    # A worker's own threads take the interpreter from the thread checking a law each time they wake: its
    # profiler samples the law's stack every 10 ms for a dashboard this run does not show, and its event
    # loop measures its own latency every 20 ms (at 1 s, it still warns of a loop blocked for 3 s).
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    # A worker is given a law when it is free, not one more in waiting: a law waiting behind one that kills
    # its worker would be counted as dying with it, and named as killing its worker after three deaths.
    "distributed.scheduler.worker-saturation": 1.0,
}


@contextmanager
def client_of(scheduler: str, workers: int) -> Iterator[Any]:
    """A Dask client: a local cluster of single-threaded worker processes (`local`), the same with its
    workers as threads of this process (`threads`: no ports, small runs), or a running scheduler."""
    from distributed import Client, LocalCluster

    if "://" in scheduler:  # tcp://, tls://, or inproc:// (a cluster in this process)
        try:
            connected = Client(scheduler)  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:  # none answers there (after Dask's connect timeout), or no address
            raise UsageError(f"--scheduler {scheduler}: no Dask scheduler to connect to: {exc}") from None
        # A scheduler lost during the run is told in one line (`SchedulerLost`), not also in the client's log.
        quiet = logging.getLogger("distributed.client")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            with connected as client:
                _same_program(client, scheduler)
                yield client
        finally:
            quiet.setLevel(level)
        return
    if scheduler not in ("local", "processes", "threads"):
        raise UsageError(f"--scheduler: {scheduler!r}: give local, processes, threads or tcp://host:port")
    import dask

    threads = scheduler == "threads"
    # Where the system forks by default, worker processes are forked: they inherit the libraries this
    # process imported (Dask, this package) instead of each importing them again. Each loads the compiled
    # rules of its documents' languages itself, all at once, as `check --jobs` workers do. The method holds
    # while the cluster runs: a worker the system kills is started again the same way. What they inherit is
    # left out of their garbage collections (`parallel.inherited`), as `check --jobs` workers' is.
    method = "fork" if not threads and forks() else dask.config.get("distributed.worker.multiprocessing-method")
    before = set(multiprocessing.active_children())
    with inherited(), _quiet_heartbeats_at_close(), dask.config.set({"distributed.worker.multiprocessing-method": method, **LOCAL_CLUSTER}), LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=1 if threads else workers, threads_per_worker=workers if threads else 1,
        processes=not threads, dashboard_address=None,
        # the scheduler's health and metrics pages on a free port: on 8787, the dashboard's own, it warned
        # at each run beside a Jupyter session's cluster
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        if not threads:
            client.register_plugin(_ctrl_c_to_this_process())
        try:
            yield client
        except KeyboardInterrupt:
            # The workers are the children this process started since, each inside a law: stopped now, the
            # cluster closes at once, where each would be given four seconds to end its law first. What the
            # scheduler and nannies log of the connections that breaks is no news to the user who stopped.
            logging.getLogger("distributed").setLevel(logging.CRITICAL)
            for worker in set(multiprocessing.active_children()) - before:
                worker.terminate()
            raise


class _HeartbeatToAClosedScheduler(logging.Filter):
    """Drops a local worker's log of a heartbeat that found the scheduler gone. The scheduler is this process's
    own, so that happens only while the cluster closes at the end of a run (dask/distributed#7105): a
    traceback on stderr after a run that went well."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to communicate with scheduler during heartbeat")


_WORKER_LOG = "distributed.worker"


@contextmanager
def _quiet_heartbeats_at_close() -> Iterator[None]:
    """While a local cluster runs and closes, its workers (forked, or threads of this process) drop the
    heartbeat errors of its closing (`_HeartbeatToAClosedScheduler`); spawned workers, in `_ctrl_c_to_this_process`."""
    quiet = _HeartbeatToAClosedScheduler()
    logging.getLogger(_WORKER_LOG).addFilter(quiet)
    try:
        yield
    finally:
        logging.getLogger(_WORKER_LOG).removeFilter(quiet)


def _same_program(client: Any, scheduler: str) -> None:
    """A `UsageError` when a worker of the cluster runs another version of this program, of its libraries or
    of Python than this process (`cache.code_version`): its findings could differ from this version's, and
    the tasks it is sent could not even be called when their arguments changed. Asked with a function sent
    by value (a function of this module would be called in the worker's own version of it)."""
    from .cache import code_version

    def worker_version() -> str:
        try:
            from compliance.cache import code_version

            return code_version()
        except Exception as exc:  # no such program there, or a version older than the question
            return f"unknown ({type(exc).__name__})"

    ours = code_version()
    versions = client.run(worker_version)
    others = sorted(address for address, version in versions.items() if version != ours)
    if others:
        raise UsageError(f"--scheduler {scheduler}: {len(others)} of the cluster's {len(versions)} workers "
                         f"({', '.join(others[:3])}{' …' if len(others) > 3 else ''}) run another version of this "
                         "program, its libraries or Python than this machine, and could find other findings: "
                         "install the same on every worker")


def _ctrl_c_to_this_process() -> Any:
    """A worker plugin: Ctrl-C reaches every process of the terminal's group, and a local worker leaves it
    to this one, which stops the workers and closes the cluster (the laws done are kept: a run again
    resumes), instead of each ending its law and printing a traceback. A worker spawned, not forked, drops
    the heartbeat errors of the cluster's closing here (a forked one has the filter of this process)."""
    from distributed import WorkerPlugin

    class CtrlCToTheParent(WorkerPlugin):
        name = "compliance-ctrl-c"

        def setup(self, worker: Any) -> None:
            import signal

            signal.signal(signal.SIGINT, signal.SIG_IGN)
            log = logging.getLogger(_WORKER_LOG)
            if not any(isinstance(f, _HeartbeatToAClosedScheduler) for f in log.filters):
                log.addFilter(_HeartbeatToAClosedScheduler())

    return CtrlCToTheParent()
