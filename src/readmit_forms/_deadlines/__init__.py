"""Deadlines: every time limit of the agreement that applies to a case, with its due date.

Pure: computed from the case's dates and the agreement data (``deadlines`` in
``agreements/*.yaml``), never from the clock — except that `deadlines` marks a
limit *overdue* against ``today``, which the caller may give.

Each limit runs from an *event* that the case dates: the table of events and the
case fields that date them is data (``data/events.yaml``, and an agreement's own
``events``), e.g. ``request-received`` is ``letter.received_on``.

A date the case does not give is reported as unknown, never guessed.

Counting: ``N calendar days after`` an event is the event's date plus N; ``N …
before`` it is the date minus N (KZ–AT Art. 5(8): "not later than two calendar
days" before the transfer). Working days are counted on a `Calendar`: each limit
says whose (``calendar``: requesting, requested, both — the default, a day counts
only if it is a working day in both states — or a named state); ``calendar=`` of
`deadlines` overrides them all. Where two
provisions set different limits for the same act (``conflicts_with``), the
stricter — the earlier due date — applies, and both are cited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from .._agreements import Agreement, get_agreement
from .._calendars import Calendar
from .._case import Case
from .._loading import load_case
from ._counting import compute, stricter
from ._events import applies
from ._results import DueDate, Extended, Schedule

__all__ = ["DueDate", "Extended", "Schedule", "applies", "deadlines", "schedule"]


def schedule(
    case: Case,
    agreement: Agreement | None = None,
    *,
    today: dt.date | None = None,
    calendar: Sequence[str] | None = None,
    forms: Collection[str] | None = None,
) -> Schedule:
    """The time limits of ``case`` (already loaded); see `deadlines` for the public entry.

    ``forms`` keeps only the limits that concern those forms (and those that name no form).
    """
    agreement = agreement or get_agreement(case.agreement)
    override = tuple(calendar) if calendar else None
    cal = Calendar.of(override or (case.requesting_state, case.requested_state))
    resolved: dict[str, DueDate] = {}
    for deadline in agreement.deadlines:
        named = [f for f in deadline.applies_to if f in agreement.form_ids]
        if forms is not None and named and not set(named) & set(forms):
            continue
        if applies(deadline, case, agreement):
            own = cal if override else _calendar(deadline.calendar, case, cal)
            computed = compute(deadline, case, agreement, own, today, resolved)
            if computed is not None:
                resolved[deadline.id] = computed
    items: list[DueDate] = []
    seen: set[str] = set()
    for deadline in agreement.deadlines:
        if deadline.id not in resolved or deadline.id in seen:
            continue
        group = [deadline.id, *(d for d in deadline.conflicts_with if d in resolved)]
        seen.update(group)
        items.append(stricter([resolved[d] for d in group]))
    items.sort(key=lambda d: (d.due is None, d.due or dt.date.max, d.id))
    return Schedule(agreement.id, cal.states, len(cal.states) > 1, today, tuple(items))


def _calendar(choice: str, case: Case, both: Calendar) -> Calendar:
    """The calendar a limit counts on: ``choice`` is requesting, requested, both or a state."""
    if choice == "both":
        return both
    state = {"requesting": case.requesting_state, "requested": case.requested_state}.get(
        choice, choice
    )
    return Calendar.of((state,))


def deadlines(
    case: Case | str | Any,
    *,
    today: dt.date | None = None,
    calendar: Sequence[str] | None = None,
) -> Schedule:
    """Every time limit that applies to ``case`` (a `Case`, a path or a mapping).

    ``today`` (default: the current date) marks open limits whose day has passed
    as overdue. ``calendar`` names the states whose working days count (default:
    both Parties — a day counts only if it is a working day in both).
    """
    loaded = load_case(case)
    return schedule(
        loaded, today=today if today is not None else dt.date.today(), calendar=calendar
    )
