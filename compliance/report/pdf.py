"""`report.pdf`, when a PDF engine is installed: headless Chromium prints `index.html` (print stylesheet).

Looks for Chromium or Chrome on PATH (or `/usr/bin/chromium`); with none, nothing is written and nothing
is said. Chromium stamps the print time and a random-looking document id into the PDF; unless a timestamp
was asked for, those are overwritten in place with fixed values of the same length (the cross-reference
offsets stay valid), so that the same input gives the same bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ENGINES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# No network at all: every host name resolves to nothing and no proxy is asked (the page is one local file).
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND",
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
    """Print `html` to `out`. Returns None on success or when no engine is installed (nothing written),
    else a one-line reason the engine failed."""
    engine = find_engine()
    if engine is None:
        return None
    with tempfile.TemporaryDirectory(prefix="compliance-pdf-") as profile:
        tmp = Path(profile) / "report.pdf"
        cmd = [engine, *CHROMIUM_FLAGS, f"--user-data-dir={profile}/profile", "--no-pdf-header-footer",
               f"--print-to-pdf={tmp}", html.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False,
                                  env={**os.environ, "HOME": profile})
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"PDF engine {engine} failed: {type(exc).__name__}"
        if not tmp.is_file() or tmp.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            return f"PDF engine {engine} wrote no PDF (exit {proc.returncode}: {tail[0][:200]})"
        data = tmp.read_bytes()
    out.write_bytes(normalize(data) if deterministic else data)
    return None
