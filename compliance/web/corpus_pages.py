"""Browsing the bundled corpus: countries → laws → editions → articles with their findings, and the country
report and comparison matrix one click away (each a background job, like a check of the user's own files).

Reads country codes, law slugs and corpus ids from the address, and uses them only as keys into the corpus
index (`browse.corpus_index`): nothing in a request becomes a path. Produces the pages.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from . import browse
from .pages import Settings, jobs, language, page
from .strings import strings
from .work import comparison, country_report


async def corpus(request: Request) -> Response:
    return page(request, "corpus.html.j2", countries=browse.corpus_index())


async def country(request: Request) -> Response:
    found = browse.country(request.path_params["cc"])
    if found is None:
        return page(request, "corpus.html.j2", status=404, countries=browse.corpus_index())
    return page(request, "country.html.j2", country=found)


async def law(request: Request) -> Response:
    cc, slug = request.path_params["cc"], request.path_params["slug"]
    found = browse.law(cc, slug)
    if found is None:
        return page(request, "corpus.html.j2", status=404, countries=browse.corpus_index())
    chosen = browse.edition(cc, slug, request.query_params.get("edition", "")) or found.editions[-1]
    from starlette.concurrency import run_in_threadpool

    articles, notes = await run_in_threadpool(browse.articles, chosen.id)
    return page(request, "law.html.j2", cc=cc.upper(), law=found, edition=chosen, articles=articles, notes=notes)


async def report(request: Request) -> Response:
    """The country report (`compliance report --country CC`), made once while its job lives."""
    found = browse.country(request.path_params["cc"])
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    lang = language(request)
    key = f"report {found.code} {lang}"
    store = jobs(request)
    job = store.find(key)
    if job is None:
        settings: Settings = request.app.state.settings
        job = store.create(f"{found.code}: {strings(lang)['country_report']}", key)
        store.start(job, country_report(found.code, lang, settings.pdf))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def compare(request: Request) -> Response:
    """The comparison matrix (`compliance compare`) of the countries named, or of every country."""
    known = [c.code for c in browse.corpus_index()]
    asked = [c.strip().upper() for c in request.query_params.get("countries", "").split(",") if c.strip()]
    countries = [c for c in asked if c in known] or known
    key = "compare " + ",".join(countries)
    store = jobs(request)
    job = store.find(key)
    if job is None:
        job = store.create(f"{strings(language(request))['compare']}: {', '.join(countries)}", key)
        store.start(job, comparison(countries))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


ROUTES = [
    Route("/corpus", corpus),
    Route("/corpus/compare", compare),
    Route("/corpus/{cc:str}", country),
    Route("/corpus/{cc:str}/report", report),
    Route("/corpus/{cc:str}/{slug:str}", law),
]
