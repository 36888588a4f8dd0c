"""Checking a law in the browser: the upload form, the confirmation of what each text says about itself, the
job page (progress, then the report and its downloads), and the same as JSON for programs.

Reads multipart forms (files, pasted text, the confirmed country, kind, language and title of each text, the
conventions, the report language) and job ids from the address; produces the pages, the files of the
report folder (served from a fixed list of names, never from a path in the request), and the findings JSON
exactly as `compliance check` writes it.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import ComplianceError
from .jobs import Job
from .pages import Settings, jobs, language, page
from .strings import LANGUAGES
from .uploads import PASTED, UploadError, confirm, store
from .work import rules, upload_report

# The files a job may hand out, and how: the report is a page, the rest are downloads.
RESULT_TYPES = {
    "index.html": "text/html; charset=utf-8",
    "report.md": "text/markdown; charset=utf-8",
    "findings.json": "application/json",
    "findings.csv": "text/csv; charset=utf-8",
    "report.pdf": "application/pdf",
    "compare.html": "text/html; charset=utf-8",
    "compare.md": "text/markdown; charset=utf-8",
    "compare.json": "application/json",
    "compare.csv": "text/csv; charset=utf-8",
    "progress.md": "text/markdown; charset=utf-8",
    "progress.json": "application/json",
    "progress.csv": "text/csv; charset=utf-8",
}
_PAGES = ("index.html", "compare.html")
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# The matrix page has inline styles and no script at all.
_COMPARE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
                "frame-ancestors 'none'")


def choices() -> dict[str, Any]:
    """What the confirmation form offers: countries, kinds of law, languages, conventions."""
    from ..parse.language import _vocab as language_vocab
    from ..report.conventions import convention_info
    from ..selection import known_countries

    all_rules = rules()
    conventions = []
    for number in sorted({r.convention for r in all_rules}):
        info = convention_info(number)
        conventions.append((number, (info.short_title or info.title) if info else number))
    return {
        "countries": known_countries(),
        "kinds": sorted({k for r in all_rules for k in r.applies_to}),
        "languages": [(lang.tag, lang.name) for lang in language_vocab().languages],
        "conventions": conventions,
    }


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _given(form: FormData, settings: Settings) -> list[tuple[str, bytes]]:
    """The files and the pasted text of a form, each at most the per-file limit."""
    limit = settings.limits.file_bytes
    given: list[tuple[str, bytes]] = []
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) and (item.filename or item.size):
            data = await item.read(limit + 1)
            given.append((item.filename or "upload", data))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        given.append((PASTED, text.encode("utf-8")))
    return given


async def _upload(request: Request) -> tuple[Job | None, str | None, FormData]:
    """A new job with the form's laws read, or the one-line error to show."""
    settings = _settings(request)
    limits = settings.limits
    try:
        async with request.form(max_files=limits.files, max_fields=200, max_part_size=limits.file_bytes) as form:
            given = await _given(form, settings)
    except HTTPException:  # more parts than allowed: the parser stops before reading them all
        return None, _words(request)["error_too_many"].format(count=limits.files), FormData()
    job = jobs(request).create()
    try:
        job.uploads = await run_in_threadpool(store, job.folder, given, limits)
    except UploadError as exc:
        jobs(request).drop(job)
        return None, exc.message(_words(request)), form
    except ComplianceError as exc:
        jobs(request).drop(job)
        return None, " ".join(str(exc).split()), form
    job.title = ", ".join(u.name for u in job.uploads)
    return job, None, form


def _words(request: Request) -> dict[str, str]:
    from .strings import strings

    return strings(language(request))


async def home(request: Request) -> Response:
    return page(request, "check.html.j2", limits=_settings(request).limits, error=None)


async def upload(request: Request) -> Response:
    job, error, _ = await _upload(request)
    if job is None:
        return page(request, "check.html.j2", status=400, limits=_settings(request).limits, error=error)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _conventions(values: list[Any]) -> list[str] | None:
    known = {number for number, _ in choices()["conventions"]}
    chosen = sorted({v for v in values if isinstance(v, str) and v in known})
    return chosen or None


