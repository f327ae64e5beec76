"""Shared helpers of the subcommands: messages, JSON, atomic file output."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._guard import refuse_to_break_signatures

OK = 0


def report(line: str) -> None:
    """One line on standard error."""
    sys.stderr.write(line.replace("\n", " ") + "\n")


def fail(code: int) -> int:
    return code


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def read_input(path: str, error: Callable[[str, str], Exception], what: str = "") -> bytes:
    """The bytes of the file ``path``, or ``error(path, reason)`` raised: one clear line."""
    about = f" ({what})" if what else ""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error(path, f"no such file{about}") from None
    except IsADirectoryError:
        raise error(path, f"is a directory, not a file{about}") from None
    except OSError as exc:
        raise error(path, f"cannot be read ({exc.strerror})") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never half a file.

    A signed PDF is never replaced (`SignedFileError`), except by an incremental
    update of itself."""
    refuse_to_break_signatures(path, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def quiet_libraries() -> None:
    """pyHanko and its certificate validator log what they find (with tracebacks); the
    commands report every finding themselves, in one line each."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
