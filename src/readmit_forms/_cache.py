"""A cache on disk of what the package derives from files it reads often (parsed YAML,
checked agreements), so that a new process does not derive them again.

An entry is keyed by what it is made from: its kind, the text read and the package
(its version and every file's size and time), so that a changed file or a changed
program never meets an old entry. Entries are pickles, read only from a
folder this user owns and nobody else may write (``~/.cache/readmit-forms`` by
default, ``$READMIT_FORMS_CACHE`` to choose another, ``off`` for none); one folder per
version of the code (two installed versions each keep theirs), and a new one removes
those not written to for `UNUSED_DAYS`. A damaged or unreadable
entry is made again; a folder that cannot be written only makes the cache a no-op.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from ._version import __version__

__all__ = ["ENV", "MAX_ENTRIES", "cached", "folder"]

ENV = "READMIT_FORMS_CACHE"
"""The cache folder; ``off`` (or empty) for no cache."""

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


_READ = (".py", ".yaml", ".json")  # the code and the data derived from (fonts: by content)


@cache
def _code() -> str:
    """The fingerprint of this package: its version, Python's and its libraries', and every
    file of its code and data (an agreement is checked against the package's texts and
    structures)."""
    files = []
    for top, folders, names in os.walk(_PACKAGE):
        folders[:] = [name for name in folders if name != "__pycache__"]
        files += [os.path.join(top, name) for name in names if name.endswith(_READ)]
    import pydantic.version
    import reportlab
    import yaml

    # the libraries whose objects and formatting the entries hold
    versions = (
        __version__,
        sys.version,
        pydantic.version.VERSION,
        reportlab.Version,
        yaml.__version__,
    )
    digest = hashlib.sha256("\0".join(versions).encode())
    for path in sorted(files):
        info = os.stat(path)
        where = os.path.relpath(path, _PACKAGE)
        digest.update(f"{where}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:20]


def folder() -> Path | None:
    """The cache folder for this code, or None when the cache is off."""
    chosen = os.environ.get(ENV)
    if chosen is not None and chosen.strip().lower() in {"", "off", "0", "no"}:
        return None
    if chosen:
        root = Path(chosen)
    elif sys.platform == "linux":  # as platformdirs has it, without importing it
        root = Path(os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache")
        root /= "readmit-forms"
    else:
        from platformdirs import user_cache_path

        root = user_cache_path("readmit-forms", appauthor=False)
    return root / _code()


def _safe(path: Path) -> bool:
    """True if ``path`` and its parent are folders of this user that only it can write."""
    for here in (path.parent, path):
        info = here.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022:
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return False
    return True


UNUSED_DAYS = 14
"""A folder of other code (another version, another checkout) not written to for this long
is removed when a new one is made."""


def _ready(where: Path) -> bool:
    """Make the folder (and remove the long-unused folders of other code beside it); True
    if usable."""
    try:
        if not where.is_dir():
            where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            unused = time.time() - UNUSED_DAYS * 86400
            for other in where.parent.iterdir():
                if len(other.name) == 20 and other.is_dir() and other.stat().st_mtime < unused:
                    shutil.rmtree(other, ignore_errors=True)
            where.mkdir(mode=0o700, exist_ok=True)
        return _safe(where)
    except OSError:
        return False


def cached(kind: str, text: str, make: Callable[[str], T]) -> T:
    """``make(text)``, from the cache when it holds an entry for ``kind`` and ``text``.

    What ``make`` raises is raised (and nothing is stored); the result must pickle."""
    where = folder()
    if where is None:
        return make(text)
    key = hashlib.sha256(f"{kind}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{kind}-{key[:40]}.pickle"
    usable = _ready(where)
    if usable:
        try:
            with path.open("rb") as file:
                value: T = pickle.load(file)
            return value
        except FileNotFoundError:
            pass
        except Exception:  # a damaged entry: made again below, and replaced
            pass
    value = make(text)
    if usable:
        _store(path, value)
    return value


MAX_ENTRIES = 512
"""Most entries kept: past it, the least recently written quarter is removed (packs checked
one after another must not fill the disk)."""


def _store(path: Path, value: object) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # an entry that cannot be written (disk full, a value that will not pickle)
        Path(temporary).unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(where: Path) -> None:
    try:
        entries = [(entry.stat().st_mtime_ns, entry) for entry in where.glob("*.pickle")]
        if len(entries) > MAX_ENTRIES:
            for _, entry in sorted(entries)[: len(entries) - MAX_ENTRIES * 3 // 4]:
                entry.unlink(missing_ok=True)
    except OSError:
        pass
