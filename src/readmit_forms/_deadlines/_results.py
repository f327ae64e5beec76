"""What the deadlines are computed into: each limit's due date and status, the schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .._agreements import Source
from .._calendars import Holiday, WeekendDay
from .._lang import Lang

__all__ = ["DueDate", "Extended", "Schedule", "Status"]

Status = Literal["unknown", "immediate", "open", "met", "missed", "overdue"]


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
    on ``calendar`` (whose states ``calendar_rule`` of the data chose: requesting,
    requested, both or a state). ``superseded`` holds the other computations of a
    conflicting pair; this one is the stricter. An ``immediate`` limit ("without
    delay") has no date: its status is ``immediate`` until done; ``without_delay``
    flags a dated limit that asks for the act without delay too; ``deemed`` is what no
    reply within the limit counts as (``accepted``, ``refused``). ``event_words`` are the
    agreement's own words for its event ("of …"/"before …"), where it defines the event;
    ``after_limit``: the event is the end of another limit.
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
    immediate: bool = False
    without_delay: bool = False
    deemed: str | None = None
    calendar_rule: str = "both"
    event_words: Mapping[Lang, str] | None = None
    after_limit: bool = False

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
            "immediate": self.immediate,
            "without_delay": self.without_delay,
            "deemed": self.deemed,
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
