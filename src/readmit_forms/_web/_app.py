"""The application: the API and the pages behind the guard, errors answered alike."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.staticfiles import StaticFiles

import readmit_forms as rf

from ._api import api_router
from ._casepages import case_pages_router
from ._casework import Serial
from ._config import WebConfig
from ._errors import WebError
from ._errors import __doc__ as ERRORS_DOC
from ._pages import pages_router
from ._security import Guard, Scope
from ._store import CaseStore
from ._templates import error_page

__all__ = ["create_app"]

_DESCRIPTION = """The forms of Kazakhstan's readmission agreements over HTTP: validate a case,
compute its deadlines, render its forms and the translators' proof.

Every operation that takes a case takes it as a case file has it: JSON
(`application/json`, the schema `Case` below, the same as `GET /api/v1/schema`),
YAML (`application/yaml`) or `multipart/form-data` with the parts `case` and `photo`.

Errors are JSON `{"error": {"code", "message", "exit_code", "problems", "findings"}}`.
"""


def _wants_json(scope: Scope) -> bool:
    if str(scope.get("path", "")).startswith("/api/"):
        return True
    accept = dict(scope.get("headers", [])).get(b"accept", b"").decode("latin-1")
    return "text/html" not in accept


def create_app(config: WebConfig | None = None) -> Guard:
    """The workbench and the HTTP API as one ASGI application, behind its guard.

    The FastAPI application itself is the guard's ``app``."""
    config = config or WebConfig()
    store = CaseStore(config.db, config.photos)  # the register, opened on first use

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="readmit-forms",
        version=rf.__version__,
        description=_DESCRIPTION + "\n" + (ERRORS_DOC or "").split("\n\n", 1)[1],
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )

    async def respond(
        scope: Scope, error: WebError
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = _error_response(scope, error)
        return response.status_code, list(response.raw_headers), bytes(response.body)

    def _error_response(scope: Scope, error: WebError) -> Response:
        if _wants_json(scope):
            return JSONResponse(error.body(), status_code=error.status)
        return error_page(Request(scope), error)

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return _error_response(request.scope, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {
                "path": ".".join(str(p) for p in e["loc"]),
                "message": str(e["msg"]),
                "kind": str(e["type"]),
            }
            for e in exc.errors()
        ]
        first = f"{problems[0]['path']}: {problems[0]['message']}" if problems else "bad request"
        error = WebError(400, "bad-request", first, 2, problems=problems)
        return _error_response(request.scope, error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 405:
            error = WebError(405, "method-not-allowed", "this address does not take that method")
        else:
            error = WebError(404, "not-found", "no such page")
        return _error_response(request.scope, error)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # Starlette raises the exception again after this answer; the guard logs it.
        error = WebError(500, "internal", "internal error; the server log names its kind")
        return _error_response(request.scope, error)

    work = Serial()  # the library's work, one call at a time (see Serial)
    app.include_router(api_router(config, work))
    app.include_router(pages_router(config, work, store))
    app.include_router(case_pages_router(config, work, store))
    app.mount("/static", StaticFiles(packages=[("readmit_forms._web", "static")]), "static")
    app.state.config = config
    app.state.store = store

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return Guard(app, config, respond)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with the case schema itself as ``components/schemas/Case``."""
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    case = rf.Case.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions = case.pop("$defs", {})
    clashes = {
        name for name in definitions if name in schemas and schemas[name] != definitions[name]
    }
    if clashes:
        rename = {name: f"Case{name}" for name in clashes}
        case = _renamed(case, rename)
        definitions = {rename.get(k, k): _renamed(v, rename) for k, v in definitions.items()}
    schemas.update(definitions)
    schemas["Case"] = case
    return document


def _renamed(node: Any, rename: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                name = value.rsplit("/", 1)[1]
                value = f"#/components/schemas/{rename.get(name, name)}"
            out[key] = _renamed(value, rename)
        return out
    if isinstance(node, list):
        return [_renamed(item, rename) for item in node]
    return node
