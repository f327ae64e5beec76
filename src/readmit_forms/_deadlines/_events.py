"""The events a limit runs from, as the case dates them (see the table of ``_deadlines``),
and which limits apply to a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .._agreements import Agreement, Deadline
from .._case import Case
from .._category import category, forms_in_play, no_request_needed

__all__ = ["EVENTS", "Event", "Start", "applies"]


@dataclass(frozen=True)
class Start:
    field: str
    day: dt.date | None
    time: dt.time | None = None


def _at(path: str, value: dt.date | dt.datetime | None, time: dt.time | None = None) -> Start:
    if isinstance(value, dt.datetime):
        return Start(path, value.date(), value.time())
    return Start(path, value, time)


# An event resolves to the case date it is (possibly unknown), or to None where the
# limit does not apply to the case at all.
Event = Callable[[Case, Agreement], Start | None]


def _apprehension(case: Case, agreement: Agreement) -> Start | None:
    stay = case.unlawful_stay
    if stay is None or stay.apprehended_on is None:
        return None  # the accelerated request of KZ–AT Art. 5(9) is not in play
    return _at("unlawful_stay.apprehended_on", stay.apprehended_on)


def _positive(path: str, pick: Callable[[Case], dt.date | None]) -> Event:
    def resolve(case: Case, agreement: Agreement) -> Start | None:
        if case.reply is not None and case.reply.positive is False:
            return None  # refused: nothing runs from a positive reply
        return _at(path, pick(case) if case.reply and case.reply.positive else None)

    return resolve


def _departure(case: Case, agreement: Agreement) -> Start | None:
    if no_request_needed(case, agreement) is None:
        return None
    handover = case.handover
    return _at(
        "handover.date", handover.date if handover else None, handover.time if handover else None
    )


EVENTS: dict[str, Event] = {
    "finding": lambda c, a: _at(
        "unlawful_stay.finding_date", c.unlawful_stay.finding_date if c.unlawful_stay else None
    ),
    "apprehension": _apprehension,
    "request-sent": lambda c, a: _at("letter.date", c.letter.date),
    "request-received": lambda c, a: _at("letter.received_on", c.letter.received_on),
    "interview-held": lambda c, a: _at(
        "interview.held_on", c.interview.held_on if c.interview else None
    ),
    "reply": lambda c, a: _at("reply.date", c.reply.date if c.reply else None),
    "reply-positive": _positive("reply.date", lambda c: c.reply.date if c.reply else None),
    "consent-received": _positive(
        "reply.received_on", lambda c: c.reply.received_on if c.reply else None
    ),
    "notice-sent": lambda c, a: _at(
        "handover.notice_date", c.handover.notice_date if c.handover else None
    ),
    "notice-received": lambda c, a: _at(
        "handover.notice_received_on", c.handover.notice_received_on if c.handover else None
    ),
    "handover": lambda c, a: _at(
        "handover.date",
        c.handover.date if c.handover else None,
        c.handover.time if c.handover else None,
    ),
    "departure": _departure,
    "transit": lambda c, a: _at(
        "transit.date", c.transit.date if c.transit else None, c.transit.time if c.transit else None
    ),
}
"""Event name → the case date it is (see the module docstring)."""


def applies(deadline: Deadline, case: Case, agreement: Agreement) -> bool:
    """Whether ``deadline`` concerns the case's forms and the person's category."""
    tags = set(deadline.applies_to)
    forms = tags - {"own-nationals", "third-country"}
    groups = tags & {"own-nationals", "third-country"}
    if forms and not forms & forms_in_play(case, agreement, planned=True):
        return False
    return not groups or category(case) in groups
