"""Reading the bundled agreement files (``agreements/<id>.yaml``), each checked when first
asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from .._errors import UnknownAgreementError
from .._yaml import load_data
from ._agreement import Agreement

__all__ = ["agreement_ids", "agreements", "get_agreement", "load_agreement_text"]


def _check_trilingual(data: Any, where: str = "") -> None:
    """Every ``{kk, ru, en}`` mapping in the data must have all three languages."""
    if isinstance(data, Mapping):
        keys = set(data)
        if keys & {"kk", "ru", "en"} and not keys - {"kk", "ru", "en"}:
            missing = {"kk", "ru", "en"} - keys
            if missing:
                raise ValueError(f"{where}: text lacks {', '.join(sorted(missing))}")
        for key, value in data.items():
            if key != "versions":  # a divergence quotes only the versions that differ
                _check_trilingual(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_trilingual(value, f"{where}[{index}]")


def load_agreement_text(text: str, name: str = "<agreement>") -> Agreement:
    """Parse and check one agreement file's text."""
    data = load_data(text)
    _check_trilingual(data, name)
    return Agreement.model_validate(data)


@cache
def _folder() -> Traversable:
    return resources.files("readmit_forms") / "agreements"


@cache
def agreement_ids() -> tuple[str, ...]:
    """The ids of every bundled agreement, sorted (one file ``<id>.yaml`` each)."""
    names = (entry.name for entry in _folder().iterdir())
    return tuple(sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml")))


@cache
def _load(agreement_id: str) -> Agreement:
    """One agreement file, read and checked when first asked for."""
    entry = _folder() / f"{agreement_id}.yaml"
    agreement = load_agreement_text(entry.read_text("utf-8"), entry.name)
    if agreement.id != agreement_id:
        raise ValueError(f"{entry.name} holds agreement {agreement.id!r}; name the file after it")
    return agreement


def agreements() -> Iterator[Agreement]:
    """Every bundled agreement, sorted by id."""
    return (_load(key) for key in agreement_ids())


def get_agreement(agreement_id: str | Agreement) -> Agreement:
    """The agreement ``agreement_id`` (e.g. "kz-at"), or raise `UnknownAgreementError`."""
    if isinstance(agreement_id, Agreement):
        return agreement_id
    key = str(agreement_id).strip().lower()
    if key not in agreement_ids():
        raise UnknownAgreementError(agreement_id, agreement_ids())
    return _load(key)
