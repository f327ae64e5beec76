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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ._agreements import Agreement, Deadline, Extension, Source, get_agreement
from ._calendars import Calendar, Holiday, WeekendDay
from ._case import Case
from ._category import category, forms_in_play, no_request_needed
from ._findings import articles
from ._format import add_months
from ._lang import Lang
from ._loading import load_case

__all__ = ["DueDate", "Extended", "Schedule", "deadlines", "schedule"]

Status = Literal["unknown", "open", "met", "missed", "overdue"]


@dataclass(frozen=True)
class Extended:
    """How far a time limit may be extended, and on what condition."""

    due: dt.date | None
    length: int
    unit: str
    up_to: bool
    total: bool
    condition: Mapping[Lang, str]
    source: Source
    article: Mapping[Lang, str]


@dataclass(frozen=True)
class DueDate:
    """One time limit of the case: what, by whom, by when, and the article behind it.

    ``due`` is None when the case does not date the event the limit runs from
    (``start_field`` names the field to fill in). ``holidays`` lists the public
    holidays and ``weekend_days`` the weekend days skipped when counting working days
    on ``calendar``. ``superseded``
    holds the other computations of a conflicting pair; this one is the stricter.
    """

    id: str
    action: Mapping[Lang, str]
    actor: str
    actor_state: str | None
    length: int
    unit: str
    relation: str
    event: str
    start: dt.date | None
    start_time: dt.time | None
    start_field: str
    due: dt.date | None
    due_time: dt.time | None
    source: Source
    article: Mapping[Lang, str]
    calendar: tuple[str, ...] = ()
    holidays: tuple[Holiday, ...] = ()
    weekend_days: tuple[WeekendDay, ...] = ()
    consequence: Mapping[Lang, str] | None = None
    extension: Extended | None = None
    superseded: tuple[DueDate, ...] = ()
    optional: bool = False
    done_field: str | None = None
    done_on: dt.date | None = None
    status: Status = "unknown"

    @property
    def sources(self) -> tuple[Source, ...]:
        return (self.source, *(other.source for other in self.superseded))

    def to_dict(self) -> dict[str, Any]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.id,
            "action": _by_lang(self.action),
            "actor": self.actor,
            "actor_state": self.actor_state,
            "length": self.length,
            "unit": self.unit,
            "relation": self.relation,
            "event": self.event,
            "start": day(self.start),
            "start_field": self.start_field,
            "due": day(self.due),
            "due_time": self.due_time.isoformat("minutes") if self.due_time else None,
            "status": self.status,
            "done_on": day(self.done_on),
            "done_field": self.done_field,
            "optional": self.optional,
            "article": _by_lang(self.article),
            "source": self.source.model_dump(),
            "calendar": list(self.calendar),
            "holidays": [h.to_dict() for h in self.holidays],
            "weekend_days": [w.to_dict() for w in self.weekend_days],
            "consequence": _by_lang(self.consequence),
            "extension": _extension_dict(self.extension),
            "superseded": [other.to_dict() for other in self.superseded],
        }


def _by_lang(texts: Mapping[Lang, str] | None) -> dict[str, str] | None:
    return {lang.value: text for lang, text in texts.items()} if texts is not None else None


def _extension_dict(extension: Extended | None) -> dict[str, Any] | None:
    if extension is None:
        return None
    return {
        "due": extension.due.isoformat() if extension.due else None,
        "length": extension.length,
        "unit": extension.unit,
        "up_to": extension.up_to,
        "total": extension.total,
        "condition": _by_lang(extension.condition),
        "article": _by_lang(extension.article),
        "source": extension.source.model_dump(),
    }


@dataclass(frozen=True)
class Schedule:
    """Every time limit that applies to a case, in order of due date (unknown ones last)."""

    agreement: str
    calendar: tuple[str, ...]
    both_states: bool
    today: dt.date | None
    items: tuple[DueDate, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "calendar": list(self.calendar),
            "both_states": self.both_states,
            "today": self.today.isoformat() if self.today else None,
            "deadlines": [item.to_dict() for item in self.items],
        }


# -- events ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Start:
    field: str
    day: dt.date | None
    time: dt.time | None = None


def _at(path: str, value: dt.date | dt.datetime | None, time: dt.time | None = None) -> _Start:
    if isinstance(value, dt.datetime):
        return _Start(path, value.date(), value.time())
    return _Start(path, value, time)


