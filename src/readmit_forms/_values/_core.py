"""The core of value ids: the context, a topic's registry, and the helpers values share.

A topic module makes one `Registry` and registers its functions on it::

    VALUES = Registry()

    @VALUES.value("letter.place_date", shows=((TEXT, "place"), (DATE, "date")))
    def _place_date(ctx: Ctx, letter: Letter) -> Value: ...

``shows`` names the case fields the value shows, as paths from its object, each with
its kind: the translators' proof compares them across the languages, and the
composed document names them (`Field.paths`). ``_values/__init__.py`` merges the
topics' registries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from .._agreements import Agreement
from .._case import Case
from .._document import Rich, Run
from .._format import country_name, format_date, format_time
from .._lang import LANGS, Lang
from .._templates import Texts
from .._text import pick

__all__ = [
    "CODE",
    "DATE",
    "FAMILIES",
    "NAME",
    "NUMBER",
    "TEXT",
    "TIME",
    "ChoiceDef",
    "Ctx",
    "Kind",
    "Registry",
    "Shows",
    "Value",
    "ValueDef",
    "crossing_point",
    "join",
    "lines",
    "text",
    "when",
    "yes_no",
]

Kind = Literal["name", "number", "date", "time", "text", "code"]
NAME: Kind = "name"
"""A name: the same in every language (up to the letters Kazakh adds; Latin transliterated)."""
NUMBER: Kind = "number"
"""A number (a reference, a document number): the same in every language, literally."""
DATE: Kind = "date"
"""A date (or date and time): one raw value, written in each language's way."""
TIME: Kind = "time"
"""A time of day: one raw value, written in each language's way."""
TEXT: Kind = "text"
"""Free text: a version per language is wanted."""
CODE: Kind = "code"
"""A code from a closed list (a country, a sex, a mode of transport): named in each
language from the code, nothing to compare."""

Shows = tuple[tuple[Kind, str], ...]
"""The case fields a value shows: (kind, path from its object); ``[]`` runs over a list."""


@dataclass(frozen=True)
class Ctx:
    """What a value function may use: the case, its agreement, the form, the language, and
    the repeat variables in scope (``child``, ``document``, …)."""

    case: Case
    agreement: Agreement
    form: str
    lang: Lang
    texts: Texts
    scope: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fallback(self) -> tuple[Lang, ...]:
        """Languages to fall back on for free text lacking a version in ``lang``."""
        return fallback_langs(self.agreement, self.lang)

    def t(self, key: str, **params: object) -> str:
        return self.texts.format(f"common.values.{key}", **params)

    def pick(self, value: str | dict[Lang, str] | None) -> str | None:
        return None if value is None else pick(value, self.lang, self.fallback)

    def date(self, value: dt.date | None) -> str | None:
        return None if value is None else format_date(value, self.lang)

    def country(self, code: str | None) -> str | None:
        return None if code is None else country_name(code, self.lang)


def fallback_langs(agreement: Agreement, lang: Lang) -> tuple[Lang, ...]:
    """Languages to fall back on for free text lacking a version in ``lang``: the one that
    prevails under the agreement first, then ru, en, kk."""
    prevailing = agreement.languages.prevailing.value
    order = [Lang(prevailing)] if prevailing in LANGS else []
    order += [lang for lang in (Lang.RU, Lang.EN, Lang.KK) if lang not in order]
    return tuple(other for other in order if other != lang)


Value = Rich | None
ValueFn = Callable[[Ctx, Any], Value]
ChoiceFn = Callable[[Ctx, Any], frozenset[str] | None]
ItemsFn = Callable[[Ctx], Sequence[Any]]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class ValueDef:
    """A value function and the case fields it shows (``via``: from the object it finds)."""

    fn: ValueFn
    shows: Shows = ()
    via: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class ChoiceDef:
    """A choice function (the ticked option codes) and the case fields it reads."""

    fn: ChoiceFn
    shows: Shows = ()


class Registry:
    """The value, choice and item functions of one topic module, by id."""

    def __init__(self) -> None:
        self.values: dict[str, ValueDef] = {}
        self.choices: dict[str, ChoiceDef] = {}
        self.items: dict[str, ItemsFn] = {}

    def value(
        self, name: str, *, shows: Shows = (), via: Callable[[Any], Any] | None = None
    ) -> Callable[[F], F]:
        """Register a value function under ``name``, showing the case fields ``shows``."""
        self._new(name, self.values)

        def register(fn: F) -> F:
            self.values[name] = ValueDef(fn, shows, via)
            return fn

        return register

    def choice(self, name: str, *, shows: Shows = ()) -> Callable[[F], F]:
        """Register a choice function under ``name``, reading the case fields ``shows``."""
        self._new(name, self.choices)

        def register(fn: F) -> F:
            self.choices[name] = ChoiceDef(fn, shows)
            return fn

        return register

    @staticmethod
    def _new(name: str, table: Mapping[str, object]) -> None:
        if name in table:
            raise RuntimeError(f"id {name!r} is registered twice")


FAMILIES: dict[str, str] = {
    "case": "case",
    "person": "person",
    "spouse": "person",
    "child": "person",
    "letter": "letter",
    "signatory": "signatory",
    "unlawful_stay": "unlawful_stay",
    "circumstances": "circumstances",
    "interview": "interview",
    "transit": "transit",
    "handover": "handover",
    "statement": "statement",
    "document": "document",  # one document, inside `each: {items: holder.documents}`
    "escort": "escort",  # one escort, inside `each: {items: escorts}`
    "holder": "holder",  # one holder, inside `each: {items: documents.holders}`
}
"""The object a value id starts with, and the family of functions it takes: ``spouse``
and ``child`` take the functions of ``person``."""


def text(value: str | None) -> Value:
    return (Run(value),) if value else None


def lines(parts: Iterable[str | None], sep: str = "\n") -> Value:
    kept = [part for part in parts if part]
    return text(sep.join(kept)) if kept else None


def join(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    kept = [part for part in parts if part]
    return sep.join(kept) if kept else None


def crossing_point(ctx: Ctx, point: str | dict[Lang, str] | None) -> str | None:
    """A border crossing point: its name in the agreement data, or as the case gives it."""
    if point is None:
        return None
    if isinstance(point, str):
        for known in ctx.agreement.border_crossing_points:
            if known.id == point:
                return known.name[ctx.lang]
    return ctx.pick(point)


def when(ctx: Ctx, date: dt.date | None, time: dt.time | None) -> str | None:
    """A date and time of day, as far as the case gives them."""
    return join([ctx.date(date), format_time(time, ctx.lang) if time else None])


def yes_no(flag: bool | None) -> frozenset[str] | None:
    """The box of a yes/no item (none ticked where the case is silent)."""
    return None if flag is None else frozenset({"yes" if flag else "no"})
