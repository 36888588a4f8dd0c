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
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

from compliance.report.pdf import CHROMIUM_FLAGS, Browser, print_pdf

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


# -- driven over the DevTools pipe (the PDF printer's browser): layout, filters, anchors, the PDF --------


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile, \
            Browser(str(chromium), profile, timeout=600) as b:
        yield b


VISIBLE = 'document.querySelectorAll("article.finding:not([hidden])").length'


def test_first_screen_shows_the_executive_summary_and_the_first_conflict(browser: Browser) -> None:
    a, _ = kz_reports()
    browser.open((a / "index.html").as_uri(), 1280, 800)
    first = browser.evaluate("""(() => {
        const li = document.querySelector("ol.serious li");
        const r = li.getBoundingClientRect();
        return {bottom: r.bottom, text: li.textContent, height: innerHeight,
                summary: document.getElementById("summary").getBoundingClientRect().top};
    })()""")
    assert first["summary"] < 200 and first["bottom"] <= first["height"], first
    assert first["text"].startswith("conflict")


def test_kind_filter_updates_the_counts_the_headings_and_the_address(browser: Browser) -> None:
    a, _ = kz_reports()
    report = findings_json(a)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    browser.open((a / "index.html").as_uri() + "?kind=conflict")
    assert browser.evaluate(VISIBLE) == len(conflicts)
    got = browser.evaluate("""(() => {
        const cell = (conv, kind) => document.querySelector(
            `[data-count-convention="${conv}"][data-count-kind="${kind}"]`).textContent.trim();
        const groups = [...document.querySelectorAll("section.group")];
        return {total: cell("", "conflict"), concerns: cell("", "concern"), c105: cell("C105", "conflict"),
                shownGroups: groups.filter(g => !g.hidden).map(g => g.dataset.convention),
                headings: groups.filter(g => !g.hidden).map(g => +g.querySelector(".group-count").textContent)};
    })()""")
    assert got["total"] == str(len(conflicts)) and got["concerns"] == "0"
    assert got["c105"] == str(sum(1 for f in conflicts if f.convention == "C105"))
    assert sorted(got["shownGroups"]) == sorted({f.convention for f in conflicts})  # empty groups hide
    assert sum(got["headings"]) == len(conflicts)
    # a text search narrows further, and the filter state goes into the address
    after = browser.evaluate("""(() => {
        const q = document.querySelector('input[name="q"]');
        q.value = "174";
        q.dispatchEvent(new Event("input", {bubbles: true}));
        return {search: location.search,
                shown: document.querySelectorAll("article.finding:not([hidden])").length};
    })()""")
    assert "kind=conflict" in after["search"] and "q=174" in after["search"]
    assert 0 < after["shown"] < len(conflicts)


def test_a_link_to_a_finding_lands_below_the_sticky_filter_bar(browser: Browser) -> None:
    a, _ = kz_reports()
    anchor = page_ids(a)[-1]
    browser.open((a / "index.html").as_uri() + "#" + anchor, 1280, 800)
    got = browser.evaluate(f"""(() => {{
        const bar = document.getElementById("filters").getBoundingClientRect();
        const card = document.getElementById("{anchor}").getBoundingClientRect();
        return {{bar: bar.bottom, card: card.top, height: innerHeight, scrolled: scrollY}};
    }})()""")
    assert got["scrolled"] > 0 and got["bar"] <= got["card"] < got["height"], got


def test_report_is_usable_at_390_px(browser: Browser) -> None:
    a, _ = kz_reports()
    browser.open((a / "index.html").as_uri(), 390, 844)
    got = browser.evaluate("""(() => ({
        width: document.documentElement.scrollWidth,
        sticky: getComputedStyle(document.getElementById("filters")).position,
        card: document.querySelector("article.finding").getBoundingClientRect().right,
        first: document.querySelector("ol.serious li").getBoundingClientRect().top,
    }))()""")
    assert got["width"] <= 390 and got["card"] <= 390, got  # wide tables scroll inside their own box
    assert got["sticky"] == "static"  # the filters do not cover half a phone screen


def page_ids(folder: Path) -> list[str]:
    dom = lxml_html.fromstring((folder / "index.html").read_bytes())
    return [c.get("id") for c in dom.xpath('//article[contains(@class, "finding")]')]


def test_pdf_is_a4_with_page_numbers_and_an_outline_and_under_60_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader

    a, _ = kz_reports()
    pdf = tmp_path / "report.pdf"
    assert print_pdf(a / "index.html", pdf) is None
    reader = PdfReader(pdf)
    n = len(reader.pages)
    assert 3 < n < 60
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (596, 842)  # A4 in points
    assert f"2 / {n}" in reader.pages[1].extract_text()
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert "Summary" in titles and "Method and limits" in titles
    assert any(t.startswith("C105") for t in titles)
    assert sum(1 for t in titles if t.startswith(("conflict", "concern"))) >= 10  # each finding is bookmarked