# An event resolves to the case date it is (possibly unknown), or to None where the
# limit does not apply to the case at all.
Event = Callable[[Case, Agreement], _Start | None]


def _apprehension(case: Case, agreement: Agreement) -> _Start | None:
    stay = case.unlawful_stay
    if stay is None or stay.apprehended_on is None:
        return None  # the accelerated request of KZ–AT Art. 5(9) is not in play
    return _at("unlawful_stay.apprehended_on", stay.apprehended_on)


def _positive(path: str, pick: Callable[[Case], dt.date | None]) -> Event:
    def resolve(case: Case, agreement: Agreement) -> _Start | None:
        if case.reply is not None and case.reply.positive is False:
            return None  # refused: nothing runs from a positive reply
        return _at(path, pick(case) if case.reply and case.reply.positive else None)

    return resolve


def _departure(case: Case, agreement: Agreement) -> _Start | None:
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


# -- which limits apply ------------------------------------------------------------


def applies(deadline: Deadline, case: Case, agreement: Agreement) -> bool:
    """Whether ``deadline`` concerns the case's forms and the person's category."""
    tags = set(deadline.applies_to)
    forms = tags - {"own-nationals", "third-country"}
    groups = tags & {"own-nationals", "third-country"}
    if forms and not forms & forms_in_play(case, agreement, planned=True):
        return False
    return not groups or category(case) in groups


# -- counting ----------------------------------------------------------------------


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
    if unit == "months":
        return _Counted(add_months(start, sign * length))
    days = length * (7 if unit == "weeks" else 1)
    return _Counted(start + dt.timedelta(days=sign * days))


def _article(agreement: Agreement, source: Source) -> Mapping[Lang, str]:
    return articles(agreement, [source])


def _actor_state(case: Case, actor: str) -> str | None:
    return {"requesting": case.requesting_state, "requested": case.requested_state}.get(actor)


def _done(
    case: Case, agreement: Agreement, deadline: Deadline
) -> tuple[str | None, dt.date | None]:
    if deadline.done is None:
        return None, None
    found = EVENTS[deadline.done](case, agreement)
    return (found.field, found.day) if found is not None else (None, None)


def _status(due: dt.date | None, done_on: dt.date | None, today: dt.date | None) -> Status:
    if due is None:
        return "unknown"
    if done_on is not None:
        return "met" if done_on <= due else "missed"
    if today is not None and today > due:
        return "overdue"
    return "open"


def _compute(
    deadline: Deadline,
    case: Case,
    agreement: Agreement,
    calendar: Calendar,
    today: dt.date | None,
    resolved: Mapping[str, DueDate],
) -> DueDate | None:
    if deadline.event == "reply-period-end":
        # KZ–HU Art. 3(3): "after the expiry of the time limits of paragraph 2" — the
        # reply limit that applies to the case, computed before.
        reply = next(
            (
                resolved[d.id]
                for d in agreement.deadlines
                if d.id in resolved
                and d.event == "request-received"
                and "readmission-request" in d.applies_to
            ),
            None,
        )
        if reply is None:
            return None
        # The limit runs from the end of the reply period; the case dates it through the
        # field the reply limit runs from.
        start = _Start(reply.start_field, reply.due)
    else:
        found = EVENTS[deadline.event](case, agreement)
        if found is None:
            return None
        start = found
    sign = 1 if deadline.relation == "within" else -1
    due = due_time = None
    skipped: tuple[Holiday, ...] = ()
    weekend: tuple[WeekendDay, ...] = ()
    extended: Extended | None = None
    if start.day is not None:
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
        status=_status(due, done_on, today),
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


def _stricter(group: Sequence[DueDate]) -> DueDate:
    """Of limits set twice for one act, the one due first, with the others attached."""
    ranked = sorted(group, key=lambda d: (d.due is None, d.due or dt.date.max))
    first, others = ranked[0], tuple(ranked[1:])
    return replace(first, superseded=others)


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
            computed = _compute(deadline, case, agreement, cal, today, resolved)
            if computed is not None:
                resolved[deadline.id] = computed
    items: list[DueDate] = []
    seen: set[str] = set()
    for deadline in agreement.deadlines:
        if deadline.id not in resolved or deadline.id in seen:
            continue
        group = [deadline.id, *(d for d in deadline.conflicts_with if d in resolved)]
        seen.update(group)
        items.append(_stricter([resolved[d] for d in group]))
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
