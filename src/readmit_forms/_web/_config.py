"""How the workbench is served: address, access token, limits, the register, the signing key."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._signer import ServerKey

__all__ = ["ENVIRONMENT", "WebConfig", "is_loopback"]

ENVIRONMENT = "READMIT_FORMS_SERVE"
"""How ``serve --workers N`` hands the settings to its worker processes."""

MAX_BODY = 16_000_000
"""The largest request body accepted, in bytes: a case file (5 MB) and a photo (10 MB)."""


def is_loopback(host: str) -> bool:
    """True for an address of this machine only: 127.0.0.0/8, ::1 (and 'localhost')."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """The server's settings.

    ``token``: when set, every request must carry it (``Authorization: Bearer …`` or the
    cookie the login page sets); required for any address other than the loopback.
    Without it only this machine may connect, under its own name (the Host header is
    checked too, so that a web page elsewhere cannot reach the server by DNS rebinding).
    ``db`` is the register's URL (None: as the command line, ``READMIT_FORMS_DB``, else
    the SQLite file in the user's data folder); uploaded photos are kept in ``photos``
    (None: a ``photos`` folder beside the register's SQLite file, or in the data folder).
    ``key`` is the server's signing key (`ServerKey`): a server that signs needs an
    access token even on the loopback, since any program of any user of this machine
    can reach 127.0.0.1. ``clerk`` is the name a save or download is recorded under
    until the clerk gives theirs. ``today`` gives the date deadlines are judged by.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_body: int = MAX_BODY
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    today: Callable[[], dt.date] = dt.date.today
    db: str | None = None
    photos: str | None = None
    key: ServerKey | None = field(default=None, repr=False, compare=False)
    clerk: str | None = None

    def __post_init__(self) -> None:
        if self.token is None and not is_loopback(self.host):
            raise ValueError(
                f"the workbench serves {self.host} only with an access token (--token-file)"
            )
        if self.token is None and self.key is not None:
            raise ValueError(
                "a workbench that signs with its key needs an access token (--token-file), "
                "also on 127.0.0.1: any program of any user of this machine can reach it"
            )

    def to_environment(self, token_file: str | None) -> str:
        """The settings for worker processes (the token stays in its file, the key's PIN
        in the environment variable ``--pin-env`` names: each worker opens the key)."""
        settings: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "token_file": token_file,
            "max_body": self.max_body,
            "secret": self.secret.hex(),  # one secret: a photo sealed by one worker
            "db": self.db,  # is taken as it is by another
            "photos": self.photos,
            "key": self.key.spec.to_dict() if self.key is not None else None,
            "clerk": self.clerk,
        }
        return json.dumps(settings)

    @classmethod
    def from_environment(cls) -> WebConfig:
        from ._signer import KeySpec

        data = json.loads(os.environ[ENVIRONMENT])
        token = None
        if data["token_file"]:
            with open(data["token_file"], encoding="utf-8") as handle:
                token = handle.read().strip()
        spec = KeySpec(**data["key"]) if data["key"] else None
        return cls(
            host=data["host"],
            port=data["port"],
            token=token,
            max_body=data["max_body"],
            secret=bytes.fromhex(data["secret"]),
            db=data["db"],
            photos=data["photos"],
            key=spec.open_from_environment() if spec is not None else None,
            clerk=data["clerk"],
        )
