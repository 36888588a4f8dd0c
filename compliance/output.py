"""Atomic output: the files of one run appear together, whole, or not at all.

Reads the bytes a command wants written under a folder and produces those files. Each is written to a
temporary name in the same folder (so the rename stays on one file system) and renamed into place only
after every file of the run was written; on any error, Ctrl-C included, the temporaries are removed and
the files of the previous run stay as they were. A rename replaces a symlink planted at a target name
instead of writing through it; a lock file (`flock`, released by the kernel if the process dies) keeps
two runs out of one folder; a target that is one of the run's inputs is refused (`UsageError`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .errors import UsageError

LOCK_NAME = ".compliance.lock"


class AtomicFolder:
    """`with AtomicFolder(out, inputs=...) as folder: folder.write("a.html", data)`; renamed on success."""

    def __init__(self, folder: Path, *, inputs: Iterable[Path] = ()) -> None:
        self.folder = Path(folder)
        self.inputs = [Path(p) for p in inputs]
        self._temps: list[tuple[Path, Path]] = []  # (temporary, target)
        self._discard: list[Path] = []
        self._lock_fd: int | None = None

    def __enter__(self) -> AtomicFolder:
        if self.folder.exists() and not self.folder.is_dir():
            raise UsageError(f"{self.folder}: exists and is not a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{self.folder}: cannot create the output folder: {exc.strerror or exc}") from None
        self._lock()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self._commit()
        finally:
            self._remove_temps()
            self._unlock()

    def target(self, name: str) -> Path:
        """The final path of `name`, refused when it would overwrite an input of the run."""
        if "/" in name or name in ("", ".", "..", LOCK_NAME):
            raise UsageError(f"{name!r}: not a file name")
        path = self.folder / name
        for source in self.inputs:
            with contextlib.suppress(OSError):
                if path.exists() and os.path.samefile(path, source):
                    raise UsageError("is an input of this run and would be overwritten; choose another output",
                                     file=str(path), line=1)
        return path

    def temp(self, name: str) -> Path:
        """A new empty temporary file that becomes `name` when the run succeeds (for writers that want a path)."""
        target = self.target(name)
        # the name's own suffix last: Chromium reads a file:// page by its extension
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.tmp-", suffix=target.suffix, dir=self.folder)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would make the report unreadable to others
        os.close(fd)
        self._temps.append((Path(tmp), target))
        return Path(tmp)

    def write(self, name: str, data: bytes) -> Path:
        """Write `data` to a temporary that becomes `name`; returns the final path."""
        tmp = self.temp(name)
        try:
            with tmp.open("wb") as f:  # mkstemp made it with O_EXCL: no symlink is followed
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            raise UsageError(f"{self.folder / name}: cannot write: {exc.strerror or exc}") from None
        return self.folder / name

    def temp_of(self, name: str) -> Path:
        """The temporary already holding `name` (a page another program prints before the rename)."""
        return next(tmp for tmp, target in self._temps if target.name == name)

    def cancel(self, tmp: Path) -> None:
        """Drop a temporary: its file is not written this run (the old one stays, unless discarded)."""
        self._temps = [(t, target) for t, target in self._temps if t != tmp]
        with contextlib.suppress(OSError):
            tmp.unlink()

    def discard(self, name: str) -> None:
        """Remove `name` when the run succeeds (a file of an earlier run this run does not write)."""
        self._discard.append(self.target(name))

    def _commit(self) -> None:
        for _, target in self._temps:  # checked first, so that no rename fails half-way through the set
            if target.is_dir() and not target.is_symlink():
                raise UsageError(f"{target}: is a folder; cannot write the file there")
        for tmp, target in self._temps:
            try:
                os.replace(tmp, target)  # replaces a symlink itself, never what it points to
            except OSError as exc:
                raise UsageError(f"{target}: cannot write: {exc.strerror or exc}") from None
        written = {target for _, target in self._temps}
        self._temps.clear()
        for path in self._discard:
            if path not in written and (path.is_symlink() or path.exists()):
                path.unlink()

    def _remove_temps(self) -> None:
        for tmp, _ in self._temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._temps.clear()

    def _lock(self) -> None:
        path = self.folder / LOCK_NAME
        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            except OSError as exc:
                raise UsageError(f"{path}: cannot create the lock file: {exc.strerror or exc}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise UsageError(f"{self.folder}: another compliance run is writing to this folder") from None
            # the run before may have removed the file between our open and our lock: lock the one in place
            with contextlib.suppress(OSError):
                if os.fstat(fd).st_ino == os.lstat(path).st_ino:
                    self._lock_fd = fd
                    return
            os.close(fd)

    def _unlock(self) -> None:
        if self._lock_fd is None:
            return
        with contextlib.suppress(OSError):
            (self.folder / LOCK_NAME).unlink()
        os.close(self._lock_fd)
        self._lock_fd = None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, data: bytes, *, inputs: Iterable[Path] = ()) -> None:
    """One file written atomically (a command's `-o FILE`); a folder given as the file is a `UsageError`.
    A stream (`-o /dev/null`, `/dev/stdout`, a named pipe) is written into: renamed over, it would be gone."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; -o names the file to write")
    if is_stream(path):
        try:
            with path.open("wb") as f:
                f.write(data)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    with AtomicFolder(path.parent if str(path.parent) else Path("."), inputs=inputs) as folder:
        folder.write(path.name, data)


def is_stream(path: Path) -> bool:
    """Whether `path` names a device, a pipe or a socket, or a name in the system's folders of devices and
    processes (`/dev/stdout` is a link to whatever standard output is, a regular file too): written into, never
    replaced. An atomic write would rename a regular file over `/dev/null` (as root) or fail to lock `/dev`."""
    if Path(os.path.abspath(path)).parts[1:2] in (("dev",), ("proc",)):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a file to create
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
