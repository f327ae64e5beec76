"""How the workbench is served: address, access token, limits."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

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
    ``today`` gives the date deadlines are judged by (tests set it).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_body: int = MAX_BODY
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    today: Callable[[], dt.date] = dt.date.today

    def __post_init__(self) -> None:
        if self.token is None and not is_loopback(self.host):
            raise ValueError(
                f"the workbench serves {self.host} only with an access token (--token-file)"
            )

    def to_environment(self, token_file: str | None) -> str:
        """The settings for worker processes (the token stays in its file)."""
        return json.dumps(
            {
                "host": self.host,
                "port": self.port,
                "token_file": token_file,
                "max_body": self.max_body,
                "secret": self.secret.hex(),  # one secret: a photo sealed by one worker
            }  # is taken as it is by another
        )

    @classmethod
    def from_environment(cls) -> WebConfig:
        data = json.loads(os.environ[ENVIRONMENT])
        token = None
        if data["token_file"]:
            with open(data["token_file"], encoding="utf-8") as handle:
                token = handle.read().strip()
        return cls(
            host=data["host"],
            port=data["port"],
            token=token,
            max_body=data["max_body"],
            secret=bytes.fromhex(data["secret"]),
        )
