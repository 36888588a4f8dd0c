"""The web app in a real browser: uvicorn serves it on a free local port, headless Chromium (the Debian
`chromium` the suite installs, scripts/ensure-chromium.sh) uploads files through the page's own form and
follows the job to the report, under every page's content-security policy.

Chromium is driven over the DevTools protocol on a pipe by the report's own `Browser` (the one that prints
PDFs), so no WebSocket library is needed. Console errors and policy refusals of
every page are collected and must be none. A screenshot of the confirmation page goes to reports/screenshots/
for a human to look at (the README shows a copy of one, docs/web-app.png).
"""

from __future__ import annotations

import base64
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from lxml import html as lxml_html

from compliance.report import pdf
from compliance.web import Settings, create_app

from .conftest import REPO
from .test_report_browser import CHROMIUM, chromium  # noqa: F401 - the fixture skips (or fails in CI) without Chromium

KZ_174 = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
TM_LABOUR = REPO / "corpora/national_laws/tm/labour-code/2019-03-02.html"
SCREENSHOT = REPO / "reports" / "screenshots" / "web-confirm.png"  # docs/web-app.png is a copy of one


def _problem(event: dict[str, Any]) -> str | None:
    """A console message, an uncaught exception or a content-security-policy refusal: a page error."""
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.consoleAPICalled":
        return f"console: {params.get('args')}"
    if method == "Runtime.exceptionThrown":
        return f"exception: {params.get('exceptionDetails', {}).get('text')}"
    if method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        return f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}"
    return None


class Browser(pdf.Browser):
    """The report's Chromium over its DevTools pipe (`compliance.report.pdf.Browser`), with one tab that
    follows the app's pages, uploads files and records page errors."""

    def __init__(self, profile: str) -> None:
        super().__init__(str(CHROMIUM), profile, timeout=900)  # one browser for the module's tests
        self.open("about:blank")
        for domain in ("Runtime", "Log", "DOM"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params: Any) -> Any:
        return self.pipe.call(method, self.session, **params)

    @property
    def problems(self) -> list[str]:
        """The page errors since `forget_problems` (events arrive while the tab is spoken to)."""
        return [p for p in map(_problem, self.pipe.events) if p]

    def forget_problems(self) -> None:
        self.pipe.events.clear()

    def wait_for(self, expression: str, timeout: float = 60) -> Any:
        """Poll until `expression` is truthy in the current page (pages reload while a job runs)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                value = self.evaluate(f"document.readyState === 'complete' && ({expression})")
            except ValueError:  # the page navigated while we asked
                value = None
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {expression}; page: {self.evaluate('location.href')}: "
                             f"{self.evaluate('document.body && document.body.innerText.slice(0, 500)')}")

    def go(self, url: str) -> None:
        self.call("Page.navigate", url=url)

    def set_files(self, selector: str, *files: Path) -> None:
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", nodeId=node, files=[str(f) for f in files])

    def dom(self) -> Any:
        return lxml_html.fromstring(self.evaluate("document.documentElement.outerHTML"))

    def screenshot(self, path: Path) -> None:
        height = self.evaluate("document.body.scrollHeight") or 800  # the page, not the empty window below it
        clip = {"x": 0, "y": 0, "width": 1280, "height": min(int(height) + 16, 1400), "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        path.write_bytes(base64.b64decode(data))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under uvicorn on a free port of this machine, in a thread, for the module's tests. The port is
    bound here and handed to uvicorn: a port found free and bound again later can be taken in between (the
    other test worker's Dask clusters open many), and the server's thread then ended while this waited."""
    app = create_app(Settings(pdf=False, jobs_root=tmp_path_factory.mktemp("web-jobs")))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the web app did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


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
    browser.forget_problems()
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
    browser.forget_problems()
    browser.go(server + "/")
    browser.wait_for("!!document.querySelector('#upload')")
    browser.set_files("input[type=file]", picture)
    browser.evaluate("document.querySelector('#upload button').click()")
    error = browser.wait_for("document.querySelector('#error') && document.querySelector('#error').textContent")
    assert error == "scan.txt:3: binary input (NUL byte): not a text file"
    # the page comes with the status of a refused request (400), which the browser logs; nothing else
    assert [p for p in browser.problems if "status of 400" not in p or not p.endswith("/check")] == []
