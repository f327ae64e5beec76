"""``serve``: the clerk's workbench and the HTTP API, on this machine by default."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import logging
import os
import sys
from pathlib import Path
from typing import Any

from .. import MissingPartError, ReadmitFormsError
from ._common import OK, report


class ServeError(ReadmitFormsError):
    """The workbench cannot start as asked (address, token file)."""


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


def _key(args: argparse.Namespace, workers: int) -> Any:
    """The server's signing key, opened now (a wrong PIN is said at start), or None."""
    from .._web._signer import PIN_HANDOVER, KeySpec

    if not (args.p12 or args.pkcs11):
        if args.token or args.key or args.pin_env or args.tsa:
            raise ServeError("--token, --key, --pin-env and --tsa go with --p12 or --pkcs11")
        return None
    try:
        spec = KeySpec(
            p12=args.p12,
            pkcs11=args.pkcs11,
            token=args.token,
            key=args.key,
            cert_label=args.cert_label,
            pin_env=args.pin_env,
            field=args.field,
            tsa=args.tsa,
        )
    except ValueError as exc:
        raise ServeError(str(exc)) from None
    if args.pin_env:
        if args.pin_env not in os.environ:
            raise ServeError(f"the environment variable {args.pin_env} (--pin-env) is not set")
        secret = os.environ[args.pin_env]
    elif sys.stdin.isatty():
        secret = getpass.getpass(f"{spec.secret_name}: ")
        if workers > 1:  # each worker opens the key: handed over as --pin-env would be
            os.environ[PIN_HANDOVER] = secret
            spec = dataclasses.replace(spec, pin_env=PIN_HANDOVER)
    else:
        raise ServeError(f"no {spec.secret_name}: give --pin-env VAR, or start it in a terminal")
    return spec.open(secret)


def _clerk() -> str | None:
    """Whom a save is recorded under on this machine until the clerk gives a name."""
    try:
        return os.environ.get("READMIT_FORMS_USER") or getpass.getuser()
    except (KeyError, OSError):
        return None


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        import readmit_forms as rf

        from .._web import WebConfig, create_app
        from .._web._config import ENVIRONMENT, is_loopback
    except ImportError as exc:  # the web part (which brings signing and the register)
        raise MissingPartError("web", exc.name or "fastapi") from None
    workers = args.workers if args.workers is not None else min(2, os.cpu_count() or 1)
    if workers < 1:
        raise ServeError(f"--workers {workers}: give 1 or more")
    token = _token(args.token_file)
    try:  # the address and its token first, before the register is opened
        WebConfig(host=args.host, port=args.port, token=token)
    except ValueError as exc:
        raise ServeError(str(exc)) from None
    if token is None and (args.p12 or args.pkcs11):  # said before asking for a PIN
        raise ServeError(
            "a workbench that signs with its key needs an access token (--token-file), "
            "also on 127.0.0.1: any program of any user of this machine can reach it"
        )
    with rf.Register(args.db) as register:  # created or brought up to date now, once
        db = register.url
    key = _key(args, workers)
    try:
        config = WebConfig(
            host=args.host,
            port=args.port,
            token=token,
            db=args.db,
            key=key,
            clerk=_clerk() if is_loopback(args.host) else None,
        )
    except ValueError as exc:
        raise ServeError(str(exc)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    reach = "this machine only" if is_loopback(args.host) else "open to other machines"
    needs = f"; every request needs the access token in {args.token_file}" if token else ""
    report(f"readmit-forms workbench: {url} ({reach}{needs}; Ctrl+C stops it)")
    report(f"register: {db}")
    if key is not None:
        report(f"signs downloads with the key of {key.name} ({args.field})")
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "access_log": False,  # the guard logs each request without its query or body
        "log_level": "warning",
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(create_app(config), **options)
    else:
        token_file = str(args.token_file.resolve()) if args.token_file else None
        os.environ[ENVIRONMENT] = config.to_environment(token_file)
        uvicorn.run(
            "readmit_forms._web:app_from_environment",
            factory=True,
            workers=workers,
            **options,
        )
    sys.stderr.flush()
    return OK
