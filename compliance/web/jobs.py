"""Background jobs of the web app: one temporary folder per job, run off the request, deleted when old.

Reads nothing from the network or from user-chosen paths: a job's folder is `<root>/<random id>` made by the
server, and its files have names the server chose. Produces `Job` records (state, the step running now, the
result files, the findings) that the pages read by id, and runs each job's work on one worker thread (the
check is CPU-bound: two at once would only take turns). A job older than `ttl` seconds is deleted with its
folder by a sweeper thread (and at the next request).
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import ComplianceError
from ..models import Document, FindingsReport

State = Literal["ready", "running", "done", "failed"]
_ID = re.compile(r"[A-Za-z0-9_-]{22}")


@dataclass
class Upload:
    """One law given to a job: the name to show (never used as a path), the file the server wrote, the parse."""

    name: str
    path: Path
    doc: Document


@dataclass
class Job:
    id: str
    folder: Path
    created: float
    title: str = ""
    key: str = ""  # what the job makes ("report KZ en"): a job already making it is reused
    state: State = "ready"
    step: str = ""
    error: str | None = None
    uploads: list[Upload] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # result files in `folder / "result"`, in display order
    findings: FindingsReport | None = None
    notes: list[str] = field(default_factory=list)
    section: str = ""  # HTML a stage rendered for the job page itself (the progress section), escaped by that stage

    @property
    def result(self) -> Path:
        return self.folder / "result"


class JobProgress:
    """The report stage's `Progress` protocol, kept as the job's current step for its page."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def step(self, done: int, total: int, what: str) -> None:
        self.job.step = f"{done}/{total} {what}"

    def busy(self, what: str) -> None:
        self.job.step = what

    def done(self) -> None:
        pass


class JobStore:
    """Jobs by id, their folders under one temporary root, and the worker that runs them."""

    def __init__(self, ttl: float, root: Path | None = None) -> None:
        self.ttl = ttl
        self.root = Path(root or tempfile.mkdtemp(prefix="compliance-web-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compliance-job")
        self._stop = threading.Event()
        # old jobs go even when nobody visits: a sweep every minute (or every tenth of the lifetime if shorter)
        interval = min(60.0, max(ttl / 10, 0.05))
        threading.Thread(target=self._sweeper, args=(interval,), daemon=True, name="compliance-sweep").start()

    def _sweeper(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.sweep()

    def create(self, title: str = "", key: str = "") -> Job:
        job_id = secrets.token_urlsafe(16)  # 22 characters; unguessable, so one job's address does not lead to another's
        folder = self.root / job_id
        folder.mkdir(mode=0o700)
        job = Job(job_id, folder, time.time(), title, key)
        with self._lock:
            self._jobs[job_id] = job
        return job

    def get(self, job_id: str) -> Job | None:
        self.sweep()
        if not _ID.fullmatch(job_id):
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def find(self, key: str) -> Job | None:
        """A job making `key` that has not failed (a country report is made once while it lives)."""
        self.sweep()
        with self._lock:
            return next((j for j in self._jobs.values() if j.key == key and j.state != "failed"), None)

    def start(self, job: Job, work: Callable[[Job], None]) -> None:
        """Run `work(job)` on the worker; bad input becomes the job's one-line error, a bug its type and message."""
        job.state = "running"

        def run() -> None:
            try:
                work(job)
            except ComplianceError as exc:
                job.error, job.state = str(exc), "failed"
            except Exception as exc:  # noqa: BLE001 - the page says what failed instead of spinning forever
                job.error, job.state = f"internal error: {type(exc).__name__}: {exc}", "failed"
            else:
                job.state = "done"

        self._worker.submit(run)

    def drop(self, job: Job) -> None:
        """Forget a job that will not run (its upload was refused) and delete its folder now."""
        with self._lock:
            self._jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)

    def sweep(self, now: float | None = None) -> None:
        """Delete the jobs (and folders) older than `ttl`, except one still running."""
        now = time.time() if now is None else now
        with self._lock:
            old = [j for j in self._jobs.values() if now - j.created > self.ttl and j.state != "running"]
            for job in old:
                del self._jobs[job.id]
        for job in old:
            shutil.rmtree(job.folder, ignore_errors=True)

    def close(self) -> None:
        """Stop the worker and the sweeper, and delete every job's files."""
        self._stop.set()
        self._worker.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)
