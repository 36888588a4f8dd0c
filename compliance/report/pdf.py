"""`report.pdf`, when a PDF engine is installed: headless Chromium prints `index.html` (print stylesheet).

Looks for Chromium or Chrome on PATH (or `/usr/bin/chromium`); with none, nothing is written and nothing
is said. Chromium is started once and driven over its DevTools pipe (no network port), which is what
gives an A4 page, numbered pages and a bookmark outline built from the page's headings. Chromium stamps the print time and a random-looking document id into the PDF; unless a timestamp
was asked for, those are overwritten in place with fixed values of the same length (the cross-reference
offsets stay valid), so that the same input gives the same bytes.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Any

ENGINES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# No network: every host name but this machine's loopback address resolves to nothing and no proxy is asked
# (a report is one local file; the local web app's pages come from 127.0.0.1).
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--no-proxy-server",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    # Chromium's sandbox cannot start as root; everywhere else it stays on
    *(("--no-sandbox",) if os.geteuid() == 0 else ()),
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
)


def find_engine() -> str | None:
    for name in ENGINES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


_PDF_DATE = re.compile(rb"\((D:\d{14}[^)]{0,8})\)")
_XMP_DATE = re.compile(rb"(<xmp:(?:Create|Modify|MetadataDate)Date>)([^<]+)(</xmp:)")
_IDS = re.compile(rb"/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]")
_UUID = re.compile(rb"(uuid:)([0-9a-fA-F-]{36})")


def _same_length(value: bytes, fill: bytes) -> bytes:
    return (fill * (len(value) // len(fill) + 1))[: len(value)]


def normalize(pdf: bytes) -> bytes:
    """The PDF with its creation/modification dates and document ids fixed (same byte length)."""
    pdf = _PDF_DATE.sub(lambda m: b"(" + _same_length(m.group(1), b"D:20000101000000Z") + b")", pdf)
    pdf = _XMP_DATE.sub(lambda m: m.group(1) + _same_length(m.group(2), b"2000-01-01T00:00:00Z") + m.group(3), pdf)
    pdf = _IDS.sub(lambda m: b"/ID [<" + b"0" * len(m.group(1)) + b"> <" + b"0" * len(m.group(2)) + b">]", pdf)
    return _UUID.sub(lambda m: m.group(1) + b"00000000-0000-0000-0000-000000000000", pdf)


def print_pdf(html: Path, out: Path, *, deterministic: bool = True, timeout: float = 120) -> str | None:
    """Print `html` to `out` (A4, page numbers in the footer, a bookmark outline from the headings).
    Returns None on success or when no engine is installed (nothing written), else a one-line reason."""
    engine = find_engine()
    if engine is None:
        return None
    with tempfile.TemporaryDirectory(prefix="compliance-pdf-") as profile:
        try:
            data = _print(engine, html, profile, timeout)
        except (OSError, TimeoutError, ValueError, KeyError) as exc:
            return f"PDF engine {engine} failed: {type(exc).__name__}: {str(exc)[:200]}"
    out.write_bytes(normalize(data) if deterministic else data)
    return None


# Chromium's print options (DevTools protocol Page.printToPDF): the page size is A4 whatever the stylesheet
# says, the footer numbers the pages, and the outline is made from the h1–h6 headings of a tagged PDF.
FOOTER = ('<div style="font:8px sans-serif;width:100%;text-align:center;color:#444">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
PRINT_OPTIONS = {
    "paperWidth": 8.27, "paperHeight": 11.69,  # A4 in inches
    "marginTop": 0.55, "marginBottom": 0.6, "marginLeft": 0.5, "marginRight": 0.5,
    "printBackground": True, "displayHeaderFooter": True, "headerTemplate": "<div></div>",
    "footerTemplate": FOOTER, "preferCSSPageSize": False, "generateTaggedPDF": True,
    "generateDocumentOutline": True, "transferMode": "ReturnAsBase64",
}


class _Pipe:
    """The DevTools protocol over --remote-debugging-pipe: JSON messages ending in NUL, fd 3 in, fd 4 out."""

    def __init__(self, write_fd: int, read_fd: int, deadline: float) -> None:
        self.write_fd, self.read_fd, self.deadline = write_fd, read_fd, deadline
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self.read_fd], [], [], left)[0]:
                raise TimeoutError("no answer from the browser")
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                raise OSError("the browser closed its pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)  # type: ignore[no-any-return]

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self.write_fd, json.dumps(msg).encode("utf-8") + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise ValueError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})  # type: ignore[no-any-return]
            self.events.append(answer)

    def wait_event(self, method: str) -> None:
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._message())


def _high(fd: int) -> int:
    """`fd` moved above 9, so that placing the child's ends at 3 and 4 cannot overwrite it."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """One headless Chromium for a run, driven over its DevTools pipe: open pages, run script, print PDFs."""

    def __init__(self, engine: str, profile: str, timeout: float = 120) -> None:
        to_child_r, to_child_w = (_high(fd) for fd in os.pipe())
        from_child_r, from_child_w = (_high(fd) for fd in os.pipe())

        cmd = [engine, *CHROMIUM_FLAGS, f"--user-data-dir={profile}/profile", "--remote-debugging-pipe",
               "about:blank"]
        # posix_spawn places the pipe's ends at 3 and 4 with no Python code run in the child before Chromium:
        # the local web app prints reports from its worker threads, and in a process with threads the child
        # of subprocess's `preexec_fn` can deadlock before it starts the program (Python's documentation).
        self.pid = os.posix_spawnp(engine, cmd, {**os.environ, "HOME": profile}, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, to_child_r, 3),
            (os.POSIX_SPAWN_DUP2, from_child_w, 4),
        ])
        os.close(to_child_r)
        os.close(from_child_w)
        self.pipe = _Pipe(to_child_w, from_child_r, time.monotonic() + timeout)
        self.session: str | None = None

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        """Load `url` in a fresh tab of the given viewport, until its load event."""
        pipe = self.pipe
        target = pipe.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = pipe.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        pipe.call("Page.enable", self.session)
        pipe.call("Emulation.setDeviceMetricsOverride", self.session, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)
        pipe.events.clear()
        pipe.call("Page.navigate", self.session, url=url)
        pipe.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a script expression in the open page (JSON-serialisable values)."""
        result = self.pipe.call("Runtime.evaluate", self.session, expression=expression, returnByValue=True,
                                awaitPromise=True)
        if "exceptionDetails" in result:
            raise ValueError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def pdf(self) -> bytes:
        return base64.b64decode(self.pipe.call("Page.printToPDF", self.session, **PRINT_OPTIONS)["data"])

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError, TimeoutError):
            self.pipe.call("Browser.close")
        os.close(self.pipe.write_fd)
        os.close(self.pipe.read_fd)
        if not _ended(self.pid, within=10):
            os.kill(self.pid, signal.SIGKILL)
            _ended(self.pid, within=None)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ended(pid: int, within: float | None) -> bool:
    """Whether the child `pid` ended (and was reaped) within `within` seconds (None: waits until it does)."""
    deadline = None if within is None else time.monotonic() + within
    try:
        while os.waitpid(pid, os.WNOHANG if deadline is not None else 0)[0] == 0:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.02)
    except ChildProcessError:  # reaped already
        pass
    return True


def _print(engine: str, html: Path, profile: str, timeout: float) -> bytes:
    with Browser(engine, profile, timeout) as browser:
        browser.open(html.resolve().as_uri())
        return browser.pdf()
