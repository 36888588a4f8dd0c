"""What every page of the web app shares: settings, the interface language, rendering a template, the jobs.

Reads the app's settings (`Settings`: job lifetime, upload limits, whether to print PDFs) and the request's
interface language (a cookie, else the browser's preference); produces pages rendered from `templates/` with
the one Jinja environment of the project, in that language's words (`strings.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..jinja import environment
from .jobs import JobStore
from .strings import LANGUAGES, strings
from .uploads import Limits

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
# The app's own pages: no script, styles only from its stylesheet, forms only to itself, never framed.
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")

@dataclass(frozen=True)
class Settings:
    ttl_minutes: float = 60  # a job's files and results are deleted this long after it was created
    limits: Limits = field(default_factory=Limits)
    pdf: bool = True  # print report.pdf when Chromium is installed
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    jobs_root: Path | None = None  # default: a new temporary folder


def language(request: Request) -> str:
    """The interface language: the cookie the switch sets, else the first the browser prefers that we have."""
    chosen = request.cookies.get("lang", "")
    if chosen in LANGUAGES:
        return chosen
    for item in request.headers.get("accept-language", "").split(","):
        code = item.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """One of the app's pages in the request's language."""
    lang = language(request)
    settings: Settings = request.app.state.settings
    html = environment(TEMPLATES).get_template(template).render(
        t=strings(lang), lang=lang, other_lang="ru" if lang == "en" else "en", path=request.url.path,
        minutes=int(settings.ttl_minutes), **values)
    return HTMLResponse(html, status_code=status)


def jobs(request: Request) -> JobStore:
    store: JobStore = request.app.state.jobs
    return store
