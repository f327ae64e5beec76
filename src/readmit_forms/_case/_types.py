"""The scalar types of a case and their limits: dates in a range per kind, countries,
nationalities, languages; and the base of every part of a case."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from .._text import fragment, kind_of
from .._vocabulary import NATIONALITY_WORDS, is_country, is_language

__all__ = [
    "MAX_ITEMS",
    "BirthDate",
    "Country",
    "Date",
    "DateTime",
    "DocumentDate",
    "LanguageCode",
    "Model",
    "Nationality",
    "Time",
    "positive",
]

MAX_ITEMS: dict[str, int] = {
    "names": 10,  # surnames or given names of one person
    "aliases": 30,
    "nationalities": 5,
    "languages": 15,
    "children": 30,
    "documents": 60,
    "permits": 40,
    "evidence": 60,
    "acts": 30,  # acts recording the breach; legal obstacles
    "transit_states": 10,
    "escorts": 12,
}
"""The longest each list of a case may be: what a real case has, generously.

A limit bounds the time and memory a render takes (``benchmarks/bench_worst_case.py``
measures the worst case the schema accepts); it is in the JSON Schema as maxItems.
"""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")


def _got(value: Any) -> str:
    """What a wrong value is, without echoing it (dates of birth are personal data)."""
    return "text in another form" if isinstance(value, str) else kind_of(value)


def _iso(
    value: Any, kind: type[dt.date | dt.time], pattern: re.Pattern[str], what: str, form: str
) -> Any:
    """``value`` as a ``kind``: one already, or text of ``pattern`` that is a real one."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str) and pattern.fullmatch(value):
        try:
            return kind.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"is not a real {what} ({exc})") from None
    raise ValueError(f"expected a {what} as {form}, got {_got(value)}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("give a date (YYYY-MM-DD), not a date and time")
    return _iso(value, dt.date, _ISO_DATE, "date", "YYYY-MM-DD")


def _iso_time(value: Any) -> Any:
    return _iso(value, dt.time, _ISO_TIME, "time of day", "HH:MM")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                "expected a date and time as YYYY-MM-DDTHH:MM, got text that is not one"
            ) from None
        if parsed.tzinfo is not None:
            parsed = parsed.replace(tzinfo=None)
        return parsed
    raise ValueError(f"expected a date and time as YYYY-MM-DDTHH:MM, got {_got(value)}")


# Each kind of date has a range a real case stays in, so that any accepted date can be
# counted with (no deadline arithmetic reaches year 1 or 9999) and a typo such as
# 2062 for 2026 is caught. The range is in the JSON Schema too (formatMinimum and
# formatMaximum, and a pattern on the year), so case systems see it.
_YEARS = {
    (1900, 2100): "19[0-9]{2}|20[0-9]{2}|2100",
    (1900, 2150): "19[0-9]{2}|20[0-9]{2}|21[0-4][0-9]|2150",
    (1990, 2100): "199[0-9]|20[0-9]{2}|2100",
}


def _date_range(first: dt.date, last: dt.date, what: str) -> AfterValidator:
    def check(value: dt.date) -> dt.date:
        day = value.date() if isinstance(value, dt.datetime) else value
        if not first <= day <= last:
            raise ValueError(f"{what} must lie between {first.isoformat()} and {last.isoformat()}")
        return value

    return AfterValidator(check)


_LAST = dt.date(2100, 12, 31)


def _date_schema(first: dt.date, last: dt.date) -> Any:
    return Field(
        json_schema_extra={
            "format": "date",
            "pattern": f"^({_YEARS[first.year, last.year]})-[0-9]{{2}}-[0-9]{{2}}$",
            "formatMinimum": first.isoformat(),
            "formatMaximum": last.isoformat(),
        }
    )


_1900, _1990 = dt.date(1900, 1, 1), dt.date(1990, 1, 1)
_LAST_EXPIRY = dt.date(2150, 12, 31)  # a document issued in 2100 may run for decades

BirthDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1900, _LAST, "a date of birth"),
    _date_schema(_1900, _LAST),
]
"""A date of birth: 1900-01-01 to 2100-12-31."""
DocumentDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1900, _LAST_EXPIRY, "a date of a document, of evidence or of an entry"),
    _date_schema(_1900, _LAST_EXPIRY),
]
"""A document's, permit's or piece of evidence's date, or an entry: 1900-01-01 to 2150-12-31."""
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1990, _LAST, "a date of the case's events"),
    _date_schema(_1990, _LAST),
]
"""A date of the case's events (letter, finding, reply, transfer…): 1990-01-01 to 2100-12-31."""
Time = Annotated[dt.time, BeforeValidator(_iso_time)]
DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_datetime),
    _date_range(_1990, _LAST, "a date of the case's events"),
    Field(
        json_schema_extra={
            "pattern": f"^({_YEARS[1990, 2100]})-[0-9]{{2}}-[0-9]{{2}}[T ]",
            "formatMinimum": "1990-01-01T00:00:00",
            "formatMaximum": "2100-12-31T23:59:59",
        }
    ),
]


def _country(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 3166-1 alpha-2 country code, got {kind_of(value)}")
    code = value.strip().upper()
    if not is_country(code):
        raise ValueError(f"{fragment(value)} is not an ISO 3166-1 alpha-2 country code")
    return code


Country = Annotated[
    str,
    BeforeValidator(_country),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 country code (two capital letters)",
        }
    ),
]


def _nationality(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in NATIONALITY_WORDS:
        return value.strip().lower()
    return _country(value)


Nationality = Annotated[
    str,
    BeforeValidator(_nationality),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^([A-Z]{2}|stateless|unknown)$",
            "description": "ISO 3166-1 alpha-2 code, or 'stateless', or 'unknown'",
        }
    ),
]


def _language(value: Any) -> Any:
    if not isinstance(value, str) or not is_language(value.strip().lower()):
        shown = fragment(value) if isinstance(value, str) else kind_of(value)
        raise ValueError(f"{shown} is not an ISO 639 language code such as 'kk' or 'uz'")
    return value.strip().lower()


LanguageCode = Annotated[
    str,
    BeforeValidator(_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[a-z]{2,3}$",
            "description": "ISO 639 language code, e.g. 'ru'",
        }
    ),
]


def positive(value: int) -> int:
    if value <= 0:
        raise ValueError("must be a positive number")
    return value


class Model(BaseModel):
    """A part of a case: no unknown field, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)
