"""The ASGI application: API routes, dashboard pages, static files and the security layers.

``create_app(ServiceConfig(db_url=..., token=...))`` gives a Starlette app; ``sitrep serve`` runs
it with uvicorn.  Layers, outermost first: security headers on every response, request size
limit, trusted Host headers (DNS-rebinding guard), optional CORS (off unless origins are given).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sitrep.errors import StoreError
from sitrep.service import api, pages
from sitrep.service.detail import event_detail
from sitrep.service.security import LimitBodyMiddleware, SecurityHeadersMiddleware
from sitrep.service.state import ServiceConfig, ServiceState, state_of

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


def dashboard(request: Request) -> Response:
    return HTMLResponse(pages.dashboard_page())


def event_view(request: Request) -> Response:
    event_id = int(request.path_params["event_id"])
    try:
        event = event_detail(state_of(request).store(), event_id)
    except StoreError:
        return HTMLResponse(pages.error_page(404, f"No event {event_id}."), status_code=404)
    return HTMLResponse(pages.event_page(event))


def favicon(request: Request) -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=headers)
    return HTMLResponse(
        pages.error_page(exc.status_code, str(exc.detail)),
        status_code=exc.status_code,
        headers=headers,
    )


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s %s", request.method, request.url.path)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": "internal error"}, status_code=500)
    return HTMLResponse(pages.error_page(500, "Internal error."), status_code=500)


def create_app(config: ServiceConfig) -> Starlette:
    """The service for ``config``; the store is opened (and migrated) when the app starts."""
    state = ServiceState(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.start()
        try:
            yield
        finally:
            state.close()

    middleware = [
        Middleware(SecurityHeadersMiddleware),
        Middleware(LimitBodyMiddleware, max_body=config.max_body),
    ]
    if config.allowed_hosts and "*" not in config.allowed_hosts:
        middleware.append(
            Middleware(TrustedHostMiddleware, allowed_hosts=list(config.allowed_hosts))
        )
    if config.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.cors_origins),
                allow_methods=["GET"],
                allow_headers=[],
            )
        )
    routes = [
        Route("/", dashboard, methods=["GET"]),
        Route("/events/{event_id:int}", event_view, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        *api.ROUTES,
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.sitrep = state
    return app
