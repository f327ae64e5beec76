"""What the ``register`` and ``due`` commands share: the database option, who does it."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from typing import TYPE_CHECKING

from .. import CaseFileError, DataRecord
from ._common import read_input

if TYPE_CHECKING:
    from .. import Register


def open_register(args: argparse.Namespace) -> Register:
    from .. import Register  # SQLAlchemy only for the commands that use it

    return Register(args.db)


def who(args: argparse.Namespace) -> str:
    given = getattr(args, "by", None)
    if given:
        return str(given)
    return os.environ.get("READMIT_FORMS_USER") or getpass.getuser()


def read_input_file(path: str) -> bytes:
    return read_input(path, CaseFileError)


def counterpart(record: DataRecord) -> str:
    if record.kind == "transmission":
        return f"to {record.recipient_authority or '?'}"
    if record.kind == "receipt":
        return f"from {record.sender_authority or '?'}"
    return f"destroyed entry {record.content.get('destroyed', {}).get('id', '?')}"


def minute(moment: dt.datetime) -> str:
    """A register time as the listings print it (UTC, to the minute)."""
    return f"{moment:%Y-%m-%d %H:%M} UTC"
