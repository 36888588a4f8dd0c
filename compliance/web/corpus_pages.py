"""Browsing the bundled corpus: countries → works → editions → articles, each article with its findings, the
ILO comments on them and its history across editions; the country report, the comparison matrix and the
country's progress timeline one click away (each a background job, like a check of the user's own files).

Reads country codes, work slugs, expression ids and eIds from the address, and uses them only as keys into
the corpus index (`browse.corpus_index`) and the articles it lists: nothing in a request becomes a path.
Produces the pages.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from . import browse
from .jobs import Job
from .pages import Settings, jobs, language, page
from .strings import strings
from .work import Work, comparison, country_progress, country_report


def _not_found(request: Request) -> Response:
    return page(request, "corpus.html.j2", status=404, countries=browse.corpus_index())


async def corpus(request: Request) -> Response:
    return page(request, "corpus.html.j2", countries=browse.corpus_index())


async def country(request: Request) -> Response:
    found = browse.country(request.path_params["cc"])
    if found is None:
        return _not_found(request)
    return page(request, "country.html.j2", country=found)


def _work_and_edition(request: Request) -> tuple[browse.WorkView, browse.EditionView] | None:
    found = browse.work(request.path_params["cc"], request.path_params["slug"])
    if found is None:
        return None
    return found, browse.edition(found, request.query_params.get("edition", "")) or browse.newest(found)


async def law(request: Request) -> Response:
    """A work: its editions, and the articles of the chosen one (the newest by default) with their findings."""
    cc, slug = request.path_params["cc"].upper(), request.path_params["slug"]
    chosen = _work_and_edition(request)
    if chosen is None:
        moved = browse.work_of_text(cc, slug)  # a stored text's slug: the work it is a portion of
        return RedirectResponse(f"/corpus/{cc}/{moved.slug}", status_code=301) if moved else _not_found(request)
    found, edition = chosen
    checked = await run_in_threadpool(browse.articles, edition.id)
    return page(request, "law.html.j2", cc=cc, law=found, edition=edition, articles=checked.views,
                notes=checked.notes, unchecked=checked.unchecked)


async def article(request: Request) -> Response:
    """One article of an edition: its text, its findings with the ILO comments, its history across editions."""
    chosen = _work_and_edition(request)
    if chosen is None:
        return _not_found(request)
    found, edition = chosen
    art = await run_in_threadpool(browse.article, edition.id, request.path_params["eid"])
    if art is None:
        return _not_found(request)
    story = await run_in_threadpool(browse.article_history, found.id, art.num, edition.language) if art.num else None
    unchecked = (await run_in_threadpool(browse.articles, edition.id)).unchecked  # read already: cached
    return page(request, "article.html.j2", cc=request.path_params["cc"].upper(), law=found, edition=edition,
                article=art, history=story, unchecked=unchecked)


def _job(request: Request, key: str, title: str, work: Work) -> Response:
    """The job making `key` (one while it lives), started now when there is none, and its page."""
    store = jobs(request)
    job: Job | None = store.find(key)
    if job is None:
        job = store.create(title, key)
        store.start(job, work)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def report(request: Request) -> Response:
    """The country report (`compliance report --country CC`), made once while its job lives."""
    found = browse.country(request.path_params["cc"])
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    lang = language(request)
    settings: Settings = request.app.state.settings
    return _job(request, f"report {found.code} {lang}", f"{found.code}: {strings(lang)['country_report']}",
                country_report(found.code, lang, settings.pdf))


async def progress(request: Request) -> Response:
    """The country's progress across the editions of its works (`compliance progress --country CC`)."""
    found = browse.country(request.path_params["cc"])
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    title = f"{found.code}: {strings(language(request))['timeline']}"
    return _job(request, f"progress {found.code}", title, country_progress(found.code))


async def compare(request: Request) -> Response:
    """The comparison matrix (`compliance compare`) of the countries named, or of every country."""
    known = [c.code for c in browse.corpus_index()]
    asked = list(dict.fromkeys(c.strip().upper() for c in request.query_params.get("countries", "").split(",")
                               if c.strip()))  # each country once: "KZ,kz" is one column
    countries = [c for c in asked if c in known] or known
    title = f"{strings(language(request))['compare']}: {', '.join(countries)}"
    return _job(request, "compare " + ",".join(countries), title, comparison(countries))


ROUTES = [
    Route("/corpus", corpus),
    Route("/corpus/compare", compare),
    Route("/corpus/{cc:str}", country),
    Route("/corpus/{cc:str}/report", report),
    Route("/corpus/{cc:str}/progress", progress),
    Route("/corpus/{cc:str}/{slug:str}", law),
    Route("/corpus/{cc:str}/{slug:str}/{eid:str}", article),
]
