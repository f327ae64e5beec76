"""Reading an input file (a case, a photo) without blocking and with a size cap.

A path may name a FIFO, a device (``/dev/zero``), a socket or a directory. Such a
file is opened without blocking (``O_NONBLOCK``: opening a FIFO with no writer
would wait for ever), its type is checked on the open descriptor, and only a
regular file is read — at most ``limit`` bytes, whatever its size claims.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FileProblem", "read_regular_file"]


class FileProblem(Exception):
    """Why a file cannot be read; ``str()`` is a short reason for a person."""


_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _limit_text(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit % 1_000_000 == 0 else f"{limit} bytes"


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; `FileProblem` for anything else or too big."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except IsADirectoryError:
        raise FileProblem("is a directory, not a file") from None
    except PermissionError:
        raise FileProblem("permission denied") from None
    except OSError as exc:
        raise FileProblem(f"cannot be opened ({exc.strerror})") from None
    except ValueError:  # a NUL character in the name
        raise FileProblem("is not a possible file name") from None
    try:
        mode = os.fstat(fd).st_mode
        for test, reason in _KINDS:
            if test(mode):
                raise FileProblem(reason)
        if not stat.S_ISREG(mode):
            raise FileProblem("is not a regular file")
        size = os.fstat(fd).st_size
        if size > limit:
            raise FileProblem(f"is {size} bytes; at most {_limit_text(limit)} are allowed")
        chunks: list[bytes] = []
        read = 0
        while read <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - read))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
        if read > limit:  # it grew while we read it
            raise FileProblem(f"is more than {_limit_text(limit)}; at most that is allowed")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
