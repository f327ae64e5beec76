"""Formatting of dates, times, countries, languages and counts in kk, ru and en (CLDR via Babel).

All formatting of values happens in composition; this module is its toolbox.
Nothing here depends on the machine's locale.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time

from ._lang import Lang
from ._vocabulary import country_name, language_name, locale

__all__ = [
    "add_months",
    "age_in_years",
    "country_name",
    "format_date",
    "format_datetime",
    "format_time",
    "format_weekday",
    "language_name",
    "plural_category",
]


@cache
def format_date(value: dt.date, lang: Lang) -> str:
    """A date as the language writes it in full: "21 марта 2026 г.", "2026 ж. 21 наурыз",
    "21 March 2026" — unambiguous across the three versions of a form."""
    return str(_babel_date(value, "long", locale=locale(lang)))


def format_weekday(value: dt.date, lang: Lang) -> str:
    """The day of the week, e.g. "суббота", "сенбі", "Saturday"."""
    return str(_babel_date(value, "EEEE", locale=locale(lang)))


def format_time(value: dt.time, lang: Lang) -> str:
    """A time of day on the 24-hour clock, e.g. "14:30"."""
    return str(_babel_time(value, "HH:mm", locale=locale(lang)))


def format_datetime(value: dt.datetime, lang: Lang) -> str:
    return f"{format_date(value.date(), lang)}, {format_time(value.time(), lang)}"


def plural_category(count: int, lang: Lang) -> str:
    """The CLDR plural category of ``count`` ("one", "few", "many", "other")."""
    return str(locale(lang).plural_form(count))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier if negative), or the month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_in_years(born: dt.date, on: dt.date) -> int:
    """Completed years of age on a given day."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
