"""``serve``: the clerk's workbench and the HTTP API, on this machine by default."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from .._errors import ReadmitFormsError
from ._common import OK, report


class ServeError(ReadmitFormsError):
    """The workbench cannot start as asked (address, token file, missing extra)."""


def add(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="the clerk's workbench in the browser, and the HTTP API",
        description="Serve the workbench (http://127.0.0.1:8000/) and the HTTP API (/api/v1). "
        "Only this machine can connect unless --host names another address, which needs "
        "--token-file.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--token-file",
        type=Path,
        help="file holding the access token every request must carry (required for any "
        "address other than the loopback)",
    )
    p.set_defaults(run=run_serve)


def _token(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        token = path.read_text("utf-8").strip()
    except OSError as exc:
        raise ServeError(f"{path}: cannot read the token file ({exc.strerror})") from None
    if len(token) < 16:
        raise ServeError(f"{path}: the token must have at least 16 characters")
    return token


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .._web import WebConfig, create_app
    except ImportError as exc:
        raise ServeError(
            f"the workbench needs the web extra ({exc.name} is missing): "
            "pip install 'readmit-forms[web]'"
        ) from None
    token = _token(args.token_file)
    try:
        config = WebConfig(host=args.host, port=args.port, token=token)
    except ValueError as exc:
        raise ServeError(str(exc)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    if token is None:
        report(f"readmit-forms workbench: {url} (this machine only; Ctrl+C stops it)")
    else:
        report(
            f"readmit-forms workbench: {url} — served beyond this machine; every request "
            f"needs the access token from {args.token_file} (Ctrl+C stops it)"
        )
    uvicorn.run(
        create_app(config),
        host=args.host,
        port=args.port,
        access_log=False,  # the guard logs each request without its query or body
        log_level="warning",
        server_header=False,
    )
    sys.stderr.flush()
    return OK
