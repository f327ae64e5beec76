"""The events a limit runs from, as the case dates them (the table is data: ``data/events.yaml``
and an agreement's own ``events``), and which limits apply to a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._agreements import Agreement, Deadline, events_of
from .._case import Case
from .._category import category, forms_in_play, no_request_needed
from .._paths import walk

if TYPE_CHECKING:
    from ._results import DueDate

__all__ = ["Start", "applies", "resolve_event"]


@dataclass(frozen=True)
class Start:
    field: str
    day: dt.date | None
    time: dt.time | None = None


def _value(case: Case, path: str) -> Any:
    """The value at ``path`` of the case (None where a part on the way is missing)."""
    return next(walk(case, path))[1]


def _at(path: str, value: dt.date | dt.datetime | None, time: dt.time | None = None) -> Start:
    if isinstance(value, dt.datetime):
        return Start(path, value.date(), value.time())
    return Start(path, value, time)


def resolve_event(
    name: str, case: Case, agreement: Agreement, resolved: Mapping[str, DueDate]
) -> Start | None:
    """The case date the event ``name`` is (possibly unknown), or None where a limit running
    from it does not apply to the case at all. ``resolved``: the limits computed so far."""
    event = events_of(agreement)[name]
    if event.after:
        # "after the expiry of the time limit …": the first of those limits that applies; the
        # case dates it through the field that limit runs from.
        first = next((resolved[key] for key in event.after if key in resolved), None)
        return None if first is None else Start(first.start_field, first.due)
    if event.condition == "no-request-needed" and no_request_needed(case, agreement) is None:
        return None
    assert event.field is not None  # an event gives a field or 'after' (checked on load)
    day = _value(case, event.field)
    if event.when is not None:
        happened = _value(case, event.when)
        if happened is False:
            return None  # refused: nothing runs from a positive reply
        if happened is not True:
            day = None
    if event.given_only and day is None:
        return None
    time = _value(case, event.time) if event.time is not None else None
    return _at(event.field, day, time)


def applies(deadline: Deadline, case: Case, agreement: Agreement) -> bool:
    """Whether ``deadline`` concerns the case's forms and the person's category."""
    tags = set(deadline.applies_to)
    forms = tags - {"own-nationals", "third-country"}
    groups = tags & {"own-nationals", "third-country"}
    if forms and not forms & forms_in_play(case, agreement, planned=True):
        return False
    return not groups or category(case) in groups
