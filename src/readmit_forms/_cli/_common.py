"""Shared helpers of the subcommands: messages, JSON, atomic file output."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import secrets
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .. import (
    CaseRefusedError,
    CaseSchemaError,
    InvalidValueError,
    Lang,
    PdfFileError,
    ReadmitFormsError,
)
from .._files import FileProblem, read_regular_file
from .._guard import refuse_to_break_signatures

OK = 0


class OutputError(ReadmitFormsError):
    """An output file cannot be written (CLI exit 2)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot be written ({reason})")


def report(line: str) -> None:
    """One line on standard error."""
    sys.stderr.write(line.replace("\n", " ") + "\n")


def internal_error(exc: BaseException) -> str:
    """The line for a bug: the error class only (its text may hold values of the case)."""
    return (
        f"internal error ({type(exc).__name__}); this is a bug in readmit-forms "
        "(set READMIT_FORMS_DEBUG=1 for details)"
    )


def exit_code(exc: BaseException) -> int:
    """The exit code for ``exc``: the error's own (`ReadmitFormsError.exit_code`: 1 for a
    problem of the case, 2 for usage and unreadable input), 130 for an interrupt, and 3
    for anything else — a bug."""
    if isinstance(exc, ReadmitFormsError):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return 130
    return 3


def error_lines(exc: ReadmitFormsError, lang: Lang = Lang.EN) -> list[str]:
    """The lines that report ``exc``: every schema problem, every error finding of a refused
    case and the refusal, or the error's own line."""
    if isinstance(exc, CaseSchemaError):
        return [f"{exc.source}: {problem}" for problem in exc.problems]
    if isinstance(exc, CaseRefusedError):
        return [*(finding.line(lang) for finding in exc.findings), str(exc)]
    return [str(exc)]


def parse_date(value: str | None) -> dt.date | None:
    """An option's date (YYYY-MM-DD), or `InvalidValueError`; None for an option not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError("date", value, ["YYYY-MM-DD"]) from None


def parse_moment(value: str | None) -> dt.datetime | None:
    """An option's date and time (YYYY-MM-DDTHH:MM, or a date), or `InvalidValueError`."""
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError("date", value, ["YYYY-MM-DDTHH:MM", "YYYY-MM-DD"]) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


class _Listed(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


_L = TypeVar("_L", bound=_Listed)


def print_listing(args: Any, items: Sequence[_L], line: Callable[[_L], str]) -> int:
    """A listing command's output: the items as a JSON array with ``--json``, else one
    line each."""
    if args.json:
        print_json([item.to_dict() for item in items])
    else:
        sys.stdout.writelines(line(item) + "\n" for item in items)
    return OK


@cache
def _file_mode() -> int:
    """The mode a new file gets from the user's umask (read once: the CLI is one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


# A temporary file is ".NAME.PID.RANDOM.part" beside its target; a run that was killed
# leaves one behind, which a later run removes once its process is gone.
_PART = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{16}\.part")
_STALE_AFTER = 24 * 3600.0  # seconds; also for temporary files of older versions


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def clean_stale_parts(folder: Path, name: str | None) -> None:
    """Remove temporary files for ``name`` (None: for any name) in ``folder`` left by runs
    that were killed."""
    prefix = f".{name}." if name is not None else "."
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".part")):
                continue
            match = _PART.fullmatch(entry.name)
            with contextlib.suppress(OSError):
                if match and match["name"] == (name if name is not None else match["name"]):
                    stale = int(match["pid"]) != os.getpid() and not _alive(int(match["pid"]))
                else:
                    stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER
                if stale and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


INPUT_LIMIT = 1_000_000_000
"""The largest input file (a PDF to sign, a register export) a command reads: 1 GB."""


def read_input(path: str, error: Callable[[str, str], Exception], what: str = "") -> bytes:
    """The bytes of the file ``path``, or ``error(path, reason)`` raised: one clear line.

    Like a case file, it is read without blocking and only if it is a regular file (a
    FIFO or a device is refused, never read), at most `INPUT_LIMIT` bytes."""
    about = f" ({what})" if what else ""
    try:
        return read_regular_file(path, INPUT_LIMIT)
    except FileProblem as exc:
        raise error(path, f"{exc}{about}") from None


def read_file(path: str, what: str = "") -> bytes:
    """A file a signing or bundle command reads (a PDF, a certificate, a CMS), or one line
    naming it (`PdfFileError`)."""
    return read_input(path, PdfFileError, what)


def write_atomic(path: Path, data: bytes, *, tidy: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never half a file.

    The file gets the permissions of the user's umask; file and folder are synced
    around the rename, so a power loss leaves the old file or the new one. A problem
    with the path raises `OutputError`. A signed PDF is never replaced
    (`SignedFileError`), except by an incremental update of itself. ``tidy`` first removes
    what killed runs left for this name (a batch tidies its folder once, at its start).
    """
    refuse_to_break_signatures(path, data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(path, f"its folder cannot be made: {exc.strerror}") from None
    if path.is_dir():
        raise OutputError(path, "a folder of that name is in the way")
    if tidy:
        clean_stale_parts(path.parent, path.name)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise OutputError(path, exc.strerror or type(exc).__name__) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _file_mode())
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(path, exc.strerror or type(exc).__name__) from None
        raise
    _fsync_folder(path.parent)


def output_path(output: str | None, name: str, many: bool) -> Path | None:
    """Where an output named ``name`` goes for ``-o output``; None for standard output.

    A folder is meant when several files are written, when the path is a folder, or
    when it ends with a slash (the folder is made).
    """
    if output == "-":
        return None
    if output is None:
        return Path(name)
    out = Path(output)
    if many or out.is_dir() or output.endswith(("/", "\\", os.sep)):
        return out / name
    return out


def quiet_libraries() -> None:
    """pyHanko and its certificate validator log what they find (with tracebacks); the
    commands report every finding themselves, in one line each."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
