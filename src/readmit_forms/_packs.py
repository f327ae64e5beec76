"""Where agreements come from: the package's own data, and the packs added to it.

A pack is a folder laid out like the package data::

    agreements/<id>.yaml          the agreement
    structure/<id>/*.yaml         the structure of each of its forms
    templates/{kk,ru,en}/<id>.yaml  the texts of its forms
    sources/                      (optional) the texts it cites

Packs are added with `add_packs` (the command line's ``--agreements DIR``) and
with the environment variable ``READMIT_FORMS_AGREEMENTS`` (a list of folders,
separated like ``PATH``). The bundled agreements are read through the same code,
as the first pack. A pack that reuses a bundled (or another pack's) agreement id
is refused, unless it is added with ``replace=True``: it then takes that id's place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar, cast

from ._errors import DataError

__all__ = [
    "ENV",
    "Pack",
    "add_packs",
    "agreement_files",
    "packs",
    "packs_added",
    "per_packs",
    "reset_packs",
    "source_folders",
    "structure_folder",
    "template_files",
]

ENV = "READMIT_FORMS_AGREEMENTS"

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Pack:
    """One folder of agreements: the bundled data or a pack."""

    root: Traversable
    name: str
    bundled: bool = False
    replace: bool = False

    def file(self, *parts: str) -> str:
        """How a file of the pack is named in messages."""
        return "/".join((self.name, *parts))


_added: list[Pack] = []
_listeners: list[Callable[[], None]] = []


def per_packs(function: F) -> F:
    """``functools.cache``, cleared whenever the packs change: for what is read from them."""
    cached = cache(function)
    _listeners.append(cached.cache_clear)
    return cast(F, cached)


def _changed() -> None:
    for clear in _listeners:
        clear()


def _pack_of(folder: str | Path, replace: bool) -> Pack:
    path = Path(folder)
    if not (path / "agreements").is_dir():
        raise DataError(
            str(path), "", folder, reason="not an agreement pack (no agreements/ folder)"
        )
    return Pack(path, str(path), replace=replace)


def add_packs(folders: Iterable[str | Path], *, replace: bool = False) -> None:
    """Add the agreement packs ``folders`` (each checked when its agreements are read)."""
    known = {Path(str(pack.root)).resolve() for pack in packs()}
    new = [_pack_of(folder, replace) for folder in folders if Path(folder).resolve() not in known]
    if new:
        _added.extend(new)
        _changed()


@contextmanager
def packs_added(folders: Iterable[str | Path], *, replace: bool = False) -> Iterator[None]:
    """`add_packs` for the duration of a ``with`` block (a pack being checked)."""
    before = list(_added)
    add_packs(folders, replace=replace)
    try:
        yield
    finally:
        _added[:] = before
        _changed()


def reset_packs() -> None:
    """Forget the packs added with `add_packs` (the environment's stay)."""
    _added.clear()
    _changed()


@per_packs
def packs() -> tuple[Pack, ...]:
    """The bundled data, the packs of ``READMIT_FORMS_AGREEMENTS``, the packs added."""
    bundled = Pack(resources.files("readmit_forms"), "readmit_forms", bundled=True)
    listed = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    return (bundled, *(_pack_of(folder, False) for folder in listed), *_added)


@per_packs
def agreement_files() -> dict[str, tuple[Pack, Traversable]]:
    """Agreement id → the pack and the file it is read from."""
    found: dict[str, tuple[Pack, Traversable]] = {}
    for pack in packs():
        folder = pack.root / "agreements"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".yaml"):
                continue
            key = entry.name.removesuffix(".yaml")
            if key in found and not pack.replace:
                first = found[key][0]
                raise DataError(
                    pack.file("agreements", entry.name),
                    "id",
                    key,
                    reason=f"agreement {key!r} is already given by {first.name}; "
                    "add the pack with --replace-agreements to replace it",
                )
            found[key] = (pack, entry)
    return dict(sorted(found.items()))


def _pack(agreement_id: str) -> Pack | None:
    entry = agreement_files().get(agreement_id)
    return entry[0] if entry else None


def structure_folder(agreement_id: str) -> tuple[Pack, Traversable] | None:
    """The folder of the structures of ``agreement_id``'s forms, with its pack."""
    pack = _pack(agreement_id)
    if pack is None:
        return None
    folder = pack.root / "structure" / agreement_id
    return (pack, folder) if folder.is_dir() else None


def template_files(lang: str) -> dict[str, Traversable]:
    """The texts file of each pack agreement in ``lang`` (file stem → file); the bundled
    templates folder is read as a whole by `_templates`."""
    files: dict[str, Traversable] = {}
    for key, (pack, _) in agreement_files().items():
        if pack.bundled:
            continue
        entry = pack.root / "templates" / lang / f"{key}.yaml"
        if entry.is_file():
            files[key] = entry
    return files


def source_folders() -> tuple[Traversable, ...]:
    """The ``sources/`` folders of the packs (the texts their agreements cite)."""
    return tuple(
        pack.root / "sources"
        for pack in packs()
        if not pack.bundled and (pack.root / "sources").is_dir()
    )
