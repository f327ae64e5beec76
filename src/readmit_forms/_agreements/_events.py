"""The events time limits run from: the shared table ``data/events.yaml``, and an agreement's
own ``events``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from pydantic import TypeAdapter

from .._yaml import load_data
from ._agreement import Agreement
from ._parts import Event

__all__ = ["events_of", "shared_events"]

_TABLE = TypeAdapter(dict[str, Event])


@cache
def shared_events() -> Mapping[str, Event]:
    """The events every agreement may name (``data/events.yaml``)."""
    entry = resources.files("readmit_forms") / "data" / "events.yaml"
    return _TABLE.validate_python(load_data(entry.read_text("utf-8")))


def events_of(agreement: Agreement) -> Mapping[str, Event]:
    """The events ``agreement`` may name: the shared ones and its own (its own win)."""
    return {**shared_events(), **agreement.events}
