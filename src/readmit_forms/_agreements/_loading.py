"""Reading the agreement files (``agreements/<id>.yaml`` of the package and of each pack),
each checked when first asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import yaml
from pydantic import ValidationError

from .._cache import cached
from .._errors import DataError, UnknownAgreementError
from .._packs import agreement_files, packs, per_packs
from .._yaml import load_data
from ._agreement import Agreement
from ._checks import check_names, problems

__all__ = [
    "agreement_ids",
    "agreement_problems",
    "agreements",
    "data_error",
    "get_agreement",
    "load_agreement_text",
]


def _check_trilingual(data: Any, name: str, where: str = "") -> None:
    """Every ``{kk, ru, en}`` mapping in the data must have all three languages."""
    if isinstance(data, Mapping):
        keys = set(data)
        if keys & {"kk", "ru", "en"} and not keys - {"kk", "ru", "en"}:
            missing = {"kk", "ru", "en"} - keys
            if missing:
                raise DataError(name, where, "", reason=f"text lacks {', '.join(sorted(missing))}")
        for key, value in data.items():
            if key != "versions":  # a divergence quotes only the versions that differ
                _check_trilingual(value, name, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_trilingual(value, name, f"{where}[{index}]")


def _place(location: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path: ``deadlines[3].unit``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not part.startswith(("function-", "tagged-union")):
            path += f".{part}" if path else part
    return path


def data_error(name: str, error: ValidationError) -> DataError:
    """The first problem of a pydantic ``error`` as one line naming ``name`` and the place."""
    first = error.errors(include_url=False)[0]
    value = first.get("input")
    shown = value if isinstance(value, str | int | float) else ""
    reason = first["msg"].removeprefix("Value error, ")
    return DataError(
        name,
        _place(tuple(first["loc"])),
        shown,
        reason=f"{shown!r}: {reason}" if shown != "" else reason,
    )


def load_agreement_text(text: str, name: str = "<agreement>") -> Agreement:
    """Parse and check one agreement file's text: its shape, then every name it uses (see
    ``_checks``); a problem is a `DataError` naming ``name``."""
    return check_names(_shaped(text, name), name)


def agreement_problems(text: str, name: str = "<agreement>") -> list[DataError]:
    """Every problem of one agreement file's text: the first of its shape, else every name
    it uses that is not known (``check-agreement``)."""
    try:
        agreement = _shaped(text, name)
    except DataError as exc:
        return [exc]
    return problems(agreement, name)


def _shaped(text: str, name: str) -> Agreement:
    try:
        data = load_data(text)
    except yaml.YAMLError as exc:
        raise DataError(name, "", "", reason=f"not valid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise DataError(name, "", "", reason="not a mapping of the agreement's parts")
    _check_trilingual(data, name)
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        raise data_error(name, exc) from None
    return agreement


def _checker(name: str) -> Callable[[str], Agreement]:
    return lambda text: load_agreement_text(text, name)


def agreement_ids() -> tuple[str, ...]:
    """The ids of every agreement, bundled and from packs, sorted (one file ``<id>.yaml`` each)."""
    return tuple(agreement_files())


@per_packs
def _load(agreement_id: str) -> Agreement:
    """One agreement file, read and checked when first asked for."""
    pack, entry = agreement_files()[agreement_id]
    name = pack.file("agreements", entry.name)
    text = entry.read_text("utf-8")
    if len(packs()) > 1:  # a pack's names may be checked against: read and checked anew
        agreement = load_agreement_text(text, name)
    else:  # the bundled data alone: checked once, then kept in the cache on disk
        agreement = cached(f"agreement-{agreement_id}", text, _checker(name))
    if agreement.id != agreement_id:
        raise DataError(name, "id", agreement.id, [agreement_id], reason="name the file after it")
    return agreement


def agreements() -> Iterator[Agreement]:
    """Every agreement (bundled and from packs), sorted by id."""
    return (_load(key) for key in agreement_ids())


def get_agreement(agreement_id: str | Agreement) -> Agreement:
    """The agreement ``agreement_id`` (e.g. "kz-at"), or raise `UnknownAgreementError`."""
    if isinstance(agreement_id, Agreement):
        return agreement_id
    key = str(agreement_id).strip().lower()
    if key not in agreement_ids():
        raise UnknownAgreementError(agreement_id, agreement_ids())
    return _load(key)
