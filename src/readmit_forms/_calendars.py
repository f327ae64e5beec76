"""Working days and public holidays of the Parties' states, from the `holidays` package.

A time limit in working days (KZ–AT Annex 1 Art. 3(2), KZ–BY Protocol Art. 9(4),
KZ–HU Art. 3) is counted on a `Calendar`. By default a day counts as a working
day only if it is one in *both* states — the agreements do not say whose
calendar applies, and a day off in either state is a day on which one of the two
authorities may not act. ``Calendar(states=("KZ",))`` counts one state's days.

Working days follow each state's law as the `holidays` package records it:
weekends, public holidays with their observed (carried-over) days, and Saturdays
made working days by decree (e.g. Belarus).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ._lang import Lang

if TYPE_CHECKING:
    import holidays

__all__ = ["Calendar", "Holiday", "WeekendDay"]

_HOLIDAY_LANGUAGE = {Lang.KK: "kk", Lang.RU: "ru", Lang.EN: "en_US"}


@dataclass(frozen=True)
class Holiday:
    """A public holiday (or day off in lieu) of one state."""

    date: dt.date
    state: str
    names: dict[Lang, str]

    def name(self, lang: Lang = Lang.EN) -> str:
        return self.names.get(lang) or self.names[Lang.EN]

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "state": self.state,
            "name": {lang.value: text for lang, text in self.names.items()},
        }


@dataclass(frozen=True)
class WeekendDay:
    """A day skipped as a weekend day (not a public holiday) in ``states``."""

    date: dt.date
    states: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "states": list(self.states)}


@cache
def _holidays(state: str, year: int, language: str | None) -> holidays.HolidayBase:
    import holidays  # only when a day must be looked up: the package loads every country

    cls = type(holidays.country_holidays(state))
    if language not in cls.supported_languages:
        language = "en_US"
    return holidays.country_holidays(state, years=year, language=language)


def _names(state: str, day: dt.date) -> dict[Lang, str]:
    return {
        lang: "; ".join(_holidays(state, day.year, code).get_list(day))
        for lang, code in _HOLIDAY_LANGUAGE.items()
    }


@dataclass(frozen=True)
class Calendar:
    """The working days of one or more states: a day counts if it is one in every state."""

    states: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.states:
            raise ValueError("a calendar needs at least one state")
        # An unknown state fails when its first day is looked up (NotImplementedError).

    @classmethod
    def of(cls, states: Sequence[str]) -> Calendar:
        return cls(tuple(dict.fromkeys(states)))

    def holidays_on(self, day: dt.date) -> list[Holiday]:
        """The public holidays of these states that fall on ``day``."""
        return [
            Holiday(day, state, _names(state, day))
            for state in self.states
            if day in _holidays(state, day.year, None)
        ]

    @staticmethod
    def _weekend_day(state: str, day: dt.date) -> bool:
        """A day of the weekly rest in ``state`` (not a Saturday made a working day)."""
        calendar = _holidays(state, day.year, None)
        return (
            day.weekday() in calendar.weekend
            and not calendar.is_working_day(day)
            and (day not in getattr(calendar, "weekend_workdays", ()))
        )

    def is_working_day(self, day: dt.date) -> bool:
        return all(_holidays(s, day.year, None).is_working_day(day) for s in self.states)

    def shift(
        self, start: dt.date, count: int
    ) -> tuple[dt.date, tuple[Holiday, ...], tuple[WeekendDay, ...]]:
        """The ``count``-th working day after ``start`` (before it, if negative).

        ``start`` itself is not counted. Returns the day, the public holidays skipped
        on the way, and the weekend days skipped (days of the weekly rest), each with
        the states it is one in; a holiday on a weekend day is both.
        """
        step = dt.timedelta(days=1 if count >= 0 else -1)
        day, remaining = start, abs(count)
        skipped: list[Holiday] = []
        weekend: list[WeekendDay] = []
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
                continue
            skipped += self.holidays_on(day)
            off = tuple(state for state in self.states if self._weekend_day(state, day))
            if off:
                weekend.append(WeekendDay(day, off))
        return (
            day,
            tuple(sorted(skipped, key=lambda h: (h.date, h.state))),
            tuple(sorted(weekend, key=lambda w: w.date)),
        )
