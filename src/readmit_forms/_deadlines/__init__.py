"""Deadlines: every time limit of the agreement that applies to a case, with its due date.

Pure: computed from the case's dates and the agreement data (``deadlines`` in
``agreements/*.yaml``), never from the clock — except that `deadlines` marks a
limit *overdue* against ``today``, which the caller may give.

Each limit runs from an *event* that the case dates:

=================  ====================================================================
event              case field
=================  ====================================================================
finding            ``unlawful_stay.finding_date``
apprehension       ``unlawful_stay.apprehended_on`` (only when given: KZ–AT Art. 5(9))
request-sent       ``letter.date`` (the request the case's forms are sent with)
request-received   ``letter.received_on``
interview-held     ``interview.held_on``
reply              ``reply.date``
reply-positive     ``reply.date``, when ``reply.positive``
consent-received   ``reply.received_on``, when ``reply.positive``
reply-period-end   the last day of the reply time limit (KZ–HU Art. 3(3))
notice-sent        ``handover.notice_date``
notice-received    ``handover.notice_received_on``
handover           ``handover.date`` (and ``handover.time``)
departure          ``handover.date``, only where no request is needed (KZ–BY Arts. 2(5), 3(5))
transit            ``transit.date`` (and ``transit.time``)
=================  ====================================================================

A date the case does not give is reported as unknown, never guessed.

Counting: ``N calendar days after`` an event is the event's date plus N; ``N …
before`` it is the date minus N (KZ–AT Art. 5(8): "not later than two calendar
days" before the transfer). Working days are counted on a `Calendar` — by
default a day counts only if it is a working day in both states. Where two
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
from ._events import EVENTS, applies
from ._results import DueDate, Extended, Schedule

__all__ = ["EVENTS", "DueDate", "Extended", "Schedule", "applies", "deadlines", "schedule"]


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
    states = tuple(calendar) if calendar else (case.requesting_state, case.requested_state)
    cal = Calendar.of(states)
    resolved: dict[str, DueDate] = {}
    for deadline in agreement.deadlines:
        named = [f for f in deadline.applies_to if f in agreement.form_ids]
        if forms is not None and named and not set(named) & set(forms):
            continue
        if applies(deadline, case, agreement):
            computed = compute(deadline, case, agreement, cal, today, resolved)
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
