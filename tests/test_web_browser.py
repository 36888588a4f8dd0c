"""The web app in a real browser: uvicorn serves it on a free local port, headless Chromium (the Debian
`chromium` the suite installs, scripts/ensure-chromium.sh) uploads files through the page's own form and
follows the job to the report, under every page's content-security policy.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON messages ended by
NUL on file descriptors 3 and 4), so no WebSocket library is needed. Console errors and policy refusals of
every page are collected and must be none. A screenshot of the confirmation page goes to reports/screenshots/
for a human to look at (the README shows a copy of one, docs/web-app.png).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from lxml import html as lxml_html

from compliance.web import Settings, create_app

from .conftest import REPO
from .test_report_browser import CHROMIUM, FLAGS, chromium  # noqa: F401 - the fixture skips (or fails in CI) without Chromium

KZ_174 = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
TM_LABOUR = REPO / "corpora/national_laws/tm/labour-code/2019-03-02.html"
SCREENSHOT = REPO / "reports" / "screenshots" / "web-confirm.png"  # docs/web-app.png is a copy of one
_LAUNCH = "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); os.execv(sys.argv[3], sys.argv[3:])"


class Browser:
    """One headless Chromium and one tab, spoken to over the DevTools pipe."""

    def __init__(self, profile: str) -> None:
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()
        # a small launcher puts the pipe ends on the descriptors Chromium expects (3: commands in, 4: replies
        # out) and becomes Chromium (a shell cannot: dash takes only one-digit descriptor numbers)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(to_child), str(from_child), str(CHROMIUM), *FLAGS,
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "--window-size=1280,1400"],
            pass_fds=(to_child, from_child), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": profile},
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.problems: list[str] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "DOM"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._note(reply)

    def _receive(self, timeout: float = 60) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], timeout)
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)  # type: ignore[no-any-return]

    def _note(self, event: dict[str, Any]) -> None:
        """Console messages, uncaught exceptions and content-security-policy refusals: page errors."""
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.problems.append(f"console: {params.get('args')}")
        elif method == "Runtime.exceptionThrown":
            self.problems.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.problems.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> Any:
        """Poll until `expression` is truthy in the current page (pages reload while a job runs)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                value = self.evaluate(f"document.readyState === 'complete' && ({expression})")
            except RuntimeError:  # the page navigated while we asked
                value = None
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {expression}; page: {self.evaluate('location.href')}: "
                             f"{self.evaluate('document.body && document.body.innerText.slice(0, 500)')}")

    def go(self, url: str) -> None:
        self.call("Page.navigate", {"url": url}, session=True)

    def set_files(self, selector: str, *files: Path) -> None:
        root = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self.call("DOM.querySelector", {"nodeId": root, "selector": selector}, session=True)["nodeId"]
        self.call("DOM.setFileInputFiles", {"nodeId": node, "files": [str(f) for f in files]}, session=True)

    def dom(self) -> Any:
        return lxml_html.fromstring(self.evaluate("document.documentElement.outerHTML"))

    def screenshot(self, path: Path) -> None:
        import base64

        height = self.evaluate("document.body.scrollHeight") or 800  # the page, not the empty window below it
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(int(height) + 16, 1400), "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "clip": clip}, session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, EOFError, TimeoutError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._write)
        os.close(self._read)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under uvicorn on a free port of this machine, in a thread, for the module's tests."""
    app = create_app(Settings(pdf=False, jobs_root=tmp_path_factory.mktemp("web-jobs")))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        b = Browser(profile)
        try:
            yield b
        finally:
            b.close()


def check_in_browser(browser: Browser, server: str, *files: Path, shot: Path | None = None) -> None:
    """Upload through the page's form, confirm what was read, and wait for the job to finish."""
    browser.problems.clear()
    browser.go(server + "/")
    browser.wait_for("!!document.querySelector('#upload')")
    browser.set_files("input[type=file]", *files)
    browser.evaluate("document.querySelector('#upload button').click()")
    browser.wait_for("!!document.querySelector('#confirm')")
    if shot is not None:
        shot.parent.mkdir(parents=True, exist_ok=True)
        browser.screenshot(shot)
    browser.evaluate("document.querySelector('#start').click()")
    browser.wait_for("!!document.querySelector('.state-done, .state-failed')")


def test_kz_art_174_uploaded_in_the_browser_gives_the_c105_conflict_card_with_its_copy_block(
        browser: Browser, server: str) -> None:
    SCREENSHOT.unlink(missing_ok=True)
    check_in_browser(browser, server, KZ_174, shot=SCREENSHOT)
    assert browser.evaluate("document.querySelector('#state').className") == "state state-done"
    browser.evaluate("document.querySelector('#open-report').click()")
    browser.wait_for("document.documentElement.dataset.js === 'ready'")
    dom = browser.dom()
    cards = dom.xpath('//article[contains(@class, "f-conflict")][@data-convention="C105"]')
    assert cards, "no C105 conflict card"
    copy = cards[0].xpath('.//button[@class="copy"]')
    assert copy and copy[0].get("hidden") is None  # the report's script showed the copy button
    assert "art. 174" in cards[0].xpath('.//cite[@class="citation"]')[0].text_content()
    assert browser.problems == []
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_turkmen_law_is_reported_as_not_analysed(browser: Browser, server: str) -> None:
    check_in_browser(browser, server, TM_LABOUR)
    notes = browser.dom().xpath('//ul[@id="notes"]/li/text()')
    assert any("not analysed. Turkmen: no rules for this language" in n for n in notes), notes
    browser.evaluate("document.querySelector('#open-report').click()")
    browser.wait_for("document.documentElement.dataset.js === 'ready'")
    assert browser.dom().xpath('//b[@class="bad"][text()="not analysed"]')
    assert browser.problems == []


def test_a_non_text_file_gives_a_one_line_error_on_the_page(browser: Browser, server: str, tmp_path: Path) -> None:
    picture = tmp_path / "scan.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    browser.problems.clear()
    browser.go(server + "/")
    browser.wait_for("!!document.querySelector('#upload')")
    browser.set_files("input[type=file]", picture)
    browser.evaluate("document.querySelector('#upload button').click()")
    error = browser.wait_for("document.querySelector('#error') && document.querySelector('#error').textContent")
    assert error == "scan.txt:3: binary input (NUL byte): not a text file"
    # the page comes with the status of a refused request (400), which the browser logs; nothing else
    assert [p for p in browser.problems if "status of 400" not in p or not p.endswith("/check")] == []
