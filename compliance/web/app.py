"""The web app: the Starlette application, its routes and the guard in front of every request.

Reads the settings (`pages.Settings`) and produces the ASGI application `create_app` returns. Every response
carries a strict content-security policy (the app's own pages run no script at all), requests must name this
machine as their host, a request body is capped, and a form posted from another site is refused.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import check_pages, corpus_pages
from .jobs import JobStore
from .pages import HERE, PAGE_CSP, Settings
from .strings import LANGUAGES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def switch_language(request: Request) -> Response:
    """`/lang/ru?next=/corpus`: remember the language and go back to a page of this app (never elsewhere)."""
    code = request.path_params["code"]
    target = request.query_params.get("next", "/")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/"
    response = RedirectResponse(target, status_code=303)
    if code in LANGUAGES:
        response.set_cookie("lang", code, max_age=365 * 24 * 3600, samesite="strict", httponly=True)
    return response


async def no_icon(request: Request) -> Response:
    """Browsers ask for an icon; the app has none, and says so without an error."""
    return Response(status_code=204)


class Guard:
    """Security headers on every response, a cap on the request body, and no form posted from another origin."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["method"] == "POST" and not _same_origin(headers):
            await PlainTextResponse("forbidden: form from another site", 403)(scope, receive, send)
            return
        if int(headers.get("content-length") or 0) > self.max_body:
            await PlainTextResponse("request too large", 413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:  # a body sent without a length is cut off too
                raise _TooLarge
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                         (b"cross-origin-opener-policy", b"same-origin")]
                names = {k.lower() for k, _ in message.get("headers", [])}
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", PAGE_CSP.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except _TooLarge:
            await PlainTextResponse("request too large", 413)(scope, receive, send)


class _TooLarge(Exception):
    pass


def _same_origin(headers: dict[str, str]) -> bool:
    """Whether a POST comes from this app's own pages (a browser says so in Sec-Fetch-Site, or in Origin);
    a program that sends neither, like curl, is let through: it is not a page of another site."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == headers.get("host", "")


def create_app(settings: Settings | None = None) -> Starlette:
    """The app with its routes; its job folders are deleted when it shuts down."""
    settings = settings or Settings()
    store = JobStore(settings.ttl_minutes * 60, settings.jobs_root)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        yield
        store.close()

    routes = [
        *check_pages.ROUTES,
        *corpus_pages.ROUTES,
        Route("/lang/{code}", switch_language),
        Route("/favicon.ico", no_icon),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    max_body = settings.limits.total_bytes + 1024 * 1024  # the form's other fields and the multipart framing
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[
        Middleware(Guard, max_body=max_body),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.hosts)),
    ])
    app.state.settings = settings
    app.state.jobs = store
    return app
