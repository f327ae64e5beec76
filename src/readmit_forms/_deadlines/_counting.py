"""Counting a limit: its due date on the calendar, its status, an extension, and the stricter
of two limits the agreement sets for one act."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .._agreements import Agreement, Deadline, Extension, Source, events_of
from .._calendars import Calendar, Holiday, WeekendDay
from .._case import Case
from .._findings import articles
from .._format import add_months
from .._lang import Lang
from ._events import resolve_event
from ._results import DueDate, Extended, Status

__all__ = ["compute", "stricter"]


@dataclass(frozen=True)
class _Counted:
    day: dt.date
    time: dt.time | None = None
    holidays: tuple[Holiday, ...] = ()
    weekend_days: tuple[WeekendDay, ...] = ()


def _count(
    start: dt.date,
    start_time: dt.time | None,
    length: int,
    unit: str,
    sign: int,
    calendar: Calendar,
) -> _Counted:
    """The day ``length`` ``unit`` after (sign 1) or before (sign -1) ``start``."""
    if unit == "working-days":
        day, holidays, weekend = calendar.shift(start, sign * length)
        return _Counted(day, None, holidays, weekend)
    if unit == "hours":
        moment = dt.datetime.combine(start, start_time or dt.time(0, 0))
        moment += dt.timedelta(hours=sign * length)
        return _Counted(moment.date(), start_time and moment.time())
    if unit in ("months", "years"):
        return _Counted(add_months(start, sign * length * (12 if unit == "years" else 1)))
    days = length * (7 if unit == "weeks" else 1)
    return _Counted(start + dt.timedelta(days=sign * days))


def _article(agreement: Agreement, source: Source) -> Mapping[Lang, str]:
    return articles(agreement, [source])


def _actor_state(case: Case, actor: str) -> str | None:
    return {"requesting": case.requesting_state, "requested": case.requested_state}.get(actor)


def _done(
    case: Case, agreement: Agreement, deadline: Deadline
) -> tuple[str | None, dt.date | None]:
    """The case field and date of the act that fulfils ``deadline``, where the case has it."""
    if deadline.done is None:
        return None, None
    found = resolve_event(deadline.done, case, agreement, {})
    return (found.field, found.day) if found is not None else (None, None)


def _status(due: dt.date | None, done_on: dt.date | None, today: dt.date | None) -> Status:
    if due is None:
        return "unknown"
    if done_on is not None:
        return "met" if done_on <= due else "missed"
    if today is not None and today > due:
        return "overdue"
    return "open"


def _immediate_status(start: dt.date | None, done_on: dt.date | None) -> Status:
    """A limit "without delay" has no day: done, or to be done now once its event is dated."""
    if done_on is not None:
        return "met"
    return "immediate" if start is not None else "unknown"


def compute(
    deadline: Deadline,
    case: Case,
    agreement: Agreement,
    calendar: Calendar,
    today: dt.date | None,
    resolved: Mapping[str, DueDate],
) -> DueDate | None:
    event = events_of(agreement)[deadline.event]
    found = resolve_event(deadline.event, case, agreement, resolved)
    if found is None:
        return None
    start = found
    sign = 1 if deadline.relation == "within" else -1
    due = due_time = None
    skipped: tuple[Holiday, ...] = ()
    weekend: tuple[WeekendDay, ...] = ()
    extended: Extended | None = None
    if start.day is not None and deadline.unit != "immediately":
        counted = _count(start.day, start.time, deadline.length, deadline.unit, sign, calendar)
        due, due_time, skipped, weekend = (
            counted.day,
            counted.time,
            counted.holidays,
            counted.weekend_days,
        )
        extended = _extended(agreement, deadline.extension, start.day, due, calendar)
    elif deadline.extension is not None:
        extended = _extended(agreement, deadline.extension, None, None, calendar)
    done_field, done_on = _done(case, agreement, deadline)
    immediate = deadline.unit == "immediately"
    return DueDate(
        id=deadline.id,
        action=deadline.action,
        actor=deadline.actor,
        actor_state=_actor_state(case, deadline.actor),
        length=deadline.length,
        unit=deadline.unit,
        relation=deadline.relation,
        event=deadline.event,
        start=start.day,
        start_time=start.time,
        start_field=start.field,
        due=due,
        due_time=due_time,
        source=deadline.source,
        article=_article(agreement, deadline.source),
        calendar=calendar.states if deadline.unit == "working-days" else (),
        holidays=skipped,
        weekend_days=weekend,
        consequence=deadline.consequence,
        extension=extended,
        optional=deadline.optional,
        done_field=done_field,
        done_on=done_on,
        status=_immediate_status(start.day, done_on) if immediate else _status(due, done_on, today),
        immediate=immediate,
        without_delay=deadline.without_delay,
        deemed=deadline.deemed,
        calendar_rule=deadline.calendar,
        event_words=event.since if deadline.relation == "within" else event.until,
        after_limit=bool(event.after),
    )


def _extended(
    agreement: Agreement,
    extension: Extension | None,
    start: dt.date | None,
    due: dt.date | None,
    calendar: Calendar,
) -> Extended | None:
    if extension is None:
        return None
    base = start if extension.total else due
    day = None
    if base is not None:
        day = _count(base, None, extension.length, extension.unit, 1, calendar).day
    return Extended(
        day,
        extension.length,
        extension.unit,
        extension.up_to,
        extension.total,
        extension.condition,
        extension.source,
        _article(agreement, extension.source),
    )


def stricter(group: Sequence[DueDate]) -> DueDate:
    """Of limits set twice for one act, the one due first, with the others attached."""
    ranked = sorted(group, key=lambda d: (d.due is None, d.due or dt.date.max))
    first, others = ranked[0], tuple(ranked[1:])
    return replace(first, superseded=others)
