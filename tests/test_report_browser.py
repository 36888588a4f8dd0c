"""The HTML report in a real browser: headless Chromium (Debian package `chromium`, /usr/bin/chromium) loads
`index.html` from disk, runs its script under the page's Content-Security-Policy, and we read back the DOM
it built, the console, and a screenshot (saved to reports/screenshots/ for a human to look at).

`make test` installs Chromium first (scripts/ensure-chromium.sh), and CI must run these tests: with the
CI environment variable set a missing Chromium fails; otherwise the tests are skipped with the reason.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from compliance.report.pdf import CHROMIUM_FLAGS

from .conftest import REPO
from .test_report import findings_json, hostile_report, kz_reports

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = REPO / "reports" / "screenshots"
FLAGS = (*CHROMIUM_FLAGS, "--hide-scrollbars")  # the same flags the report's PDF printing uses
# What Chromium writes to stderr about the page ("INFO:CONSOLE:1] ..."): any console message (the report's
# script logs nothing, so every one is an error), uncaught exceptions, Content-Security-Policy refusals.
PAGE_ERRORS = re.compile(r"Uncaught|:CONSOLE[:(]\d+|Refused to|Content Security Policy", re.I)


@pytest.fixture(scope="module", autouse=True)
def chromium() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = f"{CHROMIUM} not found: install the Debian package `chromium` (scripts/ensure-chromium.sh; make test does it)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {reason}")
    pytest.skip(reason)


def run_chromium(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *extra, url],
            capture_output=True, text=True, timeout=180, check=False, env={**os.environ, "HOME": profile},
        )


def page_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if PAGE_ERRORS.search(line)]


def test_console_errors_are_detected() -> None:
    """The detector itself: a script that throws and a script the page's CSP refuses both show up."""
    allowed = "undefinedFunction();"
    digest = base64.b64encode(hashlib.sha256(allowed.encode()).digest()).decode()
    with tempfile.TemporaryDirectory() as tmp:
        bad = Path(tmp) / "bad.html"
        bad.write_text(f"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src "
                       f"'sha256-{digest}'\"></head><body><script>{allowed}</script>"
                       "<script>document.title='refused'</script></body></html>", "utf-8")
        errors = page_errors(run_chromium(bad.as_uri(), "--dump-dom").stderr)
    assert any("Uncaught" in e for e in errors) and any("Content Security Policy" in e for e in errors), errors


def dump_dom(url: str, *extra: str):  # type: ignore[no-untyped-def]
    proc = run_chromium(url, "--dump-dom", *extra)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert page_errors(proc.stderr) == []
    return lxml_html.fromstring(proc.stdout)


def test_report_runs_its_script_without_errors_and_shows_every_finding() -> None:
    """One load of the country report: the DOM after the script ran, no console errors, and a screenshot."""
    a, _ = kz_reports()
    report = findings_json(a)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "KZ-index.png"
    shot.unlink(missing_ok=True)
    dom = dump_dom((a / "index.html").as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert dom.get("data-js") == "ready", "the report's script did not run to its end"
    cards = dom.xpath('//article[contains(concat(" ", @class, " "), " finding ")]')
    shown = dom.xpath('//*[@id="findings-count"]/@data-findings-count')
    assert len(cards) == len(report.findings) == int(shown[0])
    assert int(dom.get("data-visible-findings")) == len(report.findings)
    assert not [c for c in cards if c.get("hidden") is not None]
    # with the script, the filters and the copy buttons appear
    assert dom.xpath('//form[@id="filters"]')[0].get("hidden") is None
    buttons = dom.xpath('//button[@class="copy"]')
    assert len(buttons) == len(cards) and all(b.get("hidden") is None for b in buttons)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_filters_read_from_the_address_hide_other_findings() -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    high = [f for f in report.findings if f.severity == "high"]
    dom = dump_dom((a / "index.html").as_uri() + "?severity=high")
    assert int(dom.get("data-visible-findings")) == len(high)
    visible = [c.get("data-finding-id") for c in dom.xpath('//article[contains(@class, "finding")]')
               if c.get("hidden") is None]
    assert sorted(visible) == sorted(f.id for f in high)
    text = dom.xpath('//*[@id="shown-count"]')[0].text_content()
    assert text == f"Showing {len(high)} of {len(report.findings)} findings"


def test_hostile_law_text_does_not_run_in_the_browser() -> None:
    out = hostile_report()
    dom = dump_dom((out / "index.html").as_uri())
    assert dom.get("data-js") == "ready"
    body = dom.xpath("//body")[0]
    assert body.get("data-pwned") is None
    assert len(dom.xpath("//script")) == 1 and not dom.xpath("//img")
    assert "<script>alert(1)</script>" in body.text_content()
