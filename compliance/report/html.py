"""The HTML report: `Report` → one self-contained `index.html` (CSS and JS inline, no network, works without JS).

Renders `templates/index.html.j2` with Jinja2 autoescaping on for everything: law text, rule text, file
names and metadata are untrusted and reach the page only as escaped text (a law containing `<script>`
shows the characters). The only unescaped parts are the report's own stylesheet and script, read from
`templates/`, and a Content-Security-Policy that allows exactly those two (by hash), so even a slip in
escaping could not run a script. Highlights are `<mark>` elements over the segments `model.py` cut at the
findings' spans.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import metadata
from pathlib import Path

from markupsafe import Markup

from ..jinja import environment
from . import strings as _strings
from .model import CELL_STATES, KINDS, SEVERITIES, Report
from .ratifications import Ratification
from .summary import summarize

TEMPLATES = Path(__file__).resolve().parent / "templates"
_URL = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:]")


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def links(text: str) -> list[tuple[str, str | None]]:
    """Text cut into plain pieces and http(s) URLs (the only links a report makes from metadata).

    >>> links("zan.gov.kz (official); mirror https://github.com/x/y.md, see")
    [('zan.gov.kz (official); mirror ', None), ('https://github.com/x/y.md', 'https://github.com/x/y.md'), (', see', None)]
    >>> links("javascript:alert(1)")
    [('javascript:alert(1)', None)]
    """
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _URL.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], None))
        out.append((m.group(), m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def version() -> str:
    try:
        return metadata.version("ilo-compliance-checker")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "dev"


def ratification_text(r: Ratification | None, lang: str) -> str:
    t = _strings.strings(lang)
    if r is None or r.ratified is None:
        return t["not_recorded_short"]
    if r.ratified:
        when = r.date.isoformat() if r.date else (str(r.year) if r.year else "")
        out = f"{t['ratified']} {when}".strip()
        return f"{out} · {r.status}" if r.status else out
    return t["not_ratified"]


def render_html(report: Report, lang: str = "en") -> str:
    t = _strings.strings(lang)
    css = _asset("style.css.j2")
    js = _asset("script.js.j2")
    country_name = _strings.country_name(report.title_country, lang)
    title = t["title_country"].format(country=country_name) if country_name else t["title"]
    conventions = sorted({c.number for c in report.conventions} | {g.convention for g in report.groups})
    return environment(TEMPLATES).get_template("index.html.j2").render(
        r=report,
        sm=summarize(report),
        t=t,
        lang=lang,
        title=title,
        country_name=country_name,
        css=Markup(css),  # the report's own stylesheet and script, never data
        js=Markup(js),
        css_hash=_csp_hash(css),
        js_hash=_csp_hash(js),
        version=version(),
        kinds=KINDS,
        severities=SEVERITIES,
        cell_states=CELL_STATES,
        filter_conventions=conventions,
        links=links,
        ratification=lambda r: ratification_text(r, lang),
    )
