"""The server's signing key: a PKCS#12 file or a key on a PKCS#11 token, opened at start.

The key is named as ``readmit-forms sign`` names it (``--p12 FILE`` or ``--pkcs11
MODULE --token LABEL --key LABEL``); its passphrase or PIN comes from the environment
variable ``--pin-env`` names, or is typed at the terminal when the server starts —
never from a page or a request, so it is in no form, URL or log. With ``--workers
N`` each worker opens the key itself, from the same variable.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass
from typing import Any

import readmit_forms as rf

__all__ = ["FIELDS", "PIN_HANDOVER", "KeySpec", "ServerKey"]

FIELDS = ("signature", "seal")
PIN_HANDOVER = "READMIT_FORMS_SERVE_PIN"
"""Where ``serve`` puts a PIN typed at start for its worker processes (as --pin-env)."""


@dataclass(frozen=True)
class KeySpec:
    """Where the key is and how it signs (no secret in it)."""

    p12: str | None = None
    pkcs11: str | None = None
    token: str | None = None
    key: str | None = None
    cert_label: str | None = None
    pin_env: str | None = None
    field: str = "signature"
    tsa: str | None = None

    def __post_init__(self) -> None:
        if (self.p12 is None) == (self.pkcs11 is None):
            raise ValueError("name the key with --p12 FILE or --pkcs11 MODULE")
        if self.pkcs11 is not None and not (self.token and self.key):
            raise ValueError("--pkcs11 needs --token LABEL and --key LABEL")
        if self.field not in FIELDS:
            raise ValueError(f"--field: use {' or '.join(FIELDS)}")

    @property
    def secret_name(self) -> str:
        return f"passphrase for {self.p12}" if self.p12 else f"PIN of token {self.token}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def open(self, secret: str | None) -> ServerKey:
        """The key, opened with ``secret``; raises `readmit_forms.KeyAccessError` and the like."""
        if self.p12 is not None:
            key = rf.SigningKey.from_pkcs12(self.p12, secret)
        else:
            assert self.pkcs11 is not None and self.token and self.key
            key = rf.SigningKey.from_pkcs11(
                self.pkcs11, token=self.token, key=self.key, pin=secret, certificate=self.cert_label
            )
        key.check(
            dt.datetime.now(dt.UTC)
        )  # an expired certificate is refused at start, not at the first use
        return ServerKey(self, key)

    def open_from_environment(self) -> ServerKey:
        """The key of a worker process: its secret from the ``pin_env`` variable (taken
        out of this process's environment once read)."""
        if not self.pin_env or self.pin_env not in os.environ:
            raise ValueError(f"--pin-env: the environment variable {self.pin_env} is not set")
        return self.open(os.environ.pop(self.pin_env))


class ServerKey:
    """An opened key and how it signs: into the ``signature`` or ``seal`` field, PAdES B-B,
    or B-T with the timestamp authority ``tsa``."""

    def __init__(self, spec: KeySpec, key: rf.SigningKey) -> None:
        self.spec = spec
        self.key = key

    @property
    def name(self) -> str:
        """Whose key it is (the certificate's common name), as the pages show it."""
        return self.key.name

    def sign(self, pdf: bytes, source: str) -> bytes:
        """``pdf`` signed (one call at a time: see `Serial`)."""
        return rf.sign(
            pdf, self.key, field=self.spec.field, timestamp_url=self.spec.tsa, source=source
        )

    def close(self) -> None:
        self.key.close()
