"""``serve``: the clerk's workbench and the HTTP API, on this machine by default."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from .. import ReadmitFormsError
from ._common import OK, report


class ServeError(ReadmitFormsError):
    """The workbench cannot start as asked (address, token file, missing extra)."""


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
        from .._web._config import ENVIRONMENT, is_loopback
    except ImportError as exc:
        raise ServeError(
            f"the workbench needs the web extra ({exc.name} is missing): "
            "pip install 'readmit-forms[web]'"
        ) from None
    if args.workers < 1:
        raise ServeError(f"--workers {args.workers}: give 1 or more")
    token = _token(args.token_file)
    try:
        config = WebConfig(host=args.host, port=args.port, token=token)
    except ValueError as exc:
        raise ServeError(str(exc)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    reach = "this machine only" if is_loopback(args.host) else "open to other machines"
    needs = f"; every request needs the access token in {args.token_file}" if token else ""
    report(f"readmit-forms workbench: {url} ({reach}{needs}; Ctrl+C stops it)")
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "access_log": False,  # the guard logs each request without its query or body
        "log_level": "warning",
        "server_header": False,
    }
    if args.workers == 1:
        uvicorn.run(create_app(config), **options)
    else:
        token_file = str(args.token_file.resolve()) if args.token_file else None
        os.environ[ENVIRONMENT] = config.to_environment(token_file)
        uvicorn.run(
            "readmit_forms._web:app_from_environment",
            factory=True,
            workers=args.workers,
            **options,
        )
    sys.stderr.flush()
    return OK
