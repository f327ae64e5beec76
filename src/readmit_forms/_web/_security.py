"""The guard in front of every request: who may connect, how much they may send, the
security headers of every answer, and an access log without the case's data.

In order, for each HTTP request:

1. **Access.** With a token configured, the request must carry it (``Authorization:
   Bearer``, or the ``rf_token`` cookie set by ``/login``); the login page and the
   static files are open. Without a token the server only listens on the loopback, and
   a request must come from the loopback under a loopback name in its Host header.
2. **Origin.** A POST whose ``Origin`` (or ``Sec-Fetch-Site``) says it comes from
   another site is refused: another web page in the clerk's browser cannot post here.
   The form posts carry a CSRF token as well (checked by the pages, `check_csrf`).
3. **Size.** A body announced larger than the limit is refused before it is read; a
   body that grows past it while streaming is cut off (`WebError` ``body-too-large``).
4. **Headers.** A Content-Security-Policy that allows nothing from outside this
   server (no inline script, no other origin), no caching (pages hold personal data),
   no framing, no referrer to other sites.
5. **Log.** One line per request: method, path (never the query or the body), status,
   duration. Cases travel in bodies only, so no name, date or number is ever logged.
   An exception that escapes the application (it has already answered 500) is logged
   by its class alone: its text or traceback might quote the case (READMIT_FORMS_DEBUG=1
   logs the traceback, as on the command line).
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from ._config import WebConfig, is_loopback
from ._errors import WebError

__all__ = ["CSRF_COOKIE", "TOKEN_COOKIE", "Guard", "check_csrf", "token_matches"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
ErrorResponder = Callable[[Scope, WebError], Awaitable[Answer]]

TOKEN_COOKIE = "rf_token"
CSRF_COOKIE = "rf_csrf"
OPEN_PATHS = ("/login", "/static/")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)

access_log = logging.getLogger("readmit_forms.web.access")
error_log = logging.getLogger("readmit_forms.web")


def token_matches(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is as good as none
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _host_name(host_header: str) -> str:
    return urlsplit(f"//{host_header}").hostname or ""


class Guard:
    """ASGI middleware: access, origin, size, security headers, access log (see module)."""

    def __init__(self, app: ASGIApp, config: WebConfig, respond: ErrorResponder) -> None:
        self.app = app
        self.config = config
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 0, "bytes": 0}
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                extra = list(HEADERS)
                if not static:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            elif message["type"] == "http.response.body":
                status["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            refusal = self._refusal(scope)
            if refusal is not None:
                code, headers, body = await self.respond(scope, refusal)
                await send_with_headers(
                    {"type": "http.response.start", "status": code, "headers": headers}
                )
                await send_with_headers({"type": "http.response.body", "body": body})
                return
            await self.app(scope, self._limited(receive), send_with_headers)
        except Exception as exc:
            error_log.error(
                "internal error %s at %s",
                type(exc).__name__,
                scope.get("path"),
                exc_info=exc if os.environ.get("READMIT_FORMS_DEBUG") else None,
            )
            if not status["code"]:
                await send_with_headers(
                    {"type": "http.response.start", "status": 500, "headers": []}
                )
                await send_with_headers({"type": "http.response.body", "body": b""})
        finally:
            access_log.info(
                '"%s %s" %s %.0fms %dB',
                scope.get("method", "-"),
                scope.get("path", "-"),
                status["code"],
                (time.perf_counter() - started) * 1000,
                status["bytes"],
            )

    def _refusal(self, scope: Scope) -> WebError | None:
        headers = _headers(scope)
        path = str(scope.get("path", ""))
        token = self.config.token
        if token is None:
            client = scope.get("client") or ("", 0)
            if not is_loopback(str(client[0])):
                return WebError(401, "token-required", "this server answers this machine only")
            if not is_loopback(_host_name(headers.get("host", ""))):
                return WebError(403, "host-not-allowed", "use http://127.0.0.1 to reach it")
        elif not path.startswith(OPEN_PATHS):
            bearer = headers.get("authorization", "")
            given = bearer[7:].strip() if bearer.lower().startswith("bearer ") else None
            if not (
                token_matches(given, token)
                or token_matches(_cookies(headers).get(TOKEN_COOKIE), token)
            ):
                return WebError(401, "token-required", "an access token is required")
        if scope.get("method") not in ("GET", "HEAD", "OPTIONS") and _cross_site(headers):
            return WebError(403, "csrf", "a post from another site is refused")
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.config.max_body:
            return _too_large(self.config.max_body)
        return None

    def _limited(self, receive: Receive) -> Receive:
        limit = self.config.max_body
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _too_large(limit)
            return message

        return limited


def _too_large(limit: int) -> WebError:
    return WebError(413, "body-too-large", f"the request body is over {limit} bytes")


def _cross_site(headers: dict[str, str]) -> bool:
    """True when the browser says the request comes from another origin."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False  # not sent by a browser on another site's behalf
    if origin == "null":  # an opaque origin: trust only the browser's own word
        return fetch_site != "same-origin"
    return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


def check_csrf(cookies: dict[str, str], form_token: object) -> None:
    """Raise `WebError` ``csrf`` unless the form's token is the one in the CSRF cookie."""
    expected = cookies.get(CSRF_COOKIE)
    if not (isinstance(form_token, str) and expected and hmac.compare_digest(form_token, expected)):
        raise WebError(403, "csrf", "the form has no valid CSRF token; reload the page")