async def start(request: Request) -> Response:
    """Apply what the user confirmed to each text and run the check and the report in the background."""
    job = jobs(request).get(request.path_params["job"])
    if job is None:
        return page(request, "job.html.j2", status=404, job=None)
    if job.state != "ready":
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)
    from ..selection import require_country

    form = await request.form(max_files=0, max_fields=200)
    lang = str(form.get("report_lang") or "en")
    try:
        for i, item in enumerate(job.uploads):
            country = str(form.get(f"country_{i}") or "")
            await run_in_threadpool(confirm, item, require_country(country) if country else None,
                                    str(form.get(f"kind_{i}") or ""), str(form.get(f"language_{i}") or ""),
                                    str(form.get(f"title_{i}") or "").strip())
    except ComplianceError as exc:
        return page(request, "job.html.j2", status=400, job=job, error=" ".join(str(exc).split()), **choices())
    settings = _settings(request)
    jobs(request).start(job, upload_report(_conventions(form.getlist("conventions")),
                                           lang if lang in LANGUAGES else "en", settings.pdf))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def job_page(request: Request) -> Response:
    job = jobs(request).get(request.path_params["job"])
    if job is None:
        return page(request, "job.html.j2", status=404, job=None, error=None)
    extra = choices() if job.state == "ready" else {}
    # the gaps of the check (not analysed, no sanction data) and the check's own notes, each once
    notes = list(dict.fromkeys(job.notes + (job.findings.notes if job.findings else [])))
    return page(request, "job.html.j2", job=job, error=None, page_names=_PAGES, notes=notes, **extra)


async def result_file(request: Request) -> Response:
    """A file of the job's result folder, by one of the fixed names the job wrote."""
    job = jobs(request).get(request.path_params["job"])
    name = request.path_params["name"]
    if job is None or job.state != "done" or name not in job.files or name not in RESULT_TYPES:
        return Response("not found", status_code=404, media_type="text/plain")
    data = (job.result / name).read_bytes()
    headers = {}
    if name == "index.html":
        csp = _META_CSP.search(data[:20000].decode("utf-8", "replace"))
        # the report's own policy, sent as a header too (the header can also forbid framing)
        headers["content-security-policy"] = (csp.group(1) if csp else "default-src 'none'") + "; frame-ancestors 'none'"
    elif name == "compare.html":
        headers["content-security-policy"] = _COMPARE_CSP
    else:
        headers["content-disposition"] = f'attachment; filename="{name}"'
        headers["content-security-policy"] = "default-src 'none'; sandbox"
    return Response(data, media_type=RESULT_TYPES[name], headers=headers)


async def api_check(request: Request) -> Response:
    """POST files (and `country`, `kind`, `title`, `conventions`): a job, as `compliance check` would run."""
    job, error, form = await _upload(request)
    if job is None:
        return JSONResponse({"error": error}, status_code=400)
    from ..selection import require_country

    try:
        country = str(form.get("country") or "")
        for item in job.uploads:
            confirm(item, require_country(country) if country else None, str(form.get("kind") or ""), "",
                    str(form.get("title") or ""))
        conventions = _conventions(str(form.get("conventions") or "").split(","))
    except ComplianceError as exc:
        return JSONResponse({"error": " ".join(str(exc).split())}, status_code=400)
    jobs(request).start(job, upload_report(conventions, "en", _settings(request).pdf))
    return JSONResponse({"job": job.id, "status": f"/api/jobs/{job.id}", "findings": f"/api/jobs/{job.id}/findings",
                         "page": f"/jobs/{job.id}"}, status_code=202)


def _status(job: Job) -> dict[str, Any]:
    return {"job": job.id, "state": job.state, "step": job.step, "error": job.error, "files": job.files,
            "notes": job.notes}


async def api_job(request: Request) -> Response:
    job = jobs(request).get(request.path_params["job"])
    if job is None:
        return JSONResponse({"error": "no such job"}, status_code=404)
    return JSONResponse(_status(job))


async def api_findings(request: Request) -> Response:
    """The findings JSON byte for byte as `compliance check` writes it; 202 while the job runs."""
    job = jobs(request).get(request.path_params["job"])
    if job is None:
        return JSONResponse({"error": "no such job"}, status_code=404)
    if job.state == "failed":
        return JSONResponse(_status(job), status_code=409)
    if job.state != "done" or job.findings is None:
        return JSONResponse(_status(job), status_code=202)
    return Response(job.findings.model_dump_json(indent=1) + "\n", media_type="application/json")


ROUTES = [
    Route("/", home),
    Route("/check", upload, methods=["POST"]),
    Route("/jobs/{job}", job_page),
    Route("/jobs/{job}/start", start, methods=["POST"]),
    Route("/jobs/{job}/files/{name}", result_file),
    Route("/api/check", api_check, methods=["POST"]),
    Route("/api/jobs/{job}", api_job),
    Route("/api/jobs/{job}/findings", api_findings),
]
